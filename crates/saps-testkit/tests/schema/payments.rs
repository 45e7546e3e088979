//! The payment operations for the schema test: each answered as documented.

use axum::http::{Method, StatusCode};
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

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

/// Payment: registration, bank accounts, the rate card and a claim's every
/// step, each as someone who may and with a refusal.
pub(crate) async fn payments(t: &TestApp, op: &str) {
    let w = &t.world;
    let pa = t.token(&w.partner_admin).await;
    let ba = t.token(&w.benefit_admin).await;
    let on = t.app.today().saturating_add(jiff::Span::new().days(5));
    let codes: Vec<String> = w
        .redeemed_vouchers(&t.app, 2, on)
        .await
        .expect("redeemed vouchers")
        .iter()
        .map(ToString::to_string)
        .collect();
    let (post, get, put) = (Method::POST, Method::GET, Method::PUT);
    let card = json!({"rates": [{"country": "FR", "day_rate": {"amount": "1234.50", "currency": "EUR"},
        "effective_from": "2020-01-01"}]});
    let (s, b) = send(
        t,
        put.clone(),
        "/api/v1/rate-card",
        Some(op),
        Some(card.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    send(t, put.clone(), "/api/v1/rate-card", Some(&pa), Some(card)).await;
    let bad = json!({"rates": [{"country": "FR", "day_rate": {"amount": "-1", "currency": "EUR"},
        "effective_from": "2020-01-01"}]});
    send(t, put.clone(), "/api/v1/rate-card", Some(op), Some(bad)).await;
    send(t, get.clone(), "/api/v1/rate-card", Some(&ba), None).await;
    let reg = format!("/api/v1/partners/{}/payment-registrations", w.partner.id);
    let (s, b) = send(
        t,
        post.clone(),
        &reg,
        Some(&pa),
        Some(json!({"offering": "SSDPS"})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    send(
        t,
        post.clone(),
        &reg,
        Some(&pa),
        Some(json!({"offering": "SSDPS"})),
    )
    .await;
    send(t, get.clone(), &reg, Some(&pa), None).await;
    let bank = format!("/api/v1/locations/{}/bank-account", w.location.id);
    let account =
        json!({"holder": "Partner", "iban": "DE89 3704 0044 0532 0130 00", "bic": "COBADEFF"});
    let (s, b) = send(t, put.clone(), &bank, Some(&pa), Some(account)).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let wrong =
        json!({"holder": "Partner", "iban": "DE88 3704 0044 0532 0130 00", "bic": "COBADEFF"});
    send(t, put.clone(), &bank, Some(&pa), Some(wrong)).await;
    send(t, get.clone(), &bank, Some(op), None).await;
    send(t, get.clone(), &bank, Some(&ba), None).await;
    let accounts = format!("/api/v1/partners/{}/bank-accounts", w.partner.id);
    send(t, get.clone(), &accounts, Some(&pa), None).await;
    send(
        t,
        get.clone(),
        "/api/v1/claims/claimable-vouchers",
        Some(&pa),
        None,
    )
    .await;
    let mut ids = Vec::new();
    for code in &codes {
        let (s, b) = send(
            t,
            post.clone(),
            "/api/v1/claims",
            Some(&pa),
            Some(json!({"codes": [code]})),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{b}");
        ids.push(b["id"].as_str().unwrap().to_owned());
    }
    send(
        t,
        post.clone(),
        "/api/v1/claims",
        Some(&pa),
        Some(json!({"codes": [codes[0]]})),
    )
    .await;
    send(
        t,
        post.clone(),
        "/api/v1/claims",
        Some(&pa),
        Some(json!({"codes": []})),
    )
    .await;
    let step = |id: &str, action: &str| format!("/api/v1/claims/{id}/{action}");
    // A draft withdrawn (the operator may not), then its voucher claimed again.
    send(t, post.clone(), &step(&ids[1], "withdraw"), Some(op), None).await;
    let (s, b) = send(t, post.clone(), &step(&ids[1], "withdraw"), Some(&pa), None).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    send(
        t,
        post.clone(),
        &step(&ids[1], "withdraw"),
        Some(&pa),
        Some(json!({})),
    )
    .await;
    let (s, b) = send(
        t,
        post.clone(),
        "/api/v1/claims",
        Some(&pa),
        Some(json!({"codes": [codes[1]]})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    ids[1] = b["id"].as_str().unwrap().to_owned();
    for id in &ids {
        let (s, b) = send(t, post.clone(), &step(id, "submit"), Some(&pa), None).await;
        assert_eq!(s, StatusCode::OK, "{b}");
    }
    send(
        t,
        post.clone(),
        &step(&ids[0], "submit"),
        Some(&pa),
        Some(json!({})),
    )
    .await;
    let (s, b) = send(t, post.clone(), &step(&ids[0], "approve"), Some(op), None).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let (s, b) = send(
        t,
        post.clone(),
        &step(&ids[0], "pay"),
        Some(op),
        Some(json!({"payment_reference": "T-1"})),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let (s, b) = send(
        t,
        post.clone(),
        &step(&ids[1], "reject"),
        Some(op),
        Some(json!({"reason": "No"})),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let (s, b) = send(
        t,
        post.clone(),
        &step(&ids[1], "dispute"),
        Some(&pa),
        Some(json!({"reason": "Yes"})),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    send(
        t,
        post.clone(),
        &step(&ids[1], "dispute"),
        Some(&ba),
        Some(json!({"reason": "Yes"})),
    )
    .await;
    send(
        t,
        get.clone(),
        &format!("/api/v1/claims/{}", ids[0]),
        Some(op),
        None,
    )
    .await;
    send(
        t,
        get.clone(),
        &format!("/api/v1/claims/{}", ids[1]),
        Some(&ba),
        None,
    )
    .await;
    send(
        t,
        get.clone(),
        "/api/v1/claims?state=paid,disputed&limit=1",
        Some(&pa),
        None,
    )
    .await;
    send(t, get.clone(), "/api/v1/claims?state=lost", Some(&pa), None).await;
    send(t, get.clone(), "/api/v1/claims", Some(&ba), None).await;
    // The invoice: a PDF for the claim's partner admin; another tenant's claim
    // is not found; an unknown language is refused.
    let invoice = format!("/api/v1/claims/{}/invoice.pdf", ids[0]);
    send(t, get.clone(), &invoice, Some(&pa), None).await;
    send(t, get.clone(), &invoice, Some(&ba), None).await;
    let lang = format!("{invoice}?lang=xx");
    send(t, get.clone(), &lang, Some(&pa), None).await;
}
