//! Payment (SAVB): registration per offering, bank accounts per location, the
//! dated country rate card, and claims with their lifecycle
//! `draft → submitted → approved → paid`, `submitted → rejected → disputed →
//! approved | rejected (final)`. Pure: time comes in as an argument.

use crate::VoucherCode;
use crate::error::{Entity, Error, PaymentRule};
use crate::iban::{Bic, Iban};
use crate::ids::{LocationId, OrgId, UserId, VoucherId};
use crate::org::{Actor, Role};
use crate::program::Program;
use crate::quantity::{Currency, Days, Money};
use crate::voucher::{Voucher, VoucherState};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub mod events;

/// The ISO 4217 codes a rate card may use.
pub const KNOWN_CURRENCIES: &[&str] = &[
    "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "INR", "JPY",
    "KRW", "MXN", "NOK", "NZD", "PLN", "RON", "RUB", "SEK", "SGD", "TRY", "USD", "ZAR",
];

/// Days after a rejection within which the partner may dispute it.
pub const DISPUTE_DAYS: i64 = 30;

/// Most characters in a reason, a holder's name or a payment reference.
pub const MAX_TEXT: usize = 500;

/// A currency code of [`KNOWN_CURRENCIES`].
pub fn known_currency(code: &str) -> Result<Currency, Error> {
    let code = code.trim();
    if !KNOWN_CURRENCIES.contains(&code) {
        return Err(Error::invalid(
            "currency",
            format!(
                "{code:?} is not a currency the rate card accepts ({})",
                KNOWN_CURRENCIES.join(", ")
            ),
        ));
    }
    code.parse()
        .map_err(|e: String| Error::invalid("currency", e))
}

/// An amount as the API writes it (`"1234.50"`): a plain decimal, not
/// negative, with at most the currency's minor digits; kept at that scale.
pub fn parse_amount(amount: &str, currency: Currency) -> Result<Money, Error> {
    let bad = |why: &str| Error::invalid("day_rate", format!("{amount:?} {why}"));
    let t = amount.trim();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return Err(bad("is not a decimal amount such as 1234.50"));
    }
    let d: Decimal = t
        .parse()
        .map_err(|_| bad("is not a decimal amount such as 1234.50"))?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(bad("is negative"));
    }
    if d.is_zero() {
        return Err(bad("must be more than zero"));
    }
    let mut m = Money::new(d, currency).map_err(|e| bad(&e.to_string()))?;
    m.amount.rescale(currency.minor_digits());
    m.minor_units().map_err(|_| bad("is too large"))?;
    Ok(m)
}

/// A day rate of one country from a date on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    /// ISO 3166 alpha-2, upper case.
    pub country: String,
    pub day_rate: Money,
    pub effective_from: Date,
}

/// A country code: two letters, kept upper case.
pub fn country_code(field: &str, s: &str) -> Result<String, Error> {
    let c = s.trim().to_ascii_uppercase();
    if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(c)
    } else {
        Err(Error::invalid(
            field,
            format!("{s:?} is not a two-letter country code"),
        ))
    }
}

/// The rate card, as the operator writes it: refused whole when a country
/// is named twice for one date. Sorted by country, then date.
pub fn rate_card(mut rates: Vec<Rate>) -> Result<Vec<Rate>, Error> {
    if rates.len() > 2000 {
        return Err(Error::invalid("rates", "at most 2000 rates"));
    }
    rates.sort_by(|a, b| (&a.country, a.effective_from).cmp(&(&b.country, b.effective_from)));
    if let Some(w) = rates
        .windows(2)
        .find(|w| w[0].country == w[1].country && w[0].effective_from == w[1].effective_from)
    {
        return Err(PaymentRule::DuplicateRate {
            country: w[0].country.clone(),
            effective_from: w[0].effective_from,
        }
        .into());
    }
    Ok(rates)
}

