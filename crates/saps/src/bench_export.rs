//! `saps bench --scenario export`: the CSV export of a million vouchers over
//! HTTP, and the server's peak memory.
//!
//! The vouchers are seeded straight through the store (big transactions of
//! copies of one real, assigned voucher), then a `saps serve` child process
//! serves the database and this process downloads
//! `GET /api/v1/vouchers/export.csv` as the operator, counting lines without
//! keeping them. The server's peak resident memory is its `VmHWM` from
//! `/proc/PID/status`, read before it is stopped: the client is another
//! process, so its buffers do not count.

use anyhow::{Context, Result, anyhow};
use saps_app::clock::Clock;
use saps_app::fixtures::{PASSWORD, World};
use saps_app::{App, Settings};
use saps_core::{VoucherCode, VoucherId};
use std::time::{Duration, Instant};

/// Vouchers per seeding transaction.
const BATCH: usize = 50_000;

pub async fn run(rows: usize, postgres: Option<String>) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("saps-bench-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir)?;
    let (database, name) = match &postgres {
        Some(url) => (url.clone(), "postgres"),
        None => (
            dir.join("export.db").to_string_lossy().into_owned(),
            "sqlite",
        ),
    };
    let r = measure(&database, name, &dir, rows).await;
    let _ = std::fs::remove_dir_all(&dir);
    r
}

async fn measure(database: &str, name: &str, dir: &std::path::Path, rows: usize) -> Result<()> {
    let token = seed(database, dir, rows).await?;

    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let mut child = std::process::Command::new(std::env::current_exe()?)
        .args(["serve", "--database", database])
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args(["--clock", "simulated:2020-11-02"])
        .arg("--mail-dir")
        .arg(dir.join("mail"))
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .spawn()
        .context("starting saps serve")?;
    let pid = child.id();
    let result = download(port, &token).await;
    let peak = peak_rss_mb(pid);
    let _ = child.kill();
    let _ = child.wait();
    let (lines, bytes, elapsed) = result?;
    let peak = peak?;
    let exported = lines.saturating_sub(1);
    if exported < rows {
        return Err(anyhow!(
            "the export held {exported} vouchers, {rows} were seeded"
        ));
    }
    let rate = exported as f64 / elapsed.as_secs_f64();
    println!(
        "exported {exported} vouchers, {:.1} MB of CSV in {:.1} s; server peak RSS {peak:.1} MB",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64()
    );
    println!(
        "RESULT scenario=export database={name} rows={exported} rows_per_s={rate:.0} \
         seconds={:.1} mb={:.1} peak_rss_mb={peak:.1}",
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6
    );
    Ok(())
}

/// A fixture world and `rows` vouchers; returns the operator's token.
async fn seed(database: &str, dir: &std::path::Path, rows: usize) -> Result<String> {
    let db = database.to_owned();
    let store = tokio::task::spawn_blocking(move || crate::store::open_store(&db))
        .await?
        .map_err(|e| anyhow!("{e}"))?;
    let settings = Settings {
        mail_dir: dir.join("mail"),
        ..Settings::default()
    };
    let app = App::new(
        store,
        Clock::simulated(jiff::civil::date(2020, 11, 2)),
        settings,
    )
    .await
    .map_err(|e| anyhow!("{e}"))?;
    let tag = uuid::Uuid::now_v7().simple().to_string();
    let world = World::build(&app, 10, &tag)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let code = world
        .assigned_vouchers(&app, 1)
        .await
        .map_err(|e| anyhow!("{e}"))?[0];
    let template = app
        .read(move |tx| Ok(tx.voucher_by_code(&code)?))
        .await
        .map_err(|e| anyhow!("{e}"))?
        .ok_or_else(|| anyhow!("the template voucher is missing"))?;
    let start = Instant::now();
    let mut left = rows.saturating_sub(1);
    while left > 0 {
        let n = left.min(BATCH);
        let template = template.clone();
        app.write(move |tx| {
            for _ in 0..n {
                let mut v = template.clone();
                v.id = VoucherId::new();
                v.code = VoucherCode::generate();
                tx.insert_voucher(&v)?;
            }
            Ok(())
        })
        .await
        .map_err(|e| anyhow!("{e}"))?;
        left -= n;
    }
    println!(
        "seeded {rows} vouchers in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let (token, _) = app
        .issue_token(&world.operator.email, PASSWORD)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    Ok(token)
}

/// Downloads the export, counting lines and bytes; returns them with the time taken.
async fn download(port: u16, token: &str) -> Result<(usize, u64, Duration)> {
    let client = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let ready = Instant::now() + Duration::from_secs(30);
    while client
        .get(format!("{base}/api/v1/program"))
        .send()
        .await
        .is_err()
    {
        if Instant::now() > ready {
            return Err(anyhow!("saps serve did not start"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let start = Instant::now();
    let mut res = client
        .get(format!("{base}/api/v1/vouchers/export.csv"))
        .bearer_auth(token)
        .send()
        .await?;
    if !res.status().is_success() {
        return Err(anyhow!("the export answered {}", res.status()));
    }
    let (mut lines, mut bytes) = (0usize, 0u64);
    while let Some(chunk) = res.chunk().await? {
        bytes += chunk.len() as u64;
        lines += chunk.iter().filter(|&&b| b == b'\n').count();
    }
    Ok((lines, bytes, start.elapsed()))
}

/// The peak resident set (VmHWM) of a process, in MB.
fn peak_rss_mb(pid: u32) -> Result<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| anyhow!("no VmHWM for process {pid}"))?;
    Ok(kb / 1024.0)
}
