//! The port's data access on one SQLite connection, inside whatever
//! transaction or savepoint the caller opened.

use crate::db_error;
use rusqlite::types::{Type, Value};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};
use saps_core::port::{
    IdempotentResponse, OutgoingMail, PoolTotals, StoreResult, Tx, VoucherQuery,
};
use saps_core::{
    Agreement, AgreementId, Days, Event, LedgerEntry, LedgerReason, Location, LocationId, NewEvent,
    Org, OrgId, OrgKind, Reservation, Role, Scope, StoreError, User, UserId, Voucher, VoucherCode,
    VoucherId, VoucherState,
};
use std::fmt::Display;
use std::str::FromStr;

/// A timestamp at rest: RFC 3339 UTC with nine fractional digits, so that the
/// text sorts in time order and round-trips exactly.
pub(crate) fn timestamp(t: jiff::Timestamp) -> String {
    format!("{t:.9}")
}

/// A column that held something other than what was stored.
#[derive(Debug)]
struct Corrupt(String);

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Corrupt {}

fn corrupt(idx: usize, what: impl Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(Corrupt(what.to_string())))
}

/// A text column parsed into a domain type.
fn col<T>(r: &Row<'_>, idx: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: Display,
{
    let s: String = r.get(idx)?;
    s.parse()
        .map_err(|e| corrupt(idx, format_args!("{s:?}: {e}")))
}

/// A nullable text column parsed into a domain type.
fn opt_col<T>(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<T>>
where
    T: FromStr,
    T::Err: Display,
{
    let s: Option<String> = r.get(idx)?;
    s.map(|s| {
        s.parse()
            .map_err(|e| corrupt(idx, format_args!("{s:?}: {e}")))
    })
    .transpose()
}

fn enum_col<T>(r: &Row<'_>, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = r.get(idx)?;
    parse(&s).ok_or_else(|| corrupt(idx, format_args!("unknown value {s:?}")))
}

fn days_col(r: &Row<'_>, idx: usize) -> rusqlite::Result<Days> {
    Ok(Days(r.get::<_, u32>(idx)?))
}

fn text(v: impl Display) -> Value {
    Value::Text(v.to_string())
}

fn opt_string<T: ToString>(v: Option<T>) -> Option<String> {
    v.map(|v| v.to_string())
}

const ORG_COLS: &str = "id, kind, name, country, benefit_active, created_at";

fn org_row(r: &Row<'_>) -> rusqlite::Result<Org> {
    Ok(Org {
        id: col(r, 0)?,
        kind: enum_col(r, 1, OrgKind::parse)?,
        name: r.get(2)?,
        country: r.get(3)?,
        benefit_active: r.get(4)?,
        created_at: col(r, 5)?,
    })
}

const LOCATION_COLS: &str = "id, partner_id, name, country, city";

fn location_row(r: &Row<'_>) -> rusqlite::Result<Location> {
    Ok(Location {
        id: col(r, 0)?,
        partner_id: col(r, 1)?,
        name: r.get(2)?,
        country: r.get(3)?,
        city: r.get(4)?,
    })
}

const USER_COLS: &str = "id, org_id, email, name, role, password_hash, created_at";
const USER_COLS_U: &str = "u.id, u.org_id, u.email, u.name, u.role, u.password_hash, u.created_at";

fn user_row(r: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: col(r, 0)?,
        org_id: col(r, 1)?,
        email: r.get(2)?,
        name: r.get(3)?,
        role: enum_col(r, 4, Role::parse)?,
        password_hash: r.get(5)?,
        created_at: col(r, 6)?,
    })
}

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

const VOUCHER_COLS: &str = "id, code, customer_id, agreement_id, engagement, days, \
    project_manager_id, created_by, state, partner_id, location_id, consultant_id, start_date, \
    end_date, delivery_country, reserved_by, reserved_at, created_at, assigned_at, expires_on, \
    version";

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
    ]
}

const EVENT_COLS: &str =
    "seq, id, at, actor_id, kind, payload, voucher_id, customer_id, partner_id, program_version";

fn event_row(r: &Row<'_>) -> rusqlite::Result<Event> {
    let payload: String = r.get(5)?;
    Ok(Event {
        seq: r.get(0)?,
        id: col(r, 1)?,
        at: col(r, 2)?,
        actor_id: opt_col(r, 3)?,
        kind: r.get(4)?,
        payload: serde_json::from_str(&payload).map_err(|e| corrupt(5, e))?,
        voucher_id: opt_col(r, 6)?,
        customer_id: opt_col(r, 7)?,
        partner_id: opt_col(r, 8)?,
        program_version: r.get(9)?,
    })
}

