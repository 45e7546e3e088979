//! Mail over real SMTP (a server the tests start on loopback TCP) and the
//! reminders, on SQLite and on PostgreSQL: delivered once, retried when the
//! server is down or defers, given up when it refuses for good, never twice
//! with two schedulers; reminders once each, in each recipient's language.

use axum::http::StatusCode;
use saps_app::mail::{MAX_REFUSALS, MailTransport, SmtpSettings};
use saps_app::{App, ClockMove};
use saps_core::port::{MailStatus, OutboxEntry};
use saps_core::{Actor, Locale};
use saps_testkit::both_databases;
use saps_testkit::smtp::{Mode, SmtpServer};
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

/// An app that sends through `server`, retrying at once (no wait) after a failure.
async fn app_on(db: saps_testkit::testapp::Db, server: &SmtpServer) -> TestApp {
    let url = server.url();
    TestApp::with_settings(db, 30, move |s| {
        s.mail_transport = MailTransport::Smtp(SmtpSettings::parse(&url, None).expect("a URL"));
        s.mail_retry_base = jiff::SignedDuration::ZERO;
    })
    .await
}

/// Creates a voucher of `days` and assigns it to the world's partner: three
/// mails (the customer's creator and project manager, the partner's admin).
async fn assigned_voucher(t: &TestApp, days: u32) -> Value {
    let w = t.world.clone();
    let ba = t.token(&w.benefit_admin).await;
    let r = t
        .post(
            "/api/v1/vouchers",
            &ba,
            &json!({
                "customer_id": w.customer.id,
                "agreement": w.agreement,
                "engagement": "SSDPS-UPG",
                "days": days,
                "project_manager_id": w.project_manager.id,
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let code = r.body["code"].as_str().expect("a code").to_owned();
    let a = t
        .post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({"partner_id": w.partner.id}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    a.body
}

async fn outbox(app: &App) -> Vec<OutboxEntry> {
    app.read(|tx| Ok(tx.outbox_entries(10_000)?))
        .await
        .expect("the outbox reads")
}

fn message_ids(server: &SmtpServer) -> Vec<String> {
    let mut ids: Vec<String> = server
        .received()
        .iter()
        .map(|m| m.message_id().expect("a Message-ID").to_owned())
        .collect();
    ids.sort();
    ids
}

both_databases!(mail_goes_over_smtp_once_as_text_and_html, |db| async move {
    let server = SmtpServer::start().await;
    let t = app_on(db, &server).await;
    let v = assigned_voucher(&t, 3).await;
    let code = v["code"].as_str().unwrap();
    assert_eq!(t.app.dispatch_mail().await.unwrap(), 3);
    assert_eq!(t.app.dispatch_mail().await.unwrap(), 0, "nothing twice");
    let got = server.received();
    assert_eq!(got.len(), 3);
    let mut to: Vec<String> = got.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    let w = &t.world;
    let mut expected = vec![
        w.benefit_admin.email.clone(),
        w.project_manager.email.clone(),
        w.partner_admin.email.clone(),
    ];
    expected.sort();
    assert_eq!(to, expected);
    for m in &got {
        assert!(m.data.contains("multipart/alternative"), "{}", m.data);
        assert!(m.data.contains("text/html"), "{}", m.data);
        assert!(m.data.contains(code), "{}", m.data);
    }
    let ids = message_ids(&server);
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
    assert!(
        outbox(&t.app)
            .await
            .iter()
            .all(|e| e.status == MailStatus::Sent)
    );
});

both_databases!(
    mail_waits_while_the_server_is_down_and_goes_once_when_it_is_back,
    |db| async move {
        let server = SmtpServer::start().await;
        let t = app_on(db, &server).await;
        server.set_mode(Mode::Down);
        assigned_voucher(&t, 3).await;
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        let entries = outbox(&t.app).await;
        assert_eq!(entries.len(), 3);
        for e in &entries {
            assert_eq!((e.status, e.mail.attempts), (MailStatus::Retrying, 1));
            assert!(
                e.last_error.is_some() && e.next_attempt_at.is_some(),
                "{e:?}"
            );
        }
        assert!(server.received().is_empty());

        // A transient refusal (450) is retried too.
        server.set_mode(Mode::DeferRecipient);
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        let entries = outbox(&t.app).await;
        assert!(entries.iter().all(|e| e.mail.attempts == 2), "{entries:?}");
        assert!(
            entries
                .iter()
                .all(|e| e.last_error.as_deref().is_some_and(|l| l.contains("450"))),
            "{entries:?}"
        );

        server.set_mode(Mode::Up);
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 3);
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        assert_eq!(server.received().len(), 3, "each mail once");
        assert!(
            outbox(&t.app)
                .await
                .iter()
                .all(|e| e.status == MailStatus::Sent)
        );
    }
);

both_databases!(
    a_connection_cut_in_the_middle_of_data_is_retried_with_the_same_message_id,
    |db| async move {
        let server = SmtpServer::start().await;
        let t = app_on(db, &server).await;
        server.set_mode(Mode::CutMidData);
        assigned_voucher(&t, 3).await;
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        assert!(server.received().is_empty());
        server.set_mode(Mode::Up);
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 3);
        let ids: Vec<String> = outbox(&t.app)
            .await
            .iter()
            .map(|e| format!("<{}@saps>", e.mail.id))
            .collect();
        let mut ids = ids;
        ids.sort();
        assert_eq!(message_ids(&server), ids, "the Message-ID is the outbox id");
    }
);

both_databases!(
    a_recipient_the_server_refuses_for_good_is_given_up_and_not_retried,
    |db| async move {
        let server = SmtpServer::start().await;
        let t = app_on(db, &server).await;
        server.set_mode(Mode::RefuseRecipient);
        assigned_voucher(&t, 3).await;
        for _ in 0..MAX_REFUSALS {
            assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        }
        let entries = outbox(&t.app).await;
        for e in &entries {
            assert_eq!(e.status, MailStatus::Failed, "{e:?}");
            assert_eq!(e.mail.attempts, MAX_REFUSALS);
            assert!(
                e.last_error.as_deref().is_some_and(|l| l.contains("550")),
                "{e:?}"
            );
            assert!(e.failed_at.is_some());
        }
        server.set_mode(Mode::Up);
        let before = server.connections();
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        assert_eq!(
            server.connections(),
            before,
            "a failed mail is not tried again"
        );
        assert!(server.received().is_empty());
    }
);

both_databases!(
    two_schedulers_sending_at_once_send_each_mail_once,
    |db| async move {
        let server = SmtpServer::start().await;
        let t = app_on(db, &server).await;
        for _ in 0..8 {
            assigned_voucher(&t, 1).await;
        }
        let settings = t.app.settings.clone();
        let second = App::new(
            t.app.store.clone(),
            saps_app::clock::Clock::simulated(jiff::civil::date(2020, 11, 2)),
            settings,
        )
        .await
        .expect("a second node");
        let (mut sent, mut rounds) = (0, 0);
        while sent < 24 && rounds < 10 {
            let (a, b) = tokio::join!(t.app.dispatch_mail(), second.dispatch_mail());
            sent += a.unwrap() + b.unwrap();
            rounds += 1;
        }
        assert_eq!(sent, 24);
        let ids = message_ids(&server);
        let mut unique = ids.clone();
        unique.dedup();
        assert_eq!(ids.len(), 24);
        assert_eq!(ids, unique, "no mail twice");
    }
);

/// Mails in the outbox whose subject names `code`.
async fn mails_about(app: &App, code: &str) -> Vec<OutboxEntry> {
    outbox(app)
        .await
        .into_iter()
        .filter(|e| e.mail.subject.contains(code))
        .collect()
}

both_databases!(
    reminders_go_once_before_an_unreserved_voucher_expires_in_each_recipients_language,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let (ba, pm) = (w.benefit_admin.id, w.project_manager.id);
        t.app
            .write(move |tx| {
                tx.set_user_locale(ba, Locale::Fr)?;
                Ok(tx.set_user_locale(pm, Locale::Ru)?)
            })
            .await
            .unwrap();
        let v = assigned_voucher(&t, 5).await;
        let code = v["code"].as_str().unwrap().to_owned();
        let expires: jiff::civil::Date = v["expires_on"].as_str().unwrap().parse().unwrap();
        let operator = Actor::of(&w.operator);
        let base = mails_about(&t.app, &code).await.len();

        // 31 days before: nothing yet.
        let day = |n: i64| expires - jiff::Span::new().days(n);
        t.app
            .move_clock(&operator, ClockMove::Set(day(31)))
            .await
            .unwrap();
        assert_eq!(mails_about(&t.app, &code).await.len(), base);

        // 30 days before: the creator (French) and the project manager (Russian).
        t.app
            .move_clock(&operator, ClockMove::Set(day(30)))
            .await
            .unwrap();
        let now = mails_about(&t.app, &code).await;
        let reminders: Vec<_> = now
            .iter()
            .filter(|e| e.mail.subject.contains("expire") || e.mail.subject.contains("истекает"))
            .collect();
        assert_eq!(reminders.len(), 2, "{now:?}");
        let to = |email: &str| {
            reminders
                .iter()
                .find(|e| e.mail.to == email)
                .unwrap_or_else(|| panic!("{email}: {reminders:?}"))
        };
        let fr = to(&w.benefit_admin.email);
        assert!(fr.mail.subject.starts_with("Le bon"), "{}", fr.mail.subject);
        assert!(fr.mail.body.contains("Numéro du bon"), "{}", fr.mail.body);
        assert!(
            fr.mail.body.contains(&format!("/vouchers/{code}")),
            "{}",
            fr.mail.body
        );
        let ru = to(&w.project_manager.email);
        assert!(ru.mail.subject.starts_with("Ваучер"), "{}", ru.mail.subject);
        assert!(ru.mail.body.contains(" г."), "{}", ru.mail.body);
        assert!(
            ru.mail
                .html
                .as_deref()
                .is_some_and(|h| h.contains("lang=\"ru\""))
        );

        // The clock moved again, set twice to one day, a second run: nothing
        // more (it only moves forward).
        t.app
            .move_clock(&operator, ClockMove::Set(day(29)))
            .await
            .unwrap();
        t.app
            .move_clock(&operator, ClockMove::Set(day(29)))
            .await
            .unwrap();
        assert_eq!(t.app.send_reminders().await.unwrap(), 0);
        assert_eq!(mails_about(&t.app, &code).await.len(), base + 2);

        // 7 days before: the second reminder, once.
        t.app
            .move_clock(&operator, ClockMove::Set(day(7)))
            .await
            .unwrap();
        assert_eq!(mails_about(&t.app, &code).await.len(), base + 4);
        t.app
            .move_clock(&operator, ClockMove::Set(day(6)))
            .await
            .unwrap();
        assert_eq!(mails_about(&t.app, &code).await.len(), base + 4);

        // Journaled: two reminders, each with its offset.
        let events = t
            .app
            .read(|tx| Ok(tx.events_after(saps_core::Scope::All, 0, 10_000)?))
            .await
            .unwrap();
        let mut offsets: Vec<u64> = events
            .iter()
            .filter(|e| e.kind == "reminder.sent" && e.payload["code"] == code.as_str())
            .map(|e| e.payload["offset_days"].as_u64().unwrap())
            .collect();
        offsets.sort();
        assert_eq!(offsets, [7, 30]);
    }
);

both_databases!(
    a_clock_jumping_over_both_reminder_days_sends_only_the_nearest,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let v = assigned_voucher(&t, 5).await;
        let code = v["code"].as_str().unwrap().to_owned();
        let expires: jiff::civil::Date = v["expires_on"].as_str().unwrap().parse().unwrap();
        let base = mails_about(&t.app, &code).await.len();
        let operator = Actor::of(&w.operator);
        t.app
            .move_clock(
                &operator,
                ClockMove::Set(expires - jiff::Span::new().days(3)),
            )
            .await
            .unwrap();
        let reminders = mails_about(&t.app, &code).await.len() - base;
        assert_eq!(reminders, 2, "one reminder (7 days) to each of two people");
        let events = t
            .app
            .read(|tx| Ok(tx.events_after(saps_core::Scope::All, 0, 10_000)?))
            .await
            .unwrap();
        let offsets: Vec<u64> = events
            .iter()
            .filter(|e| e.kind == "reminder.sent" && e.payload["code"] == code.as_str())
            .map(|e| e.payload["offset_days"].as_u64().unwrap())
            .collect();
        assert_eq!(offsets, [7]);
    }
);

