//! The home page of each party as a use case: what they hold, and what to do
//! next — decided here from their abilities and counts, so no page decides it.

use crate::views::VoucherRow;
use crate::{App, BenefitView};
use saps_core::authz::{Action, Resource, authorize};
use saps_core::{Actor, Error, OrgKind, VoucherState};

/// What an actor's role lets them start, for menus and links. Each comes from
/// the authorization decision the use case itself takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Abilities {
    pub create_vouchers: bool,
    pub activate_benefit: bool,
    /// Validate and reserve vouchers assigned to their partner.
    pub reserve_vouchers: bool,
    pub move_clock: bool,
    /// Disable and enable users (of its own organisation, or any for the operator).
    pub manage_users: bool,
    /// See its company's Planning Services tab (eligibility, agreement, enrollment).
    pub planning_services: bool,
    /// Keep every partner's records and publish the program agreement (operator).
    pub manage_partners: bool,
    /// See claims: the operator (to review and pay them), a partner's admins
    /// (to claim payment of redeemed vouchers).
    pub payments: bool,
    /// Register the company for payment and give its bank accounts (a
    /// partner's global admin).
    pub payment_setup: bool,
    /// See the journal's head, verify it and browse it (operator).
    pub audit_journal: bool,
    /// Subscribe the organisation's webhooks (operator, a partner's global
    /// admin, a customer's benefit admin).
    pub webhooks: bool,
}

impl Abilities {
    pub fn of(actor: &Actor) -> Self {
        let own = Resource::Org(actor.org_id, actor.role.org_kind());
        let may = |action: Action, on: Resource<'_>| authorize(actor, action, on).is_ok();
        Self {
            create_vouchers: may(Action::CreateVoucher, own),
            activate_benefit: may(Action::ActivateBenefit, own),
            // Reserving is authorized per voucher: a partner admin may reserve
            // the vouchers assigned to their partner.
            reserve_vouchers: actor.role.is_partner_admin(),
            move_clock: may(Action::MoveClock, Resource::Program),
            // Anyone else in the actor's own organisation.
            manage_users: may(
                Action::DisableUser,
                Resource::User(saps_core::UserId::new(), actor.org_id),
            ),
            planning_services: actor.role.org_kind() == saps_core::OrgKind::Partner
                && may(Action::ViewEligibility, own),
            manage_partners: may(Action::PublishProviderAgreement, Resource::Program),
            payments: saps_core::payment::authorize_claim(
                actor,
                saps_core::payment::ClaimAction::View,
                None,
            )
            .is_ok(),
            payment_setup: actor.role == saps_core::Role::GlobalAdmin,
            audit_journal: actor.role == saps_core::Role::Operator,
            webhooks: may(Action::ManageWebhooks, Resource::Program),
        }
    }
}

/// What a home page suggests doing next, with the figures it quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// The benefit administrator can activate the benefit.
    ActivateBenefit,
    /// Others on the customer's side ask their administrator to.
    AskToActivate,
    CreateVouchers {
        available: i64,
    },
    NoDaysLeft,
    AssignVouchers {
        count: u64,
    },
    AwaitPartner {
        count: u64,
    },
    ReservedByPartner {
        count: u64,
    },
    NothingToDo,
    ReserveAssigned {
        count: u64,
    },
    DeliverReserved {
        count: u64,
    },
    DeliverAsConsultant {
        count: u64,
    },
    PartnerNothingToDo,
    ConsultantNothingToDo,
    CheckClock,
    OpenVouchers {
        count: u64,
    },
}

/// Each party's home: what they hold and what to do next.
#[derive(Clone, Debug)]
pub enum Home {
    Customer {
        benefit: BenefitView,
        available: i64,
        recent: Vec<VoucherRow>,
        abilities: Abilities,
        steps: Vec<NextStep>,
    },
    Partner {
        to_reserve: Vec<VoucherRow>,
        reserved: Vec<VoucherRow>,
        abilities: Abilities,
        steps: Vec<NextStep>,
    },
    Operator {
        counts: Vec<(VoucherState, u64)>,
        steps: Vec<NextStep>,
    },
}

fn count_of(counts: &[(VoucherState, u64)], s: VoucherState) -> u64 {
    counts
        .iter()
        .find(|(k, _)| *k == s)
        .map(|(_, n)| *n)
        .unwrap_or(0)
}

/// What a customer should do next, from their benefit and vouchers.
fn customer_steps(
    abilities: Abilities,
    active: bool,
    available: i64,
    counts: &[(VoucherState, u64)],
) -> Vec<NextStep> {
    let mut steps = Vec::new();
    if !active {
        steps.push(if abilities.activate_benefit {
            NextStep::ActivateBenefit
        } else {
            NextStep::AskToActivate
        });
    } else if abilities.create_vouchers && available > 0 {
        steps.push(NextStep::CreateVouchers { available });
    } else if abilities.create_vouchers {
        steps.push(NextStep::NoDaysLeft);
    }
    let mut push = |n: u64, step: fn(u64) -> NextStep| {
        if n > 0 {
            steps.push(step(n));
        }
    };
    push(count_of(counts, VoucherState::Created), |count| {
        NextStep::AssignVouchers { count }
    });
    push(count_of(counts, VoucherState::Assigned), |count| {
        NextStep::AwaitPartner { count }
    });
    push(count_of(counts, VoucherState::Reserved), |count| {
        NextStep::ReservedByPartner { count }
    });
    if steps.is_empty() {
        steps.push(NextStep::NothingToDo);
    }
    steps
}

