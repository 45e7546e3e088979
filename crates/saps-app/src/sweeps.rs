//! The program's sweeps over time: vouchers that expire unreserved, and the
//! days that remain on the removal date. Both run as jobs (see `jobs`), are
//! idempotent, and are safe on several nodes at once.

use crate::App;
use crate::vouchers::move_days;
use saps_core::event::{DaysRemoved, VoucherExpired};
use saps_core::journal::{LedgerEntry, LedgerReason};
use saps_core::{
    Agreement, AgreementId, Days, Entity, EntryId, Error, NewEvent, OrgKind, StoreError,
};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// How many vouchers one expiry transaction handles; a sweep runs batches until
/// none is left.
const EXPIRY_BATCH: u32 = 500;

impl App {
    /// Expires vouchers whose validity has passed, giving their days back while
    /// the agreement is active. Safe to run on every node: each voucher's write
    /// is conditional on its version. Returns how many expired.
    pub async fn sweep_expired(&self) -> Result<usize, Error> {
        let mut total = 0;
        loop {
            let (seen, expired) = self.expire_batch().await?;
            total += expired;
            if seen < EXPIRY_BATCH as usize {
                return Ok(total);
            }
        }
    }

    /// Expires one batch; returns how many vouchers were due and how many this
    /// node expired (another node may have expired the rest). The batch's
    /// agreements are read once each, and its events appended together at the
    /// end (on SQLite, sealed once for the batch rather than once per event):
    /// the same events, in the same order, as one append per voucher.
    async fn expire_batch(&self) -> Result<(usize, usize), Error> {
        let program = self.program();
        let now = self.now();
        self.write(move |tx| {
            let today = saps_core::program_date(now);
            let due = tx.vouchers_expired_before(today, EXPIRY_BATCH)?;
            let seen = due.len();
            let mut agreements: HashMap<AgreementId, Agreement> = HashMap::new();
            let mut events = Vec::with_capacity(seen);
            for v in due {
                let next = v.expire(now)?;
                let agreement = match agreements.entry(v.agreement_id) {
                    Entry::Occupied(a) => a.into_mut(),
                    Entry::Vacant(slot) => slot.insert(
                        tx.agreement(v.agreement_id)?
                            .ok_or(Error::NotFound(Entity::Agreement))?,
                    ),
                };
                let refund = v.expiry_refunds(agreement, &program);
                match tx.update_voucher(&next) {
                    Err(StoreError::Stale) => continue,
                    r => r?,
                }
                let expired = VoucherExpired {
                    code: next.code,
                    expired_on: next.expires_on,
                    refunded_days: if refund { next.days } else { Days(0) },
                };
                let event = NewEvent::new(expired, now, None, program.version).voucher(&v);
                if refund {
                    move_days(
                        tx,
                        &next,
                        &event,
                        next.days.signed(),
                        LedgerReason::VoucherRefund,
                    )?;
                }
                events.push(event);
            }
            tx.append_events(&events)?;
            Ok((seen, events.len()))
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
