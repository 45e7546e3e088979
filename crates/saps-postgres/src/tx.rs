//! The port's data access inside one PostgreSQL transaction, which the runner
//! opens and ends.
//!
//! Inserts that may meet a unique key use `ON CONFLICT DO NOTHING` and then
//! name the key that was taken, rather than letting the statement fail:
//! PostgreSQL aborts a transaction at its first failed statement, and a use
//! case must be able to see `Duplicate("voucher_code")`, draw another code and
//! carry on, as it can on SQLite.

use crate::db_error;
use crate::runner::Conn;
use jiff::Timestamp;
use jiff::civil::Date;
use postgres::Row;
use postgres::error::SqlState;
use postgres::types::{FromSql, ToSql};
use saps_core::port::{
    IdempotentResponse, OutgoingMail, PoolTotals, StoreResult, Tx, VoucherQuery,
};
use saps_core::{
    Agreement, AgreementId, Days, Event, EventId, LedgerEntry, LedgerReason, Location, LocationId,
    NewEvent, Org, OrgId, OrgKind, Reservation, Role, Scope, StoreError, User, UserId, Voucher,
    VoucherCode, VoucherId, VoucherState,
};
use uuid::Uuid;

type Param<'a> = &'a (dyn ToSql + Sync);

/// Events one transaction may append: the low bits of `events.seq`.
const EVENT_RANK_BITS: u32 = 20;

/// Attempts a read makes at a later snapshot when the journal feed has to
/// hold events back (a few milliseconds: writing transactions are short);
/// after that it answers with the events that are safe to hand out.
const FEED_ATTEMPTS: u32 = 3;

/// What the runner needs to know once the work has run.
pub(crate) struct Outcome {
    /// The first statement that failed: PostgreSQL has aborted the transaction.
    pub(crate) failed: Option<String>,
    /// A statement lost a race (deadlock, serialization failure) or the feed
    /// asked for a later snapshot: the work must run again.
    pub(crate) retry: bool,
}

/// Data access on a connection whose transaction the runner manages.
pub(crate) struct PgTx<'c> {
    conn: &'c mut Conn,
    /// A write transaction (rows read for update are locked); else read-only.
    writable: bool,
    /// Which run of the work this is, from 1.
    attempt: u32,
    /// Events appended so far in this transaction.
    events: i64,
    failed: Option<String>,
    retry: bool,
}

impl<'c> PgTx<'c> {
    pub(crate) fn new(conn: &'c mut Conn, writable: bool, attempt: u32) -> Self {
        Self {
            conn,
            writable,
            attempt,
            events: 0,
            failed: None,
            retry: false,
        }
    }

    pub(crate) fn finish(self) -> Outcome {
        Outcome {
            failed: self.failed,
            retry: self.retry,
        }
    }

    /// Records a failed statement and says what it means for the port.
    fn fail(&mut self, e: postgres::Error) -> StoreError {
        if e.as_db_error().is_some_and(|db| {
            *db.code() == SqlState::FEATURE_NOT_SUPPORTED && db.message().contains("cached plan")
        }) {
            // The schema changed under a prepared statement (another node
            // migrated): prepare again on the next attempt.
            self.conn.forget_statements();
            self.retry = true;
        }
        let err = db_error(e);
        if err == StoreError::Retry {
            self.retry = true;
        }
        if self.failed.is_none() {
            self.failed = Some(err.to_string());
        }
        err
    }

