//! The partner's business profile: its global admin and MPN admins write it
//! (description, languages, industries, website); the company's other users
//! read it. Whether the directory lists the company today is shown too.

use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{done_message, fail, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::profiles::ProfileView;
use saps_core::profile::INDUSTRIES;
use saps_core::{Actor, Error, OrgKind};

/// An industry as the form shows it.
pub struct IndustryChoice {
    pub code: &'static str,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "profile.html")]
pub struct ProfilePage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub problems: Problems,
    pub profile: ProfileView,
    /// The admins get the form; the others read.
    pub editable: bool,
    pub description: String,
    pub languages: String,
    pub industries: Vec<IndustryChoice>,
    pub website: String,
}

impl ProfilePage<'_> {
    /// The industries' names, for reading.
    pub fn industry_names(&self) -> String {
        self.profile
            .fields
            .industries
            .iter()
            .map(|i| self.ctx.t(&format!("industry-{}", i.replace('_', "-"))))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn choices(ctx: &Ctx, checked: &[String]) -> Vec<IndustryChoice> {
    let mut v: Vec<IndustryChoice> = INDUSTRIES
        .iter()
        .map(|code| IndustryChoice {
            code,
            label: ctx.t(&format!("industry-{}", code.replace('_', "-"))),
            checked: checked.iter().any(|c| c == code),
        })
        .collect();
    v.sort_by(|a, b| a.label.cmp(&b.label));
    v
}

fn partner_only(actor: &Actor) -> Result<(), Error> {
    if actor.role.org_kind() == OrgKind::Partner {
        Ok(())
    } else {
        Err(Error::NotFound(saps_core::Entity::Partner))
    }
}

fn page<'a>(
    ctx: &'a Ctx,
    actor: &Actor,
    profile: ProfileView,
    problems: Problems,
) -> ProfilePage<'a> {
    let f = &profile.fields;
    ProfilePage {
        ctx,
        done: None,
        problems,
        editable: actor.role.is_partner_admin(),
        description: f.description.clone(),
        languages: f.languages.join(", "),
        industries: choices(ctx, &f.industries),
        website: f.website.clone().unwrap_or_default(),
        profile,
    }
}

/// `GET /partner/profile`: the signed-in partner user's company profile.
pub async fn show(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    if let Err(e) = partner_only(&actor) {
        return fail(&ctx, e);
    }
    match st.app.profile(&actor, actor.org_id).await {
        Ok(p) => {
            let mut shown = page(&ctx, &actor, p, Problems::default());
            shown.done = done_message(&ctx, q.get("done"));
            render(&ctx, StatusCode::OK, &shown)
        }
        Err(e) => fail(&ctx, e),
    }
}

/// `POST /partner/profile`: writes it; a refusal is shown next to its field
/// with what was typed.
pub async fn save(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    if let Err(e) = partner_only(&actor) {
        return fail(ctx, e);
    }
    let languages: Vec<String> = form
        .get("languages")
        .split([',', ' ', ';'])
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let industries: Vec<String> = form.all("industries").map(str::to_owned).collect();
    let website = form.get("website");
    let outcome = st
        .app
        .update_profile(
            &actor,
            actor.org_id,
            form.get("description"),
            &languages,
            &industries,
            Some(website),
        )
        .await;
    match outcome {
        Ok(_) => Redirect::to("/partner/profile?done=profile_saved").into_response(),
        Err(e @ (Error::Invalid { .. } | Error::Conflict { .. })) => {
            let current = match st.app.profile(&actor, actor.org_id).await {
                Ok(p) => p,
                Err(e) => return fail(ctx, e),
            };
            let problems = Problems::from_error(ctx, &e, |field| match field {
                "description" => Some("description"),
                "languages" => Some("languages"),
                "industries" => Some("industries"),
                "website" => Some("website"),
                _ => None,
            });
            let mut shown = page(ctx, &actor, current, problems);
            shown.description = form.get("description").to_owned();
            shown.languages = form.get("languages").to_owned();
            shown.industries = choices(ctx, &industries);
            shown.website = website.to_owned();
            render(ctx, StatusCode::UNPROCESSABLE_ENTITY, &shown)
        }
        Err(e) => fail(ctx, e),
    }
}
