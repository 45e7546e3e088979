//! The program as the API shows it: the catalog of offerings, and the settings
//! with the dated calendar (changed by the operator).

use super::{Refusal, ok};
use crate::AppState;
use crate::extract::{Caller, Json};
use crate::problem::ApiResult;
use axum::extract::State;
use axum::response::Response;
use saps_core::{ExpiryAnchor, Milestone, Program};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(offerings))
        .routes(routes!(program_get, program_put))
        .routes(routes!(program_what_if))
}

/// A deliverable engagement.
#[derive(Serialize, ToSchema)]
struct EngagementAnswer {
    code: String,
    name: String,
    cloud: bool,
    /// Allowed lengths in days.
    lengths: Vec<u32>,
    /// The partner competency that qualifies a company for this engagement.
    competency: String,
    /// Exams or assessments, one of which the delivering consultant must hold.
    exams: Vec<String>,
    /// The day it stops being deliverable, if any (its own or the calendar's).
    #[schema(required = true)]
    retired_on: Option<jiff::civil::Date>,
}

/// An offering with its engagements.
#[derive(Serialize, ToSchema)]
struct OfferingAnswer {
    code: String,
    name: String,
    engagements: Vec<EngagementAnswer>,
}

/// Program settings and the dated calendar.
#[derive(Serialize, ToSchema)]
struct ProgramAnswer {
    name: String,
    version: u32,
    voucher_validity_days: u32,
    expiry_anchor: ExpiryAnchor,
    claim_window_days: u32,
    payment_due_days: u32,
    /// The course a partner company completes (within the last year) to be eligible.
    compliance_course: String,
    milestones: Vec<Milestone>,
    /// Days the customer has to sign a completion report off; silence for
    /// that long is deemed acceptance.
    sign_off_days: u32,
    /// Days before each deadline on which reminders go out.
    reminders: saps_core::ReminderOffsets,
    /// Always `UTC`.
    time_zone: &'static str,
    /// How dates in the calendar are read.
    deadline_semantics: &'static str,
}

const DEADLINE_SEMANTICS: &str = "A last day D allows the action until D 23:59:59 UTC; a date on which something \
                                  ends or is removed takes effect at 00:00 UTC.";

impl From<&Program> for ProgramAnswer {
    fn from(p: &Program) -> Self {
        Self {
            name: p.name.clone(),
            version: p.version,
            voucher_validity_days: p.voucher_validity_days,
            expiry_anchor: p.expiry_anchor,
            claim_window_days: p.claim_window_days,
            payment_due_days: p.payment_due_days,
            compliance_course: p.compliance_course.clone(),
            milestones: p.milestones.clone(),
            sign_off_days: p.sign_off_days,
            reminders: p.reminders.clone(),
            time_zone: "UTC",
            deadline_semantics: DEADLINE_SEMANTICS,
        }
    }
}

/// New settings and calendar. The answer of `GET` is accepted as it is: its
/// read-only fields (`version`, `time_zone`, `deadline_semantics`) are ignored.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ProgramRequest {
    /// Unchanged when left out.
    name: Option<String>,
    voucher_validity_days: u32,
    expiry_anchor: ExpiryAnchor,
    claim_window_days: u32,
    /// Unchanged when left out.
    payment_due_days: Option<u32>,
    /// Unchanged when left out.
    #[serde(default)]
    compliance_course: Option<String>,
    milestones: Vec<Milestone>,
    /// Unchanged when left out.
    #[serde(default)]
    sign_off_days: Option<u32>,
    /// Unchanged when left out.
    #[serde(default)]
    reminders: Option<saps_core::ReminderOffsets>,
    /// Ignored.
    #[serde(default)]
    version: Option<u32>,
    /// Ignored.
    #[serde(default)]
    time_zone: Option<String>,
    /// Ignored.
    #[serde(default)]
    deadline_semantics: Option<String>,
}

/// The catalog: offerings and their engagements
#[utoipa::path(
    get,
    path = "/api/v1/offerings",
    tag = "program",
    responses((status = 200, description = "Every offering", body = Vec<OfferingAnswer>))
)]
async fn offerings(State(st): State<AppState>, _c: Caller) -> ApiResult<Response> {
    let p = st.app.program();
    let items: Vec<OfferingAnswer> = p
        .offerings
        .iter()
        .map(|o| OfferingAnswer {
            code: o.code.clone(),
            name: o.name.clone(),
            engagements: o
                .engagements
                .iter()
                .map(|e| EngagementAnswer {
                    code: e.code.clone(),
                    name: e.name.clone(),
                    cloud: e.cloud,
                    lengths: e.lengths.clone(),
                    competency: e.competency.clone(),
                    exams: e.exams.clone(),
                    retired_on: p.engagement_retired_on(e),
                })
                .collect(),
        })
        .collect();
    Ok(ok(items))
}

