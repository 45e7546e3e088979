//! Provisioning: partners with their locations, customers, users, agreements
//! and the customer's benefit.

use crate::{App, auth};
use saps_core::authz::{Action, Resource, authorize};
use saps_core::event::{
    AgreementAdded, BenefitActivated, CustomerCreated, PartnerCreated, UserCreated,
};
use saps_core::journal::{LedgerEntry, LedgerReason};
use saps_core::org::country_code;
use saps_core::{
    Actor, Agreement, AgreementId, Days, Entity, EntryId, Error, Locale, Location, LocationId,
    MilestoneName, NewEvent, Org, OrgId, OrgKind, Role, Rule, StoreError, User, UserId,
};
use serde::Serialize;

/// A location in a new partner.
#[derive(Clone, Debug)]
pub struct NewLocation {
    pub name: String,
    pub country: String,
    pub city: String,
}

/// A user to add to an organisation.
#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password: String,
}

/// One agreement's pool of days, as the benefit summary shows it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PoolView {
    pub agreement: String,
    pub agreement_id: AgreementId,
    pub sa_start: jiff::civil::Date,
    pub sa_end: jiff::civil::Date,
    pub accrued: i64,
    pub used: i64,
    pub available: i64,
    pub expires_on: jiff::civil::Date,
}

/// The customer's Planning Services benefit.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BenefitView {
    pub active: bool,
    pub pools: Vec<PoolView>,
}

fn required(field: &str, value: &str, max: usize) -> Result<String, Error> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, format!("{field} is required")));
    }
    if v.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("{field} may have at most {max} characters"),
        ));
    }
    Ok(v.to_owned())
}

/// The most locations a partner is created with.
pub(crate) const MAX_LOCATIONS: usize = 200;

/// A new partner company, its name and country checked.
pub(crate) fn new_partner(name: &str, country: &str, now: jiff::Timestamp) -> Result<Org, Error> {
    Ok(Org {
        id: OrgId::new(),
        kind: OrgKind::Partner,
        name: required("name", name, 200)?,
        country: country_code(country).map_err(|m| Error::invalid("country", m))?,
        benefit_active: false,
        created_at: now,
    })
}

/// A new partner's location, its name and country checked.
pub(crate) fn new_location(partner_id: OrgId, l: &NewLocation) -> Result<Location, Error> {
    Ok(Location {
        id: LocationId::new(),
        partner_id,
        name: required("locations.name", &l.name, 200)?,
        country: country_code(&l.country).map_err(|m| Error::invalid("locations.country", m))?,
        city: l.city.trim().chars().take(200).collect(),
    })
}

impl App {
    async fn load_org(&self, id: OrgId, entity: Entity) -> Result<Org, Error> {
        self.read(move |tx| tx.org(id)?.ok_or(Error::NotFound(entity)))
            .await
    }

    /// An organisation the actor may see.
    pub async fn org(&self, actor: &Actor, id: OrgId) -> Result<Org, Error> {
        let org = self.load_org(id, Entity::Org).await?;
        authorize(actor, Action::ViewOrg, Resource::Org(org.id, org.kind))?;
        Ok(org)
    }

    pub async fn create_partner(
        &self,
        actor: &Actor,
        name: &str,
        country: &str,
        locations: Vec<NewLocation>,
    ) -> Result<(Org, Vec<Location>), Error> {
        authorize(actor, Action::CreatePartner, Resource::Program)?;
        let org = new_partner(name, country, self.now())?;
        if locations.is_empty() {
            return Err(Error::invalid(
                "locations",
                "a partner needs at least one location",
            ));
        }
        if locations.len() > MAX_LOCATIONS {
            return Err(Error::invalid("locations", "at most 200 locations at once"));
        }
        let now = org.created_at;
        let locs = locations
            .iter()
            .map(|l| new_location(org.id, l))
            .collect::<Result<Vec<_>, _>>()?;
        let version = self.program().version;
        let (o, ls, actor_id) = (org.clone(), locs.clone(), actor.user_id);
        self.write(move |tx| {
            tx.insert_org(&o)?;
            for l in &ls {
                tx.insert_location(l)?;
            }
            let created = PartnerCreated {
                id: o.id,
                name: o.name.clone(),
                country: o.country.clone(),
                locations: ls.clone(),
            };
            tx.append_event(&NewEvent::new(created, now, Some(actor_id), version).partner(o.id))?;
            Ok(())
        })
        .await?;
        Ok((org, locs))
    }

