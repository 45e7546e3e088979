//! Claims re-derived from the journal alone: every claim's state, total and
//! vouchers from its `claim.*` events, and which vouchers were paid from the
//! `voucher.paid` events; then compared with the stored claims and vouchers.
//! Pure: the audit feeds it events in `seq` order, then the tables.

use crate::code::VoucherCode;
use crate::event::EventBody;
use crate::ids::VoucherId;
use crate::journal::Event;
use crate::payment::Claim;
use crate::quantity::Money;
use std::collections::{BTreeMap, HashMap};

/// A claim as its events tell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DerivedClaim {
    pub reference: String,
    /// As [`crate::payment::ClaimState::as_str`] writes it (`withdrawn` too,
    /// for a journal that records withdrawals).
    pub state: String,
    pub total: Money,
    /// Its vouchers, in the order the claim lists them.
    pub codes: Vec<VoucherCode>,
}

/// Claims and paid vouchers re-derived from the journal.
#[derive(Default)]
pub struct DerivedClaims {
    /// By claim id.
    pub claims: HashMap<uuid::Uuid, DerivedClaim>,
    /// Vouchers the journal says were paid, with their code.
    pub paid: HashMap<VoucherId, VoucherCode>,
    /// Events about claims that could not be placed (their claim was never
    /// created in the journal), as messages.
    pub unplaced: Vec<String>,
}

impl DerivedClaims {
    /// Whether an event of this kind can change a claim or pay a voucher:
    /// every other event is skipped unread.
    pub fn concerns(kind: &str) -> bool {
        kind.starts_with("claim.") || kind == "voucher.paid"
    }

    /// Takes in the next event (in `seq` order).
    pub fn push(&mut self, e: &Event) {
        if !Self::concerns(&e.kind) {
            return;
        }
        // A withdrawal is read by its kind, so that a journal recording
        // withdrawals verifies whichever build reads it.
        if e.kind == "claim.withdrawn" {
            let id = e
                .payload
                .get("claim_id")
                .and_then(|v| v.as_str())
                .and_then(|s| s.parse().ok());
            match id {
                Some(id) => self.step(e, id, "withdrawn"),
                None => self.unplaced.push(format!(
                    "event seq {}: claim.withdrawn names no claim",
                    e.seq
                )),
            }
            return;
        }
        let Ok(body) = e.body() else { return };
        match body {
            EventBody::ClaimCreated(c) => {
                let derived = DerivedClaim {
                    reference: c.reference,
                    state: "draft".to_owned(),
                    total: c.total,
                    codes: c.codes,
                };
                if self.claims.insert(c.claim_id, derived).is_some() {
                    self.unplaced.push(format!(
                        "event seq {}: claim {} is created a second time",
                        e.seq, c.claim_id
                    ));
                }
            }
            EventBody::ClaimSubmitted(c) => self.step(e, c.claim_id, "submitted"),
            EventBody::ClaimApproved(c) => self.step(e, c.claim_id, "approved"),
            EventBody::ClaimRejected(c) => self.step(e, c.claim_id, "rejected"),
            EventBody::ClaimDisputed(c) => self.step(e, c.claim_id, "disputed"),
            EventBody::ClaimPaid(c) => {
                self.step(e, c.claim_id, "paid");
                if let Some(d) = self.claims.get(&c.claim_id)
                    && d.total != c.total
                {
                    self.unplaced.push(format!(
                        "event seq {}: claim {} is paid {} but was made for {}",
                        e.seq,
                        d.reference,
                        money(&c.total),
                        money(&d.total)
                    ));
                }
            }
            EventBody::VoucherPaid(v) => match e.voucher_id {
                Some(id) => {
                    self.paid.insert(id, v.code);
                }
                None => self.unplaced.push(format!(
                    "event seq {}: voucher {} is paid but the event names no voucher",
                    e.seq, v.code
                )),
            },
            _ => {}
        }
    }

    fn step(&mut self, e: &Event, id: uuid::Uuid, state: &str) {
        match self.claims.get_mut(&id) {
            Some(c) => state.clone_into(&mut c.state),
            None => self.unplaced.push(format!(
                "event seq {}: {} of claim {id}, which no event created",
                e.seq, e.kind
            )),
        }
    }

    /// Compares a stored claim with the journal's, adding any difference
    /// to `out`; the claim is then settled (see [`Self::finish`]).
    pub fn compare(&mut self, stored: &Claim, out: &mut Vec<String>) {
        let Some(d) = self.claims.remove(&stored.id) else {
            out.push(format!(
                "claim {}: it is stored but no event created it",
                stored.reference
            ));
            return;
        };
        let name = &stored.reference;
        if d.reference != stored.reference {
            out.push(format!(
                "claim {name}: the journal names it {}",
                d.reference
            ));
        }
        if d.state != stored.state.as_str() {
            out.push(format!(
                "claim {name}: the journal gives it the state {}, the table holds {}",
                d.state,
                stored.state.as_str()
            ));
        }
        if d.total != stored.total {
            out.push(format!(
                "claim {name}: the journal gives it a total of {}, the table holds {}",
                money(&d.total),
                money(&stored.total)
            ));
        }
        let codes: Vec<VoucherCode> = stored.lines.iter().map(|l| l.code).collect();
        if d.codes != codes {
            out.push(format!(
                "claim {name}: the journal gives it the vouchers {}, the table holds {}",
                list(&d.codes),
                list(&codes)
            ));
        }
    }

    /// Compares the vouchers stored as paid with those the journal paid,
    /// then names the claims the journal has that were not stored. Takes
    /// every paid voucher of the tables at once.
    pub fn finish(
        &mut self,
        paid_in_tables: impl IntoIterator<Item = (VoucherId, VoucherCode)>,
        out: &mut Vec<String>,
    ) {
        let mut journal: BTreeMap<String, VoucherId> = self
            .paid
            .drain()
            .map(|(id, code)| (code.to_string(), id))
            .collect();
        for (id, code) in paid_in_tables {
            let code = code.to_string();
            if journal.remove(&code).is_none() {
                out.push(format!(
                    "voucher {code}: it is stored as paid but no event paid it ({id})"
                ));
            }
        }
        for code in journal.keys() {
            out.push(format!(
                "voucher {code}: the journal paid it but it is not stored as paid"
            ));
        }
        let mut missing: Vec<&DerivedClaim> = self.claims.values().collect();
        missing.sort_by(|a, b| a.reference.cmp(&b.reference));
        for c in missing {
            out.push(format!(
                "claim {}: the journal has it ({}) but no such claim is stored",
                c.reference, c.state
            ));
        }
        self.claims.clear();
    }
}

fn money(m: &Money) -> String {
    format!("{} {}", m.amount, m.currency.as_str())
}

fn list(codes: &[VoucherCode]) -> String {
    if codes.is_empty() {
        return "none".to_owned();
    }
    codes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
