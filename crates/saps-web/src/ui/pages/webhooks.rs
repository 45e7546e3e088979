//! An organisation's webhooks, for its admins (the operator, a partner's
//! global admin, a customer's benefit admin): add one (its secret is shown
//! once), the list with each one's status, a delivery log, a test event,
//! removing one. Plain forms, no JavaScript needed.

use crate::AppState;
use crate::answer::is_correctable;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{done_message, fail, not_found_page, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::webhooks::{AttemptView, CreatedWebhook, DeliveryView, WebhookView};
use saps_core::{Actor, EventBody};

#[derive(Template)]
#[template(path = "webhooks.html")]
pub struct WebhooksPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub problems: Problems,
    pub hooks: Vec<WebhookView>,
    /// Every event kind, and whether the form has it ticked.
    pub kinds: Vec<(&'static str, bool)>,
    pub url: String,
    /// The subscription just added, with its secret (shown this once).
    pub created: Option<CreatedWebhook>,
}

#[derive(Template)]
#[template(path = "webhook_log.html")]
pub struct LogPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub hook: WebhookView,
    pub attempts: Vec<AttemptView>,
    pub deliveries: Vec<DeliveryView>,
}

#[derive(Default)]
struct Form {
    url: String,
    ticked: Vec<String>,
}

/// What the list page shows besides the list.
struct Shown {
    status: StatusCode,
    problems: Problems,
    form: Form,
    created: Option<CreatedWebhook>,
    done: Option<String>,
}

impl Shown {
    fn ok() -> Self {
        Shown {
            status: StatusCode::OK,
            problems: Problems::default(),
            form: Form::default(),
            created: None,
            done: None,
        }
    }

    fn refused(problems: Problems, form: Form) -> Self {
        Shown {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            problems,
            form,
            ..Self::ok()
        }
    }
}

async fn page_with(st: &AppState, ctx: &Ctx, actor: &Actor, shown: Shown) -> Response {
    let Shown {
        status,
        problems,
        form,
        created,
        done,
    } = shown;
    let hooks = match st.app.webhooks(actor).await {
        Ok(h) => h,
        Err(e) => return fail(ctx, e),
    };
    let kinds = EventBody::KINDS
        .iter()
        .map(|k| (*k, form.ticked.iter().any(|t| t == k)))
        .collect();
    let page = WebhooksPage {
        ctx,
        done,
        problems,
        hooks,
        kinds,
        url: form.url,
        created,
    };
    render(ctx, status, &page)
}

pub async fn list(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    let done = done_message(&ctx, q.get("done"));
    page_with(
        &st,
        &ctx,
        &actor,
        Shown {
            done,
            ..Shown::ok()
        },
    )
    .await
}

pub async fn add(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let posted = Form {
        url: form.get("url").trim().to_owned(),
        ticked: form.all("events").map(str::to_owned).collect(),
    };
    let mut problems = Problems::default();
    if posted.url.is_empty() {
        problems.add("url", ctx.t("webhooks-url-missing"));
    }
    if posted.ticked.is_empty() {
        problems.add("events", ctx.t("webhooks-events-missing"));
    }
    if !problems.is_empty() {
        return page_with(&st, ctx, &actor, Shown::refused(problems, posted)).await;
    }
    match st
        .app
        .create_webhook(&actor, &posted.url, &posted.ticked)
        .await
    {
        Ok(created) => {
            let shown = Shown {
                created: Some(created),
                ..Shown::ok()
            };
            page_with(&st, ctx, &actor, shown).await
        }
        Err(e) if is_correctable(&e) => {
            let problems = Problems::from_error(ctx, &e, |field| match field {
                "url" => Some("url"),
                "events" => Some("events"),
                _ => None,
            });
            page_with(&st, ctx, &actor, Shown::refused(problems, posted)).await
        }
        Err(e) => fail(ctx, e),
    }
}

fn id_of(raw: &str) -> Option<uuid::Uuid> {
    raw.parse().ok()
}

pub async fn log(
    State(st): State<AppState>,
    Path(id): Path<String>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let Some(id) = id_of(&id) else {
        return not_found_page(&ctx);
    };
    let hook = match st.app.webhook(&actor, id).await {
        Ok(h) => h,
        Err(e) => return fail(&ctx, e),
    };
    let (attempts, deliveries) = match st.app.webhook_log(&actor, id, 100).await {
        Ok(l) => l,
        Err(e) => return fail(&ctx, e),
    };
    let page = LogPage {
        done: done_message(&ctx, q.get("done")),
        ctx: &ctx,
        hook,
        attempts,
        deliveries,
    };
    render(&ctx, StatusCode::OK, &page)
}

pub async fn test(State(st): State<AppState>, Path(id): Path<String>, f: SignedInForm) -> Response {
    let ctx = f.ctx();
    let Some(id) = id_of(&id) else {
        return not_found_page(ctx);
    };
    match st.app.send_test_webhook(&f.actor, id).await {
        Ok(_) => Redirect::to(&format!("/webhooks/{id}?done=webhook_test_queued")).into_response(),
        Err(e) => fail(ctx, e),
    }
}

pub async fn remove(
    State(st): State<AppState>,
    Path(id): Path<String>,
    f: SignedInForm,
) -> Response {
    let ctx = f.ctx();
    let Some(id) = id_of(&id) else {
        return not_found_page(ctx);
    };
    match st.app.delete_webhook(&f.actor, id).await {
        Ok(()) => Redirect::to("/webhooks?done=webhook_removed").into_response(),
        Err(e) => fail(ctx, e),
    }
}

/// A `GET` of a button's address goes to the list.
pub async fn to_list() -> Redirect {
    Redirect::to("/webhooks")
}
