//! Browser sessions, the locale and CSRF protection.
//!
//! A session is an API token (stored hashed in the database) in an
//! `HttpOnly`, `SameSite=Lax` cookie — `__Host-saps_session` with `Secure`
//! when the site is served over TLS. Every form carries a CSRF token: for a
//! session, the hex SHA-256 of the session token and `:csrf`; before sign-in,
//! a random value that must match a cookie (double submit). A POST is also
//! refused when the browser says it comes from another site (`Sec-Fetch-Site`).

use super::i18n::Lang;
use crate::AppState;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, Method, header, request::Parts};
use saps_core::{Actor, Locale, Org, User};

pub const SESSION: &str = "saps_session";
pub const SESSION_TLS: &str = "__Host-saps_session";
pub const LOGIN_CSRF: &str = "saps_csrf";
pub const LOGIN_CSRF_TLS: &str = "__Host-saps_csrf";
pub const LANG: &str = "saps_lang";

/// Largest form body accepted.
const MAX_FORM: usize = 64 * 1024;

/// One cookie from the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().trim_matches('"'))
        .filter(|v| !v.is_empty())
}

/// Whether the browser reached us over TLS: a proxy says so, or the public
/// URL is https.
pub fn is_tls(headers: &HeaderMap, public_url: &str) -> bool {
    public_url.starts_with("https://")
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

/// A `Set-Cookie` value with our attributes.
pub fn set_cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// The CSRF token bound to a session.
pub fn session_csrf(token: &str) -> String {
    saps_app::auth::token_hash(&format!("{token}:csrf"))
}

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Everything a page needs to know about the request: who is signed in, in
/// which language, the CSRF token for its forms, the program date.
pub struct Ctx {
    pub lang: Lang,
    /// Whether this browser chose the language (the switcher's cookie).
    pub lang_chosen: bool,
    pub user: Option<User>,
    pub org: Option<Org>,
    pub secure: bool,
    /// The path and query of this request, where the language switcher returns.
    pub here: String,
    pub today: jiff::civil::Date,
    pub simulated: bool,
    token: Option<String>,
    login_csrf: String,
    /// A fresh login CSRF value that must be set as a cookie with the page.
    pub new_login_csrf: bool,
}

impl Ctx {
    /// The signed-in actor, if any.
    pub fn actor(&self) -> Option<Actor> {
        self.user.as_ref().map(Actor::of)
    }

    pub fn session_token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// The token every form of this page carries.
    pub fn csrf(&self) -> String {
        match &self.token {
            Some(t) if self.user.is_some() => session_csrf(t),
            _ => self.login_csrf.clone(),
        }
    }

    pub fn login_csrf_cookie(&self) -> Option<String> {
        self.new_login_csrf.then(|| {
            let name = if self.secure {
                LOGIN_CSRF_TLS
            } else {
                LOGIN_CSRF
            };
            set_cookie(name, &self.login_csrf, None, self.secure)
        })
    }

    pub fn session_cookie_name(&self) -> &'static str {
        if self.secure { SESSION_TLS } else { SESSION }
    }

    /// Whether a posted CSRF token is the one this page would have issued:
    /// the session's when signed in, else the login cookie's.
    /// Whether a token posted by a signed-in user (in a multipart form,
    /// which the form extractor does not read) is this session's.
    pub fn csrf_matches(&self, posted: &str) -> bool {
        self.user.is_some() && self.csrf_ok(posted, false)
    }

    fn csrf_ok(&self, posted: &str, had_login_cookie: bool) -> bool {
        match (&self.token, &self.user) {
            (Some(t), Some(_)) => same(posted, &session_csrf(t)),
            _ => had_login_cookie && same(posted, &self.login_csrf),
        }
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, Self::Rejection> {
        let h = &parts.headers;
        let secure = is_tls(h, &st.app.settings.public_url);
        let token = if secure {
            cookie(h, SESSION_TLS).or_else(|| cookie(h, SESSION))
        } else {
            cookie(h, SESSION)
        }
        .map(str::to_owned);
        let user = match &token {
            Some(t) => st.app.authenticate(t).await.ok(),
            None => None,
        };
        // This browser's choice, then the signed-in user's saved one, then
        // the browser's languages. English is every account's default, so it
        // only wins as a saved choice over a browser that asks for nothing else.
        let lang = cookie(h, LANG)
            .and_then(Lang::parse)
            .or_else(|| {
                user.as_ref()
                    .filter(|u| u.locale != Locale::default())
                    .and_then(|u| Lang::parse(u.locale.as_str()))
            })
            .or_else(|| {
                h.get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Lang::negotiate)
            })
            .unwrap_or(Lang::En);
        let org = match &user {
            Some(u) => st.app.org(&Actor::of(u), u.org_id).await.ok(),
            None => None,
        };
        let existing = cookie(h, LOGIN_CSRF_TLS)
            .or_else(|| cookie(h, LOGIN_CSRF))
            .filter(|v| v.len() >= 32 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
            .map(str::to_owned);
        let new_login_csrf = existing.is_none() && user.is_none();
        let login_csrf = existing.unwrap_or_else(saps_app::auth::new_token);
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into());
        Ok(Ctx {
            lang,
            lang_chosen: cookie(h, LANG).and_then(Lang::parse).is_some(),
            user,
            org,
            secure,
            here,
            today: st.app.today(),
            simulated: st.app.clock.is_simulated(),
            token,
            login_csrf,
            new_login_csrf,
        })
    }
}

