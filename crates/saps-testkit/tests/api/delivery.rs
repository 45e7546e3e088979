//! Delivery over the API on both databases: the completion report (streamed
//! multipart upload, every class of bad input changing nothing), downloads
//! and the receipt, sign-off (accept, decline, silence) and redemption
//! (mixed batches, limits, races).

use axum::http::{Method, StatusCode};
use jiff::civil::date;
use saps_app::fixtures::World;
use saps_core::Actor;
use saps_testkit::both_databases;
use saps_testkit::testapp::{Answer, TestApp};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::{reserve_body, voucher};

pub(crate) const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n";
const BOUNDARY: &str = "saps-test-boundary-7d3e";

pub(crate) fn report(onsite: u32, offsite: u32) -> Value {
    json!({
        "delivered_from": "2020-12-01",
        "delivered_to": "2020-12-03",
        "days_onsite": onsite,
        "days_offsite": offsite,
        "summary": "Three workshops on the upgrade plan.",
        "next_steps": "Pilot in January.",
    })
}

/// A multipart body with an optional `report` part and `deliverable` files.
pub(crate) fn multipart(report: Option<&[u8]>, files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = Vec::new();
    if let Some(r) = report {
        b.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"report\"\r\n\
                 Content-Type: application/json\r\n\r\n"
            )
            .as_bytes(),
        );
        b.extend_from_slice(r);
        b.extend_from_slice(b"\r\n");
    }
    for (name, bytes) in files {
        b.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"deliverable\"; \
                 filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        b.extend_from_slice(bytes);
        b.extend_from_slice(b"\r\n");
    }
    b.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    b
}

pub(crate) async fn submit_raw(t: &TestApp, token: &str, code: &str, body: Vec<u8>) -> Answer {
    let ct = format!("multipart/form-data; boundary={BOUNDARY}");
    t.raw(
        Method::POST,
        &format!("/api/v1/vouchers/{code}/completion-report"),
        Some(token),
        Some(body),
        &[("content-type", ct.as_str())],
    )
    .await
}

pub(crate) async fn submit(
    t: &TestApp,
    token: &str,
    code: &str,
    report: &Value,
    files: &[(&str, &[u8])],
) -> Answer {
    let r = serde_json::to_vec(report).unwrap();
    submit_raw(t, token, code, multipart(Some(&r), files)).await
}

/// A voucher of `days` reserved by the world's partner from 2020-12-01 to
/// `end`, with the clock then moved to 2020-12-10 (after the delivery).
pub(crate) async fn reserved(t: &TestApp, days: u32, end: &str) -> String {
    let ba = t.token(&t.world.benefit_admin).await;
    let pa = t.token(&t.world.partner_admin).await;
    let code = voucher(t, &ba, days).await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = t
        .post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({ "partner_id": t.world.partner.id }),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    let mut body = reserve_body(t);
    body["end_date"] = json!(end);
    let r = t
        .post(&format!("/api/v1/vouchers/{code}/reserve"), &pa, &body)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    code
}

pub(crate) async fn at(t: &TestApp, day: jiff::civil::Date) {
    let op = Actor::of(&t.world.operator);
    t.app.set_clock(&op, day).unwrap();
}

