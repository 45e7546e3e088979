//! Assignment limited to enrolled and eligible partners, validation telling
//! whether the voucher can be reserved, and the partner returning a voucher.

use axum::http::StatusCode;
use jiff::civil::date;
use saps_app::fixtures::World;
use saps_core::port::CompetencyLevel;
use saps_core::{Actor, VoucherCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

use crate::{reserve_body, voucher};

async fn new_code(t: &TestApp, ba: &str) -> String {
    voucher(t, ba, 1).await["code"].as_str().unwrap().to_owned()
}

async fn assign(
    t: &TestApp,
    ba: &str,
    code: &str,
    partner: saps_core::OrgId,
) -> saps_testkit::testapp::Answer {
    t.post(
        &format!("/api/v1/vouchers/{code}/assign"),
        ba,
        &json!({ "partner_id": partner }),
    )
    .await
}

both_databases!(
    only_enrolled_and_eligible_partners_with_a_location_in_the_country_are_assigned,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = Actor::of(&w.operator);
        let ba = t.token(&w.benefit_admin).await;
        let code = new_code(&t, &ba).await;

        let unenrolled = w.not_enrolled_partner(&t.app, "u").await.unwrap();
        // Enrolled and eligible, but its only location is in Brazil.
        let brazil = w.enrolled_partner(&t.app, "BR", "b").await.unwrap();
        // Enrolled in SSDPS for business intelligence: its consultant passed
        // DA-100, not DP-300.
        let bi = World::new_partner(&t.app, &op, "BI only", "FR", "bi", "bi.example")
            .await
            .unwrap();
        let course = t.app.program().compliance_course.clone();
        t.app
            .record_training(&op, bi.id(), &course, date(2020, 10, 1))
            .await
            .unwrap();
        for c in ["Data Analytics", "Data Platform"] {
            t.app
                .record_competency(&op, bi.id(), c, CompetencyLevel::Gold, date(2021, 12, 31))
                .await
                .unwrap();
        }
        t.app
            .record_exam(&op, bi.consultant.id, "DA-100", date(2020, 10, 1))
            .await
            .unwrap();
        let bi_admin = Actor::of(&bi.admin);
        let version = t.app.provider_agreement().await.unwrap().version;
        t.app
            .sign_provider_agreement(&bi_admin, bi.id(), version, true)
            .await
            .unwrap();
        t.app
            .enroll(&bi_admin, bi.id(), "SSDPS", vec![bi.location.id])
            .await
            .unwrap();

        let before = (
            t.get(&format!("/api/v1/vouchers/{code}"), &ba).await.body,
            t.event_count().await,
            t.app.dispatch_mail().await.unwrap(),
        );
        for (partner, rule) in [
            (unenrolled.id(), "rule.not_enrolled"),
            (brazil.id(), "rule.no_approved_location_in_country"),
            (bi.id(), "rule.no_qualified_consultant"),
        ] {
            let r = assign(&t, &ba, &code, partner).await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::UNPROCESSABLE_ENTITY, rule),
                "{:?}",
                r.body
            );
        }
        let after = (
            t.get(&format!("/api/v1/vouchers/{code}"), &ba).await.body,
            t.event_count().await,
            t.app.dispatch_mail().await.unwrap(),
        );
        assert_eq!(
            before, after,
            "refused assignments change nothing, send nothing"
        );

        // The assign form lists exactly the partners that may be given it.
        let c: VoucherCode = code.parse().unwrap();
        let listed = t
            .app
            .partners_to_assign(&Actor::of(&w.benefit_admin), c)
            .await
            .unwrap();
        let ids: Vec<_> = listed.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![w.partner.id]);

        // The listed partner is assigned.
        let r = assign(&t, &ba, &code, w.partner.id).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    }
);

both_databases!(
    validation_says_whether_the_voucher_can_be_reserved_now,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = Actor::of(&w.operator);
        let ba = t.token(&w.benefit_admin).await;
        let pa = t.token(&w.partner_admin).await;
        let code = new_code(&t, &ba).await;
        assign(&t, &ba, &code, w.partner.id).await;
        let validate = || async {
            t.post(
                "/api/v1/vouchers/validate",
                &pa,
                &json!({"code": code, "customer_email": w.benefit_admin.email}),
            )
            .await
        };
        let v = validate().await;
        assert_eq!(v.status, StatusCode::OK, "{:?}", v.body);
        assert_eq!(
            v.body["code"],
            code.as_str(),
            "the voucher's fields are kept"
        );
        assert_eq!(v.body["reservable"], json!({"ok": true, "problem": null}));

        t.app
            .record_competency(
                &op,
                w.partner.id,
                "Data Platform",
                CompetencyLevel::Gold,
                date(2020, 11, 1),
            )
            .await
            .unwrap();
        let v = validate().await;
        assert_eq!(v.body["reservable"]["ok"], false);
        let problem = &v.body["reservable"]["problem"];
        assert_eq!(problem["code"], "rule.competency_expired");
        assert_eq!(problem["status"], 422);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("Data Platform"),
            "{problem}"
        );
        t.app
            .record_competency(
                &op,
                w.partner.id,
                "Data Platform",
                CompetencyLevel::Gold,
                date(2030, 1, 1),
            )
            .await
            .unwrap();

        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/reserve"),
                &pa,
                &reserve_body(&t),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let v = validate().await;
        assert_eq!(v.body["reservable"]["ok"], false);
        assert_eq!(v.body["reservable"]["problem"]["code"], "voucher.conflict");
    }
);

