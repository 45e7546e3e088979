//! Refused forms: every problem at once, each at its field, under a summary
//! that takes focus and links to the fields; never a success message beside.

use crate::browser::{Page, Ui};
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;

/// The page shows exactly these fields' problems, summarised and linked.
fn assert_problems(page: &Page, fields: &[&str]) {
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    assert!(
        page.has("id=\"error-summary\"") && page.has("tabindex=\"-1\" autofocus"),
        "a focused summary: {}",
        page.body
    );
    assert!(page.has("There is a problem"));
    let links = page.body.matches("<li><a href=\"#").count();
    assert_eq!(links, fields.len(), "{}", page.body);
    for field in fields {
        assert!(
            page.has(&format!("<a href=\"#{field}\">")),
            "{field} linked"
        );
        assert!(
            page.has(&format!("id=\"{field}-error\"")),
            "{field} message"
        );
        assert!(page.has(&format!("id=\"{field}\"")), "{field} exists");
    }
    assert!(
        !page.has("alert success"),
        "no success message beside problems"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_reservation_shows_every_problem_at_once_under_a_focused_summary() {
    let ui = Ui::new().await;
    let code = ui.assigned_voucher().await.to_string();
    let w = &ui.world;
    let mut admin = ui.browser("en");
    admin.sign_in(&w.partner_admin.email, PASSWORD).await;
    let action = format!("/vouchers/{code}/reserve");
    let email = w.benefit_admin.email.as_str();
    let everything_wrong = admin
        .submit(
            "/vvr",
            &action,
            &[
                ("customer_email", email),
                ("location", ""),
                ("consultant", ""),
                ("start_date", "10/12/2020"),
                ("end_date", ""),
            ],
        )
        .await;
    assert_problems(
        &everything_wrong,
        &[
            "accept_terms",
            "location",
            "consultant",
            "start_date",
            "end_date",
        ],
    );
    assert!(
        everything_wrong.has("value=\"10/12/2020\""),
        "what was typed is kept"
    );

    let (location, consultant) = (w.location.id.to_string(), w.consultant.id.to_string());
    let dates_reversed = admin
        .submit(
            "/vvr",
            &action,
            &[
                ("customer_email", email),
                ("location", &location),
                ("consultant", &consultant),
                ("start_date", "2020-12-10"),
                ("end_date", "2020-12-07"),
            ],
        )
        .await;
    assert_problems(&dates_reversed, &["accept_terms", "end_date"]);
    assert!(dates_reversed.has("The last day is before the first day."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_voucher_form_and_sign_in_form_show_all_their_problems() {
    let ui = Ui::new().await;
    let mut anonymous = ui.browser("en");
    let login = anonymous
        .submit("/login", "/login", &[("email", ""), ("password", "")])
        .await;
    assert_problems(&login, &["email", "password"]);

    let mut customer = ui.browser("fr");
    customer
        .sign_in(&ui.world.benefit_admin.email, PASSWORD)
        .await;
    let empty = customer
        .submit(
            "/vouchers/new",
            "/vouchers",
            &[
                ("agreement", ""),
                ("engagement", ""),
                ("project_manager", ""),
            ],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.has("Il y a un problème"), "{}", empty.body);
    for field in ["agreement", "days", "project_manager"] {
        assert!(
            empty.has(&format!("<a href=\"#{field}\">")),
            "{field} linked"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_over_long_address_on_the_sign_in_form_is_refused_at_its_field_in_the_chosen_language() {
    let ui = Ui::new().await;
    let mut anonymous = ui.browser("ru");
    let long = format!("{}@example.com", "a".repeat(250));
    let login = anonymous
        .submit("/login", "/login", &[("email", &long), ("password", "x")])
        .await;
    assert_problems_ru(&login);
    assert!(
        login.has("не длиннее 254 символов"),
        "the translated message: {}",
        login.body
    );
}

/// Like `assert_problems` for a Russian page with only the e-mail refused.
fn assert_problems_ru(page: &Page) {
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    assert!(page.has("<a href=\"#email\">") && page.has("id=\"email-error\""));
    assert!(!page.has("<a href=\"#password\">"));
}
