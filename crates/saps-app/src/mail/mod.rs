//! Outgoing mail: messages are queued in the outbox in the same transaction as
//! the change that causes them, written in each recipient's language (see
//! [`text`]), then delivered by a background dispatcher over SMTP or, by
//! default, as `.eml` files (one per message) in a folder.
//!
//! Delivery is leased mail by mail (two nodes never send the same mail at
//! once), at least once (a crash between sending and marking sends again after
//! the lease expires, with the same Message-ID so mail clients can tell), and
//! retried with exponential backoff: a transient failure (a 4xx answer, a
//! connection that fails or is cut) is tried again up to [`MAX_ATTEMPTS`]
//! times; a permanent refusal (5xx) up to [`MAX_REFUSALS`] times, in case the
//! server's refusal was a passing mistake. A mail given up stays in the outbox,
//! failed, with its last error, for the operator to see.

pub mod reminders;
pub mod text;
mod transport;

pub use transport::{MailTransport, SmtpSettings};

use crate::{App, clock};
use lettre::message::{Mailbox, Message, MultiPart, SinglePart, header::ContentType};
use saps_core::notify::Topic;
use saps_core::port::{MailRetry, OutgoingMail, Tx};
use saps_core::{Error, Locale, OrgId, Role, User, Voucher};
use text::Draft;

/// Attempts before a mail that keeps failing transiently is given up.
pub const MAX_ATTEMPTS: u32 = 10;
/// Attempts before a mail the server keeps refusing permanently is given up.
pub const MAX_REFUSALS: u32 = 3;
/// The longest wait between two attempts.
pub const MAX_BACKOFF: jiff::SignedDuration = jiff::SignedDuration::from_hours(6);
/// How many mails one delivery pass leases (each node).
const BATCH: u32 = 20;

/// Builds the RFC 5322 message for an outbox entry: plain text, or plain text
/// and HTML as `multipart/alternative`. The Message-ID is the outbox id, so a
/// re-sent mail carries the same one.
pub fn build_message(from: &str, mail: &OutgoingMail) -> Result<Message, String> {
    let from: Mailbox = from
        .parse()
        .map_err(|e| format!("bad sender {from:?}: {e}"))?;
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|e| format!("bad recipient {:?}: {e}", mail.to))?;
    let builder = Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(format!("<{}@saps>", mail.id)));
    match &mail.html {
        None => builder
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone()),
        Some(html) => builder.multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::plain(mail.body.clone()))
                .singlepart(SinglePart::html(html.clone())),
        ),
    }
    .map_err(|e| e.to_string())
}

/// The wait before attempt `attempts + 1`, after `attempts` failed ones:
/// `base`, doubled with every failure, at most [`MAX_BACKOFF`].
pub fn backoff(base: jiff::SignedDuration, attempts: u32) -> jiff::SignedDuration {
    let factor = 1_i32 << attempts.saturating_sub(1).min(20);
    base.checked_mul(factor)
        .unwrap_or(MAX_BACKOFF)
        .min(MAX_BACKOFF)
}

/// How one delivery attempt went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// Worth trying again (4xx, connection refused, cut or timed out).
    Transient(String),
    /// Refused for good (5xx), or a mail that cannot be built.
    Permanent(String),
}

/// What to do with a mail after a failed attempt (its `attempts` before it).
pub fn after_failure(
    attempts: u32,
    permanent: bool,
    now: jiff::Timestamp,
    base: jiff::SignedDuration,
) -> MailRetry {
    let tried = attempts + 1;
    let limit = if permanent {
        MAX_REFUSALS
    } else {
        MAX_ATTEMPTS
    };
    if tried >= limit {
        MailRetry::GiveUp(now)
    } else {
        MailRetry::At(now + backoff(base, tried))
    }
}

/// Queues `draft` to `to`, written in `locale`.
pub fn queue(
    tx: &mut dyn Tx,
    to: &str,
    locale: Locale,
    draft: &Draft,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let letter = draft.render(locale);
    tx.enqueue_mail(&OutgoingMail {
        id: uuid::Uuid::now_v7(),
        to: to.to_owned(),
        subject: letter.subject,
        body: letter.text,
        html: Some(letter.html),
        created_at: now,
        attempts: 0,
    })?;
    Ok(())
}

