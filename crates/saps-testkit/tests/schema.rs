//! Real answers against the served OpenAPI document. `TestApp` checks every
//! answer it sees (see `saps_testkit::schema_check`); this test makes sure
//! that every operation is exercised by every kind of caller, with success
//! and error answers, and that the check itself refuses what it should.

use axum::http::{Method, StatusCode};
use saps_testkit::schema_check::{Contract, contract};
use saps_testkit::testapp::{Db, TestApp};
use serde_json::{Value, json};

#[path = "schema/delivery.rs"]
mod delivery;
#[path = "schema/payments.rs"]
mod payments;
#[path = "schema/webhooks.rs"]
mod webhooks;

#[test]
fn the_check_refuses_a_wrong_body_an_undocumented_status_and_a_wrong_media_type() {
    let c = Contract::new(saps_web::api::document());
    let me = json!({"id": uuid::Uuid::nil(), "email": "a@b.example", "name": "A", "role": "operator",
        "org_id": uuid::Uuid::nil(), "locale": "en", "disabled": false});
    let body = serde_json::to_vec(&me).unwrap();
    c.check("GET", "/api/v1/me", 200, "application/json", &body)
        .unwrap();
    assert!(
        c.check("GET", "/api/v1/me", 200, "application/json", b"{}")
            .is_err()
    );
    let mut wrong = me.clone();
    wrong["role"] = json!("king");
    assert!(
        c.check(
            "GET",
            "/api/v1/me",
            200,
            "application/json",
            &serde_json::to_vec(&wrong).unwrap()
        )
        .is_err()
    );
    assert!(
        c.check("GET", "/api/v1/me", 418, "application/json", &body)
            .is_err()
    );
    assert!(
        c.check("GET", "/api/v1/me", 200, "text/html", &body)
            .is_err()
    );
    // Literal segments win over parameters; unknown routes are not checked.
    assert_eq!(
        c.operation("POST", "/api/v1/vouchers/validate").unwrap().0,
        "/api/v1/vouchers/validate"
    );
    assert_eq!(
        c.operation("GET", "/api/v1/vouchers/X?limit=1").unwrap().0,
        "/api/v1/vouchers/{code}"
    );
    assert!(c.operation("GET", "/api/v1/nowhere").is_none());
}

#[test]
fn the_documented_voucher_id_example_is_a_valid_voucher_id() {
    let doc = saps_web::api::document();
    let example = doc["components"]["schemas"]["VoucherCode"]["example"]
        .as_str()
        .unwrap();
    assert!(
        example.parse::<saps_core::VoucherCode>().is_ok(),
        "{example}"
    );
}

/// Sends a request and returns the answer (already checked by `TestApp`).
async fn send(
    t: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let a = t.call(method, path, token, body.as_ref()).await;
    (a.status, a.body)
}