    pub async fn create_customer(
        &self,
        actor: &Actor,
        name: &str,
        country: &str,
    ) -> Result<Org, Error> {
        authorize(actor, Action::CreateCustomer, Resource::Program)?;
        let name = required("name", name, 200)?;
        let country = country_code(country).map_err(|m| Error::invalid("country", m))?;
        let now = self.now();
        let org = Org {
            id: OrgId::new(),
            kind: OrgKind::Customer,
            name,
            country,
            benefit_active: false,
            created_at: now,
        };
        let version = self.program().version;
        let (o, actor_id) = (org.clone(), actor.user_id);
        self.write(move |tx| {
            tx.insert_org(&o)?;
            let created = CustomerCreated {
                id: o.id,
                name: o.name.clone(),
                country: o.country.clone(),
            };
            tx.append_event(&NewEvent::new(created, now, Some(actor_id), version).customer(o.id))?;
            Ok(())
        })
        .await?;
        Ok(org)
    }

    /// Partners, customers or operators: operators see all; others see their own.
    pub async fn orgs(&self, actor: &Actor, kind: OrgKind) -> Result<Vec<Org>, Error> {
        let all = self.read(move |tx| Ok(tx.orgs(kind)?)).await?;
        Ok(match actor.role {
            Role::Operator => all,
            // Customers choose a partner to assign vouchers to: partners are public.
            _ if kind == OrgKind::Partner => all,
            _ => all.into_iter().filter(|o| o.id == actor.org_id).collect(),
        })
    }

    /// A partner and its locations: partners are visible to everyone signed in,
    /// since customers choose one to assign vouchers to.
    pub async fn partner(&self, id: OrgId) -> Result<(Org, Vec<Location>), Error> {
        self.read(move |tx| {
            let org = tx
                .org(id)?
                .filter(|o| o.kind == OrgKind::Partner)
                .ok_or(Error::NotFound(Entity::Partner))?;
            let locations = tx.locations(id)?;
            Ok((org, locations))
        })
        .await
    }

    pub async fn locations(&self, partner: OrgId) -> Result<Vec<Location>, Error> {
        self.read(move |tx| Ok(tx.locations(partner)?)).await
    }

    /// Adds a user who reads English; `actor` is `None` only for the
    /// command-line bootstrap.
    pub async fn add_user(
        &self,
        actor: Option<&Actor>,
        org_id: OrgId,
        new: NewUser,
    ) -> Result<User, Error> {
        self.add_user_in(actor, org_id, new, Locale::default())
            .await
    }

    /// Adds a user whose e-mails (and default pages) are in `locale`.
    pub async fn add_user_in(
        &self,
        actor: Option<&Actor>,
        org_id: OrgId,
        new: NewUser,
        locale: Locale,
    ) -> Result<User, Error> {
        let org = self.load_org(org_id, Entity::Org).await?;
        if let Some(a) = actor {
            authorize(
                a,
                Action::AddUser(new.role),
                Resource::Org(org.id, org.kind),
            )?;
        }
        if new.role.org_kind() != org.kind {
            return Err(Rule::RoleNotInOrg {
                role: new.role.as_str().into(),
            }
            .into());
        }
        let email = crate::email::deliverable_address(&new.email)?;
        let name = required("name", &new.name, 200)?;
        auth::check_password(&new.password).map_err(|m| Error::invalid("password", m))?;
        // On the bounded pool that sign-in uses, so hashing never starves it.
        let password_hash = auth::hash_off_thread(new.password.clone()).await;
        let now = self.now();
        let user = User {
            id: UserId::new(),
            org_id,
            email,
            name,
            role: new.role,
            password_hash,
            created_at: now,
            locale,
            disabled: false,
        };
        let version = self.program().version;
        let (u, actor_id, kind) = (user.clone(), actor.map(|a| a.user_id), org.kind);
        self.write(move |tx| {
            match tx.insert_user(&u) {
                Err(StoreError::Duplicate(_)) => return Err(Rule::EmailTaken.into()),
                r => r?,
            }
            let created = UserCreated {
                id: u.id,
                email: u.email.clone(),
                name: u.name.clone(),
                role: u.role,
                org_id: u.org_id,
            };
            let mut e = NewEvent::new(created, now, actor_id, version);
            match kind {
                OrgKind::Customer => e = e.customer(u.org_id),
                OrgKind::Partner => e = e.partner(u.org_id),
                OrgKind::Operator => {}
            }
            tx.append_event(&e)?;
            Ok(())
        })
        .await?;
        Ok(user)
    }

    /// Users of an organisation the actor may see.
    pub async fn users(&self, actor: &Actor, org_id: OrgId) -> Result<Vec<User>, Error> {
        self.org(actor, org_id).await?;
        self.read(move |tx| Ok(tx.users(org_id)?)).await
    }

    pub async fn user(&self, id: UserId) -> Result<Option<User>, Error> {
        self.read(move |tx| Ok(tx.user(id)?)).await
    }

