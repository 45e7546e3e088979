//! Whole-database invariant checks, run after benchmarks and race tests:
//! every pool equals the sum of its ledger and is never negative, and every
//! voucher's history is a valid path of the state machine ending in its state.

use crate::App;
use saps_core::journal::Scope;
use saps_core::port::VoucherQuery;
use saps_core::voucher::next_state;
use saps_core::{Error, EventBody, OrgKind, Transition, VoucherState};

/// The transition an event records, if it is a voucher transition.
///
/// No wildcard: a new kind must say whether it moves a voucher. Completion,
/// redemption, claims, payment and removal are transitions of the state
/// machine that no event records yet; their kinds join here when they do.
pub fn transition_of(body: &EventBody) -> Option<Transition> {
    match body {
        EventBody::VoucherAssigned(_) => Some(Transition::Assign),
        EventBody::VoucherReserved(_) => Some(Transition::Reserve),
        EventBody::ReservationCancelled(_) => Some(Transition::CancelReservation),
        EventBody::VoucherCancelled(_) => Some(Transition::Cancel),
        EventBody::VoucherExpired(_) => Some(Transition::Expire),
        EventBody::VoucherReturned(_) => Some(Transition::Return),
        EventBody::VoucherCompleted(_) => Some(Transition::Complete),
        EventBody::VoucherSignedOff(s) if !s.accepted => Some(Transition::Decline),
        EventBody::VoucherSignedOff(_) => None,
        EventBody::VoucherRedeemed(_) => Some(Transition::Redeem),
        EventBody::VoucherClaimed(_) => Some(Transition::Claim),
        EventBody::VoucherUnclaimed(_) => Some(Transition::Unclaim),
        EventBody::VoucherPaid(_) => Some(Transition::Pay),
        EventBody::VoucherCreated(_)
        | EventBody::DaysRemoved(_)
        | EventBody::PartnerCreated(_)
        | EventBody::CustomerCreated(_)
        | EventBody::OperatorCreated(_)
        | EventBody::UserCreated(_)
        | EventBody::AgreementAdded(_)
        | EventBody::BenefitActivated(_)
        | EventBody::ClockMoved(_)
        | EventBody::ProgramChanged(_)
        | EventBody::TrainingRecorded(_)
        | EventBody::CompetencyRecorded(_)
        | EventBody::ExamRecorded(_)
        | EventBody::LocationAdded(_)
        | EventBody::ProviderAgreementPublished(_)
        | EventBody::ProviderAgreementSigned(_)
        | EventBody::EnrollmentCreated(_)
        | EventBody::EnrollmentRenewed(_)
        | EventBody::UserDisabled(_)
        | EventBody::UserEnabled(_)
        | EventBody::UserLocaleChanged(_)
        | EventBody::ProfileUpdated(_)
        | EventBody::ProjectManagerChanged(_)
        | EventBody::PaymentRegistered(_)
        | EventBody::BankAccountSet(_)
        | EventBody::RateCardChanged(_)
        | EventBody::ClaimCreated(_)
        | EventBody::ClaimSubmitted(_)
        | EventBody::ClaimApproved(_)
        | EventBody::ClaimRejected(_)
        | EventBody::ClaimDisputed(_)
        | EventBody::ClaimPaid(_) => None,
        EventBody::ReminderSent(_) => None,
        EventBody::WebhookCreated(_)
        | EventBody::WebhookDeleted(_)
        | EventBody::WebhookDisabled(_) => None,
        EventBody::TrainingDaysGranted(_)
        | EventBody::DaysConverted(_)
        | EventBody::VoucherExpiryMoved(_) => None,
        EventBody::ClaimWithdrawn(_) => None,
        EventBody::UserNotificationsChanged(_) => None,
    }
}

/// What the check found.
#[derive(Debug, Default)]
pub struct Report {
    pub agreements: usize,
    pub vouchers: usize,
    pub events: usize,
    pub violations: Vec<String>,
}

impl App {
    /// Checks every invariant over the whole database.
    pub async fn check_invariants(&self) -> Result<Report, Error> {
        self.read(|tx| {
            let mut r = Report::default();
            for customer in tx.orgs(OrgKind::Customer)? {
                for a in tx.agreements(customer.id)? {
                    r.agreements += 1;
                    let totals = tx.pool_totals(a.id)?;
                    if totals.sum != a.available {
                        r.violations.push(format!(
                            "agreement {}: ledger sums to {} but {} are available",
                            a.number, totals.sum, a.available
                        ));
                    }
                    if a.available < 0 {
                        r.violations.push(format!(
                            "agreement {}: negative pool {}",
                            a.number, a.available
                        ));
                    }
                }
            }
            let mut after = None;
            loop {
                let page = tx.vouchers(&VoucherQuery {
                    scope: Scope::All,
                    state: None,
                    after,
                    limit: 500,
                })?;
                let Some(last) = page.last() else { break };
                after = Some(last.id);
                for v in &page {
                    r.vouchers += 1;
                    let events = tx.voucher_events(v.id)?;
                    r.events += events.len();
                    let mut state = None;
                    for e in &events {
                        let body = match e.body() {
                            Ok(body) => body,
                            Err(err) => {
                                r.violations.push(format!(
                                    "voucher {}: event {} ({}) does not read: {err}",
                                    v.code, e.seq, e.kind
                                ));
                                continue;
                            }
                        };
                        if let EventBody::VoucherCreated(_) = body {
                            if state.is_some() {
                                r.violations
                                    .push(format!("voucher {}: created twice", v.code));
                            }
                            state = Some(VoucherState::Created);
                        } else if let Some(t) = transition_of(&body) {
                            match state.and_then(|s| next_state(s, t)) {
                                Some(n) => state = Some(n),
                                None => r.violations.push(format!(
                                    "voucher {}: {} from {:?} is not a valid transition",
                                    v.code, e.kind, state
                                )),
                            }
                        }
                    }
                    if state != Some(v.state) {
                        r.violations.push(format!(
                            "voucher {}: history ends in {:?} but the voucher is {:?}",
                            v.code, state, v.state
                        ));
                    }
                    if v.state == VoucherState::Reserved && v.reservation.is_none() {
                        r.violations.push(format!(
                            "voucher {}: reserved without a reservation",
                            v.code
                        ));
                    }
                }
            }
            Ok(r)
        })
        .await
    }
}
