//! Vouchers, stored whole under optimistic versioning.

use super::*;
use crate::micros;
use saps_core::port::{VoucherList, VoucherQuery, VoucherSort, Vouchers, like_escape};
use saps_core::{
    AgreementId, LocationId, OrgId, Reservation, Scope, UserId, Voucher, VoucherCode, VoucherId,
    VoucherState,
};

const VOUCHER_COLS: &str = "id, code, customer_id, agreement_id, engagement, days, \
    project_manager_id, created_by, state, partner_id, location_id, consultant_id, start_date, \
    end_date, delivery_country, reserved_by, reserved_at, created_at, assigned_at, expires_on, \
    version, redeemed_on";

fn voucher_row(r: &Row) -> StoreResult<Voucher> {
    let location_id: Option<Uuid> = get(r, 10)?;
    let reservation = match location_id {
        None => None,
        Some(location_id) => {
            fn required<T>(v: Option<T>, idx: usize) -> StoreResult<T> {
                v.ok_or_else(|| corrupt(format_args!("column {idx}: a reservation column is null")))
            }
            Some(Reservation {
                location_id: LocationId(location_id),
                consultant_id: UserId(required(get(r, 11)?, 11)?),
                start_date: required(get(r, 12)?, 12)?,
                end_date: required(get(r, 13)?, 13)?,
                delivery_country: required(get(r, 14)?, 14)?,
                reserved_by: UserId(required(get(r, 15)?, 15)?),
                reserved_at: required(get(r, 16)?, 16)?,
            })
        }
    };
    let code: &str = get(r, 1)?;
    Ok(Voucher {
        id: VoucherId(get(r, 0)?),
        code: code
            .parse::<VoucherCode>()
            .map_err(|e| corrupt(format_args!("voucher code {code:?}: {e}")))?,
        customer_id: OrgId(get(r, 2)?),
        agreement_id: AgreementId(get(r, 3)?),
        engagement: get(r, 4)?,
        days: days_col(r, 5)?,
        project_manager_id: UserId(get(r, 6)?),
        created_by: UserId(get(r, 7)?),
        state: enum_col(r, 8, VoucherState::parse)?,
        partner_id: get::<Option<Uuid>>(r, 9)?.map(OrgId),
        reservation,
        created_at: get(r, 17)?,
        assigned_at: get(r, 18)?,
        expires_on: get(r, 19)?,
        version: get(r, 20)?,
        redeemed_on: get(r, 21)?,
    })
}

/// A voucher's columns in `VOUCHER_COLS` order, ready to bind.
struct VoucherValues {
    id: Uuid,
    code: String,
    customer_id: Uuid,
    agreement_id: Uuid,
    engagement: String,
    days: i32,
    project_manager_id: Uuid,
    created_by: Uuid,
    state: &'static str,
    partner_id: Option<Uuid>,
    location_id: Option<Uuid>,
    consultant_id: Option<Uuid>,
    start_date: Option<Date>,
    end_date: Option<Date>,
    delivery_country: Option<String>,
    reserved_by: Option<Uuid>,
    reserved_at: Option<Timestamp>,
    created_at: Timestamp,
    assigned_at: Option<Timestamp>,
    expires_on: Date,
    version: i64,
    redeemed_on: Option<Date>,
}

impl VoucherValues {
    fn of(v: &Voucher) -> StoreResult<Self> {
        let res = v.reservation.as_ref();
        let reserved_at = res.map(|r| micros(r.reserved_at));
        let created_at = micros(v.created_at);
        let assigned_at = v.assigned_at.map(micros);
        Ok(Self {
            id: v.id.0,
            code: v.code.compact().to_owned(),
            customer_id: v.customer_id.0,
            agreement_id: v.agreement_id.0,
            engagement: v.engagement.clone(),
            days: int(v.days.0, "a voucher of")?,
            project_manager_id: v.project_manager_id.0,
            created_by: v.created_by.0,
            state: v.state.as_str(),
            partner_id: v.partner_id.map(|p| p.0),
            location_id: res.map(|r| r.location_id.0),
            consultant_id: res.map(|r| r.consultant_id.0),
            start_date: res.map(|r| r.start_date),
            end_date: res.map(|r| r.end_date),
            delivery_country: res.map(|r| r.delivery_country.clone()),
            reserved_by: res.map(|r| r.reserved_by.0),
            reserved_at,
            created_at,
            assigned_at,
            expires_on: v.expires_on,
            version: v.version,
            redeemed_on: v.redeemed_on,
        })
    }

