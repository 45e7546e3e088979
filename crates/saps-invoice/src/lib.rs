//! saps invoices: the data of one claim in, the bytes of a PDF out.
//!
//! Pure — no database, no web, no clock (the issue date is an argument). The
//! PDF embeds DejaVu Sans (subset to the glyphs used), which covers Latin with
//! the accents of French, Portuguese and Italian, and Cyrillic; every string is
//! drawn as real text with a Unicode map, so the invoice's text can be copied
//! and extracted. The labels, dates and money are written in the partner's
//! language ([`Invoice::locale`]).

mod words;

use jiff::civil::Date;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use saps_core::{Days, Locale, Money};
use std::sync::LazyLock;

use saps_core::locale_format::{money, number, short_date as date};

/// The regular and bold faces, committed with their licence in `fonts/`.
const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// The state of the claim the invoice is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Rejected = 3,
    Disputed = 4,
    Paid = 5,
    Withdrawn = 6,
}

impl State {
    /// From the API's name of the state (`draft`, `submitted`, …).
    pub fn parse(s: &str) -> Option<State> {
        Some(match s {
            "draft" => Self::Draft,
            "submitted" => Self::Submitted,
            "approved" => Self::Approved,
            "rejected" => Self::Rejected,
            "disputed" => Self::Disputed,
            "paid" => Self::Paid,
            "withdrawn" => Self::Withdrawn,
            _ => return None,
        })
    }
}

/// Where the vouchers were delivered, as the reader should see it.
#[derive(Clone, Debug)]
pub struct Place {
    pub name: String,
    pub city: String,
    /// The country's name in the invoice's language (or its ISO code).
    pub country: String,
}

/// One redeemed voucher of the claim.
#[derive(Clone, Debug)]
pub struct Line {
    pub code: String,
    pub engagement: String,
    pub days: Days,
    /// The delivery country's name in the invoice's language (or its ISO code).
    pub country: String,
    pub day_rate: Money,
    pub amount: Money,
}

/// The account the partner is paid into. The IBAN is always printed masked
/// but for its last four characters, whatever is passed in.
#[derive(Clone, Debug)]
pub struct BankAccount {
    pub holder: String,
    pub iban: String,
    pub bic: String,
}

/// Everything an invoice shows.
#[derive(Clone, Debug)]
pub struct Invoice {
    /// The partner's language: labels, dates and money follow it.
    pub locale: Locale,
    pub reference: String,
    pub issued_on: Date,
    pub state: State,
    pub partner: String,
    pub location: Place,
    pub lines: Vec<Line>,
    pub total: Money,
    pub submitted_on: Option<Date>,
    pub approved_on: Option<Date>,
    pub payment_due_on: Option<Date>,
    pub paid_on: Option<Date>,
    pub payment_reference: Option<String>,
    pub bank_account: Option<BankAccount>,
}

/// Why no PDF could be made (a font that does not load, or the PDF writer
/// refusing the document) — a bug, never bad input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the invoice could not be rendered: {}", self.0)
    }
}

impl std::error::Error for RenderError {}

/// An IBAN masked but for its last four characters: every letter or digit
/// before them becomes `*`, spaces are dropped, and the result is grouped by
/// four from the end so that the last four stand alone:
/// `DE89 3704 0044 0532 0130 00` → `** **** **** **** **** 3000`.
pub fn mask_iban(iban: &str) -> String {
    let chars: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    let keep = chars.len().saturating_sub(4);
    let masked: Vec<char> = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i < keep { '*' } else { c })
        .collect();
    let mut groups: Vec<String> = masked
        .rchunks(4)
        .map(|g| g.iter().collect::<String>())
        .collect();
    groups.reverse();
    groups.join(" ")
}

// ---- layout -----------------------------------------------------------------

const PAGE_W: f32 = 595.0; // A4, in points
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 50.0;
const BODY: f32 = 9.5;
/// The lines table's rows.
const CELL: f32 = 8.5;
const SMALL: f32 = 8.0;
const ROW: f32 = 16.0;
/// Below this the lines table continues on the next page.
const TABLE_BOTTOM: f32 = PAGE_H - 90.0;
/// Where the lines table starts on the first page, below the header.
const FIRST_TABLE_TOP: f32 = MARGIN + 200.0;

struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: rustybuzz::Face<'static>,
    bold_face: rustybuzz::Face<'static>,
}

static FACES: LazyLock<Option<(rustybuzz::Face<'static>, rustybuzz::Face<'static>)>> =
    LazyLock::new(|| {
        Some((
            rustybuzz::Face::from_slice(REGULAR, 0)?,
            rustybuzz::Face::from_slice(BOLD, 0)?,
        ))
    });