/// The rate of `country` in force on `on`: the latest from that date or before.
pub fn rate_on<'a>(rates: &'a [Rate], country: &str, on: Date) -> Option<&'a Rate> {
    rates
        .iter()
        .filter(|r| r.country == country && r.effective_from <= on)
        .max_by_key(|r| r.effective_from)
}

/// A partner's registration for payment of an offering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registration {
    pub partner_id: OrgId,
    /// The offering's code, as the catalog spells it.
    pub offering: String,
    pub registered_at: Timestamp,
    pub registered_by: UserId,
}

/// A location's bank account, where its claims are paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccount {
    pub location_id: LocationId,
    pub partner_id: OrgId,
    pub holder: String,
    pub iban: Iban,
    pub bic: Bic,
    pub updated_at: Timestamp,
    pub updated_by: UserId,
}

/// A bank account's fields as sent, checked: `validation.holder`,
/// `validation.iban`, `validation.bic`.
pub fn bank_details(holder: &str, iban: &str, bic: &str) -> Result<(String, Iban, Bic), Error> {
    let holder = holder.trim();
    if holder.is_empty() || holder.chars().count() > 200 || holder.chars().any(char::is_control) {
        return Err(Error::invalid(
            "holder",
            "give the account holder's name (at most 200 characters)",
        ));
    }
    let iban = Iban::parse(iban).map_err(|e| Error::invalid("iban", e.to_string()))?;
    let bic = Bic::parse(bic).map_err(|e| Error::invalid("bic", e))?;
    Ok((holder.to_owned(), iban, bic))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimState {
    Draft,
    Submitted,
    Approved,
    Paid,
    Rejected,
    Disputed,
    /// The partner withdrew the draft; its vouchers are free again.
    Withdrawn,
}

impl ClaimState {
    pub const ALL: [ClaimState; 7] = [
        Self::Draft,
        Self::Submitted,
        Self::Approved,
        Self::Paid,
        Self::Rejected,
        Self::Disputed,
        Self::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Paid => "paid",
            Self::Rejected => "rejected",
            Self::Disputed => "disputed",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Holds its vouchers (they are `claimed`, or `paid` once paid).
    pub fn is_live(self) -> bool {
        !matches!(self, Self::Rejected | Self::Withdrawn)
    }
}

/// One voucher of a claim, priced when the claim was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimLine {
    pub voucher_id: VoucherId,
    pub code: VoucherCode,
    pub days: Days,
    /// The delivery country, whose rate applies.
    pub country: String,
    pub redeemed_on: Date,
    pub day_rate: Money,
    /// `days × day_rate`, exact.
    pub amount: Money,
}

/// A partner's request for payment of redeemed vouchers of one location and
/// one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: uuid::Uuid,
    /// Human-readable and unique: `SAVB-<year>-<number>`.
    pub reference: String,
    pub partner_id: OrgId,
    pub location_id: LocationId,
    pub state: ClaimState,
    pub total: Money,
    pub lines: Vec<ClaimLine>,
    pub created_at: Timestamp,
    pub created_by: UserId,
    pub submitted_at: Option<Timestamp>,
    pub approved_at: Option<Timestamp>,
    pub payment_due_on: Option<Date>,
    pub paid_at: Option<Timestamp>,
    pub payment_reference: Option<String>,
    pub rejected_at: Option<Timestamp>,
    pub rejection_reason: Option<String>,
    pub disputed_at: Option<Timestamp>,
    pub dispute_reason: Option<String>,
    /// Every step, oldest first, after the draft.
    pub history: Vec<ClaimHistoryEntry>,
    /// Bumped on every write; writes are conditional on it.
    pub version: u32,
}

/// One step of a claim: the state it reached, when, by whom, and the reason
/// or payment reference given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimHistoryEntry {
    pub state: ClaimState,
    pub at: Timestamp,
    pub by: UserId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The reference of the `number`th claim of `year`.
pub fn claim_reference(year: i16, number: u64) -> String {
    format!("SAVB-{year}-{number:06}")
}

