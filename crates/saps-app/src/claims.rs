//! Claims (SAVB): a partner claims payment for redeemed vouchers of one
//! location and one currency, priced from the rate card; the operator
//! approves, rejects or pays; the partner may dispute a rejection once.
//! Each step is one transaction with its events; the partner's admins are
//! e-mailed when a claim is approved, rejected or paid.

use crate::App;
use crate::payments::{BankAccountView, MoneyView};
use crate::vouchers::save;
use saps_core::error::PaymentRule;
use saps_core::event::{
    ClaimApproved, ClaimCreated, ClaimDisputed, ClaimPaid, ClaimRejected, ClaimSubmitted,
    ClaimWithdrawn, EventBody, VoucherClaimed, VoucherPaid, VoucherUnclaimed,
};
use saps_core::journal::Scope;
use saps_core::payment::{
    self, Candidate, Claim, ClaimAction, ClaimHistoryEntry, ClaimState, ClaimStep, NewClaim,
    authorize_claim,
};
use saps_core::port::{ClaimQuery, Tx, VoucherQuery};
use saps_core::{
    Actor, Days, Entity, Error, LocationId, NewEvent, OrgId, Program, Role, StoreError, Transition,
    UserId, Voucher, VoucherCode, VoucherState,
};
use serde::Serialize;
use std::collections::HashMap;

/// At most this many vouchers in one claim.
pub const MAX_CLAIM_VOUCHERS: usize = 200;

/// A claim's line as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimLineView {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub code: VoucherCode,
    pub days: Days,
    /// The delivery country, whose day rate applies.
    pub country: String,
    pub redeemed_on: jiff::civil::Date,
    /// The last day the voucher could be claimed.
    pub claim_until: jiff::civil::Date,
    pub day_rate: MoneyView,
    pub amount: MoneyView,
}

/// A claim as the API and the UI show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimView {
    pub id: uuid::Uuid,
    /// Human-readable and unique, e.g. `SAVB-2021-000123`.
    pub reference: String,
    pub state: ClaimState,
    pub partner_id: OrgId,
    pub partner_name: String,
    pub location_id: LocationId,
    pub location_name: String,
    pub location_country: String,
    pub total: MoneyView,
    pub lines: Vec<ClaimLineView>,
    pub created_at: jiff::Timestamp,
    pub created_by: UserId,
    pub submitted_at: Option<jiff::Timestamp>,
    pub approved_at: Option<jiff::Timestamp>,
    /// Approval + the program's `payment_due_days`.
    pub payment_due_on: Option<jiff::civil::Date>,
    pub paid_at: Option<jiff::Timestamp>,
    pub payment_reference: Option<String>,
    pub rejected_at: Option<jiff::Timestamp>,
    pub rejection_reason: Option<String>,
    pub disputed_at: Option<jiff::Timestamp>,
    pub dispute_reason: Option<String>,
    /// The last day a rejected claim may be disputed (absent when it may not be).
    pub dispute_until: Option<jiff::civil::Date>,
    /// The location's bank account (masked but for the operator), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_account: Option<BankAccountView>,
    /// Every step, oldest first, from the draft on.
    pub history: Vec<ClaimHistoryEntry>,
    pub version: u32,
}

/// A page of claims, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimPage {
    pub items: Vec<ClaimView>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// A redeemed voucher the partner may claim, with what it would be paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimableVoucher {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub code: VoucherCode,
    pub engagement: String,
    pub offering: String,
    pub days: Days,
    pub location_id: LocationId,
    pub location_name: String,
    pub country: String,
    pub redeemed_on: jiff::civil::Date,
    pub claim_until: jiff::civil::Date,
    /// Days left to claim it (0 on its last day).
    pub days_left: i64,
    /// Whether the company is registered for payment of its offering.
    pub registered: bool,
    /// The day rate in force on its redemption date, if the card has one.
    pub day_rate: Option<MoneyView>,
    pub amount: Option<MoneyView>,
}

