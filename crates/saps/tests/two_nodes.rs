//! Two `saps serve` processes on one PostgreSQL database: the races of the
//! voucher path still have exactly one winner, and no pool goes negative.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const SAPS: &str = env!("CARGO_BIN_EXE_saps");

/// A `saps serve` child process, killed when dropped.
struct Node {
    child: Child,
    base: String,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn node(url: &str) -> Node {
    let mut child = Command::new(SAPS)
        .args([
            "serve",
            "--database",
            url,
            "--listen",
            "127.0.0.1:0",
            "--clock",
            "simulated:2020-11-02",
        ])
        .env("SAPS_LOG", "info")
        .env(
            "SAPS_MAIL_DIR",
            std::env::temp_dir().join("saps-two-nodes-mail"),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("saps starts");
    let out = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if let Some(i) = line.find("listening on http://") {
                let addr = line[i + "listening on ".len()..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_owned();
                let _ = tx.send(addr);
            }
        }
    });
    let base = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("saps serve printed its address");
    Node {
        child,
        base: format!("{base}/api/v1"),
    }
}

fn run(args: &[&str]) {
    let out = Command::new(SAPS).args(args).output().expect("saps runs");
    assert!(
        out.status.success(),
        "saps {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn call(c: &reqwest::Client, url: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut r = c.post(url).json(&body);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let res = r.send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn token(c: &reqwest::Client, base: &str, email: &str) -> String {
    let (s, b) = call(
        c,
        &format!("{base}/auth/token"),
        None,
        json!({"email": email, "password": "two-nodes-pass"}),
    )
    .await;
    assert_eq!(s, 201, "{b}");
    b["token"].as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn races_across_two_serve_processes_on_one_postgres_have_exactly_one_winner() {
    let url = tokio::task::spawn_blocking(saps_testkit::pg::fresh_database)
        .await
        .unwrap();
    run(&["migrate", "--database", &url]);
    run(&[
        "user",
        "add",
        "--database",
        &url,
        "--role",
        "operator",
        "--email",
        "op@two.example",
        "--password",
        "two-nodes-pass",
    ]);
    let (a, b) = (node(&url), node(&url));
    saps_app::webhooks::install_tls_provider();
    let c = reqwest::Client::new();
    let op = token(&c, &a.base, "op@two.example").await;

    // Provisioning through node A.
    let (_, partner) = call(
        &c,
        &format!("{}/partners", a.base),
        Some(&op),
        json!({
            "name": "P",
            "country": "FR",
            "locations": [{"name": "Paris", "country": "FR", "city": "Paris"}],
        }),
    )
    .await;
    let pid = partner["id"].as_str().unwrap().to_owned();
    let (_, customer) = call(
        &c,
        &format!("{}/customers", a.base),
        Some(&op),
        json!({"name": "C", "country": "FR"}),
    )
    .await;
    let cid = customer["id"].as_str().unwrap().to_owned();
    let mut ids = std::collections::HashMap::new();
    for (org, email, role) in [
        (&pid, "ga@two.example", "global_admin"),
        (&pid, "co@two.example", "consultant"),
        (&cid, "ba@two.example", "benefit_admin"),
        (&cid, "pm@two.example", "project_manager"),
    ] {
        let (s, u) = call(
            &c,
            &format!("{}/orgs/{org}/users", a.base),
            Some(&op),
            json!({"email": email, "name": role, "role": role, "password": "two-nodes-pass"}),
        )
        .await;
        assert_eq!(s, 201, "{u}");
        ids.insert(role, u["id"].as_str().unwrap().to_owned());
    }
    let (s, ag) = call(
        &c,
        &format!("{}/customers/{cid}/agreements", a.base),
        Some(&op),
        json!({"number": "SA-2", "sa_start": "2019-07-01", "sa_end": "2022-06-30", "days": 101}),
    )
    .await;
    assert_eq!(s, 201, "{ag}");
    let ba = token(&c, &a.base, "ba@two.example").await;
    let ga = token(&c, &b.base, "ga@two.example").await;
    let (s, _) = call(
        &c,
        &format!("{}/customers/{cid}/benefit/activate", a.base),
        Some(&ba),
        json!({}),
    )
    .await;
    assert_eq!(s, 200);

    // The partner qualifies for SSDPS and enrolls its location (node B).
    let location = partner["locations"][0]["id"].as_str().unwrap().to_owned();
    let course =
        json!({"course": "Planning Services compliance training", "completed_on": "2020-10-01"});
    let competency =
        json!({"competency": "Data Platform", "level": "gold", "valid_until": "2021-12-31"});
    let exam = json!({"exam": "DP-300", "passed_on": "2020-10-01"});
    let enrollment = json!({"offering": "SSDPS", "location_ids": [location]});
    for (path, who, body) in [
        (format!("partners/{pid}/trainings"), &op, course),
        (format!("partners/{pid}/competencies"), &op, competency),
        (format!("users/{}/exams", ids["consultant"]), &op, exam),
        (
            format!("partners/{pid}/agreement"),
            &ga,
            json!({"version": 1, "accept": true}),
        ),
        (format!("partners/{pid}/enrollments"), &ga, enrollment),
    ] {
        let (s, r) = call(&c, &format!("{}/{path}", b.base), Some(who), body).await;
        assert_eq!(s, 201, "{path}: {r}");
    }

    // One voucher, assigned on node B; 200 reservations split over both nodes.
    let new_voucher = json!({
        "customer_id": cid,
        "agreement": "SA-2",
        "engagement": "SSDPS-UPG",
        "days": 1,
        "project_manager_id": ids["project_manager"],
    });
    let (s, v) = call(
        &c,
        &format!("{}/vouchers", a.base),
        Some(&ba),
        new_voucher.clone(),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let code = v["code"].as_str().unwrap().to_owned();
    let (s, _) = call(
        &c,
        &format!("{}/vouchers/{code}/assign", b.base),
        Some(&ba),
        json!({"partner_id": pid}),
    )
    .await;
    assert_eq!(s, 200);
    let reserve = json!({
        "location_id": location,
        "consultant_id": ids["consultant"],
        "start_date": "2020-12-01",
        "end_date": "2020-12-02",
        "accept_terms": true,
    });
    let mut tasks = Vec::new();
    for i in 0..200 {
        let base = if i % 2 == 0 {
            a.base.clone()
        } else {
            b.base.clone()
        };
        let (c, ga, reserve, code) = (c.clone(), ga.clone(), reserve.clone(), code.clone());
        tasks.push(tokio::spawn(async move {
            call(
                &c,
                &format!("{base}/vouchers/{code}/reserve"),
                Some(&ga),
                reserve,
            )
            .await
        }));
    }
    let mut statuses = std::collections::BTreeMap::new();
    for t in tasks {
        let (s, body) = t.await.unwrap();
        if s == 409 {
            assert_eq!(body["code"], "voucher.conflict");
        }
        *statuses.entry(s).or_insert(0) += 1;
    }
    assert_eq!(statuses, [(200, 1), (409, 199)].into_iter().collect());

    // 100 days left; 500 one-day creations split over both nodes.
    let mut tasks = Vec::new();
    for i in 0..500 {
        let base = if i % 2 == 0 {
            a.base.clone()
        } else {
            b.base.clone()
        };
        let (c, ba, body) = (c.clone(), ba.clone(), new_voucher.clone());
        tasks.push(tokio::spawn(async move {
            call(&c, &format!("{base}/vouchers"), Some(&ba), body).await
        }));
    }
    let mut statuses = std::collections::BTreeMap::new();
    for t in tasks {
        let (s, body) = t.await.unwrap();
        if s == 422 {
            assert_eq!(body["code"], "rule.insufficient_days");
        }
        *statuses.entry(s).or_insert(0) += 1;
    }
    assert_eq!(statuses, [(201, 100), (422, 400)].into_iter().collect());
    let res = c
        .get(format!("{}/customers/{cid}/benefit", b.base))
        .bearer_auth(&ba)
        .send()
        .await
        .unwrap();
    let benefit: Value = res.json().await.unwrap();
    assert_eq!(benefit["pools"][0]["available"], 0);
    assert_eq!(benefit["pools"][0]["used"], 101);
}
