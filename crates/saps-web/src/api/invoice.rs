//! A claim's invoice as a PDF: for the claim's partner admins and the
//! operator; another company's claim does not exist (404).

use super::Refusal;
use crate::AppState;
use crate::extract::{Caller, Query, id};
use crate::problem::{ApiResult, Problem};
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(invoice_pdf))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct InvoiceQuery {
    /// The invoice's language (`en`, `fr`, `pt-BR`, `ru`, `it`); by default
    /// the partner's: that of the user who made the claim.
    #[param(pattern = "^(en|fr|pt-BR|ru|it)$")]
    lang: Option<String>,
}

/// A claim's invoice as a PDF, in the partner's language (the claim's partner admins, the operator)
#[utoipa::path(
    get,
    path = "/api/v1/claims/{id}/invoice.pdf",
    tag = "payments",
    params(("id" = uuid::Uuid, Path, description = "The claim's id"), InvoiceQuery),
    responses(
        (
            status = 200,
            description = "The invoice: reference, partner and location, lines, total, dates and the bank \
                           account with its IBAN masked, as an attachment named after the reference",
            content_type = "application/pdf",
            body = Vec<u8>,
        ),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn invoice_pdf(
    State(st): State<AppState>,
    c: Caller,
    Path(raw): Path<String>,
    Query(q): Query<InvoiceQuery>,
) -> ApiResult<Response> {
    let claim: uuid::Uuid = id("id", &raw)?;
    let lang = match q.lang.as_deref() {
        None => None,
        Some(l) if saps_core::Locale::parse(l).is_some() => Some(l),
        Some(_) => {
            return Err(Problem::malformed("lang", "lang is one of en, fr, pt-BR, ru, it").into());
        }
    };
    let data = st.app.claim_invoice(&c.actor, claim).await?;
    let locale = crate::invoice::language(&data, lang);
    let program = st.app.program();
    Ok(crate::invoice::respond(
        &data,
        locale,
        st.app.today(),
        &program,
    )?)
}
