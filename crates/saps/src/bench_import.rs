//! `saps bench --scenario import`: a million rows (half competencies, half
//! consultants' exams) imported from CSV files through the code path of
//! `saps import`, into a database seeded with the partners and consultants
//! they name. Ends with `RESULT scenario=import database=… rows=… rows_per_s=…`.

use crate::import::{Progress, import_file};
use anyhow::{Result, anyhow, bail};
use jiff::civil::{Date, date};
use saps_app::App;
use saps_app::clock::Clock;
use saps_app::import::ImportKind;
use saps_core::event::{PartnerCreated, UserCreated};
use saps_core::port::Store;
use saps_core::{Location, LocationId, NewEvent, Org, OrgId, OrgKind, Role, User, UserId};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Partners seeded, each with one location and one consultant.
const PARTNERS: usize = 1_000;

/// The day the benchmark runs on: exams are passed before it.
fn today() -> Date {
    date(2025, 1, 1)
}

pub async fn run(rows: usize, postgres: Option<&str>, no_sqlite: bool) -> Result<()> {
    println!(
        "saps bench --scenario import: {rows} rows from CSV, on {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    if !no_sqlite && postgres.is_none() {
        let dir =
            std::env::temp_dir().join(format!("saps-bench-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir)?;
        let db = dir.join("bench.db").to_string_lossy().into_owned();
        let store = tokio::task::spawn_blocking(move || crate::store::open_store(&db))
            .await?
            .map_err(|e| anyhow!("{e}"))?;
        let r = one(store, rows, &dir).await;
        let _ = std::fs::remove_dir_all(&dir);
        r?;
    }
    if let Some(url) = postgres {
        let dir =
            std::env::temp_dir().join(format!("saps-bench-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir)?;
        let url = url.to_owned();
        let store = tokio::task::spawn_blocking(move || crate::store::open_store(&url))
            .await?
            .map_err(|e| anyhow!("{e}"))?;
        let r = one(store, rows, &dir).await;
        let _ = std::fs::remove_dir_all(&dir);
        r?;
    }
    Ok(())
}

/// Seeds the partners and consultants (journaled, in one transaction) and
/// returns their names and e-mails.
async fn seed(app: &App, tag: &str) -> Result<(Vec<String>, Vec<String>)> {
    let now = app.now();
    let version = app.program().version;
    let mut orgs = Vec::with_capacity(PARTNERS);
    let mut users = Vec::with_capacity(PARTNERS);
    for i in 0..PARTNERS {
        let org = Org {
            id: OrgId::new(),
            kind: OrgKind::Partner,
            name: format!("Bench partner {tag} {i:04}"),
            country: "FR".into(),
            benefit_active: false,
            created_at: now,
        };
        let location = Location {
            id: LocationId::new(),
            partner_id: org.id,
            name: format!("Office {i:04}"),
            country: "FR".into(),
            city: "Lyon".into(),
        };
        users.push(User {
            id: UserId::new(),
            org_id: org.id,
            email: format!("consultant.{i:04}.{tag}@bench.example"),
            name: format!("Consultant {i:04}"),
            role: Role::Consultant,
            // No password hashes to one: nobody signs in as these.
            password_hash: "!".into(),
            created_at: now,
            locale: Default::default(),
            disabled: false,
        });
        orgs.push((org, location));
    }
    let names = orgs.iter().map(|(o, _)| o.name.clone()).collect();
    let emails = users.iter().map(|u| u.email.clone()).collect();
    app.write(move |tx| {
        let mut events = Vec::with_capacity(2 * PARTNERS);
        for ((org, location), user) in orgs.iter().zip(&users) {
            tx.insert_org(org)?;
            tx.insert_location(location)?;
            tx.insert_user(user)?;
            let created = PartnerCreated {
                id: org.id,
                name: org.name.clone(),
                country: org.country.clone(),
                locations: vec![location.clone()],
            };
            events.push(NewEvent::new(created, now, None, version).partner(org.id));
            let created = UserCreated {
                id: user.id,
                email: user.email.clone(),
                name: user.name.clone(),
                role: user.role,
                org_id: org.id,
            };
            events.push(NewEvent::new(created, now, None, version).partner(org.id));
        }
        tx.append_events(&events)?;
        Ok(())
    })
    .await
    .map_err(|e| anyhow!("seeding failed: {e}"))?;
    Ok((names, emails))
}

/// `n` competency rows, each a different (partner, competency, level, day).
fn competencies_csv(names: &[String], competencies: &[&str], n: usize) -> String {
    let mut s = String::with_capacity(n * 64);
    s.push_str("partner,competency,level,valid_until\n");
    let per_day = names.len() * competencies.len() * 2;
    for i in 0..n {
        let partner = &names[i % names.len()];
        let competency = competencies[(i / names.len()) % competencies.len()];
        let level = ["silver", "gold"][(i / (names.len() * competencies.len())) % 2];
        let day = today() + jiff::Span::new().days((i / per_day) as i64 + 30);
        let _ = writeln!(s, "{partner},{competency},{level},{day}");
    }
    s
}

/// `n` exam rows, each a different (consultant, exam, day), all passed before today.
fn exams_csv(emails: &[String], exams: &[&str], n: usize) -> String {
    let mut s = String::with_capacity(n * 64);
    s.push_str("consultant,exam,passed_on\n");
    let per_day = emails.len() * exams.len();
    for i in 0..n {
        let email = &emails[i % emails.len()];
        let exam = exams[(i / emails.len()) % exams.len()];
        let day = today() - jiff::Span::new().days((i / per_day) as i64 + 1);
        let _ = writeln!(s, "{email},{exam},{day}");
    }
    s
}

async fn one(store: Arc<dyn Store>, rows: usize, dir: &Path) -> Result<()> {
    println!();
    println!("== {}", store.describe());
    let database = if store.describe().starts_with("PostgreSQL") {
        "postgres"
    } else {
        "sqlite"
    };
    let app = App::new(
        store,
        Clock::simulated(today()),
        saps_app::Settings::default(),
    )
    .await
    .map_err(|e| anyhow!("{e}"))?;
    let tag = uuid::Uuid::now_v7().simple().to_string()[20..].to_owned();
    let t = Instant::now();
    let (names, emails) = seed(&app, &tag).await?;
    println!(
        "seeded {PARTNERS} partners and {PARTNERS} consultants in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let program = app.program();
    let (competencies, exams) = (program.known_competencies(), program.known_exams());
    let half = rows / 2;
    let files = [
        (
            ImportKind::Competencies,
            competencies_csv(&names, &competencies, half),
        ),
        (ImportKind::Exams, exams_csv(&emails, &exams, rows - half)),
    ];
    let (mut checking, mut writing, mut imported, mut events) =
        (Duration::ZERO, Duration::ZERO, 0, 0);
    let progress = Progress::new(std::io::stderr().is_terminal());
    for (kind, text) in files {
        let path = dir.join(format!("{}.csv", kind.as_str()));
        std::fs::write(&path, text)?;
        let size = std::fs::metadata(&path)?.len();
        let t = Instant::now();
        let outcome = match import_file(&app, kind, &path, false, &progress).await? {
            Ok(o) => o,
            Err(refused) => {
                for e in refused.errors.iter().take(10) {
                    println!("  {e}");
                }
                bail!("the generated {} file was refused", kind.as_str());
            }
        };
        let took = t.elapsed();
        println!(
            "{:<13} {:>8} rows, {:>4} MB: checked in {:>5.1} s, written in {:>5.1} s: {:>7.0} rows/s",
            kind.as_str(),
            outcome.summary.rows,
            size / 1_000_000,
            outcome.checked_in.as_secs_f64(),
            outcome.written_in.as_secs_f64(),
            outcome.summary.rows as f64 / took.as_secs_f64()
        );
        checking += outcome.checked_in;
        writing += outcome.written_in;
        imported += outcome.summary.rows;
        events += outcome.summary.events;
    }
    let total = checking + writing;
    // Everything is there, journaled, and the invariants hold.
    let mine = format!("Bench partner {tag} ");
    let (stored, journaled) = app
        .read(move |tx| {
            let (mut records, mut events, mut after) = (0, 0, 0);
            let mut ours = std::collections::HashSet::new();
            for p in tx.orgs(OrgKind::Partner)? {
                if !p.name.starts_with(&mine) {
                    continue;
                }
                ours.insert(p.id);
                let q = tx.qualifications(p.id)?;
                records += q.competencies.len() + q.exams.len();
            }
            loop {
                let page = tx.events_after(saps_core::Scope::All, after, 10_000)?;
                let Some(last) = page.last() else { break };
                after = last.seq;
                events += page
                    .iter()
                    .filter(|e| e.kind == "competency.recorded" || e.kind == "exam.recorded")
                    .filter(|e| e.partner_id.is_some_and(|p| ours.contains(&p)))
                    .count();
            }
            Ok((records, events))
        })
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let report = app.check_invariants().await.map_err(|e| anyhow!("{e}"))?;
    println!(
        "stored {stored} records and {journaled} of their events; invariants: {} violations",
        report.violations.len()
    );
    if stored != rows
        || journaled != rows
        || imported != rows
        || events != rows
        || !report.violations.is_empty()
    {
        bail!("the import scenario lost rows or broke an invariant");
    }
    println!(
        "RESULT scenario=import database={database} rows={imported} rows_per_s={:.0} check_s={:.2} \
         write_s={:.2} total_s={:.2}",
        imported as f64 / total.as_secs_f64(),
        checking.as_secs_f64(),
        writing.as_secs_f64(),
        total.as_secs_f64()
    );
    Ok(())
}
