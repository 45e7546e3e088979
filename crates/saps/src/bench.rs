//! `saps bench`: reserve / cancel-reservation round trips over HTTP with N
//! concurrent clients, against the raw-engine ceiling (the same use cases and
//! statements, no HTTP), then a re-check of every invariant.
//!
//! `saps bench --scenario NAME` runs one scenario on one database (SQLite, or
//! PostgreSQL when `--postgres URL` is given) and ends with one machine-readable
//! line: `RESULT scenario=NAME key=value …`.

use anyhow::{Result, anyhow};
use saps_app::clock::Clock;
use saps_app::fixtures::{PASSWORD, World};
use saps_app::{App, ReserveInput, Settings};
use saps_core::{Actor, VoucherCode};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The scenarios `--scenario` can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Scenario {
    /// Reserve / cancel-reservation round trips, raw engine then HTTP.
    Reserve,
    /// `saps import` of competency and exam rows from CSV (see bench_import.rs).
    Import,
    /// Partner directory searches over HTTP on --partners seeded companies.
    Directory,
    /// One `POST /redemptions` of 1,000 signed-off vouchers, repeated.
    RedeemBatch,
    /// CSV export of `--rows` vouchers over HTTP from a `saps serve` child; its peak RSS.
    Export,
    /// `--events` journal events to `--subscribers` webhooks on loopback receivers.
    Webhooks,
    /// `saps audit verify` over a journal of `--rows` events (see bench_audit.rs).
    Audit,
    /// `--rows` vouchers due on one day; the clock moved past it under reserve load.
    Expiry,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Self::Reserve => "reserve",
            Self::Import => "import",
            Self::Directory => "directory",
            Self::RedeemBatch => "redeem-batch",
            Self::Export => "export",
            Self::Webhooks => "webhooks",
            Self::Audit => "audit",
            Self::Expiry => "expiry",
        }
    }
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Run one scenario on one database (SQLite, or PostgreSQL with --postgres) and end
    /// with a `RESULT scenario=NAME …` line. Without it: the reserve scenario on SQLite,
    /// then on PostgreSQL if --postgres is given.
    #[arg(long, value_enum)]
    scenario: Option<Scenario>,
    /// Concurrent clients; each owns one voucher and reserves / cancels it in a loop.
    #[arg(long, default_value_t = 64)]
    clients: usize,
    /// Seconds to measure each phase.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Also run against this PostgreSQL database (its data is left in place).
    #[arg(long, env = "SAPS_BENCH_POSTGRES")]
    postgres: Option<String>,
    /// Skip SQLite (useful with --postgres).
    #[arg(long)]
    no_sqlite: bool,
    /// Rows: records the import scenario imports (half competencies, half exams), or
    /// vouchers the export scenario seeds and exports, or vouchers the expiry scenario
    /// seeds due on one day.
    #[arg(long, default_value_t = 1_000_000)]
    rows: usize,
    /// The directory scenario: how many partner companies to seed.
    #[arg(long, default_value_t = 100_000)]
    partners: usize,
    /// redeem-batch: vouchers in each redemption.
    #[arg(long, default_value_t = 1000)]
    vouchers: usize,
    /// redeem-batch: how many redemptions to time.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// webhooks: journal events to deliver.
    #[arg(long, default_value_t = 10_000)]
    events: usize,
    /// webhooks: subscriptions, each with its own receiver.
    #[arg(long, default_value_t = 10)]
    subscribers: usize,
    /// Leave the SQLite benchmark database in place (its path is printed), to look
    /// into its queries afterwards.
    #[arg(long)]
    keep: bool,
}

/// Latencies and counts of one phase.
struct Phase {
    ops: u64,
    errors: u64,
    elapsed: Duration,
    latencies_us: Vec<u64>,
}

impl Phase {
    fn rate(&self) -> f64 {
        self.ops as f64 / self.elapsed.as_secs_f64()
    }
    fn pct(&self, p: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return 0.0;
        }
        let mut v = self.latencies_us.clone();
        v.sort_unstable();
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v[i] as f64 / 1000.0
    }
}

fn reserve_input(w: &World) -> ReserveInput {
    ReserveInput {
        location_id: w.location.id,
        consultant_id: w.consultant.id,
        start_date: jiff::civil::date(2020, 12, 1),
        end_date: jiff::civil::date(2020, 12, 1),
        accept_terms: true,
        delivery_country: None,
    }
}

