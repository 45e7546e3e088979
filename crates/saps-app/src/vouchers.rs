//! The voucher's path: create, assign, validate, reserve, cancel the
//! reservation, cancel, expire; lists and the history from the journal.

use crate::App;
use crate::mail::{self, text::Arg, text::Draft};
use saps_core::authz::{Action, Resource, authorize, scope};
use saps_core::event::{
    EventBody, ReservationCancelled, VoucherAssigned, VoucherCancelled, VoucherCreated,
    VoucherReserved,
};
use saps_core::journal::{LedgerEntry, LedgerReason};
use saps_core::port::{Tx, VoucherQuery};
use saps_core::voucher::{NewVoucher, ReserveRequest, create_voucher};
use saps_core::{
    Actor, AgreementId, Days, Entity, EntryId, Error, Event, LocationId, NewEvent, OrgId, OrgKind,
    Reservation, Role, Rule, StoreError, UserId, Voucher, VoucherCode, VoucherId, VoucherState,
};
use serde::Serialize;

/// What a benefit administrator sends to create a voucher.
#[derive(Clone, Debug)]
pub struct NewVoucherRequest {
    pub customer_id: OrgId,
    pub agreement: String,
    pub engagement: String,
    pub days: u32,
    pub project_manager_id: UserId,
}

/// What a partner sends to reserve a voucher.
#[derive(Clone, Debug)]
pub struct ReserveInput {
    pub location_id: LocationId,
    pub consultant_id: UserId,
    pub start_date: jiff::civil::Date,
    pub end_date: jiff::civil::Date,
    pub accept_terms: bool,
    pub delivery_country: Option<String>,
}

/// A voucher as the API and the UI show it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoucherView {
    pub id: VoucherId,
    pub code: VoucherCode,
    pub state: VoucherState,
    pub customer_id: OrgId,
    pub agreement: String,
    pub agreement_id: AgreementId,
    pub engagement: String,
    pub days: Days,
    pub project_manager_id: UserId,
    pub created_by: UserId,
    pub partner_id: Option<OrgId>,
    pub reservation: Option<Reservation>,
    pub created_at: jiff::Timestamp,
    pub assigned_at: Option<jiff::Timestamp>,
    pub expires_on: jiff::civil::Date,
    pub version: i64,
    /// The day it was redeemed (its claim window runs from it); absent
    /// until it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redeemed_on: Option<jiff::civil::Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<Event>>,
    /// The current completion report with its deliverables, once reported
    /// (a declined report is replaced by the next).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion_report: Option<crate::delivery::ReportView>,
}

pub(crate) fn view(tx: &mut dyn Tx, v: Voucher, with_history: bool) -> Result<VoucherView, Error> {
    let agreement = tx
        .agreement(v.agreement_id)?
        .map(|a| a.number)
        .unwrap_or_default();
    let history = if with_history {
        Some(tx.voucher_events(v.id)?)
    } else {
        None
    };
    let completion_report = if matches!(
        v.state,
        VoucherState::Created | VoucherState::Assigned | VoucherState::Cancelled
    ) {
        None
    } else {
        tx.current_report(v.id)?.map(crate::delivery::report_view)
    };
    Ok(VoucherView {
        id: v.id,
        code: v.code,
        state: v.state,
        customer_id: v.customer_id,
        agreement,
        agreement_id: v.agreement_id,
        engagement: v.engagement,
        days: v.days,
        project_manager_id: v.project_manager_id,
        created_by: v.created_by,
        partner_id: v.partner_id,
        reservation: v.reservation,
        created_at: v.created_at,
        assigned_at: v.assigned_at,
        expires_on: v.expires_on,
        version: v.version,
        redeemed_on: v.redeemed_on,
        history,
        completion_report,
    })
}

pub(crate) fn load(tx: &mut dyn Tx, code: &VoucherCode) -> Result<Voucher, Error> {
    tx.voucher_by_code(code)?
        .ok_or(Error::NotFound(Entity::Voucher))
}

