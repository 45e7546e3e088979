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

/// One test's set-up: an app on its database (sending through a real SMTP
/// server on loopback when the test needs one, retrying at once after a
/// failure), and the steps every test repeats — a voucher assigned to the
/// world's partner, the program clock moved by the operator, the mails and
/// reminders about one voucher.
struct Case {
    t: TestApp,
    /// The SMTP server the app sends through ([`Case::smtp`]); `None` when
    /// mail stays in the outbox.
    server: Option<SmtpServer>,
}

/// A voucher a test follows: its code, its expiry, and how many mails about
/// it the outbox held once it was assigned.
struct Followed {
    code: String,
    expires: jiff::civil::Date,
    base: usize,
}

impl Case {
    /// An app whose mail stays in the outbox.
    async fn new(db: saps_testkit::testapp::Db) -> Self {
        Self {
            t: TestApp::new(db, 30).await,
            server: None,
        }
    }

    /// An app that sends through an SMTP server started for the test.
    async fn smtp(db: saps_testkit::testapp::Db) -> Self {
        let server = SmtpServer::start().await;
        let url = server.url();
        let t = TestApp::with_settings(db, 30, move |s| {
            s.mail_transport = MailTransport::Smtp(SmtpSettings::parse(&url, None).expect("a URL"));
            s.mail_retry_base = jiff::SignedDuration::ZERO;
        })
        .await;
        Self {
            t,
            server: Some(server),
        }
    }

    fn server(&self) -> &SmtpServer {
        self.server.as_ref().expect("a case made with Case::smtp")
    }

    /// A voucher of `days` assigned to the world's partner (three mails).
    async fn voucher(&self, days: u32) -> Followed {
        let v = assigned_voucher(&self.t, days).await;
        let code = v["code"].as_str().expect("a code").to_owned();
        let expires = v["expires_on"]
            .as_str()
            .expect("an expiry")
            .parse()
            .expect("a date");
        let base = self.mails_about(&code).await.len();
        Followed {
            code,
            expires,
            base,
        }
    }

    /// Sets the program clock to `day`, as the operator (reminders run).
    async fn set_clock(&self, day: jiff::civil::Date) {
        self.t
            .app
            .move_clock(&Actor::of(&self.t.world.operator), ClockMove::Set(day))
            .await
            .expect("the clock moves");
    }

    async fn outbox(&self) -> Vec<OutboxEntry> {
        self.t
            .app
            .read(|tx| Ok(tx.outbox_entries(10_000)?))
            .await
            .expect("the outbox reads")
    }

    /// Mails in the outbox whose subject names `code`.
    async fn mails_about(&self, code: &str) -> Vec<OutboxEntry> {
        self.outbox()
            .await
            .into_iter()
            .filter(|e| e.mail.subject.contains(code))
            .collect()
    }

    /// The journaled `reminder.sent` events about `code`: their offsets, in
    /// the order they were sent.
    async fn reminder_offsets(&self, code: &str) -> Vec<u64> {
        let events = self
            .t
            .app
            .read(|tx| Ok(tx.events_after(saps_core::Scope::All, 0, 10_000)?))
            .await
            .expect("the journal reads");
        events
            .iter()
            .filter(|e| e.kind == "reminder.sent" && e.payload["code"] == code)
            .map(|e| e.payload["offset_days"].as_u64().expect("an offset"))
            .collect()
    }
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
    let case = Case::smtp(db).await;
    let (t, server) = (&case.t, case.server());
    let code = &case.voucher(3).await.code;
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
    let ids = message_ids(server);
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
    assert!(
        case.outbox()
            .await
            .iter()
            .all(|e| e.status == MailStatus::Sent)
    );
});

both_databases!(
    mail_waits_while_the_server_is_down_and_goes_once_when_it_is_back,
    |db| async move {
        let case = Case::smtp(db).await;
        let (t, server) = (&case.t, case.server());
        server.set_mode(Mode::Down);
        case.voucher(3).await;
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        let entries = case.outbox().await;
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
        let entries = case.outbox().await;
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
            case.outbox()
                .await
                .iter()
                .all(|e| e.status == MailStatus::Sent)
        );
    }
);

both_databases!(
    a_connection_cut_in_the_middle_of_data_is_retried_with_the_same_message_id,
    |db| async move {
        let case = Case::smtp(db).await;
        let (t, server) = (&case.t, case.server());
        server.set_mode(Mode::CutMidData);
        case.voucher(3).await;
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        assert!(server.received().is_empty());
        server.set_mode(Mode::Up);
        assert_eq!(t.app.dispatch_mail().await.unwrap(), 3);
        let ids: Vec<String> = case
            .outbox()
            .await
            .iter()
            .map(|e| format!("<{}@saps>", e.mail.id))
            .collect();
        let mut ids = ids;
        ids.sort();
        assert_eq!(message_ids(server), ids, "the Message-ID is the outbox id");
    }
);

