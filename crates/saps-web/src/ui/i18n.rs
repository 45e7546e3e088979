//! The UI's languages: Fluent messages for `en`, `fr`, `pt-BR`, `ru` and `it`,
//! choosing the locale (the user's choice, then `Accept-Language`, then
//! English), and formatting dates, numbers and money per locale.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use saps_core::error::RuleArg;
use saps_core::locale_format;
use saps_core::{Error, Locale, Money, Rule, StoreError};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without this every interpolated value is wrapped in invisible
        // bidi isolation marks, which end up in copied text and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
    PtBr,
    Ru,
    It,
}

static IDS: LazyLock<[LanguageIdentifier; 5]> = LazyLock::new(|| {
    Lang::ALL.map(|l| {
        l.tag()
            .parse()
            .expect("the five tags are valid language identifiers")
    })
});

/// The files of each locale folder: `main.ftl` for what every page shares,
/// one file per feature beside it (the loader reads every `.ftl` in the
/// folder; a test checks this list names them all).
pub const LOCALE_FILES: &[&str] = &[
    "main",
    "onboarding",
    "directory",
    "handoff",
    "delivery",
    "lists",
    "claims",
    "payments",
    "outbox",
    "webhooks",
    "time",
    "audit",
    "settings",
];

macro_rules! locale_texts {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/main.ftl")),
            include_str!(concat!("../../locales/", $lang, "/onboarding.ftl")),
            include_str!(concat!("../../locales/", $lang, "/directory.ftl")),
            include_str!(concat!("../../locales/", $lang, "/handoff.ftl")),
            include_str!(concat!("../../locales/", $lang, "/delivery.ftl")),
            include_str!(concat!("../../locales/", $lang, "/lists.ftl")),
            include_str!(concat!("../../locales/", $lang, "/claims.ftl")),
            include_str!(concat!("../../locales/", $lang, "/payments.ftl")),
            include_str!(concat!("../../locales/", $lang, "/outbox.ftl")),
            include_str!(concat!("../../locales/", $lang, "/webhooks.ftl")),
            include_str!(concat!("../../locales/", $lang, "/time.ftl")),
            include_str!(concat!("../../locales/", $lang, "/audit.ftl")),
            include_str!(concat!("../../locales/", $lang, "/settings.ftl")),
        ]
    };
}

/// The message ids of each locale's files, to tell a missing message from one
/// that needs arguments (the loader reports both as a failed lookup).
static KEYS: LazyLock<[std::collections::HashSet<&'static str>; 5]> = LazyLock::new(|| {
    const FILES: [[&str; LOCALE_FILES.len()]; 5] = [
        locale_texts!("en"),
        locale_texts!("fr"),
        locale_texts!("pt-BR"),
        locale_texts!("ru"),
        locale_texts!("it"),
    ];
    FILES.map(|texts| {
        texts
            .iter()
            .flat_map(|text| text.lines())
            .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim()))
            .collect()
    })
});

/// Arguments of a message: names and values.
pub type Args<'a> = Vec<(&'static str, FluentValue<'a>)>;

impl Lang {
    pub const ALL: [Lang; 5] = [Self::En, Self::Fr, Self::PtBr, Self::Ru, Self::It];

