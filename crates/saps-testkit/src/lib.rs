//! The saps test kit: the store contract suite that every storage adapter
//! must pass ([`contract`], run with [`contract_tests!`]).

pub mod contract;
pub mod contract_jobs;
pub mod contract_throttle;
pub mod pg;
pub mod testapp;
