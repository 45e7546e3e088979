//! The voucher pages: the list with search and filter, one voucher with its
//! history and actions, and creating, assigning and cancelling vouchers.

mod history;

use crate::AppState;
use crate::ui::session::{CodeInPath, Ctx, Posted, Q};
use crate::ui::{
    Problems, done_message, fail, is_form_error, not_found_page, ok, render, to_login,
};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use history::{TimelineItem, timeline};
use saps_app::NewVoucherRequest;
use saps_app::views::{VoucherDetail, VoucherForm, VoucherRow};
use saps_core::{Actor, Error, Org, OrgId, Role, UserId, VoucherCode, VoucherState};

/// A choice in a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
    pub disabled: bool,
}

// ---- the list --------------------------------------------------------------------

#[derive(Template)]
#[template(path = "vouchers.html")]
pub struct ListPage<'a> {
    pub ctx: &'a Ctx,
    pub rows: Vec<VoucherRow>,
    pub search: String,
    pub states: Vec<Choice>,
    pub filtered: bool,
    pub show_customer: bool,
    pub show_partner: bool,
    pub may_create: bool,
}

pub async fn list(State(st): State<AppState>, ctx: Ctx, q: Q) -> Response {
    let Some(actor) = ctx.actor() else {
        return to_login(&ctx);
    };
    let search = q.get("q").unwrap_or("").trim().to_owned();
    let state = q.get("state").and_then(VoucherState::parse);
    let rows = match st.app.voucher_rows(&actor, state, &search).await {
        Ok(r) => r,
        Err(e) => return fail(&ctx, e),
    };
    let mut states = vec![Choice {
        value: String::new(),
        label: ctx.t("vouchers-any-state"),
        selected: state.is_none(),
        disabled: false,
    }];
    states.extend(VoucherState::ALL.iter().map(|s| Choice {
        value: s.as_str().to_owned(),
        label: ctx.state(s),
        selected: Some(*s) == state,
        disabled: false,
    }));
    let kind = actor.role.org_kind();
    ok(
        &ctx,
        &ListPage {
            ctx: &ctx,
            rows,
            filtered: !search.is_empty() || state.is_some(),
            search,
            states,
            show_customer: kind != saps_core::OrgKind::Customer,
            show_partner: kind != saps_core::OrgKind::Partner,
            may_create: actor.role == Role::BenefitAdmin,
        },
    )
}

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
        match st.app.partners_to_assign(actor).await {
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
    ctx: Ctx,
    CodeInPath(code): CodeInPath,
    q: Q,
) -> Response {
    let Some(actor) = ctx.actor() else {
        return to_login(&ctx);
    };
    let Some(code) = code else {
        return not_found_page(&ctx);
    };
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
    if !is_form_error(&e) {
        return fail(ctx, e);
    }
    let shown = Shown {
        status: Some(crate::answer::status(&e)),
        problems: Problems::from_error(ctx, &e, place),
        ..typed
    };
    detail_page(st, ctx, actor, code, shown).await
}

pub async fn assign(
    State(st): State<AppState>,
    CodeInPath(code): CodeInPath,
    form: Posted,
) -> Response {
    let ctx = &form.ctx;
    let Some(actor) = ctx.actor() else {
        return to_login(ctx);
    };
    let Some(code) = code else {
        return not_found_page(ctx);
    };
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
                |k| (k == "partner_unknown").then_some("partner"),
                Shown {
                    partner: Some(partner),
                    ..Shown::default()
                },
            )
            .await
        }
    }
}

pub async fn cancel(
    State(st): State<AppState>,
    CodeInPath(code): CodeInPath,
    form: Posted,
) -> Response {
    let ctx = &form.ctx;
    let Some(actor) = ctx.actor() else {
        return to_login(ctx);
    };
    let Some(code) = code else {
        return not_found_page(ctx);
    };
    match st.app.cancel_voucher(&actor, code).await {
        Ok(_) => Redirect::to(&format!("/vouchers/{code}?done=cancelled")).into_response(),
        Err(e) => refused_on_detail(&st, ctx, &actor, code, e, |_| None, Shown::default()).await,
    }
}

/// The reservation is given up, with a reason (partner admins).
pub async fn cancel_reservation_on_detail(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    code: VoucherCode,
    reason: &str,
) -> Response {
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

// ---- creating a voucher ------------------------------------------------------------

/// An offering's engagements, for an `<optgroup>`.
pub struct OfferingGroup {
    pub label: String,
    pub engagements: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "voucher_new.html")]
pub struct NewPage<'a> {
    pub ctx: &'a Ctx,
    pub agreements: Vec<Choice>,
    pub offerings: Vec<OfferingGroup>,
    pub lengths: Vec<Choice>,
    pub project_managers: Vec<Choice>,
    pub problems: Problems,
    pub active: bool,
    pub available: i64,
}

/// What the form holds: typed values are kept across refreshes and refusals.
#[derive(Default)]
struct Typed {
    agreement: String,
    engagement: String,
    days: String,
    project_manager: String,
}

impl Typed {
    fn of(form: &Posted) -> Self {
        Self {
            agreement: form.get("agreement").to_owned(),
            engagement: form.get("engagement").to_owned(),
            days: form.get("days").to_owned(),
            project_manager: form.get("project_manager").to_owned(),
        }
    }
}

