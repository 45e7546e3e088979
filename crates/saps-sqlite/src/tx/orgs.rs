//! Organisations, locations and users.

use super::*;
use saps_core::port::Orgs;
use saps_core::{Locale, Location, LocationId, Org, OrgId, OrgKind, Role, User, UserId};

const ORG_COLS: &str = "id, kind, name, country, benefit_active, created_at";

fn org_row(r: &Row<'_>) -> rusqlite::Result<Org> {
    Ok(Org {
        id: col(r, 0)?,
        kind: enum_col(r, 1, OrgKind::parse)?,
        name: r.get(2)?,
        country: r.get(3)?,
        benefit_active: r.get(4)?,
        created_at: col(r, 5)?,
    })
}

const LOCATION_COLS: &str = "id, partner_id, name, country, city";

fn location_row(r: &Row<'_>) -> rusqlite::Result<Location> {
    Ok(Location {
        id: col(r, 0)?,
        partner_id: col(r, 1)?,
        name: r.get(2)?,
        country: r.get(3)?,
        city: r.get(4)?,
    })
}

const USER_COLS: &str =
    "id, org_id, email, name, role, password_hash, created_at, locale, disabled";
pub(super) const USER_COLS_U: &str =
    "u.id, u.org_id, u.email, u.name, u.role, u.password_hash, u.created_at, u.locale, u.disabled";

pub(super) fn user_row(r: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: col(r, 0)?,
        org_id: col(r, 1)?,
        email: r.get(2)?,
        name: r.get(3)?,
        role: enum_col(r, 4, Role::parse)?,
        password_hash: r.get(5)?,
        created_at: col(r, 6)?,
        locale: enum_col(r, 7, Locale::parse)?,
        disabled: r.get(8)?,
    })
}

impl Orgs for SqliteTx<'_> {
    fn insert_org(&mut self, org: &Org) -> StoreResult<()> {
        self.exec(
            "INSERT INTO orgs (id, kind, name, country, benefit_active, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                org.id.to_string(),
                org.kind.as_str(),
                org.name,
                org.country,
                org.benefit_active,
                timestamp(org.created_at),
            ],
        )
        .map(drop)
    }

    fn org(&mut self, id: OrgId) -> StoreResult<Option<Org>> {
        self.one(
            &format!("SELECT {ORG_COLS} FROM orgs WHERE id = ?1"),
            [id.to_string()],
            org_row,
        )
    }

    fn orgs(&mut self, kind: OrgKind) -> StoreResult<Vec<Org>> {
        self.all(
            &format!("SELECT {ORG_COLS} FROM orgs WHERE kind = ?1 ORDER BY id"),
            [kind.as_str()],
            org_row,
        )
    }

    fn set_benefit_active(&mut self, customer: OrgId, active: bool) -> StoreResult<()> {
        self.exec(
            "UPDATE orgs SET benefit_active = ?2 WHERE id = ?1",
            params![customer.to_string(), active],
        )
        .map(drop)
    }

    fn insert_location(&mut self, l: &Location) -> StoreResult<()> {
        self.exec(
            "INSERT INTO locations (id, partner_id, name, country, city) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                l.id.to_string(),
                l.partner_id.to_string(),
                l.name,
                l.country,
                l.city,
            ],
        )?;
        self.directory_changed(l.partner_id);
        Ok(())
    }

    fn location(&mut self, id: LocationId) -> StoreResult<Option<Location>> {
        self.one(
            &format!("SELECT {LOCATION_COLS} FROM locations WHERE id = ?1"),
            [id.to_string()],
            location_row,
        )
    }

    fn locations(&mut self, partner: OrgId) -> StoreResult<Vec<Location>> {
        self.all(
            &format!("SELECT {LOCATION_COLS} FROM locations WHERE partner_id = ?1 ORDER BY id"),
            [partner.to_string()],
            location_row,
        )
    }

    fn insert_user(&mut self, u: &User) -> StoreResult<()> {
        self.exec(
            &format!("INSERT INTO users ({USER_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
            params![
                u.id.to_string(),
                u.org_id.to_string(),
                u.email,
                u.name,
                u.role.as_str(),
                u.password_hash,
                timestamp(u.created_at),
                u.locale.as_str(),
                u.disabled,
            ],
        )
        .map(drop)
    }

    fn user(&mut self, id: UserId) -> StoreResult<Option<User>> {
        self.one(
            &format!("SELECT {USER_COLS} FROM users WHERE id = ?1"),
            [id.to_string()],
            user_row,
        )
    }

    fn user_by_email(&mut self, email: &str) -> StoreResult<Option<User>> {
        self.one(
            &format!("SELECT {USER_COLS} FROM users WHERE email = ?1"),
            [email],
            user_row,
        )
    }

    fn users(&mut self, org: OrgId) -> StoreResult<Vec<User>> {
        self.all(
            &format!("SELECT {USER_COLS} FROM users WHERE org_id = ?1 ORDER BY id"),
            [org.to_string()],
            user_row,
        )
    }

    fn set_user_disabled(&mut self, id: UserId, disabled: bool) -> StoreResult<()> {
        self.exec(
            "UPDATE users SET disabled = ?2 WHERE id = ?1",
            params![id.to_string(), disabled],
        )
        .map(drop)
    }

    fn set_user_locale(&mut self, id: UserId, locale: Locale) -> StoreResult<()> {
        self.exec(
            "UPDATE users SET locale = ?2 WHERE id = ?1",
            params![id.to_string(), locale.as_str()],
        )
        .map(drop)
    }
}