/// Writes a transitioned voucher; a concurrent change is a 409.
pub(crate) fn save(tx: &mut dyn Tx, v: &Voucher) -> Result<(), Error> {
    tx.update_voucher(v).map_err(|e| match e {
        StoreError::Stale => Error::Conflict {
            entity: Entity::Voucher,
            message: "The voucher was changed at the same time; reload it and try again.".into(),
        },
        other => other.into(),
    })
}

pub(crate) fn move_days(
    tx: &mut dyn Tx,
    v: &Voucher,
    event: &NewEvent,
    delta: i64,
    reason: LedgerReason,
) -> Result<bool, Error> {
    Ok(tx.post_ledger(&LedgerEntry {
        id: EntryId::new(),
        agreement_id: v.agreement_id,
        at: event.at,
        delta,
        reason,
        voucher_id: Some(v.id),
        event_id: event.id,
    })?)
}

/// What a transition decided: the next voucher, its event, and whether its
/// days go back to the pool.
pub(crate) struct Step {
    pub(crate) next: Voucher,
    pub(crate) event: EventBody,
    pub(crate) refund: bool,
}

/// The reservation a reserved voucher carries (its events record it). Every
/// reserved voucher has one; the invariant checks report any that does not.
fn reservation_of(v: &Voucher) -> Result<Reservation, Error> {
    v.reservation.clone().ok_or_else(|| Error::Conflict {
        entity: Entity::Voucher,
        message: format!("The voucher {} has no reservation.", v.code),
    })
}

/// Queues the e-mail that gives the customer (the voucher's creator and its
/// project manager) the voucher ID once it is assigned.
fn assignment_mail(
    tx: &mut dyn Tx,
    v: &Voucher,
    partner: &str,
    program: &saps_core::Program,
    public_url: &str,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let link = format!("{public_url}/vouchers/{}", v.code);
    let facts = |d: Draft| {
        d.arg("code", v.code.to_string())
            .fact("mail-voucher-id", v.code.to_string())
            .fact("mail-engagement", mail::engagement_name(program, v))
            .fact("mail-length", Arg::Days(v.days.signed()))
            .fact("mail-expires-on", v.expires_on)
    };
    let to_customer = facts(Draft::new("assigned-customer", link).arg("partner", partner));
    let contacts = mail::voucher_contacts(tx, v)?;
    mail::queue_to_users(tx, &contacts, &to_customer, now)?;
    // The partner's admins hear of it too, and validate it on their page.
    if let Some(partner_id) = v.partner_id {
        let customer = tx.org(v.customer_id)?.map(|o| o.name).unwrap_or_default();
        let to_partner = facts(
            Draft::new("assigned-partner", format!("{public_url}/vvr"))
                .arg("customer", customer.clone()),
        )
        .fact("mail-customer", customer);
        let admins = mail::partner_admins(tx, partner_id)?;
        mail::queue_to_users(tx, &admins, &to_partner, now)?;
    }
    Ok(())
}

/// Queues the e-mail telling the customer (the voucher's creator and its
/// project manager) that the partner reserved the voucher (`reserved`) or
/// cancelled its reservation (`reservation-cancelled`); `v` holds the
/// reservation.
fn reservation_mail(
    tx: &mut dyn Tx,
    v: &Voucher,
    kind: &'static str,
    program: &saps_core::Program,
    public_url: &str,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let (Some(partner), Some(res)) = (v.partner_id, v.reservation.as_ref()) else {
        return Ok(());
    };
    let partner = tx.org(partner)?.map(|o| o.name).unwrap_or_default();
    let draft = Draft::new(kind, format!("{public_url}/vouchers/{}", v.code))
        .arg("partner", partner.clone())
        .arg("code", v.code.to_string())
        .fact("mail-voucher-id", v.code.to_string())
        .fact("mail-partner", partner)
        .fact("mail-engagement", mail::engagement_name(program, v))
        .fact("mail-start", res.start_date)
        .fact("mail-end", res.end_date)
        .fact("mail-expires-on", v.expires_on);
    let contacts = mail::voucher_contacts(tx, v)?;
    mail::queue_to_users(tx, &contacts, &draft, now)?;
    Ok(())
}