/// The day a voucher was redeemed (the latest redemption), as the voucher
/// keeps it since migration 0017 (filled in from the journal for vouchers
/// redeemed before).
pub(crate) fn redeemed_on(v: &Voucher) -> Option<jiff::civil::Date> {
    v.redeemed_on
}

/// Prices a claim of `vouchers` (each with its redemption day) for the
/// partner: the rules and rates of `payment::claim_lines` over what the store
/// holds (its registrations, the rate card). Making a claim and previewing
/// one both ask this.
pub(crate) fn price(
    tx: &mut dyn Tx,
    program: &Program,
    partner: OrgId,
    vouchers: &[(Voucher, Option<jiff::civil::Date>)],
    today: jiff::civil::Date,
) -> Result<
    (
        LocationId,
        Vec<saps_core::payment::ClaimLine>,
        saps_core::Money,
    ),
    Error,
> {
    let offerings: Vec<String> = vouchers
        .iter()
        .map(|(v, _)| {
            program
                .engagement(&v.engagement)
                .map(|(o, _)| o.code.clone())
                .unwrap_or_default()
        })
        .collect();
    let candidates: Vec<Candidate<'_>> = vouchers
        .iter()
        .zip(&offerings)
        .map(|((v, on), o)| Candidate {
            voucher: v,
            redeemed_on: *on,
            offering: o,
        })
        .collect();
    let registered = registered_offerings(tx, partner)?;
    let rates = tx.rates()?;
    payment::claim_lines(&NewClaim {
        program,
        partner_id: partner,
        candidates: &candidates,
        registered: &registered,
        rates: &rates,
        today,
    })
}

/// The offerings the company is registered for payment in.
fn registered_offerings(tx: &mut dyn Tx, partner: OrgId) -> Result<Vec<String>, Error> {
    Ok(tx
        .registrations(partner)?
        .into_iter()
        .map(|r| r.offering)
        .collect())
}

/// The claim's view; `bank` adds the location's bank account (masked but
/// for the operator).
pub(crate) fn claim_view(
    tx: &mut dyn Tx,
    actor: &Actor,
    c: &Claim,
    program: &Program,
    bank: bool,
    names: &mut HashMap<uuid::Uuid, String>,
) -> Result<ClaimView, Error> {
    let partner_name = match names.get(&c.partner_id.0) {
        Some(n) => n.clone(),
        None => {
            let n = tx.org(c.partner_id)?.map(|o| o.name).unwrap_or_default();
            names.insert(c.partner_id.0, n.clone());
            n
        }
    };
    let loc = tx.location(c.location_id)?;
    let (location_name, location_country) = loc.map(|l| (l.name, l.country)).unwrap_or_default();
    let bank_account = if bank {
        tx.bank_account(c.location_id)?
            .map(|a| BankAccountView::of(&a, actor))
    } else {
        None
    };
    let dispute_until = match (c.state, c.disputed_at) {
        (ClaimState::Rejected, None) => c.dispute_deadline(),
        _ => None,
    };
    Ok(ClaimView {
        id: c.id,
        reference: c.reference.clone(),
        state: c.state,
        partner_id: c.partner_id,
        partner_name,
        location_id: c.location_id,
        location_name,
        location_country,
        total: MoneyView::of(&c.total),
        lines: c
            .lines
            .iter()
            .map(|l| ClaimLineView {
                code: l.code,
                days: l.days,
                country: l.country.clone(),
                redeemed_on: l.redeemed_on,
                claim_until: payment::claim_window_end(program, l.redeemed_on),
                day_rate: MoneyView::of(&l.day_rate),
                amount: MoneyView::of(&l.amount),
            })
            .collect(),
        created_at: c.created_at,
        created_by: c.created_by,
        submitted_at: c.submitted_at,
        approved_at: c.approved_at,
        payment_due_on: c.payment_due_on,
        paid_at: c.paid_at,
        payment_reference: c.payment_reference.clone(),
        rejected_at: c.rejected_at,
        rejection_reason: c.rejection_reason.clone(),
        disputed_at: c.disputed_at,
        dispute_reason: c.dispute_reason.clone(),
        dispute_until,
        bank_account,
        history: c.history.clone(),
        version: c.version,
    })
}

