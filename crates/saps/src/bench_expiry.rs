//! `saps bench --scenario expiry`: `--rows` vouchers (1,000,000) falling due on
//! one day, then the clock moved past it while clients keep reserving.
//!
//! The vouchers are seeded straight through the store (transactions of 50,000
//! copies of two real vouchers: nine in ten assigned, not reserved, one in ten
//! reserved), all expiring on the same day. `--clients` clients (each with its
//! own voucher, valid long after that day) reserve and cancel over HTTP on a
//! real socket for `--seconds`: the p99 before. Then, while the same load runs,
//! the operator moves the simulated clock past the due day with
//! `POST /api/v1/clock`, which runs the jobs the move made due (the expiry
//! sweep, the reminders …) before it answers: its wall time is `sweep_s`, and
//! the load's p99 over that time the p99 during. As in the default scenario, an
//! op is one reserve or one cancel-reservation. Ends with
//! `RESULT scenario=expiry vouchers=… sweep_s=… reserve_p99_ms_before=… reserve_p99_ms_during=…`.

use anyhow::{Result, anyhow};
use saps_app::fixtures::{PASSWORD, World};
use saps_app::{App, ReserveInput};
use saps_core::{Actor, VoucherCode, VoucherId};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Vouchers per seeding transaction.
const BATCH: usize = 50_000;
/// One seeded voucher in this many is reserved; the others are assigned.
const RESERVED_EVERY: usize = 10;
/// The day every seeded voucher expires (the clock starts on 2020-11-02).
const DUE: jiff::civil::Date = jiff::civil::date(2020, 12, 20);
/// The day the clients reserve, after the clock move.
const LOAD_DAY: &str = "2021-01-15";

/// What the scenario is run with.
pub struct Run<'a> {
    pub database: &'a str,
    /// The PostgreSQL URL, when that is the database.
    pub postgres: Option<String>,
    pub vouchers: usize,
    pub clients: usize,
    pub seconds: u64,
}

/// The latencies of one load phase.
struct Load {
    ops: u64,
    errors: u64,
    latencies_us: Vec<u64>,
}

impl Load {
    fn p99_ms(&self) -> f64 {
        let mut v = self.latencies_us.clone();
        if v.is_empty() {
            return 0.0;
        }
        v.sort_unstable();
        v[((v.len() as f64 - 1.0) * 0.99).round() as usize] as f64 / 1000.0
    }
}

fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("{e}")
}

