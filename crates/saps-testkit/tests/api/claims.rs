//! Payment (SAVB) on both databases: registration, bank accounts, the dated
//! rate card, claims through their whole lifecycle with amounts to the cent,
//! the claim window, disputes, tenancy, a claim race and every class of bad
//! input (which must change nothing).

use axum::http::{Method, StatusCode};
use jiff::civil::date;
use saps_testkit::both_databases;
use saps_testkit::testapp::{Answer, TestApp};
use serde_json::{Value, json};

use crate::delivery::{PDF, at, report, reserved, submit};

/// Vouchers of the world's partner reserved at `location` (the world's when
/// `None`) for 2020-12-01 to 2020-12-03, one per entry of `days` (1 or 3).
/// The clock must still be before 2020-12-01.
pub(crate) async fn reserve(t: &TestApp, days: &[u32], location: Option<&str>) -> Vec<String> {
    let ba = t.token(&t.world.benefit_admin).await;
    let pa = t.token(&t.world.partner_admin).await;
    let mut codes = Vec::new();
    for &d in days {
        let code = match location {
            None => reserved(t, d, "2020-12-03").await,
            Some(l) => {
                let v = crate::voucher(t, &ba, d).await;
                let code = v["code"].as_str().unwrap().to_owned();
                let a = t
                    .post(
                        &format!("/api/v1/vouchers/{code}/assign"),
                        &ba,
                        &json!({ "partner_id": t.world.partner.id }),
                    )
                    .await;
                assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
                let mut body = crate::reserve_body(t);
                body["location_id"] = json!(l);
                let r = t
                    .post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &body)
                    .await;
                assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
                code
            }
        };
        codes.push(code);
    }
    codes
}

/// Reports, signs off and redeems reserved vouchers on `on` (the clock moves there).
pub(crate) async fn redeem(t: &TestApp, codes: &[String], days: &[u32], on: jiff::civil::Date) {
    let pa = t.token(&t.world.partner_admin).await;
    let pm = t.token(&t.world.project_manager).await;
    at(t, on).await;
    for (code, &d) in codes.iter().zip(days) {
        let (onsite, offsite) = if d == 1 { (1, 0) } else { (d - 1, 1) };
        let r = submit(t, &pa, code, &report(onsite, offsite), &[("a.pdf", PDF)]).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        let s = t
            .post(
                &format!("/api/v1/vouchers/{code}/sign-off"),
                &pm,
                &json!({"accepted": true}),
            )
            .await;
        assert_eq!(s.status, StatusCode::OK, "{:?}", s.body);
    }
    let red = t
        .post("/api/v1/redemptions", &pa, &json!({ "codes": codes }))
        .await;
    assert_eq!(red.status, StatusCode::OK, "{:?}", red.body);
    for r in red.body["results"].as_array().unwrap() {
        assert_eq!(r["ok"], true, "{r:?}");
    }
}

/// Redeemed vouchers of the world's partner at its location, redeemed on 2020-12-10.
pub(crate) async fn redeemed(t: &TestApp, days: &[u32]) -> Vec<String> {
    let codes = reserve(t, days, None).await;
    redeem(t, &codes, days, date(2020, 12, 10)).await;
    codes
}

pub(crate) async fn put(t: &TestApp, path: &str, token: &str, body: &Value) -> Answer {
    t.call(Method::PUT, path, Some(token), Some(body)).await
}

pub(crate) fn rate(country: &str, amount: &str, currency: &str, from: &str) -> Value {
    json!({"country": country, "day_rate": {"amount": amount, "currency": currency},
           "effective_from": from})
}

