//! The voucher pages: the list with search and filter, one voucher with its
//! history and actions: assigning, cancelling, giving up a reservation.

mod cancel;
mod history;
mod project_manager;

pub use cancel::{cancel, cancel_confirm};
pub use project_manager::{change_project_manager, project_manager_form};

use crate::AppState;
use crate::answer::{is_correctable, status};
use crate::export::Format;
use crate::ui::extract::{SignedIn, SignedInForm, VoucherInPath};
use crate::ui::form::Problems;
use crate::ui::page::{Choice, done_message, fail, ok, render};
use crate::ui::session::{CodeInPath, Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use history::{TimelineItem, timeline};
use saps_app::home::Abilities;
use saps_app::lists::ListFilter;
use saps_app::views::{VoucherDetail, VoucherRow};
use saps_core::port::VoucherSort;
use saps_core::{Actor, Error, Org, OrgId, VoucherCode, VoucherState};

// ---- the list --------------------------------------------------------------------

#[derive(Template)]
#[template(path = "vouchers.html")]
pub struct ListPage<'a> {
    pub ctx: &'a Ctx,
    pub rows: Vec<VoucherRow>,
    pub search: String,
    pub states: Vec<Choice>,
    pub sorts: Vec<Choice>,
    pub filtered: bool,
    /// The query of this list, for its export links.
    pub query: String,
    pub show_customer: bool,
    pub show_partner: bool,
    pub may_create: bool,
    /// Some row may be redeemed: the list is a form with a check box per
    /// such row and "Redeem selected vouchers".
    pub may_redeem: bool,
    pub done: Option<String>,
}

/// The list's filters from `?state=…&q=…&sort=…` (unknown states are ignored).
pub fn list_filter(q: &Q) -> ListFilter {
    let mut states = Vec::new();
    for s in q.all("state").into_iter().filter_map(VoucherState::parse) {
        if !states.contains(&s) {
            states.push(s);
        }
    }
    ListFilter {
        states,
        search: q.get("q").unwrap_or("").trim().chars().take(100).collect(),
        sort: match q.get("sort") {
            Some("expiry") => VoucherSort::Expiry,
            _ => VoucherSort::Created,
        },
    }
}

/// The query string that gives `filter` back.
fn list_query(filter: &ListFilter) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    if !filter.states.is_empty() {
        let states: Vec<&str> = filter.states.iter().map(|s| s.as_str()).collect();
        q.append_pair("state", &states.join(","));
    }
    if !filter.search.is_empty() {
        q.append_pair("q", &filter.search);
    }
    if filter.sort == VoucherSort::Expiry {
        q.append_pair("sort", "expiry");
    }
    q.finish()
}

/// Rows a list page shows at most.
const LIST_MAX: usize = 2000;

pub async fn list(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    let filter = list_filter(&q);
    let rows = match st
        .app
        .voucher_rows_filtered(&actor, filter.clone(), LIST_MAX)
        .await
    {
        Ok(r) => r,
        Err(e) => return fail(&ctx, e),
    };
    let states = VoucherState::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().to_owned(),
            label: ctx.state(s),
            selected: filter.states.contains(s),
            disabled: false,
        })
        .collect();
    let sorts = [
        (VoucherSort::Created, "created", "lists-sort-created"),
        (VoucherSort::Expiry, "expiry", "lists-sort-expiry"),
    ]
    .into_iter()
    .map(|(sort, value, key)| Choice {
        value: value.to_owned(),
        label: ctx.t(key),
        selected: filter.sort == sort,
        disabled: false,
    })
    .collect();
    let kind = actor.role.org_kind();
    let may_redeem = rows.iter().any(|r| r.redeemable);
    ok(
        &ctx,
        &ListPage {
            ctx: &ctx,
            may_redeem,
            rows,
            filtered: !filter.search.is_empty() || !filter.states.is_empty(),
            query: list_query(&filter),
            search: filter.search,
            states,
            sorts,
            show_customer: kind != saps_core::OrgKind::Customer,
            show_partner: kind != saps_core::OrgKind::Partner,
            may_create: Abilities::of(&actor).create_vouchers,
            done: done_message(&ctx, q.get("done")),
        },
    )
}