/// The group of optional mails a template belongs to, which each user may
/// turn off; `None` for the mails that always go (the voucher ID sent to the
/// customer on assignment, a declined delivery, a disabled webhook, account
/// and security mails).
pub fn topic(kind: &str) -> Option<Topic> {
    match kind {
        k if k.starts_with("remind-") => Some(Topic::Reminders),
        "assigned-partner" | "returned" | "cancelled" | "reserved" | "reservation-cancelled" => {
            Some(Topic::VoucherUpdates)
        }
        k if k.starts_with("claim-") => Some(Topic::Payments),
        _ => None,
    }
}

/// Queues `draft` to each user (once per address), each in their language,
/// but not to a user who turned the draft's [`topic`] off; returns how many
/// mails were queued.
pub fn queue_to_users(
    tx: &mut dyn Tx,
    users: &[User],
    draft: &Draft,
    now: jiff::Timestamp,
) -> Result<usize, Error> {
    let topic = topic(draft.kind);
    let mut seen: Vec<&str> = Vec::new();
    let mut queued = 0;
    for u in users {
        if u.disabled || seen.contains(&u.email.as_str()) {
            continue;
        }
        seen.push(&u.email);
        if let Some(t) = topic
            && !tx.notification_settings(u.id)?.allows(t)
        {
            continue;
        }
        queue(tx, &u.email, u.locale, draft, now)?;
        queued += 1;
    }
    Ok(queued)
}

/// The language to write to an address in: its user's, else (for a customer's
/// address that is no user) the customer's first benefit admin's, else English.
pub fn locale_for_address(
    tx: &mut dyn Tx,
    email: &str,
    customer: Option<OrgId>,
) -> Result<Locale, Error> {
    if let Some(u) = tx.user_by_email(email)? {
        return Ok(u.locale);
    }
    if let Some(c) = customer
        && let Some(admin) = tx
            .users(c)?
            .into_iter()
            .find(|u| u.role == Role::BenefitAdmin && !u.disabled)
    {
        return Ok(admin.locale);
    }
    Ok(Locale::En)
}

/// The partner's active admins (global and MPN partner admins).
pub fn partner_admins(tx: &mut dyn Tx, partner: OrgId) -> Result<Vec<User>, Error> {
    Ok(tx
        .users(partner)?
        .into_iter()
        .filter(|u| !u.disabled && matches!(u.role, Role::GlobalAdmin | Role::MpnAdmin))
        .collect())
}

/// The customer's people for a voucher: who created it and its project manager.
pub fn voucher_contacts(tx: &mut dyn Tx, v: &Voucher) -> Result<Vec<User>, Error> {
    let mut out: Vec<User> = Vec::new();
    for uid in [v.created_by, v.project_manager_id] {
        if let Some(u) = tx.user(uid)?
            && !out.iter().any(|o| o.email == u.email)
        {
            out.push(u);
        }
    }
    Ok(out)
}

/// The customer's active benefit admins.
pub fn benefit_admins(tx: &mut dyn Tx, customer: OrgId) -> Result<Vec<User>, Error> {
    Ok(tx
        .users(customer)?
        .into_iter()
        .filter(|u| !u.disabled && u.role == Role::BenefitAdmin)
        .collect())
}

/// An engagement's name in the program's catalog, or its code.
pub fn engagement_name(program: &saps_core::Program, v: &Voucher) -> String {
    program
        .engagement(&v.engagement)
        .map(|(_, e)| e.name.clone())
        .unwrap_or_else(|| v.engagement.clone())
}

