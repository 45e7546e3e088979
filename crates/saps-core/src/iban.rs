//! Bank account numbers: the IBAN (ISO 13616: country, check digits, a length
//! fixed per country, the mod-97 check) and the BIC (ISO 9362). Pure parsing:
//! spaces are allowed on input, the stored form is compact and upper case.

use serde::{Deserialize, Serialize};
use std::fmt;

/// IBAN lengths per country of the ISO 13616 registry.
#[rustfmt::skip]
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24), ("AE", 23), ("AL", 28), ("AT", 20), ("AZ", 28), ("BA", 20), ("BE", 16),
    ("BG", 22), ("BH", 22), ("BI", 27), ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22),
    ("CY", 28), ("CZ", 24), ("DE", 22), ("DJ", 27), ("DK", 18), ("DO", 28), ("EE", 20),
    ("EG", 29), ("ES", 24), ("FI", 18), ("FK", 18), ("FO", 18), ("FR", 27), ("GB", 22),
    ("GE", 22), ("GI", 23), ("GL", 18), ("GR", 27), ("GT", 28), ("HN", 28), ("HR", 21),
    ("HU", 28), ("IE", 22), ("IL", 23), ("IQ", 23), ("IS", 26), ("IT", 27), ("JO", 30),
    ("KW", 30), ("KZ", 20), ("LB", 28), ("LC", 32), ("LI", 21), ("LT", 20), ("LU", 20),
    ("LV", 21), ("LY", 25), ("MC", 27), ("MD", 24), ("ME", 22), ("MK", 19), ("MN", 20),
    ("MR", 27), ("MT", 31), ("MU", 30), ("NI", 28), ("NL", 18), ("NO", 15), ("OM", 23),
    ("PK", 24), ("PL", 28), ("PS", 29), ("PT", 25), ("QA", 29), ("RO", 24), ("RS", 22),
    ("RU", 33), ("SA", 24), ("SC", 31), ("SD", 18), ("SE", 24), ("SI", 19), ("SK", 24),
    ("SM", 27), ("SO", 23), ("ST", 25), ("SV", 28), ("TL", 23), ("TN", 24), ("TR", 26),
    ("UA", 29), ("VA", 22), ("VG", 24), ("XK", 20), ("YE", 30),
];

/// Why an IBAN was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IbanError {
    #[error("an IBAN has only letters, digits and spaces")]
    Characters,
    #[error("{0:?} is not a country that issues IBANs")]
    Country(String),
    #[error("an IBAN of {country} has {expected} characters, not {got}")]
    Length {
        country: String,
        expected: usize,
        got: usize,
    },
    #[error("the IBAN's check digits do not match (mod 97)")]
    CheckDigits,
}

/// A valid IBAN, compact and upper case.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban(String);

impl Iban {
    pub fn parse(input: &str) -> Result<Self, IbanError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() || !compact.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(IbanError::Characters);
        }
        let country: String = compact.chars().take(2).collect();
        let Some(&(_, expected)) = IBAN_LENGTHS.iter().find(|(c, _)| *c == country) else {
            return Err(IbanError::Country(country));
        };
        if compact.len() != expected {
            let got = compact.len();
            return Err(IbanError::Length {
                country,
                expected,
                got,
            });
        }
        if !compact[2..4].chars().all(|c| c.is_ascii_digit()) || mod97(&compact) != 1 {
            return Err(IbanError::CheckDigits);
        }
        Ok(Self(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn country(&self) -> &str {
        &self.0[..2]
    }

    /// Every character but the last four replaced by `*`, for anyone but the
    /// operator who pays.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

/// `s` with every character but the last four replaced by `*`.
pub fn mask(s: &str) -> String {
    let n = s.chars().count();
    s.chars()
        .enumerate()
        .map(|(i, c)| if i + 4 < n { '*' } else { c })
        .collect()
}

/// The IBAN's remainder mod 97: the first four characters moved to the end,
/// letters as 10 to 35, computed digit by digit.
fn mod97(compact: &str) -> u32 {
    let rotated = compact[4..].chars().chain(compact[..4].chars());
    let mut rem = 0u32;
    for c in rotated {
        let v = c.to_digit(36).unwrap_or(0);
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem
}

impl TryFrom<String> for Iban {
    type Error = IbanError;
    fn try_from(s: String) -> Result<Self, IbanError> {
        Self::parse(&s)
    }
}

impl From<Iban> for String {
    fn from(i: Iban) -> String {
        i.0
    }
}

impl fmt::Debug for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Iban({})", self.masked())
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A valid BIC (ISO 9362), upper case: a 4-letter institution, a 2-letter
/// country, a 2-character location and an optional 3-character branch.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bic(String);

impl Bic {
    pub fn parse(input: &str) -> Result<Self, String> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let b = s.as_bytes();
        let ok = matches!(b.len(), 8 | 11)
            && b[..6].iter().all(u8::is_ascii_uppercase)
            && b[6..].iter().all(u8::is_ascii_alphanumeric);
        if ok {
            Ok(Self(s))
        } else {
            Err(format!(
                "{input:?} is not a BIC: 8 or 11 characters, 4 letters for the bank, \
                 2 for the country, then letters or digits"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Bic {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Bic> for String {
    fn from(b: Bic) -> String {
        b.0
    }
}

impl fmt::Debug for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bic({})", self.0)
    }
}

impl fmt::Display for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ibans_are_stored_compact_and_upper_case() {
        let i = Iban::parse("de89 3704 0044 0532 0130 00").unwrap();
        assert_eq!(i.as_str(), "DE89370400440532013000");
        assert_eq!(i.masked(), "******************3000");
        for ok in [
            "GB82 WEST 1234 5698 7654 32",
            "FR14 2004 1010 0505 0001 3M02 606",
            "IT60 X054 2811 1010 0000 0123 456",
            "BR15 0000 0000 0000 1093 2840 814P2",
            "NL91ABNA0417164300",
        ] {
            assert!(Iban::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn a_wrong_check_digit_length_or_country_is_refused_with_its_reason() {
        assert_eq!(
            Iban::parse("DE88 3704 0044 0532 0130 00"),
            Err(IbanError::CheckDigits)
        );
        assert!(matches!(
            Iban::parse("DE89 3704 0044 0532 0130 0"),
            Err(IbanError::Length {
                expected: 22,
                got: 21,
                ..
            })
        ));
        assert_eq!(
            Iban::parse("ZZ89 3704 0044 0532 0130 00"),
            Err(IbanError::Country("ZZ".into()))
        );
        assert_eq!(Iban::parse("DE89-3704"), Err(IbanError::Characters));
        assert_eq!(Iban::parse("   "), Err(IbanError::Characters));
    }

    #[test]
    fn bics_have_eight_or_eleven_characters_of_the_iso_9362_shape() {
        assert_eq!(Bic::parse("deutdeff").unwrap().as_str(), "DEUTDEFF");
        assert!(Bic::parse("DEUTDEFF500").is_ok());
        for bad in [
            "DEUTDEF",
            "DEUTDEFF5",
            "DEU1DEFF",
            "DEUTD3FF",
            "DEUTDEFF50$",
        ] {
            assert!(Bic::parse(bad).is_err(), "{bad}");
        }
    }
}
