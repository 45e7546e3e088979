//! Webhooks on SQLite and PostgreSQL: signed deliveries verified by an
//! independent HMAC, tenant isolation, retries of receivers that fail (500,
//! redirect, hang, closed connection), nothing twice under two schedulers,
//! automatic disabling, SSRF refusals and bad input, and who may subscribe.

use axum::http::{HeaderMap, StatusCode};
use base64::Engine as _;
use hmac::{KeyInit, Mac};
use jiff::{SignedDuration, Timestamp};
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

/// What a receiver got: headers and the exact body bytes.
#[derive(Clone, Debug)]
struct Received {
    headers: HeaderMap,
    body: Vec<u8>,
}

/// An in-process receiver on loopback answering with `status` (0: hang).
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Received>>>,
    status: Arc<AtomicU16>,
}

impl Receiver {
    async fn start(status: u16) -> Receiver {
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let status = Arc::new(AtomicU16::new(status));
        let (g, s) = (got.clone(), status.clone());
        let app =
            axum::Router::new().fallback(move |headers: HeaderMap, body: axum::body::Bytes| {
                let (g, s) = (g.clone(), s.clone());
                async move {
                    g.lock().unwrap().push(Received {
                        headers,
                        body: body.to_vec(),
                    });
                    let code = s.load(Ordering::SeqCst);
                    if code == 0 {
                        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                    }
                    let mut r = axum::response::Response::new(axum::body::Body::empty());
                    *r.status_mut() = StatusCode::from_u16(code.max(200)).unwrap();
                    if (300..400).contains(&code) {
                        r.headers_mut()
                            .insert("location", "http://127.0.0.1:9/elsewhere".parse().unwrap());
                    }
                    r
                }
            });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { url, got, status }
    }

    fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }
}

/// A receiver that accepts the connection, reads a little and closes it.
async fn closing_receiver() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            if let Ok((mut s, _)) = listener.accept().await {
                use tokio::io::AsyncReadExt;
                let mut buf = [0u8; 64];
                let _ = s.read(&mut buf).await;
                drop(s);
            }
        }
    });
    url
}

/// Verifies a delivery as a receiver would, with its own HMAC.
fn verify(secret: &str, r: &Received) -> Value {
    let header = |n: &str| r.headers.get(n).unwrap().to_str().unwrap().to_owned();
    let (id, ts, sig) = (
        header("webhook-id"),
        header("webhook-timestamp"),
        header("webhook-signature"),
    );
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    let mut signed = format!("{id}.{ts}.").into_bytes();
    signed.extend_from_slice(&r.body);
    mac.update(&signed);
    let expected = format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    );
    assert_eq!(sig, expected, "the signature verifies");
    let age = Timestamp::now().as_second() - ts.parse::<i64>().unwrap();
    assert!((0..300).contains(&age), "a fresh timestamp");
    let body: Value = serde_json::from_slice(&r.body).unwrap();
    if body["kind"] != "webhook.test" {
        assert_eq!(body["id"], json!(id), "webhook-id is the event's id");
    }
    body
}

