//! A partner company's business profile, and the partner directory that
//! customers search for partners currently enrolled and eligible.

use super::{Refusal, limit, ok};
use crate::AppState;
use crate::extract::{Caller, Json, Query, id};
use crate::problem::{ApiResult, Problem};
use axum::extract::{Path, State};
use axum::response::Response;
use saps_app::profiles::{DirectorySearch, ProfileView};
use saps_core::OrgId;
use saps_core::directory::{Listing, decode_cursor};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(profile_get, profile_put))
        .routes(routes!(directory_get))
}

/// What a partner writes in its business profile.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ProfileRequest {
    /// At most 2,500 characters.
    #[schema(max_length = 2500)]
    description: String,
    /// At most 20 language tags (BCP 47 shapes such as `en`, `fr`, `pt-BR`,
    /// `zh-Hant`), normalised and deduplicated.
    languages: Vec<String>,
    /// At most 20 industry codes, each one of: agriculture, automotive,
    /// banking, construction, consumer_goods, education, energy,
    /// financial_services, government, healthcare, hospitality, insurance,
    /// legal, manufacturing, media, nonprofit, pharmaceuticals,
    /// professional_services, real_estate, retail, technology,
    /// telecommunications, transportation, utilities.
    industries: Vec<String>,
    /// An `http` or `https` address of at most 200 characters; null or
    /// empty for none.
    #[serde(default)]
    website: Option<String>,
}

/// A partner company's business profile.
#[derive(Serialize, ToSchema)]
struct ProfileAnswer {
    partner_id: OrgId,
    /// The company's name.
    name: String,
    description: String,
    languages: Vec<String>,
    /// Industry codes.
    industries: Vec<String>,
    #[schema(required = true)]
    website: Option<String>,
    /// When it was last written; null if never.
    #[schema(required = true)]
    updated_at: Option<jiff::Timestamp>,
    /// Whether the directory lists the company today (enrolled and eligible).
    listed: bool,
}

impl From<ProfileView> for ProfileAnswer {
    fn from(v: ProfileView) -> Self {
        Self {
            partner_id: v.partner_id,
            name: v.name,
            description: v.fields.description,
            languages: v.fields.languages,
            industries: v.fields.industries,
            website: v.fields.website,
            updated_at: v.updated_at,
            listed: v.listed,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct DirectoryQuery {
    /// Only partners enrolled and active in this offering (its code, e.g. DDPS).
    #[param(max_length = 50)]
    offering: Option<String>,
    /// Only partners with a location approved in this country (ISO 3166-1 alpha-2).
    #[param(pattern = r"^([A-Za-z]{2})?$")]
    country: Option<String>,
    /// Only partners speaking this language (a tag such as `fr`; `pt` also
    /// finds `pt-BR`).
    #[param(max_length = 35)]
    language: Option<String>,
    /// Words that must each start a word of the partner's name or description,
    /// ignoring case and accents.
    #[param(max_length = 200)]
    q: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    #[param(pattern = r"^(d1\.([0-9a-f]{2})*\.[0-9a-f]{32})?$")]
    cursor: Option<String>,
}

/// A place a listed partner delivers from.
#[derive(Serialize, ToSchema)]
struct DirectoryLocation {
    country: String,
    city: String,
}

/// A partner as the directory lists it.
#[derive(Serialize, ToSchema)]
struct DirectoryItem {
    partner_id: OrgId,
    name: String,
    description: String,
    languages: Vec<String>,
    /// Industry codes.
    industries: Vec<String>,
    #[schema(required = true)]
    website: Option<String>,
    /// The offerings it is enrolled and active in, in catalog order.
    offerings: Vec<String>,
    /// The locations those enrollments approved, by country then city.
    locations: Vec<DirectoryLocation>,
}

impl From<Listing> for DirectoryItem {
    fn from(l: Listing) -> Self {
        Self {
            partner_id: l.partner_id,
            name: l.name,
            description: l.profile.description,
            languages: l.profile.languages,
            industries: l.profile.industries,
            website: l.profile.website,
            offerings: l.offerings,
            locations: l
                .locations
                .into_iter()
                .map(|x| DirectoryLocation {
                    country: x.country,
                    city: x.city,
                })
                .collect(),
        }
    }
}

/// A page of the directory.
#[derive(Serialize, ToSchema)]
struct DirectoryPage {
    items: Vec<DirectoryItem>,
    /// Pass as `cursor` for the next page; null on the last page. A page may
    /// hold fewer than `limit` items and still have a next one.
    #[schema(required = true)]
    next_cursor: Option<String>,
}

/// A partner's business profile
///
/// The operator and the company's own users always see it; anyone else
/// signed in sees it only while the directory lists the company (enrolled
/// and eligible), and is answered 404 otherwise.
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}/profile",
    tag = "onboarding",
    params(("id" = OrgId, Path, description = "The partner's id")),
    responses(
        (status = 200, description = "The profile", body = ProfileAnswer),
        (status = 404, response = Refusal),
    )
)]
async fn profile_get(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    Ok(ok(ProfileAnswer::from(
        st.app.profile(&c.actor, pid).await?,
    )))
}

