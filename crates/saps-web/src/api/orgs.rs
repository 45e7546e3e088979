//! Provisioning: partner companies with their locations, customers, and the
//! users of an organisation.

use super::auth::UserAnswer;
use super::{Refusal, created, ok};
use crate::AppState;
use crate::extract::{Caller, Json, id};
use crate::problem::ApiResult;
use axum::extract::{Path, State};
use axum::response::Response;
use saps_app::{NewLocation, NewUser};
use saps_core::{Locale, Location, LocationId, Org, OrgId, OrgKind, Role};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(partners_post, partners_get))
        .routes(routes!(partner_get))
        .routes(routes!(locations_post))
        .routes(routes!(customers_post, customers_get))
        .routes(routes!(users_post, users_get))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct LocationRequest {
    name: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    #[serde(default)]
    city: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PartnerRequest {
    name: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    locations: Vec<LocationRequest>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CustomerRequest {
    name: String,
    /// ISO 3166-1 alpha-2.
    country: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct UserRequest {
    email: String,
    name: String,
    role: Role,
    password: String,
    /// The language of the user's e-mails and default pages; `en` when left out.
    #[serde(default)]
    locale: Option<Locale>,
}

/// A partner's delivery location.
#[derive(Serialize, ToSchema)]
struct LocationAnswer {
    id: LocationId,
    name: String,
    country: String,
    city: String,
}

impl From<&Location> for LocationAnswer {
    fn from(l: &Location) -> Self {
        Self {
            id: l.id,
            name: l.name.clone(),
            country: l.country.clone(),
            city: l.city.clone(),
        }
    }
}

/// A partner company with its locations.
#[derive(Serialize, ToSchema)]
struct PartnerAnswer {
    id: OrgId,
    kind: OrgKind,
    name: String,
    country: String,
    locations: Vec<LocationAnswer>,
}

impl PartnerAnswer {
    fn of(o: &Org, locations: &[Location]) -> Self {
        Self {
            id: o.id,
            kind: o.kind,
            name: o.name.clone(),
            country: o.country.clone(),
            locations: locations.iter().map(LocationAnswer::from).collect(),
        }
    }
}

/// A customer organisation.
#[derive(Serialize, ToSchema)]
struct CustomerAnswer {
    id: OrgId,
    kind: OrgKind,
    name: String,
    country: String,
}

impl From<&Org> for CustomerAnswer {
    fn from(o: &Org) -> Self {
        Self {
            id: o.id,
            kind: o.kind,
            name: o.name.clone(),
            country: o.country.clone(),
        }
    }
}

/// Partners, all on one page.
#[derive(Serialize, ToSchema)]
struct PartnerPage {
    items: Vec<PartnerAnswer>,
    /// Always null: every partner is on the first page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// Customers, all on one page.
#[derive(Serialize, ToSchema)]
struct CustomerPage {
    items: Vec<CustomerAnswer>,
    /// Always null: every customer is on the first page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// Users, all on one page.
#[derive(Serialize, ToSchema)]
struct UserPage {
    items: Vec<UserAnswer>,
    /// Always null: every user is on the first page.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// Create a partner company with its locations (operator)
#[utoipa::path(
    post,
    path = "/api/v1/partners",
    tag = "provisioning",
    request_body = PartnerRequest,
    responses(
        (status = 201, description = "The partner", body = PartnerAnswer),
        (status = 403, response = Refusal),
    )
)]
async fn partners_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<PartnerRequest>,
) -> ApiResult<Response> {
    let locations = r
        .locations
        .into_iter()
        .map(|l| NewLocation {
            name: l.name,
            country: l.country,
            city: l.city,
        })
        .collect();
    let (org, locs) = st
        .app
        .create_partner(&c.actor, &r.name, &r.country, locations)
        .await?;
    Ok(created(PartnerAnswer::of(&org, &locs)))
}

/// Partner companies with their locations
#[utoipa::path(
    get,
    path = "/api/v1/partners",
    tag = "provisioning",
    responses(
        (status = 200, description = "The partners the caller may see", body = PartnerPage),
        (status = 403, response = Refusal),
    )
)]
async fn partners_get(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    let orgs = st.app.orgs(&c.actor, OrgKind::Partner).await?;
    let mut items = Vec::with_capacity(orgs.len());
    for o in &orgs {
        items.push(PartnerAnswer::of(o, &st.app.locations(o.id).await?));
    }
    Ok(ok(PartnerPage {
        items,
        next_cursor: None,
    }))
}

/// One partner with its locations
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}",
    tag = "provisioning",
    params(("id" = OrgId, Path, description = "The partner's id")),
    responses((status = 200, description = "The partner", body = PartnerAnswer))
)]
async fn partner_get(
    State(st): State<AppState>,
    _c: Caller,
    Path(pid): Path<String>,
) -> ApiResult<Response> {
    let (org, locations) = st.app.partner(id("id", &pid)?).await?;
    Ok(ok(PartnerAnswer::of(&org, &locations)))
}

