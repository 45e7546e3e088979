//! Webhooks, the pure part: which URLs a subscription may name (and which
//! addresses a delivery may connect to), the Standard Webhooks signature, the
//! retry schedule and when a failing subscription is disabled.
//!
//! Time is an argument everywhere; nothing here does I/O.

use crate::error::Error;
use crate::event::EventBody;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{KeyInit, Mac};
use jiff::{SignedDuration, Timestamp};
use std::net::{IpAddr, Ipv4Addr};

/// The prefix of a Standard Webhooks secret; the rest is the key in base64.
pub const SECRET_PREFIX: &str = "whsec_";

/// How many random bytes a new secret has (the specification asks for 24 to 64).
pub const SECRET_BYTES: usize = 32;

/// The kind of the event "send a test event" delivers. It is not a journal
/// kind: nothing happened, and no subscription names it.
pub const TEST_KIND: &str = "webhook.test";

/// A new secret from random bytes, as shown to the subscriber once.
pub fn secret_from_bytes(bytes: &[u8]) -> String {
    format!("{SECRET_PREFIX}{}", BASE64.encode(bytes))
}

/// The HMAC key of a secret: its base64 part decoded.
pub fn secret_key(secret: &str) -> Result<Vec<u8>, Error> {
    let encoded = secret
        .strip_prefix(SECRET_PREFIX)
        .ok_or_else(|| Error::invalid("secret", "a webhook secret starts with whsec_"))?;
    BASE64
        .decode(encoded)
        .map_err(|e| Error::invalid("secret", format!("a webhook secret is base64: {e}")))
}

/// The `webhook-signature` header of a message: `v1,` and the base64
/// HMAC-SHA256 of `id.timestamp.body` keyed by the secret's bytes.
pub fn signature(key: &[u8], id: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
}

/// The event kinds a subscription names: each known, none twice, at least one.
pub fn check_kinds(kinds: &[String]) -> Result<Vec<String>, Error> {
    if kinds.is_empty() {
        return Err(Error::invalid("events", "name at least one event kind"));
    }
    let mut out: Vec<String> = Vec::with_capacity(kinds.len());
    for k in kinds {
        if !EventBody::KINDS.contains(&k.as_str()) {
            return Err(Error::invalid(
                "events",
                format!("{k:?} is not an event kind (see the event feed for the kinds)"),
            ));
        }
        if !out.contains(k) {
            out.push(k.clone());
        }
    }
    Ok(out)
}

/// The longest URL a subscription may name.
pub const MAX_URL_LEN: usize = 2000;

/// A subscription's URL, parsed: http or https, a host, no credentials.
pub fn check_url(raw: &str) -> Result<url::Url, Error> {
    let bad = |m: &str| Error::invalid("url", m.to_owned());
    if raw.len() > MAX_URL_LEN {
        return Err(bad("the URL is too long (2000 characters at most)"));
    }
    let url = url::Url::parse(raw.trim()).map_err(|e| bad(&format!("not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("the URL must start with http:// or https://"));
    }
    if url.host().is_none() {
        return Err(bad("the URL has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("the URL may not carry a user name or password"));
    }
    Ok(url)
}

/// Why an address is not one a webhook may reach (unless private addresses
/// are allowed), or `None` for a public address.
pub fn private_address(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => private_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return private_v4(v4).or(Some("an IPv4-mapped address"));
            }
            let seg = v6.segments();
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("the unspecified address")
            } else if seg[0] & 0xfe00 == 0xfc00 {
                Some("a unique local address")
            } else if seg[0] & 0xffc0 == 0xfe80 {
                Some("link-local")
            } else if seg[0] & 0xff00 == 0xff00 {
                Some("multicast")
            } else if seg[0] == 0x64 && seg[1] == 0xff9b {
                // NAT64 reaches IPv4 addresses, private ones included.
                Some("a NAT64 address")
            } else if seg[0] == 0x2002 || (seg[0] == 0x2001 && seg[1] == 0) {
                // 6to4 and Teredo embed IPv4 addresses.
                Some("a tunnel address")
            } else if seg[0] == 0x2001 && seg[1] == 0x0db8 {
                Some("a documentation address")
            } else {
                None
            }
        }
    }
}

fn private_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_unspecified() || a == 0 {
        Some("the unspecified network")
    } else if ip.is_private() {
        Some("a private address")
    } else if ip.is_link_local() {
        // Also the cloud metadata address 169.254.169.254.
        Some("link-local")
    } else if a == 100 && (64..128).contains(&b) {
        Some("shared address space")
    } else if ip.is_broadcast() || ip.is_multicast() || a >= 240 {
        Some("a broadcast, multicast or reserved address")
    } else if ip.is_documentation() || (a == 198 && (b == 18 || b == 19)) || (a == 192 && b == 0) {
        Some("a reserved address")
    } else {
        None
    }
}

/// Refuses a URL whose host resolved to an address a webhook may not reach.
pub fn check_addresses(addresses: &[IpAddr], allow_private: bool) -> Result<(), Error> {
    if addresses.is_empty() {
        return Err(Error::invalid("url", "the URL's host does not resolve"));
    }
    if allow_private {
        return Ok(());
    }
    match addresses
        .iter()
        .find_map(|ip| private_address(*ip).map(|why| (ip, why)))
    {
        Some((ip, why)) => Err(Error::invalid(
            "url",
            format!("the URL's host resolves to {ip}, {why}, which webhooks may not reach"),
        )),
        None => Ok(()),
    }
}

