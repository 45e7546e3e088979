//! The demo's payment data: a dated rate card for the demo's countries,
//! Northwind Advisory registered for payment with a bank account per
//! location, redeemed vouchers ready to claim, and claims in every state
//! (draft, submitted, approved, paid, rejected, disputed, withdrawn). The
//! vouchers are new ones of a customer of their own (Alpine Ski House), so
//! the demo's other vouchers and pools stay as they were.

use crate::demo::{DEMO_PASSWORD, DemoAccount, demo_date};
use crate::payments::RateInput;
use crate::{App, NewUser, NewVoucherRequest, ReserveInput};
use jiff::civil::date;
use saps_core::{Actor, Error, Location, Role, User, VoucherCode};

/// Who takes part in the demo's claims.
pub(crate) struct PaymentDemo<'a> {
    pub op: Actor,
    pub partner: saps_core::OrgId,
    pub admin: &'a User,
    pub consultant: saps_core::UserId,
    pub paris: &'a Location,
    pub milano: &'a Location,
}

/// Seeds the payment data on the days it would have happened (September and
/// October 2020), then puts the clock back at the demo's date.
pub(crate) async fn seed_payments(
    app: &App,
    d: &PaymentDemo<'_>,
    accounts: &mut Vec<DemoAccount>,
) -> Result<(), Error> {
    let op = d.op;
    let pa = Actor::of(d.admin);
    app.set_clock(&op, date(2020, 9, 15))?;
    let rates = [
        ("FR", "1150.00", "EUR", date(2019, 7, 1)),
        ("FR", "1200.00", "EUR", date(2020, 9, 1)),
        ("IT", "1080.50", "EUR", date(2019, 7, 1)),
        ("BR", "4900.00", "BRL", date(2019, 7, 1)),
        ("RU", "82500.00", "RUB", date(2019, 7, 1)),
        ("US", "1350.00", "USD", date(2019, 7, 1)),
    ];
    let card = rates
        .iter()
        .map(|(country, amount, currency, from)| RateInput {
            country: (*country).into(),
            amount: (*amount).into(),
            currency: (*currency).into(),
            effective_from: *from,
        })
        .collect();
    app.set_rate_card(&op, card).await?;

    let customer = app.create_customer(&op, "Alpine Ski House", "FR").await?;
    let number = "SA-5518-FR";
    app.add_agreement(
        &op,
        customer.id,
        number,
        date(2019, 7, 1),
        date(2022, 6, 30),
        30,
    )
    .await?;
    let mut people = Vec::new();
    for (who, role) in [
        ("Bianca Benefit", Role::BenefitAdmin),
        ("Pedro Project", Role::ProjectManager),
    ] {
        let email = format!(
            "{}.{}@alpineskihouse.example",
            who.split(' ').next().unwrap_or("user").to_lowercase(),
            role.as_str().replace('_', "-")
        );
        let u = app
            .add_user(
                Some(&op),
                customer.id,
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
            org: customer.name.clone(),
        });
        people.push(u);
    }
    let (ba, pm) = (Actor::of(&people[0]), Actor::of(&people[1]));
    app.activate_benefit(&ba, customer.id).await?;

    // Nine one-day vouchers delivered on 2020-09-16, seven in Paris and two
    // in Milano, across Northwind's three offerings.
    let plan = [
        ("SSDPS-UPG", d.paris),
        ("SDPS-SRV", d.paris),
        ("DDPS-WIN", d.paris),
        ("SSDPS-UPG", d.paris),
        ("SSDPS-UPG", d.paris),
        ("SDPS-SRV", d.paris),
        ("DDPS-APPS", d.paris),
        ("SSDPS-UPG", d.milano),
        ("SDPS-SRV", d.milano),
    ];
    let mut codes: Vec<VoucherCode> = Vec::new();
    for (engagement, location) in plan {
        let v = app
            .create_voucher(
                &ba,
                NewVoucherRequest {
                    customer_id: customer.id,
                    agreement: number.into(),
                    engagement: engagement.into(),
                    days: 1,
                    project_manager_id: people[1].id,
                },
            )
            .await?;
        app.assign_voucher(&ba, v.code, d.partner).await?;
        let input = ReserveInput {
            location_id: location.id,
            consultant_id: d.consultant,
            start_date: date(2020, 9, 16),
            end_date: date(2020, 9, 18),
            accept_terms: true,
            delivery_country: Some(location.country.clone()),
        };
        app.reserve_voucher(&pa, v.code, input).await?;
        codes.push(v.code);
    }
    app.set_clock(&op, date(2020, 9, 21))?;
    for (i, &code) in codes.iter().enumerate() {
        let fields = saps_core::delivery::ReportFields {
            delivered_from: date(2020, 9, 16),
            delivered_to: date(2020, 9, 16),
            days_onsite: 1,
            days_offsite: 0,
            summary: "A day of planning workshops with the project team.".into(),
            next_steps: "Start the pilot in October.".into(),
        };
        let file = crate::delivery::Upload {
            filename: format!("planning-report-{}.txt", i + 1),
            bytes: format!("Planning report for voucher {code}\n").into_bytes(),
        };
        app.submit_report(&pa, code, fields, vec![file]).await?;
        app.sign_off(&pm, code, true, None).await?;
    }
    for r in app
        .redeem(&pa, codes.iter().map(ToString::to_string).collect())
        .await?
    {
        r.outcome?;
    }
    for offering in ["SSDPS", "SDPS", "DDPS"] {
        app.register_for_payment(&pa, d.partner, offering).await?;
    }
    app.set_bank_account(
        &pa,
        d.paris.id,
        "Northwind Advisory SAS",
        "FR76 3000 6000 0112 3456 7890 189",
        "AGRIFRPP",
    )
    .await?;
    app.set_bank_account(
        &pa,
        d.milano.id,
        "Northwind Advisory Italia S.r.l.",
        "IT60 X054 2811 1010 0000 0123 456",
        "BPMOIT22",
    )
    .await?;

    // Claims, made on 2020-09-28 and reviewed in October.
    app.set_clock(&op, date(2020, 9, 28))?;
    let one = |i: usize| vec![codes[i].to_string()];
    let paid = app
        .create_claim(&pa, vec![codes[0].to_string(), codes[1].to_string()])
        .await?;
    let approved = app.create_claim(&pa, one(2)).await?;
    let rejected = app.create_claim(&pa, one(7)).await?;
    let disputed = app.create_claim(&pa, one(3)).await?;
    for c in [&paid, &approved, &rejected, &disputed] {
        app.submit_claim(&pa, c.id).await?;
    }
    app.set_clock(&op, date(2020, 10, 5))?;
    app.approve_claim(&op, paid.id).await?;
    app.reject_claim(
        &op,
        disputed.id,
        "The report does not name the migration scope.",
    )
    .await?;
    app.set_clock(&op, date(2020, 10, 12))?;
    app.reject_claim(
        &op,
        rejected.id,
        "The customer's sign-off is missing from the report.",
    )
    .await?;
    app.set_clock(&op, date(2020, 10, 15))?;
    app.dispute_claim(&pa, disputed.id, "The scope is on page 2 of the report.")
        .await?;
    app.set_clock(&op, date(2020, 10, 20))?;
    app.pay_claim(&op, paid.id, "SEPA-2020-10-20-0042").await?;
    app.set_clock(&op, date(2020, 10, 26))?;
    app.approve_claim(&op, approved.id).await?;
    app.set_clock(&op, date(2020, 10, 30))?;
    let submitted = app.create_claim(&pa, one(4)).await?;
    app.submit_claim(&pa, submitted.id).await?;
    app.create_claim(&pa, one(5)).await?;
    // A draft of codes[6] the partner thought better of.
    let withdrawn = app.create_claim(&pa, one(6)).await?;
    app.withdraw_claim(&pa, withdrawn.id).await?;
    // codes[6] (Paris) and codes[8] (Milano), and the rejected claim's
    // voucher, are redeemed and ready to claim.
    app.set_clock(&op, demo_date())?;
    Ok(())
}