fn new_page(
    ctx: &Ctx,
    f: VoucherForm,
    typed: &Typed,
    problems: Problems,
    status: StatusCode,
) -> Response {
    let agreements: Vec<Choice> = f
        .benefit
        .pools
        .iter()
        .map(|p| Choice {
            value: p.agreement.clone(),
            label: ctx.t2(
                "new-agreement-option",
                "agreement",
                &p.agreement,
                "days",
                ctx.days(p.available),
            ),
            selected: p.agreement == typed.agreement,
            disabled: false,
        })
        .collect();
    let open: Vec<&saps_app::views::EngagementChoice> = f
        .engagements
        .iter()
        .filter(|e| e.retired_on.is_none())
        .collect();
    let chosen = f
        .engagements
        .iter()
        .find(|e| e.code == typed.engagement && e.retired_on.is_none())
        .or(open.first().copied());
    let mut offerings: Vec<OfferingGroup> = Vec::new();
    for e in &f.engagements {
        let label = match e.retired_on {
            Some(on) => ctx.t2(
                "new-engagement-retired",
                "name",
                ctx.engagement(&e.code, &e.name),
                "date",
                ctx.date(on),
            ),
            None => ctx.engagement(&e.code, &e.name),
        };
        let choice = Choice {
            value: e.code.clone(),
            label,
            selected: chosen.is_some_and(|c| c.code == e.code),
            disabled: e.retired_on.is_some(),
        };
        match offerings.last_mut() {
            Some(g) if g.label == e.offering_name => g.engagements.push(choice),
            _ => offerings.push(OfferingGroup {
                label: e.offering_name.clone(),
                engagements: vec![choice],
            }),
        }
    }
    let lengths = chosen
        .map(|e| {
            e.lengths
                .iter()
                .map(|n| Choice {
                    value: n.to_string(),
                    label: ctx.days(*n),
                    selected: typed.days == n.to_string(),
                    disabled: false,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut project_managers = vec![Choice {
        value: String::new(),
        label: ctx.t("new-choose-project-manager"),
        selected: typed.project_manager.is_empty() && f.project_managers.len() != 1,
        disabled: false,
    }];
    project_managers.extend(f.project_managers.iter().map(|u| Choice {
        value: u.id.to_string(),
        label: format!("{} <{}>", u.name, u.email),
        selected: u.id.to_string() == typed.project_manager
            || (typed.project_manager.is_empty() && f.project_managers.len() == 1),
        disabled: false,
    }));
    let available = f.benefit.pools.iter().map(|p| p.available).sum();
    render(
        ctx,
        status,
        &NewPage {
            ctx,
            agreements,
            offerings,
            lengths,
            project_managers,
            problems,
            active: f.benefit.active,
            available,
        },
    )
}

pub async fn new_form(State(st): State<AppState>, ctx: Ctx, q: Q) -> Response {
    let Some(actor) = ctx.actor() else {
        return to_login(&ctx);
    };
    match st.app.voucher_form(&actor).await {
        Ok(f) => {
            let typed = Typed {
                engagement: q.get("engagement").unwrap_or("").to_owned(),
                ..Typed::default()
            };
            new_page(&ctx, f, &typed, Problems::default(), StatusCode::OK)
        }
        Err(e) => fail(&ctx, e),
    }
}

/// Re-renders the form for another engagement (its lengths), keeping what
/// was typed; htmx posts here when the engagement changes.
pub async fn refresh_form(State(st): State<AppState>, form: Posted) -> Response {
    let ctx = &form.ctx;
    let Some(actor) = ctx.actor() else {
        return to_login(ctx);
    };
    match st.app.voucher_form(&actor).await {
        Ok(f) => new_page(
            ctx,
            f,
            &Typed::of(&form),
            Problems::default(),
            StatusCode::OK,
        ),
        Err(e) => fail(ctx, e),
    }
}

fn place_creation(key: &str) -> Option<&'static str> {
    match key {
        "agreement" | "agreement_not_active" => Some("agreement"),
        "unknown_engagement" | "engagement_retired" | "second_fifteen_day_engagement" => {
            Some("engagement")
        }
        "length_not_allowed" | "insufficient_days" | "days" => Some("days"),
        "project_manager_not_in_customer" | "project_manager_id" => Some("project_manager"),
        _ => None,
    }
}

pub async fn create(State(st): State<AppState>, form: Posted) -> Response {
    let ctx = &form.ctx;
    let Some(actor) = ctx.actor() else {
        return to_login(ctx);
    };
    let typed = Typed::of(&form);
    let mut problems = Problems::default();
    if typed.agreement.is_empty() {
        problems = problems.at("agreement", ctx.t("new-agreement-missing"));
    }
    let days = typed.days.parse::<u32>().ok();
    if days.is_none() {
        problems = problems.at("days", ctx.t("new-days-missing"));
    }
    let pm = typed.project_manager.parse::<UserId>().ok();
    if pm.is_none() {
        problems = problems.at("project_manager", ctx.t("new-project-manager-missing"));
    }
    let result = match (problems.is_empty(), days, pm) {
        (true, Some(days), Some(pm)) => {
            st.app
                .create_voucher(
                    &actor,
                    NewVoucherRequest {
                        customer_id: actor.org_id,
                        agreement: typed.agreement.clone(),
                        engagement: typed.engagement.clone(),
                        days,
                        project_manager_id: pm,
                    },
                )
                .await
        }
        _ => Err(Error::invalid("form", "incomplete")),
    };
    let (problems, status) = match result {
        Ok(v) => {
            return Redirect::to(&format!("/vouchers/{}?done=created", v.code)).into_response();
        }
        Err(Error::Invalid { field, .. }) if field == "form" => {
            (problems, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) if is_form_error(&e) => (
            Problems::from_error(ctx, &e, place_creation),
            crate::answer::status(&e),
        ),
        Err(e) => return fail(ctx, e),
    };
    match st.app.voucher_form(&actor).await {
        Ok(f) => new_page(ctx, f, &typed, problems, status),
        Err(e) => fail(ctx, e),
    }
}
