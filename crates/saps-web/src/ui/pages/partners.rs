//! The operator's partner pages: every partner with its status per offering
//! and enrollments (paged), one partner's records (compliance course
//! completions, competencies, locations, its consultants) with the forms that
//! add them, and one consultant's exams. A refusal is shown next to its field.

use crate::AppState;
use crate::answer::{is_correctable, status};
use crate::ui::eligibility::{
    OfferingView, StatusBadge, level_label, offering_name, offering_views, parse_date, status_badge,
};
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{Choice, done_message, fail, not_found_page, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::NewLocation;
use saps_app::onboarding::PartnerRecordsView;
use saps_core::port::{CompetencyLevel, ExamRecord};
use saps_core::{Actor, Org, OrgId, User, UserId};

/// Partners per page of the overview.
const PER_PAGE: usize = 25;

/// One partner's line in the overview.
pub struct PartnerLine {
    pub id: String,
    pub name: String,
    /// Each offering's name and status badge.
    pub statuses: Vec<(String, StatusBadge)>,
    /// Each enrollment's offering and last day.
    pub enrollments: Vec<(String, jiff::civil::Date, bool)>,
}

#[derive(Template)]
#[template(path = "operator_partners.html")]
pub struct PartnersPage<'a> {
    pub ctx: &'a Ctx,
    pub partners: Vec<PartnerLine>,
    pub page: usize,
    pub pages: usize,
    pub total: usize,
}

pub async fn overview(
    State(st): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let asked = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
    let v = match st.app.partners_overview(&actor, asked, PER_PAGE).await {
        Ok(v) => v,
        Err(e) => return fail(&ctx, e),
    };
    let today = ctx.today;
    let partners = v
        .partners
        .into_iter()
        .map(|p| PartnerLine {
            id: p.partner.id.to_string(),
            name: p.partner.name,
            statuses: p
                .statuses
                .into_iter()
                .map(|(o, s)| (offering_name(&ctx, &o), status_badge(&ctx, s)))
                .collect(),
            enrollments: p
                .enrollments
                .into_iter()
                .map(|e| {
                    let lapsed = e.valid_until < today;
                    (offering_name(&ctx, &e.offering), e.valid_until, lapsed)
                })
                .collect(),
        })
        .collect();
    let page = PartnersPage {
        ctx: &ctx,
        partners,
        page: v.page,
        pages: v.pages,
        total: v.total,
    };
    render(&ctx, StatusCode::OK, &page)
}

/// What the record forms held when refused.
#[derive(Default)]
pub struct Typed {
    pub completed_on: String,
    pub competency: String,
    pub level: String,
    pub valid_until: String,
    pub loc_name: String,
    pub loc_country: String,
    pub loc_city: String,
}

#[derive(Template)]
#[template(path = "operator_partner.html")]
pub struct PartnerPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub partner: Org,
    pub locations_action: String,
    pub offerings: Vec<OfferingView>,
    pub view: PartnerRecordsView,
    pub course: String,
    pub competencies: Vec<Choice>,
    pub levels: Vec<Choice>,
    pub typed: Typed,
    pub training_problems: Problems,
    pub competency_problems: Problems,
    pub location_problems: Problems,
}

impl PartnerPage<'_> {
    pub fn level(&self, l: &CompetencyLevel) -> String {
        level_label(self.ctx, *l)
    }
}

enum Refused {
    None,
    Training(Problems),
    Competency(Problems),
    Location(Problems),
}

#[expect(clippy::too_many_arguments)]
async fn partner_page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: OrgId,
    typed: Typed,
    refused: Refused,
    done: Option<String>,
    code: StatusCode,
) -> Response {
    let view = match st.app.partner_records(actor, id).await {
        Ok(v) => v,
        Err(e) => return fail(ctx, e),
    };
    let program = st.app.program();
    let (mut training, mut competency, mut location) = Default::default();
    match refused {
        Refused::None => {}
        Refused::Training(p) => training = p,
        Refused::Competency(p) => competency = p,
        Refused::Location(p) => location = p,
    }
    let mut competencies = vec![Choice {
        value: String::new(),
        label: ctx.t("onb-choose"),
        selected: typed.competency.is_empty(),
        disabled: false,
    }];
    competencies.extend(program.known_competencies().into_iter().map(|c| Choice {
        value: c.to_owned(),
        label: c.to_owned(),
        selected: typed.competency == c,
        disabled: false,
    }));
    let levels = CompetencyLevel::ALL
        .into_iter()
        .map(|l| Choice {
            value: l.as_str().to_owned(),
            label: level_label(ctx, l),
            selected: typed.level == l.as_str(),
            disabled: false,
        })
        .collect();
    let page = PartnerPage {
        ctx,
        done,
        partner: view.partner.clone(),
        locations_action: format!("/operator/partners/{}/locations", view.partner.id),
        offerings: offering_views(ctx, &program, &view.eligibility),
        course: program.compliance_course.clone(),
        view,
        competencies,
        levels,
        typed,
        training_problems: training,
        competency_problems: competency,
        location_problems: location,
    };
    render(ctx, code, &page)
}

