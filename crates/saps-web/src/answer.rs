//! How each domain error is answered over HTTP: its status and stable code.
//! The API's problem+json and the UI's error pages and form messages both
//! take their status from here, so a refusal means the same on either side.

use axum::http::StatusCode;
use saps_core::{Error, StoreError};

/// The HTTP side of a domain error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: StatusCode,
    /// The stable code of the API contract (`rule.voucher_expired` …).
    pub code: String,
}

/// The one mapping from a domain error to its HTTP status and code.
pub fn answer(e: &Error) -> Answer {
    Answer {
        status: status(e),
        code: e.code(),
    }
}

/// The status of a domain error.
pub fn status(e: &Error) -> StatusCode {
    match e {
        Error::Rule(_) | Error::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Error::NotFound(_) => StatusCode::NOT_FOUND,
        Error::Conflict { .. } | Error::Store(StoreError::Duplicate(_)) => StatusCode::CONFLICT,
        Error::Forbidden(_) => StatusCode::FORBIDDEN,
        Error::Unauthenticated => StatusCode::UNAUTHORIZED,
        Error::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
        // A lost race or a stale row: the same request may succeed in a moment.
        Error::Store(StoreError::Retry | StoreError::Stale) => StatusCode::SERVICE_UNAVAILABLE,
        Error::Store(StoreError::Backend(_)) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Whether the person who sent the request can fix it by changing what they
/// sent: a form shows such an error in place rather than on an error page.
pub fn is_correctable(e: &Error) -> bool {
    matches!(
        e,
        Error::Rule(_)
            | Error::Invalid { .. }
            | Error::Conflict { .. }
            | Error::Store(StoreError::Duplicate(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use saps_core::{Entity, Rule};

    fn expect(e: Error, status: u16, code: &str) {
        let a = answer(&e);
        assert_eq!(
            (a.status.as_u16(), a.code.as_str()),
            (status, code),
            "{e:?}"
        );
    }

    #[test]
    fn every_error_variant_has_its_status_and_code() {
        expect(
            Error::Rule(Rule::EndsBeforeStart),
            422,
            "rule.ends_before_start",
        );
        expect(Error::NotFound(Entity::Voucher), 404, "voucher.not_found");
        expect(
            Error::Conflict {
                entity: Entity::Voucher,
                message: "taken".into(),
            },
            409,
            "voucher.conflict",
        );
        expect(Error::forbidden("no"), 403, "auth.forbidden");
        expect(
            Error::invalid("start_date", "bad"),
            422,
            "validation.start_date",
        );
        expect(Error::Unauthenticated, 401, "auth.unauthenticated");
        expect(Error::Throttled("wait".into()), 429, "auth.throttled");
        expect(Error::Store(StoreError::Retry), 503, "store.busy");
        expect(Error::Store(StoreError::Stale), 503, "store.busy");
        expect(
            Error::Store(StoreError::Duplicate("agreement")),
            409,
            "store.duplicate",
        );
        expect(
            Error::Store(StoreError::Backend("disk".into())),
            500,
            "internal",
        );
    }

    #[test]
    fn a_duplicate_is_a_conflict_the_user_can_correct() {
        let e = Error::Store(StoreError::Duplicate("user"));
        assert_eq!(status(&e), StatusCode::CONFLICT);
        assert!(is_correctable(&e));
        assert!(!is_correctable(&Error::Store(StoreError::Retry)));
        assert!(!is_correctable(&Error::NotFound(Entity::Voucher)));
    }
}
