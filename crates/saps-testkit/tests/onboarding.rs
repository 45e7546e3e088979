//! Partner onboarding through the API, on SQLite and on PostgreSQL: the
//! program's compliance course and provider agreement, the partner's records
//! (trainings, competencies, consultants' exams), eligibility per offering,
//! signing the agreement and enrolling. Every refusal changes nothing, and
//! another tenant's partner or user is not found.

use axum::http::StatusCode;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;

both_databases!(the_program_names_its_compliance_course, |db| async move {
    let t = TestApp::new(db, 30).await;
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
