//! `saps bench --scenario audit`: builds a journal of `--rows` events
//! (1,000,000; appended directly in bulk, sealed as saps seals them: inline
//! on SQLite, by the sealer on PostgreSQL, both timed apart), then times the
//! verification `saps audit verify` runs over it: the whole hash chain, then
//! every pool of days re-derived from the journal. Ends with
//! `RESULT scenario=audit database=… events=… verify_s=… events_per_s=…`.

use anyhow::{Result, anyhow, bail};
use saps_app::App;
use saps_core::event::ClockMoved;
use saps_core::{NewEvent, OrgId, VoucherId};
use std::sync::Arc;
use std::time::Instant;

/// Events appended per write transaction.
const BATCH: usize = 50_000;

/// The `i`th filler event: a mix of a typed event and a kind this build does
/// not know, with a payload of a typical size, about whom it is.
fn filler(i: usize, start: jiff::Timestamp, version: u32) -> NewEvent {
    let at = start + jiff::SignedDuration::from_millis(i as i64);
    let org = OrgId(uuid::Uuid::from_u128(1 + (i % 1000) as u128));
    if i.is_multiple_of(2) {
        NewEvent::new(ClockMoved { from: at, to: at }, at, None, version).customer(org)
    } else {
        let mut e = NewEvent::raw(
            "bench.filler",
            at,
            None,
            version,
            serde_json::json!({
                "code": format!("B{i:019}"),
                "reason": "a filler event of the audit benchmark",
                "days": i % 15,
                "location": {"name": "Lyon", "country": "FR"},
            }),
        )
        .customer(org);
        e.voucher_id = Some(VoucherId(uuid::Uuid::from_u128(i as u128)));
        e
    }
}

pub async fn run(app: Arc<App>, database: &str, events: usize) -> Result<()> {
    let version = app.program().version;
    let start = app.now();
    let before = Instant::now();
    let mut written = 0;
    while written < events {
        let n = BATCH.min(events - written);
        let batch: Vec<NewEvent> = (written..written + n)
            .map(|i| filler(i, start, version))
            .collect();
        app.write(move |tx| Ok(tx.append_events(&batch)?))
            .await
            .map_err(|e| anyhow!("{e}"))?;
        written += n;
    }
    let append_s = before.elapsed().as_secs_f64();
    let before = Instant::now();
    let sealed = app.seal_journal().await.map_err(|e| anyhow!("{e}"))?;
    let seal_s = before.elapsed().as_secs_f64();
    println!(
        "appended {written} events in {append_s:.1} s; the sealer then sealed {sealed} in {seal_s:.1} s"
    );

    let before = Instant::now();
    let report = app
        .verify_journal(None, Arc::new(|_, _| {}))
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let verify_s = before.elapsed().as_secs_f64();
    if !report.ok() {
        bail!(
            "the benchmark's journal does not verify: {}",
            report.summary()
        );
    }
    println!("{}", report.summary());
    println!(
        "RESULT scenario=audit database={database} events={} verify_s={verify_s:.2} events_per_s={:.0} \
         append_s={append_s:.2} seal_s={seal_s:.2}",
        report.events,
        report.events as f64 / verify_s
    );
    Ok(())
}
