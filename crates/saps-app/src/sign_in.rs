//! Signing in and out: passwords exchanged for tokens, with a throttle on
//! attempts kept in the database so that it holds across nodes.
//!
//! Every attempt is counted before the password is checked, in conditional
//! writes that return the count in a window, so concurrent guesses cannot slip
//! past a limit. Two things are counted: the client's network address (when
//! known) and the account (the e-mail typed). Each has tiers of windows with
//! growing waits rather than one lock-out: after 5 failures an account waits
//! a minute, after 10 the rest of 15 minutes, after 20 the rest of the hour.
//! An address is checked first and, once it is throttled, its attempts no
//! longer count against the accounts it tries, so one client cannot lock an
//! account for long; spraying one guess over many accounts is slowed by the
//! address's own tiers. A success clears the account's counts, never the
//! address's. Argon2 runs on a bounded blocking pool ([`auth::verify_off_thread`]),
//! never on the async workers.

use crate::{App, TOKEN_LIFETIME, auth, clock};
use saps_core::{Error, User};
use std::net::IpAddr;

/// One tier of the throttle: at most `attempts` in a window of `window`.
#[derive(Clone, Copy, Debug)]
pub struct Tier {
    pub window: jiff::SignedDuration,
    pub attempts: u32,
}

const fn tier(secs: i64, attempts: u32) -> Tier {
    Tier {
        window: jiff::SignedDuration::from_secs(secs),
        attempts,
    }
}

/// An account's tiers: the wait grows with the failures, up to an hour.
pub const ACCOUNT_TIERS: [Tier; 3] = [tier(60, 5), tier(15 * 60, 10), tier(3600, 20)];
/// A client address's tiers: higher, since one address may be a whole office.
pub const CLIENT_TIERS: [Tier; 3] = [tier(60, 10), tier(15 * 60, 30), tier(3600, 100)];
/// Attempts an account gets before its first wait.
pub const MAX_ATTEMPTS: u32 = ACCOUNT_TIERS[0].attempts;
/// The longest window: a window that began before this is over everywhere.
pub const WINDOW: jiff::SignedDuration = jiff::SignedDuration::from_secs(3600);
/// The longest e-mail address there is (RFC 5321 path limit less the brackets).
pub const MAX_EMAIL: usize = 254;

static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The throttle's key for an address: SHA-256 of the lower-cased e-mail, so
/// the table never holds addresses.
pub fn throttle_key(email: &str) -> String {
    auth::token_hash(&email.trim().to_lowercase())
}

/// The throttle's key for one tier of a counted thing (never stored in clear).
fn tier_key(kind: &str, key: &str, t: &Tier) -> String {
    format!("{kind}:{}:{key}", t.window.as_secs())
}

/// Counts one attempt on each tier in turn, stopping at the first tier over
/// its limit (later tiers do not count an attempt a shorter one refused, so
/// hammering does not stretch the wait); `Some(wait)` when refused.
fn count_tiers(
    tx: &mut dyn saps_core::port::Tx,
    kind: &str,
    key: &str,
    tiers: &[Tier],
    now: jiff::Timestamp,
) -> Result<Option<jiff::SignedDuration>, Error> {
    for t in tiers {
        let n = tx.count_sign_in_attempt(&tier_key(kind, key, t), now, now - t.window)?;
        if n > t.attempts {
            return Ok(Some(t.window));
        }
    }
    Ok(None)
}

/// What someone signing in gives, and where they come from when known.
#[derive(Clone, Copy, Debug)]
pub struct Credentials<'a> {
    pub email: &'a str,
    pub password: &'a str,
    /// The client's network address (see the web layer for proxies).
    pub client: Option<IpAddr>,
}

impl App {
    /// Exchanges an e-mail and password for a new bearer token (shown once);
    /// throttled per account, without a client address.
    pub async fn issue_token(&self, email: &str, password: &str) -> Result<(String, User), Error> {
        let c = Credentials {
            email,
            password,
            client: None,
        };
        self.issue_token_to(c).await
    }

    /// Exchanges credentials for a new bearer token (shown once), throttled
    /// per account and per client address.
    pub async fn issue_token_to(&self, c: Credentials<'_>) -> Result<(String, User), Error> {
        let user = self.check_credentials(c, clock::wall_now()).await?;
        let token = auth::new_token();
        let hash = auth::token_hash(&token);
        // Wall time: a token's lifetime is real time, whatever the program date.
        let now = clock::wall_now();
        let uid = user.id;
        self.write(move |tx| Ok(tx.insert_token(&hash, uid, now)?))
            .await?;
        Ok((token, user))
    }

