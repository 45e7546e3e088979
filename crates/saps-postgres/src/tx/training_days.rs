//! Training days each agreement holds.

use super::*;
use saps_core::AgreementId;
use saps_core::port::TrainingDays;

impl TrainingDays for PgTx<'_> {
    fn training_days(&mut self, agreement: AgreementId) -> StoreResult<i64> {
        self.row(
            "SELECT held FROM training_days WHERE agreement_id = $1",
            &[&agreement.0],
        )?
        .map(|r| get(&r, 0))
        .transpose()
        .map(|held| held.unwrap_or(0))
    }

    fn grant_training_days(&mut self, agreement: AgreementId, days: i64) -> StoreResult<()> {
        self.exec(
            "INSERT INTO training_days (agreement_id, held) VALUES ($1, $2) \
             ON CONFLICT (agreement_id) DO UPDATE \
             SET held = training_days.held + excluded.held",
            &[&agreement.0, &days],
        )
        .map(drop)
    }

    fn take_training_days(&mut self, agreement: AgreementId, days: i64) -> StoreResult<bool> {
        // The conditional update waits for a concurrent conversion and then
        // re-checks the balance as that one left it.
        let taken = self.exec(
            "UPDATE training_days SET held = held - $2 WHERE agreement_id = $1 AND held >= $2",
            &[&agreement.0, &days],
        )?;
        Ok(taken == 1)
    }
}
