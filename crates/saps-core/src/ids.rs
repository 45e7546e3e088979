//! Typed identifiers: UUID v7 (time-ordered) newtypes, one per kind of thing.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    /// An organisation: the operator, a partner company or a customer.
    OrgId,
    /// A person who signs in.
    UserId,
    /// A partner's delivery location.
    LocationId,
    /// A customer's Software Assurance agreement (and its pool of days).
    AgreementId,
    /// A voucher (its public handle is the [`crate::VoucherCode`]).
    VoucherId,
    /// A journal event.
    EventId,
    /// A ledger entry moving days.
    EntryId,
    /// A completion report a partner submitted for a voucher.
    ReportId,
    /// One deliverable file attached to a completion report.
    DeliverableId,
);
