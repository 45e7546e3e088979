//! The invoice as a reader gets it: a PDF whose text a machine extracts.

use jiff::civil::date;
use rust_decimal::Decimal;
use saps_core::{Currency, Days, Locale, Money};
use saps_invoice::{BankAccount, Invoice, Line, Place, State, render};

const IBAN: &str = "DE89 3704 0044 0532 0130 00";

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), "EUR".parse::<Currency>().unwrap()).unwrap()
}

fn invoice(locale: Locale, lines: usize) -> Invoice {
    let lines: Vec<Line> = (0..lines)
        .map(|i| Line {
            // As wide as a voucher ID gets: five groups of four, with W and M.
            code: format!("WWWW-MMMM-{:04}-GVCC-SXEV", 1000 + i),
            engagement: format!("Migration plan {i}"),
            days: Days(2 + (i as u32 % 3)),
            country: "Deutschland".into(),
            day_rate: eur(61_725),
            amount: eur(61_725 * i64::from(2 + (i as u32 % 3))),
        })
        .collect();
    let total = lines.iter().map(|l| l.amount.amount).sum();
    Invoice {
        locale,
        reference: "SAVB-2026-000042".into(),
        issued_on: date(2026, 12, 2),
        state: State::Approved,
        partner: "Contoso Consulting".into(),
        location: Place {
            name: "Contoso Berlin".into(),
            city: "Berlin".into(),
            country: "Deutschland".into(),
        },
        lines,
        total: Money::new(total, "EUR".parse().unwrap()).unwrap(),
        submitted_on: Some(date(2026, 11, 20)),
        approved_on: Some(date(2026, 11, 25)),
        payment_due_on: Some(date(2026, 12, 25)),
        paid_on: None,
        payment_reference: None,
        bank_account: Some(BankAccount {
            holder: "Contoso Consulting GmbH".into(),
            iban: IBAN.into(),
            bic: "COBADEFFXXX".into(),
        }),
    }
}

/// Every page's text, with the locale's no-break spaces made plain.
fn text_of(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF that parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("extractable text");
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

fn write_for_inspection(name: &str, pdf: &[u8]) {
    if let Ok(dir) = std::env::var("SAPS_INVOICE_SAMPLES") {
        std::fs::write(std::path::Path::new(&dir).join(name), pdf).unwrap();
    }
}

#[test]
fn an_english_invoice_reads_its_reference_partner_lines_total_due_date_and_masked_iban() {
    let pdf = render(&invoice(Locale::En, 3)).unwrap();
    write_for_inspection("en.pdf", &pdf);
    assert!(pdf.starts_with(b"%PDF-"));
    let text = text_of(&pdf);
    for expected in [
        "Invoice",
        "SAVB-2026-000042",
        "Contoso Consulting",
        "Contoso Berlin",
        "WWWW-MMMM-1000-GVCC-SXEV",
        "WWWW-MMMM-1002-GVCC-SXEV",
        "Migration plan 1",
        "€617.25",
        "€1,234.50",
        "€5,555.25",
        "Dec 25, 2026",
        "Approved",
        "** **** **** **** **** 3000",
        "COBADEFFXXX",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        !bare.contains("DE89370400440532013000"),
        "the full IBAN is printed"
    );
    assert!(
        !bare.contains("DE89"),
        "the IBAN's first characters are printed"
    );
}

#[test]
fn a_russian_invoice_has_its_cyrillic_words_and_russian_numbers() {
    let pdf = render(&invoice(Locale::Ru, 2)).unwrap();
    write_for_inspection("ru.pdf", &pdf);
    let text = text_of(&pdf);
    for expected in [
        "Счёт",
        "Заявка на оплату",
        "Итого",
        "Одобрена",
        "25 дек. 2026 г.",
        "1 234,50 €",
        "1 851,75 €",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

#[test]
fn french_portuguese_and_italian_invoices_keep_their_accents_and_number_styles() {
    let cases = [
        (
            Locale::Fr,
            vec![
                "Facture",
                "Numéro du bon",
                "Approuvée",
                "25 déc. 2026",
                "1 234,50 €",
            ],
        ),
        (
            Locale::PtBr,
            vec![
                "Fatura",
                "Solicitação de pagamento",
                "25 de dez. de 2026",
                "€ 1.234,50",
            ],
        ),
        (
            Locale::It,
            vec![
                "Fattura",
                "Intestatario del conto",
                "25 dic 2026",
                "1.234,50 €",
            ],
        ),
    ];
    for (locale, expected) in cases {
        let text = text_of(&render(&invoice(locale, 2)).unwrap());
        for e in expected {
            assert!(text.contains(e), "{locale:?}: {e:?} missing from:\n{text}");
        }
    }
}

#[test]
fn the_fonts_are_subset_so_an_invoice_stays_small() {
    let pdf = render(&invoice(Locale::En, 3)).unwrap();
    // The two embedded faces weigh 1.4 MB whole; subset, a page is a few dozen kB.
    assert!(pdf.len() < 80_000, "{} bytes", pdf.len());
    assert!(pdf.len() > 2_000, "{} bytes", pdf.len());
}

#[test]
fn a_long_claim_continues_over_pages_and_every_line_and_the_total_are_printed() {
    let long = invoice(Locale::En, 70);
    let pdf = render(&long).unwrap();
    write_for_inspection("long.pdf", &pdf);
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages = doc.get_pages().len();
    assert!(pages >= 3, "{pages} pages");
    let text = text_of(&pdf);
    for line in &long.lines {
        assert!(text.contains(&line.code), "{} missing", line.code);
    }
    assert!(text.contains(&format!("Page {pages} of {pages}")), "{text}");
    assert!(text.contains(&saps_core::locale_format::money(Locale::En, &long.total)));
}

#[test]
fn an_invoice_without_a_bank_account_says_so_and_a_paid_one_names_its_payment() {
    let mut paid = invoice(Locale::En, 1);
    paid.bank_account = None;
    paid.state = State::Paid;
    paid.paid_on = Some(date(2026, 12, 10));
    paid.payment_reference = Some("TRF-88121".into());
    let text = text_of(&render(&paid).unwrap());
    assert!(text.contains("No bank account is recorded"), "{text}");
    assert!(
        text.contains("TRF-88121") && text.contains("Dec 10, 2026") && text.contains("Paid"),
        "{text}"
    );
}

#[test]
fn an_engagement_too_long_for_its_column_is_shortened_not_spilled() {
    let mut inv = invoice(Locale::En, 1);
    inv.lines[0].engagement =
        "A very long engagement name that could never fit into its narrow column".into();
    let text = text_of(&render(&inv).unwrap());
    assert!(text.contains("A very long"), "{text}");
    assert!(text.contains('…'), "{text}");
    assert!(!text.contains("narrow column"), "{text}");
}
