//! Training-voucher days: the operator records what an agreement holds, and
//! the customer's benefit admin converts them into planning days at the
//! program's ratio until the cut-off (`saps_core::conversion` decides).

use crate::App;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::error::TimeRule;
use saps_core::event::{DaysConverted, TrainingDaysGranted};
use saps_core::journal::{LedgerEntry, LedgerReason};
use saps_core::port::Tx;
use saps_core::{Actor, Agreement, Entity, EntryId, Error, NewEvent, OrgId, OrgKind};

/// A conversion done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// The agreement's number.
    pub agreement: String,
    pub training_days: i64,
    pub planning_days: i64,
}

/// An agreement's training days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingBalance {
    /// The agreement's number.
    pub agreement: String,
    pub held: i64,
}

/// The customer (answered as missing when it is not one), after checking the
/// actor may do `action` on it, and its agreement by number.
fn customer_agreement(
    tx: &mut dyn Tx,
    actor: &Actor,
    action: Action,
    customer: OrgId,
    number: &str,
) -> Result<Agreement, Error> {
    let org = tx
        .org(customer)?
        .filter(|o| o.kind == OrgKind::Customer)
        .ok_or(Error::NotFound(Entity::Customer))?;
    authorize(actor, action, Resource::Org(org.id, org.kind))?;
    tx.agreement_by_number(customer, number.trim())?
        .ok_or(Error::NotFound(Entity::Agreement))
}

impl App {
    /// Records training-voucher days an agreement holds (operator).
    pub async fn grant_training_days(
        &self,
        actor: &Actor,
        customer: OrgId,
        agreement: String,
        days: i64,
    ) -> Result<TrainingBalance, Error> {
        let (now, version, actor) = (self.now(), self.program().version, *actor);
        self.write(move |tx| {
            let a =
                customer_agreement(tx, &actor, Action::GrantTrainingDays, customer, &agreement)?;
            if !(1..=saps_core::conversion::MAX_TRAINING_DAYS).contains(&days) {
                return Err(Error::invalid(
                    "training_days",
                    "training_days must be a whole number from 1 to 10000",
                ));
            }
            tx.grant_training_days(a.id, days)?;
            let granted = TrainingDaysGranted {
                agreement: a.number.clone(),
                agreement_id: a.id,
                training_days: days,
            };
            tx.append_event(
                &NewEvent::new(granted, now, Some(actor.user_id), version).customer(customer),
            )?;
            Ok(TrainingBalance {
                held: tx.training_days(a.id)?,
                agreement: a.number,
            })
        })
        .await
    }

    /// Converts training days of an agreement into planning days (the
    /// customer's benefit admin): refused after the cut-off, for more days
    /// than the agreement holds, or for a count that is not a positive whole
    /// multiple of the ratio. The planning days are a ledger entry of the
    /// pool, journaled with the conversion.
    pub async fn convert_training_days(
        &self,
        actor: &Actor,
        customer: OrgId,
        agreement: String,
        training_days: i64,
    ) -> Result<Conversion, Error> {
        let (program, now, actor) = (self.program(), self.now(), *actor);
        self.write(move |tx| {
            let a = customer_agreement(
                tx,
                &actor,
                Action::ConvertTrainingDays,
                customer,
                &agreement,
            )?;
            let today = saps_core::program_date(now);
            let held = tx.training_days(a.id)?;
            let planning_days =
                saps_core::conversion::convert(&program, today, held, training_days)?;
            let converted = DaysConverted {
                agreement: a.number.clone(),
                agreement_id: a.id,
                training_days,
                planning_days,
            };
            let event = NewEvent::new(converted, now, Some(actor.user_id), program.version)
                .customer(customer);
            if !tx.take_training_days(a.id, training_days)? {
                // Another conversion took them first.
                let held = tx.training_days(a.id)?;
                return Err(TimeRule::NotEnoughTrainingDays {
                    held,
                    requested: training_days,
                }
                .into());
            }
            let posted = tx.post_ledger(&LedgerEntry {
                id: EntryId::new(),
                agreement_id: a.id,
                at: now,
                delta: planning_days,
                reason: LedgerReason::Conversion,
                voucher_id: None,
                event_id: event.id,
            })?;
            debug_assert!(posted, "a credit cannot make a pool negative");
            tx.append_event(&event)?;
            Ok(Conversion {
                agreement: a.number,
                training_days,
                planning_days,
            })
        })
        .await
    }

    /// The training days each of a customer's agreements holds (whoever may
    /// see the customer's benefit).
    pub async fn training_days(
        &self,
        actor: &Actor,
        customer: OrgId,
    ) -> Result<Vec<TrainingBalance>, Error> {
        let actor = *actor;
        self.read(move |tx| {
            let org = tx
                .org(customer)?
                .filter(|o| o.kind == OrgKind::Customer)
                .ok_or(Error::NotFound(Entity::Customer))?;
            authorize(&actor, Action::ViewBenefit, Resource::Org(org.id, org.kind))?;
            let mut out = Vec::new();
            for a in tx.agreements(customer)? {
                out.push(TrainingBalance {
                    held: tx.training_days(a.id)?,
                    agreement: a.number,
                });
            }
            Ok(out)
        })
        .await
    }
}
