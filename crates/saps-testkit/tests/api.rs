//! The voucher's path through the JSON API, on SQLite and on PostgreSQL:
//! the whole path, tenancy, races, idempotency, rules and every class of bad
//! input (which must change nothing).

use axum::http::{Method, StatusCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::{Db, TestApp};
use serde_json::{Value, json};

/// One bad request: what it is, path, body, headers, expected status and code.
type BadInput = (
    &'static str,
    String,
    Option<Vec<u8>>,
    &'static [(&'static str, &'static str)],
    StatusCode,
    &'static str,
);

async fn voucher(t: &TestApp, ba: &str, days: u32) -> Value {
    let w = &t.world;
    let r = t
        .post(
            "/api/v1/vouchers",
            ba,
            &json!({
                "customer_id": w.customer.id,
                "agreement": w.agreement,
                "engagement": "SSDPS-UPG",
                "days": days,
                "project_manager_id": w.project_manager.id,
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    r.body
}

fn reserve_body(t: &TestApp) -> Value {
    json!({
        "location_id": t.world.location.id,
        "consultant_id": t.world.consultant.id,
        "start_date": "2020-12-01",
        "end_date": "2020-12-03",
        "accept_terms": true,
    })
}

both_databases!(
    the_whole_path_from_creation_to_cancelled_reservation_works,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let pa = t.token(&w.partner_admin).await;

        let me = t.get("/api/v1/me", &ba).await;
        assert_eq!(me.body["role"], "benefit_admin");
        assert_eq!(me.body["org_id"], json!(w.customer.id));

        let b = t
            .get(&format!("/api/v1/customers/{}/benefit", w.customer.id), &ba)
            .await;
        assert_eq!(b.body["active"], true);
        assert_eq!(b.body["pools"][0]["available"], 30);

        let v = voucher(&t, &ba, 3).await;
        assert_eq!(v["state"], "created");
        assert_eq!(v["expires_on"], "2021-05-01");
        let code = v["code"].as_str().unwrap().to_owned();
        let b = t
            .get(&format!("/api/v1/customers/{}/benefit", w.customer.id), &ba)
            .await;
        assert_eq!(
            (
                b.body["pools"][0]["used"].as_i64(),
                b.body["pools"][0]["available"].as_i64()
            ),
            (Some(3), Some(27))
        );

        let a = t
            .post(
                &format!("/api/v1/vouchers/{code}/assign"),
                &ba,
                &json!({"partner_id": w.partner.id}),
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
        assert_eq!(a.body["state"], "assigned");
        // The customer is e-mailed the voucher ID through the outbox.
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 2);
        let mails: Vec<_> = std::fs::read_dir(t.dir.join("mail"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        assert_eq!(mails.len(), 2);
        assert!(mails.iter().all(|m| m.contains(&code)), "{mails:?}");

        // The partner validates with the code (any case, no dashes) and the customer's e-mail.
        let sloppy = code.replace('-', "").to_lowercase();
        let val = t
            .post(
                "/api/v1/vouchers/validate",
                &pa,
                &json!({"code": sloppy, "customer_email": w.project_manager.email.to_uppercase()}),
            )
            .await;
        assert_eq!(val.status, StatusCode::OK, "{:?}", val.body);
        let wrong = t
            .post(
                "/api/v1/vouchers/validate",
                &pa,
                &json!({"code": code, "customer_email": "someone@else.example"}),
            )
            .await;
        assert_eq!(
            (wrong.status, wrong.code()),
            (StatusCode::NOT_FOUND, "voucher.not_found")
        );

        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/reserve"),
                &pa,
                &reserve_body(&t),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "reserved");
        assert_eq!(r.body["reservation"]["delivery_country"], "FR");
        let again = t
            .post(
                &format!("/api/v1/vouchers/{code}/reserve"),
                &pa,
                &reserve_body(&t),
            )
            .await;
        assert_eq!(
            (again.status, again.code()),
            (StatusCode::CONFLICT, "voucher.conflict")
        );

        let c = t
            .post(
                &format!("/api/v1/vouchers/{code}/cancel-reservation"),
                &pa,
                &json!({"reason": "customer postponed"}),
            )
            .await;
        assert_eq!(c.status, StatusCode::OK, "{:?}", c.body);
        assert_eq!(c.body["state"], "assigned");
        assert!(c.body["reservation"].is_null());

        let g = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
        let kinds: Vec<_> = g.body["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            kinds,
            [
                "voucher.created",
                "voucher.assigned",
                "voucher.reserved",
                "voucher.reservation_cancelled"
            ]
        );

        // Both parties see the voucher's events in their feed; sequence numbers grow.
        for token in [&ba, &pa] {
            let ev = t.get("/api/v1/events?after=0&limit=500", token).await;
            let items = ev.body["items"].as_array().unwrap();
            let seqs: Vec<i64> = items.iter().map(|e| e["seq"].as_i64().unwrap()).collect();
            assert!(seqs.windows(2).all(|p| p[0] < p[1]));
            assert!(
                items
                    .iter()
                    .any(|e| e["kind"] == "voucher.reservation_cancelled")
            );
        }
        let report = t.app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);

both_databases!(
    another_tenants_objects_are_not_found_exactly_like_missing_ones,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let op = t.token(&w.operator).await;
        let v = voucher(&t, &ba, 1).await;
        let code = v["code"].as_str().unwrap().to_owned();

        // A second customer and a second partner, each with an admin.
        let c2 = t
            .post(
                "/api/v1/customers",
                &op,
                &json!({"name": "Other customer", "country": "IT"}),
            )
            .await;
        let c2id = c2.body["id"].as_str().unwrap().to_owned();
        let u = t
            .post(
                &format!("/api/v1/orgs/{c2id}/users"),
                &op,
                &json!({
                    "email": "ba@other.example",
                    "name": "Other BA",
                    "role": "benefit_admin",
                    "password": "password-123",
                }),
            )
            .await;
        assert_eq!(u.status, StatusCode::CREATED, "{:?}", u.body);
        let other_ba = t
            .app
            .issue_token("ba@other.example", "password-123")
            .await
            .unwrap()
            .0;
        let p2 = t
            .post(
                "/api/v1/partners",
                &op,
                &json!({
                    "name": "Other partner",
                    "country": "IT",
                    "locations": [{"name": "Roma", "country": "IT", "city": "Roma"}],
                }),
            )
            .await;
        let p2id = p2.body["id"].as_str().unwrap().to_owned();
        t.post(
            &format!("/api/v1/orgs/{p2id}/users"),
            &op,
            &json!({
                "email": "ga@other.example",
                "name": "Other GA",
                "role": "global_admin",
                "password": "password-123",
            }),
        )
        .await;
        let other_pa = t
            .app
            .issue_token("ga@other.example", "password-123")
            .await
            .unwrap()
            .0;

        let missing = "0000-0000-0000-0000-0000";
        for (token, path) in [
            (&other_ba, format!("/api/v1/vouchers/{code}")),
            (&other_ba, format!("/api/v1/vouchers/{missing}")),
            (&other_pa, format!("/api/v1/vouchers/{code}")),
        ] {
            let r = t.get(&path, token).await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::NOT_FOUND, "voucher.not_found"),
                "{path}"
            );
        }
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/cancel"),
                &other_ba,
                &json!({}),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = t
            .get(
                &format!("/api/v1/customers/{}/benefit", w.customer.id),
                &other_ba,
            )
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "customer.not_found")
        );
        let r = t
            .post(
                &format!("/api/v1/orgs/{}/users", w.customer.id),
                &other_ba,
                &json!({
                    "email": "x@x.example",
                    "name": "X",
                    "role": "project_manager",
                    "password": "password-123",
                }),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Assigned to the first partner: the other partner cannot validate or reserve it.
        t.post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({"partner_id": w.partner.id}),
        )
        .await;
        let r = t
            .post(
                "/api/v1/vouchers/validate",
                &other_pa,
                &json!({"code": code, "customer_email": w.benefit_admin.email}),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/reserve"),
                &other_pa,
                &reserve_body(&t),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Lists and the event feed hold nothing of the other tenant.
        let l = t.get("/api/v1/vouchers", &other_ba).await;
        assert_eq!(l.body["items"], json!([]));
        let e = t.get("/api/v1/events", &other_pa).await;
        assert!(
            e.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["voucher_id"].is_null()),
            "{:?}",
            e.body
        );
        // A known object the role may not act on is 403: the project manager cannot cancel.
        let pm = t.token(&w.project_manager).await;
        let r = t
            .post(&format!("/api/v1/vouchers/{code}/cancel"), &pm, &json!({}))
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::FORBIDDEN, "auth.forbidden")
        );
        // No token, or a bad one: 401.
        let r = t.call(Method::GET, "/api/v1/me", None, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        let r = t.get("/api/v1/me", "saps_not-a-token").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
);

