//! `saps bench --scenario directory`: seeds N partner companies (default
//! 100,000) with profiles in several languages, records, locations and
//! enrollments straight through the store in large transactions, then runs
//! random directory searches (text, offering, country, language, and their
//! mixes, first pages and next pages) over HTTP against the real server, and
//! ends with `RESULT scenario=directory database=… partners=… p50_ms=… p95_ms=…`.
//!
//! About 5% of the companies have a lapsed competency and 3% a lapsed
//! enrollment, so that the directory has something to leave out.

use anyhow::{Result, anyhow};
use saps_app::App;
use saps_app::fixtures::{PASSWORD, World};
use saps_core::port::Store;
use saps_core::profile::directory_keys;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Companies per write transaction while seeding.
const BATCH: usize = 2_000;

mod data;

use data::{COUNTRIES, LANGUAGES, Rng, Seed, WORDS, company};

/// Writes the companies through the store, `BATCH` per transaction.
async fn seed(app: &Arc<App>, store: &Arc<dyn Store>, partners: usize) -> Result<Duration> {
    let start = Instant::now();
    let mut rng = Rng(0x5eed_d1ec_7041_u64);
    let now = app.now();
    let mut done = 0;
    while done < partners {
        let n = BATCH.min(partners - done);
        let seeds: Arc<Vec<Seed>> = Arc::new(
            (done..done + n)
                .map(|i| company(&mut rng, app, i, now))
                .collect(),
        );
        saps_core::port::write(&**store, move |tx| {
            for s in seeds.iter() {
                tx.insert_org(&s.org)?;
                for l in &s.locations {
                    tx.insert_location(l)?;
                }
                tx.insert_user(&s.user)?;
                tx.insert_training(&s.training)?;
                for c in &s.competencies {
                    tx.insert_competency(c)?;
                }
                for x in &s.exams {
                    tx.insert_exam(x)?;
                }
                for e in &s.enrollments {
                    tx.insert_enrollment(e)?;
                }
                tx.save_profile(&s.profile, &directory_keys(&s.name, &s.profile.fields))?;
            }
            Ok(())
        })
        .await
        .map_err(|e| anyhow!("seeding: {e}"))?;
        done += n;
        if done % 20_000 == 0 || done == partners {
            println!(
                "  seeded {done} companies in {:.1} s",
                start.elapsed().as_secs_f64()
            );
        }
    }
    Ok(start.elapsed())
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A random search's query string.
fn search(rng: &mut Rng, offerings: &[String]) -> String {
    let word = |rng: &mut Rng| {
        let w = WORDS[rng.skewed(WORDS.len())];
        // A prefix of 3 characters or more, folded or not.
        let n = w.chars().count();
        let take = 3 + rng.below(n.saturating_sub(2).max(1));
        let p: String = w.chars().take(take.min(n)).collect();
        if rng.below(2) == 0 {
            saps_core::profile::fold(&p)
        } else {
            p
        }
    };
    let mut parts: Vec<String> = Vec::new();
    match rng.below(10) {
        0 | 1 => parts.push(format!("q={}", encode(&word(rng)))),
        2 => parts.push(format!(
            "q={}",
            encode(&format!("{} {}", word(rng), word(rng)))
        )),
        3 => parts.push(format!(
            "offering={}",
            offerings[rng.below(offerings.len())]
        )),
        4 => parts.push(format!(
            "country={}",
            COUNTRIES[rng.below(COUNTRIES.len())].0
        )),
        5 => parts.push(format!(
            "language={}",
            encode(LANGUAGES[rng.below(LANGUAGES.len())])
        )),
        6 => {
            parts.push(format!(
                "country={}",
                COUNTRIES[rng.below(COUNTRIES.len())].0
            ));
            parts.push(format!(
                "language={}",
                encode(LANGUAGES[rng.below(LANGUAGES.len())])
            ));
        }
        7 => {
            parts.push(format!(
                "offering={}",
                offerings[rng.below(offerings.len())]
            ));
            parts.push(format!("q={}", encode(&word(rng))));
        }
        8 => {
            parts.push(format!(
                "country={}",
                COUNTRIES[rng.below(COUNTRIES.len())].0
            ));
            parts.push(format!("q={}", encode(&word(rng))));
        }
        _ => {}
    }
    parts.join("&")
}

/// What to run the scenario with.
pub struct Run<'a> {
    /// `sqlite` or `postgres`, for the RESULT line.
    pub database: &'a str,
    /// The PostgreSQL URL, to refresh the planner's statistics after seeding.
    pub postgres: Option<String>,
    pub partners: usize,
    pub clients: usize,
    pub seconds: u64,
}

