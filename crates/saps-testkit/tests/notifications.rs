//! Each user's notification settings, on SQLite and on PostgreSQL: the API
//! (defaults, saving, bad bodies changing nothing, one user's settings never
//! another's) and the mail that respects them (an opted-out user gets no
//! mail of that group while others still do; a reminder no one received is
//! still done, never sent later).

use axum::http::{Method, StatusCode};
use saps_app::ClockMove;
use saps_core::Actor;
use saps_core::port::OutboxEntry;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

const PATH: &str = "/api/v1/me/notifications";

async fn put(t: &TestApp, token: &str, body: &Value) -> saps_testkit::testapp::Answer {
    t.call(Method::PUT, PATH, Some(token), Some(body)).await
}

fn all_on() -> Value {
    json!({"reminders": true, "voucher_updates": true, "payments": true})
}

both_databases!(
    settings_default_on_are_saved_by_their_user_alone_and_bad_bodies_change_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let pm = t.token(&w.project_manager).await;
        let ba = t.token(&w.benefit_admin).await;

        let r = t.get(PATH, &pm).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body, all_on());

        let before = t.event_count().await;
        let mine = json!({"reminders": false, "voucher_updates": true, "payments": false});
        let r = put(&t, &pm, &mine).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body, mine);
        assert_eq!(t.get(PATH, &pm).await.body, mine);
        assert_eq!(t.event_count().await, before + 1, "journaled once");
        // Saving the same again records nothing.
        assert_eq!(put(&t, &pm, &mine).await.status, StatusCode::OK);
        assert_eq!(t.event_count().await, before + 1);
        let events = t
            .app
            .read(|tx| Ok(tx.events_after(saps_core::Scope::All, 0, 10_000)?))
            .await
            .unwrap();
        let changed = events
            .iter()
            .rfind(|e| e.kind == "user.notifications_changed")
            .expect("the event");
        assert_eq!(changed.payload["id"], json!(w.project_manager.id));
        assert_eq!(changed.payload["reminders"], json!(false));

        // Another user's settings are untouched.
        assert_eq!(t.get(PATH, &ba).await.body, all_on());

        // Bad bodies: refused with the field named, nothing changed.
        let bad: [(&str, Vec<u8>, &str); 5] = [
            (
                "an unknown key",
                br#"{"reminders":true,"voucher_updates":true,"payments":true,"spam":false}"#
                    .to_vec(),
                "validation.spam",
            ),
            (
                "a missing group",
                br#"{"reminders":true,"voucher_updates":true}"#.to_vec(),
                "validation.payments",
            ),
            (
                "not a boolean",
                br#"{"reminders":"no","voucher_updates":true,"payments":true}"#.to_vec(),
                "validation.reminders",
            ),
            ("not JSON", b"{reminders".to_vec(), "request.malformed_json"),
            ("an empty body", Vec::new(), "request.empty_body"),
        ];
        for (what, body, code) in bad {
            let body = if body.is_empty() { None } else { Some(body) };
            let r = t
                .raw(
                    Method::PUT,
                    PATH,
                    Some(&pm),
                    body,
                    &[("content-type", "application/json")],
                )
                .await;
            assert!(r.status.is_client_error(), "{what}: {:?}", r.status);
            assert_eq!(r.code(), code, "{what}: {:?}", r.body);
            assert_eq!(
                r.content_type, "application/problem+json",
                "{what}: {:?}",
                r.body
            );
        }
        assert_eq!(t.get(PATH, &pm).await.body, mine);
        assert_eq!(t.event_count().await, before + 1);

        // Signed out: no settings to read or write.
        let r = t.call(Method::GET, PATH, None, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
);

async fn outbox(t: &TestApp) -> Vec<OutboxEntry> {
    t.app
        .read(|tx| Ok(tx.outbox_entries(10_000)?))
        .await
        .expect("the outbox reads")
}

