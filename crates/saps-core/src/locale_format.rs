//! Dates, months, numbers and money written as each of the five locales writes
//! them — the one formatter the web pages, the mails and the invoices share
//! (the conventions are CLDR's; see GLOSSARY.md).
//!
//! - [`short_date`]: "Nov 2, 2020" · "2 nov. 2020" · "2 de nov. de 2020" ·
//!   "2 нояб. 2020 г." · "2 nov 2020" (pages, invoices);
//! - [`long_date`]: "November 2, 2020" · "2 novembre 2020" · … (letters);
//! - [`datetime`]: a short date and the time of day in UTC;
//! - [`month_short`] and [`month_year`]: a month on its own, as a label
//!   ("Nov 2026" · "nov. 2026" · "нояб. 2026"): Russian names the month in the
//!   nominative there, and in the genitive inside a date ("2 мая", "май 2026");
//! - [`number`] and [`money`]: the locale's grouping and decimal separators and
//!   where the currency goes ("€1,349.90" · "1 349,90 €" · "R$ 1.349,90").
//!
//! French writes the first of the month "1er" in both date forms.

use crate::{Locale, Money};
use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};

/// Abbreviated month names inside a date (Russian: genitive).
const SHORT_IN_DATE: [[&str; 12]; 5] = [
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    [
        "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.",
        "dez.",
    ],
    [
        "янв.",
        "февр.",
        "мар.",
        "апр.",
        "мая",
        "июн.",
        "июл.",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ],
    [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ],
];

/// Abbreviated month names standing alone (Russian: nominative).
const SHORT_ALONE: [[&str; 12]; 5] = [
    SHORT_IN_DATE[0],
    SHORT_IN_DATE[1],
    SHORT_IN_DATE[2],
    [
        "янв.",
        "февр.",
        "март",
        "апр.",
        "май",
        "июнь",
        "июль",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ],
    SHORT_IN_DATE[4],
];

/// Full month names inside a date (Russian: genitive).
const LONG_IN_DATE: [[&str; 12]; 5] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
];

fn index(locale: Locale) -> usize {
    match locale {
        Locale::En => 0,
        Locale::Fr => 1,
        Locale::PtBr => 2,
        Locale::Ru => 3,
        Locale::It => 4,
    }
}

/// The month's place in the year, 0 to 11 (an out-of-range month is clamped).
fn month_index(month: i8) -> usize {
    (month.clamp(1, 12) - 1) as usize
}

/// A date with the given month names (the patterns of both date forms agree).
fn write_date(locale: Locale, d: Date, months: &[[&str; 12]; 5]) -> String {
    let month = months[index(locale)][month_index(d.month())];
    let (day, year) = (d.day(), d.year());
    match locale {
        Locale::En => format!("{month} {day}, {year}"),
        Locale::Fr if day == 1 => format!("1er {month} {year}"),
        Locale::Fr | Locale::It => format!("{day} {month} {year}"),
        Locale::PtBr => format!("{day} de {month} de {year}"),
        Locale::Ru => format!("{day} {month} {year} г."),
    }
}

/// A calendar date, abbreviated: Nov 2, 2020 · 2 nov. 2020 (1er nov. 2020) ·
/// 2 de nov. de 2020 · 2 нояб. 2020 г. · 2 nov 2020.
pub fn short_date(locale: Locale, d: Date) -> String {
    write_date(locale, d, &SHORT_IN_DATE)
}

/// A calendar date written out, as in a letter: November 2, 2020 ·
/// 2 novembre 2020 (1er novembre 2020) · 2 de novembro de 2020 ·
/// 2 ноября 2020 г. · 2 novembre 2020.
pub fn long_date(locale: Locale, d: Date) -> String {
    write_date(locale, d, &LONG_IN_DATE)
}

