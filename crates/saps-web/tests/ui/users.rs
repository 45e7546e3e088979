//! The admins' users page: who sees it, and its Disable/Enable buttons, which
//! end the user's browser sessions at once and need the form's CSRF token.

use crate::browser::Ui;
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_disables_a_user_of_its_org_whose_session_ends_at_once_and_enables_it_again() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut admin = ui.browser("en");
    admin.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let mut pm = ui.browser("en");
    pm.sign_in(&w.project_manager.email, PASSWORD).await;
    assert_eq!(pm.get("/").await.status, StatusCode::OK);

    let home = admin.get("/").await;
    assert!(home.has("href=\"/users\""), "{}", home.body);
    let list = admin.get("/users").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.has(&w.project_manager.email));
    assert!(
        !list.has(&w.consultant.email),
        "another organisation's users are not listed"
    );
    let disable = format!("/users/{}/disable", w.project_manager.id);
    assert!(list.has(&format!("action=\"{disable}\"")), "{}", list.body);
    // No button for oneself.
    assert!(!list.has(&format!("/users/{}/disable", w.benefit_admin.id)));

    // Without the form's token nothing happens.
    let forged = admin.post(&disable, &[("csrf", "forged")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(pm.get("/").await.status, StatusCode::OK);

    let done = admin.submit("/users", &disable, &[]).await;
    assert_eq!(
        (done.status, done.location()),
        (StatusCode::SEE_OTHER, "/users?done=user_disabled")
    );
    let after = admin.get("/users?done=user_disabled").await;
    assert!(after.has("The user is disabled"), "{}", after.body);
    assert!(after.has(&format!(
        "action=\"/users/{}/enable\"",
        w.project_manager.id
    )));
    let gone = pm.get("/").await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert!(gone.location().starts_with("/login"), "{}", gone.location());

    let enable = format!("/users/{}/enable", w.project_manager.id);
    let done = admin.submit("/users", &enable, &[]).await;
    assert_eq!(
        (done.status, done.location()),
        (StatusCode::SEE_OTHER, "/users?done=user_enabled")
    );
    let mut pm = ui.browser("en");
    let signed_in = pm.sign_in(&w.project_manager.email, PASSWORD).await;
    assert_eq!(
        (signed_in.status, signed_in.location()),
        (StatusCode::SEE_OTHER, "/")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_operator_and_the_orgs_admins_get_the_users_page() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut op = ui.browser("fr");
    op.sign_in(&w.operator.email, PASSWORD).await;
    let all = op.get("/users").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.has("Utilisateurs"), "{}", all.body);
    for u in [
        &w.partner_admin,
        &w.consultant,
        &w.benefit_admin,
        &w.project_manager,
    ] {
        assert!(all.has(&u.email), "{}", u.email);
    }
    let mut ga = ui.browser("en");
    ga.sign_in(&w.partner_admin.email, PASSWORD).await;
    let own = ga.get("/users").await;
    assert!(own.has(&w.consultant.email) && !own.has(&w.project_manager.email));
    // Another organisation's user is not found, like a missing one.
    let foreign = format!("/users/{}/disable", w.project_manager.id);
    assert_eq!(
        ga.submit("/users", &foreign, &[]).await.status,
        StatusCode::NOT_FOUND
    );
    for user in [&w.consultant, &w.project_manager] {
        let mut b = ui.browser("en");
        b.sign_in(&user.email, PASSWORD).await;
        assert!(!b.get("/").await.has("href=\"/users\""));
        assert_eq!(b.get("/users").await.status, StatusCode::FORBIDDEN);
    }
}
