//! `saps bench --scenario webhooks`: `--events` (10,000) journal events to
//! `--subscribers` (10) webhooks whose receivers run in this process on
//! loopback; the delivery job drains them. Measures deliveries per second
//! (from the first append to the last delivery) and the lag of each delivery
//! (from its event's append to its arrival). Ends with
//! `RESULT scenario=webhooks database=… events=… subscribers=… deliveries_per_s=… p99_lag_ms=…`.

use anyhow::{Result, anyhow};
use saps_app::App;
use saps_app::fixtures::World;
use saps_core::{Actor, NewEvent};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Events appended per write.
const APPEND_BATCH: usize = 500;

type Arrivals = Arc<Mutex<Vec<(i64, Instant)>>>;

/// A receiver answering 204, noting each event's sequence number and arrival.
async fn receiver(arrivals: Arrivals) -> Result<String> {
    let app = axum::Router::new().fallback(move |body: axum::body::Bytes| {
        let arrivals = arrivals.clone();
        async move {
            let at = Instant::now();
            let seq = serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v["seq"].as_i64())
                .unwrap_or(-1);
            arrivals
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((seq, at));
            axum::http::StatusCode::NO_CONTENT
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hook", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(url)
}

pub async fn run(app: Arc<App>, database: &str, events: usize, subscribers: usize) -> Result<()> {
    app.webhook_sender.set_allow_private(true);
    let tag = uuid::Uuid::now_v7().simple().to_string();
    let world = World::build(&app, 10, &tag)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let op = Actor::of(&world.operator);
    let arrivals: Arrivals = Arc::default();
    for _ in 0..subscribers {
        let url = receiver(arrivals.clone()).await?;
        app.create_webhook(&op, &url, &["clock.moved".to_owned()])
            .await
            .map_err(|e| anyhow!("{e}"))?;
    }
    // Drain the subscriptions' own events first, untimed.
    app.deliver_webhooks().await.map_err(|e| anyhow!("{e}"))?;
    arrivals.lock().unwrap_or_else(|e| e.into_inner()).clear();

    let expected = events * subscribers;
    let start = Instant::now();
    let appended: Arc<Mutex<Vec<(i64, Instant)>>> = Arc::default();
    // The journal grows while the job delivers, as it would in service.
    let writer = {
        let (app, appended) = (app.clone(), appended.clone());
        tokio::spawn(async move {
            let version = app.program().version;
            let mut left = events;
            while left > 0 {
                let n = left.min(APPEND_BATCH);
                left -= n;
                let now = app.now();
                let batch: Vec<NewEvent> = (0..n)
                    .map(|_| {
                        let moved = saps_core::event::ClockMoved { from: now, to: now };
                        NewEvent::new(moved, now, None, version)
                    })
                    .collect();
                let last = app
                    .write(move |tx| {
                        tx.append_events(&batch)?;
                        Ok(tx.last_event_seq()?)
                    })
                    .await?;
                appended
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((last, Instant::now()));
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            Ok::<_, saps_core::Error>(())
        })
    };
    let deadline = start + Duration::from_secs(600);
    loop {
        app.deliver_webhooks().await.map_err(|e| anyhow!("{e}"))?;
        let got = arrivals.lock().unwrap_or_else(|e| e.into_inner()).len();
        if (got >= expected && writer.is_finished()) || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    writer.await?.map_err(|e| anyhow!("{e}"))?;
    let elapsed = start.elapsed();
    let arrivals = arrivals.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let appended = appended.lock().unwrap_or_else(|e| e.into_inner()).clone();
    // An event was appended with the first batch whose last sequence number reaches it.
    let mut lags_ms: Vec<f64> = arrivals
        .iter()
        .filter_map(|(seq, at)| {
            let (_, when) = appended.iter().find(|(last, _)| last >= seq)?;
            Some(at.saturating_duration_since(*when).as_secs_f64() * 1000.0)
        })
        .collect();
    lags_ms.sort_by(f64::total_cmp);
    let p99 = lags_ms
        .get(((lags_ms.len() as f64 - 1.0) * 0.99).round().max(0.0) as usize)
        .copied()
        .unwrap_or(0.0);
    let delivered = arrivals.len();
    println!(
        "delivered {delivered} of {expected} in {:.1} s",
        elapsed.as_secs_f64()
    );
    if delivered < expected {
        return Err(anyhow!("only {delivered} of {expected} deliveries arrived"));
    }
    println!(
        "RESULT scenario=webhooks database={database} events={events} subscribers={subscribers} \
         deliveries_per_s={:.0} p99_lag_ms={p99:.0}",
        delivered as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}
