//! What the operator's home says is coming: the planning days the removal
//! milestone will take, the vouchers that expire within 30 days, and the next
//! milestone of the calendar.

use crate::App;
use jiff::ToSpan;
use jiff::civil::Date;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::{Actor, Error, Milestone, MilestoneName, OrgKind};

/// How far ahead the home looks for expiring vouchers, in days.
pub const EXPIRING_WITHIN: i64 = 30;

/// The most open vouchers the count reads.
const EXPIRING_LIMIT: u32 = 100_000;

/// What is coming, as of today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlook {
    /// The removal milestone, when it is still ahead.
    pub removal_on: Option<Date>,
    /// The planning days left in pools, all removed on `removal_on` unless used.
    pub days_at_risk: i64,
    /// Open vouchers whose expiry is within the next 30 days.
    pub expiring: u64,
    pub next_milestone: Option<Milestone>,
}

impl App {
    /// The operator's outlook (the operator moves the clock and changes the
    /// program; it is the one who needs it).
    pub async fn operator_outlook(&self, actor: &Actor) -> Result<Outlook, Error> {
        authorize(actor, Action::ChangeProgram, Resource::Program)?;
        let program = self.program();
        let today = self.today();
        let removal_on = program
            .milestone(MilestoneName::RemainingDaysRemoved)
            .filter(|d| *d > today);
        let horizon = today.saturating_add(EXPIRING_WITHIN.days());
        let (days_at_risk, expiring) = self
            .read(move |tx| {
                let mut days = 0;
                if removal_on.is_some() {
                    for c in tx.orgs(OrgKind::Customer)? {
                        days += tx
                            .agreements(c.id)?
                            .iter()
                            .map(|a| a.available.max(0))
                            .sum::<i64>();
                    }
                }
                let day_after = horizon.tomorrow().unwrap_or(horizon);
                let expiring = tx
                    .vouchers_expired_before(day_after, EXPIRING_LIMIT)?
                    .iter()
                    .filter(|v| v.expires_on >= today)
                    .count() as u64;
                Ok((days, expiring))
            })
            .await?;
        Ok(Outlook {
            removal_on,
            days_at_risk,
            expiring,
            next_milestone: program.next_milestone(today),
        })
    }
}