/// A voucher offered for a claim, with what the journal and the catalog say
/// about it.
pub struct Candidate<'a> {
    pub voucher: &'a Voucher,
    /// The day of its redemption (`None`: never redeemed).
    pub redeemed_on: Option<Date>,
    /// The offering its engagement belongs to.
    pub offering: &'a str,
}

/// What a new claim is decided from.
pub struct NewClaim<'a> {
    pub program: &'a Program,
    pub partner_id: OrgId,
    pub candidates: &'a [Candidate<'a>],
    /// The offerings the partner is registered for.
    pub registered: &'a [String],
    pub rates: &'a [Rate],
    pub today: Date,
}

fn window_end(program: &Program, redeemed_on: Date) -> Date {
    redeemed_on.saturating_add(i64::from(program.claim_window_days).days())
}

/// The last day a voucher redeemed on `redeemed_on` may be claimed.
pub fn claim_window_end(program: &Program, redeemed_on: Date) -> Date {
    window_end(program, redeemed_on)
}

fn claimed_conflict(code: &VoucherCode, state: VoucherState) -> Error {
    Error::Conflict {
        entity: Entity::Voucher,
        message: format!(
            "The voucher {code} is {}: it is in another claim.",
            state.as_str()
        ),
    }
}

/// Prices the lines of a claim, naming the first voucher that may not be in
/// it. Another partner's voucher is `voucher.not_found`.
pub fn claim_lines(req: &NewClaim<'_>) -> Result<(LocationId, Vec<ClaimLine>, Money), Error> {
    let mut lines = Vec::with_capacity(req.candidates.len());
    let mut location: Option<LocationId> = None;
    let mut currency: Option<Currency> = None;
    for c in req.candidates {
        let v = c.voucher;
        if v.partner_id != Some(req.partner_id) {
            return Err(Error::NotFound(Entity::Voucher));
        }
        let code = v.code.to_string();
        match v.state {
            VoucherState::Redeemed => {}
            VoucherState::Claimed | VoucherState::Paid => {
                return Err(claimed_conflict(&v.code, v.state));
            }
            _ => return Err(PaymentRule::VoucherNotRedeemed { code }.into()),
        }
        let (Some(redeemed_on), Some(r)) = (c.redeemed_on, v.reservation.as_ref()) else {
            return Err(PaymentRule::VoucherNotRedeemed { code }.into());
        };
        let last_day = window_end(req.program, redeemed_on);
        if req.today > last_day {
            return Err(PaymentRule::ClaimWindowClosed { code, last_day }.into());
        }
        if !req.registered.iter().any(|o| o == c.offering) {
            return Err(PaymentRule::NotRegistered {
                offering: c.offering.to_owned(),
            }
            .into());
        }
        if *location.get_or_insert(r.location_id) != r.location_id {
            return Err(PaymentRule::MixedLocations.into());
        }
        let country = r.delivery_country.clone();
        let Some(rate) = rate_on(req.rates, &country, redeemed_on) else {
            return Err(PaymentRule::NoRateInForce {
                country,
                on: redeemed_on,
            }
            .into());
        };
        if *currency.get_or_insert(rate.day_rate.currency) != rate.day_rate.currency {
            return Err(PaymentRule::MixedCurrencies.into());
        }
        let amount = rate
            .day_rate
            .times(v.days)
            .map_err(|e| Error::invalid("codes", e.to_string()))?;
        lines.push(ClaimLine {
            voucher_id: v.id,
            code: v.code,
            days: v.days,
            country,
            redeemed_on,
            day_rate: rate.day_rate,
            amount,
        });
    }
    let (Some(location), Some(currency)) = (location, currency) else {
        return Err(Error::invalid("codes", "name at least one voucher"));
    };
    let mut sum = Decimal::ZERO;
    for l in &lines {
        sum = sum
            .checked_add(l.amount.amount)
            .ok_or_else(|| Error::invalid("codes", "the total is too large"))?;
    }
    sum.rescale(currency.minor_digits());
    let total = Money {
        amount: sum,
        currency,
    };
    Ok((location, lines, total))
}

