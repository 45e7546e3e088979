//! Signed-in sessions: the API tokens (also behind browser sessions), kept
//! as hashes.

use super::StoreResult;
use crate::ids::UserId;
use crate::org::User;
use jiff::Timestamp;

/// API tokens.
pub trait Sessions {
    fn insert_token(&mut self, hash: &str, user: UserId, at: Timestamp) -> StoreResult<()>;
    /// The user behind a token issued after `issued_after` (older tokens have
    /// expired).
    fn user_by_token(&mut self, hash: &str, issued_after: Timestamp) -> StoreResult<Option<User>>;
    /// Revokes a token (sign-out); revoking an unknown token is not an error.
    fn delete_token(&mut self, hash: &str) -> StoreResult<()>;
}
