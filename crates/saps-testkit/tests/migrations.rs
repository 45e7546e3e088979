//! Both databases list the same migration steps, in the same order, and the
//! files on disk are the ones embedded.

#[test]
fn sqlite_and_postgres_list_the_same_migration_steps() {
    let names = |m: &[(&str, &str)]| m.iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>();
    assert_eq!(
        names(saps_sqlite::MIGRATIONS),
        names(saps_postgres::MIGRATIONS)
    );
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for dir in ["saps-sqlite/migrations", "saps-postgres/migrations"] {
        let mut files: Vec<String> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .trim_end_matches(".sql")
                    .to_owned()
            })
            .collect();
        files.sort();
        assert_eq!(files, names(saps_sqlite::MIGRATIONS), "{dir}");
    }
}
