//! Webhook subscriptions of the caller's organisation (operator, a partner's
//! global admin, a customer's benefit admin), their delivery log, and a test
//! event.

use super::{NoInput, Refusal, created, limit, no_body, ok};
use crate::AppState;
use crate::extract::{Caller, Json, Query};
use crate::problem::ApiResult;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use saps_app::webhooks::{AttemptView, CreatedWebhook, DeliveryView, WebhookView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(webhooks_post, webhooks_get))
        .routes(routes!(webhook_delete))
        .routes(routes!(deliveries))
        .routes(routes!(test_event))
}

/// A subscription to event kinds.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct WebhookRequest {
    /// An http or https URL that does not resolve to a loopback, private or
    /// link-local address.
    #[schema(max_length = 2000)]
    url: String,
    /// Event kinds, as the event feed names them (`voucher.created` …).
    #[schema(min_items = 1)]
    events: Vec<String>,
}

/// The caller's organisation's subscriptions.
#[derive(Serialize, ToSchema)]
struct WebhookPage {
    items: Vec<WebhookView>,
    /// Always null: every subscription is on the first page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// A subscription's delivery log, newest first.
#[derive(Serialize, ToSchema)]
struct DeliveryLog {
    webhook: WebhookView,
    /// Attempts: when, what came of it, the receiver's status or the error.
    attempts: Vec<AttemptView>,
    /// Deliveries, with where each stands.
    deliveries: Vec<DeliveryView>,
}

/// A test event queued for delivery.
#[derive(Serialize, ToSchema)]
struct TestQueued {
    /// The `webhook-id` it is sent with.
    message_id: String,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct LogQuery {
    /// How many attempts and deliveries, 1 to 500 (default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    limit: Option<String>,
}

fn webhook_id(raw: &str) -> ApiResult<Uuid> {
    crate::extract::id("id", raw)
}

/// Subscribe the caller's organisation to event kinds; the answer holds the signing secret, shown this
/// once (operator, a partner's global admin, a customer's benefit admin)
#[utoipa::path(
    post,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    request_body = WebhookRequest,
    responses(
        (status = 201, description = "The subscription and its secret", body = CreatedWebhook),
        (status = 403, response = Refusal),
    )
)]
async fn webhooks_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<WebhookRequest>,
) -> ApiResult<Response> {
    let w = st.app.create_webhook(&c.actor, &r.url, &r.events).await?;
    Ok(created(w))
}

/// The caller's organisation's subscriptions, without their secrets
#[utoipa::path(
    get,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    responses(
        (status = 200, description = "The subscriptions", body = WebhookPage),
        (status = 403, response = Refusal),
    )
)]
async fn webhooks_get(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    let items = st.app.webhooks(&c.actor).await?;
    Ok(ok(WebhookPage {
        items,
        next_cursor: None,
    }))
}

/// Remove a subscription with its delivery log
#[utoipa::path(
    delete,
    path = "/api/v1/webhooks/{id}",
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The subscription's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, response = Refusal),
    )
)]
async fn webhook_delete(
    State(st): State<AppState>,
    c: Caller,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    st.app.delete_webhook(&c.actor, webhook_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A subscription's delivery log: attempts with their outcome, time, status code and error
#[utoipa::path(
    get,
    path = "/api/v1/webhooks/{id}/deliveries",
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The subscription's id"), LogQuery),
    responses(
        (status = 200, description = "The log", body = DeliveryLog),
        (status = 403, response = Refusal),
    )
)]
async fn deliveries(
    State(st): State<AppState>,
    c: Caller,
    Path(id): Path<String>,
    Query(q): Query<LogQuery>,
) -> ApiResult<Response> {
    let id = webhook_id(&id)?;
    let limit = limit(q.limit.as_deref(), 100)?;
    let webhook = st.app.webhook(&c.actor, id).await?;
    let (attempts, deliveries) = st.app.webhook_log(&c.actor, id, limit).await?;
    Ok(ok(DeliveryLog {
        webhook,
        attempts,
        deliveries,
    }))
}

/// Send a test event (`webhook.test`) to a subscription; it is delivered, signed and logged like any
/// event
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{id}/test",
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The subscription's id")),
    request_body(content = Option<NoInput>, description = "Nothing, or an empty object"),
    responses(
        (status = 202, description = "Queued", body = TestQueued),
        (status = 403, response = Refusal),
    )
)]
async fn test_event(
    State(st): State<AppState>,
    c: Caller,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    no_body(&body)?;
    let message_id = st.app.send_test_webhook(&c.actor, webhook_id(&id)?).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(TestQueued { message_id })).into_response())
}
