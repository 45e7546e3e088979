//! The operator's program settings and calendar: change the validity, its
//! anchor, the claim window and the milestone dates, preview what the change
//! would do (the what-if), then save it.

use crate::AppState;
use crate::answer::is_correctable;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{done_message, fail, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_core::what_if::WhatIf;
use saps_core::{ExpiryAnchor, MilestoneName, Program};

/// How many items the page lists of a what-if.
const SHOWN: usize = 100;

/// A milestone's date field.
pub struct MilestoneField {
    /// The form field's name (`m-` and the milestone's name).
    pub field: String,
    pub label: String,
    pub value: String,
}

/// A what-if item as the page shows it.
pub struct ItemRow {
    pub kind: String,
    pub id: String,
    pub before: String,
    pub after: String,
}

#[derive(Template)]
#[template(path = "program.html")]
pub struct ProgramPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub problems: Problems,
    pub validity: String,
    pub assignment_anchor: bool,
    pub claim_window: String,
    pub milestones: Vec<MilestoneField>,
    pub preview: Option<WhatIf>,
    pub rows: Vec<ItemRow>,
    pub more: Option<String>,
}

/// A milestone's form field.
fn field_of(m: MilestoneName) -> &'static str {
    match m {
        MilestoneName::CloudEngagementsRetired => "m_cloud_engagements_retired",
        MilestoneName::TrainingConversionEnded => "m_training_conversion_ended",
        MilestoneName::AccrualEnded => "m_accrual_ended",
        MilestoneName::LastDayToCreateOrAssign => "m_last_day_to_create_or_assign",
        MilestoneName::RemainingDaysRemoved => "m_remaining_days_removed",
        MilestoneName::LastDayToRedeem => "m_last_day_to_redeem",
    }
}

fn milestone_key(m: MilestoneName) -> String {
    serde_json::to_value(m)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default()
}

/// The form as the program is now.
fn fields_of(ctx: &Ctx, p: &Program) -> (String, bool, String, Vec<MilestoneField>) {
    let milestones = MilestoneName::ALL
        .iter()
        .map(|m| MilestoneField {
            field: field_of(*m).to_owned(),
            label: ctx.t(&format!("milestone-{}", milestone_key(*m))),
            value: p.milestone(*m).map(|d| d.to_string()).unwrap_or_default(),
        })
        .collect();
    (
        p.voucher_validity_days.to_string(),
        p.expiry_anchor == ExpiryAnchor::Assignment,
        p.claim_window_days.to_string(),
        milestones,
    )
}

fn rows_of(ctx: &Ctx, w: &WhatIf) -> Vec<ItemRow> {
    let day = |d: Option<jiff::civil::Date>| match d {
        Some(d) => ctx.date(d),
        None => ctx.t("time-whatif-none"),
    };
    w.items
        .iter()
        .take(SHOWN)
        .map(|i| ItemRow {
            kind: ctx.t(&format!(
                "time-whatif-kind-{}",
                i.kind.as_str().replace('_', "-")
            )),
            id: i.id.clone(),
            before: day(i.before),
            after: day(i.after),
        })
        .collect()
}

pub async fn page(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    if let Err(e) = saps_core::authz::authorize(
        &actor,
        saps_core::authz::Action::ChangeProgram,
        saps_core::authz::Resource::Program,
    ) {
        return fail(&ctx, e);
    }
    let (validity, assignment_anchor, claim_window, milestones) =
        fields_of(&ctx, &st.app.program());
    let page = ProgramPage {
        ctx: &ctx,
        done: done_message(&ctx, q.get("done")),
        problems: Problems::default(),
        validity,
        assignment_anchor,
        claim_window,
        milestones,
        preview: None,
        rows: Vec::new(),
        more: None,
    };
    render(&ctx, StatusCode::OK, &page)
}

pub async fn submit(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let current = st.app.program();
    let mut next = (*current).clone();
    let (validity, claim_window) = (
        form.get("voucher_validity_days").trim().to_owned(),
        form.get("claim_window_days").trim().to_owned(),
    );
    // What does not read as a number is refused as the rules refuse 0.
    next.voucher_validity_days = validity.parse().unwrap_or(0);
    next.claim_window_days = claim_window.parse().unwrap_or(0);
    next.expiry_anchor = if form.get("expiry_anchor") == "assignment" {
        ExpiryAnchor::Assignment
    } else {
        ExpiryAnchor::Creation
    };
    let mut problems = Problems::default();
    let mut milestones = Vec::new();
    for m in MilestoneName::ALL {
        let field = field_of(m);
        let value = form.get(field).trim().to_owned();
        match value.parse::<jiff::civil::Date>() {
            Ok(d) if value.len() == 10 => match next.milestones.iter_mut().find(|x| x.name == m) {
                Some(x) => x.date = d,
                None => next
                    .milestones
                    .push(saps_core::Milestone { name: m, date: d }),
            },
            _ if value.is_empty() => next.milestones.retain(|x| x.name != m),
            _ => problems = problems.at(field, ctx.t("clock-date-invalid")),
        }
        milestones.push(MilestoneField {
            field: field.to_owned(),
            label: ctx.t(&format!("milestone-{}", milestone_key(m))),
            value,
        });
    }
    let show = |status, problems, preview: Option<WhatIf>| {
        let rows = preview
            .as_ref()
            .map(|w| rows_of(ctx, w))
            .unwrap_or_default();
        let more = preview
            .as_ref()
            .filter(|w| w.total_items as usize > rows.len())
            .map(|w| {
                ctx.t2(
                    "time-whatif-more",
                    "shown",
                    rows.len(),
                    "total",
                    w.total_items,
                )
            });
        render(
            ctx,
            status,
            &ProgramPage {
                ctx,
                done: None,
                problems,
                validity: validity.clone(),
                assignment_anchor: next.expiry_anchor == ExpiryAnchor::Assignment,
                claim_window: claim_window.clone(),
                milestones: milestones
                    .iter()
                    .map(|m| MilestoneField {
                        field: m.field.clone(),
                        label: m.label.clone(),
                        value: m.value.clone(),
                    })
                    .collect(),
                preview,
                rows,
                more,
            },
        )
    };
    if !problems.is_empty() {
        return show(StatusCode::UNPROCESSABLE_ENTITY, problems, None);
    }
    let place = |k: &str| match k {
        "voucher_validity_days" => Some("voucher_validity_days"),
        "claim_window_days" => Some("claim_window_days"),
        _ => None,
    };
    if form.get("action") == "save" {
        return match st.app.put_program(&actor, next.clone()).await {
            Ok(_) => Redirect::to("/program?done=program_saved").into_response(),
            Err(e) if is_correctable(&e) => show(
                StatusCode::UNPROCESSABLE_ENTITY,
                Problems::from_error(ctx, &e, place),
                None,
            ),
            Err(e) => fail(ctx, e),
        };
    }
    match st.app.program_what_if(&actor, next.clone(), SHOWN).await {
        Ok(w) => show(StatusCode::OK, Problems::default(), Some(w)),
        Err(e) if is_correctable(&e) => show(
            StatusCode::UNPROCESSABLE_ENTITY,
            Problems::from_error(ctx, &e, place),
            None,
        ),
        Err(e) => fail(ctx, e),
    }
}
