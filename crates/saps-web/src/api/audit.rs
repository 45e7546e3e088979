//! The tamper-evident journal's head, for an auditor to record and later
//! give to `saps audit verify --head SEQ:HASH`.

use super::{Refusal, ok};
use crate::AppState;
use crate::extract::Caller;
use crate::problem::ApiResult;
use axum::extract::State;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(audit_head))
}

/// The journal's head: the last sealed event's sequence number and hash.
/// The journal is one chain in `seq` order (sealed behind the writers on
/// PostgreSQL, so the newest events of the last seconds may not be in it
/// yet); an empty journal's head is seq 0 and 64 zeros.
#[derive(Serialize, ToSchema)]
struct AuditHead {
    /// The last sealed event's sequence number.
    seq: i64,
    /// Its SHA-256 hash over its canonical encoding, 64 hexadecimal digits.
    #[schema(pattern = "^[0-9a-f]{64}$")]
    hash: String,
}

/// The journal's head to record (operator)
#[utoipa::path(
    get,
    path = "/api/v1/audit/head",
    tag = "journal",
    responses(
        (status = 200, description = "The head: pass it as `saps audit verify --head SEQ:HASH` later",
         body = AuditHead),
        (status = 403, response = Refusal),
    )
)]
async fn audit_head(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    let head = st.app.audit_head(&c.actor).await?;
    Ok(ok(match head {
        Some(h) => AuditHead {
            seq: h.seq,
            hash: h.hash,
        },
        None => AuditHead {
            seq: 0,
            hash: saps_core::chain::GENESIS.to_owned(),
        },
    }))
}
