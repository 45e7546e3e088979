//! A customer's Planning Services benefit: Software Assurance agreements and
//! the pools of days they accrue.

use super::{NoInput, Refusal, created, day_text, no_body, ok};
use crate::AppState;
use crate::extract::{Caller, Json, date, id};
use crate::problem::ApiResult;
use axum::extract::{Path, State};
use axum::response::Response;
use saps_app::BenefitView;
use saps_core::{AgreementId, Days, OrgId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(agreements_post))
        .routes(routes!(benefit_activate))
        .routes(routes!(benefit_get))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct AgreementRequest {
    number: String,
    #[schema(schema_with = day_text)]
    sa_start: String,
    #[schema(schema_with = day_text)]
    sa_end: String,
    /// The days a three-year agreement would accrue.
    days: u32,
}

/// A recorded agreement with the days its pool holds now.
#[derive(Serialize, ToSchema)]
struct AgreementAnswer {
    id: AgreementId,
    number: String,
    sa_start: jiff::civil::Date,
    sa_end: jiff::civil::Date,
    days: Days,
    accrued: i64,
    available: i64,
}

/// Record a Software Assurance agreement; its days accrue prorated by term (operator)
#[utoipa::path(
    post,
    path = "/api/v1/customers/{id}/agreements",
    tag = "benefit",
    params(("id" = OrgId, Path, description = "The customer's id")),
    request_body = AgreementRequest,
    responses(
        (status = 201, description = "The agreement", body = AgreementAnswer),
        (status = 403, response = Refusal),
    )
)]
async fn agreements_post(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    Json(r): Json<AgreementRequest>,
) -> ApiResult<Response> {
    let cid: OrgId = id("id", &cid)?;
    let (start, end) = (date("sa_start", &r.sa_start)?, date("sa_end", &r.sa_end)?);
    let a = st
        .app
        .add_agreement(&c.actor, cid, &r.number, start, end, r.days)
        .await?;
    Ok(created(AgreementAnswer {
        id: a.id,
        number: a.number,
        sa_start: a.sa_start,
        sa_end: a.sa_end,
        days: a.days,
        accrued: a.available,
        available: a.available,
    }))
}

/// Activate the Planning Services benefit (benefit admin)
#[utoipa::path(
    post,
    path = "/api/v1/customers/{id}/benefit/activate",
    tag = "benefit",
    params(("id" = OrgId, Path, description = "The customer's id")),
    request_body(content = Option<NoInput>, description = "Nothing, or an empty object"),
    responses(
        (status = 200, description = "The benefit, now active", body = BenefitView),
        (status = 403, response = Refusal),
    )
)]
async fn benefit_activate(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    no_body(&body)?;
    let cid: OrgId = id("id", &cid)?;
    st.app.activate_benefit(&c.actor, cid).await?;
    Ok(ok(st.app.benefit(&c.actor, cid).await?))
}

/// Pools of planning days per agreement
#[utoipa::path(
    get,
    path = "/api/v1/customers/{id}/benefit",
    tag = "benefit",
    params(("id" = OrgId, Path, description = "The customer's id")),
    responses(
        (status = 200, description = "The benefit", body = BenefitView),
        (status = 403, response = Refusal),
    )
)]
async fn benefit_get(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
) -> ApiResult<Response> {
    let cid: OrgId = id("id", &cid)?;
    Ok(ok(st.app.benefit(&c.actor, cid).await?))
}
