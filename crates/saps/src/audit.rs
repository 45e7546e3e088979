//! `saps audit verify --database DB [--head SEQ:HASH]`: walks the journal's
//! hash chain with a progress bar (on a terminal), then re-derives every pool
//! of days from the journal and compares it with the tables. Exits 0 when
//! intact; otherwise non-zero, naming the first event that does not verify.
//! `saps audit head --database DB` prints the head to record.

use anyhow::{Result, anyhow, bail};
use clap::{Args, Subcommand};
use saps_core::chain::ChainHead;
use saps_core::port::Store;
use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Instant;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the journal's hash chain and re-derive every pool of days from it.
    Verify(VerifyArgs),
    /// Print the journal's head (SEQ:HASH) to record for a later `verify --head`.
    Head {
        #[command(flatten)]
        db: crate::DbArgs,
    },
}

#[derive(Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    db: crate::DbArgs,
    /// A head recorded earlier (`SEQ:HASH`, from `GET /api/v1/audit/head` or `saps audit
    /// head`): the journal must still reach it unchanged (catches a truncated journal).
    #[arg(long)]
    head: Option<String>,
}

pub async fn run(command: AuditCommand, file: &crate::config::Layer) -> Result<()> {
    match command {
        AuditCommand::Verify(a) => {
            // A head that does not parse is refused before anything is opened.
            let head = a
                .head
                .as_deref()
                .map(|h| {
                    h.parse::<ChainHead>()
                        .map_err(|e| anyhow!("--head cannot be read: {e}"))
                })
                .transpose()?;
            let database = a.db.resolve(file);
            let store = open_existing(&database).await?;
            verify(&*store, head).await
        }
        AuditCommand::Head { db } => {
            let database = db.resolve(file);
            let store = open_existing(&database).await?;
            let head = saps_core::port::read(&*store, |tx| Ok(tx.chain_head()?))
                .await
                .map_err(|e| anyhow!("cannot read the journal: {e}"))?;
            match head {
                Some(h) => println!("{h}"),
                None => println!("0:{}", saps_core::chain::GENESIS),
            }
            Ok(())
        }
    }
}

/// Opens a database that must exist already: an audit never creates one.
async fn open_existing(database: &str) -> Result<Arc<dyn Store>> {
    let is_postgres = database.starts_with("postgres://") || database.starts_with("postgresql://");
    if !is_postgres {
        let path = database.strip_prefix("sqlite:").unwrap_or(database);
        let path = path.strip_prefix("//").unwrap_or(path);
        if !std::path::Path::new(path).is_file() {
            bail!(
                "cannot open the database {}: there is no such file",
                crate::redact(database)
            );
        }
    }
    crate::open(database).await
}

async fn verify(store: &dyn Store, head: Option<ChainHead>) -> Result<()> {
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::with_draw_target(
            None,
            indicatif::ProgressDrawTarget::stderr_with_hz(10),
        );
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "verifying [{bar:40}] {percent:>3}% {human_pos}/{human_len} events eta {eta}",
            )
            .expect("a valid template")
            .progress_chars("=> "),
        );
        b
    });
    let shown = bar.clone();
    let progress: saps_app::audit::Progress = Arc::new(move |done, total| {
        if let Some(b) = &shown {
            b.set_length(total.max(done));
            b.set_position(done);
        }
    });
    let started = Instant::now();
    let report = saps_app::audit::verify_store(store, head, progress)
        .await
        .map_err(|e| anyhow!("cannot read the journal: {e}"))?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let took = started.elapsed().as_secs_f64();
    if report.ok() {
        println!(
            "{} ({} events read in {took:.1} s)",
            report.summary(),
            report.events
        );
        Ok(())
    } else {
        if report.broken.is_none() {
            for d in &report.differences {
                eprintln!("difference: {d}");
            }
        }
        bail!("the journal does not verify: {}", report.summary())
    }
}