/// The list as a CSV file (`?bom=1`: with a byte-order mark, for Excel),
/// headed in the reader's language.
pub async fn export_csv(
    State(st): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let bom = q.get("bom") == Some("1");
    export(&st, &ctx, &actor, &q, Format::Csv { bom }).await
}

/// The list as an Excel workbook, headed in the reader's language.
pub async fn export_xlsx(
    State(st): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    export(&st, &ctx, &actor, &q, Format::Xlsx).await
}

async fn export(st: &AppState, ctx: &Ctx, actor: &Actor, q: &Q, format: Format) -> Response {
    let headings = EXPORT_HEADINGS.iter().map(|k| ctx.t(k)).collect();
    let pages = match st.app.export_vouchers(actor, list_filter(q)).await {
        Ok(p) => p,
        Err(e) => return fail(ctx, e),
    };
    match crate::export::respond(format, pages, st.app.today(), Some(headings)).await {
        Ok(r) => r,
        Err(e) => fail(ctx, e),
    }
}

/// The export's column headings, in `saps_app::exports::EXPORT_COLUMNS` order.
const EXPORT_HEADINGS: [&str; 13] = [
    "voucher-id",
    "voucher-state",
    "voucher-customer",
    "voucher-partner",
    "voucher-engagement",
    "lists-col-days",
    "lists-col-created",
    "lists-col-assigned",
    "lists-col-start",
    "lists-col-end",
    "voucher-expires",
    "lists-col-location",
    "voucher-consultant",
];

// ---- one voucher -----------------------------------------------------------------

#[derive(Template)]
#[template(path = "voucher.html")]
pub struct DetailPage<'a> {
    pub ctx: &'a Ctx,
    pub d: VoucherDetail,
    pub engagement: String,
    pub done: Option<String>,
    pub partners: Vec<Choice>,
    pub problems: Problems,
    pub reason: String,
    pub timeline: Vec<TimelineItem>,
    /// The completion report form as typed (when refused).
    pub report: crate::ui::pages::delivery::ReportForm,
}

/// What a voucher's page shows besides the voucher: a message after an
/// action, or a refused form with what was typed.
#[derive(Default)]
pub struct Shown {
    pub status: Option<StatusCode>,
    pub done: Option<String>,
    pub problems: Problems,
    pub reason: String,
    pub partner: Option<OrgId>,
    pub report: crate::ui::pages::delivery::ReportForm,
}

/// Renders a voucher's page.
pub async fn detail_page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    code: VoucherCode,
    shown: Shown,
) -> Response {
    let d = match st.app.voucher_detail(actor, code).await {
        Ok(d) => d,
        Err(e) => return fail(ctx, e),
    };
    let partners = if d.actions.assign {
        match st.app.partners_to_assign(actor, code).await {
            Ok(ps) => partner_choices(ctx, &ps, shown.partner),
            Err(e) => return fail(ctx, e),
        }
    } else {
        Vec::new()
    };
    let engagement = ctx.engagement(&d.voucher.engagement, &d.engagement_name);
    let timeline = timeline(ctx, &d);
    render(
        ctx,
        shown.status.unwrap_or(StatusCode::OK),
        &DetailPage {
            ctx,
            d,
            engagement,
            done: shown.done,
            partners,
            problems: shown.problems,
            reason: shown.reason,
            timeline,
            report: shown.report,
        },
    )
}