    pub(crate) fn rows(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<Vec<Row>> {
        let statement = match self.conn.prepare(sql) {
            Ok(s) => s,
            Err(e) => return Err(self.fail(e)),
        };
        match self.conn.client.query(&statement, params) {
            Ok(rows) => Ok(rows),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn row(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<Option<Row>> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }

    pub(crate) fn exec(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<u64> {
        let statement = match self.conn.prepare(sql) {
            Ok(s) => s,
            Err(e) => return Err(self.fail(e)),
        };
        match self.conn.client.execute(&statement, params) {
            Ok(n) => Ok(n),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn exists(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<bool> {
        Ok(self.row(sql, params)?.is_some())
    }

    /// Runs an `INSERT … ON CONFLICT DO NOTHING`; when nothing was inserted,
    /// `name_key` says which key was taken.
    fn insert(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
        name_key: impl FnOnce(&mut Self) -> StoreResult<&'static str>,
    ) -> StoreResult<()> {
        if self.exec(sql, params)? == 1 {
            Ok(())
        } else {
            Err(StoreError::Duplicate(name_key(self)?))
        }
    }

    /// The lock a write takes on rows it reads in order to change them. `NO KEY`
    /// because the change never touches a key: it serializes two writers of
    /// the row without blocking inserts that merely reference it.
    fn for_update(&self) -> &'static str {
        if self.writable {
            " FOR NO KEY UPDATE"
        } else {
            ""
        }
    }
}

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(format!("unexpected stored value: {what}"))
}

fn get<'a, T: FromSql<'a>>(row: &'a Row, idx: usize) -> StoreResult<T> {
    row.try_get(idx)
        .map_err(|e| corrupt(format_args!("column {idx}: {e}")))
}

fn enum_col<T>(row: &Row, idx: usize, parse: fn(&str) -> Option<T>) -> StoreResult<T> {
    let s: &str = get(row, idx)?;
    parse(s).ok_or_else(|| corrupt(format_args!("column {idx}: unknown value {s:?}")))
}

fn days_col(row: &Row, idx: usize) -> StoreResult<Days> {
    let d: i32 = get(row, idx)?;
    u32::try_from(d)
        .map(Days)
        .map_err(|_| corrupt(format_args!("column {idx}: {d} days")))
}

fn u32_col(row: &Row, idx: usize) -> StoreResult<u32> {
    let n: i32 = get(row, idx)?;
    u32::try_from(n).map_err(|_| corrupt(format_args!("column {idx}: {n}")))
}

/// A count or number the schema keeps in an `integer` column.
fn int(n: impl TryInto<i32> + Copy + std::fmt::Display, what: &str) -> StoreResult<i32> {
    n.try_into()
        .map_err(|_| StoreError::Backend(format!("{what} {n} is out of range")))
}

/// A timestamp as stored: the instant rounded down to the microsecond (a
/// `timestamptz`), and the nanoseconds below it (its `_ns` column).
fn split(t: Timestamp) -> (Timestamp, i16) {
    let ns = t.as_nanosecond();
    let below = ns.rem_euclid(1000);
    let micros = Timestamp::from_nanosecond(ns - below).unwrap_or(t);
    (micros, i16::try_from(below).unwrap_or(0))
}

/// [`split`] of an optional timestamp.
fn split_opt(t: Option<Timestamp>) -> (Option<Timestamp>, Option<i16>) {
    t.map(split).unzip()
}

/// The timestamp in column `idx`, completed by its nanoseconds in `ns_idx`.
fn ts_col(row: &Row, idx: usize, ns_idx: usize) -> StoreResult<Timestamp> {
    opt_ts_col(row, idx, ns_idx)?.ok_or_else(|| corrupt(format_args!("column {idx} is null")))
}

fn opt_ts_col(row: &Row, idx: usize, ns_idx: usize) -> StoreResult<Option<Timestamp>> {
    let Some(micros) = get::<Option<Timestamp>>(row, idx)? else {
        return Ok(None);
    };
    let below: Option<i16> = get(row, ns_idx)?;
    let below = i128::from(below.unwrap_or(0));
    if !(0..1000).contains(&below) {
        return Err(corrupt(format_args!("column {ns_idx}: {below} ns")));
    }
    Timestamp::from_nanosecond(micros.as_nanosecond() + below)
        .map(Some)
        .map_err(|e| corrupt(format_args!("column {idx}: {e}")))
}

const ORG_COLS: &str = "id, kind, name, country, benefit_active, created_at, created_at_ns";

fn org_row(r: &Row) -> StoreResult<Org> {
    Ok(Org {
        id: OrgId(get(r, 0)?),
        kind: enum_col(r, 1, OrgKind::parse)?,
        name: get(r, 2)?,
        country: get(r, 3)?,
        benefit_active: get(r, 4)?,
        created_at: ts_col(r, 5, 6)?,
    })
}

const LOCATION_COLS: &str = "id, partner_id, name, country, city";

fn location_row(r: &Row) -> StoreResult<Location> {
    Ok(Location {
        id: LocationId(get(r, 0)?),
        partner_id: OrgId(get(r, 1)?),
        name: get(r, 2)?,
        country: get(r, 3)?,
        city: get(r, 4)?,
    })
}

const USER_COLS: &str = "id, org_id, email, name, role, password_hash, created_at, created_at_ns";
const USER_COLS_U: &str = "u.id, u.org_id, u.email, u.name, u.role, u.password_hash, \
    u.created_at, u.created_at_ns";

fn user_row(r: &Row) -> StoreResult<User> {
    Ok(User {
        id: UserId(get(r, 0)?),
        org_id: OrgId(get(r, 1)?),
        email: get(r, 2)?,
        name: get(r, 3)?,
        role: enum_col(r, 4, Role::parse)?,
        password_hash: get(r, 5)?,
        created_at: ts_col(r, 6, 7)?,
    })
}

const AGREEMENT_COLS: &str =
    "id, customer_id, number, sa_start, sa_end, days, available, created_at, created_at_ns";

fn agreement_row(r: &Row) -> StoreResult<Agreement> {
    Ok(Agreement {
        id: AgreementId(get(r, 0)?),
        customer_id: OrgId(get(r, 1)?),
        number: get(r, 2)?,
        sa_start: get(r, 3)?,
        sa_end: get(r, 4)?,
        days: days_col(r, 5)?,
        available: get(r, 6)?,
        created_at: ts_col(r, 7, 8)?,
    })
}

const VOUCHER_COLS: &str = "id, code, customer_id, agreement_id, engagement, days, \
    project_manager_id, created_by, state, partner_id, location_id, consultant_id, start_date, \
    end_date, delivery_country, reserved_by, reserved_at, created_at, assigned_at, expires_on, \
    version, reserved_at_ns, created_at_ns, assigned_at_ns";

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
                reserved_at: required(opt_ts_col(r, 16, 21)?, 16)?,
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
        created_at: ts_col(r, 17, 22)?,
        assigned_at: opt_ts_col(r, 18, 23)?,
        expires_on: get(r, 19)?,
        version: get(r, 20)?,
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
    reserved_at_ns: Option<i16>,
    created_at_ns: i16,
    assigned_at_ns: Option<i16>,
}

impl VoucherValues {
    fn of(v: &Voucher) -> StoreResult<Self> {
        let res = v.reservation.as_ref();
        let (reserved_at, reserved_at_ns) = split_opt(res.map(|r| r.reserved_at));
        let (created_at, created_at_ns) = split(v.created_at);
        let (assigned_at, assigned_at_ns) = split_opt(v.assigned_at);
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
            reserved_at_ns,
            created_at_ns,
            assigned_at_ns,
        })
    }

    fn params(&self) -> [Param<'_>; 24] {
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
            &self.reserved_at_ns,
            &self.created_at_ns,
            &self.assigned_at_ns,
        ]
    }
}

const EVENT_COLS: &str = "seq, id, at, actor_id, kind, payload, voucher_id, customer_id, \
    partner_id, program_version, at_ns";

fn event_row(r: &Row) -> StoreResult<Event> {
    Ok(Event {
        seq: get(r, 0)?,
        id: EventId(get(r, 1)?),
        at: ts_col(r, 2, 10)?,
        actor_id: get::<Option<Uuid>>(r, 3)?.map(UserId),
        kind: get(r, 4)?,
        payload: get(r, 5)?,
        voucher_id: get::<Option<Uuid>>(r, 6)?.map(VoucherId),
        customer_id: get::<Option<Uuid>>(r, 7)?.map(OrgId),
        partner_id: get::<Option<Uuid>>(r, 8)?.map(OrgId),
        program_version: u32_col(r, 9)?,
    })
}

const MAIL_COLS: &str = "id, recipient, subject, body, created_at, attempts, created_at_ns";

fn mail_row(r: &Row) -> StoreResult<OutgoingMail> {
    Ok(OutgoingMail {
        id: get(r, 0)?,
        to: get(r, 1)?,
        subject: get(r, 2)?,
        body: get(r, 3)?,
        created_at: ts_col(r, 4, 6)?,
        attempts: u32_col(r, 5)?,
    })
}

/// Parameters of a statement built at run time.
#[derive(Default)]
struct Params(Vec<Box<dyn ToSql + Sync>>);

impl Params {
    /// Adds a value and returns its placeholder.
    fn bind(&mut self, v: impl ToSql + Sync + 'static) -> String {
        self.0.push(Box::new(v));
        format!("${}", self.0.len())
    }

