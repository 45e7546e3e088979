//! Time on both databases: the clock only moves forward and says what the move
//! did; the what-if of a program change changes nothing and names what it
//! would affect; training days convert until the cut-off, and every bad
//! conversion is refused without changing anything.

use axum::http::{Method, StatusCode};
use jiff::civil::date;
use saps_core::Actor;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

use crate::voucher;

/// What a refused request must leave as it was: the journal and what the
/// customer, its vouchers and the program look like.
async fn state(t: &TestApp, op: &str, codes: &[String]) -> (usize, Vec<Value>) {
    let mut seen = vec![
        t.get("/api/v1/program", op).await.body,
        t.get(
            &format!("/api/v1/customers/{}/benefit", t.world.customer.id),
            op,
        )
        .await
        .body,
        t.get("/api/v1/clock", op).await.body["today"].clone(),
    ];
    for c in codes {
        seen.push(t.get(&format!("/api/v1/vouchers/{c}"), op).await.body);
    }
    (t.event_count().await, seen)
}

both_databases!(
    the_clock_refuses_to_go_back_changes_nothing_and_takes_today_as_no_move,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = t.token(&w.operator).await;
        let ba = t.token(&w.benefit_admin).await;
        let before = state(&t, &op, &[]).await;
        let r = t
            .post("/api/v1/clock", &op, &json!({"set": "2020-10-01"}))
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::CONFLICT, "clock.backwards"),
            "{:?}",
            r.body
        );
        assert_eq!(
            state(&t, &op, &[]).await,
            before,
            "a refused move changes nothing"
        );
        let r = t
            .post("/api/v1/clock", &ba, &json!({"set": "2021-01-01"}))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = t
            .post("/api/v1/clock", &ba, &json!({"set": "2020-01-01"}))
            .await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "only the operator learns the rule"
        );
        let r = t
            .post("/api/v1/clock", &op, &json!({"set": "2020-11-02"}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["today"], "2020-11-02");
        assert_eq!(r.body["effects"]["vouchers_expired"], 0);
        assert_eq!(state(&t, &op, &[]).await, before, "today is no move");
        // The use case refuses as well, whoever calls it.
        let e = t
            .app
            .move_clock(
                &Actor::of(&w.operator),
                saps_app::ClockMove::Set(date(2020, 6, 1)),
            )
            .await
            .unwrap_err();
        assert_eq!(e.code(), "clock.conflict");
        assert_eq!(t.app.today(), date(2020, 11, 2));
    }
);

