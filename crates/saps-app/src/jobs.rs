//! Background jobs: a registry of named, idempotent, periodic jobs, and the
//! scheduler every node runs over it.
//!
//! Most jobs are date-driven and run once per period across all nodes
//! ([`Reach::Cluster`]): every node may run the scheduler, and a node takes a
//! job's lease in the database (a conditional write: the lease is free or
//! expired, and the job is due) before running it, then records the run and
//! frees the lease. A job is due when its last run is a period old on the
//! program clock, so moving a simulated clock makes them due: the clock move
//! runs them before it answers. Leases are in real time: they guard against
//! concurrent nodes, and a node that dies mid-run lets its lease expire.
//!
//! A few jobs run on every node ([`Reach::Node`]), each period of real time:
//! reloading the program (each node's own copy), and delivering mail, which
//! is leased mail by mail already, so every node delivering adds throughput
//! and a node that stops delays nothing.
//!
//! Jobs must be idempotent: a lease that expires under a slow run lets
//! another node run the same job, and a crash after the work but before the
//! run is recorded runs it again.

use crate::{App, clock};
use jiff::SignedDuration;
use saps_core::Error;
use saps_core::port::{JobRecord, LeaseRequest};
use std::future::Future;
use std::pin::Pin;

/// What running a job returns: how many things it did (for the log).
pub type JobFuture<'a> = Pin<Box<dyn Future<Output = Result<u64, Error>> + Send + 'a>>;

/// Where a job runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Once per period (program clock) across all nodes, under a lease.
    Cluster,
    /// On every node, once per period of real time.
    Node,
}

/// A named periodic job.
pub struct Job {
    pub name: &'static str,
    pub period: SignedDuration,
    pub reach: Reach,
    pub run: for<'a> fn(&'a App) -> JobFuture<'a>,
}

/// How long a node may hold a job's lease before another may take it over.
pub const LEASE: SignedDuration = SignedDuration::from_mins(5);

/// Every job, in the order a scheduler pass runs them.
pub const JOBS: &[Job] = &[
    Job {
        name: "vouchers.expire",
        period: SignedDuration::from_mins(1),
        reach: Reach::Cluster,
        run: |app| Box::pin(async move { Ok(app.sweep_expired().await? as u64) }),
    },
    Job {
        name: "days.remove_retired",
        period: SignedDuration::from_mins(1),
        reach: Reach::Cluster,
        run: |app| Box::pin(async move { Ok(app.sweep_removed_days().await?.unsigned_abs()) }),
    },
    Job {
        name: "idempotency.purge",
        period: SignedDuration::from_hours(1),
        reach: Reach::Cluster,
        run: |app| Box::pin(app.purge_idempotency_keys()),
    },
    Job {
        name: "sign_in.purge",
        period: SignedDuration::from_hours(1),
        reach: Reach::Cluster,
        run: |app| Box::pin(app.purge_sign_in_attempts()),
    },
    Job {
        name: "mail.deliver",
        period: SignedDuration::from_secs(5),
        reach: Reach::Node,
        run: |app| Box::pin(async move { Ok(app.dispatch_mail().await? as u64) }),
    },
    Job {
        // Another node may have changed the program: pick it up within a minute.
        name: "program.reload",
        period: SignedDuration::from_mins(1),
        reach: Reach::Node,
        run: |app| Box::pin(async move { app.reload_program().await.map(|_| 0) }),
    },
    Job {
        // Reports without an answer for the program's sign-off days are deemed accepted.
        name: "sign_offs.deem",
        period: SignedDuration::from_mins(1),
        reach: Reach::Cluster,
        run: |app| Box::pin(app.deem_sign_offs()),
    },
    Job {
        name: "profiles.backfill",
        period: SignedDuration::from_hours(24),
        reach: Reach::Cluster,
        run: |app| Box::pin(app.backfill_profiles()),
    },
    Job {
        // Date-driven: each reminder once (see `mail::reminders`).
        name: "reminders.send",
        period: SignedDuration::from_mins(1),
        reach: Reach::Cluster,
        run: |app| Box::pin(app.send_reminders()),
    },
    Job {
        // Leased delivery by delivery, like mail: every node adds throughput.
        name: "webhooks.deliver",
        period: SignedDuration::from_secs(1),
        reach: Reach::Node,
        run: |app| Box::pin(app.deliver_webhooks()),
    },
    Job {
        // PostgreSQL: seal the events committed since, in seq order, behind
        // the writers (on SQLite every event is sealed as it is written).
        name: "journal.seal",
        period: SignedDuration::from_secs(2),
        reach: Reach::Node,
        run: |app| Box::pin(app.seal_journal()),
    },
];