impl Fonts {
    fn load() -> Result<Fonts, RenderError> {
        let (regular_face, bold_face) = FACES
            .clone()
            .ok_or_else(|| RenderError("the embedded font does not parse".into()))?;
        Ok(Fonts {
            regular: Font::new(REGULAR.into(), 0)
                .ok_or_else(|| RenderError("regular font".into()))?,
            bold: Font::new(BOLD.into(), 0).ok_or_else(|| RenderError("bold font".into()))?,
            regular_face,
            bold_face,
        })
    }

    /// The width of `text` at `size`, as the shaper will lay it out.
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold {
            &self.bold_face
        } else {
            &self.regular_face
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / f32::from(face.units_per_em() as u16)
    }

    /// `text`, shortened with an ellipsis to fit `max` points.
    fn fit(&self, text: &str, size: f32, bold: bool, max: f32) -> String {
        if self.width(text, size, bold) <= max {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate = format!("{}…", chars.iter().collect::<String>().trim_end());
            if self.width(&candidate, size, bold) <= max {
                return candidate;
            }
        }
        String::new()
    }
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

struct Pen<'s, 'a> {
    surface: &'s mut Surface<'a>,
    fonts: &'s Fonts,
}

impl Pen<'_, '_> {
    fn color(&mut self, r: u8, g: u8, b: u8) {
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(r, g, b).into(),
            opacity: NormalizedF32::ONE,
            rule: Default::default(),
        }));
    }

    fn text(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool, align: Align) {
        if text.is_empty() {
            return;
        }
        let x = match align {
            Align::Left => x,
            Align::Right => x - self.fonts.width(text, size, bold),
        };
        let font = if bold {
            &self.fonts.bold
        } else {
            &self.fonts.regular
        };
        self.surface.draw_text(
            Point::from_xy(x, y),
            font.clone(),
            size,
            text,
            false,
            TextDirection::LeftToRight,
        );
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, (r, g, b): (u8, u8, u8)) {
        let Some(rect) = Rect::from_xywh(x, y, w, h) else {
            return;
        };
        let mut pb = PathBuilder::new();
        pb.push_rect(rect);
        if let Some(path) = pb.finish() {
            self.color(r, g, b);
            self.surface.draw_path(&path);
        }
        self.color(0, 0, 0);
    }

    fn rule(&mut self, y: f32) {
        self.rect(MARGIN, y, PAGE_W - 2.0 * MARGIN, 0.6, (120, 120, 120));
    }
}

/// The lines table's columns: (left edge, width, alignment).
const COLUMNS: [(f32, f32, Align); 6] = [
    (MARGIN, 128.0, Align::Left),         // voucher: a whole voucher ID fits
    (MARGIN + 132.0, 118.0, Align::Left), // engagement
    (MARGIN + 254.0, 62.0, Align::Left),  // country
    (MARGIN + 320.0, 28.0, Align::Right), // days
    (MARGIN + 350.0, 70.0, Align::Right), // day rate
    (MARGIN + 424.0, 71.0, Align::Right), // amount
];

fn cell(pen: &mut Pen<'_, '_>, column: usize, y: f32, text: &str, size: f32, bold: bool) {
    let (x, w, align) = COLUMNS[column];
    // A voucher ID is never cut: too wide, it is drawn smaller.
    let (text, size) = if column == 0 {
        let width = pen.fonts.width(text, size, bold);
        let size = if width > w { size * w / width } else { size };
        (text.to_owned(), size)
    } else {
        (pen.fonts.fit(text, size, bold, w), size)
    };
    match align {
        Align::Left => pen.text(x, y, &text, size, bold, align),
        Align::Right => pen.text(x + w, y, &text, size, bold, align),
    }
}

/// The table's column heads; a head too wide for its column takes two lines.
fn table_head(pen: &mut Pen<'_, '_>, y: f32, w: &words::Words) -> f32 {
    let heads = [
        w.voucher,
        w.engagement,
        w.country,
        w.days,
        w.day_rate,
        w.amount,
    ];
    let split: Vec<Vec<String>> = heads
        .iter()
        .enumerate()
        .map(|(i, head)| wrap_head(pen.fonts, head, COLUMNS[i].1))
        .collect();
    let two_lines = split.iter().any(|lines| lines.len() > 1);
    let height = if two_lines { ROW + 10.0 } else { ROW };
    pen.rect(
        MARGIN,
        y - 11.0,
        PAGE_W - 2.0 * MARGIN,
        height,
        (234, 238, 244),
    );
    for (i, lines) in split.iter().enumerate() {
        for (j, line) in lines.iter().enumerate() {
            cell(pen, i, y + j as f32 * 10.0, line, SMALL, true);
        }
    }
    y + height + 2.0
}

