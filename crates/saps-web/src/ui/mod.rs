//! The server-rendered web UI: a home per party, the voucher pages, VVR and
//! the operator's clock, in five languages. Handlers parse the form, call one
//! `saps-app` use case and render an askama template; core flows need no
//! JavaScript (a vendored htmx only refreshes the voucher form in place).

pub mod i18n;
mod pages;
pub mod session;

use crate::AppState;
use askama::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get};
use fluent_templates::fluent_bundle::FluentValue;
use i18n::Lang;
use pages::{auth, clock, home, vouchers, vvr};
use saps_core::{Error, Role, VoucherState};
use session::{Ctx, Refused};
use std::borrow::Borrow;
use std::sync::LazyLock;

/// The UI routes, with their security headers.
pub fn router() -> Router<AppState> {
    let p = |r: MethodRouter<AppState>| r.fallback(method_not_allowed);
    Router::new()
        .route("/", p(get(home::home)))
        .route("/login", p(get(auth::login_form).post(auth::login)))
        .route("/logout", p(get(auth::to_home).post(auth::logout)))
        .route("/lang", p(get(auth::to_home).post(auth::lang)))
        .route(
            "/benefit/activate",
            p(get(auth::to_home).post(home::activate_benefit)),
        )
        .route("/vouchers", p(get(vouchers::list).post(vouchers::create)))
        .route(
            "/vouchers/new",
            p(get(vouchers::new_form).post(vouchers::refresh_form)),
        )
        .route("/vouchers/{code}", p(get(vouchers::detail)))
        .route(
            "/vouchers/{code}/assign",
            p(get(vouchers::to_detail).post(vouchers::assign)),
        )
        .route(
            "/vouchers/{code}/cancel",
            p(get(vouchers::to_detail).post(vouchers::cancel)),
        )
        .route(
            "/vouchers/{code}/reserve",
            p(get(vvr::reserve_start).post(vvr::reserve)),
        )
        .route(
            "/vouchers/{code}/cancel-reservation",
            p(get(vouchers::to_detail).post(vvr::cancel_reservation)),
        )
        .route("/vvr", p(get(vvr::validate_form).post(vvr::validate)))
        .route("/clock", p(get(clock::page).post(clock::moved)))
        .route("/static/{file}", get(static_file))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked))
}

/// Headers every UI response carries.
async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    add_security_headers(&mut res);
    res
}

pub fn add_security_headers(res: &mut Response) {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
        ),
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

fn panicked(_: Box<dyn std::any::Any + Send>) -> Response {
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

const PANIC_PAGE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>saps</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main id=\"main\" class=\"container\"><h1>Something went wrong on our side</h1><p>It has been logged. <a href=\"/\">Back to the home page</a></p></main></body></html>";

// ---- static files ---------------------------------------------------------------

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
async fn static_file(State(st): State<AppState>, req: Request) -> Response {
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

// ---- pages and errors -----------------------------------------------------------

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

    pub fn nav(&self) -> Vec<NavItem> {
        let Some(user) = &self.user else {
            return Vec::new();
        };
        let mut items: Vec<(&'static str, &str)> =
            vec![("/", "nav-home"), ("/vouchers", "nav-vouchers")];
        match user.role {
            Role::BenefitAdmin => items.push(("/vouchers/new", "nav-new-voucher")),
            Role::GlobalAdmin | Role::MpnAdmin => items.push(("/vvr", "nav-vvr")),
            Role::Operator => items.push(("/clock", "nav-clock")),
            Role::ProjectManager | Role::Consultant => {}
        }
        // The reservation form belongs to "Validate and reserve".
        let path = match self.path() {
            p if p.starts_with("/vouchers/") && p.ends_with("/reserve") => "/vvr",
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

async fn method_not_allowed(ctx: Ctx) -> Response {
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

/// A local path to return to, never another site.
pub fn local_path(next: &str) -> Option<&str> {
    (next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\")).then_some(next)
}

/// Form errors: a message at the top, and messages next to fields.
#[derive(Default)]
pub struct Problems {
    pub top: Option<String>,
    pub fields: Vec<(&'static str, String)>,
}

impl Problems {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| *f == name)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.top.is_none() && self.fields.is_empty()
    }

    pub fn at(mut self, field: &'static str, message: String) -> Self {
        self.fields.push((field, message));
        self
    }

    /// Places a domain refusal next to the field it is about (`fields` maps
    /// the use case's field names and rules to this form's fields), else at
    /// the top.
    pub fn from_error(ctx: &Ctx, e: &Error, place: impl Fn(&str) -> Option<&'static str>) -> Self {
        let message = ctx.lang.error(e);
        let key = match e {
            Error::Rule(r) => Some(r.name().to_owned()),
            Error::Invalid { field, .. } => Some(field.clone()),
            _ => None,
        };
        match key.as_deref().and_then(place) {
            Some(f) => Problems::default().at(f, message),
            None => Problems {
                top: Some(message),
                fields: Vec::new(),
            },
        }
    }

    /// The summary above the form.
    pub fn summary(&self, ctx: &Ctx) -> Option<String> {
        match (&self.top, self.fields.len()) {
            (Some(t), _) => Some(t.clone()),
            (None, 0) => None,
            (None, _) => Some(ctx.t("form-has-errors")),
        }
    }
}

/// Whether an error is one a form shows in place (the user can fix it).
pub fn is_form_error(e: &Error) -> bool {
    crate::answer::is_correctable(e)
}
