//! The words of import and export: what `medel import` says and the
//! counts of a plan; each planned change in a line is in
//! `exchange_changes`. The `Display` of a plan's `Summary` is the English
//! one, for the audit row of an import.

use std::fmt;
use std::path::Path;

pub use super::exchange_changes::change;
use crate::domain::Lang;
use crate::exchange::Summary;

/// The words of one language.
#[derive(Debug)]
pub struct ExchangeWords {
    pub lang: Lang,
    /// The progress bar's label while an import is written.
    pub importing: &'static str,
    /// A plan's counts, in the order `Summary` has them.
    kinds: [&'static str; 11],
    no_changes: &'static str,
}

pub const SV: ExchangeWords = ExchangeWords {
    lang: Lang::Sv,
    importing: "Importerar",
    kinds: [
        "nya mottagare",
        "ändrade mottagaruppgifter",
        "nya bidrag",
        "ändrade bidragsuppgifter",
        "fokusområden",
        "inbetalningar",
        "återbetalningar och omfördelningar",
        "fördelningar",
        "belopp per fokusområde",
        "mottagarredovisningar",
        "redan som i filen",
    ],
    no_changes: "inga ändringar",
};

pub const EN: ExchangeWords = ExchangeWords {
    lang: Lang::En,
    importing: "Importing",
    kinds: [
        "recipients added",
        "recipient fields changed",
        "grants added",
        "grant fields changed",
        "focus areas",
        "receipts",
        "repayments and reallocations",
        "allocations",
        "spending values",
        "recipient reports",
        "already as in the file",
    ],
    no_changes: "no changes",
};

/// This part of the words of `lang` (see `i18n::Texts`).
pub fn words(lang: Lang) -> &'static ExchangeWords {
    &super::texts(lang).exchange
}

impl ExchangeWords {
    fn pick<T>(&self, sv: T, en: T) -> T {
        self.lang.pick(sv, en)
    }

    pub fn wrote_templates(&self, dir: &Path, files: &[std::path::PathBuf]) -> String {
        let n = files.len();
        let mut out = format!("{}:\n", self.wrote_templates_in(n, dir));
        for f in files {
            out.push_str(&format!("  {}\n", f.display()));
        }
        out
    }

    /// The app's one line after `x` or `X`.
    pub fn wrote_templates_in(&self, n: usize, dir: &Path) -> String {
        let d = dir.display();
        match n {
            1 => self.pick(
                format!("Skrev 1 arbetsbok i {d}"),
                format!("Wrote 1 workbook in {d}"),
            ),
            n => self.pick(
                format!("Skrev {n} arbetsböcker i {d}"),
                format!("Wrote {n} workbooks in {d}"),
            ),
        }
    }

    /// Asked before writing over templates already in the folder.
    pub fn templates_there(&self, there: usize, of: usize, dir: &Path) -> String {
        let d = dir.display();
        self.pick(
            format!("{there} av {of} arbetsböcker finns redan i {d}. Skriva över dem?"),
            format!("{there} of the {of} workbooks are in {d} already. Write over them?"),
        )
    }

    pub fn not_taking_part(&self, name: &str, grant: &str, known: &[&str]) -> String {
        let known = known.join(", ");
        self.pick(
            format!("'{name}' deltar inte i bidraget '{grant}'; mottagare: {known}"),
            format!("'{name}' takes no part in the grant '{grant}'; recipients: {known}"),
        )
    }

    pub fn no_participants(&self, grant: &str) -> String {
        self.pick(
            format!("bidraget '{grant}' har inga mottagare ännu: tilldela medel först"),
            format!("the grant '{grant}' has no recipients yet: allocate money first"),
        )
    }

    /// Why `medel template` or the app's key made no templates.
    pub fn templates_refused(&self, r: &crate::exchange::TemplatesRefused) -> String {
        use crate::exchange::TemplatesRefused as R;
        match r {
            R::NoParticipants(grant) => self.no_participants(grant),
            R::NotTakingPart { name, grant, known } => {
                let known: Vec<&str> = known.iter().map(String::as_str).collect();
                self.not_taking_part(name, grant, &known)
            }
            R::Xlsx(message) => self.pick(
                format!("kan inte skriva arbetsboken: {message}"),
                format!("cannot write the workbook: {message}"),
            ),
        }
    }

    pub fn cannot_write_in(&self, path: &Path) -> String {
        let p = path.display();
        self.pick(format!("kan inte skriva {p}"), format!("cannot write {p}"))
    }

    pub fn read_as_windows_1252(&self, file: &Path) -> String {
        let f = file.display();
        self.pick(
            format!(
                "Obs: {f} är inte UTF-8 och lästes som Windows-1252, som Excels \
                 \"CSV (semikolonavgränsad)\" sparar."
            ),
            format!(
                "Note: {f} is not UTF-8 and was read as Windows-1252, as Excel's \
                 \"CSV (semikolonavgränsad)\" saves it."
            ),
        )
    }

    pub fn workbook_needs_a_file(&self) -> String {
        self.pick(
            "en arbetsbok skrivs till en fil: ange den med -o FIL.xlsx",
            "a workbook is written to a file: name it with -o FILE.xlsx",
        )
        .to_string()
    }

    /// Several files, where one would be named.
    pub fn files(&self, n: usize) -> String {
        self.pick(format!("{n} filer"), format!("{n} files"))
    }