impl App {
    pub async fn create_voucher(
        &self,
        actor: &Actor,
        req: NewVoucherRequest,
    ) -> Result<VoucherView, Error> {
        let actor = *actor;
        let program = self.program();
        let now = self.now();
        self.write(move |tx| {
            let customer = tx
                .org(req.customer_id)?
                .filter(|o| o.kind == OrgKind::Customer)
                .ok_or(Error::NotFound(Entity::Customer))?;
            authorize(
                &actor,
                Action::CreateVoucher,
                Resource::Org(customer.id, customer.kind),
            )?;
            let agreement = tx
                .agreement_by_number(customer.id, req.agreement.trim())?
                .ok_or_else(|| {
                    Error::invalid(
                        "agreement",
                        format!("this customer has no agreement {:?}", req.agreement),
                    )
                })?;
            let pm = tx
                .user(req.project_manager_id)?
                .ok_or(Rule::ProjectManagerNotInCustomer)?;
            let fifteen = if req.days == saps_core::program::MAX_ENGAGEMENT_DAYS {
                program
                    .engagement(&req.engagement)
                    .map(|(_, e)| tx.count_live_vouchers(customer.id, &e.code, req.days))
                    .transpose()?
                    .unwrap_or(0)
                    > 0
            } else {
                false
            };
            let v = create_voucher(NewVoucher {
                program: &program,
                customer: &customer,
                agreement: &agreement,
                engagement: &req.engagement,
                days: req.days,
                project_manager: &pm,
                created_by: actor.user_id,
                has_fifteen_day_engagement: fifteen,
                now,
            })?;
            let mut v = v;
            let mut tries = 0;
            loop {
                match tx.insert_voucher(&v) {
                    Err(StoreError::Duplicate("fifteen_day_engagement")) => {
                        return Err(Rule::SecondFifteenDayEngagement {
                            engagement: v.engagement.clone(),
                        }
                        .into());
                    }
                    Err(StoreError::Duplicate(_)) if tries < 3 => {
                        tries += 1;
                        v.code = VoucherCode::generate();
                    }
                    r => break r?,
                }
            }
            let created = VoucherCreated {
                code: v.code,
                engagement: v.engagement.clone(),
                days: v.days,
                agreement: agreement.number.clone(),
                project_manager_id: v.project_manager_id,
                expires_on: v.expires_on,
            };
            let event =
                NewEvent::new(created, now, Some(actor.user_id), program.version).voucher(&v);
            if !move_days(tx, &v, &event, -v.days.signed(), LedgerReason::VoucherDebit)? {
                let available = tx
                    .agreement(agreement.id)?
                    .map(|a| a.available)
                    .unwrap_or(0);
                return Err(Rule::InsufficientDays {
                    available,
                    requested: v.days,
                }
                .into());
            }
            tx.append_event(&event)?;
            view(tx, v, false)
        })
        .await
    }

    pub async fn assign_voucher(
        &self,
        actor: &Actor,
        code: VoucherCode,
        partner_id: OrgId,
    ) -> Result<VoucherView, Error> {
        let public_url = self.settings.public_url.clone();
        self.transition(
            actor,
            code,
            Action::AssignVoucher,
            move |tx, v, program, now| {
                let partner = tx
                    .org(partner_id)?
                    .filter(|o| o.kind == OrgKind::Partner)
                    .ok_or(Rule::PartnerUnknown)?;
                let next = v.assign(&partner, program, now)?;
                let today = saps_core::program_date(now);
                crate::handoff::may_assign(tx, program, partner.id, v, today)?;
                assignment_mail(tx, &next, &partner.name, program, &public_url, now)?;
                let event = VoucherAssigned {
                    code: next.code,
                    partner_id: partner.id,
                    partner: partner.name,
                    expires_on: next.expires_on,
                };
                Ok(Step {
                    next,
                    event: event.into(),
                    refund: false,
                })
            },
        )
        .await
    }

