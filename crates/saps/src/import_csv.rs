//! The CSV side of `saps import`: the byte-order mark, the delimiter sniffed
//! from the header line, the header's columns, each row's number of fields
//! and its encoding. Each row's cells then go to the application's importer.
//! Every problem is a [`RowError`] on the file's physical line (the header is
//! line 1).

use saps_app::import::{ImportKind, Importer, RowError};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Physical line numbers from byte offsets, counted forwards once. (The
/// csv crate's own line numbers lag behind after CRLF line ends and blank
/// lines.)
struct Lines<'a> {
    body: &'a [u8],
    at: usize,
    line: u64,
}

impl Lines<'_> {
    /// The line of the record the reader says starts at `offset`: its first
    /// byte that is not a line end.
    fn of(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.body.len());
        while matches!(self.body.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let start = start.max(self.at);
        self.line += self.body[self.at..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        self.at = start;
        self.line
    }
}

/// What checking a file found.
pub struct Checked {
    pub errors: Vec<RowError>,
}

/// `;` when the header line has more of them than commas (outside quotes),
/// else `,`.
pub fn sniff(body: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for &b in body {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// The header's problems: a required column missing, an unknown, unnamed
/// or repeated one. Otherwise where each of the kind's columns is.
fn columns(kind: ImportKind, header: &[String]) -> Result<Vec<Option<usize>>, Vec<RowError>> {
    let expected = kind.columns();
    let names: Vec<&str> = expected.iter().map(|c| c.name).collect();
    let mut errors = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() {
            errors.push(RowError::new(
                1,
                "header",
                format!("column {} has no name", i + 1),
            ));
        } else if !names.contains(&h.as_str()) {
            errors.push(RowError::new(
                1,
                h.clone(),
                format!(
                    "unknown column {h:?}: a {} file has the columns {}",
                    kind.as_str(),
                    names.join(", ")
                ),
            ));
        } else if header[..i].contains(h) {
            errors.push(RowError::new(
                1,
                h.clone(),
                format!("column {h:?} appears twice"),
            ));
        }
    }
    for c in expected.iter().filter(|c| c.required) {
        if !header.iter().any(|h| h == c.name) {
            errors.push(RowError::new(
                1,
                c.name,
                format!("missing column {:?} in the header", c.name),
            ));
        }
    }
    if errors.is_empty() {
        Ok(expected
            .iter()
            .map(|c| header.iter().position(|h| h == c.name))
            .collect())
    } else {
        Err(errors)
    }
}

fn not_utf8(line: u64, field: &str, bytes: &[u8], e: std::str::Utf8Error) -> RowError {
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
    RowError::new(
        line,
        field,
        format!("not UTF-8 (byte 0x{byte:02X}): save the file as UTF-8"),
    )
}

/// Checks every row of `bytes` with `importer`, which keeps the good ones;
/// stops after `max_errors`. `progress` hears how many bytes were read.
pub fn check(
    bytes: &[u8],
    importer: &mut Importer,
    max_errors: usize,
    mut progress: impl FnMut(u64),
) -> Checked {
    let mut errors = Vec::new();
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        errors.push(RowError::new(
            1,
            "file",
            "the file is UTF-16: save it as UTF-8 (\"CSV UTF-8\")",
        ));
        return Checked { errors };
    }
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let delimiter = sniff(body);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => {
            errors.push(RowError::new(
                1,
                "header",
                "the file is empty: it needs a header line",
            ));
            return Checked { errors };
        }
        Err(e) => {
            errors.push(RowError::new(1, "header", e.to_string()));
            return Checked { errors };
        }
    }
    let mut header = Vec::with_capacity(record.len());
    for field in &record {
        match std::str::from_utf8(field) {
            Ok(s) => header.push(s.trim().to_lowercase()),
            Err(e) => {
                errors.push(not_utf8(1, "header", field, e));
                return Checked { errors };
            }
        }
    }
    let index = match columns(importer.kind(), &header) {
        Ok(index) => index,
        Err(mut header_errors) => {
            header_errors.truncate(max_errors);
            return Checked {
                errors: header_errors,
            };
        }
    };
    let kind_columns = importer.kind().columns();
    let mut lines = Lines {
        body,
        at: 0,
        line: 1,
    };
    let mut rows = 0u64;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.of(p.byte()));
                errors.push(RowError::new(line, "row", e.to_string()));
                break;
            }
        }
        let line = record.position().map_or(0, |p| lines.of(p.byte()));
        rows += 1;
        if rows.is_multiple_of(4096) {
            progress(record.position().map_or(0, |p| p.byte()));
        }
        if record.len() != header.len() {
            errors.push(RowError::new(
                line,
                "row",
                format!(
                    "{} fields, but the header has {} (a value with the delimiter {:?} in it must \
                     be in double quotes)",
                    record.len(),
                    header.len(),
                    char::from(delimiter)
                ),
            ));
        } else {
            let mut cells = [""; 8];
            let mut bad = None;
            for ((cell, column), at) in cells.iter_mut().zip(kind_columns).zip(&index) {
                let Some(at) = *at else { continue };
                match std::str::from_utf8(&record[at]) {
                    Ok(s) => *cell = s,
                    Err(e) => {
                        bad = Some(not_utf8(line, column.name, &record[at], e));
                        break;
                    }
                }
            }
            let checked = match bad {
                Some(e) => Err(e),
                None => importer.row(line, &cells[..kind_columns.len()]),
            };
            if let Err(e) = checked {
                errors.push(e);
            }
        }
        if errors.len() >= max_errors {
            break;
        }
    }
    progress(bytes.len() as u64);
    Checked { errors }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_physical_after_crlf_blank_lines_and_quoted_line_ends() {
        for body in [
            &b"h;h\r\na;b\r\n\"c\r\nd\";e\r\n\r\n\r\nf;g\r\n"[..],
            &b"h;h\na;b\n\"c\nd\";e\n\n\nf;g"[..],
        ] {
            let mut lines = Lines {
                body,
                at: 0,
                line: 1,
            };
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(b';')
                .from_reader(body);
            let mut record = csv::ByteRecord::new();
            let mut found = Vec::new();
            while reader.read_byte_record(&mut record).unwrap() {
                found.push(lines.of(record.position().unwrap().byte()));
            }
            assert_eq!(found, [1, 2, 3, 7], "{body:?}");
        }
    }

    #[test]
    fn the_delimiter_is_sniffed_from_the_header_outside_quotes() {
        assert_eq!(sniff(b"partner;competency;level;valid_until\nA,B;x"), b';');
        assert_eq!(sniff(b"partner,competency,level,valid_until\n;;;;;;"), b',');
        assert_eq!(sniff(b"\"a;b;c\",d\n"), b',');
        assert_eq!(sniff(b"name"), b',');
    }

    #[test]
    fn the_header_names_missing_unknown_and_repeated_columns() {
        let h = |s: &str| s.split(',').map(str::to_owned).collect::<Vec<_>>();
        let e = columns(
            ImportKind::Competencies,
            &h("partner,competency,levle,partner"),
        )
        .unwrap_err();
        let shown: Vec<String> = e
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        assert!(shown[0].starts_with("levle: unknown column"), "{shown:?}");
        assert!(
            shown[1].starts_with("partner: column \"partner\" appears twice"),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|s| s == "level: missing column \"level\" in the header")
        );
        assert!(
            shown
                .iter()
                .any(|s| s.starts_with("valid_until: missing column"))
        );
        assert!(e.iter().all(|e| e.line == 1));
        let ok = columns(ImportKind::Partners, &h("location_name,name,country")).unwrap();
        assert_eq!(ok, [Some(1), Some(2), Some(0), None, None, None]);
    }
}
