//! Voucher validation and reservation (VVR): a partner admin checks a voucher
//! ID against the customer's e-mail, reserves it, or cancels the reservation.

use super::vouchers::CODE;
use super::{Refusal, day_text, ok};
use crate::AppState;
use crate::extract::{Caller, Json, date, voucher_code};
use crate::problem::ApiResult;
use axum::extract::{Path, State};
use axum::response::Response;
use saps_app::{ReserveInput, VoucherView};
use saps_core::{LocationId, UserId, VoucherCode};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(voucher_validate))
        .routes(routes!(voucher_reserve))
        .routes(routes!(voucher_cancel_reservation))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ValidateRequest {
    /// The voucher ID the customer gave.
    #[schema(value_type = VoucherCode)]
    code: String,
    customer_email: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ReserveRequest {
    location_id: LocationId,
    consultant_id: UserId,
    #[schema(schema_with = day_text)]
    start_date: String,
    #[schema(schema_with = day_text)]
    end_date: String,
    accept_terms: bool,
    /// ISO 3166-1 alpha-2; the location's country when left out.
    delivery_country: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CancelReservationRequest {
    reason: String,
}

/// Validate a voucher ID with the customer's e-mail (partner admins); 404 when they do not match
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/validate",
    tag = "vvr",
    request_body = ValidateRequest,
    responses(
        (status = 200, description = "The voucher", body = VoucherView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn voucher_validate(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<ValidateRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .validate_voucher(&c.actor, voucher_code(&r.code)?, &r.customer_email)
        .await?;
    Ok(ok(v))
}

/// Reserve the voucher: location, consultant, dates, terms
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/{code}/reserve",
    tag = "vvr",
    params(("code" = VoucherCode, Path, description = CODE)),
    request_body = ReserveRequest,
    responses(
        (status = 200, description = "The voucher, reserved", body = VoucherView),
        (status = 403, response = Refusal),
    )
)]
async fn voucher_reserve(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<ReserveRequest>,
) -> ApiResult<Response> {
    let input = ReserveInput {
        location_id: r.location_id,
        consultant_id: r.consultant_id,
        start_date: date("start_date", &r.start_date)?,
        end_date: date("end_date", &r.end_date)?,
        accept_terms: r.accept_terms,
        delivery_country: r.delivery_country,
    };
    let v: VoucherView = st
        .app
        .reserve_voucher(&c.actor, voucher_code(&code)?, input)
        .await?;
    Ok(ok(v))
}

/// Cancel the reservation; the voucher is assigned again
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/{code}/cancel-reservation",
    tag = "vvr",
    params(("code" = VoucherCode, Path, description = CODE)),
    request_body = CancelReservationRequest,
    responses(
        (status = 200, description = "The voucher, assigned again", body = VoucherView),
        (status = 403, response = Refusal),
    )
)]
async fn voucher_cancel_reservation(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<CancelReservationRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .cancel_reservation(&c.actor, voucher_code(&code)?, &r.reason)
        .await?;
    Ok(ok(v))
}
