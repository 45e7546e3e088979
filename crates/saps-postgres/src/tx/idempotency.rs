//! Idempotency keys.

use super::*;
use crate::micros;
use saps_core::UserId;
use saps_core::port::{Idempotency, IdempotentResponse};

impl Idempotency for PgTx<'_> {
    fn claim_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        request_hash: &str,
        at: Timestamp,
        stale_before: Timestamp,
    ) -> StoreResult<Option<IdempotentResponse>> {
        let at = micros(at);
        let stale = micros(stale_before);
        let taken_over = self.exec(
            "UPDATE idempotency_keys SET request_hash = $3, created_at = $4, body = ''::bytea \
             WHERE user_id = $1 AND key = $2 AND status IS NULL AND created_at < $5",
            &[&user.0, &key, &request_hash, &at, &stale],
        )?;
        if taken_over == 1 {
            return Ok(None);
        }
        // Between the insert that finds the key taken and the read of its
        // holder, the holder may release it: then claim again.
        for _ in 0..3 {
            let claimed = self.exec(
                "INSERT INTO idempotency_keys \
                 (user_id, key, request_hash, status, body, created_at) \
                 VALUES ($1, $2, $3, NULL, ''::bytea, $4) \
                 ON CONFLICT (user_id, key) DO NOTHING",
                &[&user.0, &key, &request_hash, &at],
            )?;
            if claimed == 1 {
                return Ok(None);
            }
            let held = self.row(
                "SELECT request_hash, status, body FROM idempotency_keys \
                 WHERE user_id = $1 AND key = $2",
                &[&user.0, &key],
            )?;
            if let Some(r) = held {
                let status = get::<Option<i32>>(&r, 1)?
                    .map(|s| u16::try_from(s).map_err(|_| corrupt(format_args!("status {s}"))))
                    .transpose()?;
                return Ok(Some(IdempotentResponse {
                    request_hash: get(&r, 0)?,
                    status,
                    body: get(&r, 2)?,
                }));
            }
        }
        self.retry = true;
        Err(StoreError::Retry)
    }

    fn purge_idempotency_keys(&mut self, before: Timestamp) -> StoreResult<u64> {
        let before = micros(before);
        self.exec(
            "DELETE FROM idempotency_keys WHERE status IS NOT NULL AND created_at < $1",
            &[&before],
        )
    }

    fn complete_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        status: u16,
        body: &[u8],
    ) -> StoreResult<()> {
        self.exec(
            "UPDATE idempotency_keys SET status = $3, body = $4 WHERE user_id = $1 AND key = $2",
            &[&user.0, &key, &i32::from(status), &body],
        )
        .map(drop)
    }

    fn release_idempotency_key(&mut self, user: UserId, key: &str) -> StoreResult<()> {
        self.exec(
            "DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2",
            &[&user.0, &key],
        )
        .map(drop)
    }
}
