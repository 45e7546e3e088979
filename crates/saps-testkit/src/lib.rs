//! The saps test kit: the store contract suite that every storage adapter
//! must pass ([`contract`], run with [`contract_tests!`]).

pub mod contract;
pub mod pg;
pub mod testapp;
