//! A workbook older than what medel holds, in words: each value it would
//! change that was changed in medel after it was written (who, when), the
//! hint that `--replace` takes the file's values anyway, and the note
//! listing what `--replace` took.

use super::changes::{describe, value, when, when_to_the_second};
use crate::domain::Lang;
use crate::exchange::Stale;

/// A logged value for a one-line message: text quoted, and cut short
/// when long; amounts and dates as `value` shows them.
fn shown(what: &str, raw: &str, lang: Lang) -> String {
    const MAX: usize = 60;
    let text = value(what, raw, lang);
    let is_text = what.ends_with(".note")
        || [
            "report.reason_unused",
            "report.evaluation",
            "report.contact",
        ]
        .contains(&what);
    if !is_text || raw.is_empty() {
        return text;
    }
    if text.chars().count() <= MAX {
        return format!("'{text}'");
    }
    let cut: String = text.chars().take(MAX - 1).collect();
    format!("'{}…'", cut.trim_end())
}

/// `Focus area 5: amount would go from 60 000,00 kr to 55 000,00 kr, but
/// it was set to 60 000,00 kr by anna on …, after this workbook was
/// written on …`; with `done`, as a change made (`--replace`).
pub fn changed_in_medel(s: &Stale, lang: Lang, done: bool) -> String {
    let field = describe(&s.what, lang);
    let (held, file) = (shown(&s.what, &s.held, lang), shown(&s.what, &s.file, lang));
    let (who, mut at, mut written) = (&s.who, when(&s.at), when(&s.written));
    // "set on 23:58, after it was written on 23:58" would read as no order.
    if at == written {
        (at, written) = (when_to_the_second(&s.at), when_to_the_second(&s.written));
    }
    let set = if s.set_to.is_empty() {
        match lang {
            Lang::Sv => format!("tömdes av {who} {at}"),
            Lang::En => format!("emptied by {who} on {at}"),
        }
    } else {
        let to = shown(&s.what, &s.set_to, lang);
        match lang {
            Lang::Sv => format!("sattes till {to} av {who} {at}"),
            Lang::En => format!("set to {to} by {who} on {at}"),
        }
    };
    match (lang, done) {
        (Lang::Sv, false) => format!(
            "{field} skulle ändras från {held} till {file}, men värdet {set}, efter att \
             arbetsboken skrevs {written}"
        ),
        (Lang::Sv, true) => format!(
            "{field} ändrades från {held} till {file}, fast värdet {set}, efter att \
             arbetsboken skrevs {written}"
        ),
        (Lang::En, false) => format!(
            "{field} would go from {held} to {file}, but it was {set}, after this workbook \
             was written on {written}"
        ),
        (Lang::En, true) => format!(
            "{field} went from {held} to {file}, although it was {set}, after this workbook \
             was written on {written}"
        ),
    }
}

/// The workbook names a point in a history this database does not have.
pub fn other_history(written: &str, lang: Lang) -> String {
    let written = when(written);
    match lang {
        Lang::Sv => format!(
            "arbetsboken skrevs {written} från en databas vars historik den här inte har \
             (en annan databas, eller en som lästs tillbaka från en äldre säkerhetskopia): \
             medel kan inte se vilka värden som ändrats sedan dess; skriv en ny mall"
        ),
        Lang::En => format!(
            "this workbook was written on {written} from a database whose history this one \
             does not have (another database, or one restored from an older backup): medel \
             cannot tell which values changed since; write a new template"
        ),
    }
}

/// After the problems, when any of them is a value changed in medel.
pub fn refused_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => {
            "Importen skulle ta bort ändringar som gjorts i medel efter att arbetsboken \
             skrevs. Stäm av med mottagaren vilket som gäller; är filen en rättad version, \
             importera den med --replace för att ta filens värden."
        }
        Lang::En => {
            "Importing would undo changes made in medel after the workbook was written. \
             Check with the recipient which is right; if the file is a corrected version, \
             import it with --replace to take the file's values."
        }
    }
}

/// The values `--replace` took from the files although changed in medel
/// since they were written, one a line (`lines` are worded already).
pub fn replaced_note(lines: &[String], lang: Lang, dry_run: bool) -> String {
    let head = match (lang, dry_run) {
        (Lang::Sv, false) => {
            "Med --replace togs filens värden, fast de ändrats i medel \
                              efter att arbetsboken skrevs:"
        }
        (Lang::Sv, true) => {
            "Med --replace skulle filens värden tas, fast de ändrats i medel \
                             efter att arbetsboken skrevs:"
        }
        (Lang::En, false) => {
            "With --replace, the file's values were taken although they \
                              were changed in medel after the workbook was written:"
        }
        (Lang::En, true) => {
            "With --replace, the file's values would be taken although they \
                             were changed in medel after the workbook was written:"
        }
    };
    let mut out = format!("{head}\n");
    for line in lines {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_times_in_the_same_minute_are_told_apart_by_their_seconds() {
        let stale = Stale {
            what: "spending.5.amount".into(),
            held: "60000.00".into(),
            file: "55000.00".into(),
            set_to: "60000.00".into(),
            who: "anna".into(),
            at: "2026-12-01T23:58:40+00:00".into(),
            written: "2026-12-01T23:58:10+00:00".into(),
        };
        let line = changed_in_medel(&stale, Lang::En, false);
        assert!(line.contains(&when_to_the_second(&stale.at)), "{line}");
        assert!(line.contains(&when_to_the_second(&stale.written)), "{line}");
        let later = Stale {
            at: "2026-12-02T08:00:00+00:00".into(),
            ..stale
        };
        let line = changed_in_medel(&later, Lang::En, false);
        assert!(line.contains(&when(&later.at)), "{line}");
        assert!(!line.contains(&when_to_the_second(&later.at)), "{line}");
    }
}