/// A reason, holder or reference as sent: trimmed, not empty, not too long.
pub fn text_field(field: &str, s: &str) -> Result<String, Error> {
    let t = s.trim();
    if t.is_empty() || t.chars().count() > MAX_TEXT {
        return Err(Error::invalid(
            field,
            format!("write between 1 and {MAX_TEXT} characters"),
        ));
    }
    Ok(t.to_owned())
}

/// A claim's actions, each allowed from some states only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimStep {
    Submit,
    Approve,
    Reject,
    Pay,
    Dispute,
    Withdraw,
}

impl ClaimStep {
    pub fn verb(self) -> &'static str {
        match self {
            Self::Submit => "submitted",
            Self::Approve => "approved",
            Self::Reject => "rejected",
            Self::Pay => "paid",
            Self::Dispute => "disputed",
            Self::Withdraw => "withdrawn",
        }
    }
}

/// The claim state machine: where `step` leads from `from`, if it is allowed.
pub fn next_claim_state(from: ClaimState, step: ClaimStep) -> Option<ClaimState> {
    use ClaimState as S;
    use ClaimStep as T;
    match (from, step) {
        (S::Draft, T::Submit) => Some(S::Submitted),
        (S::Submitted | S::Disputed, T::Approve) => Some(S::Approved),
        (S::Submitted | S::Disputed, T::Reject) => Some(S::Rejected),
        (S::Approved, T::Pay) => Some(S::Paid),
        (S::Rejected, T::Dispute) => Some(S::Disputed),
        (S::Draft, T::Withdraw) => Some(S::Withdrawn),
        _ => None,
    }
}

impl Claim {
    /// A new draft claim of `lines` (their sum `total`), made by `by` at `at`,
    /// with its first history entry.
    #[allow(clippy::too_many_arguments)]
    pub fn draft(
        reference: String,
        partner_id: OrgId,
        location_id: LocationId,
        lines: Vec<ClaimLine>,
        total: Money,
        at: Timestamp,
        by: UserId,
    ) -> Claim {
        Claim {
            id: uuid::Uuid::now_v7(),
            reference,
            partner_id,
            location_id,
            state: ClaimState::Draft,
            total,
            lines,
            created_at: at,
            created_by: by,
            submitted_at: None,
            approved_at: None,
            payment_due_on: None,
            paid_at: None,
            payment_reference: None,
            rejected_at: None,
            rejection_reason: None,
            disputed_at: None,
            dispute_reason: None,
            history: vec![ClaimHistoryEntry {
                state: ClaimState::Draft,
                at,
                by,
                note: None,
            }],
            version: 0,
        }
    }

    fn step(
        &self,
        step: ClaimStep,
        by: UserId,
        now: Timestamp,
        note: Option<String>,
    ) -> Result<Claim, Error> {
        let state = next_claim_state(self.state, step).ok_or_else(|| Error::Conflict {
            entity: Entity::Claim,
            message: format!(
                "The claim {} is {}; it cannot be {} now.",
                self.reference,
                self.state.as_str(),
                step.verb()
            ),
        })?;
        let mut c = self.clone();
        c.state = state;
        c.version += 1;
        c.history.push(ClaimHistoryEntry {
            state,
            at: now,
            by,
            note,
        });
        Ok(c)
    }

    /// The partner submits a draft: every voucher still within its window and
    /// the location's bank account given.
    pub fn submit(
        &self,
        program: &Program,
        has_bank_account: bool,
        by: UserId,
        now: Timestamp,
    ) -> Result<Claim, Error> {
        let mut c = self.step(ClaimStep::Submit, by, now, None)?;
        let today = crate::quantity::program_date(now);
        for l in &self.lines {
            let last_day = window_end(program, l.redeemed_on);
            if today > last_day {
                let code = l.code.to_string();
                return Err(PaymentRule::ClaimWindowClosed { code, last_day }.into());
            }
        }
        if !has_bank_account {
            return Err(PaymentRule::BankAccountMissing.into());
        }
        c.submitted_at = Some(now);
        Ok(c)
    }

