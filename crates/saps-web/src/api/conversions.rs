//! Training-voucher days: the operator records what an agreement holds, and
//! the customer's benefit admin converts them into planning days until the
//! conversion cut-off.

use super::{Refusal, created};
use crate::AppState;
use crate::extract::{Caller, Json, id};
use crate::problem::ApiResult;
use axum::extract::{Path, State};
use axum::response::Response;
use saps_core::OrgId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(conversions_post))
        .routes(routes!(training_days_post))
}

/// Training days of one of the customer's agreements.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct TrainingDaysRequest {
    /// The agreement's number, as the customer knows it.
    agreement: String,
    /// A whole number of training days, 1 or more (a multiple of the
    /// program's conversion ratio when converting).
    training_days: i64,
}

/// A conversion done: the planning days credited to the agreement's pool.
#[derive(Serialize, ToSchema)]
struct ConversionAnswer {
    agreement: String,
    training_days: i64,
    planning_days: i64,
}

/// The training days an agreement holds.
#[derive(Serialize, ToSchema)]
struct TrainingDaysAnswer {
    agreement: String,
    training_days: i64,
}

/// Convert training-voucher days into planning days (benefit admin); refused
/// with `rule.conversion_closed` on and after the cut-off
#[utoipa::path(
    post,
    path = "/api/v1/customers/{id}/benefit/conversions",
    tag = "benefit",
    params(("id" = OrgId, Path, description = "The customer's id")),
    request_body = TrainingDaysRequest,
    responses(
        (status = 201, description = "The conversion", body = ConversionAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn conversions_post(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    Json(r): Json<TrainingDaysRequest>,
) -> ApiResult<Response> {
    let cid: OrgId = id("id", &cid)?;
    let done = st
        .app
        .convert_training_days(&c.actor, cid, r.agreement, r.training_days)
        .await?;
    Ok(created(ConversionAnswer {
        agreement: done.agreement,
        training_days: done.training_days,
        planning_days: done.planning_days,
    }))
}

/// Record training-voucher days an agreement holds (operator)
#[utoipa::path(
    post,
    path = "/api/v1/customers/{id}/benefit/training-days",
    tag = "benefit",
    params(("id" = OrgId, Path, description = "The customer's id")),
    request_body = TrainingDaysRequest,
    responses(
        (status = 201, description = "The agreement's training days now", body = TrainingDaysAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn training_days_post(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    Json(r): Json<TrainingDaysRequest>,
) -> ApiResult<Response> {
    let cid: OrgId = id("id", &cid)?;
    let b = st
        .app
        .grant_training_days(&c.actor, cid, r.agreement, r.training_days)
        .await?;
    Ok(created(TrainingDaysAnswer {
        agreement: b.agreement,
        training_days: b.held,
    }))
}
