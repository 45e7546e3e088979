//! Configuration: defaults < `saps.toml` < `SAPS_*` environment < command-line
//! flags. Unknown keys in the file are refused, with their name.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// What `saps.toml` may say. Every key is optional.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// An SQLite file path or a postgres:// URL.
    pub database: Option<String>,
    pub listen: Option<SocketAddr>,
    /// `system` or `simulated:YYYY-MM-DD`.
    pub clock: Option<String>,
    pub mail_dir: Option<PathBuf>,
    pub public_url: Option<String>,
}

impl std::fmt::Debug for File {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("File")
            .field("database", &self.database.as_deref().map(crate::redact))
            .field("listen", &self.listen)
            .field("clock", &self.clock)
            .field("mail_dir", &self.mail_dir)
            .field("public_url", &self.public_url)
            .finish()
    }
}

/// Reads the configuration file: the one named (which must exist), else
/// `saps.toml` in the working directory if there is one.
pub fn load(named: Option<&Path>) -> Result<File> {
    let path = match named {
        Some(p) => p.to_path_buf(),
        None => {
            let p = PathBuf::from("saps.toml");
            if !p.exists() {
                return Ok(File::default());
            }
            p
        }
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    parse(&text).with_context(|| format!("in {}", path.display()))
}

pub fn parse(text: &str) -> Result<File> {
    toml::from_str(text).map_err(|e| anyhow::anyhow!("{}", e.to_string().trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_every_key_parses() {
        let f = parse("database = \"postgres://saps:secret@db/saps\"\nlisten = \"0.0.0.0:8080\"\nclock = \"system\"\nmail_dir = \"/var/mail/saps\"\npublic_url = \"https://saps.example\"\n").unwrap();
        assert_eq!(f.listen, Some("0.0.0.0:8080".parse().unwrap()));
        let shown = format!("{f:?}");
        assert!(!shown.contains("secret"), "{shown}");
    }

    #[test]
    fn an_unknown_key_is_refused_by_name() {
        let e = parse("databse = \"x.db\"\n").unwrap_err().to_string();
        assert!(e.contains("databse"), "{e}");
    }
}
