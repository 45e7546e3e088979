//! The five locales: every message the code and templates use, translated,
//! complete, with the plural forms and dates of each language.

use saps_core::error::{DeliveryRule, PaymentRule, TimeRule};
use saps_core::{EventBody, MilestoneName, Program, Role, Rule, VoucherState};
use saps_web::ui::i18n::{Lang, event_key, role_key, rule_key, state_key};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
// ---- the locales -------------------------------------------------------------------
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The messages of one locale's file: id → value (attributes and comments
/// aside), as written.
fn messages(lang: Lang) -> BTreeMap<String, String> {
    let dir = crate_dir().join("locales").join(lang.tag());
    let mut text = String::new();
    for file in saps_web::ui::i18n::LOCALE_FILES {
        let path = dir.join(format!("{file}.ftl"));
        text.push_str(&std::fs::read_to_string(&path).expect("locale file"));
        text.push('\n');
    }
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_entry {
            let (id, value) = line.split_once('=').expect("an entry has `=`");
            let id = id.trim().to_owned();
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{}: bad message id {id:?}",
                lang.tag()
            );
            assert!(
                out.insert(id.clone(), value.trim().to_owned()).is_none(),
                "{}: {id} is defined twice",
                lang.tag()
            );
            current = Some(id);
        } else if line.starts_with(' ') {
            if let Some(id) = &current {
                let v = out.get_mut(id).expect("current");
                v.push('\n');
                v.push_str(line.trim());
            }
        } else {
            current = None;
        }
    }
    out
}

