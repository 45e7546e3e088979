//! The program's sweeps over time: vouchers that expire unreserved, and the
//! days that remain on the removal date. Both run as jobs (see `jobs`), are
//! idempotent, and are safe on several nodes at once.

use crate::App;
use saps_core::event::{DaysRemoved, VoucherExpired};
use saps_core::journal::{LedgerEntry, LedgerReason};
use saps_core::{
    Agreement, AgreementId, Days, Entity, EntryId, Error, NewEvent, OrgKind, VoucherId,
};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// The most vouchers one expiry transaction handles; a sweep runs batches
/// until none is left.
const EXPIRY_BATCH_MAX: u32 = 500;
/// The fewest: below this a batch's commit costs more than its work.
const EXPIRY_BATCH_MIN: u32 = 25;
/// How long one batch may hold the writer where there is one (SQLite): the
/// batch size follows what the last batch took, so that the writes queued
/// behind a batch (reservations …) wait a few milliseconds at most, whatever
/// the machine. PostgreSQL's writers do not wait for the sweep (it locks its
/// own vouchers, skipping those others hold, and the pools it refunds until
/// the batch commits): there its batches stay full, as a batch's fixed cost
/// (round trips, a commit) is larger.
const EXPIRY_BATCH_WORK: Duration = Duration::from_millis(4);

impl App {
    /// Expires vouchers whose validity has passed, giving their days back while
    /// the agreement is active. Safe to run on every node: each voucher's write
    /// is conditional on its version. Returns how many expired.
    pub async fn sweep_expired(&self) -> Result<usize, Error> {
        let (mut total, mut batches, mut work) = (0, 0u32, Duration::ZERO);
        let started = Instant::now();
        let mut limit = EXPIRY_BATCH_MAX;
        loop {
            let batch = self.expire_batch(limit).await?;
            total += batch.expired;
            batches += 1;
            work += batch.work;
            if batch.seen < limit as usize {
                tracing::debug!(
                    expired = total,
                    batches,
                    work_ms = work.as_millis(),
                    wall_ms = started.elapsed().as_millis(),
                    "expiry sweep"
                );
                return Ok(total);
            }
            if self.store.single_writer() {
                limit = next_batch_size(limit, batch.work);
            }
        }
    }

    /// Expires one batch of up to `limit` due vouchers, in one transaction:
    /// each voucher's state change (conditional on its version), its
    /// `voucher.expired` event and its refund ledger entry together. The
    /// batch's agreements are read once each, and its writes are set-based:
    /// one conditional state write per voucher that touches only the columns
    /// expiry changes, the refunds posted per pool, the events appended (and
    /// on SQLite sealed) together.
    async fn expire_batch(&self, limit: u32) -> Result<ExpiryBatch, Error> {
        let program = self.program();
        let now = self.now();
        self.write_bulk(move |tx| {
            let started = Instant::now();
            let today = saps_core::program_date(now);
            let due = tx.vouchers_expired_before(today, limit)?;
            let seen = due.len();
            let mut agreements: HashMap<AgreementId, Agreement> = HashMap::new();
            let mut next = Vec::with_capacity(seen);
            let mut refunds = Vec::with_capacity(seen);
            for v in &due {
                next.push(v.expire(now)?);
                let agreement = match agreements.entry(v.agreement_id) {
                    Entry::Occupied(a) => a.into_mut(),
                    Entry::Vacant(slot) => slot.insert(
                        tx.agreement(v.agreement_id)?
                            .ok_or(Error::NotFound(Entity::Agreement))?,
                    ),
                };
                refunds.push(v.expiry_refunds(agreement, &program));
            }
            // Another node (or a user) may have changed some meanwhile.
            let written: HashSet<VoucherId> =
                tx.update_voucher_states(&next)?.into_iter().collect();
            let mut events = Vec::with_capacity(written.len());
            let mut entries = Vec::with_capacity(written.len());
            for ((v, next), refund) in due.iter().zip(&next).zip(refunds) {
                if !written.contains(&v.id) {
                    continue;
                }
                let expired = VoucherExpired {
                    code: next.code,
                    expired_on: next.expires_on,
                    refunded_days: if refund { next.days } else { Days(0) },
                };
                let event = NewEvent::new(expired, now, None, program.version).voucher(v);
                if refund {
                    entries.push(LedgerEntry {
                        id: EntryId::new(),
                        agreement_id: next.agreement_id,
                        at: event.at,
                        delta: next.days.signed(),
                        reason: LedgerReason::VoucherRefund,
                        voucher_id: Some(next.id),
                        event_id: event.id,
                    });
                }
                events.push(event);
            }
            tx.post_ledger_credits(&entries)?;
            tx.append_events(&events)?;
            Ok(ExpiryBatch {
                seen,
                expired: events.len(),
                work: started.elapsed(),
            })
        })
        .await
    }