fn org_id(raw: &str) -> Option<OrgId> {
    raw.parse::<uuid::Uuid>().ok().map(OrgId)
}

pub async fn partner(
    State(st): State<AppState>,
    Path(id): Path<String>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let Some(id) = org_id(&id) else {
        return not_found_page(&ctx);
    };
    let done = done_message(&ctx, q.get("done"));
    let (typed, refused) = (Typed::default(), Refused::None);
    partner_page(&st, &ctx, &actor, id, typed, refused, done, StatusCode::OK).await
}

fn back(id: OrgId, done: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/operator/partners/{id}?done={done}#{anchor}")).into_response()
}

pub async fn add_training(
    State(st): State<AppState>,
    Path(id): Path<String>,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let Some(id) = org_id(&id) else {
        return not_found_page(ctx);
    };
    let typed = Typed {
        completed_on: form.get("completed_on").trim().to_owned(),
        ..Typed::default()
    };
    let mut code = StatusCode::UNPROCESSABLE_ENTITY;
    let p = match parse_date(&typed.completed_on) {
        None => Problems::default().at("completed_on", ctx.t("onb-date-missing")),
        Some(day) => {
            let course = st.app.program().compliance_course.clone();
            match st.app.record_training(&actor, id, &course, day).await {
                Ok(_) => return back(id, "training_recorded", "trainings"),
                Err(e) if is_correctable(&e) => {
                    code = status(&e);
                    Problems::from_error(ctx, &e, |k| match k {
                        "completed_on" | "unknown_course" => Some("completed_on"),
                        _ => None,
                    })
                }
                Err(e) => return fail(ctx, e),
            }
        }
    };
    partner_page(
        &st,
        ctx,
        &actor,
        id,
        typed,
        Refused::Training(p),
        None,
        code,
    )
    .await
}

pub async fn add_competency(
    State(st): State<AppState>,
    Path(id): Path<String>,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let Some(id) = org_id(&id) else {
        return not_found_page(ctx);
    };
    let typed = Typed {
        competency: form.get("competency").trim().to_owned(),
        level: form.get("level").trim().to_owned(),
        valid_until: form.get("valid_until").trim().to_owned(),
        ..Typed::default()
    };
    let mut p = Problems::default();
    if typed.competency.is_empty() {
        p.add("competency", ctx.t("onb-competency-missing"));
    }
    let level = CompetencyLevel::parse(&typed.level);
    if level.is_none() {
        p.add("level", ctx.t("onb-level-missing"));
    }
    let until = parse_date(&typed.valid_until);
    if until.is_none() {
        p.add("valid_until", ctx.t("onb-date-missing"));
    }
    let mut code = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some(level), Some(until), true) = (level, until, p.is_empty()) {
        match st
            .app
            .record_competency(&actor, id, &typed.competency, level, until)
            .await
        {
            Ok(_) => return back(id, "competency_recorded", "competencies"),
            Err(e) if is_correctable(&e) => {
                code = status(&e);
                p = Problems::from_error(ctx, &e, |k| match k {
                    "unknown_competency" | "competency" => Some("competency"),
                    "valid_until" => Some("valid_until"),
                    _ => None,
                });
            }
            Err(e) => return fail(ctx, e),
        }
    }
    partner_page(
        &st,
        ctx,
        &actor,
        id,
        typed,
        Refused::Competency(p),
        None,
        code,
    )
    .await
}