/// Write the business profile (the partner's global admin or MPN admin, or the operator)
///
/// Replaces the whole profile. A field that is wrong is 422
/// `validation.<field>` and nothing changes.
#[utoipa::path(
    put,
    path = "/api/v1/partners/{id}/profile",
    tag = "onboarding",
    params(("id" = OrgId, Path, description = "The partner's id")),
    request_body = ProfileRequest,
    responses(
        (status = 200, description = "The profile as stored", body = ProfileAnswer),
        (status = 403, response = Refusal),
        (status = 404, response = Refusal),
        (status = 409, response = Refusal),
    )
)]
async fn profile_put(
    State(st): State<AppState>,
    c: Caller,
    Path(pid): Path<String>,
    Json(r): Json<ProfileRequest>,
) -> ApiResult<Response> {
    let pid: OrgId = id("id", &pid)?;
    let v = st
        .app
        .update_profile(
            &c.actor,
            pid,
            &r.description,
            &r.languages,
            &r.industries,
            r.website.as_deref(),
        )
        .await?;
    Ok(ok(ProfileAnswer::from(v)))
}

/// Search the partner directory (everyone signed in)
///
/// Lists the partners enrolled (until today or later) in an offering whose
/// eligibility is Active today, by name (ignoring case and accents) then id.
/// An unknown offering is 422 `rule.unknown_offering`; a malformed country or
/// language 422 `validation.country` / `validation.language`; a search text
/// over 200 characters 422 `validation.q`; a cursor saps did not issue 400
/// `validation.cursor`.
#[utoipa::path(
    get,
    path = "/api/v1/directory",
    tag = "directory",
    params(DirectoryQuery),
    responses(
        (status = 200, description = "A page of partners", body = DirectoryPage),
        (status = 422, response = Refusal),
    )
)]
async fn directory_get(
    State(st): State<AppState>,
    c: Caller,
    Query(q): Query<DirectoryQuery>,
) -> ApiResult<Response> {
    let limit = limit(q.limit.as_deref(), 50)?;
    let after =
        match q.cursor.as_deref() {
            None | Some("") => None,
            Some(cur) => Some(decode_cursor(cur).ok_or_else(|| {
                Problem::malformed("cursor", "this cursor was not issued by saps")
            })?),
        };
    let search = DirectorySearch {
        offering: q.offering,
        country: q.country,
        language: q.language,
        q: q.q.unwrap_or_default(),
        after,
        limit,
    };
    let page = st.app.search_directory(&c.actor, search).await?;
    Ok(ok(DirectoryPage {
        items: page.items.into_iter().map(DirectoryItem::from).collect(),
        next_cursor: page.next_cursor,
    }))
}
