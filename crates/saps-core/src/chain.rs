//! The tamper-evident journal: every event is sealed with the hash of its
//! predecessor and its own SHA-256 hash over a canonical encoding of
//! everything it records, so that editing, inserting, deleting or reordering
//! an event breaks the chain, and a head recorded earlier catches a
//! truncated journal. Pure: the stores seal, [`Verifier`] checks.
//!
//! The canonical encoding is a JSON object with its keys sorted, no spaces,
//! and every nested object of the payload with its keys sorted too:
//! `actor_id`, `at` (RFC 3339 UTC with six fractional digits, the precision
//! both stores keep), `customer_id`, `id`, `kind`, `partner_id`, `payload`,
//! `prev_hash`, `program_version`, `seq`, `voucher_id`. The hash is written
//! as 64 lowercase hexadecimal digits; the first event's predecessor is
//! [`GENESIS`].

use crate::event::EventBody;
use crate::ids::{AgreementId, OrgId, VoucherId};
use crate::journal::{Event, NewEvent};
use jiff::Timestamp;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;

pub mod claims;
pub use claims::{DerivedClaim, DerivedClaims};

/// The predecessor of the first event: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A stored event with its seal: `None` while it is not sealed yet (on
/// PostgreSQL the sealer works behind the writers, in `seq` order).
#[derive(Clone, Debug, PartialEq)]
pub struct ChainedEvent {
    pub event: Event,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

/// The last sealed event: what an auditor records and later gives back to
/// `saps audit verify --head SEQ:HASH`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainHead {
    pub seq: i64,
    pub hash: String,
}

impl fmt::Display for ChainHead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)
    }
}

impl std::str::FromStr for ChainHead {
    type Err = String;

    /// `SEQ:HASH`, the hash as 64 hexadecimal digits.
    fn from_str(s: &str) -> Result<Self, String> {
        let (seq, hash) = s
            .trim()
            .split_once(':')
            .ok_or_else(|| format!("{s:?} is not SEQ:HASH"))?;
        let seq: i64 = seq.parse().map_err(|_| {
            format!("{seq:?} is not a sequence number (in {s:?}, expected SEQ:HASH)")
        })?;
        let hash = hash.to_ascii_lowercase();
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "{hash:?} is not a hash: expected 64 hexadecimal digits (in {s:?}, expected SEQ:HASH)"
            ));
        }
        Ok(Self { seq, hash })
    }
}

/// Writes the canonical encoding of `event` chained after `prev_hash` into
/// `out` (cleared first).
pub fn canonical(event: &Event, prev_hash: &str, out: &mut Vec<u8>) {
    Fields::of(event).write(prev_hash, out);
}

/// What the canonical encoding covers, borrowed: from a stored [`Event`], or
/// from a [`NewEvent`] about to be stored with its `seq`.
struct Fields<'a> {
    seq: i64,
    id: uuid::Uuid,
    at: Timestamp,
    actor_id: Option<uuid::Uuid>,
    kind: &'a str,
    payload: &'a Value,
    voucher_id: Option<uuid::Uuid>,
    customer_id: Option<uuid::Uuid>,
    partner_id: Option<uuid::Uuid>,
    program_version: u32,
}

impl<'a> Fields<'a> {
    fn of(e: &'a Event) -> Self {
        Self {
            seq: e.seq,
            id: e.id.0,
            at: e.at,
            actor_id: e.actor_id.map(|u| u.0),
            kind: &e.kind,
            payload: &e.payload,
            voucher_id: e.voucher_id.map(|v| v.0),
            customer_id: e.customer_id.map(|o| o.0),
            partner_id: e.partner_id.map(|o| o.0),
            program_version: e.program_version,
        }
    }

    fn of_new(e: &'a NewEvent, seq: i64) -> Self {
        Self {
            seq,
            id: e.id.0,
            at: e.at,
            actor_id: e.actor_id.map(|u| u.0),
            kind: &e.kind,
            payload: &e.payload,
            voucher_id: e.voucher_id.map(|v| v.0),
            customer_id: e.customer_id.map(|o| o.0),
            partner_id: e.partner_id.map(|o| o.0),
            program_version: e.program_version,
        }
    }

