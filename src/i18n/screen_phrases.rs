//! Sentences of the full-screen app with values in them, so that a
//! translation always sees the whole sentence.

use super::screen::ScreenWords;
use crate::domain::Lang;
use crate::domain::model::GrantState;
use crate::domain::status::{Countdown, RecipientStatus};

/// A form's title when it can only be read.
pub fn read_only_title(title: &str, lang: Lang) -> String {
    format!("{title} · {} ", lang.pick("skrivskyddad", "read-only"))
}

/// The label of the form's contact person field.
pub fn contact_label(lang: Lang) -> &'static str {
    lang.pick("Kontaktperson", "Contact person")
}

/// The status word shown in tables; readable without colour. One set of
/// words for the screen and the commands.
pub fn status_word(s: RecipientStatus, lang: Lang) -> &'static str {
    crate::i18n::texts(lang).commands.status_word(s)
}

/// The header's countdown in words.
pub fn countdown(c: Countdown, lang: Lang) -> String {
    let days = |n: i64| match (lang, n) {
        (Lang::Sv, 1) => "1 dag".to_string(),
        (Lang::Sv, n) => format!("{n} dagar"),
        (Lang::En, 1) => "1 day".to_string(),
        (Lang::En, n) => format!("{n} days"),
    };
    match (c, lang) {
        (Countdown::NotStarted(n), Lang::Sv) => format!("börjar om {}", days(n)),
        (Countdown::NotStarted(n), Lang::En) => format!("starts in {}", days(n)),
        (Countdown::UseEnds(n), Lang::Sv) => format!("{} kvar att använda", days(n)),
        (Countdown::UseEnds(n), Lang::En) => format!("{} left to use", days(n)),
        (Countdown::ReportDue(n), Lang::Sv) => format!("redovisning om {}", days(n)),
        (Countdown::ReportDue(n), Lang::En) => format!("report due in {}", days(n)),
        (Countdown::ReportOverdue(n), Lang::Sv) => format!("redovisning {} sen", days(n)),
        (Countdown::ReportOverdue(n), Lang::En) => format!("report {} late", days(n)),
        (Countdown::Closed, Lang::Sv) => "redovisat".to_string(),
        (Countdown::Closed, Lang::En) => "reported".to_string(),
    }
}

/// The question before retiring or restoring a recipient.
pub fn retire_question(name: &str, retire: bool, lang: Lang) -> String {
    match (retire, lang) {
        (true, Lang::Sv) => format!(
            "Avveckla {name}? Historiken finns kvar, men den kan inte få nya tilldelningar."
        ),
        (true, Lang::En) => {
            format!("Retire {name}? Its history is kept, but it can get no new allocation.")
        }
        (false, Lang::Sv) => format!("Återta {name}? Den kan då få tilldelningar igen."),
        (false, Lang::En) => format!("Restore {name}? It can then get allocations again."),
    }
}

/// What was done after the question was answered yes.
pub fn retired_done(name: &str, retired: bool, lang: Lang) -> String {
    match (retired, lang) {
        (true, Lang::Sv) => format!("{name} är avvecklad; historiken finns kvar"),
        (true, Lang::En) => format!("{name} is retired; its history is kept"),
        (false, Lang::Sv) => format!("{name} är återtagen"),
        (false, Lang::En) => format!("{name} is restored"),
    }
}

/// The question before taking a recipient out of the grant on screen.
pub fn take_out_question(name: &str, grant: &str, allocated: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => {
            format!("Ta {name} ur {grant}? Fördelningen på {allocated} tas bort. u ångrar det.")
        }
        Lang::En => format!(
            "Take {name} out of {grant}? Its allocation of {allocated} is removed. u undoes it."
        ),
    }
}

/// What was done after the question was answered yes.
pub fn taken_out(name: &str, grant: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{name} är tagen ur {grant}"),
        Lang::En => format!("{name} is taken out of {grant}"),
    }
}

