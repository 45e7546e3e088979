//! Vouchers, stored whole under optimistic versioning.

use super::*;
use saps_core::port::{VoucherList, VoucherQuery, VoucherSort, Vouchers, like_escape};
use saps_core::{
    LocationId, OrgId, Reservation, Scope, Voucher, VoucherCode, VoucherId, VoucherState,
};
use std::collections::BTreeMap;

const VOUCHER_COLS: &str = "id, code, customer_id, agreement_id, engagement, days, \
    project_manager_id, created_by, state, partner_id, location_id, consultant_id, start_date, \
    end_date, delivery_country, reserved_by, reserved_at, created_at, assigned_at, expires_on, \
    version, redeemed_on";

fn voucher_row(r: &Row<'_>) -> rusqlite::Result<Voucher> {
    let location_id: Option<LocationId> = opt_col(r, 10)?;
    let reservation = match location_id {
        None => None,
        Some(location_id) => {
            let missing = |idx| corrupt(idx, "a reservation column is null");
            Some(Reservation {
                location_id,
                consultant_id: opt_col(r, 11)?.ok_or_else(|| missing(11))?,
                start_date: opt_col(r, 12)?.ok_or_else(|| missing(12))?,
                end_date: opt_col(r, 13)?.ok_or_else(|| missing(13))?,
                delivery_country: r.get::<_, Option<String>>(14)?.ok_or_else(|| missing(14))?,
                reserved_by: opt_col(r, 15)?.ok_or_else(|| missing(15))?,
                reserved_at: opt_col(r, 16)?.ok_or_else(|| missing(16))?,
            })
        }
    };
    Ok(Voucher {
        id: col(r, 0)?,
        code: col::<VoucherCode>(r, 1)?,
        customer_id: col(r, 2)?,
        agreement_id: col(r, 3)?,
        engagement: r.get(4)?,
        days: days_col(r, 5)?,
        project_manager_id: col(r, 6)?,
        created_by: col(r, 7)?,
        state: enum_col(r, 8, VoucherState::parse)?,
        partner_id: opt_col(r, 9)?,
        reservation,
        created_at: col(r, 17)?,
        assigned_at: opt_col(r, 18)?,
        expires_on: col(r, 19)?,
        version: r.get(20)?,
        redeemed_on: opt_col(r, 21)?,
    })
}

/// The voucher's columns in `VOUCHER_COLS` order, as bound parameters.
fn voucher_values(v: &Voucher) -> Vec<Box<dyn ToSql>> {
    let res = v.reservation.as_ref();
    vec![
        Box::new(v.id.to_string()),
        Box::new(v.code.compact().to_owned()),
        Box::new(v.customer_id.to_string()),
        Box::new(v.agreement_id.to_string()),
        Box::new(v.engagement.clone()),
        Box::new(v.days.0),
        Box::new(v.project_manager_id.to_string()),
        Box::new(v.created_by.to_string()),
        Box::new(v.state.as_str()),
        Box::new(opt_string(v.partner_id)),
        Box::new(opt_string(res.map(|r| r.location_id))),
        Box::new(opt_string(res.map(|r| r.consultant_id))),
        Box::new(opt_string(res.map(|r| r.start_date))),
        Box::new(opt_string(res.map(|r| r.end_date))),
        Box::new(res.map(|r| r.delivery_country.clone())),
        Box::new(opt_string(res.map(|r| r.reserved_by))),
        Box::new(res.map(|r| timestamp(r.reserved_at))),
        Box::new(timestamp(v.created_at)),
        Box::new(v.assigned_at.map(timestamp)),
        Box::new(v.expires_on.to_string()),
        Box::new(v.version),
        Box::new(opt_string(v.redeemed_on)),
    ]
}

