//! `/metrics` in the Prometheus text format: requests by route (the matched
//! path, never the raw URL) and status with their latency, queue depths read
//! on each scrape, webhook deliveries, job runs.
//!
//! Access: on the main address `/metrics` answers only a caller presenting
//! the metrics token (`--metrics-token`, `Authorization: Bearer …`), and is
//! not found when no token is set; `--metrics-listen` serves it without a
//! token on a separate address meant for a private network.

use crate::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use saps_app::App;
use std::sync::{Arc, OnceLock};

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Latency buckets, in seconds.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process's recorder, installed on first use.
pub fn handle() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets(BUCKETS)
            .expect("the buckets are not empty");
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder is installed; /metrics shows only its own");
        }
        handle
    })
}

/// Counts each request by method, matched route and status, with its latency.
pub async fn track(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = req.method().as_str().to_owned();
    let started = std::time::Instant::now();
    let response = next.run(req).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("saps_http_requests_total", &labels).increment(1);
    metrics::histogram!("saps_http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}

/// The text of a scrape.
pub async fn render(app: &App) -> String {
    if let Err(e) = app.queue_counts().await {
        tracing::warn!(error = %e, "queue counts unavailable for /metrics");
    }
    app.db_pool_stats();
    let h = handle();
    h.run_upkeep();
    h.render()
}

fn text(body: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

/// `/metrics` on the main address: the metrics token or nothing.
pub async fn scrape(State(st): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let Some(token) = st.app.settings.metrics_token.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !token.matches(presented) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "a metrics token is required",
        )
            .into_response();
    }
    text(render(&st.app).await)
}

/// The router of `--metrics-listen`: `/metrics` alone, no token.
pub fn router(app: Arc<App>) -> axum::Router {
    handle();
    axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let app = app.clone();
            async move { text(render(&app).await) }
        }),
    )
}

/// Serves [`router`] on its own listener until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, app: Arc<App>) -> std::io::Result<()> {
    axum::serve(listener, router(app)).await
}