const MAIL_COLS: &str = "id, recipient, subject, body, created_at, attempts";

fn mail_row(r: &Row<'_>) -> rusqlite::Result<OutgoingMail> {
    Ok(OutgoingMail {
        id: col(r, 0)?,
        to: r.get(1)?,
        subject: r.get(2)?,
        body: r.get(3)?,
        created_at: col(r, 4)?,
        attempts: r.get(5)?,
    })
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

/// The `WHERE` condition and its parameters selecting a scope's events: an
/// organisation's admins see all of its events; a consultant or a project
/// manager sees the events of the vouchers they can see.
fn event_scope(scope: Scope, params: &mut Vec<Value>) -> &'static str {
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
            "voucher_id IN (SELECT id FROM vouchers WHERE partner_id = ? AND consultant_id = ?)"
        }
        Scope::ProjectManager(org, user) => {
            params.push(text(org));
            params.push(text(user));
            "voucher_id IN (SELECT id FROM vouchers WHERE customer_id = ? AND project_manager_id = ?)"
        }
    }
}

/// Data access on a connection whose transaction the store manages.
pub(crate) struct SqliteTx<'c> {
    pub(crate) conn: &'c Connection,
}

impl SqliteTx<'_> {
    fn one<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<Option<T>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(db_error)?;
        stmt.query_row(params, map).optional().map_err(db_error)
    }

    fn all<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(db_error)?;
        let rows = stmt.query_map(params, map).map_err(db_error)?;
        rows.collect::<rusqlite::Result<Vec<T>>>().map_err(db_error)
    }

    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> StoreResult<usize> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(db_error)?;
        stmt.execute(params).map_err(db_error)
    }
}

