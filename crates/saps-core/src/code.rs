//! Voucher codes: unguessable, human-friendly, self-checking.
//!
//! A code is 19 random Crockford base32 symbols (95 bits) and one check symbol
//! (Luhn mod 32), written in five groups of four: `7K3M-9QXR-2HDF-W8TN-C4PZ`.
//! Input is case-insensitive, dashes and spaces are ignored, and the usual
//! misreadings are folded (`O`→`0`, `I`/`L`→`1`). A mistyped code fails its
//! check symbol and is refused before any lookup.

use rand::RngExt;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_LEN: usize = 19;
const LEN: usize = DATA_LEN + 1;

/// A voucher ID as customers and partners see it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    // 20 Crockford base32 symbols in any case (`O`, `I`, `L` read as `0`, `1`,
    // `1`), dashes and spaces ignored; the check symbol cannot be a pattern.
    schema(
        value_type = String,
        pattern = r"^[- ]*([0-9A-TV-Za-tv-z][- ]*){20}$",
        example = "7K3M-9QXR-2HDF-W8TN-C4PQ"
    )
)]
pub struct VoucherCode([u8; LEN]);

/// Why a text is not a voucher code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error(
        "a voucher ID has 20 characters (letters and digits, dashes optional); this one has {0}"
    )]
    Length(usize),
    #[error("a voucher ID cannot contain {0:?}")]
    Character(char),
    #[error("this voucher ID is mistyped: its check character does not match")]
    Check,
}

fn value(c: u8) -> Option<u8> {
    let c = c.to_ascii_uppercase();
    let c = match c {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        other => other,
    };
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
}

/// Luhn mod 32 over the data symbols: catches every single substitution and
/// every transposition of two adjacent symbols but `0`↔`Z` (as Luhn mod 10
/// misses `09`↔`90`).
fn check_symbol(data: &[u8]) -> u8 {
    let mut factor = 2u32;
    let mut sum = 0u32;
    for &v in data.iter().rev() {
        let mut addend = factor * u32::from(v);
        factor = if factor == 2 { 1 } else { 2 };
        addend = addend / 32 + addend % 32;
        sum += addend;
    }
    ((32 - sum % 32) % 32) as u8
}

impl VoucherCode {
    /// A fresh random code from the operating system's generator.
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        let mut values = [0u8; DATA_LEN];
        for v in &mut values {
            *v = rng.random_range(0..32);
        }
        Self::from_values(&values)
    }

    fn from_values(values: &[u8; DATA_LEN]) -> Self {
        let mut out = [0u8; LEN];
        for (o, &v) in out.iter_mut().zip(values) {
            *o = ALPHABET[v as usize];
        }
        out[DATA_LEN] = ALPHABET[check_symbol(values) as usize];
        Self(out)
    }

    /// The canonical form, without dashes (used as the storage key).
    pub fn compact(&self) -> &str {
        std::str::from_utf8(&self.0).expect("alphabet is ASCII")
    }
}

impl FromStr for VoucherCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut values = Vec::with_capacity(LEN);
        for ch in s.trim().chars() {
            if ch == '-' || ch == ' ' {
                continue;
            }
            if !ch.is_ascii() {
                return Err(CodeError::Character(ch));
            }
            match value(ch as u8) {
                Some(v) => values.push(v),
                None => return Err(CodeError::Character(ch)),
            }
        }
        if values.len() != LEN {
            return Err(CodeError::Length(values.len()));
        }
        let data: [u8; DATA_LEN] = values[..DATA_LEN].try_into().expect("length checked");
        if check_symbol(&data) != values[DATA_LEN] {
            return Err(CodeError::Check);
        }
        Ok(Self::from_values(&data))
    }
}

impl fmt::Display for VoucherCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chunk) in self.0.chunks(4).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(chunk).expect("ASCII"))?;
        }
        Ok(())
    }
}

impl fmt::Debug for VoucherCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VoucherCode({self})")
    }
}

impl Serialize for VoucherCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for VoucherCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_generated_code_parses_back_in_any_case_and_with_or_without_dashes() {
        for _ in 0..200 {
            let c = VoucherCode::generate();
            let shown = c.to_string();
            assert_eq!(shown.len(), 24);
            assert_eq!(shown.parse::<VoucherCode>(), Ok(c));
            assert_eq!(shown.to_lowercase().parse::<VoucherCode>(), Ok(c));
            assert_eq!(c.compact().parse::<VoucherCode>(), Ok(c));
        }
    }

    #[test]
    fn misread_letters_are_folded() {
        // all-zero data has the check symbol 0
        let c: VoucherCode = "0000-0000-0000-0000-0000".parse().unwrap();
        assert_eq!("OOOO-OOOO-OOOO-OOOO-OOOO".parse::<VoucherCode>(), Ok(c));
    }

    #[test]
    fn wrong_length_and_bad_characters_are_named() {
        assert_eq!("ABC".parse::<VoucherCode>(), Err(CodeError::Length(3)));
        assert_eq!(
            "ABCD-EFGH-JKMN-PQRS-TVW!".parse::<VoucherCode>(),
            Err(CodeError::Character('!'))
        );
        assert_eq!(
            "ABCD-EFGH-JKMN-PQRS-TVWU".parse::<VoucherCode>(),
            Err(CodeError::Character('U'))
        );
    }

    proptest! {
        #[test]
        fn every_single_substitution_is_caught(pos in 0usize..LEN, delta in 1u8..32) {
            let c = VoucherCode::generate();
            let mut bytes = c.0;
            let v = value(bytes[pos]).unwrap();
            bytes[pos] = ALPHABET[((v + delta) % 32) as usize];
            let typed = std::str::from_utf8(&bytes).unwrap();
            prop_assert_eq!(typed.parse::<VoucherCode>(), Err(CodeError::Check));
        }

        #[test]
        fn every_adjacent_transposition_of_different_symbols_is_caught(pos in 0usize..LEN - 1) {
            let c = VoucherCode::generate();
            let mut bytes = c.0;
            prop_assume!(bytes[pos] != bytes[pos + 1]);
            let pair = [value(bytes[pos]).unwrap(), value(bytes[pos + 1]).unwrap()];
            prop_assume!(pair != [0, 31] && pair != [31, 0]);
            bytes.swap(pos, pos + 1);
            let typed = std::str::from_utf8(&bytes).unwrap();
            prop_assert_eq!(typed.parse::<VoucherCode>(), Err(CodeError::Check));
        }
    }
}
