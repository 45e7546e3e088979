//! `saps import`, run as the real binary on SQLite and on PostgreSQL: the
//! shipped sample files import into a fresh database; a file in the other
//! spelling (byte-order mark, `;`, quotes, CRLF) imports the same; every
//! class of bad input is reported with its line and field and changes
//! nothing; a dry run writes nothing.

use saps_core::port::{Store, read_blocking};
use saps_core::{OrgKind, Scope};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAPS: &str = env!("CARGO_BIN_EXE_saps");

/// A database for one test: an SQLite file, or a PostgreSQL database of
/// its own (dropped at the end); with a folder for its files, removed at the end.
enum Db {
    Sqlite(PathBuf),
    Pg(saps_testkit::pg::TestDatabase, PathBuf),
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("saps-import-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Db {
    fn all() -> Vec<Db> {
        vec![
            Db::Sqlite(temp_dir()),
            Db::Pg(saps_testkit::pg::TestDatabase::new(), temp_dir()),
        ]
    }

    fn url(&self) -> String {
        match self {
            Db::Sqlite(dir) => dir.join("import.db").to_string_lossy().into_owned(),
            Db::Pg(d, _) => d.url().to_owned(),
        }
    }

    fn store(&self) -> Box<dyn Store> {
        match self {
            Db::Sqlite(dir) => {
                Box::new(saps_sqlite::SqliteStore::open(&dir.join("import.db")).unwrap())
            }
            Db::Pg(d, _) => Box::new(saps_postgres::PgStore::connect(d.url()).unwrap()),
        }
    }

    /// A new folder for a file to import.
    fn dir(&self) -> PathBuf {
        let (Db::Sqlite(base) | Db::Pg(_, base)) = self;
        let dir = base.join(uuid::Uuid::now_v7().simple().to_string());
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let (Db::Sqlite(base) | Db::Pg(_, base)) = self;
        let _ = std::fs::remove_dir_all(base);
    }
}

/// Everything an import may write, counted.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
struct Counts {
    partners: usize,
    locations: usize,
    trainings: usize,
    competencies: usize,
    exams: usize,
    events: usize,
}

fn counts(db: &Db) -> Counts {
    let store = db.store();
    read_blocking(&*store, |tx| {
        let partners = tx.orgs(OrgKind::Partner)?;
        let mut c = Counts {
            partners: partners.len(),
            locations: 0,
            trainings: 0,
            competencies: 0,
            exams: 0,
            events: 0,
        };
        for p in &partners {
            c.locations += tx.locations(p.id)?.len();
            let q = tx.qualifications(p.id)?;
            c.trainings += q.trainings.len();
            c.competencies += q.competencies.len();
            c.exams += q.exams.len();
        }
        let mut after = 0;
        loop {
            let page = tx.events_after(Scope::All, after, 1000)?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            c.events += page.len();
        }
        Ok(c)
    })
    .unwrap()
}

fn saps(db: &Db, args: &[&str]) -> Output {
    let url = db.url();
    Command::new(SAPS)
        .args(args)
        .args(["--database", &url])
        .env("SAPS_LOG", "warn")
        .env_remove("SAPS_CONFIG")
        .env_remove("SAPS_CLOCK")
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("saps runs")
}

fn ok(db: &Db, args: &[&str]) -> String {
    let out = saps(db, args);
    assert!(
        out.status.success(),
        "saps {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sample(kind: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/import")
        .join(format!("{kind}.csv"))
        .to_string_lossy()
        .into_owned()
}

/// The partners sample imported, and the two consultants the exams sample
/// names added to their companies.
fn with_samples_partners(db: &Db) {
    ok(db, &["import", "partners", &sample("partners")]);
    let store = db.store();
    let ids = read_blocking(&*store, |tx| {
        Ok(tx
            .orgs(OrgKind::Partner)?
            .into_iter()
            .map(|o| (o.name, o.id.to_string()))
            .collect::<Vec<_>>())
    })
    .unwrap();
    drop(store);
    let id = |name: &str| ids.iter().find(|(n, _)| n == name).unwrap().1.clone();
    for (email, partner) in [
        ("ana.silva@contoso.example", "Contoso Consulting"),
        ("jonas.weber@fabrikam.example", "Fabrikam Partners"),
    ] {
        ok(
            db,
            &[
                "user",
                "add",
                "--role",
                "consultant",
                "--email",
                email,
                "--password",
                "import-test-pass",
                "--org-id",
                &id(partner),
            ],
        );
    }
}

#[test]
fn the_sample_files_import_into_a_fresh_database() {
    for db in Db::all() {
        with_samples_partners(&db);
        let before = counts(&db);
        assert_eq!(
            (before.partners, before.locations),
            (3, 5),
            "{db:?}",
            db = db.url()
        );
        for kind in ["trainings", "competencies", "exams"] {
            let out = ok(&db, &["import", kind, &sample(kind)]);
            assert!(out.starts_with("imported "), "{out}");
        }
        let after = counts(&db);
        assert_eq!(
            after,
            Counts {
                trainings: 3,
                competencies: 4,
                exams: 3,
                events: before.events + 10,
                ..before
            }
        );
        // A second import of the same files records nothing twice.
        for (kind, rows) in [("trainings", 4), ("competencies", 5), ("exams", 4)] {
            let out = saps(&db, &["import", kind, &sample(kind)]);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{err}");
            for line in 2..=rows {
                assert!(
                    err.contains(&format!(
                        "{kind}.csv:{line}: row: already recorded: the same "
                    )),
                    "{err}"
                );
            }
        }
        assert_eq!(counts(&db), after);
        // Journaled with the API's kinds.
        let store = db.store();
        let kinds = read_blocking(&*store, |tx| {
            Ok(tx
                .events_after(Scope::All, 0, 1000)?
                .into_iter()
                .map(|e| e.kind)
                .collect::<Vec<_>>())
        })
        .unwrap();
        for (kind, n) in [
            ("partner.created", 3),
            ("training.recorded", 3),
            ("competency.recorded", 4),
            ("exam.recorded", 3),
        ] {
            assert_eq!(kinds.iter().filter(|k| *k == kind).count(), n, "{kind}");
        }
    }
}

#[test]
fn a_file_with_a_bom_semicolons_quotes_and_crlf_imports() {
    for db in Db::all() {
        with_samples_partners(&db);
        let before = counts(&db);
        let file = db.dir().join("competencies.csv");
        let mut first = b"\xEF\xBB\xBF".to_vec();
        first.extend_from_slice(
            "partner;competency;level;valid_until\r\n\
             \"Northwind Traders, Ltd\";Datacenter;GOLD;2027-01-31\r\n\
             \"Contoso\r\nConsulting\";\"Messaging\";silver;2027-02-28\r\n\
             Fabrikam Partners;  datacenter ;silver;2027-03-31\r\n"
                .as_bytes(),
        );
        std::fs::write(&file, &first).unwrap();
        // Line 3's quoted name spans two lines: no partner has it.
        let out = saps(&db, &["import", "competencies", file.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(
            err.contains("competencies.csv:3: partner: there is no partner named"),
            "{err}"
        );
        assert_eq!(counts(&db), before);
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(
            "partner;competency;level;valid_until\r\n\
             \"Northwind Traders, Ltd\";Datacenter;GOLD;2027-01-31\r\n\
             Contoso Consulting;\"Messaging\";silver;2027-02-28\r\n\
             Fabrikam Partners;  datacenter ;silver;2027-03-31\r\n"
                .as_bytes(),
        );
        std::fs::write(&file, &bytes).unwrap();
        ok(&db, &["import", "competencies", file.to_str().unwrap()]);
        let after = counts(&db);
        assert_eq!(after.competencies, 3);
        assert_eq!(after.events, before.events + 3);
    }
}

/// A bad file: the command fails, names each line and field, changes nothing.
fn refused(db: &Db, kind: &str, content: &[u8], expected: &[&str]) {
    let file = db.dir().join(format!("{kind}.csv"));
    std::fs::write(&file, content).unwrap();
    let before = counts(db);
    let out = saps(db, &["import", kind, file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    for e in expected {
        assert!(
            err.contains(&format!("{kind}.csv:{e}")),
            "expected {e:?} in:\n{err}"
        );
    }
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(counts(db), before, "{kind}: {err}");
}

#[test]
fn every_class_of_bad_input_names_its_line_and_field_and_changes_nothing() {
    for db in Db::all() {
        with_samples_partners(&db);
        let good = "Contoso Consulting,Datacenter,gold,2027-06-30\n";
        refused(
            &db,
            "competencies",
            b"partner,competency,level\nContoso Consulting,Datacenter,gold\n",
            &["1: valid_until: missing column \"valid_until\" in the header"],
        );
        let bad_date = format!(
            "partner,competency,level,valid_until\n{good}Contoso Consulting,Datacenter,silver,2027-02-30\n\
             Contoso Consulting,Datacenter,silver,30/06/2027\n"
        );
        refused(
            &db,
            "competencies",
            bad_date.as_bytes(),
            &[
                "3: valid_until: \"2027-02-30\" is not a day of the calendar",
                "4: valid_until: \"30/06/2027\" is not a date: write YYYY-MM-DD",
            ],
        );
        refused(
            &db,
            "trainings",
            b"partner,course,completed_on\nContoso Consulting,Planning Services compliance training,2999-01-01\n",
            &["2: completed_on: 2999-01-01 is after today"],
        );
        let unknown = format!(
            "partner,competency,level,valid_until\n{good}Tailspin Toys,Datacenter,gold,2027-06-30\n\
             Contoso Consulting,Gardening,gold,2027-06-30\nContoso Consulting,Datacenter,platinum,2027-06-30\n"
        );
        refused(
            &db,
            "competencies",
            unknown.as_bytes(),
            &[
                "3: partner: there is no partner named \"Tailspin Toys\"",
                "4: competency: No engagement of the catalog is qualified by the competency \"Gardening\"",
                "5: level: \"platinum\" is not a level",
            ],
        );
        refused(
            &db,
            "exams",
            b"consultant,exam,passed_on\nnobody@contoso.example,AZ-800,2025-01-01\n",
            &[
                "2: consultant: there is no user of a partner with the e-mail \"nobody@contoso.example\"",
            ],
        );
        let duplicate = format!(
            "partner,competency,level,valid_until\n{good}Contoso Consulting,Windows and Devices,gold,2027-06-30\n\
             contoso consulting, DATACENTER ,Gold,2027-06-30\n"
        );
        refused(
            &db,
            "competencies",
            duplicate.as_bytes(),
            &["4: row: the same row as line 2"],
        );
        refused(
            &db,
            "partners",
            b"name,country,location_name\nNew Co,FR,Paris\nNew Co,FR,paris\nContoso Consulting,FR,Nice\n",
            &[
                "3: location_name: the same partner and location as line 2",
                "4: name: a partner named \"Contoso Consulting\" already exists",
            ],
        );
        let mut latin1 = format!("partner,competency,level,valid_until\n{good}").into_bytes();
        latin1.extend_from_slice(b"Soci\xE9t\xE9 G\xE9n\xE9rale,Datacenter,gold,2027-06-30\n");
        refused(
            &db,
            "competencies",
            &latin1,
            &["3: partner: not UTF-8 (byte 0xE9): save the file as UTF-8"],
        );
        let fields = format!(
            "partner,competency,level,valid_until\n{good}Northwind Traders, Ltd,Datacenter,gold,2027-06-30\n\
             Contoso Consulting,Datacenter,gold\n"
        );
        refused(
            &db,
            "competencies",
            fields.as_bytes(),
            &[
                "3: row: 5 fields, but the header has 4",
                "4: row: 3 fields, but the header has 4",
            ],
        );
        refused(
            &db,
            "exams",
            b"\xFF\xFEc\x00o\x00",
            &["1: file: the file is UTF-16"],
        );
    }
}

#[test]
fn a_dry_run_checks_and_shows_but_writes_nothing() {
    for db in Db::all() {
        with_samples_partners(&db);
        let before = counts(&db);
        let out = ok(
            &db,
            &[
                "import",
                "competencies",
                &sample("competencies"),
                "--dry-run",
            ],
        );
        assert!(
            out.contains("line 2: competency \"Datacenter\" (gold) until 2027-06-30"),
            "{out}"
        );
        assert!(
            out.contains("dry run:") && out.contains("nothing was written"),
            "{out}"
        );
        assert_eq!(counts(&db), before);
        // A bad file fails a dry run too.
        let file = db.dir().join("competencies.csv");
        std::fs::write(
            &file,
            "partner,competency,level,valid_until\nNobody,Datacenter,gold,2027-01-01\n",
        )
        .unwrap();
        let out = saps(
            &db,
            &[
                "import",
                "competencies",
                file.to_str().unwrap(),
                "--dry-run",
            ],
        );
        assert!(!out.status.success());
        assert_eq!(counts(&db), before);
    }
}

#[test]
fn locations_are_added_to_a_stored_partner_by_id() {
    for db in Db::all() {
        with_samples_partners(&db);
        let store = db.store();
        let contoso = read_blocking(&*store, |tx| {
            Ok(tx
                .orgs(OrgKind::Partner)?
                .into_iter()
                .find(|o| o.name == "Contoso Consulting")
                .unwrap()
                .id)
        })
        .unwrap();
        drop(store);
        let before = counts(&db);
        let file = db.dir().join("partners.csv");
        std::fs::write(
            &file,
            format!(
                "partner_id,name,country,location_name,location_city,location_country\n\
                 {contoso},,,Contoso Marseille,Marseille,\n{contoso},,,Contoso Geneva,Geneva,ch\n"
            ),
        )
        .unwrap();
        ok(&db, &["import", "partners", file.to_str().unwrap()]);
        let after = counts(&db);
        assert_eq!(after.partners, before.partners);
        assert_eq!(after.locations, before.locations + 2);
        assert_eq!(after.events, before.events + 2);
    }
}

#[test]
fn the_journal_names_the_operator_given_as_actor_and_only_an_operator() {
    for db in Db::all() {
        with_samples_partners(&db);
        ok(
            &db,
            &[
                "user",
                "add",
                "--role",
                "operator",
                "--email",
                "op@import.example",
                "--password",
                "import-test-pass",
            ],
        );
        let before = counts(&db);
        let refused = saps(
            &db,
            &[
                "import",
                "trainings",
                &sample("trainings"),
                "--actor",
                "ana.silva@contoso.example",
            ],
        );
        assert!(!refused.status.success());
        let err = String::from_utf8_lossy(&refused.stderr);
        assert!(
            err.contains("--actor: ana.silva@contoso.example is not an operator"),
            "{err}"
        );
        assert_eq!(counts(&db), before);
        ok(
            &db,
            &[
                "import",
                "trainings",
                &sample("trainings"),
                "--actor",
                "OP@import.example",
            ],
        );
        let store = db.store();
        let (op, actors) = read_blocking(&*store, |tx| {
            let op = tx.user_by_email("op@import.example")?.unwrap().id;
            let actors = tx
                .events_after(Scope::All, 0, 1000)?
                .into_iter()
                .filter(|e| e.kind == "training.recorded")
                .map(|e| e.actor_id)
                .collect::<Vec<_>>();
            Ok((op, actors))
        })
        .unwrap();
        assert_eq!(actors, vec![Some(op); 3]);
    }
}

#[test]
fn columns_in_any_order_and_case_and_at_most_a_hundred_errors() {
    for db in Db::all() {
        with_samples_partners(&db);
        let before = counts(&db);
        let mut text = String::from("Valid_Until,LEVEL,Competency, Partner \n");
        for day in 1..=150 {
            text.push_str(&format!(
                "2027-01-{day:02},gold,Datacenter,Contoso Consulting\n"
            ));
        }
        let file = db.dir().join("competencies.csv");
        std::fs::write(&file, &text).unwrap();
        let out = saps(&db, &["import", "competencies", file.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        // Days 1 to 31 are good; each later one is not a day (2027-01-32 …).
        assert!(
            err.contains("competencies.csv:33: valid_until: \"2027-01-32\" is not a day"),
            "{err}"
        );
        assert_eq!(err.matches(": valid_until: ").count(), 100, "{err}");
        assert!(
            err.contains("100 error(s)") && err.contains("stopped after the first 100"),
            "{err}"
        );
        assert_eq!(counts(&db), before);
        // The partner's rows of one name must agree on the country.
        refused(
            &db,
            "partners",
            b"name,country,location_name\nNew Co,FR,Paris\nNew Co,DE,Berlin\nOther,XX1,Rome\n",
            &[
                "3: country: DE differs from FR on line 2 for the same partner",
                "4: country:",
            ],
        );
        text.truncate(text.find("2027-01-32").unwrap());
        std::fs::write(&file, &text).unwrap();
        ok(&db, &["import", "competencies", file.to_str().unwrap()]);
        assert_eq!(counts(&db).competencies, before.competencies + 31);
    }
}