    pub async fn cancel_voucher(
        &self,
        actor: &Actor,
        code: VoucherCode,
    ) -> Result<VoucherView, Error> {
        self.cancel_voucher_with(actor, code, None).await
    }

    /// Cancels with an optional reason; the assigned partner's
    /// administrators are told by e-mail.
    pub async fn cancel_voucher_with(
        &self,
        actor: &Actor,
        code: VoucherCode,
        reason: Option<String>,
    ) -> Result<VoucherView, Error> {
        let reason = crate::cancel_mail::reason(reason)?;
        let public_url = self.settings.public_url.clone();
        self.transition(
            actor,
            code,
            Action::CancelVoucher,
            move |tx, v, program, now| {
                let next = v.cancel()?;
                crate::cancel_mail::tell_partner(
                    tx,
                    v,
                    reason.as_deref(),
                    program,
                    &public_url,
                    now,
                )?;
                let event = VoucherCancelled {
                    code: next.code,
                    refunded_days: next.days,
                    reason: reason.clone(),
                };
                Ok(Step {
                    next,
                    event: event.into(),
                    refund: true,
                })
            },
        )
        .await
    }

    /// Hands a voucher not yet delivered to another project manager of the
    /// customer (the people who may cancel it may do this).
    pub async fn change_project_manager(
        &self,
        actor: &Actor,
        code: VoucherCode,
        project_manager: UserId,
    ) -> Result<VoucherView, Error> {
        self.transition(actor, code, Action::CancelVoucher, move |tx, v, _, _| {
            let pm = tx
                .user(project_manager)?
                .ok_or(Rule::ProjectManagerNotInCustomer)?;
            let next = v.change_project_manager(&pm)?;
            let event = saps_core::event::ProjectManagerChanged {
                code: next.code,
                from: v.project_manager_id,
                to: pm.id,
            };
            Ok(Step {
                next,
                event: event.into(),
                refund: false,
            })
        })
        .await
    }