/// Waits after each failed attempt: the first retry within seconds, then
/// growing, the last about a day after the first attempt (in all 23 h 55 min).
pub const RETRY_DELAYS: [SignedDuration; 10] = [
    SignedDuration::from_secs(5),
    SignedDuration::from_secs(30),
    SignedDuration::from_mins(2),
    SignedDuration::from_mins(10),
    SignedDuration::from_mins(30),
    SignedDuration::from_hours(1),
    SignedDuration::from_hours(2),
    SignedDuration::from_mins(4 * 60 + 12),
    SignedDuration::from_hours(8),
    SignedDuration::from_hours(8),
];

/// When to try a delivery again after its `attempts`-th failed attempt at
/// `now`; `None` once it has had every try (it failed for good).
pub fn next_attempt(attempts: u32, now: Timestamp) -> Option<Timestamp> {
    let i = usize::try_from(attempts).ok()?.checked_sub(1)?;
    RETRY_DELAYS.get(i).map(|d| now + *d)
}

/// How long a subscription may fail (every attempt, no success) before it is
/// disabled.
pub const DISABLE_AFTER: SignedDuration = SignedDuration::from_hours(24);

/// Whether a subscription failing since `failing_since` is disabled at `now`.
pub fn should_disable(failing_since: Option<Timestamp>, now: Timestamp) -> bool {
    failing_since.is_some_and(|since| now.duration_since(since) >= DISABLE_AFTER)
}

/// What came of one attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttemptOutcome {
    /// A 2xx answer.
    Delivered { status: u16 },
    /// Any other answer (a redirect included: it is never followed).
    Refused { status: u16 },
    /// No answer: the address was refused, the connection failed or timed out.
    Failed { error: String },
}

impl AttemptOutcome {
    pub fn from_status(status: u16) -> Self {
        if (200..300).contains(&status) {
            Self::Delivered { status }
        } else {
            Self::Refused { status }
        }
    }

    pub fn delivered(&self) -> bool {
        matches!(self, Self::Delivered { .. })
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Delivered { status } | Self::Refused { status } => Some(*status),
            Self::Failed { .. } => None,
        }
    }

    /// A word for metrics and the delivery log.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Delivered { .. } => "delivered",
            Self::Refused { .. } => "refused",
            Self::Failed { .. } => "failed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_round_trips_to_its_key() {
        let s = secret_from_bytes(&[7u8; SECRET_BYTES]);
        assert!(s.starts_with("whsec_"));
        assert_eq!(secret_key(&s).unwrap(), vec![7u8; SECRET_BYTES]);
        assert!(secret_key("nope").is_err());
    }

    #[test]
    fn the_signature_matches_the_specification_example() {
        // The example of the Standard Webhooks specification.
        let key = secret_key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(
            signature(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn private_loopback_link_local_and_mapped_addresses_are_refused() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            let ip: IpAddr = ip.parse().unwrap();
            assert!(private_address(ip).is_some(), "{ip} should be refused");
            assert_eq!(
                check_addresses(&[ip], false).unwrap_err().code(),
                "validation.url"
            );
            assert!(check_addresses(&[ip], true).is_ok());
        }
        for ip in [
            "93.184.216.34",
            "2606:2800:220:1:248:1893:25c8:1946",
            "8.8.8.8",
        ] {
            assert_eq!(private_address(ip.parse().unwrap()), None, "{ip}");
        }
    }

    #[test]
    fn one_private_address_among_public_ones_is_refused() {
        let ips = ["8.8.8.8".parse().unwrap(), "127.0.0.1".parse().unwrap()];
        assert!(check_addresses(&ips, false).is_err());
    }

    #[test]
    fn only_http_and_https_urls_with_a_host_are_accepted() {
        assert!(check_url("https://example.com/hook").is_ok());
        assert!(check_url("http://example.com:8080/hook?x=1").is_ok());
        for bad in [
            "ftp://example.com/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "nope",
            "",
            "https://user:pw@example.com/",
        ] {
            assert_eq!(
                check_url(bad).unwrap_err().code(),
                "validation.url",
                "{bad}"
            );
        }
    }

    #[test]
    fn kinds_must_be_journal_kinds() {
        assert_eq!(
            check_kinds(&["voucher.created".into(), "voucher.created".into()]).unwrap(),
            vec!["voucher.created".to_owned()]
        );
        assert_eq!(check_kinds(&[]).unwrap_err().code(), "validation.events");
        assert_eq!(
            check_kinds(&["voucher.eaten".into()]).unwrap_err().code(),
            "validation.events"
        );
    }

    #[test]
    fn retries_start_within_ten_seconds_and_stop_after_about_a_day() {
        let t0 = Timestamp::UNIX_EPOCH;
        let first = next_attempt(1, t0).unwrap();
        assert!(first.duration_since(t0) <= SignedDuration::from_secs(10));
        let total: SignedDuration = RETRY_DELAYS.iter().copied().sum();
        assert!(total <= SignedDuration::from_hours(24) && total >= SignedDuration::from_hours(23));
        assert!(next_attempt(RETRY_DELAYS.len() as u32 + 1, t0).is_none());
        assert!(next_attempt(0, t0).is_none());
    }

    #[test]
    fn a_subscription_failing_for_a_day_is_disabled() {
        let t0 = Timestamp::UNIX_EPOCH;
        assert!(!should_disable(None, t0));
        assert!(!should_disable(
            Some(t0),
            t0 + SignedDuration::from_hours(23)
        ));
        assert!(should_disable(
            Some(t0),
            t0 + SignedDuration::from_hours(24)
        ));
    }

    #[test]
    fn redirects_and_errors_are_not_deliveries() {
        assert!(AttemptOutcome::from_status(204).delivered());
        assert!(!AttemptOutcome::from_status(302).delivered());
        assert!(!AttemptOutcome::from_status(500).delivered());
    }
}
