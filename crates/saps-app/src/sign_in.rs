//! Signing in and out: passwords exchanged for tokens, with a throttle on
//! failed attempts kept in the database so that it holds across nodes.
//!
//! An attempt is counted before the password is checked, in one conditional
//! write that returns the count in the window: of any number of concurrent
//! guesses at one address, at most [`MAX_ATTEMPTS`] reach argon2, and the rest
//! are refused. A successful sign-in clears the count.

use crate::{App, TOKEN_LIFETIME, auth, clock};
use saps_core::{Error, User};

/// Attempts allowed per address in a window; more are refused until it ends.
pub const MAX_ATTEMPTS: u32 = 5;
/// How long a throttling window lasts, from its first attempt.
pub const WINDOW: jiff::SignedDuration = jiff::SignedDuration::from_mins(15);
/// The longest e-mail address there is (RFC 5321 path limit less the brackets).
pub const MAX_EMAIL: usize = 254;

static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The throttle's key for an address: SHA-256 of the lower-cased e-mail, so
/// the table never holds addresses.
pub fn throttle_key(email: &str) -> String {
    auth::token_hash(&email.trim().to_lowercase())
}

impl App {
    /// Exchanges an e-mail and password for a new bearer token (shown once).
    /// Attempts per address are throttled: after 5 within 15 minutes without
    /// a success, further attempts are refused until the window passes.
    pub async fn issue_token(&self, email: &str, password: &str) -> Result<(String, User), Error> {
        let user = self.check_password(email, password).await?;
        let token = auth::new_token();
        let hash = auth::token_hash(&token);
        // Wall time: a token's lifetime is real time, whatever the program date.
        let now = clock::wall_now();
        let uid = user.id;
        self.write(move |tx| Ok(tx.insert_token(&hash, uid, now)?))
            .await?;
        Ok((token, user))
    }

    /// Checks a password, with throttling; used by the token endpoint and the
    /// login form.
    pub async fn check_password(&self, email: &str, password: &str) -> Result<User, Error> {
        let email = email.trim();
        if email.chars().count() > MAX_EMAIL {
            return Err(Error::invalid(
                "email",
                format!("an e-mail address has at most {MAX_EMAIL} characters"),
            ));
        }
        let email = email.to_lowercase();
        let key = throttle_key(&email);
        // Wall time: the window is real time, whatever the program date.
        let now = clock::wall_now();
        let window_start = now - WINDOW;
        let counted = key.clone();
        let attempts = self
            .write(move |tx| Ok(tx.count_sign_in_attempt(&counted, now, window_start)?))
            .await?;
        if attempts > MAX_ATTEMPTS {
            return Err(Error::Throttled(
                "Too many failed sign-ins for this address; try again in 15 minutes.".into(),
            ));
        }
        let user = self.read(move |tx| Ok(tx.user_by_email(&email)?)).await?;
        let ok = match &user {
            Some(u) => auth::verify_password(password, &u.password_hash),
            None => {
                // Spend the same time as a real check so timing does not reveal accounts.
                let dummy = DUMMY_HASH.get_or_init(|| auth::hash_password("dummy password"));
                auth::verify_password(password, dummy);
                false
            }
        };
        match user {
            Some(user) if ok => {
                self.write(move |tx| Ok(tx.clear_sign_in_attempts(&key)?))
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
