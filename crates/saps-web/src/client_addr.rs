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
        if !st.app.settings.trusted_proxy {
            return Ok(ClientAddr(peer));
        }
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .next_back()
            .and_then(|hop| hop.trim().parse::<IpAddr>().ok());
        Ok(ClientAddr(forwarded.or(peer)))
    }
}