/// What a scheduler pass did.
#[derive(Debug, Default)]
pub struct JobsReport {
    /// Jobs this node ran, with what each did.
    pub ran: Vec<(&'static str, u64)>,
    /// Due jobs another node holds the lease of (it is running them).
    pub busy: Vec<&'static str>,
    pub failed: Vec<(&'static str, Error)>,
}

enum Outcome {
    Ran(u64),
    NotDue,
    Busy,
}

impl App {
    /// Runs every job that is due now (on this node, or under a lease).
    pub async fn run_due_jobs(&self) -> JobsReport {
        self.run_jobs(|_| true).await
    }

    /// Runs the date-driven jobs a clock move made due, waiting (a while) for
    /// those another node is running, so that the move answers once the
    /// program is as of its new date.
    pub(crate) async fn run_jobs_after_clock_move(&self) -> Result<(), Error> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let mut report = self.run_jobs(|j| j.reach == Reach::Cluster).await;
            if let Some((_, e)) = report.failed.pop() {
                return Err(e);
            }
            if report.busy.is_empty() || std::time::Instant::now() > deadline {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    async fn run_jobs(&self, which: impl Fn(&Job) -> bool) -> JobsReport {
        let mut report = JobsReport::default();
        for job in JOBS.iter().filter(|j| which(j)) {
            let started = std::time::Instant::now();
            let outcome = match job.reach {
                Reach::Cluster => self.run_leased(job).await,
                Reach::Node => self.run_on_this_node(job).await,
            };
            match outcome {
                Ok(Outcome::Ran(n)) => {
                    tracing::debug!(job = job.name, did = n, "job ran");
                    crate::metrics::job_ran(job.name, "ok", started);
                    report.ran.push((job.name, n));
                }
                Ok(Outcome::NotDue) => {}
                Ok(Outcome::Busy) => report.busy.push(job.name),
                Err(e) => {
                    tracing::warn!(job = job.name, error = %e, "job failed");
                    crate::metrics::job_ran(job.name, "failed", started);
                    report.failed.push((job.name, e));
                }
            }
        }
        report
    }

    async fn run_leased(&self, job: &'static Job) -> Result<Outcome, Error> {
        let now = clock::wall_now();
        let program_now = self.now();
        let node = self.node.clone();
        let taken = self
            .write(move |tx| {
                Ok(tx.lease_job(&LeaseRequest {
                    job: job.name,
                    holder: &node,
                    now,
                    until: now + LEASE,
                    due_if_before: program_now - job.period,
                    due_if_after: program_now + job.period,
                })?)
            })
            .await?;
        if !taken {
            let record = self.job_record(job.name).await?;
            let held = record
                .and_then(|r| r.lease)
                .is_some_and(|(holder, until)| holder != self.node && until >= now);
            return Ok(if held { Outcome::Busy } else { Outcome::NotDue });
        }
        let node = self.node.clone();
        match (job.run)(self).await {
            Ok(n) => {
                self.write(move |tx| Ok(tx.finish_job(job.name, &node, program_now)?))
                    .await?;
                Ok(Outcome::Ran(n))
            }
            Err(e) => {
                // Free the lease so the job is tried again at the next pass.
                self.write(move |tx| Ok(tx.release_job(job.name, &node)?))
                    .await?;
                Err(e)
            }
        }
    }

    async fn run_on_this_node(&self, job: &'static Job) -> Result<Outcome, Error> {
        let now = std::time::Instant::now();
        // A tenth of slack, so that a scheduler ticking at the period does not
        // skip every other tick.
        let period = std::time::Duration::try_from(job.period).unwrap_or_default() * 9 / 10;
        {
            let mut last = self.node_runs.lock().unwrap_or_else(|e| e.into_inner());
            if last
                .get(job.name)
                .is_some_and(|t| now.duration_since(*t) < period)
            {
                return Ok(Outcome::NotDue);
            }
            last.insert(job.name, now);
        }
        (job.run)(self).await.map(Outcome::Ran)
    }

    /// What the store knows of a leased job.
    pub async fn job_record(&self, name: &'static str) -> Result<Option<JobRecord>, Error> {
        self.read(move |tx| Ok(tx.job(name)?)).await
    }
}
