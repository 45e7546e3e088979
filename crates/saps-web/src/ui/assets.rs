//! The static files compiled into the binary (stylesheet, htmx, icon), served
//! with long caching under a URL that changes with their content.

use super::page::fallback;
use crate::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::sync::LazyLock;

struct Asset {
    name: &'static str,
    body: &'static [u8],
    content_type: &'static str,
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "app.css",
        body: include_bytes!("../../static/app.css"),
        content_type: "text/css; charset=utf-8",
    },
    Asset {
        name: "htmx.min.js",
        body: include_bytes!("../../static/htmx.min.js"),
        content_type: "text/javascript; charset=utf-8",
    },
    Asset {
        name: "favicon.svg",
        body: include_bytes!("../../static/favicon.svg"),
        content_type: "image/svg+xml",
    },
];

/// A short hash of each asset, added to its URL so a new build is fetched
/// while an unchanged file stays cached.
static ASSET_VERSIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| saps_app::auth::token_hash(&String::from_utf8_lossy(a.body))[..12].to_owned())
        .collect()
});

/// The versioned URL of a static file.
pub fn asset_url(name: &str) -> String {
    match ASSETS.iter().position(|a| a.name == name) {
        Some(i) => format!("/static/{name}?v={}", ASSET_VERSIONS[i]),
        None => format!("/static/{name}"),
    }
}

/// A static file, by name; needs no session (so no database read).
pub async fn static_file(State(st): State<AppState>, req: Request) -> Response {
    let name = req.uri().path().trim_start_matches("/static/");
    match ASSETS.iter().position(|a| a.name == name) {
        Some(i) => {
            let a = &ASSETS[i];
            let etag = format!("\"{}\"", ASSET_VERSIONS[i]);
            (
                [
                    (header::CONTENT_TYPE, a.content_type.to_owned()),
                    (
                        header::CACHE_CONTROL,
                        "public, max-age=604800, immutable".to_owned(),
                    ),
                    (header::ETAG, etag),
                ],
                Body::from(a.body),
            )
                .into_response()
        }
        None => fallback(State(st), req).await,
    }
}