/// An instant, in the program's time zone (UTC): Nov 2, 2020, 2:05 PM UTC ·
/// 2 nov. 2020, 14:05 UTC · 2 de nov. de 2020 14:05 UTC · …
pub fn datetime(locale: Locale, t: jiff::Timestamp) -> String {
    let z = t.to_zoned(jiff::tz::TimeZone::UTC);
    let date = short_date(locale, z.date());
    let (h, min) = (z.hour(), z.minute());
    match locale {
        Locale::En => {
            let (h12, ampm) = match h {
                0 => (12, "AM"),
                1..=11 => (h, "AM"),
                12 => (12, "PM"),
                _ => (h - 12, "PM"),
            };
            format!("{date}, {h12}:{min:02} {ampm} UTC")
        }
        Locale::PtBr => format!("{date} {h:02}:{min:02} UTC"),
        _ => format!("{date}, {h:02}:{min:02} UTC"),
    }
}

/// A month's abbreviated name standing alone (1 = January): Nov · nov. ·
/// nov. · нояб. · nov; Russian in the nominative (май, not мая).
pub fn month_short(locale: Locale, month: i8) -> &'static str {
    SHORT_ALONE[index(locale)][month_index(month)]
}

/// A month of a year as a label (chart axes, headings): Nov 2026 ·
/// nov. 2026 · nov. de 2026 · нояб. 2026 · nov 2026.
pub fn month_year(locale: Locale, year: i16, month: i8) -> String {
    let name = month_short(locale, month);
    match locale {
        Locale::PtBr => format!("{name} de {year}"),
        _ => format!("{name} {year}"),
    }
}

/// (group separator, decimal separator), as CLDR has them.
fn separators(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::En => (",", "."),
        Locale::Fr => ("\u{202f}", ","),
        Locale::Ru => ("\u{a0}", ","),
        Locale::PtBr | Locale::It => (".", ","),
    }
}

/// Digits grouped by three with the locale's separator.
fn grouped(locale: Locale, digits: &str) -> String {
    let (group, _) = separators(locale);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}

/// A whole number with the locale's grouping: 1,349 · 1 349 · 1.349.
pub fn number(locale: Locale, n: i64) -> String {
    let digits = grouped(locale, &n.unsigned_abs().to_string());
    if n < 0 { format!("-{digits}") } else { digits }
}

/// An amount of money: €1,349.90 · 1 349,90 € · R$ 1.349,90 · 1 349,90 € ·
/// 1.349,90 €; a currency without a symbol is written by its code
/// (CHF 999.50). Exact, however large: the amount is rounded to the
/// currency's minor unit only if it has more decimals than that (which a valid
/// `Money` never has).
pub fn money(locale: Locale, m: &Money) -> String {
    let digits = m.currency.minor_digits();
    let amount = m
        .amount
        .round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero);
    let negative = amount.is_sign_negative() && !amount.is_zero();
    let abs = amount.abs();
    let whole = abs.trunc().normalize();
    let fraction = ((abs - whole) * Decimal::from(10u64.pow(digits))).trunc();
    let whole = grouped(locale, &whole.to_string());
    let (_, decimal) = separators(locale);
    let amount = if digits == 0 {
        whole
    } else {
        let fraction = u64::try_from(fraction).unwrap_or(0);
        format!(
            "{whole}{decimal}{fraction:0width$}",
            width = digits as usize
        )
    };
    let sign = if negative { "-" } else { "" };
    let code = m.currency.as_str();
    let symbol = match (code, locale) {
        ("EUR", _) => "€",
        ("BRL", _) => "R$",
        ("USD", Locale::En) => "$",
        ("USD", _) => "US$",
        ("GBP", _) => "£",
        ("RUB", _) => "₽",
        _ => code,
    };
    match locale {
        Locale::En if symbol == code => format!("{sign}{symbol}\u{a0}{amount}"),
        Locale::En => format!("{sign}{symbol}{amount}"),
        Locale::PtBr => format!("{sign}{symbol}\u{a0}{amount}"),
        _ => format!("{sign}{amount}\u{a0}{symbol}"),
    }
}

