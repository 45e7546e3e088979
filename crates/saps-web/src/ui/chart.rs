//! Server-rendered SVG charts: pure functions from labelled values to an
//! inline `<svg>` — no JavaScript, scaled by its `viewBox`, readable by a
//! screen reader (`role="img"` named by its `<title>`, described by a `<desc>`
//! that lists every value in words), and every bar carries its value as text.
//!
//! The values are only for geometry; what a reader sees is the `shown` text
//! the caller wrote in the reader's language (exact money, formatted per
//! locale), so rounding in the geometry never reaches a figure.

use super::i18n::Lang;
use std::fmt::Write;

/// One bar: its label, its size, and the value as the reader reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub shown: String,
}

/// What a chart says about itself.
#[derive(Clone, Debug)]
pub struct Caption<'a> {
    /// Unique on the page: the ids of the title and description derive from it.
    pub id: &'a str,
    pub title: &'a str,
    /// A sentence on what is measured; the values are appended to it.
    pub desc: &'a str,
    /// Said instead of drawing bars when there is nothing to draw.
    pub empty: &'a str,
    /// The reader's language, which joins each label to its value in the
    /// description ("Paid: €5", "Payée : 5 €").
    pub lang: Lang,
}

/// Text for XML: `& < > " '` escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An id safe in an attribute and a fragment: letters, digits, `-`.
fn slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// The bars' largest value, or 1 when none is positive (so nothing divides by 0).
fn top(bars: &[Bar]) -> f64 {
    let max = bars
        .iter()
        .map(|b| b.value)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    if max > 0.0 { max } else { 1.0 }
}

/// How long a bar is: proportional, at least a sliver for a positive value,
/// nothing for zero, negative or not-a-number.
fn length(value: f64, max: f64, room: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 0.0;
    }
    (value / max * room).max(1.5)
}

fn open(out: &mut String, caption: &Caption<'_>, bars: &[Bar], width: u32, height: u32) {
    let id = slug(caption.id);
    let values: Vec<String> = bars
        .iter()
        .map(|b| caption.lang.label_value(&b.label, &b.shown))
        .collect();
    let desc = if bars.is_empty() {
        format!("{} {}", caption.desc, caption.empty)
    } else {
        format!("{} {}.", caption.desc, caption.lang.semicolon_list(&values))
    };
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" "#
    );
    let _ = write!(
        out,
        r#"preserveAspectRatio="xMinYMin meet" aria-labelledby="{id}-title {id}-desc">"#
    );
    let _ = write!(
        out,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(caption.title),
        esc(&desc)
    );
}

fn nothing(out: &mut String, caption: &Caption<'_>, x: u32, y: u32) {
    let _ = write!(
        out,
        r#"<text x="{x}" y="{y}" class="empty" fill="currentColor" font-size="14">{}</text>"#,
        esc(caption.empty)
    );
}

/// Horizontal bars, one row per entry (e.g. claim amounts by state): the
/// label on the left, the bar, its value at its end.
pub fn bar_chart(caption: &Caption<'_>, bars: &[Bar]) -> String {
    const WIDTH: u32 = 640;
    const ROW: u32 = 34;
    const LABEL: f64 = 150.0;
    const VALUE: f64 = 130.0;
    let height = (bars.len().max(1) as u32) * ROW + 16;
    let mut out = String::new();
    open(&mut out, caption, bars, WIDTH, height);
    if bars.is_empty() {
        nothing(&mut out, caption, 8, 28);
    }
    let max = top(bars);
    let room = f64::from(WIDTH) - LABEL - VALUE - 16.0;
    for (i, bar) in bars.iter().enumerate() {
        let y = 8 + i as u32 * ROW;
        let w = length(bar.value, max, room);
        let _ = write!(
            out,
            concat!(
                r#"<g class="row"><text x="{x}" y="{ty}" text-anchor="end" "#,
                r#"fill="currentColor" font-size="14">{label}</text>"#
            ),
            x = LABEL - 8.0,
            ty = y + 21,
            label = esc(&bar.label),
        );
        let _ = write!(
            out,
            r##"<rect class="bar" x="{LABEL}" y="{y}" width="{w:.1}" height="{h}" rx="2" fill="#2f6db5"/>"##,
            y = y + 4,
            h = ROW - 10,
        );
        let _ = write!(
            out,
            r#"<text x="{x:.1}" y="{ty}" fill="currentColor" font-size="14">{shown}</text></g>"#,
            x = LABEL + w + 6.0,
            ty = y + 21,
            shown = esc(&bar.shown),
        );
    }
    out.push_str("</svg>");
    out
}

