//! RFC 9457 problem details: every error the API returns, with a stable code.

use crate::answer::{Answer, answer};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use saps_core::{Error, StoreError};
use serde::Serialize;

/// A problem+json answer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Problem {
    pub fn new(status: StatusCode, code: impl Into<String>, detail: impl Into<String>) -> Self {
        let code = code.into();
        Self {
            kind: format!("https://saps.invalid/problems/{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            code,
            field: None,
        }
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The answer for a malformed request (400) about `field`.
    pub fn malformed(field: &str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            format!("validation.{field}"),
            detail,
        )
        .field(field)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let unauthenticated = status == StatusCode::UNAUTHORIZED;
        let busy = status == StatusCode::SERVICE_UNAVAILABLE;
        let throttled = status == StatusCode::TOO_MANY_REQUESTS;
        let body = serde_json::to_vec(&self).expect("problem serializes");
        let mut res = (status, body).into_response();
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if unauthenticated {
            h.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"saps\""),
            );
        }
        if busy {
            h.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if throttled {
            // The shortest wait of the throttle's tiers: a longer one answers
            // again with the same hint (refused attempts do not stretch it).
            h.insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        }
        res
    }
}

/// A domain error as problem+json: status and code from [`crate::answer`],
/// the detail in English.
impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        let Answer { status, code } = answer(&e);
        let detail = match &e {
            Error::NotFound(entity) => format!(
                "There is no such {} (or it is not yours to see).",
                entity.as_str()
            ),
            Error::Unauthenticated => {
                "Sign in: send a bearer token from POST /api/v1/auth/token.".to_owned()
            }
            Error::Store(StoreError::Retry | StoreError::Stale) => {
                "The database is busy; retry shortly.".to_owned()
            }
            Error::Store(StoreError::Duplicate(what)) => format!("This {what} already exists."),
            Error::Store(StoreError::Backend(cause)) => {
                tracing::error!(%cause, "storage failure");
                "Something went wrong on our side; it has been logged.".to_owned()
            }
            Error::Rule(r) => r.to_string(),
            Error::Conflict { message, .. } | Error::Invalid { message, .. } => message.clone(),
            Error::Forbidden(m) | Error::Throttled(m) => m.clone(),
        };
        let problem = Problem::new(status, code, detail);
        match e {
            Error::Invalid { field, .. } => problem.field(field),
            _ => problem,
        }
    }
}

/// Lets handlers use `?` on domain results.
pub struct ApiError(pub Box<Problem>);

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        Self(Box::new(e.into()))
    }
}

impl From<Problem> for ApiError {
    fn from(p: Problem) -> Self {
        Self(Box::new(p))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (*self.0).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
