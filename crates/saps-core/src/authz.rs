//! Authorization: one pure function deciding whether an actor may do an action
//! on a resource, and the scope of what each actor may list.
//!
//! Another tenant's object is answered exactly like a missing one (`NotFound`);
//! a visible object the role may not act on is `Forbidden`.

use crate::error::{Entity, Error};
use crate::ids::{OrgId, UserId};
use crate::journal::Scope;
use crate::org::{Actor, OrgKind, Role};
use crate::voucher::Voucher;

/// What an actor wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    CreatePartner,
    CreateCustomer,
    ViewOrg,
    AddUser(Role),
    AddAgreement,
    ActivateBenefit,
    ViewBenefit,
    CreateVoucher,
    ViewVoucher,
    AssignVoucher,
    CancelVoucher,
    ValidateVoucher,
    ReserveVoucher,
    CancelReservation,
    MoveClock,
    ChangeProgram,
    /// Record a partner company's trainings, competencies or consultants' exams.
    RecordQualification,
    AddLocation,
    ViewEligibility,
    PublishProviderAgreement,
    SignProviderAgreement,
    Enroll,
    ViewEnrollments,
    /// Disable a user, or enable it again.
    DisableUser,
    /// The assigned partner gives an unreserved voucher back to the customer.
    ReturnVoucher,
    /// Write a partner company's business profile.
    EditProfile,
    /// Read a partner company's business profile (the directory shows listed
    /// companies' profiles to everyone signed in: decided by the use case).
    ViewProfile,
    /// Search the partner directory.
    SearchDirectory,
    /// The reserving partner submits the completion report.
    ReportCompletion,
    /// The customer accepts or declines the delivery.
    SignOff,
    /// The reserving partner redeems a signed-off voucher.
    RedeemVoucher,
    /// Subscribe the actor's organisation's webhooks, list, test or remove
    /// them (another organisation's are not found: decided by the use case).
    ManageWebhooks,
    /// Record training-voucher days a customer's agreement holds.
    GrantTrainingDays,
    /// The customer converts training-voucher days into planning days.
    ConvertTrainingDays,
}

/// What the action is done on.
#[derive(Clone, Copy, Debug)]
pub enum Resource<'a> {
    /// The program as a whole (catalog, clock, creating organisations).
    Program,
    /// An organisation, with its kind.
    Org(OrgId, OrgKind),
    Voucher(&'a Voucher),
    /// A user, with the organisation it belongs to.
    User(UserId, OrgId),
}

/// What an actor may list and read.
pub fn scope(actor: &Actor) -> Scope {
    match actor.role {
        Role::Operator => Scope::All,
        Role::GlobalAdmin | Role::MpnAdmin => Scope::Partner(actor.org_id),
        Role::Consultant => Scope::Consultant(actor.org_id, actor.user_id),
        Role::BenefitAdmin => Scope::Customer(actor.org_id),
        Role::ProjectManager => Scope::ProjectManager(actor.org_id, actor.user_id),
    }
}

/// Whether a voucher is within an actor's sight at all.
pub fn sees_voucher(actor: &Actor, v: &Voucher) -> bool {
    match scope(actor) {
        Scope::All => true,
        Scope::Customer(org) => v.customer_id == org,
        Scope::ProjectManager(org, user) => v.customer_id == org && v.project_manager_id == user,
        Scope::Partner(org) => v.partner_id == Some(org),
        Scope::Consultant(org, user) => {
            v.partner_id == Some(org)
                && v.reservation
                    .as_ref()
                    .is_some_and(|r| r.consultant_id == user)
        }
    }
}

fn deny(allowed: bool, what: &str) -> Result<(), Error> {
    if allowed {
        Ok(())
    } else {
        Err(Error::forbidden(format!("Your role may not {what}.")))
    }
}

