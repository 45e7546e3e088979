//! A small, complete world for benchmarks and tests: an operator, a partner
//! with a location, an admin and a consultant — eligible for and enrolled in
//! every offering of the catalog — and a customer with an active benefit, an
//! agreement, a benefit admin and a project manager.

use crate::{App, NewLocation, NewUser, NewVoucherRequest};
use jiff::civil::date;
use saps_core::port::CompetencyLevel;
use saps_core::{Actor, Error, Location, Org, OrgId, Role, User, VoucherCode};

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
        World::build_with(app, pool_days, tag, true).await
    }

    /// As [`World::build`], but the partner has nothing recorded and is not
    /// enrolled: it cannot be assigned a voucher until it is.
    pub async fn build_unenrolled(app: &App, pool_days: u32, tag: &str) -> Result<World, Error> {
        World::build_with(app, pool_days, tag, false).await
    }

    async fn build_with(
        app: &App,
        pool_days: u32,
        tag: &str,
        enrolled: bool,
    ) -> Result<World, Error> {
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
        let side = World::new_partner(
            app,
            &op,
            &format!("Partner {tag}"),
            "FR",
            tag,
            "partner.example",
        )
        .await?;
        if enrolled {
            World::qualify_and_enroll(app, &op, &side).await?;
        }
        let PartnerSide {
            partner,
            location,
            admin: partner_admin,
            consultant,
        } = side;
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
            location,
            partner_admin,
            consultant,
            customer,
            agreement,
            benefit_admin,
            project_manager,
        })
    }

    /// A partner company with one location in `country`, a global admin and a
    /// consultant, and nothing recorded: not eligible, not enrolled.
    pub async fn new_partner(
        app: &App,
        op: &Actor,
        name: &str,
        country: &str,
        tag: &str,
        domain: &str,
    ) -> Result<PartnerSide, Error> {
        let city = match country {
            "FR" => "Paris",
            "BR" => "São Paulo",
            "IT" => "Milano",
            _ => "Capital",
        };
        let (partner, locations) = app
            .create_partner(
                op,
                name,
                country,
                vec![NewLocation {
                    name: city.into(),
                    country: country.into(),
                    city: city.into(),
                }],
            )
            .await?;
        let mut users = Vec::new();
        let people = [
            (Role::GlobalAdmin, "admin", "Partner Admin"),
            (Role::Consultant, "consultant", "Consultant"),
        ];
        for (role, who, full) in people {
            let u = NewUser {
                email: format!("{who}-{tag}@{domain}"),
                name: full.into(),
                role,
                password: PASSWORD.into(),
            };
            users.push(app.add_user(Some(op), partner.id, u).await?);
        }
        let consultant = users.pop().expect("two users");
        let admin = users.pop().expect("two users");
        Ok(PartnerSide {
            partner,
            location: locations.into_iter().next().expect("one location"),
            admin,
            consultant,
        })
    }

    /// Makes a partner eligible for every engagement of the catalog (the
    /// compliance course today, every competency until 2030, every exam
    /// passed by its consultant), signs the current provider agreement and
    /// enrolls it in every offering with its location.
    pub async fn qualify_and_enroll(
        app: &App,
        op: &Actor,
        side: &PartnerSide,
    ) -> Result<(), Error> {
        let program = app.program();
        let today = app.today();
        let p = side.partner.id;
        app.record_training(op, p, &program.compliance_course, today)
            .await?;
        for c in program.known_competencies() {
            app.record_competency(op, p, c, CompetencyLevel::Gold, date(2030, 12, 31))
                .await?;
        }
        for x in program.known_exams() {
            app.record_exam(op, side.consultant.id, x, today).await?;
        }
        World::enroll_all(app, side).await
    }

    /// Signs the current provider agreement and enrolls the partner in every
    /// offering, with its location (its records must make them Active).
    pub async fn enroll_all(app: &App, side: &PartnerSide) -> Result<(), Error> {
        let admin = Actor::of(&side.admin);
        let p = side.partner.id;
        let version = app.provider_agreement().await?.version;
        app.sign_provider_agreement(&admin, p, version, true)
            .await?;
        for o in &app.program().offerings {
            app.enroll(&admin, p, &o.code, vec![side.location.id])
                .await?;
        }
        Ok(())
    }

    /// Another partner, as [`World::new_partner`], that is not enrolled.
    pub async fn not_enrolled_partner(&self, app: &App, tag: &str) -> Result<PartnerSide, Error> {
        let op = Actor::of(&self.operator);
        World::new_partner(
            app,
            &op,
            &format!("Unenrolled {tag}"),
            "FR",
            tag,
            "unenrolled.example",
        )
        .await
    }

    /// Another partner in `country`, eligible and enrolled like the world's.
    pub async fn enrolled_partner(
        &self,
        app: &App,
        country: &str,
        tag: &str,
    ) -> Result<PartnerSide, Error> {
        let op = Actor::of(&self.operator);
        let side = World::new_partner(
            app,
            &op,
            &format!("Enrolled {tag}"),
            country,
            tag,
            "enrolled.example",
        )
        .await?;
        World::qualify_and_enroll(app, &op, &side).await?;
        Ok(side)
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

/// A partner company made by [`World::new_partner`].
#[derive(Clone, Debug)]
pub struct PartnerSide {
    pub partner: Org,
    pub location: Location,
    pub admin: User,
    pub consultant: User,
}

impl PartnerSide {
    pub fn id(&self) -> OrgId {
        self.partner.id
    }
}

impl World {
    /// Creates `n` one-day vouchers of the partner, reserves them from
    /// tomorrow at its location, then moves the clock to `on` (after the
    /// reservation's three days) and reports, signs off and redeems them.
    pub async fn redeemed_vouchers(
        &self,
        app: &App,
        n: usize,
        on: jiff::civil::Date,
    ) -> Result<Vec<VoucherCode>, Error> {
        use jiff::ToSpan;
        let codes = self.assigned_vouchers(app, n).await?;
        let admin = Actor::of(&self.partner_admin);
        let start = app.today().saturating_add(1.day());
        let end = start.saturating_add(2.days());
        for code in &codes {
            let input = crate::ReserveInput {
                location_id: self.location.id,
                consultant_id: self.consultant.id,
                start_date: start,
                end_date: end,
                accept_terms: true,
                delivery_country: None,
            };
            app.reserve_voucher(&admin, *code, input).await?;
        }
        app.set_clock(&Actor::of(&self.operator), on)?;
        let pm = Actor::of(&self.project_manager);
        for code in &codes {
            let fields = saps_core::delivery::ReportFields {
                delivered_from: start,
                delivered_to: end,
                days_onsite: 1,
                days_offsite: 0,
                summary: "One workshop on the plan.".into(),
                next_steps: "A pilot.".into(),
            };
            let file = crate::delivery::Upload {
                filename: "report.pdf".into(),
                bytes: b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n".to_vec(),
            };
            app.submit_report(&admin, *code, fields, vec![file]).await?;
            app.sign_off(&pm, *code, true, None).await?;
        }
        let strings = codes.iter().map(ToString::to_string).collect();
        for r in app.redeem(&admin, strings).await? {
            r.outcome?;
        }
        Ok(codes)
    }
}