fn mails(t: &TestApp) -> Vec<String> {
    std::fs::read_dir(t.dir.join("mail"))
        .map(|d| {
            d.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
                .collect()
        })
        .unwrap_or_default()
}

both_databases!(
    the_assigned_partner_returns_a_voucher_and_the_customer_assigns_it_again,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let pa = t.token(&w.partner_admin).await;
        let pm = t.token(&w.project_manager).await;
        let code = new_code(&t, &ba).await;
        assign(&t, &ba, &code, w.partner.id).await;
        t.app.dispatch_mail().await.unwrap();
        let path = format!("/api/v1/vouchers/{code}/return");
        let reason = json!({"reason": "No consultant is free before it expires"});

        let other = w.enrolled_partner(&t.app, "FR", "o").await.unwrap();
        let oa = t.token(&other.admin).await;
        // Bad input and the wrong people change nothing.
        let before = t.event_count().await;
        let long = "x".repeat(2001);
        for (who, body, status, code) in [
            (
                &pa,
                json!({"reason": "  "}),
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation.reason",
            ),
            (
                &pa,
                json!({ "reason": long }),
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation.reason",
            ),
            (&pa, json!({}), StatusCode::BAD_REQUEST, "validation.reason"),
            (&ba, reason.clone(), StatusCode::FORBIDDEN, "auth.forbidden"),
            (&pm, reason.clone(), StatusCode::FORBIDDEN, "auth.forbidden"),
        ] {
            let r = t.post(&path, who, &body).await;
            assert_eq!((r.status, r.code()), (status, code), "{:?}", r.body);
        }
        assert_eq!(
            t.post(&path, &oa, &reason).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(t.event_count().await, before);

        let r = t.post(&path, &pa, &reason).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "created");
        assert_eq!(r.body["partner_id"], Value::Null);
        assert_eq!(r.body["assigned_at"], Value::Null);
        // The partner no longer sees it; the customer sees why in the history.
        assert_eq!(
            t.post(&path, &pa, &reason).await.status,
            StatusCode::NOT_FOUND
        );
        let g = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
        let last = g.body["history"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        assert_eq!(last["kind"], "voucher.returned");
        assert_eq!(last["payload"]["reason"], reason["reason"]);
        assert_eq!(last["payload"]["partner_id"], json!(w.partner.id));
        // The partner's event feed keeps the event that unassigned it.
        let feed = t.get("/api/v1/events", &pa).await;
        let kinds: Vec<_> = feed.body["items"]
            .as_array()
            .map(|a| a.iter().map(|e| e["kind"].clone()).collect())
            .unwrap_or_default();
        assert!(
            kinds.contains(&json!("voucher.returned")),
            "{:?}",
            feed.body
        );
        // The creator and the project manager are e-mailed.
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 2);
        let returned: Vec<_> = mails(&t)
            .into_iter()
            .filter(|m| m.contains("returned by") && m.contains(&code))
            .collect();
        assert_eq!(returned.len(), 2, "{returned:?}");
        assert!(
            returned
                .iter()
                .any(|m| m.contains(&w.project_manager.email))
        );
        assert!(returned.iter().any(|m| m.contains(&w.benefit_admin.email)));

        // The customer assigns it again, to another partner; once reserved it
        // can no longer be returned.
        let r = assign(&t, &ba, &code, other.id()).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let body = json!({
            "location_id": other.location.id,
            "consultant_id": other.consultant.id,
            "start_date": "2020-12-01",
            "end_date": "2020-12-01",
            "accept_terms": true,
        });
        let r = t
            .post(&format!("/api/v1/vouchers/{code}/reserve"), &oa, &body)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let r = t.post(&path, &oa, &reason).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::CONFLICT, "voucher.conflict")
        );
        let report = t.app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);

