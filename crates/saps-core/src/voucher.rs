//! The voucher and its lifecycle: every state, every transition, and the rules
//! each transition is checked against at the moment it happens.

use crate::code::VoucherCode;
use crate::error::{Entity, Error, Rule};
use crate::ids::{AgreementId, LocationId, OrgId, UserId, VoucherId};
use crate::org::{Location, Org, OrgKind, Role, User};
use crate::program::{ExpiryAnchor, MilestoneName, Program};
use crate::quantity::Days;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};

mod project_manager;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VoucherState {
    Created,
    Assigned,
    Reserved,
    Completed,
    Redeemed,
    Claimed,
    Paid,
    Cancelled,
    Expired,
    Removed,
}

impl VoucherState {
    pub const ALL: [VoucherState; 10] = [
        Self::Created,
        Self::Assigned,
        Self::Reserved,
        Self::Completed,
        Self::Redeemed,
        Self::Claimed,
        Self::Paid,
        Self::Cancelled,
        Self::Expired,
        Self::Removed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Assigned => "assigned",
            Self::Reserved => "reserved",
            Self::Completed => "completed",
            Self::Redeemed => "redeemed",
            Self::Claimed => "claimed",
            Self::Paid => "paid",
            Self::Cancelled => "cancelled",
            Self::Expired => "expired",
            Self::Removed => "removed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Still holding days that could come back or be delivered.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Self::Created | Self::Assigned | Self::Reserved | Self::Completed
        )
    }

    /// Counts against the "no second 15-day engagement" rule.
    pub fn counts_as_engagement(self) -> bool {
        !matches!(self, Self::Cancelled | Self::Expired | Self::Removed)
    }
}

/// The lifecycle's transitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transition {
    Assign,
    Reserve,
    CancelReservation,
    Complete,
    Redeem,
    Claim,
    /// A rejected or withdrawn claim gives the voucher back for another claim.
    Unclaim,
    Pay,
    Cancel,
    Expire,
    Remove,
    /// The assigned partner gives an unreserved voucher back to the customer.
    Return,
    /// The customer declines the delivery: the voucher is reserved again.
    Decline,
}

impl Transition {
    pub const ALL: [Transition; 13] = [
        Self::Assign,
        Self::Reserve,
        Self::CancelReservation,
        Self::Complete,
        Self::Redeem,
        Self::Claim,
        Self::Unclaim,
        Self::Pay,
        Self::Cancel,
        Self::Expire,
        Self::Remove,
        Self::Return,
        Self::Decline,
    ];

    pub fn verb(self) -> &'static str {
        match self {
            Self::Assign => "assigned",
            Self::Reserve => "reserved",
            Self::CancelReservation => "have its reservation cancelled",
            Self::Complete => "completed",
            Self::Redeem => "redeemed",
            Self::Claim => "claimed",
            Self::Unclaim => "returned from its claim",
            Self::Pay => "paid",
            Self::Cancel => "cancelled",
            Self::Expire => "expired",
            Self::Remove => "removed",
            Self::Return => "returned",
            Self::Decline => "declined",
        }
    }
}

/// The state machine: where `t` leads from `from`, if it is allowed there.
pub fn next_state(from: VoucherState, t: Transition) -> Option<VoucherState> {
    use Transition as T;
    use VoucherState as S;
    match (from, t) {
        (S::Created, T::Assign) => Some(S::Assigned),
        (S::Assigned, T::Reserve) => Some(S::Reserved),
        (S::Reserved, T::CancelReservation) => Some(S::Assigned),
        (S::Reserved, T::Complete) => Some(S::Completed),
        (S::Completed, T::Redeem) => Some(S::Redeemed),
        (S::Redeemed, T::Claim) => Some(S::Claimed),
        (S::Claimed, T::Unclaim) => Some(S::Redeemed),
        (S::Claimed, T::Pay) => Some(S::Paid),
        (S::Created | S::Assigned, T::Cancel) => Some(S::Cancelled),
        (S::Assigned, T::Return) => Some(S::Created),
        (S::Completed, T::Decline) => Some(S::Reserved),
        (S::Created | S::Assigned | S::Reserved | S::Completed, T::Expire) => Some(S::Expired),
        (S::Created | S::Assigned | S::Reserved | S::Completed, T::Remove) => Some(S::Removed),
        _ => None,
    }
}