pub async fn run(a: BenchArgs) -> Result<()> {
    if a.scenario == Some(Scenario::Import) {
        return crate::bench_import::run(a.rows, a.postgres.as_deref(), a.no_sqlite).await;
    }
    if a.scenario == Some(Scenario::Export) {
        let pg = a.postgres.clone().filter(|_| a.no_sqlite);
        return crate::bench_export::run(a.rows, pg).await;
    }
    println!(
        "saps bench: {} clients, {} s per phase, on {} cores",
        a.clients,
        a.seconds,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
    // A named scenario measures one database, so that it ends with one RESULT line.
    let sqlite = !(a.no_sqlite || a.scenario.is_some() && a.postgres.is_some());
    if sqlite {
        let dir =
            std::env::temp_dir().join(format!("saps-bench-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir)?;
        let db = dir.join("bench.db").to_string_lossy().into_owned();
        let store = tokio::task::spawn_blocking(move || crate::store::open_store(&db))
            .await?
            .map_err(|e| anyhow!("{e}"))?;
        let r = one(store, &a).await;
        if a.keep {
            println!(
                "  kept the SQLite database: {}",
                dir.join("bench.db").display()
            );
        } else {
            let _ = std::fs::remove_dir_all(&dir);
        }
        r?;
    }
    if let Some(url) = &a.postgres {
        let url = url.clone();
        let store = tokio::task::spawn_blocking(move || crate::store::open_store(&url))
            .await?
            .map_err(|e| anyhow!("{e}"))?;
        one(store, &a).await?;
    }
    Ok(())
}

async fn one(store: Arc<dyn saps_core::port::Store>, a: &BenchArgs) -> Result<()> {
    println!();
    println!("== {}", store.describe());
    let database = if store.describe().starts_with("PostgreSQL") {
        "postgres"
    } else {
        "sqlite"
    };
    let settings = Settings {
        mail_dir: std::env::temp_dir().join("saps-bench-mail"),
        ..Settings::default()
    };
    let app = App::new(
        store,
        Clock::simulated(jiff::civil::date(2020, 11, 2)),
        settings,
    )
    .await
    .map_err(|e| anyhow!("{e}"))?;
    if a.scenario == Some(Scenario::Directory) {
        let store = app.store.clone();
        let postgres = a.postgres.clone().filter(|_| database == "postgres");
        let d = crate::bench_directory::Run {
            database,
            postgres,
            partners: a.partners,
            clients: a.clients,
            seconds: a.seconds,
        };
        return crate::bench_directory::run(store, app, d).await;
    }
    if a.scenario == Some(Scenario::RedeemBatch) {
        return crate::bench_redeem::run(app, database, a.vouchers, a.rounds).await;
    }
    if a.scenario == Some(Scenario::Webhooks) {
        return crate::bench_webhooks::run(app, database, a.events, a.subscribers).await;
    }
    if a.scenario == Some(Scenario::Audit) {
        return crate::bench_audit::run(app, database, a.rows).await;
    }
    if a.scenario == Some(Scenario::Expiry) {
        let run = crate::bench_expiry::Run {
            database,
            postgres: a.postgres.clone().filter(|_| database == "postgres"),
            vouchers: a.rows,
            clients: a.clients,
            seconds: a.seconds,
        };
        return crate::bench_expiry::run(app, run).await;
    }
    let tag = uuid::Uuid::now_v7().simple().to_string();
    let world = World::build(&app, (a.clients as u32 * 2).max(10), &tag)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let codes = world
        .assigned_vouchers(&app, a.clients * 2)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let (engine_codes, http_codes) = codes.split_at(a.clients);

    // Raw engine: the same use cases, no HTTP.
    let engine = engine_phase(&app, &world, engine_codes, Duration::from_secs(a.seconds)).await;
    // Over HTTP, on a real socket.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(saps_web::serve(listener, app.clone(), async move {
        let _ = stop_rx.await;
    }));
    let http = http_phase(addr, &world, http_codes, Duration::from_secs(a.seconds)).await?;
    let _ = stop_tx.send(());
    let _ = server.await;

    println!(
        "{:<22} {:>10} {:>9} {:>9} {:>8}",
        "phase", "ops/s", "p50 ms", "p99 ms", "errors"
    );
    for (name, p) in [("raw engine (no HTTP)", &engine), ("HTTP", &http)] {
        println!(
            "{:<22} {:>10.0} {:>9.2} {:>9.2} {:>8}",
            name,
            p.rate(),
            p.pct(0.50),
            p.pct(0.99),
            p.errors
        );
    }
    println!("ratio HTTP / engine: {:.2}", http.rate() / engine.rate());
    println!(
        "(one op = one reserve or one cancel-reservation, each a durable write with its journal event)"
    );
    let report = app.check_invariants().await.map_err(|e| anyhow!("{e}"))?;
    println!(
        "invariants: {} agreements, {} vouchers, {} events checked, {} violations",
        report.agreements,
        report.vouchers,
        report.events,
        report.violations.len()
    );
    for v in report.violations.iter().take(10) {
        println!("  VIOLATION {v}");
    }
    if !report.violations.is_empty() || engine.errors > 0 || http.errors > 0 {
        return Err(anyhow!("the benchmark found errors or broken invariants"));
    }
    println!(
        "RESULT scenario={} database={database} clients={} http_ops_per_s={:.0} http_p50_ms={:.2} \
         http_p99_ms={:.2} engine_ops_per_s={:.0} engine_p99_ms={:.2} ratio={:.2} violations={}",
        a.scenario.unwrap_or(Scenario::Reserve).name(),
        a.clients,
        http.rate(),
        http.pct(0.50),
        http.pct(0.99),
        engine.rate(),
        engine.pct(0.99),
        http.rate() / engine.rate(),
        report.violations.len()
    );
    Ok(())
}