/// Add a location to a partner company (operator, the partner's global admin)
#[utoipa::path(
    post,
    path = "/api/v1/partners/{id}/locations",
    tag = "provisioning",
    params(("id" = OrgId, Path, description = "The partner's id")),
    request_body = LocationRequest,
    responses(
        (status = 201, description = "The location", body = LocationAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
    )
)]
async fn locations_post(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
    Json(r): Json<LocationRequest>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let new = NewLocation {
        name: r.name,
        country: r.country,
        city: r.city,
    };
    let l = st.app.add_location(&c.actor, pid, new).await?;
    Ok(created(LocationAnswer::from(&l)))
}

/// Create a customer organisation (operator)
#[utoipa::path(
    post,
    path = "/api/v1/customers",
    tag = "provisioning",
    request_body = CustomerRequest,
    responses(
        (status = 201, description = "The customer", body = CustomerAnswer),
        (status = 403, response = Refusal),
    )
)]
async fn customers_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<CustomerRequest>,
) -> ApiResult<Response> {
    let org = st
        .app
        .create_customer(&c.actor, &r.name, &r.country)
        .await?;
    Ok(created(CustomerAnswer::from(&org)))
}

/// Customers the caller may see
#[utoipa::path(
    get,
    path = "/api/v1/customers",
    tag = "provisioning",
    responses(
        (status = 200, description = "The customers the caller may see", body = CustomerPage),
        (status = 403, response = Refusal),
    )
)]
async fn customers_get(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    let orgs = st.app.orgs(&c.actor, OrgKind::Customer).await?;
    Ok(ok(CustomerPage {
        items: orgs.iter().map(CustomerAnswer::from).collect(),
        next_cursor: None,
    }))
}

/// Add a user (operator, a partner's global admin, a customer's benefit admin)
#[utoipa::path(
    post,
    path = "/api/v1/orgs/{org_id}/users",
    tag = "provisioning",
    params(("org_id" = OrgId, Path, description = "The organisation's id")),
    request_body = UserRequest,
    responses(
        (status = 201, description = "The user", body = UserAnswer),
        (status = 403, response = Refusal),
    )
)]
async fn users_post(
    State(st): State<AppState>,
    c: Caller,
    Path(org): Path<String>,
    Json(r): Json<UserRequest>,
) -> ApiResult<Response> {
    let org: OrgId = id("org_id", &org)?;
    let user = NewUser {
        email: r.email,
        name: r.name,
        role: r.role,
        password: r.password,
    };
    let locale = r.locale.unwrap_or_default();
    let u = st
        .app
        .add_user_in(Some(&c.actor), org, user, locale)
        .await?;
    Ok(created(UserAnswer::from(&u)))
}

/// Users of an organisation
#[utoipa::path(
    get,
    path = "/api/v1/orgs/{org_id}/users",
    tag = "provisioning",
    params(("org_id" = OrgId, Path, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation's users", body = UserPage),
        (status = 403, response = Refusal),
    )
)]
async fn users_get(
    State(st): State<AppState>,
    c: Caller,
    Path(org): Path<String>,
) -> ApiResult<Response> {
    let org: OrgId = id("org_id", &org)?;
    let users = st.app.users(&c.actor, org).await?;
    Ok(ok(UserPage {
        items: users.iter().map(UserAnswer::from).collect(),
        next_cursor: None,
    }))
}
