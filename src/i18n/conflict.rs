//! A refused save in the user's words: which field, their value, who and
//! when, and the value typed here.

use super::changes::{describe, value, when};
use crate::domain::Lang;
use crate::store::Conflict;

pub fn conflict_text(c: &Conflict, lang: Lang) -> String {
    let who = match (&c.who, &c.at) {
        (Some(who), Some(at)) => format!(" ({who}, {})", when(at)),
        _ => String::new(),
    };
    let (changed_to, yours) = match lang {
        Lang::Sv => ("någon annan har ändrat till", "ditt värde är"),
        Lang::En => ("someone else changed it to", "yours is"),
    };
    format!(
        "{}: {changed_to} {}{who}; {yours} {}.",
        describe(&c.what, lang),
        value(&c.what, &c.theirs, lang),
        value(&c.what, &c.mine, lang),
    )
}