    /// Records a Software Assurance agreement and accrues its planning days,
    /// prorated by term, unless accrual has ended.
    pub async fn add_agreement(
        &self,
        actor: &Actor,
        customer_id: OrgId,
        number: &str,
        sa_start: jiff::civil::Date,
        sa_end: jiff::civil::Date,
        days: u32,
    ) -> Result<Agreement, Error> {
        let customer = self.load_org(customer_id, Entity::Customer).await?;
        if customer.kind != OrgKind::Customer {
            return Err(Error::NotFound(Entity::Customer));
        }
        authorize(
            actor,
            Action::AddAgreement,
            Resource::Org(customer.id, customer.kind),
        )?;
        let number = required("number", number, 64)?;
        if sa_end < sa_start {
            return Err(Rule::AgreementInvalid {
                reason: "it ends before it starts".into(),
            }
            .into());
        }
        if days == 0 || days > 10_000 {
            return Err(Error::invalid("days", "days must be between 1 and 10000"));
        }
        let program = self.program();
        let now = self.now();
        let today = saps_core::program_date(now);
        if let Some(on) = program.milestone(MilestoneName::AccrualEnded)
            && today >= on
        {
            return Err(Rule::AccrualEnded { on }.into());
        }
        let mut agreement = Agreement {
            id: AgreementId::new(),
            customer_id,
            number,
            sa_start,
            sa_end,
            days: Days(days),
            available: 0,
            created_at: now,
        };
        let accrued = agreement.accrued_days();
        let (a, actor_id, version) = (agreement.clone(), actor.user_id, program.version);
        self.write(move |tx| {
            match tx.insert_agreement(&a) {
                Err(StoreError::Duplicate(_)) => return Err(Rule::AgreementNumberTaken.into()),
                r => r?,
            }
            let added = AgreementAdded {
                agreement: a.number.clone(),
                agreement_id: a.id,
                sa_start: a.sa_start,
                sa_end: a.sa_end,
                days: a.days,
                accrued,
            };
            let event = NewEvent::new(added, now, Some(actor_id), version).customer(a.customer_id);
            tx.append_event(&event)?;
            if accrued.0 > 0 {
                let posted = tx.post_ledger(&LedgerEntry {
                    id: EntryId::new(),
                    agreement_id: a.id,
                    at: now,
                    delta: accrued.signed(),
                    reason: LedgerReason::Accrual,
                    voucher_id: None,
                    event_id: event.id,
                })?;
                debug_assert!(posted, "a credit cannot make a pool negative");
            }
            Ok(())
        })
        .await?;
        agreement.available = accrued.signed();
        Ok(agreement)
    }

    pub async fn activate_benefit(&self, actor: &Actor, customer_id: OrgId) -> Result<(), Error> {
        let customer = self.load_org(customer_id, Entity::Customer).await?;
        if customer.kind != OrgKind::Customer {
            return Err(Error::NotFound(Entity::Customer));
        }
        authorize(
            actor,
            Action::ActivateBenefit,
            Resource::Org(customer.id, customer.kind),
        )?;
        let (now, version, actor_id) = (self.now(), self.program().version, actor.user_id);
        self.write(move |tx| {
            let c = tx
                .org(customer_id)?
                .ok_or(Error::NotFound(Entity::Customer))?;
            if c.benefit_active {
                return Err(Rule::BenefitAlreadyActive.into());
            }
            tx.set_benefit_active(customer_id, true)?;
            tx.append_event(
                &NewEvent::new(BenefitActivated {}, now, Some(actor_id), version)
                    .customer(customer_id),
            )?;
            Ok(())
        })
        .await
    }

    pub async fn benefit(&self, actor: &Actor, customer_id: OrgId) -> Result<BenefitView, Error> {
        let customer = self.load_org(customer_id, Entity::Customer).await?;
        if customer.kind != OrgKind::Customer {
            return Err(Error::NotFound(Entity::Customer));
        }
        authorize(
            actor,
            Action::ViewBenefit,
            Resource::Org(customer.id, customer.kind),
        )?;
        let program = self.program();
        let removed_on = program.milestone(MilestoneName::RemainingDaysRemoved);
        self.read(move |tx| {
            let agreements = tx.agreements(customer_id)?;
            let mut pools = Vec::with_capacity(agreements.len());
            for a in agreements {
                let totals = tx.pool_totals(a.id)?;
                let of = |r: LedgerReason| {
                    totals
                        .by_reason
                        .iter()
                        .filter(|(k, _)| *k == r)
                        .map(|(_, v)| *v)
                        .sum::<i64>()
                };
                let accrued = of(LedgerReason::Accrual) + of(LedgerReason::Conversion);
                let used = -(of(LedgerReason::VoucherDebit) + of(LedgerReason::VoucherRefund));
                let expires_on = match removed_on {
                    Some(d) => a.sa_end.min(d.yesterday().unwrap_or(d)),
                    None => a.sa_end,
                };
                pools.push(PoolView {
                    agreement: a.number.clone(),
                    agreement_id: a.id,
                    sa_start: a.sa_start,
                    sa_end: a.sa_end,
                    accrued,
                    used,
                    available: a.available,
                    expires_on,
                });
            }
            Ok(BenefitView {
                active: customer.benefit_active,
                pools,
            })
        })
        .await
    }
}
