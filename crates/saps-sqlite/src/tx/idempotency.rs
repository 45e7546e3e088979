//! Idempotency keys.

use super::*;
use saps_core::UserId;
use saps_core::port::{Idempotency, IdempotentResponse};

impl Idempotency for SqliteTx<'_> {
    fn claim_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        request_hash: &str,
        at: jiff::Timestamp,
        stale_before: jiff::Timestamp,
    ) -> StoreResult<Option<IdempotentResponse>> {
        let user = user.to_string();
        let taken_over = self.exec(
            "UPDATE idempotency_keys SET request_hash = ?3, created_at = ?4, body = x'' \
             WHERE user_id = ?1 AND key = ?2 AND status IS NULL AND created_at < ?5",
            params![
                user,
                key,
                request_hash,
                timestamp(at),
                timestamp(stale_before)
            ],
        )?;
        if taken_over == 1 {
            return Ok(None);
        }
        let claimed = self.exec(
            "INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) \
             VALUES (?1, ?2, ?3, NULL, x'', ?4) ON CONFLICT (user_id, key) DO NOTHING",
            params![user, key, request_hash, timestamp(at)],
        )?;
        if claimed == 1 {
            return Ok(None);
        }
        self.one(
            "SELECT request_hash, status, body FROM idempotency_keys \
             WHERE user_id = ?1 AND key = ?2",
            params![user, key],
            |r| {
                Ok(IdempotentResponse {
                    request_hash: r.get(0)?,
                    status: r.get(1)?,
                    body: r.get(2)?,
                })
            },
        )
    }

    fn purge_idempotency_keys(&mut self, before: jiff::Timestamp) -> StoreResult<u64> {
        self.exec(
            "DELETE FROM idempotency_keys WHERE status IS NOT NULL AND created_at < ?1",
            [timestamp(before)],
        )
        .map(|n| n as u64)
    }

    fn complete_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        status: u16,
        body: &[u8],
    ) -> StoreResult<()> {
        self.exec(
            "UPDATE idempotency_keys SET status = ?3, body = ?4 WHERE user_id = ?1 AND key = ?2",
            params![user.to_string(), key, status, body],
        )
        .map(drop)
    }

    fn release_idempotency_key(&mut self, user: UserId, key: &str) -> StoreResult<()> {
        self.exec(
            "DELETE FROM idempotency_keys WHERE user_id = ?1 AND key = ?2",
            params![user.to_string(), key],
        )
        .map(drop)
    }
}
