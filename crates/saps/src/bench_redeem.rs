//! `saps bench --scenario redeem-batch`: one `POST /api/v1/redemptions` of
//! `--vouchers` (1,000) completed, signed-off vouchers, over HTTP on a real
//! socket, repeated `--rounds` times; the vouchers of each round are prepared
//! (created, assigned, reserved, reported with a file, accepted) through the
//! same use cases beforehand, untimed. Ends with
//! `RESULT scenario=redeem-batch database=… vouchers=… p50_ms=… p99_ms=…`.

use anyhow::{Result, anyhow};
use saps_app::App;
use saps_app::ReserveInput;
use saps_app::delivery::Upload;
use saps_app::fixtures::{PASSWORD, World};
use saps_core::delivery::ReportFields;
use saps_core::{Actor, VoucherCode};
use std::sync::Arc;
use std::time::Instant;

/// How many vouchers are prepared at once.
const PREPARE_CONCURRENCY: usize = 32;

/// Prepares `n` signed-off vouchers: reserved for tomorrow, the clock moved
/// past the delivery, reported and accepted.
async fn prepare(app: &Arc<App>, w: &World, n: usize) -> Result<Vec<VoucherCode>> {
    let codes = w
        .assigned_vouchers(app, n)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let day = app.today().tomorrow().map_err(|e| anyhow!("{e}"))?;
    let op = Actor::of(&w.operator);
    let run = |f: fn(Arc<App>, World, VoucherCode, jiff::civil::Date) -> _| {
        let chunks: Vec<Vec<VoucherCode>> = codes
            .chunks(n.div_ceil(PREPARE_CONCURRENCY).max(1))
            .map(<[VoucherCode]>::to_vec)
            .collect();
        let tasks: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let (app, w) = (app.clone(), w.clone());
                tokio::spawn(async move {
                    for code in chunk {
                        f(app.clone(), w.clone(), code, day).await?;
                    }
                    Ok::<(), anyhow::Error>(())
                })
            })
            .collect();
        async move {
            for t in tasks {
                t.await??;
            }
            Ok::<(), anyhow::Error>(())
        }
    };
    run(|app, w, code, day| {
        Box::pin(async move {
            let input = ReserveInput {
                location_id: w.location.id,
                consultant_id: w.consultant.id,
                start_date: day,
                end_date: day,
                accept_terms: true,
                delivery_country: None,
            };
            app.reserve_voucher(&Actor::of(&w.partner_admin), code, input)
                .await
                .map(drop)
                .map_err(|e| anyhow!("reserve: {e}"))
        }) as std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send>>
    })
    .await?;
    app.set_clock(&op, day.saturating_add(jiff::Span::new().days(2)))
        .map_err(|e| anyhow!("{e}"))?;
    run(|app, w, code, day| {
        Box::pin(async move {
            let fields = ReportFields {
                delivered_from: day,
                delivered_to: day,
                days_onsite: 1,
                days_offsite: 0,
                summary: "Bench engagement".into(),
                next_steps: "None".into(),
            };
            let file = Upload {
                filename: "report.pdf".into(),
                bytes: format!("%PDF-1.4 bench report {code}\n").into_bytes(),
            };
            app.submit_report(&Actor::of(&w.partner_admin), code, fields, vec![file])
                .await
                .map_err(|e| anyhow!("report: {e}"))?;
            app.sign_off(&Actor::of(&w.project_manager), code, true, None)
                .await
                .map(drop)
                .map_err(|e| anyhow!("sign-off: {e}"))
        })
    })
    .await?;
    Ok(codes)
}

/// Runs the scenario on `app`; prints the RESULT line.
pub async fn run(app: Arc<App>, database: &str, vouchers: usize, rounds: usize) -> Result<()> {
    let tag = uuid::Uuid::now_v7().simple().to_string();
    let days = u32::try_from(vouchers * rounds).unwrap_or(u32::MAX).max(10);
    let world = World::build(&app, days, &tag)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(saps_web::serve(listener, app.clone(), async move {
        let _ = stop_rx.await;
    }));
    let client = reqwest::Client::new();
    let base = format!("http://{addr}/api/v1");
    let token: serde_json::Value = client
        .post(format!("{base}/auth/token"))
        .json(&serde_json::json!({"email": world.partner_admin.email, "password": PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    let token = token["token"]
        .as_str()
        .ok_or_else(|| anyhow!("no token: {token}"))?
        .to_owned();
    let mut latencies_ms = Vec::new();
    for round in 1..=rounds {
        let t = Instant::now();
        let codes = prepare(&app, &world, vouchers).await?;
        let prepared = t.elapsed();
        let codes: Vec<String> = codes.iter().map(ToString::to_string).collect();
        let t = Instant::now();
        let res = client
            .post(format!("{base}/redemptions"))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "codes": codes }))
            .send()
            .await?;
        let status = res.status();
        let body: serde_json::Value = res.json().await?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let redeemed = body["results"]
            .as_array()
            .map_or(0, |r| r.iter().filter(|x| x["ok"] == true).count());
        println!(
            "round {round}: prepared {vouchers} in {:.1} s; POST /redemptions {status} in {ms:.1} ms, \
             {redeemed} redeemed",
            prepared.as_secs_f64()
        );
        if redeemed != vouchers {
            return Err(anyhow!("only {redeemed} of {vouchers} redeemed: {body}"));
        }
        latencies_ms.push(ms);
    }
    let _ = stop_tx.send(());
    let _ = server.await;
    let report = app.check_invariants().await.map_err(|e| anyhow!("{e}"))?;
    if !report.violations.is_empty() {
        return Err(anyhow!("broken invariants: {:?}", report.violations));
    }
    latencies_ms.sort_by(f64::total_cmp);
    let pct = |p: f64| latencies_ms[((latencies_ms.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "RESULT scenario=redeem-batch database={database} vouchers={vouchers} rounds={rounds} \
         p50_ms={:.1} p99_ms={:.1} violations=0",
        pct(0.5),
        pct(0.99)
    );
    Ok(())
}
