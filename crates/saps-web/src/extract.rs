//! Request extractors that turn bad input into problem+json, never a 500:
//! the signed-in caller, JSON bodies (strict: unknown fields refused), queries
//! and path parameters parsed into domain types.

use crate::AppState;
use crate::problem::{ApiError, Problem};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header, request::Parts};
use saps_core::{Actor, User, VoucherCode};
use serde::de::DeserializeOwned;

/// The signed-in caller, from `Authorization: Bearer <token>`.
pub struct Caller {
    pub user: User,
    pub actor: Actor,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if let Some(c) = parts.extensions.get::<CallerCache>() {
            return Ok(Caller {
                user: c.0.clone(),
                actor: Actor::of(&c.0),
            });
        }
        let token = bearer(parts).ok_or(saps_core::Error::Unauthenticated)?;
        let user = state.app.authenticate(token).await?;
        parts.extensions.insert(CallerCache(user.clone()));
        Ok(Caller {
            actor: Actor::of(&user),
            user,
        })
    }
}

/// A caller already authenticated by a middleware in the same request.
#[derive(Clone)]
pub struct CallerCache(pub User);

pub fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// A strict JSON body.
pub struct Json<T>(pub T);

/// Largest JSON body accepted.
pub const MAX_JSON: usize = 256 * 1024;

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let json_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .is_some_and(|v| {
                v == "application/json" || (v.starts_with("application/") && v.ends_with("+json"))
            });
        if !json_type {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "request.unsupported_media_type",
                "Send the body as JSON with Content-Type: application/json.",
            )
            .into());
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::from(Problem::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "request.too_large",
                        format!("The body is larger than {MAX_JSON} bytes."),
                    ))
                } else {
                    ApiError::from(Problem::new(
                        StatusCode::BAD_REQUEST,
                        "request.unreadable_body",
                        "The request body could not be read.",
                    ))
                }
            })?;
        parse_json(&bytes).map(Json)
    }
}

/// Parses JSON, naming the offending field in the error.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::new(
            StatusCode::BAD_REQUEST,
            "request.empty_body",
            "The request body is empty; send a JSON object.",
        )
        .into());
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => Ok(v),
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            let message = inner.to_string();
            if inner.is_syntax() || inner.is_eof() {
                return Err(Problem::new(
                    StatusCode::BAD_REQUEST,
                    "request.malformed_json",
                    format!("The body is not valid JSON: {message}"),
                )
                .into());
            }
            let field = if let Some(rest) = message.strip_prefix("unknown field `") {
                rest.split('`').next().unwrap_or("body").to_owned()
            } else if let Some(rest) = message.strip_prefix("missing field `") {
                let f = rest.split('`').next().unwrap_or("body");
                if path == "." {
                    f.to_owned()
                } else {
                    format!("{path}.{f}")
                }
            } else if path == "." {
                "body".to_owned()
            } else {
                path
            };
            Err(Problem::malformed(&field, message).into())
        }
    }
}

/// A strict query string.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let q = parts.uri.query().unwrap_or("");
        serde_urlencoded_strict(q).map(Query)
    }
}

fn serde_urlencoded_strict<T: DeserializeOwned>(q: &str) -> Result<T, ApiError> {
    let pairs: Vec<(String, String)> = form_pairs(q);
    let map: serde_json::Map<String, serde_json::Value> = pairs
        .into_iter()
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    let v = serde_json::Value::Object(map);
    serde_path_to_error::deserialize::<_, T>(v).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        let field = message
            .strip_prefix("unknown field `")
            .and_then(|r| r.split('`').next())
            .map(str::to_owned)
            .unwrap_or(if path == "." { "query".into() } else { path });
        ApiError::from(Problem::malformed(&field, message))
    })
}

fn form_pairs(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|s| !s.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| {
            bytes
                .get(j..j + 2)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        };
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match hex(i + 1) {
                Some(b) => {
                    out.push(b);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A voucher code from the path, checked before any lookup.
pub fn voucher_code(raw: &str) -> Result<VoucherCode, ApiError> {
    raw.parse::<VoucherCode>()
        .map_err(|e| ApiError::from(Problem::malformed("code", e.to_string())))
}

/// A UUID-shaped id from the path or body.
pub fn id<T: std::str::FromStr>(field: &str, raw: &str) -> Result<T, ApiError> {
    raw.parse::<T>()
        .map_err(|_| ApiError::from(Problem::malformed(field, format!("{raw:?} is not an id"))))
}

/// A date `YYYY-MM-DD` within the years 1900–2999.
pub fn date(field: &str, raw: &str) -> Result<jiff::civil::Date, ApiError> {
    let d: jiff::civil::Date = raw.parse().map_err(|_| {
        ApiError::from(Problem::malformed(
            field,
            format!("{raw:?} is not a date (YYYY-MM-DD)"),
        ))
    })?;
    if !(1900..=2999).contains(&d.year()) || raw.len() != 10 {
        return Err(ApiError::from(Problem::malformed(
            field,
            format!("{raw:?} is out of range"),
        )));
    }
    Ok(d)
}
