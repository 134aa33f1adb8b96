//! Every word a user reads, in Swedish and English, in one part per
//! audience: the commands' words (`commands`), the full-screen app's
//! (`screen`), the report's (`report`), the flags' (`flags`), the model's
//! kinds (`kinds`), the audit log (`changes`) and the store's refusals
//! (`store_errors`) and the operating system's (`os_errors`). The domain, the store and the report hand over typed
//! facts and errors; this layer words them.

pub mod changes;
pub mod commands;
pub mod exchange;
pub mod flags;
pub mod import_problems;
pub mod kinds;
pub mod money_errors;
pub mod os_errors;
pub mod report;
pub mod screen;
pub mod store_errors;

use crate::domain::Lang;

/// "1 dag", "3 dagar"; "1 day", "3 days".
pub(crate) fn days(lang: Lang, n: i64) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 dag".into(),
        (Lang::Sv, n) => format!("{n} dagar"),
        (Lang::En, 1) => "1 day".into(),
        (Lang::En, n) => format!("{n} days"),
    }
}

/// The commands' words under their old name: `screen::status_word` reads
/// the shared status words through it. Goes when the parts compose into
/// one set of words per language.
pub use commands::words as texts;