    /// Returns where the payload's encoding is in `out`.
    fn write(&self, prev_hash: &str, out: &mut Vec<u8>) -> (usize, usize) {
        use std::io::Write as _;
        out.clear();
        out.extend_from_slice(b"{\"actor_id\":");
        opt_id(out, self.actor_id);
        out.extend_from_slice(b",\"at\":\"");
        // The precision both stores keep: whole microseconds, rounded down.
        let _ = write!(out, "{:.6}", stored_instant(self.at));
        out.extend_from_slice(b"\",\"customer_id\":");
        opt_id(out, self.customer_id);
        out.extend_from_slice(b",\"id\":");
        opt_id(out, Some(self.id));
        out.extend_from_slice(b",\"kind\":");
        string(out, self.kind);
        out.extend_from_slice(b",\"partner_id\":");
        opt_id(out, self.partner_id);
        out.extend_from_slice(b",\"payload\":");
        let start = out.len();
        value(out, self.payload);
        let end = out.len();
        out.extend_from_slice(b",\"prev_hash\":");
        string(out, prev_hash);
        out.extend_from_slice(b",\"program_version\":");
        let _ = write!(out, "{}", self.program_version);
        out.extend_from_slice(b",\"seq\":");
        let _ = write!(out, "{}", self.seq);
        out.extend_from_slice(b",\"voucher_id\":");
        opt_id(out, self.voucher_id);
        out.push(b'}');
        (start, end)
    }
}

/// An instant as both stores keep it: whole microseconds, rounded down.
pub fn stored_instant(t: Timestamp) -> Timestamp {
    t.round(
        jiff::TimestampRound::new()
            .smallest(jiff::Unit::Microsecond)
            .mode(jiff::RoundMode::Floor),
    )
    .unwrap_or(t)
}

fn opt_id(out: &mut Vec<u8>, id: Option<uuid::Uuid>) {
    match id {
        Some(u) => {
            let mut buf = [0u8; 36];
            out.push(b'"');
            out.extend_from_slice(u.hyphenated().encode_lower(&mut buf).as_bytes());
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    }
}

fn string(out: &mut Vec<u8>, s: &str) {
    // Writing a string into a vector cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

/// A JSON value with every object's keys sorted, whatever order the map
/// keeps them in.
fn value(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Object(map) => {
            let entry = |out: &mut Vec<u8>, i: usize, k: &str, v: &Value| {
                if i > 0 {
                    out.push(b',');
                }
                string(out, k);
                out.push(b':');
                value(out, v);
            };
            out.push(b'{');
            // A map that keeps its keys sorted (serde_json's default) is
            // written as it is; one that keeps them as inserted, sorted.
            if map.keys().is_sorted() {
                for (i, (k, v)) in map.iter().enumerate() {
                    entry(out, i, k, v);
                }
            } else {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort_unstable();
                for (i, k) in keys.into_iter().enumerate() {
                    entry(out, i, k, &map[k]);
                }
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                value(out, item);
            }
            out.push(b']');
        }
        other => {
            let _ = serde_json::to_writer(&mut *out, other);
        }
    }
}

/// Lowercase hexadecimal.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// Hashes events one after another, reusing one buffer.
#[derive(Default)]
pub struct Sealer {
    buf: Vec<u8>,
}

impl Sealer {
    /// The hash of `event` chained after `prev_hash`.
    pub fn hash(&mut self, event: &Event, prev_hash: &str) -> String {
        Fields::of(event).write(prev_hash, &mut self.buf);
        hex(&Sha256::digest(&self.buf))
    }

    /// The hash `event` will have once stored as `seq` after `prev_hash` (a
    /// store that assigns `seq` itself seals the event as it writes it), and
    /// the event's payload as the hash covers it (compact JSON, every
    /// object's keys sorted): the text the store keeps, encoded once for
    /// both. Valid until the sealer's next use. (The encoding is JSON, always
    /// UTF-8: the error is there so that a bug could never store a payload
    /// its hash does not cover.)
    pub fn hash_new(
        &mut self,
        event: &NewEvent,
        seq: i64,
        prev_hash: &str,
    ) -> Result<(String, &str), std::str::Utf8Error> {
        let (start, end) = Fields::of_new(event, seq).write(prev_hash, &mut self.buf);
        let hash = hex(&Sha256::digest(&self.buf));
        let payload = std::str::from_utf8(&self.buf[start..end])?;
        Ok((hash, payload))
    }
}

/// The hash of `event` chained after `prev_hash`.
pub fn event_hash(event: &Event, prev_hash: &str) -> String {
    Sealer::default().hash(event, prev_hash)
}

/// Why the journal does not verify, at the first event that does not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// The event's recorded content does not hash to its recorded hash.
    Edited { seq: i64 },
    /// The event does not name the hash of the event before it: an event
    /// was deleted, inserted or moved here.
    Unlinked { seq: i64, prev_seq: Option<i64> },
    /// A sealed event after an unsealed one: the unsealed one was inserted
    /// (the sealer seals in `seq` order) or the order was changed.
    SealedAfterUnsealed { seq: i64, unsealed: i64 },
    /// An event whose seal is half there.
    HalfSealed { seq: i64 },
    /// The events are not in increasing `seq` order as read.
    OutOfOrder { seq: i64, prev_seq: i64 },
    /// The recorded head is beyond the journal's last sealed event.
    Truncated { head: i64, last: Option<i64> },
    /// The event at the recorded head's `seq` is missing, or its hash differs.
    HeadMismatch { head: i64, found: Option<String> },
}

