//! `saps import KIND FILE.csv`: partners, trainings, competencies or exams
//! from a CSV file, all or nothing (see docs/IMPORT.md).
//!
//! This module reads the file (UTF-8 with or without a byte-order mark, `,`
//! or `;` as sniffed from the header, quoted fields) and reports what is
//! wrong with it as a file: the header's columns, a row's number of fields,
//! bytes that are not UTF-8. Each row's content is checked by the
//! application's importer (`saps_app::import`), which then writes every row
//! in one transaction, or nothing if any row is bad.

use anyhow::{Result, anyhow, bail};
use saps_app::App;
use saps_app::import::{ImportKind, ImportSummary, RowError};
use saps_core::{Actor, Role};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Errors collected (and printed) before the check stops.
pub const MAX_ERRORS: usize = 100;

/// What the file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// name, country, location_name[, location_city, location_country, partner_id]
    Partners,
    /// partner, course, completed_on
    Trainings,
    /// partner, competency, level, valid_until
    Competencies,
    /// consultant, exam, passed_on
    Exams,
}

impl Kind {
    pub fn app(self) -> ImportKind {
        match self {
            Self::Partners => ImportKind::Partners,
            Self::Trainings => ImportKind::Trainings,
            Self::Competencies => ImportKind::Competencies,
            Self::Exams => ImportKind::Exams,
        }
    }
}

#[derive(clap::Args)]
pub struct ImportArgs {
    #[arg(value_enum)]
    kind: Kind,
    /// The CSV file: a header line naming the columns, then one row per line.
    file: PathBuf,
    /// Check every row and show what would be written, but write nothing.
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    db: crate::DbArgs,
    /// `system`, or `simulated:YYYY-MM-DD`: the day dates must not be after [default: system, or the
    /// configuration file's clock].
    #[arg(long, env = "SAPS_CLOCK")]
    clock: Option<String>,
    /// The e-mail of an operator the journal names as having recorded the rows [default: nobody,
    /// like other command-line changes].
    #[arg(long)]
    actor: Option<String>,
}

/// What one import did.
pub struct Outcome {
    pub summary: ImportSummary,
    /// A dry run's first rows, as they would be written.
    pub preview: Vec<String>,
    pub checked_in: Duration,
    pub written_in: Duration,
}

/// A file whose rows are not all good: every error found (up to
/// [`MAX_ERRORS`]).
#[derive(Debug)]
pub struct Refused {
    pub errors: Vec<RowError>,
    /// Whether the check stopped at [`MAX_ERRORS`].
    pub stopped: bool,
}

pub async fn run(a: ImportArgs, file: &crate::config::Layer) -> Result<()> {
    let database = a.db.resolve(file);
    let clock = a
        .clock
        .clone()
        .or_else(|| file.clock.clone())
        .unwrap_or_else(|| crate::config::defaults::CLOCK.into());
    let clock = saps_app::clock::Clock::parse(&clock).map_err(anyhow::Error::msg)?;
    let bytes =
        std::fs::read(&a.file).map_err(|e| anyhow!("cannot read {}: {e}", a.file.display()))?;
    let store = crate::open(&database).await?;
    let app = App::new(store, clock, saps_app::Settings::default())
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let actor = match &a.actor {
        None => None,
        Some(email) => Some(operator(&app, email).await?),
    };
    let shown = a.file.display().to_string();
    let progress = Progress::new(std::io::stderr().is_terminal());
    match import_bytes(
        &app,
        a.kind.app(),
        &bytes,
        a.dry_run,
        actor.as_ref(),
        &progress,
    )
    .await?
    {
        Err(refused) => {
            for e in &refused.errors {
                eprintln!("{shown}:{}: {}: {}", e.line, e.field, e.message);
            }
            let more = if refused.stopped {
                format!(" (stopped after the first {MAX_ERRORS})")
            } else {
                String::new()
            };
            bail!(
                "{} error(s) in {shown}{more}: nothing was imported",
                refused.errors.len()
            );
        }
        Ok(outcome) => {
            let s = outcome.summary;
            if a.dry_run {
                for line in &outcome.preview {
                    println!("{line}");
                }
                if s.rows > 20 {
                    println!("… and {} more rows", s.rows - 20);
                }
                println!(
                    "dry run: {shown} is good; nothing was written ({}, checked in {:.1} s)",
                    describe(&s),
                    outcome.checked_in.as_secs_f64()
                );
            } else {
                println!(
                    "imported {shown}: {} into {} in {:.1} s",
                    describe(&s),
                    crate::redact(&database),
                    (outcome.checked_in + outcome.written_in).as_secs_f64()
                );
            }
            Ok(())
        }
    }
}

