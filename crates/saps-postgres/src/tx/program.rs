//! The stored program.

use super::*;
use saps_core::port::ProgramStore;

impl ProgramStore for PgTx<'_> {
    fn program(&mut self) -> StoreResult<Option<serde_json::Value>> {
        self.row("SELECT body FROM program WHERE id = 1", &[])?
            .map(|r| get(&r, 0))
            .transpose()
    }

    fn put_program(&mut self, program: &serde_json::Value) -> StoreResult<()> {
        self.exec(
            "INSERT INTO program (id, body) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body",
            &[program],
        )
        .map(drop)
    }
}
