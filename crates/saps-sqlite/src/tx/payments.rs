//! Payment: registrations, bank accounts, the rate card, claim counters and claims.

use super::*;
use saps_core::payment::{BankAccount, Claim, Rate, Registration};
use saps_core::port::{ClaimQuery, Payments};
use saps_core::{Currency, LocationId, Money, OrgId};

const REG_COLS: &str = "partner_id, offering, registered_at, registered_by";
const BANK_COLS: &str = "location_id, partner_id, holder, iban, bic, updated_at, updated_by";

fn registration_row(r: &Row<'_>) -> rusqlite::Result<Registration> {
    Ok(Registration {
        partner_id: col(r, 0)?,
        offering: r.get(1)?,
        registered_at: col(r, 2)?,
        registered_by: col(r, 3)?,
    })
}

fn bank_row(r: &Row<'_>) -> rusqlite::Result<BankAccount> {
    let iban: String = r.get(3)?;
    let bic: String = r.get(4)?;
    Ok(BankAccount {
        location_id: col(r, 0)?,
        partner_id: col(r, 1)?,
        holder: r.get(2)?,
        iban: saps_core::iban::Iban::parse(&iban).map_err(|e| corrupt(3, e))?,
        bic: saps_core::iban::Bic::parse(&bic).map_err(|e| corrupt(4, e))?,
        updated_at: col(r, 5)?,
        updated_by: col(r, 6)?,
    })
}

fn rate_row(r: &Row<'_>) -> rusqlite::Result<Rate> {
    let amount: String = r.get(2)?;
    let currency: Currency = col(r, 3)?;
    Ok(Rate {
        country: r.get(0)?,
        effective_from: col(r, 1)?,
        day_rate: Money {
            amount: amount
                .parse()
                .map_err(|e| corrupt(2, format_args!("{amount:?}: {e}")))?,
            currency,
        },
    })
}

fn claim_row(r: &Row<'_>) -> rusqlite::Result<Claim> {
    let doc: String = r.get(0)?;
    serde_json::from_str(&doc).map_err(|e| corrupt(0, format_args!("claim: {e}")))
}

fn claim_doc(c: &Claim) -> String {
    serde_json::to_string(c).expect("a claim serialises")
}

