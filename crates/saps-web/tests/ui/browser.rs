//! An in-process browser for the UI tests: a cookie jar, a language, forms
//! posted with their CSRF token.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use saps_app::clock::Clock;
use saps_app::fixtures::World;
use saps_app::{App, Settings};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;

pub struct Ui {
    pub app: Arc<App>,
    pub router: axum::Router,
    pub world: World,
    pub dir: PathBuf,
}

impl Drop for Ui {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A response as a browser sees it.
pub struct Page {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The CSRF token of the page's forms.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker).expect("a form with a CSRF token") + marker.len();
        self.body[start..]
            .split('"')
            .next()
            .expect("token")
            .to_owned()
    }

    pub fn has(&self, text: &str) -> bool {
        self.body.contains(text)
    }
}

/// A browser: a cookie jar and a language.
pub struct Browser<'a> {
    pub ui: &'a Ui,
    pub cookies: HashMap<String, String>,
    pub accept_language: &'a str,
}

impl Ui {
    /// A UI over a fresh SQLite database and a fixture world whose partner is
    /// enrolled and eligible.
    pub async fn new() -> Ui {
        Ui::with(true).await
    }

    /// As [`Ui::new`], but the partner has nothing recorded and is not enrolled.
    pub async fn unenrolled() -> Ui {
        Ui::with(false).await
    }

    async fn with(enrolled: bool) -> Ui {
        let dir = std::env::temp_dir().join(format!("saps-ui-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let store =
            saps_testkit::testapp::open_fresh(saps_testkit::testapp::Db::Sqlite, &dir).await;
        let settings = Settings {
            mail_dir: dir.join("mail"),
            ..Settings::default()
        };
        let app = App::new(
            store,
            Clock::simulated(jiff::civil::date(2020, 11, 2)),
            settings,
        )
        .await
        .expect("app");
        let world = if enrolled {
            World::build(&app, 30, "ui").await
        } else {
            World::build_unenrolled(&app, 30, "ui").await
        }
        .expect("world");
        let router = saps_web::router(app.clone());
        Ui {
            app,
            router,
            world,
            dir,
        }
    }

    pub fn browser(&self, accept_language: &'static str) -> Browser<'_> {
        Browser {
            ui: self,
            cookies: HashMap::new(),
            accept_language,
        }
    }

    /// A voucher of the fixture customer, assigned to the fixture partner.
    pub async fn assigned_voucher(&self) -> saps_core::VoucherCode {
        self.world
            .assigned_vouchers(&self.app, 1)
            .await
            .expect("voucher")[0]
    }
}

impl Browser<'_> {
    pub async fn send(&mut self, req: Request<Body>) -> Page {
        let res = self
            .ui
            .router
            .clone()
            .oneshot(req)
            .await
            .expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        for c in headers.get_all("set-cookie") {
            let c = c.to_str().expect("ascii");
            let (pair, attrs) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = pair.split_once('=').expect("name=value");
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
        let body = res.into_body().collect().await.expect("body").to_bytes();
        Page {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    pub fn request(&self, method: &str, path: &str) -> axum::http::request::Builder {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut r = Request::builder()
            .method(method)
            .uri(path)
            .header("accept-language", self.accept_language);
        if !cookie.is_empty() {
            r = r.header("cookie", cookie);
        }
        r
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let req = self.request("GET", path).body(Body::empty()).expect("req");
        self.send(req).await
    }

    pub async fn post_with(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut r = self
            .request("POST", path)
            .header("content-type", "application/x-www-form-urlencoded");
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        let req = r.body(Body::from(body)).expect("req");
        self.send(req).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        self.post_with(path, form, &[("sec-fetch-site", "same-origin")])
            .await
    }

    /// Posts a page's form with its CSRF token.
    pub async fn submit(&mut self, page_path: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.get(page_path).await.csrf();
        let mut form = vec![("csrf", token.as_str())];
        form.extend_from_slice(fields);
        self.post(action, &form).await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Page {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", password), ("next", "/")],
        )
        .await
    }
}
