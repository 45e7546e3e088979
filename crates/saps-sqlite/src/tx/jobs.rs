//! Job leases on SQLite. The single writer makes each conditional write
//! atomic; the conditions are the same as on PostgreSQL.

use crate::db_error;
use crate::tx::{SqliteTx, timestamp};
use rusqlite::{OptionalExtension, params};
use saps_core::StoreError;
use saps_core::port::{JobLeases, JobRecord, LeaseRequest, StoreResult};

fn parse_time(s: Option<String>) -> StoreResult<Option<jiff::Timestamp>> {
    s.map(|s| {
        s.parse()
            .map_err(|e| StoreError::Backend(format!("jobs: bad timestamp {s:?}: {e}")))
    })
    .transpose()
}

impl JobLeases for SqliteTx<'_> {
    fn lease_job(&mut self, r: &LeaseRequest<'_>) -> StoreResult<bool> {
        let taken = self
            .conn
            .prepare_cached(
                "INSERT INTO jobs (name, holder, leased_until) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, \
                 leased_until = excluded.leased_until \
                 WHERE (jobs.leased_until IS NULL OR jobs.leased_until < ?4) \
                 AND (jobs.last_run IS NULL OR jobs.last_run <= ?5 OR jobs.last_run > ?6)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    r.job,
                    r.holder,
                    timestamp(r.until),
                    timestamp(r.now),
                    timestamp(r.due_if_before),
                    timestamp(r.due_if_after),
                ])
            })
            .map_err(db_error)?;
        Ok(taken == 1)
    }

    fn finish_job(
        &mut self,
        job: &str,
        holder: &str,
        ran_at: jiff::Timestamp,
    ) -> StoreResult<bool> {
        let done = self
            .conn
            .prepare_cached(
                "UPDATE jobs SET last_run = ?3, runs = runs + 1, holder = NULL, leased_until = NULL \
                 WHERE name = ?1 AND holder = ?2",
            )
            .and_then(|mut s| s.execute(params![job, holder, timestamp(ran_at)]))
            .map_err(db_error)?;
        Ok(done == 1)
    }

    fn release_job(&mut self, job: &str, holder: &str) -> StoreResult<()> {
        self.conn
            .prepare_cached("UPDATE jobs SET holder = NULL, leased_until = NULL WHERE name = ?1 AND holder = ?2")
            .and_then(|mut s| s.execute(params![job, holder]))
            .map(drop)
            .map_err(db_error)
    }

    fn job(&mut self, job: &str) -> StoreResult<Option<JobRecord>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT name, last_run, holder, leased_until, runs FROM jobs WHERE name = ?1",
            )
            .and_then(|mut s| {
                s.query_row([job], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, i64>(4)?,
                    ))
                })
                .optional()
            })
            .map_err(db_error)?;
        let Some((name, last_run, holder, until, runs)) = row else {
            return Ok(None);
        };
        Ok(Some(JobRecord {
            name,
            last_run: parse_time(last_run)?,
            lease: holder.zip(parse_time(until)?),
            runs: u64::try_from(runs).unwrap_or(0),
        }))
    }
}