/// A column head in at most two lines that fit `width`.
fn wrap_head(fonts: &Fonts, head: &str, width: f32) -> Vec<String> {
    if fonts.width(head, SMALL, true) <= width {
        return vec![head.to_owned()];
    }
    let words: Vec<&str> = head.split(' ').collect();
    for cut in (1..words.len()).rev() {
        let first = words[..cut].join(" ");
        if fonts.width(&first, SMALL, true) <= width {
            return vec![first, words[cut..].join(" ")];
        }
    }
    vec![head.to_owned()]
}

/// A label and its value, on one line of the details block.
fn field(pen: &mut Pen<'_, '_>, x: f32, y: f32, label: &str, value: &str) {
    pen.color(90, 90, 90);
    pen.text(x, y, label, SMALL, false, Align::Left);
    pen.color(0, 0, 0);
    pen.text(x, y + 12.0, value, BODY, true, Align::Left);
}

/// Draws the invoice; returns the PDF's bytes.
pub fn render(invoice: &Invoice) -> Result<Vec<u8>, RenderError> {
    let fonts = Fonts::load()?;
    let w = words::words(invoice.locale);
    let loc = invoice.locale;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} {}", w.title, invoice.reference))
            .language(loc.as_str().to_owned())
            .creator("saps".to_owned()),
    );

    // Split the lines over pages: the first page has the header above them.
    let mut pages: Vec<&[Line]> = Vec::new();
    let first_room = ((TABLE_BOTTOM - FIRST_TABLE_TOP - 30.0) / ROW) as usize;
    let other_room = ((TABLE_BOTTOM - MARGIN - 70.0) / ROW) as usize;
    let mut rest = invoice.lines.as_slice();
    let mut room = first_room;
    loop {
        let take = rest.len().min(room);
        pages.push(&rest[..take]);
        rest = &rest[take..];
        room = other_room;
        if rest.is_empty() {
            break;
        }
    }
    // The totals, dates and bank account need about 220 points below the
    // table; when the last page has no room for them they get a page of their own.
    let last_top = if pages.len() == 1 {
        FIRST_TABLE_TOP + 30.0
    } else {
        MARGIN + 70.0
    };
    let last_bottom = last_top + pages.last().map_or(0, |p| p.len()) as f32 * ROW;
    let summary_on_own_page = last_bottom + 230.0 > PAGE_H - 40.0;
    let page_count = pages.len() + usize::from(summary_on_own_page);

    for (index, lines) in pages.iter().enumerate() {
        draw_page(&mut document, &fonts, |pen| {
            pen.color(0, 0, 0);
            let mut y = if index == 0 {
                header(pen, invoice, w)
            } else {
                running_head(pen, invoice, w);
                MARGIN + 40.0
            };
            y = table_head(pen, y, w);
            for line in lines.iter() {
                cell(pen, 0, y, &line.code, CELL, false);
                cell(pen, 1, y, &line.engagement, CELL, false);
                cell(pen, 2, y, &line.country, CELL, false);
                cell(pen, 3, y, &number(loc, i64::from(line.days.0)), CELL, false);
                cell(pen, 4, y, &money(loc, &line.day_rate), CELL, false);
                cell(pen, 5, y, &money(loc, &line.amount), CELL, false);
                y += ROW;
            }
            let is_last = index + 1 == pages.len();
            if is_last && !summary_on_own_page {
                summary(pen, invoice, w, y);
            }
            footer(pen, w, index + 1, page_count);
        })?;
    }
    if summary_on_own_page {
        draw_page(&mut document, &fonts, |pen| {
            pen.color(0, 0, 0);
            running_head(pen, invoice, w);
            summary(pen, invoice, w, MARGIN + 30.0);
            footer(pen, w, page_count, page_count);
        })?;
    }
    document.finish().map_err(|e| RenderError(format!("{e:?}")))
}

