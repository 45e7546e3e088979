//! The journal of events.

use super::*;
use saps_core::port::Journal;
use saps_core::{Event, NewEvent, Scope, VoucherId};

const EVENT_COLS: &str =
    "seq, id, at, actor_id, kind, payload, voucher_id, customer_id, partner_id, program_version";

/// An optional id's text: `None` when there was none.
fn nonempty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

const INSERT_EVENT: &str = "INSERT INTO events \
     (id, at, actor_id, kind, payload, voucher_id, customer_id, partner_id, program_version) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

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

    fn append_events(&mut self, events: &[NewEvent]) -> StoreResult<()> {
        let mut stmt = self.conn.prepare_cached(INSERT_EVENT).map_err(db_error)?;
        let mut payload = Vec::with_capacity(256);
        let (mut texts, mut more) = (Texts::default(), Texts::default());
        for e in events {
            payload.clear();
            serde_json::to_writer(&mut payload, &e.payload)
                .map_err(|err| StoreError::Backend(format!("event payload: {err}")))?;
            let payload = std::str::from_utf8(&payload)
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
                f.ids[0],
                f.at,
                nonempty(f.ids[1]),
                e.kind,
                payload,
                nonempty(f.ids[2]),
                nonempty(g.ids[0]),
                nonempty(g.ids[1]),
                e.program_version,
            ])
            .map_err(db_error)?;
        }
        Ok(())
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
}