both_databases!(
    of_200_concurrent_reservations_of_one_voucher_exactly_one_wins,
    |db| async move {
        let t = std::sync::Arc::new(TestApp::new(db, 30).await);
        let ba = t.token(&t.world.benefit_admin).await;
        let pa = t.token(&t.world.partner_admin).await;
        let code = voucher(&t, &ba, 1).await["code"]
            .as_str()
            .unwrap()
            .to_owned();
        t.post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({"partner_id": t.world.partner.id}),
        )
        .await;
        let mut tasks = Vec::new();
        for _ in 0..200 {
            let (t, pa, code) = (t.clone(), pa.clone(), code.clone());
            tasks.push(tokio::spawn(async move {
                t.post(
                    &format!("/api/v1/vouchers/{code}/reserve"),
                    &pa,
                    &reserve_body(&t),
                )
                .await
            }));
        }
        let mut ok = 0;
        let mut conflict = 0;
        for task in tasks {
            let r = task.await.unwrap();
            match r.status {
                StatusCode::OK => ok += 1,
                StatusCode::CONFLICT => {
                    assert_eq!(r.code(), "voucher.conflict");
                    conflict += 1
                }
                other => panic!("unexpected {other}: {:?}", r.body),
            }
        }
        assert_eq!((ok, conflict), (1, 199));
        let g = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
        let reserved = g.body["history"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "voucher.reserved")
            .count();
        assert_eq!(reserved, 1);
    }
);

