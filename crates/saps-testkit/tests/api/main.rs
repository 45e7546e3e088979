//! The JSON API on SQLite and on PostgreSQL: the whole path, tenancy, races,
//! idempotency, rules and every class of bad input (which must change nothing).
//! One test binary; a module per topic.

mod bad_input;
mod body_limit;
mod cancel;
mod claims;
mod delivery;
mod disabling;
mod export;
mod handoff;
mod handoff_return;
mod idempotency;
mod invoice;
mod lists;
mod path;
mod provisioning;
mod redemption;
mod rules;
mod sign_out;
mod tenancy;

use axum::http::StatusCode;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

/// One bad request: what it is, path, body, headers, expected status and code.
pub(crate) type BadInput = (
    &'static str,
    String,
    Option<Vec<u8>>,
    &'static [(&'static str, &'static str)],
    StatusCode,
    &'static str,
);

pub(crate) async fn voucher(t: &TestApp, ba: &str, days: u32) -> Value {
    let w = &t.world;
    let r = t
        .post(
            "/api/v1/vouchers",
            ba,
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
    r.body
}

pub(crate) fn reserve_body(t: &TestApp) -> Value {
    json!({
        "location_id": t.world.location.id,
        "consultant_id": t.world.consultant.id,
        "start_date": "2020-12-01",
        "end_date": "2020-12-03",
        "accept_terms": true,
    })
}