both_databases!(
    a_reserved_voucher_reminds_the_partners_admins_before_it_expires,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let v = assigned_voucher(&t, 1).await;
        let code = v["code"].as_str().unwrap().to_owned();
        let expires: jiff::civil::Date = v["expires_on"].as_str().unwrap().parse().unwrap();
        let pa = t.token(&w.partner_admin).await;
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/reserve"),
                &pa,
                &json!({
                    "location_id": w.location.id,
                    "consultant_id": w.consultant.id,
                    "start_date": "2020-12-01",
                    "end_date": "2020-12-01",
                    "accept_terms": true,
                }),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        // The customer hears of the reservation.
        let reserved: Vec<_> = mails_about(&t.app, &code)
            .await
            .into_iter()
            .filter(|e| e.mail.subject.contains("reserved by"))
            .collect();
        assert_eq!(reserved.len(), 2, "{reserved:?}");
        assert!(
            reserved[0].mail.body.contains("December 1, 2020"),
            "{}",
            reserved[0].mail.body
        );

        t.app
            .move_clock(
                &Actor::of(&w.operator),
                ClockMove::Set(expires - jiff::Span::new().days(30)),
            )
            .await
            .unwrap();
        let reminders: Vec<_> = mails_about(&t.app, &code)
            .await
            .into_iter()
            .filter(|e| e.mail.subject.starts_with("Reserved"))
            .collect();
        assert_eq!(reminders.len(), 1, "{reminders:?}");
        assert_eq!(reminders[0].mail.to, w.partner_admin.email);

        // The customer hears of a cancelled reservation too.
        let c = t
            .post(
                &format!("/api/v1/vouchers/{code}/cancel-reservation"),
                &pa,
                &json!({"reason": "customer postponed"}),
            )
            .await;
        assert_eq!(c.status, StatusCode::OK, "{:?}", c.body);
        let cancelled = mails_about(&t.app, &code)
            .await
            .into_iter()
            .filter(|e| e.mail.subject.starts_with("Reservation of"))
            .count();
        assert_eq!(cancelled, 2);
    }
);

