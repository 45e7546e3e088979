//! Read-only views for the web UI: what a page shows beyond what the other use
//! cases return — names instead of ids, the actions the actor may take on a
//! voucher now, and the choices a form offers. Every view authorizes like the
//! use case it sits next to; none writes.

use crate::{App, BenefitView, VoucherView};
use saps_core::authz::{Action, Resource, authorize, sees_voucher};
use saps_core::voucher::next_state;
use saps_core::{
    Actor, Error, Event, Location, Org, OrgId, OrgKind, Role, Transition, User, UserId, Voucher,
    VoucherCode, VoucherState,
};
use std::collections::HashMap;

/// What the actor may do to a voucher right now: allowed for their role and
/// possible from the voucher's state. Rules that need input (dates, pools)
/// are still checked when the action is taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VoucherActions {
    pub assign: bool,
    pub cancel: bool,
    pub reserve: bool,
    pub cancel_reservation: bool,
    /// The assigned partner may give it back to the customer.
    pub return_voucher: bool,
    /// The reserving partner may submit the completion report.
    pub report: bool,
    /// The customer may accept or decline the reported delivery (when its
    /// report awaits sign-off).
    pub sign_off: bool,
    /// The customer may hand it to another project manager (not yet delivered).
    pub change_project_manager: bool,
}

impl VoucherActions {
    pub fn of(actor: &Actor, v: &Voucher) -> Self {
        let may = |action: Action, t: Transition| {
            authorize(actor, action, Resource::Voucher(v)).is_ok()
                && next_state(v.state, t).is_some()
        };
        Self {
            assign: may(Action::AssignVoucher, Transition::Assign),
            cancel: may(Action::CancelVoucher, Transition::Cancel),
            reserve: may(Action::ReserveVoucher, Transition::Reserve),
            cancel_reservation: may(Action::CancelReservation, Transition::CancelReservation),
            return_voucher: may(Action::ReturnVoucher, Transition::Return),
            report: may(Action::ReportCompletion, Transition::Complete),
            sign_off: authorize(actor, Action::SignOff, Resource::Voucher(v)).is_ok()
                && v.state == VoucherState::Completed,
            change_project_manager: authorize(actor, Action::CancelVoucher, Resource::Voucher(v))
                .is_ok()
                && matches!(
                    v.state,
                    VoucherState::Created | VoucherState::Assigned | VoucherState::Reserved
                ),
        }
    }

    pub fn any(&self) -> bool {
        self.assign
            || self.cancel
            || self.reserve
            || self.cancel_reservation
            || self.return_voucher
            || self.report
    }
}

/// A voucher's reservation with names.
#[derive(Clone, Debug)]
pub struct ReservationView {
    pub location: Option<Location>,
    pub consultant: Option<String>,
    pub start_date: jiff::civil::Date,
    pub end_date: jiff::civil::Date,
    pub delivery_country: String,
    pub reserved_at: jiff::Timestamp,
}

/// One voucher with everything its page shows.
#[derive(Clone, Debug)]
pub struct VoucherDetail {
    pub voucher: VoucherView,
    pub offering: String,
    pub engagement_name: String,
    pub customer: Org,
    pub partner: Option<Org>,
    pub project_manager: Option<User>,
    pub created_by: Option<User>,
    pub reservation: Option<ReservationView>,
    /// Names of the people in the history, by id.
    pub names: HashMap<UserId, String>,
    pub history: Vec<Event>,
    pub actions: VoucherActions,
}

/// A voucher in a list.
#[derive(Clone, Debug)]
pub struct VoucherRow {
    pub code: VoucherCode,
    pub state: VoucherState,
    pub engagement: String,
    pub engagement_name: String,
    pub days: u32,
    pub customer: String,
    pub partner: Option<String>,
    pub expires_on: jiff::civil::Date,
    pub created_at: jiff::Timestamp,
    pub start_date: Option<jiff::civil::Date>,
    pub actions: VoucherActions,
    /// Days from today to the expiry (negative once past).
    pub days_left: i64,
    /// Still open and expiring within `lists::EXPIRING_DAYS` days.
    pub expiring: bool,
    /// Reserved, and the reservation's start date has passed without a report.
    pub report_overdue: bool,
    /// Completed, signed off, and the actor may redeem it: the list offers a
    /// check box for "Redeem selected vouchers".
    pub redeemable: bool,
}

