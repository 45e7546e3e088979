//! `GET /claims/{id}/invoice.pdf`: a real PDF whose text a machine reads —
//! reference, partner, location, lines, total, due date, the IBAN masked —
//! in the partner's language or the one asked for; for the claim's partner
//! admins and the operator; another tenant's claim does not exist.

use axum::http::StatusCode;
use jiff::civil::date;
use saps_app::fixtures::World;
use saps_app::payments::RateInput;
use saps_core::Actor;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::json;

use crate::delivery::{PDF, at, report, reserved, submit};

const IBAN: &str = "FR76 3000 6000 0112 3456 7890 189";

/// The text of every page, no-break spaces made plain.
fn text_of(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF that parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .expect("extractable text")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// A redeemed 3-day voucher of the world's partner (delivered in France in
/// December 2020), a French rate card, the partner registered with a bank
/// account, and an approved claim of the voucher: (claim id, reference, code).
async fn approved_claim(t: &TestApp) -> (String, String, String) {
    let w = &t.world;
    let code = reserved(t, 3, "2020-12-03").await;
    at(t, date(2020, 12, 10)).await;
    let pa = t.token(&w.partner_admin).await;
    let r = submit(t, &pa, &code, &report(2, 1), &[("a.pdf", PDF)]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let ba = t.token(&w.benefit_admin).await;
    let r = t
        .post(
            &format!("/api/v1/vouchers/{code}/sign-off"),
            &ba,
            &json!({"accepted": true}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = t
        .post("/api/v1/redemptions", &pa, &json!({"codes": [code]}))
        .await;
    assert_eq!(r.body["results"][0]["ok"], true, "{:?}", r.body);
    let (op, ga) = (Actor::of(&w.operator), Actor::of(&w.partner_admin));
    let rate = RateInput {
        country: "FR".into(),
        amount: "617.25".into(),
        currency: "EUR".into(),
        effective_from: date(2020, 1, 1),
    };
    t.app.set_rate_card(&op, vec![rate]).await.unwrap();
    t.app
        .register_for_payment(&ga, w.partner.id, "SSDPS")
        .await
        .unwrap();
    t.app
        .set_bank_account(&ga, w.location.id, "Partner t SAS", IBAN, "BNPAFRPPXXX")
        .await
        .unwrap();
    let c = t.app.create_claim(&ga, vec![code.clone()]).await.unwrap();
    t.app.submit_claim(&ga, c.id).await.unwrap();
    t.app.approve_claim(&op, c.id).await.unwrap();
    (c.id.to_string(), c.reference, code)
}

both_databases!(
    the_invoice_is_a_pdf_whose_text_names_the_claim_and_masks_the_iban,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let (id, reference, code) = approved_claim(&t).await;
        let pa = t.token(&t.world.partner_admin).await;
        let r = t
            .get(&format!("/api/v1/claims/{id}/invoice.pdf"), &pa)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.content_type, "application/pdf");
        assert_eq!(
            r.disposition.as_deref(),
            Some(format!("attachment; filename=\"{reference}.pdf\"").as_str())
        );
        assert!(r.bytes.starts_with(b"%PDF-"));
        assert!(r.bytes.len() < 100_000, "{} bytes", r.bytes.len());
        let text = text_of(&r.bytes);
        // 3 days at €617.25; approved on 2020-12-10, due 30 days later.
        for expected in [
            "Invoice",
            reference.as_str(),
            t.world.partner.name.as_str(),
            t.world.location.name.as_str(),
            code.as_str(),
            "€617.25",
            "€1,851.75",
            "Jan 9, 2021",
            "Approved",
            "0189",
            "BNPAFRPPXXX",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
        let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(!bare.contains("FR7630006000011234567890189"), "{text}");
        assert!(!bare.contains("300060000112345678"), "{text}");
        // Asked in Russian: Cyrillic words, Russian money and dates.
        let r = t
            .get(&format!("/api/v1/claims/{id}/invoice.pdf?lang=ru"), &pa)
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let text = text_of(&r.bytes);
        for expected in ["Счёт", "Итого", "Одобрена", "1 851,75 €", "9 янв. 2021 г."]
        {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
        // The operator may read it too.
        let op = t.token(&t.world.operator).await;
        let r = t
            .get(&format!("/api/v1/claims/{id}/invoice.pdf"), &op)
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(text_of(&r.bytes).contains(&reference));
    }
);

both_databases!(
    another_tenant_gets_no_invoice_and_bad_requests_are_refused_by_name,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let (id, _, _) = approved_claim(&t).await;
        let path = format!("/api/v1/claims/{id}/invoice.pdf");
        let other = World::build(&t.app, 30, "u").await.expect("second world");
        for user in [
            &other.partner_admin,
            &other.benefit_admin,
            &t.world.benefit_admin,
        ] {
            let tok = t.token(user).await;
            let r = t.get(&path, &tok).await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::NOT_FOUND, "claim.not_found"),
                "{}",
                user.email
            );
        }
        // The partner's consultant sees the claim's company but may not see claims.
        let tok = t.token(&t.world.consultant).await;
        let r = t.get(&path, &tok).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{:?}", r.body);
        let pa = t.token(&t.world.partner_admin).await;
        let unknown = format!("/api/v1/claims/{}/invoice.pdf", uuid::Uuid::now_v7());
        let r = t.get(&unknown, &pa).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "claim.not_found")
        );
        let r = t.get("/api/v1/claims/not-an-id/invoice.pdf", &pa).await;
        assert_eq!(r.code(), "validation.id", "{:?}", r.body);
        let r = t.get(&format!("{path}?lang=xx"), &pa).await;
        assert_eq!(r.code(), "validation.lang", "{:?}", r.body);
        let r = t.get(&format!("{path}?color=red"), &pa).await;
        assert!(r.status.is_client_error(), "{:?}", r.body);
    }
);
