//! What an import took but has a word about (`exchange::Note`), with its
//! place, in the user's language.

use super::import_problems::place;
use crate::domain::Lang;
use crate::exchange::{Note, NoteKind};

/// Each note on its own line, starting with "  ", after a heading.
pub fn describe_notes(notes: &[Note], lang: Lang) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let mut out = lang.pick("Obs:\n", "Note:\n").to_string();
    for n in notes {
        out.push_str(&format!(
            "  {}: {}\n",
            place(&n.at, lang),
            note(&n.kind, lang)
        ));
    }
    out
}

fn note(kind: &NoteKind, lang: Lang) -> String {
    match (kind, lang) {
        (NoteKind::NotReported, Lang::Sv) => "beloppen är med, men utan redovisningsdatum \
                                              räknas mottagaren inte som redovisad"
            .into(),
        (NoteKind::NotReported, Lang::En) => "the amounts are in, but without a reported \
                                              date the recipient is not counted as reported"
            .into(),
        (NoteKind::ReportKept(day), Lang::Sv) => format!(
            "redovisningsdatum är tomt; medel behåller redovisningsdatumet {day}; en \
             redovisning tas tillbaka i medel, inte med en arbetsbok"
        ),
        (NoteKind::ReportKept(day), Lang::En) => {
            format!(
                "the reported date is empty; medel keeps the reported date {day}; a report \
                 is withdrawn in medel, not by a workbook"
            )
        }
    }
}
