//! "My settings", for every signed-in user: the language of their pages and
//! e-mails and the optional mails they receive, saved with one plain form.

use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::i18n::Lang;
use crate::ui::page::{done_message, fail, render};
use crate::ui::session::{Ctx, LANG, Q, set_cookie};
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use saps_core::Locale;
use saps_core::notify::{NotificationSettings, Topic};

/// One check box: its form name, its label and hint keys, whether it is on.
pub struct TopicBox {
    pub name: &'static str,
    pub label: String,
    pub hint: String,
    pub on: bool,
}

#[derive(Template)]
#[template(path = "settings.html")]
pub struct SettingsPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    /// Each language: its tag, its name in itself, whether it is the user's.
    pub langs: Vec<(&'static str, &'static str, bool)>,
    pub topics: Vec<TopicBox>,
}

pub async fn page(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    let settings = match st.app.own_notifications(&actor).await {
        Ok(s) => s,
        Err(e) => return fail(&ctx, e),
    };
    let mine = ctx.user.as_ref().map(|u| u.locale);
    let langs = Lang::ALL
        .iter()
        .map(|l| {
            let selected = mine.is_some_and(|m| m.as_str() == l.tag());
            (l.tag(), l.native_name(), selected)
        })
        .collect();
    let topics = Topic::ALL
        .iter()
        .map(|t| {
            let key = t.as_str().replace('_', "-");
            TopicBox {
                name: t.as_str(),
                label: ctx.t(&format!("settings-topic-{key}")),
                hint: ctx.t(&format!("settings-topic-{key}-hint")),
                on: settings.allows(*t),
            }
        })
        .collect();
    let done = done_message(&ctx, q.get("done"));
    render(
        &ctx,
        StatusCode::OK,
        &SettingsPage {
            ctx: &ctx,
            done,
            langs,
            topics,
        },
    )
}

/// Saves the language (when one of the five is chosen) and the check boxes
/// (a box left unticked is a group turned off), then shows the page again
/// with the success message, in the language just chosen.
pub async fn save(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let settings = Topic::ALL
        .iter()
        .fold(NotificationSettings::default(), |s, t| {
            s.with(*t, form.has(t.as_str()))
        });
    let lang = Lang::parse(form.get("lang"));
    if let Some(locale) = lang.and_then(|l| Locale::parse(l.tag()))
        && let Err(e) = st.app.set_own_locale(&actor, locale).await
    {
        return fail(ctx, e);
    }
    if let Err(e) = st.app.set_own_notifications(&actor, settings).await {
        return fail(ctx, e);
    }
    let mut res = Redirect::to("/settings?done=settings_saved").into_response();
    if let Some(lang) = lang {
        let cookie = set_cookie(LANG, lang.tag(), Some(365 * 24 * 3600), ctx.secure);
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}
