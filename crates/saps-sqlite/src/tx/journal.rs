//! The journal of events.

use super::*;
use jiff::Timestamp;
use saps_core::chain::{ChainHead, ChainedEvent, GENESIS, JournalFilter, Sealer, Verification};
use saps_core::port::Journal;
use saps_core::{Event, NewEvent, Scope, VoucherId};

const EVENT_COLS: &str =
    "seq, id, at, actor_id, kind, payload, voucher_id, customer_id, partner_id, program_version";

/// An optional id's text: `None` when there was none.
fn nonempty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

const INSERT_EVENT: &str = "INSERT INTO events \
     (seq, id, at, actor_id, kind, payload, voucher_id, customer_id, partner_id, program_version, \
     prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

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

impl Journal for SqliteTx<'_> {
    fn append_event(&mut self, e: &NewEvent) -> StoreResult<i64> {
        append_sealed(self.conn, std::slice::from_ref(e))
    }

    fn append_events(&mut self, events: &[NewEvent]) -> StoreResult<()> {
        append_sealed(self.conn, events).map(drop)
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

    fn seal_events(&mut self, limit: u32) -> StoreResult<u32> {
        seal_with(self.conn, limit)
    }

    fn chain_head(&mut self) -> StoreResult<Option<ChainHead>> {
        chain_head(self.conn)
    }

    fn chained_events(&mut self, after: i64, limit: u32) -> StoreResult<Vec<ChainedEvent>> {
        self.all(
            &format!(
                "SELECT {EVENT_COLS}, prev_hash, hash FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2"
            ),
            params![after, limit],
            chained_row,
        )
    }

    fn event_count(&mut self) -> StoreResult<u64> {
        let n: i64 = self
            .one("SELECT count(*) FROM events", [], |r| r.get(0))?
            .unwrap_or(0);
        Ok(n.unsigned_abs())
    }

    fn event_totals_after(
        &mut self,
        after: i64,
        kind: &str,
        field: &str,
    ) -> StoreResult<(u64, i64)> {
        let totals = |r: &Row<'_>| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?));
        let (n, sum) = if field.is_empty() {
            self.one(
                "SELECT count(*), 0 FROM events WHERE kind = ?1 AND seq > ?2",
                params![kind, after],
                totals,
            )?
        } else {
            let path = format!("$.\"{}\"", field.replace('"', ""));
            self.one(
                "SELECT count(*), coalesce(sum(CASE json_type(payload, ?3) \
                 WHEN 'integer' THEN json_extract(payload, ?3) WHEN 'true' THEN 1 ELSE 0 END), 0) \
                 FROM events WHERE kind = ?1 AND seq > ?2",
                params![kind, after, path],
                totals,
            )?
        }
        .unwrap_or((0, 0));
        Ok((n.unsigned_abs(), sum))
    }

    fn browse_events(&mut self, f: &JournalFilter) -> StoreResult<Vec<Event>> {
        let mut conds = vec!["1 = 1".to_owned()];
        let mut params: Vec<Value> = Vec::new();
        if let Some(kind) = &f.kind {
            conds.push("kind = ?".into());
            params.push(Value::Text(kind.clone()));
        }
        if let Some(org) = f.org {
            conds.push("(customer_id = ? OR partner_id = ?)".into());
            params.push(text(org));
            params.push(text(org));
        }
        if let Some(v) = f.voucher {
            conds.push("voucher_id = ?".into());
            params.push(text(v));
        }
        if let Some(from) = f.from {
            conds.push("at >= ?".into());
            params.push(Value::Text(timestamp(from)));
        }
        if let Some(until) = f.until {
            conds.push("at < ?".into());
            params.push(Value::Text(timestamp(until)));
        }
        if let Some(before) = f.before {
            conds.push("seq < ?".into());
            params.push(Value::Integer(before));
        }
        params.push(Value::Integer(f.limit.into()));
        let sql = format!(
            "SELECT {EVENT_COLS} FROM events WHERE {} ORDER BY seq DESC LIMIT ?",
            conds.join(" AND ")
        );
        self.all(&sql, rusqlite::params_from_iter(params.iter()), event_row)
    }

    fn start_verification(
        &mut self,
        v: &Verification,
        stale_before: Timestamp,
    ) -> StoreResult<bool> {
        let n = self.exec(
            "INSERT INTO audit_verifications (id, started_at) \
             SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM audit_verifications \
             WHERE finished_at IS NULL AND started_at > ?3)",
            params![
                v.id.to_string(),
                timestamp(v.started_at),
                timestamp(stale_before)
            ],
        )?;
        Ok(n == 1)
    }

    fn finish_verification(&mut self, v: &Verification) -> StoreResult<()> {
        self.exec(
            "UPDATE audit_verifications SET finished_at = ?2, ok = ?3, sealed = ?4, unsealed = ?5, \
             head_seq = ?6, head_hash = ?7, message = ?8 WHERE id = ?1",
            params![
                v.id.to_string(),
                v.finished_at.map(timestamp),
                v.ok,
                i64::try_from(v.sealed).unwrap_or(i64::MAX),
                i64::try_from(v.unsealed).unwrap_or(i64::MAX),
                v.head.as_ref().map(|h| h.seq),
                v.head.as_ref().map(|h| h.hash.clone()),
                v.message,
            ],
        )
        .map(drop)
    }

    fn last_verification(&mut self) -> StoreResult<Option<Verification>> {
        self.one(
            "SELECT id, started_at, finished_at, ok, sealed, unsealed, head_seq, head_hash, message \
             FROM audit_verifications ORDER BY started_at DESC, id DESC LIMIT 1",
            [],
            |r| {
                let head_seq: Option<i64> = r.get(6)?;
                let head_hash: Option<String> = r.get(7)?;
                Ok(Verification {
                    id: col(r, 0)?,
                    started_at: col(r, 1)?,
                    finished_at: opt_col(r, 2)?,
                    ok: r.get(3)?,
                    sealed: r.get::<_, i64>(4)?.unsigned_abs(),
                    unsealed: r.get::<_, i64>(5)?.unsigned_abs(),
                    head: head_seq.zip(head_hash).map(|(seq, hash)| ChainHead { seq, hash }),
                    message: r.get(8)?,
                })
            },
        )
    }
}