impl Payments for SqliteTx<'_> {
    fn insert_registration(&mut self, r: &Registration) -> StoreResult<()> {
        self.exec(
            &format!("INSERT INTO payment_registrations ({REG_COLS}) VALUES (?1, ?2, ?3, ?4)"),
            params![
                r.partner_id.to_string(),
                r.offering,
                timestamp(r.registered_at),
                r.registered_by.to_string()
            ],
        )
        .map(drop)
        .map_err(|e| match e {
            StoreError::Duplicate(_) => StoreError::Duplicate("payment_registration"),
            other => other,
        })
    }

    fn registrations(&mut self, partner: OrgId) -> StoreResult<Vec<Registration>> {
        self.all(
            &format!(
                "SELECT {REG_COLS} FROM payment_registrations WHERE partner_id = ?1 ORDER BY offering"
            ),
            [partner.to_string()],
            registration_row,
        )
    }

    fn count_redeemed_vouchers(
        &mut self,
        partner: OrgId,
        engagements: &[String],
    ) -> StoreResult<u64> {
        let mut params = vec![text(partner)];
        let mut marks = Vec::with_capacity(engagements.len());
        for e in engagements {
            params.push(text(e));
            marks.push(format!("?{}", params.len()));
        }
        if marks.is_empty() {
            return Ok(0);
        }
        let n: i64 = self
            .one(
                &format!(
                    "SELECT COUNT(*) FROM vouchers WHERE partner_id = ?1 AND engagement IN ({}) \
                     AND state IN ('redeemed', 'claimed', 'paid')",
                    marks.join(", ")
                ),
                rusqlite::params_from_iter(params.iter()),
                |r| r.get(0),
            )?
            .unwrap_or(0);
        Ok(u64::try_from(n).unwrap_or(0))
    }

    fn put_bank_account(&mut self, a: &BankAccount) -> StoreResult<()> {
        self.exec(
            &format!(
                "INSERT INTO bank_accounts ({BANK_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
                 ON CONFLICT (location_id) DO UPDATE SET holder = excluded.holder, \
                 iban = excluded.iban, bic = excluded.bic, updated_at = excluded.updated_at, \
                 updated_by = excluded.updated_by"
            ),
            params![
                a.location_id.to_string(),
                a.partner_id.to_string(),
                a.holder,
                a.iban.as_str(),
                a.bic.as_str(),
                timestamp(a.updated_at),
                a.updated_by.to_string()
            ],
        )
        .map(drop)
    }

    fn bank_account(&mut self, location: LocationId) -> StoreResult<Option<BankAccount>> {
        self.one(
            &format!("SELECT {BANK_COLS} FROM bank_accounts WHERE location_id = ?1"),
            [location.to_string()],
            bank_row,
        )
    }

    fn bank_accounts(&mut self, partner: OrgId) -> StoreResult<Vec<BankAccount>> {
        self.all(
            &format!(
                "SELECT {BANK_COLS} FROM bank_accounts WHERE partner_id = ?1 ORDER BY location_id"
            ),
            [partner.to_string()],
            bank_row,
        )
    }

    fn rates(&mut self) -> StoreResult<Vec<Rate>> {
        self.all(
            "SELECT country, effective_from, amount, currency FROM rates \
             ORDER BY country, effective_from",
            [],
            rate_row,
        )
    }

    fn replace_rates(&mut self, rates: &[Rate]) -> StoreResult<()> {
        self.exec("DELETE FROM rates", [])?;
        for r in rates {
            self.exec(
                "INSERT INTO rates (country, effective_from, amount, currency) \
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    r.country,
                    r.effective_from.to_string(),
                    r.day_rate.amount.to_string(),
                    r.day_rate.currency.as_str()
                ],
            )?;
        }
        Ok(())
    }

    fn next_claim_number(&mut self, year: i16) -> StoreResult<u64> {
        let n: i64 = self
            .one(
                "INSERT INTO claim_counters (year, last) VALUES (?1, 1) \
                 ON CONFLICT (year) DO UPDATE SET last = claim_counters.last + 1 RETURNING last",
                [i64::from(year)],
                |r| r.get(0),
            )?
            .ok_or_else(|| StoreError::Backend("the claim counter returned nothing".into()))?;
        u64::try_from(n).map_err(|_| StoreError::Backend(format!("claim counter {n}")))
    }

    fn insert_claim(&mut self, c: &Claim) -> StoreResult<()> {
        self.exec(
            "INSERT INTO claims (id, reference, partner_id, state, doc, version) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                c.id.to_string(),
                c.reference,
                c.partner_id.to_string(),
                c.state.as_str(),
                claim_doc(c),
                c.version
            ],
        )
        .map(drop)
        .map_err(|e| match e {
            StoreError::Duplicate(_) => StoreError::Duplicate("claim_reference"),
            other => other,
        })
    }

    fn claim(&mut self, id: uuid::Uuid) -> StoreResult<Option<Claim>> {
        self.one(
            "SELECT doc FROM claims WHERE id = ?1",
            [id.to_string()],
            claim_row,
        )
    }

    fn update_claim(&mut self, c: &Claim) -> StoreResult<bool> {
        let n = self.exec(
            "UPDATE claims SET state = ?2, doc = ?3, version = ?4 WHERE id = ?1 AND version = ?5",
            params![
                c.id.to_string(),
                c.state.as_str(),
                claim_doc(c),
                c.version,
                c.version.wrapping_sub(1)
            ],
        )?;
        Ok(n == 1)
    }

    fn claims(&mut self, q: &ClaimQuery) -> StoreResult<Vec<Claim>> {
        let mut params: Vec<Value> = Vec::new();
        let mut sql = String::from("SELECT doc FROM claims WHERE 1 = 1");
        if let Some(p) = q.partner {
            params.push(text(p));
            sql.push_str(&format!(" AND partner_id = ?{}", params.len()));
        }
        if !q.states.is_empty() {
            let mut marks = Vec::new();
            for s in &q.states {
                params.push(text(s.as_str()));
                marks.push(format!("?{}", params.len()));
            }
            sql.push_str(&format!(" AND state IN ({})", marks.join(", ")));
        }
        if let Some(after) = q.after {
            params.push(text(after));
            sql.push_str(&format!(" AND id > ?{}", params.len()));
        }
        params.push(Value::Integer(q.limit.into()));
        sql.push_str(&format!(" ORDER BY id LIMIT ?{}", params.len()));
        self.all(&sql, rusqlite::params_from_iter(params.iter()), claim_row)
    }
}
