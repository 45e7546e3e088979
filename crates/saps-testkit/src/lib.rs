//! The saps test kit: the store contract suite that every storage adapter
//! must pass ([`contract`], run with [`contract_tests!`]), `TestApp`, and the
//! check of every answer it sees against the served OpenAPI document
//! ([`schema_check`]).

pub mod contract;
pub mod pg;
pub mod schema_check;
pub mod smtp;
pub mod testapp;