pub async fn run(app: Arc<App>, r: Run<'_>) -> Result<()> {
    println!(
        "expiry on {}: {} vouchers due on {DUE}",
        r.database, r.vouchers
    );
    let tag = uuid::Uuid::now_v7().simple().to_string();
    let days = u32::try_from(r.clients * 2 + 10).unwrap_or(u32::MAX);
    let world = World::build(&app, days, &tag).await.map_err(err)?;
    let load_codes = world
        .assigned_vouchers(&app, r.clients)
        .await
        .map_err(err)?;
    let templates = world.assigned_vouchers(&app, 2).await.map_err(err)?;
    let reserved_on = DUE.saturating_sub(jiff::Span::new().days(4));
    let input = ReserveInput {
        location_id: world.location.id,
        consultant_id: world.consultant.id,
        start_date: reserved_on,
        end_date: reserved_on,
        accept_terms: true,
        delivery_country: None,
    };
    app.reserve_voucher(&Actor::of(&world.partner_admin), templates[1], input)
        .await
        .map_err(|e| anyhow!("reserving the template: {e}"))?;
    let (assigned, reserved, first_load) = {
        let (a, b, l) = (templates[0], templates[1], load_codes[0]);
        app.read(move |tx| {
            Ok((
                tx.voucher_by_code(&a)?,
                tx.voucher_by_code(&b)?,
                tx.voucher_by_code(&l)?,
            ))
        })
        .await
        .map_err(err)?
    };
    let (Some(assigned), Some(reserved), Some(first_load)) = (assigned, reserved, first_load)
    else {
        return Err(anyhow!("a template voucher is missing"));
    };
    if first_load.expires_on <= DUE.saturating_add(jiff::Span::new().days(30)) {
        return Err(anyhow!(
            "the clients' vouchers expire on {}, too close to {DUE}",
            first_load.expires_on
        ));
    }

    let start = Instant::now();
    let mut left = r.vouchers;
    let mut seeded = 0usize;
    while left > 0 {
        let n = left.min(BATCH);
        let (assigned, reserved) = (assigned.clone(), reserved.clone());
        let from = seeded;
        app.write(move |tx| {
            for i in from..from + n {
                let mut v = if i % RESERVED_EVERY == RESERVED_EVERY - 1 {
                    reserved.clone()
                } else {
                    assigned.clone()
                };
                v.id = VoucherId::new();
                v.code = VoucherCode::generate();
                v.expires_on = DUE;
                tx.insert_voucher(&v)?;
            }
            Ok(())
        })
        .await
        .map_err(err)?;
        left -= n;
        seeded += n;
    }
    println!(
        "seeded {} vouchers due on {DUE} ({} reserved) in {:.1} s",
        r.vouchers,
        r.vouchers / RESERVED_EVERY,
        start.elapsed().as_secs_f64()
    );
    if let Some(url) = r.postgres.clone() {
        // After a bulk load, before autovacuum gets to it.
        tokio::task::spawn_blocking(move || saps_postgres::analyze(&url))
            .await?
            .map_err(err)?;
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(saps_web::serve(listener, app.clone(), async move {
        let _ = stop_rx.await;
    }));
    let result = measure(addr, &world, &load_codes, &r).await;
    let _ = stop_tx.send(());
    let _ = server.await;
    let (before, during, sweep_s, effects) = result?;

    let after = DUE.tomorrow().map_err(err)?;
    let due_left = app
        .read(move |tx| Ok(tx.vouchers_expired_before(after, 10)?.len()))
        .await
        .map_err(err)?;
    let expired = effects["vouchers_expired"].as_u64().unwrap_or(0);
    println!("clock move: {effects}");
    println!(
        "{:<28} {:>8} {:>9} {:>8}",
        "load (reserve / cancel)", "ops", "p99 ms", "errors"
    );
    for (name, l) in [("before", &before), ("during the clock move", &during)] {
        println!(
            "{name:<28} {:>8} {:>9.2} {:>8}",
            l.ops,
            l.p99_ms(),
            l.errors
        );
    }
    if expired != r.vouchers as u64 || due_left != 0 {
        return Err(anyhow!(
            "{expired} of {} vouchers expired, {due_left} still due",
            r.vouchers
        ));
    }
    if before.errors > 0 || during.errors > 0 {
        return Err(anyhow!("the load met errors"));
    }
    println!(
        "RESULT scenario=expiry vouchers={} sweep_s={sweep_s:.1} reserve_p99_ms_before={:.2} \
         reserve_p99_ms_during={:.2}",
        r.vouchers,
        before.p99_ms(),
        during.p99_ms()
    );
    Ok(())
}

/// The load before, the clock move under the load, and the load during it;
/// returns both loads, the move's seconds and its effects.
async fn measure(
    addr: std::net::SocketAddr,
    w: &World,
    codes: &[VoucherCode],
    r: &Run<'_>,
) -> Result<(Load, Load, f64, serde_json::Value)> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(codes.len() + 1)
        .build()?;
    let base = format!("http://{addr}/api/v1");
    let partner = token(&client, &base, &w.partner_admin.email).await?;
    let operator = token(&client, &base, &w.operator.email).await?;

    let stop = Arc::new(AtomicBool::new(false));
    let before = spawn_load(w, &client, &base, &partner, codes, stop.clone());
    tokio::time::sleep(Duration::from_secs(r.seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let before = collect(before).await;

    let stop = Arc::new(AtomicBool::new(false));
    let during = spawn_load(w, &client, &base, &partner, codes, stop.clone());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = DUE.tomorrow().map_err(err)?;
    let t = Instant::now();
    let res = client
        .post(format!("{base}/clock"))
        .bearer_auth(&operator)
        .json(&serde_json::json!({ "set": after.to_string() }))
        .send()
        .await;
    let sweep_s = t.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let during = collect(during).await;
    let res = res?;
    let status = res.status();
    let body: serde_json::Value = res.json().await?;
    if !status.is_success() {
        return Err(anyhow!("the clock move answered {status}: {body}"));
    }
    Ok((before, during, sweep_s, body["effects"].clone()))
}

async fn token(client: &reqwest::Client, base: &str, email: &str) -> Result<String> {
    let t: serde_json::Value = client
        .post(format!("{base}/auth/token"))
        .json(&serde_json::json!({"email": email, "password": PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    t["token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("no token: {t}"))
}

type LoadTask = tokio::task::JoinHandle<(u64, u64, Vec<u64>)>;

/// One client per voucher, reserving and cancelling until `stop`.
fn spawn_load(
    w: &World,
    client: &reqwest::Client,
    base: &str,
    token: &str,
    codes: &[VoucherCode],
    stop: Arc<AtomicBool>,
) -> Vec<LoadTask> {
    let w_reserve = serde_json::json!({
        "location_id": w.location.id, "consultant_id": w.consultant.id,
        "start_date": LOAD_DAY, "end_date": LOAD_DAY, "accept_terms": true,
    });
    codes
        .iter()
        .map(|&code| {
            let (client, token, stop) = (client.clone(), token.to_owned(), stop.clone());
            let reserve_url = format!("{base}/vouchers/{code}/reserve");
            let cancel_url = format!("{base}/vouchers/{code}/cancel-reservation");
            let reserve = w_reserve.clone();
            tokio::spawn(async move {
                let (mut ops, mut errors, mut lat) = (0u64, 0u64, Vec::new());
                let cancel = serde_json::json!({"reason": "bench"});
                while !stop.load(Ordering::Relaxed) {
                    for (url, body) in [(&reserve_url, &reserve), (&cancel_url, &cancel)] {
                        let t = Instant::now();
                        let r = client.post(url).bearer_auth(&token).json(body).send().await;
                        match r {
                            Ok(res) if res.status().is_success() => {
                                let _ = res.bytes().await;
                            }
                            Ok(res) => {
                                errors += 1;
                                if errors == 1 {
                                    let text = res.text().await.unwrap_or_default();
                                    eprintln!("load: {url}: {text}");
                                }
                            }
                            Err(e) => {
                                errors += 1;
                                eprintln!("load: {url}: {e}");
                            }
                        }
                        lat.push(t.elapsed().as_micros() as u64);
                        ops += 1;
                    }
                }
                (ops, errors, lat)
            })
        })
        .collect()
}

async fn collect(tasks: Vec<LoadTask>) -> Load {
    let mut l = Load {
        ops: 0,
        errors: 0,
        latencies_us: Vec::new(),
    };
    for t in tasks {
        if let Ok((ops, errors, lat)) = t.await {
            l.ops += ops;
            l.errors += errors;
            l.latencies_us.extend(lat);
        }
    }
    l
}
