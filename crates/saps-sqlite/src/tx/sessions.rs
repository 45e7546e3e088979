//! API tokens, kept as hashes.

use super::orgs::{USER_COLS_U, user_row};
use super::*;
use saps_core::User;
use saps_core::UserId;
use saps_core::port::Sessions;

impl Sessions for SqliteTx<'_> {
    fn insert_token(&mut self, hash: &str, user: UserId, at: jiff::Timestamp) -> StoreResult<()> {
        self.exec(
            "INSERT INTO api_tokens (hash, user_id, created_at) VALUES (?1, ?2, ?3)",
            params![hash, user.to_string(), timestamp(at)],
        )
        .map(drop)
    }

    fn delete_token(&mut self, hash: &str) -> StoreResult<()> {
        self.exec("DELETE FROM api_tokens WHERE hash = ?1", [hash])
            .map(drop)
    }

    fn user_by_token(
        &mut self,
        hash: &str,
        issued_after: jiff::Timestamp,
    ) -> StoreResult<Option<User>> {
        self.one(
            &format!(
                "SELECT {USER_COLS_U} FROM api_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.hash = ?1 AND t.created_at > ?2 AND NOT u.disabled"
            ),
            params![hash, timestamp(issued_after)],
            user_row,
        )
    }
}
