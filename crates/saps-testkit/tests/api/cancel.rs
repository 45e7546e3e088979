//! Cancelling with a reason: journaled, the assigned partner told by e-mail;
//! a bad reason is refused and changes nothing.

use axum::http::StatusCode;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::json;

use crate::voucher;

fn mails(t: &TestApp) -> Vec<String> {
    std::fs::read_dir(t.dir.join("mail"))
        .map(|d| {
            d.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
                .collect()
        })
        .unwrap_or_default()
}

both_databases!(
    a_cancelled_assigned_voucher_tells_the_partner_why,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let v = voucher(&t, &ba, 3).await;
        let code = v["code"].as_str().unwrap().to_owned();
        let a = t
            .post(
                &format!("/api/v1/vouchers/{code}/assign"),
                &ba,
                &json!({"partner_id": w.partner.id}),
            )
            .await;
        assert_eq!(a.status, StatusCode::OK);
        t.app.dispatch_mail().await.unwrap();
        let before = mails(&t);

        // Too long, or with control characters: refused, nothing changed.
        let events = t.event_count().await;
        for reason in ["x".repeat(501), "bell\u{7}".to_owned()] {
            let r = t
                .post(
                    &format!("/api/v1/vouchers/{code}/cancel"),
                    &ba,
                    &json!({ "reason": reason }),
                )
                .await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::UNPROCESSABLE_ENTITY, "validation.reason"),
                "{:?}",
                r.body
            );
        }
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/cancel"),
                &ba,
                &json!({ "why": "x" }),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.body);
        assert_eq!(t.event_count().await, events);
        assert_eq!(
            t.get(&format!("/api/v1/vouchers/{code}"), &ba).await.body["state"],
            "assigned"
        );

        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/cancel"),
                &ba,
                &json!({ "reason": "  The project was stopped.  " }),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["state"], "cancelled");
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
        let last = v.body["history"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        assert_eq!(last["kind"], "voucher.cancelled");
        assert_eq!(last["payload"]["reason"], "The project was stopped.");
        assert_eq!(t.event_count().await, events + 1);
        t.app.dispatch_mail().await.unwrap();
        let all = mails(&t);
        let new: Vec<&String> = all.iter().filter(|m| !before.contains(m)).collect();
        assert_eq!(new.len(), 1, "one mail to the partner's admin: {new:?}");
        assert!(new[0].contains(&w.partner_admin.email), "{}", new[0]);
        assert!(new[0].contains(&code) && new[0].contains("The project was stopped."));

        // Without a body (or with no reason) it still works, and an unassigned
        // voucher tells nobody.
        let v = voucher(&t, &ba, 1).await;
        let code = v["code"].as_str().unwrap();
        let r = t
            .post(&format!("/api/v1/vouchers/{code}/cancel"), &ba, &json!({}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        t.app.dispatch_mail().await.unwrap();
        assert_eq!(mails(&t).len(), all.len());
    }
);

both_databases!(
    the_project_manager_changes_until_delivery,
    |db| async move {
        use axum::http::Method;
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let op = t.token(&w.operator).await;
        let u = t
            .post(
                &format!("/api/v1/orgs/{}/users", w.customer.id),
                &op,
                &json!({"email": "pm2@customer.example", "name": "Second PM",
                    "role": "project_manager", "password": "password-123"}),
            )
            .await;
        assert_eq!(u.status, StatusCode::CREATED, "{:?}", u.body);
        let pm2 = u.body["id"].as_str().unwrap().to_owned();
        let v = voucher(&t, &ba, 1).await;
        let code = v["code"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/vouchers/{code}/project-manager");
        let put = |token: &str, body: serde_json::Value| {
            let (t, path, token) = (&t, path.clone(), token.to_owned());
            async move { t.call(Method::PUT, &path, Some(&token), Some(&body)).await }
        };
        let events = t.event_count().await;
        // Someone not allowed; a user who is not one of the customer's project
        // managers; a malformed body: refused, nothing changed.
        let pm = t.token(&w.project_manager).await;
        let r = put(&pm, json!({"project_manager_id": pm2})).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{:?}", r.body);
        for who in [w.benefit_admin.id, w.consultant.id] {
            let r = put(&ba, json!({"project_manager_id": who})).await;
            assert_eq!(
                (r.status, r.code()),
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "rule.project_manager_not_in_customer"
                ),
                "{:?}",
                r.body
            );
        }
        let r = put(&ba, json!({"project_manager": pm2})).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.body);
        assert_eq!(t.event_count().await, events);

        let r = put(&ba, json!({"project_manager_id": pm2})).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["project_manager_id"], pm2.as_str());
        assert_eq!(t.event_count().await, events + 1);
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
        let last = v.body["history"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        assert_eq!(last["kind"], "voucher.project_manager_changed");
        assert_eq!(last["payload"]["to"], pm2.as_str());
        // The former project manager no longer sees it; the new one does.
        let list = t.get("/api/v1/vouchers", &pm).await;
        assert!(list.body["items"].as_array().unwrap().is_empty());
        let pm2_token = t
            .app
            .issue_token("pm2@customer.example", "password-123")
            .await
            .unwrap()
            .0;
        let list = t.get("/api/v1/vouchers", &pm2_token).await;
        assert_eq!(list.body["items"][0]["code"], code.as_str());

        // Cancelled (no longer before delivery): a conflict.
        let c = t
            .post(&format!("/api/v1/vouchers/{code}/cancel"), &ba, &json!({}))
            .await;
        assert_eq!(c.status, StatusCode::OK);
        let back = w.project_manager.id;
        let r = put(&ba, json!({"project_manager_id": back})).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{:?}", r.body);
    }
);
