//! `/api/docs`: the reference rendered from the served document, escaped by
//! the template, with a content security policy that allows no script.

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use saps_testkit::testapp::{Db, TestApp};
use tower::ServiceExt;

async fn fetch(t: &TestApp, path: &str) -> (axum::http::HeaderMap, String) {
    let req = Request::get(path).body(Body::empty()).unwrap();
    let res = t.router.clone().oneshot(req).await.unwrap();
    assert!(res.status().is_success(), "{path}: {}", res.status());
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (headers, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn the_reference_lists_every_operation_under_a_strict_policy() {
    let t = TestApp::new(Db::Sqlite, 10).await;
    let (headers, html) = fetch(&t, "/api/docs").await;
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("default-src 'none'") && !csp.contains("unsafe"),
        "{csp}"
    );
    assert!(!html.contains("<script"), "the reference needs no script");
    for path in [
        "/api/v1/auth/token",
        "/api/v1/vouchers/{code}/cancel-reservation",
        "/api/v1/events",
    ] {
        assert!(
            html.contains(&format!("<code>{path}</code>")),
            "{path} is missing"
        );
    }
    assert!(html.contains("id=\"schema-VoucherView\""));
    let (headers, css) = fetch(&t, "/api/docs.css").await;
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(css.contains("summary"));
    let (headers, _) = fetch(&t, "/api/openapi.json").await;
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
}
