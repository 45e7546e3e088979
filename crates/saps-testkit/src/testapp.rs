//! `TestApp`: the whole HTTP application in-process on a fresh database
//! (SQLite file or PostgreSQL database), with a fixture world and one helper
//! to send requests through the real router.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use saps_app::clock::Clock;
use saps_app::fixtures::{PASSWORD, World};
use saps_app::{App, Settings};
use saps_core::User;
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// A response: status, content type and JSON body (`Null` when not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub body: Value,
    /// The body as received (for files: CSV, workbooks).
    pub bytes: axum::body::Bytes,
    /// The `Content-Disposition` header, if any.
    pub disposition: Option<String>,
}

impl Answer {
    /// The problem code of an error answer.
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }
}

pub struct TestApp {
    pub db: Db,
    pub app: Arc<App>,
    pub router: axum::Router,
    pub world: World,
    pub dir: std::path::PathBuf,
}

impl TestApp {
    /// A fresh database of the given kind, a simulated clock at 2020-11-02,
    /// and a fixture world with a pool of `pool_days`.
    /// The world's partner is eligible for and enrolled in every offering.
    pub async fn new(db: Db, pool_days: u32) -> TestApp {
        Self::build(db, pool_days, true, |_| {}).await
    }

    /// As [`TestApp::new`], but the world's partner has nothing recorded and
    /// is not enrolled (onboarding starts from there).
    pub async fn unenrolled(db: Db, pool_days: u32) -> TestApp {
        Self::build(db, pool_days, false, |_| {}).await
    }

    /// As [`TestApp::new`], with settings changed by `tweak` (the mail
    /// transport, the retry wait …).
    pub async fn with_settings(
        db: Db,
        pool_days: u32,
        tweak: impl FnOnce(&mut Settings),
    ) -> TestApp {
        Self::build(db, pool_days, true, tweak).await
    }

    async fn build(
        db: Db,
        pool_days: u32,
        enrolled: bool,
        tweak: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let dir = std::env::temp_dir().join(format!("saps-test-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let store = open_fresh(db, &dir).await;
        let mut settings = Settings {
            mail_dir: dir.join("mail"),
            ..Settings::default()
        };
        tweak(&mut settings);
        let app = App::new(
            store,
            Clock::simulated(jiff::civil::date(2020, 11, 2)),
            settings,
        )
        .await
        .expect("app starts");
        let world = if enrolled {
            World::build(&app, pool_days, "t").await
        } else {
            World::build_unenrolled(&app, pool_days, "t").await
        }
        .expect("fixture world");
        let router = saps_web::router(app.clone());
        TestApp {
            db,
            app,
            router,
            world,
            dir,
        }
    }

    /// A bearer token for a user.
    pub async fn token(&self, user: &User) -> String {
        self.app
            .issue_token(&user.email, PASSWORD)
            .await
            .expect("token")
            .0
    }

    /// Sends a request with an optional bearer token and JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Answer {
        let raw = body.map(|b| serde_json::to_vec(b).expect("json"));
        self.raw(method, path, token, raw, &[]).await
    }

    /// Sends raw bytes (for malformed input) with extra headers.
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Vec<u8>>,
        headers: &[(&str, &str)],
    ) -> Answer {
        let method_name = method.as_str().to_owned();
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        if body.is_some()
            && !headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        {
            req = req.header("content-type", "application/json");
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = req
            .body(body.map(Body::from).unwrap_or_else(Body::empty))
            .expect("request");
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let content_type = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let disposition = res
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        // Every answer must be one the served OpenAPI document describes.
        if let Err(e) = crate::schema_check::contract().check(
            &method_name,
            path,
            status.as_u16(),
            &content_type,
            &bytes,
        ) {
            panic!("the answer does not match the OpenAPI document: {e}");
        }
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer {
            status,
            content_type,
            body,
            bytes,
            disposition,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Answer {
        self.call(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Answer {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    /// Creates a voucher of `days` days for the world's customer (as its
    /// benefit administrator `ba`) over the API; returns its code.
    pub async fn create_voucher(&self, ba: &str, days: u32) -> String {
        let w = &self.world;
        let body = serde_json::json!({
            "customer_id": w.customer.id,
            "agreement": w.agreement,
            "engagement": "SSDPS-UPG",
            "days": days,
            "project_manager_id": w.project_manager.id,
        });
        let r = self.post("/api/v1/vouchers", ba, &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        r.body["code"].as_str().expect("a code").to_owned()
    }

    /// How many events the journal holds (as the operator sees it).
    pub async fn event_count(&self) -> usize {
        let mut n = 0;
        let mut after = 0;
        loop {
            let page = self
                .app
                .read(move |tx| Ok(tx.events_after(saps_core::Scope::All, after, 500)?))
                .await
                .expect("events");
            let Some(last) = page.last() else { break };
            after = last.seq;
            n += page.len();
        }
        n
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A fresh, migrated store of the given kind (SQLite files go in `dir`).
pub async fn open_fresh(db: Db, dir: &std::path::Path) -> Arc<dyn saps_core::port::Store> {
    let sqlite = dir.join("saps.db").to_string_lossy().into_owned();
    // The PostgreSQL client blocks: keep it off the async threads.
    tokio::task::spawn_blocking(move || {
        let url = match db {
            Db::Sqlite => sqlite,
            Db::Postgres => crate::pg::fresh_database(),
        };
        let store: Arc<dyn saps_core::port::Store> = match db {
            Db::Sqlite => Arc::new(saps_sqlite::SqliteStore::open(std::path::Path::new(&url))?),
            Db::Postgres => Arc::new(saps_postgres::PgStore::connect(&url)?),
        };
        Ok::<_, saps_core::StoreError>(store)
    })
    .await
    .expect("join")
    .expect("store opens")
}

/// Runs an async test body once on SQLite and once on PostgreSQL:
/// `both_databases!(name, |db| async move { … })`.
#[macro_export]
macro_rules! both_databases {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                ($body)($crate::testapp::Db::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                ($body)($crate::testapp::Db::Postgres).await
            }
        }
    };
}
