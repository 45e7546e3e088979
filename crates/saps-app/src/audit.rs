//! The tamper-evident journal: sealing (behind the writers on PostgreSQL),
//! the head an auditor records, the verification (the chain, then every
//! pool of days re-derived from the journal alone and compared with the
//! tables), its record, and the operator's view of the journal.

use crate::App;
use saps_core::chain::{
    Break, ChainHead, ChainedEvent, DerivedClaims, DerivedPools, JournalFilter, Verification,
    Verifier, Walked,
};
use saps_core::port::{ClaimQuery, Store, VoucherQuery};
use saps_core::{Actor, Error, Event, OrgKind, Role, Scope, StoreError, VoucherState};
use std::sync::Arc;

/// Events read per query while verifying.
const PAGE: u32 = 20_000;

/// Events sealed per write transaction.
const SEAL_BATCH: u32 = 20_000;

/// Events sealed in one run from which the store tidies the journal
/// afterwards ([`saps_core::port::Store::tidy_journal`]: a `VACUUM` on
/// PostgreSQL, so that a verification right after does not read a dead row
/// version per event sealed).
const TIDY_AFTER_SEALING: u64 = 100_000;

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
    /// Pools and claims whose balance, state, total or vouchers in the
    /// tables differ from the journal's, and vouchers paid in one but not
    /// the other.
    pub differences: Vec<String>,
    /// Pools compared.
    pub pools: usize,
    /// Claims compared.
    pub claims: usize,
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
                "the chain is intact, but {} balance(s) of pools or claims differ from the journal: {}",
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
            "intact: {} event(s) sealed and verified, {} pool(s) and {} claim(s) match the journal; \
             head {head}{tail}",
            self.walked.sealed, self.pools, self.claims
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
                break;
            }
        }
        if total >= TIDY_AFTER_SEALING {
            let store = self.store.clone();
            let tidied = tokio::task::spawn_blocking(move || store.tidy_journal()).await;
            match tidied {
                Ok(Ok(())) => tracing::info!(sealed = total, "tidied the journal after sealing"),
                Ok(Err(e)) => tracing::warn!("cannot tidy the journal after sealing: {e}"),
                Err(e) => tracing::warn!("cannot tidy the journal after sealing: {e}"),
            }
        }
        Ok(total)
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
/// still reaches it; then re-derives every pool of days and every claim
/// (its state, total and vouchers, and which vouchers were paid) from the
/// journal and compares them with the tables.
///
/// Reading and checking overlap: this thread reads pages of events (keyset
/// on `seq`) while another hashes and re-derives the pages already read,
/// through a channel of a few pages, so that a large journal takes about
/// the longer of the two rather than their sum.
pub async fn verify_store(
    store: &dyn Store,
    head: Option<ChainHead>,
    progress: Progress,
) -> Result<AuditReport, Error> {
    saps_core::port::read(store, move |tx| {
        let total = tx.event_count()?;
        let (pages, received) = std::sync::mpsc::sync_channel::<Vec<ChainedEvent>>(PAGES_AHEAD);
        let (head, progress) = (head.clone(), progress.clone());
        let (read, checked) = std::thread::scope(|s| {
            let checker = s.spawn(move || check(received, head, progress, total));
            let read = read_pages(tx, &pages);
            drop(pages);
            (read, checker.join())
        });
        read?;
        let Ok(mut checked) = checked else {
            return Err(
                StoreError::Backend("the journal's checker stopped unexpectedly".into()).into(),
            );
        };
        let mut report = std::mem::take(&mut checked.report);
        if report.broken.is_some() {
            return Ok(report);
        }
        compare_pools(tx, &mut checked.pools, &mut report)?;
        compare_claims(tx, &mut checked.claims, &mut report)?;
        report.differences.sort();
        Ok(report)
    })
    .await
}

/// Pages read ahead of the checker.
const PAGES_AHEAD: usize = 2;

/// Sends every page of the journal in `seq` order, until the journal ends
/// or the checker stops listening (at a break).
fn read_pages(
    tx: &mut dyn saps_core::port::Tx,
    pages: &std::sync::mpsc::SyncSender<Vec<ChainedEvent>>,
) -> Result<(), Error> {
    let mut after = i64::MIN;
    loop {
        let page = tx.chained_events(after, PAGE)?;
        let Some(last) = page.last() else {
            return Ok(());
        };
        after = last.event.seq;
        if pages.send(page).is_err() {
            return Ok(());
        }
    }
}

/// What the checker found: the chain, and the balances the journal gives.
struct Checked {
    report: AuditReport,
    pools: DerivedPools,
    claims: DerivedClaims,
}

/// Checks the pages in order: the chain up to its first break, and what
/// the events say of pools and claims.
fn check(
    pages: std::sync::mpsc::Receiver<Vec<ChainedEvent>>,
    head: Option<ChainHead>,
    progress: Progress,
    total: u64,
) -> Checked {
    let mut report = AuditReport::default();
    let mut verifier = Verifier::new(head);
    let mut pools = DerivedPools::default();
    let mut claims = DerivedClaims::default();
    'walk: for page in pages {
        for c in &page {
            report.events += 1;
            if let Err(b) = verifier.push(c) {
                report.broken = Some(b);
                break 'walk;
            }
            pools.push(&c.event);
            claims.push(&c.event);
        }
        progress(report.events, total);
    }
    if report.broken.is_none() {
        match verifier.finish() {
            Ok(walked) => report.walked = walked,
            Err(b) => report.broken = Some(b),
        }
    }
    Checked {
        report,
        pools,
        claims,
    }
}

/// Every agreement's pool in the tables against the journal's.
fn compare_pools(
    tx: &mut dyn saps_core::port::Tx,
    pools: &mut DerivedPools,
    report: &mut AuditReport,
) -> Result<(), Error> {
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
    Ok(())
}

/// Rows read per query while comparing claims and paid vouchers.
const TABLE_PAGE: u32 = 1_000;

/// Every stored claim (state, total, vouchers) and every voucher stored as
/// paid against the journal's.
fn compare_claims(
    tx: &mut dyn saps_core::port::Tx,
    claims: &mut DerivedClaims,
    report: &mut AuditReport,
) -> Result<(), Error> {
    report.differences.append(&mut claims.unplaced);
    let mut after = None;
    loop {
        let page = tx.claims(&ClaimQuery {
            partner: None,
            states: Vec::new(),
            after,
            limit: TABLE_PAGE,
        })?;
        for c in &page {
            report.claims += 1;
            claims.compare(c, &mut report.differences);
        }
        match page.last() {
            Some(c) if page.len() == TABLE_PAGE as usize => after = Some(c.id),
            _ => break,
        }
    }
    let mut paid = Vec::new();
    let mut after = None;
    loop {
        let page = tx.vouchers(&VoucherQuery {
            scope: Scope::All,
            state: Some(VoucherState::Paid),
            after,
            limit: TABLE_PAGE,
        })?;
        paid.extend(page.iter().map(|v| (v.id, v.code)));
        match page.last() {
            Some(v) if page.len() == TABLE_PAGE as usize => after = Some(v.id),
            _ => break,
        }
    }
    claims.finish(paid, &mut report.differences);
    Ok(())
}