/// Seeds, serves, searches; prints the RESULT line.
pub async fn run(store: Arc<dyn Store>, app: Arc<App>, r: Run<'_>) -> Result<()> {
    let Run {
        database,
        postgres,
        partners,
        clients,
        seconds,
    } = r;
    let tag = uuid::Uuid::now_v7().simple().to_string();
    let world = World::build(&app, 10, &tag)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    println!("seeding {partners} partner companies …");
    let seeded = seed(&app, &store, partners).await?;
    if let Some(url) = postgres {
        // What autovacuum would do shortly after such a load.
        tokio::task::spawn_blocking(move || saps_postgres::analyze(&url))
            .await?
            .map_err(|e| anyhow!("ANALYZE: {e}"))?;
        println!("  vacuumed and analyzed");
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(saps_web::serve(listener, app.clone(), async move {
        let _ = stop_rx.await;
    }));
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()?;
    let base = format!("http://{addr}/api/v1");
    let token: serde_json::Value = client
        .post(format!("{base}/auth/token"))
        .json(&serde_json::json!({"email": world.benefit_admin.email, "password": PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    let token = token["token"]
        .as_str()
        .ok_or_else(|| anyhow!("no token: {token}"))?
        .to_owned();
    let offerings: Vec<String> = app
        .program()
        .offerings
        .iter()
        .map(|o| o.code.clone())
        .collect();
    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (client, base, token, offerings) = (
            client.clone(),
            base.clone(),
            token.clone(),
            offerings.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (c as u64 + 1));
            let (mut lat, mut errors, mut found) = (Vec::new(), 0u64, 0u64);
            let mut slow: Vec<(u64, String)> = Vec::new();
            while Instant::now() < deadline {
                let query = search(&mut rng, &offerings);
                let mut url = format!("{base}/directory?{query}");
                // Some searches read on to their next page.
                for _ in 0..1 + rng.below(2) {
                    let t = Instant::now();
                    let r = client.get(&url).bearer_auth(&token).send().await;
                    let body: Option<serde_json::Value> = match r {
                        Ok(res) if res.status().is_success() => res.json().await.ok(),
                        _ => None,
                    };
                    let us = t.elapsed().as_micros() as u64;
                    lat.push(us);
                    slow.push((us, url.clone()));
                    slow.sort_unstable_by_key(|s| std::cmp::Reverse(s.0));
                    slow.truncate(5);
                    let Some(body) = body else {
                        errors += 1;
                        break;
                    };
                    found += body["items"].as_array().map_or(0, |a| a.len() as u64);
                    match body["next_cursor"].as_str() {
                        Some(cur) => url = format!("{base}/directory?{query}&cursor={cur}"),
                        None => break,
                    }
                }
            }
            (lat, errors, found, slow)
        }));
    }
    let (mut lat, mut errors, mut found, mut slow) = (Vec::new(), 0, 0, Vec::new());
    for t in tasks {
        let (l, e, f, s) = t.await?;
        lat.extend(l);
        errors += e;
        found += f;
        slow.extend(s);
    }
    slow.sort_unstable_by_key(|s| std::cmp::Reverse(s.0));
    for (us, url) in slow.iter().take(8) {
        let path = url.split_once("/api/v1").map_or(url.as_str(), |(_, p)| p);
        println!("  slowest: {:>9.2} ms {path}", *us as f64 / 1000.0);
    }
    let elapsed = start.elapsed();
    let _ = stop_tx.send(());
    let _ = server.await;
    lat.sort_unstable();
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 - 1.0) * p).round() as usize)
            .map_or(0.0, |&us| us as f64 / 1000.0)
    };
    println!(
        "{} searches in {:.1} s ({:.0}/s) by {clients} clients, {} partners listed per search on average",
        lat.len(),
        elapsed.as_secs_f64(),
        lat.len() as f64 / elapsed.as_secs_f64(),
        found / (lat.len() as u64).max(1)
    );
    if errors > 0 {
        return Err(anyhow!("{errors} searches failed"));
    }
    println!(
        "RESULT scenario=directory database={database} partners={partners} clients={clients} \
         seed_s={:.1} searches={} p50_ms={:.2} p95_ms={:.2} p99_ms={:.2} max_ms={:.2}",
        seeded.as_secs_f64(),
        lat.len(),
        pct(0.50),
        pct(0.95),
        pct(0.99),
        pct(1.0)
    );
    Ok(())
}
