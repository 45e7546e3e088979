//! Vouchers: created by a customer's benefit admin (debiting a pool), listed
//! page by page, assigned to a partner, cancelled.

use super::{Refusal, created, limit, ok};
use crate::AppState;
use crate::extract::{Caller, Json, Query, voucher_code};
use crate::problem::{ApiResult, Problem};
use axum::extract::{Path, State};
use axum::response::Response;
use saps_app::lists::ListFilter;
use saps_app::{NewVoucherRequest, VoucherView};
use saps_core::port::{ListCursor, VoucherSort};
use saps_core::{OrgId, UserId, VoucherCode, VoucherId, VoucherState};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(vouchers_post, vouchers_get))
        .routes(routes!(voucher_get))
        .routes(routes!(voucher_assign))
        .routes(routes!(voucher_cancel))
        .routes(routes!(voucher_project_manager))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct VoucherRequest {
    customer_id: OrgId,
    /// The agreement number whose pool pays.
    agreement: String,
    /// An engagement code from the catalog.
    engagement: String,
    days: u32,
    project_manager_id: UserId,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct AssignRequest {
    partner_id: OrgId,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only vouchers in these states, comma-separated (empty: all).
    #[param(schema_with = state_filter)]
    state: Option<String>,
    /// A voucher ID (or part of it, dashes optional) or part of the customer's
    /// or partner's name, any case.
    #[param(max_length = 100)]
    q: Option<String>,
    /// `created` (oldest first, the default) or `expiry` (soonest first).
    #[param(pattern = "^(created|expiry)?$")]
    sort: Option<String>,
    /// Page size, 1 to 500 (default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page (issued for the same `sort`).
    #[param(pattern = r"^(v1\.[0-9a-f]{32}|e1\.[0-9]{8}\.[0-9a-f]{32})?$")]
    cursor: Option<String>,
}

/// Voucher states, comma-separated, or empty for all of them.
pub(super) fn state_filter() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let one = VoucherState::ALL.map(VoucherState::as_str).join("|");
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(
            "Only vouchers in these states, comma-separated (e.g. `assigned,reserved`); \
             empty or left out: all",
        ))
        .pattern(Some(format!("^(({one})(,({one}))*)?$")))
        .build()
}

/// A page of vouchers.
#[derive(Serialize, ToSchema)]
struct VoucherPage {
    items: Vec<VoucherView>,
    /// Pass as `cursor` for the next page; null on the last page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// The path parameter naming a voucher by its code.
pub const CODE: &str = "The voucher ID, e.g. 7K3M-9QXR-2HDF-W8TN-C4PQ";

/// Create a voucher, debiting the pool (benefit admin)
#[utoipa::path(
    post,
    path = "/api/v1/vouchers",
    tag = "vouchers",
    request_body = VoucherRequest,
    responses(
        (status = 201, description = "The voucher", body = VoucherView),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn vouchers_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<VoucherRequest>,
) -> ApiResult<Response> {
    let request = NewVoucherRequest {
        customer_id: r.customer_id,
        agreement: r.agreement,
        engagement: r.engagement,
        days: r.days,
        project_manager_id: r.project_manager_id,
    };
    Ok(created(st.app.create_voucher(&c.actor, request).await?))
}

/// The caller's vouchers
#[utoipa::path(
    get,
    path = "/api/v1/vouchers",
    tag = "vouchers",
    params(ListQuery),
    responses((
        status = 200,
        description = "A page of vouchers, oldest first or soonest expiry first",
        body = VoucherPage
    ))
)]
async fn vouchers_get(
    State(st): State<AppState>,
    c: Caller,
    Query(q): Query<ListQuery>,
) -> ApiResult<Response> {
    let filter = list_filter(q.state.as_deref(), q.q.as_deref(), q.sort.as_deref())?;
    let limit = limit(q.limit.as_deref(), 100)?;
    let after = match q.cursor.as_deref() {
        None | Some("") => None,
        Some(cur) => Some(decode_cursor(cur, filter.sort).ok_or_else(|| {
            Problem::malformed("cursor", "this cursor was not issued by saps for this sort")
        })?),
    };
    let sort = filter.sort;
    let items = st.app.voucher_list(&c.actor, filter, after, limit).await?;
    let next_cursor = if items.len() == limit as usize {
        items.last().map(|v| encode_cursor(v, sort))
    } else {
        None
    };
    Ok(ok(VoucherPage { items, next_cursor }))
}