/// One voucher as a list shows it; `orgs` caches names between rows.
pub(crate) fn voucher_row(
    tx: &mut dyn saps_core::port::Tx,
    program: &saps_core::Program,
    actor: &Actor,
    today: jiff::civil::Date,
    orgs: &mut HashMap<OrgId, String>,
    v: Voucher,
) -> Result<VoucherRow, Error> {
    let mut name_of = |id: OrgId| -> Result<String, Error> {
        if let Some(n) = orgs.get(&id) {
            return Ok(n.clone());
        }
        let n = tx.org(id)?.map(|o| o.name).unwrap_or_default();
        orgs.insert(id, n.clone());
        Ok(n)
    };
    let customer = name_of(v.customer_id)?;
    let partner = v.partner_id.map(&mut name_of).transpose()?;
    let engagement_name = program
        .engagement(&v.engagement)
        .map(|(_, e)| e.name.clone())
        .unwrap_or_else(|| v.engagement.clone());
    let days_left = crate::lists::days_left(today, v.expires_on);
    let start_date = v.reservation.as_ref().map(|r| r.start_date);
    let redeemable = v.state == VoucherState::Completed
        && authorize(actor, Action::RedeemVoucher, Resource::Voucher(&v)).is_ok()
        && tx
            .current_report(v.id)?
            .is_some_and(|r| r.sign_off.is_signed_off());
    Ok(VoucherRow {
        code: v.code,
        state: v.state,
        engagement: v.engagement.clone(),
        engagement_name,
        days: v.days.0,
        customer,
        partner,
        expires_on: v.expires_on,
        created_at: v.created_at,
        start_date,
        actions: VoucherActions::of(actor, &v),
        days_left,
        expiring: crate::lists::OPEN_STATES.contains(&v.state)
            && days_left <= crate::lists::EXPIRING_DAYS,
        report_overdue: v.state == VoucherState::Reserved && start_date.is_some_and(|d| d < today),
        redeemable,
    })
}

/// An engagement a voucher may be created for, with its allowed lengths.
#[derive(Clone, Debug)]
pub struct EngagementChoice {
    pub code: String,
    pub name: String,
    pub offering: String,
    pub offering_name: String,
    pub lengths: Vec<u32>,
    /// The date it was retired, if it is retired today.
    pub retired_on: Option<jiff::civil::Date>,
}

/// The choices of the voucher creation form.
#[derive(Clone, Debug)]
pub struct VoucherForm {
    pub customer: Org,
    pub benefit: BenefitView,
    pub engagements: Vec<EngagementChoice>,
    pub project_managers: Vec<User>,
    pub partners: Vec<Org>,
}

/// The choices of the reservation form: the partner's locations and consultants.
#[derive(Clone, Debug)]
pub struct ReserveForm {
    pub locations: Vec<Location>,
    pub consultants: Vec<User>,
}

/// An account of the demo, listed on its sign-in page.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub org: String,
}