both_databases!(
    a_recipient_the_server_refuses_for_good_is_given_up_and_not_retried,
    |db| async move {
        let case = Case::smtp(db).await;
        let (t, server) = (&case.t, case.server());
        server.set_mode(Mode::RefuseRecipient);
        case.voucher(3).await;
        for _ in 0..MAX_REFUSALS {
            assert_eq!(t.app.dispatch_mail().await.unwrap(), 0);
        }
        let entries = case.outbox().await;
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
        let case = Case::smtp(db).await;
        let (t, server) = (&case.t, case.server());
        for _ in 0..8 {
            case.voucher(1).await;
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
        let ids = message_ids(server);
        let mut unique = ids.clone();
        unique.dedup();
        assert_eq!(ids.len(), 24);
        assert_eq!(ids, unique, "no mail twice");
    }
);

both_databases!(
    reminders_go_once_before_an_unreserved_voucher_expires_in_each_recipients_language,
    |db| async move {
        let case = Case::new(db).await;
        let w = case.t.world.clone();
        let (ba, pm) = (w.benefit_admin.id, w.project_manager.id);
        case.t
            .app
            .write(move |tx| {
                tx.set_user_locale(ba, Locale::Fr)?;
                Ok(tx.set_user_locale(pm, Locale::Ru)?)
            })
            .await
            .unwrap();
        let Followed {
            code,
            expires,
            base,
        } = case.voucher(5).await;

        // 31 days before: nothing yet.
        let day = |n: i64| expires - jiff::Span::new().days(n);
        case.set_clock(day(31)).await;
        assert_eq!(case.mails_about(&code).await.len(), base);

        // 30 days before: the creator (French) and the project manager (Russian).
        case.set_clock(day(30)).await;
        let now = case.mails_about(&code).await;
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
        case.set_clock(day(29)).await;
        case.set_clock(day(29)).await;
        assert_eq!(case.t.app.send_reminders().await.unwrap(), 0);
        assert_eq!(case.mails_about(&code).await.len(), base + 2);

        // 7 days before: the second reminder, once.
        case.set_clock(day(7)).await;
        assert_eq!(case.mails_about(&code).await.len(), base + 4);
        case.set_clock(day(6)).await;
        assert_eq!(case.mails_about(&code).await.len(), base + 4);

        // Journaled: two reminders, each with its offset.
        assert_eq!(case.reminder_offsets(&code).await, [30, 7]);
    }
);

both_databases!(
    a_clock_jumping_over_both_reminder_days_sends_only_the_nearest,
    |db| async move {
        let case = Case::new(db).await;
        let v = case.voucher(5).await;
        case.set_clock(v.expires - jiff::Span::new().days(3)).await;
        let reminders = case.mails_about(&v.code).await.len() - v.base;
        assert_eq!(reminders, 2, "one reminder (7 days) to each of two people");
        assert_eq!(case.reminder_offsets(&v.code).await, [7]);
    }
);

both_databases!(
    a_reserved_voucher_reminds_the_partners_admins_before_it_expires,
    |db| async move {
        let case = Case::new(db).await;
        let (t, w) = (&case.t, &case.t.world);
        let Followed { code, expires, .. } = case.voucher(1).await;
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
        let reserved: Vec<_> = case
            .mails_about(&code)
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

        case.set_clock(expires - jiff::Span::new().days(30)).await;
        let reminders: Vec<_> = case
            .mails_about(&code)
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
        let cancelled = case
            .mails_about(&code)
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
        let case = Case::new(db).await;
        let t = &case.t;
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
        let v = case.voucher(1).await;
        case.set_clock(v.expires - jiff::Span::new().days(30)).await;
        assert_eq!(case.mails_about(&v.code).await.len(), v.base);
        case.set_clock(v.expires - jiff::Span::new().days(10)).await;
        assert_eq!(case.mails_about(&v.code).await.len(), v.base + 2);
    }
);

both_databases!(
    a_report_awaiting_sign_off_reminds_the_project_manager_and_a_redeemed_voucher_its_claim_window,
    |db| async move {
        use saps_app::delivery::Upload;
        use saps_core::delivery::ReportFields;
        let case = Case::new(db).await;
        let (t, w) = (&case.t, &case.t.world);
        let code_text = case.voucher(1).await.code;
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
        case.set_clock(jiff::civil::date(2020, 12, 2)).await;
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
        let sign_off: Vec<_> = case
            .mails_about(&code_text)
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
        case.set_clock(last_day - jiff::Span::new().days(14)).await;
        let claim: Vec<_> = case
            .mails_about(&code_text)
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
        let case = Case::new(db).await;
        let w = &case.t.world;
        let ba = w.benefit_admin.id;
        case.t
            .app
            .write(move |tx| Ok(tx.set_user_locale(ba, Locale::PtBr)?))
            .await
            .unwrap();
        let removal = |e: &OutboxEntry| e.mail.subject.contains("serão removidos");
        case.set_clock(jiff::civil::date(2021, 6, 1)).await;
        let sent: Vec<_> = case.outbox().await.into_iter().filter(removal).collect();
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
        case.set_clock(jiff::civil::date(2021, 6, 2)).await;
        case.set_clock(jiff::civil::date(2021, 6, 24)).await;
        let sent = case.outbox().await.into_iter().filter(removal).count();
        assert_eq!(sent, 2, "the 30-day and the 7-day reminder, once each");
    }
);

both_databases!(
    two_nodes_sending_reminders_at_once_send_each_once,
    |db| async move {
        let case = Case::new(db).await;
        let t = &case.t;
        let mut codes = Vec::new();
        let mut expires = None;
        for _ in 0..6 {
            let v = case.voucher(1).await;
            codes.push(v.code);
            expires = Some(v.expires);
        }
        let day = expires.expect("six vouchers") - jiff::Span::new().days(7);
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
        let reminder_mails = case
            .outbox()
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
