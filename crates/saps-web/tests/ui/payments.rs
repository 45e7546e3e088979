//! Payments in the UI: the partner registers, gives a bank account (a bad
//! IBAN refused beside its field, what was typed kept), selects redeemed
//! vouchers, sees the priced total, submits and gets the reference, downloads
//! the invoice; the operator approves and pays from the review queue, keeps
//! the rate card and reads the dashboard's charts. Refusals stay in place.

use crate::browser::{Browser, Page, Ui};
use axum::http::StatusCode;
use jiff::civil::date;
use saps_app::ReserveInput;
use saps_app::fixtures::PASSWORD;
use saps_app::payments::RateInput;
use saps_core::Actor;

/// Two redeemed one-day vouchers of the fixture partner (delivered in France
/// on 2020-12-01, redeemed on 2020-12-05) and a French day rate of €617.25.
async fn redeemed(ui: &Ui) -> Vec<String> {
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
    let op = Actor::of(&w.operator);
    ui.app.set_clock(&op, date(2020, 12, 5)).unwrap();
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
        ui.app
            .sign_off(&Actor::of(&w.project_manager), code, true, None)
            .await
            .unwrap();
    }
    let codes: Vec<String> = codes.iter().map(ToString::to_string).collect();
    ui.app.redeem(&pa, codes.clone()).await.unwrap();
    let rate = RateInput {
        country: "FR".into(),
        amount: "617.25".into(),
        currency: "EUR".into(),
        effective_from: date(2020, 1, 1),
    };
    ui.app.set_rate_card(&op, vec![rate]).await.unwrap();
    codes
}

async fn signed_in<'a>(ui: &'a Ui, email: &str, lang: &'static str) -> Browser<'a> {
    let mut b = ui.browser(lang);
    b.sign_in(email, PASSWORD).await;
    b
}