fn partner_choices(ctx: &Ctx, partners: &[Org], selected: Option<OrgId>) -> Vec<Choice> {
    let mut out = vec![Choice {
        value: String::new(),
        label: ctx.t("assign-choose-partner"),
        selected: selected.is_none(),
        disabled: false,
    }];
    out.extend(partners.iter().map(|p| Choice {
        value: p.id.to_string(),
        label: format!("{} ({})", p.name, ctx.country(&p.country)),
        selected: Some(p.id) == selected,
        disabled: false,
    }));
    out
}

pub async fn detail(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let done = done_message(&ctx, q.get("done"));
    detail_page(
        &st,
        &ctx,
        &actor,
        code,
        Shown {
            done,
            ..Shown::default()
        },
    )
    .await
}

/// GET on a voucher action: show the voucher.
pub async fn to_detail(CodeInPath(code): CodeInPath) -> Response {
    match code {
        Some(c) => Redirect::to(&format!("/vouchers/{c}")).into_response(),
        None => Redirect::to("/vouchers").into_response(),
    }
}

/// After a refused action on the voucher page: the page again, the message
/// next to its field or at the top, what was typed kept.
async fn refused_on_detail(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    code: VoucherCode,
    e: Error,
    place: impl Fn(&str) -> Option<&'static str>,
    typed: Shown,
) -> Response {
    if !is_correctable(&e) {
        return fail(ctx, e);
    }
    let shown = Shown {
        status: Some(status(&e)),
        problems: Problems::from_error(ctx, &e, place),
        ..typed
    };
    detail_page(st, ctx, actor, code, shown).await
}

pub async fn assign(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let Ok(partner) = form.get("partner").parse::<OrgId>() else {
        let shown = Shown {
            status: Some(StatusCode::UNPROCESSABLE_ENTITY),
            problems: Problems::default().at("partner", ctx.t("assign-partner-missing")),
            ..Shown::default()
        };
        return detail_page(&st, ctx, &actor, code, shown).await;
    };
    match st.app.assign_voucher(&actor, code, partner).await {
        Ok(_) => Redirect::to(&format!("/vouchers/{code}?done=assigned")).into_response(),
        Err(e) => {
            refused_on_detail(
                &st,
                ctx,
                &actor,
                code,
                e,
                |k| assign_refusal(k).then_some("partner"),
                Shown {
                    partner: Some(partner),
                    ..Shown::default()
                },
            )
            .await
        }
    }
}

/// The rules that refuse the chosen partner, shown next to the choice.
fn assign_refusal(key: &str) -> bool {
    matches!(
        key,
        "partner_unknown"
            | "not_enrolled"
            | "enrollment_lapsed"
            | "no_approved_location_in_country"
            | "compliance_training_missing"
            | "competency_missing"
            | "competency_expired"
            | "no_qualified_consultant"
    )
}

/// The reservation is given up, with a reason (partner admins).
pub async fn cancel_reservation(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let (st, ctx, actor, reason) = (&st, &form.ctx, &actor, form.get("reason"));
    match st.app.cancel_reservation(actor, code, reason).await {
        Ok(_) => {
            Redirect::to(&format!("/vouchers/{code}?done=reservation_cancelled")).into_response()
        }
        Err(e) => {
            refused_on_detail(
                st,
                ctx,
                actor,
                code,
                e,
                |k| (k == "reason").then_some("reason"),
                Shown {
                    reason: reason.to_owned(),
                    ..Shown::default()
                },
            )
            .await
        }
    }
}

/// The assigned partner gives the voucher back, with a reason (partner admins).
pub async fn return_voucher(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let (st, ctx, actor, reason) = (&st, &form.ctx, &actor, form.get("reason"));
    match st.app.return_voucher(actor, code, reason).await {
        // The voucher is no longer the company's to see: back to its list.
        Ok(_) => Redirect::to("/vouchers?done=returned").into_response(),
        Err(e) => {
            refused_on_detail(
                st,
                ctx,
                actor,
                code,
                e,
                |k| (k == "reason").then_some("reason"),
                Shown {
                    reason: reason.to_owned(),
                    ..Shown::default()
                },
            )
            .await
        }
    }
}
