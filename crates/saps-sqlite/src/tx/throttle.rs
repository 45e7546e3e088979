//! The sign-in throttle on SQLite: one upsert counts an attempt and returns
//! the count, which the single writer makes atomic.

use crate::db_error;
use crate::tx::{SqliteTx, timestamp};
use rusqlite::params;
use saps_core::port::{SignInThrottle, StoreResult};

impl SignInThrottle for SqliteTx<'_> {
    fn count_sign_in_attempt(
        &mut self,
        key: &str,
        now: jiff::Timestamp,
        window_start: jiff::Timestamp,
    ) -> StoreResult<u32> {
        self.conn
            .prepare_cached(
                "INSERT INTO sign_in_attempts (email_hash, window_start, attempts) VALUES (?1, ?2, 1) \
                 ON CONFLICT (email_hash) DO UPDATE SET \
                 attempts = CASE WHEN sign_in_attempts.window_start < ?3 THEN 1 \
                 ELSE sign_in_attempts.attempts + 1 END, \
                 window_start = CASE WHEN sign_in_attempts.window_start < ?3 THEN excluded.window_start \
                 ELSE sign_in_attempts.window_start END \
                 RETURNING attempts",
            )
            .and_then(|mut s| s.query_row(params![key, timestamp(now), timestamp(window_start)], |r| r.get(0)))
            .map_err(db_error)
    }

    fn clear_sign_in_attempts(&mut self, key: &str) -> StoreResult<()> {
        self.conn
            .prepare_cached("DELETE FROM sign_in_attempts WHERE email_hash = ?1")
            .and_then(|mut s| s.execute([key]))
            .map(drop)
            .map_err(db_error)
    }

    fn forget_sign_in_attempt(&mut self, key: &str) -> StoreResult<()> {
        self.conn
            .prepare_cached(
                "UPDATE sign_in_attempts SET attempts = attempts - 1 \
                 WHERE email_hash = ?1 AND attempts > 0",
            )
            .and_then(|mut s| s.execute([key]))
            .map(drop)
            .map_err(db_error)
    }

    fn purge_sign_in_attempts(&mut self, before: jiff::Timestamp) -> StoreResult<u64> {
        self.conn
            .prepare_cached("DELETE FROM sign_in_attempts WHERE window_start < ?1")
            .and_then(|mut s| s.execute([timestamp(before)]))
            .map(|n| n as u64)
            .map_err(db_error)
    }
}