    fn refs(&self) -> Vec<Param<'_>> {
        self.0.iter().map(|b| &**b as Param<'_>).collect()
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

/// The condition selecting a scope's events: an organisation's admins see all
/// of its events; a consultant or a project manager sees the events of the
/// vouchers they can see.
fn event_scope(scope: Scope, p: &mut Params) -> String {
    match scope {
        Scope::All => "TRUE".into(),
        Scope::Customer(org) => format!("customer_id = {}", p.bind(org.0)),
        Scope::Partner(org) => format!("partner_id = {}", p.bind(org.0)),
        Scope::Consultant(org, user) => format!(
            "voucher_id IN (SELECT v.id FROM vouchers v \
             WHERE v.partner_id = {} AND v.consultant_id = {})",
            p.bind(org.0),
            p.bind(user.0)
        ),
        Scope::ProjectManager(org, user) => format!(
            "voucher_id IN (SELECT v.id FROM vouchers v \
             WHERE v.customer_id = {} AND v.project_manager_id = {})",
            p.bind(org.0),
            p.bind(user.0)
        ),
    }
}

/// The oldest transaction that may still commit events in this database,
/// as of this statement's snapshot: the smallest in-flight transaction id not
/// known to belong to another database (one that has finished since the
/// snapshot is counted as ours: safe), else the snapshot's xmax. Every event
/// whose transaction id is below it is committed and visible, or never will
/// be; `own` is this transaction's id, if it has one.
const HORIZON: &str = "WITH snap AS (SELECT pg_current_snapshot() AS s), \
    horizon AS (SELECT LEAST(pg_snapshot_xmax(s)::text::bigint, \
        (SELECT min(x::text::bigint) FROM pg_snapshot_xip(s) AS x \
          WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a \
            WHERE a.backend_xid::text::bigint = (x::text::bigint & 4294967295) \
              AND a.datname IS DISTINCT FROM current_database()))) AS h, \
        pg_current_xact_id_if_assigned()::text::bigint AS own \
      FROM snap)";

impl Tx for PgTx<'_> {
    fn insert_org(&mut self, org: &Org) -> StoreResult<()> {
        let (at, at_ns) = split(org.created_at);
        self.insert(
            &format!(
                "INSERT INTO orgs ({ORG_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT DO NOTHING"
            ),
            &[
                &org.id.0,
                &org.kind.as_str(),
                &org.name,
                &org.country,
                &org.benefit_active,
                &at,
                &at_ns,
            ],
            |_| Ok("org_id"),
        )
    }

    fn org(&mut self, id: OrgId) -> StoreResult<Option<Org>> {
        self.row(
            &format!("SELECT {ORG_COLS} FROM orgs WHERE id = $1"),
            &[&id.0],
        )?
        .as_ref()
        .map(org_row)
        .transpose()
    }

    fn orgs(&mut self, kind: OrgKind) -> StoreResult<Vec<Org>> {
        self.rows(
            &format!("SELECT {ORG_COLS} FROM orgs WHERE kind = $1 ORDER BY id"),
            &[&kind.as_str()],
        )?
        .iter()
        .map(org_row)
        .collect()
    }

    fn set_benefit_active(&mut self, customer: OrgId, active: bool) -> StoreResult<()> {
        self.exec(
            "UPDATE orgs SET benefit_active = $2 WHERE id = $1",
            &[&customer.0, &active],
        )
        .map(drop)
    }

    fn insert_location(&mut self, l: &Location) -> StoreResult<()> {
        self.insert(
            "INSERT INTO locations (id, partner_id, name, country, city) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &[&l.id.0, &l.partner_id.0, &l.name, &l.country, &l.city],
            |_| Ok("location_id"),
        )
    }

    fn location(&mut self, id: LocationId) -> StoreResult<Option<Location>> {
        self.row(
            &format!("SELECT {LOCATION_COLS} FROM locations WHERE id = $1"),
            &[&id.0],
        )?
        .as_ref()
        .map(location_row)
        .transpose()
    }

    fn locations(&mut self, partner: OrgId) -> StoreResult<Vec<Location>> {
        self.rows(
            &format!("SELECT {LOCATION_COLS} FROM locations WHERE partner_id = $1 ORDER BY id"),
            &[&partner.0],
        )?
        .iter()
        .map(location_row)
        .collect()
    }

    fn insert_user(&mut self, u: &User) -> StoreResult<()> {
        let (at, at_ns) = split(u.created_at);
        self.insert(
            &format!(
                "INSERT INTO users ({USER_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 ON CONFLICT DO NOTHING"
            ),
            &[
                &u.id.0,
                &u.org_id.0,
                &u.email,
                &u.name,
                &u.role.as_str(),
                &u.password_hash,
                &at,
                &at_ns,
            ],
            |tx| {
                Ok(
                    if tx.exists("SELECT 1 FROM users WHERE email = $1", &[&u.email])? {
                        "user_email"
                    } else {
                        "user_id"
                    },
                )
            },
        )
    }

    fn user(&mut self, id: UserId) -> StoreResult<Option<User>> {
        self.row(
            &format!("SELECT {USER_COLS} FROM users WHERE id = $1"),
            &[&id.0],
        )?
        .as_ref()
        .map(user_row)
        .transpose()
    }

    fn user_by_email(&mut self, email: &str) -> StoreResult<Option<User>> {
        self.row(
            &format!("SELECT {USER_COLS} FROM users WHERE email = $1"),
            &[&email],
        )?
        .as_ref()
        .map(user_row)
        .transpose()
    }

    fn users(&mut self, org: OrgId) -> StoreResult<Vec<User>> {
        self.rows(
            &format!("SELECT {USER_COLS} FROM users WHERE org_id = $1 ORDER BY id"),
            &[&org.0],
        )?
        .iter()
        .map(user_row)
        .collect()
    }

    fn insert_token(&mut self, hash: &str, user: UserId, at: Timestamp) -> StoreResult<()> {
        let (at, at_ns) = split(at);
        self.insert(
            "INSERT INTO api_tokens (hash, user_id, created_at, created_at_ns) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            &[&hash, &user.0, &at, &at_ns],
            |_| Ok("api_token"),
        )
    }

    fn delete_token(&mut self, hash: &str) -> StoreResult<()> {
        self.exec("DELETE FROM api_tokens WHERE hash = $1", &[&hash])
            .map(drop)
    }

    fn user_by_token(&mut self, hash: &str, issued_after: Timestamp) -> StoreResult<Option<User>> {
        let (after, _) = split(issued_after);
        self.row(
            &format!(
                "SELECT {USER_COLS_U} FROM api_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.hash = $1 AND t.created_at > $2"
            ),
            &[&hash, &after],
        )?
        .as_ref()
        .map(user_row)
        .transpose()
    }

    fn insert_agreement(&mut self, a: &Agreement) -> StoreResult<()> {
        let days = int(a.days.0, "an agreement of")?;
        let (at, at_ns) = split(a.created_at);
        self.insert(
            &format!(
                "INSERT INTO agreements ({AGREEMENT_COLS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING"
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
                &at_ns,
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
        let (at, at_ns) = split(e.at);
        let inserted = self.exec(
            "INSERT INTO ledger (id, agreement_id, at, delta, reason, voucher_id, event_id, at_ns) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
            &[
                &e.id.0,
                &e.agreement_id.0,
                &at,
                &e.delta,
                &e.reason.as_str(),
                &e.voucher_id.map(|v| v.0),
                &e.event_id.0,
                &at_ns,
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

    fn insert_voucher(&mut self, v: &Voucher) -> StoreResult<()> {
        let values = VoucherValues::of(v)?;
        self.insert(
            &format!(
                "INSERT INTO vouchers ({VOUCHER_COLS}) VALUES \
                 ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
                 $18, $19, $20, $21, $22, $23, $24) ON CONFLICT DO NOTHING"
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
             reserved_at_ns = $22, created_at_ns = $23, assigned_at_ns = $24 \
             WHERE id = $1 AND version = $25",
            &params,
        )?;
        if changed == 0 {
            return Err(StoreError::Stale);
        }
        Ok(())
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

    fn append_event(&mut self, e: &NewEvent) -> StoreResult<i64> {
        // seq = this transaction's id, then the event's rank in it (see the
        // migration): feed order is transaction order.
        let rank = self.events;
        if rank >= 1 << EVENT_RANK_BITS {
            return Err(StoreError::Backend(
                "too many events appended in one transaction".into(),
            ));
        }
        self.events += 1;
        let version = int(e.program_version, "program version")?;
        let (at, at_ns) = split(e.at);
        let row = self.row(
            &format!(
                "INSERT INTO events ({EVENT_COLS}) \
                 VALUES ((pg_current_xact_id()::text::bigint << {EVENT_RANK_BITS}) + $1, \
                 $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                 ON CONFLICT DO NOTHING RETURNING seq"
            ),
            &[
                &rank,
                &e.id.0,
                &at,
                &e.actor_id.map(|u| u.0),
                &e.kind,
                &e.payload,
                &e.voucher_id.map(|v| v.0),
                &e.customer_id.map(|o| o.0),
                &e.partner_id.map(|o| o.0),
                &version,
                &at_ns,
            ],
        )?;
        match row {
            Some(r) => get(&r, 0),
            None => Err(StoreError::Duplicate(
                if self.exists("SELECT 1 FROM events WHERE id = $1", &[&e.id.0])? {
                    "event_id"
                } else {
                    "event_seq"
                },
            )),
        }
    }

    fn events_after(&mut self, scope: Scope, after: i64, limit: u32) -> StoreResult<Vec<Event>> {
        let mut p = Params::default();
        let scope = event_scope(scope, &mut p);
        let sql = format!(
            "{HORIZON} SELECT {EVENT_COLS}, \
             COALESCE(seq < (horizon.h << {EVENT_RANK_BITS}) \
                      OR (seq >> {EVENT_RANK_BITS}) = horizon.own, FALSE) \
             FROM events, horizon WHERE {scope} AND seq > {} ORDER BY seq LIMIT {}",
            p.bind(after),
            p.bind(i64::from(limit)),
        );
        let rows = self.rows(&sql, &p.refs())?;
        let mut events = Vec::with_capacity(rows.len());
        for r in &rows {
            if !get::<bool>(r, 11)? {
                // A transaction older than this event's may still commit
                // events numbered below it: stop here. A read first tries a
                // later snapshot or two (such transactions are short); then,
                // like a write, it answers with the safe part.
                if !self.writable && self.attempt < FEED_ATTEMPTS {
                    self.retry = true;
                    return Err(StoreError::Retry);
                }
                break;
            }
            events.push(event_row(r)?);
        }
        Ok(events)
    }

    fn voucher_events(&mut self, voucher: VoucherId) -> StoreResult<Vec<Event>> {
        self.rows(
            &format!("SELECT {EVENT_COLS} FROM events WHERE voucher_id = $1 ORDER BY seq"),
            &[&voucher.0],
        )?
        .iter()
        .map(event_row)
        .collect()
    }

    fn program(&mut self) -> StoreResult<Option<serde_json::Value>> {
        self.row("SELECT body FROM program WHERE id = 1", &[])?
            .map(|r| get(&r, 0))
            .transpose()
    }

    fn put_program(&mut self, program: &serde_json::Value) -> StoreResult<()> {
        self.exec(
            "INSERT INTO program (id, body) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body",
            &[program],
        )
        .map(drop)
    }

    fn claim_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        request_hash: &str,
        at: Timestamp,
        stale_before: Timestamp,
    ) -> StoreResult<Option<IdempotentResponse>> {
        let (at, at_ns) = split(at);
        let (stale, _) = split(stale_before);
        let taken_over = self.exec(
            "UPDATE idempotency_keys SET request_hash = $3, created_at = $4, created_at_ns = $5, \
             body = ''::bytea \
             WHERE user_id = $1 AND key = $2 AND status IS NULL AND created_at < $6",
            &[&user.0, &key, &request_hash, &at, &at_ns, &stale],
        )?;
        if taken_over == 1 {
            return Ok(None);
        }
        // Between the insert that finds the key taken and the read of its
        // holder, the holder may release it: then claim again.
        for _ in 0..3 {
            let claimed = self.exec(
                "INSERT INTO idempotency_keys \
                 (user_id, key, request_hash, status, body, created_at, created_at_ns) \
                 VALUES ($1, $2, $3, NULL, ''::bytea, $4, $5) \
                 ON CONFLICT (user_id, key) DO NOTHING",
                &[&user.0, &key, &request_hash, &at, &at_ns],
            )?;
            if claimed == 1 {
                return Ok(None);
            }
            let held = self.row(
                "SELECT request_hash, status, body FROM idempotency_keys \
                 WHERE user_id = $1 AND key = $2",
                &[&user.0, &key],
            )?;
            if let Some(r) = held {
                let status = get::<Option<i32>>(&r, 1)?
                    .map(|s| u16::try_from(s).map_err(|_| corrupt(format_args!("status {s}"))))
                    .transpose()?;
                return Ok(Some(IdempotentResponse {
                    request_hash: get(&r, 0)?,
                    status,
                    body: get(&r, 2)?,
                }));
            }
        }
        self.retry = true;
        Err(StoreError::Retry)
    }

    fn purge_idempotency_keys(&mut self, before: Timestamp) -> StoreResult<u64> {
        let (before, _) = split(before);
        self.exec(
            "DELETE FROM idempotency_keys WHERE status IS NOT NULL AND created_at < $1",
            &[&before],
        )
    }

    fn complete_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        status: u16,
        body: &[u8],
    ) -> StoreResult<()> {
        self.exec(
            "UPDATE idempotency_keys SET status = $3, body = $4 WHERE user_id = $1 AND key = $2",
            &[&user.0, &key, &i32::from(status), &body],
        )
        .map(drop)
    }

    fn release_idempotency_key(&mut self, user: UserId, key: &str) -> StoreResult<()> {
        self.exec(
            "DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2",
            &[&user.0, &key],
        )
        .map(drop)
    }

    fn enqueue_mail(&mut self, m: &OutgoingMail) -> StoreResult<()> {
        let attempts = int(m.attempts, "mail attempts")?;
        let (at, at_ns) = split(m.created_at);
        self.insert(
            &format!(
                "INSERT INTO outbox ({MAIL_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT DO NOTHING"
            ),
            &[&m.id, &m.to, &m.subject, &m.body, &at, &attempts, &at_ns],
            |_| Ok("mail_id"),
        )
    }

    fn pending_mail(&mut self, limit: u32) -> StoreResult<Vec<OutgoingMail>> {
        // In a write, each node claims its own mails until it commits.
        let lock = if self.writable {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        self.rows(
            &format!(
                "SELECT {MAIL_COLS} FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                 ORDER BY created_at, created_at_ns, id LIMIT $1{lock}"
            ),
            &[&i64::from(limit)],
        )?
        .iter()
        .map(mail_row)
        .collect()
    }

    fn lease_mail(
        &mut self,
        now: Timestamp,
        until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<OutgoingMail>> {
        let (now, _) = split(now);
        let (until, _) = split(until);
        let mut mails = self
            .rows(
                &format!(
                    "UPDATE outbox SET leased_until = $2 WHERE id IN ( \
                     SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                     AND (leased_until IS NULL OR leased_until < $1) \
                     ORDER BY created_at, created_at_ns, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
                     RETURNING {MAIL_COLS}"
                ),
                &[&now, &until, &i64::from(limit)],
            )?
            .iter()
            .map(mail_row)
            .collect::<StoreResult<Vec<_>>>()?;
        mails.sort_by_key(|m| (m.created_at, m.id));
        Ok(mails)
    }

    fn mark_mail_sent(&mut self, id: Uuid, at: Timestamp) -> StoreResult<()> {
        let (at, at_ns) = split(at);
        self.exec(
            "UPDATE outbox SET sent_at = $2, sent_at_ns = $3 WHERE id = $1",
            &[&id, &at, &at_ns],
        )
        .map(drop)
    }

    fn mark_mail_failed(&mut self, id: Uuid) -> StoreResult<()> {
        self.exec(
            "UPDATE outbox SET attempts = attempts + 1, leased_until = NULL WHERE id = $1",
            &[&id],
        )
        .map(drop)
    }
}