impl Break {
    /// The event the break is found at.
    pub fn seq(&self) -> Option<i64> {
        match self {
            Break::Edited { seq }
            | Break::Unlinked { seq, .. }
            | Break::SealedAfterUnsealed { seq, .. }
            | Break::HalfSealed { seq }
            | Break::OutOfOrder { seq, .. } => Some(*seq),
            Break::Truncated { .. } | Break::HeadMismatch { .. } => None,
        }
    }
}

impl fmt::Display for Break {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Break::Edited { seq } => write!(
                f,
                "event seq {seq} does not verify: its content does not match its hash (the event was edited)"
            ),
            Break::Unlinked {
                seq,
                prev_seq: Some(p),
            } => write!(
                f,
                "event seq {seq} does not verify: its prev_hash is not the hash of the event before it \
                 (seq {p}): an event was deleted, inserted or reordered here"
            ),
            Break::Unlinked {
                seq,
                prev_seq: None,
            } => write!(
                f,
                "event seq {seq} does not verify: it is the first event but its prev_hash is not the \
                 genesis hash: events before it were deleted, or it was inserted or reordered"
            ),
            Break::SealedAfterUnsealed { seq, unsealed } => write!(
                f,
                "event seq {seq} does not verify: it is sealed but comes after the unsealed event seq \
                 {unsealed}, which was inserted or reordered"
            ),
            Break::HalfSealed { seq } => write!(
                f,
                "event seq {seq} does not verify: it has only half a seal (hash or prev_hash missing)"
            ),
            Break::OutOfOrder { seq, prev_seq } => write!(
                f,
                "event seq {seq} does not verify: it comes after seq {prev_seq} (reordered)"
            ),
            Break::Truncated {
                head,
                last: Some(last),
            } => write!(
                f,
                "the journal was truncated: it ends at seq {last}, before the recorded head seq {head}"
            ),
            Break::Truncated { head, last: None } => write!(
                f,
                "the journal was truncated: it has no sealed event, but the recorded head is seq {head}"
            ),
            Break::HeadMismatch {
                head,
                found: Some(h),
            } => write!(
                f,
                "event seq {head} does not verify: its hash {h} is not the recorded head's"
            ),
            Break::HeadMismatch { head, found: None } => write!(
                f,
                "event seq {head}, the recorded head, is missing from the journal (deleted)"
            ),
        }
    }
}

/// What a walk over an intact journal found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walked {
    /// Events sealed and verified.
    pub sealed: u64,
    /// Events at the end not sealed yet.
    pub unsealed: u64,
    /// The last sealed event.
    pub head: Option<ChainHead>,
}

/// Checks a journal fed to it in `seq` order; stops at the first break.
#[derive(Default)]
pub struct Verifier {
    sealer: Sealer,
    last_seq: Option<i64>,
    walked: Walked,
    first_unsealed: Option<i64>,
    head: Option<ChainHead>,
    head_seen: bool,
}

impl Verifier {
    /// A verifier that also checks the journal still reaches `head`.
    pub fn new(head: Option<ChainHead>) -> Self {
        Self {
            head,
            ..Self::default()
        }
    }