fn every_rule() -> Vec<Rule> {
    let d = jiff::civil::date(2021, 6, 30);
    let s = || "X".to_owned();
    let all = vec![
        Rule::UnknownEngagement { engagement: s() },
        Rule::LengthNotAllowed {
            engagement: s(),
            days: 2,
            allowed: vec![1, 3],
        },
        Rule::EngagementRetired {
            engagement: s(),
            on: d,
        },
        Rule::SecondFifteenDayEngagement { engagement: s() },
        Rule::CreationClosed { last_day: d },
        Rule::AssignmentClosed { last_day: d },
        Rule::DaysRemoved { on: d },
        Rule::VoucherExpired { expired_on: d },
        Rule::InsufficientDays {
            available: 1,
            requested: saps_core::Days(3),
        },
        Rule::BenefitNotActive,
        Rule::BenefitAlreadyActive,
        Rule::AgreementNotActive { agreement: s() },
        Rule::AgreementInvalid { reason: s() },
        Rule::AccrualEnded { on: d },
        Rule::TermsNotAccepted,
        Rule::DeliveryCountryMismatch {
            location_country: "IT".into(),
            delivery_country: "FR".into(),
        },
        Rule::EngagementAlreadyStarted {
            start_date: d,
            today: d,
        },
        Rule::EndsBeforeStart,
        Rule::EndsAfterExpiry { expires_on: d },
        Rule::TooLongForVoucher { voucher_days: 3 },
        Rule::ConsultantNotInPartner,
        Rule::ProjectManagerNotInCustomer,
        Rule::PartnerUnknown,
        Rule::LocationNotInPartner,
        Rule::RedemptionClosed { last_day: d },
        Rule::RoleNotInOrg { role: s() },
        Rule::EmailTaken,
        Rule::AgreementNumberTaken,
        Rule::UnknownCourse { course: s() },
        Rule::UnknownCompetency { competency: s() },
        Rule::UnknownExam { exam: s() },
        Rule::ProviderAgreementNotNewer {
            version: 1,
            current: 2,
        },
        Rule::ProviderAgreementNotCurrent {
            version: 1,
            current: 2,
        },
        Rule::ProviderAgreementNotAccepted,
        Rule::ProviderAgreementNotSigned { version: 2 },
        Rule::UnknownOffering { offering: s() },
        Rule::OfferingNotActive { offering: s() },
        Rule::NotEnrolled { offering: s() },
        Rule::EnrollmentLapsed {
            offering: s(),
            valid_until: d,
        },
        Rule::LocationNotApproved {
            location: s(),
            offering: s(),
        },
        Rule::NoApprovedLocationInCountry {
            offering: s(),
            country: s(),
        },
        Rule::ComplianceTrainingMissing { course: s() },
        Rule::CompetencyMissing {
            competency: s(),
            engagement: s(),
        },
        Rule::CompetencyExpired {
            competency: s(),
            expired_on: d,
        },
        Rule::ConsultantNotQualified {
            engagement: s(),
            exams: s(),
        },
        Rule::NoQualifiedConsultant {
            engagement: s(),
            exams: s(),
        },
        Rule::ReservationTooShort {
            window_days: 1,
            voucher_days: 3,
        },
        Rule::Delivery(DeliveryRule::DeliveryInFuture { today: d }),
        Rule::Delivery(DeliveryRule::DeliveryOutsideReservation {
            start_date: d,
            end_date: d,
        }),
        Rule::Delivery(DeliveryRule::DeliveredDaysMismatch {
            delivered: 2,
            voucher_days: 3,
        }),
        Rule::Delivery(DeliveryRule::TooManyOffsiteDays {
            days_offsite: 4,
            max: 3,
        }),
        Rule::Delivery(DeliveryRule::DeliverableMissing),
        Rule::Delivery(DeliveryRule::DeliverableType { filename: s() }),
        Rule::Delivery(DeliveryRule::NotSignedOff),
        Rule::Payment(PaymentRule::NoRedeemedVoucher { offering: s() }),
        Rule::Payment(PaymentRule::NotRegistered { offering: s() }),
        Rule::Payment(PaymentRule::VoucherNotRedeemed { code: s() }),
        Rule::Payment(PaymentRule::ClaimWindowClosed {
            code: s(),
            last_day: d,
        }),
        Rule::Payment(PaymentRule::MixedLocations),
        Rule::Payment(PaymentRule::MixedCurrencies),
        Rule::Payment(PaymentRule::NoRateInForce {
            country: s(),
            on: d,
        }),
        Rule::Payment(PaymentRule::BankAccountMissing),
        Rule::Payment(PaymentRule::DuplicateRate {
            country: s(),
            effective_from: d,
        }),
        Rule::Payment(PaymentRule::DisputeWindowClosed { last_day: d }),
        Rule::Payment(PaymentRule::AlreadyDisputed),
        Rule::Payment(PaymentRule::VoucherClaimedElsewhere { code: s() }),
        Rule::Time(TimeRule::ConversionClosed { on: d }),
        Rule::Time(TimeRule::NotEnoughTrainingDays {
            held: 2,
            requested: 3,
        }),
    ];
    // A new rule fails to compile here until it is added to the list above.
    for r in &all {
        match r {
            Rule::UnknownEngagement { .. }
            | Rule::LengthNotAllowed { .. }
            | Rule::EngagementRetired { .. }
            | Rule::SecondFifteenDayEngagement { .. }
            | Rule::CreationClosed { .. }
            | Rule::AssignmentClosed { .. }
            | Rule::DaysRemoved { .. }
            | Rule::VoucherExpired { .. }
            | Rule::InsufficientDays { .. }
            | Rule::BenefitNotActive
            | Rule::BenefitAlreadyActive
            | Rule::AgreementNotActive { .. }
            | Rule::AgreementInvalid { .. }
            | Rule::AccrualEnded { .. }
            | Rule::TermsNotAccepted
            | Rule::DeliveryCountryMismatch { .. }
            | Rule::EngagementAlreadyStarted { .. }
            | Rule::EndsBeforeStart
            | Rule::EndsAfterExpiry { .. }
            | Rule::TooLongForVoucher { .. }
            | Rule::ConsultantNotInPartner
            | Rule::ProjectManagerNotInCustomer
            | Rule::PartnerUnknown
            | Rule::LocationNotInPartner
            | Rule::RedemptionClosed { .. }
            | Rule::RoleNotInOrg { .. }
            | Rule::EmailTaken
            | Rule::AgreementNumberTaken
            | Rule::UnknownCourse { .. }
            | Rule::UnknownCompetency { .. }
            | Rule::UnknownExam { .. }
            | Rule::ProviderAgreementNotNewer { .. }
            | Rule::ProviderAgreementNotCurrent { .. }
            | Rule::ProviderAgreementNotAccepted
            | Rule::ProviderAgreementNotSigned { .. }
            | Rule::UnknownOffering { .. }
            | Rule::OfferingNotActive { .. }
            | Rule::NotEnrolled { .. }
            | Rule::EnrollmentLapsed { .. }
            | Rule::LocationNotApproved { .. }
            | Rule::NoApprovedLocationInCountry { .. }
            | Rule::ComplianceTrainingMissing { .. }
            | Rule::CompetencyMissing { .. }
            | Rule::CompetencyExpired { .. }
            | Rule::ConsultantNotQualified { .. }
            | Rule::NoQualifiedConsultant { .. }
            | Rule::ReservationTooShort { .. } => {}
            Rule::Delivery(d) => match d {
                DeliveryRule::DeliveryInFuture { .. }
                | DeliveryRule::DeliveryOutsideReservation { .. }
                | DeliveryRule::DeliveredDaysMismatch { .. }
                | DeliveryRule::TooManyOffsiteDays { .. }
                | DeliveryRule::DeliverableMissing
                | DeliveryRule::DeliverableType { .. }
                | DeliveryRule::NotSignedOff => {}
            },
            Rule::Payment(p) => match p {
                PaymentRule::NoRedeemedVoucher { .. }
                | PaymentRule::NotRegistered { .. }
                | PaymentRule::VoucherNotRedeemed { .. }
                | PaymentRule::ClaimWindowClosed { .. }
                | PaymentRule::MixedLocations
                | PaymentRule::MixedCurrencies
                | PaymentRule::NoRateInForce { .. }
                | PaymentRule::BankAccountMissing
                | PaymentRule::DuplicateRate { .. }
                | PaymentRule::DisputeWindowClosed { .. }
                | PaymentRule::AlreadyDisputed
                | PaymentRule::VoucherClaimedElsewhere { .. } => {}
            },
            Rule::Time(t) => match t {
                TimeRule::ConversionClosed { .. } | TimeRule::NotEnoughTrainingDays { .. } => {}
            },
        }
    }
    all
}