pub async fn add_location(
    State(st): State<AppState>,
    Path(id): Path<String>,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let Some(id) = org_id(&id) else {
        return not_found_page(ctx);
    };
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
    let (p, code) = match st.app.add_location(&actor, id, new).await {
        Ok(_) => return back(id, "location_added", "locations"),
        Err(e) if is_correctable(&e) => {
            let p = Problems::from_error(ctx, &e, |k| match k {
                "name" => Some("loc_name"),
                "country" => Some("loc_country"),
                _ => None,
            });
            (p, status(&e))
        }
        Err(e) => return fail(ctx, e),
    };
    partner_page(
        &st,
        ctx,
        &actor,
        id,
        typed,
        Refused::Location(p),
        None,
        code,
    )
    .await
}

#[derive(Template)]
#[template(path = "operator_consultant.html")]
pub struct ConsultantPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub consultant: User,
    pub partner: Org,
    pub exams: Vec<ExamRecord>,
    pub choices: Vec<Choice>,
    pub passed_on: String,
    pub problems: Problems,
}

#[expect(clippy::too_many_arguments)]
async fn consultant_page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: UserId,
    exam: &str,
    passed_on: String,
    problems: Problems,
    done: Option<String>,
    code: StatusCode,
) -> Response {
    let (consultant, partner, exams) = match st.app.consultant_exams(actor, id).await {
        Ok(v) => v,
        Err(e) => return fail(ctx, e),
    };
    let mut choices = vec![Choice {
        value: String::new(),
        label: ctx.t("onb-choose"),
        selected: exam.is_empty(),
        disabled: false,
    }];
    choices.extend(st.app.program().known_exams().into_iter().map(|x| Choice {
        value: x.to_owned(),
        label: x.to_owned(),
        selected: exam == x,
        disabled: false,
    }));
    let page = ConsultantPage {
        ctx,
        done,
        consultant,
        partner,
        exams,
        choices,
        passed_on,
        problems,
    };
    render(ctx, code, &page)
}

fn user_id(raw: &str) -> Option<UserId> {
    raw.parse::<uuid::Uuid>().ok().map(UserId)
}

pub async fn consultant(
    State(st): State<AppState>,
    Path(id): Path<String>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let Some(id) = user_id(&id) else {
        return not_found_page(&ctx);
    };
    let done = done_message(&ctx, q.get("done"));
    let none = Problems::default();
    consultant_page(
        &st,
        &ctx,
        &actor,
        id,
        "",
        String::new(),
        none,
        done,
        StatusCode::OK,
    )
    .await
}

pub async fn add_exam(
    State(st): State<AppState>,
    Path(id): Path<String>,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let Some(id) = user_id(&id) else {
        return not_found_page(ctx);
    };
    let exam = form.get("exam").trim().to_owned();
    let passed_on = form.get("passed_on").trim().to_owned();
    let mut p = Problems::default();
    if exam.is_empty() {
        p.add("exam", ctx.t("onb-exam-missing"));
    }
    let day = parse_date(&passed_on);
    if day.is_none() {
        p.add("passed_on", ctx.t("onb-date-missing"));
    }
    let mut code = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some(day), true) = (day, p.is_empty()) {
        match st.app.record_exam(&actor, id, &exam, day).await {
            Ok(_) => {
                let to = format!("/operator/consultants/{id}?done=exam_recorded#exams");
                return Redirect::to(&to).into_response();
            }
            Err(e) if is_correctable(&e) => {
                code = status(&e);
                p = Problems::from_error(ctx, &e, |k| match k {
                    "unknown_exam" => Some("exam"),
                    "passed_on" => Some("passed_on"),
                    _ => None,
                });
            }
            Err(e) => return fail(ctx, e),
        }
    }
    consultant_page(&st, ctx, &actor, id, &exam, passed_on, p, None, code).await
}

/// A `GET` of a form's address goes back to its page.
pub async fn to_partner(Path(id): Path<String>) -> Redirect {
    match org_id(&id) {
        Some(id) => Redirect::to(&format!("/operator/partners/{id}")),
        None => Redirect::to("/operator/partners"),
    }
}

pub async fn to_consultant(Path(id): Path<String>) -> Redirect {
    match user_id(&id) {
        Some(id) => Redirect::to(&format!("/operator/consultants/{id}")),
        None => Redirect::to("/operator/partners"),
    }
}
