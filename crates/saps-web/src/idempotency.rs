//! `Idempotency-Key` on every POST: the same key and body replay the first
//! answer; the same key with another body is refused (422); a key whose first
//! request is still running answers 409. An upload (multipart) is keyed by
//! what its parts carry rather than by its bytes (see [`UploadKey`]). An answer that holds a secret (a new
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
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const HEADER: &str = "idempotency-key";

/// The route that issues bearer tokens: not keyed at all (it is safe to retry,
/// and its answer must not be stored).
const TOKEN_ROUTE: &str = "/api/v1/auth/token";

/// Marks an answer that must never be stored for a replay, because it holds a
/// secret; set by the handler that makes the secret, so a route added later
/// is covered by where its answer comes from, not by a list of paths.
#[derive(Clone, Copy, Debug)]
pub struct NotReplayable;

/// An upload's `Idempotency-Key`, handed by the layer to the upload's handler.
///
/// A multipart body is streamed to its handler, never buffered here, and its
/// bytes are no fingerprint: clients draw a new boundary for every try. So
/// the handler claims the key itself once it has read the parts, with a
/// fingerprint of what they carry (see [`UploadKey::claim`]), and the layer
/// stores the answer afterwards as for any keyed request.
#[derive(Clone, Debug)]
pub struct UploadKey {
    key: String,
    user: saps_core::UserId,
    claimed: Arc<AtomicBool>,
}

impl UploadKey {
    /// Claims the key for this upload. `fingerprint` is what the upload
    /// carries (its fields, each file's name and SHA-256). `Some` is the
    /// answer to give instead: the first answer replayed, 422 for the key
    /// used with another upload, 409 while the first is still running.
    pub async fn claim(&self, st: &AppState, path: &str, fingerprint: &[u8]) -> Option<Response> {
        let mut h = Sha256::new();
        h.update(b"POST ");
        h.update(path.as_bytes());
        h.update(b"\nmultipart\n");
        h.update(fingerprint);
        let hash = saps_app::auth::hex(&h.finalize());
        match st
            .app
            .claim_idempotency_key(self.user, self.key.clone(), hash.clone())
            .await
        {
            Err(e) => Some(Problem::from(e).into_response()),
            Ok(Some(stored)) => Some(replay(stored, &hash)),
            Ok(None) => {
                self.claimed.store(true, Ordering::SeqCst);
                None
            }
        }
    }
}

/// The key from the header, if it is well formed.
fn key_of(req: &Request) -> Option<String> {
    req.headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 200)
        .map(str::to_owned)
}

/// The answer to a request whose key was claimed before: the stored answer,
/// or why there is none to give.
fn replay(stored: saps_core::port::IdempotentResponse, hash: &str) -> Response {
    if stored.request_hash != hash {
        return Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency.key_reused",
            "This Idempotency-Key was used with a different request.",
        )
        .into_response();
    }
    match stored.status {
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
    }
}

pub async fn layer(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST
        || !req.headers().contains_key(HEADER)
        || req.uri().path() == TOKEN_ROUTE
    {
        return next.run(req).await;
    }
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/")
        });
    let Some(key) = key_of(&req) else {
        return Problem::malformed(
            "idempotency_key",
            "Idempotency-Key must be 1 to 200 visible characters",
        )
        .into_response();
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
    if multipart {
        let upload = UploadKey {
            key: key.clone(),
            user: user.id,
            claimed: Arc::new(AtomicBool::new(false)),
        };
        let claimed = upload.claimed.clone();
        parts.extensions.insert(upload);
        parts.extensions.insert(CallerCache(user.clone()));
        let res = next.run(Request::from_parts(parts, body)).await;
        if !claimed.load(Ordering::SeqCst) {
            return res;
        }
        return finish(&st, user.id, key, res).await;
    }
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
        Ok(Some(stored)) => return replay(stored, &hash),
        Ok(None) => {}
    }
    parts.extensions.insert(CallerCache(user.clone()));
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    finish(&st, user.id, key, res).await
}

/// Stores the answer of a request that claimed its key (or frees the key
/// when the answer must not or cannot be replayed), and gives it.
async fn finish(st: &AppState, user: saps_core::UserId, key: String, res: Response) -> Response {
    let status = res.status();
    if res.extensions().get::<NotReplayable>().is_some() {
        // Done, but its answer is a secret: the key is freed rather than kept.
        let _ = st.app.release_idempotency_key(user, key).await;
        return res;
    }
    if status.is_server_error() {
        // Nothing was done (or we cannot tell): let the client retry with the key.
        let _ = st.app.release_idempotency_key(user, key).await;
        return res;
    }
    let (rparts, rbody) = res.into_parts();
    let body = match rbody.collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if let Err(e) = st
        .app
        .complete_idempotency_key(user, key, status.as_u16(), body.to_vec())
        .await
    {
        tracing::warn!(error = %e, "could not store an idempotent response");
    }
    Response::from_parts(rparts, Body::from(body))
}
