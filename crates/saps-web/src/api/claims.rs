//! Claims (SAVB): partners claim payment for redeemed vouchers; the operator
//! approves, rejects or pays; partners dispute a rejection.

use super::{NoInput, Refusal, created, limit, no_body, ok};
use crate::AppState;
use crate::extract::{Caller, Json, Query, id};
use crate::problem::{ApiResult, Problem};
use axum::extract::{Path, State};
use axum::response::Response;
use saps_app::claims::{ClaimDecision, ClaimPage, ClaimView, ClaimableVoucher};
use saps_core::payment::ClaimState;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(claims_post, claims_get))
        .routes(routes!(claimable_get))
        .routes(routes!(claim_get))
        .routes(routes!(claim_submit))
        .routes(routes!(claim_approve))
        .routes(routes!(claim_reject))
        .routes(routes!(claim_pay))
        .routes(routes!(claim_dispute))
        .routes(routes!(claim_withdraw))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ClaimRequest {
    /// Voucher IDs of redeemed vouchers of one location and one currency.
    codes: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ReasonRequest {
    /// Why (1 to 500 characters).
    reason: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PaymentRequest {
    /// The bank transfer's reference (1 to 500 characters).
    payment_reference: String,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only claims in these states, comma-separated (empty: all).
    #[param(schema_with = state_filter)]
    state: Option<String>,
    /// Page size, 1 to 500 (default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    #[param(pattern = r"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$")]
    cursor: Option<String>,
}

/// Claim states, comma-separated, or empty for all of them.
fn state_filter() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let one = ClaimState::ALL.map(ClaimState::as_str).join("|");
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(
            "Only claims in these states, comma-separated (e.g. `submitted,disputed`); \
             empty or left out: all",
        ))
        .pattern(Some(format!("^(({one})(,({one}))*)?$")))
        .build()
}

/// The redeemed vouchers the company may claim now.
#[derive(Serialize, ToSchema)]
struct ClaimablePage {
    items: Vec<ClaimableVoucher>,
    /// Always null: every claimable voucher is on the first page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

fn claim_id(raw: &str) -> ApiResult<uuid::Uuid> {
    id("id", raw)
}

/// Every step of a claim answers alike: the claim's id read first, then a
/// step without input refuses a body, then the step is taken and the claim
/// returned.
async fn step(
    st: AppState,
    c: Caller,
    raw: &str,
    body: Option<&[u8]>,
    decision: ClaimDecision,
) -> ApiResult<Response> {
    let cid = claim_id(raw)?;
    if let Some(body) = body {
        no_body(body)?;
    }
    Ok(ok(st.app.claim_step(&c.actor, cid, decision).await?))
}

/// Make a draft claim of redeemed vouchers (the partner's global or MPN admin)
///
/// Every voucher becomes `claimed`. Refused whole, naming the first voucher
/// that may not be claimed: another partner's or an unknown voucher (404),
/// one in another live claim (409 `voucher.conflict`), or a rule (422: not
/// redeemed, past its claim window, offering not registered, two locations
/// or currencies, no rate in force).
#[utoipa::path(
    post,
    path = "/api/v1/claims",
    tag = "payment",
    request_body = ClaimRequest,
    responses(
        (status = 201, description = "The draft claim", body = ClaimView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn claims_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<ClaimRequest>,
) -> ApiResult<Response> {
    Ok(created(st.app.create_claim(&c.actor, r.codes).await?))
}

/// The caller's claims, oldest first (operator: every company's; partner admins: their own)
#[utoipa::path(
    get,
    path = "/api/v1/claims",
    tag = "payment",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of claims, oldest first", body = ClaimPage),
        (status = 403, response = Refusal),
    )
)]
async fn claims_get(
    State(st): State<AppState>,
    c: Caller,
    Query(q): Query<ListQuery>,
) -> ApiResult<Response> {
    let mut states = Vec::new();
    for s in q
        .state
        .as_deref()
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
    {
        let state = ClaimState::parse(s.trim())
            .ok_or_else(|| Problem::malformed("state", format!("{s:?} is not a claim state")))?;
        states.push(state);
    }
    let limit = limit(q.limit.as_deref(), 100)?;
    let after = match q.cursor.as_deref() {
        None | Some("") => None,
        Some(cur) => Some(
            cur.parse::<uuid::Uuid>()
                .map_err(|_| Problem::malformed("cursor", "this cursor was not issued by saps"))?,
        ),
    };
    Ok(ok(st.app.claims(&c.actor, states, after, limit).await?))
}

