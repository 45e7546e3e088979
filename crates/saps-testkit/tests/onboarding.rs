//! Partner onboarding through the API, on SQLite and on PostgreSQL: the
//! program's compliance course and provider agreement, the partner's records
//! (trainings, competencies, consultants' exams), eligibility per offering,
//! signing the agreement and enrolling. Every refusal changes nothing, and
//! another tenant's partner or user is not found.

#[path = "onboarding/enrollment.rs"]
mod enrollment;

use axum::http::StatusCode;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

both_databases!(the_program_names_its_compliance_course, |db| async move {
    let t = TestApp::unenrolled(db, 30).await;
    let op = t.token(&t.world.operator).await;
    let p = t.get("/api/v1/program", &op).await;
    assert_eq!(p.status, StatusCode::OK, "{:?}", p.body);
    assert_eq!(
        p.body["compliance_course"],
        "Planning Services compliance training"
    );
    // The answer of GET is accepted by PUT as it is, and keeps the course.
    let put = t
        .call(
            axum::http::Method::PUT,
            "/api/v1/program",
            Some(&op),
            Some(&p.body),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{:?}", put.body);
    assert_eq!(put.body["compliance_course"], p.body["compliance_course"]);
});

const COURSE: &str = "Planning Services compliance training";

/// The operator's and the partner's global admin's tokens.
async fn tokens(t: &TestApp) -> (String, String) {
    (
        t.token(&t.world.operator).await,
        t.token(&t.world.partner_admin).await,
    )
}

both_databases!(
    the_operator_records_trainings_competencies_and_exams_each_journaled,
    |db| async move {
        let t = TestApp::unenrolled(db, 30).await;
        let (op, _) = tokens(&t).await;
        let p = t.world.partner.id;
        let before = t.event_count().await;
        let r = t
            .post(
                &format!("/api/v1/partners/{p}/trainings"),
                &op,
                &json!({"course": "planning services COMPLIANCE training", "completed_on": "2020-10-01"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        assert_eq!(r.body["course"], COURSE);
        assert_eq!(r.body["completed_on"], "2020-10-01");
        let r = t
            .post(
                &format!("/api/v1/partners/{p}/competencies"),
                &op,
                &json!({"competency": "data platform", "level": "silver", "valid_until": "2021-10-01"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        assert_eq!(r.body["competency"], "Data Platform");
        assert_eq!(r.body["level"], "silver");
        let r = t
            .post(
                &format!("/api/v1/users/{}/exams", t.world.consultant.id),
                &op,
                &json!({"exam": "dp-300", "passed_on": "2020-11-02"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        assert_eq!(r.body["exam"], "DP-300");
        assert_eq!(r.body["partner_id"], p.to_string());
        assert_eq!(t.event_count().await, before + 3);
        let kinds: Vec<String> = t
            .app
            .read(|tx| Ok(tx.events_after(saps_core::Scope::All, 0, 500)?))
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.kind)
            .collect();
        for kind in ["training.recorded", "competency.recorded", "exam.recorded"] {
            assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
        }
    }
);

both_databases!(
    bad_records_are_refused_with_a_stable_code_and_change_nothing,
    |db| async move {
        let t = TestApp::unenrolled(db, 30).await;
        let (op, ga) = tokens(&t).await;
        let w = t.world.clone();
        let p = w.partner.id;
        let trainings = format!("/api/v1/partners/{p}/trainings");
        let competencies = format!("/api/v1/partners/{p}/competencies");
        let exams = |u: String| format!("/api/v1/users/{u}/exams");
        let consultant = exams(w.consultant.id.to_string());
        let foreign = t
            .post(
                "/api/v1/partners",
                &op,
                &json!({"name": "Other", "country": "IT",
                        "locations": [{"name": "Roma", "country": "IT", "city": "Roma"}]}),
            )
            .await
            .body["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let cases: Vec<(&str, String, &String, Value, u16, &str)> = vec![
            (
                "unknown course",
                trainings.clone(),
                &op,
                json!({"course": "Gardening", "completed_on": "2020-10-01"}),
                422,
                "rule.unknown_course",
            ),
            (
                "malformed date",
                trainings.clone(),
                &op,
                json!({"course": COURSE, "completed_on": "2020-13-01"}),
                400,
                "validation.completed_on",
            ),
            (
                "future completion",
                trainings.clone(),
                &op,
                json!({"course": COURSE, "completed_on": "2020-11-03"}),
                422,
                "validation.completed_on",
            ),
            (
                "unknown competency",
                competencies.clone(),
                &op,
                json!({"competency": "Gardening", "level": "gold", "valid_until": "2021-01-01"}),
                422,
                "rule.unknown_competency",
            ),
            (
                "level outside the set",
                competencies.clone(),
                &op,
                json!({"competency": "Datacenter", "level": "platinum", "valid_until": "2021-01-01"}),
                400,
                "validation.level",
            ),
            (
                "date out of range",
                competencies.clone(),
                &op,
                json!({"competency": "Datacenter", "level": "gold", "valid_until": "1800-01-01"}),
                400,
                "validation.valid_until",
            ),
            (
                "unknown exam",
                consultant.clone(),
                &op,
                json!({"exam": "XX-999", "passed_on": "2020-10-01"}),
                422,
                "rule.unknown_exam",
            ),
            (
                "future exam",
                consultant.clone(),
                &op,
                json!({"exam": "DP-300", "passed_on": "2021-10-01"}),
                422,
                "validation.passed_on",
            ),
            (
                "exam of a partner admin",
                exams(w.partner_admin.id.to_string()),
                &op,
                json!({"exam": "DP-300", "passed_on": "2020-10-01"}),
                422,
                "rule.consultant_not_in_partner",
            ),
            (
                "exam of a customer's user",
                exams(w.project_manager.id.to_string()),
                &op,
                json!({"exam": "DP-300", "passed_on": "2020-10-01"}),
                422,
                "rule.consultant_not_in_partner",
            ),
            (
                "exam of nobody",
                exams(uuid::Uuid::now_v7().to_string()),
                &op,
                json!({"exam": "DP-300", "passed_on": "2020-10-01"}),
                404,
                "user.not_found",
            ),
            (
                "training of a customer",
                format!("/api/v1/partners/{}/trainings", w.customer.id),
                &op,
                json!({"course": COURSE, "completed_on": "2020-10-01"}),
                404,
                "partner.not_found",
            ),
            (
                "a partner admin records",
                trainings.clone(),
                &ga,
                json!({"course": COURSE, "completed_on": "2020-10-01"}),
                403,
                "auth.forbidden",
            ),
            (
                "another tenant's partner",
                format!("/api/v1/partners/{foreign}/locations"),
                &ga,
                json!({"name": "Milano", "country": "IT", "city": "Milano"}),
                404,
                "partner.not_found",
            ),
            (
                "a location without a country",
                format!("/api/v1/partners/{p}/locations"),
                &ga,
                json!({"name": "Lille", "country": "France", "city": "Lille"}),
                422,
                "validation.country",
            ),
            (
                "an unknown locale",
                format!("/api/v1/orgs/{p}/users"),
                &ga,
                json!({"email": "x@partner.example", "name": "X", "role": "consultant",
                    "password": "password-123", "locale": "de"}),
                400,
                "validation.locale",
            ),
        ];
        let before = t.event_count().await;
        for (what, path, tok, body, status, code) in cases {
            let r = t.post(&path, tok, &body).await;
            assert_eq!(r.status.as_u16(), status, "{what}: {:?}", r.body);
            assert_eq!(r.code(), code, "{what}");
        }
        assert_eq!(t.event_count().await, before, "a refusal journals nothing");
        let q = t
            .app
            .read(move |tx| Ok(tx.qualifications(p)?))
            .await
            .unwrap();
        assert_eq!(q, Default::default(), "a refusal records nothing");
        assert_eq!(t.app.locations(p).await.unwrap().len(), 1);
    }
);

both_databases!(
    locations_are_added_and_users_keep_their_locale,
    |db| async move {
        let t = TestApp::unenrolled(db, 30).await;
        let (op, ga) = tokens(&t).await;
        let p = t.world.partner.id;
        for tok in [&op, &ga] {
            let r = t
                .post(
                    &format!("/api/v1/partners/{p}/locations"),
                    tok,
                    &json!({"name": "Lyon", "country": "fr", "city": "Lyon"}),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
            assert_eq!(r.body["country"], "FR");
        }
        let partner = t.get(&format!("/api/v1/partners/{p}"), &ga).await;
        assert_eq!(partner.body["locations"].as_array().unwrap().len(), 3);
        let r = t
            .post(
                &format!("/api/v1/orgs/{p}/users"),
                &ga,
                &json!({"email": "ana@partner.example", "name": "Ana", "role": "consultant",
                        "password": "password-123", "locale": "pt-BR"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        assert_eq!(r.body["locale"], "pt-BR");
        let me = t
            .app
            .issue_token("ana@partner.example", "password-123")
            .await
            .unwrap()
            .0;
        assert_eq!(t.get("/api/v1/me", &me).await.body["locale"], "pt-BR");
        let r = t
            .post(
                &format!("/api/v1/orgs/{p}/users"),
                &ga,
                &json!({"email": "bo@partner.example", "name": "Bo", "role": "consultant",
                        "password": "password-123"}),
            )
            .await;
        assert_eq!(r.body["locale"], "en");
        assert_eq!(t.get("/api/v1/me", &ga).await.body["locale"], "en");
    }
);

/// The status and check marks of one offering, and which engagements are eligible.
fn offering<'a>(eligibility: &'a Value, code: &str) -> &'a Value {
    eligibility["offerings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["offering"] == code)
        .unwrap_or_else(|| panic!("{code} in {eligibility}"))
}

fn marks(o: &Value) -> Vec<(String, bool)> {
    o["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                format!(
                    "{}:{}",
                    r["kind"].as_str().unwrap(),
                    r["name"].as_str().unwrap()
                ),
                r["met"] == true,
            )
        })
        .collect()
}

/// Records what makes the partner Active for SQL Server (SSDPS-UPG).
async fn qualify(t: &TestApp, op: &str) {
    let p = t.world.partner.id;
    for (path, body) in [
        (
            format!("/api/v1/partners/{p}/trainings"),
            json!({"course": COURSE, "completed_on": "2020-10-01"}),
        ),
        (
            format!("/api/v1/partners/{p}/competencies"),
            json!({"competency": "Data Platform", "level": "gold", "valid_until": "2021-10-01"}),
        ),
        (
            format!("/api/v1/users/{}/exams", t.world.consultant.id),
            json!({"exam": "DP-300", "passed_on": "2020-09-01"}),
        ),
    ] {
        let r = t.post(&path, op, &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{path}: {:?}", r.body);
    }
}

both_databases!(
    eligibility_moves_from_not_started_to_active_as_records_are_added,
    |db| async move {
        let t = TestApp::unenrolled(db, 30).await;
        let (op, ga) = tokens(&t).await;
        let p = t.world.partner.id;
        let path = format!("/api/v1/partners/{p}/eligibility");
        let e = t.get(&path, &ga).await;
        assert_eq!(e.status, StatusCode::OK, "{:?}", e.body);
        let ss = offering(&e.body, "SSDPS");
        assert_eq!(ss["status"], "not_started");
        assert_eq!(
            marks(ss),
            [
                (format!("training:{COURSE}"), false),
                ("competency:Data Platform".into(), false),
                ("competency:Data Analytics".into(), false),
                ("exam:DP-300".into(), false),
                ("exam:DA-100".into(), false),
            ]
        );
        let upg = &ss["engagements"][0];
        assert_eq!(upg["code"], "SSDPS-UPG");
        assert_eq!(upg["eligible"], false);
        assert_eq!(upg["missing"].as_array().unwrap().len(), 3);

        t.post(
            &format!("/api/v1/partners/{p}/competencies"),
            &op,
            &json!({"competency": "Data Platform", "level": "gold", "valid_until": "2021-10-01"}),
        )
        .await;
        let e = t.get(&path, &op).await;
        let ss = offering(&e.body, "SSDPS");
        assert_eq!(ss["status"], "in_progress");
        assert_eq!(marks(ss)[1], ("competency:Data Platform".into(), true));
        assert_eq!(offering(&e.body, "DDPS")["status"], "not_started");

        qualify(&t, &op).await;
        let e = t.get(&path, &ga).await;
        let ss = offering(&e.body, "SSDPS");
        assert_eq!(ss["status"], "active");
        assert_eq!(ss["engagements"][0]["eligible"], true);
        assert_eq!(ss["engagements"][0]["missing"], json!([]));
        // SSDPS-BI needs Data Analytics, which the company does not hold.
        assert_eq!(ss["engagements"][1]["eligible"], false);
        assert_eq!(
            ss["engagements"][1]["missing"],
            json!([{"kind": "competency", "name": "Data Analytics"}])
        );
        assert_eq!(
            offering(&e.body, "DDPS")["status"],
            "in_progress",
            "the course alone"
        );

        // A year after the course it lapses, and the offering is no longer active.
        let clock = t
            .post("/api/v1/clock", &op, &json!({"set": "2021-10-01"}))
            .await;
        assert_eq!(clock.status, StatusCode::OK, "{:?}", clock.body);
        let e = t.get(&path, &ga).await;
        assert_eq!(offering(&e.body, "SSDPS")["status"], "in_progress");
        assert!(!marks(offering(&e.body, "SSDPS"))[0].1, "the course lapsed");
    }
);

both_databases!(another_tenants_eligibility_is_not_found, |db| async move {
    let t = TestApp::unenrolled(db, 30).await;
    let (op, ga) = tokens(&t).await;
    let ba = t.token(&t.world.benefit_admin).await;
    let consultant = t.token(&t.world.consultant).await;
    let other = t
        .post(
            "/api/v1/partners",
            &op,
            &json!({"name": "Other", "country": "IT",
                        "locations": [{"name": "Roma", "country": "IT", "city": "Roma"}]}),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mine = format!("/api/v1/partners/{}/eligibility", t.world.partner.id);
    let r = t
        .get(&format!("/api/v1/partners/{other}/eligibility"), &ga)
        .await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
    let r = t.get(&mine, &ba).await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
    let r = t.get(&mine, &consultant).await;
    assert_eq!((r.status.as_u16(), r.code()), (403, "auth.forbidden"));
    let customer = format!("/api/v1/partners/{}/eligibility", t.world.customer.id);
    let r = t.get(&customer, &op).await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
});