/// Vertical columns side by side (e.g. claimed amounts by month): the value
/// above each column, its label below.
pub fn column_chart(caption: &Caption<'_>, columns: &[Bar]) -> String {
    const HEIGHT: u32 = 260;
    const SLOT: u32 = 96;
    const BASE: f64 = 220.0;
    const ROOM: f64 = 180.0;
    let width = (columns.len().max(8) as u32) * SLOT + 16;
    let mut out = String::new();
    open(&mut out, caption, columns, width, HEIGHT);
    if columns.is_empty() {
        nothing(&mut out, caption, 8, 28);
    }
    let max = top(columns);
    let _ = write!(
        out,
        r##"<line x1="8" y1="{BASE}" x2="{x2}" y2="{BASE}" stroke="#888" stroke-width="1"/>"##,
        x2 = width - 8
    );
    for (i, column) in columns.iter().enumerate() {
        let x = 8 + i as u32 * SLOT;
        let h = length(column.value, max, ROOM);
        let center = f64::from(x) + f64::from(SLOT) / 2.0;
        let _ = write!(
            out,
            concat!(
                r#"<g class="column"><rect class="bar" x="{bx}" y="{by:.1}" "#,
                r##"width="{bw}" height="{h:.1}" rx="2" fill="#2f6db5"/>"##
            ),
            bx = x + 14,
            by = BASE - h,
            bw = SLOT - 28,
            h = h,
        );
        let _ = write!(
            out,
            r#"<text x="{center}" y="{vy:.1}" text-anchor="middle" fill="currentColor" font-size="12">{shown}</text>"#,
            vy = BASE - h - 6.0,
            shown = esc(&column.shown),
        );
        let _ = write!(
            out,
            r#"<text x="{center}" y="{ly}" text-anchor="middle" fill="currentColor" font-size="13">{label}</text></g>"#,
            ly = BASE + 22.0,
            label = esc(&column.label),
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64, shown: &str) -> Bar {
        Bar {
            label: label.into(),
            value,
            shown: shown.into(),
        }
    }

    fn caption() -> Caption<'static> {
        Caption {
            id: "by state",
            title: "Amounts by state",
            desc: "Claimed amounts, by the state of their claim:",
            empty: "No claims yet.",
            lang: Lang::En,
        }
    }

    /// The `width` of each `<rect class="bar">`, in order.
    fn widths(svg: &str, attr: &str) -> Vec<f64> {
        svg.split(r#"<rect class="bar""#)
            .skip(1)
            .map(|rect| {
                let start = rect.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
                let rest = &rect[start..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn a_bar_chart_is_an_image_named_by_its_title_and_described_with_every_value() {
        let svg = bar_chart(
            &caption(),
            &[
                bar("Submitted", 1234.5, "€1,234.50"),
                bar("Paid", 617.25, "€617.25"),
            ],
        );
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-labelledby="by-state-title by-state-desc""#));
        assert!(svg.contains(r#"<title id="by-state-title">Amounts by state</title>"#));
        assert!(
            svg.contains("Submitted: €1,234.50; Paid: €617.25."),
            "{svg}"
        );
        assert!(svg.contains(r#"viewBox="0 0 640 "#));
        assert!(!svg.contains("<script"));
        assert!(
            !svg.contains(" width=\"640\""),
            "sized by its viewBox, not in pixels"
        );
    }

    #[test]
    fn bars_are_proportional_to_their_values_and_the_largest_fills_the_room() {
        let svg = bar_chart(
            &caption(),
            &[
                bar("a", 100.0, "100"),
                bar("b", 50.0, "50"),
                bar("c", 25.0, "25"),
            ],
        );
        let w = widths(&svg, "width");
        assert_eq!(w.len(), 3);
        assert!((w[0] / w[1] - 2.0).abs() < 0.01, "{w:?}");
        assert!((w[1] / w[2] - 2.0).abs() < 0.01, "{w:?}");
        assert!((w[0] - (640.0 - 150.0 - 130.0 - 16.0)).abs() < 0.1, "{w:?}");
        for text in [">a<", ">b<", ">c<", ">100<", ">50<", ">25<"] {
            assert!(svg.contains(text), "{text} is not written as text");
        }
    }

    #[test]
    fn zero_negative_and_not_a_number_values_draw_no_bar_and_break_nothing() {
        let svg = bar_chart(
            &caption(),
            &[
                bar("zero", 0.0, "0"),
                bar("less", -5.0, "-5"),
                bar("nan", f64::NAN, "?"),
            ],
        );
        assert_eq!(widths(&svg, "width"), vec![0.0, 0.0, 0.0]);
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }

    #[test]
    fn an_empty_chart_says_there_is_nothing_to_show() {
        let svg = column_chart(&caption(), &[]);
        assert!(svg.contains(">No claims yet.</text>"), "{svg}");
        let desc = "<desc id=\"by-state-desc\">Claimed amounts, by the state of their claim: No claims yet.";
        assert!(svg.contains(desc), "{svg}");
        assert!(!svg.contains("bar"));
    }

    #[test]
    fn a_french_description_puts_a_space_before_each_colon() {
        let svg = bar_chart(
            &Caption {
                lang: Lang::Fr,
                ..caption()
            },
            &[
                bar("Payée", 5.0, "5,00\u{a0}€"),
                bar("Rejetée", 1.0, "1,00\u{a0}€"),
            ],
        );
        assert!(
            svg.contains("Payée\u{a0}: 5,00\u{a0}€\u{202f}; Rejetée\u{a0}: 1,00\u{a0}€."),
            "{svg}"
        );
    }

    #[test]
    fn labels_and_titles_are_escaped() {
        let c = Caption {
            id: "x\"><script>",
            title: "<b>&",
            desc: "d",
            empty: "e",
            lang: Lang::En,
        };
        let svg = bar_chart(&c, &[bar("<i>", 1.0, "R&D")]);
        assert!(
            !svg.contains("<script>") && !svg.contains("<b>") && !svg.contains("<i>"),
            "{svg}"
        );
        assert!(
            svg.contains("&lt;b&gt;&amp;") && svg.contains("R&amp;D"),
            "{svg}"
        );
    }

    #[test]
    fn columns_stand_on_one_baseline_with_heights_in_proportion() {
        let svg = column_chart(
            &Caption {
                id: "months",
                ..caption()
            },
            &[
                bar("Oct 2026", 300.0, "€300.00"),
                bar("Nov 2026", 150.0, "€150.00"),
            ],
        );
        let h = widths(&svg, "height");
        assert!(
            (h[0] - 180.0).abs() < 0.1 && (h[1] - 90.0).abs() < 0.1,
            "{h:?}"
        );
        let y = widths(&svg, "y");
        assert!(
            (y[0] + h[0] - 220.0).abs() < 0.1 && (y[1] + h[1] - 220.0).abs() < 0.1,
            "{y:?}"
        );
        assert!(svg.contains(">Nov 2026</text>") && svg.contains(">€150.00</text>"));
    }
}
