//! Organisations, locations and users.

use super::*;
use crate::micros;
use saps_core::port::Orgs;
use saps_core::{Locale, Location, LocationId, Org, OrgId, OrgKind, Role, User, UserId};

const ORG_COLS: &str = "id, kind, name, country, benefit_active, created_at";

fn org_row(r: &Row) -> StoreResult<Org> {
    Ok(Org {
        id: OrgId(get(r, 0)?),
        kind: enum_col(r, 1, OrgKind::parse)?,
        name: get(r, 2)?,
        country: get(r, 3)?,
        benefit_active: get(r, 4)?,
        created_at: get(r, 5)?,
    })
}

const LOCATION_COLS: &str = "id, partner_id, name, country, city";

fn location_row(r: &Row) -> StoreResult<Location> {
    Ok(Location {
        id: LocationId(get(r, 0)?),
        partner_id: OrgId(get(r, 1)?),
        name: get(r, 2)?,
        country: get(r, 3)?,
        city: get(r, 4)?,
    })
}

const USER_COLS: &str =
    "id, org_id, email, name, role, password_hash, created_at, locale, disabled";
pub(super) const USER_COLS_U: &str = "u.id, u.org_id, u.email, u.name, u.role, u.password_hash, \
    u.created_at, u.locale, u.disabled";

pub(super) fn user_row(r: &Row) -> StoreResult<User> {
    Ok(User {
        id: UserId(get(r, 0)?),
        org_id: OrgId(get(r, 1)?),
        email: get(r, 2)?,
        name: get(r, 3)?,
        role: enum_col(r, 4, Role::parse)?,
        password_hash: get(r, 5)?,
        created_at: get(r, 6)?,
        locale: enum_col(r, 7, Locale::parse)?,
        disabled: get(r, 8)?,
    })
}

impl Orgs for PgTx<'_> {
    fn insert_org(&mut self, org: &Org) -> StoreResult<()> {
        let at = micros(org.created_at);
        self.insert(
            &format!(
                "INSERT INTO orgs ({ORG_COLS}) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT DO NOTHING"
            ),
            &[
                &org.id.0,
                &org.kind.as_str(),
                &org.name,
                &org.country,
                &org.benefit_active,
                &at,
            ],
            |_| Ok("org_id"),
        )
    }

    fn org(&mut self, id: OrgId) -> StoreResult<Option<Org>> {
        self.row(
            &format!("SELECT {ORG_COLS} FROM orgs WHERE id = $1"),
            &[&id.0],
        )?
        .as_ref()
        .map(org_row)
        .transpose()
    }

    fn orgs(&mut self, kind: OrgKind) -> StoreResult<Vec<Org>> {
        self.rows(
            &format!("SELECT {ORG_COLS} FROM orgs WHERE kind = $1 ORDER BY id"),
            &[&kind.as_str()],
        )?
        .iter()
        .map(org_row)
        .collect()
    }

    fn set_benefit_active(&mut self, customer: OrgId, active: bool) -> StoreResult<()> {
        self.exec(
            "UPDATE orgs SET benefit_active = $2 WHERE id = $1",
            &[&customer.0, &active],
        )
        .map(drop)
    }

    fn insert_location(&mut self, l: &Location) -> StoreResult<()> {
        self.insert(
            "INSERT INTO locations (id, partner_id, name, country, city) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &[&l.id.0, &l.partner_id.0, &l.name, &l.country, &l.city],
            |_| Ok("location_id"),
        )?;
        self.directory_changed(l.partner_id);
        Ok(())
    }

    fn location(&mut self, id: LocationId) -> StoreResult<Option<Location>> {
        self.row(
            &format!("SELECT {LOCATION_COLS} FROM locations WHERE id = $1"),
            &[&id.0],
        )?
        .as_ref()
        .map(location_row)
        .transpose()
    }

    fn locations(&mut self, partner: OrgId) -> StoreResult<Vec<Location>> {
        self.rows(
            &format!("SELECT {LOCATION_COLS} FROM locations WHERE partner_id = $1 ORDER BY id"),
            &[&partner.0],
        )?
        .iter()
        .map(location_row)
        .collect()
    }

    fn insert_user(&mut self, u: &User) -> StoreResult<()> {
        let at = micros(u.created_at);
        self.insert(
            &format!(
                "INSERT INTO users ({USER_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT DO NOTHING"
            ),
            &[
                &u.id.0,
                &u.org_id.0,
                &u.email,
                &u.name,
                &u.role.as_str(),
                &u.password_hash,
                &at,
                &u.locale.as_str(),
                &u.disabled,
            ],
            |tx| {
                Ok(
                    if tx.exists("SELECT 1 FROM users WHERE email = $1", &[&u.email])? {
                        "user_email"
                    } else {
                        "user_id"
                    },
                )
            },
        )
    }

    fn user(&mut self, id: UserId) -> StoreResult<Option<User>> {
        self.row(
            &format!("SELECT {USER_COLS} FROM users WHERE id = $1"),
            &[&id.0],
        )?
        .as_ref()
        .map(user_row)
        .transpose()
    }

    fn user_by_email(&mut self, email: &str) -> StoreResult<Option<User>> {
        self.row(
            &format!("SELECT {USER_COLS} FROM users WHERE email = $1"),
            &[&email],
        )?
        .as_ref()
        .map(user_row)
        .transpose()
    }

    fn users(&mut self, org: OrgId) -> StoreResult<Vec<User>> {
        self.rows(
            &format!("SELECT {USER_COLS} FROM users WHERE org_id = $1 ORDER BY id"),
            &[&org.0],
        )?
        .iter()
        .map(user_row)
        .collect()
    }

    fn set_user_disabled(&mut self, id: UserId, disabled: bool) -> StoreResult<()> {
        self.exec(
            "UPDATE users SET disabled = $2 WHERE id = $1",
            &[&id.0, &disabled],
        )
        .map(drop)
    }

    fn set_user_locale(&mut self, id: UserId, locale: Locale) -> StoreResult<()> {
        self.exec(
            "UPDATE users SET locale = $2 WHERE id = $1",
            &[&id.0, &locale.as_str()],
        )
        .map(drop)
    }
}
