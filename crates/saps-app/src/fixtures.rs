//! A small, complete world for benchmarks and tests: an operator, a partner
//! with a location, an admin and a consultant, and a customer with an active
//! benefit, an agreement, a benefit admin and a project manager.

use crate::{App, NewLocation, NewUser, NewVoucherRequest};
use jiff::civil::date;
use saps_core::{Actor, Error, Location, Org, Role, User, VoucherCode};

/// The password every fixture user has.
pub const PASSWORD: &str = "fixture-password";

/// Everything a test or benchmark needs to drive the voucher path.
#[derive(Clone, Debug)]
pub struct World {
    pub operator: User,
    pub partner: Org,
    pub location: Location,
    pub partner_admin: User,
    pub consultant: User,
    pub customer: Org,
    pub agreement: String,
    pub benefit_admin: User,
    pub project_manager: User,
}

impl World {
    /// Builds a world; `tag` keeps e-mails unique when several share a database.
    /// The clock must be inside 2019-07-01 … 2021-01-31 (accrual still open).
    pub async fn build(app: &App, pool_days: u32, tag: &str) -> Result<World, Error> {
        let op_org = app.bootstrap_operator_org("Program operator").await?;
        let operator = app
            .add_user(
                None,
                op_org,
                NewUser {
                    email: format!("operator-{tag}@fixture.example"),
                    name: "Operator".into(),
                    role: Role::Operator,
                    password: PASSWORD.into(),
                },
            )
            .await?;
        let op = Actor::of(&operator);
        let (partner, locations) = app
            .create_partner(
                &op,
                &format!("Partner {tag}"),
                "FR",
                vec![NewLocation {
                    name: "Paris".into(),
                    country: "FR".into(),
                    city: "Paris".into(),
                }],
            )
            .await?;
        let partner_admin = app
            .add_user(
                Some(&op),
                partner.id,
                NewUser {
                    email: format!("admin-{tag}@partner.example"),
                    name: "Partner Admin".into(),
                    role: Role::GlobalAdmin,
                    password: PASSWORD.into(),
                },
            )
            .await?;
        let consultant = app
            .add_user(
                Some(&op),
                partner.id,
                NewUser {
                    email: format!("consultant-{tag}@partner.example"),
                    name: "Consultant".into(),
                    role: Role::Consultant,
                    password: PASSWORD.into(),
                },
            )
            .await?;
        let customer = app
            .create_customer(&op, &format!("Customer {tag}"), "FR")
            .await?;
        let agreement = format!("SA-{tag}");
        app.add_agreement(
            &op,
            customer.id,
            &agreement,
            date(2019, 7, 1),
            date(2022, 6, 30),
            pool_days,
        )
        .await?;
        let benefit_admin = app
            .add_user(
                Some(&op),
                customer.id,
                NewUser {
                    email: format!("ba-{tag}@customer.example"),
                    name: "Benefit Admin".into(),
                    role: Role::BenefitAdmin,
                    password: PASSWORD.into(),
                },
            )
            .await?;
        let project_manager = app
            .add_user(
                Some(&op),
                customer.id,
                NewUser {
                    email: format!("pm-{tag}@customer.example"),
                    name: "Project Manager".into(),
                    role: Role::ProjectManager,
                    password: PASSWORD.into(),
                },
            )
            .await?;
        app.activate_benefit(&Actor::of(&benefit_admin), customer.id)
            .await?;
        Ok(World {
            operator,
            partner,
            location: locations.into_iter().next().expect("one location"),
            partner_admin,
            consultant,
            customer,
            agreement,
            benefit_admin,
            project_manager,
        })
    }

    /// A voucher request for `days` of SQL Server upgrade planning.
    pub fn voucher_request(&self, days: u32) -> NewVoucherRequest {
        NewVoucherRequest {
            customer_id: self.customer.id,
            agreement: self.agreement.clone(),
            engagement: "SSDPS-UPG".into(),
            days,
            project_manager_id: self.project_manager.id,
        }
    }

    /// Creates `n` one-day vouchers assigned to the partner.
    pub async fn assigned_vouchers(&self, app: &App, n: usize) -> Result<Vec<VoucherCode>, Error> {
        let ba = Actor::of(&self.benefit_admin);
        let mut codes = Vec::with_capacity(n);
        for _ in 0..n {
            let v = app.create_voucher(&ba, self.voucher_request(1)).await?;
            app.assign_voucher(&ba, v.code, self.partner.id).await?;
            codes.push(v.code);
        }
        Ok(codes)
    }
}
