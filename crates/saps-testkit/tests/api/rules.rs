//! The program's rules: refusals name their rule and change nothing; expiry, removal and the program changing.

use axum::http::{Method, StatusCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::{Db, TestApp};
use serde_json::json;

use crate::{reserve_body, voucher};

both_databases!(
    rules_refuse_with_their_names_and_change_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let op = t.token(&w.operator).await;
        let before = t.event_count().await;
        let mk = |engagement: &str, days: u32| {
            json!({
                "customer_id": w.customer.id,
                "agreement": w.agreement,
                "engagement": engagement,
                "days": days,
                "project_manager_id": w.project_manager.id,
            })
        };
        for (body, code) in [
            (mk("SSDPS-BI", 1), "rule.length_not_allowed"),
            (mk("AZDPS-IAAS", 5), "rule.engagement_retired"),
            (mk("NOPE", 5), "rule.unknown_engagement"),
        ] {
            let r = t.post("/api/v1/vouchers", &ba, &body).await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::UNPROCESSABLE_ENTITY, code),
                "{:?}",
                r.body
            );
        }
        assert_eq!(
            t.event_count().await,
            before,
            "refusals write nothing to the journal"
        );
        assert_eq!(
            t.post("/api/v1/vouchers", &ba, &mk("DDPS-WIN", 15))
                .await
                .status,
            StatusCode::CREATED
        );
        let r = t.post("/api/v1/vouchers", &ba, &mk("DDPS-WIN", 15)).await;
        assert_eq!(r.code(), "rule.second_fifteen_day_engagement");
        assert_eq!(
            t.post("/api/v1/vouchers", &ba, &mk("SSDPS-UPG", 10))
                .await
                .status,
            StatusCode::CREATED
        );
        let before = t.event_count().await;
        let r = t.post("/api/v1/vouchers", &ba, &mk("SSDPS-UPG", 10)).await;
        assert_eq!(
            (r.code(), r.body["detail"].as_str().unwrap_or("")),
            (
                "rule.insufficient_days",
                "The pool has 5 planning days available; 10 are needed."
            )
        );
        let mut wrong_pm = mk("SSDPS-UPG", 1);
        wrong_pm["project_manager_id"] = json!(w.benefit_admin.id);
        let r = t.post("/api/v1/vouchers", &ba, &wrong_pm).await;
        assert_eq!(r.code(), "rule.project_manager_not_in_customer");
        assert_eq!(
            t.event_count().await,
            before,
            "refusals write nothing to the journal"
        );

        // Reservation rules.
        let pa = t.token(&w.partner_admin).await;
        let code = voucher(&t, &ba, 1).await["code"]
            .as_str()
            .unwrap()
            .to_owned();
        t.post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({"partner_id": w.partner.id}),
        )
        .await;
        let before = t.event_count().await;
        let mut body = reserve_body(&t);
        body["accept_terms"] = json!(false);
        assert_eq!(
            t.post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &body)
                .await
                .code(),
            "rule.terms_not_accepted"
        );
        let mut body = reserve_body(&t);
        body["delivery_country"] = json!("BR");
        assert_eq!(
            t.post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &body)
                .await
                .code(),
            "rule.delivery_country_mismatch"
        );
        let mut body = reserve_body(&t);
        body["start_date"] = json!("2020-10-01");
        assert_eq!(
            t.post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &body)
                .await
                .code(),
            "rule.engagement_already_started"
        );
        let mut body = reserve_body(&t);
        body["end_date"] = json!("2021-06-01");
        assert_eq!(
            t.post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &body)
                .await
                .code(),
            "rule.ends_after_expiry"
        );
        let mut body = reserve_body(&t);
        body["consultant_id"] = json!(w.partner_admin.id);
        assert_eq!(
            t.post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &body)
                .await
                .code(),
            "rule.consultant_not_in_partner"
        );
        assert_eq!(t.event_count().await, before);

        // The calendar: after 2021-06-30 no voucher can be created or assigned.
        let r = t
            .post("/api/v1/clock", &op, &json!({"set": "2021-07-01"}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let r = t.post("/api/v1/vouchers", &ba, &mk("SSDPS-UPG", 1)).await;
        assert_eq!(r.code(), "rule.creation_closed");
    }
);

both_databases!(
    an_unused_voucher_expires_after_180_days_and_its_days_return,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let op = t.token(&w.operator).await;
        let code = voucher(&t, &ba, 5).await["code"]
            .as_str()
            .unwrap()
            .to_owned();
        let r = t
            .post("/api/v1/clock", &op, &json!({"advance_days": 180}))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            t.get(&format!("/api/v1/vouchers/{code}"), &ba).await.body["state"],
            "created",
            "valid through its expiry day"
        );
        t.post("/api/v1/clock", &op, &json!({"advance_days": 1}))
            .await;
        let g = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
        assert_eq!(g.body["state"], "expired");
        let b = t
            .get(&format!("/api/v1/customers/{}/benefit", w.customer.id), &ba)
            .await;
        assert_eq!(b.body["pools"][0]["available"], 30);
        // Only the operator moves the clock.
        let r = t
            .post("/api/v1/clock", &ba, &json!({"advance_days": 1}))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
);

