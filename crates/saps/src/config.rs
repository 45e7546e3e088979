//! Configuration: defaults < `saps.toml` < `SAPS_*` environment < command-line
//! flags. Unknown keys in the file are refused, with their name.
//!
//! Each default is written once: here ([`defaults`]) for what only the binary
//! knows, and in `saps_app::Settings::default` for the application's own
//! settings (the mail folder, the sender).

use anyhow::{Context, Result};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The binary's defaults.
pub mod defaults {
    /// The database `serve`, `migrate` and `user add` use.
    pub const DATABASE: &str = "saps-data/saps.db";
    /// The address `serve` and `demo` listen on.
    pub const LISTEN: &str = "127.0.0.1:8080";
    pub const CLOCK: &str = "system";
    /// The demo's database, replaced on every start.
    pub const DEMO_DATABASE: &str = "saps-data/demo.db";
    pub const DEMO_MAIL_DIR: &str = "saps-data/demo-mail";
}

/// What one source (the file, or the environment and flags) says. Every key
/// is optional; a source that says nothing leaves the one below it in force.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// An SQLite file path or a postgres:// URL.
    pub database: Option<String>,
    pub listen: Option<SocketAddr>,
    /// `system` or `simulated:YYYY-MM-DD`.
    pub clock: Option<String>,
    pub mail_dir: Option<PathBuf>,
    pub public_url: Option<String>,
    /// Behind one reverse proxy that appends the client to `X-Forwarded-For`.
    pub trusted_proxy: Option<bool>,
    /// `smtp://host:port` (`?tls=starttls`), `smtps://host:port`; unset: `.eml` files.
    pub smtp_url: Option<String>,
    /// The SMTP password, when not in the URL (a secret: never shown).
    pub smtp_password: Option<String>,
    /// Webhooks may reach loopback, private and link-local addresses.
    pub webhooks_allow_private: Option<bool>,
    /// A separate address serving `/metrics` without a token.
    pub metrics_listen: Option<SocketAddr>,
    /// The bearer token `/metrics` asks for on the main address.
    pub metrics_token: Option<String>,
}

impl std::fmt::Debug for Layer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Layer")
            .field("database", &self.database.as_deref().map(crate::redact))
            .field("listen", &self.listen)
            .field("clock", &self.clock)
            .field("mail_dir", &self.mail_dir)
            .field("public_url", &self.public_url)
            .field("trusted_proxy", &self.trusted_proxy)
            .field("smtp_url", &self.smtp_url.as_deref().map(crate::redact))
            .field("smtp_password", &self.smtp_password.as_ref().map(|_| "***"))
            .field("webhooks_allow_private", &self.webhooks_allow_private)
            .field("metrics_listen", &self.metrics_listen)
            .field(
                "metrics_token",
                &self.metrics_token.as_ref().map(|_| "[redacted]"),
            )
            .finish()
    }
}

/// The settings `serve` runs with, every key decided.
#[derive(Clone)]
pub struct Serve {
    pub database: String,
    pub listen: SocketAddr,
    pub clock: String,
    pub mail_dir: PathBuf,
    /// `http://` and the listening address unless set.
    pub public_url: String,
    pub trusted_proxy: bool,
    /// Where mail goes: checked here, so a malformed `smtp_url` stops the start.
    pub mail_transport: saps_app::mail::MailTransport,
    pub webhooks_allow_private: bool,
    pub metrics_listen: Option<SocketAddr>,
    pub metrics_token: Option<saps_app::metrics::MetricsToken>,
}

impl Layer {
    /// This layer over `lower`: each key from here when set, else from there.
    pub fn over(self, lower: &Layer) -> Layer {
        Layer {
            database: self.database.or_else(|| lower.database.clone()),
            listen: self.listen.or(lower.listen),
            clock: self.clock.or_else(|| lower.clock.clone()),
            mail_dir: self.mail_dir.or_else(|| lower.mail_dir.clone()),
            public_url: self.public_url.or_else(|| lower.public_url.clone()),
            trusted_proxy: self.trusted_proxy.or(lower.trusted_proxy),
            smtp_url: self.smtp_url.or_else(|| lower.smtp_url.clone()),
            smtp_password: self.smtp_password.or_else(|| lower.smtp_password.clone()),
            webhooks_allow_private: self.webhooks_allow_private.or(lower.webhooks_allow_private),
            metrics_listen: self.metrics_listen.or(lower.metrics_listen),
            metrics_token: self.metrics_token.or_else(|| lower.metrics_token.clone()),
        }
    }

    /// The database, or the default.
    pub fn database(&self) -> String {
        self.database
            .clone()
            .unwrap_or_else(|| defaults::DATABASE.into())
    }