fn chained_row(r: &Row<'_>) -> rusqlite::Result<ChainedEvent> {
    Ok(ChainedEvent {
        event: event_row(r)?,
        prev_hash: r.get(10)?,
        hash: r.get(11)?,
    })
}

/// The last sealed event.
fn chain_head(conn: &Connection) -> StoreResult<Option<ChainHead>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT seq, hash FROM events WHERE hash IS NOT NULL ORDER BY seq DESC LIMIT 1",
        )
        .map_err(db_error)?;
    stmt.query_row([], |r| {
        Ok(ChainHead {
            seq: r.get(0)?,
            hash: r.get(1)?,
        })
    })
    .optional()
    .map_err(db_error)
}

/// Appends `events` sealed as they are written, in the caller's transaction
/// (SQLite has one writer, so nothing can come between): each is given the
/// next `seq` and hashed after its predecessor, so an append is one insert
/// per event, not an insert, a read back and an update. Events left unsealed
/// after the last sealed one (none, unless written by an older saps) are
/// sealed first. Returns the last event's `seq`.
fn append_sealed(conn: &Connection, events: &[NewEvent]) -> StoreResult<i64> {
    let (last, used): (i64, i64) = conn
        .prepare_cached(
            "SELECT coalesce((SELECT max(seq) FROM events), 0), \
             coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)",
        )
        .and_then(|mut stmt| stmt.query_row([], |r| Ok((r.get(0)?, r.get(1)?))))
        .map_err(db_error)?;
    let mut head = chain_head(conn)?;
    if last != head.as_ref().map_or(0, |h| h.seq) {
        seal_with(conn, u32::MAX)?;
        head = chain_head(conn)?;
    }
    let mut prev = head.map_or_else(|| GENESIS.to_owned(), |h| h.hash);
    // The next `seq` AUTOINCREMENT would give: never one used before, even
    // by an event since deleted.
    let mut seq = last.max(used);
    let mut stmt = conn.prepare_cached(INSERT_EVENT).map_err(db_error)?;
    let mut sealer = Sealer::default();
    let (mut texts, mut more) = (Texts::default(), Texts::default());
    for e in events {
        seq += 1;
        // The payload is kept as the hash covers it: encoded once.
        let (hash, payload) = sealer
            .hash_new(e, seq, &prev)
            .map_err(|err| StoreError::Backend(format!("event payload: {err}")))?;
        let f = texts.format(
            [
                Some(e.id.0),
                e.actor_id.map(|u| u.0),
                e.voucher_id.map(|v| v.0),
            ],
            None,
            e.at,
        );
        let g = more.format(
            [e.customer_id.map(|o| o.0), e.partner_id.map(|o| o.0), None],
            None,
            e.at,
        );
        stmt.execute(params![
            seq,
            f.ids[0],
            f.at,
            nonempty(f.ids[1]),
            e.kind,
            payload,
            nonempty(f.ids[2]),
            nonempty(g.ids[0]),
            nonempty(g.ids[1]),
            e.program_version,
            prev,
            hash,
        ])
        .map_err(db_error)?;
        prev = hash;
    }
    Ok(seq)
}