both_databases!(
    the_operator_changes_the_program_and_new_vouchers_follow_it,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let ba = t.token(&t.world.benefit_admin).await;
        let offerings = t.get("/api/v1/offerings", &ba).await;
        let codes: Vec<_> = offerings
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["code"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            codes,
            ["DDPS", "DYDPS", "PVDPS", "SDPS", "S-EDPS", "SSDPS", "AZDPS"]
        );
        let az = &offerings.body[6]["engagements"][0];
        assert_eq!(
            (az["cloud"].as_bool(), az["retired_on"].as_str()),
            (Some(true), Some("2020-02-01"))
        );
        let program = t.get("/api/v1/program", &ba).await.body;
        assert_eq!(program["voucher_validity_days"], 180);
        assert_eq!(program["claim_window_days"], 60);
        let last_day = program["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == "last_day_to_create_or_assign")
            .unwrap()["date"]
            .clone();
        assert_eq!(last_day, "2021-06-30");

        let mut next = program.clone();
        next["voucher_validity_days"] = json!(90);
        let r = t
            .call(Method::PUT, "/api/v1/program", Some(&ba), Some(&next))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let mut bad = next.clone();
        bad["voucher_validity_days"] = json!(0);
        let r = t
            .call(Method::PUT, "/api/v1/program", Some(&op), Some(&bad))
            .await;
        assert_eq!(
            (r.status, r.code()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation.voucher_validity_days"
            )
        );
        let r = t
            .call(Method::PUT, "/api/v1/program", Some(&op), Some(&next))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(
            (
                r.body["voucher_validity_days"].as_i64(),
                r.body["version"].as_i64()
            ),
            (Some(90), Some(2))
        );
        let v = voucher(&t, &ba, 1).await;
        assert_eq!(v["expires_on"], "2021-01-31");
        let history = t
            .get(
                &format!("/api/v1/vouchers/{}", v["code"].as_str().unwrap()),
                &ba,
            )
            .await;
        assert_eq!(
            history.body["history"][0]["program_version"], 2,
            "events record the rules they were decided under"
        );
    }
);

both_databases!(
    remaining_days_are_removed_on_the_removal_date_and_open_vouchers_stay_valid,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let op = t.token(&w.operator).await;
        let code = voucher(&t, &ba, 5).await["code"]
            .as_str()
            .unwrap()
            .to_owned();
        // The day before: nothing removed yet.
        t.post("/api/v1/clock", &op, &json!({"set": "2021-04-30"}))
            .await;
        let b = t
            .get(&format!("/api/v1/customers/{}/benefit", w.customer.id), &ba)
            .await;
        assert_eq!(b.body["pools"][0]["available"], 25);
        t.post("/api/v1/clock", &op, &json!({"set": "2021-07-01"}))
            .await;
        let b = t
            .get(&format!("/api/v1/customers/{}/benefit", w.customer.id), &ba)
            .await;
        // The voucher expired on 2021-05-02, before the removal: its days came back, then all were removed.
        assert_eq!(
            (
                b.body["pools"][0]["available"].as_i64(),
                b.body["pools"][0]["used"].as_i64()
            ),
            (Some(0), Some(0))
        );
        let events = t.get("/api/v1/events?limit=500", &ba).await;
        let removed: Vec<_> = events.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "days.removed")
            .collect();
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0]["payload"]["days"], 30);
        // Moving again removes nothing twice.
        t.post("/api/v1/clock", &op, &json!({"advance_days": 1}))
            .await;
        let events = t.get("/api/v1/events?limit=500", &ba).await;
        assert_eq!(
            events.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["kind"] == "days.removed")
                .count(),
            1
        );
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
        assert_eq!(v.body["state"], "expired");
        let report = t.app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);

#[tokio::test]
async fn failed_sign_ins_are_throttled_with_429_after_five() {
    let t = TestApp::new(Db::Sqlite, 1).await;
    let email = t.world.benefit_admin.email.clone();
    for _ in 0..5 {
        let r = t
            .call(
                Method::POST,
                "/api/v1/auth/token",
                None,
                Some(&json!({"email": email, "password": "wrong password"})),
            )
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::UNAUTHORIZED, "auth.unauthenticated")
        );
    }
    let r = t
        .call(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(&json!({"email": email, "password": saps_app::fixtures::PASSWORD})),
        )
        .await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::TOO_MANY_REQUESTS, "auth.throttled")
    );
    // Another address is not affected.
    let r = t
        .call(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(
                &json!({"email": t.world.operator.email, "password": saps_app::fixtures::PASSWORD}),
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
}