/// The company's redeemed vouchers that may be claimed now, soonest window end first (partner admins)
#[utoipa::path(
    get,
    path = "/api/v1/claims/claimable-vouchers",
    tag = "payment",
    responses(
        (status = 200, description = "The claimable vouchers", body = ClaimablePage),
        (status = 403, response = Refusal),
    )
)]
async fn claimable_get(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    let items = st.app.claimable_vouchers(&c.actor).await?;
    Ok(ok(ClaimablePage {
        items,
        next_cursor: None,
    }))
}

/// One claim with its history
#[utoipa::path(
    get,
    path = "/api/v1/claims/{id}",
    tag = "payment",
    params(("id" = uuid::Uuid, Path, description = "The claim's id")),
    responses(
        (status = 200, description = "The claim", body = ClaimView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn claim_get(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
) -> ApiResult<Response> {
    Ok(ok(st.app.claim(&c.actor, claim_id(&cid)?).await?))
}

/// Submit a draft claim for review (the partner's global or MPN admin)
///
/// Needs the location's bank account and every voucher still within its window.
#[utoipa::path(
    post,
    path = "/api/v1/claims/{id}/submit",
    tag = "payment",
    params(("id" = uuid::Uuid, Path, description = "The claim's id")),
    request_body(content = Option<NoInput>, description = "Nothing, or an empty object"),
    responses(
        (status = 200, description = "The claim, submitted", body = ClaimView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn claim_submit(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    step(st, c, &cid, Some(&body), ClaimDecision::Submit).await
}

/// Approve a submitted or disputed claim (operator)
///
/// Sets `payment_due_on` to the approval date plus the program's `payment_due_days`.
#[utoipa::path(
    post,
    path = "/api/v1/claims/{id}/approve",
    tag = "payment",
    params(("id" = uuid::Uuid, Path, description = "The claim's id")),
    request_body(content = Option<NoInput>, description = "Nothing, or an empty object"),
    responses(
        (status = 200, description = "The claim, approved", body = ClaimView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
    )
)]
async fn claim_approve(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    step(st, c, &cid, Some(&body), ClaimDecision::Approve).await
}

/// Reject a submitted or disputed claim with a reason (operator)
///
/// Its vouchers are redeemed again, free to be claimed within their window.
#[utoipa::path(
    post,
    path = "/api/v1/claims/{id}/reject",
    tag = "payment",
    params(("id" = uuid::Uuid, Path, description = "The claim's id")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "The claim, rejected", body = ClaimView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn claim_reject(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    Json(r): Json<ReasonRequest>,
) -> ApiResult<Response> {
    let reason = r.reason;
    step(st, c, &cid, None, ClaimDecision::Reject { reason }).await
}

/// Record the payment of an approved claim (operator); its vouchers are paid
#[utoipa::path(
    post,
    path = "/api/v1/claims/{id}/pay",
    tag = "payment",
    params(("id" = uuid::Uuid, Path, description = "The claim's id")),
    request_body = PaymentRequest,
    responses(
        (status = 200, description = "The claim, paid", body = ClaimView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn claim_pay(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    Json(r): Json<PaymentRequest>,
) -> ApiResult<Response> {
    let payment_reference = r.payment_reference;
    step(st, c, &cid, None, ClaimDecision::Pay { payment_reference }).await
}

/// Dispute a rejection within 30 days, once (the partner's global or MPN admin)
///
/// The operator then approves or rejects it for good.
#[utoipa::path(
    post,
    path = "/api/v1/claims/{id}/dispute",
    tag = "payment",
    params(("id" = uuid::Uuid, Path, description = "The claim's id")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "The claim, disputed", body = ClaimView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn claim_dispute(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    Json(r): Json<ReasonRequest>,
) -> ApiResult<Response> {
    let reason = r.reason;
    step(st, c, &cid, None, ClaimDecision::Dispute { reason }).await
}

/// Withdraw a draft claim (the partner's global or MPN admin)
///
/// Its vouchers are redeemed again, free to be claimed within their window.
/// Only a draft is withdrawn; any other state is 409 `claim.conflict`.
#[utoipa::path(
    post,
    path = "/api/v1/claims/{id}/withdraw",
    tag = "payment",
    params(("id" = uuid::Uuid, Path, description = "The claim's id")),
    request_body(content = Option<NoInput>, description = "Nothing, or an empty object"),
    responses(
        (status = 200, description = "The claim, withdrawn", body = ClaimView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
    )
)]
async fn claim_withdraw(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    step(st, c, &cid, Some(&body), ClaimDecision::Withdraw).await
}