both_databases!(
    reminder_offsets_are_program_data_and_bad_ones_are_refused_changing_nothing,
    |db| async move {
        use axum::http::Method;
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let program = t.get("/api/v1/program", &op).await.body;
        assert_eq!(program["reminders"]["days_removal"], json!([30, 7]));
        assert_eq!(program["reminders"]["claim_window"], json!([14, 3]));

        for (field, offsets) in [("days_removal", json!([0])), ("claim_window", json!([400]))] {
            let mut bad = program.clone();
            bad["reminders"][field] = offsets;
            let r = t
                .call(Method::PUT, "/api/v1/program", Some(&op), Some(&bad))
                .await;
            assert_eq!(
                (r.status, r.code()),
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("validation.reminders.{field}").as_str()
                ),
                "{:?}",
                r.body
            );
        }
        let unchanged = t.get("/api/v1/program", &op).await.body;
        assert_eq!(unchanged["version"], program["version"]);

        let mut next = program.clone();
        next["reminders"]["voucher_unreserved"] = json!([10]);
        let r = t
            .call(Method::PUT, "/api/v1/program", Some(&op), Some(&next))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["reminders"]["voucher_unreserved"], json!([10]));
        assert_eq!(r.body["reminders"]["days_removal"], json!([30, 7]));

        // Sent on the new offset only.
        let v = assigned_voucher(&t, 1).await;
        let code = v["code"].as_str().unwrap().to_owned();
        let expires: jiff::civil::Date = v["expires_on"].as_str().unwrap().parse().unwrap();
        let base = mails_about(&t.app, &code).await.len();
        let operator = Actor::of(&t.world.operator);
        t.app
            .move_clock(
                &operator,
                ClockMove::Set(expires - jiff::Span::new().days(30)),
            )
            .await
            .unwrap();
        assert_eq!(mails_about(&t.app, &code).await.len(), base);
        t.app
            .move_clock(
                &operator,
                ClockMove::Set(expires - jiff::Span::new().days(10)),
            )
            .await
            .unwrap();
        assert_eq!(mails_about(&t.app, &code).await.len(), base + 2);
    }
);

