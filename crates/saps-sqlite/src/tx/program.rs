//! The stored program.

use super::*;
use saps_core::port::ProgramStore;

impl ProgramStore for SqliteTx<'_> {
    fn program(&mut self) -> StoreResult<Option<serde_json::Value>> {
        let body: Option<String> =
            self.one("SELECT body FROM program WHERE id = 1", [], |r| r.get(0))?;
        body.map(|b| {
            serde_json::from_str(&b)
                .map_err(|e| StoreError::Backend(format!("stored program: {e}")))
        })
        .transpose()
    }

    fn put_program(&mut self, program: &serde_json::Value) -> StoreResult<()> {
        let body = serde_json::to_string(program)
            .map_err(|e| StoreError::Backend(format!("program: {e}")))?;
        self.exec(
            "INSERT INTO program (id, body) VALUES (1, ?1) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body",
            [body],
        )
        .map(drop)
    }
}
