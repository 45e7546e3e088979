//! The webhook operations for the schema test: each answered as documented.

use axum::http::{Method, StatusCode};
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

async fn send(
    t: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let a = t.call(method, path, token, body.as_ref()).await;
    (a.status, a.body)
}

/// Subscribe, list, the log, a test event, removal; and refusals.
pub(crate) async fn webhooks(t: &TestApp, ba: &str, consultant: &str) {
    t.app.webhook_sender.set_allow_private(true);
    let body = json!({"url": "http://127.0.0.1:9/hook", "events": ["voucher.created"]});
    let (status, created) = send(
        t,
        Method::POST,
        "/api/v1/webhooks",
        Some(ba),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    send(
        t,
        Method::POST,
        "/api/v1/webhooks",
        Some(consultant),
        Some(body),
    )
    .await;
    let bad = json!({"url": "ftp://example.com/", "events": ["voucher.eaten"]});
    send(t, Method::POST, "/api/v1/webhooks", Some(ba), Some(bad)).await;
    send(t, Method::GET, "/api/v1/webhooks", Some(ba), None).await;
    let test = format!("/api/v1/webhooks/{id}/test");
    send(t, Method::POST, &test, Some(ba), None).await;
    t.app
        .deliver_webhooks_at(jiff::Timestamp::now())
        .await
        .unwrap();
    let log = format!("/api/v1/webhooks/{id}/deliveries");
    let (status, answer) = send(t, Method::GET, &log, Some(ba), None).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    send(t, Method::GET, &format!("{log}?limit=0"), Some(ba), None).await;
    send(t, Method::GET, &log, Some(consultant), None).await;
    let one = format!("/api/v1/webhooks/{id}");
    let (status, _) = send(t, Method::DELETE, &one, Some(ba), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    send(t, Method::DELETE, &one, Some(ba), None).await;
    t.app.webhook_sender.set_allow_private(false);
}
