//! The job scheduler, on SQLite and on PostgreSQL: two nodes on one database
//! run their schedulers at once and each due job runs once; moving the
//! simulated clock runs the date-driven jobs before it answers.

use axum::http::StatusCode;
use saps_app::clock::Clock;
use saps_app::jobs::{JOBS, Reach};
use saps_app::{App, Settings};
use saps_core::Scope;
use saps_testkit::both_databases;
use saps_testkit::testapp::{Db, TestApp};
use serde_json::json;
use std::collections::BTreeMap;

/// How many events of each kind the journal holds, per voucher.
async fn expiries(t: &TestApp) -> BTreeMap<String, usize> {
    let events = t
        .app
        .read(|tx| Ok(tx.events_after(Scope::All, 0, 1000)?))
        .await
        .expect("events");
    let mut per_voucher = BTreeMap::new();
    for e in events.iter().filter(|e| e.kind == "voucher.expired") {
        *per_voucher
            .entry(e.payload["code"].as_str().unwrap_or("").to_owned())
            .or_default() += 1;
    }
    per_voucher
}

both_databases!(
    two_nodes_on_one_database_run_each_due_job_once,
    |db: Db| async move {
        let t = TestApp::new(db, 30).await;
        let ba = t.token(&t.world.benefit_admin).await;
        let mut codes = Vec::new();
        for _ in 0..3 {
            codes.push(t.create_voucher(&ba, 3).await);
        }
        // Both nodes' clocks past the vouchers' expiry (2021-05-01), without
        // moving them through the use case (which would run the jobs itself).
        let date = jiff::civil::date(2021, 5, 3);
        t.app.clock.set(date).expect("simulated");
        let settings = Settings {
            mail_dir: t.dir.join("mail"),
            ..Settings::default()
        };
        let other = App::new(t.app.store.clone(), Clock::simulated(date), settings)
            .await
            .expect("a second node");
        let nodes = [t.app.clone(), other.clone(), t.app.clone(), other];
        let passes: Vec<_> = nodes
            .into_iter()
            .map(|app| tokio::spawn(async move { app.run_due_jobs().await }))
            .collect();
        let mut ran = BTreeMap::new();
        for p in passes {
            let report = p.await.expect("join");
            assert!(report.failed.is_empty(), "{:?}", report.failed);
            for (name, _) in report.ran {
                *ran.entry(name).or_insert(0) += 1;
            }
        }
        for job in JOBS.iter().filter(|j| j.reach == Reach::Cluster) {
            assert_eq!(
                ran.get(job.name),
                Some(&1),
                "{} ran once across the nodes",
                job.name
            );
            let record = t
                .app
                .job_record(job.name)
                .await
                .expect("read")
                .expect("recorded");
            assert_eq!((record.runs, record.lease), (1, None), "{}", job.name);
        }
        let expired = expiries(&t).await;
        assert_eq!(expired.len(), 3, "{expired:?}");
        assert!(
            expired.values().all(|n| *n == 1),
            "one expiry event per voucher: {expired:?}"
        );
        assert!(codes.iter().all(|c| expired.contains_key(c)));

        // Nothing is due again within the period.
        let again = t.app.run_due_jobs().await;
        assert!(
            again.ran.iter().all(|(name, _)| !is_cluster(name)),
            "{again:?}"
        );
    }
);

fn is_cluster(name: &str) -> bool {
    JOBS.iter()
        .any(|j| j.name == name && j.reach == Reach::Cluster)
}

both_databases!(
    moving_the_clock_runs_the_date_jobs_before_it_answers,
    |db: Db| async move {
        let t = TestApp::new(db, 30).await;
        let ba = t.token(&t.world.benefit_admin).await;
        let op = t.token(&t.world.operator).await;
        let code = t.create_voucher(&ba, 3).await;
        for step in [json!({"advance_days": 150}), json!({"set": "2021-05-02"})] {
            let r = t.post("/api/v1/clock", &op, &step).await;
            assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        }
        let v = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
        assert_eq!(v.body["state"], "expired");
        let record = t
            .app
            .job_record("vouchers.expire")
            .await
            .expect("read")
            .expect("ran");
        assert_eq!(record.runs, 2, "once per move");
        // Moving back is refused and runs nothing; the next move forward runs them.
        let r = t
            .post("/api/v1/clock", &op, &json!({"set": "2021-01-01"}))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{:?}", r.body);
        let runs = |t: &TestApp| {
            let app = t.app.clone();
            async move {
                app.job_record("vouchers.expire")
                    .await
                    .expect("read")
                    .expect("ran")
                    .runs
            }
        };
        assert_eq!(runs(&t).await, 2);
        let r = t
            .post("/api/v1/clock", &op, &json!({"advance_days": 1}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(runs(&t).await, 3);
    }
);