/// Folds a search text the way voucher IDs are read: case, dashes, spaces and
/// the usual misreadings do not matter.
fn fold_code(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

impl App {
    fn engagement_names(&self, code: &str) -> (String, String) {
        let program = self.program();
        program
            .engagement(code)
            .map(|(o, e)| (o.code.clone(), e.name.clone()))
            .unwrap_or_else(|| (String::new(), code.to_owned()))
    }

    /// One voucher with names, its history and the actions open to the actor.
    pub async fn voucher_detail(
        &self,
        actor: &Actor,
        code: VoucherCode,
    ) -> Result<VoucherDetail, Error> {
        let mut voucher = self.voucher(actor, code).await?;
        let a = *actor;
        let (offering, engagement_name) = self.engagement_names(&voucher.engagement);
        let history = voucher.history.take().unwrap_or_default();
        let actor_ids: Vec<UserId> = history.iter().filter_map(|e| e.actor_id).collect();
        let (customer, partner, pm, creator, reservation, names, actions) = self
            .read(move |tx| {
                let v = tx
                    .voucher_by_code(&code)?
                    .ok_or(Error::NotFound(saps_core::Entity::Voucher))?;
                authorize(&a, Action::ViewVoucher, Resource::Voucher(&v))?;
                let customer = tx
                    .org(v.customer_id)?
                    .ok_or(Error::NotFound(saps_core::Entity::Customer))?;
                let partner = match v.partner_id {
                    Some(p) => tx.org(p)?,
                    None => None,
                };
                let pm = tx.user(v.project_manager_id)?;
                let creator = tx.user(v.created_by)?;
                let reservation = match &v.reservation {
                    Some(r) => Some(ReservationView {
                        location: tx.location(r.location_id)?,
                        consultant: tx.user(r.consultant_id)?.map(|u| u.name),
                        start_date: r.start_date,
                        end_date: r.end_date,
                        delivery_country: r.delivery_country.clone(),
                        reserved_at: r.reserved_at,
                    }),
                    None => None,
                };
                let mut names = HashMap::new();
                for id in &actor_ids {
                    if !names.contains_key(id)
                        && let Some(u) = tx.user(*id)?
                    {
                        names.insert(*id, u.name);
                    }
                }
                Ok((
                    customer,
                    partner,
                    pm,
                    creator,
                    reservation,
                    names,
                    VoucherActions::of(&a, &v),
                ))
            })
            .await?;
        Ok(VoucherDetail {
            voucher,
            offering,
            engagement_name,
            customer,
            partner,
            project_manager: pm,
            created_by: creator,
            reservation,
            names,
            history,
            actions,
        })
    }

    /// The actor's vouchers, newest first, optionally in one state and
    /// matching a (partial) voucher ID.
    pub async fn voucher_rows(
        &self,
        actor: &Actor,
        state: Option<VoucherState>,
        search: &str,
    ) -> Result<Vec<VoucherRow>, Error> {
        const MAX: usize = 2000;
        let needle = fold_code(search);
        let a = *actor;
        let query = saps_core::port::VoucherQuery {
            scope: saps_core::authz::scope(actor),
            state,
            after: None,
            limit: 500,
        };
        let program = self.program();
        let today = self.today();
        self.read(move |tx| {
            let mut rows = Vec::new();
            let mut q = query.clone();
            let mut orgs: HashMap<OrgId, String> = HashMap::new();
            loop {
                let page = tx.vouchers(&q)?;
                let full = page.len() == q.limit as usize;
                q.after = page.last().map(|v| v.id);
                for v in page {
                    if !sees_voucher(&a, &v) {
                        continue;
                    }
                    if !needle.is_empty() && !v.code.compact().contains(&needle) {
                        continue;
                    }
                    rows.push(voucher_row(tx, &program, &a, today, &mut orgs, v)?);
                }
                if !full || rows.len() >= MAX {
                    break;
                }
            }
            rows.reverse();
            Ok(rows)
        })
        .await
    }

    /// What the voucher creation form offers a benefit administrator: the
    /// pools, the engagements open today with their lengths, the customer's
    /// project managers and the partners.
    pub async fn voucher_form(&self, actor: &Actor) -> Result<VoucherForm, Error> {
        let customer = self.org(actor, actor.org_id).await?;
        if customer.kind != OrgKind::Customer {
            return Err(Error::NotFound(saps_core::Entity::Customer));
        }
        authorize(
            actor,
            Action::CreateVoucher,
            Resource::Org(customer.id, customer.kind),
        )?;
        let benefit = self.benefit(actor, customer.id).await?;
        let project_managers = self
            .users(actor, customer.id)
            .await?
            .into_iter()
            .filter(|u| u.role == Role::ProjectManager)
            .collect();
        let partners = self.orgs(actor, OrgKind::Partner).await?;
        let program = self.program();
        let today = self.today();
        let engagements = program
            .offerings
            .iter()
            .flat_map(|o| {
                let program = &program;
                o.engagements.iter().map(move |e| EngagementChoice {
                    code: e.code.clone(),
                    name: e.name.clone(),
                    offering: o.code.clone(),
                    offering_name: o.name.clone(),
                    lengths: e.lengths.clone(),
                    retired_on: program.engagement_retired_on(e).filter(|on| today >= *on),
                })
            })
            .collect();
        Ok(VoucherForm {
            customer,
            benefit,
            engagements,
            project_managers,
            partners,
        })
    }

    /// The demo's accounts, for its sign-in page: only those `saps demo`
    /// seeded and asked to list (`list_demo_accounts`), else none.
    pub async fn demo_accounts(&self) -> Result<Vec<DemoAccount>, Error> {
        let emails = self.demo_emails().to_vec();
        if emails.is_empty() {
            return Ok(Vec::new());
        }
        self.read(move |tx| {
            let mut out = Vec::new();
            for email in &emails {
                let Some(u) = tx.user_by_email(email)? else {
                    continue;
                };
                let org = tx.org(u.org_id)?.map(|o| o.name).unwrap_or_default();
                out.push(DemoAccount {
                    email: u.email,
                    name: u.name,
                    role: u.role,
                    org,
                });
            }
            Ok(out)
        })
        .await
    }

    /// What the reservation form offers a partner admin.
    pub async fn reserve_form(&self, actor: &Actor) -> Result<ReserveForm, Error> {
        if !actor.role.is_partner_admin() {
            return Err(Error::forbidden("Your role may not reserve vouchers."));
        }
        let locations = self.locations(actor.org_id).await?;
        let consultants = self.partner_consultants(actor).await?;
        Ok(ReserveForm {
            locations,
            consultants,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fold_code;

    #[test]
    fn searching_folds_case_dashes_and_misreadings() {
        assert_eq!(fold_code("7k3m-9qxr o"), "7K3M9QXR0");
        assert_eq!(fold_code(" il "), "11");
    }
}