    /// Checks the next event.
    pub fn push(&mut self, e: &ChainedEvent) -> Result<(), Break> {
        let seq = e.event.seq;
        if let Some(prev) = self.last_seq
            && seq <= prev
        {
            return Err(Break::OutOfOrder {
                seq,
                prev_seq: prev,
            });
        }
        match (&e.prev_hash, &e.hash) {
            (None, None) => {
                self.first_unsealed.get_or_insert(seq);
                self.walked.unsealed += 1;
            }
            (Some(prev_hash), Some(hash)) => {
                if let Some(unsealed) = self.first_unsealed {
                    return Err(Break::SealedAfterUnsealed { seq, unsealed });
                }
                let expected = self
                    .walked
                    .head
                    .as_ref()
                    .map_or(GENESIS, |h| h.hash.as_str());
                if prev_hash != expected {
                    return Err(Break::Unlinked {
                        seq,
                        prev_seq: self.walked.head.as_ref().map(|h| h.seq),
                    });
                }
                if self.sealer.hash(&e.event, prev_hash) != *hash {
                    return Err(Break::Edited { seq });
                }
                if let Some(head) = &self.head
                    && head.seq == seq
                {
                    if head.hash != *hash {
                        return Err(Break::HeadMismatch {
                            head: seq,
                            found: Some(hash.clone()),
                        });
                    }
                    self.head_seen = true;
                }
                self.walked.sealed += 1;
                self.walked.head = Some(ChainHead {
                    seq,
                    hash: hash.clone(),
                });
            }
            _ => return Err(Break::HalfSealed { seq }),
        }
        self.last_seq = Some(seq);
        Ok(())
    }

    /// The end of the journal: checks the recorded head was reached.
    pub fn finish(self) -> Result<Walked, Break> {
        // The head of an empty journal (seq 0, the genesis hash) is reached
        // by every journal.
        if let Some(head) = &self.head
            && !self.head_seen
            && !(head.seq == 0 && head.hash == GENESIS)
        {
            let last = self.walked.head.as_ref().map(|h| h.seq);
            return Err(if last.is_some_and(|l| l > head.seq) {
                Break::HeadMismatch {
                    head: head.seq,
                    found: None,
                }
            } else {
                Break::Truncated {
                    head: head.seq,
                    last,
                }
            });
        }
        Ok(self.walked)
    }
}

/// Which events a journal page shows, newest first: every filter is
/// optional; `before` is the keyset cursor (the last page's smallest `seq`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalFilter {
    pub kind: Option<String>,
    /// Events whose customer or partner is this organisation.
    pub org: Option<OrgId>,
    pub voucher: Option<VoucherId>,
    /// From this instant on (inclusive).
    pub from: Option<jiff::Timestamp>,
    /// Before this instant (exclusive).
    pub until: Option<jiff::Timestamp>,
    pub before: Option<i64>,
    pub limit: u32,
}

/// A run of the verification, as the audit page shows it: started, then
/// finished with its result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    pub id: uuid::Uuid,
    pub started_at: jiff::Timestamp,
    pub finished_at: Option<jiff::Timestamp>,
    /// `None` while it runs.
    pub ok: Option<bool>,
    pub sealed: u64,
    pub unsealed: u64,
    pub head: Option<ChainHead>,
    /// The first break, the balance differences, or a summary.
    pub message: String,
}

/// Pools of days re-derived from the journal alone: every agreement's
/// accrual, the days each voucher took from it and gave back, and removals.
#[derive(Default)]
pub struct DerivedPools {
    /// By agreement: the days its pool should hold.
    pub pools: HashMap<AgreementId, i64>,
    by_number: HashMap<(OrgId, String), AgreementId>,
    voucher_agreement: HashMap<VoucherId, AgreementId>,
    /// Events that move days but could not be placed (their agreement or
    /// voucher is unknown to the journal), as messages.
    pub unplaced: Vec<String>,
}

impl DerivedPools {
    /// Whether an event of this kind can move days of a pool: every other
    /// event is skipped unread (reading a payload is most of the cost of
    /// re-deriving the pools of a large journal).
    pub fn concerns(kind: &str) -> bool {
        matches!(
            kind,
            "agreement.added"
                | "days.converted"
                | "voucher.created"
                | "voucher.cancelled"
                | "voucher.expired"
                | "days.removed"
        )
    }