    fn params(&self) -> [Param<'_>; 22] {
        [
            &self.id,
            &self.code,
            &self.customer_id,
            &self.agreement_id,
            &self.engagement,
            &self.days,
            &self.project_manager_id,
            &self.created_by,
            &self.state,
            &self.partner_id,
            &self.location_id,
            &self.consultant_id,
            &self.start_date,
            &self.end_date,
            &self.delivery_country,
            &self.reserved_by,
            &self.reserved_at,
            &self.created_at,
            &self.assigned_at,
            &self.expires_on,
            &self.version,
            &self.redeemed_on,
        ]
    }
}

/// The condition selecting a scope's vouchers.
fn voucher_scope(scope: Scope, p: &mut Params) -> String {
    match scope {
        Scope::All => "TRUE".into(),
        Scope::Customer(org) => format!("customer_id = {}", p.bind(org.0)),
        Scope::Partner(org) => format!("partner_id = {}", p.bind(org.0)),
        Scope::Consultant(org, user) => format!(
            "partner_id = {} AND consultant_id = {}",
            p.bind(org.0),
            p.bind(user.0)
        ),
        Scope::ProjectManager(org, user) => format!(
            "customer_id = {} AND project_manager_id = {}",
            p.bind(org.0),
            p.bind(user.0)
        ),
    }
}

