//! The journal of events: see the migration for how `seq` is numbered so
//! that a reader's cursor never steps over an event that commits later.

use super::*;
use crate::micros;
use postgres::GenericClient;
use saps_core::chain::{ChainHead, ChainedEvent, GENESIS, JournalFilter, Sealer, Verification};
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

    fn seal_events(&mut self, limit: u32) -> StoreResult<u32> {
        match seal_with(&mut self.conn.client, limit) {
            Ok(n) => Ok(n),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn chain_head(&mut self) -> StoreResult<Option<ChainHead>> {
        let row = self.row(
            "SELECT seq, hash FROM journal_seal WHERE id = 1 AND seq IS NOT NULL AND hash IS NOT NULL",
            &[],
        )?;
        row.map(|r| {
            Ok(ChainHead {
                seq: get(&r, 0)?,
                hash: get(&r, 1)?,
            })
        })
        .transpose()
    }

    fn chained_events(&mut self, after: i64, limit: u32) -> StoreResult<Vec<ChainedEvent>> {
        self.rows(
            &format!(
                "SELECT {EVENT_COLS}, prev_hash, hash FROM events WHERE seq > $1 ORDER BY seq LIMIT $2"
            ),
            &[&after, &i64::from(limit)],
        )?
        .iter()
        .map(chained_row)
        .collect()
    }

    fn event_count(&mut self) -> StoreResult<u64> {
        let row = self.row("SELECT count(*) FROM events", &[])?;
        let n: i64 = match row {
            Some(r) => get(&r, 0)?,
            None => 0,
        };
        Ok(n.unsigned_abs())
    }

    fn event_totals_after(
        &mut self,
        after: i64,
        kind: &str,
        field: &str,
    ) -> StoreResult<(u64, i64)> {
        let row = self.row(
            "SELECT count(*), coalesce(sum(CASE \
             WHEN jsonb_typeof(payload -> $3) = 'number' AND (payload ->> $3) ~ '^-?[0-9]+$' \
             THEN (payload ->> $3)::bigint \
             WHEN payload -> $3 = 'true'::jsonb THEN 1 ELSE 0 END), 0)::bigint \
             FROM events WHERE kind = $1 AND seq > $2",
            &[&kind, &after, &field],
        )?;
        let (n, sum): (i64, i64) = match row {
            Some(r) => (get(&r, 0)?, get(&r, 1)?),
            None => (0, 0),
        };
        Ok((n.unsigned_abs(), sum))
    }

    fn browse_events(&mut self, f: &JournalFilter) -> StoreResult<Vec<Event>> {
        let mut p = Params::default();
        let mut conds = vec!["TRUE".to_owned()];
        if let Some(kind) = &f.kind {
            conds.push(format!("kind = {}", p.bind(kind.clone())));
        }
        if let Some(org) = f.org {
            let o = p.bind(org.0);
            conds.push(format!("(customer_id = {o} OR partner_id = {o})"));
        }
        if let Some(v) = f.voucher {
            conds.push(format!("voucher_id = {}", p.bind(v.0)));
        }
        if let Some(from) = f.from {
            conds.push(format!("at >= {}", p.bind(micros(from))));
        }
        if let Some(until) = f.until {
            conds.push(format!("at < {}", p.bind(micros(until))));
        }
        if let Some(before) = f.before {
            conds.push(format!("seq < {}", p.bind(before)));
        }
        let sql = format!(
            "SELECT {EVENT_COLS} FROM events WHERE {} ORDER BY seq DESC LIMIT {}",
            conds.join(" AND "),
            p.bind(i64::from(f.limit))
        );
        self.rows(&sql, &p.refs())?.iter().map(event_row).collect()
    }

    fn start_verification(
        &mut self,
        v: &Verification,
        stale_before: jiff::Timestamp,
    ) -> StoreResult<bool> {
        let n = self.exec(
            "INSERT INTO audit_verifications (id, started_at) \
             SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM audit_verifications \
             WHERE finished_at IS NULL AND started_at > $3)",
            &[&v.id, &micros(v.started_at), &micros(stale_before)],
        )?;
        Ok(n == 1)
    }

    fn finish_verification(&mut self, v: &Verification) -> StoreResult<()> {
        let sealed = i64::try_from(v.sealed).unwrap_or(i64::MAX);
        let unsealed = i64::try_from(v.unsealed).unwrap_or(i64::MAX);
        self.exec(
            "UPDATE audit_verifications SET finished_at = $2, ok = $3, sealed = $4, unsealed = $5, \
             head_seq = $6, head_hash = $7, message = $8 WHERE id = $1",
            &[
                &v.id,
                &v.finished_at.map(micros),
                &v.ok,
                &sealed,
                &unsealed,
                &v.head.as_ref().map(|h| h.seq),
                &v.head.as_ref().map(|h| h.hash.as_str()),
                &v.message,
            ],
        )
        .map(drop)
    }

    fn last_verification(&mut self) -> StoreResult<Option<Verification>> {
        let row = self.row(
            "SELECT id, started_at, finished_at, ok, sealed, unsealed, head_seq, head_hash, message \
             FROM audit_verifications ORDER BY started_at DESC, id DESC LIMIT 1",
            &[],
        )?;
        row.map(|r| {
            let head_seq: Option<i64> = get(&r, 6)?;
            let head_hash: Option<String> = get(&r, 7)?;
            Ok(Verification {
                id: get(&r, 0)?,
                started_at: get(&r, 1)?,
                finished_at: get(&r, 2)?,
                ok: get(&r, 3)?,
                sealed: get::<i64>(&r, 4)?.unsigned_abs(),
                unsealed: get::<i64>(&r, 5)?.unsigned_abs(),
                head: head_seq
                    .zip(head_hash)
                    .map(|(seq, hash)| ChainHead { seq, hash }),
                message: get(&r, 8)?,
            })
        })
        .transpose()
    }
}

fn chained_row(r: &Row) -> StoreResult<ChainedEvent> {
    Ok(ChainedEvent {
        event: event_row(r)?,
        prev_hash: get(r, 10)?,
        hash: get(r, 11)?,
    })
}

/// Seals up to `limit` unsealed events after the sealer's position, in `seq`
/// order, inside the caller's transaction, holding the one row of
/// `journal_seal` (only sealers lock it: writers never wait). Only events
/// below the horizon are sealed: every transaction that could still commit
/// an event numbered lower has ended, so nothing can appear later below
/// the sealed head.
pub(crate) fn seal_with(
    client: &mut impl GenericClient,
    limit: u32,
) -> Result<u32, postgres::Error> {
    let Some(pos) = client.query_opt(
        "SELECT seq, hash FROM journal_seal WHERE id = 1 FOR UPDATE",
        &[],
    )?
    else {
        return Ok(0);
    };
    let (mut after, mut prev) = match (
        pos.get::<_, Option<i64>>(0),
        pos.get::<_, Option<String>>(1),
    ) {
        (Some(seq), Some(hash)) => (seq, hash),
        _ => (i64::MIN, GENESIS.to_owned()),
    };
    let select = client.prepare(&format!(
        "{HORIZON} SELECT {EVENT_COLS} FROM events, horizon \
         WHERE hash IS NULL AND seq > $1 AND seq < (horizon.h << {EVENT_RANK_BITS}) \
         ORDER BY seq LIMIT $2"
    ))?;
    let mut sealer = Sealer::default();
    let mut sealed = 0u32;
    while sealed < limit {
        let chunk = (limit - sealed).min(5_000);
        let rows = client.query(&select, &[&after, &i64::from(chunk)])?;
        if rows.is_empty() {
            break;
        }
        let mut seqs = Vec::with_capacity(rows.len());
        let mut prevs = Vec::with_capacity(rows.len());
        let mut hashes = Vec::with_capacity(rows.len());
        for r in &rows {
            // A row that does not read is left unsealed (and everything
            // after it): the verification names it.
            let Ok(e) = event_row(r) else { break };
            let hash = sealer.hash(&e, &prev);
            seqs.push(e.seq);
            prevs.push(std::mem::replace(&mut prev, hash.clone()));
            hashes.push(hash);
            after = e.seq;
        }
        if seqs.is_empty() {
            break;
        }
        client.execute(
            "UPDATE events e SET prev_hash = u.p, hash = u.h \
             FROM UNNEST($1::bigint[], $2::text[], $3::text[]) AS u (seq, p, h) WHERE e.seq = u.seq",
            &[&seqs, &prevs, &hashes],
        )?;
        sealed += seqs.len() as u32;
        if rows.len() < chunk as usize || seqs.len() < rows.len() {
            break;
        }
    }
    if sealed > 0 {
        client.execute(
            "UPDATE journal_seal SET seq = $1, hash = $2 WHERE id = 1",
            &[&after, &prev],
        )?;
    }
    Ok(sealed)
}

/// Seals every event written before the journal was chained (and any the
/// sealer has not reached): right after migrating, under the migration lock.
pub(crate) fn seal_existing(client: &mut postgres::Client) -> StoreResult<()> {
    let mut total = 0u64;
    loop {
        let mut tx = client.transaction().map_err(db_error)?;
        let n = seal_with(&mut tx, 50_000).map_err(db_error)?;
        tx.commit().map_err(db_error)?;
        total += u64::from(n);
        if n < 50_000 {
            break;
        }
    }
    if total > 0 {
        tracing::info!(events = total, "sealed the journal's earlier events");
    }
    if total >= crate::TIDY_AFTER_SEALING {
        // Outside any transaction: the sealing ones are committed.
        client
            .batch_execute("VACUUM (ANALYZE) events")
            .map_err(db_error)?;
    }
    Ok(())
}
