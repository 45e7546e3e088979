//! The client's network address, for the sign-in throttle.
//!
//! It is the peer of the TCP connection (axum's `ConnectInfo`), unless the
//! `trusted_proxy` setting says saps runs behind one reverse proxy: then it is
//! the **last** `X-Forwarded-For` entry, the one that proxy appended. The
//! first entry is whatever the client chose to send, so trusting it would let
//! anyone pick a fresh address per guess. Without a trusted proxy the header
//! is ignored for the same reason. In-process requests (tests) have no peer:
//! the throttle then counts per account only.

use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

/// Where a request comes from, when known.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;
    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientAddr(client(
            peer,
            &parts.headers,
            st.app.settings.trusted_proxy,
        )))
    }
}

/// The address to throttle: the peer, or behind a trusted proxy the last
/// `X-Forwarded-For` entry (the peer when that is missing or malformed).
fn client(peer: Option<IpAddr>, headers: &HeaderMap, trusted_proxy: bool) -> Option<IpAddr> {
    if !trusted_proxy {
        return peer;
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()
        .and_then(|hop| hop.trim().parse::<IpAddr>().ok());
    forwarded.or(peer)
}

#[cfg(test)]
mod tests {
    use super::client;
    use axum::http::HeaderMap;
    use std::net::IpAddr;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().expect("ip"))
    }

    #[test]
    fn the_client_is_the_peer_unless_a_trusted_proxy_appended_it_last() {
        let mut h = HeaderMap::new();
        h.append(
            "x-forwarded-for",
            "192.0.2.66, 203.0.113.7".parse().unwrap(),
        );
        h.append("x-forwarded-for", "198.51.100.9".parse().unwrap());
        let peer = ip("10.0.0.2");
        // Without a trusted proxy the header is whatever a client sent: ignored.
        assert_eq!(client(peer, &h, false), peer);
        // Behind one, the entry it appended (the last) — never the first, which the client chose.
        assert_eq!(client(peer, &h, true), ip("198.51.100.9"));
        let mut garbled = HeaderMap::new();
        garbled.insert(
            "x-forwarded-for",
            "203.0.113.7, not-an-address".parse().unwrap(),
        );
        assert_eq!(client(peer, &garbled, true), peer);
        assert_eq!(client(peer, &HeaderMap::new(), true), peer);
    }
}
