//! The caller's own notification settings: which optional mails (reminders,
//! voucher updates, payment decisions) they receive. Mails that carry what a
//! user must have are not optional and have no setting.

use super::ok;
use crate::AppState;
use crate::extract::{Caller, Json};
use crate::problem::ApiResult;
use axum::extract::State;
use axum::response::Response;
use saps_core::notify::NotificationSettings;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_notifications, put_notifications))
}

/// The caller's notification settings (each group on until turned off)
#[utoipa::path(
    get,
    path = "/api/v1/me/notifications",
    tag = "auth",
    responses((status = 200, description = "The caller's settings", body = NotificationSettings))
)]
async fn get_notifications(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    Ok(ok(st.app.own_notifications(&c.actor).await?))
}

/// Save the caller's notification settings, all three groups at once (unknown keys are refused). The
/// voucher ID sent on assignment, a declined delivery, a disabled webhook and account mails always go.
#[utoipa::path(
    put,
    path = "/api/v1/me/notifications",
    tag = "auth",
    request_body = NotificationSettings,
    responses((status = 200, description = "The saved settings", body = NotificationSettings))
)]
async fn put_notifications(
    State(st): State<AppState>,
    c: Caller,
    Json(s): Json<NotificationSettings>,
) -> ApiResult<Response> {
    Ok(ok(st.app.set_own_notifications(&c.actor, s).await?))
}
