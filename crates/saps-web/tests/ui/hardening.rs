//! What a probe found and must not find again: where the sign-in form sends
//! a browser back to, and the headers every answer carries.

use crate::browser::Ui;
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_never_redirects_off_site_nor_fails_on_a_control_character_in_next() {
    let ui = Ui::new().await;
    let email = ui.world.benefit_admin.email.clone();
    // The form keeps a local `next` and drops any other.
    let mut browser = ui.browser("en");
    let kept = browser.get("/login?next=/vouchers%3Fpage%3D2").await;
    assert!(
        kept.has("name=\"next\" value=\"/vouchers?page=2\""),
        "{}",
        kept.body
    );
    for next in [
        "/%09/evil.example",
        "/%0A",
        "/%5Cevil.example",
        "//evil.example",
    ] {
        let form = browser.get(&format!("/login?next={next}")).await;
        assert_eq!(form.status, StatusCode::OK, "{next}");
        assert!(
            form.has("name=\"next\" value=\"/\""),
            "{next}: {}",
            form.body
        );
    }
    // Posted directly, each is replaced by `/`, after a successful sign-in too.
    for next in [
        "/\t/evil.example",
        "/\n",
        "/\r\nx: y",
        "/\\evil.example",
        "/ //evil.example",
    ] {
        let mut browser = ui.browser("en");
        let page = browser
            .submit(
                "/login",
                "/login",
                &[("email", &email), ("password", PASSWORD), ("next", next)],
            )
            .await;
        assert_eq!(
            (page.status, page.location()),
            (StatusCode::SEE_OTHER, "/"),
            "{next:?}"
        );
    }
}
