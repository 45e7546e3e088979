//! The customer's training-voucher days: what each agreement holds, and (for
//! the benefit admin, until the cut-off) a form converting them into
//! planning days. After the cut-off the page says when conversion closed.

use crate::AppState;
use crate::answer::is_correctable;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{ArgValue, Choice, done_message, fail, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::conversion::TrainingBalance;
use saps_core::Actor;

#[derive(Template)]
#[template(path = "conversions.html")]
pub struct ConversionsPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub problems: Problems,
    pub balances: Vec<TrainingBalance>,
    pub agreements: Vec<Choice>,
    pub days: String,
    /// The sentence saying the ratio and the cut-off, or that conversion closed.
    pub rule: String,
    /// Whether the form is shown: conversion open and the actor may convert.
    pub open: bool,
}

/// What the form holds: its problems and the values entered.
#[derive(Default)]
struct Entered {
    problems: Problems,
    agreement: String,
    days: String,
}

async fn page_with(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    status: StatusCode,
    done: Option<String>,
    entered: Entered,
) -> Response {
    let Entered {
        problems,
        agreement: chosen,
        days,
    } = entered;
    let balances = match st.app.training_days(actor, actor.org_id).await {
        Ok(b) => b,
        Err(e) => return fail(ctx, e),
    };
    let program = st.app.program();
    let open = saps_core::conversion::is_open(&program, ctx.today)
        && saps_core::authz::authorize(
            actor,
            saps_core::authz::Action::ConvertTrainingDays,
            saps_core::authz::Resource::Org(actor.org_id, saps_core::OrgKind::Customer),
        )
        .is_ok();
    let closes = saps_core::conversion::closes_on(&program);
    let rule = match closes {
        Some(d) if ctx.today >= d => ctx.t1("time-convert-closed", "date", ctx.date(d)),
        _ => {
            let r = program.conversion_ratio;
            let until = closes.map(|d| ctx.date(d)).unwrap_or_default();
            ctx.lang.ta(
                "time-convert-intro",
                vec![
                    ("training", r.training_days.value()),
                    ("planning", r.planning_days.value()),
                    ("date", until.value()),
                ],
            )
        }
    };
    let agreements = balances
        .iter()
        .map(|b| Choice {
            value: b.agreement.clone(),
            label: b.agreement.clone(),
            selected: b.agreement == chosen,
            disabled: b.held == 0,
        })
        .collect();
    render(
        ctx,
        status,
        &ConversionsPage {
            ctx,
            done,
            problems,
            balances,
            agreements,
            days,
            rule,
            open,
        },
    )
}

pub async fn page(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    let done = done_message(&ctx, q.get("done"));
    page_with(&st, &ctx, &actor, StatusCode::OK, done, Entered::default()).await
}

pub async fn convert(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let agreement = form.get("agreement").trim().to_owned();
    let days = form.get("training_days").trim().to_owned();
    let refused = |problems: Problems| {
        page_with(
            &st,
            ctx,
            &actor,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Entered {
                problems,
                agreement: agreement.clone(),
                days: days.clone(),
            },
        )
    };
    let Some(n) = days.parse::<i64>().ok().filter(|n| *n > 0) else {
        let m = ctx.t("time-convert-days-invalid");
        return refused(Problems::default().at("training_days", m)).await;
    };
    match st
        .app
        .convert_training_days(&actor, actor.org_id, agreement.clone(), n)
        .await
    {
        Ok(_) => Redirect::to("/benefit/conversions?done=days_converted").into_response(),
        Err(e) if is_correctable(&e) => {
            let problems = Problems::from_error(ctx, &e, |k| match k {
                "not_enough_training_days" | "training_days" => Some("training_days"),
                _ => None,
            });
            refused(problems).await
        }
        Err(e) => fail(ctx, e),
    }
}
