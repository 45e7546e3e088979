//! The operator's program clock: the date every rule is evaluated on, moved
//! forward or set when the clock is simulated.

use crate::AppState;
use crate::answer::is_correctable;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{done_message, fail, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Template)]
#[template(path = "clock.html")]
pub struct ClockPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub problems: Problems,
    pub advance: String,
    pub set: String,
    pub milestones: Vec<(String, String, bool)>,
}

fn page_with(
    st: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    done: Option<String>,
    problems: Problems,
    advance: String,
    set: String,
) -> Response {
    let program = st.app.program();
    let mut milestones: Vec<_> = program.milestones.clone();
    milestones.sort_by_key(|m| m.date);
    let milestones = milestones
        .iter()
        .map(|m| {
            let name = serde_json::to_value(m.name)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            (
                ctx.date(m.date),
                ctx.t(&format!("milestone-{}", name.replace('_', "-"))),
                m.date <= ctx.today,
            )
        })
        .collect();
    render(
        ctx,
        status,
        &ClockPage {
            ctx,
            done,
            problems,
            advance,
            set,
            milestones,
        },
    )
}

pub async fn page(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    if let Err(e) = saps_core::authz::authorize(
        &actor,
        saps_core::authz::Action::MoveClock,
        saps_core::authz::Resource::Program,
    ) {
        return fail(&ctx, e);
    }
    let done = done_message(&ctx, q.get("done"));
    page_with(
        &st,
        &ctx,
        StatusCode::OK,
        done,
        Problems::default(),
        "1".into(),
        String::new(),
    )
}

pub async fn moved(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let advance = form.get("days").trim().to_owned();
    let set = form.get("date").trim().to_owned();
    let refused = |problems: Problems| {
        page_with(
            &st,
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            problems,
            advance.clone(),
            set.clone(),
        )
    };
    let to = if form.get("action") == "set" {
        match set
            .parse::<jiff::civil::Date>()
            .ok()
            .filter(|d| set.len() == 10 && (1900..=2999).contains(&d.year()))
        {
            Some(d) => saps_app::ClockMove::Set(d),
            None => return refused(Problems::default().at("date", ctx.t("clock-date-invalid"))),
        }
    } else {
        match advance
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=3650).contains(n))
        {
            Some(n) => saps_app::ClockMove::Advance(n),
            None => return refused(Problems::default().at("days", ctx.t("clock-days-invalid"))),
        }
    };
    // One use case moves the clock, journals the move and sweeps what it made due.
    match st.app.move_clock(&actor, to).await {
        Ok(_) => Redirect::to("/clock?done=clock_moved").into_response(),
        Err(e) if is_correctable(&e) => refused(Problems::from_error(ctx, &e, |_| None)),
        Err(e) => fail(ctx, e),
    }
}