/// The operator's rate card, the partner's registration for SSDPS and the
/// bank account of the world's location.
pub(crate) async fn ready_to_claim(t: &TestApp, rates: Value) {
    let op = t.token(&t.world.operator).await;
    let pa = t.token(&t.world.partner_admin).await;
    let r = put(t, "/api/v1/rate-card", &op, &json!({ "rates": rates })).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = t
        .post(
            &format!(
                "/api/v1/partners/{}/payment-registrations",
                t.world.partner.id
            ),
            &pa,
            &json!({"offering": "SSDPS"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let r = put(
        t,
        &format!("/api/v1/locations/{}/bank-account", t.world.location.id),
        &pa,
        &json!({"holder": "Partner t SARL", "iban": "fr14 2004 1010 0505 0001 3m02 606",
                "bic": "bnpafrpp"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

async fn claim(t: &TestApp, token: &str, codes: &[String]) -> Answer {
    t.post("/api/v1/claims", token, &json!({ "codes": codes }))
        .await
}

async fn step(t: &TestApp, token: &str, id: &str, action: &str, body: Value) -> Answer {
    t.post(&format!("/api/v1/claims/{id}/{action}"), token, &body)
        .await
}

async fn voucher_state(t: &TestApp, token: &str, code: &str) -> String {
    let v = t.get(&format!("/api/v1/vouchers/{code}"), token).await;
    v.body["state"].as_str().unwrap_or_default().to_owned()
}

async fn mails_to(t: &TestApp, to: &str) -> Vec<String> {
    let to = to.to_owned();
    t.app
        .read(move |tx| {
            Ok(tx
                .pending_mail(1000)?
                .into_iter()
                .filter(|m| m.to == to)
                .map(|m| m.subject)
                .collect())
        })
        .await
        .unwrap()
}

both_databases!(
    a_claim_goes_from_draft_to_paid_with_amounts_exact_to_the_cent,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let codes = redeemed(&t, &[1, 3]).await;
        ready_to_claim(
            &t,
            json!([
                rate("FR", "1000", "EUR", "2020-01-01"),
                rate("FR", "1234.55", "EUR", "2020-12-01"),
                rate("FR", "1500", "EUR", "2020-12-11"),
                rate("IT", "990.10", "EUR", "2020-01-01"),
            ]),
        )
        .await;
        let pa = t.token(&t.world.partner_admin).await;
        let op = t.token(&t.world.operator).await;
        let c = claim(&t, &pa, &codes).await;
        assert_eq!(c.status, StatusCode::CREATED, "{:?}", c.body);
        let b = &c.body;
        assert_eq!(b["state"], "draft");
        assert_eq!(b["reference"], "SAVB-2020-000001");
        assert_eq!(b["location_id"], json!(t.world.location.id));
        // The rate in force on the redemption date (2020-12-10): 1234.55.
        assert_eq!(b["total"], json!({"amount": "4938.20", "currency": "EUR"}));
        assert_eq!(b["lines"][0]["code"], json!(codes[0]));
        assert_eq!(b["lines"][0]["days"], 1);
        assert_eq!(b["lines"][0]["country"], "FR");
        assert_eq!(b["lines"][0]["day_rate"]["amount"], "1234.55");
        assert_eq!(b["lines"][0]["amount"]["amount"], "1234.55");
        assert_eq!(b["lines"][1]["amount"]["amount"], "3703.65");
        assert_eq!(b["bank_account"]["iban"], "***********************2606");
        let id = b["id"].as_str().unwrap().to_owned();
        for code in &codes {
            assert_eq!(voucher_state(&t, &pa, code).await, "claimed");
        }
        let r = step(&t, &pa, &id, "submit", json!({})).await;
        assert_eq!(
            (r.status, r.body["state"].as_str()),
            (StatusCode::OK, Some("submitted"))
        );
        at(&t, date(2020, 12, 20)).await;
        let r = step(&t, &op, &id, "approve", json!({})).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "approved");
        assert_eq!(r.body["payment_due_on"], "2021-01-19");
        // The operator sees the IBAN whole.
        assert_eq!(
            r.body["bank_account"]["iban"],
            "FR1420041010050500013M02606"
        );
        let r = step(
            &t,
            &op,
            &id,
            "pay",
            json!({"payment_reference": "TRX-2020-77"}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "paid");
        assert_eq!(r.body["payment_reference"], "TRX-2020-77");
        for code in &codes {
            assert_eq!(voucher_state(&t, &pa, code).await, "paid");
        }
        let got = t.get(&format!("/api/v1/claims/{id}"), &pa).await;
        let states: Vec<&str> = got.body["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["state"].as_str().unwrap())
            .collect();
        assert_eq!(states, ["draft", "submitted", "approved", "paid"]);
        assert_eq!(got.body["total"]["amount"], "4938.20");
        let list = t.get("/api/v1/claims?state=paid", &pa).await;
        assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
        let list = t.get("/api/v1/claims?state=draft,submitted", &op).await;
        assert!(list.body["items"].as_array().unwrap().is_empty());
        let subjects = mails_to(&t, &t.world.partner_admin.email).await;
        for word in ["approved", "paid"] {
            assert!(
                subjects
                    .iter()
                    .any(|s| s.contains("SAVB-2020-000001") && s.contains(word)),
                "{word}: {subjects:?}"
            );
        }
        let v = t.get(&format!("/api/v1/vouchers/{}", codes[1]), &pa).await;
        let kinds: Vec<&str> = v.body["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        assert!(
            kinds.ends_with(&["voucher.redeemed", "voucher.claimed", "voucher.paid"]),
            "{kinds:?}"
        );
        let report = t.app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);

both_databases!(
    a_rejection_frees_the_vouchers_and_a_dispute_within_thirty_days_is_decided_once,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let codes = redeemed(&t, &[1, 1]).await;
        ready_to_claim(&t, json!([rate("FR", "800.10", "EUR", "2020-01-01")])).await;
        let pa = t.token(&t.world.partner_admin).await;
        let op = t.token(&t.world.operator).await;
        let first = claim(&t, &pa, &codes[..1]).await.body["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let second = claim(&t, &pa, &codes[1..]).await.body["id"]
            .as_str()
            .unwrap()
            .to_owned();
        for id in [&first, &second] {
            assert_eq!(
                step(&t, &pa, id, "submit", json!({})).await.status,
                StatusCode::OK
            );
        }
        let r = step(
            &t,
            &op,
            &first,
            "reject",
            json!({"reason": "The report is unsigned"}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "rejected");
        assert_eq!(r.body["dispute_until"], "2021-01-09");
        assert_eq!(voucher_state(&t, &pa, &codes[0]).await, "redeemed");
        assert!(
            mails_to(&t, &t.world.partner_admin.email)
                .await
                .iter()
                .any(|s| s.contains("rejected"))
        );
        let r = step(
            &t,
            &pa,
            &first,
            "dispute",
            json!({"reason": "It is signed, see page 2"}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "disputed");
        assert_eq!(voucher_state(&t, &pa, &codes[0]).await, "claimed");
        let r = step(
            &t,
            &op,
            &first,
            "reject",
            json!({"reason": "Still unsigned"}),
        )
        .await;
        assert_eq!(r.body["state"], "rejected");
        assert_eq!(r.body["dispute_until"], Value::Null);
        assert_eq!(voucher_state(&t, &pa, &codes[0]).await, "redeemed");
        let events = t.event_count().await;
        let r = step(&t, &pa, &first, "dispute", json!({"reason": "Again"})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "rule.already_disputed")
        );
        // A rejected voucher may be claimed again within its window.
        let again = claim(&t, &pa, &codes[..1]).await;
        assert_eq!(again.status, StatusCode::CREATED, "{:?}", again.body);
        assert_eq!(again.body["reference"], "SAVB-2020-000003");
        assert_eq!(t.event_count().await, events + 2);
        // The second claim's rejection may be disputed until 30 days after it.
        let r = step(&t, &op, &second, "reject", json!({"reason": "Duplicate"})).await;
        assert_eq!(r.status, StatusCode::OK);
        at(&t, date(2021, 1, 10)).await;
        let events = t.event_count().await;
        let r = step(&t, &pa, &second, "dispute", json!({"reason": "Late"})).await;
        assert_eq!(
            (r.status, r.code()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule.dispute_window_closed"
            )
        );
        assert_eq!(t.event_count().await, events);
        let got = t.get(&format!("/api/v1/claims/{second}"), &pa).await;
        assert_eq!(got.body["state"], "rejected");
        // Its voucher is still within its window (until 2021-02-08).
        let third = claim(&t, &pa, &codes[1..]).await;
        assert_eq!(third.status, StatusCode::CREATED, "{:?}", third.body);
    }
);

both_databases!(
    the_claim_window_closes_sixty_days_after_redemption,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let codes = redeemed(&t, &[1, 1]).await;
        ready_to_claim(&t, json!([rate("FR", "1000", "EUR", "2020-01-01")])).await;
        let pa = t.token(&t.world.partner_admin).await;
        // Redeemed on 2020-12-10: the last day to claim is 2021-02-08.
        at(&t, date(2021, 2, 8)).await;
        let list = t.get("/api/v1/claims/claimable-vouchers", &pa).await;
        assert_eq!(list.status, StatusCode::OK, "{:?}", list.body);
        assert_eq!(list.body["items"][0]["claim_until"], "2021-02-08");
        assert_eq!(list.body["items"][0]["days_left"], 0);
        assert_eq!(list.body["items"][0]["amount"]["amount"], "1000.00");
        let ok = claim(&t, &pa, &codes[..1]).await;
        assert_eq!(ok.status, StatusCode::CREATED, "{:?}", ok.body);
        assert_eq!(ok.body["reference"], "SAVB-2021-000001");
        let id = ok.body["id"].as_str().unwrap().to_owned();
        at(&t, date(2021, 2, 9)).await;
        let events = t.event_count().await;
        let late = claim(&t, &pa, &codes[1..]).await;
        assert_eq!(
            (late.status, late.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "rule.claim_window_closed")
        );
        let r = step(&t, &pa, &id, "submit", json!({})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "rule.claim_window_closed")
        );
        assert_eq!(t.event_count().await, events);
        assert_eq!(voucher_state(&t, &pa, &codes[1]).await, "redeemed");
        let list = t.get("/api/v1/claims/claimable-vouchers", &pa).await;
        assert!(list.body["items"].as_array().unwrap().is_empty());
    }
);

both_databases!(
    concurrent_claims_of_one_voucher_create_exactly_one_and_references_never_repeat,
    |db| async move {
        let t = std::sync::Arc::new(TestApp::new(db, 30).await);
        let codes = redeemed(&t, &[1, 1, 1, 1]).await;
        ready_to_claim(&t, json!([rate("FR", "1000", "EUR", "2020-01-01")])).await;
        let pa = t.token(&t.world.partner_admin).await;
        let events = t.event_count().await;
        let mut tasks = Vec::new();
        for i in 0..8 {
            let (t, pa) = (t.clone(), pa.clone());
            // Eight claims of the first voucher, and one of each other voucher.
            let code = if i < 5 {
                codes[0].clone()
            } else {
                codes[i - 4].clone()
            };
            tasks.push(tokio::spawn(async move {
                let r = claim(&t, &pa, &[code]).await;
                (
                    r.status,
                    r.code().to_owned(),
                    r.body["reference"].as_str().map(str::to_owned),
                )
            }));
        }
        let mut references = Vec::new();
        let mut refused = 0;
        for task in tasks {
            let (status, code, reference) = task.await.unwrap();
            match status {
                StatusCode::CREATED => references.push(reference.unwrap()),
                StatusCode::CONFLICT => {
                    assert_eq!(code, "voucher.conflict");
                    refused += 1;
                }
                other => panic!("unexpected {other} {code}"),
            }
        }
        assert_eq!((references.len(), refused), (4, 4));
        references.sort();
        references.dedup();
        assert_eq!(references.len(), 4, "every claim has its own reference");
        // Per claim: the claim's event and its one voucher's.
        assert_eq!(t.event_count().await, events + 8);
        let report = t.app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);

both_databases!(
    another_tenants_claims_bank_accounts_and_registrations_are_not_found,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let codes = redeemed(&t, &[1]).await;
        ready_to_claim(&t, json!([rate("FR", "1000", "EUR", "2020-01-01")])).await;
        let pa = t.token(&t.world.partner_admin).await;
        let id = claim(&t, &pa, &codes).await.body["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let other = t.world.enrolled_partner(&t.app, "IT", "x").await.unwrap();
        let foreign = t.token(&other.admin).await;
        let ba = t.token(&t.world.benefit_admin).await;
        let events = t.event_count().await;
        let r = t.get(&format!("/api/v1/claims/{id}"), &foreign).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "claim.not_found")
        );
        let r = step(&t, &foreign, &id, "submit", json!({})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "claim.not_found")
        );
        let r = t.get(&format!("/api/v1/claims/{id}"), &ba).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "claim.not_found")
        );
        let r = t.get("/api/v1/claims", &ba).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = t.get("/api/v1/claims", &foreign).await;
        assert!(r.body["items"].as_array().unwrap().is_empty());
        // Its vouchers are another partner's: not found.
        let r = claim(&t, &foreign, &codes).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "voucher.not_found")
        );
        let bank = format!("/api/v1/locations/{}/bank-account", t.world.location.id);
        let r = t.get(&bank, &foreign).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "location.not_found")
        );
        let r = put(
            &t,
            &bank,
            &foreign,
            &json!({"holder": "X", "iban": "DE89370400440532013000",
                                                  "bic": "COBADEFF"}),
        )
        .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "location.not_found")
        );
        let reg = format!(
            "/api/v1/partners/{}/payment-registrations",
            t.world.partner.id
        );
        let r = t.post(&reg, &foreign, &json!({"offering": "SSDPS"})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "partner.not_found")
        );
        assert_eq!(t.event_count().await, events);
        // The own partner sees its IBAN masked; the journal keeps it masked.
        let r = t.get(&bank, &pa).await;
        assert_eq!(r.body["iban"], "***********************2606");
        assert_eq!(r.body["masked"], true);
        let feed = t.get("/api/v1/events?after=0", &pa).await;
        let set = feed.body["items"]
            .as_array()
            .or(feed.body.as_array())
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "bank_account.set")
            .cloned()
            .unwrap();
        assert_eq!(set["payload"]["iban"], "***********************2606");
    }
);

