//! The hand-off between customer and partner: eligibility re-checked at
//! reservation (each refusal named and changing nothing), assignment limited
//! to enrolled and eligible partners, validation telling whether the voucher
//! can be reserved, and the partner returning a voucher.

use axum::http::StatusCode;
use jiff::civil::date;
use saps_app::fixtures::{PartnerSide, World};
use saps_core::port::CompetencyLevel;
use saps_core::{Actor, OrgId, VoucherCode, VoucherState};
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

use crate::{reserve_body, voucher};

/// What a refusal must leave as it was: the voucher, the journal, the pool.
async fn snapshot(t: &TestApp, ba: &str, code: &str) -> (Value, usize, Value) {
    let mut v = t.get(&format!("/api/v1/vouchers/{code}"), ba).await.body;
    v.as_object_mut().map(|o| o.remove("history"));
    let pool = t
        .get(
            &format!("/api/v1/customers/{}/benefit", t.world.customer.id),
            ba,
        )
        .await
        .body;
    (v, t.event_count().await, pool)
}

async fn assigned(t: &TestApp, ba: &str, days: u32, partner: OrgId) -> String {
    let code = voucher(t, ba, days).await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = t
        .post(
            &format!("/api/v1/vouchers/{code}/assign"),
            ba,
            &json!({ "partner_id": partner }),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    code
}

/// A voucher assigned before assignment checked eligibility (data from an
/// earlier version): written straight to the store.
async fn assigned_earlier(t: &TestApp, ba: &str, partner: OrgId) -> String {
    let code = voucher(t, ba, 1).await["code"].as_str().unwrap().to_owned();
    let c: VoucherCode = code.parse().unwrap();
    t.app
        .write(move |tx| {
            let mut v = tx.voucher_by_code(&c)?.expect("voucher");
            v.state = VoucherState::Assigned;
            v.partner_id = Some(partner);
            v.assigned_at = Some(v.created_at);
            v.version += 1;
            tx.update_voucher(&v)?;
            Ok(())
        })
        .await
        .unwrap();
    code
}

/// Reserves, expecting `rule` and nothing changed.
async fn refused(t: &TestApp, ba: &str, pa: &str, code: &str, body: &Value, rule: &str) {
    let before = snapshot(t, ba, code).await;
    let r = t
        .post(&format!("/api/v1/vouchers/{code}/reserve"), pa, body)
        .await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, rule),
        "{:?}",
        r.body
    );
    assert_eq!(
        snapshot(t, ba, code).await,
        before,
        "{rule} changed something"
    );
}

fn admin_of(side: &PartnerSide) -> Actor {
    Actor::of(&side.admin)
}

both_databases!(
    each_reservation_refusal_names_its_rule_and_changes_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = Actor::of(&w.operator);
        let ba = t.token(&w.benefit_admin).await;
        let pa = t.token(&w.partner_admin).await;

        // A three-day voucher is not reserved for one day.
        let three = assigned(&t, &ba, 3, w.partner.id).await;
        let mut one_day = reserve_body(&t);
        one_day["end_date"] = json!("2020-12-01");
        refused(&t, &ba, &pa, &three, &one_day, "rule.reservation_too_short").await;

        let code = assigned(&t, &ba, 1, w.partner.id).await;
        // A location added since the enrollment is not approved for it.
        let (lyon, milano) = (
            t.app
                .add_location(
                    &op,
                    w.partner.id,
                    saps_app::NewLocation {
                        name: "Lyon".into(),
                        country: "FR".into(),
                        city: "Lyon".into(),
                    },
                )
                .await
                .unwrap(),
            t.app
                .add_location(
                    &op,
                    w.partner.id,
                    saps_app::NewLocation {
                        name: "Milano".into(),
                        country: "IT".into(),
                        city: "Milano".into(),
                    },
                )
                .await
                .unwrap(),
        );
        let mut at = reserve_body(&t);
        at["location_id"] = json!(lyon.id);
        refused(&t, &ba, &pa, &code, &at, "rule.location_not_approved").await;
        // Approved, but not in the delivery country.
        let admin = Actor::of(&w.partner_admin);
        t.app
            .enroll(
                &admin,
                w.partner.id,
                "SSDPS",
                vec![w.location.id, milano.id],
            )
            .await
            .unwrap();
        at["location_id"] = json!(milano.id);
        refused(&t, &ba, &pa, &code, &at, "rule.delivery_country_mismatch").await;

        // A consultant without an exam of the engagement.
        let newcomer = t
            .app
            .add_user(
                Some(&op),
                w.partner.id,
                saps_app::NewUser {
                    email: "newcomer@partner.example".into(),
                    name: "Newcomer".into(),
                    role: saps_core::Role::Consultant,
                    password: saps_app::fixtures::PASSWORD.into(),
                },
            )
            .await
            .unwrap();
        let mut by = reserve_body(&t);
        by["consultant_id"] = json!(newcomer.id);
        refused(&t, &ba, &pa, &code, &by, "rule.consultant_not_qualified").await;

        // The competency corrected to have expired yesterday.
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
        refused(
            &t,
            &ba,
            &pa,
            &code,
            &reserve_body(&t),
            "rule.competency_expired",
        )
        .await;
        // The first failing rule is named: the location before the competency.
        refused(&t, &ba, &pa, &code, &at, "rule.delivery_country_mismatch").await;
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

        // Not enrolled (a voucher assigned before assignment checked it).
        let other = w.not_enrolled_partner(&t.app, "x").await.unwrap();
        let theirs = assigned_earlier(&t, &ba, other.id()).await;
        let opa = t.token(&other.admin).await;
        let mut body = json!({
            "location_id": other.location.id,
            "consultant_id": other.consultant.id,
            "start_date": "2020-12-01",
            "end_date": "2020-12-01",
            "accept_terms": true,
        });
        refused(&t, &ba, &opa, &theirs, &body, "rule.not_enrolled").await;

        // Enrolled in SSDPS through the other engagement's competency: the
        // engagement's own competency is missing.
        let course = t.app.program().compliance_course.clone();
        t.app
            .record_training(&op, other.id(), &course, date(2020, 10, 1))
            .await
            .unwrap();
        t.app
            .record_competency(
                &op,
                other.id(),
                "Data Analytics",
                CompetencyLevel::Silver,
                date(2021, 12, 31),
            )
            .await
            .unwrap();
        t.app
            .record_exam(&op, other.consultant.id, "DA-100", date(2020, 10, 1))
            .await
            .unwrap();
        let version = t.app.provider_agreement().await.unwrap().version;
        t.app
            .sign_provider_agreement(&admin_of(&other), other.id(), version, true)
            .await
            .unwrap();
        t.app
            .enroll(
                &admin_of(&other),
                other.id(),
                "SSDPS",
                vec![other.location.id],
            )
            .await
            .unwrap();
        refused(&t, &ba, &opa, &theirs, &body, "rule.competency_missing").await;
        // With the competency, the consultant still lacks DP-300.
        t.app
            .record_competency(
                &op,
                other.id(),
                "Data Platform",
                CompetencyLevel::Silver,
                date(2021, 12, 31),
            )
            .await
            .unwrap();
        refused(
            &t,
            &ba,
            &opa,
            &theirs,
            &body,
            "rule.consultant_not_qualified",
        )
        .await;
        t.app
            .record_exam(&op, other.consultant.id, "DP-300", date(2020, 10, 1))
            .await
            .unwrap();
        let r = t
            .post(&format!("/api/v1/vouchers/{theirs}/reserve"), &opa, &body)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        body["start_date"] = json!("2020-12-02");

        // Everything holds: the World's voucher is reserved.
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/reserve"),
                &pa,
                &reserve_body(&t),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    }
);

