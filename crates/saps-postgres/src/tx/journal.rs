//! The journal of events: see the migration for how `seq` is numbered so
//! that a reader's cursor never steps over an event that commits later.

use super::*;
use crate::micros;
use saps_core::port::Journal;
use saps_core::{Event, EventId, NewEvent, OrgId, Scope, UserId, VoucherId};

/// Events one transaction may append: the low bits of `events.seq`.
const EVENT_RANK_BITS: u32 = 20;

/// Attempts a read makes at a later snapshot when the journal feed has to
/// hold events back (a few milliseconds: writing transactions are short);
/// after that it answers with the events that are safe to hand out.
const FEED_ATTEMPTS: u32 = 3;

const EVENT_COLS: &str = "seq, id, at, actor_id, kind, payload, voucher_id, customer_id, \
    partner_id, program_version";

fn event_row(r: &Row) -> StoreResult<Event> {
    Ok(Event {
        seq: get(r, 0)?,
        id: EventId(get(r, 1)?),
        at: get(r, 2)?,
        actor_id: get::<Option<Uuid>>(r, 3)?.map(UserId),
        kind: get(r, 4)?,
        payload: get(r, 5)?,
        voucher_id: get::<Option<Uuid>>(r, 6)?.map(VoucherId),
        customer_id: get::<Option<Uuid>>(r, 7)?.map(OrgId),
        partner_id: get::<Option<Uuid>>(r, 8)?.map(OrgId),
        program_version: u32_col(r, 9)?,
    })
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

impl Journal for PgTx<'_> {
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
        let at = micros(e.at);
        let row = self.row(
            &format!(
                "INSERT INTO events ({EVENT_COLS}) \
                 VALUES ((pg_current_xact_id()::text::bigint << {EVENT_RANK_BITS}) + $1, \
                 $2, $3, $4, $5, $6, $7, $8, $9, $10) \
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

    fn append_events(&mut self, events: &[NewEvent]) -> StoreResult<()> {
        // The same numbering as append_event, one statement per chunk.
        for chunk in events.chunks(5_000) {
            let first = self.events;
            if first + chunk.len() as i64 > 1 << EVENT_RANK_BITS {
                return Err(StoreError::Backend(
                    "too many events appended in one transaction".into(),
                ));
            }
            self.events += chunk.len() as i64;
            let ranks: Vec<i64> = (first..self.events).collect();
            let ids: Vec<Uuid> = chunk.iter().map(|e| e.id.0).collect();
            let at: Vec<jiff::Timestamp> = chunk.iter().map(|e| micros(e.at)).collect();
            let actors: Vec<Option<Uuid>> = chunk.iter().map(|e| e.actor_id.map(|u| u.0)).collect();
            let kinds: Vec<&str> = chunk.iter().map(|e| e.kind.as_str()).collect();
            let payloads: Vec<&serde_json::Value> = chunk.iter().map(|e| &e.payload).collect();
            let vouchers: Vec<Option<Uuid>> =
                chunk.iter().map(|e| e.voucher_id.map(|v| v.0)).collect();
            let customers: Vec<Option<Uuid>> =
                chunk.iter().map(|e| e.customer_id.map(|o| o.0)).collect();
            let partners: Vec<Option<Uuid>> =
                chunk.iter().map(|e| e.partner_id.map(|o| o.0)).collect();
            let versions = chunk
                .iter()
                .map(|e| int(e.program_version, "program version"))
                .collect::<StoreResult<Vec<i32>>>()?;
            let n = self.exec(
                &format!(
                    "INSERT INTO events ({EVENT_COLS}) \
                     SELECT (pg_current_xact_id()::text::bigint << {EVENT_RANK_BITS}) + r, \
                     id, at, actor_id, kind, payload, voucher_id, customer_id, partner_id, v \
                     FROM UNNEST($1::bigint[], $2::uuid[], $3::timestamptz[], $4::uuid[], \
                     $5::text[], $6::jsonb[], $7::uuid[], $8::uuid[], $9::uuid[], $10::int[]) \
                     AS u (r, id, at, actor_id, kind, payload, voucher_id, customer_id, \
                     partner_id, v) ON CONFLICT DO NOTHING"
                ),
                &[
                    &ranks, &ids, &at, &actors, &kinds, &payloads, &vouchers, &customers,
                    &partners, &versions,
                ],
            )?;
            if n != chunk.len() as u64 {
                return Err(StoreError::Duplicate("event_id"));
            }
        }
        Ok(())
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
            if !get::<bool>(r, 10)? {
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
}
