//! Delivery in the UI: the partner's completion report form (multipart with
//! its CSRF token; a refusal shown beside its field, what was typed kept),
//! the report and files on the voucher page, the receipt to download, and
//! the customer's sign-off (a decline needs a comment).

use crate::browser::{Browser, Page};
use axum::body::Body;
use axum::http::StatusCode;
use jiff::civil::date;
use saps_app::ReserveInput;
use saps_app::fixtures::PASSWORD;
use saps_core::Actor;

const B: &str = "ui-delivery-boundary";

async fn post_report(
    b: &mut Browser<'_>,
    path: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> Page {
    let mut body = Vec::new();
    let mut part = |name: &str, value: &str| {
        body.extend_from_slice(
            format!("--{B}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    };
    part("csrf", csrf);
    for (k, v) in fields {
        part(k, v);
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{B}\r\nContent-Disposition: form-data; name=\"deliverable\"; filename=\"{name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{B}--\r\n").as_bytes());
    let req = b
        .request("POST", path)
        .header("content-type", format!("multipart/form-data; boundary={B}"))
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body))
        .unwrap();
    b.send(req).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_reports_with_a_file_and_the_customer_signs_off() {
    let ui = crate::browser::Ui::new().await;
    let w = &ui.world;
    let code = ui.assigned_voucher().await;
    let pa = Actor::of(&w.partner_admin);
    ui.app
        .reserve_voucher(
            &pa,
            code,
            ReserveInput {
                location_id: w.location.id,
                consultant_id: w.consultant.id,
                start_date: date(2020, 12, 1),
                end_date: date(2020, 12, 1),
                accept_terms: true,
                delivery_country: None,
            },
        )
        .await
        .unwrap();
    ui.app
        .set_clock(&Actor::of(&w.operator), date(2020, 12, 5))
        .unwrap();
    let mut partner = ui.browser("en");
    partner.sign_in(&w.partner_admin.email, PASSWORD).await;
    let path = format!("/vouchers/{code}");
    let page = partner.get(&path).await;
    assert!(page.has("enctype=\"multipart/form-data\""), "{}", page.body);
    let csrf = page.csrf();
    let action = format!("{path}/completion-report");
    let good = [
        ("delivered_from", "2020-12-01"),
        ("delivered_to", "2020-12-01"),
        ("days_onsite", "1"),
        ("days_offsite", "0"),
        ("summary", "Workshop held"),
        ("next_steps", "Pilot"),
    ];
    // Without a token: refused, nothing stored.
    let r = post_report(
        &mut partner,
        &action,
        "wrong",
        &good,
        Some(("r.pdf", b"%PDF-1.4")),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A disguised file: the rule beside the file input, what was typed kept.
    let r = post_report(
        &mut partner,
        &action,
        &csrf,
        &good,
        Some(("r.pdf", b"<html>x</html>")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.has("id=\"deliverable-error\""), "{}", r.body);
    assert!(r.has("Workshop held"), "{}", r.body);
    let mut wrong = good;
    wrong[2] = ("days_onsite", "2");
    let r = post_report(
        &mut partner,
        &action,
        &csrf,
        &wrong,
        Some(("r.pdf", b"%PDF-1.4")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.has("id=\"days_onsite-error\""), "{}", r.body);
    let r = post_report(
        &mut partner,
        &action,
        &csrf,
        &good,
        Some(("r.pdf", b"%PDF-1.4")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = partner.get(r.location()).await;
    assert!(
        page.has("The completion report is submitted"),
        "{}",
        page.body
    );
    assert!(page.has("Awaiting sign-off"));
    assert!(page.has(&format!("/vouchers/{code}/receipt")));
    let receipt = partner.get(&format!("/vouchers/{code}/receipt")).await;
    assert_eq!(receipt.status, StatusCode::OK);
    assert!(
        receipt.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );

    // The project manager reads it, may not decline without a comment, accepts.
    let mut pm = ui.browser("fr");
    pm.sign_in(&w.project_manager.email, PASSWORD).await;
    let home = pm.get("/").await;
    assert!(home.has("En attente de votre validation"), "{}", home.body);
    assert!(
        home.has(&format!("href=\"/vouchers/{code}\"")),
        "{}",
        home.body
    );
    let page = pm.get(&path).await;
    assert!(page.has("Valider la prestation"), "{}", page.body);
    let sign = format!("{path}/sign-off");
    let r = pm
        .submit(&path, &sign, &[("decision", "decline"), ("comment", "")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.has("id=\"comment-error\""), "{}", r.body);
    let r = pm
        .submit(&path, &sign, &[("decision", "accept"), ("comment", "")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = pm.get(r.location()).await;
    assert!(page.has("La prestation est validée"), "{}", page.body);
    assert!(!page.has(&format!("action=\"{sign}\"")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_selects_confirms_and_redeems_signed_off_vouchers() {
    let ui = crate::browser::Ui::new().await;
    let w = &ui.world;
    let codes = w.assigned_vouchers(&ui.app, 2).await.unwrap();
    let pa = Actor::of(&w.partner_admin);
    for &code in &codes {
        let input = ReserveInput {
            location_id: w.location.id,
            consultant_id: w.consultant.id,
            start_date: date(2020, 12, 1),
            end_date: date(2020, 12, 1),
            accept_terms: true,
            delivery_country: None,
        };
        ui.app.reserve_voucher(&pa, code, input).await.unwrap();
    }
    ui.app
        .set_clock(&Actor::of(&w.operator), date(2020, 12, 5))
        .unwrap();
    for &code in &codes {
        let fields = saps_core::delivery::ReportFields {
            delivered_from: date(2020, 12, 1),
            delivered_to: date(2020, 12, 1),
            days_onsite: 1,
            days_offsite: 0,
            summary: "s".into(),
            next_steps: "n".into(),
        };
        let file = saps_app::delivery::Upload {
            filename: "r.pdf".into(),
            bytes: b"%PDF-1.4".to_vec(),
        };
        ui.app
            .submit_report(&pa, code, fields, vec![file])
            .await
            .unwrap();
    }
    // Only the signed-off one is offered.
    ui.app
        .sign_off(&Actor::of(&w.project_manager), codes[0], true, None)
        .await
        .unwrap();
    let mut b = ui.browser("it");
    b.sign_in(&w.partner_admin.email, PASSWORD).await;
    let home = b.get("/").await;
    assert!(home.has("href=\"/redeem\""), "{}", home.body);
    let page = b.get("/redeem").await;
    assert!(page.has(&codes[0].to_string()), "{}", page.body);
    assert!(!page.has(&codes[1].to_string()), "{}", page.body);
    let none = b.submit("/redeem", "/redeem/confirm", &[]).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    let first = codes[0].to_string();
    let confirm = b
        .submit("/redeem", "/redeem/confirm", &[("code", &first)])
        .await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.has("Conferma il riscatto"), "{}", confirm.body);
    let second = codes[1].to_string();
    // The result says per voucher what happened (the other one is not signed off).
    let done = b
        .submit("/redeem", "/redeem", &[("code", &first), ("code", &second)])
        .await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(done.has("Riscattato"), "{}", done.body);
    assert!(done.has("non ha ancora approvato"), "{}", done.body);
    let v = ui.app.voucher(&pa, codes[0]).await.unwrap();
    assert_eq!(v.state, saps_core::VoucherState::Redeemed);
}
