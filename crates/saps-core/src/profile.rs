//! A partner company's business profile (what the partner directory shows)
//! and the directory's text search, pure.
//!
//! **Validation.** A description of at most 2,500 characters; at most 20
//! language tags (BCP 47 shapes: a 2–3 letter language, an optional 4 letter
//! script and an optional 2 letter or 3 digit region: `en`, `fr`, `pt-BR`,
//! `zh-Hant-TW`), normalised to their usual case and deduplicated; at most 20
//! industries, each one of the codes of [`INDUSTRIES`] (a fixed vocabulary, so
//! that customers filter on the same words and every UI language names them);
//! a website: an `http` or `https` URL of at most 200 characters.
//!
//! **Search.** Names and descriptions are searched ignoring case and accents:
//! [`fold`] decomposes (NFKD), drops the combining marks and lower-cases, so
//! "Déploiement" and "deploiement", "Serviços" and "servicos", "Ёлка" and
//! "елка" fold to the same text. A profile is stored with the folded words of
//! its company's name and description ([`DirectoryKeys::terms`]); each word of
//! a query must start one of them.

use crate::error::Error;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub const MAX_DESCRIPTION: usize = 2_500;
pub const MAX_LANGUAGES: usize = 20;
pub const MAX_INDUSTRIES: usize = 20;
pub const MAX_WEBSITE: usize = 200;
/// The longest search text, in characters.
pub const MAX_QUERY: usize = 200;
/// At most this many words of a search count (the rest are ignored).
pub const MAX_QUERY_WORDS: usize = 6;
/// Stored words are cut to this many characters (and so are query words).
pub const MAX_TERM: usize = 32;

/// The industries a partner can name, as codes (the UI translates them).
pub const INDUSTRIES: &[&str] = &[
    "agriculture",
    "automotive",
    "banking",
    "construction",
    "consumer_goods",
    "education",
    "energy",
    "financial_services",
    "government",
    "healthcare",
    "hospitality",
    "insurance",
    "legal",
    "manufacturing",
    "media",
    "nonprofit",
    "pharmaceuticals",
    "professional_services",
    "real_estate",
    "retail",
    "technology",
    "telecommunications",
    "transportation",
    "utilities",
];

/// What a partner writes in its profile, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFields {
    pub description: String,
    pub languages: Vec<String>,
    pub industries: Vec<String>,
    pub website: Option<String>,
}

/// Checks and normalises a profile: trims, normalises language tags' case,
/// deduplicates lists (first occurrence kept), and names the first field
/// that is wrong (`validation.<field>`).
pub fn validate(
    description: &str,
    languages: &[String],
    industries: &[String],
    website: Option<&str>,
) -> Result<ProfileFields, Error> {
    let description = description.trim();
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(Error::invalid(
            "description",
            format!("the description may have at most {MAX_DESCRIPTION} characters"),
        ));
    }
    if description
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::invalid(
            "description",
            "the description may not contain control characters",
        ));
    }
    let mut langs: Vec<String> = Vec::new();
    for l in languages {
        let tag = language_tag(l).ok_or_else(|| {
            Error::invalid(
                "languages",
                format!("{l:?} is not a language tag such as en, fr or pt-BR"),
            )
        })?;
        if !langs.contains(&tag) {
            langs.push(tag);
        }
    }
    if langs.len() > MAX_LANGUAGES {
        return Err(Error::invalid(
            "languages",
            format!("name at most {MAX_LANGUAGES} languages"),
        ));
    }
    let mut inds: Vec<String> = Vec::new();
    for i in industries {
        let code = industry(i).ok_or_else(|| {
            Error::invalid(
                "industries",
                format!(
                    "{i:?} is not one of the industries: {}",
                    INDUSTRIES.join(", ")
                ),
            )
        })?;
        if !inds.iter().any(|x| x == code) {
            inds.push(code.to_owned());
        }
    }
    if inds.len() > MAX_INDUSTRIES {
        return Err(Error::invalid(
            "industries",
            format!("name at most {MAX_INDUSTRIES} industries"),
        ));
    }
    let website = match website.map(str::trim) {
        None | Some("") => None,
        Some(w) => Some(website_url(w).ok_or_else(|| {
            Error::invalid(
                "website",
                format!(
                    "{w:?} is not a web address such as https://example.com \
                     (http or https, at most {MAX_WEBSITE} characters)"
                ),
            )
        })?),
    };
    Ok(ProfileFields {
        description: description.to_owned(),
        languages: langs,
        industries: inds,
        website,
    })
}

/// One of [`INDUSTRIES`], as spelt there (case and surrounding blanks ignored).
pub fn industry(s: &str) -> Option<&'static str> {
    let t = s.trim();
    INDUSTRIES
        .iter()
        .copied()
        .find(|i| i.eq_ignore_ascii_case(t))
}

