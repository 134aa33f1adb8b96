//! The words of changing what was recorded, in the full-screen app: a
//! receipt or a repayment edited, and undo and redo.

use crate::domain::Lang;

pub struct EditWords {
    pub redone: &'static str,
    pub cannot_redo: &'static str,
    pub nothing_to_redo: &'static str,
    /// Editing a receipt or a repayment (`e` in the receipts view).
    pub edit_receipt: &'static str,
    pub edit_repayment: &'static str,
    pub receipt_changed: &'static str,
    pub repayment_changed: &'static str,
}

pub static SV: EditWords = EditWords {
    redone: "Gjort om",
    cannot_redo: "Kan inte göra om",
    nothing_to_redo: "Inget att göra om: bara det senast ångrade kan göras om",
    edit_receipt: "Ändra inbetalning",
    edit_repayment: "Ändra återbetalning",
    receipt_changed: "Inbetalningen är ändrad",
    repayment_changed: "Återbetalningen är ändrad",
};

pub static EN: EditWords = EditWords {
    redone: "Redone",
    cannot_redo: "Cannot redo",
    nothing_to_redo: "Nothing to redo: only what was undone last can be done again",
    edit_receipt: "Edit receipt",
    edit_repayment: "Edit repayment",
    receipt_changed: "Receipt changed",
    repayment_changed: "Repayment changed",
};

pub fn words(lang: Lang) -> &'static EditWords {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// The question before undoing a saved form that changed several values:
/// how many, and which, as the log names them.
pub fn undo_form_question(name: &str, changed: &[String], lang: Lang) -> String {
    let which: Vec<String> = changed
        .iter()
        .map(|what| super::changes::describe(what, lang))
        .collect();
    let (n, which) = (changed.len(), which.join(", "));
    let name = crate::domain::sanitize::printable(name);
    match lang {
        Lang::Sv => format!(
            "Ångra hela det sparade formuläret för {name}? Det tar tillbaka {n} värden: {which}."
        ),
        Lang::En => {
            format!("Undo the whole form saved for {name}? It takes back {n} values: {which}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_question_says_how_many_values_and_which() {
        let changed = [
            "spending.1.amount".to_string(),
            "report.reported_on".to_string(),
        ];
        assert_eq!(
            undo_form_question("Bromma", &changed, Lang::Sv),
            "Ångra hela det sparade formuläret för Bromma? Det tar tillbaka 2 värden: \
             Fokusområde 1: belopp, Redovisad."
        );
        assert_eq!(
            undo_form_question("Bromma", &changed, Lang::En),
            "Undo the whole form saved for Bromma? It takes back 2 values: \
             Focus area 1: amount, Reported on."
        );
    }
}