/// Mails to `to` whose subject names `code`.
async fn mails(t: &TestApp, code: &str, to: &str) -> usize {
    outbox(t)
        .await
        .iter()
        .filter(|e| e.mail.subject.contains(code) && e.mail.to == to)
        .count()
}

both_databases!(
    an_opted_out_user_gets_no_reminder_while_another_does_and_it_is_not_sent_later,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let (ba, pm) = (
            t.token(&w.benefit_admin).await,
            t.token(&w.project_manager).await,
        );
        let partner = t.token(&w.partner_admin).await;
        let (ba_mail, pm_mail) = (
            w.benefit_admin.email.clone(),
            w.project_manager.email.clone(),
        );

        // The partner's admin turned voucher updates off: the assignment
        // reaches the customer (essential: it carries the voucher ID) but not
        // the partner.
        let no_updates = json!({"reminders": true, "voucher_updates": false, "payments": true});
        assert_eq!(put(&t, &partner, &no_updates).await.status, StatusCode::OK);

        let r = t
            .post(
                "/api/v1/vouchers",
                &ba,
                &json!({
                    "customer_id": w.customer.id,
                    "agreement": w.agreement,
                    "engagement": "SSDPS-UPG",
                    "days": 5,
                    "project_manager_id": w.project_manager.id,
                }),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        let code = r.body["code"].as_str().unwrap().to_owned();
        let a = t
            .post(
                &format!("/api/v1/vouchers/{code}/assign"),
                &ba,
                &json!({"partner_id": w.partner.id}),
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
        assert_eq!(mails(&t, &code, &ba_mail).await, 1);
        assert_eq!(mails(&t, &code, &pm_mail).await, 1);
        assert_eq!(mails(&t, &code, &w.partner_admin.email).await, 0);

        let expires: jiff::civil::Date = a.body["expires_on"].as_str().unwrap().parse().unwrap();
        let day = |n: i64| expires - jiff::Span::new().days(n);
        let operator = Actor::of(&w.operator);
        let off = json!({"reminders": false, "voucher_updates": true, "payments": true});

        // 30 days before, the project manager opted out: the creator alone is reminded.
        assert_eq!(put(&t, &pm, &off).await.status, StatusCode::OK);
        t.app
            .move_clock(&operator, ClockMove::Set(day(30)))
            .await
            .unwrap();
        assert_eq!(mails(&t, &code, &ba_mail).await, 2);
        assert_eq!(mails(&t, &code, &pm_mail).await, 1);

        // Both opted out at 7 days: no mail, yet the reminder is done.
        assert_eq!(put(&t, &ba, &off).await.status, StatusCode::OK);
        t.app
            .move_clock(&operator, ClockMove::Set(day(7)))
            .await
            .unwrap();
        assert_eq!(mails(&t, &code, &ba_mail).await, 2);
        assert_eq!(mails(&t, &code, &pm_mail).await, 1);

        // Opted in again the next day: neither reminder goes late.
        assert_eq!(put(&t, &ba, &all_on()).await.status, StatusCode::OK);
        assert_eq!(put(&t, &pm, &all_on()).await.status, StatusCode::OK);
        t.app
            .move_clock(&operator, ClockMove::Set(day(6)))
            .await
            .unwrap();
        assert_eq!(t.app.send_reminders().await.unwrap(), 0);
        assert_eq!(mails(&t, &code, &ba_mail).await, 2);
        assert_eq!(mails(&t, &code, &pm_mail).await, 1);

        // Journaled once each, with whom they reached.
        let events = t
            .app
            .read(|tx| Ok(tx.events_after(saps_core::Scope::All, 0, 10_000)?))
            .await
            .unwrap();
        let mut sent: Vec<(u64, u64)> = events
            .iter()
            .filter(|e| e.kind == "reminder.sent" && e.payload["code"] == code.as_str())
            .map(|e| {
                (
                    e.payload["offset_days"].as_u64().unwrap(),
                    e.payload["recipients"].as_u64().unwrap(),
                )
            })
            .collect();
        sent.sort();
        assert_eq!(sent, [(7, 0), (30, 1)]);
    }
);