fn raced() -> Error {
    Error::Conflict {
        entity: Entity::Claim,
        message: "The claim was changed at the same time; reload it and try again.".into(),
    }
}

/// Loads a claim the actor may `action` on.
fn load(
    tx: &mut dyn Tx,
    actor: &Actor,
    id: uuid::Uuid,
    action: ClaimAction,
) -> Result<Claim, Error> {
    let c = tx.claim(id)?.ok_or(Error::NotFound(Entity::Claim))?;
    authorize_claim(actor, action, Some(c.partner_id))?;
    Ok(c)
}

fn store_claim(tx: &mut dyn Tx, c: &Claim) -> Result<(), Error> {
    if tx.update_claim(c)? {
        Ok(())
    } else {
        Err(raced())
    }
}

/// Moves each of the claim's vouchers by `t`, journaling `event` for each.
fn move_vouchers(
    tx: &mut dyn Tx,
    c: &Claim,
    t: Transition,
    actor: UserId,
    program: &Program,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    for line in &c.lines {
        let v = tx
            .voucher(line.voucher_id)?
            .ok_or(Error::NotFound(Entity::Voucher))?;
        let next = match v.transition(t) {
            Ok(n) => n,
            Err(_) if t == Transition::Claim => {
                let code = v.code.to_string();
                return Err(PaymentRule::VoucherClaimedElsewhere { code }.into());
            }
            Err(e) => return Err(e),
        };
        save(tx, &next)?;
        let (code, claim_id, reference) = (next.code, c.id, c.reference.clone());
        let event = match t {
            Transition::Claim => NewEvent::new(
                VoucherClaimed {
                    code,
                    claim_id,
                    reference,
                },
                now,
                Some(actor),
                program.version,
            ),
            Transition::Pay => NewEvent::new(
                VoucherPaid {
                    code,
                    claim_id,
                    reference,
                },
                now,
                Some(actor),
                program.version,
            ),
            _ => NewEvent::new(
                VoucherUnclaimed {
                    code,
                    claim_id,
                    reference,
                },
                now,
                Some(actor),
                program.version,
            ),
        };
        tx.append_event(&event.voucher(&next))?;
    }
    Ok(())
}

/// Queues `draft` to each of the partner's enabled admins, each in their
/// language.
fn mail_partner_admins(
    tx: &mut dyn Tx,
    partner: OrgId,
    draft: &crate::mail::text::Draft,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let admins = crate::mail::partner_admins(tx, partner)?;
    crate::mail::queue_to_users(tx, &admins, draft, now)?;
    Ok(())
}

/// A claim's mail: its reference and total, and the link to its page.
fn claim_draft(kind: &'static str, url: &str, c: &Claim) -> crate::mail::text::Draft {
    let total = MoneyView::of(&c.total);
    let total = format!("{} {}", total.amount, total.currency);
    crate::mail::text::Draft::new(kind, claim_link(url, c))
        .arg("reference", c.reference.clone())
        .arg("total", total.clone())
        .fact("mail-claim-reference", c.reference.clone())
        .fact("mail-total", total)
}

fn claim_link(public_url: &str, c: &Claim) -> String {
    format!("{public_url}/payments/claims/{}", c.id)
}

/// One step of a claim's lifecycle with what it needs: the table that
/// [`App::claim_step`] runs. Who may take it, how the claim changes, where
/// its vouchers go, what is journaled and what the partner is told are each
/// one `match` here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClaimDecision {
    /// The partner submits a draft.
    Submit,
    /// The operator approves a submitted or disputed claim.
    Approve,
    /// The operator rejects a submitted or disputed claim.
    Reject { reason: String },
    /// The operator records the payment of an approved claim.
    Pay { payment_reference: String },
    /// The partner disputes a rejection.
    Dispute { reason: String },
    /// The partner withdraws a draft.
    Withdraw,
}

