//! The JSON API under `/api/v1`: parse into domain types, call one use case,
//! answer a typed body. No business rule lives here.
//!
//! Each feature module registers its handlers with `routes!`, which takes the
//! route and its `#[utoipa::path]` documentation from the same place, and the
//! bodies' schemas come from the same Rust types that serialise them: the
//! OpenAPI document cannot drift from what the API answers.

mod audit;
mod auth;
mod benefit;
mod claims;
mod clock;
mod conventions;
mod conversions;
mod delivery;
pub mod docs;
mod enrollments;
mod events;
mod exports;
mod invoice;
mod notifications;
mod orgs;
mod payments;
mod profiles;
mod program;
mod records;
mod users;
mod vouchers;
mod vvr;
mod webhooks;

use crate::AppState;
use crate::problem::{ApiResult, Problem};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

pub use conventions::Refusal;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "saps API",
        description = "Run a vendor-funded planning-services voucher program: partners, customers, vouchers, \
                       reservations and the journal."
    ),
    servers((url = "/")),
    components(schemas(Problem)),
    tags(
        (name = "auth", description = "Tokens and the signed-in user"),
        (name = "provisioning", description = "Partners, customers, locations and users"),
        (name = "program", description = "The catalog, the program settings and the clock"),
        (name = "onboarding", description = "Partner records, eligibility, the provider agreement and enrollment"),
        (name = "benefit", description = "Agreements and the customer's pools of days"),
        (name = "vouchers", description = "Creating, assigning and cancelling vouchers"),
        (name = "vvr", description = "Validating and reserving vouchers (partners)"),
        (name = "journal", description = "The journal of events"),
        (name = "directory", description = "The partner directory: partners currently enrolled and eligible"),
        (name = "payment", description = "Registration for payment, bank accounts, the rate card and claims (SAVB)"),
        (name = "webhooks", description = "Signed event deliveries to an organisation's URLs"),
    )
)]
struct Base;

/// Every `/api/v1` route, with the document describing them.
pub fn api() -> (axum::Router<AppState>, Value) {
    let (router, doc) = OpenApiRouter::with_openapi(Base::openapi())
        .merge(auth::routes())
        .merge(orgs::routes())
        .merge(users::routes())
        .merge(program::routes())
        .merge(records::routes())
        .merge(enrollments::routes())
        .merge(clock::routes())
        .merge(benefit::routes())
        .merge(vouchers::routes())
        .merge(vvr::routes())
        .merge(events::routes())
        .merge(profiles::routes())
        .merge(delivery::routes())
        .merge(exports::routes())
        .merge(payments::routes())
        .merge(claims::routes())
        .merge(invoice::routes())
        .merge(webhooks::routes())
        .merge(audit::routes())
        .merge(conversions::routes())
        .merge(notifications::routes())
        .split_for_parts();
    let mut doc = serde_json::to_value(&doc).expect("the OpenAPI document serialises");
    conventions::apply(&mut doc);
    (router, doc)
}

/// The OpenAPI 3.1 document served at `/api/openapi.json`.
pub fn document() -> Value {
    api().1
}

/// The schema of a date the API accepts in a body: `YYYY-MM-DD` in the years
/// 1900–2999 (checked by `extract::date`, which names the field). A pattern
/// alone: with `format: date` as well, generators find few strings that fit.
fn day_text() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some("A date, YYYY-MM-DD (1900–2999)"))
        .pattern(Some(
            r"^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        ))
        .build()
}

/// A `201 Created` answer.
pub(crate) fn created<T: Serialize>(body: T) -> Response {
    (StatusCode::CREATED, axum::Json(body)).into_response()
}

/// A `200 OK` answer.
fn ok<T: Serialize>(body: T) -> Response {
    axum::Json(body).into_response()
}

/// A page size from `?limit=`, 1 to 500.
fn limit(raw: Option<&str>, default: u32) -> ApiResult<u32> {
    match raw {
        None => Ok(default),
        Some(l) => match l.parse::<u32>() {
            Ok(n) if (1..=500).contains(&n) => Ok(n),
            _ => Err(
                Problem::malformed("limit", "limit must be a whole number from 1 to 500").into(),
            ),
        },
    }
}

/// Empty bodies are allowed on action POSTs that take no input.
fn no_body(body: &[u8]) -> ApiResult<()> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let v: Value = crate::extract::parse_json(body)?;
    match v.as_object() {
        Some(m) if m.is_empty() => Ok(()),
        _ => Err(Problem::malformed(
            "body",
            "this action takes no body (or an empty JSON object)",
        )
        .into()),
    }
}

/// The body of an action that takes no input: nothing, or `{}`.
#[derive(utoipa::ToSchema)]
#[schema(max_properties = 0)]
#[allow(dead_code)] // Only documents the body; `no_body` checks it.
struct NoInput {}
