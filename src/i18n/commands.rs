//! The words of the command-line commands (`status`, `log`, `demo`,
//! `report`, …) and their messages. Fixed words are fields; sentences with
//! values in them are methods, so a translation always sees the whole
//! sentence.

use std::path::Path;

use crate::domain::lang::Lang;
use crate::domain::status::{Countdown, RecipientStatus};

use super::days;

/// The command words of one language.
#[derive(Debug)]
pub struct CommandWords {
    pub lang: Lang,

    // Totals of the status pane.
    pub received: &'static str,
    pub allocated: &'static str,
    pub unallocated: &'static str,
    pub used: &'static str,
    pub credited: &'static str,
    pub to_return: &'static str,
    /// The same figure during the use period, when nothing is due yet.
    pub not_yet_used: &'static str,
    pub repaid: &'static str,
    pub outstanding: &'static str,

    // The recipients table.
    pub col_recipient: &'static str,
    pub col_allocated: &'static str,
    pub col_used: &'static str,
    pub col_unused: &'static str,
    pub col_status: &'static str,
    pub total_row: &'static str,
    pub no_recipients: &'static str,

    // Recipient status words: upper case so they read without colour.
    pub status_not_reported: &'static str,
    pub status_unused: &'static str,
    pub status_partial: &'static str,
    pub status_full: &'static str,
    pub status_overspent: &'static str,

    // Flags.
    pub flags_heading: &'static str,
    pub no_flags: &'static str,

    /// `medel log` when nothing was changed.
    pub no_changes: &'static str,

    /// Said when the demo is written: which figures are real.
    pub demo_figures_note: &'static str,
    /// Said when the full-screen app is asked for without a terminal.
    pub needs_terminal: &'static str,
}

pub const SV: CommandWords = CommandWords {
    lang: Lang::Sv,
    received: "Mottaget",
    allocated: "Fördelat",
    unallocated: "Ej fördelat",
    used: "Använt",
    credited: "Avräknat",
    to_return: "Att återbetala",
    not_yet_used: "Ej använt än (går åter)",
    repaid: "Återbetalt",
    outstanding: "Utestående",
    col_recipient: "Mottagare",
    col_allocated: "Fördelat",
    col_used: "Använt",
    col_unused: "Oanvänt",
    col_status: "Status",
    total_row: "Summa",
    no_recipients: "Inga mottagare ännu.",
    status_not_reported: "väntar",
    status_unused: "OANVÄNT",
    status_partial: "delvis",
    status_full: "fullt",
    status_overspent: "ÖVER",
    flags_heading: "Flaggor",
    no_flags: "Inget att anmärka.",
    no_changes: "Inga ändringar.",
    demo_figures_note: "Mottaget, använt och att återbetala är källrapportens siffror; \
                        beloppen per mottagare är påhittade för exemplet.",
    needs_terminal: "Helskärmsläget behöver en terminal. I skript: medel status",
};

pub const EN: CommandWords = CommandWords {
    lang: Lang::En,
    received: "Received",
    allocated: "Allocated",
    unallocated: "Unallocated",
    used: "Used",
    credited: "Credited",
    to_return: "To return",
    not_yet_used: "Not yet used (goes back)",
    repaid: "Repaid",
    outstanding: "Outstanding",
    col_recipient: "Recipient",
    col_allocated: "Allocated",
    col_used: "Used",
    col_unused: "Unused",
    col_status: "Status",
    total_row: "Total",
    no_recipients: "No recipients yet.",
    status_not_reported: "pending",
    status_unused: "UNUSED",
    status_partial: "partial",
    status_full: "full",
    status_overspent: "OVER",
    flags_heading: "Flags",
    no_flags: "Nothing to remark on.",
    no_changes: "No changes.",
    demo_figures_note: "Received, used and to return are the source report's figures; \
                        the amounts per recipient are made up for the example.",
    needs_terminal: "The full-screen app needs a terminal. In scripts: medel status",
};

/// This part of the words of `lang` (see `i18n::Texts`).
pub fn words(lang: Lang) -> &'static CommandWords {
    &super::texts(lang).commands
}

impl CommandWords {
    fn pick<T>(&self, sv: T, en: T) -> T {
        self.lang.pick(sv, en)
    }