both_databases!(
    a_move_that_expires_vouchers_says_how_many_expired_and_how_many_days_went_back,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = t.token(&w.operator).await;
        let ba = t.token(&w.benefit_admin).await;
        voucher(&t, &ba, 1).await;
        voucher(&t, &ba, 3).await;
        let r = t
            .post("/api/v1/clock", &op, &json!({"advance_days": 10}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(
            r.body["effects"],
            json!({"vouchers_expired": 0, "days_returned": 0, "days_removed": 0,
                   "reminders_sent": 0, "sign_offs_deemed": 0})
        );
        // Both expire on 2021-05-01: on 2021-05-02 they are gone, their days back.
        let r = t
            .post("/api/v1/clock", &op, &json!({"set": "2021-05-02"}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["today"], "2021-05-02");
        assert_eq!(r.body["effects"]["vouchers_expired"], 2, "{:?}", r.body);
        assert_eq!(r.body["effects"]["days_returned"], 4);
        assert_eq!(r.body["effects"]["days_removed"], 0);
        // The removal date takes the 30 days left in the pool.
        let r = t
            .post("/api/v1/clock", &op, &json!({"set": "2021-07-01"}))
            .await;
        assert_eq!(r.body["effects"]["vouchers_expired"], 0);
        assert_eq!(r.body["effects"]["days_removed"], 30, "{:?}", r.body);
        let r = t
            .post("/api/v1/clock", &op, &json!({"set": "2021-05-02"}))
            .await;
        assert_eq!(r.code(), "clock.backwards");
    }
);

/// The program as `GET` gives it, with one milestone's date changed.
fn with_milestone(program: &Value, name: &str, day: &str) -> Value {
    let mut next = program.clone();
    for m in next["milestones"].as_array_mut().unwrap() {
        if m["name"] == name {
            m["date"] = json!(day);
        }
    }
    next
}

both_databases!(
    a_what_if_names_the_vouchers_and_days_a_change_affects_and_changes_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = t.token(&w.operator).await;
        let ba = t.token(&w.benefit_admin).await;
        let v = voucher(&t, &ba, 3).await;
        let code = v["code"].as_str().unwrap().to_owned();
        assert_eq!(v["expires_on"], "2021-05-01");
        let program = t.get("/api/v1/program", &op).await.body;
        let before = state(&t, &op, std::slice::from_ref(&code)).await;

        let mut shorter = program.clone();
        shorter["voucher_validity_days"] = json!(90);
        let r = t.post("/api/v1/program/what-if", &op, &shorter).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(
            (
                &r.body["customers"],
                &r.body["vouchers"],
                &r.body["days"],
                &r.body["claims"]
            ),
            (&json!(1), &json!(1), &json!(0), &json!(0))
        );
        assert_eq!(
            r.body["items"],
            json!([{"kind": "voucher_expiry", "id": code, "before": "2021-05-01",
                    "after": "2021-01-31", "days": 0}])
        );

        let sooner = with_milestone(&program, "remaining_days_removed", "2020-12-01");
        let r = t.post("/api/v1/program/what-if", &op, &sooner).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(
            (&r.body["vouchers"], &r.body["days"]),
            (&json!(0), &json!(27))
        );
        assert_eq!(
            r.body["items"],
            json!([{"kind": "days_removed", "id": w.agreement, "before": "2021-07-01",
                    "after": "2020-12-01", "days": 27}])
        );
        let later = with_milestone(&program, "remaining_days_removed", "2021-12-01");
        let r = t.post("/api/v1/program/what-if", &op, &later).await;
        assert_eq!(r.body["items"][0]["kind"], "days_kept", "{:?}", r.body);

        let r = t.post("/api/v1/program/what-if", &op, &program).await;
        assert_eq!(r.body["items"], json!([]), "no change affects nothing");
        let r = t.post("/api/v1/program/what-if", &ba, &shorter).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        assert_eq!(
            state(&t, &op, std::slice::from_ref(&code)).await,
            before,
            "a what-if writes nothing"
        );
        // Saving the change does what the what-if said.
        let r = t
            .call(Method::PUT, "/api/v1/program", Some(&op), Some(&shorter))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await.body;
        assert_eq!(v["expires_on"], "2021-01-31");
        let last = v["history"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["kind"], "voucher.expiry_moved", "{v:?}");
        let r = t.post("/api/v1/program/what-if", &op, &shorter).await;
        assert_eq!(r.body["items"], json!([]), "nothing left to move");
    }
);

both_databases!(
    an_invalid_what_if_gets_the_same_errors_as_the_change_itself,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let program = t.get("/api/v1/program", &op).await.body;
        let before = state(&t, &op, &[]).await;
        let mut bad = Vec::new();
        for (field, value) in [
            ("voucher_validity_days", json!(0)),
            ("claim_window_days", json!(4000)),
            ("sign_off_days", json!(0)),
            ("expiry_anchor", json!("never")),
            ("voucher_validity_days", json!("ninety")),
            ("surprise", json!(1)),
        ] {
            let mut b = program.clone();
            b[field] = value;
            bad.push(b);
        }
        let mut twice = program.clone();
        let first = twice["milestones"][0].clone();
        twice["milestones"].as_array_mut().unwrap().push(first);
        bad.push(twice);
        let mut missing = program.clone();
        missing.as_object_mut().unwrap().remove("milestones");
        bad.push(missing);
        for b in &bad {
            let put = t
                .call(Method::PUT, "/api/v1/program", Some(&op), Some(b))
                .await;
            let what_if = t.post("/api/v1/program/what-if", &op, b).await;
            assert!(put.status.is_client_error(), "{:?}", put.body);
            assert_eq!(
                (what_if.status, what_if.code()),
                (put.status, put.code()),
                "{b}"
            );
        }
        assert_eq!(state(&t, &op, &[]).await, before);
    }
);

/// The benefit admin's conversion request.
async fn convert(
    t: &TestApp,
    token: &str,
    customer: &str,
    agreement: &str,
    n: Value,
) -> (StatusCode, Value) {
    let r = t
        .post(
            &format!("/api/v1/customers/{customer}/benefit/conversions"),
            token,
            &json!({"agreement": agreement, "training_days": n}),
        )
        .await;
    (r.status, r.body)
}

