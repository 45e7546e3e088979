//! Voucher Validation and Redemption (VVR) for partner admins: validate a
//! voucher ID with the customer's e-mail, read its details, accept the terms
//! and reserve it; cancel a reservation with a reason.

use crate::AppState;
use crate::answer::{is_correctable, status};
use crate::ui::extract::{SignedIn, SignedInForm, VoucherInPath};
use crate::ui::form::Problems;
use crate::ui::page::{Choice, fail, ok, render};
use crate::ui::session::{CodeInPath, Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::ReserveInput;
use saps_app::home::Abilities;
use saps_app::views::{ReserveForm, VoucherDetail};
use saps_core::{Actor, CodeError, Error, LocationId, Rule, UserId, VoucherCode};

#[derive(Template)]
#[template(path = "vvr.html")]
pub struct ValidatePage<'a> {
    pub ctx: &'a Ctx,
    pub code: String,
    pub email: String,
    pub problems: Problems,
}

#[derive(Template)]
#[template(path = "reserve.html")]
pub struct ReservePage<'a> {
    pub ctx: &'a Ctx,
    pub d: VoucherDetail,
    pub engagement: String,
    pub email: String,
    pub locations: Vec<Choice>,
    pub consultants: Vec<Choice>,
    pub start: String,
    pub end: String,
    pub accepted: bool,
    pub problems: Problems,
    /// Reached by validating with the customer's e-mail (not from the list).
    pub validated: bool,
    /// Why the company cannot reserve it now, translated, if it cannot.
    pub blocked: Option<String>,
}

/// What the reservation form holds.
#[derive(Default)]
struct Typed {
    email: String,
    location: String,
    consultant: String,
    start: String,
    end: String,
    accepted: bool,
}

fn validate_page(ctx: &Ctx, code: String, email: String, problems: Problems) -> Response {
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(
        ctx,
        status,
        &ValidatePage {
            ctx,
            code,
            email,
            problems,
        },
    )
}

/// Only those who may reserve see these forms; others see why.
fn refused_unless_reserver(ctx: &Ctx, actor: &Actor) -> Option<Response> {
    (!Abilities::of(actor).reserve_vouchers)
        .then(|| fail(ctx, Error::forbidden("Your role may not reserve vouchers.")))
}

pub async fn validate_form(SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    if let Some(refused) = refused_unless_reserver(&ctx, &actor) {
        return refused;
    }
    let code = q.get("code").unwrap_or("").to_owned();
    ok(
        &ctx,
        &ValidatePage {
            ctx: &ctx,
            code,
            email: String::new(),
            problems: Problems::default(),
        },
    )
}

fn code_problem(ctx: &Ctx, e: &CodeError) -> String {
    match e {
        CodeError::Length(n) => ctx.t1("code-length", "count", *n),
        CodeError::Character(c) => ctx.t1("code-character", "char", c.to_string()),
        CodeError::Check => ctx.t("code-check"),
    }
}

pub async fn validate(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    if let Some(refused) = refused_unless_reserver(ctx, &actor) {
        return refused;
    }
    let raw_code = form.get("code").trim().to_owned();
    let email = form.get("customer_email").trim().to_owned();
    let mut problems = Problems::default();
    let code = if raw_code.is_empty() {
        problems.add("code", ctx.t("vvr-code-missing"));
        None
    } else {
        match raw_code.parse::<VoucherCode>() {
            Ok(c) => Some(c),
            Err(e) => {
                problems.add("code", code_problem(ctx, &e));
                None
            }
        }
    };
    if email.is_empty() {
        problems.add("customer_email", ctx.t("vvr-email-missing"));
    }
    let Some(code) = code.filter(|_| problems.is_empty()) else {
        return validate_page(ctx, raw_code, email, problems);
    };
    match st.app.validate_voucher(&actor, code, &email).await {
        Ok(_) => {
            reserve_page(
                &st,
                ctx,
                &actor,
                code,
                Typed {
                    email,
                    ..Typed::default()
                },
                Problems::default(),
                StatusCode::OK,
            )
            .await
        }
        Err(Error::NotFound(_)) => {
            let problems = Problems::top(ctx.t("vvr-no-match"));
            validate_page(ctx, raw_code, email, problems)
        }
        Err(e) => fail(ctx, e),
    }
}

