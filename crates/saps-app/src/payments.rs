//! Payment's setup: a partner registers for payment per offering and gives a
//! bank account per location; the operator keeps the dated country rate card.
//! Claims themselves are in [`crate::claims`].

use crate::App;
use saps_core::authz::Action;
use saps_core::error::PaymentRule;
use saps_core::event::{BankAccountSet, PaymentRegistered, RateCardChanged};
use saps_core::payment::{self, BankAccount, Rate, Registration};
use saps_core::port::Tx;
use saps_core::{Actor, Entity, Error, LocationId, Money, NewEvent, OrgId, Role, Rule, StoreError};
use serde::Serialize;

/// An exact amount as the API writes it: `{"amount": "1234.50", "currency": "EUR"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoneyView {
    /// A decimal with the currency's minor digits, as a string.
    #[cfg_attr(feature = "openapi", schema(example = "1234.50"))]
    pub amount: String,
    /// ISO 4217.
    #[cfg_attr(feature = "openapi", schema(example = "EUR"))]
    pub currency: String,
}

impl MoneyView {
    pub fn of(m: &Money) -> Self {
        let mut amount = m.amount;
        amount.rescale(m.currency.minor_digits());
        Self {
            amount: amount.to_string(),
            currency: m.currency.as_str().to_owned(),
        }
    }
}

/// A location's bank account as shown: the IBAN masked but for its last four
/// characters, except to the operator who pays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BankAccountView {
    pub location_id: LocationId,
    pub partner_id: OrgId,
    pub holder: String,
    /// Compact and upper case; masked (`*`) but for the last four characters
    /// unless `masked` is false.
    pub iban: String,
    pub bic: String,
    pub masked: bool,
    pub updated_at: jiff::Timestamp,
}

impl BankAccountView {
    /// Unmasked for the operator only.
    pub fn of(a: &BankAccount, actor: &Actor) -> Self {
        let unmasked = actor.role == Role::Operator;
        Self {
            location_id: a.location_id,
            partner_id: a.partner_id,
            holder: a.holder.clone(),
            iban: if unmasked {
                a.iban.as_str().to_owned()
            } else {
                a.iban.masked()
            },
            bic: a.bic.as_str().to_owned(),
            masked: !unmasked,
            updated_at: a.updated_at,
        }
    }
}

/// One dated rate of the card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RateView {
    pub country: String,
    pub day_rate: MoneyView,
    pub effective_from: jiff::civil::Date,
}

/// The rate card: every country's dated day rates, by country then date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RateCardView {
    pub rates: Vec<RateView>,
}

impl RateCardView {
    pub fn of(rates: &[Rate]) -> Self {
        Self {
            rates: rates
                .iter()
                .map(|r| RateView {
                    country: r.country.clone(),
                    day_rate: MoneyView::of(&r.day_rate),
                    effective_from: r.effective_from,
                })
                .collect(),
        }
    }
}

/// A rate as the operator writes it (amount and currency as sent).
#[derive(Clone, Debug)]
pub struct RateInput {
    pub country: String,
    pub amount: String,
    pub currency: String,
    pub effective_from: jiff::civil::Date,
}

/// Checks a rate card as sent: `validation.country`, `validation.currency`,
/// `validation.day_rate`, then `rule.duplicate_rate`.
pub fn parse_rate_card(input: &[RateInput]) -> Result<Vec<Rate>, Error> {
    let mut rates = Vec::with_capacity(input.len());
    for r in input {
        let country = payment::country_code("country", &r.country)?;
        let currency = payment::known_currency(&r.currency)?;
        let day_rate = payment::parse_amount(&r.amount, currency)?;
        rates.push(Rate {
            country,
            day_rate,
            effective_from: r.effective_from,
        });
    }
    payment::rate_card(rates)
}

/// A location of the actor's sight: another company's (or an unknown) one is
/// `location.not_found`.
pub(crate) fn visible_location(
    tx: &mut dyn Tx,
    actor: &Actor,
    id: LocationId,
) -> Result<saps_core::Location, Error> {
    let loc = tx.location(id)?.ok_or(Error::NotFound(Entity::Location))?;
    if actor.role != Role::Operator && loc.partner_id != actor.org_id {
        return Err(Error::NotFound(Entity::Location));
    }
    Ok(loc)
}

impl App {
    /// Registers the company for payment of an offering (its global admin).
    /// It needs a redeemed voucher of the offering; a second registration of
    /// the same offering is `409 payment_registration.conflict`.
    pub async fn register_for_payment(
        &self,
        actor: &Actor,
        partner_id: OrgId,
        offering: &str,
    ) -> Result<Registration, Error> {
        self.partner_for(actor, partner_id, Action::ViewEligibility)
            .await?;
        if actor.role != Role::GlobalAdmin {
            return Err(Error::forbidden(
                "Only the company's global admin registers for payment.",
            ));
        }
        let program = self.program();
        let found = program
            .offering(offering)
            .ok_or_else(|| Rule::UnknownOffering {
                offering: offering.trim().to_owned(),
            })?;
        let code = found.code.clone();
        let engagements: Vec<String> = found.engagements.iter().map(|e| e.code.clone()).collect();
        let (now, by) = (self.now(), actor.user_id);
        self.write(move |tx| {
            if tx.count_redeemed_vouchers(partner_id, &engagements)? == 0 {
                let offering = code.clone();
                return Err(PaymentRule::NoRedeemedVoucher { offering }.into());
            }
            let r = Registration {
                partner_id,
                offering: code.clone(),
                registered_at: now,
                registered_by: by,
            };
            match tx.insert_registration(&r) {
                Err(StoreError::Duplicate(_)) => {
                    return Err(Error::Conflict {
                        entity: Entity::PaymentRegistration,
                        message: format!(
                            "The company is already registered for payment of {code}."
                        ),
                    });
                }
                other => other?,
            }
            let body = PaymentRegistered {
                partner_id,
                offering: code.clone(),
            };
            let event = NewEvent::new(body, now, Some(by), program.version).partner(partner_id);
            tx.append_event(&event)?;
            Ok(r)
        })
        .await
    }

