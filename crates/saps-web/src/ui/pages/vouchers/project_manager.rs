//! Handing a voucher not yet delivered to another project manager of the
//! customer: a small page of its own, linked from the voucher's page.

use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm, VoucherInPath};
use crate::ui::form::Problems;
use crate::ui::page::{Choice, fail, render};
use crate::ui::session::Ctx;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::views::VoucherDetail;
use saps_core::{Actor, UserId, VoucherCode};

#[derive(Template)]
#[template(path = "voucher_project_manager.html")]
pub struct ProjectManagerPage<'a> {
    pub ctx: &'a Ctx,
    pub d: VoucherDetail,
    pub choices: Vec<Choice>,
    pub problems: Problems,
}

async fn page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    code: VoucherCode,
    status: StatusCode,
    problems: Problems,
) -> Response {
    let d = match st.app.voucher_detail(actor, code).await {
        Ok(d) => d,
        Err(e) => return fail(ctx, e),
    };
    if !d.actions.change_project_manager {
        return Redirect::to(&format!("/vouchers/{code}")).into_response();
    }
    let people = match st.app.voucher_form(actor).await {
        Ok(f) => f.project_managers,
        Err(e) => return fail(ctx, e),
    };
    let choices = people
        .iter()
        .filter(|u| !u.disabled)
        .map(|u| Choice {
            value: u.id.to_string(),
            label: format!("{} <{}>", u.name, u.email),
            selected: u.id == d.voucher.project_manager_id,
            disabled: false,
        })
        .collect();
    render(
        ctx,
        status,
        &ProjectManagerPage {
            ctx,
            d,
            choices,
            problems,
        },
    )
}

pub async fn project_manager_form(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    SignedIn { ctx, actor }: SignedIn,
) -> Response {
    page(&st, &ctx, &actor, code, StatusCode::OK, Problems::default()).await
}

pub async fn change_project_manager(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let Some(pm) = uuid::Uuid::parse_str(form.get("project_manager"))
        .ok()
        .map(UserId)
    else {
        let problems = Problems::default().at("project_manager", ctx.t("lists-pm-choose"));
        return page(
            &st,
            ctx,
            &actor,
            code,
            StatusCode::UNPROCESSABLE_ENTITY,
            problems,
        )
        .await;
    };
    match st.app.change_project_manager(&actor, code, pm).await {
        Ok(_) => {
            Redirect::to(&format!("/vouchers/{code}?done=project_manager_changed")).into_response()
        }
        Err(e) if crate::answer::is_correctable(&e) => {
            let problems = Problems::from_error(ctx, &e, |_| Some("project_manager"));
            let status = crate::answer::status(&e);
            page(&st, ctx, &actor, code, status, problems).await
        }
        Err(e) => fail(ctx, e),
    }
}