async fn reserve_page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    code: VoucherCode,
    typed: Typed,
    problems: Problems,
    status: StatusCode,
) -> Response {
    let d = match st.app.voucher_detail(actor, code).await {
        Ok(d) => d,
        Err(e) => return fail(ctx, e),
    };
    if !d.actions.reserve {
        // Already reserved, or no longer open: its page says which.
        return Redirect::to(&format!("/vouchers/{code}")).into_response();
    }
    let ReserveForm {
        locations,
        consultants,
    } = match st.app.reserve_form(actor).await {
        Ok(f) => f,
        Err(e) => return fail(ctx, e),
    };
    let delivery = d.customer.country.clone();
    // An obvious choice is made for the first showing only: after a refusal
    // the form shows what was sent, an empty choice included.
    let fresh = problems.is_empty();
    let mut location_choices = vec![Choice {
        value: String::new(),
        label: ctx.t("reserve-choose-location"),
        selected: typed.location.is_empty(),
        disabled: false,
    }];
    location_choices.extend(locations.iter().map(|l| Choice {
        value: l.id.to_string(),
        label: if l.city.is_empty() || l.city == l.name {
            format!("{} ({})", l.name, ctx.country(&l.country))
        } else {
            format!("{}, {} ({})", l.name, l.city, ctx.country(&l.country))
        },
        // A single location in the delivery country is the obvious choice.
        selected: l.id.to_string() == typed.location
            || (typed.location.is_empty()
                && fresh
                && locations.iter().filter(|x| x.country == delivery).count() == 1
                && l.country == delivery),
        disabled: false,
    }));
    if location_choices.iter().skip(1).any(|c| c.selected) {
        location_choices[0].selected = false;
    }
    let mut consultant_choices = vec![Choice {
        value: String::new(),
        label: ctx.t("reserve-choose-consultant"),
        selected: typed.consultant.is_empty() && (consultants.len() != 1 || !fresh),
        disabled: false,
    }];
    consultant_choices.extend(consultants.iter().map(|u| Choice {
        value: u.id.to_string(),
        label: u.name.clone(),
        selected: u.id.to_string() == typed.consultant
            || (typed.consultant.is_empty() && fresh && consultants.len() == 1),
        disabled: false,
    }));
    let blocked = match st.app.reservable(actor, code).await {
        Ok(refused) => refused.map(|e| ctx.lang.error(&e)),
        Err(e) => return fail(ctx, e),
    };
    let engagement = ctx.engagement(&d.voucher.engagement, &d.engagement_name);
    render(
        ctx,
        status,
        &ReservePage {
            validated: !typed.email.is_empty(),
            blocked,
            ctx,
            d,
            engagement,
            email: typed.email,
            locations: location_choices,
            consultants: consultant_choices,
            start: typed.start,
            end: typed.end,
            accepted: typed.accepted,
            problems,
        },
    )
}

/// The reservation form of a voucher assigned to the caller's company,
/// reached from its voucher list or page: the voucher is already the
/// company's, so the customer's e-mail is not asked for again.
pub async fn reserve_start(
    State(st): State<AppState>,
    CodeInPath(code): CodeInPath,
    SignedIn { ctx, actor }: SignedIn,
) -> Response {
    let Some(code) = code else {
        return Redirect::to("/vvr").into_response();
    };
    if let Some(refused) = refused_unless_reserver(&ctx, &actor) {
        return refused;
    }
    let typed = Typed::default();
    reserve_page(
        &st,
        &ctx,
        &actor,
        code,
        typed,
        Problems::default(),
        StatusCode::OK,
    )
    .await
}