/// A partner's reservation of a voucher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reservation {
    pub location_id: LocationId,
    pub consultant_id: UserId,
    pub start_date: Date,
    pub end_date: Date,
    pub delivery_country: String,
    pub reserved_by: UserId,
    pub reserved_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voucher {
    pub id: VoucherId,
    pub code: VoucherCode,
    pub customer_id: OrgId,
    pub agreement_id: AgreementId,
    pub engagement: String,
    pub days: Days,
    pub project_manager_id: UserId,
    pub created_by: UserId,
    pub state: VoucherState,
    pub partner_id: Option<OrgId>,
    pub reservation: Option<Reservation>,
    pub created_at: Timestamp,
    pub assigned_at: Option<Timestamp>,
    pub expires_on: Date,
    /// Bumped on every write; writes are conditional on it.
    pub version: i64,
    /// The day it was (last) redeemed, the program's date of its
    /// `voucher.redeemed` event; `None` until it is redeemed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redeemed_on: Option<Date>,
}

/// A customer's Software Assurance agreement and its pool of planning days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: AgreementId,
    pub customer_id: OrgId,
    pub number: String,
    pub sa_start: Date,
    pub sa_end: Date,
    /// The days a three-year agreement would accrue.
    pub days: Days,
    /// Days in the pool now (the sum of its ledger entries).
    pub available: i64,
    pub created_at: Timestamp,
}

impl Agreement {
    pub fn is_active_on(&self, day: Date) -> bool {
        self.sa_start <= day && day <= self.sa_end
    }

    /// Whole years of coverage, 1 to 3 (rounded to the nearest year).
    pub fn coverage_years(&self) -> u32 {
        let months = self
            .sa_start
            .until((jiff::Unit::Month, self.sa_end.saturating_add(1.day())))
            .map(|s| s.get_months())
            .unwrap_or(0);
        (((months + 6) / 12).clamp(1, 3)) as u32
    }

    /// Days accrued: one or two thirds of a three-year agreement's days for one
    /// or two years of coverage.
    pub fn accrued_days(&self) -> Days {
        Days(self.days.0 * self.coverage_years() / 3)
    }
}

fn wrong_state(v: &Voucher, t: Transition) -> Error {
    Error::Conflict {
        entity: Entity::Voucher,
        message: format!(
            "The voucher is {}; it cannot be {} now.",
            v.state.as_str(),
            t.verb()
        ),
    }
}

fn last_day(program: &Program, m: MilestoneName) -> Option<Date> {
    program.milestone(m)
}

/// What a benefit administrator asks for when creating a voucher.
pub struct NewVoucher<'a> {
    pub program: &'a Program,
    pub customer: &'a Org,
    pub agreement: &'a Agreement,
    pub engagement: &'a str,
    pub days: u32,
    pub project_manager: &'a User,
    pub created_by: UserId,
    /// Whether the customer already holds a live 15-day voucher for this engagement.
    pub has_fifteen_day_engagement: bool,
    pub now: Timestamp,
}

/// Decides a voucher creation. The pool debit is the store's conditional write.
pub fn create_voucher(req: NewVoucher<'_>) -> Result<Voucher, Error> {
    let today = crate::quantity::program_date(req.now);
    let p = req.program;
    if !req.customer.benefit_active {
        return Err(Rule::BenefitNotActive.into());
    }
    if let Some(d) = last_day(p, MilestoneName::LastDayToCreateOrAssign)
        && today > d
    {
        return Err(Rule::CreationClosed { last_day: d }.into());
    }
    if let Some(d) = last_day(p, MilestoneName::RemainingDaysRemoved)
        && today >= d
    {
        return Err(Rule::DaysRemoved { on: d }.into());
    }
    let Some((_, engagement)) = p.engagement(req.engagement) else {
        return Err(Rule::UnknownEngagement {
            engagement: req.engagement.to_owned(),
        }
        .into());
    };
    if let Some(on) = p.engagement_retired_on(engagement)
        && today >= on
    {
        return Err(Rule::EngagementRetired {
            engagement: engagement.code.clone(),
            on,
        }
        .into());
    }
    if !engagement.lengths.contains(&req.days) {
        return Err(Rule::LengthNotAllowed {
            engagement: engagement.code.clone(),
            days: req.days,
            allowed: engagement.lengths.clone(),
        }
        .into());
    }
    if req.days == crate::program::MAX_ENGAGEMENT_DAYS && req.has_fifteen_day_engagement {
        return Err(Rule::SecondFifteenDayEngagement {
            engagement: engagement.code.clone(),
        }
        .into());
    }
    if req.agreement.customer_id != req.customer.id {
        return Err(Error::NotFound(Entity::Agreement));
    }
    if !req.agreement.is_active_on(today) {
        return Err(Rule::AgreementNotActive {
            agreement: req.agreement.number.clone(),
        }
        .into());
    }
    if req.project_manager.org_id != req.customer.id
        || req.project_manager.role != Role::ProjectManager
    {
        return Err(Rule::ProjectManagerNotInCustomer.into());
    }
    if req.agreement.available < i64::from(req.days) {
        return Err(Rule::InsufficientDays {
            available: req.agreement.available,
            requested: Days(req.days),
        }
        .into());
    }
    let expires_on = today.saturating_add(i64::from(p.voucher_validity_days).days());
    Ok(Voucher {
        id: crate::ids::VoucherId::new(),
        code: VoucherCode::generate(),
        customer_id: req.customer.id,
        agreement_id: req.agreement.id,
        engagement: engagement.code.clone(),
        days: Days(req.days),
        project_manager_id: req.project_manager.id,
        created_by: req.created_by,
        state: VoucherState::Created,
        partner_id: None,
        reservation: None,
        created_at: req.now,
        assigned_at: None,
        expires_on,
        version: 0,
        redeemed_on: None,
    })
}

