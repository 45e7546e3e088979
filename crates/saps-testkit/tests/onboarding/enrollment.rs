//! The provider agreement's versions and signatures, and enrolling in an
//! offering: each refusal by its rule, renewal, and racing enrollments.

use axum::http::{Method, StatusCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

use crate::{qualify, tokens};

const AGREEMENT: &str = "/api/v1/program/agreement";

async fn publish(t: &TestApp, op: &str, version: u32) -> saps_testkit::testapp::Answer {
    let body =
        json!({"version": version, "text": format!("Provider agreement, version {version}")});
    t.call(Method::PUT, AGREEMENT, Some(op), Some(&body)).await
}

async fn sign(
    t: &TestApp,
    token: &str,
    version: u32,
    accept: bool,
) -> saps_testkit::testapp::Answer {
    let path = format!("/api/v1/partners/{}/agreement", t.world.partner.id);
    t.post(&path, token, &json!({"version": version, "accept": accept}))
        .await
}

async fn enroll(
    t: &TestApp,
    token: &str,
    offering: &str,
    locations: Value,
) -> saps_testkit::testapp::Answer {
    let path = format!("/api/v1/partners/{}/enrollments", t.world.partner.id);
    t.post(
        &path,
        token,
        &json!({"offering": offering, "location_ids": locations}),
    )
    .await
}

both_databases!(
    agreement_versions_only_increase_and_only_the_current_one_is_signed,
    |db| async move {
        let t = TestApp::unenrolled(db, 30).await;
        let (op, ga) = tokens(&t).await;
        let first = t.get(AGREEMENT, &ga).await;
        assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
        assert_eq!(first.body["version"], 1, "the program ships version 1");
        assert!(!first.body["text"].as_str().unwrap().is_empty());

        let before = t.event_count().await;
        for (version, accept, code) in [
            (2, true, "rule.provider_agreement_not_current"),
            (1, false, "rule.provider_agreement_not_accepted"),
        ] {
            let r = sign(&t, &ga, version, accept).await;
            assert_eq!((r.status.as_u16(), r.code()), (422, code), "{:?}", r.body);
        }
        let r = publish(&t, &op, 1).await;
        assert_eq!(
            (r.status.as_u16(), r.code()),
            (422, "rule.provider_agreement_not_newer")
        );
        assert_eq!(t.event_count().await, before, "refusals journal nothing");
        let p = t.world.partner.id;
        let u = json!({"email": "mpn@partner.example", "name": "MPN", "role": "mpn_admin",
                       "password": "password-123"});
        t.post(&format!("/api/v1/orgs/{p}/users"), &ga, &u).await;

        let s = sign(&t, &ga, 1, true).await;
        assert_eq!(s.status, StatusCode::CREATED, "{:?}", s.body);
        assert_eq!(s.body["version"], 1);
        assert_eq!(s.body["signed_by"], t.world.partner_admin.id.to_string());
        let again = sign(&t, &ga, 1, true).await;
        assert_eq!(again.status, StatusCode::CREATED);
        assert_eq!(
            again.body, s.body,
            "signing twice answers the first signature"
        );

        let r = publish(&t, &op, 3).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(t.get(AGREEMENT, &ga).await.body["version"], 3);
        for v in [2, 3] {
            let r = publish(&t, &op, v).await;
            assert_eq!(r.code(), "rule.provider_agreement_not_newer", "{v}");
        }
        let r = sign(&t, &ga, 1, true).await;
        assert_eq!(r.code(), "rule.provider_agreement_not_current");
        let r = sign(&t, &ga, 3, true).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        let mpn = t
            .app
            .issue_token("mpn@partner.example", "password-123")
            .await
            .unwrap()
            .0;
        let r = sign(&t, &mpn, 3, true).await;
        assert_eq!((r.status.as_u16(), r.code()), (403, "auth.forbidden"));
    }
);

both_databases!(
    enrolling_needs_the_signed_agreement_an_active_offering_and_own_locations,
    |db| async move {
        let t = TestApp::unenrolled(db, 30).await;
        let (op, ga) = tokens(&t).await;
        let own = json!([t.world.location.id]);
        let foreign = t
            .post(
                "/api/v1/partners",
                &op,
                &json!({"name": "Other", "country": "IT",
                        "locations": [{"name": "Roma", "country": "IT", "city": "Roma"}]}),
            )
            .await;
        let foreign_location = foreign.body["locations"][0]["id"].clone();
        let foreign_id = foreign.body["id"].as_str().unwrap().to_owned();
        let before = t.event_count().await;
        let refused = |r: saps_testkit::testapp::Answer, status: u16, code: &str| {
            assert_eq!(
                (r.status.as_u16(), r.code()),
                (status, code),
                "{:?}",
                r.body
            );
        };
        refused(
            enroll(&t, &ga, "SSDPS", own.clone()).await,
            422,
            "rule.provider_agreement_not_signed",
        );
        sign(&t, &ga, 1, true).await;
        let before = before + 1;
        refused(
            enroll(&t, &ga, "SSDPS", own.clone()).await,
            422,
            "rule.offering_not_active",
        );
        qualify(&t, &op).await;
        let before = before + 3;
        refused(
            enroll(&t, &ga, "DDPS", own.clone()).await,
            422,
            "rule.offering_not_active",
        );
        refused(
            enroll(&t, &ga, "NOPE", own.clone()).await,
            422,
            "rule.unknown_offering",
        );
        refused(
            enroll(&t, &ga, "SSDPS", json!([foreign_location])).await,
            422,
            "rule.location_not_in_partner",
        );
        refused(
            enroll(&t, &ga, "SSDPS", json!([uuid::Uuid::now_v7()])).await,
            422,
            "rule.location_not_in_partner",
        );
        refused(
            enroll(&t, &ga, "SSDPS", json!([])).await,
            422,
            "validation.location_ids",
        );
        refused(
            enroll(&t, &ga, "SSDPS", json!(["nope"])).await,
            400,
            "validation.location_ids",
        );
        let consultant = t.token(&t.world.consultant).await;
        refused(
            enroll(&t, &consultant, "SSDPS", own.clone()).await,
            403,
            "auth.forbidden",
        );
        refused(
            enroll(&t, &op, "SSDPS", own.clone()).await,
            403,
            "auth.forbidden",
        );
        let other = t
            .post(
                &format!("/api/v1/partners/{foreign_id}/enrollments"),
                &ga,
                &json!({"offering": "SSDPS", "location_ids": [foreign_location]}),
            )
            .await;
        refused(other, 404, "partner.not_found");
        let r = t
            .get(&format!("/api/v1/partners/{foreign_id}/enrollments"), &ga)
            .await;
        refused(r, 404, "partner.not_found");
        assert_eq!(t.event_count().await, before, "refusals journal nothing");
        let list = format!("/api/v1/partners/{}/enrollments", t.world.partner.id);
        assert_eq!(t.get(&list, &ga).await.body["items"], json!([]));

        // Enrolled for a year, its last day the day before the anniversary.
        let e = enroll(&t, &ga, "ssdps", own.clone()).await;
        assert_eq!(e.status, StatusCode::CREATED, "{:?}", e.body);
        assert_eq!(e.body["offering"], "SSDPS");
        assert_eq!(e.body["valid_until"], "2021-11-01");
        assert_eq!(e.body["location_ids"], own);
        // Renewing extends from the current end, and keeps one enrollment.
        let r = enroll(&t, &ga, "SSDPS", own.clone()).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        assert_eq!(r.body["id"], e.body["id"]);
        assert_eq!(r.body["valid_until"], "2022-11-01");
        let items = t.get(&list, &op).await.body["items"].clone();
        assert_eq!(items.as_array().unwrap().len(), 1);
        assert_eq!(items[0]["valid_until"], "2022-11-01");

        // A newer agreement must be signed before the next renewal.
        publish(&t, &op, 2).await;
        refused(
            enroll(&t, &ga, "SSDPS", own.clone()).await,
            422,
            "rule.provider_agreement_not_signed",
        );
        sign(&t, &ga, 2, true).await;
        let r = enroll(&t, &ga, "SSDPS", own).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        assert_eq!(r.body["valid_until"], "2023-11-01");
        assert_eq!(r.body["agreement_version"], 2);
    }
);

both_databases!(
    racing_enrollments_of_one_offering_leave_one_enrollment,
    |db| async move {
        let t = TestApp::unenrolled(db, 30).await;
        let (op, ga) = tokens(&t).await;
        sign(&t, &ga, 1, true).await;
        qualify(&t, &op).await;
        let own = json!([t.world.location.id]);
        let answers = futures_join(&t, &ga, &own).await;
        let created = answers.iter().filter(|s| **s == 201).count();
        assert!(created >= 1, "{answers:?}");
        assert!(
            answers.iter().all(|s| *s == 201 || *s == 409),
            "{answers:?}"
        );
        let list = format!("/api/v1/partners/{}/enrollments", t.world.partner.id);
        let items = t.get(&list, &ga).await.body["items"].clone();
        assert_eq!(items.as_array().unwrap().len(), 1, "{items}");
        // Each winner renewed it once for a year from the end before.
        let last: jiff::civil::Date = items[0]["valid_until"].as_str().unwrap().parse().unwrap();
        let years = i16::try_from(created).unwrap();
        assert_eq!(last.year(), 2020 + years, "{answers:?} {items}");
    }
);

/// Eight enrollments of SSDPS sent at once; their statuses.
async fn futures_join(t: &TestApp, token: &str, own: &Value) -> Vec<u16> {
    let calls =
        (0..8).map(|_| async { enroll(t, token, "SSDPS", own.clone()).await.status.as_u16() });
    join_all(calls.collect()).await
}

/// Polls every future until all are done, in one task: the requests are in
/// flight together, and the stores run their work on their own threads.
async fn join_all<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(move |cx| {
        let mut pending = false;
        for (f, slot) in pinned.iter_mut().zip(out.iter_mut()) {
            if slot.is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => *slot = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(out.iter_mut().map(|s| s.take().expect("ready")).collect())
        }
    })
    .await
}
