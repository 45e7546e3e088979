//! A partner company's onboarding records, kept by the operator: compliance
//! trainings, competencies and the exams its consultants passed; and the
//! eligibility per offering that follows from them.

use super::{Refusal, created, day_text, ok};
use crate::AppState;
use crate::extract::{Caller, Json, date, id};
use crate::problem::ApiResult;
use axum::extract::{Path, State};
use axum::response::Response;
use saps_core::eligibility::OfferingEligibility;
use saps_core::port::CompetencyLevel;
use saps_core::{OrgId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(trainings_post))
        .routes(routes!(competencies_post))
        .routes(routes!(exams_post))
        .routes(routes!(eligibility_get))
}

/// Eligibility per offering, in catalog order.
#[derive(Serialize, ToSchema)]
struct EligibilityAnswer {
    offerings: Vec<OfferingEligibility>,
}

/// Eligibility per offering: status, check marks, and what each engagement lacks
/// (operator, the partner's global and MPN admins)
///
/// A course counts for a year from its completion (it lapses on the anniversary);
/// a competency counts through its last day (until 23:59:59 UTC).
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}/eligibility",
    tag = "onboarding",
    params(("id" = OrgId, Path, description = "The partner's id")),
    responses(
        (status = 200, description = "The partner's eligibility", body = EligibilityAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn eligibility_get(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let offerings = st.app.eligibility(&c.actor, pid).await?;
    Ok(ok(EligibilityAnswer { offerings }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct TrainingRequest {
    /// The program's compliance course (`GET /api/v1/program`), any case.
    course: String,
    /// Not after today.
    #[schema(schema_with = day_text)]
    completed_on: String,
}

/// A compliance course the company completed.
#[derive(Serialize, ToSchema)]
struct TrainingAnswer {
    id: uuid::Uuid,
    partner_id: OrgId,
    course: String,
    completed_on: jiff::civil::Date,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CompetencyRequest {
    /// A competency some engagement of the catalog names, any case.
    competency: String,
    level: CompetencyLevel,
    /// The last day (inclusive) the competency is held.
    #[schema(schema_with = day_text)]
    valid_until: String,
}

/// A competency the company holds.
#[derive(Serialize, ToSchema)]
struct CompetencyAnswer {
    id: uuid::Uuid,
    partner_id: OrgId,
    competency: String,
    level: CompetencyLevel,
    valid_until: jiff::civil::Date,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ExamRequest {
    /// An exam some engagement of the catalog accepts, any case.
    exam: String,
    /// Not after today.
    #[schema(schema_with = day_text)]
    passed_on: String,
}

/// An exam a consultant passed.
#[derive(Serialize, ToSchema)]
struct ExamAnswer {
    id: uuid::Uuid,
    user_id: UserId,
    partner_id: OrgId,
    exam: String,
    passed_on: jiff::civil::Date,
}

/// Record a compliance course the company completed (operator)
#[utoipa::path(
    post,
    path = "/api/v1/partners/{id}/trainings",
    tag = "onboarding",
    params(("id" = OrgId, Path, description = "The partner's id")),
    request_body = TrainingRequest,
    responses(
        (status = 201, description = "The training", body = TrainingAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn trainings_post(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
    Json(r): Json<TrainingRequest>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let day = date("completed_on", &r.completed_on)?;
    let t = st
        .app
        .record_training(&c.actor, pid, &r.course, day)
        .await?;
    Ok(created(TrainingAnswer {
        id: t.id,
        partner_id: t.partner_id,
        course: t.course,
        completed_on: t.completed_on,
    }))
}

/// Record a competency the company holds (operator)
#[utoipa::path(
    post,
    path = "/api/v1/partners/{id}/competencies",
    tag = "onboarding",
    params(("id" = OrgId, Path, description = "The partner's id")),
    request_body = CompetencyRequest,
    responses(
        (status = 201, description = "The competency", body = CompetencyAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn competencies_post(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
    Json(r): Json<CompetencyRequest>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let day = date("valid_until", &r.valid_until)?;
    let k = st
        .app
        .record_competency(&c.actor, pid, &r.competency, r.level, day)
        .await?;
    Ok(created(CompetencyAnswer {
        id: k.id,
        partner_id: k.partner_id,
        competency: k.competency,
        level: k.level,
        valid_until: k.valid_until,
    }))
}

/// Record an exam a partner's consultant passed (operator)
#[utoipa::path(
    post,
    path = "/api/v1/users/{consultant_id}/exams",
    tag = "onboarding",
    params(("consultant_id" = UserId, Path, description = "The consultant's user id")),
    request_body = ExamRequest,
    responses(
        (status = 201, description = "The exam", body = ExamAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn exams_post(
    State(st): State<AppState>,
    c: Caller,
    Path(uid): Path<String>,
    Json(r): Json<ExamRequest>,
) -> ApiResult<Response> {
    let uid: UserId = id("consultant_id", &uid)?;
    let day = date("passed_on", &r.passed_on)?;
    let e = st.app.record_exam(&c.actor, uid, &r.exam, day).await?;
    Ok(created(ExamAnswer {
        id: e.id,
        user_id: e.user_id,
        partner_id: e.partner_id,
        exam: e.exam,
        passed_on: e.passed_on,
    }))
}