both_databases!(
    of_500_concurrent_creations_against_100_days_exactly_100_succeed,
    |db| async move {
        let t = std::sync::Arc::new(TestApp::new(db, 100).await);
        let ba = t.token(&t.world.benefit_admin).await;
        let mut tasks = Vec::new();
        for _ in 0..500 {
            let (t, ba) = (t.clone(), ba.clone());
            tasks.push(tokio::spawn(async move {
                let w = &t.world;
                t.post(
                    "/api/v1/vouchers",
                    &ba,
                    &json!({
                        "customer_id": w.customer.id,
                        "agreement": w.agreement,
                        "engagement": "SSDPS-UPG",
                        "days": 1,
                        "project_manager_id": w.project_manager.id,
                    }),
                )
                .await
            }));
        }
        let (mut created, mut refused) = (0, 0);
        for task in tasks {
            let r = task.await.unwrap();
            match r.status {
                StatusCode::CREATED => created += 1,
                StatusCode::UNPROCESSABLE_ENTITY => {
                    assert_eq!(r.code(), "rule.insufficient_days");
                    refused += 1
                }
                other => panic!("unexpected {other}: {:?}", r.body),
            }
        }
        assert_eq!((created, refused), (100, 400));
        let b = t
            .get(
                &format!("/api/v1/customers/{}/benefit", t.world.customer.id),
                &ba,
            )
            .await;
        assert_eq!(b.body["pools"][0]["available"], 0);
        let report = t.app.check_invariants().await.unwrap();
        assert_eq!(report.vouchers, 100);
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);

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
    every_class_of_bad_input_is_a_4xx_problem_and_changes_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
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
        let events = t.event_count().await;
        let vouchers = t.get("/api/v1/vouchers", &ba).await.body;
        let good = json!({
            "customer_id": w.customer.id,
            "agreement": w.agreement,
            "engagement": "SSDPS-UPG",
            "days": 1,
            "project_manager_id": w.project_manager.id,
        });
        let mut unknown = good.clone();
        unknown["colour"] = json!("blue");
        let mut wrong_type = good.clone();
        wrong_type["days"] = json!("three");
        let mut negative = good.clone();
        negative["days"] = json!(-1);
        let mut bad_id = good.clone();
        bad_id["customer_id"] = json!("not-a-uuid");
        let mut missing = good.clone();
        missing.as_object_mut().unwrap().remove("engagement");
        let huge = format!("{{\"agreement\": \"{}\"}}", "x".repeat(300 * 1024));
        let typo = {
            // Change one character of a valid code: the check character catches it.
            let mut c: Vec<char> = code.chars().collect();
            c[0] = if c[0] == 'A' { 'B' } else { 'A' };
            c.into_iter().collect::<String>()
        };
        let cases: Vec<BadInput> = vec![
            (
                "malformed JSON",
                "/api/v1/vouchers".into(),
                Some(b"{\"customer_id\": ".to_vec()),
                &[],
                StatusCode::BAD_REQUEST,
                "request.malformed_json",
            ),
            (
                "unknown field",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&unknown).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.colour",
            ),
            (
                "wrong type",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&wrong_type).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.days",
            ),
            (
                "negative number",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&negative).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.days",
            ),
            (
                "missing field",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&missing).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.engagement",
            ),
            (
                "bad id",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&bad_id).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.customer_id",
            ),
            (
                "empty body",
                "/api/v1/vouchers".into(),
                Some(Vec::new()),
                &[],
                StatusCode::BAD_REQUEST,
                "request.empty_body",
            ),
            (
                "a JSON array",
                "/api/v1/vouchers".into(),
                Some(b"[]".to_vec()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.body",
            ),
            (
                "oversized body",
                "/api/v1/vouchers".into(),
                Some(huge.into_bytes()),
                &[],
                StatusCode::PAYLOAD_TOO_LARGE,
                "request.too_large",
            ),
            (
                "not JSON",
                "/api/v1/vouchers".into(),
                Some(b"days=3".to_vec()),
                &[("content-type", "application/x-www-form-urlencoded")],
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "request.unsupported_media_type",
            ),
            (
                "mistyped code",
                format!("/api/v1/vouchers/{typo}/cancel"),
                None,
                &[],
                StatusCode::BAD_REQUEST,
                "validation.code",
            ),
            (
                "garbage code",
                "/api/v1/vouchers/%3Cscript%3E/cancel".into(),
                None,
                &[],
                StatusCode::BAD_REQUEST,
                "validation.code",
            ),
            (
                "bad org id in path",
                "/api/v1/customers/123/benefit/activate".into(),
                None,
                &[],
                StatusCode::BAD_REQUEST,
                "validation.id",
            ),
            (
                "body on a no-body action",
                format!("/api/v1/vouchers/{code}/cancel"),
                Some(b"{\"force\": true}".to_vec()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.body",
            ),
        ];
        for (what, path, body, headers, status, problem) in cases {
            let r = t.raw(Method::POST, &path, Some(&ba), body, headers).await;
            assert_eq!(
                (r.status, r.code()),
                (status, problem),
                "{what}: {:?}",
                r.body
            );
            assert!(
                r.content_type.starts_with("application/problem+json"),
                "{what}: {}",
                r.content_type
            );
            assert!(
                !r.body["detail"].as_str().unwrap_or("").is_empty(),
                "{what} explains itself"
            );
        }
        // Dates out of range and malformed dates in a reservation.
        for (field, value) in [
            ("start_date", "2020-13-01"),
            ("end_date", "99999-01-01"),
            ("start_date", "1.12.2020"),
            ("end_date", "0001-01-01"),
        ] {
            let mut b = reserve_body(&t);
            b[field] = json!(value);
            let r = t
                .post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &b)
                .await;
            assert_eq!(
                (r.status, r.code()),
                (
                    StatusCode::BAD_REQUEST,
                    format!("validation.{field}").as_str()
                ),
                "{value}: {:?}",
                r.body
            );
        }
        // Bad query parameters.
        for q in [
            "state=flying",
            "limit=0",
            "limit=501",
            "limit=ten",
            "cursor=abc",
            "colour=blue",
        ] {
            let r = t.get(&format!("/api/v1/vouchers?{q}"), &ba).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{q}");
        }
        let r = t.get("/api/v1/events?after=-4", &ba).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        // An unknown route and a wrong method are problems too.
        assert_eq!(
            t.get("/api/v1/nothing-here", &ba).await.code(),
            "route.not_found"
        );
        assert_eq!(
            t.call(Method::DELETE, "/api/v1/vouchers", Some(&ba), None)
                .await
                .status,
            StatusCode::METHOD_NOT_ALLOWED
        );
        assert_eq!(
            t.event_count().await,
            events,
            "bad input wrote nothing to the journal"
        );
        assert_eq!(
            t.get("/api/v1/vouchers", &ba).await.body,
            vouchers,
            "bad input changed no voucher"
        );
    }
);

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

