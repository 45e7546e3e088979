//! The storage port's job leases: periodic jobs that several nodes schedule,
//! each run once per period across them.
//!
//! Two clocks meet here. A lease guards against concurrent nodes, so it is
//! measured in real time (`now`, `until`); whether a job is due is measured
//! on the program clock (`due_if_before`, `due_if_after`), so that moving a
//! simulated clock makes date-driven jobs due.

use crate::port::StoreResult;
use jiff::Timestamp;

/// What the store knows of a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRecord {
    pub name: String,
    /// When it last ran to the end, on the program clock.
    pub last_run: Option<Timestamp>,
    /// Who holds the lease, and until when (real time); `None` when free.
    pub lease: Option<(String, Timestamp)>,
    /// How many runs were recorded.
    pub runs: u64,
}

/// How a node asks for a job's lease.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeaseRequest<'a> {
    pub job: &'a str,
    /// The node asking.
    pub holder: &'a str,
    /// Real time now; a lease that ended before it is free.
    pub now: Timestamp,
    /// Real time the lease ends at, if the holder never frees it (it died).
    pub until: Timestamp,
    /// The job is due when it never ran, or last ran at or before
    /// `due_if_before` (a period ago), or after `due_if_after` (the program
    /// clock was moved back: more than a period, so that clocks of nodes a
    /// little apart do not count).
    pub due_if_before: Timestamp,
    pub due_if_after: Timestamp,
}

/// Leases over named jobs, in the `jobs` table.
pub trait JobLeases {
    /// In a write: takes the job's lease for the holder when the job is due
    /// and its lease is free or expired, in one conditional write; returns
    /// whether it was taken. Of many nodes asking at once, one gets it.
    fn lease_job(&mut self, request: &LeaseRequest<'_>) -> StoreResult<bool>;
    /// Records a run that started at `ran_at` (program clock) and frees the
    /// lease, if the holder still holds it; returns whether it did.
    fn finish_job(&mut self, job: &str, holder: &str, ran_at: Timestamp) -> StoreResult<bool>;
    /// Frees the lease without recording a run (the job failed: it stays due).
    fn release_job(&mut self, job: &str, holder: &str) -> StoreResult<()>;
    fn job(&mut self, job: &str) -> StoreResult<Option<JobRecord>>;
}