    pub fn cannot_read(&self, file: &Path) -> String {
        let f = file.display();
        self.pick(format!("kan inte läsa {f}"), format!("cannot read {f}"))
    }

    /// `list` is the problems, each on its own line starting with "\n  ".
    pub fn refused(&self, file: &Path, list: &str) -> String {
        let f = file.display();
        self.pick(
            format!("{f} kan inte importeras; inget har ändrats:{list}"),
            format!("{f} cannot be imported; nothing was changed:{list}"),
        )
    }

    /// Some of several files have problems: none was imported.
    pub fn refused_some(&self, total: usize, bad: usize, list: &str) -> String {
        match (self.lang, bad) {
            (Lang::Sv, 1) => format!(
                "Ingen av de {total} filerna importerades, eftersom 1 har problem; \
                 inget har ändrats:{list}"
            ),
            (Lang::Sv, _) => format!(
                "Ingen av de {total} filerna importerades, eftersom {bad} har problem; \
                 inget har ändrats:{list}"
            ),
            (Lang::En, 1) => format!(
                "None of the {total} files was imported, because 1 has problems; \
                 nothing was changed:{list}"
            ),
            (Lang::En, _) => format!(
                "None of the {total} files was imported, because {bad} have problems; \
                 nothing was changed:{list}"
            ),
        }
    }

    /// The files of an import as its messages name them: a workbook whose
    /// name is not its recipient's gets the recipient beside it
    /// (`Östermalm.xlsx (Spånga-Tensta)`); `odd` holds those.
    pub fn import_label(&self, files: &[std::path::PathBuf], odd: &[(String, String)]) -> String {
        match (files, odd) {
            ([one], []) => one.display().to_string(),
            ([_], [(file, recipient)]) => format!("{file} ({recipient})"),
            (_, []) => self.files(files.len()),
            (_, odd) => {
                let odd: Vec<String> = odd.iter().map(|(f, r)| format!("{f}: {r}")).collect();
                format!("{} ({})", self.files(files.len()), odd.join(", "))
            }
        }
    }

    /// `label` is from `import_label`; `many` when it names several files.
    pub fn nothing_to_import(&self, label: &str, many: bool, db: &Path) -> String {
        let d = db.display();
        match (self.lang, many) {
            (Lang::Sv, _) => {
                format!("Inget att importera: {d} har redan det som står i {label}.\n")
            }
            (Lang::En, false) => {
                format!("Nothing to import: {d} already holds what {label} says.\n")
            }
            (Lang::En, true) => {
                format!("Nothing to import: {d} already holds what the {label} say.\n")
            }
        }
    }

    pub fn imported(&self, f: &str, db: &Path, s: &Summary) -> String {
        let (d, s) = (db.display(), self.summary(s));
        self.pick(
            format!("Importerade {f} till {d}: {s}.\n"),
            format!("Imported {f} into {d}: {s}.\n"),
        )
    }

    pub fn dry_run(&self, f: &str, db: &Path, s: &Summary) -> String {
        let (d, s) = (db.display(), self.summary(s));
        self.pick(
            format!(
                "Provkörning, inget har skrivits. Att importera {f} till {d} skulle ge: {s}.\n"
            ),
            format!("Dry run, nothing was written. Importing {f} into {d} would make: {s}.\n"),
        )
    }

    /// The import's audit row for reading: `file: counts` in words. Rows
    /// written before the counts were stored as JSON are shown as they are.
    pub fn logged_import(&self, raw: &str) -> String {
        match serde_json::from_str::<crate::exchange::ImportLogged>(raw) {
            Ok(row) => crate::domain::sanitize::printable(&format!(
                "{}: {}",
                row.file,
                self.summary(&row.counts)
            )),
            Err(_) => crate::domain::sanitize::printable(raw),
        }
    }

    pub fn more_changes(&self, more: usize) -> String {
        self.pick(
            format!("  … och {more} ändringar till\n"),
            format!("  … and {more} more changes\n"),
        )
    }

    /// The counts in words, only the kinds that occur: `recipients added:
    /// 15, spending values: 30`. The number last reads right for one and
    /// for many alike.
    pub fn summary(&self, s: &Summary) -> String {
        let counts = [
            s.recipients_added,
            s.recipients_changed,
            s.grants_added,
            s.grants_changed,
            s.focus_areas,
            s.receipts,
            s.records,
            s.allocations,
            s.spending,
            s.reports,
            s.unchanged,
        ];
        let parts: Vec<String> = counts
            .iter()
            .zip(self.kinds)
            .filter(|(n, _)| **n > 0)
            .map(|(n, what)| format!("{what}: {n}"))
            .collect();
        if parts.is_empty() {
            self.no_changes.to_string()
        } else {
            parts.join(", ")
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&EN.summary(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_name_only_the_kinds_that_occur() {
        let s = Summary {
            recipients_added: 2,
            spending: 90,
            unchanged: 10,
            ..Summary::default()
        };
        assert_eq!(
            s.to_string(),
            "recipients added: 2, spending values: 90, already as in the file: 10"
        );
        assert_eq!(
            SV.summary(&s),
            "nya mottagare: 2, belopp per fokusområde: 90, redan som i filen: 10"
        );
        assert_eq!(Summary::default().to_string(), "no changes");
        assert_eq!(SV.summary(&Summary::default()), "inga ändringar");
    }
}
