//! Organisations, their locations and users, roles, and who is acting.

use crate::ids::{LocationId, OrgId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Operator,
    Partner,
    Customer,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Operator => "operator",
            Self::Partner => "partner",
            Self::Customer => "customer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Operator, Self::Partner, Self::Customer]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// A role, as in the API contract. Each role belongs to one kind of organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Operator,
    GlobalAdmin,
    MpnAdmin,
    Consultant,
    BenefitAdmin,
    ProjectManager,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Self::Operator,
        Self::GlobalAdmin,
        Self::MpnAdmin,
        Self::Consultant,
        Self::BenefitAdmin,
        Self::ProjectManager,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Operator => "operator",
            Self::GlobalAdmin => "global_admin",
            Self::MpnAdmin => "mpn_admin",
            Self::Consultant => "consultant",
            Self::BenefitAdmin => "benefit_admin",
            Self::ProjectManager => "project_manager",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The kind of organisation this role exists in.
    pub fn org_kind(self) -> OrgKind {
        match self {
            Self::Operator => OrgKind::Operator,
            Self::GlobalAdmin | Self::MpnAdmin | Self::Consultant => OrgKind::Partner,
            Self::BenefitAdmin | Self::ProjectManager => OrgKind::Customer,
        }
    }

    /// The seeds' "appropriate roles" for partner program actions.
    pub fn is_partner_admin(self) -> bool {
        matches!(self, Self::GlobalAdmin | Self::MpnAdmin)
    }
}

/// The language of a user's e-mails and the default language of their pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "fr")]
    Fr,
    #[serde(rename = "pt-BR")]
    PtBr,
    #[serde(rename = "ru")]
    Ru,
    #[serde(rename = "it")]
    It,
}

impl Locale {
    pub const ALL: [Locale; 5] = [Self::En, Self::Fr, Self::PtBr, Self::Ru, Self::It];

    /// The BCP 47 tag, as stored and as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::PtBr => "pt-BR",
            Self::Ru => "ru",
            Self::It => "it",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Org {
    pub id: OrgId,
    pub kind: OrgKind,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub benefit_active: bool,
    pub created_at: jiff::Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub id: LocationId,
    pub partner_id: OrgId,
    pub name: String,
    pub country: String,
    pub city: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub org_id: OrgId,
    pub email: String,
    pub name: String,
    pub role: Role,
    #[serde(skip_serializing)]
    pub password_hash: String,
    pub created_at: jiff::Timestamp,
    /// Users created before locales were stored read as English.
    #[serde(default)]
    pub locale: Locale,
    /// A disabled user can neither sign in nor use a token it already holds.
    #[serde(default)]
    pub disabled: bool,
}

/// The signed-in user on whose behalf something happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub org_id: OrgId,
    pub role: Role,
}

impl Actor {
    pub fn of(user: &User) -> Self {
        Self {
            user_id: user.id,
            org_id: user.org_id,
            role: user.role,
        }
    }

    pub fn is_operator(&self) -> bool {
        self.role == Role::Operator
    }
}

/// Normalises an ISO 3166-1 alpha-2 country code, or says why it is not one.
pub fn country_code(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.len() == 2 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(t.to_ascii_uppercase())
    } else {
        Err(format!(
            "{s:?} is not a two-letter country code such as FR or BR"
        ))
    }
}

/// Normalises an e-mail address for comparison and lookup, or says why it is not one.
pub fn email_address(s: &str) -> Result<String, String> {
    let t = s.trim();
    let ok = t.len() <= 254
        && t.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !t.chars().any(|c| c.is_whitespace() || c.is_control())
                && !domain.contains('@')
        });
    if ok {
        Ok(t.to_lowercase())
    } else {
        Err(format!("{s:?} is not an e-mail address"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_and_belongs_to_one_org_kind() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::MpnAdmin.org_kind(), OrgKind::Partner);
        assert!(Role::parse("admin").is_none());
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.as_str()), Some(l));
            assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
        }
        assert_eq!(Locale::default(), Locale::En);
        assert!(Locale::parse("pt-br").is_none());
    }

    #[test]
    fn countries_and_emails_are_normalised_or_refused() {
        assert_eq!(country_code(" fr "), Ok("FR".into()));
        assert!(country_code("FRA").is_err());
        assert_eq!(
            email_address("Ana@Example.COM"),
            Ok("ana@example.com".into())
        );
        assert!(email_address("ana@example").is_err());
        assert!(email_address("a b@example.com").is_err());
    }
}