/// The filters shared by the list and its exports.
pub(super) fn list_filter(
    state: Option<&str>,
    q: Option<&str>,
    sort: Option<&str>,
) -> ApiResult<ListFilter> {
    let mut states = Vec::new();
    for s in state.unwrap_or("").split(',').filter(|s| !s.is_empty()) {
        let s = VoucherState::parse(s)
            .ok_or_else(|| Problem::malformed("state", format!("{s:?} is not a voucher state")))?;
        if !states.contains(&s) {
            states.push(s);
        }
    }
    let search = q.unwrap_or("").trim().to_owned();
    if search.chars().count() > 100 {
        return Err(Problem::malformed("q", "a search is at most 100 characters").into());
    }
    let sort = match sort {
        None | Some("" | "created") => VoucherSort::Created,
        Some("expiry") => VoucherSort::Expiry,
        Some(_) => return Err(Problem::malformed("sort", "sort is created or expiry").into()),
    };
    Ok(ListFilter {
        states,
        search,
        sort,
    })
}

fn encode_cursor(v: &VoucherView, sort: VoucherSort) -> String {
    match sort {
        VoucherSort::Created => format!("v1.{}", v.id.0.simple()),
        VoucherSort::Expiry => {
            format!("e1.{}.{}", v.expires_on.strftime("%Y%m%d"), v.id.0.simple())
        }
    }
}

fn decode_cursor(s: &str, sort: VoucherSort) -> Option<ListCursor> {
    let (expires_on, hex) = match sort {
        VoucherSort::Created => (jiff::civil::date(1900, 1, 1), s.strip_prefix("v1.")?),
        VoucherSort::Expiry => {
            let (day, hex) = s.strip_prefix("e1.")?.split_once('.')?;
            (jiff::civil::Date::strptime("%Y%m%d", day).ok()?, hex)
        }
    };
    if hex.len() != 32 {
        return None;
    }
    let id = uuid::Uuid::parse_str(hex).ok().map(VoucherId)?;
    Some(ListCursor { expires_on, id })
}

/// One voucher with its history
#[utoipa::path(
    get,
    path = "/api/v1/vouchers/{code}",
    tag = "vouchers",
    params(("code" = VoucherCode, Path, description = CODE)),
    responses((status = 200, description = "The voucher with its history", body = VoucherView))
)]
async fn voucher_get(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    Ok(ok(st.app.voucher(&c.actor, voucher_code(&code)?).await?))
}

/// Assign the voucher to a partner; the customer is e-mailed the voucher ID
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/{code}/assign",
    tag = "vouchers",
    params(("code" = VoucherCode, Path, description = CODE)),
    request_body = AssignRequest,
    responses(
        (status = 200, description = "The voucher, assigned", body = VoucherView),
        (status = 403, response = Refusal),
    )
)]
async fn voucher_assign(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<AssignRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .assign_voucher(&c.actor, voucher_code(&code)?, r.partner_id)
        .await?;
    Ok(ok(v))
}

/// Why a voucher is cancelled (optional).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CancelRequest {
    /// Told to the assigned partner; at most 500 characters.
    #[schema(max_length = 500)]
    reason: Option<String>,
}

/// Cancel an unreserved voucher; its days go back to the pool and the
/// assigned partner's administrators are told by e-mail
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/{code}/cancel",
    tag = "vouchers",
    params(("code" = VoucherCode, Path, description = CODE)),
    request_body(
        content = Option<CancelRequest>,
        description = "Nothing, an empty object, or a reason"
    ),
    responses(
        (status = 200, description = "The voucher, cancelled", body = VoucherView),
        (status = 403, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn voucher_cancel(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let code = voucher_code(&code)?;
    let reason = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        crate::extract::parse_json::<CancelRequest>(&body)?.reason
    };
    Ok(ok(st
        .app
        .cancel_voucher_with(&c.actor, code, reason)
        .await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ProjectManagerRequest {
    /// A project manager of the voucher's customer.
    project_manager_id: UserId,
}

/// Hand a voucher not yet delivered (created, assigned or reserved) to another
/// project manager of the customer (benefit admin)
#[utoipa::path(
    put,
    path = "/api/v1/vouchers/{code}/project-manager",
    tag = "vouchers",
    params(("code" = VoucherCode, Path, description = CODE)),
    request_body = ProjectManagerRequest,
    responses(
        (status = 200, description = "The voucher with its new project manager", body = VoucherView),
        (status = 403, response = Refusal),
        (status = 409, response = Refusal),
        (status = 422, response = Refusal),
    )
)]
async fn voucher_project_manager(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<ProjectManagerRequest>,
) -> ApiResult<Response> {
    let code = voucher_code(&code)?;
    let v = st
        .app
        .change_project_manager(&c.actor, code, r.project_manager_id)
        .await?;
    Ok(ok(v))
}