    /// Takes in the next event (in `seq` order).
    pub fn push(&mut self, e: &Event) {
        if !Self::concerns(&e.kind) {
            return;
        }
        let Ok(body) = e.body() else { return };
        match body {
            EventBody::AgreementAdded(a) => {
                if let Some(customer) = e.customer_id {
                    self.by_number
                        .insert((customer, a.agreement), a.agreement_id);
                }
                *self.pools.entry(a.agreement_id).or_default() += a.accrued.signed();
            }
            // Training days converted into planning days credit the pool.
            EventBody::DaysConverted(c) => {
                *self.pools.entry(c.agreement_id).or_default() += c.planning_days;
            }
            EventBody::VoucherCreated(v) => {
                let agreement = e
                    .customer_id
                    .and_then(|c| self.by_number.get(&(c, v.agreement.clone())).copied());
                match (agreement, e.voucher_id) {
                    (Some(a), Some(voucher)) => {
                        self.voucher_agreement.insert(voucher, a);
                        *self.pools.entry(a).or_default() -= v.days.signed();
                    }
                    _ => self.unplaced.push(format!(
                        "event seq {}: voucher {} draws on agreement {} that no event added",
                        e.seq, v.code, v.agreement
                    )),
                }
            }
            EventBody::VoucherCancelled(v) => self.refund(e, v.refunded_days.signed()),
            EventBody::VoucherExpired(v) => self.refund(e, v.refunded_days.signed()),
            EventBody::DaysRemoved(d) => {
                *self.pools.entry(d.agreement_id).or_default() -= d.days;
            }
            _ => {}
        }
    }

