//! The web UI through the real router: sign-in and sessions, CSRF, the pages
//! of each party, refusals shown in place, 404s — and the five locales, each
//! with every message the code and the templates use.

mod audit;
mod browser;
mod delivery;
mod directory;
mod forms;
mod handoff;
mod hardening;
mod lists;
mod locales;
mod onboarding;
mod outbox;
mod pages;
mod payments;
mod settings;
mod time;
mod users;
mod webhooks;