    /// The operator approves: payment is due `payment_due_days` later.
    pub fn approve(&self, program: &Program, by: UserId, now: Timestamp) -> Result<Claim, Error> {
        let mut c = self.step(ClaimStep::Approve, by, now, None)?;
        let today = crate::quantity::program_date(now);
        c.approved_at = Some(now);
        c.payment_due_on = Some(today.saturating_add(i64::from(program.payment_due_days).days()));
        Ok(c)
    }

    /// The operator rejects with a reason; the vouchers are free again.
    pub fn reject(&self, reason: &str, by: UserId, now: Timestamp) -> Result<Claim, Error> {
        let reason = text_field("reason", reason)?;
        let mut c = self.step(ClaimStep::Reject, by, now, Some(reason.clone()))?;
        c.rejected_at = Some(now);
        c.rejection_reason = Some(reason);
        Ok(c)
    }

    /// The operator records the payment.
    pub fn pay(&self, payment_reference: &str, by: UserId, now: Timestamp) -> Result<Claim, Error> {
        let reference = text_field("payment_reference", payment_reference)?;
        let mut c = self.step(ClaimStep::Pay, by, now, Some(reference.clone()))?;
        c.paid_at = Some(now);
        c.payment_reference = Some(reference);
        Ok(c)
    }

    /// The partner withdraws a draft; its vouchers are free again.
    pub fn withdraw(&self, by: UserId, now: Timestamp) -> Result<Claim, Error> {
        self.step(ClaimStep::Withdraw, by, now, None)
    }

    /// The last day a rejection may be disputed.
    pub fn dispute_deadline(&self) -> Option<Date> {
        self.rejected_at
            .map(|at| crate::quantity::program_date(at).saturating_add(DISPUTE_DAYS.days()))
    }

    /// The partner disputes a rejection, once, within [`DISPUTE_DAYS`].
    pub fn dispute(&self, reason: &str, by: UserId, now: Timestamp) -> Result<Claim, Error> {
        let mut c = self.step(ClaimStep::Dispute, by, now, None)?;
        if self.disputed_at.is_some() {
            return Err(PaymentRule::AlreadyDisputed.into());
        }
        let today = crate::quantity::program_date(now);
        if let Some(last_day) = self.dispute_deadline()
            && today > last_day
        {
            return Err(PaymentRule::DisputeWindowClosed { last_day }.into());
        }
        let reason = text_field("reason", reason)?;
        if let Some(h) = c.history.last_mut() {
            h.note = Some(reason.clone());
        }
        c.disputed_at = Some(now);
        c.dispute_reason = Some(reason);
        Ok(c)
    }
}

/// What an actor wants to do with claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimAction {
    /// List or read claims.
    View,
    /// Create, submit, withdraw or dispute a claim of the actor's own company.
    Claim,
    /// Approve, reject or pay.
    Review,
}

/// The one authorization decision of claims: `partner` is the claim's
/// company (`None`: claims in general, as a list). Another company's claim
/// is `claim.not_found`; a visible one the role may not act on is forbidden.
pub fn authorize_claim(
    actor: &Actor,
    action: ClaimAction,
    partner: Option<OrgId>,
) -> Result<(), Error> {
    let op = actor.role == Role::Operator;
    let admin = actor.role.is_partner_admin();
    if let Some(p) = partner
        && !op
        && p != actor.org_id
    {
        return Err(Error::NotFound(Entity::Claim));
    }
    let allowed = match action {
        ClaimAction::View => op || admin,
        ClaimAction::Claim => admin,
        ClaimAction::Review => op,
    };
    if allowed {
        Ok(())
    } else {
        Err(Error::forbidden(match action {
            ClaimAction::View => "Your role may not see claims.",
            ClaimAction::Claim => "Your role may not claim payment.",
            ClaimAction::Review => "Only the operator reviews and pays claims.",
        }))
    }
}

#[cfg(test)]
mod tests;