fn draw_page(
    document: &mut Document,
    fonts: &Fonts,
    draw: impl FnOnce(&mut Pen<'_, '_>),
) -> Result<(), RenderError> {
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| RenderError("page size".into()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    draw(&mut Pen {
        surface: &mut surface,
        fonts,
    });
    surface.finish();
    page.finish();
    Ok(())
}

/// The title and reference atop the pages after the first.
fn running_head(pen: &mut Pen<'_, '_>, invoice: &Invoice, w: &words::Words) {
    let head = format!("{} {}", w.title, invoice.reference);
    pen.text(MARGIN, MARGIN + 10.0, &head, BODY, true, Align::Left);
}

/// Title, reference, parties; returns where the lines table starts.
fn header(pen: &mut Pen<'_, '_>, invoice: &Invoice, w: &words::Words) -> f32 {
    let loc = invoice.locale;
    let right = PAGE_W - MARGIN;
    pen.text(MARGIN, MARGIN + 18.0, w.title, 22.0, true, Align::Left);
    pen.color(90, 90, 90);
    pen.text(
        MARGIN,
        MARGIN + 36.0,
        &format!("{} · {}", w.program, w.claim),
        BODY,
        false,
        Align::Left,
    );
    pen.color(0, 0, 0);
    pen.text(
        right,
        MARGIN + 14.0,
        &invoice.reference,
        13.0,
        true,
        Align::Right,
    );
    pen.color(90, 90, 90);
    pen.text(
        right,
        MARGIN + 28.0,
        w.reference,
        SMALL,
        false,
        Align::Right,
    );
    pen.color(0, 0, 0);
    pen.rule(MARGIN + 50.0);

    let top = MARGIN + 72.0;
    field(pen, MARGIN, top, w.partner, &invoice.partner);
    let place = &invoice.location;
    field(pen, MARGIN, top + 34.0, w.location, &place.name);
    let where_ = [place.city.as_str(), place.country.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    pen.text(MARGIN, top + 58.0, &where_, BODY, false, Align::Left);

    let col = MARGIN + 300.0;
    field(pen, col, top, w.issued_on, &date(loc, invoice.issued_on));
    field(pen, col, top + 34.0, w.state, w.state(invoice.state));
    if let Some(due) = invoice.payment_due_on {
        field(pen, col, top + 68.0, w.payment_due_on, &date(loc, due));
    }
    FIRST_TABLE_TOP
}

/// Total, dates and the bank account, below the table.
fn summary(pen: &mut Pen<'_, '_>, invoice: &Invoice, w: &words::Words, y: f32) {
    let loc = invoice.locale;
    let right = PAGE_W - MARGIN;
    pen.rule(y - 8.0);
    let y = y + 10.0;
    pen.text(COLUMNS[4].0, y, w.total, 11.0, true, Align::Left);
    pen.text(
        right,
        y,
        &money(loc, &invoice.total),
        11.0,
        true,
        Align::Right,
    );

    let mut y = y + 36.0;
    let dates = [
        (w.submitted_on, invoice.submitted_on),
        (w.approved_on, invoice.approved_on),
        (w.payment_due_on, invoice.payment_due_on),
        (w.paid_on, invoice.paid_on),
    ];
    let mut x = MARGIN;
    for (label, day) in dates {
        if let Some(day) = day {
            field(pen, x, y, label, &date(loc, day));
            x += 124.0;
        }
    }
    if let Some(reference) = &invoice.payment_reference {
        y += 34.0;
        field(pen, MARGIN, y, w.payment_reference, reference);
    }
    y += 44.0;
    pen.text(MARGIN, y, w.bank_account, 11.0, true, Align::Left);
    y += 16.0;
    match &invoice.bank_account {
        Some(account) => {
            field(pen, MARGIN, y, w.holder, &account.holder);
            field(pen, MARGIN + 200.0, y, "IBAN", &mask_iban(&account.iban));
            field(pen, MARGIN + 380.0, y, "BIC", &account.bic);
        }
        None => pen.text(MARGIN, y + 8.0, w.no_bank_account, BODY, false, Align::Left),
    }
}

fn footer(pen: &mut Pen<'_, '_>, w: &words::Words, n: usize, of: usize) {
    pen.color(120, 120, 120);
    pen.text(
        PAGE_W - MARGIN,
        PAGE_H - 30.0,
        &w.page(n, of),
        SMALL,
        false,
        Align::Right,
    );
    pen.text(MARGIN, PAGE_H - 30.0, w.program, SMALL, false, Align::Left);
    pen.color(0, 0, 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iban_is_masked_but_for_its_last_four_characters() {
        assert_eq!(
            mask_iban("DE89 3704 0044 0532 0130 00"),
            "** **** **** **** **** 3000"
        );
        assert_eq!(
            mask_iban("FR7630006000011234567890189"),
            "*** **** **** **** **** **** 0189"
        );
        assert_eq!(
            mask_iban("** **** 3000"),
            "** **** 3000",
            "masking a masked IBAN changes nothing"
        );
        assert_eq!(mask_iban("123"), "123");
    }

    #[test]
    fn state_names_of_the_api_are_understood() {
        assert_eq!(State::parse("disputed"), Some(State::Disputed));
        assert_eq!(State::parse("paid"), Some(State::Paid));
        assert_eq!(State::parse("withdrawn"), Some(State::Withdrawn));
        assert_eq!(State::parse("lost"), None);
    }
}