/// Why nothing is taken out: the recipient is not in the grant.
pub fn not_in_grant(name: &str, grant: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{name} har inget fördelat i {grant}"),
        Lang::En => format!("{name} has no allocation in {grant}"),
    }
}

/// Why the allocation popup does not open for a retired recipient.
pub fn retired_refusal(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => {
            format!("{name} är avvecklad och kan inte få ny tilldelning. Återta den först (m, x).")
        }
        Lang::En => {
            format!("{name} is retired and gets no new allocation. Restore it first (m, x).")
        }
    }
}

/// Which rows or columns of a scrolled table are shown: `rader 1–14 av 15`.
pub fn shown_range(word: &str, first: usize, last: usize, of: usize, lang: Lang) -> String {
    format!("{word} {first}–{last} {} {of}", lang.pick("av", "of"))
}

/// "Esc or f closes", at the bottom of the flags page.
pub fn flags_close(esc: &str, f: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{esc} eller {f} stänger"),
        Lang::En => format!("{esc} or {f} closes"),
    }
}

/// The bottom line of the report preview.
pub fn report_hint(write: &str, esc: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(" {write} skriver till fil · {esc} stänger "),
        Lang::En => format!(" {write} writes to a file · {esc} closes "),
    }
}

/// What the allocation popup says its keys do.
pub fn allocation_hint(enter: &str, esc: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{enter} sparar · {esc} avbryter"),
        Lang::En => format!("{enter} saves · {esc} cancels"),
    }
}

/// The size the app needs and the size it has.
pub fn too_small_sizes(need: (u16, u16), have: (u16, u16), lang: Lang) -> String {
    let (w, h, hw, hh) = (need.0, need.1, have.0, have.1);
    match lang {
        Lang::Sv => format!("behöver {w}×{h}, har {hw}×{hh}"),
        Lang::En => format!("need {w}×{h}, have {hw}×{hh}"),
    }
}

/// The last line of a status pane too small for every flag.
pub fn more_flags(n: usize, key: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("… {n} till: tryck {key}"),
        Lang::En => format!("… {n} more: press {key}"),
    }
}

/// A share in whole percent, as each language writes it.
pub fn percent(pct: i64, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{pct} %"),
        Lang::En => format!("{pct}%"),
    }
}

/// How many changes the history shows when it shows only the latest.
pub fn history_latest(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("de {n} senaste; äldre i medel log"),
        Lang::En => format!("latest {n}; older in medel log"),
    }
}

/// How the help page closes.
pub fn help_close(esc: &str, help: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{esc} eller {help} stänger"),
        Lang::En => format!("{esc} or {help} closes"),
    }
}

/// Beside a focused choice: the keys that change it.
pub fn choice_hint(left: &str, right: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{left} {right} byter"),
        Lang::En => format!("{left} {right} changes"),
    }
}

/// Under a new recipient's kind: the keys that change it.
pub fn kind_hint(left: &str, right: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{left} {right} byter typ"),
        Lang::En => format!("{left} {right} changes the kind"),
    }
}

/// At the bottom of the recipient form.
pub fn recipient_form_keys(next: &str, save: &str, esc: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{next} nästa fält · {save} sparar · {esc} avbryter"),
        Lang::En => format!("{next} next field · {save} saves · {esc} cancels"),
    }
}

impl ScreenWords {
    /// Open or closed, as the grants and receipts views say it.
    pub fn state_word(&self, state: GrantState) -> &'static str {
        match state {
            GrantState::Open => self.state_words[0],
            GrantState::Reported => self.state_words[1],
        }
    }

    /// Why a typed date is refused, if it is: written wrong, or a day that
    /// does not exist.
    pub fn date_problem(&self, typed: &str) -> Option<&'static str> {
        use crate::domain::dates::{DateError, parse_date};
        match parse_date(typed) {
            Ok(_) => None,
            Err(DateError::Shape) => Some(self.bad_date),
            Err(DateError::NoSuchDay) => Some(self.no_such_date),
        }
    }
}
