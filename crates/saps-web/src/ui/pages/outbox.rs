//! The operator's mail outbox: every mail, newest first, with its status
//! (pending, retrying, sent, failed), attempts, next attempt and last error.

use crate::AppState;
use crate::ui::extract::SignedIn;
use crate::ui::page::{fail, render};
use crate::ui::session::Ctx;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use saps_core::port::MailStatus;

/// Mails the page lists.
const SHOWN: u32 = 200;

/// One mail's line.
pub struct MailLine {
    pub to: String,
    pub subject: String,
    pub created_at: jiff::Timestamp,
    /// `pending`, `retrying`, `sent` or `failed` (also the badge's class).
    pub status: &'static str,
    pub attempts: u32,
    /// When it was sent, given up, or will be tried next.
    pub when: Option<jiff::Timestamp>,
    pub last_error: String,
}

#[derive(Template)]
#[template(path = "operator_outbox.html")]
pub struct OutboxPage<'a> {
    pub ctx: &'a Ctx,
    pub mails: Vec<MailLine>,
    pub pending: usize,
    pub failing: usize,
}

pub async fn page(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn) -> Response {
    let entries = match st.app.outbox(&actor, SHOWN).await {
        Ok(e) => e,
        Err(e) => return fail(&ctx, e),
    };
    let mails: Vec<MailLine> = entries
        .into_iter()
        .map(|e| {
            let (status, when) = match e.status {
                MailStatus::Pending => ("pending", None),
                MailStatus::Retrying => ("retrying", e.next_attempt_at),
                MailStatus::Sent => ("sent", e.sent_at),
                MailStatus::Failed => ("failed", e.failed_at),
            };
            MailLine {
                to: e.mail.to,
                subject: e.mail.subject,
                created_at: e.mail.created_at,
                status,
                attempts: e.mail.attempts,
                when,
                last_error: e.last_error.unwrap_or_default(),
            }
        })
        .collect();
    let pending = mails
        .iter()
        .filter(|m| matches!(m.status, "pending" | "retrying"))
        .count();
    let failing = mails
        .iter()
        .filter(|m| matches!(m.status, "retrying" | "failed"))
        .count();
    let page = OutboxPage {
        ctx: &ctx,
        mails,
        pending,
        failing,
    };
    render(&ctx, StatusCode::OK, &page)
}