    /// The BCP 47 tag, as in `<html lang>`, the cookie and the locale folder.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::PtBr => "pt-BR",
            Self::Ru => "ru",
            Self::It => "it",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
            Self::PtBr => "Português (Brasil)",
            Self::Ru => "Русский",
            Self::It => "Italiano",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        &IDS[self as usize]
    }

    /// A tag as stored in the cookie (exactly one of ours, case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(s.trim()))
    }

    /// The closest of ours to a language range: `pt`, `pt-PT` and `pt-BR`
    /// are Brazilian Portuguese, `ru-RU` Russian, `fr-CA` French …
    fn matching(range: &str) -> Option<Lang> {
        let primary = range.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "fr" => Some(Self::Fr),
            "pt" => Some(Self::PtBr),
            "ru" => Some(Self::Ru),
            "it" => Some(Self::It),
            _ => None,
        }
    }

    /// The best of our languages for an `Accept-Language` header, by q-value
    /// (ties keep the header's order); `None` when none is acceptable.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut ranges: Vec<(f32, usize, &str)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let range = pieces.next()?.trim();
                if range.is_empty() || range == "*" {
                    return None;
                }
                let mut q = 1.0f32;
                for p in pieces {
                    if let Some(v) = p.trim().strip_prefix("q=") {
                        q = v.trim().parse().ok().filter(|q: &f32| q.is_finite())?;
                    }
                }
                (q > 0.0).then_some((q, i, range))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranges.into_iter().find_map(|(_, _, r)| Self::matching(r))
    }

    /// A message; a missing key shows the key itself (a test keeps every key
    /// in every locale).
    pub fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(self.id(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// A message with arguments.
    pub fn ta(self, key: &str, args: Args<'_>) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .into_iter()
            .map(|(k, v)| (Cow::Borrowed(k), v))
            .collect();
        let text = LOCALES
            .try_lookup_with_args(self.id(), key, &map)
            .unwrap_or_else(|| key.to_owned());
        match self {
            // A Russian date ends with "г." (год): a sentence ending on a date
            // keeps one full stop.
            Self::Ru => text.replace("г..", "г."),
            _ => text,
        }
    }

    /// Whether this locale itself (not the fallback) has `key`.
    pub fn has(self, key: &str) -> bool {
        KEYS[self as usize].contains(key)
    }

    /// A number of planning days, with the right plural form: "5 дней".
    pub fn days(self, n: i64) -> String {
        self.ta("days", vec![("count", FluentValue::from(n))])
    }

    /// The domain's locale of this UI language.
    pub fn locale(self) -> Locale {
        match self {
            Self::En => Locale::En,
            Self::Fr => Locale::Fr,
            Self::PtBr => Locale::PtBr,
            Self::Ru => Locale::Ru,
            Self::It => Locale::It,
        }
    }

    /// A label and its value in a sentence: "Paid: €5" · "Payée : 5 €".
    pub fn label_value(self, label: &str, value: &str) -> String {
        locale_format::label_value(self.locale(), label, value)
    }

    /// A sentence's list joined by semicolons: "a; b" · "a ; b".
    pub fn semicolon_list(self, items: &[String]) -> String {
        locale_format::semicolon_list(self.locale(), items)
    }

    /// A whole number with the locale's grouping: 1,349 · 1 349 · 1.349.
    pub fn number(self, n: i64) -> String {
        locale_format::number(self.locale(), n)
    }

    /// A calendar date: Nov 2, 2020 · 2 nov. 2020 · 2 de nov. de 2020 ·
    /// 2 нояб. 2020 г. · 2 nov 2020.
    pub fn date(self, d: jiff::civil::Date) -> String {
        locale_format::short_date(self.locale(), d)
    }

    /// An instant, in the program's time zone (UTC): Nov 2, 2020, 2:05 PM UTC.
    pub fn datetime(self, t: jiff::Timestamp) -> String {
        locale_format::datetime(self.locale(), t)
    }

    /// A month of a year as a label: Nov 2026 · nov. 2026 · нояб. 2026.
    pub fn month_year(self, year: i16, month: i8) -> String {
        locale_format::month_year(self.locale(), year, month)
    }

    /// An amount of money: €1,349.90 · 1 349,90 € · R$ 1.349,90 · 1 349,90 € ·
    /// 1.349,90 €.
    pub fn money(self, m: &Money) -> String {
        locale_format::money(self.locale(), m)
    }

    /// A country's name from its ISO code, or the code when we have no name.
    pub fn country(self, code: &str) -> String {
        let key = format!("country-{code}");
        if self.has(&key) {
            self.t(&key)
        } else {
            code.to_owned()
        }
    }

    /// A list of numbers: "1, 3, 5 or 10" in the locale's words.
    pub fn numbers(self, ns: &[u32]) -> String {
        match ns {
            [] => String::new(),
            [one] => one.to_string(),
            [init @ .., last] => {
                let init: Vec<String> = init.iter().map(u32::to_string).collect();
                self.ta(
                    "list-or",
                    vec![
                        ("init", FluentValue::from(init.join(", "))),
                        ("last", FluentValue::from(last.to_string())),
                    ],
                )
            }
        }
    }

    /// An engagement's name: translated for the shipped catalog, else the
    /// program's own name.
    pub fn engagement(self, code: &str, fallback: &str) -> String {
        let key = format!("engagement-{code}");
        if self.has(&key) {
            self.t(&key)
        } else {
            fallback.to_owned()
        }
    }

    /// A refused rule's message, with its data formatted for this locale.
    pub fn rule(self, rule: &Rule) -> String {
        let args = rule
            .args()
            .into_iter()
            .map(|(name, arg)| {
                let v = match arg {
                    RuleArg::Text(s) if name == "engagement" => {
                        FluentValue::from(self.engagement(&s, &s))
                    }
                    RuleArg::Text(s) if name.ends_with("country") => {
                        FluentValue::from(self.country(&s))
                    }
                    RuleArg::Text(s) if name == "role" => FluentValue::from(self.t(&role_key(&s))),
                    RuleArg::Text(s) => FluentValue::from(s),
                    RuleArg::Number(n) => FluentValue::from(n),
                    RuleArg::Date(d) => FluentValue::from(self.date(d)),
                    RuleArg::Numbers(ns) => FluentValue::from(self.numbers(&ns)),
                };
                (name, v)
            })
            .collect();
        self.ta(&rule_key(rule.name()), args)
    }

    /// The message for any refusal of the domain, as the UI shows it.
    pub fn error(self, e: &Error) -> String {
        match e {
            Error::Rule(r) => self.rule(r),
            Error::NotFound(entity) => {
                let key = format!("not-found-{}", entity.as_str());
                if self.has(&key) {
                    self.t(&key)
                } else {
                    self.t("not-found-generic")
                }
            }
            Error::Conflict { entity, .. } => {
                let key = format!("conflict-{}", entity.as_str());
                if self.has(&key) {
                    self.t(&key)
                } else {
                    self.t("conflict-generic")
                }
            }
            Error::Forbidden(_) => self.t("error-forbidden"),
            Error::Invalid { field, .. } => {
                let key = format!("invalid-{}", field.replace(['.', '_'], "-"));
                if self.has(&key) {
                    self.t(&key)
                } else {
                    self.t("invalid-generic")
                }
            }
            Error::Unauthenticated => self.t("login-failed"),
            Error::Throttled(_) => self.t("login-throttled"),
            Error::Store(StoreError::Retry | StoreError::Stale) => self.t("error-busy"),
            Error::Store(StoreError::Duplicate(_)) => self.t("error-duplicate"),
            Error::Store(StoreError::Backend(_)) => self.t("error-internal"),
        }
    }
}

/// The message key of a rule: `rule-` and its name with dashes.
pub fn rule_key(name: &str) -> String {
    format!("rule-{}", name.replace('_', "-"))
}

/// The message key of a role.
pub fn role_key(role: &str) -> String {
    format!("role-{}", role.replace('_', "-"))
}

/// The message key of a voucher state.
pub fn state_key(state: saps_core::VoucherState) -> String {
    format!("state-{}", state.as_str())
}

/// The message key of a journal event kind (`voucher.reserved` →
/// `event-voucher-reserved`).
pub fn event_key(kind: &str) -> String {
    format!("event-{}", kind.replace(['.', '_'], "-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_are_written_as_each_locale_writes_them() {
        let d = date(2020, 11, 2);
        assert_eq!(Lang::En.date(d), "Nov 2, 2020");
        assert_eq!(Lang::Fr.date(d), "2 nov. 2020");
        assert_eq!(Lang::PtBr.date(d), "2 de nov. de 2020");
        assert_eq!(Lang::Ru.date(d), "2 нояб. 2020 г.");
        assert_eq!(Lang::It.date(d), "2 nov 2020");
        assert_eq!(Lang::Ru.date(date(2021, 5, 1)), "1 мая 2021 г.");
    }

    #[test]
    fn money_is_written_as_each_locale_writes_it() {
        let eur: saps_core::Currency = "EUR".parse().unwrap();
        let brl: saps_core::Currency = "BRL".parse().unwrap();
        let m = Money::from_minor_units(134_990, eur);
        assert_eq!(Lang::En.money(&m), "€1,349.90");
        assert_eq!(Lang::Fr.money(&m), "1\u{202f}349,90\u{a0}€");
        assert_eq!(Lang::Ru.money(&m), "1\u{a0}349,90\u{a0}€");
        assert_eq!(Lang::It.money(&m), "1.349,90\u{a0}€");
        assert_eq!(
            Lang::PtBr.money(&Money::from_minor_units(134_990, brl)),
            "R$\u{a0}1.349,90"
        );
        assert_eq!(Lang::En.number(1_234_567), "1,234,567");
        assert_eq!(Lang::En.number(999), "999");
    }

    #[test]
    fn accept_language_picks_the_best_of_ours_by_quality() {
        assert_eq!(Lang::negotiate("pt-BR,pt;q=0.9,en;q=0.8"), Some(Lang::PtBr));
        assert_eq!(Lang::negotiate("pt"), Some(Lang::PtBr));
        assert_eq!(Lang::negotiate("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::negotiate("de-DE, it;q=0.5, fr;q=0.7"), Some(Lang::Fr));
        assert_eq!(Lang::negotiate("fr;q=0, it"), Some(Lang::It));
        assert_eq!(Lang::negotiate("de, *"), None);
        assert_eq!(Lang::negotiate(""), None);
        assert_eq!(Lang::negotiate("en;q=abc, ru"), Some(Lang::Ru));
    }

    #[test]
    fn russian_days_take_all_their_plural_forms() {
        assert_eq!(Lang::Ru.days(1), "1 день");
        assert_eq!(Lang::Ru.days(2), "2 дня");
        assert_eq!(Lang::Ru.days(5), "5 дней");
        assert_eq!(Lang::Ru.days(21), "21 день");
        assert_eq!(Lang::Ru.days(11), "11 дней");
        assert_eq!(Lang::En.days(1), "1 day");
        assert_eq!(Lang::En.days(2), "2 days");
        assert_eq!(Lang::Fr.days(0), "0 jour");
        assert_eq!(Lang::Fr.days(2), "2 jours");
        assert_eq!(Lang::PtBr.days(1), "1 dia");
        assert_eq!(Lang::PtBr.days(2), "2 dias");
        assert_eq!(Lang::It.days(1), "1 giorno");
        assert_eq!(Lang::It.days(2), "2 giorni");
    }

    #[test]
    fn a_russian_sentence_ending_on_a_date_has_one_full_stop() {
        let rule = Rule::VoucherExpired {
            expired_on: date(2021, 5, 1),
        };
        assert_eq!(
            Lang::Ru.rule(&rule),
            "Срок действия ваучера истек 1 мая 2021 г."
        );
    }
}