impl Voucher {
    fn step(&self, t: Transition) -> Result<Voucher, Error> {
        let state = next_state(self.state, t).ok_or_else(|| wrong_state(self, t))?;
        let mut v = self.clone();
        v.state = state;
        v.version += 1;
        Ok(v)
    }

    pub fn is_expired_on(&self, today: Date) -> bool {
        today > self.expires_on
    }

    fn not_expired(&self, today: Date) -> Result<(), Error> {
        if self.is_expired_on(today) {
            Err(Rule::VoucherExpired {
                expired_on: self.expires_on,
            }
            .into())
        } else {
            Ok(())
        }
    }

    /// The customer assigns the voucher to a partner.
    pub fn assign(
        &self,
        partner: &Org,
        program: &Program,
        now: Timestamp,
    ) -> Result<Voucher, Error> {
        let today = crate::quantity::program_date(now);
        let mut v = self.step(Transition::Assign)?;
        if partner.kind != OrgKind::Partner {
            return Err(Rule::PartnerUnknown.into());
        }
        if let Some(d) = last_day(program, MilestoneName::LastDayToCreateOrAssign)
            && today > d
        {
            return Err(Rule::AssignmentClosed { last_day: d }.into());
        }
        self.not_expired(today)?;
        v.partner_id = Some(partner.id);
        v.assigned_at = Some(now);
        if program.expiry_anchor == ExpiryAnchor::Assignment {
            v.expires_on = today.saturating_add(i64::from(program.voucher_validity_days).days());
        }
        Ok(v)
    }

    /// The partner reserves the voucher for a location, consultant and dates.
    pub fn reserve(&self, req: ReserveRequest<'_>) -> Result<Voucher, Error> {
        let today = crate::quantity::program_date(req.now);
        let mut v = self.step(Transition::Reserve)?;
        if !req.accept_terms {
            return Err(Rule::TermsNotAccepted.into());
        }
        self.not_expired(today)?;
        if let Some(d) = last_day(req.program, MilestoneName::LastDayToRedeem)
            && today > d
        {
            return Err(Rule::RedemptionClosed { last_day: d }.into());
        }
        if let Some((_, e)) = req.program.engagement(&self.engagement)
            && let Some(on) = req.program.engagement_retired_on(e)
            && today >= on
        {
            return Err(Rule::EngagementRetired {
                engagement: e.code.clone(),
                on,
            }
            .into());
        }
        if Some(req.location.partner_id) != self.partner_id {
            return Err(Rule::LocationNotInPartner.into());
        }
        if req.consultant.org_id != req.location.partner_id
            || req.consultant.role != Role::Consultant
        {
            return Err(Rule::ConsultantNotInPartner.into());
        }
        let choice = crate::handoff::Choice {
            location: req.location,
            consultant: req.consultant.id,
            delivery_country: req.delivery_country,
        };
        req.standing.may_reserve(&self.engagement, &choice)?;
        if req.start_date < today {
            return Err(Rule::EngagementAlreadyStarted {
                start_date: req.start_date,
                today,
            }
            .into());
        }
        if req.end_date < req.start_date {
            return Err(Rule::EndsBeforeStart.into());
        }
        let window_days = (req
            .start_date
            .until(req.end_date)
            .map_or(0, |s| s.get_days())
            + 1) as u32;
        if window_days < self.days.0 {
            let voucher_days = self.days.0;
            return Err(Rule::ReservationTooShort {
                window_days,
                voucher_days,
            }
            .into());
        }
        if req.end_date > self.expires_on {
            return Err(Rule::EndsAfterExpiry {
                expires_on: self.expires_on,
            }
            .into());
        }
        v.reservation = Some(Reservation {
            location_id: req.location.id,
            consultant_id: req.consultant.id,
            start_date: req.start_date,
            end_date: req.end_date,
            delivery_country: req.delivery_country.to_owned(),
            reserved_by: req.reserved_by,
            reserved_at: req.now,
        });
        Ok(v)
    }

