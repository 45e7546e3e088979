//! Exports: `GET /vouchers/export.csv` and `export.xlsx` hold exactly the
//! vouchers the caller's list would show (scope and filters), with names;
//! another tenant's vouchers never appear.

use axum::http::StatusCode;
use saps_app::fixtures::World;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use serde_json::{Value, json};

use crate::{reserve_body, voucher};

const HEADER: &str = "Voucher ID,State,Customer,Partner,Engagement,Days,Created,Assigned,\
                      Reservation start,Reservation end,Expires,Location,Consultant\r\n";

fn stamp(v: &Value) -> String {
    v.as_str()
        .map(|s| {
            let t: jiff::Timestamp = s.parse().expect("timestamp");
            t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
        })
        .unwrap_or_default()
}

/// The line the export must hold for a voucher as the API shows it.
fn line(v: &Value, customer: &str, partner: &str, reserved: Option<(&str, &str)>) -> String {
    let r = &v["reservation"];
    let (loc, cons) = reserved.unwrap_or(("", ""));
    format!(
        "{},{},{customer},{partner},{},{},{},{},{},{},{},{loc},{cons}\r\n",
        v["code"].as_str().unwrap(),
        v["state"].as_str().unwrap(),
        v["engagement"].as_str().unwrap(),
        v["days"],
        stamp(&v["created_at"]),
        stamp(&v["assigned_at"]),
        r["start_date"].as_str().unwrap_or(""),
        r["end_date"].as_str().unwrap_or(""),
        v["expires_on"].as_str().unwrap(),
    )
}

struct Scene {
    t: TestApp,
    other: World,
    created: Value,
    reserved: Value,
    foreign: Value,
}