/// A language tag in its usual case (`pt-br` → `pt-BR`, `ZH-hant` →
/// `zh-Hant`), or `None` when it does not have the shape of one.
pub fn language_tag(s: &str) -> Option<String> {
    let t = s.trim();
    if t.is_empty()
        || t.len() > 35
        || !t
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    let mut parts = t.split(['-', '_']);
    let lang = parts.next()?;
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = lang.to_ascii_lowercase();
    let (mut script, mut region) = (false, false);
    for p in parts {
        let alpha = p.bytes().all(|b| b.is_ascii_alphabetic());
        let digits = p.bytes().all(|b| b.is_ascii_digit());
        if p.len() == 4 && alpha && !script && !region {
            script = true;
            out.push('-');
            out.push_str(&p[..1].to_ascii_uppercase());
            out.push_str(&p[1..].to_ascii_lowercase());
        } else if ((p.len() == 2 && alpha) || (p.len() == 3 && digits)) && !region {
            region = true;
            out.push('-');
            out.push_str(&p.to_ascii_uppercase());
        } else {
            return None;
        }
    }
    Some(out)
}

/// The tags a profile's language is found by: itself and, for a regional or
/// script variant, its language alone (a search for `pt` finds `pt-BR`).
pub fn language_keys(tag: &str) -> Vec<String> {
    let mut keys = vec![tag.to_owned()];
    if let Some((lang, _)) = tag.split_once('-') {
        keys.push(lang.to_owned());
    }
    keys
}

/// An `http`/`https` URL with a plausible host, at most [`MAX_WEBSITE`]
/// characters, scheme and host lower-cased.
pub fn website_url(s: &str) -> Option<String> {
    if s.len() > MAX_WEBSITE || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|p| lower.starts_with(p))?;
    let rest = &s[scheme.len()..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return None;
    }
    let host = match authority.rsplit_once(':') {
        Some((h, port))
            if !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            h
        }
        Some(_) => return None,
        None => authority,
    };
    let labels_ok = host.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if !labels_ok || !(host.contains('.') || host.eq_ignore_ascii_case("localhost")) {
        return None;
    }
    Some(format!("{scheme}{}{tail}", authority.to_ascii_lowercase()))
}

/// Text folded for comparison: compatibility-decomposed, combining marks
/// dropped, lower-cased.
pub fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded words of a text (runs of letters and digits), each cut to
/// [`MAX_TERM`] characters, in order of appearance, without repeats.
pub fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in fold(s).split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let w: String = w.chars().take(MAX_TERM).collect();
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// What the directory finds and orders a profile by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryKeys {
    /// The folded company name: the directory's order (then the id).
    pub sort_key: String,
    /// The folded words of the name and the description, without repeats.
    pub terms: Vec<String>,
    /// [`language_keys`] of every language, without repeats.
    pub languages: Vec<String>,
}

/// Values as the directory walk's tokens, which the stores keep with each
/// profile (their migrations 0020 and 0021): each value followed by a space,
/// after one (`" cloud teams "`; `" "` for none), so that a word's prefix is
/// found by searching `" " + prefix` and a whole value by `" " + value + " "`.
pub fn tokens(values: &[String]) -> String {
    let mut s = String::from(" ");
    for v in values {
        s.push_str(v);
        s.push(' ');
    }
    s
}

/// What finds a company whose [`tokens`] hold a value starting with `prefix`.
pub fn prefix_needle(prefix: &str) -> String {
    format!(" {prefix}")
}

/// What finds a company whose [`tokens`] hold `value` whole.
pub fn value_needle(value: &str) -> String {
    format!(" {value} ")
}

/// The keys of a company's profile.
pub fn directory_keys(name: &str, profile: &ProfileFields) -> DirectoryKeys {
    let mut terms = words(name);
    for w in words(&profile.description) {
        if !terms.contains(&w) {
            terms.push(w);
        }
    }
    let mut languages: Vec<String> = Vec::new();
    for l in &profile.languages {
        for k in language_keys(l) {
            if !languages.contains(&k) {
                languages.push(k);
            }
        }
    }
    DirectoryKeys {
        sort_key: sort_key(name),
        terms,
        languages,
    }
}

/// The folded name, blanks collapsed: names sort ignoring case and accents.
pub fn sort_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a search, folded (at most [`MAX_QUERY_WORDS`]), or why the
/// search text is refused (`validation.q`).
pub fn query_words(q: &str) -> Result<Vec<String>, Error> {
    if q.chars().count() > MAX_QUERY {
        return Err(Error::invalid(
            "q",
            format!("search with at most {MAX_QUERY} characters"),
        ));
    }
    let mut w = words(q);
    w.truncate(MAX_QUERY_WORDS);
    Ok(w)
}

#[cfg(test)]
mod tests;
