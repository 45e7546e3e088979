//! The words of every e-mail saps sends, in the recipient's language: one
//! translated template per kind of mail, rendered as plain text and as HTML
//! (sent together as `multipart/alternative`), with plural forms and dates as
//! each locale writes them.
//!
//! A template is three messages in `crates/saps-app/locales/<lang>/mail.ftl`:
//! `<kind>-subject`, `<kind>-intro` (the first paragraph) and, optionally,
//! `<kind>-next` (what the reader can do). Facts (voucher ID, dates …) follow
//! the intro as labelled lines, and every mail ends with the link to the page
//! where the action is taken. To add a mail: write its three messages in the
//! five files, then build a [`Draft`] and hand it to [`super::queue`].

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use jiff::civil::Date;
use saps_core::Locale;
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without this every interpolated value is wrapped in invisible bidi
        // isolation marks, which would end up in the mail.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language(locale: Locale) -> LanguageIdentifier {
    locale
        .as_str()
        .parse()
        .expect("every locale is a language identifier")
}

/// One message in `locale`; a missing message shows its key (a test keeps
/// every key in every locale).
pub fn message(locale: Locale, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(&language(locale), key, &map)
        .unwrap_or_else(|| key.to_owned())
}

/// The mail files' sources, in the order of [`Locale::ALL`].
const SOURCES: [&str; 5] = [
    include_str!("../../locales/en/mail.ftl"),
    include_str!("../../locales/fr/mail.ftl"),
    include_str!("../../locales/pt-BR/mail.ftl"),
    include_str!("../../locales/ru/mail.ftl"),
    include_str!("../../locales/it/mail.ftl"),
];

/// The message keys each locale's file defines.
static KEYS: std::sync::LazyLock<Vec<Vec<&'static str>>> = std::sync::LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|src| {
            src.lines()
                .filter(|l| !l.starts_with([' ', '#', '-']) && l.contains(" ="))
                .filter_map(|l| l.split(" =").next())
                .collect()
        })
        .collect()
});

/// The message keys of a locale's mail file.
pub fn keys(locale: Locale) -> &'static [&'static str] {
    let i = Locale::ALL
        .iter()
        .position(|l| *l == locale)
        .expect("every locale is listed");
    &KEYS[i]
}

/// Whether `locale` itself (not the English fallback) has `key`.
pub fn has_message(locale: Locale, key: &str) -> bool {
    keys(locale).contains(&key)
}

/// A number of planning days with its plural form: "1 день", "3 дня", "5 дней".
pub fn days(locale: Locale, n: i64) -> String {
    message(locale, "mail-days", &[("count", FluentValue::from(n))])
}

/// A date written out as `locale` writes it in a letter: "November 2, 2020",
/// "2 novembre 2020" ("1er novembre 2020"), "2 de novembro de 2020",
/// "2 ноября 2020 г.", "2 novembre 2020" (saps-core's one formatter).
pub use saps_core::locale_format::long_date as date;

/// A value given to a template, formatted in the recipient's locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// A number of planning days, with its plural form.
    Days(i64),
    /// A plain count, for plural selection in the message itself.
    Count(i64),
    Date(Date),
}

impl Arg {
    fn value(&self, locale: Locale) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Days(n) => FluentValue::from(days(locale, *n)),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Date(d) => FluentValue::from(date(locale, *d)),
        }
    }

    fn shown(&self, locale: Locale) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Days(n) => days(locale, *n),
            Arg::Count(n) => n.to_string(),
            Arg::Date(d) => date(locale, *d),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<Date> for Arg {
    fn from(d: Date) -> Self {
        Arg::Date(d)
    }
}

/// A mail before it is written in its recipient's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The template: the messages `<kind>-subject`, `<kind>-intro`, `<kind>-next`.
    pub kind: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    /// Labelled facts after the intro: a label's message key and its value.
    pub facts: Vec<(&'static str, Arg)>,
    /// The page where the action is taken (absolute URL).
    pub link: String,
}