/// Partner onboarding: each operation as the operator or the partner's admin
/// (who may) and as someone who may not.
async fn onboarding(t: &TestApp, op: &str, pa: &str) {
    let w = &t.world;
    let p = w.partner.id;
    let calls = [
        (
            format!("/api/v1/partners/{p}/trainings"),
            json!({"course": "Planning Services compliance training", "completed_on": "2020-10-01"}),
        ),
        (
            format!("/api/v1/partners/{p}/competencies"),
            json!({"competency": "Data Platform", "level": "gold", "valid_until": "2021-10-01"}),
        ),
        (
            format!("/api/v1/users/{}/exams", w.consultant.id),
            json!({"exam": "DP-300", "passed_on": "2020-10-01"}),
        ),
        (
            format!("/api/v1/partners/{p}/locations"),
            json!({"name": "Lyon", "country": "FR", "city": "Lyon"}),
        ),
    ];
    for (path, body) in calls {
        let (status, answer) = send(t, Method::POST, &path, Some(op), Some(body.clone())).await;
        assert_eq!(status, StatusCode::CREATED, "{path}: {answer}");
        let consultant = t.token(&w.consultant).await;
        send(t, Method::POST, &path, Some(&consultant), Some(body)).await;
    }
    let eligibility = format!("/api/v1/partners/{p}/eligibility");
    let (status, answer) = send(t, Method::GET, &eligibility, Some(pa), None).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let consultant = t.token(&w.consultant).await;
    send(t, Method::GET, &eligibility, Some(&consultant), None).await;

    let agreement = "/api/v1/program/agreement";
    let (status, current) = send(t, Method::GET, agreement, Some(&consultant), None).await;
    assert_eq!(status, StatusCode::OK, "{current}");
    let next = json!({"version": 2, "text": "Version 2 of the provider agreement"});
    let (status, answer) = send(t, Method::PUT, agreement, Some(op), Some(next.clone())).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    send(t, Method::PUT, agreement, Some(pa), Some(next)).await;
    let sign = format!("/api/v1/partners/{p}/agreement");
    let body = json!({"version": 2, "accept": true});
    let (status, answer) = send(t, Method::POST, &sign, Some(pa), Some(body.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    send(t, Method::POST, &sign, Some(&consultant), Some(body)).await;
    let enrollments = format!("/api/v1/partners/{p}/enrollments");
    let body = json!({"offering": "SSDPS", "location_ids": [w.location.id]});
    let (status, answer) = send(t, Method::POST, &enrollments, Some(pa), Some(body.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    send(t, Method::POST, &enrollments, Some(&consultant), Some(body)).await;
    let (status, answer) = send(t, Method::GET, &enrollments, Some(pa), None).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    send(t, Method::GET, &enrollments, Some(&consultant), None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_answers_every_kind_of_caller_as_its_document_says() {
    let t = TestApp::new(Db::Sqlite, 60).await;
    let w = t.world.clone();
    let (get, post, put) = (Method::GET, Method::POST, Method::PUT);
    let op = t.token(&w.operator).await;
    let pa = t.token(&w.partner_admin).await;
    let ba = t.token(&w.benefit_admin).await;
    let consultant = t.token(&w.consultant).await;
    let pm = t.token(&w.project_manager).await;
    let everyone = [&op, &pa, &ba, &consultant, &pm];
    let (customer, partner) = (w.customer.id, w.partner.id);

    // Signing in, right and wrong.
    let good = json!({"email": w.operator.email, "password": saps_app::fixtures::PASSWORD});
    let (status, signed_in) = send(&t, post.clone(), "/api/v1/auth/token", None, Some(good)).await;
    assert_eq!(status, StatusCode::CREATED);
    // Signing out: the token ends.
    let ending = signed_in["token"].as_str().unwrap().to_owned();
    let delete = Method::DELETE;
    let gone = send(&t, delete, "/api/v1/auth/token", Some(&ending), None).await;
    assert_eq!(gone.0, StatusCode::NO_CONTENT);
    let bad = json!({"email": w.operator.email, "password": "wrong"});
    assert_eq!(
        send(&t, post.clone(), "/api/v1/auth/token", None, Some(bad))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );

    // What every caller may read.
    let reads = [
        "/api/v1/me".to_owned(),
        "/api/v1/clock".into(),
        "/api/v1/partners".into(),
        format!("/api/v1/partners/{partner}"),
        "/api/v1/customers".into(),
        format!("/api/v1/orgs/{customer}/users"),
        format!("/api/v1/orgs/{partner}/users"),
        "/api/v1/offerings".into(),
        "/api/v1/program".into(),
        format!("/api/v1/customers/{customer}/benefit"),
        "/api/v1/vouchers".into(),
        "/api/v1/events".into(),
        "/api/v1/events?limit=1".into(),
    ];
    for token in everyone {
        for path in &reads {
            send(&t, get.clone(), path, Some(token), None).await;
        }
    }

    // Provisioning by the operator, refused to others.
    let partner2 = json!({"name": "Schema partner", "country": "DE",
        "locations": [{"name": "Berlin", "country": "DE", "city": "Berlin"}]});
    assert_eq!(
        send(
            &t,
            post.clone(),
            "/api/v1/partners",
            Some(&op),
            Some(partner2.clone())
        )
        .await
        .0,
        StatusCode::CREATED
    );
    assert_eq!(
        send(
            &t,
            post.clone(),
            "/api/v1/partners",
            Some(&ba),
            Some(partner2)
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    let (status, c2) = send(
        &t,
        post.clone(),
        "/api/v1/customers",
        Some(&op),
        Some(json!({"name": "Schema customer", "country": "IT"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let c2 = c2["id"].as_str().unwrap().to_owned();
    let admin = json!({"email": "admin@schema.example", "name": "Admin", "role": "benefit_admin",
        "password": "password-123"});
    let users = format!("/api/v1/orgs/{c2}/users");
    assert_eq!(
        send(&t, post.clone(), &users, Some(&op), Some(admin))
            .await
            .0,
        StatusCode::CREATED
    );
    let agreement = json!({"number": "SA-SCHEMA", "sa_start": "2020-01-01", "sa_end": "2022-12-31", "days": 30});
    let agreements = format!("/api/v1/customers/{c2}/agreements");
    assert_eq!(
        send(&t, post.clone(), &agreements, Some(&op), Some(agreement))
            .await
            .0,
        StatusCode::CREATED
    );
    let sign_in = json!({"email": "admin@schema.example", "password": "password-123"});
    let (_, token) = send(&t, post.clone(), "/api/v1/auth/token", None, Some(sign_in)).await;
    let ba2 = token["token"].as_str().unwrap().to_owned();
    let activate = format!("/api/v1/customers/{c2}/benefit/activate");
    assert_eq!(
        send(&t, post.clone(), &activate, Some(&ba2), None).await.0,
        StatusCode::OK
    );
    send(&t, post.clone(), &activate, Some(&pa), None).await;

    onboarding(&t, &op, &pa).await;

    // The program and the clock.
    let (_, program) = send(&t, get.clone(), "/api/v1/program", Some(&op), None).await;
    assert_eq!(
        send(
            &t,
            put.clone(),
            "/api/v1/program",
            Some(&op),
            Some(program.clone())
        )
        .await
        .0,
        StatusCode::OK
    );
    assert_eq!(
        send(&t, put.clone(), "/api/v1/program", Some(&ba), Some(program))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(
            &t,
            put.clone(),
            "/api/v1/program",
            Some(&op),
            Some(json!({}))
        )
        .await
        .0,
        StatusCode::BAD_REQUEST
    );
    let advance = json!({"advance_days": 1});
    assert_eq!(
        send(
            &t,
            post.clone(),
            "/api/v1/clock",
            Some(&op),
            Some(advance.clone())
        )
        .await
        .0,
        StatusCode::OK
    );
    send(&t, post.clone(), "/api/v1/clock", Some(&ba), Some(advance)).await;

    // A voucher's whole path, and its refusals.
    let new_voucher = json!({"customer_id": customer, "agreement": w.agreement, "engagement": "SSDPS-UPG",
        "days": 3, "project_manager_id": w.project_manager.id});
    let (status, v) = send(
        &t,
        post.clone(),
        "/api/v1/vouchers",
        Some(&ba),
        Some(new_voucher.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    send(
        &t,
        post.clone(),
        "/api/v1/vouchers",
        Some(&pa),
        Some(new_voucher),
    )
    .await;
    let code = v["code"].as_str().unwrap().to_owned();
    let one = format!("/api/v1/vouchers/{code}");
    let pm = json!({"project_manager_id": w.project_manager.id});
    let handed = send(
        &t,
        axum::http::Method::PUT,
        &format!("{one}/project-manager"),
        Some(&ba),
        Some(pm),
    )
    .await;
    assert_eq!(handed.0, StatusCode::OK, "{:?}", handed.1);
    for token in everyone {
        send(&t, get.clone(), &one, Some(token), None).await;
        send(
            &t,
            get.clone(),
            "/api/v1/vouchers?state=created&limit=1",
            Some(token),
            None,
        )
        .await;
    }
    let assign = json!({"partner_id": partner});
    assert_eq!(
        send(
            &t,
            post.clone(),
            &format!("{one}/assign"),
            Some(&ba),
            Some(assign.clone())
        )
        .await
        .0,
        StatusCode::OK
    );
    send(
        &t,
        post.clone(),
        &format!("{one}/assign"),
        Some(&ba),
        Some(assign),
    )
    .await;
    let validate = json!({"code": code, "customer_email": w.project_manager.email});
    assert_eq!(
        send(
            &t,
            post.clone(),
            "/api/v1/vouchers/validate",
            Some(&pa),
            Some(validate.clone())
        )
        .await
        .0,
        StatusCode::OK
    );
    send(
        &t,
        post.clone(),
        "/api/v1/vouchers/validate",
        Some(&ba),
        Some(validate),
    )
    .await;
    let reserve = json!({"location_id": w.location.id, "consultant_id": w.consultant.id,
        "start_date": "2020-12-01", "end_date": "2020-12-03", "accept_terms": true});
    assert_eq!(
        send(
            &t,
            post.clone(),
            &format!("{one}/reserve"),
            Some(&pa),
            Some(reserve.clone())
        )
        .await
        .0,
        StatusCode::OK
    );
    send(
        &t,
        post.clone(),
        &format!("{one}/reserve"),
        Some(&pa),
        Some(reserve),
    )
    .await;
    send(&t, post.clone(), &format!("{one}/cancel"), Some(&ba), None).await;
    let reason = json!({"reason": "The customer moved the dates"});
    let cancel_reservation = format!("{one}/cancel-reservation");
    assert_eq!(
        send(
            &t,
            post.clone(),
            &cancel_reservation,
            Some(&pa),
            Some(reason)
        )
        .await
        .0,
        StatusCode::OK
    );
    // The partner gives it back; again, it no longer sees it.
    let back = json!({"reason": "No consultant is free before it expires"});
    let give_back = format!("{one}/return");
    let first = send(&t, post.clone(), &give_back, Some(&pa), Some(back.clone())).await;
    assert_eq!(first.0, StatusCode::OK);
    send(&t, post.clone(), &give_back, Some(&pa), Some(back)).await;
    assert_eq!(
        send(
            &t,
            post.clone(),
            &format!("{one}/cancel"),
            Some(&ba),
            Some(json!({}))
        )
        .await
        .0,
        StatusCode::OK
    );
    for token in everyone {
        send(&t, get.clone(), &one, Some(token), None).await;
        send(
            &t,
            get.clone(),
            "/api/v1/events?after=0&limit=500",
            Some(token),
            None,
        )
        .await;
    }

    // The journal's head: the operator's; anyone else is refused.
    let head = send(&t, get.clone(), "/api/v1/audit/head", Some(&op), None).await;
    assert_eq!(head.0, StatusCode::OK, "{:?}", head.1);
    send(&t, get.clone(), "/api/v1/audit/head", Some(&ba), None).await;

    // Disabling and enabling a user: the org's admin may; to a partner it is not found.
    let target = w.project_manager.id;
    for action in ["disable", "enable"] {
        let path = format!("/api/v1/users/{target}/{action}");
        let by_admin = send(&t, post.clone(), &path, Some(&ba), None).await;
        assert_eq!(by_admin.0, StatusCode::OK, "{action}: {:?}", by_admin.1);
        let by_partner = send(&t, post.clone(), &path, Some(&consultant), Some(json!({}))).await;
        assert_eq!(
            by_partner.0,
            StatusCode::NOT_FOUND,
            "{action}: {:?}",
            by_partner.1
        );
    }

    // Errors every route shares: no token, a malformed id, an unknown one, bad bodies.
    send(&t, get.clone(), "/api/v1/vouchers", None, None).await;
    send(
        &t,
        get.clone(),
        "/api/v1/vouchers/not-a-code",
        Some(&ba),
        None,
    )
    .await;
    send(
        &t,
        get.clone(),
        "/api/v1/partners/not-an-id",
        Some(&ba),
        None,
    )
    .await;
    send(
        &t,
        get.clone(),
        &format!("/api/v1/partners/{}", uuid::Uuid::now_v7()),
        Some(&ba),
        None,
    )
    .await;
    send(&t, get.clone(), "/api/v1/vouchers?limit=0", Some(&ba), None).await;
    for export in [
        "/api/v1/vouchers/export.csv",
        "/api/v1/vouchers/export.xlsx",
    ] {
        send(&t, get.clone(), export, Some(&ba), None).await;
    }
    send(&t, get.clone(), "/api/v1/events?after=-1", Some(&ba), None).await;
    send(
        &t,
        post.clone(),
        "/api/v1/vouchers",
        Some(&ba),
        Some(json!({"days": "three"})),
    )
    .await;
    let text = [("content-type", "text/plain")];
    t.raw(
        post.clone(),
        "/api/v1/vouchers",
        Some(&ba),
        Some(b"days=3".to_vec()),
        &text,
    )
    .await;
    let huge = vec![b' '; saps_web::extract::MAX_JSON + 10];
    t.raw(post.clone(), "/api/v1/vouchers", Some(&ba), Some(huge), &[])
        .await;
    let key = [("idempotency-key", "schema-1")];
    t.raw(
        post.clone(),
        "/api/v1/clock",
        Some(&op),
        Some(br#"{"advance_days": 1}"#.to_vec()),
        &key,
    )
    .await;
    t.raw(
        post.clone(),
        "/api/v1/clock",
        Some(&op),
        Some(br#"{"advance_days": 2}"#.to_vec()),
        &key,
    )
    .await;

    // The business profile and the partner directory: the partner's admin
    // writes, a customer reads (the fixture partner is listed), and refusals.
    let profile = format!("/api/v1/partners/{}/profile", w.partner.id);
    let body = json!({"description": "Déploiement", "languages": ["fr"], "industries": ["retail"],
                      "website": "https://example.com"});
    send(&t, put.clone(), &profile, Some(&pa), Some(body.clone())).await;
    send(&t, put.clone(), &profile, Some(&ba), Some(body)).await;
    let bad = json!({"description": "", "languages": ["english"], "industries": []});
    send(&t, put.clone(), &profile, Some(&pa), Some(bad)).await;
    send(&t, get.clone(), &profile, Some(&ba), None).await;
    send(
        &t,
        get.clone(),
        "/api/v1/directory?q=deploiement",
        Some(&ba),
        None,
    )
    .await;
    send(
        &t,
        get.clone(),
        "/api/v1/directory?offering=NOPE",
        Some(&ba),
        None,
    )
    .await;
    send(
        &t,
        get.clone(),
        "/api/v1/directory?cursor=bad",
        Some(&ba),
        None,
    )
    .await;
    time(&t, &op, &ba).await;
    delivery::delivery(&t, &op).await;
    payments::payments(&t, &op).await;
    let consultant_token = t.token(&w.consultant).await;
    webhooks::webhooks(&t, &ba, &consultant_token).await;
    // The caller's notification settings.
    send(&t, get.clone(), "/api/v1/me/notifications", Some(&ba), None).await;
    let settings = json!({"reminders": false, "voucher_updates": true, "payments": true});
    send(
        &t,
        Method::PUT,
        "/api/v1/me/notifications",
        Some(&ba),
        Some(settings),
    )
    .await;

    let seen = contract().seen();
    for (method, template) in contract().operations() {
        let statuses: Vec<u16> = seen
            .iter()
            .filter(|(m, p, _)| *m == method && *p == template)
            .map(|(_, _, s)| *s)
            .collect();
        assert!(
            statuses.iter().any(|s| (200..300).contains(s)),
            "{method} {template} never succeeded: {statuses:?}"
        );
    }
    let statuses: std::collections::BTreeSet<u16> = seen.iter().map(|(_, _, s)| *s).collect();
    for status in [400, 401, 403, 404, 409, 413, 415, 422] {
        assert!(
            statuses.contains(&status),
            "no answer with {status}: {statuses:?}"
        );
    }
}

/// The what-if, training days and their conversion (before the cut-off, the
/// clock set back for it and then restored), with refusals.
async fn time(t: &TestApp, op: &str, ba: &str) {
    let post = Method::POST;
    let w = &t.world;
    let (_, program) = send(t, Method::GET, "/api/v1/program", Some(op), None).await;
    let what_if = "/api/v1/program/what-if";
    send(t, post.clone(), what_if, Some(op), Some(program.clone())).await;
    send(t, post.clone(), what_if, Some(ba), Some(program.clone())).await;
    let mut bad = program;
    bad["voucher_validity_days"] = json!(0);
    send(t, post.clone(), what_if, Some(op), Some(bad)).await;
    let customer = w.customer.id;
    let days = json!({"agreement": w.agreement, "training_days": 2});
    let grant = format!("/api/v1/customers/{customer}/benefit/training-days");
    send(t, post.clone(), &grant, Some(op), Some(days.clone())).await;
    send(t, post.clone(), &grant, Some(ba), Some(days.clone())).await;
    let convert = format!("/api/v1/customers/{customer}/benefit/conversions");
    send(t, post.clone(), &convert, Some(ba), Some(days.clone())).await;
    let operator = saps_core::Actor::of(&w.operator);
    let today = t.app.today();
    t.app
        .set_clock(&operator, jiff::civil::date(2020, 1, 10))
        .expect("clock");
    send(t, post.clone(), &convert, Some(ba), Some(days.clone())).await;
    let unknown = json!({"agreement": "SA-NOPE", "training_days": 1});
    send(t, post.clone(), &convert, Some(ba), Some(unknown)).await;
    send(t, post.clone(), &convert, Some(op), Some(days)).await;
    t.app.set_clock(&operator, today).expect("clock");
}
