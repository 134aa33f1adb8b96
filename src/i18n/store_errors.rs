//! The store's refusals in the user's language. The store's own messages
//! (its `Display`) stay English, for logs and scripts.
//!
//! The rules of a grant draft are the domain's; their words are here,
//! English for `Display` included.

use std::fmt;

use crate::domain::Lang;
use crate::domain::grant_draft::{GrantDraft, GrantDraftError, YEARS};
use crate::store::StoreError;

/// Why a grant draft is refused, as a sentence.
pub fn grant_draft(e: GrantDraftError, lang: Lang) -> String {
    let (first, last) = (YEARS.start(), YEARS.end());
    match e {
        GrantDraftError::EmptyTitle => lang
            .pick("Titeln får inte vara tom", "The title cannot be empty")
            .into(),
        GrantDraftError::YearOutOfRange => lang.pick(
            format!("Året måste vara mellan {first} och {last}"),
            format!("The year must be between {first} and {last}"),
        ),
        GrantDraftError::UseEndsBeforeStart => lang
            .pick(
                "Användningsperioden slutar innan den börjar",
                "The use period ends before it starts",
            )
            .into(),
        GrantDraftError::DueBeforeUseEnds => lang
            .pick(
                "Redovisningsdagen kan inte ligga före periodens slut",
                "The report cannot be due before the use period ends",
            )
            .into(),
    }
}

impl fmt::Display for GrantDraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&grant_draft(*self, Lang::En))
    }
}

impl GrantDraft {
    /// `check` with its refusal in words, for the grant form.
    pub fn validate(&self, lang: Lang) -> Result<(), String> {
        self.check().map_err(|e| grant_draft(e, lang))
    }
}

pub fn explain(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::Grant(g) => return grant_draft(*g, lang),
        StoreError::Io { path, source } => return super::os_errors::io(path, source, lang),
        StoreError::Move(m) => return super::money_back::move_refused(m, lang),
        StoreError::DanglingLink(path) => return super::os_errors::dangling_link(path, lang),
        _ => {}
    }
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        StoreError::NotSqlite(p) => format!("{} är ingen SQLite-databas; medel har inte rört filen", p.display()),
        StoreError::NotMedel(p) => {
            format!("{} är ett annat programs SQLite-databas, inte medels; filen har inte rörts", p.display())
        }
        StoreError::NewerSchema { path, found, supported } => format!(
            "{} är skriven av en nyare medel (schema {found}, den här klarar upp till {supported}); \
             uppdatera medel för att öppna den. Filen har inte rörts",
            path.display()
        ),
        StoreError::LinkedSideFile(p) => format!(
            "{} är en symbolisk länk där SQLite har sin journal; medel skriver inte genom den. Ta bort länken och försök igen",
            p.display()
        ),
        StoreError::ReadOnly(p) => format!("{} är skrivskyddad: ändringar kan inte sparas", p.display()),
        StoreError::Busy => {
            "databasen är upptagen: ett annat program håller ett lås på den; försök igen om en stund".into()
        }
        StoreError::Corrupt(p, why) => format!(
            "{} är skadad: {why}. medel skriver inte till den; återställ den från en säkerhetskopia",
            p.display()
        ),
        StoreError::NotFound(what) => format!("hittar inte {what}"),
        StoreError::DiskFull => {
            "disken där databasen ligger är full: inget sparades; frigör utrymme och försök igen".into()
        }
        StoreError::Conflict(c) => super::conflict::conflict_text(c, lang),
        StoreError::FocusAreaInUse(name) => format!(
            "fokusområdet ”{name}” har användning registrerad och kan inte tas bort"
        ),
        StoreError::ZeroRepayment => "en återbetalning på noll kronor säger ingenting".into(),
        StoreError::RecipientInUse { name, report } => format!(
            "{name} har {} i det här bidraget och kan inte tas ur det; bara en mottagare utan användning och utan redovisning kan det",
            if *report { "en redovisning" } else { "användning registrerad" }
        ),
        StoreError::Invalid(_)
        | StoreError::Io { .. }
        | StoreError::DanglingLink(_)
        | StoreError::Grant(_)
        | StoreError::Move(_)
        | StoreError::DuplicateGrant { .. }
        | StoreError::GrantClosed
        | StoreError::ZeroReceipt
        | StoreError::Sqlite(_) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_grant_draft_is_worded_in_either_language() {
        let mut d = GrantDraft::for_year("", "G", 2025).unwrap();
        assert_eq!(
            d.validate(Lang::Sv).unwrap_err(),
            "Titeln får inte vara tom"
        );
        assert_eq!(
            StoreError::Grant(GrantDraftError::EmptyTitle).to_string(),
            "The title cannot be empty"
        );
        d.title = "T".into();
        d.year = 1899;
        assert_eq!(
            d.validate(Lang::En).unwrap_err(),
            "The year must be between 1900 and 2200"
        );
        assert_eq!(
            grant_draft(GrantDraftError::YearOutOfRange, Lang::Sv),
            "Året måste vara mellan 1900 och 2200"
        );
        d.year = 2025;
        d.report_due = d.use_until.pred_opt().unwrap();
        assert_eq!(
            explain(&StoreError::Grant(d.check().unwrap_err()), Lang::Sv),
            "Redovisningsdagen kan inte ligga före periodens slut"
        );
        d.use_from = d.use_until.succ_opt().unwrap();
        assert_eq!(
            d.validate(Lang::En).unwrap_err(),
            "The use period ends before it starts"
        );
    }
}