    /// On and after the removal milestone, every pool's remaining days are
    /// removed (a ledger entry each, with its event). Safe to run on every
    /// node: the debit is conditional on the balance. Returns the days removed.
    pub async fn sweep_removed_days(&self) -> Result<i64, Error> {
        let program = self.program();
        let now = self.now();
        let Some(on) = program.milestone(saps_core::MilestoneName::RemainingDaysRemoved) else {
            return Ok(0);
        };
        if saps_core::program_date(now) < on {
            return Ok(0);
        }
        self.write(move |tx| {
            let mut removed = 0;
            for customer in tx.orgs(OrgKind::Customer)? {
                for a in tx.agreements(customer.id)? {
                    if a.available <= 0 {
                        continue;
                    }
                    let removed_days = DaysRemoved {
                        agreement: a.number.clone(),
                        agreement_id: a.id,
                        days: a.available,
                        on,
                    };
                    let event = NewEvent::new(removed_days, now, None, program.version)
                        .customer(a.customer_id);
                    let posted = tx.post_ledger(&LedgerEntry {
                        id: EntryId::new(),
                        agreement_id: a.id,
                        at: now,
                        delta: -a.available,
                        reason: LedgerReason::Removal,
                        voucher_id: None,
                        event_id: event.id,
                    })?;
                    if posted {
                        tx.append_event(&event)?;
                        removed += a.available;
                    }
                }
            }
            Ok(removed)
        })
        .await
    }
}

/// What one expiry batch did.
struct ExpiryBatch {
    /// Vouchers due (at most the batch's limit).
    seen: usize,
    /// Of those, the ones this batch expired.
    expired: usize,
    /// How long the batch's work held the writer.
    work: Duration,
}

/// The size of the next expiry batch: the last one's, scaled to
/// [`EXPIRY_BATCH_WORK`], growing at most twofold, within the bounds.
fn next_batch_size(limit: u32, work: Duration) -> u32 {
    let most = limit
        .saturating_mul(2)
        .clamp(EXPIRY_BATCH_MIN, EXPIRY_BATCH_MAX);
    let fits = EXPIRY_BATCH_WORK.as_nanos() * u128::from(limit) / work.as_nanos().max(1);
    u32::try_from(fits)
        .unwrap_or(u32::MAX)
        .clamp(EXPIRY_BATCH_MIN, most)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_batches_follow_the_work_budget_within_bounds() {
        let budget = EXPIRY_BATCH_WORK;
        // Twice the budget for 400: half as many next.
        assert_eq!(next_batch_size(400, budget * 2), 200);
        // A quarter of it: grows, but at most twofold.
        assert_eq!(next_batch_size(100, budget / 4), 200);
        assert_eq!(next_batch_size(400, budget / 4), EXPIRY_BATCH_MAX);
        assert_eq!(next_batch_size(400, Duration::ZERO), EXPIRY_BATCH_MAX);
        assert_eq!(next_batch_size(400, budget * 1000), EXPIRY_BATCH_MIN);
    }
}
