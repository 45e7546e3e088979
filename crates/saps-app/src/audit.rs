//! The tamper-evident journal: sealing (behind the writers on PostgreSQL),
//! the head an auditor records, the verification (the chain, then every
//! pool of days re-derived from the journal alone and compared with the
//! tables), its record, and the operator's view of the journal.

use crate::App;
use saps_core::chain::{
    Break, ChainHead, DerivedPools, JournalFilter, Verification, Verifier, Walked,
};
use saps_core::port::Store;
use saps_core::{Actor, Error, Event, OrgKind, Role};
use std::sync::Arc;

/// Events read per query while verifying.
const PAGE: u32 = 20_000;

/// Events sealed per write transaction.
const SEAL_BATCH: u32 = 20_000;

/// How long a verification that never finished (its node stopped) keeps
/// another from starting.
const STALE_VERIFICATION: jiff::SignedDuration = jiff::SignedDuration::from_mins(30);

/// Tells how far a verification got: events read, and the total.
pub type Progress = Arc<dyn Fn(u64, u64) + Send + Sync>;

/// What a verification found.
#[derive(Clone, Debug, Default)]
pub struct AuditReport {
    /// Events read.
    pub events: u64,
    /// The chain as walked (when intact).
    pub walked: Walked,
    /// The first event that does not verify, and why.
    pub broken: Option<Break>,
    /// Pools whose balance in the tables differs from the journal's.
    pub differences: Vec<String>,
    /// Pools compared.
    pub pools: usize,
}

impl AuditReport {
    pub fn ok(&self) -> bool {
        self.broken.is_none() && self.differences.is_empty()
    }

    /// One paragraph: the result and what it rests on.
    pub fn summary(&self) -> String {
        if let Some(b) = &self.broken {
            return b.to_string();
        }
        if !self.differences.is_empty() {
            return format!(
                "the chain is intact, but {} pool(s) differ from the journal: {}",
                self.differences.len(),
                self.differences.join("; ")
            );
        }
        let head = self
            .walked
            .head
            .as_ref()
            .map_or_else(|| "none".to_owned(), ToString::to_string);
        let tail = if self.walked.unsealed > 0 {
            format!(
                "; {} event(s) at the end are not sealed yet",
                self.walked.unsealed
            )
        } else {
            String::new()
        };
        format!(
            "intact: {} event(s) sealed and verified, {} pool(s) match the journal; head {head}{tail}",
            self.walked.sealed, self.pools
        )
    }
}

fn operator_only(actor: &Actor) -> Result<(), Error> {
    if actor.role == Role::Operator {
        Ok(())
    } else {
        Err(Error::forbidden(
            "only the program's operators audit the journal",
        ))
    }
}

impl App {
    /// Seals every event the sealer can (on SQLite events are sealed as
    /// they are written, so this finds nothing); returns how many.
    pub async fn seal_journal(&self) -> Result<u64, Error> {
        let mut total = 0u64;
        loop {
            let n = self.write(|tx| Ok(tx.seal_events(SEAL_BATCH)?)).await?;
            total += u64::from(n);
            if n < SEAL_BATCH {
                return Ok(total);
            }
        }
    }

    /// The journal's head (the last sealed event), for anyone with the
    /// database: `None` while nothing is sealed.
    pub async fn journal_head(&self) -> Result<Option<ChainHead>, Error> {
        self.read(|tx| Ok(tx.chain_head()?)).await
    }

    /// The head for an operator to record (`GET /api/v1/audit/head`).
    pub async fn audit_head(&self, actor: &Actor) -> Result<Option<ChainHead>, Error> {
        operator_only(actor)?;
        self.journal_head().await
    }

    /// [`verify_store`] on this application's store.
    pub async fn verify_journal(
        &self,
        head: Option<ChainHead>,
        progress: Progress,
    ) -> Result<AuditReport, Error> {
        verify_store(&*self.store, head, progress).await
    }

