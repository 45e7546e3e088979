//! The webhooks page: an admin adds a webhook and sees its secret once, a
//! refused URL is shown at its field, the delivery log, a test event and
//! removing one; roles without webhooks are refused.

use crate::browser::Ui;
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_adds_a_webhook_sees_its_secret_once_tests_it_and_removes_it() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut admin = ui.browser("en");
    admin.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let page = admin.get("/webhooks").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("No webhooks yet."), "{}", page.body);
    assert!(page.has("<label for=\"url\">"));

    // A loopback URL is refused at its field (private addresses are not allowed here).
    let refused = admin
        .submit(
            "/webhooks",
            "/webhooks",
            &[
                ("url", "http://127.0.0.1/hook"),
                ("events", "voucher.created"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.has("There is a problem"), "{}", refused.body);
    let missing = admin.submit("/webhooks", "/webhooks", &[("url", "")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        missing.has("Choose at least one event kind."),
        "{}",
        missing.body
    );

    ui.app.webhook_sender.set_allow_private(true);
    let added = admin
        .submit(
            "/webhooks",
            "/webhooks",
            &[
                ("url", "http://127.0.0.1:9/hook"),
                ("events", "voucher.created"),
                ("events", "voucher.assigned"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    assert!(added.has("whsec_"), "the secret is shown: {}", added.body);
    let list = admin.get("/webhooks").await;
    assert!(!list.has("whsec_"), "and only once");
    assert!(list.has("http://127.0.0.1:9/hook"));
    let id = ui
        .app
        .webhooks(&saps_core::Actor::of(&w.benefit_admin))
        .await
        .unwrap()[0]
        .id;

    let log = format!("/webhooks/{id}");
    let test = admin
        .submit(&log, &format!("/webhooks/{id}/test"), &[])
        .await;
    assert_eq!(
        (test.status, test.location()),
        (
            StatusCode::SEE_OTHER,
            format!("/webhooks/{id}?done=webhook_test_queued").as_str()
        )
    );
    ui.app
        .deliver_webhooks_at(jiff::Timestamp::now())
        .await
        .unwrap();
    let shown = admin.get(&log).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.has("webhook.test"), "{}", shown.body);
    assert!(
        shown.has("Failed"),
        "nothing listens on port 9: {}",
        shown.body
    );

    let removed = admin
        .submit("/webhooks", &format!("/webhooks/{id}/delete"), &[])
        .await;
    assert_eq!(
        (removed.status, removed.location()),
        (StatusCode::SEE_OTHER, "/webhooks?done=webhook_removed")
    );
    assert!(
        admin
            .get("/webhooks?done=webhook_removed")
            .await
            .has("The webhook was removed.")
    );

    let mut pm = ui.browser("ru");
    pm.sign_in(&w.project_manager.email, PASSWORD).await;
    assert_eq!(pm.get("/webhooks").await.status, StatusCode::FORBIDDEN);
    let mut ga = ui.browser("ru");
    ga.sign_in(&w.partner_admin.email, PASSWORD).await;
    let ru = ga.get("/webhooks").await;
    assert_eq!(ru.status, StatusCode::OK);
    assert!(ru.has("Вебхуки"), "{}", ru.body);
    assert_eq!(ga.get(&log).await.status, StatusCode::NOT_FOUND);
}
