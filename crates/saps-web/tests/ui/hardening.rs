//! What a probe found and must not find again: where the sign-in form sends
//! a browser back to, and the headers every answer carries.

use crate::browser::Ui;
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_never_redirects_off_site_nor_fails_on_a_control_character_in_next() {
    let ui = Ui::new().await;
    let email = ui.world.benefit_admin.email.clone();
    // The form keeps a local `next` and drops any other.
    let mut browser = ui.browser("en");
    let kept = browser.get("/login?next=/vouchers%3Fpage%3D2").await;
    assert!(
        kept.has("name=\"next\" value=\"/vouchers?page=2\""),
        "{}",
        kept.body
    );
    for next in [
        "/%09/evil.example",
        "/%0A",
        "/%5Cevil.example",
        "//evil.example",
    ] {
        let form = browser.get(&format!("/login?next={next}")).await;
        assert_eq!(form.status, StatusCode::OK, "{next}");
        assert!(
            form.has("name=\"next\" value=\"/\""),
            "{next}: {}",
            form.body
        );
    }
    // Posted directly, each is replaced by `/`, after a successful sign-in too.
    for next in [
        "/\t/evil.example",
        "/\n",
        "/\r\nx: y",
        "/\\evil.example",
        "/ //evil.example",
    ] {
        let mut browser = ui.browser("en");
        let page = browser
            .submit(
                "/login",
                "/login",
                &[("email", &email), ("password", PASSWORD), ("next", next)],
            )
            .await;
        assert_eq!(
            (page.status, page.location()),
            (StatusCode::SEE_OTHER, "/"),
            "{next:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_is_nosniff_api_answers_are_not_stored_and_html_may_not_be_framed() {
    let ui = Ui::new().await;
    let token = ui
        .app
        .issue_token(&ui.world.benefit_admin.email, PASSWORD)
        .await
        .expect("token")
        .0;
    let mut browser = ui.browser("en");
    let header = |p: &crate::browser::Page, name: &str| {
        p.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let bearer = format!("Bearer {token}");
    let mut api = Vec::new();
    for path in ["/api/v1/me", "/api/v1/vouchers", "/api/v1/no-such-route"] {
        let req = browser
            .request("GET", path)
            .header("authorization", &bearer);
        api.push((
            path,
            browser
                .send(req.body(axum::body::Body::empty()).unwrap())
                .await,
        ));
    }
    let body = format!(
        r#"{{"email":"{}","password":"{PASSWORD}"}}"#,
        ui.world.benefit_admin.email
    );
    let req = browser
        .request("POST", "/api/v1/auth/token")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(body))
        .unwrap();
    api.push(("/api/v1/auth/token", browser.send(req).await));
    for (path, page) in &api {
        assert_eq!(header(page, "cache-control"), "no-store", "{path}");
        assert_eq!(header(page, "x-content-type-options"), "nosniff", "{path}");
    }
    assert_eq!(api[0].1.status, StatusCode::OK);
    assert_eq!(api[3].1.status, StatusCode::CREATED);
    for path in [
        "/healthz",
        "/readyz",
        "/api/openapi.json",
        "/api/docs.css",
        "/assets/no-such-file",
    ] {
        let page = browser.get(path).await;
        assert_eq!(header(&page, "x-content-type-options"), "nosniff", "{path}");
    }
    for path in ["/api/docs", "/login", "/no-such-page", "/api/docs?x=1"] {
        let page = browser.get(path).await;
        assert!(
            header(&page, "content-type").starts_with("text/html"),
            "{path}"
        );
        assert!(
            header(&page, "content-security-policy").contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(header(&page, "x-content-type-options"), "nosniff", "{path}");
    }
}
