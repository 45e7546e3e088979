//! Passwords (argon2id) and bearer tokens (random, shown once, stored as SHA-256).

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use rand::RngExt;
use sha2::{Digest, Sha256};

/// Hashes a password with argon2id and a random salt.
pub fn hash_password(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2 with default parameters accepts any password")
        .to_string()
}

/// Checks a password against a stored hash; a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).ok().is_some_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// How many argon2 runs may go at once: one per core, so that a flood of
/// sign-ins queues here instead of taking every blocking thread and core.
fn argon2_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        tokio::sync::Semaphore::new(cores)
    })
}

/// Runs argon2 work on the blocking pool, at most one per core at a time, so
/// the async workers (and `/healthz`) stay free under a flood of sign-ins.
async fn off_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let _slot = argon2_slots()
        .acquire()
        .await
        .expect("the argon2 semaphore is never closed");
    match tokio::task::spawn_blocking(work).await {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// [`hash_password`] on the bounded blocking pool.
pub async fn hash_off_thread(password: String) -> String {
    off_thread(move || hash_password(&password)).await
}

/// [`verify_password`] on the bounded blocking pool.
pub async fn verify_off_thread(password: String, hash: String) -> bool {
    off_thread(move || verify_password(&password, &hash)).await
}

/// A fresh API token: 32 random bytes, hex, with a recognisable prefix.
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    let mut s = String::from("saps_");
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// What is stored for a token: its SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Rules for new passwords.
pub fn check_password(password: &str) -> Result<(), String> {
    if password.chars().count() < 8 {
        return Err("a password needs at least 8 characters".into());
    }
    if password.len() > 1024 {
        return Err("a password may have at most 1024 bytes".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_only_against_its_own_hash() {
        let h = hash_password("correct horse");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("wrong horse", &h));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    /// On one async thread, a task beside a password check runs while argon2
    /// works: the check yields instead of holding the thread (a check made
    /// inline finishes on its first poll, before the other task starts).
    #[tokio::test(flavor = "current_thread")]
    async fn a_password_check_leaves_the_async_thread_free_while_argon2_runs() {
        let hash = hash_password("correct horse");
        let beside = std::sync::atomic::AtomicBool::new(false);
        let check = async {
            let ok = verify_off_thread("correct horse".into(), hash).await;
            (ok, beside.load(std::sync::atomic::Ordering::SeqCst))
        };
        let other = async { beside.store(true, std::sync::atomic::Ordering::SeqCst) };
        let ((ok, other_ran_meanwhile), ()) = tokio::join!(check, other);
        assert!(ok);
        assert!(other_ran_meanwhile);
        assert!(hash_off_thread("x".into()).await.starts_with("$argon2id$"));
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let a = new_token();
        assert_ne!(a, new_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
