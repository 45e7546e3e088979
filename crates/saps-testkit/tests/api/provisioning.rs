//! Provisioning partners, customers and users; the clock; the OpenAPI document; request ids; sign-in throttling.

use axum::http::StatusCode;
use saps_testkit::both_databases;
use saps_testkit::testapp::{Db, TestApp};
use serde_json::json;

both_databases!(
    provisioning_validates_and_refuses_duplicates,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let before = t.event_count().await;
        for (path, body, code) in [
            (
                "/api/v1/customers",
                json!({"name": "", "country": "FR"}),
                "validation.name",
            ),
            (
                "/api/v1/customers",
                json!({"name": "X", "country": "France"}),
                "validation.country",
            ),
            (
                "/api/v1/partners",
                json!({"name": "X", "country": "FR", "locations": []}),
                "validation.locations",
            ),
        ] {
            let r = t.post(path, &op, &body).await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::UNPROCESSABLE_ENTITY, code),
                "{:?}",
                r.body
            );
        }
        let c = t.world.customer.id;
        let r = t
            .post(
                &format!("/api/v1/orgs/{c}/users"),
                &op,
                &json!({
                    "email": t.world.benefit_admin.email,
                    "name": "Dup",
                    "role": "project_manager",
                    "password": "password-123",
                }),
            )
            .await;
        assert_eq!(r.code(), "rule.email_taken");
        let r = t
            .post(
                &format!("/api/v1/orgs/{c}/users"),
                &op,
                &json!({
                    "email": "new@x.example",
                    "name": "New",
                    "role": "consultant",
                    "password": "password-123",
                }),
            )
            .await;
        assert_eq!(r.code(), "rule.role_not_in_org");
        let r = t
            .post(
                &format!("/api/v1/orgs/{c}/users"),
                &op,
                &json!({
                    "email": "new@x.example",
                    "name": "New",
                    "role": "project_manager",
                    "password": "short",
                }),
            )
            .await;
        assert_eq!(r.code(), "validation.password");
        let r = t
            .post(
                &format!("/api/v1/customers/{c}/agreements"),
                &op,
                &json!({
                    "number": t.world.agreement,
                    "sa_start": "2019-07-01",
                    "sa_end": "2022-06-30",
                    "days": 10,
                }),
            )
            .await;
        assert_eq!(r.code(), "rule.agreement_number_taken");
        assert_eq!(t.event_count().await, before);
        let ba = t.token(&t.world.benefit_admin).await;
        let r = t
            .post(
                "/api/v1/customers",
                &ba,
                &json!({"name": "Mine", "country": "FR"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
);

#[tokio::test]
async fn moving_the_system_clock_is_a_conflict() {
    let dir = std::env::temp_dir().join(format!("saps-test-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = saps_testkit::testapp::open_fresh(Db::Sqlite, &dir).await;
    let app = saps_app::App::new(
        store,
        saps_app::clock::Clock::System,
        saps_app::Settings::default(),
    )
    .await
    .unwrap();
    let org = app.bootstrap_operator_org("Operator").await.unwrap();
    app.add_user(
        None,
        org,
        saps_app::NewUser {
            email: "op@x.example".into(),
            name: "Op".into(),
            role: saps_core::Role::Operator,
            password: "password-123".into(),
        },
    )
    .await
    .unwrap();
    let token = app
        .issue_token("op@x.example", "password-123")
        .await
        .unwrap()
        .0;
    let router = saps_web::router(app);
    use tower::ServiceExt;
    let req = axum::http::Request::post("/api/v1/clock")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(r#"{"advance_days": 1}"#))
        .unwrap();
    let res = router.oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_openapi_document_describes_every_route_of_the_contract() {
    let doc = saps_web::api::document();
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in [
        ("post", "/api/v1/auth/token"),
        ("get", "/api/v1/me"),
        ("get", "/api/v1/clock"),
        ("post", "/api/v1/clock"),
        ("post", "/api/v1/partners"),
        ("post", "/api/v1/customers"),
        ("post", "/api/v1/orgs/{org_id}/users"),
        ("get", "/api/v1/offerings"),
        ("get", "/api/v1/program"),
        ("put", "/api/v1/program"),
        ("post", "/api/v1/customers/{id}/agreements"),
        ("post", "/api/v1/customers/{id}/benefit/activate"),
        ("get", "/api/v1/customers/{id}/benefit"),
        ("post", "/api/v1/vouchers"),
        ("get", "/api/v1/vouchers"),
        ("get", "/api/v1/vouchers/{code}"),
        ("post", "/api/v1/vouchers/{code}/assign"),
        ("post", "/api/v1/vouchers/{code}/cancel"),
        ("post", "/api/v1/vouchers/validate"),
        ("post", "/api/v1/vouchers/{code}/reserve"),
        ("post", "/api/v1/vouchers/{code}/cancel-reservation"),
        ("get", "/api/v1/events"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is not documented"
        );
    }
}

#[tokio::test]
async fn every_answer_carries_a_request_id_and_a_given_one_is_kept() {
    let t = TestApp::new(Db::Sqlite, 1).await;
    use tower::ServiceExt;
    let res = t
        .router
        .clone()
        .oneshot(
            axum::http::Request::get("/healthz")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let id = res
        .headers()
        .get("x-request-id")
        .expect("an id")
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 32);
    let res = t
        .router
        .clone()
        .oneshot(
            axum::http::Request::get("/healthz")
                .header("x-request-id", "abc-123")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "abc-123");
}

both_databases!(
    an_email_address_the_mailer_cannot_parse_is_refused_and_no_user_is_made,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let ba = t.token(&t.world.benefit_admin).await;
        let path = format!("/api/v1/orgs/{}/users", t.world.customer.id);
        for email in [
            "x\"><svg/onload=alert(4)>@tailspin.example",
            "a(b)@tailspin.example",
            "a,b@tailspin.example",
        ] {
            let r = t
                .post(
                    &path,
                    &ba,
                    &json!({
                        "email": email,
                        "name": "X",
                        "role": "project_manager",
                        "password": "password-123",
                    }),
                )
                .await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::UNPROCESSABLE_ENTITY, "validation.email"),
                "{email}: {:?}",
                r.body
            );
        }
        let users = t.get(&path, &ba).await;
        assert!(
            users.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|u| !u["email"].as_str().unwrap().contains("tailspin")),
            "{:?}",
            users.body
        );
    }
);
