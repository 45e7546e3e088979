//! Payment: registrations, bank accounts, the rate card, claim counters and claims.

use super::*;
use crate::micros;
use saps_core::iban::{Bic, Iban};
use saps_core::payment::{BankAccount, Claim, Rate, Registration};
use saps_core::port::{ClaimQuery, Payments};
use saps_core::{Currency, LocationId, Money, OrgId, UserId};

const REG_COLS: &str = "partner_id, offering, registered_at, registered_by";
const BANK_COLS: &str = "location_id, partner_id, holder, iban, bic, updated_at, updated_by";

fn registration_row(r: &Row) -> StoreResult<Registration> {
    Ok(Registration {
        partner_id: OrgId(get(r, 0)?),
        offering: get(r, 1)?,
        registered_at: get(r, 2)?,
        registered_by: UserId(get(r, 3)?),
    })
}

fn bank_row(r: &Row) -> StoreResult<BankAccount> {
    let iban: &str = get(r, 3)?;
    let bic: &str = get(r, 4)?;
    Ok(BankAccount {
        location_id: LocationId(get(r, 0)?),
        partner_id: OrgId(get(r, 1)?),
        holder: get(r, 2)?,
        iban: Iban::parse(iban).map_err(|e| corrupt(format_args!("iban: {e}")))?,
        bic: Bic::parse(bic).map_err(|e| corrupt(format_args!("bic: {e}")))?,
        updated_at: get(r, 5)?,
        updated_by: UserId(get(r, 6)?),
    })
}

fn rate_row(r: &Row) -> StoreResult<Rate> {
    let amount: &str = get(r, 2)?;
    let currency: &str = get(r, 3)?;
    let currency: Currency = currency
        .parse()
        .map_err(|e| corrupt(format_args!("currency: {e}")))?;
    Ok(Rate {
        country: get(r, 0)?,
        effective_from: get(r, 1)?,
        day_rate: Money {
            amount: amount
                .parse()
                .map_err(|e| corrupt(format_args!("amount {amount:?}: {e}")))?,
            currency,
        },
    })
}

fn claim_row(r: &Row) -> StoreResult<Claim> {
    let doc: &str = get(r, 0)?;
    serde_json::from_str(doc).map_err(|e| corrupt(format_args!("claim: {e}")))
}

fn claim_doc(c: &Claim) -> String {
    serde_json::to_string(c).expect("a claim serialises")
}