async fn subscribe(t: &TestApp, token: &str, url: &str, events: &[&str]) -> (String, String) {
    let r = t
        .post(
            "/api/v1/webhooks",
            token,
            &json!({"url": url, "events": events}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    (
        r.body["id"].as_str().unwrap().to_owned(),
        r.body["secret"].as_str().unwrap().to_owned(),
    )
}

/// Creates and assigns a voucher of the world's customer to its partner.
async fn assigned_voucher(t: &TestApp) -> String {
    let ba = t.token(&t.world.benefit_admin).await;
    let v = t
        .post(
            "/api/v1/vouchers",
            &ba,
            &json!({
                "customer_id": t.world.customer.id,
                "agreement": t.world.agreement,
                "engagement": "SSDPS-UPG",
                "days": 1,
                "project_manager_id": t.world.project_manager.id,
            }),
        )
        .await;
    assert_eq!(v.status, StatusCode::CREATED, "{:?}", v.body);
    let code = v.body["code"].as_str().unwrap().to_owned();
    let a = t
        .post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({"partner_id": t.world.partner.id}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    code
}

/// A foreign partner with a global admin; its token.
async fn foreign_partner_admin(t: &TestApp) -> String {
    let op = t.token(&t.world.operator).await;
    let p = t
        .post(
            "/api/v1/partners",
            &op,
            &json!({"name": "Foreign partner", "country": "FR",
                    "locations": [{"name": "Lyon", "country": "FR", "city": "Lyon"}]}),
        )
        .await;
    let id = p.body["id"].as_str().unwrap().to_owned();
    let email = "foreign-ga@foreign.example";
    let u = t
        .post(
            &format!("/api/v1/orgs/{id}/users"),
            &op,
            &json!({"email": email, "name": "GA", "role": "global_admin", "password": "password-123"}),
        )
        .await;
    assert_eq!(u.status, StatusCode::CREATED, "{:?}", u.body);
    t.app.issue_token(email, "password-123").await.unwrap().0
}

async fn log(t: &TestApp, token: &str, id: &str) -> Value {
    let r = t
        .get(&format!("/api/v1/webhooks/{id}/deliveries"), token)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body
}

both_databases!(
    each_tenant_receives_only_what_it_may_see_signed_per_standard_webhooks,
    |db| async move {
        let t = TestApp::new(db, 100).await;
        t.app.webhook_sender.set_allow_private(true);
        let ga = t.token(&t.world.partner_admin).await;
        let ba = t.token(&t.world.benefit_admin).await;
        let foreign = foreign_partner_admin(&t).await;
        let (own_rx, customer_rx, foreign_rx) = (
            Receiver::start(200).await,
            Receiver::start(204).await,
            Receiver::start(200).await,
        );
        let kinds = ["voucher.created", "voucher.assigned"];
        let (_, own_secret) = subscribe(&t, &ga, &own_rx.url, &kinds).await;
        let (_, customer_secret) = subscribe(&t, &ba, &customer_rx.url, &kinds).await;
        let (foreign_id, _) = subscribe(&t, &foreign, &foreign_rx.url, &kinds).await;
        for _ in 0..2 {
            assigned_voucher(&t).await;
        }
        let report = t.app.deliver_webhooks_at(Timestamp::now()).await.unwrap();
        assert_eq!(report.delivered, 6, "{report:?}");

        // The partner sees the assignments (a created voucher is the customer's alone).
        let own = own_rx.received();
        assert_eq!(own.len(), 2);
        for r in &own {
            let body = verify(&own_secret, r);
            assert_eq!(body["kind"], "voucher.assigned");
            assert_eq!(body["partner_id"], json!(t.world.partner.id));
        }
        let customer = customer_rx.received();
        assert_eq!(customer.len(), 4);
        for r in &customer {
            let body = verify(&customer_secret, r);
            assert_eq!(body["customer_id"], json!(t.world.customer.id));
        }
        assert!(
            foreign_rx.received().is_empty(),
            "another tenant's events never leave"
        );
        assert_eq!(log(&t, &foreign, &foreign_id).await["attempts"], json!([]));

        // A second pass sends nothing again.
        let again = t.app.deliver_webhooks_at(Timestamp::now()).await.unwrap();
        assert_eq!((again.queued, again.delivered), (0, 0));
        assert_eq!(own_rx.received().len(), 2);
    }
);

both_databases!(
    a_receiver_answering_500_is_retried_with_backoff_and_gets_each_event_once_delivered,
    |db| async move {
        let t = TestApp::new(db, 100).await;
        t.app.webhook_sender.set_allow_private(true);
        let ba = t.token(&t.world.benefit_admin).await;
        let rx = Receiver::start(500).await;
        let (id, secret) = subscribe(&t, &ba, &rx.url, &["voucher.created"]).await;
        assigned_voucher(&t).await;
        let t0 = Timestamp::now();
        let first = t.app.deliver_webhooks_at(t0).await.unwrap();
        assert_eq!((first.delivered, first.failed_attempts), (0, 1));
        let l = log(&t, &ba, &id).await;
        assert_eq!(l["attempts"][0]["outcome"], "refused");
        assert_eq!(l["attempts"][0]["status_code"], 500);
        assert_eq!(l["attempts"][0]["delivery_status"], "pending");
        assert_eq!(l["webhook"]["status"], "failing");

        // Not due yet: nothing is sent.
        let early = t
            .app
            .deliver_webhooks_at(t0 + SignedDuration::from_secs(2))
            .await
            .unwrap();
        assert_eq!(early.failed_attempts + early.delivered, 0);
        rx.status.store(200, Ordering::SeqCst);
        // The first retry comes within ten seconds.
        let retry = t
            .app
            .deliver_webhooks_at(t0 + SignedDuration::from_secs(10))
            .await
            .unwrap();
        assert_eq!(retry.delivered, 1);
        let got = rx.received();
        assert_eq!(got.len(), 2);
        let (a, b) = (verify(&secret, &got[0]), verify(&secret, &got[1]));
        assert_eq!(a, b, "the same event, the same bytes");
        assert_eq!(got[0].headers["webhook-id"], got[1].headers["webhook-id"]);
        let l = log(&t, &ba, &id).await;
        assert_eq!(l["attempts"].as_array().unwrap().len(), 2);
        assert_eq!(l["attempts"][0]["outcome"], "delivered");
        assert_eq!(l["deliveries"][0]["status"], "delivered");
        assert_eq!(l["webhook"]["status"], "active");
        let later = t
            .app
            .deliver_webhooks_at(t0 + SignedDuration::from_hours(30))
            .await
            .unwrap();
        assert_eq!(
            later.delivered + later.failed_attempts,
            0,
            "delivered is done"
        );
        assert_eq!(rx.received().len(), 2);
    }
);

both_databases!(
    redirects_hangs_and_closed_connections_are_logged_failures_retried_later,
    |db| async move {
        let t = TestApp::new(db, 100).await;
        t.app.webhook_sender.set_allow_private(true);
        let ba = t.token(&t.world.benefit_admin).await;
        let redirect = Receiver::start(302).await;
        let hang = Receiver::start(0).await;
        let closing = closing_receiver().await;
        let mut ids = vec![];
        for url in [&redirect.url, &hang.url, &closing] {
            ids.push(subscribe(&t, &ba, url, &["voucher.created"]).await.0);
        }
        assigned_voucher(&t).await;
        let t0 = Timestamp::now();
        let r = t.app.deliver_webhooks_at(t0).await.unwrap();
        assert_eq!((r.delivered, r.failed_attempts), (0, 3));
        let redirected = log(&t, &ba, &ids[0]).await;
        assert_eq!(
            redirected["attempts"][0]["status_code"], 302,
            "not followed"
        );
        assert_eq!(redirected["attempts"][0]["outcome"], "refused");
        for id in &ids[1..] {
            let l = log(&t, &ba, id).await;
            assert_eq!(l["attempts"][0]["outcome"], "failed", "{l}");
            assert!(
                l["attempts"][0]["error"]
                    .as_str()
                    .is_some_and(|e| !e.is_empty())
            );
            assert_eq!(l["deliveries"][0]["status"], "pending");
        }
        assert_eq!(redirect.received().len(), 1);
        // Each is tried again once its wait is over, and answered this time.
        redirect.status.store(200, Ordering::SeqCst);
        hang.status.store(200, Ordering::SeqCst);
        let r = t
            .app
            .deliver_webhooks_at(t0 + SignedDuration::from_secs(6))
            .await
            .unwrap();
        assert_eq!((r.delivered, r.failed_attempts), (2, 1));
        assert_eq!(redirect.received().len(), 2);
    }
);

both_databases!(
    two_schedulers_at_once_send_every_event_exactly_once,
    |db| async move {
        let t = TestApp::new(db, 1000).await;
        t.app.webhook_sender.set_allow_private(true);
        let ba = t.token(&t.world.benefit_admin).await;
        let rx = Receiver::start(200).await;
        subscribe(&t, &ba, &rx.url, &["voucher.created", "voucher.assigned"]).await;
        for _ in 0..15 {
            assigned_voucher(&t).await;
        }
        let settings = saps_app::Settings {
            webhooks_allow_private: true,
            mail_dir: t.dir.join("mail2"),
            ..saps_app::Settings::default()
        };
        let clock = saps_app::clock::Clock::simulated(t.app.today());
        let other = saps_app::App::new(t.app.store.clone(), clock, settings)
            .await
            .unwrap();
        let now = Timestamp::now();
        let (a, b) = tokio::join!(
            t.app.deliver_webhooks_at(now),
            other.deliver_webhooks_at(now)
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.delivered + b.delivered, 30, "{a:?} {b:?}");
        let mut ids: Vec<String> = rx
            .received()
            .iter()
            .map(|r| r.headers["webhook-id"].to_str().unwrap().to_owned())
            .collect();
        assert_eq!(ids.len(), 30);
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 30, "no event twice");
    }
);

both_databases!(
    a_subscription_failing_for_a_day_is_disabled_and_its_owner_emailed,
    |db| async move {
        let t = TestApp::new(db, 100).await;
        t.app.webhook_sender.set_allow_private(true);
        let ba = t.token(&t.world.benefit_admin).await;
        let rx = Receiver::start(503).await;
        let (id, _) = subscribe(&t, &ba, &rx.url, &["voucher.created"]).await;
        assigned_voucher(&t).await;
        let t0 = Timestamp::now();
        let mut at = t0;
        let mut disabled = 0;
        for step in saps_core::webhook::RETRY_DELAYS {
            disabled += t.app.deliver_webhooks_at(at).await.unwrap().disabled;
            at += step;
        }
        // The last try, just under a day after the first: not yet.
        disabled += t.app.deliver_webhooks_at(at).await.unwrap().disabled;
        assert_eq!(disabled, 0);
        at += SignedDuration::from_mins(10);
        disabled += t.app.deliver_webhooks_at(at).await.unwrap().disabled;
        assert_eq!(disabled, 1);
        let l = log(&t, &ba, &id).await;
        assert_eq!(l["webhook"]["status"], "disabled");
        assert_eq!(l["deliveries"][0]["status"], "failed");
        assert_eq!(
            l["attempts"].as_array().unwrap().len(),
            saps_core::webhook::RETRY_DELAYS.len() + 1
        );
        let events = t.get("/api/v1/events?limit=500", &ba).await.body["items"].clone();
        let disabled_events = events
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "webhook.disabled")
            .count();
        assert_eq!(disabled_events, 1);
        let mail = t.app.read(|tx| Ok(tx.pending_mail(100)?)).await.unwrap();
        assert!(
            mail.iter()
                .any(|m| m.to == t.world.benefit_admin.email && m.subject.contains("disabled")),
            "{mail:?}"
        );
        // A new event is not queued for a disabled subscription, nor sent.
        assigned_voucher(&t).await;
        let r = t.app.deliver_webhooks_at(at).await.unwrap();
        assert_eq!(r.delivered + r.failed_attempts, 0);
    }
);

both_databases!(
    urls_reaching_inside_bad_schemes_and_unknown_kinds_are_refused_and_change_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let ba = t.token(&t.world.benefit_admin).await;
        let before = t.event_count().await;
        let refused = [
            ("http://127.0.0.1/hook", "validation.url"),
            ("http://localhost:8080/hook", "validation.url"),
            ("http://10.0.0.7/hook", "validation.url"),
            ("http://172.16.5.4/hook", "validation.url"),
            ("http://192.168.0.1/hook", "validation.url"),
            ("http://169.254.169.254/latest/meta-data", "validation.url"),
            ("http://0.0.0.0/hook", "validation.url"),
            ("http://[::1]/hook", "validation.url"),
            ("http://[fd12:3456::1]/hook", "validation.url"),
            ("http://[fe80::1]/hook", "validation.url"),
            ("http://[::ffff:127.0.0.1]/hook", "validation.url"),
            ("ftp://example.com/hook", "validation.url"),
            ("file:///etc/passwd", "validation.url"),
            ("javascript:alert(1)", "validation.url"),
            ("not a url", "validation.url"),
            ("https://user:secret@example.com/", "validation.url"),
        ];
        for (url, code) in refused {
            let r = t
                .post(
                    "/api/v1/webhooks",
                    &ba,
                    &json!({"url": url, "events": ["voucher.created"]}),
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{url}: {:?}",
                r.body
            );
            assert_eq!(r.code(), code, "{url}");
        }
        for events in [json!(["voucher.eaten"]), json!([])] {
            let r = t
                .post(
                    "/api/v1/webhooks",
                    &ba,
                    &json!({"url": "http://127.0.0.1/", "events": events}),
                )
                .await;
            assert_eq!(r.code(), "validation.events", "{events}");
        }
        let r = t
            .post(
                "/api/v1/webhooks",
                &ba,
                &json!({"url": "http://x.example/", "events": ["voucher.created"],
                                                   "secret": "mine"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.body);
        assert_eq!(t.event_count().await, before, "nothing changed");
        assert_eq!(
            t.get("/api/v1/webhooks", &ba).await.body["items"],
            json!([])
        );

        // With private addresses allowed (the demo), loopback is accepted.
        t.app.webhook_sender.set_allow_private(true);
        let r = t
            .post(
                "/api/v1/webhooks",
                &ba,
                &json!({"url": "http://127.0.0.1:9/", "events": ["voucher.created"]}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        assert!(r.body["secret"].as_str().unwrap().starts_with("whsec_"));
        let list = t.get("/api/v1/webhooks", &ba).await.body;
        assert!(
            list["items"][0].get("secret").is_none(),
            "the secret is shown once"
        );
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_may_manage_webhooks_in_its_own_and_a_foreign_tenant() {
    let t = TestApp::new(saps_testkit::testapp::Db::Sqlite, 30).await;
    t.app.webhook_sender.set_allow_private(true);
    let w = t.world.clone();
    let foreign = foreign_partner_admin(&t).await;
    let body = json!({"url": "http://127.0.0.1:9/", "events": ["voucher.created"]});
    for (user, want) in [
        (&w.operator, 201),
        (&w.partner_admin, 201),
        (&w.benefit_admin, 201),
        (&w.consultant, 403),
        (&w.project_manager, 403),
    ] {
        let tok = t.token(user).await;
        let r = t.post("/api/v1/webhooks", &tok, &body).await;
        assert_eq!(r.status.as_u16(), want, "{:?} {:?}", user.role, r.body);
        let list = t.get("/api/v1/webhooks", &tok).await;
        assert_eq!(list.status.as_u16(), if want == 201 { 200 } else { 403 });
    }
    let ga = t.token(&w.partner_admin).await;
    let id = t.get("/api/v1/webhooks", &ga).await.body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Another tenant's subscription is not found, whatever the route.
    let op = t.token(&w.operator).await;
    for tok in [&foreign, &op, &t.token(&w.benefit_admin).await] {
        let l = t
            .get(&format!("/api/v1/webhooks/{id}/deliveries"), tok)
            .await;
        assert_eq!(l.status, StatusCode::NOT_FOUND);
        assert_eq!(l.code(), "webhook.not_found");
        let r = t
            .post(&format!("/api/v1/webhooks/{id}/test"), tok, &json!({}))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let d = t
            .call(
                axum::http::Method::DELETE,
                &format!("/api/v1/webhooks/{id}"),
                Some(tok),
                None,
            )
            .await;
        assert_eq!(d.status, StatusCode::NOT_FOUND);
    }
    let consultant = t.token(&w.consultant).await;
    let l = t
        .get(&format!("/api/v1/webhooks/{id}/deliveries"), &consultant)
        .await;
    assert_eq!(l.status, StatusCode::FORBIDDEN);
    // The owner tests and removes it.
    let r = t
        .post(&format!("/api/v1/webhooks/{id}/test"), &ga, &json!({}))
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
    let d = t
        .call(
            axum::http::Method::DELETE,
            &format!("/api/v1/webhooks/{id}"),
            Some(&ga),
            None,
        )
        .await;
    assert_eq!(d.status, StatusCode::NO_CONTENT);
    let l = t
        .get(&format!("/api/v1/webhooks/{id}/deliveries"), &ga)
        .await;
    assert_eq!(l.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_test_event_is_delivered_signed() {
    let t = TestApp::new(saps_testkit::testapp::Db::Sqlite, 30).await;
    t.app.webhook_sender.set_allow_private(true);
    let ba = t.token(&t.world.benefit_admin).await;
    let rx = Receiver::start(200).await;
    let (id, secret) = subscribe(&t, &ba, &rx.url, &["voucher.created"]).await;
    let r = t
        .post(&format!("/api/v1/webhooks/{id}/test"), &ba, &json!({}))
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
    t.app.deliver_webhooks_at(Timestamp::now()).await.unwrap();
    let got = rx.received();
    assert_eq!(got.len(), 1);
    let body = verify(&secret, &got[0]);
    assert_eq!(body["kind"], "webhook.test");
    assert_eq!(
        got[0].headers["webhook-id"].to_str().unwrap(),
        r.body["message_id"].as_str().unwrap()
    );
}

/// Sends one request through a router; status and body text.
async fn fetch(router: &axum::Router, path: &str, token: Option<&str>) -> (u16, String) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let mut req = axum::http::Request::get(path);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let resp = router
        .clone()
        .oneshot(req.body(axum::body::Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// Prometheus text: each sample's name with labels, and its value.
fn samples(text: &str) -> Vec<(String, f64)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (name, value) = l.rsplit_once(' ').expect("a sample is a name and a value");
            (
                name.to_owned(),
                value.parse::<f64>().expect("a sample's value is a number"),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_need_the_token_and_count_requests_by_route_and_queues() {
    let dir = std::env::temp_dir().join(format!("saps-metrics-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = saps_testkit::testapp::open_fresh(saps_testkit::testapp::Db::Sqlite, &dir).await;
    let settings = saps_app::Settings {
        mail_dir: dir.join("mail"),
        metrics_token: saps_app::metrics::MetricsToken::new("scrape-me"),
        ..saps_app::Settings::default()
    };
    let clock = saps_app::clock::Clock::simulated(jiff::civil::date(2020, 11, 2));
    let app = saps_app::App::new(store, clock, settings).await.unwrap();
    let router = saps_web::router(app.clone());
    assert_eq!(fetch(&router, "/healthz", None).await.0, 200);
    let voucher = "/api/v1/vouchers/0000-0000-0000-0000-0000";
    assert_eq!(fetch(&router, voucher, None).await.0, 401);
    assert_eq!(fetch(&router, "/metrics", None).await.0, 401);
    assert_eq!(fetch(&router, "/metrics", Some("wrong")).await.0, 401);
    let (status, text) = fetch(&router, "/metrics", Some("scrape-me")).await;
    assert_eq!(status, 200);
    let s = samples(&text);
    let value = |name: &str| s.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
    assert_eq!(
        value(r#"saps_http_requests_total{method="GET",route="/healthz",status="200"}"#),
        Some(1.0),
        "{text}"
    );
    // The matched route, never the raw URL.
    assert_eq!(
        value(
            r#"saps_http_requests_total{method="GET",route="/api/v1/vouchers/{code}",status="401"}"#
        ),
        Some(1.0),
        "{text}"
    );
    assert!(!text.contains("0000-0000"));
    assert_eq!(
        value(r#"saps_queue_pending{queue="mail"}"#),
        Some(0.0),
        "{text}"
    );
    assert_eq!(
        value(r#"saps_queue_pending{queue="webhooks"}"#),
        Some(0.0),
        "{text}"
    );
    assert!(
        text.contains("saps_http_request_duration_seconds_bucket"),
        "{text}"
    );

    // The separate listener's router answers without a token.
    let (status, text) = fetch(&saps_web::metrics::router(app.clone()), "/metrics", None).await;
    assert_eq!(status, 200);
    assert!(!samples(&text).is_empty());
    // Without a token set, the main address has no /metrics.
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_metrics_token_the_main_address_has_no_metrics() {
    let t = TestApp::new(saps_testkit::testapp::Db::Sqlite, 30).await;
    let r = t
        .call(axum::http::Method::GET, "/metrics", None, None)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

/// An `https://` receiver is reached over TLS: the first bytes it gets are a
/// TLS handshake record (0x16), not a plain HTTP request; this one answers
/// nothing valid, so the attempt is a logged failure, retried later.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_https_receiver_is_reached_over_tls() {
    let t = TestApp::new(saps_testkit::testapp::Db::Sqlite, 30).await;
    t.app.webhook_sender.set_allow_private(true);
    let ba = t.token(&t.world.benefit_admin).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("https://{}/hook", listener.local_addr().unwrap());
    let (first, seen) = tokio::sync::oneshot::channel::<u8>();
    tokio::spawn(async move {
        use tokio::io::AsyncReadExt;
        let (mut s, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 1];
        if s.read_exact(&mut buf).await.is_ok() {
            let _ = first.send(buf[0]);
        }
    });
    let (id, _) = subscribe(&t, &ba, &url, &["voucher.created"]).await;
    let r = t
        .post(&format!("/api/v1/webhooks/{id}/test"), &ba, &json!({}))
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
    t.app.deliver_webhooks_at(Timestamp::now()).await.unwrap();
    let byte = tokio::time::timeout(std::time::Duration::from_secs(10), seen)
        .await
        .expect("the receiver was reached")
        .expect("a first byte");
    assert_eq!(byte, 0x16, "a TLS handshake record");
    let log = log(&t, &ba, &id).await;
    assert!(
        log.to_string().contains("fail"),
        "the attempt is logged as a failure: {log}"
    );
}
