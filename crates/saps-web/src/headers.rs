//! Headers every answer carries, set once around the whole router so that no
//! route, error, fallback or panic answer can miss them: `nosniff` on all,
//! `no-store` on the API (its answers are private or hold a token), and the
//! pages' CSP (with `frame-ancestors 'none'`) on any HTML that has none of its
//! own. Headers a handler set itself are kept.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

pub async fn layer(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let api = path == "/api/v1" || path.starts_with("/api/v1/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    if api {
        // Whatever a handler said: an API answer is never kept by a cache.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let html = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.trim_start()
                .to_ascii_lowercase()
                .starts_with("text/html")
        });
    if html && !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        crate::ui::add_security_headers(&mut res);
    }
    res
}
