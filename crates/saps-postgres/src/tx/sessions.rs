//! API tokens, kept as hashes.

use super::orgs::{USER_COLS_U, user_row};
use super::*;
use crate::micros;
use saps_core::port::Sessions;
use saps_core::{User, UserId};

impl Sessions for PgTx<'_> {
    fn insert_token(&mut self, hash: &str, user: UserId, at: Timestamp) -> StoreResult<()> {
        let at = micros(at);
        self.insert(
            "INSERT INTO api_tokens (hash, user_id, created_at) \
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            &[&hash, &user.0, &at],
            |_| Ok("api_token"),
        )
    }

    fn delete_token(&mut self, hash: &str) -> StoreResult<()> {
        self.exec("DELETE FROM api_tokens WHERE hash = $1", &[&hash])
            .map(drop)
    }

    fn user_by_token(&mut self, hash: &str, issued_after: Timestamp) -> StoreResult<Option<User>> {
        let after = micros(issued_after);
        self.row(
            &format!(
                "SELECT {USER_COLS_U} FROM api_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.hash = $1 AND t.created_at > $2 AND NOT u.disabled"
            ),
            &[&hash, &after],
        )?
        .as_ref()
        .map(user_row)
        .transpose()
    }
}
