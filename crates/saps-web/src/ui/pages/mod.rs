//! The pages, one module per feature. A page uses the shared page helpers
//! (`ui::page`, `ui::form`, the extractors) and never another page.

pub mod agreement;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod conversions;
pub mod delivery;
pub mod directory;
pub mod home;
pub mod outbox;
pub mod partners;
pub mod payments;
pub mod planning;
pub mod profile;
pub mod program;
pub mod redeem;
pub mod settings;
pub mod users;
pub mod voucher_new;
pub mod vouchers;
pub mod vvr;
pub mod webhooks;