    /// Checks a password, throttled per account (no client address known).
    pub async fn check_password(&self, email: &str, password: &str) -> Result<User, Error> {
        let c = Credentials {
            email,
            password,
            client: None,
        };
        self.check_credentials(c, clock::wall_now()).await
    }

    /// Checks credentials as at `now` (wall time: the windows are real time,
    /// whatever the program date), counting the attempt first.
    pub async fn check_credentials(
        &self,
        c: Credentials<'_>,
        now: jiff::Timestamp,
    ) -> Result<User, Error> {
        let email = c.email.trim();
        if email.chars().count() > MAX_EMAIL {
            return Err(Error::invalid(
                "email",
                format!("an e-mail address has at most {MAX_EMAIL} characters"),
            ));
        }
        let email = email.to_lowercase();
        let account = throttle_key(&email);
        let client = c.client.map(|ip| auth::token_hash(&ip.to_string()));
        let counted = account.clone();
        let counted_client = client.clone();
        let wait = self
            .write(move |tx| {
                if let Some(ip) = &counted_client
                    && let Some(wait) = count_tiers(tx, "client", ip, &CLIENT_TIERS, now)?
                {
                    return Ok(Some(wait));
                }
                count_tiers(tx, "account", &counted, &ACCOUNT_TIERS, now)
            })
            .await?;
        if let Some(wait) = wait {
            let minutes = wait.as_secs().div_euclid(60).max(1);
            return Err(Error::Throttled(format!(
                "Too many failed sign-ins; try again in at most {minutes} minute(s)."
            )));
        }
        let user = self.read(move |tx| Ok(tx.user_by_email(&email)?)).await?;
        let password = c.password.to_owned();
        let ok = match &user {
            Some(u) => auth::verify_off_thread(password, u.password_hash.clone()).await,
            None => {
                // Spend the same time as a real check so timing does not reveal accounts.
                let dummy = match DUMMY_HASH.get() {
                    Some(h) => h.clone(),
                    None => {
                        let h = auth::hash_off_thread("dummy password".into()).await;
                        DUMMY_HASH.get_or_init(|| h).clone()
                    }
                };
                auth::verify_off_thread(password, dummy).await;
                false
            }
        };
        match user {
            // A disabled user is refused exactly like a wrong password (its
            // attempt stays counted), so refusals reveal nothing about accounts.
            Some(user) if ok && !user.disabled => {
                self.write(move |tx| {
                    for t in &ACCOUNT_TIERS {
                        tx.clear_sign_in_attempts(&tier_key("account", &account, t))?;
                    }
                    // A client's windows count its failures: the attempt counted
                    // before the check is taken back, so that many people signing
                    // in from one address (an office, a proxy) are never slowed,
                    // while a success cannot wipe out the failures before it.
                    if let Some(ip) = &client {
                        for t in &CLIENT_TIERS {
                            tx.forget_sign_in_attempt(&tier_key("client", ip, t))?;
                        }
                    }
                    Ok(())
                })
                .await?;
                Ok(user)
            }
            _ => Err(Error::Unauthenticated),
        }
    }

    /// Forgets throttling windows that are over; returns how many.
    pub async fn purge_sign_in_attempts(&self) -> Result<u64, Error> {
        let before = clock::wall_now() - WINDOW;
        self.write(move |tx| Ok(tx.purge_sign_in_attempts(before)?))
            .await
    }

    /// The user behind a bearer token.
    pub async fn authenticate(&self, token: &str) -> Result<User, Error> {
        let hash = auth::token_hash(token);
        let issued_after = jiff::Timestamp::now() - TOKEN_LIFETIME;
        self.read(move |tx| {
            tx.user_by_token(&hash, issued_after)?
                .ok_or(Error::Unauthenticated)
        })
        .await
    }

    /// Revokes a bearer token or browser session.
    pub async fn revoke_token(&self, token: &str) -> Result<(), Error> {
        let hash = auth::token_hash(token);
        self.write(move |tx| Ok(tx.delete_token(&hash)?)).await
    }
}
