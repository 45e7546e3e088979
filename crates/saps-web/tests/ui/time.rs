//! Time in the UI: the clock banner says what a move did (in French here, with
//! the right verb), a past date is refused beside the field, the operator
//! previews a program change before saving it and sees what is coming on the
//! home page, and the customer converts training days until the cut-off.

use crate::browser::Ui;
use axum::http::StatusCode;
use jiff::civil::date;
use saps_app::fixtures::PASSWORD;
use saps_core::Actor;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_french_clock_banner_says_what_the_move_did_and_a_past_date_is_refused_beside_the_field()
 {
    let ui = Ui::new().await;
    ui.assigned_voucher().await;
    let mut op = ui.browser("fr");
    op.sign_in(&ui.world.operator.email, PASSWORD).await;
    let moved = op
        .submit("/clock", "/clock", &[("action", "advance"), ("days", "3")])
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let page = op.get(moved.location()).await;
    assert!(
        page.has("horloge du programme a avancé jusqu"),
        "{}",
        page.body
    );
    assert!(page.has("Rien n"), "nothing fell due");
    let back = op
        .submit(
            "/clock",
            "/clock",
            &[("action", "set"), ("date", "2020-11-01")],
        )
        .await;
    assert_eq!(back.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        back.has("id=\"date-error\""),
        "the message sits beside the date"
    );
    assert!(back.has("horloge ne fait qu"));
    assert_eq!(ui.app.today(), date(2020, 11, 5), "nothing moved");
    let same = op
        .submit(
            "/clock",
            "/clock",
            &[("action", "set"), ("date", "2020-11-05")],
        )
        .await;
    let page = op.get(same.location()).await;
    assert!(page.has("horloge n"), "today is no move: {}", page.body);
    let expired = op
        .submit(
            "/clock",
            "/clock",
            &[("action", "set"), ("date", "2021-05-02")],
        )
        .await;
    let page = op.get(expired.location()).await;
    assert!(page.has("1 bon a expiré."), "{}", page.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_previews_a_program_change_before_saving_it() {
    let ui = Ui::new().await;
    let code = ui.assigned_voucher().await.to_string();
    let mut op = ui.browser("en");
    op.sign_in(&ui.world.operator.email, PASSWORD).await;
    let page = op.get("/program").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("value=\"180\""));
    let fields = |validity: &'static str, action: &'static str| {
        vec![
            ("voucher_validity_days", validity),
            ("expiry_anchor", "creation"),
            ("claim_window_days", "60"),
            ("m_cloud_engagements_retired", "2020-02-01"),
            ("m_training_conversion_ended", "2020-02-01"),
            ("m_accrual_ended", "2021-02-01"),
            ("m_last_day_to_create_or_assign", "2021-06-30"),
            ("m_remaining_days_removed", "2021-07-01"),
            ("m_last_day_to_redeem", "2022-01-01"),
            ("action", action),
        ]
    };
    let preview = op
        .submit("/program", "/program", &fields("90", "preview"))
        .await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.has("What this change would do") && preview.has(&code));
    assert!(preview.has("Voucher expiry moves"));
    assert_eq!(
        ui.app.program().voucher_validity_days,
        180,
        "a preview saves nothing"
    );
    let bad = op
        .submit("/program", "/program", &fields("0", "preview"))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("id=\"voucher_validity_days-error\""));
    let saved = op
        .submit("/program", "/program", &fields("90", "save"))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(ui.app.program().voucher_validity_days, 90);
    assert!(op.get(saved.location()).await.has("The program was saved."));
    let mut ba = ui.browser("en");
    ba.sign_in(&ui.world.benefit_admin.email, PASSWORD).await;
    assert_eq!(ba.get("/program").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_home_shows_days_at_risk_expiring_vouchers_and_the_next_milestone() {
    let ui = Ui::new().await;
    let mut op = ui.browser("en");
    op.sign_in(&ui.world.operator.email, PASSWORD).await;
    let home = op.get("/").await;
    assert!(home.has("Coming up"));
    assert!(
        home.has("30 planning days will be removed on Jul 1, 2021"),
        "{}",
        home.body
    );
    assert!(home.has("No voucher expires within 30 days."));
    assert!(home.has("Next on the calendar, Feb 1, 2021: Customers stop accruing planning days."));
    ui.assigned_voucher().await;
    ui.app
        .set_clock(&Actor::of(&ui.world.operator), date(2021, 4, 10))
        .expect("clock");
    let home = op.get("/").await;
    assert!(
        home.has("One voucher expires within 30 days."),
        "{}",
        home.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_converts_training_days_until_the_cut_off() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let op = Actor::of(&w.operator);
    ui.app
        .grant_training_days(&op, w.customer.id, w.agreement.clone(), 5)
        .await
        .expect("granted");
    let mut ba = ui.browser("en");
    ba.sign_in(&w.benefit_admin.email, PASSWORD).await;
    assert!(ba.get("/").await.has("href=\"/benefit/conversions\""));
    let closed = ba.get("/benefit/conversions").await;
    assert!(
        closed.has("conversion closed on Feb 1, 2020"),
        "{}",
        closed.body
    );
    assert!(
        !closed.has("name=\"training_days\""),
        "no form after the cut-off"
    );
    ui.app.set_clock(&op, date(2020, 1, 10)).expect("clock");
    let open = ba.get("/benefit/conversions").await;
    assert!(
        open.has("name=\"training_days\"") && open.has("5 days"),
        "{}",
        open.body
    );
    let agreement = w.agreement.as_str();
    let zero = ba
        .submit(
            "/benefit/conversions",
            "/benefit/conversions",
            &[("agreement", agreement), ("training_days", "0")],
        )
        .await;
    assert_eq!(zero.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(zero.has("id=\"training_days-error\""));
    let many = ba
        .submit(
            "/benefit/conversions",
            "/benefit/conversions",
            &[("agreement", agreement), ("training_days", "9")],
        )
        .await;
    assert_eq!(many.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        many.has("The agreement holds only 5 training days."),
        "{}",
        many.body
    );
    let done = ba
        .submit(
            "/benefit/conversions",
            "/benefit/conversions",
            &[("agreement", agreement), ("training_days", "2")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = ba.get(done.location()).await;
    assert!(page.has("The training days were converted into planning days."));
    assert!(page.has("3 days"));
    let b = ui
        .app
        .benefit(&Actor::of(&w.benefit_admin), w.customer.id)
        .await
        .expect("benefit");
    assert_eq!(b.pools[0].available, 32);
}
