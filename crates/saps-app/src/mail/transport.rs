//! How mail leaves saps: `.eml` files in a folder (the default, for the demo)
//! or SMTP through `lettre`, with the URL conventions `lettre` reads:
//! `smtp://host:port` (plain), `smtp://host:port?tls=required` (STARTTLS, also
//! spelt `tls=starttls`), `smtp://host:port?tls=opportunistic`, and
//! `smtps://host:port` (TLS from the first byte). User and password may be in
//! the URL (`smtp://user:password@host`) or the password given apart.

use super::{Delivery, build_message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, FileTransport, Tokio1Executor, Transport};
use saps_core::port::OutgoingMail;
use std::path::Path;

/// How long one SMTP exchange may take before it counts as a transient failure.
const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);
/// SMTP connections one node opens at once.
const SMTP_CONNECTIONS: usize = 5;

/// Where outgoing mail goes.
#[derive(Clone, Debug, Default)]
pub enum MailTransport {
    /// `.eml` files in `Settings::mail_dir`.
    #[default]
    File,
    Smtp(SmtpSettings),
}

/// An SMTP server to send through. The password (in the URL or apart) is
/// never shown: `Debug` and [`SmtpSettings::shown`] redact it.
#[derive(Clone)]
pub struct SmtpSettings {
    url: String,
    password: Option<String>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("url", &self.shown())
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl SmtpSettings {
    /// Checks an SMTP URL (and the password given apart, if any); the error
    /// says what is wrong without repeating a password.
    pub fn parse(url: &str, password: Option<String>) -> Result<Self, String> {
        let settings = Self {
            url: url.trim().to_owned(),
            password: password.filter(|p| !p.is_empty()),
        };
        let parsed = url::Url::parse(&settings.url)
            .map_err(|e| format!("{:?} is not a URL ({e})", settings.shown()))?;
        if !matches!(parsed.scheme(), "smtp" | "smtps") {
            return Err(format!(
                "{:?}: the scheme must be smtp:// or smtps://, not {}://",
                settings.shown(),
                parsed.scheme()
            ));
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err(format!("{:?} names no host", settings.shown()));
        }
        for (k, v) in parsed.query_pairs() {
            if k != "tls" || !matches!(&*v, "required" | "starttls" | "opportunistic") {
                return Err(format!(
                    "{:?}: the only query is tls=required (or starttls) or tls=opportunistic",
                    settings.shown()
                ));
            }
        }
        settings
            .transport()
            .map_err(|e| format!("{:?}: {e}", settings.shown()))?;
        Ok(settings)
    }

    /// The URL with any password replaced by `***`.
    pub fn shown(&self) -> String {
        match url::Url::parse(&self.url) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(Some("***"));
                u.to_string()
            }
            Ok(u) => u.to_string(),
            Err(_) => "<unparsable URL>".into(),
        }
    }

    fn transport(
        &self,
    ) -> Result<AsyncSmtpTransport<Tokio1Executor>, lettre::transport::smtp::Error> {
        // `starttls` is the name people know for lettre's `required`.
        let url = self.url.replace("tls=starttls", "tls=required");
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)?;
        if let Some(password) = &self.password {
            let user = url::Url::parse(&url)
                .ok()
                .map(|u| u.username().to_owned())
                .unwrap_or_default();
            builder = builder.credentials(Credentials::new(user, password.clone()));
        }
        Ok(builder.timeout(Some(SMTP_TIMEOUT)).build())
    }
}

impl MailTransport {
    /// Sends each mail, one after the other, and says how each went.
    pub(crate) async fn deliver(
        &self,
        dir: &Path,
        from: &str,
        mails: Vec<OutgoingMail>,
    ) -> Vec<(OutgoingMail, Delivery)> {
        match self {
            MailTransport::File => {
                let (dir, from) = (dir.to_owned(), from.to_owned());
                let handle = tokio::task::spawn_blocking(move || {
                    let _ = std::fs::create_dir_all(&dir);
                    let transport = FileTransport::new(&dir);
                    mails
                        .into_iter()
                        .map(|m| {
                            let outcome = match build_message(&from, &m) {
                                Ok(msg) => match transport.send(&msg) {
                                    Ok(_) => Delivery::Sent,
                                    Err(e) => Delivery::Transient(e.to_string()),
                                },
                                Err(e) => Delivery::Permanent(e),
                            };
                            (m, outcome)
                        })
                        .collect()
                });
                handle.await.unwrap_or_default()
            }
            MailTransport::Smtp(settings) => {
                let transport = match settings.transport() {
                    Ok(t) => t,
                    Err(e) => {
                        let e = e.to_string();
                        return mails
                            .into_iter()
                            .map(|m| (m, Delivery::Transient(e.clone())))
                            .collect();
                    }
                };
                // A few connections at once: each mail waits on its server's
                // answers (and on delayed acknowledgements), not on the others.
                let limit = std::sync::Arc::new(tokio::sync::Semaphore::new(SMTP_CONNECTIONS));
                let mut sends = tokio::task::JoinSet::new();
                for (i, m) in mails.into_iter().enumerate() {
                    let (transport, from, limit) =
                        (transport.clone(), from.to_owned(), limit.clone());
                    sends.spawn(async move {
                        let _permit = limit.acquire_owned().await;
                        let outcome = match build_message(&from, &m) {
                            Err(e) => Delivery::Permanent(e),
                            Ok(msg) => match transport.send(msg).await {
                                Ok(_) => Delivery::Sent,
                                Err(e) if e.is_permanent() => Delivery::Permanent(describe(&e)),
                                Err(e) => Delivery::Transient(describe(&e)),
                            },
                        };
                        (i, m, outcome)
                    });
                }
                let mut out = Vec::new();
                while let Some(done) = sends.join_next().await {
                    // A send that panicked stays leased and is tried again
                    // when its lease expires.
                    if let Ok(done) = done {
                        out.push(done);
                    }
                }
                out.sort_by_key(|(i, _, _)| *i);
                out.into_iter().map(|(_, m, d)| (m, d)).collect()
            }
        }
    }
}

/// An SMTP error with its cause, for the outbox's last error.
fn describe(e: &lettre::transport::smtp::Error) -> String {
    let mut s = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_in_lettres_conventions_are_accepted() {
        for ok in [
            "smtp://127.0.0.1:2525",
            "smtp://mail.example.com:587?tls=starttls",
            "smtp://mail.example.com:587?tls=required",
            "smtps://user:pa%20ss@mail.example.com",
        ] {
            assert!(SmtpSettings::parse(ok, None).is_ok(), "{ok}");
        }
    }

    #[test]
    fn a_malformed_smtp_url_is_refused_with_why_and_without_its_password() {
        for bad in [
            "mail.example.com",
            "http://mail.example.com",
            "smtp://",
            "smtp://u:hunter2@mail.example.com?tls=maybe",
        ] {
            let e = SmtpSettings::parse(bad, None).unwrap_err();
            assert!(!e.contains("hunter2"), "{e}");
            assert!(!e.is_empty());
        }
    }

    #[test]
    fn the_password_never_shows_in_debug() {
        let s = SmtpSettings::parse("smtp://ana:hunter2@mail.example.com", None).unwrap();
        let shown = format!("{s:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        let s = SmtpSettings::parse("smtp://ana@mail.example.com", Some("s3cret".into())).unwrap();
        let shown = format!("{s:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
