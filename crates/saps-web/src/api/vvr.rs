//! Voucher validation and reservation (VVR): a partner admin checks a voucher
//! ID against the customer's e-mail, reserves it, or cancels the reservation.

use super::vouchers::CODE;
use super::{Refusal, day_text, ok};
use crate::AppState;
use crate::extract::{Caller, Json, date, voucher_code};
use crate::problem::{ApiResult, Problem};
use axum::extract::{Path, State};
use axum::response::Response;
use saps_app::{ReserveInput, VoucherView};
use saps_core::{LocationId, UserId, VoucherCode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(voucher_validate))
        .routes(routes!(voucher_reserve))
        .routes(routes!(voucher_cancel_reservation))
        .routes(routes!(voucher_return))
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

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ReturnRequest {
    /// Why the partner gives the voucher back (1 to 2000 characters); the
    /// customer reads it.
    reason: String,
}

/// Whether the calling partner may reserve the voucher now, as far as the
/// reservation form does not decide it: the voucher's state and expiry, the
/// enrollment in its offering, an approved location in the customer's country,
/// the compliance course, the competency and a qualified consultant.
#[derive(Serialize, ToSchema)]
struct Reservable {
    ok: bool,
    /// The first check that fails, as the reservation would answer it
    /// (`rule.…` or `voucher.conflict`); null when `ok`.
    #[schema(required = true)]
    problem: Option<Problem>,
}

/// The validated voucher, and whether it can be reserved now.
#[derive(Serialize, ToSchema)]
struct Validated {
    #[serde(flatten)]
    voucher: VoucherView,
    reservable: Reservable,
}

/// Validate a voucher ID with the customer's e-mail (partner admins); 404 when they do not match
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/validate",
    tag = "vvr",
    request_body = ValidateRequest,
    responses(
        (status = 200, description = "The voucher, and whether it can be reserved now", body = Validated),
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
    let problem = v.refused.map(Problem::from);
    Ok(ok(Validated {
        voucher: v.voucher,
        reservable: Reservable {
            ok: problem.is_none(),
            problem,
        },
    }))
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

/// Give an unreserved voucher back to the customer (the assigned partner's admins)
///
/// The voucher is unassigned (`created`), its creator and project manager are
/// e-mailed the reason, and the customer may assign it again. 409 unless it is
/// `assigned`.
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/{code}/return",
    tag = "vvr",
    params(("code" = VoucherCode, Path, description = CODE)),
    request_body = ReturnRequest,
    responses(
        (status = 200, description = "The voucher, unassigned", body = VoucherView),
        (status = 403, response = Refusal),
    )
)]
async fn voucher_return(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<ReturnRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .return_voucher(&c.actor, voucher_code(&code)?, &r.reason)
        .await?;
    Ok(ok(v))
}
