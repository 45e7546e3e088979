//! What every page shares: the layout's context (messages, formatting per
//! locale, navigation), rendering with the right headers, and the error pages.
//! Nothing here decides anything about the program.

use super::assets::asset_url;
use super::i18n::{self, Lang};
use super::session::{Ctx, Refused};
use crate::AppState;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_templates::fluent_bundle::FluentValue;
use saps_app::home::Abilities;
use saps_core::{Error, Role, VoucherState};
use std::borrow::Borrow;

/// Headers every UI response carries.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    add_security_headers(&mut res);
    res
}

pub fn add_security_headers(res: &mut Response) {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(concat!(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; ",
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
        )),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
}

pub fn panicked(_: Box<dyn std::any::Any + Send>) -> Response {
    tracing::error!("a UI handler panicked");
    let mut res = (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        PANIC_PAGE,
    )
        .into_response();
    add_security_headers(&mut res);
    res
}

const PANIC_PAGE: &str = concat!(
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
    "<title>saps</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>",
    "<main id=\"main\" class=\"container\"><h1>Something went wrong on our side</h1>",
    "<p>It has been logged. <a href=\"/\">Back to the home page</a></p></main></body></html>",
);

/// A link in the main navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// A language in the switcher.
pub struct LangChoice {
    pub tag: &'static str,
    pub name: &'static str,
    pub selected: bool,
}

/// Something a message argument can be made of.
pub trait ArgValue {
    fn value(self) -> FluentValue<'static>;
}

