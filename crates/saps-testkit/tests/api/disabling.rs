//! Disabling users: a disabled user's tokens stop at once, it cannot sign in
//! (refused exactly like a wrong password), enabling restores it; who may do
//! it, in its own and another tenant.

use axum::http::StatusCode;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::json;

fn sign_in(email: &str, password: &str) -> serde_json::Value {
    json!({"email": email, "password": password})
}

both_databases!(
    a_disabled_users_tokens_stop_at_once_and_it_cannot_sign_in,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let pm = t.token(&w.project_manager).await;
        let pm_id = w.project_manager.id;
        assert_eq!(
            t.get("/api/v1/me", &pm).await.body["disabled"],
            json!(false)
        );
        let before = t.event_count().await;

        let r = t
            .post(&format!("/api/v1/users/{pm_id}/disable"), &ba, &json!({}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["id"], json!(pm_id));
        assert_eq!(r.body["disabled"], json!(true));
        assert_eq!(t.event_count().await, before + 1);

        let me = t.get("/api/v1/me", &pm).await;
        assert_eq!(me.status, StatusCode::UNAUTHORIZED);
        assert_eq!(me.code(), "auth.unauthenticated");

        // Signing in with the right password is refused exactly like a wrong one.
        let pm_email = w.project_manager.email.as_str();
        let right = t
            .call(
                axum::http::Method::POST,
                "/api/v1/auth/token",
                None,
                Some(&sign_in(pm_email, saps_app::fixtures::PASSWORD)),
            )
            .await;
        let wrong = t
            .call(
                axum::http::Method::POST,
                "/api/v1/auth/token",
                None,
                Some(&sign_in(pm_email, "not-the-password")),
            )
            .await;
        assert_eq!(right.status, StatusCode::UNAUTHORIZED);
        assert_eq!(right.body, wrong.body);
        // …and still counted by the throttle.
        let mut last = StatusCode::UNAUTHORIZED;
        for _ in 0..saps_app::sign_in::MAX_ATTEMPTS {
            last = t
                .call(
                    axum::http::Method::POST,
                    "/api/v1/auth/token",
                    None,
                    Some(&sign_in(pm_email, saps_app::fixtures::PASSWORD)),
                )
                .await
                .status;
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);

        // Disabling again changes nothing and records nothing.
        let again = t
            .post(&format!("/api/v1/users/{pm_id}/disable"), &ba, &json!({}))
            .await;
        assert_eq!(again.status, StatusCode::OK);
        assert_eq!(t.event_count().await, before + 1);

        // Enabling restores the very token it held.
        let r = t
            .post(&format!("/api/v1/users/{pm_id}/enable"), &ba, &json!({}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["disabled"], json!(false));
        assert_eq!(t.get("/api/v1/me", &pm).await.status, StatusCode::OK);
        assert_eq!(t.event_count().await, before + 2);
        let kinds: Vec<String> = t.get("/api/v1/events?limit=500", &ba).await.body["items"]
            .as_array()
            .map(|e| {
                e.iter()
                    .map(|e| e["kind"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert!(kinds.iter().any(|k| k == "user.disabled"), "{kinds:?}");
        assert!(kinds.iter().any(|k| k == "user.enabled"), "{kinds:?}");
    }
);

both_databases!(
    only_the_operator_and_the_orgs_own_admins_may_disable_users,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = t.token(&w.operator).await;
        let ga = t.token(&w.partner_admin).await;
        let ba = t.token(&w.benefit_admin).await;
        let consultant = t.token(&w.consultant).await;
        let pm = t.token(&w.project_manager).await;
        let (cons_id, pm_id) = (w.consultant.id, w.project_manager.id);
        let missing = uuid::Uuid::now_v7();
        let cases: [(&str, &str, String, StatusCode); 10] = [
            (
                "global admin, own consultant",
                &ga,
                cons_id.to_string(),
                StatusCode::OK,
            ),
            (
                "benefit admin, own project manager",
                &ba,
                pm_id.to_string(),
                StatusCode::OK,
            ),
            (
                "operator, any user",
                &op,
                w.benefit_admin.id.to_string(),
                StatusCode::OK,
            ),
            (
                "global admin, itself",
                &ga,
                w.partner_admin.id.to_string(),
                StatusCode::FORBIDDEN,
            ),
            (
                "operator, itself",
                &op,
                w.operator.id.to_string(),
                StatusCode::FORBIDDEN,
            ),
            (
                "consultant, own org",
                &consultant,
                w.partner_admin.id.to_string(),
                StatusCode::FORBIDDEN,
            ),
            (
                "project manager, own org",
                &pm,
                w.benefit_admin.id.to_string(),
                StatusCode::FORBIDDEN,
            ),
            (
                "global admin, another tenant's user",
                &ga,
                pm_id.to_string(),
                StatusCode::NOT_FOUND,
            ),
            (
                "benefit admin, the operator",
                &ba,
                w.operator.id.to_string(),
                StatusCode::NOT_FOUND,
            ),
            (
                "benefit admin, a missing user",
                &ba,
                missing.to_string(),
                StatusCode::NOT_FOUND,
            ),
        ];
        for (what, token, user, want) in cases {
            // Enable first, so every case starts from an enabled user and leaves it so.
            for action in ["disable", "enable"] {
                let r = t
                    .post(&format!("/api/v1/users/{user}/{action}"), token, &json!({}))
                    .await;
                assert_eq!(r.status, want, "{what} ({action}): {:?}", r.body);
                if want == StatusCode::NOT_FOUND {
                    assert_eq!(r.code(), "user.not_found", "{what}");
                }
            }
        }
        // Another tenant's user is answered exactly like a missing one.
        let foreign = t
            .post(&format!("/api/v1/users/{pm_id}/disable"), &ga, &json!({}))
            .await;
        let absent = t
            .post(&format!("/api/v1/users/{missing}/disable"), &ga, &json!({}))
            .await;
        assert_eq!(foreign.status, absent.status);
        assert_eq!(foreign.body["code"], absent.body["code"]);
        let bad = t
            .post("/api/v1/users/not-an-id/disable", &ga, &json!({}))
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    }
);