both_databases!(
    a_report_awaiting_sign_off_reminds_the_project_manager_and_a_redeemed_voucher_its_claim_window,
    |db| async move {
        use saps_app::delivery::Upload;
        use saps_core::delivery::ReportFields;
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let v = assigned_voucher(&t, 1).await;
        let code_text = v["code"].as_str().unwrap().to_owned();
        let code: saps_core::VoucherCode = code_text.parse().unwrap();
        let pa = t.token(&w.partner_admin).await;
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code_text}/reserve"),
                &pa,
                &json!({
                    "location_id": w.location.id,
                    "consultant_id": w.consultant.id,
                    "start_date": "2020-12-01",
                    "end_date": "2020-12-01",
                    "accept_terms": true,
                }),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let operator = Actor::of(&w.operator);
        t.app
            .move_clock(&operator, ClockMove::Set(jiff::civil::date(2020, 12, 2)))
            .await
            .unwrap();
        let partner_admin = Actor::of(&w.partner_admin);
        t.app
            .submit_report(
                &partner_admin,
                code,
                ReportFields {
                    delivered_from: jiff::civil::date(2020, 12, 1),
                    delivered_to: jiff::civil::date(2020, 12, 1),
                    days_onsite: 1,
                    days_offsite: 0,
                    summary: "Planned the upgrade with the customer's team.".into(),
                    next_steps: "Start the pilot in January.".into(),
                },
                vec![Upload {
                    filename: "plan.pdf".into(),
                    bytes: b"%PDF-1.4 the plan".to_vec(),
                }],
            )
            .await
            .expect("the report is submitted");
        assert_eq!(t.app.send_reminders().await.unwrap(), 1);
        assert_eq!(t.app.send_reminders().await.unwrap(), 0, "once");
        let sign_off: Vec<_> = mails_about(&t.app, &code_text)
            .await
            .into_iter()
            .filter(|e| e.mail.subject.contains("awaits your sign-off"))
            .collect();
        assert_eq!(sign_off.len(), 1, "{sign_off:?}");
        assert_eq!(sign_off[0].mail.to, w.project_manager.email);
        assert!(
            sign_off[0].mail.body.contains("December 16, 2020"),
            "deemed accepted on: {}",
            sign_off[0].mail.body
        );

        t.app
            .sign_off(&Actor::of(&w.project_manager), code, true, None)
            .await
            .expect("accepted");
        let redeemed = t
            .app
            .redeem(&partner_admin, vec![code_text.clone()])
            .await
            .unwrap();
        assert_eq!(redeemed.len(), 1);
        // Redeemed on 2020-12-02: the last day to request payment is 60 days on.
        let last_day = jiff::civil::date(2021, 1, 31);
        t.app
            .move_clock(
                &operator,
                ClockMove::Set(last_day - jiff::Span::new().days(14)),
            )
            .await
            .unwrap();
        let claim: Vec<_> = mails_about(&t.app, &code_text)
            .await
            .into_iter()
            .filter(|e| e.mail.subject.starts_with("Request payment"))
            .collect();
        assert_eq!(claim.len(), 1, "{claim:?}");
        assert_eq!(claim[0].mail.to, w.partner_admin.email);
        assert!(
            claim[0].mail.subject.contains("January 31, 2021"),
            "{}",
            claim[0].mail.subject
        );
    }
);

