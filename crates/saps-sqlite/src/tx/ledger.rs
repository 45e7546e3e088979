//! Agreements, their pools and the ledger.

use super::*;
use saps_core::port::{Ledger, PoolTotals};
use saps_core::{Agreement, AgreementId, LedgerEntry, LedgerReason, OrgId};
use std::collections::BTreeMap;

const AGREEMENT_COLS: &str =
    "id, customer_id, number, sa_start, sa_end, days, available, created_at";

fn agreement_row(r: &Row<'_>) -> rusqlite::Result<Agreement> {
    Ok(Agreement {
        id: col(r, 0)?,
        customer_id: col(r, 1)?,
        number: r.get(2)?,
        sa_start: col(r, 3)?,
        sa_end: col(r, 4)?,
        days: days_col(r, 5)?,
        available: r.get(6)?,
        created_at: col(r, 7)?,
    })
}

impl Ledger for SqliteTx<'_> {
    fn insert_agreement(&mut self, a: &Agreement) -> StoreResult<()> {
        self.exec(
            "INSERT INTO agreements \
             (id, customer_id, number, sa_start, sa_end, days, available, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                a.id.to_string(),
                a.customer_id.to_string(),
                a.number,
                a.sa_start.to_string(),
                a.sa_end.to_string(),
                a.days.0,
                a.available,
                timestamp(a.created_at),
            ],
        )
        .map(drop)
    }

    fn agreement(&mut self, id: AgreementId) -> StoreResult<Option<Agreement>> {
        self.one(
            &format!("SELECT {AGREEMENT_COLS} FROM agreements WHERE id = ?1"),
            [id.to_string()],
            agreement_row,
        )
    }

    fn agreement_by_number(
        &mut self,
        customer: OrgId,
        number: &str,
    ) -> StoreResult<Option<Agreement>> {
        self.one(
            &format!(
                "SELECT {AGREEMENT_COLS} FROM agreements WHERE customer_id = ?1 AND number = ?2"
            ),
            params![customer.to_string(), number],
            agreement_row,
        )
    }

    fn agreements(&mut self, customer: OrgId) -> StoreResult<Vec<Agreement>> {
        self.all(
            &format!("SELECT {AGREEMENT_COLS} FROM agreements WHERE customer_id = ?1 ORDER BY id"),
            [customer.to_string()],
            agreement_row,
        )
    }

    fn post_ledger(&mut self, e: &LedgerEntry) -> StoreResult<bool> {
        let moved = self.exec(
            "UPDATE agreements SET available = available + ?1 \
             WHERE id = ?2 AND available + ?1 >= 0",
            params![e.delta, e.agreement_id.to_string()],
        )?;
        if moved == 0 {
            return Ok(false);
        }
        let inserted = self.exec(
            "INSERT INTO ledger (id, agreement_id, at, delta, reason, voucher_id, event_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                e.id.to_string(),
                e.agreement_id.to_string(),
                timestamp(e.at),
                e.delta,
                e.reason.as_str(),
                opt_string(e.voucher_id),
                e.event_id.to_string(),
            ],
        );
        if let Err(refused) = inserted {
            // Put the balance back: the entry and its move go together, and
            // the work may carry on after a refused entry.
            self.exec(
                "UPDATE agreements SET available = available - ?1 WHERE id = ?2",
                params![e.delta, e.agreement_id.to_string()],
            )?;
            return Err(refused);
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
        for (agreement, delta) in per_pool {
            let moved = self.exec(
                "UPDATE agreements SET available = available + ?1 WHERE id = ?2",
                params![delta, agreement.to_string()],
            )?;
            if moved == 0 {
                return Err(StoreError::Backend(format!("no agreement {agreement}")));
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "INSERT INTO ledger (id, agreement_id, at, delta, reason, voucher_id, event_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(db_error)?;
        let (mut texts, mut more) = (Texts::default(), Texts::default());
        for e in entries {
            let f = texts.format(
                [
                    Some(e.id.0),
                    Some(e.agreement_id.0),
                    e.voucher_id.map(|v| v.0),
                ],
                None,
                e.at,
            );
            let g = more.format([Some(e.event_id.0), None, None], None, e.at);
            stmt.execute(params![
                f.ids[0],
                f.ids[1],
                f.at,
                e.delta,
                e.reason.as_str(),
                (!f.ids[2].is_empty()).then_some(f.ids[2]),
                g.ids[0],
            ])
            .map_err(db_error)?;
        }
        Ok(())
    }

    fn pool_totals(&mut self, agreement: AgreementId) -> StoreResult<PoolTotals> {
        let mut by_reason = self.all(
            "SELECT reason, SUM(delta) FROM ledger WHERE agreement_id = ?1 GROUP BY reason",
            [agreement.to_string()],
            |r| Ok((enum_col(r, 0, LedgerReason::parse)?, r.get::<_, i64>(1)?)),
        )?;
        by_reason.sort_by_key(|(reason, _)| LedgerReason::ALL.iter().position(|r| r == reason));
        let sum = by_reason.iter().map(|(_, d)| d).sum();
        Ok(PoolTotals { by_reason, sum })
    }
}
