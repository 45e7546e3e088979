//! The users an admin looks after, each with a button to disable it (its
//! sessions end at once) or enable it again: the operator sees every
//! organisation's users, a partner's global admin or a customer's benefit
//! admin those of its own organisation. Plain forms, no JavaScript needed.

use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::page::{done_message, fail, not_found_page, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::home::Abilities;
use saps_core::{Actor, Error, Org, OrgKind, User, UserId};

/// One organisation's users, as the page lists them.
pub struct OrgUsers {
    pub org: Org,
    pub users: Vec<User>,
}

#[derive(Template)]
#[template(path = "users.html")]
pub struct UsersPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    /// The signed-in user, who gets no button for itself.
    pub me: UserId,
    pub orgs: Vec<OrgUsers>,
}

async fn orgs_of(st: &AppState, actor: &Actor) -> Result<Vec<Org>, Error> {
    if actor.role != saps_core::Role::Operator {
        return Ok(vec![st.app.org(actor, actor.org_id).await?]);
    }
    let mut orgs = vec![st.app.org(actor, actor.org_id).await?];
    for kind in [OrgKind::Partner, OrgKind::Customer] {
        orgs.extend(st.app.orgs(actor, kind).await?);
    }
    Ok(orgs)
}

pub async fn list(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    if !Abilities::of(&actor).manage_users {
        return fail(&ctx, Error::forbidden("Your role may not manage users."));
    }
    let orgs = match orgs_of(&st, &actor).await {
        Ok(orgs) => orgs,
        Err(e) => return fail(&ctx, e),
    };
    let mut listed = Vec::with_capacity(orgs.len());
    for org in orgs {
        match st.app.users(&actor, org.id).await {
            Ok(users) => listed.push(OrgUsers { org, users }),
            Err(e) => return fail(&ctx, e),
        }
    }
    let page = UsersPage {
        done: done_message(&ctx, q.get("done")),
        ctx: &ctx,
        me: actor.user_id,
        orgs: listed,
    };
    render(&ctx, StatusCode::OK, &page)
}

pub async fn disable(st: State<AppState>, id: Path<String>, f: SignedInForm) -> Response {
    set(st, id, f, true).await
}

pub async fn enable(st: State<AppState>, id: Path<String>, f: SignedInForm) -> Response {
    set(st, id, f, false).await
}

async fn set(
    State(st): State<AppState>,
    Path(id): Path<String>,
    f: SignedInForm,
    disabled: bool,
) -> Response {
    let ctx = f.ctx();
    let Ok(id) = id.parse::<uuid::Uuid>() else {
        return not_found_page(ctx);
    };
    match st
        .app
        .set_user_disabled(&f.actor, UserId(id), disabled)
        .await
    {
        Ok(_) if disabled => Redirect::to("/users?done=user_disabled").into_response(),
        Ok(_) => Redirect::to("/users?done=user_enabled").into_response(),
        Err(e) => fail(ctx, e),
    }
}

/// A `GET` of a button's address goes to the list.
pub async fn to_list() -> Redirect {
    Redirect::to("/users")
}
