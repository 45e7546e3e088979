//! Whole planning days, exact money, and the program's notion of "today".

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A whole number of planning days.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Days(pub u32);

impl Days {
    pub fn signed(self) -> i64 {
        i64::from(self.0)
    }
}

impl fmt::Debug for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}d", self.0)
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An ISO 4217 currency code, three upper-case letters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII")
    }

    /// Digits after the decimal point in this currency's minor unit.
    pub fn minor_digits(&self) -> u32 {
        match self.as_str() {
            "JPY" | "KRW" | "CLP" | "ISK" | "VND" => 0,
            "BHD" | "KWD" | "OMR" | "TND" | "JOD" => 3,
            _ => 2,
        }
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl std::str::FromStr for Currency {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        if b.len() == 3 && b.iter().all(u8::is_ascii_uppercase) {
            Ok(Self([b[0], b[1], b[2]]))
        } else {
            Err(format!(
                "{s:?} is not a currency code (three capital letters such as EUR)"
            ))
        }
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.as_str().to_owned()
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An exact amount of money. At rest it is integer minor units plus currency.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Money {
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: Currency,
}

/// Why a money amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("{0} has more decimals than the currency allows")]
    TooPrecise(Decimal),
    #[error("the amount is too large")]
    Overflow,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Result<Self, MoneyError> {
        if amount.normalize().scale() > currency.minor_digits() {
            return Err(MoneyError::TooPrecise(amount));
        }
        Ok(Self { amount, currency })
    }

    /// Integer minor units, as stored.
    pub fn minor_units(&self) -> Result<i64, MoneyError> {
        let scaled = self.amount * Decimal::from(10i64.pow(self.currency.minor_digits()));
        i64::try_from(scaled.trunc()).map_err(|_| MoneyError::Overflow)
    }

    pub fn from_minor_units(units: i64, currency: Currency) -> Self {
        Self {
            amount: Decimal::new(units, currency.minor_digits()),
            currency,
        }
    }

    /// `days` × this day rate, exactly.
    pub fn times(&self, days: Days) -> Result<Self, MoneyError> {
        let amount = self
            .amount
            .checked_mul(Decimal::from(days.0))
            .ok_or(MoneyError::Overflow)?;
        Ok(Self {
            amount,
            currency: self.currency,
        })
    }
}

/// The program's calendar day of an instant.
///
/// The program runs on UTC: a deadline "last day D" allows an action until
/// D 23:59:59.999 UTC, and a date "on D" takes effect at D 00:00 UTC.
pub fn program_date(now: jiff::Timestamp) -> jiff::civil::Date {
    now.to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// Midnight UTC at the start of `date`.
pub fn start_of(date: jiff::civil::Date) -> jiff::Timestamp {
    date.to_zoned(jiff::tz::TimeZone::UTC)
        .expect("every civil date exists in UTC")
        .timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_round_trips_through_minor_units() {
        let eur: Currency = "EUR".parse().unwrap();
        let m = Money::new("1349.90".parse().unwrap(), eur).unwrap();
        assert_eq!(m.minor_units(), Ok(134_990));
        assert_eq!(Money::from_minor_units(134_990, eur), m);
        assert_eq!(m.times(Days(3)).unwrap().amount, "4049.70".parse().unwrap());
    }

    #[test]
    fn money_with_more_decimals_than_the_currency_is_refused() {
        let jpy: Currency = "JPY".parse().unwrap();
        assert!(Money::new("10.5".parse().unwrap(), jpy).is_err());
        assert!("eur".parse::<Currency>().is_err());
    }

    #[test]
    fn the_program_date_is_the_utc_date() {
        let t: jiff::Timestamp = "2021-06-30T23:59:59Z".parse().unwrap();
        assert_eq!(program_date(t), jiff::civil::date(2021, 6, 30));
        assert_eq!(
            start_of(jiff::civil::date(2021, 7, 1)).to_string(),
            "2021-07-01T00:00:00Z"
        );
    }
}