    fn refund(&mut self, e: &Event, days: i64) {
        if days == 0 {
            return;
        }
        match e.voucher_id.and_then(|v| self.voucher_agreement.get(&v)) {
            Some(a) => *self.pools.entry(*a).or_default() += days,
            None => self.unplaced.push(format!(
                "event seq {}: {} gives back {days} days of a voucher no event created",
                e.seq, e.kind
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{EventId, UserId};
    use serde_json::json;

    fn event(seq: i64, payload: Value) -> Event {
        Event {
            seq,
            id: EventId(uuid::Uuid::from_u128(seq as u128)),
            at: "2020-11-02T10:00:00.123456Z".parse().unwrap(),
            actor_id: Some(UserId(uuid::Uuid::from_u128(7))),
            kind: "test.kind".into(),
            payload,
            voucher_id: None,
            customer_id: None,
            partner_id: None,
            program_version: 3,
        }
    }

    fn chain(events: &[Event]) -> Vec<ChainedEvent> {
        let mut prev = GENESIS.to_owned();
        events
            .iter()
            .map(|e| {
                let hash = event_hash(e, &prev);
                let c = ChainedEvent {
                    event: e.clone(),
                    prev_hash: Some(prev.clone()),
                    hash: Some(hash.clone()),
                };
                prev = hash;
                c
            })
            .collect()
    }

    fn verify(events: &[ChainedEvent], head: Option<ChainHead>) -> Result<Walked, Break> {
        let mut v = Verifier::new(head);
        for e in events {
            v.push(e)?;
        }
        v.finish()
    }

    #[test]
    fn the_canonical_encoding_sorts_keys_at_every_depth() {
        let e = event(
            5,
            json!({"b": 1, "a": {"z": [1, {"y": 2, "x": "é\""}], "c": null}}),
        );
        let mut out = Vec::new();
        canonical(&e, GENESIS, &mut out);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            format!(
                "{{\"actor_id\":\"00000000-0000-0000-0000-000000000007\",\"at\":\"2020-11-02T10:00:00.123456Z\",\
                 \"customer_id\":null,\"id\":\"00000000-0000-0000-0000-000000000005\",\"kind\":\"test.kind\",\
                 \"partner_id\":null,\
                 \"payload\":{{\"a\":{{\"c\":null,\"z\":[1,{{\"x\":\"é\\\"\",\"y\":2}}]}},\"b\":1}},\
                 \"prev_hash\":\"{GENESIS}\",\"program_version\":3,\"seq\":5,\"voucher_id\":null}}"
            )
        );
        // It is JSON.
        let _: Value = serde_json::from_str(&text).unwrap();
    }

    #[test]
    fn a_new_event_is_hashed_as_stored_with_the_payload_it_keeps() {
        let payload = json!({"b": 1, "a": {"z": [1, {"y": 2, "x": "é\""}], "c": null}});
        let mut new = NewEvent::raw(
            "test.kind",
            "2020-11-02T10:00:00.123456Z".parse().unwrap(),
            Some(UserId(uuid::Uuid::from_u128(7))),
            3,
            payload.clone(),
        );
        new.id = EventId(uuid::Uuid::from_u128(5));
        let mut sealer = Sealer::default();
        let (hash, kept) = sealer.hash_new(&new, 5, GENESIS).unwrap();
        assert_eq!(hash, event_hash(&event(5, payload.clone()), GENESIS));
        assert_eq!(kept, r#"{"a":{"c":null,"z":[1,{"x":"é\"","y":2}]},"b":1}"#);
        assert_eq!(serde_json::from_str::<Value>(kept).unwrap(), payload);
    }

    #[test]
    fn every_recorded_fact_changes_the_hash() {
        let base = event(1, json!({"days": 3}));
        let h = event_hash(&base, GENESIS);
        assert_eq!(h.len(), 64);
        let mut variants = Vec::new();
        let mut e = base.clone();
        e.payload = json!({"days": 4});
        variants.push(e);
        let mut e = base.clone();
        e.kind = "other.kind".into();
        variants.push(e);
        let mut e = base.clone();
        e.seq = 2;
        variants.push(e);
        let mut e = base.clone();
        e.program_version = 4;
        variants.push(e);
        let mut e = base.clone();
        e.actor_id = None;
        variants.push(e);
        let mut e = base.clone();
        e.customer_id = Some(OrgId(uuid::Uuid::from_u128(9)));
        variants.push(e);
        let mut e = base.clone();
        e.at = "2020-11-02T10:00:00.123457Z".parse().unwrap();
        variants.push(e);
        for v in &variants {
            assert_ne!(event_hash(v, GENESIS), h, "{v:?}");
        }
        assert_ne!(event_hash(&base, &"1".repeat(64)), h);
    }

    #[test]
    fn an_intact_chain_verifies_and_names_its_head() {
        let c = chain(
            &(1..=5)
                .map(|s| event(s, json!({"n": s})))
                .collect::<Vec<_>>(),
        );
        let walked = verify(&c, None).unwrap();
        assert_eq!(walked.sealed, 5);
        assert_eq!(walked.head.as_ref().unwrap().seq, 5);
        let head = walked.head.unwrap();
        assert_eq!(verify(&c, Some(head)).unwrap().sealed, 5);
    }

    #[test]
    fn each_kind_of_tampering_is_named_at_its_first_event() {
        let c = chain(
            &(1..=5)
                .map(|s| event(s, json!({"n": s})))
                .collect::<Vec<_>>(),
        );
        let mut edited = c.clone();
        edited[2].event.payload = json!({"n": 99});
        assert_eq!(verify(&edited, None), Err(Break::Edited { seq: 3 }));

        let mut deleted = c.clone();
        deleted.remove(1);
        assert_eq!(
            verify(&deleted, None),
            Err(Break::Unlinked {
                seq: 3,
                prev_seq: Some(1)
            })
        );

        let mut swapped = c.clone();
        let (a, b) = (swapped[1].event.seq, swapped[2].event.seq);
        swapped.swap(1, 2);
        swapped[1].event.seq = a;
        swapped[2].event.seq = b;
        assert!(matches!(
            verify(&swapped, None),
            Err(Break::Unlinked { seq: 2, .. })
        ));

        let mut inserted = c.clone();
        let mut extra = c[1].clone();
        extra.event.seq = 10;
        inserted.push(extra);
        assert!(matches!(
            verify(&inserted, None),
            Err(Break::Unlinked { seq: 10, .. })
        ));

        let head = c[4].event.seq;
        let truncated = c[..3].to_vec();
        let recorded = ChainHead {
            seq: head,
            hash: c[4].hash.clone().unwrap(),
        };
        assert_eq!(
            verify(&truncated, Some(recorded)),
            Err(Break::Truncated {
                head: 5,
                last: Some(3)
            })
        );
    }

    #[test]
    fn an_unsealed_tail_is_reported_but_an_unsealed_event_in_the_middle_breaks() {
        let mut c = chain(&(1..=4).map(|s| event(s, json!({}))).collect::<Vec<_>>());
        c[3].prev_hash = None;
        c[3].hash = None;
        let walked = verify(&c, None).unwrap();
        assert_eq!((walked.sealed, walked.unsealed), (3, 1));
        c[1].prev_hash = None;
        c[1].hash = None;
        assert_eq!(
            verify(&c, None),
            Err(Break::SealedAfterUnsealed {
                seq: 3,
                unsealed: 2
            })
        );
    }

    #[test]
    fn a_head_reads_as_seq_and_hash_or_says_what_is_wrong() {
        let h: ChainHead = format!("42:{}", "A".repeat(64)).parse().unwrap();
        assert_eq!(h.seq, 42);
        assert_eq!(h.hash, "a".repeat(64));
        assert!("42".parse::<ChainHead>().unwrap_err().contains("SEQ:HASH"));
        assert!(
            "x:00"
                .parse::<ChainHead>()
                .unwrap_err()
                .contains("sequence number")
        );
        assert!(
            "4:abc"
                .parse::<ChainHead>()
                .unwrap_err()
                .contains("64 hexadecimal")
        );
    }
}
