//! Refused amounts in the user's language. The error's own messages (its
//! `Display`) stay English, for logs and scripts.

use crate::domain::Lang;
use crate::domain::money::MoneyError;

/// The refusal in the user's language.
pub fn explain(e: &MoneyError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        MoneyError::Empty => "tomt: skriv ett belopp".into(),
        MoneyError::BadChar(c) => format!("inget belopp: '{c}' är inte tillåtet"),
        MoneyError::TooManyDecimals => "fler än två decimaler".into(),
        MoneyError::MixedSeparators => {
            "blandade avgränsare: skriv tusental med mellanslag och decimaler med ett komma".into()
        }
        MoneyError::Ambiguous(s) => {
            let thousands = s.replacen([',', '.'], " ", 1);
            format!(
                "tvetydigt: '{s}' kan vara tusental eller decimaler; skriv {thousands} för tusental, decimaler har högst två siffror"
            )
        }
        MoneyError::BadGrouping => "siffergrupper ska ha tre siffror, som i 2 945 873".into(),
        MoneyError::NoDigits => "inga siffror".into(),
        MoneyError::Negative => "kan inte vara negativt".into(),
        MoneyError::TooLarge => "för stort: högst 1 000 000 000 000 kr".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    #[test]
    fn the_ambiguous_refusal_says_the_rule_in_swedish() {
        let e = Money::parse_for("12,500", Lang::Sv).unwrap_err();
        let sv = explain(&e, Lang::Sv);
        assert!(
            sv.contains("'12,500'") && sv.contains("skriv 12 500"),
            "{sv}"
        );
        assert!(sv.contains("högst två siffror"), "{sv}");
    }
}
