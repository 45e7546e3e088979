//! The demo: a ready program with an operator, three partners, two customers
//! and vouchers in several states, on a simulated clock at 2020-11-02.
//!
//! The partners stand where the program's partners stand: Northwind Advisory
//! is eligible and enrolled (DDPS, SDPS, SSDPS; it reserves the demo's
//! reserved voucher); Fabrikam Serviços enrolled (DDPS, DYDPS, SSDPS) on
//! 2019-11-25, so its enrollment ends on 2020-11-24, within a month; Contoso
//! Consulting is in progress (the compliance course done, no competency).
//! Their records are seeded through the use cases, as the operator and the
//! partners' admins would enter them.

use crate::{App, NewLocation, NewUser, NewVoucherRequest, ReserveInput};
use jiff::civil::{Date, date};
use saps_core::port::CompetencyLevel;
use saps_core::{Actor, Error, OrgId, OrgKind, Role, User};

/// The demo's one password, printed with the accounts.
pub const DEMO_PASSWORD: &str = "saps-demo-2020";

/// The date the demo's simulated clock starts at.
pub fn demo_date() -> jiff::civil::Date {
    date(2020, 11, 2)
}

/// A demo account: who signs in and as what.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    pub email: String,
    pub role: Role,
    pub org: String,
}

impl App {
    /// Lists these seeded accounts on the sign-in page, for this process only.
    /// Only `saps demo` calls it, after seeding: a server started any other way
    /// (even on a copy of a demo database, on a simulated clock) lists none, and
    /// a user added later is never listed.
    pub fn list_demo_accounts(&self, accounts: &[DemoAccount]) {
        let emails = accounts.iter().map(|a| a.email.clone()).collect();
        // Set once; a second call (none today) keeps the first list.
        let _ = self.demo_emails.set(emails);
    }

    /// The e-mails `saps demo` asked to list, if it did.
    pub(crate) fn demo_emails(&self) -> &[String] {
        self.demo_emails
            .get()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

/// The day Fabrikam Serviços enrolled, a year before the demo's date but for
/// a few weeks: its enrollment ends within a month of the demo's date.
pub fn fabrikam_enrolled_on() -> Date {
    date(2019, 11, 25)
}

/// What a partner company proves, as the operator records it.
struct Records<'a> {
    course_on: Date,
    competencies: &'a [&'a str],
    valid_until: Date,
    exams: &'a [&'a str],
    passed_on: Date,
}

async fn record(
    app: &App,
    op: &Actor,
    partner: OrgId,
    consultant: &User,
    r: Records<'_>,
) -> Result<(), Error> {
    let course = app.program().compliance_course.clone();
    app.record_training(op, partner, &course, r.course_on)
        .await?;
    for c in r.competencies {
        app.record_competency(op, partner, c, CompetencyLevel::Gold, r.valid_until)
            .await?;
    }
    for x in r.exams {
        app.record_exam(op, consultant.id, x, r.passed_on).await?;
    }
    Ok(())
}

/// The global admin signs the current provider agreement and enrolls the
/// company in `offerings` with every one of its locations.
async fn enroll(
    app: &App,
    admin: &User,
    partner: OrgId,
    locations: &[saps_core::Location],
    offerings: &[&str],
) -> Result<(), Error> {
    let admin = Actor::of(admin);
    let version = app.provider_agreement().await?.version;
    app.sign_provider_agreement(&admin, partner, version, true)
        .await?;
    let ids: Vec<_> = locations.iter().map(|l| l.id).collect();
    for o in offerings {
        app.enroll(&admin, partner, o, ids.clone()).await?;
    }
    Ok(())
}

