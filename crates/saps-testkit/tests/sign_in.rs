//! The sign-in throttle, on SQLite and on PostgreSQL: attempts are counted in
//! the database before the password is checked, so concurrent guesses cannot
//! slip past the limit, and the count holds for every node.

use axum::http::{Method, StatusCode};
use saps_app::fixtures::PASSWORD;
use saps_core::Error;
use saps_testkit::both_databases;
use saps_testkit::testapp::{Db, TestApp};
use serde_json::json;

both_databases!(
    forty_parallel_wrong_guesses_get_five_checks_and_the_right_password_then_waits,
    |db: Db| async move {
        let t = std::sync::Arc::new(TestApp::new(db, 1).await);
        let email = t.world.benefit_admin.email.clone();
        let guesses: Vec<_> = (0..40)
            .map(|i| {
                let (t, email) = (t.clone(), email.clone());
                // Case and spaces do not make another address.
                let email = if i % 2 == 0 {
                    email.to_uppercase()
                } else {
                    format!(" {email} ")
                };
                tokio::spawn(async move { t.app.check_password(&email, "wrong password").await })
            })
            .collect();
        let (mut checked, mut throttled) = (0, 0);
        for g in guesses {
            match g.await.expect("join") {
                Err(Error::Unauthenticated) => checked += 1,
                Err(Error::Throttled(_)) => throttled += 1,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!((checked, throttled), (5, 35));
        let right = t.app.check_password(&email, PASSWORD).await;
        assert!(matches!(right, Err(Error::Throttled(_))), "{right:?}");
        // Another address is not affected, and a success clears its count.
        let other = t.world.operator.email.clone();
        for _ in 0..4 {
            let r = t.app.check_password(&other, "wrong password").await;
            assert!(matches!(r, Err(Error::Unauthenticated)), "{r:?}");
        }
        t.app
            .check_password(&other, PASSWORD)
            .await
            .expect("signs in");
        for _ in 0..5 {
            let r = t.app.check_password(&other, "wrong password").await;
            assert!(matches!(r, Err(Error::Unauthenticated)), "{r:?}");
        }
        // Windows that are over are purged by a job; this one is not over.
        assert_eq!(t.app.purge_sign_in_attempts().await.expect("purge"), 0);
    }
);

both_databases!(
    an_email_over_254_characters_is_refused_before_anything_else,
    |db: Db| async move {
        let t = TestApp::new(db, 1).await;
        let long = format!("{}@example.com", "a".repeat(243));
        assert_eq!(long.len(), 255);
        for _ in 0..7 {
            let r = t
                .call(
                    Method::POST,
                    "/api/v1/auth/token",
                    None,
                    Some(&json!({"email": long, "password": "wrong password"})),
                )
                .await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::UNPROCESSABLE_ENTITY, "validation.email")
            );
        }
    }
);

/// The sign-in page's HTML, as an anonymous visitor gets it.
async fn login_page(router: &axum::Router) -> String {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let req = axum::http::Request::get("/login")
        .body(axum::body::Body::empty())
        .expect("request");
    let res = router.clone().oneshot(req).await.expect("infallible");
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.into_body().collect().await.expect("body").to_bytes();
    String::from_utf8_lossy(&body).into_owned()
}

both_databases!(
    the_sign_in_page_lists_only_the_accounts_saps_demo_seeded_and_only_when_it_says_so,
    |db: Db| async move {
        let dir = std::env::temp_dir().join(format!("saps-demo-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let store = saps_testkit::testapp::open_fresh(db, &dir).await;
        let settings = saps_app::Settings {
            mail_dir: dir.join("mail"),
            ..saps_app::Settings::default()
        };
        let clock = || saps_app::clock::Clock::simulated(saps_app::demo::demo_date());
        let app = saps_app::App::new(store.clone(), clock(), settings.clone())
            .await
            .expect("app");
        let accounts = saps_app::demo::seed(&app).await.expect("demo seeded");
        // What `serve --clock simulated:…` on the demo's database is: no list.
        let served = saps_app::App::new(store, clock(), settings)
            .await
            .expect("app");
        let page = login_page(&saps_web::router(served)).await;
        assert!(!page.contains("demo-accounts"), "{page}");
        assert!(!page.contains("operator@saps.example"), "{page}");

        // `saps demo` asks for its list: exactly the seeded accounts, never a later user.
        app.list_demo_accounts(&accounts);
        let operator = app
            .check_password("operator@saps.example", saps_app::demo::DEMO_PASSWORD)
            .await
            .expect("operator");
        let customer = accounts
            .iter()
            .find(|a| a.role == saps_core::Role::BenefitAdmin)
            .expect("a customer admin");
        let admin = app
            .check_password(&customer.email, saps_app::demo::DEMO_PASSWORD)
            .await
            .expect("customer admin");
        app.add_user(
            Some(&saps_core::Actor::of(&admin)),
            admin.org_id,
            saps_app::NewUser {
                email: "added-later@customer.example".into(),
                name: "Added Later".into(),
                role: saps_core::Role::ProjectManager,
                password: "password-123".into(),
            },
        )
        .await
        .expect("a user added later");
        let page = login_page(&saps_web::router(app)).await;
        assert_eq!(
            page.matches("<li><span class=\"demo-who\">").count(),
            accounts.len()
        );
        for a in &accounts {
            assert!(
                page.contains(&format!("<code>{}</code>", a.email)),
                "{}",
                a.email
            );
        }
        assert!(page.contains(&operator.email));
        assert!(!page.contains("added-later@customer.example"), "{page}");
        let _ = std::fs::remove_dir_all(&dir);
    }
);