    /// The shape of every transition a person makes: load the voucher (locked
    /// on PostgreSQL), authorize, let `decide` produce the next voucher and its
    /// event (it may write more, such as mail, through `tx`), then write the
    /// voucher conditionally, give its days back if the step says so, append
    /// the event, and answer the new view — all in one transaction.
    pub(crate) async fn transition<F>(
        &self,
        actor: &Actor,
        code: VoucherCode,
        action: Action,
        mut decide: F,
    ) -> Result<VoucherView, Error>
    where
        F: FnMut(
                &mut dyn Tx,
                &Voucher,
                &saps_core::Program,
                jiff::Timestamp,
            ) -> Result<Step, Error>
            + Send
            + 'static,
    {
        let actor = *actor;
        let program = self.program();
        let now = self.now();
        self.write(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, action, Resource::Voucher(&v))?;
            let step = decide(tx, &v, &program, now)?;
            save(tx, &step.next)?;
            let mut event = NewEvent::new(step.event, now, Some(actor.user_id), program.version)
                .voucher(&step.next);
            // A partner that gives the voucher back still sees that event.
            if let (None, Some(p)) = (step.next.partner_id, v.partner_id) {
                event = event.partner(p);
            }
            if step.refund {
                move_days(
                    tx,
                    &step.next,
                    &event,
                    step.next.days.signed(),
                    LedgerReason::VoucherRefund,
                )?;
            }
            tx.append_event(&event)?;
            view(tx, step.next, false)
        })
        .await
    }

    pub async fn voucher(&self, actor: &Actor, code: VoucherCode) -> Result<VoucherView, Error> {
        let actor = *actor;
        self.read(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, Action::ViewVoucher, Resource::Voucher(&v))?;
            view(tx, v, true)
        })
        .await
    }

    /// The caller's vouchers, oldest first, `limit` at a time after `after`.
    pub async fn vouchers(
        &self,
        actor: &Actor,
        state: Option<VoucherState>,
        after: Option<VoucherId>,
        limit: u32,
    ) -> Result<Vec<VoucherView>, Error> {
        let query = VoucherQuery {
            scope: scope(actor),
            state,
            after,
            limit,
        };
        self.read(move |tx| {
            let vs = tx.vouchers(&query)?;
            vs.into_iter().map(|v| view(tx, v, false)).collect()
        })
        .await
    }

    /// Counts per state within the actor's scope.
    pub async fn voucher_counts(&self, actor: &Actor) -> Result<Vec<(VoucherState, u64)>, Error> {
        let s = scope(actor);
        self.read(move |tx| Ok(tx.voucher_counts(s)?)).await
    }

    pub async fn reserve_voucher(
        &self,
        actor: &Actor,
        code: VoucherCode,
        input: ReserveInput,
    ) -> Result<VoucherView, Error> {
        let reserved_by = actor.user_id;
        let public_url = self.settings.public_url.clone();
        self.transition(
            actor,
            code,
            Action::ReserveVoucher,
            move |tx, v, program, now| {
                let location = tx
                    .location(input.location_id)?
                    .ok_or(Rule::LocationNotInPartner)?;
                let consultant = tx
                    .user(input.consultant_id)?
                    .ok_or(Rule::ConsultantNotInPartner)?;
                let delivery_country = match &input.delivery_country {
                    Some(c) => saps_core::org::country_code(c)
                        .map_err(|m| Error::invalid("delivery_country", m))?,
                    None => crate::handoff::customer_country(tx, v)?,
                };
                // Eligibility is re-checked now, in this transaction, from the
                // partner's enrollment (locked), records and locations.
                let partner = v.partner_id.unwrap_or(location.partner_id);
                let today = saps_core::program_date(now);
                let next = crate::handoff::with_standing(
                    tx,
                    program,
                    partner,
                    &v.engagement,
                    today,
                    |s| {
                        v.reserve(ReserveRequest {
                            program,
                            location: &location,
                            consultant: &consultant,
                            start_date: input.start_date,
                            end_date: input.end_date,
                            accept_terms: input.accept_terms,
                            delivery_country: &delivery_country,
                            reserved_by,
                            now,
                            standing: s,
                        })
                    },
                )??;
                reservation_mail(tx, &next, "reserved", program, &public_url, now)?;
                let event = VoucherReserved {
                    code: next.code,
                    reservation: reservation_of(&next)?,
                    location: location.name,
                };
                Ok(Step {
                    next,
                    event: event.into(),
                    refund: false,
                })
            },
        )
        .await
    }

    pub async fn cancel_reservation(
        &self,
        actor: &Actor,
        code: VoucherCode,
        reason: &str,
    ) -> Result<VoucherView, Error> {
        let reason = reason.trim().to_owned();
        if reason.is_empty() {
            return Err(Error::invalid(
                "reason",
                "say why the reservation is cancelled",
            ));
        }
        if reason.chars().count() > 2000 {
            return Err(Error::invalid(
                "reason",
                "the reason may have at most 2000 characters",
            ));
        }
        let public_url = self.settings.public_url.clone();
        self.transition(
            actor,
            code,
            Action::CancelReservation,
            move |tx, v, program, now| {
                let next = v.cancel_reservation()?;
                reservation_mail(tx, v, "reservation-cancelled", program, &public_url, now)?;
                let event = ReservationCancelled {
                    code: next.code,
                    reason: reason.clone(),
                    reservation: reservation_of(v)?,
                };
                Ok(Step {
                    next,
                    event: event.into(),
                    refund: false,
                })
            },
        )
        .await
    }

    /// Looks a user up for display (the consultant's or project manager's name).
    pub async fn user_name(&self, id: UserId) -> Result<Option<String>, Error> {
        Ok(self.user(id).await?.map(|u| u.name))
    }

    /// Partner users of a given role, for choosing a consultant.
    pub async fn partner_consultants(&self, actor: &Actor) -> Result<Vec<saps_core::User>, Error> {
        let users = self.users(actor, actor.org_id).await?;
        Ok(users
            .into_iter()
            .filter(|u| u.role == Role::Consultant)
            .collect())
    }
}