    /// The company's registrations for payment (operator, the company's admins).
    pub async fn payment_registrations(
        &self,
        actor: &Actor,
        partner_id: OrgId,
    ) -> Result<Vec<Registration>, Error> {
        self.partner_for(actor, partner_id, Action::ViewEligibility)
            .await?;
        self.read(move |tx| Ok(tx.registrations(partner_id)?)).await
    }

    /// Gives or replaces a location's bank account (the company's global admin).
    /// The journal keeps the IBAN masked.
    pub async fn set_bank_account(
        &self,
        actor: &Actor,
        location_id: LocationId,
        holder: &str,
        iban: &str,
        bic: &str,
    ) -> Result<BankAccountView, Error> {
        let (actor, program, now) = (*actor, self.program(), self.now());
        let fields = payment::bank_details(holder, iban, bic);
        self.write(move |tx| {
            let loc = visible_location(tx, &actor, location_id)?;
            if actor.role != Role::GlobalAdmin {
                return Err(Error::forbidden(
                    "Only the company's global admin gives bank accounts.",
                ));
            }
            let (holder, iban, bic) = fields.clone()?;
            let a = BankAccount {
                location_id,
                partner_id: loc.partner_id,
                holder,
                iban,
                bic,
                updated_at: now,
                updated_by: actor.user_id,
            };
            tx.put_bank_account(&a)?;
            let body = BankAccountSet {
                partner_id: loc.partner_id,
                location_id,
                holder: a.holder.clone(),
                iban: a.iban.masked(),
                bic: a.bic.as_str().to_owned(),
            };
            let event = NewEvent::new(body, now, Some(actor.user_id), program.version)
                .partner(loc.partner_id);
            tx.append_event(&event)?;
            Ok(BankAccountView::of(&a, &actor))
        })
        .await
    }

    /// A location's bank account: unmasked for the operator, masked for the
    /// company's admins; `bank_account.not_found` when none was given.
    pub async fn bank_account(
        &self,
        actor: &Actor,
        location_id: LocationId,
    ) -> Result<BankAccountView, Error> {
        let actor = *actor;
        self.read(move |tx| {
            visible_location(tx, &actor, location_id)?;
            if actor.role != Role::Operator && !actor.role.is_partner_admin() {
                return Err(Error::forbidden("Your role may not see bank accounts."));
            }
            let a = tx
                .bank_account(location_id)?
                .ok_or(Error::NotFound(Entity::BankAccount))?;
            Ok(BankAccountView::of(&a, &actor))
        })
        .await
    }

    /// The company's bank accounts, by location (operator, the company's admins).
    pub async fn bank_accounts(
        &self,
        actor: &Actor,
        partner_id: OrgId,
    ) -> Result<Vec<BankAccountView>, Error> {
        self.partner_for(actor, partner_id, Action::ViewEligibility)
            .await?;
        let actor = *actor;
        self.read(move |tx| {
            Ok(tx
                .bank_accounts(partner_id)?
                .iter()
                .map(|a| BankAccountView::of(a, &actor))
                .collect())
        })
        .await
    }

    /// The rate card (everyone signed in).
    pub async fn rate_card(&self, _actor: &Actor) -> Result<RateCardView, Error> {
        self.read(|tx| Ok(RateCardView::of(&tx.rates()?))).await
    }

    /// The rates as stored, for the use cases that price claims.
    pub async fn rates(&self) -> Result<Vec<Rate>, Error> {
        self.read(|tx| Ok(tx.rates()?)).await
    }

    /// Replaces the rate card (the operator). The card keeps every dated rate:
    /// a rate applies from its date until the country's next one, and claims
    /// keep the rates they were priced with.
    pub async fn set_rate_card(
        &self,
        actor: &Actor,
        input: Vec<RateInput>,
    ) -> Result<RateCardView, Error> {
        if actor.role != Role::Operator {
            return Err(Error::forbidden("Only the operator changes the rate card."));
        }
        let rates = parse_rate_card(&input)?;
        let (by, program, now) = (actor.user_id, self.program(), self.now());
        self.write(move |tx| {
            tx.replace_rates(&rates)?;
            let body = RateCardChanged {
                rates: rates.clone(),
            };
            tx.append_event(&NewEvent::new(body, now, Some(by), program.version))?;
            Ok(RateCardView::of(&rates))
        })
        .await
    }
}
