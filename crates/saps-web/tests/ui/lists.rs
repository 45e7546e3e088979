//! Voucher lists in the UI: filters, search, sort by expiry, days left and
//! what needs attention, exports headed in the reader's language, and the
//! home page's block of what is about to lapse.

use crate::browser::Ui;
use saps_app::ReserveInput;
use saps_app::fixtures::PASSWORD;
use saps_core::Actor;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_filter_sort_flag_and_export_in_the_readers_language() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let first = ui.assigned_voucher().await;
    let second = ui.assigned_voucher().await;
    let pa = Actor::of(&w.partner_admin);
    ui.app
        .reserve_voucher(
            &pa,
            second,
            ReserveInput {
                location_id: w.location.id,
                consultant_id: w.consultant.id,
                start_date: jiff::civil::date(2020, 12, 1),
                end_date: jiff::civil::date(2020, 12, 1),
                accept_terms: true,
                delivery_country: None,
            },
        )
        .await
        .expect("reserved");

    let mut customer = ui.browser("fr");
    customer.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let list = customer.get("/vouchers?state=reserved&sort=expiry").await;
    assert!(list.has(&second.to_string()) && !list.has(&first.to_string()));
    assert!(list.has("value=\"reserved\" checked"), "{}", list.body);
    assert!(list.has("<option value=\"expiry\" selected>"));
    assert!(
        list.has("href=\"/vouchers/export.xlsx?state=reserved&#38;sort=expiry\""),
        "{}",
        list.body
    );
    assert!(list.has("Exporter vers Excel"));
    // Days left: the vouchers expire on 2021-05-01, 180 days away.
    assert!(list.has("180 jours"), "{}", list.body);
    assert!(!list.has("Date de début passée"));
    // Search by the partner's name finds both; by one ID, that one.
    let by_name = customer
        .get(&format!(
            "/vouchers?q={}",
            w.partner.name.to_lowercase().replace(' ', "+")
        ))
        .await;
    assert!(by_name.has(&first.to_string()) && by_name.has(&second.to_string()));
    let by_id = customer
        .get(&format!("/vouchers?q={}", first.to_string().to_lowercase()))
        .await;
    assert!(by_id.has(&first.to_string()) && !by_id.has(&second.to_string()));

    // The export, headed in French, holds the filtered vouchers.
    let csv = customer.get("/vouchers/export.csv?state=reserved").await;
    assert_eq!(csv.status, axum::http::StatusCode::OK);
    let disposition = csv.headers["content-disposition"].to_str().unwrap();
    assert_eq!(
        disposition,
        "attachment; filename=\"vouchers-2020-11-02.csv\""
    );
    let mut lines = csv.body.lines();
    assert!(
        lines.next().unwrap().starts_with("Numéro du bon,État,"),
        "{}",
        csv.body
    );
    let row = lines.next().unwrap();
    assert!(row.starts_with(&format!("{second},reserved,")), "{row}");
    assert!(row.ends_with(&format!(",{},{}", w.location.name, w.consultant.name)));
    assert_eq!(lines.next(), None);
    let xlsx = customer.get("/vouchers/export.xlsx").await;
    assert_eq!(xlsx.status, axum::http::StatusCode::OK);
    assert_eq!(
        xlsx.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );

    // Later: the reservation's start has passed without a report, and both
    // vouchers are about to lapse; the home page leads with them.
    let op = Actor::of(&w.operator);
    ui.app
        .set_clock(&op, jiff::civil::date(2021, 4, 20))
        .expect("clock");
    let list = customer.get("/vouchers").await;
    assert!(list.has("Date de début passée, aucun rapport de fin de mission"));
    assert!(list.has("class=\"attention\""));
    assert!(list.has("11 jours"), "{}", list.body);
    let home = customer.get("/").await;
    assert!(home.has("Bientôt expirés"), "{}", home.body);
    assert!(home.has(&first.to_string()) && home.has(&second.to_string()));
    let mut partner = ui.browser("it");
    partner.sign_in(&w.partner_admin.email, PASSWORD).await;
    let home = partner.get("/").await;
    assert!(
        home.has("In scadenza") && home.has("11 giorni"),
        "{}",
        home.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_asks_first_and_takes_an_optional_reason() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let code = ui.assigned_voucher().await;
    let mut customer = ui.browser("fr");
    customer.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let detail = customer.get(&format!("/vouchers/{code}")).await;
    assert!(
        detail.has(&format!("href=\"/vouchers/{code}/cancel\"")),
        "{}",
        detail.body
    );
    let confirm = customer.get(&format!("/vouchers/{code}/cancel")).await;
    assert_eq!(confirm.status, axum::http::StatusCode::OK);
    assert!(confirm.has("Annuler ce bon ?") && confirm.has("Oui, annuler le bon"));
    assert!(confirm.has(&w.partner.name));
    let page = format!("/vouchers/{code}/cancel");
    let long = "x".repeat(501);
    let refused = customer.submit(&page, &page, &[("reason", &long)]).await;
    assert_eq!(refused.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.has("id=\"reason-error\""), "{}", refused.body);
    let d = ui
        .app
        .voucher_detail(&Actor::of(&w.benefit_admin), code)
        .await
        .unwrap();
    assert_eq!(d.voucher.state, saps_core::VoucherState::Assigned);
    let done = customer
        .submit(&page, &page, &[("reason", "Projet arrêté")])
        .await;
    assert_eq!(done.location(), format!("/vouchers/{code}?done=cancelled"));
    let d = ui
        .app
        .voucher_detail(&Actor::of(&w.benefit_admin), code)
        .await
        .unwrap();
    assert_eq!(d.voucher.state, saps_core::VoucherState::Cancelled);
    // Cancelled, there is nothing left to confirm: back to the voucher.
    let again = customer.get(&page).await;
    assert_eq!(again.location(), format!("/vouchers/{code}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_benefit_admin_hands_a_voucher_to_another_project_manager() {
    use saps_app::NewUser;
    let ui = Ui::new().await;
    let w = &ui.world;
    let code = ui.assigned_voucher().await;
    let op = Actor::of(&w.operator);
    let pm2 = ui
        .app
        .add_user(
            Some(&op),
            w.customer.id,
            NewUser {
                email: "pm2@customer.example".into(),
                name: "Paula Second".into(),
                role: saps_core::Role::ProjectManager,
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("second project manager");
    let mut customer = ui.browser("ru");
    customer.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let detail = customer.get(&format!("/vouchers/{code}")).await;
    let page = format!("/vouchers/{code}/project-manager");
    assert!(detail.has(&format!("href=\"{page}\"")), "{}", detail.body);
    let form = customer.get(&page).await;
    assert!(form.has("Сменить руководителя проекта") && form.has("Paula Second"));
    let bad = customer
        .submit(&page, &page, &[("project_manager", "nobody")])
        .await;
    assert_eq!(bad.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("id=\"project_manager-error\""), "{}", bad.body);
    let id = pm2.id.to_string();
    let done = customer
        .submit(&page, &page, &[("project_manager", &id)])
        .await;
    assert_eq!(
        done.location(),
        format!("/vouchers/{code}?done=project_manager_changed")
    );
    let d = ui
        .app
        .voucher_detail(&Actor::of(&w.benefit_admin), code)
        .await
        .unwrap();
    assert_eq!(d.voucher.project_manager_id, pm2.id);
    let shown = customer.get(done.location()).await;
    assert!(
        shown.has("У ваучера новый руководитель проекта."),
        "{}",
        shown.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_create_form_offers_only_the_lengths_the_pool_pays_for() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let mut customer = ui.browser("en");
    customer.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let fields = [
        ("engagement", "SSDPS-UPG"),
        ("agreement", w.agreement.as_str()),
    ];
    // A pool of 30: 1, 3, 5, 10 and 15 days all fit.
    let form = customer
        .submit("/vouchers/new", "/vouchers/new", &fields)
        .await;
    assert!(form.has("name=\"days\" value=\"15\""), "{}", form.body);
    // Spend 27 days: 3 left, so 5, 10 and 15 are no longer offered.
    let ba = Actor::of(&w.benefit_admin);
    for _ in 0..9 {
        ui.app
            .create_voucher(&ba, w.voucher_request(3))
            .await
            .expect("voucher");
    }
    let form = customer
        .submit("/vouchers/new", "/vouchers/new", &fields)
        .await;
    assert!(form.has("name=\"days\" value=\"1\"") && form.has("name=\"days\" value=\"3\""));
    assert!(!form.has("name=\"days\" value=\"5\""), "{}", form.body);
    assert!(!form.has("id=\"days-none\""));
    ui.app
        .create_voucher(&ba, w.voucher_request(3))
        .await
        .expect("voucher");
    let form = customer
        .submit("/vouchers/new", "/vouchers/new", &fields)
        .await;
    assert!(!form.has("name=\"days\""), "{}", form.body);
    assert!(form.has("id=\"days-none\"") && form.has("not enough for any length"));
}
