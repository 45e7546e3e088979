//! Tenancy: another tenant's objects are not found, exactly like missing ones.

use axum::http::{Method, StatusCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::json;

use crate::{reserve_body, voucher};

both_databases!(
    another_tenants_objects_are_not_found_exactly_like_missing_ones,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let op = t.token(&w.operator).await;
        let v = voucher(&t, &ba, 1).await;
        let code = v["code"].as_str().unwrap().to_owned();

        // A second customer and a second partner, each with an admin.
        let c2 = t
            .post(
                "/api/v1/customers",
                &op,
                &json!({"name": "Other customer", "country": "IT"}),
            )
            .await;
        let c2id = c2.body["id"].as_str().unwrap().to_owned();
        let u = t
            .post(
                &format!("/api/v1/orgs/{c2id}/users"),
                &op,
                &json!({
                    "email": "ba@other.example",
                    "name": "Other BA",
                    "role": "benefit_admin",
                    "password": "password-123",
                }),
            )
            .await;
        assert_eq!(u.status, StatusCode::CREATED, "{:?}", u.body);
        let other_ba = t
            .app
            .issue_token("ba@other.example", "password-123")
            .await
            .unwrap()
            .0;
        let p2 = t
            .post(
                "/api/v1/partners",
                &op,
                &json!({
                    "name": "Other partner",
                    "country": "IT",
                    "locations": [{"name": "Roma", "country": "IT", "city": "Roma"}],
                }),
            )
            .await;
        let p2id = p2.body["id"].as_str().unwrap().to_owned();
        t.post(
            &format!("/api/v1/orgs/{p2id}/users"),
            &op,
            &json!({
                "email": "ga@other.example",
                "name": "Other GA",
                "role": "global_admin",
                "password": "password-123",
            }),
        )
        .await;
        let other_pa = t
            .app
            .issue_token("ga@other.example", "password-123")
            .await
            .unwrap()
            .0;

        let missing = "0000-0000-0000-0000-0000";
        for (token, path) in [
            (&other_ba, format!("/api/v1/vouchers/{code}")),
            (&other_ba, format!("/api/v1/vouchers/{missing}")),
            (&other_pa, format!("/api/v1/vouchers/{code}")),
        ] {
            let r = t.get(&path, token).await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::NOT_FOUND, "voucher.not_found"),
                "{path}"
            );
        }
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/cancel"),
                &other_ba,
                &json!({}),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = t
            .get(
                &format!("/api/v1/customers/{}/benefit", w.customer.id),
                &other_ba,
            )
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::NOT_FOUND, "customer.not_found")
        );
        let r = t
            .post(
                &format!("/api/v1/orgs/{}/users", w.customer.id),
                &other_ba,
                &json!({
                    "email": "x@x.example",
                    "name": "X",
                    "role": "project_manager",
                    "password": "password-123",
                }),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Assigned to the first partner: the other partner cannot validate or reserve it.
        t.post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({"partner_id": w.partner.id}),
        )
        .await;
        let r = t
            .post(
                "/api/v1/vouchers/validate",
                &other_pa,
                &json!({"code": code, "customer_email": w.benefit_admin.email}),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/reserve"),
                &other_pa,
                &reserve_body(&t),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Lists and the event feed hold nothing of the other tenant.
        let l = t.get("/api/v1/vouchers", &other_ba).await;
        assert_eq!(l.body["items"], json!([]));
        let e = t.get("/api/v1/events", &other_pa).await;
        assert!(
            e.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["voucher_id"].is_null()),
            "{:?}",
            e.body
        );
        // A known object the role may not act on is 403: the project manager cannot cancel.
        let pm = t.token(&w.project_manager).await;
        let r = t
            .post(&format!("/api/v1/vouchers/{code}/cancel"), &pm, &json!({}))
            .await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::FORBIDDEN, "auth.forbidden")
        );
        // No token, or a bad one: 401.
        let r = t.call(Method::GET, "/api/v1/me", None, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        let r = t.get("/api/v1/me", "saps_not-a-token").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
);

both_databases!(
    every_org_route_answers_another_tenants_org_exactly_like_a_missing_one,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let op = t.token(&w.operator).await;
        let c2 = t
            .post(
                "/api/v1/customers",
                &op,
                &json!({"name": "Other customer", "country": "IT"}),
            )
            .await;
        let other_customer = c2.body["id"].as_str().unwrap().to_owned();
        let missing = uuid::Uuid::now_v7().to_string();
        let new_user = json!({
            "email": "x@x.example",
            "name": "X",
            "role": "project_manager",
            "password": "password-123",
        });
        let agreement = json!({
            "number": "A-1", "sa_start": "2020-01-01", "sa_end": "2022-12-31", "days": 5,
        });
        // Each caller's foreign organisations: a customer and a partner not its own.
        let callers = [
            (
                &w.benefit_admin,
                vec![other_customer.clone(), w.partner.id.to_string()],
            ),
            (
                &w.partner_admin,
                vec![w.customer.id.to_string(), other_customer.clone()],
            ),
        ];
        for (user, foreign) in callers {
            let token = t.token(user).await;
            let routes: [(Method, &str, Option<&serde_json::Value>); 6] = [
                (Method::GET, "/api/v1/orgs/{}/users", None),
                (Method::POST, "/api/v1/orgs/{}/users", Some(&new_user)),
                (Method::GET, "/api/v1/customers/{}/benefit", None),
                (
                    Method::POST,
                    "/api/v1/customers/{}/benefit/activate",
                    Some(&json!({})),
                ),
                (
                    Method::POST,
                    "/api/v1/customers/{}/agreements",
                    Some(&agreement),
                ),
                (Method::GET, "/api/v1/partners/{}", None),
            ];
            for (method, route, body) in routes {
                let path = |id: &str| route.replace("{}", id);
                let absent = t
                    .call(method.clone(), &path(&missing), Some(&token), body)
                    .await;
                assert_eq!(
                    absent.status,
                    StatusCode::NOT_FOUND,
                    "{route}: {:?}",
                    absent.body
                );
                for id in &foreign {
                    if route.starts_with("/api/v1/partners/") && *id == w.partner.id.to_string() {
                        continue; // partners are a directory every caller may read
                    }
                    let r = t.call(method.clone(), &path(id), Some(&token), body).await;
                    assert_eq!(
                        (r.status, &r.body),
                        (absent.status, &absent.body),
                        "{method} {route} for {} on a foreign org",
                        user.email
                    );
                }
            }
        }
    }
);
