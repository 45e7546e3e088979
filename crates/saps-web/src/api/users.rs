//! Disabling and enabling users (the operator, or the organisation's own
//! admin): a disabled user's tokens and sessions stop working at once.

use super::auth::UserAnswer;
use super::{NoInput, Refusal, no_body, ok};
use crate::AppState;
use crate::extract::{Caller, id};
use crate::problem::ApiResult;
use axum::extract::{Path, State};
use axum::response::Response;
use saps_core::UserId;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(disable))
        .routes(routes!(enable))
}

/// Disable a user: it can no longer sign in, and its tokens and sessions end at once (operator, or the
/// organisation's global admin or benefit admin)
#[utoipa::path(
    post,
    path = "/api/v1/users/{id}/disable",
    tag = "provisioning",
    params(("id" = UserId, Path, description = "The user's id")),
    request_body(content = Option<NoInput>, description = "Nothing, or an empty object"),
    responses(
        (status = 200, description = "The user, now disabled", body = UserAnswer),
        (status = 403, response = Refusal),
    )
)]
async fn disable(
    State(st): State<AppState>,
    c: Caller,
    Path(uid): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    set(st, c, uid, body, true).await
}

/// Enable a disabled user again (operator, or the organisation's global admin or benefit admin)
#[utoipa::path(
    post,
    path = "/api/v1/users/{id}/enable",
    tag = "provisioning",
    params(("id" = UserId, Path, description = "The user's id")),
    request_body(content = Option<NoInput>, description = "Nothing, or an empty object"),
    responses(
        (status = 200, description = "The user, enabled", body = UserAnswer),
        (status = 403, response = Refusal),
    )
)]
async fn enable(
    State(st): State<AppState>,
    c: Caller,
    Path(uid): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    set(st, c, uid, body, false).await
}

async fn set(
    st: AppState,
    c: Caller,
    uid: String,
    body: axum::body::Bytes,
    disabled: bool,
) -> ApiResult<Response> {
    no_body(&body)?;
    let uid: UserId = id("id", &uid)?;
    let user = st.app.set_user_disabled(&c.actor, uid, disabled).await?;
    Ok(ok(UserAnswer::from(&user)))
}
