//! The hand-off in the UI: the assign form lists only the partners that may
//! be given the voucher (or says why none), a partner reserves from its own
//! list without typing the customer's e-mail, is told before it tries when it
//! cannot reserve, and may return the voucher with a reason.

use crate::browser::Ui;
use axum::http::StatusCode;
use jiff::civil::date;
use saps_app::fixtures::PASSWORD;
use saps_core::Actor;
use saps_core::port::CompetencyLevel;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_assign_form_lists_only_enrolled_eligible_partners_or_says_none_is() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let other = w.not_enrolled_partner(&ui.app, "ui").await.unwrap();
    let ba = Actor::of(&w.benefit_admin);
    let v = ui
        .app
        .create_voucher(&ba, w.voucher_request(1))
        .await
        .unwrap();
    let mut customer = ui.browser("en");
    customer.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let page = customer.get(&format!("/vouchers/{}", v.code)).await;
    assert!(page.has(&w.partner.id.to_string()), "{}", page.body);
    assert!(!page.has(&other.id().to_string()), "{}", page.body);
    assert!(page.has("Only partners enrolled and eligible for this engagement"));

    // Tampered with, the form is refused with the rule beside the choice.
    let other_id = other.id().to_string();
    let path = format!("/vouchers/{}", v.code);
    let action = format!("{path}/assign");
    let refused = customer
        .submit(&path, &action, &[("partner", &other_id)])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.has("id=\"partner-error\""), "{}", refused.body);
    assert!(refused.has("is not enrolled in SSDPS"), "{}", refused.body);

    // The only enrolled partner's competency expired: nobody may be given it.
    ui.app
        .record_competency(
            &Actor::of(&w.operator),
            w.partner.id,
            "Data Platform",
            CompetencyLevel::Gold,
            date(2020, 11, 1),
        )
        .await
        .unwrap();
    let none = customer.get(&path).await;
    assert!(none.has("id=\"no-partner\""), "{}", none.body);
    assert!(
        !none.has(&format!("action=\"{action}\"")),
        "no assign form: {}",
        none.body
    );
    assert!(
        none.has("No partner is enrolled and eligible"),
        "{}",
        none.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_reserves_from_its_list_without_the_customers_email() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let code = ui.assigned_voucher().await.to_string();
    let mut admin = ui.browser("fr");
    admin.sign_in(&w.partner_admin.email, PASSWORD).await;
    let voucher = admin.get(&format!("/vouchers/{code}")).await;
    let form_path = format!("/vouchers/{code}/reserve");
    assert!(
        voucher.has(&format!("href=\"{form_path}\"")),
        "{}",
        voucher.body
    );
    let form = admin.get(&form_path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.has("id=\"accept_terms\""));
    assert!(!form.has("class=\"progress\""), "no validation step");
    assert!(form.has("name=\"customer_email\" value=\"\""));
    let (location, consultant) = (w.location.id.to_string(), w.consultant.id.to_string());
    let done = admin
        .submit(
            &form_path,
            &form_path,
            &[
                ("customer_email", ""),
                ("accept_terms", "yes"),
                ("location", &location),
                ("consultant", &consultant),
                ("start_date", "2020-12-07"),
                ("end_date", "2020-12-07"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), format!("/vouchers/{code}?done=reserved"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validation_tells_the_partner_it_cannot_reserve_and_why_translated() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let code = ui.assigned_voucher().await.to_string();
    ui.app
        .record_competency(
            &Actor::of(&w.operator),
            w.partner.id,
            "Data Platform",
            CompetencyLevel::Gold,
            date(2020, 10, 31),
        )
        .await
        .unwrap();
    let mut admin = ui.browser("it");
    admin.sign_in(&w.partner_admin.email, PASSWORD).await;
    let page = admin
        .submit(
            "/vvr",
            "/vvr",
            &[("code", &code), ("customer_email", &w.benefit_admin.email)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.has("id=\"not-reservable\""), "{}", page.body);
    assert!(page.has("La tua azienda non può riservare questo voucher adesso."));
    assert!(
        page.has("La competenza Data Platform del partner è scaduta il 31 ott 2020."),
        "{}",
        page.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_partner_returns_a_voucher_with_a_reason() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let code = ui.assigned_voucher().await.to_string();
    let mut admin = ui.browser("pt-BR");
    admin.sign_in(&w.partner_admin.email, PASSWORD).await;
    let path = format!("/vouchers/{code}");
    let page = admin.get(&path).await;
    assert!(
        page.has(&format!("action=\"{path}/return\"")),
        "{}",
        page.body
    );
    assert!(page.has("Devolver o comprovante ao cliente"));
    let action = format!("{path}/return");
    let empty = admin.submit(&path, &action, &[("reason", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.has("id=\"reason-error\""), "{}", empty.body);
    let done = admin
        .submit(&path, &action, &[("reason", "Sem consultor disponível")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/vouchers?done=returned");
    let list = admin.get(done.location()).await;
    assert!(
        list.has("O comprovante foi devolvido ao cliente"),
        "{}",
        list.body
    );

    // The customer sees it unassigned, and why, in its history.
    let mut customer = ui.browser("en");
    customer.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let seen = customer.get(&path).await;
    assert!(seen.has("Returned to the customer by"), "{}", seen.body);
    assert!(seen.has("Sem consultor disponível"));
    assert!(seen.has(&format!("action=\"{path}/assign\"")));
}