impl ClaimDecision {
    /// The step of the state machine it takes.
    pub fn step(&self) -> ClaimStep {
        match self {
            Self::Submit => ClaimStep::Submit,
            Self::Approve => ClaimStep::Approve,
            Self::Reject { .. } => ClaimStep::Reject,
            Self::Pay { .. } => ClaimStep::Pay,
            Self::Dispute { .. } => ClaimStep::Dispute,
            Self::Withdraw => ClaimStep::Withdraw,
        }
    }

    /// Whose step it is: the partner's admins or the operator.
    fn action(&self) -> ClaimAction {
        match self {
            Self::Submit | Self::Dispute { .. } | Self::Withdraw => ClaimAction::Claim,
            Self::Approve | Self::Reject { .. } | Self::Pay { .. } => ClaimAction::Review,
        }
    }

    /// The claim after the step, or the rule that refuses it.
    fn decide(
        &self,
        tx: &mut dyn Tx,
        c: &Claim,
        program: &Program,
        by: UserId,
        now: jiff::Timestamp,
    ) -> Result<Claim, Error> {
        match self {
            Self::Submit => {
                let has_bank = tx.bank_account(c.location_id)?.is_some();
                c.submit(program, has_bank, by, now)
            }
            Self::Approve => c.approve(program, by, now),
            Self::Reject { reason } => c.reject(reason, by, now),
            Self::Pay { payment_reference } => c.pay(payment_reference, by, now),
            Self::Dispute { reason } => c.dispute(reason, by, now),
            Self::Withdraw => c.withdraw(by, now),
        }
    }

    /// Where the claim's vouchers go: into the claim again (a dispute), out
    /// of it (a rejection or a withdrawal), paid, or nowhere.
    fn vouchers(&self) -> Option<Transition> {
        match self {
            Self::Submit | Self::Approve => None,
            Self::Reject { .. } | Self::Withdraw => Some(Transition::Unclaim),
            Self::Pay { .. } => Some(Transition::Pay),
            Self::Dispute { .. } => Some(Transition::Claim),
        }
    }

    /// The journal's event of the step.
    fn event(&self, c: &Claim, now: jiff::Timestamp) -> EventBody {
        let (claim_id, reference, partner_id) = (c.id, c.reference.clone(), c.partner_id);
        match self {
            Self::Submit => ClaimSubmitted {
                claim_id,
                reference,
                partner_id,
            }
            .into(),
            Self::Approve => ClaimApproved {
                claim_id,
                reference,
                partner_id,
                payment_due_on: c.payment_due_on.unwrap_or(saps_core::program_date(now)),
            }
            .into(),
            Self::Reject { .. } => ClaimRejected {
                claim_id,
                reference,
                partner_id,
                reason: c.rejection_reason.clone().unwrap_or_default(),
                is_final: c.disputed_at.is_some(),
            }
            .into(),
            Self::Pay { .. } => ClaimPaid {
                claim_id,
                reference,
                partner_id,
                total: c.total,
                payment_reference: c.payment_reference.clone().unwrap_or_default(),
            }
            .into(),
            Self::Dispute { .. } => ClaimDisputed {
                claim_id,
                reference,
                partner_id,
                reason: c.dispute_reason.clone().unwrap_or_default(),
            }
            .into(),
            Self::Withdraw => ClaimWithdrawn {
                claim_id,
                reference,
                partner_id,
            }
            .into(),
        }
    }

