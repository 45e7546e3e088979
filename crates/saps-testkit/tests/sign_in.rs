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
