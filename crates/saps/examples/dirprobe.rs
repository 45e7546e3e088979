use saps_core::port::{DirectoryQuery, read_blocking};
use std::time::Instant;
fn main() {
    let store: std::sync::Arc<dyn saps_core::port::Store> = std::sync::Arc::new(
        saps_sqlite::SqliteStore::open(std::path::Path::new(&std::env::args().nth(1).unwrap()))
            .unwrap(),
    );
    let today = jiff::civil::date(2020, 11, 2);
    let cases: Vec<(Option<&str>, Vec<&str>, Option<&str>, Option<&str>)> = vec![
        (Some("PVDPS"), vec!["infoger"], None, None),
        (Some("DDPS"), vec![], None, None),
        (None, vec!["cloud"], None, None),
        (None, vec![], None, None),
        (None, vec![], Some("DK"), Some("pt-PT")),
        (None, vec!["road"], Some("ZA"), None),
        (None, vec!["lear"], None, None),
        (None, vec![], Some("BE"), None),
    ];
    for (off, w, c, l) in cases {
        let q = DirectoryQuery {
            today,
            offering: off.map(Into::into),
            country: c.map(Into::into),
            language: l.map(Into::into),
            words: w.iter().map(|s| s.to_string()).collect(),
            after: None,
            limit: 51,
        };
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let qq = q.clone();
            n = read_blocking(&*store, move |tx| Ok(tx.directory(&qq)?))
                .unwrap()
                .len();
            times.push(t.elapsed());
        }
        println!("{off:?} {w:?} {c:?} {l:?}: {n} in {times:?}");
    }
}
