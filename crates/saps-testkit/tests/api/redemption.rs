//! Sign-off (accept, decline and report again, silence deemed acceptance)
//! and redemption (mixed batches, limits, a race) on both databases.

use axum::http::StatusCode;
use jiff::civil::date;
use saps_app::fixtures::World;
use saps_core::Actor;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::json;

use crate::delivery::{PDF, at, report, reserved, submit};

/// A voucher reported (completed, awaiting sign-off).
async fn completed(t: &TestApp) -> String {
    let code = reserved(t, 3, "2020-12-03").await;
    at(t, date(2020, 12, 10)).await;
    report_on(t, code).await
}

async fn report_on(t: &TestApp, code: String) -> String {
    let pa = t.token(&t.world.partner_admin).await;
    let r = submit(t, &pa, &code, &report(2, 1), &[("a.pdf", PDF)]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    code
}

async fn sign(
    t: &TestApp,
    token: &str,
    code: &str,
    body: serde_json::Value,
) -> saps_testkit::testapp::Answer {
    t.post(&format!("/api/v1/vouchers/{code}/sign-off"), token, &body)
        .await
}

both_databases!(
    a_declined_delivery_is_reserved_again_and_reported_again_then_accepted,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let code = completed(&t).await;
        let pm = t.token(&t.world.project_manager).await;
        let pa = t.token(&t.world.partner_admin).await;
        // Declining needs a comment; the partner cannot sign off.
        let r = sign(&t, &pm, &code, json!({"accepted": false})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation.comment")
        );
        let r = sign(&t, &pa, &code, json!({"accepted": true})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::FORBIDDEN, "auth.forbidden")
        );
        let r = sign(
            &t,
            &pm,
            &code,
            json!({"accepted": false, "comment": "The notes are missing"}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "reserved");
        assert!(r.body.get("completion_report").is_none());
        let to = t.world.partner_admin.email.clone();
        let told = t
            .app
            .read(move |tx| {
                Ok(tx
                    .pending_mail(100)?
                    .iter()
                    .any(|m| m.to == to && m.subject.contains("declined")))
            })
            .await
            .unwrap();
        assert!(told, "the partner is told");
        // Not signed off: not redeemable; a second answer is a conflict.
        let r = sign(&t, &pm, &code, json!({"accepted": true})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::CONFLICT, "voucher.conflict")
        );
        let r = submit(&t, &pa, &code, &report(3, 0), &[("b.pdf", PDF)]).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        let red = t
            .post("/api/v1/redemptions", &pa, &json!({"codes": [code]}))
            .await;
        assert_eq!(
            red.body["results"][0]["error"]["code"],
            "rule.not_signed_off"
        );
        let ba = t.token(&t.world.benefit_admin).await;
        let r = sign(
            &t,
            &ba,
            &code,
            json!({"accepted": true, "comment": "Thanks"}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "completed");
        assert_eq!(r.body["completion_report"]["sign_off"], "accepted");
        assert_eq!(r.body["completion_report"]["days_onsite"], 3);
        let red = t
            .post("/api/v1/redemptions", &pa, &json!({"codes": [code]}))
            .await;
        assert_eq!(red.status, StatusCode::OK);
        assert_eq!(
            red.body["results"][0],
            json!({"code": code, "ok": true, "error": null})
        );
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &pa).await.body;
        assert_eq!(v["state"], "redeemed");
        // The redemption day is kept on the voucher: the day of its event.
        let redeemed_at = v["history"]
            .as_array()
            .unwrap()
            .iter()
            .rfind(|e| e["kind"] == "voucher.redeemed")
            .and_then(|e| e["at"].as_str())
            .unwrap()
            .to_owned();
        assert_eq!(v["redeemed_on"].as_str(), Some(&redeemed_at[..10]), "{v}");
        let kinds: Vec<&str> = v["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        assert!(
            kinds.ends_with(&[
                "voucher.completed",
                "voucher.signed_off",
                "voucher.redeemed"
            ]),
            "{kinds:?}"
        );
        let report = t.app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);

