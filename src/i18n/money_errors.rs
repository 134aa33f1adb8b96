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
            format!("tvetydigt: '{s}' kan vara tusental eller decimaler; skriv utan avgränsare")
        }
        MoneyError::BadGrouping => "siffergrupper ska ha tre siffror, som i 2 945 873".into(),
        MoneyError::NoDigits => "inga siffror".into(),
        MoneyError::Negative => "kan inte vara negativt".into(),
        MoneyError::TooLarge => "för stort: högst 1 000 000 000 000 kr".into(),
    }
}