    /// Starts a verification in the background for an operator, recorded
    /// as it starts and when it ends (the audit page shows both). `false`
    /// when another is still running.
    pub async fn start_verification(self: &Arc<Self>, actor: &Actor) -> Result<bool, Error> {
        operator_only(actor)?;
        let now = jiff::Timestamp::now();
        let run = Verification {
            id: uuid::Uuid::now_v7(),
            started_at: now,
            finished_at: None,
            ok: None,
            sealed: 0,
            unsealed: 0,
            head: None,
            message: String::new(),
        };
        let stale = now - STALE_VERIFICATION;
        let started = {
            let run = run.clone();
            self.write(move |tx| Ok(tx.start_verification(&run, stale)?))
                .await?
        };
        if started {
            let app = self.clone();
            tokio::spawn(async move { app.run_verification(run).await });
        }
        Ok(started)
    }

    /// Runs a recorded verification and records its result.
    pub async fn run_verification(&self, mut run: Verification) {
        let outcome = match self.seal_journal().await {
            Ok(_) => self.verify_journal(None, Arc::new(|_, _| {})).await,
            Err(e) => Err(e),
        };
        run.finished_at = Some(jiff::Timestamp::now());
        match outcome {
            Ok(report) => {
                run.ok = Some(report.ok());
                run.sealed = report.walked.sealed;
                run.unsealed = report.walked.unsealed;
                run.head = report.walked.head.clone();
                run.message = report.summary();
            }
            Err(e) => {
                run.ok = Some(false);
                run.message = format!("the verification could not run: {e}");
            }
        }
        if !run.ok.unwrap_or(false) {
            tracing::warn!(message = %run.message, "the journal does not verify");
        }
        let recorded = self
            .write(move |tx| Ok(tx.finish_verification(&run)?))
            .await;
        if let Err(e) = recorded {
            tracing::error!("cannot record a verification: {e}");
        }
    }

    /// The latest verification, for an operator.
    pub async fn last_verification(&self, actor: &Actor) -> Result<Option<Verification>, Error> {
        operator_only(actor)?;
        self.read(|tx| Ok(tx.last_verification()?)).await
    }

    /// A page of the journal for an operator, newest first.
    pub async fn browse_journal(
        &self,
        actor: &Actor,
        filter: JournalFilter,
    ) -> Result<Vec<Event>, Error> {
        operator_only(actor)?;
        self.read(move |tx| Ok(tx.browse_events(&filter)?)).await
    }
}

/// Walks the whole journal in `seq` order, in one read transaction (one
/// snapshot: the tables compared are as of the same moment), checking
/// the chain up to its first break and, given `head`, that the journal
/// still reaches it; then re-derives every pool of days from the journal
/// and compares it with the tables.
pub async fn verify_store(
    store: &dyn Store,
    head: Option<ChainHead>,
    progress: Progress,
) -> Result<AuditReport, Error> {
    saps_core::port::read(store, move |tx| {
        let total = tx.event_count()?;
        let mut report = AuditReport::default();
        let mut verifier = Verifier::new(head.clone());
        let mut pools = DerivedPools::default();
        let mut after = i64::MIN;
        'walk: loop {
            let page = tx.chained_events(after, PAGE)?;
            let Some(last) = page.last() else { break };
            after = last.event.seq;
            for c in &page {
                report.events += 1;
                if let Err(b) = verifier.push(c) {
                    report.broken = Some(b);
                    break 'walk;
                }
                pools.push(&c.event);
            }
            progress(report.events, total);
        }
        if report.broken.is_some() {
            return Ok(report);
        }
        match std::mem::take(&mut verifier).finish() {
            Ok(walked) => report.walked = walked,
            Err(b) => {
                report.broken = Some(b);
                return Ok(report);
            }
        }
        report.differences.append(&mut pools.unplaced);
        for customer in tx.orgs(OrgKind::Customer)? {
            for a in tx.agreements(customer.id)? {
                report.pools += 1;
                let derived = pools.pools.remove(&a.id).unwrap_or(0);
                if derived != a.available {
                    report.differences.push(format!(
                        "agreement {} of {}: the journal gives {derived} days, the pool holds {}",
                        a.number, customer.name, a.available
                    ));
                }
            }
        }
        for (id, days) in pools.pools.drain() {
            report.differences.push(format!(
                "agreement {id}: the journal gives it {days} days but no such agreement is stored"
            ));
        }
        report.differences.sort();
        Ok(report)
    })
    .await
}
