use super::*;

#[test]
fn types_are_judged_by_content_not_name() {
    assert_eq!(sniff("a.pdf", b"%PDF-1.7\n...").unwrap(), "application/pdf");
    assert_eq!(
        sniff("a.png", b"\x89PNG\r\n\x1a\nxxxx").unwrap(),
        "image/png"
    );
    assert_eq!(
        sniff("a.jpg", &[0xFF, 0xD8, 0xFF, 0xE0, 0]).unwrap(),
        "image/jpeg"
    );
    assert_eq!(
        sniff("notes.txt", "Notes: ça va\n".as_bytes()).unwrap(),
        "text/plain; charset=utf-8"
    );
    let mut odt = b"PK\x03\x04".to_vec();
    odt.resize(30, 0);
    odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
    assert_eq!(
        sniff("a.odt", &odt).unwrap(),
        "application/vnd.oasis.opendocument.text"
    );
    let mut docx = b"PK\x03\x04".to_vec();
    docx.resize(30, 0);
    docx.extend_from_slice(b"[Content_Types].xml....word/document.xml");
    assert!(sniff("a.docx", &docx).unwrap().contains("wordprocessingml"));
    for (name, bytes) in [
        (
            "evil.pdf",
            b"<!DOCTYPE html><script>alert(1)</script>".to_vec(),
        ),
        ("evil.pdf", b"  <html><body>hi</body></html>".to_vec()),
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00".to_vec()),
        ("a.pdf", b"\x7fELF\x02\x01\x01".to_vec()),
        ("a.zip", b"PK\x03\x04just a zip".to_vec()),
    ] {
        let e = sniff(name, &bytes).unwrap_err();
        assert_eq!(e.code(), "rule.deliverable_type", "{name}");
    }
    assert_eq!(
        sniff("e.txt", b"").unwrap_err().code(),
        "validation.deliverable"
    );
}

#[test]
fn filenames_lose_their_path_and_refuse_control_characters() {
    assert_eq!(clean_filename("../../etc/passwd").unwrap(), "passwd");
    assert_eq!(
        clean_filename("C:\\Users\\x\\report.pdf").unwrap(),
        "report.pdf"
    );
    assert_eq!(
        clean_filename("rapport final.pdf").unwrap(),
        "rapport final.pdf"
    );
    assert!(clean_filename("a\nb.pdf").is_err());
    assert!(clean_filename("a\u{7}.pdf").is_err());
    assert!(clean_filename("dir/").is_err());
    assert!(clean_filename("..").is_err());
}

#[test]
fn the_receipt_hash_is_the_hash_of_its_canonical_bytes() {
    let fields = ReportFields {
        delivered_from: jiff::civil::date(2020, 12, 1),
        delivered_to: jiff::civil::date(2020, 12, 3),
        days_onsite: 2,
        days_offsite: 1,
        summary: "s".into(),
        next_steps: "n".into(),
    };
    let r = Receipt {
        receipt_id: ReportId::new(),
        voucher: "X".into(),
        engagement: "E",
        days: 3,
        report: &fields,
        files: vec![ReceiptFile {
            filename: "a.pdf",
            size: 3,
            sha256: "00",
        }],
        submitted_by: UserId::new(),
        submitted_at: Timestamp::UNIX_EPOCH,
    };
    let (text, sha) = r.seal();
    assert_eq!(sha, sha256_hex(text.as_bytes()));
    assert_eq!(sha.len(), 64);
    assert!(text.starts_with("{\"receipt_id\":"));
}