    /// The mail to the partner's admins, for the operator's steps.
    fn mail(&self, url: &str, c: &Claim, now: jiff::Timestamp) -> Option<crate::mail::text::Draft> {
        match self {
            Self::Submit | Self::Dispute { .. } | Self::Withdraw => None,
            Self::Approve => {
                let due = c.payment_due_on.unwrap_or(saps_core::program_date(now));
                Some(
                    claim_draft("claim-approved", url, c)
                        .arg("date", due)
                        .fact("mail-payment-due", due),
                )
            }
            Self::Reject { .. } => {
                let reason = c.rejection_reason.clone().unwrap_or_default();
                Some(match c.dispute_deadline() {
                    Some(d) if c.disputed_at.is_none() => claim_draft("claim-rejected", url, c)
                        .fact("mail-reason", reason)
                        .fact("mail-dispute-until", d),
                    _ => claim_draft("claim-rejected-final", url, c).fact("mail-reason", reason),
                })
            }
            Self::Pay { .. } => {
                let paid_ref = c.payment_reference.clone().unwrap_or_default();
                Some(
                    claim_draft("claim-paid", url, c)
                        .arg("payment_reference", paid_ref.clone())
                        .fact("mail-payment-reference", paid_ref),
                )
            }
        }
    }
}

impl App {
    /// Makes a draft claim of redeemed vouchers (the partner's global or MPN
    /// admin). Every voucher becomes `claimed`; the first refused one names
    /// its rule and nothing changes.
    pub async fn create_claim(
        &self,
        actor: &Actor,
        codes: Vec<String>,
    ) -> Result<ClaimView, Error> {
        authorize_claim(actor, ClaimAction::Claim, Some(actor.org_id))?;
        if codes.is_empty() || codes.len() > MAX_CLAIM_VOUCHERS {
            return Err(Error::invalid(
                "codes",
                format!("name between 1 and {MAX_CLAIM_VOUCHERS} redeemed vouchers"),
            ));
        }
        let mut parsed = Vec::with_capacity(codes.len());
        for raw in &codes {
            // An unparseable code is no voucher of anyone's.
            let code: VoucherCode = raw
                .trim()
                .parse()
                .map_err(|_| Error::NotFound(Entity::Voucher))?;
            if parsed.contains(&code) {
                return Err(Error::invalid("codes", format!("{code} is named twice")));
            }
            parsed.push(code);
        }
        // Lock in one order so concurrent claims cannot deadlock.
        let mut order = parsed.clone();
        order.sort_by_key(|c| c.to_string());
        let (actor, program, now) = (*actor, self.program(), self.now());
        let partner = actor.org_id;
        self.write(move |tx| {
            let today = saps_core::program_date(now);
            let mut vouchers = Vec::with_capacity(order.len());
            for code in &order {
                let v = tx
                    .voucher_by_code(code)?
                    .ok_or(Error::NotFound(Entity::Voucher))?;
                let on = redeemed_on(&v);
                vouchers.push((v, on));
            }
            // Lines in the order the codes were sent.
            vouchers.sort_by_key(|(v, _)| parsed.iter().position(|c| *c == v.code));
            let (location_id, lines, total) = price(tx, &program, partner, &vouchers, today)?;
            let year = today.year();
            let number = tx.next_claim_number(year)?;
            let claim = Claim::draft(
                payment::claim_reference(year, number),
                partner,
                location_id,
                lines,
                total,
                now,
                actor.user_id,
            );
            match tx.insert_claim(&claim) {
                Err(StoreError::Duplicate(_)) => return Err(raced()),
                r => r?,
            }
            let body = ClaimCreated {
                claim_id: claim.id,
                reference: claim.reference.clone(),
                partner_id: partner,
                location_id,
                total: claim.total,
                codes: claim.lines.iter().map(|l| l.code).collect(),
            };
            let event =
                NewEvent::new(body, now, Some(actor.user_id), program.version).partner(partner);
            tx.append_event(&event)?;
            move_vouchers(tx, &claim, Transition::Claim, actor.user_id, &program, now)?;
            claim_view(tx, &actor, &claim, &program, true, &mut HashMap::new())
        })
        .await
    }

