//! Job leases on PostgreSQL. Taking a lease is one upsert whose update is
//! conditional: under `READ COMMITTED` a second node waits on the row lock and
//! re-checks the condition against the committed row, so one node wins.

use crate::micros;
use crate::tx::PgTx;
use jiff::Timestamp;
use saps_core::port::{JobLeases, JobRecord, LeaseRequest, StoreResult};

impl JobLeases for PgTx<'_> {
    fn lease_job(&mut self, r: &LeaseRequest<'_>) -> StoreResult<bool> {
        let (until, now) = (micros(r.until), micros(r.now));
        let (due_if_before, due_if_after) = (micros(r.due_if_before), micros(r.due_if_after));
        let taken = self.exec(
            "INSERT INTO jobs (name, holder, leased_until) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, \
             leased_until = excluded.leased_until \
             WHERE (jobs.leased_until IS NULL OR jobs.leased_until < $4) \
             AND (jobs.last_run IS NULL OR jobs.last_run <= $5 OR jobs.last_run > $6)",
            &[
                &r.job,
                &r.holder,
                &until,
                &now,
                &due_if_before,
                &due_if_after,
            ],
        )?;
        Ok(taken == 1)
    }

    fn finish_job(&mut self, job: &str, holder: &str, ran_at: Timestamp) -> StoreResult<bool> {
        let done = self.exec(
            "UPDATE jobs SET last_run = $3, runs = runs + 1, holder = NULL, leased_until = NULL \
             WHERE name = $1 AND holder = $2",
            &[&job, &holder, &micros(ran_at)],
        )?;
        Ok(done == 1)
    }

    fn release_job(&mut self, job: &str, holder: &str) -> StoreResult<()> {
        self.exec(
            "UPDATE jobs SET holder = NULL, leased_until = NULL WHERE name = $1 AND holder = $2",
            &[&job, &holder],
        )
        .map(drop)
    }

    fn job(&mut self, job: &str) -> StoreResult<Option<JobRecord>> {
        let rows = self.rows(
            "SELECT name, last_run, holder, leased_until, runs FROM jobs WHERE name = $1",
            &[&job],
        )?;
        let Some(row) = rows.first() else {
            return Ok(None);
        };
        let bad = |e: postgres::Error| saps_core::StoreError::Backend(format!("jobs: {e}"));
        let holder: Option<String> = row.try_get(2).map_err(bad)?;
        let until: Option<Timestamp> = row.try_get(3).map_err(bad)?;
        let runs: i64 = row.try_get(4).map_err(bad)?;
        Ok(Some(JobRecord {
            name: row.try_get(0).map_err(bad)?,
            last_run: row.try_get(1).map_err(bad)?,
            lease: holder.zip(until),
            runs: u64::try_from(runs).unwrap_or(0),
        }))
    }
}