/// Every string literal shaped like a message id in the UI's Rust code and
/// every key the templates look up.
fn keys_used_in_code() -> BTreeSet<String> {
    // Header names and values that look like ids but are not messages.
    const NOT_KEYS: &[&str] = &[
        "x-forwarded-proto",
        "sec-fetch-site",
        "same-origin",
        "no-store",
        "text/html",
        "accept-language",
        "image/svg",
    ];
    let mut keys = BTreeSet::new();
    let mut scan = |text: &str, templates: bool| {
        let mut rest = text;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            let lit = &after[..end];
            let before = &rest[..start];
            let looks_like_id = lit.contains('-')
                && lit.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && lit
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !lit.ends_with('-');
            let is_lookup = !templates
                || [".t(", ".t1(", ".t2("]
                    .iter()
                    .any(|call| before.ends_with(call));
            if looks_like_id && is_lookup && !NOT_KEYS.contains(&lit) {
                keys.insert(lit.to_owned());
            }
            rest = &after[end + 1..];
        }
    };
    for dir in ["src/ui", "templates"] {
        for path in files_under(&crate_dir().join(dir)) {
            let text = std::fs::read_to_string(&path).expect("file");
            scan(&text, dir == "templates");
        }
    }
    keys
}

/// Every file in a folder and its subfolders.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Every message the UI may look up.
fn keys_the_ui_needs() -> BTreeSet<String> {
    let mut keys = keys_used_in_code();
    keys.extend(every_rule().iter().map(|r| rule_key(r.name())));
    keys.extend(VoucherState::ALL.iter().map(|s| state_key(*s)));
    keys.extend(Role::ALL.iter().map(|r| role_key(r.as_str())));
    for m in MilestoneName::ALL {
        let name = serde_json::to_value(m).expect("milestone");
        let name = name.as_str().expect("a string").replace('_', "-");
        keys.insert(format!("milestone-{name}"));
    }
    // A voucher's history holds its voucher events; each has its own words.
    for kind in EventBody::KINDS
        .iter()
        .filter(|k| k.starts_with("voucher."))
    {
        keys.insert(event_key(kind));
    }
    for done in [
        "created",
        "assigned",
        "cancelled",
        "reserved",
        "reservation-cancelled",
        "clock-moved",
        "benefit-activated",
    ] {
        keys.insert(format!("done-{done}"));
    }
    for e in ["voucher", "agreement", "generic"] {
        keys.insert(format!("not-found-{e}"));
    }
    for e in ["voucher", "clock", "generic"] {
        keys.insert(format!("conflict-{e}"));
    }
    let program = Program::sa_planning_services();
    for o in &program.offerings {
        keys.insert(format!("offering-{}", o.code));
        for e in &o.engagements {
            keys.insert(format!("engagement-{}", e.code));
        }
    }
    for c in ["FR", "IT", "BR", "RU", "US"] {
        keys.insert(format!("country-{c}"));
    }
    keys.insert("days".into());
    keys.insert("list-or".into());
    // The business profile and the directory: industries, field refusals.
    for code in saps_core::profile::INDUSTRIES {
        keys.insert(format!("industry-{}", code.replace('_', "-")));
    }
    for field in [
        "description",
        "languages",
        "industries",
        "website",
        "country",
        "language",
        "q",
    ] {
        keys.insert(format!("invalid-{field}"));
    }
    keys.insert("done-profile-saved".into());
    keys.insert("conflict-profile".into());
    keys
}

