//! The store contract on PostgreSQL: a fresh database per test, on the server
//! named by `SAPS_TEST_DATABASE_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`). An unreachable server fails
//! every test; none is skipped.

saps_testkit::contract_tests!(saps_testkit::pg::FreshPgStore::new);
