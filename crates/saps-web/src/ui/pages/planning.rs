//! The partner's Planning Services tab (global admin, MPN admin): the status
//! of each offering with a green check mark per requirement met, the program
//! agreement to read and sign, enrolling in an Active offering with the
//! company's locations, renewing, and adding a location. Plain forms; a
//! refusal is shown next to the field of the form that made it.

use crate::AppState;
use crate::answer::{is_correctable, status};
use crate::ui::eligibility::{OfferingView, offering_name, offering_views};
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{done_message, fail, render};
use crate::ui::session::{Ctx, Posted, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::NewLocation;
use saps_app::home::Abilities;
use saps_app::onboarding::{EnrollmentView, PartnerOnboarding, SignatureView};
use saps_core::{Actor, Error, Location, LocationId};

/// A location to tick, remembering what was ticked.
pub struct LocationChoice {
    pub location: Location,
    pub checked: bool,
}

/// An enrollment row, with the refusal of its Renew button if any.
pub struct EnrollmentRow {
    pub view: EnrollmentView,
    pub name: String,
    pub locations: String,
    pub problem: Option<String>,
}

/// What the forms held when refused.
#[derive(Default)]
pub struct Typed {
    pub offering: String,
    pub location_ids: Vec<String>,
    pub loc_name: String,
    pub loc_country: String,
    pub loc_city: String,
}

#[derive(Template)]
#[template(path = "planning_services.html")]
pub struct PlanningPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub offerings: Vec<OfferingView>,
    pub agreement_version: u32,
    pub agreement_text: String,
    pub current_signed: bool,
    /// The version signed before the current one, when a newer one awaits.
    pub previous_signed: Option<u32>,
    pub signatures: Vec<SignatureView>,
    pub enrollments: Vec<EnrollmentRow>,
    pub locations: Vec<LocationChoice>,
    pub may_sign: bool,
    pub may_enroll: bool,
    pub may_add_location: bool,
    pub typed: Typed,
    pub sign_problems: Problems,
    pub enroll_problems: Problems,
    pub location_problems: Problems,
}

/// Which form a refusal belongs to.
enum Refusal {
    None,
    Sign(Problems),
    Enroll(Problems),
    Renew(String, String),
    Location(Problems),
}

fn page(
    ctx: &Ctx,
    program: &saps_core::Program,
    v: PartnerOnboarding,
    typed: Typed,
    refusal: Refusal,
    done: Option<String>,
    code: StatusCode,
) -> Response {
    let (mut sign, mut enroll, mut location) = Default::default();
    let mut renew: Option<(String, String)> = None;
    match refusal {
        Refusal::None => {}
        Refusal::Sign(p) => sign = p,
        Refusal::Enroll(p) => enroll = p,
        Refusal::Renew(offering, message) => renew = Some((offering, message)),
        Refusal::Location(p) => location = p,
    }
    let enrollments = v
        .enrollments
        .into_iter()
        .map(|e| EnrollmentRow {
            name: offering_name(ctx, &e.enrollment.offering),
            locations: e
                .locations
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            problem: renew
                .as_ref()
                .filter(|(o, _)| o.eq_ignore_ascii_case(&e.enrollment.offering))
                .map(|(_, m)| m.clone()),
            view: e,
        })
        .collect();
    let locations = v
        .locations
        .into_iter()
        .map(|l| LocationChoice {
            checked: typed.location_ids.contains(&l.id.to_string()),
            location: l,
        })
        .collect();
    let previous_signed = (!v.current_signed)
        .then(|| v.signatures.first().map(|s| s.version))
        .flatten();
    render(
        ctx,
        code,
        &PlanningPage {
            ctx,
            done,
            offerings: offering_views(ctx, program, &v.eligibility),
            agreement_version: v.agreement.version,
            agreement_text: v.agreement.text,
            current_signed: v.current_signed,
            previous_signed,
            signatures: v.signatures,
            enrollments,
            locations,
            may_sign: v.may_sign,
            may_enroll: v.may_enroll,
            may_add_location: v.may_add_location,
            typed,
            sign_problems: sign,
            enroll_problems: enroll,
            location_problems: location,
        },
    )
}

async fn show(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    typed: Typed,
    refusal: Refusal,
    done: Option<String>,
    code: StatusCode,
) -> Response {
    if !Abilities::of(actor).planning_services {
        let e = Error::forbidden("Your role may not see the Planning Services tab.");
        return fail(ctx, e);
    }
    match st.app.partner_onboarding(actor, actor.org_id).await {
        Ok(v) => page(ctx, &st.app.program(), v, typed, refusal, done, code),
        Err(e) => fail(ctx, e),
    }
}

pub async fn tab(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    let done = done_message(&ctx, q.get("done"));
    show(
        &st,
        &ctx,
        &actor,
        Typed::default(),
        Refusal::None,
        done,
        StatusCode::OK,
    )
    .await
}

