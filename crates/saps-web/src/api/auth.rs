//! Signing in: exchanging an e-mail and password for a bearer token, who the
//! token belongs to, and ending it.

use super::{Refusal, created, ok};
use crate::AppState;
use crate::client_addr::ClientAddr;
use crate::extract::{Caller, Json};
use crate::problem::ApiResult;
use axum::extract::State;
use axum::http::{StatusCode, request::Parts};
use axum::response::{IntoResponse, Response};
use saps_app::sign_in::Credentials;
use saps_core::{Locale, OrgId, Role, User, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(token, revoke))
        .routes(routes!(me))
}

/// A user as the API shows it (never the password).
#[derive(Serialize, ToSchema)]
pub struct UserAnswer {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub org_id: OrgId,
    /// The language of the user's e-mails and default pages.
    pub locale: Locale,
    /// A disabled user can neither sign in nor use its tokens.
    pub disabled: bool,
}

impl From<&User> for UserAnswer {
    fn from(u: &User) -> Self {
        Self {
            id: u.id,
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role,
            org_id: u.org_id,
            locale: u.locale,
            disabled: u.disabled,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct TokenRequest {
    email: String,
    password: String,
}

/// A new bearer token (shown once) and its user.
#[derive(Serialize, ToSchema)]
struct TokenAnswer {
    token: String,
    user: UserAnswer,
}

/// Exchange an e-mail and password for a bearer token (shown once)
#[utoipa::path(
    post,
    path = "/api/v1/auth/token",
    tag = "auth",
    security(()),
    request_body = TokenRequest,
    responses(
        (status = 201, description = "The token and its user", body = TokenAnswer),
        (status = 401, response = Refusal),
        (status = 429, response = Refusal),
    )
)]
async fn token(
    State(st): State<AppState>,
    ClientAddr(client): ClientAddr,
    Json(r): Json<TokenRequest>,
) -> ApiResult<Response> {
    let credentials = Credentials {
        email: &r.email,
        password: &r.password,
        client,
    };
    let (token, user) = st.app.issue_token_to(credentials).await?;
    let mut res = created(TokenAnswer {
        token,
        user: UserAnswer::from(&user),
    });
    // It holds a secret: never kept for an Idempotency-Key replay.
    res.extensions_mut()
        .insert(crate::idempotency::NotReplayable);
    Ok(res)
}

/// End the bearer token this request is made with (signing out)
#[utoipa::path(
    delete,
    path = "/api/v1/auth/token",
    tag = "auth",
    responses((status = 204, description = "The token no longer works"))
)]
async fn revoke(State(st): State<AppState>, _c: Caller, parts: Parts) -> ApiResult<Response> {
    // `Caller` has checked the token is valid; the same header names it here.
    let token = crate::extract::bearer(&parts).ok_or(saps_core::Error::Unauthenticated)?;
    st.app.revoke_token(token).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The signed-in user
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "auth",
    responses((status = 200, description = "The caller", body = UserAnswer))
)]
async fn me(c: Caller) -> ApiResult<Response> {
    Ok(ok(UserAnswer::from(&c.user)))
}
