//! The sign-in throttle on PostgreSQL: one upsert counts an attempt and
//! returns the count; concurrent attempts on one address queue on its row.

use crate::micros;
use crate::tx::PgTx;
use jiff::Timestamp;
use saps_core::StoreError;
use saps_core::port::{SignInThrottle, StoreResult};

impl SignInThrottle for PgTx<'_> {
    fn count_sign_in_attempt(
        &mut self,
        key: &str,
        now: Timestamp,
        window_start: Timestamp,
    ) -> StoreResult<u32> {
        let rows = self.rows(
            "INSERT INTO sign_in_attempts (email_hash, window_start, attempts) VALUES ($1, $2, 1) \
             ON CONFLICT (email_hash) DO UPDATE SET \
             attempts = CASE WHEN sign_in_attempts.window_start < $3 THEN 1 \
             ELSE sign_in_attempts.attempts + 1 END, \
             window_start = CASE WHEN sign_in_attempts.window_start < $3 THEN excluded.window_start \
             ELSE sign_in_attempts.window_start END \
             RETURNING attempts",
            &[&key, &micros(now), &micros(window_start)],
        )?;
        let n: i32 = rows
            .first()
            .ok_or_else(|| {
                StoreError::Backend("sign_in_attempts: the upsert returned no row".into())
            })?
            .try_get(0)
            .map_err(|e| StoreError::Backend(format!("sign_in_attempts: {e}")))?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    fn clear_sign_in_attempts(&mut self, key: &str) -> StoreResult<()> {
        self.exec(
            "DELETE FROM sign_in_attempts WHERE email_hash = $1",
            &[&key],
        )
        .map(drop)
    }

    fn forget_sign_in_attempt(&mut self, key: &str) -> StoreResult<()> {
        self.exec(
            "UPDATE sign_in_attempts SET attempts = attempts - 1 \
             WHERE email_hash = $1 AND attempts > 0",
            &[&key],
        )
        .map(drop)
    }

    fn purge_sign_in_attempts(&mut self, before: Timestamp) -> StoreResult<u64> {
        self.exec(
            "DELETE FROM sign_in_attempts WHERE window_start < $1",
            &[&micros(before)],
        )
    }
}