/// Seals up to `limit` unsealed events after the last sealed one, in `seq`
/// order, inside the caller's transaction: the append path (every event as
/// it is written) and, right after migrating, the events written before the
/// journal was chained. An unsealed event below the last sealed one was not
/// written by saps: it stays unsealed, for the verification to name.
pub(crate) fn seal_with(conn: &Connection, limit: u32) -> StoreResult<u32> {
    let head = chain_head(conn)?;
    let (after, mut prev) = match head {
        Some(h) => (h.seq, h.hash),
        None => (i64::MIN, GENESIS.to_owned()),
    };
    let mut sealer = Sealer::default();
    let mut sealed = 0u32;
    let mut select = conn
        .prepare_cached(&format!(
            "SELECT {EVENT_COLS} FROM events WHERE hash IS NULL AND seq > ?1 ORDER BY seq LIMIT ?2"
        ))
        .map_err(db_error)?;
    let mut update = conn
        .prepare_cached("UPDATE events SET prev_hash = ?2, hash = ?3 WHERE seq = ?1")
        .map_err(db_error)?;
    let mut cursor = after;
    while sealed < limit {
        let chunk = (limit - sealed).min(10_000);
        let events = select
            .query_map(params![cursor, chunk], event_row)
            .map_err(db_error)?
            .collect::<rusqlite::Result<Vec<Event>>>()
            .map_err(db_error)?;
        let Some(last) = events.last() else { break };
        cursor = last.seq;
        for e in &events {
            let hash = sealer.hash(e, &prev);
            update
                .execute(params![e.seq, prev, hash])
                .map_err(db_error)?;
            prev = hash;
            sealed += 1;
        }
        if events.len() < chunk as usize {
            break;
        }
    }
    Ok(sealed)
}

/// Seals every event written before the journal was chained: once, right
/// after migrating (it finds nothing to do on later starts).
pub(crate) fn seal_existing(conn: &Connection) -> StoreResult<u64> {
    let mut total = 0u64;
    loop {
        conn.execute_batch("BEGIN IMMEDIATE").map_err(db_error)?;
        let step = seal_with(conn, 100_000);
        let end = if step.is_ok() { "COMMIT" } else { "ROLLBACK" };
        let ended = conn.execute_batch(end).map_err(db_error);
        let n = step?;
        ended?;
        total += u64::from(n);
        if n < 100_000 {
            break;
        }
    }
    if total > 0 {
        tracing::info!(events = total, "sealed the journal's earlier events");
    }
    Ok(total)
}
