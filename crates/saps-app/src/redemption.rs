//! Redemption: the reserving partner redeems completed, signed-off vouchers,
//! each independently redeemed or refused with its rule, in one transaction
//! (each voucher is read for update, so a voucher is redeemed once).

use crate::App;
use crate::vouchers::save;
use saps_core::authz::{Action, Resource, authorize, sees_voucher};
use saps_core::error::DeliveryRule;
use saps_core::event::VoucherRedeemed;
use saps_core::port::Tx;
use saps_core::program::MilestoneName;
use saps_core::{
    Actor, Entity, Error, NewEvent, Program, Rule, Transition, Voucher, VoucherCode, VoucherState,
};

/// At most this many codes in one redemption.
pub const MAX_BATCH: usize = 1000;

/// What happened to one code of a batch.
#[derive(Clone, Debug)]
pub struct Redemption {
    /// The code as it was sent.
    pub code: String,
    pub outcome: Result<VoucherState, Error>,
}

/// Why `v` cannot be redeemed by `actor` now, if it cannot.
fn refusal(
    tx: &mut dyn Tx,
    actor: &Actor,
    v: &Voucher,
    program: &Program,
    today: jiff::civil::Date,
) -> Result<Option<Error>, Error> {
    if !sees_voucher(actor, v) || v.partner_id != Some(actor.org_id) {
        return Ok(Some(Error::NotFound(Entity::Voucher)));
    }
    if let Err(e) = authorize(actor, Action::RedeemVoucher, Resource::Voucher(v)) {
        return Ok(Some(e));
    }
    if v.state != VoucherState::Completed {
        return Ok(Some(Error::Conflict {
            entity: Entity::Voucher,
            message: format!(
                "The voucher is {}; it cannot be redeemed.",
                v.state.as_str()
            ),
        }));
    }
    if v.is_expired_on(today) {
        return Ok(Some(
            Rule::VoucherExpired {
                expired_on: v.expires_on,
            }
            .into(),
        ));
    }
    if let Some(d) = program.milestone(MilestoneName::LastDayToRedeem)
        && today > d
    {
        return Ok(Some(Rule::RedemptionClosed { last_day: d }.into()));
    }
    let signed = tx
        .current_report(v.id)?
        .is_some_and(|r| r.sign_off.is_signed_off());
    if !signed {
        return Ok(Some(DeliveryRule::NotSignedOff.into()));
    }
    Ok(None)
}

impl App {
    /// Redeems each code independently; the answer says per code what happened.
    /// An empty batch or one over [`MAX_BATCH`] codes is refused whole.
    pub async fn redeem(
        &self,
        actor: &Actor,
        codes: Vec<String>,
    ) -> Result<Vec<Redemption>, Error> {
        if codes.is_empty() {
            return Err(Error::invalid("codes", "name at least one voucher"));
        }
        if codes.len() > MAX_BATCH {
            return Err(Error::invalid(
                "codes",
                format!("at most {MAX_BATCH} vouchers at once"),
            ));
        }
        let (actor, program, now) = (*actor, self.program(), self.now());
        // Lock in one order (by code) so concurrent batches cannot deadlock.
        let mut order: Vec<usize> = (0..codes.len()).collect();
        order.sort_by(|&a, &b| codes[a].cmp(&codes[b]));
        self.write(move |tx| {
            let today = saps_core::program_date(now);
            let mut results: Vec<Option<Result<VoucherState, Error>>> = vec![None; codes.len()];
            for &i in &order {
                let outcome = redeem_one(tx, &actor, &codes[i], &program, now, today)?;
                results[i] = Some(outcome);
            }
            Ok(codes
                .iter()
                .zip(results)
                .map(|(code, r)| Redemption {
                    code: code.clone(),
                    outcome: r.unwrap_or(Err(Error::NotFound(Entity::Voucher))),
                })
                .collect())
        })
        .await
    }
}

/// Redeems one code: `Ok(Err(..))` is a refusal of that code alone; `Err` is a
/// failure of the store (the whole batch is retried or fails).
fn redeem_one(
    tx: &mut dyn Tx,
    actor: &Actor,
    raw: &str,
    program: &Program,
    now: jiff::Timestamp,
    today: jiff::civil::Date,
) -> Result<Result<VoucherState, Error>, Error> {
    let Ok(code) = raw.trim().parse::<VoucherCode>() else {
        return Ok(Err(Error::NotFound(Entity::Voucher)));
    };
    let Some(v) = tx.voucher_by_code(&code)? else {
        return Ok(Err(Error::NotFound(Entity::Voucher)));
    };
    if let Some(e) = refusal(tx, actor, &v, program, today)? {
        return Ok(Err(e));
    }
    let mut next = v.transition(Transition::Redeem)?;
    next.redeemed_on = Some(today);
    match save(tx, &next) {
        Err(e @ Error::Conflict { .. }) => return Ok(Err(e)),
        r => r?,
    }
    let event = VoucherRedeemed {
        code: next.code,
        partner_id: actor.org_id,
        days: next.days,
    };
    let event = NewEvent::new(event, now, Some(actor.user_id), program.version).voucher(&next);
    tx.append_event(&event)?;
    Ok(Ok(next.state))
}
