//! "My settings": every signed-in user chooses the language and which
//! optional mails they receive, with one plain form.

use crate::browser::Ui;
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;
use saps_core::Actor;
use saps_core::notify::NotificationSettings;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_saves_language_and_mail_groups_and_sees_it_saved() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut b = ui.browser("en");
    b.sign_in(&w.consultant.email, PASSWORD).await;
    let home = b.get("/").await;
    assert!(home.has("href=\"/settings\""), "{}", home.body);
    let page = b.get("/settings").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("My settings"), "{}", page.body);
    assert!(page.has("name=\"reminders\" value=\"on\""), "{}", page.body);
    assert_eq!(page.body.matches(" checked").count(), 3, "{}", page.body);
    assert!(page.has("always go"), "the essential mails are named");

    // Reminders and payments unticked, French chosen.
    let saved = b
        .submit(
            "/settings",
            "/settings",
            &[("lang", "fr"), ("voucher_updates", "on")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(saved.location(), "/settings?done=settings_saved");
    let page = b.get(saved.location()).await;
    assert!(page.has("<html lang=\"fr\""), "{}", page.body);
    assert!(
        page.has("Vos paramètres sont enregistrés."),
        "{}",
        page.body
    );
    assert_eq!(page.body.matches(" checked").count(), 1, "{}", page.body);
    let actor = Actor::of(&w.consultant);
    assert_eq!(
        ui.app.own_notifications(&actor).await.unwrap(),
        NotificationSettings {
            reminders: false,
            voucher_updates: true,
            payments: false,
        }
    );
    let stored = ui.app.user(w.consultant.id).await.unwrap().unwrap();
    assert_eq!(stored.locale, saps_core::Locale::Fr);
    // Another user's settings are untouched.
    assert_eq!(
        ui.app
            .own_notifications(&Actor::of(&w.partner_admin))
            .await
            .unwrap(),
        NotificationSettings::default()
    );

    // Without a CSRF token nothing is saved.
    let forged = b.post("/settings", &[("lang", "en")]).await;
    assert_ne!(forged.status, StatusCode::SEE_OTHER);
    let stored = ui.app.user(w.consultant.id).await.unwrap().unwrap();
    assert_eq!(stored.locale, saps_core::Locale::Fr);

    // Signed out: the sign-in page.
    let mut anon = ui.browser("en");
    let r = anon.get("/settings").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}
