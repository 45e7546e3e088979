//! Extractors for what nearly every page handler starts with: the signed-in
//! actor with the page's context (locale, CSRF), a posted form from them, and
//! a voucher ID from the path. Each answers with the right page when it
//! cannot extract: the sign-in page, or the 404 page for a malformed ID.

use super::page::{not_found_page, to_login};
use super::session::{Ctx, Posted};
use crate::AppState;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use saps_core::{Actor, VoucherCode};

/// A signed-in actor and the page's context; anyone else goes to sign in.
pub struct SignedIn {
    pub ctx: Ctx,
    pub actor: Actor,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, Response> {
        let Ok(ctx) = Ctx::from_request_parts(parts, st).await;
        match ctx.actor() {
            Some(actor) => Ok(SignedIn { ctx, actor }),
            None => Err(to_login(&ctx)),
        }
    }
}

/// A form posted by a signed-in actor, its CSRF token and origin checked.
pub struct SignedInForm {
    pub form: Posted,
    pub actor: Actor,
}

impl SignedInForm {
    pub fn ctx(&self) -> &Ctx {
        &self.form.ctx
    }
}

impl FromRequest<AppState> for SignedInForm {
    type Rejection = Response;
    async fn from_request(req: Request, st: &AppState) -> Result<Self, Response> {
        let form = Posted::from_request(req, st)
            .await
            .map_err(IntoResponse::into_response)?;
        match form.ctx.actor() {
            Some(actor) => Ok(SignedInForm { form, actor }),
            None => Err(to_login(&form.ctx)),
        }
    }
}

/// A voucher ID from the path, parsed. A malformed one is the 404 page (the
/// sign-in page for someone not signed in, who may see no voucher at all).
pub struct VoucherInPath(pub VoucherCode);

impl FromRequestParts<AppState> for VoucherInPath {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, Response> {
        let raw = Path::<String>::from_request_parts(parts, st).await;
        if let Some(code) = raw.ok().and_then(|p| p.0.parse().ok()) {
            return Ok(VoucherInPath(code));
        }
        let Ok(ctx) = Ctx::from_request_parts(parts, st).await;
        Err(match ctx.user {
            Some(_) => not_found_page(&ctx),
            None => to_login(&ctx),
        })
    }
}
