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
    let done = moved_message(&ctx, &q).or_else(|| done_message(&ctx, q.get("done")));
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
            Some(d) if d < ctx.today => {
                let m = ctx.t1("time-clock-backwards", "today", ctx.date(ctx.today));
                return refused(Problems::default().at("date", m));
            }
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
    match st.app.move_clock_forward(&actor, to).await {
        Ok(m) => Redirect::to(&moved_query(&m)).into_response(),
        Err(e) if is_correctable(&e) => refused(Problems::from_error(ctx, &e, |_| None)),
        Err(e) => fail(ctx, e),
    }
}

/// Where the browser goes after a move: the clock page, with what the move did
/// in the query so that the banner can say it.
fn moved_query(m: &saps_app::clock::ClockMoveOutcome) -> String {
    let e = &m.effects;
    format!(
        "/clock?moved={}&to={}&ve={}&dr={}&rm={}&rs={}&sd={}",
        u8::from(m.moved),
        saps_core::program_date(m.now),
        e.vouchers_expired,
        e.days_returned,
        e.days_removed,
        e.reminders_sent,
        e.sign_offs_deemed,
    )
}

/// The banner after a move: where the clock went and what fell due.
fn moved_message(ctx: &Ctx, q: &Q) -> Option<String> {
    let moved = q.get("moved")?;
    let to: jiff::civil::Date = q.get("to")?.parse().ok()?;
    let n = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    if moved == "0" {
        return Some(ctx.t1("time-clock-unchanged", "date", ctx.date(to)));
    }
    let mut parts = vec![ctx.t1("time-clock-moved", "date", ctx.date(to))];
    let effects = [
        ("ve", "time-effect-vouchers-expired"),
        ("dr", "time-effect-days-returned"),
        ("rm", "time-effect-days-removed"),
        ("rs", "time-effect-reminders-sent"),
        ("sd", "time-effect-sign-offs-deemed"),
    ];
    for (k, key) in effects {
        let count = n(k);
        if count > 0 {
            parts.push(ctx.t1(key, "count", count));
        }
    }
    if parts.len() == 1 {
        parts.push(ctx.t("time-effects-none"));
    }
    Some(parts.join(" "))
}
