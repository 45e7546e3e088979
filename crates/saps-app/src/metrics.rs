//! What `/metrics` reports that is not counted as it happens: the depth of
//! the mail outbox and of the webhook deliveries and the database pool's use
//! (read on each scrape); and the token that guards `/metrics` on the main
//! address.

use crate::App;
use saps_core::Error;
use saps_core::port::{PoolStats, QueueCounts};
use sha2::{Digest, Sha256};

/// The bearer token of `/metrics`; never printed.
#[derive(Clone)]
pub struct MetricsToken(String);

impl MetricsToken {
    /// `None` for an empty token (no token).
    pub fn new(token: impl Into<String>) -> Option<Self> {
        let t = token.into();
        (!t.trim().is_empty()).then_some(Self(t))
    }

    /// Whether a presented token is this one (compared as digests, so the
    /// time taken says nothing of how much matched).
    pub fn matches(&self, presented: &str) -> bool {
        Sha256::digest(presented.as_bytes()) == Sha256::digest(self.0.as_bytes())
    }
}

impl std::fmt::Debug for MetricsToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MetricsToken([redacted])")
    }
}

/// Counts a job run and its duration.
pub(crate) fn job_ran(job: &'static str, outcome: &'static str, started: std::time::Instant) {
    metrics::counter!("saps_job_runs_total", "job" => job, "outcome" => outcome).increment(1);
    metrics::histogram!("saps_job_duration_seconds", "job" => job)
        .record(started.elapsed().as_secs_f64());
}

impl App {
    /// The mail outbox's and the webhook deliveries' counts, and sets the
    /// gauges `/metrics` shows.
    pub async fn queue_counts(&self) -> Result<(QueueCounts, QueueCounts), Error> {
        let (mail, hooks) = self
            .read(|tx| Ok((tx.mail_queue_counts()?, tx.webhook_queue_counts()?)))
            .await?;
        for (name, c) in [("mail", mail), ("webhooks", hooks)] {
            metrics::gauge!("saps_queue_pending", "queue" => name).set(c.pending as f64);
            metrics::gauge!("saps_queue_retrying", "queue" => name).set(c.retrying as f64);
            metrics::gauge!("saps_queue_failed", "queue" => name).set(c.failed as f64);
        }
        Ok((mail, hooks))
    }

    /// How the store's connections are used now, and sets the gauges
    /// `/metrics` shows: `saps_db_pool_max`, `saps_db_pool_connections` by
    /// `state` (`in_use`, `idle`) and `saps_db_pool_waiting` (units of work
    /// queued for a connection).
    pub fn db_pool_stats(&self) -> PoolStats {
        let p = self.store.pool_stats();
        metrics::gauge!("saps_db_pool_max").set(p.max as f64);
        metrics::gauge!("saps_db_pool_connections", "state" => "in_use").set(p.in_use as f64);
        metrics::gauge!("saps_db_pool_connections", "state" => "idle").set(p.idle as f64);
        metrics::gauge!("saps_db_pool_waiting").set(p.waiting as f64);
        p
    }
}