impl Vouchers for PgTx<'_> {
    fn insert_voucher(&mut self, v: &Voucher) -> StoreResult<()> {
        let values = VoucherValues::of(v)?;
        self.insert(
            &format!(
                "INSERT INTO vouchers ({VOUCHER_COLS}) VALUES \
                 ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
                 $18, $19, $20, $21, $22) ON CONFLICT DO NOTHING"
            ),
            &values.params(),
            |tx| {
                Ok(
                    if tx.exists("SELECT 1 FROM vouchers WHERE code = $1", &[&values.code])? {
                        "voucher_code"
                    } else if tx.exists("SELECT 1 FROM vouchers WHERE id = $1", &[&v.id.0])? {
                        "voucher_id"
                    } else {
                        "fifteen_day_engagement"
                    },
                )
            },
        )
    }

    fn voucher_by_code(&mut self, code: &VoucherCode) -> StoreResult<Option<Voucher>> {
        // Locked in a write, so that of two racing transitions the second
        // waits and then reads what the first left.
        let sql = format!(
            "SELECT {VOUCHER_COLS} FROM vouchers WHERE code = $1{}",
            self.for_update()
        );
        self.row(&sql, &[&code.compact()])?
            .as_ref()
            .map(voucher_row)
            .transpose()
    }

    fn voucher(&mut self, id: VoucherId) -> StoreResult<Option<Voucher>> {
        self.row(
            &format!("SELECT {VOUCHER_COLS} FROM vouchers WHERE id = $1"),
            &[&id.0],
        )?
        .as_ref()
        .map(voucher_row)
        .transpose()
    }

    fn update_voucher(&mut self, v: &Voucher) -> StoreResult<()> {
        let values = VoucherValues::of(v)?;
        let expected = v.version - 1;
        let mut params = values.params().to_vec();
        params.push(&expected);
        let changed = self.exec(
            "UPDATE vouchers SET code = $2, customer_id = $3, agreement_id = $4, \
             engagement = $5, days = $6, project_manager_id = $7, created_by = $8, state = $9, \
             partner_id = $10, location_id = $11, consultant_id = $12, start_date = $13, \
             end_date = $14, delivery_country = $15, reserved_by = $16, reserved_at = $17, \
             created_at = $18, assigned_at = $19, expires_on = $20, version = $21, \
             redeemed_on = $22 WHERE id = $1 AND version = $23",
            &params,
        )?;
        if changed == 0 {
            return Err(StoreError::Stale);
        }
        Ok(())
    }

    fn update_voucher_states(&mut self, vouchers: &[Voucher]) -> StoreResult<Vec<VoucherId>> {
        if vouchers.is_empty() {
            return Ok(Vec::new());
        }
        let res = |v: &Voucher| v.reservation.clone();
        let ids: Vec<Uuid> = vouchers.iter().map(|v| v.id.0).collect();
        let states: Vec<&str> = vouchers.iter().map(|v| v.state.as_str()).collect();
        let reservations: Vec<Option<Reservation>> = vouchers.iter().map(res).collect();
        let field = |f: fn(&Reservation) -> Option<Uuid>| -> Vec<Option<Uuid>> {
            reservations
                .iter()
                .map(|r| r.as_ref().and_then(f))
                .collect()
        };
        let locations = field(|r| Some(r.location_id.0));
        let consultants = field(|r| Some(r.consultant_id.0));
        let reserved_by = field(|r| Some(r.reserved_by.0));
        let starts: Vec<Option<Date>> = reservations
            .iter()
            .map(|r| r.as_ref().map(|r| r.start_date))
            .collect();
        let ends: Vec<Option<Date>> = reservations
            .iter()
            .map(|r| r.as_ref().map(|r| r.end_date))
            .collect();
        let countries: Vec<Option<&str>> = reservations
            .iter()
            .map(|r| r.as_ref().map(|r| r.delivery_country.as_str()))
            .collect();
        let reserved_at: Vec<Option<Timestamp>> = reservations
            .iter()
            .map(|r| r.as_ref().map(|r| micros(r.reserved_at)))
            .collect();
        let versions: Vec<i64> = vouchers.iter().map(|v| v.version).collect();
        // One statement for the batch; rows another writer holds are waited
        // for, then re-checked against their version.
        self.rows(
            "UPDATE vouchers AS v SET state = u.state, location_id = u.location_id, \
             consultant_id = u.consultant_id, start_date = u.start_date, end_date = u.end_date, \
             delivery_country = u.delivery_country, reserved_by = u.reserved_by, \
             reserved_at = u.reserved_at, version = u.version \
             FROM UNNEST($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::date[], $6::date[], \
             $7::text[], $8::uuid[], $9::timestamptz[], $10::bigint[]) \
             AS u (id, state, location_id, consultant_id, start_date, end_date, delivery_country, \
             reserved_by, reserved_at, version) \
             WHERE v.id = u.id AND v.version = u.version - 1 RETURNING v.id",
            &[
                &ids,
                &states,
                &locations,
                &consultants,
                &starts,
                &ends,
                &countries,
                &reserved_by,
                &reserved_at,
                &versions,
            ],
        )?
        .iter()
        .map(|r| Ok(VoucherId(get(r, 0)?)))
        .collect()
    }

    fn vouchers(&mut self, q: &VoucherQuery) -> StoreResult<Vec<Voucher>> {
        let mut p = Params::default();
        let mut sql = format!(
            "SELECT {VOUCHER_COLS} FROM vouchers WHERE {}",
            voucher_scope(q.scope, &mut p)
        );
        if let Some(state) = q.state {
            sql.push_str(&format!(" AND state = {}", p.bind(state.as_str())));
        }
        if let Some(after) = q.after {
            sql.push_str(&format!(" AND id > {}", p.bind(after.0)));
        }
        sql.push_str(&format!(
            " ORDER BY id LIMIT {}",
            p.bind(i64::from(q.limit))
        ));
        self.rows(&sql, &p.refs())?
            .iter()
            .map(voucher_row)
            .collect()
    }

    fn count_live_vouchers(
        &mut self,
        customer: OrgId,
        engagement: &str,
        days: u32,
    ) -> StoreResult<u64> {
        let days = int(days, "a voucher of")?;
        let n: i64 = self
            .row(
                "SELECT count(*) FROM vouchers WHERE customer_id = $1 AND engagement = $2 \
                 AND days = $3 AND state NOT IN ('cancelled', 'expired', 'removed')",
                &[&customer.0, &engagement, &days],
            )?
            .map(|r| get(&r, 0))
            .transpose()?
            .unwrap_or(0);
        Ok(n.unsigned_abs())
    }

    fn vouchers_expired_before(&mut self, today: Date, limit: u32) -> StoreResult<Vec<Voucher>> {
        // In a write, skip the vouchers another node's sweep (or a user) holds:
        // several nodes may sweep at once without waiting on each other.
        let lock = if self.writable {
            " FOR NO KEY UPDATE SKIP LOCKED"
        } else {
            ""
        };
        self.rows(
            &format!(
                "SELECT {VOUCHER_COLS} FROM vouchers \
                 WHERE state IN ('created', 'assigned', 'reserved', 'completed') \
                 AND expires_on < $1 ORDER BY expires_on, id LIMIT $2{lock}"
            ),
            &[&today, &i64::from(limit)],
        )?
        .iter()
        .map(voucher_row)
        .collect()
    }

    fn voucher_counts(&mut self, scope: Scope) -> StoreResult<Vec<(VoucherState, u64)>> {
        let mut p = Params::default();
        let sql = format!(
            "SELECT state, count(*) FROM vouchers WHERE {} GROUP BY state",
            voucher_scope(scope, &mut p)
        );
        let mut counts = self
            .rows(&sql, &p.refs())?
            .iter()
            .map(|r| {
                Ok((
                    enum_col(r, 0, VoucherState::parse)?,
                    get::<i64>(r, 1)?.unsigned_abs(),
                ))
            })
            .collect::<StoreResult<Vec<_>>>()?;
        counts.sort();
        Ok(counts)
    }

    fn voucher_list(&mut self, q: &VoucherList) -> StoreResult<Vec<Voucher>> {
        let mut p = Params::default();
        let mut sql = format!(
            "SELECT {VOUCHER_COLS} FROM vouchers WHERE {}",
            voucher_scope(q.scope, &mut p)
        );
        if !q.states.is_empty() {
            let states: Vec<String> = q.states.iter().map(|s| s.as_str().to_owned()).collect();
            sql.push_str(&format!(" AND state = ANY({})", p.bind(states)));
        }
        let name = q.name_fragment();
        if !name.is_empty() {
            let code = q.code_fragment();
            let n = p.bind(like_escape(&name));
            sql.push_str(&format!(
                " AND (customer_id IN (SELECT id FROM orgs WHERE lower(name) LIKE {n} ESCAPE '\\') \
                 OR partner_id IN (SELECT id FROM orgs WHERE lower(name) LIKE {n} ESCAPE '\\')"
            ));
            if !code.is_empty() {
                let c = p.bind(like_escape(&code));
                sql.push_str(&format!(" OR replace(code, '-', '') LIKE {c} ESCAPE '\\'"));
            }
            sql.push(')');
        }
        match (q.sort, q.after) {
            (VoucherSort::Created, Some(after)) => {
                sql.push_str(&format!(" AND id > {}", p.bind(after.id.0)));
            }
            (VoucherSort::Expiry, Some(after)) => {
                let e = p.bind(after.expires_on);
                let id = p.bind(after.id.0);
                sql.push_str(&format!(" AND (expires_on, id) > ({e}, {id})"));
            }
            (_, None) => {}
        }
        let limit = p.bind(i64::from(q.limit));
        sql.push_str(&match q.sort {
            VoucherSort::Created => format!(" ORDER BY id LIMIT {limit}"),
            VoucherSort::Expiry => format!(" ORDER BY expires_on, id LIMIT {limit}"),
        });
        self.rows(&sql, &p.refs())?
            .iter()
            .map(voucher_row)
            .collect()
    }

    fn redeemed_between(
        &mut self,
        from: jiff::civil::Date,
        to: jiff::civil::Date,
    ) -> StoreResult<Vec<Voucher>> {
        self.rows(
            &format!(
                "SELECT {VOUCHER_COLS} FROM vouchers WHERE state = 'redeemed' \
                 AND redeemed_on BETWEEN $1 AND $2 ORDER BY redeemed_on, id"
            ),
            &[&from, &to],
        )?
        .iter()
        .map(voucher_row)
        .collect()
    }
}