fn hex(b: &[u8]) -> String {
    Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

async fn raw_get(t: &TestApp, path: &str, token: &str) -> axum::http::Response<axum::body::Body> {
    use tower::ServiceExt;
    let req = axum::http::Request::get(path)
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    t.router.clone().oneshot(req).await.unwrap()
}

async fn bytes(res: axum::http::Response<axum::body::Body>) -> Vec<u8> {
    use http_body_util::BodyExt;
    res.into_body().collect().await.unwrap().to_bytes().to_vec()
}

both_databases!(
    a_report_completes_the_voucher_and_its_files_and_receipt_verify,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let code = reserved(&t, 3, "2020-12-03").await;
        at(&t, date(2020, 12, 10)).await;
        let pa = t.token(&t.world.partner_admin).await;
        let notes = "Notes — résumé\n".as_bytes();
        let r = submit(
            &t,
            &pa,
            &code,
            &report(2, 1),
            &[
                ("C:\\Users\\x\\report final.pdf", PDF),
                ("notes.txt", notes),
                ("copy.pdf", PDF),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        let sha = r.body["receipt"]["sha256"].as_str().unwrap().to_owned();
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &pa).await.body;
        assert_eq!(v["state"], "completed");
        let cr = &v["completion_report"];
        assert_eq!(cr["days_onsite"], 2);
        assert_eq!(cr["sign_off"], "pending");
        assert_eq!(cr["receipt_sha256"], sha.as_str());
        let files = cr["deliverables"].as_array().unwrap();
        assert_eq!(files.len(), 3);
        assert_eq!(files[0]["filename"], "report final.pdf");
        assert_eq!(files[0]["sha256"], hex(PDF).as_str());
        assert_eq!(files[0]["size"], PDF.len());
        assert_eq!(files[0]["sha256"], files[2]["sha256"]);
        // The receipt is exactly the bytes its hash names, and names every file.
        let res = raw_get(&t, &format!("/api/v1/vouchers/{code}/receipt"), &pa).await;
        assert_eq!(res.status(), StatusCode::OK);
        let body = bytes(res).await;
        assert_eq!(hex(&body), sha);
        let receipt: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(receipt["files"][1]["filename"], "notes.txt");
        assert_eq!(receipt["files"][1]["sha256"], hex(notes).as_str());
        assert_eq!(receipt["voucher"], code.as_str());
        // The files come back exactly, as attachments, to the partner, the
        // customer and the operator.
        let id = files[0]["id"].as_str().unwrap();
        let path = format!("/api/v1/vouchers/{code}/deliverables/{id}");
        for user in [
            &t.world.partner_admin,
            &t.world.project_manager,
            &t.world.benefit_admin,
            &t.world.operator,
        ] {
            let tok = t.token(user).await;
            let res = raw_get(&t, &path, &tok).await;
            assert_eq!(res.status(), StatusCode::OK);
            let h = res.headers().clone();
            assert_eq!(h["content-type"], "application/octet-stream");
            assert_eq!(h["x-content-type-options"], "nosniff");
            let cd = h["content-disposition"].to_str().unwrap();
            assert!(cd.starts_with("attachment;"), "{cd}");
            assert!(cd.contains("filename*=UTF-8''report%20final.pdf"), "{cd}");
            assert_eq!(bytes(res).await, PDF);
        }
        // Another partner: not found, for the file and the receipt.
        let op = Actor::of(&t.world.operator);
        let other = World::new_partner(&t.app, &op, "Other", "FR", "o", "other.example")
            .await
            .unwrap();
        let ot = t.token(&other.admin).await;
        assert_eq!(t.get(&path, &ot).await.code(), "voucher.not_found");
        let rc = t
            .get(&format!("/api/v1/vouchers/{code}/receipt"), &ot)
            .await;
        assert_eq!(rc.code(), "voucher.not_found");
        let unknown = format!(
            "/api/v1/vouchers/{code}/deliverables/{}",
            uuid::Uuid::now_v7()
        );
        assert_eq!(t.get(&unknown, &pa).await.code(), "deliverable.not_found");
        // Reporting twice is a conflict.
        let again = submit(&t, &pa, &code, &report(2, 1), &[("a.pdf", PDF)]).await;
        assert_eq!(
            (again.status, again.code()),
            (StatusCode::CONFLICT, "voucher.conflict")
        );
    }
);

both_databases!(
    every_class_of_bad_report_is_refused_and_changes_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let code = reserved(&t, 3, "2020-12-03").await;
        let five = reserved(&t, 5, "2020-12-07").await;
        at(&t, date(2020, 12, 10)).await;
        let pa = t.token(&t.world.partner_admin).await;
        let pm = t.token(&t.world.project_manager).await;
        let ok = serde_json::to_vec(&report(2, 1)).unwrap();
        let big = vec![b'a'; 20 * 1024 * 1024 + 1];
        let eighteen = vec![b'b'; 18 * 1024 * 1024];
        let mut eighteen2 = eighteen.clone();
        eighteen2[0] = b'c';
        let mut eighteen3 = eighteen.clone();
        eighteen3[0] = b'd';
        let many: Vec<(String, Vec<u8>)> = (0..21)
            .map(|i| (format!("f{i}.txt"), format!("file {i}").into_bytes()))
            .collect();
        let many: Vec<(&str, &[u8])> = many
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let mut truncated = multipart(Some(&ok), &[("a.pdf", PDF)]);
        truncated.truncate(truncated.len() - 30);
        let with = |r: Value| serde_json::to_vec(&r).unwrap();
        let mut future = report(2, 1);
        future["delivered_to"] = json!("2020-12-11");
        let mut outside = report(2, 1);
        outside["delivered_from"] = json!("2020-11-30");
        let mut bad_date = report(2, 1);
        bad_date["delivered_from"] = json!("2020-13-01");
        let cases: Vec<(&str, &str, Vec<u8>, StatusCode, &str)> = vec![
            (
                "no report part",
                &code,
                multipart(None, &[("a.pdf", PDF)]),
                StatusCode::BAD_REQUEST,
                "validation.report",
            ),
            (
                "report not JSON",
                &code,
                multipart(Some(b"{nope"), &[("a.pdf", PDF)]),
                StatusCode::BAD_REQUEST,
                "request.malformed_json",
            ),
            (
                "wrong field type",
                &code,
                multipart(Some(br#"{"days_onsite":"two"}"#), &[("a.pdf", PDF)]),
                StatusCode::BAD_REQUEST,
                "validation.days_onsite",
            ),
            (
                "bad date",
                &code,
                multipart(Some(&with(bad_date)), &[("a.pdf", PDF)]),
                StatusCode::BAD_REQUEST,
                "validation.delivered_from",
            ),
            (
                "days do not add up",
                &code,
                multipart(Some(&with(report(1, 1))), &[("a.pdf", PDF)]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule.delivered_days_mismatch",
            ),
            (
                "too many off-site",
                &five,
                multipart(Some(&with(report(1, 4))), &[("a.pdf", PDF)]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule.too_many_offsite_days",
            ),
            (
                "future",
                &code,
                multipart(Some(&with(future)), &[("a.pdf", PDF)]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule.delivery_in_future",
            ),
            (
                "outside the reservation",
                &code,
                multipart(Some(&with(outside)), &[("a.pdf", PDF)]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule.delivery_outside_reservation",
            ),
            (
                "no file",
                &code,
                multipart(Some(&ok), &[]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule.deliverable_missing",
            ),
            (
                "html named .pdf",
                &code,
                multipart(
                    Some(&ok),
                    &[
                        ("a.pdf", PDF),
                        ("x.pdf", b"<!doctype html><script>x</script>"),
                    ],
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule.deliverable_type",
            ),
            (
                "executable named .pdf",
                &code,
                multipart(Some(&ok), &[("setup.pdf", b"MZ\x90\x00\x03")]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule.deliverable_type",
            ),
            (
                "empty file",
                &code,
                multipart(Some(&ok), &[("a.pdf", b"")]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation.deliverable",
            ),
            (
                "control character in the name",
                &code,
                multipart(Some(&ok), &[("a\tb.pdf", PDF)]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation.filename",
            ),
            (
                "too many files",
                &code,
                multipart(Some(&ok), &many),
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation.deliverable",
            ),
            (
                "a file over 20 MiB",
                &code,
                multipart(Some(&ok), &[("big.txt", &big)]),
                StatusCode::PAYLOAD_TOO_LARGE,
                "request.too_large",
            ),
            (
                "files over 50 MiB",
                &code,
                multipart(
                    Some(&ok),
                    &[
                        ("1.txt", &eighteen),
                        ("2.txt", &eighteen2),
                        ("3.txt", &eighteen3),
                    ],
                ),
                StatusCode::PAYLOAD_TOO_LARGE,
                "request.too_large",
            ),
            (
                "a half-uploaded body",
                &code,
                truncated,
                StatusCode::BAD_REQUEST,
                "request.malformed_multipart",
            ),
        ];
        let events = t.event_count().await;
        for (what, c, body, status, code_) in cases {
            let r = submit_raw(&t, &pa, c, body).await;
            assert_eq!(
                (r.status, r.code()),
                (status, code_),
                "{what}: {:?}",
                r.body
            );
        }
        // Not multipart; not the partner.
        let r = t
            .post(
                &format!("/api/v1/vouchers/{code}/completion-report"),
                &pa,
                &report(2, 1),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let r = submit(&t, &pm, &code, &report(2, 1), &[("a.pdf", PDF)]).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::FORBIDDEN, "auth.forbidden")
        );
        assert_eq!(t.event_count().await, events, "nothing was journaled");
        for c in [&code, &five] {
            let v = t.get(&format!("/api/v1/vouchers/{c}"), &pa).await.body;
            assert_eq!(v["state"], "reserved");
            assert!(v.get("completion_report").is_none());
        }
        // The voucher still takes a good report.
        let r = submit(&t, &pa, &code, &report(2, 1), &[("a.pdf", PDF)]).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    }
);

both_databases!(
    a_report_retried_with_its_idempotency_key_replays_the_first_answer_even_with_a_new_boundary,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let code = reserved(&t, 3, "2020-12-03").await;
        at(&t, date(2020, 12, 10)).await;
        let pa = t.token(&t.world.partner_admin).await;
        let path = format!("/api/v1/vouchers/{code}/completion-report");
        let json = serde_json::to_vec(&report(2, 1)).unwrap();
        // The same parts under another boundary, as a client's retry draws one.
        let send = |boundary: &'static str, file: &'static [u8], key: &'static str| {
            let raw = String::from_utf8_lossy(&multipart(Some(&json), &[("plan.pdf", file)]))
                .replace(BOUNDARY, boundary)
                .into_bytes();
            let ct = format!("multipart/form-data; boundary={boundary}");
            let (t, pa, path) = (&t, pa.clone(), path.clone());
            async move {
                t.raw(
                    Method::POST,
                    &path,
                    Some(&pa),
                    Some(raw),
                    &[("content-type", ct.as_str()), ("idempotency-key", key)],
                )
                .await
            }
        };
        let first = send("first-boundary-1", PDF, "report-1").await;
        assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
        let events = t.event_count().await;
        let again = send("second-boundary-2", PDF, "report-1").await;
        assert_eq!(again.status, StatusCode::CREATED, "{:?}", again.body);
        assert_eq!(again.body, first.body, "the first answer, replayed");
        assert_eq!(t.event_count().await, events, "nothing done twice");
        let other: &'static [u8] = b"%PDF-1.7\n% another file\n%%EOF\n";
        let reused = send("third-boundary-3", other, "report-1").await;
        assert_eq!(
            (reused.status, reused.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "idempotency.key_reused")
        );
        // Without the key, reporting again is the conflict it always was.
        let plain = submit(&t, &pa, &code, &report(2, 1), &[("plan.pdf", PDF)]).await;
        assert_eq!(plain.code(), "voucher.conflict");
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &pa).await.body;
        assert_eq!(
            v["completion_report"]["deliverables"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }
);
