//! Training days each agreement holds.

use super::*;
use saps_core::AgreementId;
use saps_core::port::TrainingDays;

impl TrainingDays for SqliteTx<'_> {
    fn training_days(&mut self, agreement: AgreementId) -> StoreResult<i64> {
        let held: Option<i64> = self.one(
            "SELECT held FROM training_days WHERE agreement_id = ?1",
            [agreement.to_string()],
            |r| r.get(0),
        )?;
        Ok(held.unwrap_or(0))
    }

    fn grant_training_days(&mut self, agreement: AgreementId, days: i64) -> StoreResult<()> {
        self.exec(
            "INSERT INTO training_days (agreement_id, held) VALUES (?1, ?2) \
             ON CONFLICT (agreement_id) DO UPDATE SET held = held + excluded.held",
            params![agreement.to_string(), days],
        )
        .map(drop)
    }

    fn take_training_days(&mut self, agreement: AgreementId, days: i64) -> StoreResult<bool> {
        let taken = self.exec(
            "UPDATE training_days SET held = held - ?2 WHERE agreement_id = ?1 AND held >= ?2",
            params![agreement.to_string(), days],
        )?;
        Ok(taken == 1)
    }
}