    /// Every key decided, from the defaults where this layer says nothing;
    /// an error names a setting that cannot be used (a malformed `smtp_url`).
    pub fn serve(self) -> Result<Serve> {
        let listen = self.listen.unwrap_or_else(default_listen);
        let mail_transport = match &self.smtp_url {
            None => saps_app::mail::MailTransport::File,
            Some(url) => saps_app::mail::MailTransport::Smtp(
                saps_app::mail::SmtpSettings::parse(url, self.smtp_password.clone()).map_err(
                    |e| anyhow::anyhow!("the setting smtp_url (--smtp-url, SAPS_SMTP_URL): {e}"),
                )?,
            ),
        };
        Ok(Serve {
            database: self.database(),
            listen,
            clock: self.clock.unwrap_or_else(|| defaults::CLOCK.into()),
            mail_dir: self
                .mail_dir
                .unwrap_or_else(|| saps_app::Settings::default().mail_dir),
            public_url: self
                .public_url
                .unwrap_or_else(|| format!("http://{listen}")),
            trusted_proxy: self
                .trusted_proxy
                .unwrap_or(saps_app::Settings::default().trusted_proxy),
            mail_transport,
            webhooks_allow_private: self
                .webhooks_allow_private
                .unwrap_or(saps_app::Settings::default().webhooks_allow_private),
            metrics_listen: self.metrics_listen,
            metrics_token: self
                .metrics_token
                .and_then(saps_app::metrics::MetricsToken::new),
        })
    }
}

pub fn default_listen() -> SocketAddr {
    defaults::LISTEN
        .parse()
        .expect("the default address parses")
}

/// Reads the configuration file: the one named (which must exist), else
/// `saps.toml` in the working directory if there is one.
pub fn load(named: Option<&Path>) -> Result<Layer> {
    let path = match named {
        Some(p) => p.to_path_buf(),
        None => {
            let p = PathBuf::from("saps.toml");
            if !p.exists() {
                return Ok(Layer::default());
            }
            p
        }
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    parse(&text).with_context(|| format!("in {}", path.display()))
}

pub fn parse(text: &str) -> Result<Layer> {
    toml::from_str(text).map_err(|e| anyhow::anyhow!("{}", e.to_string().trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_every_key_parses() {
        let f = parse(
            "database = \"postgres://saps:secret@db/saps\"\nlisten = \"0.0.0.0:8080\"\nclock = \"system\"\n\
             mail_dir = \"/var/mail/saps\"\npublic_url = \"https://saps.example\"\n",
        )
        .unwrap();
        assert_eq!(f.listen, Some("0.0.0.0:8080".parse().unwrap()));
        let shown = format!("{f:?}");
        assert!(!shown.contains("secret"), "{shown}");
    }

    #[test]
    fn an_unknown_key_is_refused_by_name() {
        let e = parse("databse = \"x.db\"\n").unwrap_err().to_string();
        assert!(e.contains("databse"), "{e}");
    }

    #[test]
    fn flags_override_the_file_which_overrides_the_defaults() {
        let file = parse("listen = \"0.0.0.0:9000\"\nclock = \"simulated:2020-11-02\"\n").unwrap();
        let flags = Layer {
            clock: Some("system".into()),
            ..Layer::default()
        };
        let s = flags.over(&file).serve().unwrap();
        assert_eq!(s.listen, "0.0.0.0:9000".parse().unwrap());
        assert_eq!(s.clock, "system");
        assert_eq!(s.database, defaults::DATABASE);
        assert_eq!(s.mail_dir, saps_app::Settings::default().mail_dir);
        assert_eq!(s.public_url, "http://0.0.0.0:9000");
    }

    #[test]
    fn a_malformed_smtp_url_stops_the_start_naming_the_setting_without_its_password() {
        let layer =
            parse("smtp_url = \"smtp://ana:hunter2@mail.example.com?tls=perhaps\"\n").unwrap();
        let e = layer.serve().err().expect("refused").to_string();
        assert!(e.contains("smtp_url"), "{e}");
        assert!(!e.contains("hunter2"), "{e}");
    }

    #[test]
    fn the_smtp_password_never_shows_in_debug() {
        let layer = parse(
            "smtp_url = \"smtp://ana:hunter2@mail.example.com\"\nsmtp_password = \"s3cret\"\n",
        )
        .unwrap();
        let shown = format!("{layer:?}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("s3cret"),
            "{shown}"
        );
        assert!(matches!(
            layer.serve().unwrap().mail_transport,
            saps_app::mail::MailTransport::Smtp(_)
        ));
    }
}