/// Fills an empty database with the demo. The operator is created directly.
///
/// On a simulated clock, seeding starts on [`fabrikam_enrolled_on`] and moves
/// the clock to [`demo_date`] once Fabrikam Serviços is enrolled.
pub async fn seed(app: &App) -> Result<Vec<DemoAccount>, Error> {
    let mut accounts = Vec::new();
    let early = app.clock.set(fabrikam_enrolled_on()).is_ok();
    let operator_org = app
        .bootstrap_operator_org("Planning Services program office")
        .await?;
    let op_user = app
        .add_user(
            None,
            operator_org,
            NewUser {
                email: "operator@saps.example".into(),
                name: "Olivia Operator".into(),
                role: Role::Operator,
                password: DEMO_PASSWORD.into(),
            },
        )
        .await?;
    accounts.push(DemoAccount {
        email: op_user.email.clone(),
        role: Role::Operator,
        org: "Planning Services program office".into(),
    });
    let op = Actor::of(&op_user);

    let partners = [
        (
            "Northwind Advisory",
            "FR",
            vec![("Paris", "FR", "Paris"), ("Milano", "IT", "Milano")],
            "northwind",
        ),
        (
            "Fabrikam Serviços",
            "BR",
            vec![("São Paulo", "BR", "São Paulo"), ("Moskva", "RU", "Moskva")],
            "fabrikam",
        ),
    ];
    let mut partner_ids = Vec::new();
    for (name, country, locs, slug) in partners {
        let (org, locations) = app
            .create_partner(
                &op,
                name,
                country,
                locs.into_iter()
                    .map(|(n, c, city)| NewLocation {
                        name: n.into(),
                        country: c.into(),
                        city: city.into(),
                    })
                    .collect(),
            )
            .await?;
        let mut consultant = None;
        let mut admin = None;
        for (role, who) in [
            (Role::GlobalAdmin, "Gabriel Global"),
            (Role::MpnAdmin, "Maria Mpn"),
            (Role::Consultant, "Chloé Consultant"),
        ] {
            let email = format!(
                "{}.{}@{}.example",
                who.split(' ')
                    .next()
                    .unwrap_or("user")
                    .to_lowercase()
                    .replace('é', "e"),
                role.as_str().replace('_', "-"),
                slug
            );
            let u = app
                .add_user(
                    Some(&op),
                    org.id,
                    NewUser {
                        email: email.clone(),
                        name: who.into(),
                        role,
                        password: DEMO_PASSWORD.into(),
                    },
                )
                .await?;
            accounts.push(DemoAccount {
                email,
                role,
                org: name.into(),
            });
            if role == Role::Consultant {
                consultant = Some(u);
            } else if role == Role::GlobalAdmin {
                admin = Some(u);
            }
        }
        partner_ids.push((
            org,
            locations,
            admin.expect("created"),
            consultant.expect("created"),
        ));
    }

    let (northwind, nw_locations, nw_admin, nw_consultant) = &partner_ids[0];
    let (fabrikam, fb_locations, fb_admin, fb_consultant) = &partner_ids[1];
    let long_ago = fabrikam_enrolled_on().saturating_sub(jiff::ToSpan::days(5));
    record(
        app,
        &op,
        fabrikam.id,
        fb_consultant,
        Records {
            course_on: long_ago,
            competencies: &[
                "Windows and Devices",
                "Cloud Business Applications",
                "Data Platform",
            ],
            valid_until: date(2021, 12, 31),
            exams: &["MD-101", "MB-200", "DP-300"],
            passed_on: long_ago,
        },
    )
    .await?;
    let fabrikam_offerings = ["DDPS", "DYDPS", "SSDPS"];
    enroll(
        app,
        fb_admin,
        fabrikam.id,
        fb_locations,
        &fabrikam_offerings,
    )
    .await?;
    if early {
        app.clock.set(demo_date()).map_err(crate::clock_error)?;
    }
    // Fabrikam took the compliance course again this year.
    let course = app.program().compliance_course.clone();
    app.record_training(&op, fabrikam.id, &course, date(2020, 10, 15))
        .await?;
    record(
        app,
        &op,
        northwind.id,
        nw_consultant,
        Records {
            course_on: date(2020, 9, 14),
            competencies: &[
                "Windows and Devices",
                "Collaboration and Content",
                "Data Platform",
            ],
            valid_until: date(2021, 9, 30),
            exams: &["MD-101", "MS-300", "DP-300"],
            passed_on: date(2020, 6, 12),
        },
    )
    .await?;
    let northwind_offerings = ["DDPS", "SDPS", "SSDPS"];
    enroll(
        app,
        nw_admin,
        northwind.id,
        nw_locations,
        &northwind_offerings,
    )
    .await?;

    // In progress: the course is done, no competency yet.
    let (contoso, _) = app
        .create_partner(
            &op,
            "Contoso Consulting",
            "IT",
            vec![NewLocation {
                name: "Roma".into(),
                country: "IT".into(),
                city: "Roma".into(),
            }],
        )
        .await?;
    let contoso_admin = NewUser {
        email: "gabriel.global-admin@contoso.example".into(),
        name: "Gabriel Global".into(),
        role: Role::GlobalAdmin,
        password: DEMO_PASSWORD.into(),
    };
    let contoso_admin = app.add_user(Some(&op), contoso.id, contoso_admin).await?;
    accounts.push(DemoAccount {
        email: contoso_admin.email,
        role: Role::GlobalAdmin,
        org: contoso.name.clone(),
    });
    app.record_training(&op, contoso.id, &course, date(2020, 10, 20))
        .await?;

    let customers = [
        ("Tailspin Toys", "FR", "tailspin", "SA-7201-FR", 19),
        ("Wide World Importers", "BR", "wideworld", "SA-8842-BR", 30),
    ];
    let mut customer_data = Vec::new();
    for (name, country, slug, number, days) in customers {
        let org = app.create_customer(&op, name, country).await?;
        app.add_agreement(
            &op,
            org.id,
            number,
            date(2019, 7, 1),
            date(2022, 6, 30),
            days,
        )
        .await?;
        let ba_email = format!("bianca.benefit-admin@{slug}.example");
        let pm_email = format!("pedro.project-manager@{slug}.example");
        let ba = app
            .add_user(
                Some(&op),
                org.id,
                NewUser {
                    email: ba_email.clone(),
                    name: "Bianca Benefit".into(),
                    role: Role::BenefitAdmin,
                    password: DEMO_PASSWORD.into(),
                },
            )
            .await?;
        let pm = app
            .add_user(
                Some(&op),
                org.id,
                NewUser {
                    email: pm_email.clone(),
                    name: "Pedro Project".into(),
                    role: Role::ProjectManager,
                    password: DEMO_PASSWORD.into(),
                },
            )
            .await?;
        accounts.push(DemoAccount {
            email: ba_email,
            role: Role::BenefitAdmin,
            org: name.into(),
        });
        accounts.push(DemoAccount {
            email: pm_email,
            role: Role::ProjectManager,
            org: name.into(),
        });
        app.activate_benefit(&Actor::of(&ba), org.id).await?;
        customer_data.push((org, number, ba, pm));
    }

    // Vouchers in several states.
    let (tailspin, t_number, t_ba, t_pm) = &customer_data[0];
    let ba = Actor::of(t_ba);
    let mk = |engagement: &str, days: u32| NewVoucherRequest {
        customer_id: tailspin.id,
        agreement: (*t_number).to_owned(),
        engagement: engagement.into(),
        days,
        project_manager_id: t_pm.id,
    };
    app.create_voucher(&ba, mk("DDPS-WIN", 3)).await?;
    let assigned = app.create_voucher(&ba, mk("SSDPS-UPG", 3)).await?;
    app.assign_voucher(&ba, assigned.code, northwind.id).await?;
    let reserved = app.create_voucher(&ba, mk("SDPS-SRV", 5)).await?;
    app.assign_voucher(&ba, reserved.code, northwind.id).await?;
    let paris = nw_locations
        .iter()
        .find(|l| l.country == "FR")
        .expect("Paris");
    app.reserve_voucher(
        &Actor::of(nw_admin),
        reserved.code,
        ReserveInput {
            location_id: paris.id,
            consultant_id: nw_consultant.id,
            start_date: date(2020, 11, 16),
            end_date: date(2020, 11, 20),
            accept_terms: true,
            delivery_country: None,
        },
    )
    .await?;
    let cancelled = app.create_voucher(&ba, mk("DDPS-APPS", 1)).await?;
    app.cancel_voucher(&ba, cancelled.code).await?;

    let (wideworld, w_number, w_ba, w_pm) = &customer_data[1];
    let wba = Actor::of(w_ba);
    let v = app
        .create_voucher(
            &wba,
            NewVoucherRequest {
                customer_id: wideworld.id,
                agreement: (*w_number).to_owned(),
                engagement: "DYDPS-CE".into(),
                days: 5,
                project_manager_id: w_pm.id,
            },
        )
        .await?;
    app.assign_voucher(&wba, v.code, fabrikam.id).await?;
    crate::profiles::seed_demo_profiles(app, &op).await?;
    let delivery = DeliveryDemo {
        op,
        customer: tailspin.id,
        agreement: t_number,
        ba: t_ba,
        pm: t_pm,
        partner: northwind.id,
        admin: nw_admin,
        consultant: nw_consultant.id,
        location: paris.id,
    };
    seed_delivery(app, &delivery).await?;
    let milano = nw_locations
        .iter()
        .find(|l| l.country == "IT")
        .expect("Milano");
    let payments = crate::payment_demo::PaymentDemo {
        op,
        partner: northwind.id,
        admin: nw_admin,
        consultant: nw_consultant.id,
        paris,
        milano,
    };
    crate::payment_demo::seed_payments(app, &payments, &mut accounts).await?;
    Ok(accounts)
}

