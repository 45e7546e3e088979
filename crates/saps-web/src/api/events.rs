//! The journal as the caller may see it, oldest first, page by page.

use super::{limit, ok};
use crate::AppState;
use crate::extract::{Caller, Query};
use crate::problem::{ApiResult, Problem};
use axum::extract::State;
use axum::response::Response;
use saps_core::Event;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(events))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct EventsQuery {
    /// The sequence number to start after (increasing, with gaps; empty: 0).
    #[param(schema_with = sequence_text)]
    after: Option<String>,
    /// The `next_cursor` of the previous page (the same as `after`).
    #[param(schema_with = sequence_text)]
    cursor: Option<String>,
    /// Page size, 1 to 500 (default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    limit: Option<String>,
}

/// An event sequence number as the query carries it: digits, or empty.
fn sequence_text() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(
            "An event sequence number; empty or left out: from the start",
        ))
        .pattern(Some("^[0-9]{0,18}$"))
        .build()
}

/// A page of events.
#[derive(Serialize, ToSchema)]
struct EventPage {
    items: Vec<Event>,
    /// Pass as `cursor` (or `after`) for the next page; null on the last page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// The caller's visible journal, oldest first
#[utoipa::path(
    get,
    path = "/api/v1/events",
    tag = "journal",
    params(EventsQuery),
    responses((status = 200, description = "A page of events", body = EventPage))
)]
async fn events(
    State(st): State<AppState>,
    c: Caller,
    Query(q): Query<EventsQuery>,
) -> ApiResult<Response> {
    // A malformed `cursor` is refused even when `after` is given.
    let cursor = sequence("cursor", q.cursor.as_deref())?;
    let after = sequence("after", q.after.as_deref())?
        .or(cursor)
        .unwrap_or(0);
    let limit = limit(q.limit.as_deref(), 100)?;
    let items = st.app.events(&c.actor, after, limit).await?;
    let next_cursor = if items.len() == limit as usize {
        items.last().map(|e| e.seq.to_string())
    } else {
        None
    };
    Ok(ok(EventPage { items, next_cursor }))
}

/// An event sequence number from the query (0 or more).
fn sequence(field: &str, raw: Option<&str>) -> ApiResult<Option<i64>> {
    match raw {
        None | Some("") => Ok(None),
        Some(a) => a
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .map(Some)
            .ok_or_else(|| {
                let detail = format!("{field} must be an event sequence number (0 or more)");
                Problem::malformed("after", detail).into()
            }),
    }
}