    /// Submits a draft for review (the partner's admins): every voucher still
    /// within its window, and the location's bank account given.
    pub async fn submit_claim(&self, actor: &Actor, id: uuid::Uuid) -> Result<ClaimView, Error> {
        self.claim_step(actor, id, ClaimDecision::Submit).await
    }

    /// Approves a submitted or disputed claim (the operator); payment is due
    /// the program's `payment_due_days` later. The partner's admins are told.
    pub async fn approve_claim(&self, actor: &Actor, id: uuid::Uuid) -> Result<ClaimView, Error> {
        self.claim_step(actor, id, ClaimDecision::Approve).await
    }

    /// Rejects a submitted or disputed claim with a reason (the operator);
    /// its vouchers are redeemed again, free for another claim within their
    /// window. The partner's admins are told.
    pub async fn reject_claim(
        &self,
        actor: &Actor,
        id: uuid::Uuid,
        reason: &str,
    ) -> Result<ClaimView, Error> {
        let reason = reason.to_owned();
        self.claim_step(actor, id, ClaimDecision::Reject { reason })
            .await
    }

    /// Records the payment of an approved claim (the operator); its vouchers
    /// are paid. The partner's admins are told.
    pub async fn pay_claim(
        &self,
        actor: &Actor,
        id: uuid::Uuid,
        payment_reference: &str,
    ) -> Result<ClaimView, Error> {
        let payment_reference = payment_reference.to_owned();
        self.claim_step(actor, id, ClaimDecision::Pay { payment_reference })
            .await
    }

    /// Disputes a rejection, once, within 30 days (the partner's admins). Its
    /// vouchers enter the claim again; one claimed elsewhere meanwhile
    /// refuses the dispute (`rule.voucher_claimed_elsewhere`).
    pub async fn dispute_claim(
        &self,
        actor: &Actor,
        id: uuid::Uuid,
        reason: &str,
    ) -> Result<ClaimView, Error> {
        let reason = reason.to_owned();
        self.claim_step(actor, id, ClaimDecision::Dispute { reason })
            .await
    }

    /// Withdraws a draft (the partner's admins); its vouchers are redeemed
    /// again, free for another claim within their window.
    pub async fn withdraw_claim(&self, actor: &Actor, id: uuid::Uuid) -> Result<ClaimView, Error> {
        self.claim_step(actor, id, ClaimDecision::Withdraw).await
    }

    /// Takes one step of a claim's lifecycle in one transaction: load the
    /// claim the actor may act on, decide the step (`saps_core::payment`),
    /// store it, move its vouchers, journal it and tell the partner's admins
    /// when the step is theirs to hear of. A refusal changes nothing.
    pub async fn claim_step(
        &self,
        actor: &Actor,
        id: uuid::Uuid,
        decision: ClaimDecision,
    ) -> Result<ClaimView, Error> {
        let (actor, program, now) = (*actor, self.program(), self.now());
        let url = self.settings.public_url.clone();
        self.write(move |tx| {
            let c = load(tx, &actor, id, decision.action())?;
            let next = decision.decide(tx, &c, &program, actor.user_id, now)?;
            store_claim(tx, &next)?;
            if let Some(t) = decision.vouchers() {
                move_vouchers(tx, &next, t, actor.user_id, &program, now)?;
            }
            let event = NewEvent::new(
                decision.event(&next, now),
                now,
                Some(actor.user_id),
                program.version,
            )
            .partner(next.partner_id);
            tx.append_event(&event)?;
            if let Some(draft) = decision.mail(&url, &next, now) {
                mail_partner_admins(tx, next.partner_id, &draft, now)?;
            }
            claim_view(tx, &actor, &next, &program, true, &mut HashMap::new())
        })
        .await
    }

    /// One claim with its history and the location's bank account (masked
    /// but for the operator). Another company's claim is `claim.not_found`.
    pub async fn claim(&self, actor: &Actor, id: uuid::Uuid) -> Result<ClaimView, Error> {
        let (actor, program) = (*actor, self.program());
        self.read(move |tx| {
            let c = load(tx, &actor, id, ClaimAction::View)?;
            claim_view(tx, &actor, &c, &program, true, &mut HashMap::new())
        })
        .await
    }