/// The operator an `--actor` e-mail names.
async fn operator(app: &App, email: &str) -> Result<Actor> {
    let normal = saps_core::org::email_address(email).map_err(anyhow::Error::msg)?;
    let user = app
        .read(move |tx| Ok(tx.user_by_email(&normal)?))
        .await
        .map_err(|e| anyhow!("{e}"))?
        .ok_or_else(|| anyhow!("--actor: there is no user with the e-mail {email:?}"))?;
    if user.role != Role::Operator {
        bail!("--actor: {email} is not an operator");
    }
    Ok(Actor::of(&user))
}

/// "3 rows: 2 partners with 3 locations, 5 events".
pub fn describe(s: &ImportSummary) -> String {
    let mut parts = Vec::new();
    if s.partners_created > 0 {
        parts.push(format!("{} new partners", s.partners_created));
    }
    if s.locations > 0 {
        parts.push(format!("{} locations", s.locations));
    }
    for (n, what) in [
        (s.trainings, "trainings"),
        (s.competencies, "competencies"),
        (s.exams, "exams"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    if parts.is_empty() {
        parts.push("nothing".into());
    }
    format!("{} rows: {}, {} events", s.rows, parts.join(", "), s.events)
}

/// The progress shown on a terminal (nothing elsewhere).
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    pub fn new(terminal: bool) -> Self {
        Self(terminal.then(|| {
            indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::stderr_with_hz(10),
            )
        }))
    }

    /// Checking counts the file's bytes; writing, its rows.
    fn start(&self, what: &'static str, len: u64) {
        if let Some(b) = &self.0 {
            b.set_length(len);
            b.set_position(0);
            b.reset_eta();
            let template = if what == "checking" {
                "{msg:>9} [{bar:40}] {percent:>3}% {binary_bytes}/{binary_total_bytes} eta {eta}"
            } else {
                "{msg:>9} [{bar:40}] {percent:>3}% {human_pos}/{human_len} rows eta {eta}"
            };
            b.set_style(
                indicatif::ProgressStyle::with_template(template)
                    .expect("a valid template")
                    .progress_chars("=> "),
            );
            b.set_message(what);
        }
    }

    fn set(&self, pos: u64) {
        if let Some(b) = &self.0 {
            b.set_position(pos);
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// Reads a file by name and imports it: the code path of `saps import`
/// (for the benchmark).
#[cfg(feature = "bench")]
pub async fn import_file(
    app: &App,
    kind: ImportKind,
    path: &std::path::Path,
    dry_run: bool,
    progress: &Progress,
) -> Result<Result<Outcome, Refused>> {
    let bytes = std::fs::read(path).map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    import_bytes(app, kind, &bytes, dry_run, None, progress).await
}

/// Checks every row of a file's bytes, then (unless `dry_run` or a row is
/// bad) writes them all in one transaction.
pub async fn import_bytes(
    app: &App,
    kind: ImportKind,
    bytes: &[u8],
    dry_run: bool,
    actor: Option<&Actor>,
    progress: &Progress,
) -> Result<Result<Outcome, Refused>> {
    let started = Instant::now();
    let mut importer = app
        .importer(kind, actor)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    progress.start("checking", bytes.len() as u64);
    let checked =
        crate::import_csv::check(bytes, &mut importer, MAX_ERRORS, |pos| progress.set(pos));
    let mut errors = checked.errors;
    if errors.is_empty() {
        errors = app
            .already_recorded(&importer)
            .await
            .map_err(|e| anyhow!("{e}"))?;
        errors.truncate(MAX_ERRORS);
    }
    if !errors.is_empty() {
        progress.finish();
        return Ok(Err(Refused {
            stopped: errors.len() >= MAX_ERRORS,
            errors,
        }));
    }
    let checked_in = started.elapsed();
    let summary = importer.summary();
    if dry_run {
        progress.finish();
        return Ok(Ok(Outcome {
            summary,
            preview: importer.preview(20),
            checked_in,
            written_in: Duration::ZERO,
        }));
    }
    let started = Instant::now();
    let written = Arc::new(AtomicU64::new(0));
    progress.start("writing", summary.rows as u64);
    let work = app.import(importer, Some(written.clone()));
    tokio::pin!(work);
    let summary = loop {
        tokio::select! {
            r = &mut work => break r.map_err(|e| anyhow!("the import was not written: {e}"))?,
            () = tokio::time::sleep(Duration::from_millis(100)) => {
                progress.set(written.load(Ordering::Relaxed));
            }
        }
    };
    progress.finish();
    Ok(Ok(Outcome {
        summary,
        preview: Vec::new(),
        checked_in,
        written_in: started.elapsed(),
    }))
}
