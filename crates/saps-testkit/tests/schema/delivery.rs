//! The delivery operations for the schema test: each answered as documented.

use axum::http::{Method, StatusCode};
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

async fn send(
    t: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let a = t.call(method, path, token, body.as_ref()).await;
    (a.status, a.body)
}

/// Delivery: report (multipart), download, receipt, sign-off, redemption,
/// each as someone who may and someone who may not.
pub(crate) async fn delivery(t: &TestApp, op: &str) {
    let w = &t.world;
    let (ba, pa) = (
        t.token(&w.benefit_admin).await,
        t.token(&w.partner_admin).await,
    );
    let pm = t.token(&w.project_manager).await;
    let today = t.app.today();
    let body = json!({"customer_id": w.customer.id, "agreement": w.agreement, "engagement": "SSDPS-UPG",
        "days": 1, "project_manager_id": w.project_manager.id});
    let (status, v) = send(t, Method::POST, "/api/v1/vouchers", Some(&ba), Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let code = v["code"].as_str().unwrap().to_owned();
    let assign = json!({"partner_id": w.partner.id});
    let path = format!("/api/v1/vouchers/{code}/assign");
    assert_eq!(
        send(t, Method::POST, &path, Some(&ba), Some(assign))
            .await
            .0,
        StatusCode::OK
    );
    let day = today.tomorrow().unwrap();
    let reserve = json!({"location_id": w.location.id, "consultant_id": w.consultant.id,
        "start_date": day.to_string(), "end_date": day.to_string(), "accept_terms": true});
    let path = format!("/api/v1/vouchers/{code}/reserve");
    let (status, v) = send(t, Method::POST, &path, Some(&pa), Some(reserve)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let op_actor = saps_core::Actor::of(&w.operator);
    t.app
        .set_clock(&op_actor, today.saturating_add(jiff::Span::new().days(3)))
        .unwrap();
    let report = json!({"delivered_from": day.to_string(), "delivered_to": day.to_string(),
        "days_onsite": 1, "days_offsite": 0, "summary": "Done", "next_steps": "None"});
    let b = "schema-boundary";
    let mut upload = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{report}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"deliverable\"; filename=\"r.pdf\"\r\n\r\n\
         %PDF-1.4 x\r\n--{b}--\r\n"
    )
    .into_bytes();
    let ct = format!("multipart/form-data; boundary={b}");
    let path = format!("/api/v1/vouchers/{code}/completion-report");
    let headers = [("content-type", ct.as_str())];
    let r = t
        .raw(
            Method::POST,
            &path,
            Some(&pm),
            Some(upload.clone()),
            &headers,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{:?}", r.body);
    let r = t
        .raw(
            Method::POST,
            &path,
            Some(&pa),
            Some(upload.split_off(0)),
            &headers,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let (_, v) = send(
        t,
        Method::GET,
        &format!("/api/v1/vouchers/{code}"),
        Some(&pa),
        None,
    )
    .await;
    let id = v["completion_report"]["deliverables"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for who in [&pa, &pm, &op.to_owned()] {
        let path = format!("/api/v1/vouchers/{code}/deliverables/{id}");
        assert_eq!(
            send(t, Method::GET, &path, Some(who), None).await.0,
            StatusCode::OK
        );
        let path = format!("/api/v1/vouchers/{code}/receipt");
        assert_eq!(
            send(t, Method::GET, &path, Some(who), None).await.0,
            StatusCode::OK
        );
    }
    let path = format!("/api/v1/vouchers/{code}/sign-off");
    send(
        t,
        Method::POST,
        &path,
        Some(&pa),
        Some(json!({"accepted": true})),
    )
    .await;
    let (status, v) = send(
        t,
        Method::POST,
        &path,
        Some(&pm),
        Some(json!({"accepted": true})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let batch = json!({"codes": [code, "unknown"]});
    let (status, v) = send(
        t,
        Method::POST,
        "/api/v1/redemptions",
        Some(&pa),
        Some(batch),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    send(
        t,
        Method::POST,
        "/api/v1/redemptions",
        Some(&pa),
        Some(json!({"codes": []})),
    )
    .await;
}
