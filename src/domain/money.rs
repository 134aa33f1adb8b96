//! Exact money: kronor with two decimals, stored as whole öre.
//!
//! Parsing accepts what people type (`2 945 873`, `2945873,50`, `1 500 kr`,
//! `1 500:-`) and refuses, with a reason, anything it would have to guess.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::lang::Lang;

/// The largest amount medel accepts: one trillion kronor. Far above any
/// grant, far below what an `i64` of öre can hold, so sums cannot overflow.
pub const MAX_KRONOR: i64 = 1_000_000_000_000;
const MAX_ORE: i64 = MAX_KRONOR * 100;

/// An amount of Swedish kronor, exact to the öre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i64);

/// Why an amount was refused. The messages are English, for logs and
/// scripts; `i18n::money_errors` words them for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("empty: type an amount")]
    Empty,
    #[error("not an amount: '{0}' is not allowed")]
    BadChar(char),
    #[error("more than two decimals")]
    TooManyDecimals,
    #[error("mixed separators: write thousands with spaces and decimals with one comma or point")]
    MixedSeparators,
    /// One comma or point before exactly three digits: `12,500` is 12 500
    /// to an English reader and 12,5 to a Swedish one, so it is refused in
    /// every language and file, saying how to write either.
    #[error(
        "ambiguous: '{0}' could be thousands or decimals; write {thousands} for thousands, decimals have at most two digits",
        thousands = .0.replacen([',', '.'], " ", 1)
    )]
    Ambiguous(String),
    #[error("digit groups must have three digits, as in 2 945 873")]
    BadGrouping,
    #[error("no digits")]
    NoDigits,
    #[error("cannot be negative")]
    Negative,
    #[error("too large: at most 1 000 000 000 000 kr")]
    TooLarge,
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_ore(ore: i64) -> Money {
        Money(ore)
    }

    pub const fn from_kronor(kr: i64) -> Money {
        Money(kr * 100)
    }

    pub const fn ore(self) -> i64 {
        self.0
    }

    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Exact conversion; refuses amounts with more than two decimals.
    pub fn from_decimal(d: Decimal) -> Result<Money, MoneyError> {
        let scaled = d * Decimal::ONE_HUNDRED;
        if !scaled.fract().is_zero() {
            return Err(MoneyError::TooManyDecimals);
        }
        let ore = scaled.to_i64().ok_or(MoneyError::TooLarge)?;
        if ore.abs() > MAX_ORE {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money(ore))
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }

    /// Parses a non-negative amount as people type it.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let m = Money::parse_signed(input)?;
        if m.is_negative() {
            return Err(MoneyError::Negative);
        }
        Ok(m)
    }

    /// Parses an amount that may be negative (`-`, `−`).
    pub fn parse_signed(input: &str) -> Result<Money, MoneyError> {
        crate::domain::money_parse::parse(input)
    }

    /// Parses a non-negative amount typed on a screen in `lang`. The rule
    /// is the same in every language and file (see `money_parse`); the
    /// language only words a refusal.
    pub fn parse_for(input: &str, lang: Lang) -> Result<Money, MoneyError> {
        let m = Money::parse_signed_for(input, lang)?;
        if m.is_negative() {
            return Err(MoneyError::Negative);
        }
        Ok(m)
    }

    pub fn parse_signed_for(input: &str, lang: Lang) -> Result<Money, MoneyError> {
        let _ = lang;
        crate::domain::money_parse::parse(input)
    }

    /// The number alone, grouped, decimals only when there are öre:
    /// `2 945 873`, `1 234,50`, `−300` (sv); `2,945,873`, `1,234.50` (en).
    pub fn format(self, lang: Lang) -> String {
        let (group, decimal, minus) = match lang {
            Lang::Sv => (' ', ',', '\u{2212}'),
            Lang::En => (',', '.', '-'),
        };
        let mut out = String::new();
        if self.0 < 0 {
            out.push(minus);
        }
        let abs = self.0.unsigned_abs();
        let kr = (abs / 100).to_string();
        for (i, ch) in kr.chars().enumerate() {
            if i > 0 && (kr.len() - i).is_multiple_of(3) {
                out.push(group);
            }
            out.push(ch);
        }
        let ore = abs % 100;
        if ore != 0 {
            out.push(decimal);
            out.push_str(&format!("{ore:02}"));
        }
        out
    }

    /// As a field shows it for editing: what `format` shows, except that
    /// English whole amounts of one comma group (`1,500`) are written
    /// ungrouped, since the parser refuses that shape as ambiguous.
    pub fn format_editable(self, lang: Lang) -> String {
        let shown = self.format(lang);
        match crate::domain::money_parse::parse(&shown) {
            Ok(_) => shown,
            Err(_) => shown.replace(',', ""),
        }
    }

    /// With the currency, as a sentence would show it: `2 945 873 kr`, `SEK 2,945,873`.
    pub fn format_with_unit(self, lang: Lang) -> String {
        match lang {
            Lang::Sv => format!("{} kr", self.format(lang)),
            Lang::En => format!("SEK {}", self.format(lang)),
        }
    }
}