    /// The partner gives the reservation up; the voucher is assigned again.
    pub fn cancel_reservation(&self) -> Result<Voucher, Error> {
        let mut v = self.step(Transition::CancelReservation)?;
        v.reservation = None;
        Ok(v)
    }

    /// The assigned partner gives the unreserved voucher back: unassigned.
    pub fn give_back(&self) -> Result<Voucher, Error> {
        let mut v = self.step(Transition::Return)?;
        v.partner_id = None;
        v.assigned_at = None;
        Ok(v)
    }

    /// The customer cancels an unreserved voucher; its days go back to the pool.
    pub fn cancel(&self) -> Result<Voucher, Error> {
        self.step(Transition::Cancel)
    }

    /// Time ran out. Refused before the voucher's expiry date has passed.
    pub fn expire(&self, now: Timestamp) -> Result<Voucher, Error> {
        let today = crate::quantity::program_date(now);
        let mut v = self.step(Transition::Expire)?;
        if !self.is_expired_on(today) {
            return Err(wrong_state(self, Transition::Expire));
        }
        v.reservation = None;
        Ok(v)
    }

    /// Whether this voucher's expiry gives its days back to the pool: only if,
    /// on the day it expired (the day after `expires_on`, whenever the expiry is
    /// recorded), the customer's agreement was active and the program's days had
    /// not been removed.
    pub fn expiry_refunds(&self, agreement: &Agreement, program: &Program) -> bool {
        let expired = self.expires_on.tomorrow().unwrap_or(self.expires_on);
        let removed = program
            .milestone(MilestoneName::RemainingDaysRemoved)
            .is_some_and(|d| expired >= d);
        agreement.is_active_on(expired) && !removed
    }

    /// The program retired under it.
    pub fn remove(&self) -> Result<Voucher, Error> {
        let mut v = self.step(Transition::Remove)?;
        v.reservation = None;
        Ok(v)
    }

    /// Generic step for transitions whose rules come with later capabilities
    /// (complete, redeem, claim, unclaim, pay): the state machine alone.
    pub fn transition(&self, t: Transition) -> Result<Voucher, Error> {
        self.step(t)
    }
}

/// What a partner asks for when reserving a voucher.
pub struct ReserveRequest<'a> {
    pub program: &'a Program,
    pub location: &'a Location,
    pub consultant: &'a User,
    pub start_date: Date,
    pub end_date: Date,
    pub accept_terms: bool,
    pub delivery_country: &'a str,
    pub reserved_by: UserId,
    pub now: Timestamp,
    /// The partner's enrollment, records and locations at this moment.
    pub standing: &'a crate::handoff::Standing<'a>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_and_transition_pair_is_decided_by_the_table() {
        let allowed: Vec<_> = VoucherState::ALL
            .iter()
            .flat_map(|&s| {
                Transition::ALL
                    .iter()
                    .filter_map(move |&t| next_state(s, t).map(|n| (s, t, n)))
            })
            .collect();
        assert_eq!(allowed.len(), 20);
        for terminal in [
            VoucherState::Paid,
            VoucherState::Cancelled,
            VoucherState::Expired,
            VoucherState::Removed,
        ] {
            assert!(
                Transition::ALL
                    .iter()
                    .all(|&t| next_state(terminal, t).is_none())
            );
        }
        assert_eq!(
            next_state(VoucherState::Reserved, Transition::CancelReservation),
            Some(VoucherState::Assigned)
        );
        assert_eq!(next_state(VoucherState::Reserved, Transition::Cancel), None);
    }

    #[test]
    fn coverage_years_round_to_the_nearest_year() {
        let mut a = Agreement {
            id: AgreementId::new(),
            customer_id: OrgId::new(),
            number: "A".into(),
            sa_start: jiff::civil::date(2019, 7, 1),
            sa_end: jiff::civil::date(2022, 6, 30),
            days: Days(15),
            available: 0,
            created_at: Timestamp::UNIX_EPOCH,
        };
        assert_eq!(a.coverage_years(), 3);
        assert_eq!(a.accrued_days(), Days(15));
        a.sa_end = jiff::civil::date(2020, 6, 30);
        assert_eq!(a.accrued_days(), Days(5));
        a.sa_end = jiff::civil::date(2021, 6, 30);
        assert_eq!(a.accrued_days(), Days(10));
    }
}
