//! Cancelling a voucher asks first: a confirmation page (no JavaScript) that
//! says what happens, with an optional reason the assigned partner is told.

use super::{Shown, refused_on_detail};
use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm, VoucherInPath};
use crate::ui::form::Problems;
use crate::ui::page::{fail, render};
use crate::ui::session::Ctx;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::views::VoucherDetail;
use saps_core::{Actor, Error, VoucherCode};

#[derive(Template)]
#[template(path = "voucher_cancel.html")]
pub struct CancelPage<'a> {
    pub ctx: &'a Ctx,
    pub d: VoucherDetail,
    pub engagement: String,
    pub reason: String,
    pub problems: Problems,
}

async fn page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    code: VoucherCode,
    status: StatusCode,
    reason: String,
    problems: Problems,
) -> Response {
    let d = match st.app.voucher_detail(actor, code).await {
        Ok(d) => d,
        Err(e) => return fail(ctx, e),
    };
    if !d.actions.cancel {
        return Redirect::to(&format!("/vouchers/{code}")).into_response();
    }
    let engagement = ctx.engagement(&d.voucher.engagement, &d.engagement_name);
    render(
        ctx,
        status,
        &CancelPage {
            ctx,
            d,
            engagement,
            reason,
            problems,
        },
    )
}

/// The confirmation page (the voucher's page when it cannot be cancelled).
pub async fn cancel_confirm(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    SignedIn { ctx, actor }: SignedIn,
) -> Response {
    page(
        &st,
        &ctx,
        &actor,
        code,
        StatusCode::OK,
        String::new(),
        Problems::default(),
    )
    .await
}

/// **Yes, cancel**: cancels with the reason given, if any.
pub async fn cancel(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let (ctx, reason) = (&form.ctx, form.get("reason").to_owned());
    let given = Some(reason.clone()).filter(|r| !r.trim().is_empty());
    match st.app.cancel_voucher_with(&actor, code, given).await {
        Ok(_) => Redirect::to(&format!("/vouchers/{code}?done=cancelled")).into_response(),
        Err(e @ Error::Invalid { .. }) => {
            let problems = Problems::from_error(ctx, &e, |k| (k == "reason").then_some("reason"));
            let status = crate::answer::status(&e);
            page(&st, ctx, &actor, code, status, reason, problems).await
        }
        Err(e) => refused_on_detail(&st, ctx, &actor, code, e, |_| None, Shown::default()).await,
    }
}
