//! The OpenAPI document is checked in: a change to the API shows up as a diff
//! in review, and a stale snapshot fails. Regenerate with
//! `SAPS_UPDATE_SNAPSHOTS=1 cargo test -p saps-testkit --test openapi_snapshot`.

#[test]
fn the_openapi_document_matches_its_snapshot() {
    let doc = serde_json::to_string_pretty(&saps_web::api::document()).unwrap() + "\n";
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json");
    if std::env::var_os("SAPS_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &doc).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == doc,
        "the OpenAPI document changed; review it and run \
         SAPS_UPDATE_SNAPSHOTS=1 cargo test -p saps-testkit --test openapi_snapshot"
    );
}
