//! The hand-off of a voucher between customer and partner: which partners
//! the customer may assign it to, whether the partner may reserve it (told at
//! validation, re-checked at reservation), and the partner giving it back.

use crate::App;
use crate::mail::{self, text::Draft};
use crate::vouchers::{Step, VoucherView, load, view};
use saps_core::authz::{Action, Resource, authorize};
use saps_core::event::VoucherReturned;
use saps_core::handoff::Standing;
use saps_core::port::Tx;
use saps_core::voucher::next_state;
use saps_core::{
    Actor, Entity, Error, Org, OrgId, OrgKind, Program, Rule, Transition, Voucher, VoucherCode,
};

/// Runs `f` on what the program knows of `partner` today for the offering of
/// `engagement`: its enrollment (locked until commit in a write), records and
/// locations.
pub(crate) fn with_standing<R>(
    tx: &mut dyn Tx,
    program: &Program,
    partner: OrgId,
    engagement: &str,
    today: jiff::civil::Date,
    f: impl FnOnce(&Standing<'_>) -> R,
) -> Result<R, Error> {
    let enrollment = match program.engagement(engagement) {
        Some((o, _)) => tx.enrollment(partner, &o.code)?,
        None => None,
    };
    let records = tx.qualifications(partner)?;
    let locations = tx.locations(partner)?;
    Ok(f(&Standing {
        program,
        enrollment: enrollment.as_ref(),
        records: &records,
        locations: &locations,
        today,
    }))
}

/// The country a voucher is delivered in unless the partner says otherwise:
/// its customer's.
pub(crate) fn customer_country(tx: &mut dyn Tx, v: &Voucher) -> Result<String, Error> {
    Ok(tx
        .org(v.customer_id)?
        .map(|c| c.country)
        .unwrap_or_default())
}

/// Whether `partner` may be given the voucher: enrolled and eligible for its
/// engagement, with an approved location in the customer's country.
pub(crate) fn may_assign(
    tx: &mut dyn Tx,
    program: &Program,
    partner: OrgId,
    v: &Voucher,
    today: jiff::civil::Date,
) -> Result<(), Error> {
    let country = customer_country(tx, v)?;
    with_standing(tx, program, partner, &v.engagement, today, |s| {
        s.may_deliver(&v.engagement, &country)
    })?
    .map_err(Error::from)
}

/// Why `partner` cannot reserve the voucher now, as far as the reservation
/// form does not decide it: its state and expiry, then [`may_assign`]'s checks.
fn refusal(
    tx: &mut dyn Tx,
    program: &Program,
    partner: OrgId,
    v: &Voucher,
    today: jiff::civil::Date,
) -> Result<Option<Error>, Error> {
    Ok(if next_state(v.state, Transition::Reserve).is_none() {
        Some(Error::Conflict {
            entity: Entity::Voucher,
            message: format!(
                "The voucher is {}; it cannot be reserved.",
                v.state.as_str()
            ),
        })
    } else if v.is_expired_on(today) {
        Some(
            Rule::VoucherExpired {
                expired_on: v.expires_on,
            }
            .into(),
        )
    } else {
        may_assign(tx, program, partner, v, today).err()
    })
}

/// A validated voucher, and whether the partner may reserve it now.
#[derive(Clone, Debug)]
pub struct Validated {
    pub voucher: VoucherView,
    /// Why it cannot be reserved now (the first failing check), if it cannot.
    pub refused: Option<Error>,
}

/// Queues the e-mail telling the customer (the voucher's creator and its
/// project manager) that the partner gave the voucher back.
fn returned_mail(
    tx: &mut dyn Tx,
    v: &Voucher,
    partner: &str,
    reason: &str,
    public_url: &str,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let draft = Draft::new("returned", format!("{public_url}/vouchers/{}", v.code))
        .arg("partner", partner)
        .arg("code", v.code.to_string())
        .fact("mail-voucher-id", v.code.to_string())
        .fact("mail-partner", partner)
        .fact("mail-reason", reason)
        .fact("mail-expires-on", v.expires_on);
    let contacts = mail::voucher_contacts(tx, v)?;
    mail::queue_to_users(tx, &contacts, &draft, now)?;
    Ok(())
}

impl App {
    /// The partner checks a voucher ID against the customer's e-mail address.
    /// Anything that does not match is "not found", so codes cannot be probed.
    /// The answer says whether the partner may reserve it now, checking what
    /// does not depend on the reservation form.
    pub async fn validate_voucher(
        &self,
        actor: &Actor,
        code: VoucherCode,
        customer_email: &str,
    ) -> Result<Validated, Error> {
        let actor = *actor;
        let email = customer_email.trim().to_lowercase();
        let (program, today) = (self.program(), self.today());
        self.read(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, Action::ValidateVoucher, Resource::Voucher(&v))?;
            let mut matches = false;
            for uid in [v.created_by, v.project_manager_id] {
                if tx.user(uid)?.is_some_and(|u| u.email == email) {
                    matches = true;
                }
            }
            if !matches {
                return Err(Error::NotFound(Entity::Voucher));
            }
            let refused = refusal(tx, &program, actor.org_id, &v, today)?;
            Ok(Validated {
                voucher: view(tx, v, false)?,
                refused,
            })
        })
        .await
    }

    /// The assigned partner gives an unreserved voucher back to the customer,
    /// with a reason (global admin, MPN admin): it is unassigned, and the
    /// customer is told and may assign it again.
    pub async fn return_voucher(
        &self,
        actor: &Actor,
        code: VoucherCode,
        reason: &str,
    ) -> Result<VoucherView, Error> {
        let reason = reason.trim().to_owned();
        if reason.is_empty() {
            return Err(Error::invalid("reason", "say why the voucher is returned"));
        }
        if reason.chars().count() > 2000 {
            return Err(Error::invalid(
                "reason",
                "the reason may have at most 2000 characters",
            ));
        }
        let public_url = self.settings.public_url.clone();
        self.transition(actor, code, Action::ReturnVoucher, move |tx, v, _, now| {
            let next = v.give_back()?;
            let partner_id = v.partner_id.ok_or(Error::NotFound(Entity::Partner))?;
            let partner = tx.org(partner_id)?.map(|o| o.name).unwrap_or_default();
            returned_mail(tx, v, &partner, &reason, &public_url, now)?;
            let event = VoucherReturned {
                code: next.code,
                partner_id,
                partner,
                reason: reason.clone(),
            };
            Ok(Step {
                next,
                event: event.into(),
                refund: false,
            })
        })
        .await
    }

    /// Why the caller's company cannot reserve a voucher it sees now, if it
    /// cannot (the reservation form's page, reached from its voucher list).
    pub async fn reservable(
        &self,
        actor: &Actor,
        code: VoucherCode,
    ) -> Result<Option<Error>, Error> {
        let (actor, program, today) = (*actor, self.program(), self.today());
        self.read(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, Action::ReserveVoucher, Resource::Voucher(&v))?;
            refusal(tx, &program, actor.org_id, &v, today)
        })
        .await
    }

    /// The partners a voucher may be assigned to: enrolled and eligible for
    /// its engagement, with an approved location in the customer's country.
    pub async fn partners_to_assign(
        &self,
        actor: &Actor,
        code: VoucherCode,
    ) -> Result<Vec<Org>, Error> {
        let partners = self.orgs(actor, OrgKind::Partner).await?;
        let (actor, program, today) = (*actor, self.program(), self.today());
        self.read(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, Action::ViewVoucher, Resource::Voucher(&v))?;
            let mut out = Vec::new();
            for p in &partners {
                if may_assign(tx, &program, p.id, &v, today).is_ok() {
                    out.push(p.clone());
                }
            }
            Ok(out)
        })
        .await
    }
}