/// The `WHERE` condition and its parameters selecting a scope's vouchers.
fn voucher_scope(scope: Scope, params: &mut Vec<Value>) -> &'static str {
    match scope {
        Scope::All => "1 = 1",
        Scope::Customer(org) => {
            params.push(text(org));
            "customer_id = ?"
        }
        Scope::Partner(org) => {
            params.push(text(org));
            "partner_id = ?"
        }
        Scope::Consultant(org, user) => {
            params.push(text(org));
            params.push(text(user));
            "partner_id = ? AND consultant_id = ?"
        }
        Scope::ProjectManager(org, user) => {
            params.push(text(org));
            params.push(text(user));
            "customer_id = ? AND project_manager_id = ?"
        }
    }
}

impl Vouchers for SqliteTx<'_> {
    fn insert_voucher(&mut self, v: &Voucher) -> StoreResult<()> {
        let values = voucher_values(v);
        self.exec(
            &format!(
                "INSERT INTO vouchers ({VOUCHER_COLS}) VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
                 ?18, ?19, ?20, ?21, ?22)"
            ),
            rusqlite::params_from_iter(values.iter()),
        )
        .map(drop)
    }

    fn voucher_by_code(&mut self, code: &VoucherCode) -> StoreResult<Option<Voucher>> {
        self.one(
            &format!("SELECT {VOUCHER_COLS} FROM vouchers WHERE code = ?1"),
            [code.compact()],
            voucher_row,
        )
    }

    fn voucher(&mut self, id: VoucherId) -> StoreResult<Option<Voucher>> {
        self.one(
            &format!("SELECT {VOUCHER_COLS} FROM vouchers WHERE id = ?1"),
            [id.to_string()],
            voucher_row,
        )
    }

    fn update_voucher(&mut self, v: &Voucher) -> StoreResult<()> {
        let mut values = voucher_values(v);
        values.push(Box::new(v.version - 1));
        let changed = self.exec(
            "UPDATE vouchers SET code = ?2, customer_id = ?3, agreement_id = ?4, \
             engagement = ?5, days = ?6, project_manager_id = ?7, created_by = ?8, state = ?9, \
             partner_id = ?10, location_id = ?11, consultant_id = ?12, start_date = ?13, \
             end_date = ?14, delivery_country = ?15, reserved_by = ?16, reserved_at = ?17, \
             created_at = ?18, assigned_at = ?19, expires_on = ?20, version = ?21, \
             redeemed_on = ?22 WHERE id = ?1 AND version = ?23",
            rusqlite::params_from_iter(values.iter()),
        )?;
        if changed == 0 {
            return Err(StoreError::Stale);
        }
        Ok(())
    }

    fn update_voucher_states(&mut self, vouchers: &[Voucher]) -> StoreResult<Vec<VoucherId>> {
        // A statement per kind of change for the whole batch, its rows passed
        // as JSON, rather than one per voucher: what a statement sets up once
        // (the partial indexes' conditions …) is then set up once per batch.
        // Vouchers left without a reservation (most of a sweep's) go by state,
        // as an object of ids to versions: no field to extract from a row.
        // Only these columns: SQLite then leaves the indexes and foreign keys
        // of the others alone (code, customer, partner …).
        let mut unreserved: BTreeMap<&str, serde_json::Map<String, serde_json::Value>> =
            BTreeMap::new();
        let mut reserved = Vec::new();
        for v in vouchers {
            match &v.reservation {
                None => {
                    unreserved
                        .entry(v.state.as_str())
                        .or_default()
                        .insert(v.id.to_string(), v.version.into());
                }
                Some(r) => reserved.push((
                    v.id.to_string(),
                    v.state.as_str(),
                    r.location_id.to_string(),
                    r.consultant_id.to_string(),
                    r.start_date.to_string(),
                    r.end_date.to_string(),
                    r.delivery_country.as_str(),
                    r.reserved_by.to_string(),
                    timestamp(r.reserved_at),
                    v.version,
                )),
            }
        }
        let bad = |e: serde_json::Error| StoreError::Backend(format!("voucher states: {e}"));
        let mut written = Vec::with_capacity(vouchers.len());
        for (state, versions) in unreserved {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "UPDATE vouchers SET state = ?1, location_id = NULL, consultant_id = NULL, \
                     start_date = NULL, end_date = NULL, delivery_country = NULL, \
                     reserved_by = NULL, reserved_at = NULL, version = u.value \
                     FROM json_each(?2) AS u \
                     WHERE vouchers.id = u.key AND vouchers.version = u.value - 1 \
                     RETURNING vouchers.id",
                )
                .map_err(db_error)?;
            let rows = stmt
                .query_map(
                    params![state, serde_json::to_string(&versions).map_err(bad)?],
                    |r| col(r, 0),
                )
                .map_err(db_error)?;
            for id in rows {
                written.push(id.map_err(db_error)?);
            }
        }
        if !reserved.is_empty() {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "UPDATE vouchers SET state = u.state, location_id = u.location_id, \
                     consultant_id = u.consultant_id, start_date = u.start_date, \
                     end_date = u.end_date, delivery_country = u.delivery_country, \
                     reserved_by = u.reserved_by, reserved_at = u.reserved_at, version = u.version \
                     FROM (SELECT value ->> 0 AS id, value ->> 1 AS state, \
                     value ->> 2 AS location_id, value ->> 3 AS consultant_id, \
                     value ->> 4 AS start_date, value ->> 5 AS end_date, \
                     value ->> 6 AS delivery_country, value ->> 7 AS reserved_by, \
                     value ->> 8 AS reserved_at, value ->> 9 AS version FROM json_each(?1)) AS u \
                     WHERE vouchers.id = u.id AND vouchers.version = u.version - 1 \
                     RETURNING vouchers.id",
                )
                .map_err(db_error)?;
            let rows = stmt
                .query_map([serde_json::to_string(&reserved).map_err(bad)?], |r| {
                    col(r, 0)
                })
                .map_err(db_error)?;
            for id in rows {
                written.push(id.map_err(db_error)?);
            }
        }
        Ok(written)
    }

    fn vouchers(&mut self, q: &VoucherQuery) -> StoreResult<Vec<Voucher>> {
        let mut params = Vec::with_capacity(4);
        let mut sql = format!(
            "SELECT {VOUCHER_COLS} FROM vouchers WHERE {}",
            voucher_scope(q.scope, &mut params)
        );
        if let Some(state) = q.state {
            sql.push_str(" AND state = ?");
            params.push(text(state.as_str()));
        }
        if let Some(after) = q.after {
            sql.push_str(" AND id > ?");
            params.push(text(after));
        }
        sql.push_str(" ORDER BY id LIMIT ?");
        params.push(Value::Integer(q.limit.into()));
        self.all(&sql, rusqlite::params_from_iter(params.iter()), voucher_row)
    }

    fn count_live_vouchers(
        &mut self,
        customer: OrgId,
        engagement: &str,
        days: u32,
    ) -> StoreResult<u64> {
        // The 15-day case in the words of the partial index that holds it
        // (a bound `days` cannot be matched to it).
        let sql = if days == 15 {
            "SELECT COUNT(*) FROM vouchers WHERE customer_id = ?1 AND engagement = ?2 \
             AND days = ?3 AND days = 15 AND state <> 'cancelled' AND state <> 'expired' \
             AND state <> 'removed'"
        } else {
            "SELECT COUNT(*) FROM vouchers WHERE customer_id = ?1 AND engagement = ?2 \
             AND days = ?3 AND state NOT IN ('cancelled', 'expired', 'removed')"
        };
        let n: i64 = self
            .one(sql, params![customer.to_string(), engagement, days], |r| {
                r.get(0)
            })?
            .unwrap_or(0);
        Ok(n.unsigned_abs())
    }

    fn vouchers_expired_before(
        &mut self,
        today: jiff::civil::Date,
        limit: u32,
    ) -> StoreResult<Vec<Voucher>> {
        self.all(
            &format!(
                // Named: left to itself, SQLite takes (state, expires_on) and
                // sorts every due voucher to keep the first `limit` (0016).
                "SELECT {VOUCHER_COLS} FROM vouchers INDEXED BY vouchers_open_expiry \
                 WHERE (state = 'created' OR state = 'assigned' OR state = 'reserved' \
                 OR state = 'completed') \
                 AND expires_on < ?1 ORDER BY expires_on, id LIMIT ?2"
            ),
            params![today.to_string(), limit],
            voucher_row,
        )
    }

    fn voucher_counts(&mut self, scope: Scope) -> StoreResult<Vec<(VoucherState, u64)>> {
        let mut params = Vec::with_capacity(2);
        let sql = format!(
            "SELECT state, COUNT(*) FROM vouchers WHERE {} GROUP BY state",
            voucher_scope(scope, &mut params)
        );
        let mut counts = self.all(&sql, rusqlite::params_from_iter(params.iter()), |r| {
            Ok((
                enum_col(r, 0, VoucherState::parse)?,
                r.get::<_, i64>(1)?.unsigned_abs(),
            ))
        })?;
        counts.sort();
        Ok(counts)
    }

    fn voucher_list(&mut self, q: &VoucherList) -> StoreResult<Vec<Voucher>> {
        let mut params = Vec::with_capacity(8);
        let mut sql = format!(
            "SELECT {VOUCHER_COLS} FROM vouchers WHERE {}",
            voucher_scope(q.scope, &mut params)
        );
        if !q.states.is_empty() {
            let marks = vec!["?"; q.states.len()].join(", ");
            sql.push_str(&format!(" AND state IN ({marks})"));
            params.extend(q.states.iter().map(|s| text(s.as_str())));
        }
        let name = q.name_fragment();
        if !name.is_empty() {
            let code = q.code_fragment();
            sql.push_str(
                " AND (customer_id IN (SELECT id FROM orgs WHERE lower(name) LIKE ? ESCAPE '\\') \
                 OR partner_id IN (SELECT id FROM orgs WHERE lower(name) LIKE ? ESCAPE '\\')",
            );
            params.push(text(like_escape(&name)));
            params.push(text(like_escape(&name)));
            if !code.is_empty() {
                sql.push_str(" OR replace(code, '-', '') LIKE ? ESCAPE '\\'");
                params.push(text(like_escape(&code)));
            }
            sql.push(')');
        }
        match (q.sort, q.after) {
            (VoucherSort::Created, Some(after)) => {
                sql.push_str(" AND id > ?");
                params.push(text(after.id));
            }
            (VoucherSort::Expiry, Some(after)) => {
                sql.push_str(" AND (expires_on > ? OR (expires_on = ? AND id > ?))");
                params.push(text(after.expires_on));
                params.push(text(after.expires_on));
                params.push(text(after.id));
            }
            (_, None) => {}
        }
        sql.push_str(match q.sort {
            VoucherSort::Created => " ORDER BY id LIMIT ?",
            VoucherSort::Expiry => " ORDER BY expires_on, id LIMIT ?",
        });
        params.push(Value::Integer(q.limit.into()));
        self.all(&sql, rusqlite::params_from_iter(params.iter()), voucher_row)
    }

    fn redeemed_between(
        &mut self,
        from: jiff::civil::Date,
        to: jiff::civil::Date,
    ) -> StoreResult<Vec<Voucher>> {
        self.all(
            &format!(
                // Named: without statistics SQLite prefers (state, expires_on)
                // for `state = 'redeemed'`, then sorts.
                "SELECT {VOUCHER_COLS} FROM vouchers INDEXED BY vouchers_redeemed_on \
                 WHERE state = 'redeemed' AND redeemed_on BETWEEN ?1 AND ?2 ORDER BY redeemed_on, id"
            ),
            params![from.to_string(), to.to_string()],
            voucher_row,
        )
    }
}
