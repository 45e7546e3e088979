//! The operator's audit page: the head to record, a verification run from
//! its button and recorded with its result, the journal browsed with
//! filters a page at a time; nobody else gets in.

use crate::browser::Ui;
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_sees_the_head_verifies_now_and_finds_the_result_recorded() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut op = ui.browser("en");
    op.sign_in(&w.operator.email, PASSWORD).await;
    let home = op.get("/").await;
    assert!(home.has("href=\"/audit\""), "{}", home.body);

    let head = ui.app.journal_head().await.unwrap().unwrap();
    let page = op.get("/audit").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.has(&format!("{}:{}", head.seq, head.hash)),
        "{}",
        page.body
    );
    assert!(page.has("not been verified"), "{}", page.body);

    let started = op.submit("/audit", "/audit/verify", &[]).await;
    assert_eq!(
        (started.status, started.location()),
        (StatusCode::SEE_OTHER, "/audit?done=audit_started")
    );
    // The verification runs in the background: wait for its record.
    let mut last = None;
    for _ in 0..200 {
        let v = ui
            .app
            .last_verification(&saps_core::Actor::of(&w.operator))
            .await
            .unwrap();
        if v.as_ref().is_some_and(|v| v.ok.is_some()) {
            last = v;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let last = last.expect("the verification finished");
    assert_eq!(last.ok, Some(true), "{}", last.message);
    let page = op.get("/audit").await;
    assert!(page.has("Intact"), "{}", page.body);
    assert!(page.has(&last.message), "{}", page.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_journal_pages_filter_by_kind_organisation_voucher_and_day() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut op = ui.browser("en");
    op.sign_in(&w.operator.email, PASSWORD).await;

    let all = op.get("/audit/journal").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.has("agreement.added"), "{}", all.body);

    let kind = op.get("/audit/journal?kind=agreement.added").await;
    assert!(kind.has("agreement.added"));
    assert!(!kind.has("user.created"), "{}", kind.body);

    let org = op
        .get(&format!("/audit/journal?org={}", w.partner.id))
        .await;
    assert!(org.has(&w.partner.id.to_string()));
    assert!(
        !org.has("agreement.added"),
        "the customer's events are not the partner's"
    );

    let far = op.get("/audit/journal?from=2031-01-01").await;
    assert!(far.has("No event matches"), "{}", far.body);

    // 60 more events of one kind: a page of 50, then the link to the older
    // ones carries the filters and the cursor.
    let now = ui.app.now();
    ui.app
        .write(move |tx| {
            let events: Vec<_> = (0..60)
                .map(|i| {
                    saps_core::NewEvent::raw(
                        "test.filler",
                        now,
                        None,
                        1,
                        serde_json::json!({"n": i}),
                    )
                })
                .collect();
            Ok(tx.append_events(&events)?)
        })
        .await
        .unwrap();
    let first = op.get("/audit/journal?kind=test.filler").await;
    assert_eq!(first.body.matches("<code>test.filler</code>").count(), 50);
    let q = first
        .body
        .split("href=\"/audit/journal?")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a link to older events")
        .replace("&amp;", "&")
        .replace("&#38;", "&");
    assert!(
        q.contains("kind=test.filler") && q.contains("before="),
        "{q}"
    );
    let second = op.get(&format!("/audit/journal?{q}")).await;
    assert_eq!(
        second.body.matches("<code>test.filler</code>").count(),
        10,
        "{q}"
    );
    assert!(!second.has("Older events"));

    for bad in [
        "org=nope",
        "voucher=12",
        "from=2020-13-01",
        "until=yesterday",
    ] {
        let r = op.get(&format!("/audit/journal?{bad}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(r.has("error-summary"), "{bad}: {}", r.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_but_the_operator_audits_the_journal() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    for user in [
        &w.benefit_admin,
        &w.partner_admin,
        &w.consultant,
        &w.project_manager,
    ] {
        let mut b = ui.browser("en");
        b.sign_in(&user.email, PASSWORD).await;
        assert!(!b.get("/").await.has("href=\"/audit\""));
        for path in ["/audit", "/audit/journal"] {
            assert_eq!(b.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
        }
        let r = b.submit("/", "/audit/verify", &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}
