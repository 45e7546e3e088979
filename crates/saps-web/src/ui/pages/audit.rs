//! The operator's audit page: the journal's head to record, the last
//! verification and its result, a button that verifies now (in the
//! background, recorded), and the journal itself, newest first, filtered by
//! kind, organisation, voucher and dates, a keyset page at a time.

use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{done_message, fail, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_core::chain::{ChainHead, GENESIS, JournalFilter, Verification};
use saps_core::{Event, OrgId, VoucherId};

/// Events per journal page.
const PAGE: u32 = 50;

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub head: ChainHead,
    pub last: Option<Verification>,
}

#[derive(Template)]
#[template(path = "audit_journal.html")]
pub struct JournalPage<'a> {
    pub ctx: &'a Ctx,
    pub problems: Problems,
    pub kind: String,
    pub org: String,
    pub voucher: String,
    pub from: String,
    pub until: String,
    pub events: Vec<Event>,
    /// The query of the next (older) page, when there is one.
    pub older: Option<String>,
}

impl JournalPage<'_> {
    /// Whom an event concerns, as ids (the journal keeps ids, not names).
    pub fn whom(&self, e: &Event) -> String {
        [e.customer_id, e.partner_id]
            .into_iter()
            .flatten()
            .map(|o| o.to_string())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

pub async fn page(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    let head = match st.app.audit_head(&actor).await {
        Ok(h) => h.unwrap_or(ChainHead {
            seq: 0,
            hash: GENESIS.to_owned(),
        }),
        Err(e) => return fail(&ctx, e),
    };
    let last = match st.app.last_verification(&actor).await {
        Ok(v) => v,
        Err(e) => return fail(&ctx, e),
    };
    let done = done_message(&ctx, q.get("done"));
    render(
        &ctx,
        StatusCode::OK,
        &AuditPage {
            ctx: &ctx,
            done,
            head,
            last,
        },
    )
}

/// Starts a verification in the background; the page shows it running,
/// then its result.
pub async fn verify(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    match st.app.start_verification(&actor).await {
        Ok(true) => Redirect::to("/audit?done=audit_started").into_response(),
        Ok(false) => Redirect::to("/audit?done=audit_running").into_response(),
        Err(e) => fail(&form.ctx, e),
    }
}

/// A day from a filter field, as the start of that day (UTC).
fn day(s: &str) -> Option<jiff::Timestamp> {
    let d: jiff::civil::Date = s.parse().ok().filter(|_| s.len() == 10)?;
    d.to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

pub async fn journal(
    State(st): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let text = |k: &str| q.get(k).unwrap_or_default().trim().to_owned();
    let (kind, org, voucher, from, until) = (
        text("kind"),
        text("org"),
        text("voucher"),
        text("from"),
        text("until"),
    );
    let mut problems = Problems::default();
    let mut filter = JournalFilter {
        limit: PAGE,
        ..JournalFilter::default()
    };
    if !kind.is_empty() {
        filter.kind = Some(kind.clone());
    }
    if !org.is_empty() {
        match org.parse::<OrgId>() {
            Ok(o) => filter.org = Some(o),
            Err(_) => problems = problems.at("org", ctx.t("audit-filter-id-invalid")),
        }
    }
    if !voucher.is_empty() {
        match voucher.parse::<VoucherId>() {
            Ok(v) => filter.voucher = Some(v),
            Err(_) => problems = problems.at("voucher", ctx.t("audit-filter-id-invalid")),
        }
    }
    if !from.is_empty() {
        match day(&from) {
            Some(t) => filter.from = Some(t),
            None => problems = problems.at("from", ctx.t("audit-filter-date-invalid")),
        }
    }
    if !until.is_empty() {
        // Until a day: up to the end of it.
        match day(&until).and_then(|t| t.checked_add(jiff::SignedDuration::from_hours(24)).ok()) {
            Some(t) => filter.until = Some(t),
            None => problems = problems.at("until", ctx.t("audit-filter-date-invalid")),
        }
    }
    if let Some(before) = q.get("before") {
        match before.trim().parse::<i64>() {
            Ok(b) => filter.before = Some(b),
            Err(_) => problems.top = Some(ctx.t("audit-filter-cursor-invalid")),
        }
    }
    let (status, events) = if problems.is_empty() {
        match st.app.browse_journal(&actor, filter).await {
            Ok(events) => (StatusCode::OK, events),
            Err(e) => return fail(&ctx, e),
        }
    } else {
        // The filters are checked after the caller may see the journal at all.
        if let Err(e) = st.app.audit_head(&actor).await {
            return fail(&ctx, e);
        }
        (StatusCode::UNPROCESSABLE_ENTITY, Vec::new())
    };
    let older = (events.len() == PAGE as usize)
        .then(|| events.last().map(|e| e.seq))
        .flatten()
        .map(|before| {
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs([
                    ("kind", kind.as_str()),
                    ("org", org.as_str()),
                    ("voucher", voucher.as_str()),
                    ("from", from.as_str()),
                    ("until", until.as_str()),
                    ("before", before.to_string().as_str()),
                ])
                .finish()
        });
    render(
        &ctx,
        status,
        &JournalPage {
            ctx: &ctx,
            problems,
            kind,
            org,
            voucher,
            from,
            until,
            events,
            older,
        },
    )
}