impl App {
    /// Delivers what is due in the outbox; returns how many were sent.
    pub async fn dispatch_mail(&self) -> Result<usize, Error> {
        // Lease before sending, so that two nodes never send the same mail; a
        // node that dies mid-way lets its lease expire after five minutes.
        // Retries are timed in real time, as leases are.
        let now = clock::wall_now();
        let until = now + jiff::SignedDuration::from_secs(300);
        let pending = self
            .write(move |tx| Ok(tx.lease_mail(now, until, BATCH)?))
            .await?;
        if pending.is_empty() {
            return Ok(0);
        }
        let outcomes = self
            .settings
            .mail_transport
            .deliver(&self.settings.mail_dir, &self.settings.mail_from, pending)
            .await;
        let sent = outcomes
            .iter()
            .filter(|(_, d)| *d == Delivery::Sent)
            .count();
        let base = self.settings.mail_retry_base;
        let at = clock::wall_now();
        self.write(move |tx| {
            for (m, outcome) in &outcomes {
                match outcome {
                    Delivery::Sent => tx.mark_mail_sent(m.id, at)?,
                    Delivery::Transient(e) | Delivery::Permanent(e) => {
                        let permanent = matches!(outcome, Delivery::Permanent(_));
                        let retry = after_failure(m.attempts, permanent, at, base);
                        tracing::warn!(
                            mail = %m.id, error = %e, attempts = m.attempts + 1,
                            given_up = matches!(retry, MailRetry::GiveUp(_)),
                            "mail delivery failed"
                        );
                        tx.mark_mail_attempt_failed(m.id, e, &retry)?;
                    }
                }
            }
            Ok(())
        })
        .await?;
        Ok(sent)
    }

    /// The outbox as the operator's page shows it, newest first.
    pub async fn outbox(
        &self,
        actor: &saps_core::Actor,
        limit: u32,
    ) -> Result<Vec<saps_core::port::OutboxEntry>, Error> {
        if actor.role != Role::Operator {
            return Err(Error::forbidden("only the operator sees the mail outbox"));
        }
        self.read(move |tx| Ok(tx.outbox_entries(limit)?)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_updates_and_claim_decisions_are_optional_and_the_rest_always_go() {
        assert_eq!(topic("remind-claim-window"), Some(Topic::Reminders));
        assert_eq!(topic("remind-sign-off"), Some(Topic::Reminders));
        assert_eq!(topic("assigned-partner"), Some(Topic::VoucherUpdates));
        assert_eq!(topic("reserved"), Some(Topic::VoucherUpdates));
        assert_eq!(topic("returned"), Some(Topic::VoucherUpdates));
        assert_eq!(topic("claim-paid"), Some(Topic::Payments));
        for essential in ["assigned-customer", "declined", "webhook-disabled"] {
            assert_eq!(topic(essential), None, "{essential}");
        }
    }

    #[test]
    fn the_wait_doubles_with_every_failure_up_to_the_cap() {
        let base = jiff::SignedDuration::from_secs(60);
        let waits: Vec<i64> = (1..=4).map(|n| backoff(base, n).as_secs()).collect();
        assert_eq!(waits, [60, 120, 240, 480]);
        assert_eq!(backoff(base, 30), MAX_BACKOFF);
    }

    #[test]
    fn a_refused_mail_is_given_up_sooner_than_a_transient_failure() {
        let now: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let base = jiff::SignedDuration::from_secs(60);
        assert_eq!(
            after_failure(MAX_REFUSALS - 1, true, now, base),
            MailRetry::GiveUp(now)
        );
        assert!(matches!(
            after_failure(MAX_REFUSALS - 1, false, now, base),
            MailRetry::At(_)
        ));
        assert_eq!(
            after_failure(MAX_ATTEMPTS - 1, false, now, base),
            MailRetry::GiveUp(now)
        );
    }

    #[test]
    fn a_mail_with_html_is_sent_as_plain_text_and_html_alternatives() {
        let mail = OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: "ana@example.com".into(),
            subject: "Бон".into(),
            body: "plain words".into(),
            html: Some("<p>html words</p>".into()),
            created_at: jiff::Timestamp::now(),
            attempts: 0,
        };
        let raw = String::from_utf8(
            build_message("saps <s@example.com>", &mail)
                .unwrap()
                .formatted(),
        )
        .unwrap();
        assert!(raw.contains("multipart/alternative"), "{raw}");
        assert!(raw.contains("text/plain"), "{raw}");
        assert!(raw.contains("text/html"), "{raw}");
        assert!(raw.contains(&format!("<{}@saps>", mail.id)), "{raw}");
    }
}