impl Tx for SqliteTx<'_> {
    fn insert_org(&mut self, org: &Org) -> StoreResult<()> {
        self.exec(
            "INSERT INTO orgs (id, kind, name, country, benefit_active, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                org.id.to_string(),
                org.kind.as_str(),
                org.name,
                org.country,
                org.benefit_active,
                timestamp(org.created_at),
            ],
        )
        .map(drop)
    }

    fn org(&mut self, id: OrgId) -> StoreResult<Option<Org>> {
        self.one(
            &format!("SELECT {ORG_COLS} FROM orgs WHERE id = ?1"),
            [id.to_string()],
            org_row,
        )
    }

    fn orgs(&mut self, kind: OrgKind) -> StoreResult<Vec<Org>> {
        self.all(
            &format!("SELECT {ORG_COLS} FROM orgs WHERE kind = ?1 ORDER BY id"),
            [kind.as_str()],
            org_row,
        )
    }

    fn set_benefit_active(&mut self, customer: OrgId, active: bool) -> StoreResult<()> {
        self.exec(
            "UPDATE orgs SET benefit_active = ?2 WHERE id = ?1",
            params![customer.to_string(), active],
        )
        .map(drop)
    }

    fn insert_location(&mut self, l: &Location) -> StoreResult<()> {
        self.exec(
            "INSERT INTO locations (id, partner_id, name, country, city) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                l.id.to_string(),
                l.partner_id.to_string(),
                l.name,
                l.country,
                l.city,
            ],
        )
        .map(drop)
    }

    fn location(&mut self, id: LocationId) -> StoreResult<Option<Location>> {
        self.one(
            &format!("SELECT {LOCATION_COLS} FROM locations WHERE id = ?1"),
            [id.to_string()],
            location_row,
        )
    }

    fn locations(&mut self, partner: OrgId) -> StoreResult<Vec<Location>> {
        self.all(
            &format!("SELECT {LOCATION_COLS} FROM locations WHERE partner_id = ?1 ORDER BY id"),
            [partner.to_string()],
            location_row,
        )
    }

    fn insert_user(&mut self, u: &User) -> StoreResult<()> {
        self.exec(
            "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                u.id.to_string(),
                u.org_id.to_string(),
                u.email,
                u.name,
                u.role.as_str(),
                u.password_hash,
                timestamp(u.created_at),
            ],
        )
        .map(drop)
    }

    fn user(&mut self, id: UserId) -> StoreResult<Option<User>> {
        self.one(
            &format!("SELECT {USER_COLS} FROM users WHERE id = ?1"),
            [id.to_string()],
            user_row,
        )
    }

    fn user_by_email(&mut self, email: &str) -> StoreResult<Option<User>> {
        self.one(
            &format!("SELECT {USER_COLS} FROM users WHERE email = ?1"),
            [email],
            user_row,
        )
    }

    fn users(&mut self, org: OrgId) -> StoreResult<Vec<User>> {
        self.all(
            &format!("SELECT {USER_COLS} FROM users WHERE org_id = ?1 ORDER BY id"),
            [org.to_string()],
            user_row,
        )
    }

    fn insert_token(&mut self, hash: &str, user: UserId, at: jiff::Timestamp) -> StoreResult<()> {
        self.exec(
            "INSERT INTO api_tokens (hash, user_id, created_at) VALUES (?1, ?2, ?3)",
            params![hash, user.to_string(), timestamp(at)],
        )
        .map(drop)
    }

    fn delete_token(&mut self, hash: &str) -> StoreResult<()> {
        self.exec("DELETE FROM api_tokens WHERE hash = ?1", [hash])
            .map(drop)
    }

    fn user_by_token(
        &mut self,
        hash: &str,
        issued_after: jiff::Timestamp,
    ) -> StoreResult<Option<User>> {
        self.one(
            &format!(
                "SELECT {USER_COLS_U} FROM api_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.hash = ?1 AND t.created_at > ?2"
            ),
            params![hash, timestamp(issued_after)],
            user_row,
        )
    }

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
        self.exec(
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
        )?;
        Ok(true)
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

    fn insert_voucher(&mut self, v: &Voucher) -> StoreResult<()> {
        let values = voucher_values(v);
        self.exec(
            &format!(
                "INSERT INTO vouchers ({VOUCHER_COLS}) VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
                 ?18, ?19, ?20, ?21)"
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
             created_at = ?18, assigned_at = ?19, expires_on = ?20, version = ?21 \
             WHERE id = ?1 AND version = ?22",
            rusqlite::params_from_iter(values.iter()),
        )?;
        if changed == 0 {
            return Err(StoreError::Stale);
        }
        Ok(())
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
        let n: i64 = self
            .one(
                "SELECT COUNT(*) FROM vouchers WHERE customer_id = ?1 AND engagement = ?2 \
                 AND days = ?3 AND state NOT IN ('cancelled', 'expired', 'removed')",
                params![customer.to_string(), engagement, days],
                |r| r.get(0),
            )?
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
                "SELECT {VOUCHER_COLS} FROM vouchers \
                 WHERE state IN ('created', 'assigned', 'reserved', 'completed') \
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

    fn append_event(&mut self, e: &NewEvent) -> StoreResult<i64> {
        let payload = serde_json::to_string(&e.payload)
            .map_err(|err| StoreError::Backend(format!("event payload: {err}")))?;
        self.one(
            "INSERT INTO events \
             (id, at, actor_id, kind, payload, voucher_id, customer_id, partner_id, program_version) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING seq",
            params![
                e.id.to_string(),
                timestamp(e.at),
                opt_string(e.actor_id),
                e.kind,
                payload,
                opt_string(e.voucher_id),
                opt_string(e.customer_id),
                opt_string(e.partner_id),
                e.program_version,
            ],
            |r| r.get(0),
        )?
        .ok_or_else(|| StoreError::Backend("an appended event has no sequence number".into()))
    }

    fn events_after(&mut self, scope: Scope, after: i64, limit: u32) -> StoreResult<Vec<Event>> {
        let mut params = Vec::with_capacity(3);
        let sql = format!(
            "SELECT {EVENT_COLS} FROM events WHERE {} AND seq > ? ORDER BY seq LIMIT ?",
            event_scope(scope, &mut params)
        );
        params.push(Value::Integer(after));
        params.push(Value::Integer(limit.into()));
        self.all(&sql, rusqlite::params_from_iter(params.iter()), event_row)
    }

    fn voucher_events(&mut self, voucher: VoucherId) -> StoreResult<Vec<Event>> {
        self.all(
            &format!("SELECT {EVENT_COLS} FROM events WHERE voucher_id = ?1 ORDER BY seq"),
            [voucher.to_string()],
            event_row,
        )
    }

    fn program(&mut self) -> StoreResult<Option<serde_json::Value>> {
        let body: Option<String> =
            self.one("SELECT body FROM program WHERE id = 1", [], |r| r.get(0))?;
        body.map(|b| {
            serde_json::from_str(&b)
                .map_err(|e| StoreError::Backend(format!("stored program: {e}")))
        })
        .transpose()
    }

    fn put_program(&mut self, program: &serde_json::Value) -> StoreResult<()> {
        let body = serde_json::to_string(program)
            .map_err(|e| StoreError::Backend(format!("program: {e}")))?;
        self.exec(
            "INSERT INTO program (id, body) VALUES (1, ?1) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body",
            [body],
        )
        .map(drop)
    }

    fn claim_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        request_hash: &str,
        at: jiff::Timestamp,
        stale_before: jiff::Timestamp,
    ) -> StoreResult<Option<IdempotentResponse>> {
        let user = user.to_string();
        let taken_over = self.exec(
            "UPDATE idempotency_keys SET request_hash = ?3, created_at = ?4, body = x'' \
             WHERE user_id = ?1 AND key = ?2 AND status IS NULL AND created_at < ?5",
            params![
                user,
                key,
                request_hash,
                timestamp(at),
                timestamp(stale_before)
            ],
        )?;
        if taken_over == 1 {
            return Ok(None);
        }
        let claimed = self.exec(
            "INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) \
             VALUES (?1, ?2, ?3, NULL, x'', ?4) ON CONFLICT (user_id, key) DO NOTHING",
            params![user, key, request_hash, timestamp(at)],
        )?;
        if claimed == 1 {
            return Ok(None);
        }
        self.one(
            "SELECT request_hash, status, body FROM idempotency_keys \
             WHERE user_id = ?1 AND key = ?2",
            params![user, key],
            |r| {
                Ok(IdempotentResponse {
                    request_hash: r.get(0)?,
                    status: r.get(1)?,
                    body: r.get(2)?,
                })
            },
        )
    }

    fn purge_idempotency_keys(&mut self, before: jiff::Timestamp) -> StoreResult<u64> {
        self.exec(
            "DELETE FROM idempotency_keys WHERE status IS NOT NULL AND created_at < ?1",
            [timestamp(before)],
        )
        .map(|n| n as u64)
    }

    fn complete_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        status: u16,
        body: &[u8],
    ) -> StoreResult<()> {
        self.exec(
            "UPDATE idempotency_keys SET status = ?3, body = ?4 WHERE user_id = ?1 AND key = ?2",
            params![user.to_string(), key, status, body],
        )
        .map(drop)
    }

    fn release_idempotency_key(&mut self, user: UserId, key: &str) -> StoreResult<()> {
        self.exec(
            "DELETE FROM idempotency_keys WHERE user_id = ?1 AND key = ?2",
            params![user.to_string(), key],
        )
        .map(drop)
    }

    fn enqueue_mail(&mut self, m: &OutgoingMail) -> StoreResult<()> {
        self.exec(
            "INSERT INTO outbox (id, recipient, subject, body, created_at, attempts) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                m.id.to_string(),
                m.to,
                m.subject,
                m.body,
                timestamp(m.created_at),
                m.attempts,
            ],
        )
        .map(drop)
    }

    fn pending_mail(&mut self, limit: u32) -> StoreResult<Vec<OutgoingMail>> {
        self.all(
            &format!(
                "SELECT {MAIL_COLS} FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                 ORDER BY created_at, id LIMIT ?1"
            ),
            [limit],
            mail_row,
        )
    }

    fn lease_mail(
        &mut self,
        now: jiff::Timestamp,
        until: jiff::Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<OutgoingMail>> {
        // The single writer makes select-then-update atomic.
        let due = self.all(
            &format!(
                "SELECT {MAIL_COLS} FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                 AND (leased_until IS NULL OR leased_until < ?1) \
                 ORDER BY created_at, id LIMIT ?2"
            ),
            params![timestamp(now), limit],
            mail_row,
        )?;
        for m in &due {
            self.exec(
                "UPDATE outbox SET leased_until = ?2 WHERE id = ?1",
                params![m.id.to_string(), timestamp(until)],
            )?;
        }
        Ok(due)
    }

    fn mark_mail_sent(&mut self, id: uuid::Uuid, at: jiff::Timestamp) -> StoreResult<()> {
        self.exec(
            "UPDATE outbox SET sent_at = ?2 WHERE id = ?1",
            params![id.to_string(), timestamp(at)],
        )
        .map(drop)
    }

    fn mark_mail_failed(&mut self, id: uuid::Uuid) -> StoreResult<()> {
        self.exec(
            "UPDATE outbox SET attempts = attempts + 1, leased_until = NULL WHERE id = ?1",
            [id.to_string()],
        )
        .map(drop)
    }
}
