//! Publishing the program agreement (operator): the current version and its
//! text, and a form for the next version. Partners must sign a new version
//! before their next enrollment or renewal.

use crate::AppState;
use crate::answer::{is_correctable, status};
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{done_message, fail, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_core::program::ProviderAgreementText;
use saps_core::{Actor, Error, Role};

#[derive(Template)]
#[template(path = "operator_agreement.html")]
pub struct AgreementPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub current: ProviderAgreementText,
    pub version: String,
    pub text: String,
    pub problems: Problems,
}

fn operator_only(actor: &Actor) -> Result<(), Error> {
    if actor.role == Role::Operator {
        Ok(())
    } else {
        Err(Error::forbidden(
            "Your role may not publish the program agreement.",
        ))
    }
}

async fn show(
    st: &AppState,
    ctx: &Ctx,
    typed: Option<(String, String)>,
    problems: Problems,
    done: Option<String>,
    code: StatusCode,
) -> Response {
    let current = match st.app.provider_agreement().await {
        Ok(c) => c,
        Err(e) => return fail(ctx, e),
    };
    let (version, text) = typed.unwrap_or_else(|| {
        let next = current.version.saturating_add(1).to_string();
        (next, current.text.clone())
    });
    let page = AgreementPage {
        ctx,
        done,
        current,
        version,
        text,
        problems,
    };
    render(ctx, code, &page)
}

pub async fn page(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    if let Err(e) = operator_only(&actor) {
        return fail(&ctx, e);
    }
    let done = done_message(&ctx, q.get("done"));
    show(&st, &ctx, None, Problems::default(), done, StatusCode::OK).await
}

pub async fn publish(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    if let Err(e) = operator_only(&actor) {
        return fail(ctx, e);
    }
    let version = form.get("version").trim().to_owned();
    let text = form.get("text").to_owned();
    let mut problems = Problems::default();
    let number = version.parse::<u32>().ok();
    if number.is_none() {
        problems.add("version", ctx.t("onb-version-missing"));
    }
    if text.trim().is_empty() {
        problems.add("text", ctx.t("onb-text-missing"));
    }
    let mut code = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some(n), true) = (number, problems.is_empty()) {
        match st.app.publish_provider_agreement(&actor, n, &text).await {
            Ok(_) => {
                return Redirect::to("/operator/agreement?done=agreement_published")
                    .into_response();
            }
            Err(e) if is_correctable(&e) => {
                code = status(&e);
                problems = Problems::from_error(ctx, &e, |k| match k {
                    "version" | "provider_agreement_not_newer" => Some("version"),
                    "text" => Some("text"),
                    _ => None,
                });
            }
            Err(e) => return fail(ctx, e),
        }
    }
    show(&st, ctx, Some((version, text)), problems, None, code).await
}