both_databases!(
    customers_are_reminded_before_their_remaining_days_are_removed,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = w.benefit_admin.id;
        t.app
            .write(move |tx| Ok(tx.set_user_locale(ba, Locale::PtBr)?))
            .await
            .unwrap();
        let removal = |e: &OutboxEntry| e.mail.subject.contains("serão removidos");
        let operator = Actor::of(&w.operator);
        t.app
            .move_clock(&operator, ClockMove::Set(jiff::civil::date(2021, 6, 1)))
            .await
            .unwrap();
        let sent: Vec<_> = outbox(&t.app).await.into_iter().filter(removal).collect();
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(sent[0].mail.to, w.benefit_admin.email);
        assert!(
            sent[0].mail.subject.contains("30 dias"),
            "{}",
            sent[0].mail.subject
        );
        assert!(
            sent[0].mail.subject.contains("1 de julho de 2021"),
            "{}",
            sent[0].mail.subject
        );
        t.app
            .move_clock(&operator, ClockMove::Set(jiff::civil::date(2021, 6, 2)))
            .await
            .unwrap();
        t.app
            .move_clock(&operator, ClockMove::Set(jiff::civil::date(2021, 6, 24)))
            .await
            .unwrap();
        let sent = outbox(&t.app).await.into_iter().filter(removal).count();
        assert_eq!(sent, 2, "the 30-day and the 7-day reminder, once each");
    }
);