/// Program settings and the dated calendar
#[utoipa::path(
    get,
    path = "/api/v1/program",
    tag = "program",
    responses((status = 200, description = "The program", body = ProgramAnswer))
)]
async fn program_get(State(st): State<AppState>, _c: Caller) -> ApiResult<Response> {
    Ok(ok(ProgramAnswer::from(&*st.app.program())))
}

/// Change settings and calendar (operator)
#[utoipa::path(
    put,
    path = "/api/v1/program",
    tag = "program",
    request_body = ProgramRequest,
    responses(
        (status = 200, description = "The program as changed", body = ProgramAnswer),
        (status = 403, response = Refusal),
        (status = 409, response = Refusal),
    )
)]
async fn program_put(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<ProgramRequest>,
) -> ApiResult<Response> {
    let current = st.app.program();
    let next = r.into_program(&current);
    let p = st.app.put_program(&c.actor, next).await?;
    Ok(ok(ProgramAnswer::from(&*p)))
}

impl ProgramRequest {
    /// The program this request describes, over `current` (as `PUT` reads it).
    fn into_program(self, current: &Program) -> Program {
        // Read-only fields: accepted so a GET's body can be sent back as is.
        let _ = (&self.version, &self.time_zone, &self.deadline_semantics);
        Program {
            version: current.version,
            name: self.name.unwrap_or_else(|| current.name.clone()),
            voucher_validity_days: self.voucher_validity_days,
            expiry_anchor: self.expiry_anchor,
            claim_window_days: self.claim_window_days,
            payment_due_days: self.payment_due_days.unwrap_or(current.payment_due_days),
            milestones: self.milestones,
            offerings: Vec::new(),
            compliance_course: self
                .compliance_course
                .map(|c| c.trim().to_owned())
                .unwrap_or_else(|| current.compliance_course.clone()),
            provider_agreement: current.provider_agreement.clone(),
            sign_off_days: self.sign_off_days.unwrap_or(current.sign_off_days),
            reminders: self.reminders.unwrap_or_else(|| current.reminders.clone()),
            conversion_ratio: current.conversion_ratio,
        }
    }
}

/// How many items a what-if answer lists at most (its counts are complete).
pub const WHAT_IF_ITEMS: usize = 500;

/// What a program change would do.
#[derive(Serialize, ToSchema)]
struct WhatIfAnswer {
    /// Customers with at least one affected voucher, pool or claim.
    customers: u64,
    /// Open vouchers whose expiry moves.
    vouchers: u64,
    /// Remaining planning days that would be removed sooner or kept longer.
    days: i64,
    /// Redeemed vouchers whose claim window closes or opens.
    claims: u64,
    /// The first affected items (at most 500), by kind then id.
    items: Vec<WhatIfItem>,
    /// How many items there are in all.
    total_items: u64,
}

/// One affected voucher, pool or claim.
#[derive(Serialize, ToSchema)]
struct WhatIfItem {
    /// `voucher_expiry`, `days_removed`, `days_kept` or `claim_window`.
    kind: &'static str,
    /// The voucher's code (expiry, claim window) or the agreement's number (days).
    id: String,
    /// The date before the change: expiry, removal date or last day to claim.
    #[schema(required = true)]
    before: Option<jiff::civil::Date>,
    /// The date after the change.
    #[schema(required = true)]
    after: Option<jiff::civil::Date>,
    /// The remaining days concerned (pools only; 0 otherwise).
    days: i64,
}

impl From<saps_core::what_if::WhatIf> for WhatIfAnswer {
    fn from(w: saps_core::what_if::WhatIf) -> Self {
        Self {
            customers: w.customers,
            vouchers: w.vouchers,
            days: w.days,
            claims: w.claims,
            items: w
                .items
                .into_iter()
                .map(|i| WhatIfItem {
                    kind: i.kind.as_str(),
                    id: i.id,
                    before: i.before,
                    after: i.after,
                    days: i.days,
                })
                .collect(),
            total_items: w.total_items,
        }
    }
}

/// What a change of settings and calendar would do, without changing anything (operator)
#[utoipa::path(
    post,
    path = "/api/v1/program/what-if",
    tag = "program",
    request_body = ProgramRequest,
    responses(
        (status = 200, description = "What the change would affect", body = WhatIfAnswer),
        (status = 403, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn program_what_if(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<ProgramRequest>,
) -> ApiResult<Response> {
    let next = r.into_program(&st.app.program());
    let w = st
        .app
        .program_what_if(&c.actor, next, WHAT_IF_ITEMS)
        .await?;
    Ok(ok(WhatIfAnswer::from(w)))
}
