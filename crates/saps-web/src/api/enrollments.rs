//! The provider agreement (published by the operator, signed by a partner's
//! global admin) and partners' enrollments in offerings.

use super::{Refusal, created, ok};
use crate::AppState;
use crate::extract::{Caller, Json, id};
use crate::problem::ApiResult;
use axum::extract::{Path, State};
use axum::response::Response;
use saps_core::port::Enrollment;
use saps_core::program::ProviderAgreementText;
use saps_core::{LocationId, OrgId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(agreement_get, agreement_put))
        .routes(routes!(agreement_sign))
        .routes(routes!(enrollments_post, enrollments_get))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct AgreementRequest {
    /// Greater than the current version.
    version: u32,
    text: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct SignatureRequest {
    /// The current version.
    version: u32,
    /// Must be true.
    accept: bool,
}

/// Who signed which version of the provider agreement, and when.
#[derive(Serialize, ToSchema)]
struct SignatureAnswer {
    version: u32,
    signed_by: UserId,
    signed_at: jiff::Timestamp,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct EnrollmentRequest {
    /// The offering's code (`GET /api/v1/offerings`).
    offering: String,
    /// The company's locations approved to deliver it.
    location_ids: Vec<String>,
}

/// An enrollment in an offering.
#[derive(Serialize, ToSchema)]
struct EnrollmentAnswer {
    id: uuid::Uuid,
    offering: String,
    location_ids: Vec<LocationId>,
    /// The last day (inclusive): a last day D allows until D 23:59:59 UTC.
    valid_until: jiff::civil::Date,
    /// The provider agreement version signed when it was made or renewed.
    agreement_version: u32,
}

impl From<Enrollment> for EnrollmentAnswer {
    fn from(e: Enrollment) -> Self {
        Self {
            id: e.id,
            offering: e.offering,
            location_ids: e.location_ids,
            valid_until: e.valid_until,
            agreement_version: e.agreement_version,
        }
    }
}

/// The company's enrollments, all on one page.
#[derive(Serialize, ToSchema)]
struct EnrollmentPage {
    items: Vec<EnrollmentAnswer>,
    /// Always null: every enrollment is on the first page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// The current provider agreement
#[utoipa::path(
    get,
    path = "/api/v1/program/agreement",
    tag = "onboarding",
    responses((status = 200, description = "The current version", body = ProviderAgreementText))
)]
async fn agreement_get(State(st): State<AppState>, _c: Caller) -> ApiResult<Response> {
    Ok(ok(st.app.provider_agreement().await?))
}

/// Publish a new version of the provider agreement (operator)
#[utoipa::path(
    put,
    path = "/api/v1/program/agreement",
    tag = "onboarding",
    request_body = AgreementRequest,
    responses(
        (status = 200, description = "The published version", body = ProviderAgreementText),
        (status = 403, response = Refusal),
    )
)]
async fn agreement_put(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<AgreementRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .publish_provider_agreement(&c.actor, r.version, &r.text)
        .await?;
    Ok(ok(v))
}

/// Sign the current provider agreement for the company (its global admin)
#[utoipa::path(
    post,
    path = "/api/v1/partners/{id}/agreement",
    tag = "onboarding",
    params(("id" = OrgId, Path, description = "The partner's id")),
    request_body = SignatureRequest,
    responses(
        (status = 201, description = "The signature", body = SignatureAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn agreement_sign(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
    Json(r): Json<SignatureRequest>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let s = st
        .app
        .sign_provider_agreement(&c.actor, pid, r.version, r.accept)
        .await?;
    Ok(created(SignatureAnswer {
        version: s.version,
        signed_by: s.signed_by,
        signed_at: s.signed_at,
    }))
}

/// Enroll in an offering for a year, or renew from the current end (global admin, MPN admin)
///
/// Needs the current provider agreement signed and the offering active; the
/// locations must be the company's own.
#[utoipa::path(
    post,
    path = "/api/v1/partners/{id}/enrollments",
    tag = "onboarding",
    params(("id" = OrgId, Path, description = "The partner's id")),
    request_body = EnrollmentRequest,
    responses(
        (status = 201, description = "The enrollment", body = EnrollmentAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
    )
)]
async fn enrollments_post(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
    Json(r): Json<EnrollmentRequest>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let locations = r
        .location_ids
        .iter()
        .map(|l| id("location_ids", l))
        .collect::<Result<Vec<LocationId>, _>>()?;
    let e = st.app.enroll(&c.actor, pid, &r.offering, locations).await?;
    Ok(created(EnrollmentAnswer::from(e)))
}

/// The company's enrollments (operator, the company's admins)
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}/enrollments",
    tag = "onboarding",
    params(("id" = OrgId, Path, description = "The partner's id")),
    responses(
        (status = 200, description = "The enrollments", body = EnrollmentPage),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn enrollments_get(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let items = st.app.enrollments(&c.actor, pid).await?;
    Ok(ok(EnrollmentPage {
        items: items.into_iter().map(EnrollmentAnswer::from).collect(),
        next_cursor: None,
    }))
}