    pub fn status_word(&self, status: RecipientStatus) -> &'static str {
        match status {
            RecipientStatus::NotReported => self.status_not_reported,
            RecipientStatus::Unused => self.status_unused,
            RecipientStatus::Partial => self.status_partial,
            RecipientStatus::Full => self.status_full,
            RecipientStatus::Overspent => self.status_overspent,
        }
    }

    /// The date that matters most, in words, for the header line.
    pub fn countdown(&self, c: Countdown) -> String {
        let d = |n| days(self.lang, n);
        match (c, self.lang) {
            (Countdown::UseEnds(0), Lang::Sv) => "sista dagen att använda medlen".into(),
            (Countdown::UseEnds(0), Lang::En) => "last day to use the money".into(),
            (Countdown::UseEnds(n), Lang::Sv) => format!("{} kvar att använda medlen", d(n)),
            (Countdown::UseEnds(n), Lang::En) => format!("{} left to use the money", d(n)),
            (Countdown::ReportDue(0), Lang::Sv) => "redovisningen ska vara inne i dag".into(),
            (Countdown::ReportDue(0), Lang::En) => "the report is due today".into(),
            (Countdown::ReportDue(n), Lang::Sv) => {
                format!("redovisningen ska vara inne om {}", d(n))
            }
            (Countdown::ReportDue(n), Lang::En) => format!("the report is due in {}", d(n)),
            (Countdown::ReportOverdue(n), Lang::Sv) => format!("redovisningen är {} sen", d(n)),
            (Countdown::ReportOverdue(n), Lang::En) => format!("the report is {} overdue", d(n)),
            (Countdown::NotStarted(n), Lang::Sv) => format!("perioden börjar om {}", d(n)),
            (Countdown::NotStarted(n), Lang::En) => format!("the use period starts in {}", d(n)),
            (Countdown::Closed, Lang::Sv) => "redovisat och stängt".into(),
            (Countdown::Closed, Lang::En) => "reported and closed".into(),
        }
    }

    /// The second header line: the grant's dates and the day shown.
    pub fn dates_line(
        &self,
        use_from: impl std::fmt::Display,
        use_until: impl std::fmt::Display,
        report_due: impl std::fmt::Display,
        today: impl std::fmt::Display,
    ) -> String {
        match self.lang {
            Lang::Sv => format!(
                "Får användas {use_from} – {use_until} · redovisas senast {report_due} · läget per {today}"
            ),
            Lang::En => {
                format!(
                    "May be used {use_from} – {use_until} · report due {report_due} · as of {today}"
                )
            }
        }
    }

    /// An amount with its currency, the number padded to `width` so that a
    /// column of amounts lines up whichever side the currency goes.
    pub fn amount_with_unit(&self, number: &str, width: usize) -> String {
        let pad = " ".repeat(width.saturating_sub(unicode_width::UnicodeWidthStr::width(number)));
        self.pick(format!("{pad}{number} kr"), format!("SEK {pad}{number}"))
    }

    pub fn demo_written(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(
            format!("Exempeldatabasen är skriven till {p}"),
            format!("Wrote the example database to {p}"),
        )
    }

    /// How to look at what was just written.
    pub fn demo_next(&self, path: &Path) -> String {
        let q = shell_quote(path);
        self.pick(
            format!("Visa läget: medel status --db {q}"),
            format!("See the status: medel status --db {q}"),
        )
    }

    pub fn demo_exists(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(
            format!("{p} finns redan och skrivs inte över; lägg till --force för att ersätta den med exemplet"),
            format!("{p} already exists and was not overwritten; add --force to replace it with the example"),
        )
    }

    pub fn is_a_folder(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(
            format!("{p} är en mapp; ange sökvägen till en databasfil"),
            format!("{p} is a folder; give the path of a database file"),
        )
    }

    pub fn under_a_file(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(
            format!("{p}: en del av sökvägen är en fil, inte en mapp"),
            format!("{p}: part of the path is a file, not a folder"),
        )
    }

    /// A `--db` that does not exist: the demo's file is offered the demo,
    /// any other the way to make an empty database.
    pub fn no_database(&self, path: &Path) -> String {
        let (p, q) = (path.display(), shell_quote(path));
        let is_demo = path.file_name() == Some(std::ffi::OsStr::new(crate::paths::DEMO_FILE));
        if is_demo {
            return self.pick(
                format!("det finns ingen databas i {p}; skapa exemplet med: medel demo --db {q}"),
                format!(
                    "there is no database at {p}; create the example with: medel demo --db {q}"
                ),
            );
        }
        self.pick(
            format!(
                "det finns ingen databas i {p}: filen finns inte. En tom databas skapas när appen öppnar den: medel --db {q}"
            ),
            format!(
                "there is no database at {p}: the file does not exist. The app creates an empty one when it opens it: medel --db {q}"
            ),
        )
    }

    pub fn empty_file(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(
            format!("{p} är en tom fil, ingen medel-databas; den har inte rörts"),
            format!("{p} is an empty file, not a medel database; it was left untouched"),
        )
    }

    pub fn empty_file_not_named_as_database(&self, path: &Path) -> String {
        let p = path.display();
        let endings = crate::paths::DATABASE_ENDINGS
            .map(|e| format!(".{e}"))
            .join(", ");
        self.pick(
            format!(
                "{p} är en tom fil vars namn inte slutar på {endings}; medel gör bara en databas av en tom fil med ett sådant namn, och har inte rört den"
            ),
            format!(
                "{p} is an empty file whose name does not end in {endings}; medel only makes a database of an empty file named so, and left it untouched"
            ),
        )
    }

    pub fn cannot_open(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(format!("kan inte öppna {p}"), format!("cannot open {p}"))
    }

    pub fn cannot_write(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(format!("kan inte skriva {p}"), format!("cannot write {p}"))
    }

    /// A Word file asked for on a terminal, which cannot show it.
    pub fn docx_needs_file(&self) -> String {
        self.pick(
            "en Word-fil kan inte visas i terminalen: ange en fil med -o, till exempel -o Redovisning.docx".into(),
            "a Word file cannot be shown in the terminal: name a file with -o, for example -o Report.docx".into(),
        )
    }

    pub fn no_grants(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(
            format!("{p} innehåller inga bidrag ännu"),
            format!("{p} holds no grants yet"),
        )
    }

    pub fn no_such_recipient(&self, name: &str, meant: Option<&str>, path: &Path) -> String {
        let p = path.display();
        let said = self.pick(
            format!("ingen mottagare heter '{name}' i {p}"),
            format!("no recipient is called '{name}' in {p}"),
        );
        match meant {
            Some(m) => self.pick(
                format!("{said} (menade du '{m}'?)"),
                format!("{said} (did you mean '{m}'?)"),
            ),
            None => said,
        }
    }

    pub fn backup_exists(&self, file: &Path) -> String {
        let p = file.display();
        self.pick(
            format!("{p} finns redan; skriv --force för att ersätta den"),
            format!("{p} already exists; add --force to replace it"),
        )
    }

    pub fn backup_written(&self, db: &Path, file: &Path) -> String {
        let (d, f) = (db.display(), file.display());
        self.pick(
            format!("En kopia av {d} är skriven till {f}."),
            format!("A copy of {d} was written to {f}."),
        )
    }

    pub fn no_default_location(&self) -> &'static str {
        self.pick(
            "hittar ingen hemkatalog för databasen; ange --db SÖKVÄG eller MEDEL_DB",
            "cannot find a home folder for the database; give --db PATH or set MEDEL_DB",
        )
    }
}