/// A label and its value, as a sentence lists them: "Paid: €1,349.90" ·
/// "Payée\u{a0}: 1\u{202f}349,90\u{a0}€" (French puts a no-break space
/// before the colon).
pub fn label_value(locale: Locale, label: &str, value: &str) -> String {
    match locale {
        Locale::Fr => format!("{label}\u{a0}: {value}"),
        _ => format!("{label}: {value}"),
    }
}

/// Items of a sentence's list, joined by semicolons as the language writes
/// them (French puts a narrow no-break space before the semicolon).
pub fn semicolon_list(locale: Locale, items: &[String]) -> String {
    match locale {
        Locale::Fr => items.join("\u{202f}; "),
        _ => items.join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn money_of(amount: &str, currency: &str) -> Money {
        Money::new(amount.parse().unwrap(), currency.parse().unwrap()).unwrap()
    }

    #[test]
    fn english_dates_months_and_money() {
        let l = Locale::En;
        assert_eq!(short_date(l, date(2020, 11, 2)), "Nov 2, 2020");
        assert_eq!(short_date(l, date(2021, 5, 1)), "May 1, 2021");
        assert_eq!(long_date(l, date(2020, 11, 2)), "November 2, 2020");
        assert_eq!(month_short(l, 11), "Nov");
        assert_eq!(month_year(l, 2026, 11), "Nov 2026");
        assert_eq!(number(l, 1_234_567), "1,234,567");
        assert_eq!(number(l, 999), "999");
        assert_eq!(number(l, -1_000), "-1,000");
        assert_eq!(money(l, &money_of("1349.90", "EUR")), "€1,349.90");
        assert_eq!(money(l, &money_of("12.5", "USD")), "$12.50");
        assert_eq!(money(l, &money_of("999.50", "CHF")), "CHF\u{a0}999.50");
    }

    #[test]
    fn french_dates_months_and_money() {
        let l = Locale::Fr;
        assert_eq!(short_date(l, date(2020, 11, 2)), "2 nov. 2020");
        assert_eq!(short_date(l, date(2020, 2, 1)), "1er févr. 2020");
        assert_eq!(long_date(l, date(2020, 11, 2)), "2 novembre 2020");
        assert_eq!(long_date(l, date(2020, 2, 1)), "1er février 2020");
        assert_eq!(month_short(l, 8), "août");
        assert_eq!(month_year(l, 2026, 11), "nov. 2026");
        assert_eq!(number(l, 1_349), "1\u{202f}349");
        let m = money_of("1349.90", "EUR");
        assert_eq!(money(l, &m), "1\u{202f}349,90\u{a0}€");
        assert_eq!(money(l, &money_of("5", "USD")), "5,00\u{a0}US$");
    }

    #[test]
    fn brazilian_portuguese_dates_months_and_money() {
        let l = Locale::PtBr;
        assert_eq!(short_date(l, date(2020, 11, 2)), "2 de nov. de 2020");
        assert_eq!(long_date(l, date(2020, 3, 2)), "2 de março de 2020");
        assert_eq!(month_short(l, 2), "fev.");
        assert_eq!(month_year(l, 2026, 11), "nov. de 2026");
        assert_eq!(number(l, 1_349), "1.349");
        let brl = money_of("1349.90", "BRL");
        assert_eq!(money(l, &brl), "R$\u{a0}1.349,90");
        assert_eq!(money(l, &money_of("1349.90", "EUR")), "€\u{a0}1.349,90");
    }

    #[test]
    fn russian_names_months_in_the_genitive_in_dates_and_the_nominative_alone() {
        let l = Locale::Ru;
        assert_eq!(short_date(l, date(2020, 11, 2)), "2 нояб. 2020 г.");
        assert_eq!(short_date(l, date(2021, 5, 1)), "1 мая 2021 г.");
        assert_eq!(short_date(l, date(2021, 3, 8)), "8 мар. 2021 г.");
        assert_eq!(long_date(l, date(2020, 11, 2)), "2 ноября 2020 г.");
        assert_eq!(long_date(l, date(2021, 5, 9)), "9 мая 2021 г.");
        assert_eq!(month_short(l, 5), "май");
        assert_eq!(month_short(l, 3), "март");
        assert_eq!(month_year(l, 2026, 11), "нояб. 2026");
        assert_eq!(month_year(l, 2026, 6), "июнь 2026");
        assert_eq!(number(l, 1_349), "1\u{a0}349");
        let m = money_of("1349.90", "EUR");
        assert_eq!(money(l, &m), "1\u{a0}349,90\u{a0}€");
        assert_eq!(money(l, &money_of("100", "RUB")), "100,00\u{a0}₽");
    }

    #[test]
    fn italian_dates_months_and_money() {
        let l = Locale::It;
        assert_eq!(short_date(l, date(2020, 11, 2)), "2 nov 2020");
        assert_eq!(short_date(l, date(2020, 11, 1)), "1 nov 2020");
        assert_eq!(long_date(l, date(2020, 11, 2)), "2 novembre 2020");
        assert_eq!(month_short(l, 1), "gen");
        assert_eq!(month_year(l, 2026, 11), "nov 2026");
        assert_eq!(number(l, 150_000), "150.000");
        assert_eq!(money(l, &money_of("1349.90", "EUR")), "1.349,90\u{a0}€");
        assert_eq!(money(l, &money_of("150000", "JPY")), "150.000\u{a0}JPY");
    }

    #[test]
    fn money_keeps_every_cent_of_large_amounts_and_pads_small_ones() {
        let l = Locale::En;
        assert_eq!(money(l, &money_of("1234567.05", "EUR")), "€1,234,567.05");
        assert_eq!(
            money(l, &money_of("123456789012345678.99", "EUR")),
            "€123,456,789,012,345,678.99"
        );
        assert_eq!(money(l, &money_of("0.5", "EUR")), "€0.50");
        assert_eq!(money(l, &money_of("0", "EUR")), "€0.00");
        assert_eq!(money(l, &money_of("-12", "EUR")), "-€12.00");
        assert_eq!(money(l, &money_of("1000", "EUR")), "€1,000.00");
        assert_eq!(money(l, &money_of("1.250", "KWD")), "KWD\u{a0}1.250");
        assert_eq!(money(Locale::Fr, &money_of("-3.5", "EUR")), "-3,50\u{a0}€");
    }

    #[test]
    fn an_instant_is_a_short_date_and_the_time_in_utc() {
        let t: jiff::Timestamp = "2020-11-02T14:05:00Z".parse().unwrap();
        assert_eq!(datetime(Locale::En, t), "Nov 2, 2020, 2:05 PM UTC");
        assert_eq!(datetime(Locale::Fr, t), "2 nov. 2020, 14:05 UTC");
        assert_eq!(datetime(Locale::PtBr, t), "2 de nov. de 2020 14:05 UTC");
        assert_eq!(datetime(Locale::Ru, t), "2 нояб. 2020 г., 14:05 UTC");
        let midnight: jiff::Timestamp = "2020-11-01T00:30:00Z".parse().unwrap();
        assert_eq!(datetime(Locale::En, midnight), "Nov 1, 2020, 12:30 AM UTC");
    }

    #[test]
    fn a_month_out_of_range_is_clamped_not_a_panic() {
        assert_eq!(month_short(Locale::En, 0), "Jan");
        assert_eq!(month_short(Locale::En, 13), "Dec");
    }

    #[test]
    fn a_label_and_its_value_are_joined_as_each_language_writes_it() {
        assert_eq!(label_value(Locale::En, "Paid", "€5"), "Paid: €5");
        assert_eq!(label_value(Locale::Fr, "Payée", "5 €"), "Payée\u{a0}: 5 €");
        assert_eq!(label_value(Locale::Ru, "Оплачено", "5 €"), "Оплачено: 5 €");
        let items = ["a".to_owned(), "b".to_owned()];
        assert_eq!(semicolon_list(Locale::En, &items), "a; b");
        assert_eq!(semicolon_list(Locale::Fr, &items), "a\u{202f}; b");
    }
}
