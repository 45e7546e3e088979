//! The expiry sweep, on SQLite and on PostgreSQL: run on two nodes at once and
//! again, it expires each due voucher once, with one `voucher.expired` event
//! and one refund entry each.

use saps_app::clock::Clock;
use saps_app::{App, Settings};
use saps_core::{LedgerReason, Scope};
use saps_testkit::both_databases;
use saps_testkit::testapp::{Db, TestApp};
use std::collections::BTreeMap;

both_databases!(
    sweeps_on_two_nodes_at_once_and_again_expire_each_voucher_once,
    |db: Db| async move {
        let t = TestApp::new(db, 30).await;
        let ba = t.token(&t.world.benefit_admin).await;
        let mut codes = Vec::new();
        for _ in 0..6 {
            codes.push(t.create_voucher(&ba, 3).await);
        }
        let (customer, number) = (t.world.customer.id, t.world.agreement.clone());
        let agreement = t
            .app
            .read(move |tx| Ok(tx.agreement_by_number(customer, &number)?))
            .await
            .expect("read")
            .expect("the agreement");
        assert_eq!(agreement.available, 30 - 6 * 3);

        // Both nodes' clocks past the vouchers' expiry (2021-05-01).
        let date = jiff::civil::date(2021, 5, 3);
        t.app.clock.set(date).expect("simulated");
        let settings = Settings {
            mail_dir: t.dir.join("mail"),
            ..Settings::default()
        };
        let other = App::new(t.app.store.clone(), Clock::simulated(date), settings)
            .await
            .expect("a second node");
        let sweeps: Vec<_> = [t.app.clone(), other.clone(), t.app.clone(), other]
            .into_iter()
            .map(|app| tokio::spawn(async move { app.sweep_expired().await }))
            .collect();
        let mut expired = 0;
        for s in sweeps {
            expired += s.await.expect("join").expect("the sweep");
        }
        assert_eq!(expired, codes.len(), "each voucher expired by one sweep");
        assert_eq!(t.app.sweep_expired().await.expect("again"), 0);

        let events = t
            .app
            .read(|tx| Ok(tx.events_after(Scope::All, 0, 1000)?))
            .await
            .expect("events");
        let mut per_voucher: BTreeMap<String, usize> = BTreeMap::new();
        for e in events.iter().filter(|e| e.kind == "voucher.expired") {
            assert_eq!(e.payload["refunded_days"], 3, "{e:?}");
            *per_voucher
                .entry(e.payload["code"].as_str().unwrap_or("").to_owned())
                .or_default() += 1;
        }
        assert_eq!(per_voucher.len(), codes.len(), "{per_voucher:?}");
        assert!(per_voucher.values().all(|n| *n == 1), "{per_voucher:?}");
        for code in &codes {
            let v = t.get(&format!("/api/v1/vouchers/{code}"), &ba).await;
            assert_eq!(v.body["state"], "expired", "{code}");
        }

        let id = agreement.id;
        let totals = t
            .app
            .read(move |tx| Ok(tx.pool_totals(id)?))
            .await
            .expect("totals");
        let refunded: i64 = totals
            .by_reason
            .iter()
            .filter(|(r, _)| *r == LedgerReason::VoucherRefund)
            .map(|(_, d)| d)
            .sum();
        assert_eq!(refunded, 6 * 3, "one refund per voucher: {totals:?}");
        let after = t
            .app
            .read(move |tx| Ok(tx.agreement(id)?))
            .await
            .expect("read")
            .expect("the agreement");
        assert_eq!(after.available, 30, "every day back in the pool");
    }
);