both_databases!(
    training_days_convert_before_the_cut_off_and_every_bad_conversion_changes_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = t.token(&w.operator).await;
        let ba = t.token(&w.benefit_admin).await;
        let customer = w.customer.id.to_string();
        let grant = |n: i64| json!({"agreement": w.agreement, "training_days": n});
        let path = format!("/api/v1/customers/{customer}/benefit/training-days");
        let r = t.post(&path, &ba, &grant(5)).await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "only the operator records them"
        );
        let r = t.post(&path, &op, &grant(5)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        assert_eq!(r.body["training_days"], 5);
        // A foreign customer with its own agreement.
        let other = t
            .post(
                "/api/v1/customers",
                &op,
                &json!({"name": "Other", "country": "IT"}),
            )
            .await
            .body["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let r = t
            .post(
                &format!("/api/v1/customers/{other}/agreements"),
                &op,
                &json!({"number": "SA-OTHER", "sa_start": "2019-07-01",
                        "sa_end": "2022-06-30", "days": 9}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);

        // Today (2020-11-02) is after the cut-off.
        let before = state(&t, &op, &[]).await;
        let (s, b) = convert(&t, &ba, &customer, &w.agreement, json!(3)).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("rule.conversion_closed")
            )
        );
        assert_eq!(state(&t, &op, &[]).await, before);

        t.app
            .set_clock(&Actor::of(&w.operator), date(2020, 1, 10))
            .unwrap();
        let before = state(&t, &op, &[]).await;
        let n = json!(3);
        for (customer, agreement, days, status, code) in [
            (
                &customer,
                w.agreement.as_str(),
                json!(0),
                422,
                "validation.training_days",
            ),
            (
                &customer,
                &w.agreement,
                json!(-2),
                422,
                "validation.training_days",
            ),
            (
                &customer,
                &w.agreement,
                json!(6),
                422,
                "rule.not_enough_training_days",
            ),
            (
                &customer,
                &w.agreement,
                json!(1.5),
                400,
                "validation.training_days",
            ),
            (&customer, "SA-NOPE", n.clone(), 404, "agreement.not_found"),
            (&customer, "SA-OTHER", n.clone(), 404, "agreement.not_found"),
            (&other, "SA-OTHER", n.clone(), 404, "customer.not_found"),
            (
                &w.partner.id.to_string(),
                &w.agreement,
                n.clone(),
                404,
                "customer.not_found",
            ),
        ] {
            let (s, b) = convert(&t, &ba, customer, agreement, days.clone()).await;
            assert_eq!(
                (s.as_u16(), b["code"].as_str()),
                (status, Some(code)),
                "{agreement} {days}: {b:?}"
            );
        }
        let pm = t.token(&w.project_manager).await;
        let (s, _) = convert(&t, &pm, &customer, &w.agreement, n.clone()).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = convert(&t, &op, &customer, &w.agreement, n.clone()).await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "the customer converts, not the operator"
        );
        assert_eq!(state(&t, &op, &[]).await, before, "refusals change nothing");

        let (s, b) = convert(&t, &ba, &customer, &w.agreement, n.clone()).await;
        assert_eq!(s, StatusCode::CREATED, "{b:?}");
        assert_eq!(
            b,
            json!({"agreement": w.agreement, "training_days": 3, "planning_days": 3})
        );
        let benefit = t
            .get(&format!("/api/v1/customers/{customer}/benefit"), &ba)
            .await
            .body;
        assert_eq!(benefit["pools"][0]["available"], 33);
        assert_eq!(
            benefit["pools"][0]["accrued"], 33,
            "converted days count as the pool's own"
        );
        assert_eq!(
            t.event_count().await,
            before.0 + 1,
            "one event for the conversion"
        );
        let events = t.get("/api/v1/events?after=0&limit=500", &op).await.body;
        let last = events["items"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(
            (last["kind"].as_str(), &last["payload"]["planning_days"]),
            (Some("days.converted"), &json!(3))
        );
        let (s, b) = convert(&t, &ba, &customer, &w.agreement, n).await;
        assert_eq!(
            (s, b["code"].as_str()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("rule.not_enough_training_days")
            ),
            "two days are left"
        );
        // The journal re-derives the pool with the converted days in it.
        t.app.seal_journal().await.unwrap();
        let report = t
            .app
            .verify_journal(None, std::sync::Arc::new(|_, _| {}))
            .await
            .unwrap();
        assert!(report.ok(), "{}", report.summary());
    }
);

both_databases!(
    two_conversions_of_the_same_training_days_at_once_convert_them_once,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = t.token(&w.operator).await;
        let ba = t.token(&w.benefit_admin).await;
        let customer = w.customer.id.to_string();
        let r = t
            .post(
                &format!("/api/v1/customers/{customer}/benefit/training-days"),
                &op,
                &json!({"agreement": w.agreement, "training_days": 4}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        t.app
            .set_clock(&Actor::of(&w.operator), date(2020, 1, 10))
            .unwrap();
        let t = std::sync::Arc::new(t);
        let mut tasks = Vec::new();
        for _ in 0..6 {
            let (t, ba, customer, agreement) =
                (t.clone(), ba.clone(), customer.clone(), w.agreement.clone());
            tasks.push(tokio::spawn(async move {
                convert(&t, &ba, &customer, &agreement, json!(4)).await
            }));
        }
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await.unwrap());
        }
        let created = results
            .iter()
            .filter(|(s, _)| *s == StatusCode::CREATED)
            .count();
        assert_eq!(created, 1, "{results:?}");
        assert!(
            results
                .iter()
                .all(|(s, b)| *s == StatusCode::CREATED
                    || b["code"] == "rule.not_enough_training_days"),
            "{results:?}"
        );
        let benefit = t
            .get(&format!("/api/v1/customers/{customer}/benefit"), &ba)
            .await
            .body;
        assert_eq!(benefit["pools"][0]["available"], 34);
    }
);