fn refused(e: &Error) -> StatusCode {
    status(e)
}

pub async fn sign(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let version = form.get("version").trim().parse::<u32>().unwrap_or(0);
    let accept = form.get("accept") == "yes";
    match st
        .app
        .sign_provider_agreement(&actor, actor.org_id, version, accept)
        .await
    {
        Ok(_) => Redirect::to("/planning-services?done=agreement_signed#agreement").into_response(),
        Err(e) if is_correctable(&e) => {
            let p = Problems::from_error(ctx, &e, |k| match k {
                "provider_agreement_not_accepted" | "provider_agreement_not_current" => {
                    Some("accept")
                }
                _ => None,
            });
            let code = refused(&e);
            show(
                &st,
                ctx,
                &actor,
                Typed::default(),
                Refusal::Sign(p),
                None,
                code,
            )
            .await
        }
        Err(e) => fail(ctx, e),
    }
}

fn location_ids(form: &Posted) -> (Vec<String>, Vec<LocationId>) {
    let raw: Vec<String> = form.all("location_ids").map(str::to_owned).collect();
    let ids = raw
        .iter()
        .filter_map(|s| s.parse::<uuid::Uuid>().ok())
        .map(LocationId)
        .collect();
    (raw, ids)
}

pub async fn enroll(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let (raw, ids) = location_ids(&form);
    let typed = Typed {
        offering: form.get("offering").trim().to_owned(),
        location_ids: raw,
        ..Typed::default()
    };
    let mut problems = Problems::default();
    if typed.offering.is_empty() {
        problems.add("offering", ctx.t("onb-offering-missing"));
    }
    if ids.is_empty() {
        problems.add("location_ids", ctx.t("onb-locations-missing"));
    }
    if !problems.is_empty() {
        let code = StatusCode::UNPROCESSABLE_ENTITY;
        return show(
            &st,
            ctx,
            &actor,
            typed,
            Refusal::Enroll(problems),
            None,
            code,
        )
        .await;
    }
    match st
        .app
        .enroll(&actor, actor.org_id, &typed.offering, ids)
        .await
    {
        Ok(_) => Redirect::to("/planning-services?done=enrolled#enrollments").into_response(),
        Err(e) if is_correctable(&e) => {
            let p = Problems::from_error(ctx, &e, |k| match k {
                "unknown_offering" | "offering_not_active" | "provider_agreement_not_signed" => {
                    Some("offering")
                }
                "location_not_in_partner" | "location_ids" => Some("location_ids"),
                _ => None,
            });
            let code = refused(&e);
            show(&st, ctx, &actor, typed, Refusal::Enroll(p), None, code).await
        }
        Err(e) => fail(ctx, e),
    }
}

/// Renews an enrollment with the locations it has.
pub async fn renew(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let offering = form.get("offering").trim().to_owned();
    let current = match st.app.enrollments(&actor, actor.org_id).await {
        Ok(all) => all
            .into_iter()
            .find(|e| e.offering.eq_ignore_ascii_case(&offering)),
        Err(e) => return fail(ctx, e),
    };
    let Some(current) = current else {
        return fail(
            ctx,
            Error::from(saps_core::Rule::UnknownOffering { offering }),
        );
    };
    match st
        .app
        .enroll(
            &actor,
            actor.org_id,
            &current.offering,
            current.location_ids,
        )
        .await
    {
        Ok(_) => Redirect::to("/planning-services?done=renewed#enrollments").into_response(),
        Err(e) if is_correctable(&e) => {
            let message = ctx.lang.error(&e);
            let code = refused(&e);
            let refusal = Refusal::Renew(current.offering, message);
            show(&st, ctx, &actor, Typed::default(), refusal, None, code).await
        }
        Err(e) => fail(ctx, e),
    }
}

pub async fn add_location(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let typed = Typed {
        loc_name: form.get("loc_name").trim().to_owned(),
        loc_country: form.get("loc_country").trim().to_owned(),
        loc_city: form.get("loc_city").trim().to_owned(),
        ..Typed::default()
    };
    let new = NewLocation {
        name: typed.loc_name.clone(),
        country: typed.loc_country.clone(),
        city: typed.loc_city.clone(),
    };
    match st.app.add_location(&actor, actor.org_id, new).await {
        Ok(_) => Redirect::to("/planning-services?done=location_added#locations").into_response(),
        Err(e) if is_correctable(&e) => {
            let p = Problems::from_error(ctx, &e, |k| match k {
                "name" => Some("loc_name"),
                "country" => Some("loc_country"),
                _ => None,
            });
            let code = refused(&e);
            show(&st, ctx, &actor, typed, Refusal::Location(p), None, code).await
        }
        Err(e) => fail(ctx, e),
    }
}

/// A `GET` of a form's address goes to the tab.
pub async fn to_tab() -> Redirect {
    Redirect::to("/planning-services")
}