both_databases!(
    of_20_concurrent_fifteen_day_vouchers_for_one_engagement_exactly_one_is_created,
    |db| async move {
        let t = std::sync::Arc::new(TestApp::new(db, 300).await);
        let ba = t.token(&t.world.benefit_admin).await;
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (t, ba) = (t.clone(), ba.clone());
            tasks.push(tokio::spawn(async move {
                let w = &t.world;
                t.post(
                    "/api/v1/vouchers",
                    &ba,
                    &json!({
                        "customer_id": w.customer.id,
                        "agreement": w.agreement,
                        "engagement": "DDPS-WIN",
                        "days": 15,
                        "project_manager_id": w.project_manager.id,
                    }),
                )
                .await
            }));
        }
        let mut codes = std::collections::BTreeMap::new();
        for task in tasks {
            let r = task.await.unwrap();
            let code = if r.status.is_success() {
                String::new()
            } else {
                r.code().to_owned()
            };
            *codes.entry((r.status.as_u16(), code)).or_insert(0) += 1;
        }
        assert_eq!(
            codes,
            [
                ((201, String::new()), 1),
                ((422, "rule.second_fifteen_day_engagement".to_owned()), 19)
            ]
            .into_iter()
            .collect()
        );
        let b = t
            .get(
                &format!("/api/v1/customers/{}/benefit", t.world.customer.id),
                &ba,
            )
            .await;
        assert_eq!(b.body["pools"][0]["available"], 285);
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
