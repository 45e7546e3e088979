//! The whole voucher path, and the races on it.

use axum::http::StatusCode;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::json;

use crate::{reserve_body, voucher};

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
        // The customer (its creator and project manager) and the partner's
        // admin are e-mailed the voucher ID through the outbox.
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 3);
        let mails: Vec<_> = std::fs::read_dir(t.dir.join("mail"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        assert_eq!(mails.len(), 3);
        assert!(mails.iter().all(|m| m.contains(&code)), "{mails:?}");
        for to in [
            &w.benefit_admin.email,
            &w.project_manager.email,
            &w.partner_admin.email,
        ] {
            assert!(
                mails.iter().any(|m| m.contains(&format!("To: {to}"))),
                "{to}: {mails:?}"
            );
        }

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
