//! Reading amounts the way coordinators type them.
//!
//! Spaces (also non-breaking and thin ones) group thousands; one comma or
//! point marks decimals. A separator repeated is read as grouping
//! (`2,945,873`). Anything that would need a guess is refused, the same in
//! every language and file: one comma or point before exactly three digits
//! (`12,500`) is thousands to an English reader and decimals to a Swedish
//! one, so it is refused with both ways to write it.

use super::money::{MAX_KRONOR, Money, MoneyError};

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t')
}

/// Removes a currency word or sign around the number, case-insensitively.
fn strip_currency(s: &str) -> &str {
    let mut s = s.trim_matches(is_space);
    let lower = s.to_lowercase();
    for prefix in ["sek", "kr"] {
        if lower.starts_with(prefix) && s.is_char_boundary(prefix.len()) {
            s = s[prefix.len()..].trim_start_matches(is_space);
            break;
        }
    }
    let lower = s.to_lowercase();
    for suffix in ["kronor", "kr.", "kr", "sek", ":-", ",-", ".-"] {
        if lower.ends_with(suffix) && s.is_char_boundary(s.len() - suffix.len()) {
            s = s[..s.len() - suffix.len()].trim_end_matches(is_space);
            break;
        }
    }
    s
}

/// Checks digit groups split by `sep`: the first one to three digits, the
/// others exactly three.
fn check_groups<'a>(groups: impl Iterator<Item = &'a str>) -> Result<String, MoneyError> {
    let mut digits = String::new();
    for (i, g) in groups.enumerate() {
        let ok = if i == 0 {
            (1..=3).contains(&g.len())
        } else {
            g.len() == 3
        };
        if !ok {
            return Err(MoneyError::BadGrouping);
        }
        digits.push_str(g);
    }
    Ok(digits)
}

/// Reads the integer part, which may be grouped with spaces.
fn integer_digits(part: &str) -> Result<String, MoneyError> {
    if part.chars().any(is_space) {
        check_groups(
            part.split(is_space)
                .filter(|g| !g.is_empty())
                .collect::<Vec<_>>()
                .into_iter(),
        )
        .and_then(|d| {
            // Two spaces in a row or a space at an edge is not grouping.
            if part.split(is_space).any(str::is_empty) {
                Err(MoneyError::BadGrouping)
            } else {
                Ok(d)
            }
        })
    } else {
        Ok(part.to_string())
    }
}

fn mixed(s: &str) -> Result<(String, String), MoneyError> {
    if s.chars().any(is_space) {
        return Err(MoneyError::MixedSeparators);
    }
    let pos = s.rfind([',', '.']).ok_or(MoneyError::NoDigits)?;
    let decimal = &s[pos..pos + 1];
    let group = if decimal == "," { '.' } else { ',' };
    let (int_part, frac) = (&s[..pos], &s[pos + 1..]);
    if int_part.contains(decimal) {
        return Err(MoneyError::MixedSeparators);
    }
    let int = check_groups(int_part.split(group)).map_err(|_| MoneyError::MixedSeparators)?;
    if frac.len() > 2 {
        return Err(MoneyError::TooManyDecimals);
    }
    Ok((int, frac.to_string()))
}

/// Parses `input`, by the same rule whatever the screen's language.
pub(crate) fn parse(input: &str) -> Result<Money, MoneyError> {
    let s = strip_currency(input);
    if s.is_empty() {
        return Err(if input.trim_matches(is_space).is_empty() {
            MoneyError::Empty
        } else {
            MoneyError::NoDigits
        });
    }
    let (negative, s) = match s.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start_matches(is_space)),
        None => (false, s),
    };
    if let Some(c) = s
        .chars()
        .find(|&c| !(c.is_ascii_digit() || c == ',' || c == '.' || is_space(c)))
    {
        return Err(MoneyError::BadChar(c));
    }
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return Err(MoneyError::NoDigits);
    }
    let commas = s.matches(',').count();
    let points = s.matches('.').count();
    let sep = if commas > 0 { ',' } else { '.' };
    let count = commas + points;

    let (int_digits, frac_digits) = if commas > 0 && points > 0 {
        // English `2,945,873.50` (or continental `2.945.873,50`): the last
        // separator marks decimals, once; the other only groups thousands.
        mixed(s)?
    } else if count > 1 {
        // A repeated separator groups thousands: 2,945,873.
        if s.chars().any(is_space) {
            return Err(MoneyError::MixedSeparators);
        }
        (check_groups(s.split(sep))?, String::new())
    } else if count == 1 {
        let (int_part, frac) = s.split_once(sep).unwrap_or((s, ""));
        if frac.chars().any(is_space) {
            return Err(MoneyError::BadGrouping);
        }
        let int = integer_digits(int_part.trim_end_matches(is_space))?;
        if frac.len() == 3 && (1..=3).contains(&int.len()) && !int_part.chars().any(is_space) {
            return Err(MoneyError::Ambiguous(s.to_string()));
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        (int, frac.to_string())
    } else {
        (integer_digits(s)?, String::new())
    };

    finish(&int_digits, &frac_digits, negative)
}

