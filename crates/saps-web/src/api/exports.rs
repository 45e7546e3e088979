//! Exports of the caller's vouchers as CSV and as an Excel workbook: the
//! list's filters and scope, every matching voucher, streamed (see
//! `crate::export`).

use super::Refusal;
use crate::AppState;
use crate::export::{self, Format};
use crate::extract::{Caller, Query};
use crate::problem::{ApiResult, Problem};
use axum::extract::State;
use axum::response::Response;
use saps_app::exports::ExportFilter;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(export_csv))
        .routes(routes!(export_xlsx))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ExportQuery {
    /// Only vouchers in these states, comma-separated (empty: all).
    #[param(schema_with = super::vouchers::state_filter)]
    state: Option<String>,
    /// As for the list: a voucher ID or part of a customer's or partner's name.
    #[param(max_length = 100)]
    q: Option<String>,
    /// `created` (oldest first, the default) or `expiry` (soonest first).
    #[param(pattern = "^(created|expiry)?$")]
    sort: Option<String>,
    /// `1`: start the CSV with a byte-order mark (for Excel).
    #[param(pattern = "^[01]?$")]
    bom: Option<String>,
}

impl ExportQuery {
    fn filter(&self) -> ApiResult<ExportFilter> {
        super::vouchers::list_filter(
            self.state.as_deref(),
            self.q.as_deref(),
            self.sort.as_deref(),
        )
    }

    fn bom(&self) -> ApiResult<bool> {
        match self.bom.as_deref() {
            None | Some("" | "0") => Ok(false),
            Some("1") => Ok(true),
            Some(_) => Err(Problem::malformed("bom", "bom is 1 or 0").into()),
        }
    }
}

/// The caller's vouchers as CSV (RFC 4180, UTF-8, a header line)
#[utoipa::path(
    get,
    path = "/api/v1/vouchers/export.csv",
    tag = "vouchers",
    params(ExportQuery),
    responses((
        status = 200,
        description = "Every voucher the list would show, in its order, as an attachment",
        content_type = "text/csv",
        body = String,
    ))
)]
async fn export_csv(
    State(st): State<AppState>,
    c: Caller,
    Query(q): Query<ExportQuery>,
) -> ApiResult<Response> {
    let (filter, bom) = (q.filter()?, q.bom()?);
    let pages = st.app.export_vouchers(&c.actor, filter).await?;
    let today = st.app.today();
    Ok(export::respond(Format::Csv { bom }, pages, today, None).await?)
}

/// The caller's vouchers as an Excel workbook (.xlsx)
#[utoipa::path(
    get,
    path = "/api/v1/vouchers/export.xlsx",
    tag = "vouchers",
    params(ExportQuery),
    responses((
        status = 200,
        description = "Every voucher the list would show, in its order, as an attachment",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = Vec<u8>,
    ), (status = 422, response = Refusal))
)]
async fn export_xlsx(
    State(st): State<AppState>,
    c: Caller,
    Query(q): Query<ExportQuery>,
) -> ApiResult<Response> {
    if q.bom.is_some() {
        return Err(Problem::malformed("bom", "bom applies to the CSV export only").into());
    }
    let filter = q.filter()?;
    let pages = st.app.export_vouchers(&c.actor, filter).await?;
    let today = st.app.today();
    Ok(export::respond(Format::Xlsx, pages, today, None).await?)
}
