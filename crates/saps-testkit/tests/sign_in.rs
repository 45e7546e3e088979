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

/// Credentials from a client address (or none).
fn from<'a>(
    email: &'a str,
    password: &'a str,
    client: Option<&str>,
) -> saps_app::sign_in::Credentials<'a> {
    saps_app::sign_in::Credentials {
        email,
        password,
        client: client.map(|c| c.parse().expect("an IP address")),
    }
}

both_databases!(
    an_account_waits_a_minute_after_five_failures_rather_than_being_locked_and_the_wait_grows,
    |db: Db| async move {
        let t = TestApp::new(db, 1).await;
        let email = t.world.benefit_admin.email.clone();
        let at = |secs: i64| saps_app::clock::wall_now() + jiff::SignedDuration::from_secs(secs);
        let t0 = at(0);
        let after = |secs: i64| t0 + jiff::SignedDuration::from_secs(secs);
        let check = |password: &'static str, when: jiff::Timestamp| {
            let (app, email) = (t.app.clone(), email.clone());
            async move {
                app.check_credentials(from(&email, password, None), when)
                    .await
            }
        };
        for _ in 0..5 {
            let r = check("wrong password", t0).await;
            assert!(matches!(r, Err(Error::Unauthenticated)), "{r:?}");
        }
        let r = check(PASSWORD, t0).await;
        assert!(matches!(r, Err(Error::Throttled(_))), "{r:?}");
        // A minute later (not fifteen), the right password is let through.
        check(PASSWORD, after(61))
            .await
            .expect("signs in a minute later");
        // Ten failures in fifteen minutes: the next wait is the rest of those fifteen.
        for start in [after(62), after(123)] {
            for _ in 0..5 {
                let r = check("wrong password", start).await;
                assert!(matches!(r, Err(Error::Unauthenticated)), "{r:?}");
            }
        }
        for when in [after(184), after(245), after(62 + 899)] {
            let r = check(PASSWORD, when).await;
            assert!(matches!(r, Err(Error::Throttled(_))), "{r:?}");
        }
        check(PASSWORD, after(62 + 901))
            .await
            .expect("signs in when the window is over");
    }
);

both_databases!(
    one_client_spraying_guesses_over_many_accounts_is_slowed_and_cannot_keep_an_account_locked,
    |db: Db| async move {
        let t = TestApp::new(db, 1).await;
        let now = saps_app::clock::wall_now();
        let attacker = Some("203.0.113.7");
        let limit = saps_app::sign_in::CLIENT_TIERS[0].attempts as usize;
        let mut outcomes = Vec::new();
        for i in 0..limit + 3 {
            let email = format!("nobody-{i}@example.com");
            let r = t
                .app
                .check_credentials(from(&email, "guess", attacker), now)
                .await;
            outcomes.push(matches!(r, Err(Error::Throttled(_))));
        }
        assert_eq!(
            outcomes.iter().filter(|t| !**t).count(),
            limit,
            "{outcomes:?}"
        );
        assert!(outcomes[limit..].iter().all(|t| *t), "{outcomes:?}");
        // The throttled client's guesses at a real account no longer count against it.
        let victim = t.world.benefit_admin.email.clone();
        for _ in 0..20 {
            let r = t
                .app
                .check_credentials(from(&victim, "guess", attacker), now)
                .await;
            assert!(matches!(r, Err(Error::Throttled(_))), "{r:?}");
        }
        let own = from(&victim, PASSWORD, Some("198.51.100.20"));
        t.app
            .check_credentials(own, now)
            .await
            .expect("the victim signs in from elsewhere");
        // IPv6 clients are counted too, each on its own.
        let r = t
            .app
            .check_credentials(
                from("nobody@example.com", "guess", Some("2001:db8::1")),
                now,
            )
            .await;
        assert!(matches!(r, Err(Error::Unauthenticated)), "{r:?}");
    }
);

both_databases!(
    the_token_route_throttles_by_the_connection_peer_and_ignores_x_forwarded_for_by_default,
    |db: Db| async move {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let t = TestApp::new(db, 1).await;
        let peer: std::net::SocketAddr = "198.51.100.1:40000".parse().unwrap();
        let limit = saps_app::sign_in::CLIENT_TIERS[0].attempts;
        let mut last = None;
        for i in 0..=limit {
            let body = json!({"email": format!("nobody-{i}@example.com"), "password": "guess"});
            let mut req = axum::http::Request::post("/api/v1/auth/token")
                .header("content-type", "application/json")
                // A fresh claimed address per guess must not help.
                .header("x-forwarded-for", format!("192.0.2.{i}"))
                .body(axum::body::Body::from(body.to_string()))
                .unwrap();
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
            let res = t.router.clone().oneshot(req).await.unwrap();
            let retry = res.headers().get("retry-after").cloned();
            let status = res.status();
            let _ = res.into_body().collect().await;
            last = Some((status, retry));
        }
        let (status, retry) = last.unwrap();
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(retry.as_ref().and_then(|v| v.to_str().ok()), Some("60"));
    }
);

both_databases!(
    many_people_signing_in_from_one_address_are_never_slowed_but_its_failures_still_count,
    |db: Db| async move {
        let t = TestApp::new(db, 1).await;
        let now = saps_app::clock::wall_now();
        let office = Some("203.0.113.7");
        // Fifty successful sign-ins from one address in the same minute: an office
        // behind one proxy, or a test suite, is never throttled.
        let people = [
            t.world.benefit_admin.email.clone(),
            t.world.partner_admin.email.clone(),
            t.world.consultant.email.clone(),
        ];
        for i in 0..50 {
            let email = &people[i % people.len()];
            t.app
                .check_credentials(from(email, PASSWORD, office), now)
                .await
                .unwrap_or_else(|e| panic!("sign-in {i} from the office: {e:?}"));
        }
        // Its failures still count: ten wrong guesses at unknown accounts, then
        // the address waits, even for a right password and despite the successes.
        for i in 0..10 {
            let email = format!("nobody{i}@example.com");
            let r = t
                .app
                .check_credentials(from(&email, "wrong password", office), now)
                .await;
            assert!(matches!(r, Err(Error::Unauthenticated)), "{r:?}");
        }
        let r = t
            .app
            .check_credentials(from(&people[0], PASSWORD, office), now)
            .await;
        assert!(matches!(r, Err(Error::Throttled(_))), "{r:?}");
    }
);
