//! Payment's setup: registration for payment per offering, bank accounts per
//! location and the dated country rate card.

use super::{Refusal, created, ok};
use crate::AppState;
use crate::extract::{Caller, Json, date, id};
use crate::problem::{ApiResult, Problem};
use axum::extract::{Path, State};
use axum::response::Response;
use saps_app::payments::{BankAccountView, RateCardView, RateInput};
use saps_core::payment::Registration;
use saps_core::{Error, LocationId, OrgId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(registrations_post, registrations_get))
        .routes(routes!(bank_account_put, bank_account_get))
        .routes(routes!(bank_accounts_get))
        .routes(routes!(rate_card_get, rate_card_put))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct RegistrationRequest {
    /// The offering's code (`GET /api/v1/offerings`).
    offering: String,
}

/// The company's registrations for payment, all on one page.
#[derive(Serialize, ToSchema)]
struct RegistrationPage {
    items: Vec<Registration>,
    /// Always null: every registration is on the first page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct BankAccountRequest {
    /// The account holder's name.
    holder: String,
    /// ISO 13616; spaces allowed, any case.
    #[schema(example = "DE89 3704 0044 0532 0130 00")]
    iban: String,
    /// ISO 9362: 8 or 11 characters.
    #[schema(example = "COBADEFFXXX")]
    bic: String,
}

/// The company's bank accounts, all on one page.
#[derive(Serialize, ToSchema)]
struct BankAccountPage {
    items: Vec<BankAccountView>,
    /// Always null: every account is on the first page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// An amount as sent: a decimal string and an ISO 4217 code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MoneyRequest {
    /// A decimal as a string, e.g. `"1234.50"`; more than zero, at most the
    /// currency's minor digits.
    #[schema(value_type = String, example = "1234.50")]
    amount: Value,
    #[schema(example = "EUR")]
    currency: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct RateRequest {
    /// ISO 3166 alpha-2, e.g. `FR`.
    country: String,
    day_rate: MoneyRequest,
    /// The rate applies from this day until the country's next rate.
    #[schema(schema_with = super::day_text)]
    effective_from: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct RateCardRequest {
    /// The whole card: every country's dated rates (a country at most once a date).
    rates: Vec<RateRequest>,
}

/// Register the company for payment of an offering (its global admin)
///
/// Needs a redeemed voucher of the offering. A second registration of the
/// same offering is refused with `409 payment_registration.conflict`.
#[utoipa::path(
    post,
    path = "/api/v1/partners/{id}/payment-registrations",
    tag = "payment",
    params(("id" = OrgId, Path, description = "The partner's id")),
    request_body = RegistrationRequest,
    responses(
        (status = 201, description = "The registration", body = Registration),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn registrations_post(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
    Json(r): Json<RegistrationRequest>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let reg = st
        .app
        .register_for_payment(&c.actor, pid, &r.offering)
        .await?;
    Ok(created(reg))
}

/// The company's registrations for payment (operator, the company's admins)
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}/payment-registrations",
    tag = "payment",
    params(("id" = OrgId, Path, description = "The partner's id")),
    responses(
        (status = 200, description = "The registrations, by offering", body = RegistrationPage),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn registrations_get(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let items = st.app.payment_registrations(&c.actor, pid).await?;
    Ok(ok(RegistrationPage {
        items,
        next_cursor: None,
    }))
}

/// Give or replace a location's bank account (the company's global admin)
///
/// Answers the account with the IBAN masked but for its last four characters.
#[utoipa::path(
    put,
    path = "/api/v1/locations/{id}/bank-account",
    tag = "payment",
    params(("id" = LocationId, Path, description = "The location's id")),
    request_body = BankAccountRequest,
    responses(
        (status = 200, description = "The bank account", body = BankAccountView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn bank_account_put(
    State(st): State<AppState>,
    c: Caller,
    Path(lid): Path<String>,
    Json(r): Json<BankAccountRequest>,
) -> ApiResult<Response> {
    let lid: LocationId = id("id", &lid)?;
    let a = st
        .app
        .set_bank_account(&c.actor, lid, &r.holder, &r.iban, &r.bic)
        .await?;
    Ok(ok(a))
}

/// A location's bank account (operator unmasked; the company's admins masked)
#[utoipa::path(
    get,
    path = "/api/v1/locations/{id}/bank-account",
    tag = "payment",
    params(("id" = LocationId, Path, description = "The location's id")),
    responses(
        (status = 200, description = "The bank account", body = BankAccountView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn bank_account_get(
    State(st): State<AppState>,
    c: Caller,
    Path(lid): Path<String>,
) -> ApiResult<Response> {
    let lid: LocationId = id("id", &lid)?;
    Ok(ok(st.app.bank_account(&c.actor, lid).await?))
}

/// The company's bank accounts (operator unmasked; the company's admins masked)
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}/bank-accounts",
    tag = "payment",
    params(("id" = OrgId, Path, description = "The partner's id")),
    responses(
        (status = 200, description = "The bank accounts, by location", body = BankAccountPage),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn bank_accounts_get(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let items = st.app.bank_accounts(&c.actor, pid).await?;
    Ok(ok(BankAccountPage {
        items,
        next_cursor: None,
    }))
}

/// The rate card: day rates per country, dated (everyone signed in)
#[utoipa::path(
    get,
    path = "/api/v1/rate-card",
    tag = "payment",
    responses((status = 200, description = "The rate card", body = RateCardView))
)]
async fn rate_card_get(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    Ok(ok(st.app.rate_card(&c.actor).await?))
}

/// Replace the rate card (operator)
///
/// The card holds every dated rate: the rate of a country on a day is its
/// latest from that day or before. Claims keep the rates they were priced with.
#[utoipa::path(
    put,
    path = "/api/v1/rate-card",
    tag = "payment",
    request_body = RateCardRequest,
    responses(
        (status = 200, description = "The rate card", body = RateCardView),
        (status = 403, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn rate_card_put(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<RateCardRequest>,
) -> ApiResult<Response> {
    let mut rates = Vec::with_capacity(r.rates.len());
    for rate in r.rates {
        let amount = match rate.day_rate.amount {
            Value::String(s) => s,
            other => {
                return Err(Error::invalid(
                    "day_rate",
                    format!("{other} is not a decimal amount as a string, such as \"1234.50\""),
                )
                .into());
            }
        };
        if rate.effective_from.is_empty() {
            return Err(
                Problem::malformed("effective_from", "give the first day of the rate").into(),
            );
        }
        rates.push(RateInput {
            country: rate.country,
            amount,
            currency: rate.day_rate.currency,
            effective_from: date("effective_from", &rate.effective_from)?,
        });
    }
    Ok(ok(st.app.set_rate_card(&c.actor, rates).await?))
}