fn place_reservation(key: &str) -> Option<&'static str> {
    match key {
        "terms_not_accepted" => Some("accept_terms"),
        "location_not_in_partner" | "delivery_country_mismatch" | "location_not_approved" => {
            Some("location")
        }
        "consultant_not_in_partner" | "consultant_not_qualified" => Some("consultant"),
        "engagement_already_started" | "start_date" => Some("start_date"),
        "ends_before_start"
        | "ends_after_expiry"
        | "too_long_for_voucher"
        | "reservation_too_short"
        | "end_date" => Some("end_date"),
        _ => None,
    }
}

fn parse_date(raw: &str) -> Option<jiff::civil::Date> {
    let raw = raw.trim();
    if raw.len() != 10 {
        return None;
    }
    raw.parse::<jiff::civil::Date>()
        .ok()
        .filter(|d| (1900..=2999).contains(&d.year()))
}

/// What the reservation form asks for, read, with every problem at once:
/// required fields, formats, the terms and the order of the dates. The use
/// case checks the program's rules (dates against today and the expiry …).
fn parse_reservation(ctx: &Ctx, typed: &Typed) -> Result<ReserveInput, Problems> {
    let mut problems = Problems::default();
    if !typed.accepted {
        problems.add("accept_terms", ctx.lang.rule(&Rule::TermsNotAccepted));
    }
    let location = typed.location.parse::<LocationId>().ok();
    if location.is_none() {
        problems.add("location", ctx.t("reserve-location-missing"));
    }
    let consultant = typed.consultant.parse::<UserId>().ok();
    if consultant.is_none() {
        problems.add("consultant", ctx.t("reserve-consultant-missing"));
    }
    let start = parse_date(&typed.start);
    if start.is_none() {
        problems.add("start_date", ctx.t("reserve-start-invalid"));
    }
    let end = parse_date(&typed.end);
    if end.is_none() {
        problems.add("end_date", ctx.t("reserve-end-invalid"));
    }
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        problems.add("end_date", ctx.lang.rule(&Rule::EndsBeforeStart));
    }
    match (location, consultant, start, end) {
        (Some(location_id), Some(consultant_id), Some(start_date), Some(end_date))
            if problems.is_empty() =>
        {
            Ok(ReserveInput {
                location_id,
                consultant_id,
                start_date,
                end_date,
                accept_terms: typed.accepted,
                delivery_country: None,
            })
        }
        _ => Err(problems),
    }
}

pub async fn reserve(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    if let Some(refused) = refused_unless_reserver(ctx, &actor) {
        return refused;
    }
    let typed = Typed {
        email: form.get("customer_email").trim().to_owned(),
        location: form.get("location").to_owned(),
        consultant: form.get("consultant").to_owned(),
        start: form.get("start_date").trim().to_owned(),
        end: form.get("end_date").trim().to_owned(),
        accepted: form.has("accept_terms"),
    };
    // Reached by validation, the e-mail is checked again so a tampered form
    // cannot skip it. Reached from the company's own voucher list there is no
    // e-mail: the reservation itself is authorized for the assigned partner.
    if !typed.email.is_empty() {
        match st.app.validate_voucher(&actor, code, &typed.email).await {
            Ok(_) => {}
            Err(Error::NotFound(_)) => {
                let problems = Problems::top(ctx.t("vvr-no-match"));
                return validate_page(ctx, code.to_string(), typed.email, problems);
            }
            Err(e) => return fail(ctx, e),
        }
    }
    let (problems, status) = match parse_reservation(ctx, &typed) {
        Err(problems) => (problems, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(input) => match st.app.reserve_voucher(&actor, code, input).await {
            Ok(_) => {
                return Redirect::to(&format!("/vouchers/{code}?done=reserved")).into_response();
            }
            Err(e) if is_correctable(&e) => {
                (Problems::from_error(ctx, &e, place_reservation), status(&e))
            }
            Err(e) => return fail(ctx, e),
        },
    };
    reserve_page(&st, ctx, &actor, code, typed, problems, status).await
}