/// The claim's id from a redirect to its page.
fn claim_path(p: &Page) -> String {
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    p.location().split('?').next().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_claims_redeemed_vouchers_and_the_operator_approves_and_pays() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let codes = redeemed(&ui).await;
    let mut partner = signed_in(&ui, &w.partner_admin.email, "en").await;
    let home = partner.get("/").await;
    assert!(home.has("href=\"/payments\""), "{}", home.body);
    let page = partner.get("/payments").await;
    assert_eq!(page.status, StatusCode::OK);
    for code in &codes {
        assert!(page.has(code), "{code} not offered: {}", page.body);
    }
    assert!(
        page.has("60 days left") || page.has("56 days left"),
        "{}",
        page.body
    );

    // Registration per offering.
    let r = partner
        .submit(
            "/payments",
            "/payments/registrations",
            &[("offering", "SSDPS")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = partner.get(r.location()).await;
    assert!(page.has("is registered for payment"), "{}", page.body);

    // A bank account: a bad IBAN is refused beside its field, what was typed kept.
    let form = format!("/payments/bank-accounts/{}", w.location.id);
    let bad = [
        ("holder", "Partner ui SAS"),
        ("iban", "FR76 3000 6000 0112 3456 7890 188"),
        ("bic", "BNPAFRPPXXX"),
    ];
    let r = partner.submit(&form, &form, &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.has("id=\"iban-error\""), "{}", r.body);
    assert!(r.has("aria-invalid=\"true\""), "{}", r.body);
    assert!(r.has("value=\"Partner ui SAS\""), "{}", r.body);
    let mut good = bad;
    good[1] = ("iban", "FR76 3000 6000 0112 3456 7890 189");
    let r = partner.submit(&form, &form, &good).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = partner.get(r.location()).await;
    assert!(
        page.has("0189") && !page.has("FR7630006000011234567890189"),
        "{}",
        page.body
    );

    // Select → the priced total → submit → the reference.
    let picked: Vec<(&str, &str)> = codes.iter().map(|c| ("code", c.as_str())).collect();
    let preview = partner
        .submit("/payments", "/payments/claims/preview", &picked)
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview.has("€617.25") && preview.has("€1,234.50"),
        "{}",
        preview.body
    );
    let mut fields = picked.clone();
    fields.push(("submit", "1"));
    let csrf = preview.csrf();
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(&fields);
    let r = partner.post("/payments/claims", &form).await;
    let claim = claim_path(&r);
    let page = partner.get(r.location()).await;
    assert!(page.has("SAVB-2020-000001 is submitted"), "{}", page.body);
    assert!(page.has("badge-claim-submitted"), "{}", page.body);
    let pdf = partner.get(&format!("{claim}/invoice.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));
    let disposition = pdf.headers["content-disposition"].to_str().unwrap();
    assert_eq!(disposition, "attachment; filename=\"SAVB-2020-000001.pdf\"");

    // The operator approves from the queue and pays with a reference.
    let mut op = signed_in(&ui, &w.operator.email, "en").await;
    let queue = op.get("/payments").await;
    assert!(
        queue.has("SAVB-2020-000001") && queue.has(&w.partner.name),
        "{}",
        queue.body
    );
    let r = op.submit(&claim, &format!("{claim}/approve"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = op.get(r.location()).await;
    assert!(
        page.has("is approved") && page.has("Jan 4, 2021"),
        "{}",
        page.body
    );
    let r = op
        .submit(
            &claim,
            &format!("{claim}/pay"),
            &[("payment_reference", " ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.has("id=\"payment_reference-error\""), "{}", r.body);
    let r = op
        .submit(
            &claim,
            &format!("{claim}/pay"),
            &[("payment_reference", "TRF-881")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = partner.get(&claim).await;
    assert!(page.has("Paid with reference TRF-881"), "{}", page.body);
    // The dashboard draws its charts as SVG with their words.
    let dash = op.get("/payments/dashboard").await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(
        dash.has("<svg") && dash.has("role=\"img\""),
        "{}",
        dash.body
    );
    assert!(dash.has("Paid: €1,234.50"), "{}", dash.body);
    assert!(!dash.has("<script>"), "{}", dash.body);
    // Months are labelled as the reader's language names them, not 2020-12.
    assert!(dash.has(">Dec 2020</text>"), "{}", dash.body);
    assert!(!dash.has("2020-12<"), "{}", dash.body);
    let mut op_fr = signed_in(&ui, &w.operator.email, "fr").await;
    let dash = op_fr.get("/payments/dashboard").await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(dash.has(">déc. 2020</text>"), "{}", dash.body);
    assert!(dash.has(">1\u{202f}234,50\u{a0}€</text>"), "{}", dash.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_payment_forms_say_why_in_place_and_change_nothing() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let codes = redeemed(&ui).await;
    let mut partner = signed_in(&ui, &w.partner_admin.email, "fr").await;
    // Nothing selected.
    let r = partner
        .submit("/payments", "/payments/claims/preview", &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.has("Sélectionnez au moins un bon."), "{}", r.body);
    // Not registered for the offering: the rule, translated.
    let r = partner
        .submit(
            "/payments",
            "/payments/claims/preview",
            &[("code", codes[0].as_str())],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.has("inscrite au paiement de SSDPS"), "{}", r.body);
    let claims = ui
        .app
        .claims(&Actor::of(&w.partner_admin), Vec::new(), None, 10)
        .await
        .unwrap();
    assert!(claims.items.is_empty());
    // The operator's rate card: an unknown currency is refused, the rows kept.
    let mut op = signed_in(&ui, &w.operator.email, "en").await;
    let r = op
        .submit(
            "/payments/rates",
            "/payments/rates",
            &[
                ("country", "FR"),
                ("day_rate", "700.00"),
                ("currency", "XYZ"),
                ("effective_from", "2021-01-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.has("error-summary") && r.has("value=\"XYZ\""),
        "{}",
        r.body
    );
    let card = ui.app.rate_card(&Actor::of(&w.operator)).await.unwrap();
    assert_eq!(card.rates.len(), 1, "the card is unchanged");
    // A customer has no payments page.
    let mut customer = signed_in(&ui, &w.benefit_admin.email, "en").await;
    assert!(!customer.get("/").await.has("href=\"/payments\""));
    assert_eq!(
        customer.get("/payments").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_withdraws_a_draft_after_confirming_and_its_vouchers_are_offered_again() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let codes = redeemed(&ui).await;
    let pa = Actor::of(&w.partner_admin);
    ui.app
        .register_for_payment(&pa, w.partner.id, "SSDPS")
        .await
        .unwrap();
    let draft = ui.app.create_claim(&pa, codes.clone()).await.unwrap();
    let claim = format!("/payments/claims/{}", draft.id);
    let withdraw = format!("{claim}/withdraw");

    // The operator sees no such button and may not withdraw.
    let mut op = signed_in(&ui, &w.operator.email, "en").await;
    let page = op.get(&claim).await;
    assert!(
        !page.has(&format!("action=\"{withdraw}\"")),
        "{}",
        page.body
    );
    let r = op.submit(&claim, &withdraw, &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // An address of no step is no page.
    let r = op.submit(&claim, &format!("{claim}/frobnicate"), &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);

    // The partner confirms inside the disclosure, in French.
    let mut partner = signed_in(&ui, &w.partner_admin.email, "fr").await;
    let page = partner.get(&claim).await;
    assert!(
        page.has("<details class=\"card form confirm-withdraw\">"),
        "{}",
        page.body
    );
    assert!(page.has(&format!("action=\"{withdraw}\"")), "{}", page.body);
    assert!(page.has("Oui, retirer le brouillon"), "{}", page.body);
    let r = partner.submit(&claim, &withdraw, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("{claim}?done=withdrawn"));
    let page = partner.get(r.location()).await;
    assert!(page.has("badge-claim-withdrawn\">Retirée"), "{}", page.body);
    assert!(
        page.has(&format!("{} est retirée", draft.reference)),
        "{}",
        page.body
    );
    assert!(
        !page.has(&format!("action=\"{withdraw}\"")),
        "{}",
        page.body
    );
    // Listed as withdrawn; its vouchers are offered again.
    let list = partner.get("/payments").await;
    assert!(list.has("badge-claim-withdrawn\">Retirée"), "{}", list.body);
    for code in &codes {
        assert!(
            list.has(&format!("value=\"{code}\"")),
            "{code}: {}",
            list.body
        );
    }
    // Once more: refused in place, in French, nothing changed.
    let r = partner
        .post(&withdraw, &[("csrf", page.csrf().as_str())])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(r.has("badge-claim-withdrawn\">Retirée"), "{}", r.body);
    // Not in the operator's queue nor in its other claims.
    let queue = op.get("/payments").await;
    assert!(!queue.has(&draft.reference), "{}", queue.body);
}