/// The command line's own refusals. They come with clap's usage errors,
/// before the language is known, so they are English as clap's are.
pub const DB_NEEDS_A_PATH: &str = "--db needs the path of a file";

pub fn not_a_date(input: &str, why: crate::domain::dates::DateError) -> String {
    use crate::domain::dates::{DateError, SHAPES};
    match why {
        DateError::Shape => format!("'{input}' is not a date: write it as one of {SHAPES}"),
        DateError::NoSuchDay => format!("'{input}' is not a date: that day does not exist"),
    }
}

/// A path as it can be pasted into a shell: single-quoted when it holds
/// anything but plain characters.
pub fn shell_quote(path: &Path) -> String {
    let s = path.to_string_lossy();
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "/._-+,:@%=".contains(c));
    if plain {
        s.into_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [RecipientStatus; 5] = [
        RecipientStatus::NotReported,
        RecipientStatus::Unused,
        RecipientStatus::Partial,
        RecipientStatus::Full,
        RecipientStatus::Overspent,
    ];

    #[test]
    fn status_words_are_distinct_and_shout_only_where_money_is_at_stake() {
        for t in [&SV, &EN] {
            let words: Vec<&str> = ALL.iter().map(|s| t.status_word(*s)).collect();
            for (i, w) in words.iter().enumerate() {
                assert!(!words[..i].contains(w), "{w} twice");
                let loud = matches!(ALL[i], RecipientStatus::Unused | RecipientStatus::Overspent);
                assert_eq!(*w == w.to_uppercase(), loud, "{w}");
            }
        }
    }

    #[test]
    fn texts_follow_the_language() {
        assert_eq!(words(Lang::Sv).to_return, "Att återbetala");
        assert_eq!(words(Lang::En).to_return, "To return");
        assert_eq!(words(Lang::Sv).lang, Lang::Sv);
        assert_eq!(words(Lang::En).lang, Lang::En);
    }

    #[test]
    fn countdown_in_words() {
        assert_eq!(
            SV.countdown(Countdown::UseEnds(35)),
            "35 dagar kvar att använda medlen"
        );
        assert_eq!(
            EN.countdown(Countdown::ReportDue(1)),
            "the report is due in 1 day"
        );
        assert_eq!(
            SV.countdown(Countdown::ReportOverdue(2)),
            "redovisningen är 2 dagar sen"
        );
    }

    #[test]
    fn amounts_line_up_with_their_unit() {
        assert_eq!(SV.amount_with_unit("22 953", 9), "   22 953 kr");
        assert_eq!(EN.amount_with_unit("22,953", 9), "SEK    22,953");
    }

    #[test]
    fn paths_are_quoted_for_the_shell() {
        assert_eq!(
            shell_quote(Path::new("/tmp/demo.sqlite")),
            "/tmp/demo.sqlite"
        );
        assert_eq!(shell_quote(Path::new("/tmp/my db")), "'/tmp/my db'");
        assert_eq!(shell_quote(Path::new("it's")), r"'it'\''s'");
    }
}
