//! The journal: every change is an event (who, when, what, under which program
//! version), appended in the same transaction as the tables it updates. Days
//! move as ledger entries whose sum is a pool's balance.
//!
//! Events are written from a typed [`EventBody`] and stored as its `kind` and
//! JSON `payload`, which is what the stores and the event feed see.

use crate::event::EventBody;
use crate::ids::{AgreementId, EntryId, EventId, OrgId, UserId, VoucherId};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An event about to be appended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewEvent {
    pub id: EventId,
    pub at: Timestamp,
    /// The user who caused it; `None` for the program itself (clock, sweeps).
    pub actor_id: Option<UserId>,
    /// Dotted name, e.g. `voucher.reserved`: [`EventBody::kind`].
    pub kind: String,
    /// The body's facts as JSON, as stored.
    pub payload: Value,
    pub voucher_id: Option<VoucherId>,
    /// The customer and the partner who may see this event (operators see all).
    pub customer_id: Option<OrgId>,
    pub partner_id: Option<OrgId>,
    pub program_version: u32,
}

impl NewEvent {
    /// An event of the program's vocabulary; add whom it concerns with
    /// [`Self::voucher`], [`Self::customer`] or [`Self::partner`].
    pub fn new(
        body: impl Into<EventBody>,
        at: Timestamp,
        actor_id: Option<UserId>,
        program_version: u32,
    ) -> Self {
        let (kind, payload) = body.into().into_parts();
        Self::raw(kind, at, actor_id, program_version, payload)
    }

    /// An event of any kind and payload, unchecked. For the stores' tests,
    /// which store kinds the program never writes; saps itself writes events
    /// through [`Self::new`].
    pub fn raw(
        kind: &str,
        at: Timestamp,
        actor_id: Option<UserId>,
        program_version: u32,
        payload: Value,
    ) -> Self {
        Self {
            id: EventId::new(),
            at,
            actor_id,
            kind: kind.to_owned(),
            payload,
            voucher_id: None,
            customer_id: None,
            partner_id: None,
            program_version,
        }
    }

    pub fn voucher(mut self, v: &crate::voucher::Voucher) -> Self {
        self.voucher_id = Some(v.id);
        self.customer_id = Some(v.customer_id);
        self.partner_id = v.partner_id;
        self
    }

    pub fn customer(mut self, id: OrgId) -> Self {
        self.customer_id = Some(id);
        self
    }

    pub fn partner(mut self, id: OrgId) -> Self {
        self.partner_id = Some(id);
        self
    }
}

/// A stored event, numbered in append order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    pub seq: i64,
    pub id: EventId,
    pub at: Timestamp,
    pub actor_id: Option<UserId>,
    pub kind: String,
    /// Free-form: its fields depend on the kind.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub payload: Value,
    pub voucher_id: Option<VoucherId>,
    pub customer_id: Option<OrgId>,
    pub partner_id: Option<OrgId>,
    pub program_version: u32,
}

impl Event {
    /// The event's typed body, for readers that act on what happened.
    ///
    /// An error rather than an `Unknown` variant: a journal may hold kinds
    /// this build does not know (the stores' test data, or kinds a newer saps
    /// wrote), and a known kind whose payload does not read is a fault, not
    /// something to pass over silently. Each reader decides: the voucher
    /// history words it generically, the invariant checks report it, and the
    /// event feed never parses at all (it serves `kind` and `payload` as
    /// stored). Keeping the enum closed also keeps it exactly serialisable.
    pub fn body(&self) -> Result<EventBody, serde_json::Error> {
        EventBody::from_parts(&self.kind, &self.payload)
    }
}

/// Why days moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerReason {
    Accrual,
    VoucherDebit,
    VoucherRefund,
    Conversion,
    Removal,
}

impl LedgerReason {
    pub const ALL: [LedgerReason; 5] = [
        Self::Accrual,
        Self::VoucherDebit,
        Self::VoucherRefund,
        Self::Conversion,
        Self::Removal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Accrual => "accrual",
            Self::VoucherDebit => "voucher_debit",
            Self::VoucherRefund => "voucher_refund",
            Self::Conversion => "conversion",
            Self::Removal => "removal",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Days moving in or out of an agreement's pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub id: EntryId,
    pub agreement_id: AgreementId,
    pub at: Timestamp,
    /// Positive in, negative out.
    pub delta: i64,
    pub reason: LedgerReason,
    pub voucher_id: Option<VoucherId>,
    pub event_id: EventId,
}

/// Who is reading the journal or a list: everything, or one organisation's share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    Customer(OrgId),
    Partner(OrgId),
    /// A consultant sees only what they deliver.
    Consultant(OrgId, UserId),
    /// A project manager sees the vouchers assigned to them.
    ProjectManager(OrgId, UserId),
}