both_databases!(
    a_lapsed_enrollment_and_an_old_course_are_refused_at_reservation,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = Actor::of(&w.operator);
        let ba = t.token(&w.benefit_admin).await;
        // A partner that enrolled on 2019-11-10 (its year ends 2020-11-09),
        // with its course taken then.
        t.app.set_clock(&op, date(2019, 11, 10)).unwrap();
        let early = World::new_partner(&t.app, &op, "Early", "FR", "e", "early.example")
            .await
            .unwrap();
        World::qualify_and_enroll(&t.app, &op, &early)
            .await
            .unwrap();
        t.app.set_clock(&op, date(2020, 11, 2)).unwrap();
        let code = assigned(&t, &ba, 1, early.id()).await;
        let pa = t.token(&early.admin).await;
        let body = json!({
            "location_id": early.location.id,
            "consultant_id": early.consultant.id,
            "start_date": "2020-12-01",
            "end_date": "2020-12-01",
            "accept_terms": true,
        });
        // A partner whose course, taken on 2019-11-20, lapses on 2020-11-20.
        let old = World::new_partner(&t.app, &op, "Old course", "FR", "o", "old.example")
            .await
            .unwrap();
        let course = t.app.program().compliance_course.clone();
        t.app
            .record_training(&op, old.id(), &course, date(2019, 11, 20))
            .await
            .unwrap();
        t.app
            .record_competency(
                &op,
                old.id(),
                "Data Platform",
                CompetencyLevel::Gold,
                date(2030, 1, 1),
            )
            .await
            .unwrap();
        t.app
            .record_exam(&op, old.consultant.id, "DP-300", date(2020, 1, 1))
            .await
            .unwrap();
        let version = t.app.provider_agreement().await.unwrap().version;
        t.app
            .sign_provider_agreement(&admin_of(&old), old.id(), version, true)
            .await
            .unwrap();
        t.app
            .enroll(&admin_of(&old), old.id(), "SSDPS", vec![old.location.id])
            .await
            .unwrap();
        let theirs = assigned(&t, &ba, 1, old.id()).await;
        let opa = t.token(&old.admin).await;
        let mut their_body = body.clone();
        their_body["location_id"] = json!(old.location.id);
        their_body["consultant_id"] = json!(old.consultant.id);

        t.app.set_clock(&op, date(2020, 11, 10)).unwrap();
        refused(&t, &ba, &pa, &code, &body, "rule.enrollment_lapsed").await;
        t.app.set_clock(&op, date(2020, 11, 20)).unwrap();
        refused(
            &t,
            &ba,
            &opa,
            &theirs,
            &their_body,
            "rule.compliance_training_missing",
        )
        .await;
        // The course taken again, the reservation goes through.
        t.app
            .record_training(&op, old.id(), &course, date(2020, 11, 20))
            .await
            .unwrap();
        let r = t
            .post(
                &format!("/api/v1/vouchers/{theirs}/reserve"),
                &opa,
                &their_body,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    }
);
