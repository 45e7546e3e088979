//! Outgoing mail: messages are queued in the outbox in the same transaction as
//! the change that causes them, then delivered by a background dispatcher.
//! The default transport writes `.eml` files (one per message) into a folder.

use crate::App;
use lettre::message::{Mailbox, Message, header::ContentType};
use lettre::{FileTransport, Transport};
use saps_core::Error;
use saps_core::port::OutgoingMail;

/// Builds the RFC 5322 message for an outbox entry.
pub fn build_message(from: &str, mail: &OutgoingMail) -> Result<Message, String> {
    let from: Mailbox = from
        .parse()
        .map_err(|e| format!("bad sender {from:?}: {e}"))?;
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|e| format!("bad recipient {:?}: {e}", mail.to))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(format!("<{}@saps>", mail.id)))
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| e.to_string())
}

impl App {
    /// Delivers what is waiting in the outbox; returns how many were sent.
    /// Delivery is at least once: a crash between sending and marking sends
    /// again (after the lease expires), with the same Message-ID so mail
    /// clients can tell.
    pub async fn dispatch_mail(&self) -> Result<usize, Error> {
        // Lease before sending, so that two nodes never send the same mail; a
        // node that dies mid-way lets its lease expire after five minutes.
        let now = jiff::Timestamp::now();
        let until = now + jiff::SignedDuration::from_secs(300);
        let pending = self
            .write(move |tx| Ok(tx.lease_mail(now, until, 100)?))
            .await?;
        if pending.is_empty() {
            return Ok(0);
        }
        let dir = self.settings.mail_dir.clone();
        let from = self.settings.mail_from.clone();
        let results = tokio::task::spawn_blocking(move || {
            let _ = std::fs::create_dir_all(&dir);
            let transport = FileTransport::new(&dir);
            pending
                .into_iter()
                .map(|m| {
                    let ok = match build_message(&from, &m) {
                        Ok(msg) => match transport.send(&msg) {
                            Ok(_) => true,
                            Err(e) => {
                                tracing::warn!(mail = %m.id, error = %e, "mail delivery failed");
                                false
                            }
                        },
                        Err(e) => {
                            tracing::warn!(mail = %m.id, error = %e, "mail cannot be built");
                            false
                        }
                    };
                    (m.id, ok)
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| Error::Store(saps_core::StoreError::Backend(e.to_string())))?;
        let now = self.now();
        let sent = results.iter().filter(|(_, ok)| *ok).count();
        self.write(move |tx| {
            for (id, ok) in &results {
                if *ok {
                    tx.mark_mail_sent(*id, now)?;
                } else {
                    tx.mark_mail_failed(*id)?;
                }
            }
            Ok(())
        })
        .await?;
        Ok(sent)
    }
}