    /// A page of claims, oldest first: the operator's of every company, a
    /// partner admin's of its own; `states` empty: every state.
    pub async fn claims(
        &self,
        actor: &Actor,
        states: Vec<ClaimState>,
        after: Option<uuid::Uuid>,
        limit: u32,
    ) -> Result<ClaimPage, Error> {
        authorize_claim(actor, ClaimAction::View, None)?;
        let partner = (actor.role != Role::Operator).then_some(actor.org_id);
        let (actor, program) = (*actor, self.program());
        let limit = limit.clamp(1, 500);
        self.read(move |tx| {
            let found = tx.claims(&ClaimQuery {
                partner,
                states: states.clone(),
                after,
                limit,
            })?;
            let mut names = HashMap::new();
            let items = found
                .iter()
                .map(|c| claim_view(tx, &actor, c, &program, false, &mut names))
                .collect::<Result<Vec<_>, Error>>()?;
            let next_cursor = (items.len() == limit as usize)
                .then(|| items.last().map(|c| c.id.to_string()))
                .flatten();
            Ok(ClaimPage { items, next_cursor })
        })
        .await
    }

    /// The company's redeemed vouchers that may be claimed now, soonest
    /// closing window first, with the rate each would be paid (the partner's
    /// admins).
    pub async fn claimable_vouchers(&self, actor: &Actor) -> Result<Vec<ClaimableVoucher>, Error> {
        authorize_claim(actor, ClaimAction::Claim, Some(actor.org_id))?;
        let (partner, program, today) = (actor.org_id, self.program(), self.today());
        self.read(move |tx| {
            let registered = registered_offerings(tx, partner)?;
            let rates = tx.rates()?;
            let mut out = Vec::new();
            let mut after = None;
            let mut locations: HashMap<LocationId, String> = HashMap::new();
            loop {
                let page = tx.vouchers(&VoucherQuery {
                    scope: Scope::Partner(partner),
                    state: Some(VoucherState::Redeemed),
                    after,
                    limit: 500,
                })?;
                after = page.last().map(|v| v.id);
                for v in &page {
                    let (Some(on), Some(r)) = (redeemed_on(v), v.reservation.as_ref()) else {
                        continue;
                    };
                    let until = payment::claim_window_end(&program, on);
                    if today > until {
                        continue;
                    }
                    let location_name = match locations.get(&r.location_id) {
                        Some(n) => n.clone(),
                        None => {
                            let n = tx
                                .location(r.location_id)?
                                .map(|l| l.name)
                                .unwrap_or_default();
                            locations.insert(r.location_id, n.clone());
                            n
                        }
                    };
                    let offering = program
                        .engagement(&v.engagement)
                        .map(|(o, _)| o.code.clone())
                        .unwrap_or_default();
                    let rate = payment::rate_on(&rates, &r.delivery_country, on);
                    out.push(ClaimableVoucher {
                        code: v.code,
                        engagement: v.engagement.clone(),
                        registered: registered.contains(&offering),
                        offering,
                        days: v.days,
                        location_id: r.location_id,
                        location_name,
                        country: r.delivery_country.clone(),
                        redeemed_on: on,
                        claim_until: until,
                        days_left: today.until(until).map_or(0, |s| i64::from(s.get_days())),
                        day_rate: rate.map(|r| MoneyView::of(&r.day_rate)),
                        amount: rate
                            .and_then(|r| r.day_rate.times(v.days).ok())
                            .map(|m| MoneyView::of(&m)),
                    });
                }
                if page.len() < 500 {
                    break;
                }
            }
            out.sort_by(|a, b| {
                (a.claim_until, a.code.to_string()).cmp(&(b.claim_until, b.code.to_string()))
            });
            Ok(out)
        })
        .await
    }
}