impl Draft {
    pub fn new(kind: &'static str, link: String) -> Self {
        Self {
            kind,
            args: Vec::new(),
            facts: Vec::new(),
            link,
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn fact(mut self, label: &'static str, value: impl Into<Arg>) -> Self {
        self.facts.push((label, value.into()));
        self
    }

    /// The mail in `locale`.
    pub fn render(&self, locale: Locale) -> Letter {
        let args: Vec<_> = self
            .args
            .iter()
            .map(|(k, v)| (*k, v.value(locale)))
            .collect();
        let m = |suffix: &str| message(locale, &format!("{}-{suffix}", self.kind), &args);
        let subject = m("subject");
        let intro = m("intro");
        let next_key = format!("{}-next", self.kind);
        let next = has_message(Locale::En, &next_key).then(|| m("next"));
        let facts: Vec<(String, String)> = self
            .facts
            .iter()
            .map(|(label, v)| (message(locale, label, &[]), v.shown(locale)))
            .collect();
        let link_text = message(locale, "mail-link", &[]);
        let signature = message(locale, "mail-signature", &[]);

        let mut text = format!("{intro}\n\n");
        for (label, value) in &facts {
            text.push_str(&format!("{label}: {value}\n"));
        }
        if !facts.is_empty() {
            text.push('\n');
        }
        if let Some(next) = &next {
            text.push_str(&format!("{next}\n\n"));
        }
        text.push_str(&format!("{link_text}: {}\n\n-- \n{signature}\n", self.link));

        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <title>{title}</title></head><body>\n<p>{intro}</p>\n",
            lang = locale.as_str(),
            title = escape(&subject),
            intro = escape(&intro),
        );
        if !facts.is_empty() {
            html.push_str("<table>\n");
            for (label, value) in &facts {
                html.push_str(&format!(
                    "<tr><th scope=\"row\" align=\"left\">{}</th><td>{}</td></tr>\n",
                    escape(label),
                    escape(value)
                ));
            }
            html.push_str("</table>\n");
        }
        if let Some(next) = &next {
            html.push_str(&format!("<p>{}</p>\n", escape(next)));
        }
        html.push_str(&format!(
            "<p><a href=\"{href}\">{link_text}</a></p>\n<p>{signature}</p>\n</body></html>\n",
            href = escape(&self.link),
            link_text = escape(&link_text),
            signature = escape(&signature),
        ));
        Letter {
            subject,
            text,
            html,
        }
    }
}

/// A mail written in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn russian_days_take_one_few_and_many_forms() {
        let shown: Vec<String> = [1, 3, 5, 21, 22, 11, 0]
            .into_iter()
            .map(|n| days(Locale::Ru, n))
            .collect();
        assert_eq!(
            shown,
            [
                "1 день",
                "3 дня",
                "5 дней",
                "21 день",
                "22 дня",
                "11 дней",
                "0 дней"
            ]
        );
    }

    #[test]
    fn days_are_plural_as_each_language_says() {
        assert_eq!(days(Locale::En, 1), "1 day");
        assert_eq!(days(Locale::En, 5), "5 days");
        assert_eq!(days(Locale::Fr, 0), "0 jour");
        assert_eq!(days(Locale::Fr, 2), "2 jours");
        assert_eq!(days(Locale::PtBr, 1), "1 dia");
        assert_eq!(days(Locale::PtBr, 3), "3 dias");
        assert_eq!(days(Locale::It, 1), "1 giorno");
        assert_eq!(days(Locale::It, 10), "10 giorni");
    }

    #[test]
    fn dates_are_written_out_as_each_locale_writes_them_in_a_letter() {
        let nov2 = d(2020, 11, 2);
        assert_eq!(date(Locale::En, nov2), "November 2, 2020");
        assert_eq!(date(Locale::Fr, nov2), "2 novembre 2020");
        assert_eq!(date(Locale::Fr, d(2020, 2, 1)), "1er février 2020");
        assert_eq!(date(Locale::PtBr, nov2), "2 de novembro de 2020");
        assert_eq!(date(Locale::Ru, nov2), "2 ноября 2020 г.");
        assert_eq!(date(Locale::It, nov2), "2 novembre 2020");
    }

    #[test]
    fn every_locale_has_every_mail_message_of_english() {
        let en = keys(Locale::En);
        assert!(en.len() > 20, "{en:?}");
        for locale in Locale::ALL {
            for key in en {
                assert!(has_message(locale, key), "{} lacks {key}", locale.as_str());
            }
            assert_eq!(keys(locale).len(), en.len(), "{}", locale.as_str());
        }
    }

    #[test]
    fn a_letter_has_its_facts_and_link_in_text_and_escaped_html() {
        let draft = Draft::new("returned", "https://saps.example/vouchers/ABCD".into())
            .arg("partner", "Tailspin <Toys>")
            .arg("code", "ABCD")
            .fact("mail-voucher-id", "ABCD")
            .fact("mail-expires-on", d(2021, 6, 30))
            .fact("mail-reason", "no consultant");
        let en = draft.render(Locale::En);
        assert!(en.subject.contains("ABCD"), "{}", en.subject);
        assert!(en.text.contains("Voucher ID: ABCD"), "{}", en.text);
        assert!(en.text.contains("June 30, 2021"), "{}", en.text);
        assert!(
            en.text.contains("https://saps.example/vouchers/ABCD"),
            "{}",
            en.text
        );
        assert!(en.html.contains("Tailspin &lt;Toys&gt;"), "{}", en.html);
        assert!(!en.html.contains("<Toys>"), "{}", en.html);
        let ru = draft.render(Locale::Ru);
        assert!(ru.text.contains("30 июня 2021 г."), "{}", ru.text);
        assert!(
            ru.text.contains("Идентификатор ваучера: ABCD"),
            "{}",
            ru.text
        );
        assert!(ru.html.starts_with("<!DOCTYPE html>"));
        assert!(ru.html.contains("lang=\"ru\""));
    }
}