/// The one authorization decision.
pub fn authorize(actor: &Actor, action: Action, resource: Resource<'_>) -> Result<(), Error> {
    let role = actor.role;
    let op = role == Role::Operator;
    match (action, resource) {
        (Action::CreatePartner | Action::CreateCustomer, Resource::Program) => {
            deny(op, "create organisations")
        }
        (Action::MoveClock, Resource::Program) => deny(op, "move the program clock"),
        (Action::ChangeProgram, Resource::Program) => deny(op, "change the program"),
        // The directory is for everyone signed in: customers look for
        // partners, partners and the operator see what customers see.
        (Action::SearchDirectory, Resource::Program) => Ok(()),
        (Action::ManageWebhooks, Resource::Program) => deny(
            matches!(
                role,
                Role::Operator | Role::GlobalAdmin | Role::BenefitAdmin
            ),
            "manage webhooks",
        ),
        (Action::PublishProviderAgreement, Resource::Program) => {
            deny(op, "publish the provider agreement")
        }
        (action, Resource::Org(org, kind)) => {
            if !op && org != actor.org_id {
                // Named as the route names it, not by the kind found: an
                // organisation route (`/orgs/{id}/…`) says `org.not_found` for a
                // missing id, so another tenant's organisation must say the same,
                // else the answer tells that it exists and what it is.
                return Err(Error::NotFound(match (action, kind) {
                    (Action::ViewOrg | Action::AddUser(_), _) | (_, OrgKind::Operator) => {
                        Entity::Org
                    }
                    (_, OrgKind::Partner) => Entity::Partner,
                    (_, OrgKind::Customer) => Entity::Customer,
                }));
            }
            match action {
                Action::ViewOrg => Ok(()),
                Action::AddUser(new_role) => deny(
                    op || (new_role.org_kind() == kind
                        && match kind {
                            OrgKind::Partner => role == Role::GlobalAdmin,
                            OrgKind::Customer => role == Role::BenefitAdmin,
                            OrgKind::Operator => false,
                        }),
                    "add users here",
                ),
                Action::AddAgreement => deny(op, "add agreements"),
                Action::ActivateBenefit => deny(role == Role::BenefitAdmin, "activate the benefit"),
                Action::ViewBenefit => deny(op || kind == OrgKind::Customer, "see the benefit"),
                Action::CreateVoucher => deny(role == Role::BenefitAdmin, "create vouchers"),
                Action::RecordQualification => deny(op, "record qualifications"),
                Action::AddLocation => deny(
                    kind == OrgKind::Partner && (op || role == Role::GlobalAdmin),
                    "add locations",
                ),
                Action::ViewEligibility | Action::ViewEnrollments => deny(
                    kind == OrgKind::Partner && (op || role.is_partner_admin()),
                    "see eligibility and enrollments",
                ),
                Action::SignProviderAgreement => deny(
                    kind == OrgKind::Partner && role == Role::GlobalAdmin,
                    "sign the provider agreement",
                ),
                Action::Enroll => deny(
                    kind == OrgKind::Partner && role.is_partner_admin(),
                    "enroll in offerings",
                ),
                Action::EditProfile => deny(
                    kind == OrgKind::Partner && (op || role.is_partner_admin()),
                    "change the business profile",
                ),
                Action::ViewProfile => deny(kind == OrgKind::Partner, "see a business profile"),
                Action::GrantTrainingDays => {
                    deny(op && kind == OrgKind::Customer, "record training days")
                }
                Action::ConvertTrainingDays => deny(
                    kind == OrgKind::Customer && role == Role::BenefitAdmin,
                    "convert training days",
                ),
                _ => deny(false, "do this here"),
            }
        }
        (action, Resource::Voucher(v)) => {
            if !sees_voucher(actor, v) {
                return Err(Error::NotFound(Entity::Voucher));
            }
            let customer_side = actor.org_id == v.customer_id;
            let partner_admin = role.is_partner_admin() && v.partner_id == Some(actor.org_id);
            match action {
                Action::ViewVoucher => Ok(()),
                Action::AssignVoucher => deny(
                    customer_side && matches!(role, Role::BenefitAdmin | Role::ProjectManager),
                    "assign this voucher",
                ),
                Action::CancelVoucher => deny(
                    customer_side && role == Role::BenefitAdmin,
                    "cancel this voucher",
                ),
                Action::ValidateVoucher | Action::ReserveVoucher | Action::CancelReservation => {
                    deny(partner_admin, "reserve vouchers")
                }
                Action::ReturnVoucher => deny(partner_admin, "return this voucher"),
                Action::ReportCompletion => deny(partner_admin, "report on this engagement"),
                Action::SignOff => deny(
                    customer_side && matches!(role, Role::BenefitAdmin | Role::ProjectManager),
                    "sign this delivery off",
                ),
                Action::RedeemVoucher => deny(partner_admin, "redeem vouchers"),
                _ => deny(false, "do this to a voucher"),
            }
        }
        (Action::DisableUser, Resource::User(user, org)) => {
            if !op && org != actor.org_id {
                return Err(Error::NotFound(Entity::User));
            }
            if user == actor.user_id {
                return Err(Error::forbidden("You may not disable or enable yourself."));
            }
            // Within its own org (checked above), an admin of a partner or a customer.
            deny(
                op || matches!(role, Role::GlobalAdmin | Role::BenefitAdmin),
                "disable or enable users",
            )
        }
        _ => deny(false, "do this"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;

    fn actor(role: Role, org: OrgId) -> Actor {
        Actor {
            user_id: UserId::new(),
            org_id: org,
            role,
        }
    }

    #[test]
    fn another_tenants_org_is_not_found_and_a_wrong_role_is_forbidden() {
        let own = OrgId::new();
        let other = OrgId::new();
        let ba = actor(Role::BenefitAdmin, own);
        assert_eq!(
            authorize(
                &ba,
                Action::ViewBenefit,
                Resource::Org(other, OrgKind::Customer)
            ),
            Err(Error::NotFound(Entity::Customer))
        );
        assert!(
            authorize(
                &ba,
                Action::ActivateBenefit,
                Resource::Org(own, OrgKind::Customer)
            )
            .is_ok()
        );
        let pm = actor(Role::ProjectManager, own);
        assert!(matches!(
            authorize(
                &pm,
                Action::CreateVoucher,
                Resource::Org(own, OrgKind::Customer)
            ),
            Err(Error::Forbidden(_))
        ));
        assert!(matches!(
            authorize(&pm, Action::CreatePartner, Resource::Program),
            Err(Error::Forbidden(_))
        ));
    }

    #[test]
    fn only_the_operator_and_the_orgs_own_admins_disable_users_and_never_themselves() {
        let (p, c) = (OrgId::new(), OrgId::new());
        let someone_in = |org| Resource::User(UserId::new(), org);
        let op = actor(Role::Operator, OrgId::new());
        assert!(authorize(&op, Action::DisableUser, someone_in(p)).is_ok());
        assert!(
            authorize(
                &op,
                Action::DisableUser,
                Resource::User(op.user_id, op.org_id)
            )
            .is_err()
        );
        for admin in [actor(Role::GlobalAdmin, p), actor(Role::BenefitAdmin, c)] {
            assert!(authorize(&admin, Action::DisableUser, someone_in(admin.org_id)).is_ok());
            let itself = Resource::User(admin.user_id, admin.org_id);
            assert!(matches!(
                authorize(&admin, Action::DisableUser, itself),
                Err(Error::Forbidden(_))
            ));
            assert_eq!(
                authorize(&admin, Action::DisableUser, someone_in(OrgId::new())),
                Err(Error::NotFound(Entity::User))
            );
        }
        let others = [
            (Role::MpnAdmin, p),
            (Role::Consultant, p),
            (Role::ProjectManager, c),
        ];
        for (role, org) in others {
            let a = actor(role, org);
            assert!(matches!(
                authorize(&a, Action::DisableUser, someone_in(org)),
                Err(Error::Forbidden(_))
            ));
        }
    }

    #[test]
    fn users_may_be_added_only_in_roles_of_their_org_kind() {
        let p = OrgId::new();
        let ga = actor(Role::GlobalAdmin, p);
        assert!(
            authorize(
                &ga,
                Action::AddUser(Role::Consultant),
                Resource::Org(p, OrgKind::Partner)
            )
            .is_ok()
        );
        assert!(
            authorize(
                &ga,
                Action::AddUser(Role::BenefitAdmin),
                Resource::Org(p, OrgKind::Partner)
            )
            .is_err()
        );
        let mpn = actor(Role::MpnAdmin, p);
        assert!(
            authorize(
                &mpn,
                Action::AddUser(Role::Consultant),
                Resource::Org(p, OrgKind::Partner)
            )
            .is_err()
        );
    }
}
