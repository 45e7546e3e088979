//! Idempotency keys: replayed answers, refused other bodies.

use axum::http::{Method, StatusCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::json;

both_databases!(
    an_idempotency_key_replays_the_first_answer_and_refuses_another_body,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let body = json!({
            "customer_id": w.customer.id,
            "agreement": w.agreement,
            "engagement": "SSDPS-UPG",
            "days": 3,
            "project_manager_id": w.project_manager.id,
        });
        let bytes = serde_json::to_vec(&body).unwrap();
        let first = t
            .raw(
                Method::POST,
                "/api/v1/vouchers",
                Some(&ba),
                Some(bytes.clone()),
                &[("idempotency-key", "k-1")],
            )
            .await;
        let second = t
            .raw(
                Method::POST,
                "/api/v1/vouchers",
                Some(&ba),
                Some(bytes),
                &[("idempotency-key", "k-1")],
            )
            .await;
        assert_eq!(first.status, StatusCode::CREATED);
        assert_eq!(second.status, StatusCode::CREATED);
        assert_eq!(first.body, second.body);
        let mut other = body.clone();
        other["days"] = json!(5);
        let third = t
            .raw(
                Method::POST,
                "/api/v1/vouchers",
                Some(&ba),
                Some(serde_json::to_vec(&other).unwrap()),
                &[("idempotency-key", "k-1")],
            )
            .await;
        assert_eq!(
            (third.status, third.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "idempotency.key_reused")
        );
        let l = t.get("/api/v1/vouchers", &ba).await;
        assert_eq!(l.body["items"].as_array().unwrap().len(), 1);
        let b = t
            .get(&format!("/api/v1/customers/{}/benefit", w.customer.id), &ba)
            .await;
        assert_eq!(b.body["pools"][0]["available"], 27);
        // A refused request is replayed too, without running again.
        let code = first.body["code"].as_str().unwrap();
        let k = [("idempotency-key", "k-2")];
        let a1 = t
            .raw(
                Method::POST,
                &format!("/api/v1/vouchers/{code}/cancel"),
                Some(&ba),
                None,
                &k,
            )
            .await;
        let a2 = t
            .raw(
                Method::POST,
                &format!("/api/v1/vouchers/{code}/cancel"),
                Some(&ba),
                None,
                &k,
            )
            .await;
        assert_eq!((a1.status, a2.status), (StatusCode::OK, StatusCode::OK));
        assert_eq!(a1.body, a2.body);
        let b = t
            .get(&format!("/api/v1/customers/{}/benefit", w.customer.id), &ba)
            .await;
        assert_eq!(
            b.body["pools"][0]["available"], 30,
            "the cancel refunded once"
        );
    }
);

both_databases!(
    a_bearer_token_is_never_stored_for_an_idempotency_key_replay,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let body = serde_json::to_vec(&json!({
            "email": w.benefit_admin.email,
            "password": saps_app::fixtures::PASSWORD,
        }))
        .unwrap();
        let mut tokens = Vec::new();
        for _ in 0..2 {
            let r = t
                .raw(
                    Method::POST,
                    "/api/v1/auth/token",
                    Some(&ba),
                    Some(body.clone()),
                    &[("idempotency-key", "token-1")],
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
            tokens.push(r.body["token"].as_str().unwrap().to_owned());
        }
        assert_ne!(
            tokens[0], tokens[1],
            "a new token each time, never a replay"
        );
        // Nothing is kept under the key: claiming it again finds no stored answer.
        let stored = t
            .app
            .claim_idempotency_key(w.benefit_admin.id, "token-1".into(), "any".into())
            .await
            .expect("claim");
        assert!(stored.is_none(), "{stored:?}");
    }
);
