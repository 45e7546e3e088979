//! Every route × every role, own tenant and foreign tenant: each gets exactly
//! what it should. Runs on SQLite (the decisions are the same function on both
//! databases; the API tests cover PostgreSQL).

use axum::http::Method;
use saps_testkit::testapp::{Db, TestApp};
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_refuses_anonymous_callers_except_sign_in() {
    let t = TestApp::new(Db::Sqlite, 30).await;
    let doc = saps_web::api::document();
    let mut checked = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            if path == "/api/v1/auth/token" {
                continue;
            }
            let concrete = path
                .replace("{code}", "0000-0000-0000-0000-0000")
                .replace("{id}", &t.world.customer.id.to_string())
                .replace("{org_id}", &t.world.customer.id.to_string())
                .replace("{consultant_id}", &t.world.consultant.id.to_string());
            let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let body = (m != Method::GET).then(|| json!({}));
            let r = t.call(m, &concrete, None, body.as_ref()).await;
            assert_eq!(r.status.as_u16(), 401, "{method} {path}: {:?}", r.body);
            assert_eq!(r.code(), "auth.unauthenticated");
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} routes checked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_in_its_own_and_a_foreign_tenant_gets_what_it_should() {
    let t = TestApp::new(Db::Sqlite, 1000).await;
    let w = t.world.clone();
    let op = t.token(&w.operator).await;
    // A foreign customer and partner, each with every role of its kind.
    let c2 = t
        .post(
            "/api/v1/customers",
            &op,
            &json!({"name": "Foreign customer", "country": "IT"}),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let p2 = t
        .post(
            "/api/v1/partners",
            &op,
            &json!({
                "name": "Foreign partner",
                "country": "FR",
                "locations": [{"name": "Lyon", "country": "FR", "city": "Lyon"}],
            }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut tokens: Vec<(&str, String)> = vec![("operator", op.clone())];
    for (label, user) in [
        ("ga", &w.partner_admin),
        ("consultant", &w.consultant),
        ("ba", &w.benefit_admin),
        ("pm", &w.project_manager),
    ] {
        tokens.push((label, t.token(user).await));
    }
    let mpn = t
        .post(
            &format!("/api/v1/orgs/{}/users", w.partner.id),
            &op,
            &json!({
                "email": "mpn@own.example",
                "name": "MPN",
                "role": "mpn_admin",
                "password": "password-123",
            }),
        )
        .await;
    assert_eq!(mpn.status.as_u16(), 201);
    tokens.push((
        "mpn",
        t.app
            .issue_token("mpn@own.example", "password-123")
            .await
            .unwrap()
            .0,
    ));
    for (label, org, role) in [
        ("foreign_ga", &p2, "global_admin"),
        ("foreign_mpn", &p2, "mpn_admin"),
        ("foreign_consultant", &p2, "consultant"),
        ("foreign_ba", &c2, "benefit_admin"),
        ("foreign_pm", &c2, "project_manager"),
    ] {
        let email = format!("{label}@foreign.example");
        let r = t
            .post(
                &format!("/api/v1/orgs/{org}/users"),
                &op,
                &json!({"email": email, "name": label, "role": role, "password": "password-123"}),
            )
            .await;
        assert_eq!(r.status.as_u16(), 201, "{:?}", r.body);
        tokens.push((
            label,
            t.app.issue_token(&email, "password-123").await.unwrap().0,
        ));
    }
    let token = |label: &str| tokens.iter().find(|(l, _)| *l == label).unwrap().1.clone();
    let ba = token("ba");
    let new_voucher = |t: &TestApp| {
        json!({
            "customer_id": t.world.customer.id,
            "agreement": t.world.agreement,
            "engagement": "SSDPS-UPG",
            "days": 1,
            "project_manager_id": t.world.project_manager.id,
        })
    };
    // An assigned voucher, fresh for each call that might change it.
    async fn assigned(t: &TestApp, ba: &str, body: &Value) -> String {
        let v = t.post("/api/v1/vouchers", ba, body).await;
        assert_eq!(v.status.as_u16(), 201, "{:?}", v.body);
        let code = v.body["code"].as_str().unwrap().to_owned();
        let a = t
            .post(
                &format!("/api/v1/vouchers/{code}/assign"),
                ba,
                &json!({"partner_id": t.world.partner.id}),
            )
            .await;
        assert_eq!(a.status.as_u16(), 200, "{:?}", a.body);
        code
    }
    let reserve = json!({
        "location_id": w.location.id,
        "consultant_id": w.consultant.id,
        "start_date": "2020-12-01",
        "end_date": "2020-12-02",
        "accept_terms": true,
    });
    let all = [
        "operator",
        "ga",
        "mpn",
        "consultant",
        "ba",
        "pm",
        "foreign_ga",
        "foreign_mpn",
        "foreign_consultant",
        "foreign_ba",
        "foreign_pm",
    ];
    // (route, expected status per role in the order of `all`)
    type Row = (&'static str, [u16; 11]);
    let rows: &[Row] = &[
        (
            "GET voucher",
            [200, 200, 200, 404, 200, 200, 404, 404, 404, 404, 404],
        ),
        (
            "validate",
            [403, 200, 200, 404, 403, 403, 404, 404, 404, 404, 404],
        ),
        (
            "reserve",
            [403, 200, 200, 404, 403, 403, 404, 404, 404, 404, 404],
        ),
        (
            "assign",
            [403, 403, 403, 404, 200, 200, 404, 404, 404, 404, 404],
        ),
        (
            "cancel",
            [403, 403, 403, 404, 200, 403, 404, 404, 404, 404, 404],
        ),
        (
            "GET benefit",
            [200, 404, 404, 404, 200, 200, 404, 404, 404, 404, 404],
        ),
        (
            "activate benefit",
            [403, 404, 404, 404, 422, 403, 404, 404, 404, 404, 404],
        ),
        (
            "create voucher",
            [403, 404, 404, 404, 201, 403, 404, 404, 404, 404, 404],
        ),
        (
            "add agreement",
            [201, 404, 404, 404, 403, 403, 404, 404, 404, 404, 404],
        ),
        (
            "record training",
            [201, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "record competency",
            [201, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "record exam",
            [201, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET eligibility",
            [200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "add location",
            [201, 201, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET provider agreement",
            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ),
        // The records above make the partner Active for SSDPS; once signed, it may enroll.
        (
            "sign provider agreement",
            [403, 201, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "enroll",
            [403, 201, 201, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET enrollments",
            [200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "publish provider agreement",
            [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
        ),
        // The target is the own side's consultant or project manager, so the
        // consultant and the project manager would be acting on themselves.
        (
            "disable user",
            [200, 200, 403, 403, 200, 403, 404, 404, 404, 404, 404],
        ),
        (
            "enable user",
            [200, 200, 403, 403, 200, 403, 404, 404, 404, 404, 404],
        ),
        // Only the program's operators audit the journal.
        (
            "GET audit head",
            [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
        ),
        (
            "program what-if",
            [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
        ),
        (
            "record training days",
            [201, 404, 404, 404, 403, 403, 404, 404, 404, 404, 404],
        ),
        // The clock (2020-11-02) is past the conversion cut-off: the benefit
        // admin is let through to the rule.
        (
            "convert training days",
            [403, 404, 404, 404, 422, 403, 404, 404, 404, 404, 404],
        ),
    ];
    for &(route, expected) in rows {
        for (who, want) in all.iter().zip(expected) {
            let tok = token(who);
            let code = assigned(&t, &ba, &new_voucher(&t)).await;
            let c = w.customer.id;
            let r = match route {
                "GET voucher" => t.get(&format!("/api/v1/vouchers/{code}"), &tok).await,
                "validate" => {
                    t.post(
                        "/api/v1/vouchers/validate",
                        &tok,
                        &json!({
                            "code": code,
                            "customer_email": w.benefit_admin.email,
                        }),
                    )
                    .await
                }
                "reserve" => {
                    t.post(&format!("/api/v1/vouchers/{code}/reserve"), &tok, &reserve)
                        .await
                }
                "assign" => {
                    let fresh =
                        t.post("/api/v1/vouchers", &ba, &new_voucher(&t)).await.body["code"]
                            .as_str()
                            .unwrap()
                            .to_owned();
                    // Only the customer side sees an unassigned voucher: partners get 404.
                    let target = if who.contains("ga")
                        || who.contains("mpn")
                        || who.contains("consultant")
                        || who.starts_with("foreign")
                    {
                        code.clone()
                    } else {
                        fresh
                    };
                    t.post(
                        &format!("/api/v1/vouchers/{target}/assign"),
                        &tok,
                        &json!({
                            "partner_id": w.partner.id,
                        }),
                    )
                    .await
                }
                "cancel" => {
                    t.post(&format!("/api/v1/vouchers/{code}/cancel"), &tok, &json!({}))
                        .await
                }
                "GET benefit" => t.get(&format!("/api/v1/customers/{c}/benefit"), &tok).await,
                "activate benefit" => {
                    t.post(
                        &format!("/api/v1/customers/{c}/benefit/activate"),
                        &tok,
                        &json!({}),
                    )
                    .await
                }
                "create voucher" => t.post("/api/v1/vouchers", &tok, &new_voucher(&t)).await,
                "add agreement" => {
                    t.post(
                        &format!("/api/v1/customers/{c}/agreements"),
                        &tok,
                        &json!({
                            "number": format!("SA-{who}"),
                            "sa_start": "2019-07-01",
                            "sa_end": "2022-06-30",
                            "days": 3,
                        }),
                    )
                    .await
                }
                "record training" => {
                    let body = json!({"course": "Planning Services compliance training",
                                      "completed_on": "2020-10-01"});
                    t.post(
                        &format!("/api/v1/partners/{}/trainings", w.partner.id),
                        &tok,
                        &body,
                    )
                    .await
                }
                "record competency" => {
                    let body = json!({"competency": "Data Platform", "level": "gold",
                                      "valid_until": "2021-10-01"});
                    t.post(
                        &format!("/api/v1/partners/{}/competencies", w.partner.id),
                        &tok,
                        &body,
                    )
                    .await
                }
                "record exam" => {
                    let body = json!({"exam": "DP-300", "passed_on": "2020-09-01"});
                    t.post(
                        &format!("/api/v1/users/{}/exams", w.consultant.id),
                        &tok,
                        &body,
                    )
                    .await
                }
                "GET eligibility" => {
                    t.get(
                        &format!("/api/v1/partners/{}/eligibility", w.partner.id),
                        &tok,
                    )
                    .await
                }
                "add location" => {
                    let body =
                        json!({"name": format!("Site {who}"), "country": "FR", "city": "Nantes"});
                    t.post(
                        &format!("/api/v1/partners/{}/locations", w.partner.id),
                        &tok,
                        &body,
                    )
                    .await
                }
                "GET provider agreement" => t.get("/api/v1/program/agreement", &tok).await,
                "sign provider agreement" => {
                    let body = json!({"version": 1, "accept": true});
                    t.post(
                        &format!("/api/v1/partners/{}/agreement", w.partner.id),
                        &tok,
                        &body,
                    )
                    .await
                }
                "enroll" => {
                    let body = json!({"offering": "SSDPS", "location_ids": [w.location.id]});
                    t.post(
                        &format!("/api/v1/partners/{}/enrollments", w.partner.id),
                        &tok,
                        &body,
                    )
                    .await
                }
                "GET enrollments" => {
                    t.get(
                        &format!("/api/v1/partners/{}/enrollments", w.partner.id),
                        &tok,
                    )
                    .await
                }
                "publish provider agreement" => {
                    let body = json!({"version": 2, "text": "Version 2"});
                    let put = axum::http::Method::PUT;
                    t.call(put, "/api/v1/program/agreement", Some(&tok), Some(&body))
                        .await
                }
                "disable user" | "enable user" => {
                    let customer_side = who.ends_with("ba") || who.ends_with("pm");
                    let target = if customer_side {
                        w.project_manager.id
                    } else {
                        w.consultant.id
                    };
                    let action = route.split(' ').next().unwrap_or_default();
                    let path = format!("/api/v1/users/{target}/{action}");
                    let r = t.post(&path, &tok, &json!({})).await;
                    // Enabled again at once: the other callers still need it.
                    let restore = format!("/api/v1/users/{target}/enable");
                    t.post(&restore, &token("operator"), &json!({})).await;
                    r
                }
                "GET audit head" => t.get("/api/v1/audit/head", &tok).await,
                "program what-if" => {
                    let program = t.get("/api/v1/program", &token("operator")).await.body;
                    t.post("/api/v1/program/what-if", &tok, &program).await
                }
                "record training days" | "convert training days" => {
                    let body = json!({"agreement": w.agreement, "training_days": 1});
                    let last = if route.starts_with("record") {
                        "training-days"
                    } else {
                        "conversions"
                    };
                    t.post(
                        &format!("/api/v1/customers/{c}/benefit/{last}"),
                        &tok,
                        &body,
                    )
                    .await
                }
                _ => unreachable!(),
            };
            // "assign" of an already assigned voucher by the customer side would be 409; the
            // customer side assigns a fresh one above.
            assert_eq!(r.status.as_u16(), want, "{route} as {who}: {:?}", r.body);
        }
    }
}

/// The payment routes (registration, bank accounts, the rate card, claims):
/// every role of the own and of a foreign tenant gets what it should.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_in_its_own_and_a_foreign_tenant_gets_what_it_should_on_payment_routes() {
    use saps_app::payments::RateInput;
    use saps_core::Actor;
    let t = TestApp::new(Db::Sqlite, 1000).await;
    let w = t.world.clone();
    let app = t.app.clone();
    let op = t.token(&w.operator).await;
    let mut tokens: Vec<(&str, String)> = vec![("operator", op.clone())];
    for (label, user) in [
        ("ga", &w.partner_admin),
        ("consultant", &w.consultant),
        ("ba", &w.benefit_admin),
        ("pm", &w.project_manager),
    ] {
        tokens.push((label, t.token(user).await));
    }
    let p2 = w.enrolled_partner(&app, "FR", "f").await.unwrap();
    let c2 = t
        .post(
            "/api/v1/customers",
            &op,
            &json!({"name": "Foreign customer", "country": "IT"}),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (label, org, role) in [
        ("mpn", w.partner.id.to_string(), "mpn_admin"),
        ("foreign_ga", p2.id().to_string(), "global_admin"),
        ("foreign_mpn", p2.id().to_string(), "mpn_admin"),
        ("foreign_consultant", p2.id().to_string(), "consultant"),
        ("foreign_ba", c2.clone(), "benefit_admin"),
        ("foreign_pm", c2.clone(), "project_manager"),
    ] {
        let email = format!("{label}@pay.example");
        let r = t
            .post(
                &format!("/api/v1/orgs/{org}/users"),
                &op,
                &json!({"email": email, "name": label, "role": role, "password": "password-123"}),
            )
            .await;
        assert_eq!(r.status.as_u16(), 201, "{:?}", r.body);
        tokens.push((
            label,
            app.issue_token(&email, "password-123").await.unwrap().0,
        ));
    }
    let token = |label: &str| tokens.iter().find(|(l, _)| *l == label).unwrap().1.clone();
    let card = vec![RateInput {
        country: "FR".into(),
        amount: "1000".into(),
        currency: "EUR".into(),
        effective_from: jiff::civil::date(2020, 1, 1),
    }];
    let operator = Actor::of(&w.operator);
    let admin = Actor::of(&w.partner_admin);
    app.set_rate_card(&operator, card).await.unwrap();
    let mut vouchers = w
        .redeemed_vouchers(&app, 103, jiff::civil::date(2020, 11, 10))
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.to_string());
    app.set_bank_account(
        &admin,
        w.location.id,
        "Partner",
        "DE89370400440532013000",
        "COBADEFF",
    )
    .await
    .unwrap();
    let all = [
        "operator",
        "ga",
        "mpn",
        "consultant",
        "ba",
        "pm",
        "foreign_ga",
        "foreign_mpn",
        "foreign_consultant",
        "foreign_ba",
        "foreign_pm",
    ];
    type Row = (&'static str, [u16; 11]);
    let rows: [Row; 18] = [
        (
            "register for payment",
            [403, 201, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET registrations",
            [200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "PUT bank account",
            [403, 200, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET bank account",
            [200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET bank accounts",
            [200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET rate card",
            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ),
        (
            "PUT rate card",
            [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
        ),
        (
            "create claim",
            [403, 201, 201, 403, 403, 403, 404, 404, 403, 403, 403],
        ),
        (
            "GET claims",
            [200, 200, 200, 403, 403, 403, 200, 200, 403, 403, 403],
        ),
        (
            "GET claimable vouchers",
            [403, 200, 200, 403, 403, 403, 200, 200, 403, 403, 403],
        ),
        (
            "GET claim",
            [200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "submit claim",
            [403, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "approve claim",
            [200, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "reject claim",
            [200, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "pay claim",
            [200, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "dispute claim",
            [403, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET invoice",
            [200, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "withdraw claim",
            [403, 200, 200, 403, 404, 404, 404, 404, 404, 404, 404],
        ),
    ];
    let put = |path: String, tok: String, body: serde_json::Value| {
        let t = &t;
        async move { t.call(Method::PUT, &path, Some(&tok), Some(&body)).await }
    };
    let pid = w.partner.id;
    let lid = w.location.id;
    for (route, expected) in rows {
        for (who, want) in all.iter().zip(expected) {
            let tok = token(who);
            // A claim of a fresh voucher in the state the route acts on.
            let mut claim_in = |state: &'static str| {
                let code = vouchers.next().expect("enough redeemed vouchers");
                let app = app.clone();
                async move {
                    let c = app.create_claim(&admin, vec![code]).await.unwrap();
                    if state != "draft" {
                        app.submit_claim(&admin, c.id).await.unwrap();
                    }
                    match state {
                        "approved" => drop(app.approve_claim(&operator, c.id).await.unwrap()),
                        "rejected" => drop(app.reject_claim(&operator, c.id, "No").await.unwrap()),
                        _ => {}
                    }
                    c.id
                }
            };
            let r = match route {
                "register for payment" => {
                    let path = format!("/api/v1/partners/{pid}/payment-registrations");
                    t.post(&path, &tok, &json!({"offering": "SSDPS"})).await
                }
                "GET registrations" => {
                    t.get(
                        &format!("/api/v1/partners/{pid}/payment-registrations"),
                        &tok,
                    )
                    .await
                }
                "PUT bank account" => {
                    let body = json!({"holder": "Partner", "iban": "DE89 3704 0044 0532 0130 00",
                                      "bic": "COBADEFF"});
                    put(format!("/api/v1/locations/{lid}/bank-account"), tok, body).await
                }
                "GET bank account" => {
                    t.get(&format!("/api/v1/locations/{lid}/bank-account"), &tok)
                        .await
                }
                "GET bank accounts" => {
                    t.get(&format!("/api/v1/partners/{pid}/bank-accounts"), &tok)
                        .await
                }
                "GET rate card" => t.get("/api/v1/rate-card", &tok).await,
                "PUT rate card" => {
                    let body = json!({"rates": [{"country": "FR", "day_rate": {"amount": "1000",
                                      "currency": "EUR"}, "effective_from": "2020-01-01"}]});
                    put("/api/v1/rate-card".into(), tok, body).await
                }
                "create claim" => {
                    let code = vouchers.next().expect("enough redeemed vouchers");
                    t.post("/api/v1/claims", &tok, &json!({ "codes": [code] }))
                        .await
                }
                "GET claims" => t.get("/api/v1/claims", &tok).await,
                "GET claimable vouchers" => t.get("/api/v1/claims/claimable-vouchers", &tok).await,
                "GET claim" => {
                    let id = claim_in("draft").await;
                    t.get(&format!("/api/v1/claims/{id}"), &tok).await
                }
                "submit claim" => {
                    let id = claim_in("draft").await;
                    t.post(&format!("/api/v1/claims/{id}/submit"), &tok, &json!({}))
                        .await
                }
                "approve claim" => {
                    let id = claim_in("submitted").await;
                    t.post(&format!("/api/v1/claims/{id}/approve"), &tok, &json!({}))
                        .await
                }
                "reject claim" => {
                    let id = claim_in("submitted").await;
                    let body = json!({"reason": "Unsigned"});
                    t.post(&format!("/api/v1/claims/{id}/reject"), &tok, &body)
                        .await
                }
                "pay claim" => {
                    let id = claim_in("approved").await;
                    let body = json!({"payment_reference": "TRX"});
                    t.post(&format!("/api/v1/claims/{id}/pay"), &tok, &body)
                        .await
                }
                "dispute claim" => {
                    let id = claim_in("rejected").await;
                    let body = json!({"reason": "Signed"});
                    t.post(&format!("/api/v1/claims/{id}/dispute"), &tok, &body)
                        .await
                }
                "GET invoice" => {
                    let id = claim_in("submitted").await;
                    t.get(&format!("/api/v1/claims/{id}/invoice.pdf"), &tok)
                        .await
                }
                "withdraw claim" => {
                    let id = claim_in("draft").await;
                    t.post(&format!("/api/v1/claims/{id}/withdraw"), &tok, &json!({}))
                        .await
                }
                _ => unreachable!(),
            };
            assert_eq!(r.status.as_u16(), want, "{route} as {who}: {:?}", r.body);
        }
    }
}