impl ArgValue for &str {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}
impl ArgValue for &&str {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from((*self).to_owned())
    }
}
impl ArgValue for String {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}
impl ArgValue for &String {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl ArgValue for $t {
            fn value(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
        impl ArgValue for &$t {
            fn value(self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(u32, i64, usize, u64);

/// A whole number, however a template hands it over (by value or reference).
pub trait Whole {
    fn whole(&self) -> i64;
}

macro_rules! whole {
    ($($t:ty),*) => {$(
        impl Whole for $t {
            fn whole(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
whole!(u32, i64, u64, usize, i32);

impl Whole for saps_core::Days {
    fn whole(&self) -> i64 {
        self.signed()
    }
}

impl<T: Whole + ?Sized> Whole for &T {
    fn whole(&self) -> i64 {
        (**self).whole()
    }
}

/// A date or an instant, however a template hands it over.
pub trait Dated {
    fn day(&self) -> jiff::civil::Date;
    fn instant(&self) -> Option<jiff::Timestamp>;
}

impl Dated for jiff::civil::Date {
    fn day(&self) -> jiff::civil::Date {
        *self
    }
    fn instant(&self) -> Option<jiff::Timestamp> {
        None
    }
}

impl Dated for jiff::Timestamp {
    fn day(&self) -> jiff::civil::Date {
        saps_core::program_date(*self)
    }
    fn instant(&self) -> Option<jiff::Timestamp> {
        Some(*self)
    }
}

impl<T: Dated + ?Sized> Dated for &T {
    fn day(&self) -> jiff::civil::Date {
        (**self).day()
    }
    fn instant(&self) -> Option<jiff::Timestamp> {
        (**self).instant()
    }
}

/// What templates call on the context: messages, formatting, the layout's
/// navigation. Nothing here decides anything about the program.
impl Ctx {
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn t1(&self, key: &str, name: &'static str, value: impl ArgValue) -> String {
        self.lang.ta(key, vec![(name, value.value())])
    }

    pub fn t2(
        &self,
        key: &str,
        n1: &'static str,
        v1: impl ArgValue,
        n2: &'static str,
        v2: impl ArgValue,
    ) -> String {
        self.lang.ta(key, vec![(n1, v1.value()), (n2, v2.value())])
    }

    pub fn days(&self, n: impl Whole) -> String {
        self.lang.days(n.whole())
    }

    pub fn num(&self, n: impl Whole) -> String {
        self.lang.number(n.whole())
    }

    /// A date, or the program date (UTC) of an instant.
    pub fn date(&self, d: impl Dated) -> String {
        self.lang.date(d.day())
    }

    pub fn datetime(&self, t: impl Dated) -> String {
        match t.instant() {
            Some(i) => self.lang.datetime(i),
            None => self.lang.date(t.day()),
        }
    }

    pub fn state(&self, s: impl Borrow<VoucherState>) -> String {
        self.t(&i18n::state_key(*s.borrow()))
    }

    pub fn role(&self, r: impl Borrow<Role>) -> String {
        self.t(&i18n::role_key(r.borrow().as_str()))
    }

    pub fn country(&self, code: &str) -> String {
        self.lang.country(code)
    }

    pub fn engagement(&self, code: &str, name: &str) -> String {
        self.lang.engagement(code, name)
    }

    pub fn asset(&self, name: &str) -> String {
        asset_url(name)
    }

    pub fn path(&self) -> &str {
        self.here.split('?').next().unwrap_or("/")
    }

    pub fn langs(&self) -> Vec<LangChoice> {
        Lang::ALL
            .iter()
            .map(|l| LangChoice {
                tag: l.tag(),
                name: l.native_name(),
                selected: *l == self.lang,
            })
            .collect()
    }

    /// Whether the signed-in user may manage the organisation's webhooks
    /// (linked from the footer, beside the API reference).
    pub fn may_manage_webhooks(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| Abilities::of(&saps_core::Actor::of(u)).webhooks)
    }

    pub fn nav(&self) -> Vec<NavItem> {
        let Some(user) = &self.user else {
            return Vec::new();
        };
        let may = Abilities::of(&saps_core::Actor::of(user));
        let mut items: Vec<(&'static str, &str)> =
            vec![("/", "nav-home"), ("/vouchers", "nav-vouchers")];
        if may.create_vouchers {
            items.push(("/vouchers/new", "nav-new-voucher"));
        }
        if may.reserve_vouchers {
            items.push(("/vvr", "nav-vvr"));
        }
        if may.move_clock {
            items.push(("/clock", "nav-clock"));
        }
        if may.manage_users {
            items.push(("/users", "nav-users"));
        }
        if may.planning_services {
            items.push(("/planning-services", "nav-planning-services"));
        }
        if may.manage_partners {
            items.push(("/operator/partners", "nav-partners"));
        }
        if may.audit_journal {
            items.push(("/audit", "nav-audit"));
        }
        items.push(("/directory", "nav-directory"));
        if user.role.org_kind() == saps_core::OrgKind::Partner {
            items.push(("/partner/profile", "nav-profile"));
        }
        if may.payments {
            items.push(("/payments", "nav-payments"));
        }
        // The reservation form belongs to "Validate and reserve".
        let path = match self.path() {
            p if p.starts_with("/vouchers/") && p.ends_with("/reserve") => "/vvr",
            p if p.starts_with("/operator/") => "/operator/partners",
            p => p,
        };
        let current = items
            .iter()
            .rev()
            .find(|(href, _)| {
                *href == path || (*href != "/" && path.starts_with(&format!("{href}/")))
            })
            .map(|(href, _)| *href);
        items
            .into_iter()
            .map(|(href, key)| NavItem {
                href,
                label: self.t(key),
                current: Some(href) == current,
            })
            .collect()
    }
}

/// Renders a page with its status, the login CSRF cookie when one was
/// issued, and no caching (pages hold private data).
pub fn render(ctx: &Ctx, status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => {
            let mut res = (status, html).into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            h.insert(
                header::VARY,
                HeaderValue::from_static("Cookie, Accept-Language"),
            );
            if let Some(c) = ctx.login_csrf_cookie()
                && let Ok(v) = HeaderValue::from_str(&c)
            {
                h.append(header::SET_COOKIE, v);
            }
            res
        }
        Err(e) => {
            tracing::error!(error = %e, "a template failed to render");
            panicked(Box::new(()))
        }
    }
}

pub fn ok(ctx: &Ctx, page: &impl Template) -> Response {
    render(ctx, StatusCode::OK, page)
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub ctx: &'a Ctx,
    pub status: u16,
    pub title: String,
    pub message: String,
}

pub fn error_page(ctx: &Ctx, status: StatusCode, title_key: &str, message: String) -> Response {
    render(
        ctx,
        status,
        &ErrorPage {
            ctx,
            status: status.as_u16(),
            title: ctx.t(title_key),
            message,
        },
    )
}

pub fn not_found_page(ctx: &Ctx) -> Response {
    error_page(
        ctx,
        StatusCode::NOT_FOUND,
        "error-not-found-title",
        ctx.t("error-not-found"),
    )
}

/// Where to send someone who must sign in first.
pub fn to_login(ctx: &Ctx) -> Response {
    let next = ctx.here.as_str();
    let url = if next == "/" || next.starts_with("/login") {
        "/login".to_owned()
    } else {
        format!(
            "/login?next={}",
            form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        )
    };
    Redirect::to(&url).into_response()
}

/// The page for a refusal that no form can show next to its field; its
/// status is the API's (see [`crate::answer`]).
pub fn fail(ctx: &Ctx, e: Error) -> Response {
    let status = crate::answer::status(&e);
    let title = match &e {
        Error::Unauthenticated => return to_login(ctx),
        Error::NotFound(_) => return not_found_page(ctx),
        Error::Forbidden(_) => "error-forbidden-title",
        Error::Store(saps_core::StoreError::Backend(cause)) => {
            tracing::error!(%cause, "storage failure");
            "error-internal-title"
        }
        Error::Store(saps_core::StoreError::Retry | saps_core::StoreError::Stale) => {
            "error-busy-title"
        }
        Error::Rule(_)
        | Error::Invalid { .. }
        | Error::Conflict { .. }
        | Error::Throttled(_)
        | Error::Store(saps_core::StoreError::Duplicate(_)) => "error-refused-title",
    };
    error_page(ctx, status, title, ctx.lang.error(&e))
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::Csrf(ctx) => error_page(
                &ctx,
                StatusCode::FORBIDDEN,
                "error-csrf-title",
                ctx.t("error-csrf"),
            ),
            Refused::Body(ctx) => error_page(
                &ctx,
                StatusCode::BAD_REQUEST,
                "error-refused-title",
                ctx.t("error-bad-form"),
            ),
        }
    }
}

pub async fn method_not_allowed(ctx: Ctx) -> Response {
    error_page(
        &ctx,
        StatusCode::METHOD_NOT_ALLOWED,
        "error-not-found-title",
        ctx.t("error-not-found"),
    )
}

/// The fallback for every unknown path: problem+json under `/api/`, the
/// HTML 404 page elsewhere.
pub async fn fallback(State(st): State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return crate::api_not_found().await.into_response();
    }
    let (mut parts, _) = req.into_parts();
    let Ok(ctx) =
        <Ctx as axum::extract::FromRequestParts<AppState>>::from_request_parts(&mut parts, &st)
            .await;
    let mut res = not_found_page(&ctx);
    add_security_headers(&mut res);
    res
}

/// A page's own message after a successful action (`?done=reserved`).
pub fn done_message(ctx: &Ctx, done: Option<&str>) -> Option<String> {
    let key = format!("done-{}", done?.replace('_', "-"));
    ctx.lang.has(&key).then(|| ctx.t(&key))
}

/// A local path to return to, never another site: one `/` then visible ASCII
/// that parses as a path and query of this origin. Browsers drop tabs and line
/// breaks and read a backslash as `/`, so `/%09/evil.example` or `/\\evil.example` would
/// leave the site; anything not plainly local is refused (the caller uses `/`),
/// which also keeps the `Location` header valid (a line break there was a 500).
pub fn local_path(next: &str) -> Option<&str> {
    let plain = next.starts_with('/')
        && !next.starts_with("//")
        && next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    let same_origin = plain
        && next
            .parse::<axum::http::uri::PathAndQuery>()
            .is_ok_and(|p| p.as_str() == next);
    same_origin.then_some(next)
}

/// Form errors: a message at the top, and messages next to fields.
/// A choice in a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
    pub disabled: bool,
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_a_plain_local_path_is_a_place_to_return_to() {
        for good in ["/", "/vouchers", "/vouchers?page=2&q=a%20b", "/vvr"] {
            assert_eq!(local_path(good), Some(good), "{good:?}");
        }
        let bad = [
            "",
            "vouchers",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\t//evil.example",
            "/\n",
            "/\r\nSet-Cookie: a=b",
            "/ /evil.example",
            "/\u{0}",
            "/\u{7f}",
            "/é",
            "/a\\b",
            "https://evil.example/",
            "/\u{a0}//evil.example",
        ];
        for bad in bad {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }
}
