//! Creating a voucher (benefit administrators): the form, refreshed in place
//! when the engagement changes, and the refusal shown at its fields.

use crate::AppState;
use crate::answer::{is_correctable, status};
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{Choice, fail, render};
use crate::ui::session::{Ctx, Posted, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::NewVoucherRequest;
use saps_app::views::VoucherForm;
use saps_core::UserId;

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
    /// Said plainly when the chosen agreement's pool pays for none of the lengths.
    pub none_fits: Option<String>,
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
    // The agreement chosen, or else the one with the most days left.
    let pool = f
        .benefit
        .pools
        .iter()
        .find(|p| p.agreement == typed.agreement)
        .or_else(|| f.benefit.pools.iter().max_by_key(|p| p.available));
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
            selected: pool.is_some_and(|c| c.agreement == p.agreement),
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
    // Only the lengths the chosen agreement's pool can pay for.
    let fits = |n: &u32| pool.is_some_and(|p| i64::from(*n) <= p.available);
    let none_fits = match (pool, chosen) {
        (Some(p), Some(e)) if !e.lengths.is_empty() && !e.lengths.iter().any(fits) => Some(ctx.t2(
            "lists-new-none-fits",
            "agreement",
            &p.agreement,
            "days",
            ctx.days(p.available),
        )),
        _ => None,
    };
    let lengths = chosen
        .map(|e| {
            e.lengths
                .iter()
                .filter(|n| fits(n))
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
            none_fits,
            project_managers,
            problems,
            active: f.benefit.active,
            available,
        },
    )
}

pub async fn new_form(
    State(st): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
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
pub async fn refresh_form(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
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

/// The request the form makes, or every problem with it at once.
fn parse(
    ctx: &Ctx,
    actor: &saps_core::Actor,
    typed: &Typed,
) -> Result<NewVoucherRequest, Problems> {
    let mut problems = Problems::default();
    if typed.agreement.is_empty() {
        problems.add("agreement", ctx.t("new-agreement-missing"));
    }
    let days = typed.days.parse::<u32>().ok();
    if days.is_none() {
        problems.add("days", ctx.t("new-days-missing"));
    }
    let pm = typed.project_manager.parse::<UserId>().ok();
    if pm.is_none() {
        problems.add("project_manager", ctx.t("new-project-manager-missing"));
    }
    match (days, pm) {
        (Some(days), Some(project_manager_id)) if problems.is_empty() => Ok(NewVoucherRequest {
            customer_id: actor.org_id,
            agreement: typed.agreement.clone(),
            engagement: typed.engagement.clone(),
            days,
            project_manager_id,
        }),
        _ => Err(problems),
    }
}

pub async fn create(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let typed = Typed::of(&form);
    let (problems, status) = match parse(ctx, &actor, &typed) {
        Err(problems) => (problems, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(request) => match st.app.create_voucher(&actor, request).await {
            Ok(v) => {
                return Redirect::to(&format!("/vouchers/{}?done=created", v.code)).into_response();
            }
            Err(e) if is_correctable(&e) => {
                (Problems::from_error(ctx, &e, place_creation), status(&e))
            }
            Err(e) => return fail(ctx, e),
        },
    };
    match st.app.voucher_form(&actor).await {
        Ok(f) => new_page(ctx, f, &typed, problems, status),
        Err(e) => fail(ctx, e),
    }
}
