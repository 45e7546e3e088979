//! `Idempotency-Key` on every POST: the same key and body replay the first
//! answer; the same key with another body is refused (422); a key whose first
//! request is still running answers 409. An answer that holds a secret (a new
//! bearer token) is never stored: the replay table would keep it in plain text.

use crate::AppState;
use crate::extract::{CallerCache, MAX_JSON, bearer};
use crate::problem::Problem;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use sha2::{Digest, Sha256};

const HEADER: &str = "idempotency-key";

/// The route that issues bearer tokens: not keyed at all (it is safe to retry,
/// and its answer must not be stored).
const TOKEN_ROUTE: &str = "/api/v1/auth/token";

/// Marks an answer that must never be stored for a replay, because it holds a
/// secret; set by the handler that makes the secret, so a route added later
/// is covered by where its answer comes from, not by a list of paths.
#[derive(Clone, Copy, Debug)]
pub struct NotReplayable;

pub async fn layer(State(st): State<AppState>, req: Request, next: Next) -> Response {
    // An upload (multipart) is streamed, never buffered here: its key is
    // accepted but not replayed (submitting the same report again is a 409).
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/")
        });
    if req.method() != Method::POST
        || !req.headers().contains_key(HEADER)
        || req.uri().path() == TOKEN_ROUTE
        || multipart
    {
        return next.run(req).await;
    }
    let key = match req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
    {
        Some(k) if !k.is_empty() && k.len() <= 200 => k.to_owned(),
        _ => {
            return Problem::malformed(
                "idempotency_key",
                "Idempotency-Key must be 1 to 200 visible characters",
            )
            .into_response();
        }
    };
    let (mut parts, body) = req.into_parts();
    // Only authenticated requests are keyed (per user); the token endpoint is
    // safe to retry as it is.
    let Some(token) = bearer(&parts).map(str::to_owned) else {
        return next.run(Request::from_parts(parts, body)).await;
    };
    let user = match st.app.authenticate(&token).await {
        Ok(u) => u,
        Err(e) => return Problem::from(e).into_response(),
    };
    // Read at most the body limit, while streaming: a larger body is refused
    // before it is buffered (the extractors' limit applies only after this).
    let bytes = match axum::body::to_bytes(body, MAX_JSON).await {
        Ok(b) => b,
        Err(_) => {
            return Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "request.too_large",
                format!("The body is larger than {MAX_JSON} bytes."),
            )
            .into_response();
        }
    };
    let mut h = Sha256::new();
    h.update(parts.method.as_str().as_bytes());
    h.update(b" ");
    h.update(parts.uri.path().as_bytes());
    h.update(b"\n");
    h.update(&bytes);
    let hash = saps_app::auth::hex(&h.finalize());
    match st
        .app
        .claim_idempotency_key(user.id, key.clone(), hash.clone())
        .await
    {
        Err(e) => return Problem::from(e).into_response(),
        Ok(Some(stored)) => {
            if stored.request_hash != hash {
                return Problem::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency.key_reused",
                    "This Idempotency-Key was used with a different request.",
                )
                .into_response();
            }
            return match stored.status {
                None => Problem::new(
                    StatusCode::CONFLICT,
                    "idempotency.in_progress",
                    "The first request with this Idempotency-Key is still being processed.",
                )
                .into_response(),
                Some(status) => {
                    let mut res = (
                        StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
                        stored.body,
                    )
                        .into_response();
                    let ct = if status >= 400 {
                        "application/problem+json"
                    } else {
                        "application/json"
                    };
                    res.headers_mut()
                        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
                    res.headers_mut()
                        .insert("idempotent-replayed", HeaderValue::from_static("true"));
                    res
                }
            };
        }
        Ok(None) => {}
    }
    parts.extensions.insert(CallerCache(user.clone()));
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let status = res.status();
    if res.extensions().get::<NotReplayable>().is_some() {
        // Done, but its answer is a secret: the key is freed rather than kept.
        let _ = st.app.release_idempotency_key(user.id, key).await;
        return res;
    }
    if status.is_server_error() {
        // Nothing was done (or we cannot tell): let the client retry with the key.
        let _ = st.app.release_idempotency_key(user.id, key).await;
        return res;
    }
    let (rparts, rbody) = res.into_parts();
    let body = match rbody.collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if let Err(e) = st
        .app
        .complete_idempotency_key(user.id, key, status.as_u16(), body.to_vec())
        .await
    {
        tracing::warn!(error = %e, "could not store an idempotent response");
    }
    Response::from_parts(rparts, Body::from(body))
}