impl Payments for PgTx<'_> {
    fn insert_registration(&mut self, r: &Registration) -> StoreResult<()> {
        let at = micros(r.registered_at);
        self.insert(
            &format!(
                "INSERT INTO payment_registrations ({REG_COLS}) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT DO NOTHING"
            ),
            &[&r.partner_id.0, &r.offering, &at, &r.registered_by.0],
            |_| Ok("payment_registration"),
        )
    }

    fn registrations(&mut self, partner: OrgId) -> StoreResult<Vec<Registration>> {
        self.rows(
            &format!(
                "SELECT {REG_COLS} FROM payment_registrations WHERE partner_id = $1 ORDER BY offering"
            ),
            &[&partner.0],
        )?
        .iter()
        .map(registration_row)
        .collect()
    }

    fn count_redeemed_vouchers(
        &mut self,
        partner: OrgId,
        engagements: &[String],
    ) -> StoreResult<u64> {
        let engagements = engagements.to_vec();
        let n: i64 = self
            .row(
                "SELECT COUNT(*) FROM vouchers WHERE partner_id = $1 AND engagement = ANY($2) \
                 AND state IN ('redeemed', 'claimed', 'paid')",
                &[&partner.0, &engagements],
            )?
            .as_ref()
            .map(|r| get(r, 0))
            .transpose()?
            .unwrap_or(0);
        Ok(u64::try_from(n).unwrap_or(0))
    }

    fn put_bank_account(&mut self, a: &BankAccount) -> StoreResult<()> {
        let at = micros(a.updated_at);
        self.exec(
            &format!(
                "INSERT INTO bank_accounts ({BANK_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (location_id) DO UPDATE SET holder = excluded.holder, \
                 iban = excluded.iban, bic = excluded.bic, updated_at = excluded.updated_at, \
                 updated_by = excluded.updated_by"
            ),
            &[
                &a.location_id.0,
                &a.partner_id.0,
                &a.holder,
                &a.iban.as_str(),
                &a.bic.as_str(),
                &at,
                &a.updated_by.0,
            ],
        )
        .map(drop)
    }

    fn bank_account(&mut self, location: LocationId) -> StoreResult<Option<BankAccount>> {
        self.row(
            &format!("SELECT {BANK_COLS} FROM bank_accounts WHERE location_id = $1"),
            &[&location.0],
        )?
        .as_ref()
        .map(bank_row)
        .transpose()
    }

    fn bank_accounts(&mut self, partner: OrgId) -> StoreResult<Vec<BankAccount>> {
        self.rows(
            &format!(
                "SELECT {BANK_COLS} FROM bank_accounts WHERE partner_id = $1 ORDER BY location_id"
            ),
            &[&partner.0],
        )?
        .iter()
        .map(bank_row)
        .collect()
    }

    fn rates(&mut self) -> StoreResult<Vec<Rate>> {
        self.rows(
            "SELECT country, effective_from, amount, currency FROM rates \
             ORDER BY country COLLATE \"C\", effective_from",
            &[],
        )?
        .iter()
        .map(rate_row)
        .collect()
    }

    fn replace_rates(&mut self, rates: &[Rate]) -> StoreResult<()> {
        self.exec("DELETE FROM rates", &[])?;
        for r in rates {
            let amount = r.day_rate.amount.to_string();
            self.exec(
                "INSERT INTO rates (country, effective_from, amount, currency) \
                 VALUES ($1, $2, $3, $4)",
                &[
                    &r.country,
                    &r.effective_from,
                    &amount,
                    &r.day_rate.currency.as_str(),
                ],
            )?;
        }
        Ok(())
    }

    fn next_claim_number(&mut self, year: i16) -> StoreResult<u64> {
        let year = i32::from(year);
        let n: i64 = self
            .row(
                "INSERT INTO claim_counters (year, last) VALUES ($1, 1) \
                 ON CONFLICT (year) DO UPDATE SET last = claim_counters.last + 1 RETURNING last",
                &[&year],
            )?
            .as_ref()
            .map(|r| get(r, 0))
            .transpose()?
            .ok_or_else(|| StoreError::Backend("the claim counter returned nothing".into()))?;
        u64::try_from(n).map_err(|_| StoreError::Backend(format!("claim counter {n}")))
    }

    fn insert_claim(&mut self, c: &Claim) -> StoreResult<()> {
        let (doc, version) = (claim_doc(c), int(c.version, "version")?);
        self.insert(
            "INSERT INTO claims (id, reference, partner_id, state, doc, version) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            &[
                &c.id,
                &c.reference,
                &c.partner_id.0,
                &c.state.as_str(),
                &doc,
                &version,
            ],
            |_| Ok("claim_reference"),
        )
    }

    fn claim(&mut self, id: uuid::Uuid) -> StoreResult<Option<Claim>> {
        let lock = self.for_update();
        self.row(
            &format!("SELECT doc FROM claims WHERE id = $1{lock}"),
            &[&id],
        )?
        .as_ref()
        .map(claim_row)
        .transpose()
    }

    fn update_claim(&mut self, c: &Claim) -> StoreResult<bool> {
        let (doc, version) = (claim_doc(c), int(c.version, "version")?);
        let n = self.exec(
            "UPDATE claims SET state = $2, doc = $3, version = $4 WHERE id = $1 AND version = $4 - 1",
            &[&c.id, &c.state.as_str(), &doc, &version],
        )?;
        Ok(n == 1)
    }

    fn claims(&mut self, q: &ClaimQuery) -> StoreResult<Vec<Claim>> {
        let mut p = Params::default();
        let mut sql = String::from("SELECT doc FROM claims WHERE TRUE");
        if let Some(partner) = q.partner {
            sql.push_str(&format!(" AND partner_id = {}", p.bind(partner.0)));
        }
        if !q.states.is_empty() {
            let states: Vec<String> = q.states.iter().map(|s| s.as_str().to_owned()).collect();
            sql.push_str(&format!(" AND state = ANY({})", p.bind(states)));
        }
        if let Some(after) = q.after {
            sql.push_str(&format!(" AND id > {}", p.bind(after)));
        }
        sql.push_str(&format!(
            " ORDER BY id LIMIT {}",
            p.bind(i64::from(q.limit))
        ));
        let refs = p.refs();
        self.rows(&sql, &refs)?.iter().map(claim_row).collect()
    }
}
