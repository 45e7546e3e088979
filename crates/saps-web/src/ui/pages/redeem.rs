//! Redeeming signed-off vouchers (partner admins): pick them with check
//! boxes, confirm the list, then a result per voucher.

use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{fail, render};
use crate::ui::session::Ctx;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use saps_core::{Actor, VoucherState};

/// One voucher on these pages.
pub struct Row {
    pub code: String,
    pub ok: bool,
    /// Its engagement and days, or why it was not redeemed.
    pub message: String,
}

#[derive(Template)]
#[template(path = "redeem.html")]
pub struct RedeemPage<'a> {
    pub ctx: &'a Ctx,
    /// `choose`, `confirm` or `results`.
    pub step: &'static str,
    pub rows: Vec<Row>,
    pub problems: Problems,
}

impl RedeemPage<'_> {
    /// Some voucher was redeemed: the results lead on to a payment claim.
    pub fn any_redeemed(&self) -> bool {
        self.rows.iter().any(|r| r.ok)
    }
}

/// The company's vouchers ready to redeem: completed and signed off.
async fn ready(st: &AppState, ctx: &Ctx, actor: &Actor) -> Result<Vec<Row>, saps_core::Error> {
    let vs = st
        .app
        .vouchers(actor, Some(VoucherState::Completed), None, 500)
        .await?;
    Ok(vs
        .into_iter()
        .filter(|v| {
            v.completion_report
                .as_ref()
                .is_some_and(|r| r.sign_off.is_signed_off())
        })
        .map(|v| Row {
            code: v.code.to_string(),
            ok: true,
            message: format!("{} · {}", v.engagement, ctx.days(v.days)),
        })
        .collect())
}

pub async fn choose(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn) -> Response {
    match ready(&st, &ctx, &actor).await {
        Ok(rows) => page(&ctx, StatusCode::OK, "choose", rows, Problems::default()),
        Err(e) => fail(&ctx, e),
    }
}

fn page(
    ctx: &Ctx,
    status: StatusCode,
    step: &'static str,
    rows: Vec<Row>,
    problems: Problems,
) -> Response {
    render(
        ctx,
        status,
        &RedeemPage {
            ctx,
            step,
            rows,
            problems,
        },
    )
}

/// The confirmation page: what will be redeemed.
pub async fn confirm(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let picked: Vec<&str> = form.all("code").collect();
    let all = match ready(&st, ctx, &actor).await {
        Ok(rows) => rows,
        Err(e) => return fail(ctx, e),
    };
    if picked.is_empty() {
        let problems = Problems::top(ctx.t("redeem-pick-one"));
        return page(
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            "choose",
            all,
            problems,
        );
    }
    let rows = all
        .into_iter()
        .filter(|r| picked.contains(&r.code.as_str()))
        .collect();
    page(ctx, StatusCode::OK, "confirm", rows, Problems::default())
}

/// Yes: each voucher redeemed or refused with its rule.
pub async fn redeem(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let codes: Vec<String> = form.all("code").map(str::to_owned).collect();
    if codes.is_empty() {
        return match ready(&st, ctx, &actor).await {
            Ok(all) => {
                let problems = Problems::top(ctx.t("redeem-pick-one"));
                page(
                    ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "choose",
                    all,
                    problems,
                )
            }
            Err(e) => fail(ctx, e),
        };
    }
    match st.app.redeem(&actor, codes).await {
        Ok(results) => {
            let rows = results
                .into_iter()
                .map(|r| Row {
                    code: r.code,
                    ok: r.outcome.is_ok(),
                    message: r
                        .outcome
                        .err()
                        .map(|e| ctx.lang.error(&e))
                        .unwrap_or_default(),
                })
                .collect();
            page(ctx, StatusCode::OK, "results", rows, Problems::default())
        }
        Err(e) => fail(ctx, e),
    }
}
