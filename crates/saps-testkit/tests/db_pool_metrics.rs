//! `/metrics` shows the database pool's use, read at each scrape, on both
//! databases: its size, the connections in use and idle, and the work waiting.

use saps_testkit::both_databases;
use saps_testkit::testapp::Db;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Sends one request through a router; status and body text.
async fn fetch(router: &axum::Router, path: &str) -> (u16, String) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let resp = router
        .clone()
        .oneshot(
            axum::http::Request::get(path)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// A sample's value in Prometheus text.
fn value(text: &str, name: &str) -> Option<f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.rsplit_once(' ').filter(|(n, _)| *n == name))
        .and_then(|(_, v)| v.parse().ok())
}

/// A write that holds the writing connection until `release` says so.
fn held_write(app: &Arc<saps_app::App>, release: Receiver<()>) -> tokio::task::JoinHandle<()> {
    let release = Arc::new(Mutex::new(release));
    let app = app.clone();
    tokio::spawn(async move {
        app.write(move |_tx| {
            let _ = release
                .lock()
                .unwrap()
                .recv_timeout(Duration::from_secs(20));
            Ok(())
        })
        .await
        .unwrap();
    })
}

both_databases!(the_pool_gauges_are_scraped, |db: Db| async move {
    let dir = std::env::temp_dir().join(format!("saps-pool-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = saps_testkit::testapp::open_fresh(db, &dir).await;
    let settings = saps_app::Settings {
        mail_dir: dir.join("mail"),
        ..saps_app::Settings::default()
    };
    let clock = saps_app::clock::Clock::simulated(jiff::civil::date(2020, 11, 2));
    let app = saps_app::App::new(store, clock, settings).await.unwrap();
    let router = saps_web::metrics::router(app.clone());
    // SQLite: one writer and four readers; PostgreSQL: the default pool of 8.
    let max = match db {
        Db::Sqlite => 5.0,
        Db::Postgres => 8.0,
    };

    let (status, text) = fetch(&router, "/metrics").await;
    assert_eq!(status, 200);
    assert_eq!(value(&text, "saps_db_pool_max"), Some(max), "{text}");
    assert_eq!(
        value(&text, r#"saps_db_pool_connections{state="in_use"}"#),
        Some(0.0),
        "{text}"
    );
    assert_eq!(
        value(&text, r#"saps_db_pool_connections{state="idle"}"#),
        Some(max),
        "{text}"
    );
    assert_eq!(value(&text, "saps_db_pool_waiting"), Some(0.0), "{text}");

    // A write holding its connection is in use; on SQLite, a second write
    // waits for the one writer.
    let (release, held) = channel();
    let first = held_write(&app, held);
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.store.pool_stats().in_use == 0 {
        assert!(Instant::now() < deadline, "the held write never ran");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let (release2, held2) = channel();
    let second = held_write(&app, held2);
    if db == Db::Sqlite {
        while app.store.pool_stats().waiting == 0 {
            assert!(Instant::now() < deadline, "the second write never queued");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    let (_, text) = fetch(&router, "/metrics").await;
    let in_use = value(&text, r#"saps_db_pool_connections{state="in_use"}"#).unwrap();
    let idle = value(&text, r#"saps_db_pool_connections{state="idle"}"#).unwrap();
    assert!(in_use >= 1.0, "{text}");
    assert_eq!(in_use + idle, max, "{text}");
    if db == Db::Sqlite {
        assert_eq!(value(&text, "saps_db_pool_waiting"), Some(1.0), "{text}");
    }
    release.send(()).unwrap();
    release2.send(()).unwrap();
    first.await.unwrap();
    second.await.unwrap();

    // Once the work is done, the pool is idle again (a connection is counted
    // idle just after it has answered).
    while app.store.pool_stats().in_use > 0 {
        assert!(Instant::now() < deadline, "the pool stays in use");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let (_, text) = fetch(&router, "/metrics").await;
    assert_eq!(
        value(&text, r#"saps_db_pool_connections{state="in_use"}"#),
        Some(0.0),
        "{text}"
    );
    assert_eq!(value(&text, "saps_db_pool_waiting"), Some(0.0), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
});