/// World t: one created voucher and one reserved at the partner; world u:
/// one voucher assigned to its own partner.
async fn scene(db: saps_testkit::testapp::Db) -> Scene {
    let t = TestApp::new(db, 30).await;
    let w = t.world.clone();
    let ba = t.token(&w.benefit_admin).await;
    let pa = t.token(&w.partner_admin).await;
    let created = voucher(&t, &ba, 1).await;
    let v = voucher(&t, &ba, 3).await;
    let code = v["code"].as_str().unwrap();
    let a = t
        .post(
            &format!("/api/v1/vouchers/{code}/assign"),
            &ba,
            &json!({"partner_id": w.partner.id}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    let r = t
        .post(
            &format!("/api/v1/vouchers/{code}/reserve"),
            &pa,
            &reserve_body(&t),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let reserved = r.body;

    let other = World::build(&t.app, 30, "u").await.expect("second world");
    let ba2 = t.token(&other.benefit_admin).await;
    let f = t
        .post(
            "/api/v1/vouchers",
            &ba2,
            &json!({
                "customer_id": other.customer.id,
                "agreement": other.agreement,
                "engagement": "SSDPS-UPG",
                "days": 1,
                "project_manager_id": other.project_manager.id,
            }),
        )
        .await;
    assert_eq!(f.status, StatusCode::CREATED, "{:?}", f.body);
    let fcode = f.body["code"].as_str().unwrap();
    let fa = t
        .post(
            &format!("/api/v1/vouchers/{fcode}/assign"),
            &ba2,
            &json!({"partner_id": other.partner.id}),
        )
        .await;
    assert_eq!(fa.status, StatusCode::OK, "{:?}", fa.body);
    Scene {
        t,
        other,
        created,
        reserved,
        foreign: fa.body,
    }
}

async fn csv(t: &TestApp, token: &str, query: &str) -> String {
    let a = t
        .get(&format!("/api/v1/vouchers/export.csv{query}"), token)
        .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    assert_eq!(a.content_type, "text/csv; charset=utf-8");
    assert_eq!(
        a.disposition.as_deref(),
        Some("attachment; filename=\"vouchers-2020-11-02.csv\"")
    );
    String::from_utf8(a.bytes.to_vec()).expect("utf-8")
}

both_databases!(
    the_csv_export_holds_exactly_the_callers_vouchers,
    |db| async move {
        let s = scene(db).await;
        let (t, w, o) = (&s.t, s.t.world.clone(), &s.other);
        let (cn, pn) = (w.customer.name.as_str(), w.partner.name.as_str());
        let at = Some((w.location.name.as_str(), w.consultant.name.as_str()));
        let created = line(&s.created, cn, "", None);
        let reserved = line(&s.reserved, cn, pn, at);
        let foreign = line(&s.foreign, &o.customer.name, &o.partner.name, None);

        let ba = t.token(&w.benefit_admin).await;
        assert_eq!(
            csv(t, &ba, "").await,
            format!("{HEADER}{created}{reserved}")
        );
        let pa = t.token(&w.partner_admin).await;
        assert_eq!(csv(t, &pa, "").await, format!("{HEADER}{reserved}"));
        let cons = t.token(&w.consultant).await;
        assert_eq!(csv(t, &cons, "").await, format!("{HEADER}{reserved}"));
        let op = t.token(&w.operator).await;
        assert_eq!(
            csv(t, &op, "").await,
            format!("{HEADER}{created}{reserved}{foreign}")
        );
        // The other tenant sees only its own.
        let ba2 = t.token(&o.benefit_admin).await;
        assert_eq!(csv(t, &ba2, "").await, format!("{HEADER}{foreign}"));
        let pa2 = t.token(&o.partner_admin).await;
        assert_eq!(csv(t, &pa2, "").await, format!("{HEADER}{foreign}"));

        // Filters, the byte-order mark, an empty result.
        assert_eq!(
            csv(t, &op, "?state=reserved").await,
            format!("{HEADER}{reserved}")
        );
        assert_eq!(
            csv(t, &ba, "?state=created&bom=1").await,
            format!("\u{feff}{HEADER}{created}")
        );
        assert_eq!(csv(t, &pa, "?state=cancelled").await, HEADER);
    }
);

#[test]
fn names_with_commas_and_quotes_are_quoted() {
    // The quoting rule itself, through the encoder the export uses.
    let row = saps_app::exports::ExportRow {
        code: "X".into(),
        state: saps_core::VoucherState::Created,
        customer: "Dupont, \"Père\" & Fils".into(),
        partner: "Line\nbreak".into(),
        engagement: "E".into(),
        days: 1,
        created_at: jiff::Timestamp::UNIX_EPOCH,
        assigned_at: None,
        start_date: None,
        end_date: None,
        expires_on: jiff::civil::date(2021, 1, 1),
        location: String::new(),
        consultant: String::new(),
    };
    let cells = saps_web::export::cells(&row);
    let mut w = csv::WriterBuilder::new().from_writer(vec![]);
    w.write_record(&cells).unwrap();
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    assert!(text.starts_with("X,created,\"Dupont, \"\"Père\"\" & Fils\",\"Line\nbreak\",E,1,"));
}

both_databases!(
    the_xlsx_export_is_a_workbook_with_the_same_rows,
    |db| async move {
        use calamine::{Data, Reader, Xlsx};
        let s = scene(db).await;
        let t = &s.t;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let a = t.get("/api/v1/vouchers/export.xlsx", &ba).await;
        assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
        assert_eq!(
            a.content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(
            a.disposition.as_deref(),
            Some("attachment; filename=\"vouchers-2020-11-02.xlsx\"")
        );
        let mut book = Xlsx::new(std::io::Cursor::new(a.bytes.to_vec())).expect("an xlsx");
        let sheet = book.worksheet_range("Vouchers").expect("the sheet");
        let rows: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[0][0], Data::String("Voucher ID".into()));
        assert_eq!(rows[0][12], Data::String("Consultant".into()));
        let codes: Vec<String> = rows[1..].iter().map(|r| r[0].to_string()).collect();
        assert_eq!(
            codes,
            [
                s.created["code"].as_str().unwrap(),
                s.reserved["code"].as_str().unwrap()
            ]
        );
        assert_eq!(rows[2][1].to_string(), "reserved");
        assert_eq!(rows[2][2].to_string(), w.customer.name);
        assert_eq!(rows[2][3].to_string(), w.partner.name);
        assert_eq!(rows[2][5], Data::Float(3.0));
        assert_eq!(rows[2][11].to_string(), w.location.name);
        assert_eq!(rows[2][12].to_string(), w.consultant.name);
        match &rows[2][8] {
            Data::DateTime(d) => assert_eq!(d.as_f64(), 44166.0, "2020-12-01"),
            other => panic!("the reservation start is a date: {other:?}"),
        }
        // The filter applies; another tenant's vouchers never appear.
        let ba2 = t.token(&s.other.benefit_admin).await;
        let a = t
            .get("/api/v1/vouchers/export.xlsx?state=assigned", &ba2)
            .await;
        let mut book = Xlsx::new(std::io::Cursor::new(a.bytes.to_vec())).expect("an xlsx");
        let sheet = book.worksheet_range("Vouchers").expect("the sheet");
        let codes: Vec<String> = sheet.rows().skip(1).map(|r| r[0].to_string()).collect();
        assert_eq!(codes, [s.foreign["code"].as_str().unwrap()]);
    }
);

both_databases!(bad_export_queries_are_refused, |db| async move {
    let t = TestApp::new(db, 30).await;
    let ba = t.token(&t.world.benefit_admin).await;
    for (path, field) in [
        ("/api/v1/vouchers/export.csv?state=lost", "state"),
        ("/api/v1/vouchers/export.csv?bom=yes", "bom"),
        ("/api/v1/vouchers/export.xlsx?bom=1", "bom"),
        ("/api/v1/vouchers/export.csv?limit=5", "limit"),
    ] {
        let a = t.get(path, &ba).await;
        assert_eq!(
            (a.status, a.code().to_owned()),
            (StatusCode::BAD_REQUEST, format!("validation.{field}")),
            "{path}: {:?}",
            a.body
        );
    }
    let a = t
        .call(
            axum::http::Method::GET,
            "/api/v1/vouchers/export.csv",
            None,
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
});

both_databases!(
    an_export_reads_page_after_page_without_loss,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let w = t.world.clone();
        let ba = t.token(&w.benefit_admin).await;
        let mut codes = vec![];
        for _ in 0..5 {
            codes.push(
                voucher(&t, &ba, 1).await["code"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        let actor = saps_core::Actor::of(&w.benefit_admin);
        for (page, sizes) in [(2, vec![2, 2, 1]), (5, vec![5, 0]), (1, vec![1; 5])] {
            let filter = saps_app::exports::ExportFilter::default();
            let mut rx = t
                .app
                .export_vouchers_by(&actor, filter, page)
                .await
                .unwrap();
            let (mut got, mut seen) = (vec![], vec![]);
            while let Some(p) = rx.recv().await {
                let p = p.unwrap();
                seen.push(p.len());
                got.extend(p.into_iter().map(|r| r.code));
            }
            let want = if page == 1 {
                [sizes, vec![0]].concat()
            } else {
                sizes
            };
            assert_eq!(seen, want, "page size {page}");
            assert_eq!(got, codes, "page size {page}");
        }
    }
);
