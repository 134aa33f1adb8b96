//! Every word a user reads, in Swedish and English, in one part per
//! audience: the commands' words (`commands`), the full-screen app's
//! (`screen`), the report's (`report`), the flags' (`flags`), the model's
//! kinds (`kinds`), the audit log (`changes`) and the store's refusals
//! (`store_errors`) and the operating system's (`os_errors`). The domain, the store and the report hand over typed
//! facts and errors; this layer words them.

pub mod changes;
pub mod commands;
pub mod conflict;
pub mod edits;
pub mod exchange;
pub mod exchange_changes;
pub mod flags;
pub mod focus_areas;
pub mod grant_list;
pub mod grant_pick;
pub mod help;
pub mod import_notes;
pub mod import_problems;
pub mod import_problems_sv;
pub mod keys;
pub mod kinds;
pub mod money_back;
pub mod money_errors;
pub mod os_errors;
pub mod report;
pub mod screen;
pub mod screen_phrases;
pub mod stale;
pub mod store_errors;
pub mod workbook;

use crate::domain::Lang;

/// Everything a user reads in one language, part by part. A part's
/// `words(lang)` is a short way to its field here; a word missing in one
/// language does not compile.
pub struct Texts {
    pub lang: Lang,
    pub commands: commands::CommandWords,
    pub exchange: exchange::ExchangeWords,
    pub flags: flags::FlagWords,
    pub kinds: kinds::KindWords,
    pub report: report::ReportWords,
    pub screen: screen::ScreenWords,
}

pub static SV: Texts = Texts {
    lang: Lang::Sv,
    commands: commands::SV,
    exchange: exchange::SV,
    flags: flags::SV,
    kinds: kinds::SV,
    report: report::SV,
    screen: screen::SV,
};

pub static EN: Texts = Texts {
    lang: Lang::En,
    commands: commands::EN,
    exchange: exchange::EN,
    flags: flags::EN,
    kinds: kinds::EN,
    report: report::EN,
    screen: screen::EN,
};

/// The words of `lang`: the one place a language is chosen.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// "1 dag", "3 dagar"; "1 day", "3 days".
pub(crate) fn days(lang: Lang, n: i64) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 dag".into(),
        (Lang::Sv, n) => format!("{n} dagar"),
        (Lang::En, 1) => "1 day".into(),
        (Lang::En, n) => format!("{n} days"),
    }
}