async fn engine_phase(app: &Arc<App>, w: &World, codes: &[VoucherCode], d: Duration) -> Phase {
    let start = Instant::now();
    let deadline = start + d;
    let mut tasks = Vec::new();
    for &code in codes {
        let app = app.clone();
        let w = w.clone();
        tasks.push(tokio::spawn(async move {
            let actor = Actor::of(&w.partner_admin);
            let (mut ops, mut errors, mut lat) = (0u64, 0u64, Vec::new());
            while Instant::now() < deadline {
                let t = Instant::now();
                let r = app.reserve_voucher(&actor, code, reserve_input(&w)).await;
                lat.push(t.elapsed().as_micros() as u64);
                if r.is_err() {
                    errors += 1;
                }
                let t = Instant::now();
                let r = app.cancel_reservation(&actor, code, "bench").await;
                lat.push(t.elapsed().as_micros() as u64);
                if r.is_err() {
                    errors += 1;
                }
                ops += 2;
            }
            (ops, errors, lat)
        }));
    }
    collect(tasks, start).await
}

async fn collect(
    tasks: Vec<tokio::task::JoinHandle<(u64, u64, Vec<u64>)>>,
    start: Instant,
) -> Phase {
    let mut p = Phase {
        ops: 0,
        errors: 0,
        elapsed: Duration::ZERO,
        latencies_us: Vec::new(),
    };
    for t in tasks {
        if let Ok((ops, errors, lat)) = t.await {
            p.ops += ops;
            p.errors += errors;
            p.latencies_us.extend(lat);
        }
    }
    p.elapsed = start.elapsed();
    p
}

async fn http_phase(
    addr: std::net::SocketAddr,
    w: &World,
    codes: &[VoucherCode],
    d: Duration,
) -> Result<Phase> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(codes.len())
        .build()?;
    let base = format!("http://{addr}/api/v1");
    let token: serde_json::Value = client
        .post(format!("{base}/auth/token"))
        .json(&serde_json::json!({"email": w.partner_admin.email, "password": PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    let token = token["token"]
        .as_str()
        .ok_or_else(|| anyhow!("no token: {token}"))?
        .to_owned();
    let reserve = serde_json::json!({
        "location_id": w.location.id, "consultant_id": w.consultant.id,
        "start_date": "2020-12-01", "end_date": "2020-12-01", "accept_terms": true,
    });
    let start = Instant::now();
    let deadline = start + d;
    let mut tasks = Vec::new();
    for &code in codes {
        let (client, base, token, reserve) =
            (client.clone(), base.clone(), token.clone(), reserve.clone());
        tasks.push(tokio::spawn(async move {
            let (mut ops, mut errors, mut lat) = (0u64, 0u64, Vec::new());
            let reserve_url = format!("{base}/vouchers/{code}/reserve");
            let cancel_url = format!("{base}/vouchers/{code}/cancel-reservation");
            let cancel = serde_json::json!({"reason": "bench"});
            while Instant::now() < deadline {
                for (url, body) in [(&reserve_url, &reserve), (&cancel_url, &cancel)] {
                    let t = Instant::now();
                    let r = client.post(url).bearer_auth(&token).json(body).send().await;
                    lat.push(t.elapsed().as_micros() as u64);
                    match r {
                        Ok(res) if res.status().is_success() => {
                            let _ = res.bytes().await;
                        }
                        _ => errors += 1,
                    }
                    ops += 1;
                }
            }
            (ops, errors, lat)
        }));
    }
    Ok(collect(tasks, start).await)
}
