//! The program (engagements, offerings, calendar), stored as one document.

use super::StoreResult;

/// The stored program.
pub trait ProgramStore {
    fn program(&mut self) -> StoreResult<Option<serde_json::Value>>;
    fn put_program(&mut self, program: &serde_json::Value) -> StoreResult<()>;
}
