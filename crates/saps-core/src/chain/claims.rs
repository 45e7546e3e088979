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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{ClaimCreated, ClaimPaid, ClaimRejected, ClaimSubmitted, VoucherPaid};
    use crate::ids::{EventId, LocationId, OrgId};
    use crate::payment::{ClaimLine, ClaimState, parse_amount};
    use crate::quantity::Days;

    fn eur(s: &str) -> Money {
        parse_amount(s, "EUR".parse().unwrap()).unwrap()
    }

    fn event(seq: i64, body: EventBody, voucher: Option<VoucherId>) -> Event {
        let (kind, payload) = body.into_parts();
        Event {
            seq,
            id: EventId::new(),
            at: "2020-10-01T10:00:00Z".parse().unwrap(),
            actor_id: None,
            kind: kind.into(),
            payload,
            voucher_id: voucher,
            customer_id: None,
            partner_id: None,
            program_version: 1,
        }
    }

    fn stored(id: uuid::Uuid, state: ClaimState, total: Money, codes: &[VoucherCode]) -> Claim {
        let at: jiff::Timestamp = "2020-10-01T10:00:00Z".parse().unwrap();
        let by = crate::ids::UserId::new();
        let lines = codes
            .iter()
            .map(|code| ClaimLine {
                voucher_id: VoucherId::new(),
                code: *code,
                days: Days(1),
                country: "FR".into(),
                redeemed_on: jiff::civil::date(2020, 9, 30),
                day_rate: total,
                amount: total,
            })
            .collect();
        Claim {
            id,
            state,
            ..Claim::draft(
                "SAVB-2020-000001".into(),
                OrgId(uuid::Uuid::from_u128(1)),
                LocationId(uuid::Uuid::from_u128(2)),
                lines,
                total,
                at,
                by,
            )
        }
    }

    /// A claim made, submitted, rejected (its voucher unpaid), and a second
    /// one paid with its voucher; then a withdrawal read by its kind.
    fn journal() -> (
        DerivedClaims,
        uuid::Uuid,
        uuid::Uuid,
        VoucherCode,
        VoucherId,
    ) {
        let (a, b) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let (code, voucher) = (VoucherCode::generate(), VoucherId::new());
        let partner_id = OrgId(uuid::Uuid::from_u128(1));
        let created = |claim_id, reference: &str| {
            EventBody::ClaimCreated(ClaimCreated {
                claim_id,
                reference: reference.into(),
                partner_id,
                location_id: LocationId(uuid::Uuid::from_u128(2)),
                total: eur("1200.00"),
                codes: vec![code],
            })
        };
        let mut d = DerivedClaims::default();
        let events = [
            event(1, created(a, "SAVB-2020-000001"), None),
            event(
                2,
                EventBody::ClaimSubmitted(ClaimSubmitted {
                    claim_id: a,
                    reference: "SAVB-2020-000001".into(),
                    partner_id,
                }),
                None,
            ),
            event(
                3,
                EventBody::ClaimRejected(ClaimRejected {
                    claim_id: a,
                    reference: "SAVB-2020-000001".into(),
                    partner_id,
                    reason: "no".into(),
                    is_final: false,
                }),
                None,
            ),
            event(4, created(b, "SAVB-2020-000002"), None),
            event(
                5,
                EventBody::ClaimPaid(ClaimPaid {
                    claim_id: b,
                    reference: "SAVB-2020-000002".into(),
                    partner_id,
                    total: eur("1200.00"),
                    payment_reference: "SEPA-1".into(),
                }),
                None,
            ),
            event(
                6,
                EventBody::VoucherPaid(VoucherPaid {
                    code,
                    claim_id: b,
                    reference: "SAVB-2020-000002".into(),
                }),
                Some(voucher),
            ),
        ];
        for e in &events {
            d.push(e);
        }
        (d, a, b, code, voucher)
    }

    #[test]
    fn a_claim_takes_the_state_of_its_last_event_and_the_total_and_vouchers_it_was_made_with() {
        let (mut d, a, b, code, voucher) = journal();
        assert_eq!(d.claims[&a].state, "rejected");
        assert_eq!(d.claims[&b].state, "paid");
        assert!(d.unplaced.is_empty(), "{:?}", d.unplaced);
        let mut out = Vec::new();
        d.compare(
            &stored(a, ClaimState::Rejected, eur("1200.00"), &[code]),
            &mut out,
        );
        let mut paid = stored(b, ClaimState::Paid, eur("1200.00"), &[code]);
        paid.reference = "SAVB-2020-000002".into();
        d.compare(&paid, &mut out);
        d.finish([(voucher, code)], &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn a_state_total_voucher_or_payment_the_journal_does_not_give_is_named() {
        let (mut d, a, b, code, voucher) = journal();
        let mut out = Vec::new();
        d.compare(&stored(a, ClaimState::Approved, eur("1.00"), &[]), &mut out);
        d.compare(
            &stored(uuid::Uuid::now_v7(), ClaimState::Draft, eur("1.00"), &[]),
            &mut out,
        );
        let other = VoucherCode::generate();
        d.finish([(VoucherId::new(), other)], &mut out);
        let text = out.join("\n");
        for needle in [
            "the journal gives it the state rejected, the table holds approved",
            "the journal gives it a total of 1200.00 EUR, the table holds 1.00 EUR",
            &format!("the journal gives it the vouchers {code}, the table holds none"),
            "it is stored but no event created it",
            &format!("voucher {other}: it is stored as paid but no event paid it"),
            &format!("voucher {code}: the journal paid it but it is not stored as paid"),
            "claim SAVB-2020-000002: the journal has it (paid) but no such claim is stored",
        ] {
            assert!(text.contains(needle), "{needle:?} not in {text}");
        }
        let _ = (b, voucher);
    }

    #[test]
    fn a_withdrawal_is_read_by_its_kind_and_an_event_of_an_unknown_claim_is_reported() {
        let (mut d, a, _, _, _) = journal();
        let mut e = event(
            7,
            EventBody::ClaimSubmitted(ClaimSubmitted {
                claim_id: a,
                reference: "SAVB-2020-000001".into(),
                partner_id: OrgId(uuid::Uuid::from_u128(1)),
            }),
            None,
        );
        e.kind = "claim.withdrawn".into();
        d.push(&e);
        assert_eq!(d.claims[&a].state, "withdrawn");
        let mut stray = e.clone();
        stray.kind = "claim.submitted".into();
        stray.payload["claim_id"] = serde_json::json!(uuid::Uuid::now_v7());
        d.push(&stray);
        assert_eq!(d.unplaced.len(), 1, "{:?}", d.unplaced);
        assert!(d.unplaced[0].contains("event seq 7: claim.submitted of claim"));
    }
}
