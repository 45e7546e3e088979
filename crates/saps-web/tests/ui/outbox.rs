//! The operator's mail outbox page: the operator sees every mail with its
//! status, in its language; nobody else sees the page.

use crate::browser::Ui;
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_sees_pending_and_sent_mail_and_no_one_else_sees_the_outbox() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut ba = ui.browser("en");
    ba.sign_in(&w.benefit_admin.email, PASSWORD).await;
    assert_eq!(
        ba.get("/operator/outbox").await.status,
        StatusCode::FORBIDDEN
    );

    let mut op = ui.browser("fr");
    op.sign_in(&w.operator.email, PASSWORD).await;
    let home = op.get("/").await;
    assert!(home.has("href=\"/operator/outbox\""), "{}", home.body);
    let empty = op.get("/operator/outbox").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty.has("Boîte d&#39;envoi") || empty.has("Boîte d'envoi"),
        "{}",
        empty.body
    );

    // A mail waiting, then sent.
    let to = w.partner_admin.email.clone();
    ui.app
        .write(move |tx| {
            let draft = saps_app::mail::text::Draft::new("declined", "http://x/vouchers/A".into())
                .arg("code", "A");
            saps_app::mail::queue(
                tx,
                &to,
                saps_core::Locale::En,
                &draft,
                jiff::Timestamp::now(),
            )
        })
        .await
        .unwrap();
    let waiting = op.get("/operator/outbox").await;
    assert!(waiting.has(&w.partner_admin.email), "{}", waiting.body);
    assert!(waiting.has("badge-pending"), "{}", waiting.body);
    assert!(waiting.has("En attente"), "{}", waiting.body);
    assert_eq!(ui.app.dispatch_mail().await.unwrap(), 1);
    let sent = op.get("/operator/outbox").await;
    assert!(sent.has("badge-sent"), "{}", sent.body);
    assert!(!sent.has("badge-pending"), "{}", sent.body);
}