both_databases!(
    silence_for_the_sign_off_days_is_deemed_acceptance_once,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let program = t
            .get("/api/v1/program", &t.token(&t.world.partner_admin).await)
            .await;
        assert_eq!(program.body["sign_off_days"], 14);
        let code = completed(&t).await;
        let op = t.token(&t.world.operator).await;
        let r = t
            .post("/api/v1/clock", &op, &json!({"advance_days": 13}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let pa = t.token(&t.world.partner_admin).await;
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &pa).await.body;
        assert_eq!(v["completion_report"]["sign_off"], "pending");
        let r = t
            .post("/api/v1/clock", &op, &json!({"advance_days": 2}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &pa).await.body;
        assert_eq!(v["completion_report"]["sign_off"], "deemed");
        let deemed = |v: &serde_json::Value| {
            v["history"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["kind"] == "voucher.signed_off")
                .count()
        };
        assert_eq!(deemed(&v), 1);
        assert_eq!(t.app.deem_sign_offs().await.unwrap(), 0, "idempotent");
        let r = t
            .post("/api/v1/clock", &op, &json!({"advance_days": 1}))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &pa).await.body;
        assert_eq!(deemed(&v), 1);
        let red = t
            .post("/api/v1/redemptions", &pa, &json!({"codes": [code]}))
            .await;
        assert_eq!(red.body["results"][0]["ok"], true, "{:?}", red.body);
    }
);

both_databases!(
    a_mixed_batch_is_decided_code_by_code_and_limits_are_checked,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let signed = reserved(&t, 3, "2020-12-03").await;
        let pending = reserved(&t, 3, "2020-12-03").await;
        let reserved_only = reserved(&t, 1, "2020-12-20").await;
        at(&t, date(2020, 12, 10)).await;
        let signed = report_on(&t, signed).await;
        let pending = report_on(&t, pending).await;
        let pm = t.token(&t.world.project_manager).await;
        let r = sign(&t, &pm, &signed, json!({"accepted": true})).await;
        assert_eq!(r.status, StatusCode::OK);
        // Another partner's completed, signed-off voucher.
        let op = Actor::of(&t.world.operator);
        let other = World::new_partner(&t.app, &op, "Other", "FR", "o", "other.example")
            .await
            .unwrap();
        let ot = t.token(&other.admin).await;
        let pa = t.token(&t.world.partner_admin).await;
        let events = t.event_count().await;
        let red = t
            .post("/api/v1/redemptions", &ot, &json!({"codes": [signed]}))
            .await;
        assert_eq!(red.body["results"][0]["error"]["code"], "voucher.not_found");
        assert_eq!(t.event_count().await, events);
        let unknown = saps_core::VoucherCode::generate().to_string();
        let red = t
            .post(
                "/api/v1/redemptions",
                &pa,
                &json!({"codes": [pending, signed, "garbage", unknown, reserved_only, signed]}),
            )
            .await;
        assert_eq!(red.status, StatusCode::OK, "{:?}", red.body);
        let codes: Vec<_> = red.body["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ok"].as_bool().unwrap(),
                    r["error"]["code"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                (false, "rule.not_signed_off".into()),
                (true, String::new()),
                (false, "voucher.not_found".into()),
                (false, "voucher.not_found".into()),
                (false, "voucher.conflict".into()),
                (false, "voucher.conflict".into()),
            ]
        );
        assert_eq!(
            t.event_count().await,
            events + 1,
            "one redemption journaled"
        );
        let r = t
            .post("/api/v1/redemptions", &pa, &json!({"codes": []}))
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation.codes")
        );
        let many: Vec<String> = (0..1001).map(|_| unknown.clone()).collect();
        let r = t
            .post("/api/v1/redemptions", &pa, &json!({"codes": many}))
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation.codes")
        );
        let r = t
            .post("/api/v1/redemptions", &pa, &json!({"codes": "x"}))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        // The customer cannot redeem.
        let r = t
            .post("/api/v1/redemptions", &pm, &json!({"codes": [pending]}))
            .await;
        assert_eq!(r.body["results"][0]["ok"], false);
    }
);

both_databases!(
    concurrent_redemptions_of_one_voucher_let_exactly_one_win,
    |db| async move {
        let t = std::sync::Arc::new(TestApp::new(db, 30).await);
        let code = completed(&t).await;
        let pm = t.token(&t.world.project_manager).await;
        assert_eq!(
            sign(&t, &pm, &code, json!({"accepted": true})).await.status,
            StatusCode::OK
        );
        let pa = t.token(&t.world.partner_admin).await;
        let events = t.event_count().await;
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let (t, pa, code) = (t.clone(), pa.clone(), code.clone());
            tasks.push(tokio::spawn(async move {
                let r = t
                    .post("/api/v1/redemptions", &pa, &json!({"codes": [code]}))
                    .await;
                assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
                r.body["results"][0]["ok"].as_bool().unwrap()
            }));
        }
        let mut wins = 0;
        for task in tasks {
            wins += usize::from(task.await.unwrap());
        }
        assert_eq!(wins, 1);
        assert_eq!(t.event_count().await, events + 1);
    }
);