/// Who takes part in the demo's deliveries.
struct DeliveryDemo<'a> {
    op: Actor,
    customer: saps_core::OrgId,
    agreement: &'a str,
    ba: &'a saps_core::User,
    pm: &'a saps_core::User,
    partner: saps_core::OrgId,
    admin: &'a saps_core::User,
    consultant: saps_core::UserId,
    location: saps_core::LocationId,
}

/// Vouchers at each step of delivery, made on the days they would have been:
/// delivered in October without a report yet, reported and awaiting the
/// customer's sign-off, signed off and ready to redeem, and redeemed. The
/// clock is back at the demo's date afterwards.
async fn seed_delivery(app: &App, d: &DeliveryDemo<'_>) -> Result<(), Error> {
    use crate::delivery::Upload;
    use saps_core::delivery::ReportFields;
    let op = d.op;
    let (ba, pm, pa) = (Actor::of(d.ba), Actor::of(d.pm), Actor::of(d.admin));
    app.set_clock(&op, date(2020, 10, 5))?;
    let mut codes = Vec::new();
    for (engagement, days) in [
        ("SSDPS-UPG", 1),
        ("SDPS-SRV", 1),
        ("DDPS-WIN", 1),
        ("DDPS-APPS", 1),
    ] {
        let v = app
            .create_voucher(
                &ba,
                NewVoucherRequest {
                    customer_id: d.customer,
                    agreement: d.agreement.to_owned(),
                    engagement: engagement.into(),
                    days,
                    project_manager_id: d.pm.id,
                },
            )
            .await?;
        app.assign_voucher(&ba, v.code, d.partner).await?;
        let input = ReserveInput {
            location_id: d.location,
            consultant_id: d.consultant,
            start_date: date(2020, 10, 12),
            end_date: date(2020, 10, 16),
            accept_terms: true,
            delivery_country: None,
        };
        app.reserve_voucher(&pa, v.code, input).await?;
        codes.push(v.code);
    }
    // Reported on 2020-10-28: the sign-off is due by 2020-11-11.
    app.set_clock(&op, date(2020, 10, 28))?;
    let report = |summary: &str| ReportFields {
        delivered_from: date(2020, 10, 12),
        delivered_to: date(2020, 10, 12),
        days_onsite: 1,
        days_offsite: 0,
        summary: summary.into(),
        next_steps: "Plan the pilot with the project team in November.".into(),
    };
    for (i, &code) in codes.iter().enumerate().skip(1) {
        let file = Upload {
            filename: format!("engagement-report-{}.txt", i),
            bytes: format!(
                "Engagement report for voucher {code}\n\nA day of workshops with the \
                 project team: current estate, target architecture, migration plan.\n"
            )
            .into_bytes(),
        };
        app.submit_report(
            &pa,
            code,
            report("Workshops held with the project team."),
            vec![file],
        )
        .await?;
    }
    // codes[0]: delivered, awaiting its report; codes[1]: awaiting sign-off.
    app.sign_off(&pm, codes[2], true, Some("Thank you.".into()))
        .await?;
    app.sign_off(&pm, codes[3], true, None).await?;
    app.redeem(&pa, vec![codes[3].to_string()]).await?;
    app.set_clock(&op, demo_date())?;
    Ok(())
}

impl App {
    /// Creates the operator organisation (once) for the first operator account.
    pub async fn bootstrap_operator_org(&self, name: &str) -> Result<saps_core::OrgId, Error> {
        let existing = self.read(|tx| Ok(tx.orgs(OrgKind::Operator)?)).await?;
        if let Some(o) = existing.first() {
            return Ok(o.id);
        }
        let now = self.now();
        let org = saps_core::Org {
            id: saps_core::OrgId::new(),
            kind: OrgKind::Operator,
            name: name.into(),
            country: "US".into(),
            benefit_active: false,
            created_at: now,
        };
        let id = org.id;
        let version = self.program().version;
        self.write(move |tx| {
            tx.insert_org(&org)?;
            let created = saps_core::event::OperatorCreated {
                id: org.id,
                name: org.name.clone(),
            };
            tx.append_event(&saps_core::NewEvent::new(created, now, None, version))?;
            Ok(())
        })
        .await?;
        Ok(id)
    }
}
