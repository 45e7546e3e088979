//! The program clock: read it, and (operator, simulated clock only) move it.

use super::{Refusal, day_text, ok};
use crate::AppState;
use crate::extract::{Caller, Json, date};
use crate::problem::{ApiResult, Problem};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(clock_get, clock_post))
}

/// Either `set` or `advance_days` (parsed one field at a time, so that each
/// mistake is named; [`ClockMoveBody`] documents the two shapes).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockRequest {
    set: Option<String>,
    advance_days: Option<i64>,
}

/// How to move a simulated clock: to a day, or forward by some days. It never
/// moves backwards (409).
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Only documents the body `ClockRequest` parses.
enum ClockMoveBody {
    #[schema(title = "Set")]
    Set(SetClock),
    #[schema(title = "Advance")]
    Advance(AdvanceClock),
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct SetClock {
    /// Move the clock to the start of this day.
    #[schema(schema_with = day_text)]
    set: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct AdvanceClock {
    /// Move the clock forward by this many days.
    #[schema(minimum = 1, maximum = 3650)]
    advance_days: i64,
}

#[derive(Serialize, ToSchema)]
struct ClockAnswer {
    now: jiff::Timestamp,
    today: jiff::civil::Date,
    simulated: bool,
}

/// The clock after a move, and what the move did.
#[derive(Serialize, ToSchema)]
struct ClockMovedAnswer {
    now: jiff::Timestamp,
    today: jiff::civil::Date,
    simulated: bool,
    effects: ClockEffectsAnswer,
}

/// What the jobs the move made due did (all zero when nothing fell due).
#[derive(Serialize, ToSchema)]
struct ClockEffectsAnswer {
    /// Vouchers that expired unreserved.
    vouchers_expired: u64,
    /// Days that went back to their pools with those vouchers.
    days_returned: i64,
    /// Days removed from pools at the removal milestone.
    days_removed: i64,
    /// Reminders sent.
    reminders_sent: u64,
    /// Completion reports whose sign-off was deemed given by silence.
    sign_offs_deemed: u64,
}

impl From<saps_app::clock::ClockEffects> for ClockEffectsAnswer {
    fn from(e: saps_app::clock::ClockEffects) -> Self {
        Self {
            vouchers_expired: e.vouchers_expired,
            days_returned: e.days_returned,
            days_removed: e.days_removed,
            reminders_sent: e.reminders_sent,
            sign_offs_deemed: e.sign_offs_deemed,
        }
    }
}

/// The program clock
#[utoipa::path(
    get,
    path = "/api/v1/clock",
    tag = "program",
    responses((status = 200, description = "The program's time", body = ClockAnswer))
)]
async fn clock_get(State(st): State<AppState>, _c: Caller) -> ApiResult<Response> {
    Ok(ok(ClockAnswer {
        now: st.app.now(),
        today: st.app.today(),
        simulated: st.app.clock.is_simulated(),
    }))
}

/// Set or advance a simulated clock (operator); 409 on the system clock or
/// for a date before today (`clock.backwards`)
#[utoipa::path(
    post,
    path = "/api/v1/clock",
    tag = "program",
    request_body = ClockMoveBody,
    responses(
        (status = 200, description = "The clock after the move and what it did", body = ClockMovedAnswer),
        (status = 403, response = Refusal),
        (status = 409, response = Refusal),
    )
)]
async fn clock_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<ClockRequest>,
) -> ApiResult<Response> {
    let to = match (r.set, r.advance_days) {
        (Some(d), None) => saps_app::ClockMove::Set(date("set", &d)?),
        (None, Some(n)) if (1..=3650).contains(&n) => saps_app::ClockMove::Advance(n),
        (None, Some(_)) => {
            return Err(
                Problem::malformed("advance_days", "advance_days must be from 1 to 3650").into(),
            );
        }
        _ => {
            return Err(Problem::malformed(
                "body",
                "send either {\"set\": \"YYYY-MM-DD\"} or {\"advance_days\": N}",
            )
            .into());
        }
    };
    if let saps_app::ClockMove::Set(d) = to {
        let today = st.app.today();
        if d < today && st.app.clock.is_simulated() {
            saps_core::authz::authorize(
                &c.actor,
                saps_core::authz::Action::MoveClock,
                saps_core::authz::Resource::Program,
            )?;
            let detail = saps_app::clock::backwards_message(d, today);
            return Err(Problem::new(StatusCode::CONFLICT, "clock.backwards", detail).into());
        }
    }
    let moved = st.app.move_clock_forward(&c.actor, to).await?;
    Ok(ok(ClockMovedAnswer {
        now: moved.now,
        today: saps_core::program_date(moved.now),
        simulated: true,
        effects: moved.effects.into(),
    }))
}