#[test]
fn every_locale_has_exactly_the_english_keys() {
    let en: BTreeSet<String> = messages(Lang::En).into_keys().collect();
    for lang in Lang::ALL {
        let keys: BTreeSet<String> = messages(lang).into_keys().collect();
        let missing: Vec<_> = en.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in English {extra:?}",
            lang.tag()
        );
    }
}

#[test]
fn every_key_the_ui_uses_and_every_rule_has_a_message_in_every_locale() {
    let needed = keys_the_ui_needs();
    assert!(
        needed.len() > 200,
        "the scan found the keys ({})",
        needed.len()
    );
    for lang in Lang::ALL {
        let missing: Vec<_> = needed.iter().filter(|k| !lang.has(k)).collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", lang.tag());
    }
}

#[test]
fn every_rule_message_is_complete_in_every_locale() {
    for lang in Lang::ALL {
        for rule in every_rule() {
            let text = lang.rule(&rule);
            assert!(
                !text.contains("rule-") && !text.contains('{') && !text.contains("Unknown"),
                "{}: {} renders as {text:?}",
                lang.tag(),
                rule.name()
            );
        }
    }
}

#[test]
fn the_other_locales_are_translated_not_left_in_english() {
    let en = messages(Lang::En);
    // Words that are the same in that language (product names, loanwords).
    let same: HashMap<&str, &[&str]> = HashMap::from([
        (
            "fr",
            &[
                "event-other",
                "voucher-consultant",
                "role-consultant",
                "vouchers-actions",
                "users-action",
                "voucher-dates",
                "clock-date",
                "country-FR",
                "country-PT",
                "nav-main",
            ][..],
        ),
        ("pt-BR", &["event-other", "country-PT", "nav-main"][..]),
        ("ru", &["event-other"][..]),
        (
            "it",
            &[
                "event-other",
                "nav-home",
                "home-title",
                "nav-vouchers",
                "vouchers-title",
                "voucher-heading",
                "operator-count",
                "voucher-partner",
                "assign-partner",
                "voucher-project-manager",
                "new-project-manager",
                "role-project-manager",
                "login-password",
                "nav-main",
                "country-RU",
                "voucher-title",
                "pay-col-partner",
            ][..],
        ),
    ]);
    for lang in [Lang::Fr, Lang::PtBr, Lang::Ru, Lang::It] {
        let allowed = same.get(lang.tag()).copied().unwrap_or(&[]);
        let untranslated: Vec<_> = messages(lang)
            .into_iter()
            .filter(|(k, v)| en.get(k) == Some(v) && !allowed.contains(&k.as_str()))
            .map(|(k, _)| k)
            .collect();
        assert!(
            untranslated.is_empty(),
            "{}: still in English: {untranslated:?}",
            lang.tag()
        );
    }
}

#[test]
fn russian_days_take_their_four_forms_and_dates_follow_each_locale() {
    assert_eq!(Lang::Ru.days(1), "1 день");
    assert_eq!(Lang::Ru.days(2), "2 дня");
    assert_eq!(Lang::Ru.days(5), "5 дней");
    assert_eq!(Lang::Ru.days(21), "21 день");
    let d = jiff::civil::date(2020, 11, 2);
    let dates: Vec<String> = Lang::ALL.iter().map(|l| l.date(d)).collect();
    assert_eq!(
        dates,
        [
            "Nov 2, 2020",
            "2 nov. 2020",
            "2 de nov. de 2020",
            "2 нояб. 2020 г.",
            "2 nov 2020"
        ]
    );
}