/// Turns checked digit strings into an amount within bounds.
fn finish(int_digits: &str, frac_digits: &str, negative: bool) -> Result<Money, MoneyError> {
    let int_digits = int_digits.trim_start_matches('0');
    if int_digits.len() > MAX_KRONOR.to_string().len() {
        return Err(MoneyError::TooLarge);
    }
    let kronor: i64 = if int_digits.is_empty() {
        0
    } else {
        int_digits.parse().map_err(|_| MoneyError::TooLarge)?
    };
    let ore: i64 = match frac_digits.len() {
        0 => 0,
        1 => {
            frac_digits
                .parse::<i64>()
                .map_err(|_| MoneyError::NoDigits)?
                * 10
        }
        _ => frac_digits.parse().map_err(|_| MoneyError::NoDigits)?,
    };
    if kronor > MAX_KRONOR || (kronor == MAX_KRONOR && ore > 0) {
        return Err(MoneyError::TooLarge);
    }
    let total = kronor * 100 + ore;
    Ok(Money::from_ore(if negative { -total } else { total }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;
    use proptest::prelude::*;

    #[test]
    fn accepts_what_people_type() {
        let cases = [
            ("2945873", 294_587_300),
            ("2 945 873", 294_587_300),
            ("2\u{a0}945\u{a0}873", 294_587_300),
            ("2\u{202f}945\u{202f}873", 294_587_300),
            ("2 945 873,50", 294_587_350),
            ("2945873.50", 294_587_350),
            ("2945873,5", 294_587_350),
            ("1 500 kr", 150_000),
            ("1500kr", 150_000),
            ("1 500:-", 150_000),
            ("1500,-", 150_000),
            ("SEK 2,945,873", 294_587_300),
            ("2.945.873", 294_587_300),
            ("2,945,873.50", 294_587_350),
            ("2.945.873,50", 294_587_350),
            ("  42  ", 4_200),
            ("0,05", 5),
            (",50", 50),
            ("1 234 kronor", 123_400),
            // No-break spaces, as a word processor groups: the unit is cut
            // off by its own bytes, not at a count of characters.
            ("1\u{a0}500\u{a0}000 kr", 150_000_000),
            ("0", 0),
            ("007", 700),
            ("1000000000000", 100_000_000_000_000),
        ];
        for (input, ore) in cases {
            assert_eq!(
                Money::parse(input),
                Ok(Money::from_ore(ore)),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn signed_amounts() {
        assert_eq!(Money::parse_signed("-300"), Ok(Money::from_ore(-30_000)));
        assert_eq!(
            Money::parse_signed("\u{2212}1 234,50"),
            Ok(Money::from_ore(-123_450))
        );
        assert_eq!(Money::parse("-300"), Err(MoneyError::Negative));
    }

    #[test]
    fn refuses_with_reason() {
        let cases = [
            ("", MoneyError::Empty, "empty"),
            ("   ", MoneyError::Empty, "empty"),
            (
                "12,345",
                MoneyError::Ambiguous("12,345".into()),
                "ambiguous",
            ),
            ("1.500", MoneyError::Ambiguous("1.500".into()), "ambiguous"),
            (
                "2945873,505",
                MoneyError::TooManyDecimals,
                "more than two decimals",
            ),
            (
                "1 234,567",
                MoneyError::TooManyDecimals,
                "more than two decimals",
            ),
            ("1,2.50", MoneyError::MixedSeparators, "mixed separators"),
            (
                "1.234,567.89",
                MoneyError::MixedSeparators,
                "mixed separators",
            ),
            ("1,234.5,6", MoneyError::MixedSeparators, "mixed separators"),
            (
                "2,945,873.505",
                MoneyError::TooManyDecimals,
                "more than two decimals",
            ),
            (
                "2 945,873,1",
                MoneyError::MixedSeparators,
                "mixed separators",
            ),
            ("12a", MoneyError::BadChar('a'), "'a' is not allowed"),
            ("1e6", MoneyError::BadChar('e'), "'e' is not allowed"),
            ("29 45873", MoneyError::BadGrouping, "three digits"),
            ("1,5,0", MoneyError::BadGrouping, "three digits"),
            ("kr", MoneyError::NoDigits, "no digits"),
            ("-5", MoneyError::Negative, "negative"),
            ("1000000000000,01", MoneyError::TooLarge, "too large"),
            ("99999999999999999999999", MoneyError::TooLarge, "too large"),
        ];
        for (input, err, words) in cases {
            let got = Money::parse(input);
            assert_eq!(got, Err(err), "input {input:?}");
            let msg = got.unwrap_err().to_string();
            assert!(
                msg.contains(words),
                "{input:?}: message {msg:?} lacks {words:?}"
            );
        }
    }

    fn round_trip(m: Money) -> Result<(), TestCaseError> {
        for lang in [Lang::Sv, Lang::En] {
            prop_assert_eq!(Money::parse_for(&m.format_editable(lang), lang), Ok(m));
            prop_assert_eq!(Money::parse_for(&m.to_string(), lang), Ok(m));
            // What the screen shows reads back, or is refused as ambiguous
            // (English `1,500`), never read as something else.
            match Money::parse_for(&m.format_with_unit(lang), lang) {
                Ok(read) => prop_assert_eq!(read, m),
                Err(e) => prop_assert!(matches!(e, MoneyError::Ambiguous(_))),
            }
        }
        // Swedish output needs no hint: spaces group, the comma is decimal.
        prop_assert_eq!(Money::parse(&m.format(Lang::Sv)), Ok(m));
        prop_assert_eq!(Money::parse(&m.to_string()), Ok(m));
        Ok(())
    }

    /// Issue 14: `12,500` once meant 12 500 in the English form, too many
    /// decimals in the Swedish one and "ambiguous" in CSV. One rule now, the
    /// same for both languages and files, said in the refusal.
    #[test]
    fn one_rule_for_three_digits_after_one_separator() {
        for input in ["12,500", "1.500", "180,000", "kr 12,500"] {
            for lang in [Lang::Sv, Lang::En] {
                assert!(
                    matches!(Money::parse_for(input, lang), Err(MoneyError::Ambiguous(_))),
                    "{input:?} in {lang:?}"
                );
            }
            assert!(matches!(Money::parse(input), Err(MoneyError::Ambiguous(_))));
        }
        let en = Money::parse("12,500").unwrap_err().to_string();
        assert!(en.contains("'12,500'") && en.contains("12 500"), "{en}");
        assert!(en.contains("two digits"), "{en}");
        // Unambiguous shapes read the same in both languages.
        for lang in [Lang::Sv, Lang::En] {
            assert_eq!(Money::parse_for("1,50", lang), Ok(Money::from_ore(150)));
            assert_eq!(
                Money::parse_for("12 500", lang),
                Ok(Money::from_kronor(12_500))
            );
            assert_eq!(
                Money::parse_for("12500", lang),
                Ok(Money::from_kronor(12_500))
            );
            assert_eq!(
                Money::parse_for("1,234,567", lang),
                Ok(Money::from_kronor(1_234_567))
            );
            assert_eq!(Money::parse_for("-1,50", lang), Err(MoneyError::Negative));
        }
        // A field shows an English amount in a shape it reads back.
        assert_eq!(
            Money::from_kronor(180_000).format_editable(Lang::En),
            "180000"
        );
        assert_eq!(
            Money::from_kronor(1_800_000).format_editable(Lang::En),
            "1,800,000"
        );
        assert_eq!(
            Money::from_ore(18_000_050).format_editable(Lang::En),
            "180,000.50"
        );
        assert_eq!(
            Money::from_kronor(180_000).format_editable(Lang::Sv),
            "180 000"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn format_then_parse_round_trips(ore in 0i64..=100_000_000_000_000) {
            round_trip(Money::from_ore(ore))?;
        }

        // Small amounts are what people type most, and where `1,500` lurks.
        #[test]
        fn small_amounts_round_trip(ore in 0i64..=100_000_000) {
            round_trip(Money::from_ore(ore))?;
        }

        #[test]
        fn negative_round_trips(ore in -100_000_000_000_000i64..0) {
            let m = Money::from_ore(ore);
            for lang in [Lang::Sv, Lang::En] {
                prop_assert_eq!(Money::parse_signed_for(&m.format(lang), lang), Ok(m));
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = Money::parse(&s);
        }

        #[test]
        fn accepted_values_round_trip(s in "[-0-9 ,.]{0,20}") {
            if let Ok(m) = Money::parse_signed(&s) {
                prop_assert_eq!(Money::parse_signed(&m.to_string()), Ok(m));
            }
        }
    }
}
