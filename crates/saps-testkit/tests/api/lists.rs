//! Voucher lists: several states, a search by voucher ID or name, sorted by
//! expiry with a cursor that stays correct; bad filters are refused.

use axum::http::StatusCode;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

use crate::voucher;

fn codes(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap().to_owned())
        .collect()
}

async fn walk(t: &TestApp, token: &str, query: &str) -> Vec<String> {
    let mut all = vec![];
    let mut cursor = String::new();
    loop {
        let a = t
            .get(
                &format!("/api/v1/vouchers?limit=2&{query}&cursor={cursor}"),
                token,
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{query}: {:?}", a.body);
        all.extend(codes(&a.body));
        match a.body["next_cursor"].as_str() {
            Some(c) => cursor = c.to_owned(),
            None => return all,
        }
    }
}

both_databases!(
    lists_filter_by_states_search_and_sort_by_expiry,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let op = t.token(&w.operator).await;
        let mut made = vec![];
        for i in 0..5 {
            let v = voucher(&t, &ba, 1).await;
            let code = v["code"].as_str().unwrap().to_owned();
            if i % 2 == 0 {
                let a = t
                    .post(
                        &format!("/api/v1/vouchers/{code}/assign"),
                        &ba,
                        &json!({"partner_id": w.partner.id}),
                    )
                    .await;
                assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
            }
            made.push(code);
            // Later vouchers expire later: advance the clock a day.
            let c = t
                .post("/api/v1/clock", &op, &json!({"advance_days": 1}))
                .await;
            assert_eq!(c.status, StatusCode::OK, "{:?}", c.body);
        }
        assert_eq!(walk(&t, &ba, "").await, made);
        assert_eq!(walk(&t, &ba, "sort=expiry").await, made);
        let assigned: Vec<String> = made.iter().step_by(2).cloned().collect();
        assert_eq!(walk(&t, &ba, "state=assigned").await, assigned);
        assert_eq!(
            walk(&t, &ba, "state=assigned,created&sort=expiry").await,
            made
        );
        assert_eq!(
            walk(&t, &ba, "state=reserved,cancelled").await,
            Vec::<String>::new()
        );
        // By voucher ID, any case and without dashes; by the partner's name.
        let sloppy = made[3].replace('-', "").to_lowercase();
        assert_eq!(
            walk(&t, &ba, &format!("q={sloppy}")).await,
            [made[3].clone()]
        );
        let partner = w.partner.name.to_uppercase().replace(' ', "+");
        assert_eq!(walk(&t, &ba, &format!("q={partner}")).await, assigned);
        // The export follows the same filters.
        let a = t
            .get(
                "/api/v1/vouchers/export.csv?state=assigned&sort=expiry",
                &ba,
            )
            .await;
        let text = String::from_utf8(a.bytes.to_vec()).unwrap();
        let lines: Vec<&str> = text.lines().skip(1).map(|l| &l[..24]).collect();
        assert_eq!(lines, assigned);
    }
);

both_databases!(bad_list_filters_are_refused, |db| async move {
    let t = TestApp::new(db, 30).await;
    let ba = t.token(&t.world.benefit_admin).await;
    let long = "x".repeat(101);
    let created_cursor = format!("v1.{}", "0".repeat(32));
    for (query, field) in [
        ("state=assigned,lost".to_owned(), "state"),
        ("sort=price".to_owned(), "sort"),
        (format!("q={long}"), "q"),
        (format!("sort=expiry&cursor={created_cursor}"), "cursor"),
        (
            "cursor=e1.20201301.00000000000000000000000000000000".to_owned(),
            "cursor",
        ),
    ] {
        let a = t.get(&format!("/api/v1/vouchers?{query}"), &ba).await;
        assert_eq!(
            (a.status, a.code().to_owned()),
            (StatusCode::BAD_REQUEST, format!("validation.{field}")),
            "{query}: {:?}",
            a.body
        );
    }
});
