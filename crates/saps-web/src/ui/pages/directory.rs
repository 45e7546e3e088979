//! The partner directory: a search form (words, offering, country, language)
//! and a page of result cards with a next-page link; plain GET forms. A
//! customer's users may assign one of their created vouchers to a partner
//! from its card (the assign use case; a refusal is shown beside that card's
//! voucher field).

use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::page::{fail, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::VoucherView;
use saps_app::profiles::DirectorySearch;
use saps_core::directory::{Listing, decode_cursor};
use saps_core::{Actor, Error, OrgId, Role, VoucherCode, VoucherState};

/// What the search form holds, as typed.
#[derive(Clone, Default)]
pub struct Filters {
    pub q: String,
    pub offering: String,
    pub country: String,
    pub language: String,
}

impl Filters {
    fn of(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            q: get("q").unwrap_or_default(),
            offering: get("offering").unwrap_or_default(),
            country: get("country").unwrap_or_default(),
            language: get("language").unwrap_or_default(),
        }
    }

    /// The filters as a query string (for the next-page link).
    pub fn query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("q", &self.q),
            ("offering", &self.offering),
            ("country", &self.country),
            ("language", &self.language),
        ] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }
}

/// An offering in the filter's list.
pub struct OfferingChoice {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

/// A voucher the customer may assign, in a card's list.
pub struct VoucherChoice {
    pub code: VoucherCode,
    pub label: String,
}

#[derive(Template)]
#[template(path = "directory.html")]
pub struct DirectoryPage<'a> {
    pub ctx: &'a Ctx,
    pub filters: Filters,
    pub offerings: Vec<OfferingChoice>,
    /// The refusal of the search itself, by field (q, offering, country, language).
    pub search_error: Option<(&'static str, String)>,
    pub searched: bool,
    pub items: Vec<Listing>,
    /// The next page's address.
    pub next: Option<String>,
    /// Customers' users assign from the cards; empty for anyone else.
    pub may_assign: bool,
    pub vouchers: Vec<VoucherChoice>,
    /// A refused assignment: the card's partner and the message.
    pub assign_error: Option<(OrgId, String)>,
    pub chosen_voucher: String,
}

impl DirectoryPage<'_> {
    pub fn industry(&self, code: &str) -> String {
        self.ctx.t(&format!("industry-{}", code.replace('_', "-")))
    }

    pub fn offering(&self, code: &str) -> String {
        offering_name(self.ctx, code, code)
    }

    pub fn field_error(&self, field: &str) -> Option<&str> {
        self.search_error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn assign_error_for(&self, partner: &OrgId) -> Option<&str> {
        self.assign_error
            .as_ref()
            .filter(|(p, _)| p == partner)
            .map(|(_, m)| m.as_str())
    }
}

/// An offering's name in the page's language, else the program's.
fn offering_name(ctx: &Ctx, code: &str, fallback: &str) -> String {
    let key = format!("offering-{code}");
    if ctx.lang.has(&key) {
        ctx.t(&key)
    } else {
        fallback.to_owned()
    }
}

fn may_assign(actor: &Actor) -> bool {
    matches!(actor.role, Role::BenefitAdmin | Role::ProjectManager)
}

async fn vouchers(st: &AppState, ctx: &Ctx, actor: &Actor) -> Result<Vec<VoucherChoice>, Error> {
    if !may_assign(actor) {
        return Ok(Vec::new());
    }
    let views: Vec<VoucherView> = st
        .app
        .vouchers(actor, Some(VoucherState::Created), None, 500)
        .await?;
    Ok(views
        .into_iter()
        .map(|v| VoucherChoice {
            label: format!(
                "{} · {} · {}",
                v.code,
                ctx.engagement(&v.engagement, &v.engagement),
                ctx.days(v.days)
            ),
            code: v.code,
        })
        .collect())
}

/// Where a refused search's field goes.
fn search_field(e: &Error) -> &'static str {
    match e {
        Error::Rule(saps_core::Rule::UnknownOffering { .. }) => "offering",
        Error::Invalid { field, .. } if field == "country" => "country",
        Error::Invalid { field, .. } if field == "language" => "language",
        _ => "q",
    }
}

async fn page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    filters: Filters,
    cursor: Option<&str>,
    assign_error: Option<(OrgId, String)>,
    chosen_voucher: String,
) -> Response {
    let program = st.app.program();
    let offerings = program
        .offerings
        .iter()
        .map(|o| OfferingChoice {
            code: o.code.clone(),
            name: offering_name(ctx, &o.code, &o.name),
            selected: o.code.eq_ignore_ascii_case(filters.offering.trim()),
        })
        .collect();
    let after = cursor.and_then(decode_cursor);
    let search = DirectorySearch {
        offering: Some(filters.offering.clone()),
        country: Some(filters.country.clone()),
        language: Some(filters.language.clone()),
        q: filters.q.clone(),
        after,
        limit: 20,
    };
    let (items, next, search_error) = match st.app.search_directory(actor, search).await {
        Ok(p) => {
            let next = p.next_cursor.map(|c| match filters.query() {
                q if q.is_empty() => format!("/directory?cursor={c}"),
                q => format!("/directory?{q}&cursor={c}"),
            });
            (p.items, next, None)
        }
        Err(e @ (Error::Rule(_) | Error::Invalid { .. })) => (
            Vec::new(),
            None,
            Some((search_field(&e), ctx.lang.error(&e))),
        ),
        Err(e) => return fail(ctx, e),
    };
    let vouchers = match vouchers(st, ctx, actor).await {
        Ok(v) => v,
        Err(e) => return fail(ctx, e),
    };
    let status = if search_error.is_some() || assign_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let shown = DirectoryPage {
        ctx,
        searched: !(filters.q.is_empty()
            && filters.offering.is_empty()
            && filters.country.is_empty()
            && filters.language.is_empty()),
        filters,
        offerings,
        search_error,
        items,
        next,
        may_assign: may_assign(actor),
        vouchers,
        assign_error,
        chosen_voucher,
    };
    render(ctx, status, &shown)
}

/// `GET /directory`: the search form and a page of partners.
pub async fn search(
    State(st): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let filters = Filters::of(|k| q.get(k).map(str::to_owned));
    page(
        &st,
        &ctx,
        &actor,
        filters,
        q.get("cursor"),
        None,
        String::new(),
    )
    .await
}

/// `POST /directory/assign`: assigns the chosen voucher to the card's partner.
pub async fn assign(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let filters = Filters::of(|k| Some(form.get(k).to_owned()).filter(|v| !v.is_empty()));
    let Ok(partner) = form.get("partner").parse::<OrgId>() else {
        return fail(ctx, Error::NotFound(saps_core::Entity::Partner));
    };
    let chosen = form.get("voucher").to_owned();
    let Ok(code) = chosen.parse::<VoucherCode>() else {
        let message = ctx.t("directory-assign-choose");
        return page(
            &st,
            ctx,
            &actor,
            filters,
            None,
            Some((partner, message)),
            chosen,
        )
        .await;
    };
    match st.app.assign_voucher(&actor, code, partner).await {
        Ok(_) => Redirect::to(&format!("/vouchers/{code}?done=assigned")).into_response(),
        Err(e @ (Error::Rule(_) | Error::Conflict { .. } | Error::Invalid { .. })) => {
            let message = ctx.lang.error(&e);
            page(
                &st,
                ctx,
                &actor,
                filters,
                None,
                Some((partner, message)),
                chosen,
            )
            .await
        }
        Err(e) => fail(ctx, e),
    }
}
