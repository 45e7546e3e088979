//! The saps domain, pure: ids, voucher codes, days and money, the voucher
//! lifecycle and its rules, the program and its calendar, the journal, and the
//! storage port. No I/O; time is always an argument.

pub mod authz;
pub mod chain;
pub mod code;
pub mod conversion;
pub mod delivery;
pub mod directory;
pub mod eligibility;
pub mod error;
pub mod event;
pub mod handoff;
pub mod iban;
pub mod ids;
pub mod journal;
pub mod locale_format;
pub mod notify;
pub mod org;
pub mod payment;
pub mod port;
pub mod profile;
pub mod program;
pub mod quantity;
pub mod voucher;
pub mod webhook;
pub mod what_if;

pub use code::{CodeError, VoucherCode};
pub use error::{Entity, Error, Result, Rule, StoreError};
pub use event::EventBody;
pub use ids::*;
pub use journal::{Event, LedgerEntry, LedgerReason, NewEvent, Scope};
pub use org::{Actor, Locale, Location, Org, OrgKind, Role, User};
pub use program::{
    Engagement, ExpiryAnchor, Milestone, MilestoneName, Offering, Program, ReminderOffsets,
};
pub use quantity::{Currency, Days, Money, program_date};
pub use voucher::{Agreement, Reservation, Transition, Voucher, VoucherState};