both_databases!(
    a_return_racing_a_reservation_one_of_them_wins,
    |db| async move {
        let t = std::sync::Arc::new(TestApp::new(db, 30).await);
        let ba = t.token(&t.world.benefit_admin).await;
        let pa = t.token(&t.world.partner_admin).await;
        for _ in 0..8 {
            let code = new_code(&t, &ba).await;
            assign(&t, &ba, &code, t.world.partner.id).await;
            let give_back = {
                let (t, pa, code) = (t.clone(), pa.clone(), code.clone());
                tokio::spawn(async move {
                    let reason = json!({"reason": "changed our mind"});
                    t.post(&format!("/api/v1/vouchers/{code}/return"), &pa, &reason)
                        .await
                })
            };
            let reserve = {
                let (t, pa, code) = (t.clone(), pa.clone(), code.clone());
                tokio::spawn(async move {
                    t.post(
                        &format!("/api/v1/vouchers/{code}/reserve"),
                        &pa,
                        &reserve_body(&t),
                    )
                    .await
                })
            };
            let (a, b) = (give_back.await.unwrap(), reserve.await.unwrap());
            let won: Vec<_> = [&a, &b]
                .iter()
                .filter(|r| r.status == StatusCode::OK)
                .map(|r| r.body["state"].clone())
                .collect();
            assert_eq!(won.len(), 1, "{:?} {:?}", a.body, b.body);
            for lost in [&a, &b].iter().filter(|r| r.status != StatusCode::OK) {
                assert!(
                    matches!(lost.status, StatusCode::CONFLICT | StatusCode::NOT_FOUND),
                    "{:?}",
                    lost.body
                );
            }
            let g = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
            assert_eq!(g.body["state"], won[0]);
            let moves = g.body["history"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["kind"] == "voucher.returned" || e["kind"] == "voucher.reserved")
                .count();
            assert_eq!(moves, 1);
        }
    }
);

both_databases!(
    the_demo_has_an_active_partner_one_in_progress_and_one_whose_enrollment_ends_soon,
    |db| async move {
        let dir = std::env::temp_dir().join(format!("saps-demo-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let store = saps_testkit::testapp::open_fresh(db, &dir).await;
        let settings = saps_app::Settings {
            mail_dir: dir.join("mail"),
            ..saps_app::Settings::default()
        };
        let clock = saps_app::clock::Clock::simulated(saps_app::demo::demo_date());
        let app = saps_app::App::new(store, clock, settings)
            .await
            .expect("app");
        saps_app::demo::seed(&app).await.expect("demo seeded");
        assert_eq!(
            app.today(),
            saps_app::demo::demo_date(),
            "seeding ends on the demo's date"
        );
        let op = app
            .check_password("operator@saps.example", saps_app::demo::DEMO_PASSWORD)
            .await
            .unwrap();
        let op = Actor::of(&op);
        let partners = app.orgs(&op, saps_core::OrgKind::Partner).await.unwrap();
        let by_name = |n: &str| partners.iter().find(|p| p.name == n).expect(n).id;
        let status = |e: &[saps_core::eligibility::OfferingEligibility], o: &str| {
            e.iter().find(|x| x.offering == o).map(|x| x.status)
        };
        use saps_core::eligibility::EligibilityStatus as S;

        let northwind = by_name("Northwind Advisory");
        let e = app.eligibility(&op, northwind).await.unwrap();
        assert_eq!(status(&e, "SSDPS"), Some(S::Active));
        let enrolled = app.enrollments(&op, northwind).await.unwrap();
        let offerings: Vec<_> = enrolled.iter().map(|e| e.offering.as_str()).collect();
        assert_eq!(offerings, ["DDPS", "SDPS", "SSDPS"]);
        assert!(enrolled.iter().all(|e| e.valid_until == date(2021, 11, 1)));

        let fabrikam = by_name("Fabrikam Serviços");
        let enrolled = app.enrollments(&op, fabrikam).await.unwrap();
        assert!(!enrolled.is_empty());
        for e in &enrolled {
            assert_eq!(e.valid_until, date(2020, 11, 24), "{}", e.offering);
        }
        assert_eq!(
            status(&app.eligibility(&op, fabrikam).await.unwrap(), "DYDPS"),
            Some(S::Active)
        );

        let contoso = by_name("Contoso Consulting");
        let e = app.eligibility(&op, contoso).await.unwrap();
        assert!(e.iter().all(|o| o.status == S::InProgress), "{e:?}");
        assert!(app.enrollments(&op, contoso).await.unwrap().is_empty());
        let report = app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
        let _ = std::fs::remove_dir_all(&dir);
    }
);