fn partner_steps(abilities: Abilities, to_reserve: u64, reserved: u64) -> Vec<NextStep> {
    let admin = abilities.reserve_vouchers;
    let mut steps = Vec::new();
    if admin && to_reserve > 0 {
        steps.push(NextStep::ReserveAssigned { count: to_reserve });
    }
    if reserved > 0 {
        steps.push(if admin {
            NextStep::DeliverReserved { count: reserved }
        } else {
            NextStep::DeliverAsConsultant { count: reserved }
        });
    }
    if steps.is_empty() {
        steps.push(if admin {
            NextStep::PartnerNothingToDo
        } else {
            NextStep::ConsultantNothingToDo
        });
    }
    steps
}

fn operator_steps(counts: &[(VoucherState, u64)]) -> Vec<NextStep> {
    let mut steps = vec![NextStep::CheckClock];
    let open = count_of(counts, VoucherState::Created) + count_of(counts, VoucherState::Assigned);
    if open > 0 {
        steps.push(NextStep::OpenVouchers { count: open });
    }
    steps
}

/// How many of the most recent vouchers a customer's home lists.
const RECENT: usize = 5;

impl App {
    /// The actor's home page: a customer's benefit and recent vouchers, a
    /// partner's vouchers to reserve and deliver, the operator's counts —
    /// each with what to do next.
    pub async fn home(&self, actor: &Actor) -> Result<Home, Error> {
        let abilities = Abilities::of(actor);
        match actor.role.org_kind() {
            OrgKind::Customer => {
                let benefit = self.benefit(actor, actor.org_id).await?;
                let counts = self.voucher_counts(actor).await?;
                let mut recent = self.voucher_rows(actor, None, "").await?;
                recent.truncate(RECENT);
                let available = benefit.pools.iter().map(|p| p.available).sum();
                let steps = customer_steps(abilities, benefit.active, available, &counts);
                Ok(Home::Customer {
                    benefit,
                    available,
                    recent,
                    abilities,
                    steps,
                })
            }
            OrgKind::Partner => {
                let to_reserve = self
                    .voucher_rows(actor, Some(VoucherState::Assigned), "")
                    .await?;
                let reserved = self
                    .voucher_rows(actor, Some(VoucherState::Reserved), "")
                    .await?;
                let steps =
                    partner_steps(abilities, to_reserve.len() as u64, reserved.len() as u64);
                Ok(Home::Partner {
                    to_reserve,
                    reserved,
                    abilities,
                    steps,
                })
            }
            OrgKind::Operator => {
                let counts = self.voucher_counts(actor).await?;
                let steps = operator_steps(&counts);
                Ok(Home::Operator { counts, steps })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use saps_core::{OrgId, Role, UserId};

    fn abilities(role: Role) -> Abilities {
        Abilities::of(&Actor {
            user_id: UserId::new(),
            org_id: OrgId::new(),
            role,
        })
    }

    #[test]
    fn each_role_may_start_what_its_use_cases_allow() {
        assert!(abilities(Role::BenefitAdmin).create_vouchers);
        assert!(!abilities(Role::ProjectManager).create_vouchers);
        assert!(abilities(Role::MpnAdmin).reserve_vouchers);
        assert!(!abilities(Role::Consultant).reserve_vouchers);
        assert!(abilities(Role::Operator).move_clock);
        assert!(!abilities(Role::GlobalAdmin).move_clock);
        for role in Role::ALL {
            let a = abilities(role);
            assert_eq!(a.planning_services, role.is_partner_admin(), "{role:?}");
            assert_eq!(a.manage_partners, role == Role::Operator, "{role:?}");
            let sees_claims = role == Role::Operator || role.is_partner_admin();
            assert_eq!(a.payments, sees_claims, "{role:?}");
            assert_eq!(a.payment_setup, role == Role::GlobalAdmin, "{role:?}");
        }
    }

    #[test]
    fn a_customer_is_told_to_activate_then_to_create_and_assign() {
        let admin = abilities(Role::BenefitAdmin);
        assert_eq!(
            customer_steps(admin, false, 0, &[]),
            vec![NextStep::ActivateBenefit]
        );
        assert_eq!(
            customer_steps(abilities(Role::ProjectManager), false, 0, &[]),
            vec![NextStep::AskToActivate]
        );
        assert_eq!(
            customer_steps(admin, true, 12, &[(VoucherState::Created, 2)]),
            vec![
                NextStep::CreateVouchers { available: 12 },
                NextStep::AssignVouchers { count: 2 }
            ]
        );
        assert_eq!(
            customer_steps(abilities(Role::ProjectManager), true, 12, &[]),
            vec![NextStep::NothingToDo]
        );
    }

    #[test]
    fn partners_and_the_operator_are_told_what_waits_for_them() {
        assert_eq!(
            partner_steps(abilities(Role::GlobalAdmin), 2, 1),
            vec![
                NextStep::ReserveAssigned { count: 2 },
                NextStep::DeliverReserved { count: 1 }
            ]
        );
        assert_eq!(
            partner_steps(abilities(Role::Consultant), 2, 0),
            vec![NextStep::ConsultantNothingToDo]
        );
        assert_eq!(
            operator_steps(&[(VoucherState::Assigned, 3)]),
            vec![NextStep::CheckClock, NextStep::OpenVouchers { count: 3 }]
        );
    }
}
