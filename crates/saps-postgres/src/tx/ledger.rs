//! Agreements, their pools and the ledger.

use super::*;
use crate::micros;
use saps_core::port::{Ledger, PoolTotals};
use saps_core::{Agreement, AgreementId, LedgerEntry, LedgerReason, OrgId};
use std::collections::BTreeMap;

const AGREEMENT_COLS: &str =
    "id, customer_id, number, sa_start, sa_end, days, available, created_at";

fn agreement_row(r: &Row) -> StoreResult<Agreement> {
    Ok(Agreement {
        id: AgreementId(get(r, 0)?),
        customer_id: OrgId(get(r, 1)?),
        number: get(r, 2)?,
        sa_start: get(r, 3)?,
        sa_end: get(r, 4)?,
        days: days_col(r, 5)?,
        available: get(r, 6)?,
        created_at: get(r, 7)?,
    })
}

impl Ledger for PgTx<'_> {
    fn insert_agreement(&mut self, a: &Agreement) -> StoreResult<()> {
        let days = int(a.days.0, "an agreement of")?;
        let at = micros(a.created_at);
        self.insert(
            &format!(
                "INSERT INTO agreements ({AGREEMENT_COLS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING"
            ),
            &[
                &a.id.0,
                &a.customer_id.0,
                &a.number,
                &a.sa_start,
                &a.sa_end,
                &days,
                &a.available,
                &at,
            ],
            |tx| {
                Ok(
                    if tx.exists(
                        "SELECT 1 FROM agreements WHERE customer_id = $1 AND number = $2",
                        &[&a.customer_id.0, &a.number],
                    )? {
                        "agreement_number"
                    } else {
                        "agreement_id"
                    },
                )
            },
        )
    }

    fn agreement(&mut self, id: AgreementId) -> StoreResult<Option<Agreement>> {
        self.row(
            &format!("SELECT {AGREEMENT_COLS} FROM agreements WHERE id = $1"),
            &[&id.0],
        )?
        .as_ref()
        .map(agreement_row)
        .transpose()
    }

    fn agreement_by_number(
        &mut self,
        customer: OrgId,
        number: &str,
    ) -> StoreResult<Option<Agreement>> {
        self.row(
            &format!(
                "SELECT {AGREEMENT_COLS} FROM agreements WHERE customer_id = $1 AND number = $2"
            ),
            &[&customer.0, &number],
        )?
        .as_ref()
        .map(agreement_row)
        .transpose()
    }

    fn agreements(&mut self, customer: OrgId) -> StoreResult<Vec<Agreement>> {
        self.rows(
            &format!("SELECT {AGREEMENT_COLS} FROM agreements WHERE customer_id = $1 ORDER BY id"),
            &[&customer.0],
        )?
        .iter()
        .map(agreement_row)
        .collect()
    }

    fn post_ledger(&mut self, e: &LedgerEntry) -> StoreResult<bool> {
        // The conditional update waits for a concurrent writer of the pool and
        // then re-checks the balance as that writer left it.
        let moved = self.exec(
            "UPDATE agreements SET available = available + $2 \
             WHERE id = $1 AND available + $2 >= 0",
            &[&e.agreement_id.0, &e.delta],
        )?;
        if moved == 0 {
            return Ok(false);
        }
        let at = micros(e.at);
        let inserted = self.exec(
            "INSERT INTO ledger (id, agreement_id, at, delta, reason, voucher_id, event_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
            &[
                &e.id.0,
                &e.agreement_id.0,
                &at,
                &e.delta,
                &e.reason.as_str(),
                &e.voucher_id.map(|v| v.0),
                &e.event_id.0,
            ],
        )?;
        if inserted == 0 {
            // Put the balance back: the entry and its move go together.
            self.exec(
                "UPDATE agreements SET available = available - $2 WHERE id = $1",
                &[&e.agreement_id.0, &e.delta],
            )?;
            return Err(StoreError::Duplicate("ledger_entry_id"));
        }
        Ok(true)
    }

    fn post_ledger_credits(&mut self, entries: &[LedgerEntry]) -> StoreResult<()> {
        let mut per_pool: BTreeMap<AgreementId, i64> = BTreeMap::new();
        for e in entries {
            if e.delta < 0 {
                return Err(StoreError::Backend(format!(
                    "the ledger entry {} takes days out ({}), not a credit",
                    e.id, e.delta
                )));
            }
            *per_pool.entry(e.agreement_id).or_default() += e.delta;
        }
        // Pool by pool, in id order: two sweeps lock pools in the same order.
        for (agreement, delta) in per_pool {
            let moved = self.exec(
                "UPDATE agreements SET available = available + $2 WHERE id = $1",
                &[&agreement.0, &delta],
            )?;
            if moved == 0 {
                return Err(StoreError::Backend(format!("no agreement {agreement}")));
            }
        }
        if entries.is_empty() {
            return Ok(());
        }
        let ids: Vec<Uuid> = entries.iter().map(|e| e.id.0).collect();
        let agreements: Vec<Uuid> = entries.iter().map(|e| e.agreement_id.0).collect();
        let at: Vec<jiff::Timestamp> = entries.iter().map(|e| micros(e.at)).collect();
        let deltas: Vec<i64> = entries.iter().map(|e| e.delta).collect();
        let reasons: Vec<&str> = entries.iter().map(|e| e.reason.as_str()).collect();
        let vouchers: Vec<Option<Uuid>> =
            entries.iter().map(|e| e.voucher_id.map(|v| v.0)).collect();
        let events: Vec<Uuid> = entries.iter().map(|e| e.event_id.0).collect();
        let inserted = self.exec(
            "INSERT INTO ledger (id, agreement_id, at, delta, reason, voucher_id, event_id) \
             SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::timestamptz[], $4::bigint[], \
             $5::text[], $6::uuid[], $7::uuid[]) ON CONFLICT DO NOTHING",
            &[
                &ids,
                &agreements,
                &at,
                &deltas,
                &reasons,
                &vouchers,
                &events,
            ],
        )?;
        if inserted != entries.len() as u64 {
            // The caller's transaction is undone with its error.
            return Err(StoreError::Duplicate("ledger_entry_id"));
        }
        Ok(())
    }

    fn pool_totals(&mut self, agreement: AgreementId) -> StoreResult<PoolTotals> {
        let mut by_reason = self
            .rows(
                "SELECT reason, sum(delta)::bigint FROM ledger WHERE agreement_id = $1 \
                 GROUP BY reason",
                &[&agreement.0],
            )?
            .iter()
            .map(|r| Ok((enum_col(r, 0, LedgerReason::parse)?, get::<i64>(r, 1)?)))
            .collect::<StoreResult<Vec<_>>>()?;
        by_reason.sort_by_key(|(reason, _)| LedgerReason::ALL.iter().position(|r| r == reason));
        let sum = by_reason.iter().map(|(_, d)| d).sum();
        Ok(PoolTotals { by_reason, sum })
    }
}