/// Sends `body` to `path` (POST, or PUT when `put_it`) and checks the refusal.
async fn refused(
    t: &TestApp,
    token: &str,
    what: &str,
    (put_it, path, body): (bool, String, Value),
    (status, code): (StatusCode, &str),
) {
    let r = if put_it {
        put(t, &path, token, &body).await
    } else {
        t.post(&path, token, &body).await
    };
    assert_eq!((r.status, r.code()), (status, code), "{what}: {:?}", r.body);
}

fn claims_body(codes: &[&String]) -> (bool, String, Value) {
    (
        false,
        "/api/v1/claims".to_owned(),
        json!({ "codes": codes }),
    )
}

const UNP: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;
const CONFLICT: StatusCode = StatusCode::CONFLICT;

both_databases!(
    every_class_of_bad_payment_input_is_refused_with_its_code_and_changes_nothing,
    |db| async move {
        let t = TestApp::new(db, 40).await;
        let pa = t.token(&t.world.partner_admin).await;
        let op = t.token(&t.world.operator).await;
        let ba = t.token(&t.world.benefit_admin).await;
        // A second location of the partner, approved for SSDPS too.
        let locations = format!("/api/v1/partners/{}/locations", t.world.partner.id);
        let l2 = t
            .post(
                &locations,
                &pa,
                &json!({"name": "Lyon", "country": "FR", "city": "Lyon"}),
            )
            .await;
        let l2 = l2.body["id"].as_str().unwrap().to_owned();
        let enroll = format!("/api/v1/partners/{}/enrollments", t.world.partner.id);
        let body = json!({"offering": "SSDPS", "location_ids": [t.world.location.id, l2]});
        let e = t.post(&enroll, &pa, &body).await;
        assert_eq!(e.status, StatusCode::CREATED, "{:?}", e.body);
        let own = reserve(&t, &[1, 1, 1], None).await;
        let at_l2 = reserve(&t, &[1], Some(&l2)).await;
        let later = reserve(&t, &[1], None).await;
        redeem(&t, &own, &[1, 1, 1], date(2020, 12, 10)).await;
        redeem(&t, &at_l2, &[1], date(2020, 12, 20)).await;
        redeem(&t, &later, &[1], date(2020, 12, 21)).await;
        let unredeemed = crate::voucher(&t, &ba, 1).await["code"]
            .as_str()
            .unwrap()
            .to_owned();
        let assign = format!("/api/v1/vouchers/{unredeemed}/assign");
        let a = t
            .post(&assign, &ba, &json!({"partner_id": t.world.partner.id}))
            .await;
        assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
        let other = t.world.enrolled_partner(&t.app, "FR", "o").await.unwrap();
        let foreign = crate::voucher(&t, &ba, 1).await["code"]
            .as_str()
            .unwrap()
            .to_owned();
        let assign = format!("/api/v1/vouchers/{foreign}/assign");
        let a = t
            .post(&assign, &ba, &json!({"partner_id": other.id()}))
            .await;
        assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
        let reg = format!(
            "/api/v1/partners/{}/payment-registrations",
            t.world.partner.id
        );
        let bank = format!("/api/v1/locations/{}/bank-account", t.world.location.id);
        let card = "/api/v1/rate-card".to_owned();
        let events = t.event_count().await;
        // Before any registration: the claim names what is missing.
        let what = "not registered";
        let want = (UNP, "rule.not_registered_for_payment");
        refused(&t, &pa, what, claims_body(&[&own[0]]), want).await;
        let iban = |holder: &str, iban: &str, bic: &str| json!({"holder": holder, "iban": iban, "bic": bic});
        let de = "DE89 3704 0044 0532 0130 00";
        for (what, body, want) in [
            (
                "bad check digit",
                iban("H", "DE88 3704 0044 0532 0130 00", "COBADEFF"),
                "validation.iban",
            ),
            (
                "bad length",
                iban("H", "DE89 3704 0044 0532 0130 0", "COBADEFF"),
                "validation.iban",
            ),
            (
                "bad country",
                iban("H", "ZZ89 3704 0044 0532 0130 00", "COBADEFF"),
                "validation.iban",
            ),
            ("bad BIC", iban("H", de, "COBA1EFF"), "validation.bic"),
            ("BIC of 9", iban("H", de, "COBADEFF1"), "validation.bic"),
            ("no holder", iban(" ", de, "COBADEFF"), "validation.holder"),
        ] {
            refused(&t, &pa, what, (true, bank.clone(), body), (UNP, want)).await;
        }
        let offering = |o: &str| (false, reg.clone(), json!({ "offering": o }));
        refused(
            &t,
            &pa,
            "unknown offering",
            offering("NOPE"),
            (UNP, "rule.unknown_offering"),
        )
        .await;
        let what = "offering without a redeemed voucher";
        refused(
            &t,
            &pa,
            what,
            offering("DDPS"),
            (UNP, "rule.no_redeemed_voucher"),
        )
        .await;
        let number = json!([{"country": "FR", "day_rate": {"amount": 10.5, "currency": "EUR"},
                             "effective_from": "2020-01-01"}]);
        let duplicate = json!([
            rate("FR", "10", "EUR", "2020-01-01"),
            rate("FR", "12", "EUR", "2020-01-01")
        ]);
        for (what, rates, status, want) in [
            (
                "negative",
                json!([rate("FR", "-10.00", "EUR", "2020-01-01")]),
                UNP,
                "validation.day_rate",
            ),
            (
                "not a number",
                json!([rate("FR", "ten", "EUR", "2020-01-01")]),
                UNP,
                "validation.day_rate",
            ),
            ("a JSON number", number, UNP, "validation.day_rate"),
            (
                "too precise",
                json!([rate("FR", "10.005", "EUR", "2020-01-01")]),
                UNP,
                "validation.day_rate",
            ),
            (
                "unknown currency",
                json!([rate("FR", "10", "XYZ", "2020-01-01")]),
                UNP,
                "validation.currency",
            ),
            (
                "bad country",
                json!([rate("France", "10", "EUR", "2020-01-01")]),
                UNP,
                "validation.country",
            ),
            (
                "bad date",
                json!([rate("FR", "10", "EUR", "2020-13-01")]),
                StatusCode::BAD_REQUEST,
                "validation.effective_from",
            ),
            (
                "duplicate country and date",
                duplicate,
                UNP,
                "rule.duplicate_rate",
            ),
        ] {
            refused(
                &t,
                &op,
                what,
                (true, card.clone(), json!({ "rates": rates })),
                (status, want),
            )
            .await;
        }
        let one = json!({"rates": [rate("FR", "10", "EUR", "2020-01-01")]});
        let want = (StatusCode::FORBIDDEN, "auth.forbidden");
        refused(
            &t,
            &pa,
            "a partner writes the rate card",
            (true, card.clone(), one),
            want,
        )
        .await;
        assert_eq!(t.event_count().await, events, "nothing changed");
        assert_eq!(t.get(&card, &pa).await.body, json!({"rates": []}));
        assert_eq!(t.get(&bank, &pa).await.code(), "bank_account.not_found");
        // Registered, but no rate in force on the redemption date yet.
        let r = t.post(&reg, &pa, &json!({"offering": "SSDPS"})).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        let want = (CONFLICT, "payment_registration.conflict");
        refused(&t, &pa, "registered twice", offering("ssdps"), want).await;
        let r = put(
            &t,
            &card,
            &op,
            &json!({"rates": [rate("FR", "900", "EUR", "2020-12-15")]}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        refused(
            &t,
            &pa,
            "no rate in force",
            claims_body(&[&own[0]]),
            (UNP, "rule.no_rate_in_force"),
        )
        .await;
        // The rate changes currency on 2020-12-15.
        let both = json!({"rates": [rate("FR", "900", "EUR", "2020-01-01"), rate("FR", "950", "CHF", "2020-12-15")]});
        let r = put(&t, &card, &op, &both).await;
        assert_eq!(r.status, StatusCode::OK);
        let events = t.event_count().await;
        let unknown = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ".to_owned();
        let nf = StatusCode::NOT_FOUND;
        for (what, codes, status, want) in [
            ("no codes", vec![], UNP, "validation.codes"),
            (
                "a code twice",
                vec![&own[0], &own[0]],
                UNP,
                "validation.codes",
            ),
            (
                "unredeemed",
                vec![&unredeemed],
                UNP,
                "rule.voucher_not_redeemed",
            ),
            ("another partner's", vec![&foreign], nf, "voucher.not_found"),
            ("unknown", vec![&unknown], nf, "voucher.not_found"),
            (
                "two locations",
                vec![&own[0], &at_l2[0]],
                UNP,
                "rule.claim_mixed_locations",
            ),
            (
                "two currencies",
                vec![&own[0], &later[0]],
                UNP,
                "rule.claim_mixed_currencies",
            ),
        ] {
            refused(&t, &pa, what, claims_body(&codes), (status, want)).await;
        }
        assert_eq!(t.event_count().await, events, "nothing changed");
        // A draft without the location's bank account cannot be submitted;
        // wrong-state steps are conflicts.
        let c = claim(&t, &pa, &own[..1]).await;
        assert_eq!(c.status, StatusCode::CREATED, "{:?}", c.body);
        let id = c.body["id"].as_str().unwrap().to_owned();
        let events = t.event_count().await;
        refused(
            &t,
            &pa,
            "claimed twice",
            claims_body(&[&own[0]]),
            (CONFLICT, "voucher.conflict"),
        )
        .await;
        let path = |a: &str, body: Value| (false, format!("/api/v1/claims/{id}/{a}"), body);
        let forbidden = (StatusCode::FORBIDDEN, "auth.forbidden");
        let wrong_state = (CONFLICT, "claim.conflict");
        let no_bank = (UNP, "rule.bank_account_missing");
        refused(
            &t,
            &pa,
            "no bank account",
            path("submit", json!({})),
            no_bank,
        )
        .await;
        refused(
            &t,
            &op,
            "approve a draft",
            path("approve", json!({})),
            wrong_state,
        )
        .await;
        let paid = json!({"payment_reference": "X"});
        refused(&t, &op, "pay a draft", path("pay", paid), wrong_state).await;
        let why = json!({"reason": "X"});
        refused(
            &t,
            &op,
            "reject a draft",
            path("reject", why.clone()),
            wrong_state,
        )
        .await;
        refused(
            &t,
            &pa,
            "dispute a draft",
            path("dispute", why),
            wrong_state,
        )
        .await;
        refused(
            &t,
            &pa,
            "a partner approves",
            path("approve", json!({})),
            forbidden,
        )
        .await;
        refused(
            &t,
            &op,
            "the operator submits",
            path("submit", json!({})),
            forbidden,
        )
        .await;
        let unknown_claim = (
            false,
            format!("/api/v1/claims/{}/submit", uuid::Uuid::now_v7()),
            json!({}),
        );
        refused(
            &t,
            &pa,
            "an unknown claim",
            unknown_claim,
            (nf, "claim.not_found"),
        )
        .await;
        assert_eq!(t.event_count().await, events, "nothing changed");
        let got = t.get(&format!("/api/v1/claims/{id}"), &pa).await;
        let state = (got.body["state"].as_str(), got.body["version"].as_u64());
        assert_eq!(state, (Some("draft"), Some(0)));
        assert_eq!(voucher_state(&t, &pa, &own[1]).await, "redeemed");
    }
);

both_databases!(
    the_demo_has_a_rate_card_a_registered_partner_claims_in_every_state_and_vouchers_to_claim,
    |db| async move {
        use saps_core::payment::ClaimState;
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
        assert_eq!(app.today(), saps_app::demo::demo_date());
        let op = app
            .read(|tx| Ok(tx.user_by_email("operator@saps.example")?))
            .await
            .unwrap()
            .unwrap();
        let op = saps_core::Actor::of(&op);
        let page = app.claims(&op, vec![], None, 500).await.unwrap();
        for state in ClaimState::ALL {
            assert!(
                page.items.iter().any(|c| c.state == state),
                "a {state:?} claim"
            );
        }
        let paid = page
            .items
            .iter()
            .find(|c| c.state == ClaimState::Paid)
            .unwrap();
        // Two Paris days redeemed on 2020-09-21 at the rate from 2020-09-01.
        assert_eq!(
            (paid.total.amount.as_str(), paid.total.currency.as_str()),
            ("2400.00", "EUR")
        );
        let card = app.rate_card(&op).await.unwrap();
        let countries: std::collections::BTreeSet<&str> =
            card.rates.iter().map(|r| r.country.as_str()).collect();
        assert!(
            ["FR", "IT", "BR", "RU", "US"]
                .iter()
                .all(|c| countries.contains(c)),
            "{countries:?}"
        );
        let admin = app
            .read(|tx| Ok(tx.user_by_email("gabriel.global-admin@northwind.example")?))
            .await
            .unwrap()
            .unwrap();
        let admin = saps_core::Actor::of(&admin);
        let ready = app.claimable_vouchers(&admin).await.unwrap();
        assert!(ready.len() >= 3, "{ready:?}");
        assert_eq!(
            app.bank_accounts(&admin, admin.org_id).await.unwrap().len(),
            2
        );
        let report = app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);

both_databases!(
    a_draft_is_withdrawn_by_its_partner_only_and_frees_its_vouchers,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let codes = redeemed(&t, &[1, 3, 1]).await;
        ready_to_claim(&t, json!([rate("FR", "800.10", "EUR", "2020-01-01")])).await;
        let pa = t.token(&t.world.partner_admin).await;
        let op = t.token(&t.world.operator).await;
        let other = t.world.enrolled_partner(&t.app, "IT", "w").await.unwrap();
        let foreign = t.token(&other.admin).await;
        let draft = claim(&t, &pa, &codes[..2]).await;
        assert_eq!(draft.status, StatusCode::CREATED, "{:?}", draft.body);
        let id = draft.body["id"].as_str().unwrap().to_owned();
        let submitted = claim(&t, &pa, &codes[2..]).await.body["id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            step(&t, &pa, &submitted, "submit", json!({})).await.status,
            StatusCode::OK
        );
        // Refusals change nothing: the operator may not, another company's
        // admin does not see it, a submitted claim is no draft.
        let events = t.event_count().await;
        let r = step(&t, &op, &id, "withdraw", json!({})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::FORBIDDEN, "auth.forbidden")
        );
        let r = step(&t, &foreign, &id, "withdraw", json!({})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "claim.not_found")
        );
        let r = step(&t, &pa, &submitted, "withdraw", json!({})).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::CONFLICT, "claim.conflict")
        );
        let r = step(&t, &pa, &id, "withdraw", json!({"why": "no"})).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.body);
        assert_eq!(t.event_count().await, events);
        for code in &codes {
            assert_eq!(voucher_state(&t, &pa, code).await, "claimed");
        }

        let r = step(&t, &pa, &id, "withdraw", json!({})).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "withdrawn");
        assert_eq!(r.body["reference"], draft.body["reference"]);
        let states: Vec<&str> = r.body["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["state"].as_str().unwrap())
            .collect();
        assert_eq!(states, ["draft", "withdrawn"]);
        // The claim and each of its two vouchers are journaled.
        assert_eq!(t.event_count().await, events + 3);
        let feed = t.get("/api/v1/events?after=0", &pa).await;
        let withdrawn = feed.body["items"]
            .as_array()
            .or(feed.body.as_array())
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "claim.withdrawn")
            .cloned()
            .expect("claim.withdrawn in the partner's feed");
        assert_eq!(withdrawn["payload"]["claim_id"], json!(id));
        for code in &codes[..2] {
            assert_eq!(voucher_state(&t, &pa, code).await, "redeemed");
            let v = t.get(&format!("/api/v1/vouchers/{code}"), &pa).await;
            let last = v.body["history"]
                .as_array()
                .unwrap()
                .last()
                .cloned()
                .unwrap();
            assert_eq!(last["kind"], "voucher.unclaimed");
        }
        assert_eq!(voucher_state(&t, &pa, &codes[2]).await, "claimed");
        // Once withdrawn, no step applies, the second withdrawal included.
        let events = t.event_count().await;
        for (action, body) in [
            ("withdraw", json!({})),
            ("submit", json!({})),
            ("dispute", json!({"reason": "x"})),
        ] {
            let r = step(&t, &pa, &id, action, body).await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::CONFLICT, "claim.conflict"),
                "{action}"
            );
        }
        for (action, body) in [
            ("approve", json!({})),
            ("reject", json!({"reason": "x"})),
            ("pay", json!({"payment_reference": "x"})),
        ] {
            let r = step(&t, &op, &id, action, body).await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::CONFLICT, "claim.conflict"),
                "{action}"
            );
        }
        assert_eq!(t.event_count().await, events);
        // The partner lists it as withdrawn; the operator's queue does not hold it.
        let list = t.get("/api/v1/claims?state=withdrawn", &pa).await;
        assert_eq!(list.status, StatusCode::OK, "{:?}", list.body);
        let items = list.body["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["id"], json!(id));
        let queue = t.get("/api/v1/claims?state=submitted,disputed", &op).await;
        let ids: Vec<&str> = queue.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [submitted.as_str()]);
        // Its vouchers are free to be claimed again, in a claim of their own.
        let ready = t.get("/api/v1/claims/claimable-vouchers", &pa).await;
        let free: Vec<&str> = ready.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["code"].as_str().unwrap())
            .collect();
        assert!(free.contains(&codes[0].as_str()) && free.contains(&codes[1].as_str()));
        let again = claim(&t, &pa, &codes[..2]).await;
        assert_eq!(again.status, StatusCode::CREATED, "{:?}", again.body);
        assert_eq!(again.body["total"]["amount"], "3200.40");
        let report = t.app.check_invariants().await.unwrap();
        assert!(report.violations.is_empty(), "{:?}", report.violations);
    }
);