/// The query string, leniently parsed: a malformed query is an empty one.
pub struct Q(Vec<(String, String)>);

impl Q {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// Every value given for `name` (repeated or comma-separated), non-empty.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Q {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let q = parts.uri.query().unwrap_or("");
        Ok(Q(form_urlencoded::parse(q.as_bytes())
            .into_owned()
            .collect()))
    }
}

/// A voucher ID from the path; `None` when it is not one (the page is then
/// a 404, never a bare rejection).
pub struct CodeInPath(pub Option<saps_core::VoucherCode>);

impl<S: Send + Sync> FromRequestParts<S> for CodeInPath {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw = axum::extract::Path::<String>::from_request_parts(parts, state).await;
        Ok(CodeInPath(raw.ok().and_then(|p| p.0.parse().ok())))
    }
}

/// A posted form whose CSRF token and origin were checked.
pub struct Posted {
    pub ctx: Ctx,
    pairs: Vec<(String, String)>,
}

impl Posted {
    /// A field's value, or "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k == name)
    }

    /// Every value of a field that may repeat (ticked checkboxes).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why a post was refused before its handler ran.
pub enum Refused {
    /// Forged or stale: 403.
    Csrf(Ctx),
    /// Unreadable or too large: 400.
    Body(Ctx),
}

impl FromRequest<AppState> for Posted {
    type Rejection = Refused;
    async fn from_request(req: Request, st: &AppState) -> Result<Self, Refused> {
        let (mut parts, body) = req.into_parts();
        let Ok(mut ctx) = Ctx::from_request_parts(&mut parts, st).await;
        // A refused post must not hand out a new login cookie, or a forged
        // request could plant one.
        let had_login_cookie = !ctx.new_login_csrf;
        let cross_site = parts
            .headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| !matches!(v, "same-origin" | "none"));
        if parts.method != Method::POST || cross_site {
            ctx.new_login_csrf = false;
            return Err(Refused::Csrf(ctx));
        }
        let bytes = match axum::body::to_bytes(body, MAX_FORM).await {
            Ok(b) => b,
            Err(_) => return Err(Refused::Body(ctx)),
        };
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
        let posted = pairs
            .iter()
            .rev()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        if posted.is_empty() || !ctx.csrf_ok(posted, had_login_cookie) {
            ctx.new_login_csrf = false;
            return Err(Refused::Csrf(ctx));
        }
        Ok(Posted { ctx, pairs })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; saps_session=tok; __Host-saps_session=tls"
                .parse()
                .unwrap(),
        );
        assert_eq!(cookie(&h, SESSION), Some("tok"));
        assert_eq!(cookie(&h, SESSION_TLS), Some("tls"));
        assert_eq!(cookie(&h, "saps"), None);
    }

    #[test]
    fn session_cookies_are_host_only_and_secure_over_tls() {
        let c = set_cookie(SESSION_TLS, "t", None, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
        assert!(c.contains("Path=/"));
        assert!(!set_cookie(SESSION, "t", None, false).contains("Secure"));
        let mut h = HeaderMap::new();
        assert!(!is_tls(&h, "http://127.0.0.1:8080"));
        assert!(is_tls(&h, "https://saps.example"));
        h.insert("x-forwarded-proto", "https".parse().unwrap());
        assert!(is_tls(&h, "http://127.0.0.1:8080"));
    }

    #[test]
    fn the_csrf_token_is_bound_to_the_session() {
        assert_eq!(session_csrf("a").len(), 64);
        assert_ne!(session_csrf("a"), session_csrf("b"));
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }
}
