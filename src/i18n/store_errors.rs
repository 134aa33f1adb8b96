//! The store's refusals in the user's language. The store's own messages
//! (its `Display`) stay English, for logs and scripts.

use crate::domain::Lang;
use crate::store::StoreError;

pub fn explain(e: &StoreError, lang: Lang) -> String {
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
        StoreError::Io { path, source } => format!("{}: {source}", path.display()),
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
        StoreError::Invalid(_) | StoreError::Sqlite(_) => e.to_string(),
    }
}
