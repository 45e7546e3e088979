//! saps over HTTP: the JSON API with its OpenAPI document, the server-rendered
//! web UI, health checks, idempotency keys, and the background jobs a server
//! runs.

pub mod answer;
pub mod api;
pub mod client_addr;
pub mod export;
pub mod extract;
mod headers;
mod idempotency;
pub mod invoice;
pub mod metrics;
pub mod problem;
pub mod ui;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use problem::Problem;
use saps_app::App;
use std::sync::Arc;
use std::time::Duration;

/// What every handler gets.
#[derive(Clone)]
pub struct AppState {
    pub app: Arc<App>,
    openapi: Arc<serde_json::Value>,
}

/// The whole HTTP application.
pub fn router(app: Arc<App>) -> Router {
    let (api_router, openapi) = api::api();
    metrics::handle();
    let state = AppState {
        app,
        openapi: Arc::new(openapi),
    };
    let api_router = api_router
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            idempotency::layer,
        ))
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed);
    Router::new()
        .merge(api_router)
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/docs", get(docs))
        .route("/api/docs.css", get(api::docs::stylesheet))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics::scrape))
        .merge(ui::router())
        .fallback(ui::fallback)
        .layer(DefaultBodyLimit::max(extract::MAX_JSON))
        .layer(axum::middleware::from_fn(metrics::track))
        .layer(axum::middleware::from_fn(headers::layer))
        .layer(tower_http::trace::TraceLayer::new_for_http().make_span_with(RequestSpan))
        .layer(tower_http::request_id::PropagateRequestIdLayer::x_request_id())
        .layer(tower_http::request_id::SetRequestIdLayer::x_request_id(
            RequestIds,
        ))
        .with_state(state)
}

async fn api_not_found() -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "route.not_found",
        "There is no such page or API route.",
    )
}

async fn method_not_allowed() -> Problem {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "route.method_not_allowed",
        "This route does not accept that method.",
    )
}

async fn openapi_json(State(st): State<AppState>) -> Response {
    axum::Json((*st.openapi).clone()).into_response()
}

async fn docs(State(st): State<AppState>) -> Response {
    api::docs::page(&st.openapi)
}

async fn readyz(State(st): State<AppState>) -> Response {
    match st.app.read(|tx| Ok(tx.program()?.is_some())).await {
        Ok(true) => (StatusCode::OK, "ready").into_response(),
        Ok(false) => (StatusCode::SERVICE_UNAVAILABLE, "not migrated").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::CONTENT_TYPE, "text/plain")],
                "database unreachable",
            )
                .into_response()
        }
    }
}

/// Starts this node's scheduler: every few seconds it runs the jobs that are
/// due (see `saps_app::jobs`; jobs that must run once across nodes are
/// leased in the database, so every node runs this loop).
pub fn spawn_jobs(app: Arc<App>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            // Failures are logged by the scheduler and retried at a later pass.
            app.run_due_jobs().await;
        }
    })
}

/// Serves until `shutdown` resolves, then drains in-flight requests.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let jobs = spawn_jobs(app.clone());
    // The peer address feeds the sign-in throttle (see `client_addr`).
    let service = router(app).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let r = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await;
    jobs.abort();
    r
}

/// Every request gets an `x-request-id` (kept if the client sent one), logged
/// with the request's span and returned in the response.
#[derive(Clone, Copy)]
pub struct RequestIds;

impl tower_http::request_id::MakeRequestId for RequestIds {
    fn make_request_id<B>(
        &mut self,
        _: &axum::http::Request<B>,
    ) -> Option<tower_http::request_id::RequestId> {
        let id = uuid::Uuid::now_v7().simple().to_string();
        axum::http::HeaderValue::from_str(&id)
            .ok()
            .map(tower_http::request_id::RequestId::new)
    }
}

#[derive(Clone, Copy)]
pub struct RequestSpan;

impl<B> tower_http::trace::MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, req: &axum::http::Request<B>) -> tracing::Span {
        let id = req
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
    }
}
