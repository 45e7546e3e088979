//! Signing in and out, and choosing the language.

use crate::AppState;
use crate::client_addr::ClientAddr;
use crate::ui::form::Problems;
use crate::ui::i18n::Lang;
use crate::ui::page::{fail, local_path, ok, render};
use crate::ui::session::{Ctx, LANG, Posted, Q, set_cookie};
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::demo::DEMO_PASSWORD;
use saps_app::sign_in::Credentials;
use saps_app::views::DemoAccount;
use saps_core::{Error, Locale};

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage<'a> {
    pub ctx: &'a Ctx,
    pub email: String,
    pub next: String,
    pub problems: Problems,
    pub signed_out: bool,
    /// The demo's accounts, when this is the demo.
    pub demo: Vec<DemoAccount>,
    pub demo_password: &'static str,
}

async fn demo_accounts(st: &AppState) -> Vec<DemoAccount> {
    st.app.demo_accounts().await.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "listing the demo accounts failed");
        Vec::new()
    })
}

pub async fn login_form(State(st): State<AppState>, ctx: Ctx, q: Q) -> Response {
    if ctx.user.is_some() {
        return Redirect::to("/").into_response();
    }
    let next = q.get("next").and_then(local_path).unwrap_or("/").to_owned();
    ok(
        &ctx,
        &LoginPage {
            ctx: &ctx,
            email: String::new(),
            next,
            problems: Problems::default(),
            signed_out: q.get("signed_out").is_some(),
            demo: demo_accounts(&st).await,
            demo_password: DEMO_PASSWORD,
        },
    )
}

pub async fn login(
    State(st): State<AppState>,
    ClientAddr(client): ClientAddr,
    form: Posted,
) -> Response {
    let ctx = &form.ctx;
    let email = form.get("email").trim().to_owned();
    let password = form.get("password");
    let next = local_path(form.get("next")).unwrap_or("/").to_owned();
    let mut problems = Problems::default();
    if email.is_empty() {
        problems.add("email", ctx.t("login-email-missing"));
    } else if email.chars().count() > saps_app::sign_in::MAX_EMAIL {
        // Refused before anything else, as the API does.
        problems.add("email", ctx.t("login-email-too-long"));
    }
    if password.is_empty() {
        problems.add("password", ctx.t("login-password-missing"));
    }
    let mut throttled = false;
    if problems.is_empty() {
        let credentials = Credentials {
            email: &email,
            password,
            client,
        };
        match st.app.issue_token_to(credentials).await {
            Ok((token, user)) => {
                let mut res = Redirect::to(&next).into_response();
                let cookie = set_cookie(ctx.session_cookie_name(), &token, None, ctx.secure);
                if let Ok(v) = HeaderValue::from_str(&cookie) {
                    res.headers_mut().append(header::SET_COOKIE, v);
                }
                // The user's saved language, unless this browser chose one:
                // it stays after signing out.
                let saved = Lang::parse(user.locale.as_str())
                    .filter(|_| user.locale != Locale::default() && !ctx.lang_chosen);
                if let Some(lang) = saved {
                    let c = set_cookie(LANG, lang.tag(), Some(365 * 24 * 3600), ctx.secure);
                    if let Ok(v) = HeaderValue::from_str(&c) {
                        res.headers_mut().append(header::SET_COOKIE, v);
                    }
                }
                return res;
            }
            Err(Error::Unauthenticated) => problems.top = Some(ctx.t("login-failed")),
            Err(e @ Error::Throttled(_)) => {
                throttled = true;
                problems.top = Some(ctx.lang.error(&e));
            }
            Err(e) => return fail(ctx, e),
        }
    }
    let status = if throttled {
        StatusCode::TOO_MANY_REQUESTS
    } else if problems.top.is_some() {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(
        ctx,
        status,
        &LoginPage {
            ctx,
            email,
            next,
            problems,
            signed_out: false,
            demo: demo_accounts(&st).await,
            demo_password: DEMO_PASSWORD,
        },
    )
}

pub async fn logout(State(st): State<AppState>, form: Posted) -> Response {
    let ctx = &form.ctx;
    if let Some(token) = ctx.session_token()
        && let Err(e) = st.app.revoke_token(token).await
    {
        return fail(ctx, e);
    }
    let mut res = Redirect::to("/login?signed_out=1").into_response();
    let cookie = set_cookie(ctx.session_cookie_name(), "", Some(0), ctx.secure);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// The language switcher: remembers the choice for a year in this browser,
/// and as the signed-in user's own language (their pages and e-mails).
pub async fn lang(State(st): State<AppState>, form: Posted) -> Response {
    let ctx = &form.ctx;
    let next = local_path(form.get("next")).unwrap_or("/").to_owned();
    let Some(lang) = Lang::parse(form.get("lang")) else {
        return Redirect::to(&next).into_response();
    };
    if let (Some(actor), Some(locale)) = (ctx.actor(), Locale::parse(lang.tag()))
        && let Err(e) = st.app.set_own_locale(&actor, locale).await
    {
        return fail(ctx, e);
    }
    let mut res = Redirect::to(&next).into_response();
    let cookie = set_cookie(LANG, lang.tag(), Some(365 * 24 * 3600), ctx.secure);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// GET on a POST-only address: back home.
pub async fn to_home() -> Redirect {
    Redirect::to("/")
}