/// Machine form: `577468.00`, always two decimals, point, no grouping.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let s = String::deserialize(d)?;
        if let Some(e) = outside_the_format(&s) {
            return Err(serde::de::Error::custom(format!("amount '{s}': {e}")));
        }
        let dec: Decimal = s
            .parse()
            .map_err(|e| serde::de::Error::custom(format!("amount '{s}': {e}")))?;
        Money::from_decimal(dec).map_err(|e| serde::de::Error::custom(format!("amount '{s}': {e}")))
    }
}

/// The exchange format's amounts are digits, a point and at most two
/// decimals, with a minus in front when negative (`"577468.00"`): not
/// `1e2`, `+5.00`, ` 5` or `5.` although a decimal parser takes them.
fn outside_the_format(s: &str) -> Option<MoneyError> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, decimals) = match digits.split_once('.') {
        Some((w, d)) => (w, Some(d)),
        None => (digits, None),
    };
    let bad = |part: &str| part.chars().find(|c| !c.is_ascii_digit());
    if let Some(c) = bad(whole).or_else(|| decimals.and_then(bad)) {
        return Some(MoneyError::BadChar(c));
    }
    match decimals {
        _ if whole.is_empty() => Some(MoneyError::NoDigits),
        Some("") => Some(MoneyError::NoDigits),
        Some(d) if d.len() > 2 => Some(MoneyError::TooManyDecimals),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_swedish_and_english() {
        let cases = [
            (294_587_300, "2 945 873", "2,945,873"),
            (123_450, "1 234,50", "1,234.50"),
            (5, "0,05", "0.05"),
            (0, "0", "0"),
            (100_000, "1 000", "1,000"),
            (99_999, "999,99", "999.99"),
            (-30_000, "\u{2212}300", "-300"),
        ];
        for (ore, sv, en) in cases {
            let m = Money::from_ore(ore);
            assert_eq!(m.format(Lang::Sv), sv, "sv {ore}");
            assert_eq!(m.format(Lang::En), en, "en {ore}");
        }
        let m = Money::from_kronor(2_945_873);
        assert_eq!(m.format_with_unit(Lang::Sv), "2 945 873 kr");
        assert_eq!(m.format_with_unit(Lang::En), "SEK 2,945,873");
    }

    #[test]
    fn display_is_machine_form() {
        assert_eq!(Money::from_kronor(577_468).to_string(), "577468.00");
        assert_eq!(Money::from_ore(-5).to_string(), "-0.05");
        assert_eq!(Money::from_ore(123_456).to_string(), "1234.56");
    }

    #[test]
    fn decimal_round_trip() {
        let d: Decimal = "1234.5".parse().unwrap();
        assert_eq!(Money::from_decimal(d).unwrap().ore(), 123_450);
        let d: Decimal = "1.005".parse().unwrap();
        assert_eq!(Money::from_decimal(d), Err(MoneyError::TooManyDecimals));
        assert_eq!(Money::from_ore(123_456).to_decimal().to_string(), "1234.56");
    }

    #[test]
    fn serde_uses_decimal_strings() {
        let json = serde_json::to_string(&Money::from_ore(57_746_800)).unwrap();
        assert_eq!(json, "\"577468.00\"");
        let back: Money = serde_json::from_str("\"577468.5\"").unwrap();
        assert_eq!(back.ore(), 57_746_850);
        assert!(serde_json::from_str::<Money>("\"1.001\"").is_err());
        assert_eq!(
            serde_json::from_str::<Money>("\"-5.00\"").unwrap().ore(),
            -500
        );
    }

    #[test]
    fn serde_refuses_what_the_format_does_not_allow() {
        for (s, why) in [
            ("1e2", "'e' is not allowed"),
            ("+5.00", "'+' is not allowed"),
            (" 5.00", "' ' is not allowed"),
            ("5.", "no digits"),
            (".5", "no digits"),
            ("1.001", "more than two decimals"),
            ("5.000", "more than two decimals"),
        ] {
            let err = serde_json::from_str::<Money>(&format!("\"{s}\"")).unwrap_err();
            assert!(err.to_string().contains(why), "{s}: {err}");
        }
    }

    #[test]
    fn arithmetic_is_exact_to_the_ore() {
        let mut total = Money::from_ore(150);
        total += Money::from_ore(250);
        assert_eq!(total, Money::from_ore(400));
        assert_eq!(-Money::from_kronor(577_468), Money::from_ore(-57_746_800));
        assert_eq!(Money::from_ore(5) - Money::from_ore(7), Money::from_ore(-2));
        // Thirds of 1 000 kr, as three recipients may be given them.
        let parts = [33_333, 33_333, 33_334].map(Money::from_ore);
        assert_eq!(parts.iter().sum::<Money>(), Money::from_kronor(1000));
        assert_eq!(parts.into_iter().sum::<Money>(), Money::from_kronor(1000));
    }
}
