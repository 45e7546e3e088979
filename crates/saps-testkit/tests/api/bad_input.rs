//! Every class of bad input is a 4xx problem and changes nothing.

use axum::http::{Method, StatusCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::json;

use crate::{BadInput, reserve_body, voucher};

both_databases!(
    every_class_of_bad_input_is_a_4xx_problem_and_changes_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let pa = t.token(&w.partner_admin).await;
        let code = voucher(&t, &ba, 1).await["code"]
            .as_str()
            .unwrap()
            .to_owned();
        t.post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({"partner_id": w.partner.id}),
        )
        .await;
        let events = t.event_count().await;
        let vouchers = t.get("/api/v1/vouchers", &ba).await.body;
        let good = json!({
            "customer_id": w.customer.id,
            "agreement": w.agreement,
            "engagement": "SSDPS-UPG",
            "days": 1,
            "project_manager_id": w.project_manager.id,
        });
        let mut unknown = good.clone();
        unknown["colour"] = json!("blue");
        let mut wrong_type = good.clone();
        wrong_type["days"] = json!("three");
        let mut negative = good.clone();
        negative["days"] = json!(-1);
        let mut bad_id = good.clone();
        bad_id["customer_id"] = json!("not-a-uuid");
        let mut missing = good.clone();
        missing.as_object_mut().unwrap().remove("engagement");
        let huge = format!("{{\"agreement\": \"{}\"}}", "x".repeat(300 * 1024));
        let typo = {
            // Change one character of a valid code: the check character catches it.
            let mut c: Vec<char> = code.chars().collect();
            c[0] = if c[0] == 'A' { 'B' } else { 'A' };
            c.into_iter().collect::<String>()
        };
        let cases: Vec<BadInput> = vec![
            (
                "malformed JSON",
                "/api/v1/vouchers".into(),
                Some(b"{\"customer_id\": ".to_vec()),
                &[],
                StatusCode::BAD_REQUEST,
                "request.malformed_json",
            ),
            (
                "unknown field",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&unknown).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.colour",
            ),
            (
                "wrong type",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&wrong_type).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.days",
            ),
            (
                "negative number",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&negative).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.days",
            ),
            (
                "missing field",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&missing).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.engagement",
            ),
            (
                "bad id",
                "/api/v1/vouchers".into(),
                Some(serde_json::to_vec(&bad_id).unwrap()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.customer_id",
            ),
            (
                "empty body",
                "/api/v1/vouchers".into(),
                Some(Vec::new()),
                &[],
                StatusCode::BAD_REQUEST,
                "request.empty_body",
            ),
            (
                "a JSON array",
                "/api/v1/vouchers".into(),
                Some(b"[]".to_vec()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.body",
            ),
            (
                "oversized body",
                "/api/v1/vouchers".into(),
                Some(huge.into_bytes()),
                &[],
                StatusCode::PAYLOAD_TOO_LARGE,
                "request.too_large",
            ),
            (
                "not JSON",
                "/api/v1/vouchers".into(),
                Some(b"days=3".to_vec()),
                &[("content-type", "application/x-www-form-urlencoded")],
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "request.unsupported_media_type",
            ),
            (
                "mistyped code",
                format!("/api/v1/vouchers/{typo}/cancel"),
                None,
                &[],
                StatusCode::BAD_REQUEST,
                "validation.code",
            ),
            (
                "garbage code",
                "/api/v1/vouchers/%3Cscript%3E/cancel".into(),
                None,
                &[],
                StatusCode::BAD_REQUEST,
                "validation.code",
            ),
            (
                "bad org id in path",
                "/api/v1/customers/123/benefit/activate".into(),
                None,
                &[],
                StatusCode::BAD_REQUEST,
                "validation.id",
            ),
            (
                "body on a no-body action",
                format!("/api/v1/customers/{}/benefit/activate", t.world.customer.id),
                Some(b"{\"force\": true}".to_vec()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.body",
            ),
            (
                "unknown field in a cancellation",
                format!("/api/v1/vouchers/{code}/cancel"),
                Some(b"{\"force\": true}".to_vec()),
                &[],
                StatusCode::BAD_REQUEST,
                "validation.force",
            ),
        ];
        for (what, path, body, headers, status, problem) in cases {
            let r = t.raw(Method::POST, &path, Some(&ba), body, headers).await;
            assert_eq!(
                (r.status, r.code()),
                (status, problem),
                "{what}: {:?}",
                r.body
            );
            assert!(
                r.content_type.starts_with("application/problem+json"),
                "{what}: {}",
                r.content_type
            );
            assert!(
                !r.body["detail"].as_str().unwrap_or("").is_empty(),
                "{what} explains itself"
            );
        }
        // Dates out of range and malformed dates in a reservation.
        for (field, value) in [
            ("start_date", "2020-13-01"),
            ("end_date", "99999-01-01"),
            ("start_date", "1.12.2020"),
            ("end_date", "0001-01-01"),
        ] {
            let mut b = reserve_body(&t);
            b[field] = json!(value);
            let r = t
                .post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &b)
                .await;
            assert_eq!(
                (r.status, r.code()),
                (
                    StatusCode::BAD_REQUEST,
                    format!("validation.{field}").as_str()
                ),
                "{value}: {:?}",
                r.body
            );
        }
        // Bad query parameters.
        for q in [
            "state=flying",
            "limit=0",
            "limit=501",
            "limit=ten",
            "cursor=abc",
            "colour=blue",
        ] {
            let r = t.get(&format!("/api/v1/vouchers?{q}"), &ba).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{q}");
        }
        let r = t.get("/api/v1/events?after=-4", &ba).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        // An unknown route and a wrong method are problems too.
        assert_eq!(
            t.get("/api/v1/nothing-here", &ba).await.code(),
            "route.not_found"
        );
        assert_eq!(
            t.call(Method::DELETE, "/api/v1/vouchers", Some(&ba), None)
                .await
                .status,
            StatusCode::METHOD_NOT_ALLOWED
        );
        assert_eq!(
            t.event_count().await,
            events,
            "bad input wrote nothing to the journal"
        );
        assert_eq!(
            t.get("/api/v1/vouchers", &ba).await.body,
            vouchers,
            "bad input changed no voucher"
        );
    }
);