both_databases!(
    two_nodes_sending_reminders_at_once_send_each_once,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let mut codes = Vec::new();
        for _ in 0..5 {
            codes.push(
                assigned_voucher(&t, 1).await["code"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        let v = assigned_voucher(&t, 1).await;
        let expires: jiff::civil::Date = v["expires_on"].as_str().unwrap().parse().unwrap();
        codes.push(v["code"].as_str().unwrap().to_owned());
        let day = expires - jiff::Span::new().days(7);
        let node = || {
            App::new(
                t.app.store.clone(),
                saps_app::clock::Clock::simulated(day),
                t.app.settings.clone(),
            )
        };
        let (a, b) = (node().await.unwrap(), node().await.unwrap());
        let (x, y, z) = tokio::join!(a.send_reminders(), b.send_reminders(), a.send_reminders());
        let sent = x.unwrap() + y.unwrap() + z.unwrap();
        let events = t
            .app
            .read(|tx| Ok(tx.events_after(saps_core::Scope::All, 0, 10_000)?))
            .await
            .unwrap();
        let reminders = events.iter().filter(|e| e.kind == "reminder.sent").count();
        assert_eq!(
            sent as usize, reminders,
            "every reminder sent is journaled once"
        );
        let about_vouchers = events
            .iter()
            .filter(|e| e.kind == "reminder.sent" && e.payload["reminder"] == "voucher_unreserved")
            .count();
        assert_eq!(about_vouchers, codes.len(), "one per voucher");
        let reminder_mails = outbox(&t.app)
            .await
            .iter()
            .filter(|e| e.mail.subject.ends_with("unreserved"))
            .count();
        // Each voucher's creator and project manager, once.
        assert_eq!(reminder_mails, codes.len() * 2);
        assert_eq!(
            a.send_reminders().await.unwrap() + b.send_reminders().await.unwrap(),
            0
        );
    }
);
