//! Every word the full-screen app shows, in Swedish and English. A field
//! missing in one language does not compile. Status words and the
//! countdown are short forms here, for table columns and the header bar.

use crate::domain::Lang;
use crate::domain::status::{Countdown, RecipientStatus};

pub struct Texts {
    pub app: &'static str,
    pub recipients: &'static str,
    pub status: &'static str,
    pub name: &'static str,
    pub allocated: &'static str,
    pub used: &'static str,
    pub unused: &'static str,
    pub overspent: &'static str,
    pub received: &'static str,
    pub unallocated: &'static str,
    pub over_allocated: &'static str,
    pub credited: &'static str,
    pub to_return: &'static str,
    pub total: &'static str,
    pub no_flags: &'static str,
    pub no_grant: &'static str,
    pub no_recipients: &'static str,
    pub no_match: &'static str,
    pub filter: &'static str,
    pub sorted_by: &'static str,
    pub sort_keys: [&'static str; 5],
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub form_title: &'static str,
    pub focus_area: &'static str,
    pub amount: &'static str,
    pub note: &'static str,
    pub reported_on: &'static str,
    pub reason_unused: &'static str,
    pub evaluation: &'static str,
    pub of: &'static str,
    pub saved: &'static str,
    pub nothing_to_save: &'static str,
    pub fix_errors: &'static str,
    pub bad_date: &'static str,
    pub report_needs_date: &'static str,
    pub discard_question: &'static str,
    pub quit_question: &'static str,
    pub conflict_question: &'static str,
    pub last_recipient: &'static str,
    pub allocation_title: &'static str,
    pub allocation_after: &'static str,
    pub allocation_over: &'static str,
    pub allocation_saved: &'static str,
    pub read_only: &'static str,
    pub closed_grant: &'static str,
    pub refreshed: &'static str,
    pub contexts: [&'static str; 7],
    // Recipients view, recipient form and matrix view.
    pub recipients_title: &'static str,
    pub formal_name: &'static str,
    pub kind: &'static str,
    pub state: &'static str,
    pub retired: &'static str,
    pub new_recipient: &'static str,
    pub rename_recipient: &'static str,
    pub name_empty: &'static str,
    pub name_taken: &'static str,
    pub kind_hint: &'static str,
    pub recipient_form_keys: &'static str,
    pub recipient_added: &'static str,
    pub recipient_renamed: &'static str,
    pub no_recipient_rows: &'static str,
    pub matrix_title: &'static str,
    pub rows_word: &'static str,
    pub columns_word: &'static str,
    pub context_choice: &'static str,
    pub context_matrix: &'static str,
}

pub const SV: Texts = Texts {
    app: "medel",
    recipients: "Mottagare",
    status: "Status",
    name: "Namn",
    allocated: "Tilldelat",
    used: "Använt",
    unused: "Oanvänt",
    overspent: "Överskridet",
    received: "Mottaget",
    unallocated: "Ej fördelat",
    over_allocated: "Överfördelat",
    credited: "Godkänt",
    to_return: "Att återbetala",
    total: "Summa",
    no_flags: "Inget att anmärka.",
    no_grant: "Inget bidrag ännu. Tryck g för att skapa ett.",
    no_recipients: "Inga mottagare i bidraget. Tryck a för att fördela.",
    no_match: "Ingen mottagare matchar sökningen.",
    filter: "Sök",
    sorted_by: "sorterat på",
    sort_keys: ["namn", "tilldelat", "använt", "oanvänt", "status"],
    too_small: "Terminalen är för liten",
    help_title: "Hjälp: tangenter",
    help_close: "Esc eller ? stänger",
    form_title: "Redovisning",
    focus_area: "Fokusområde",
    amount: "Belopp",
    note: "Vad gjordes",
    reported_on: "Redovisad",
    reason_unused: "Skäl till att medel inte använts",
    evaluation: "Utvärdering",
    of: "av",
    saved: "Sparat",
    nothing_to_save: "Inga ändringar att spara",
    fix_errors: "Rätta de markerade fälten innan du sparar",
    bad_date: "Datum skrivs ÅÅÅÅ-MM-DD",
    report_needs_date: "Ange redovisningsdatum för att spara skäl och utvärdering",
    discard_question: "Kasta osparade ändringar?",
    quit_question: "Formuläret har osparade ändringar. Avsluta ändå?",
    conflict_question: "Skriva över den andra ändringen med din?",
    last_recipient: "Det var sista mottagaren i listan",
    allocation_title: "Fördela",
    allocation_after: "Ej fördelat efter ändringen",
    allocation_over: "Mer än mottaget: sparas, men flaggas som överfördelat",
    allocation_saved: "Tilldelningen ändrad",
    read_only: "SKRIVSKYDDAD: filen kan bara läsas",
    closed_grant: "Bidraget är redovisat och stängt",
    refreshed: "Uppdaterat med ändringar från en annan session",
    contexts: [
        "Överallt",
        "Listor",
        "Huvudvy",
        "Bidrag",
        "Mottagare",
        "Formulär",
        "Frågor",
    ],
    recipients_title: "Alla mottagare",
    formal_name: "Formellt namn",
    kind: "Typ",
    state: "Läge",
    retired: "avvecklad",
    new_recipient: "Ny mottagare",
    rename_recipient: "Byt namn",
    name_empty: "Ange ett namn",
    name_taken: "En annan mottagare har redan det namnet",
    kind_hint: "← → byter typ",
    recipient_form_keys: "Enter nästa fält · Ctrl-S sparar · Esc avbryter",
    recipient_added: "Mottagaren tillagd",
    recipient_renamed: "Namnet ändrat",
    no_recipient_rows: "Inga mottagare ännu. Tryck n för att lägga till en.",
    matrix_title: "Använt per fokusområde",
    rows_word: "rader",
    columns_word: "kolumner",
    context_choice: "Val i formulär",
    context_matrix: "Tabell per område",
};

pub const EN: Texts = Texts {
    app: "medel",
    recipients: "Recipients",
    status: "Status",
    name: "Name",
    allocated: "Allocated",
    used: "Used",
    unused: "Unused",
    overspent: "Overspent",
    received: "Received",
    unallocated: "Unallocated",
    over_allocated: "Over-allocated",
    credited: "Credited",
    to_return: "To return",
    total: "Total",
    no_flags: "Nothing to remark.",
    no_grant: "No grant yet. Press g to create one.",
    no_recipients: "No recipients in this grant. Press a to allocate.",
    no_match: "No recipient matches the search.",
    filter: "Search",
    sorted_by: "sorted by",
    sort_keys: ["name", "allocated", "used", "unused", "status"],
    too_small: "Terminal too small",
    help_title: "Help: keys",
    help_close: "Esc or ? closes",
    form_title: "Spending report",
    focus_area: "Focus area",
    amount: "Amount",
    note: "What was done",
    reported_on: "Reported on",
    reason_unused: "Reason for non-use",
    evaluation: "Evaluation",
    of: "of",
    saved: "Saved",
    nothing_to_save: "No changes to save",
    fix_errors: "Correct the marked fields before saving",
    bad_date: "Dates are written YYYY-MM-DD",
    report_needs_date: "Give a reported date to keep the reason and evaluation",
    discard_question: "Discard unsaved changes?",
    quit_question: "The form has unsaved changes. Quit anyway?",
    conflict_question: "Overwrite the other change with yours?",
    last_recipient: "That was the last recipient in the list",
    allocation_title: "Allocate",
    allocation_after: "Unallocated after the change",
    allocation_over: "More than received: saved, but flagged as over-allocated",
    allocation_saved: "Allocation changed",
    read_only: "READ-ONLY: the file can only be read",
    closed_grant: "The grant is reported and closed",
    refreshed: "Updated with changes from another session",
    contexts: [
        "Everywhere",
        "Lists",
        "Main view",
        "Grants",
        "Recipients",
        "Forms",
        "Questions",
    ],
    recipients_title: "All recipients",
    formal_name: "Formal name",
    kind: "Kind",
    state: "State",
    retired: "retired",
    new_recipient: "New recipient",
    rename_recipient: "Rename",
    name_empty: "Give a name",
    name_taken: "Another recipient already has this name",
    kind_hint: "← → changes the kind",
    recipient_form_keys: "Enter next field · Ctrl-S saves · Esc cancels",
    recipient_added: "Recipient added",
    recipient_renamed: "Name changed",
    no_recipient_rows: "No recipients yet. Press n to add one.",
    matrix_title: "Used per focus area",
    rows_word: "rows",
    columns_word: "columns",
    context_choice: "Choices in forms",
    context_matrix: "Matrix",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// The status word shown in tables; readable without colour.
pub fn status_word(s: RecipientStatus, lang: Lang) -> &'static str {
    match (s, lang) {
        (RecipientStatus::NotReported, Lang::Sv) => "väntar",
        (RecipientStatus::NotReported, Lang::En) => "pending",
        (RecipientStatus::Unused, Lang::Sv) => "OANVÄNT",
        (RecipientStatus::Unused, Lang::En) => "UNUSED",
        (RecipientStatus::Partial, Lang::Sv) => "delvis",
        (RecipientStatus::Partial, Lang::En) => "partial",
        (RecipientStatus::Full, Lang::Sv) => "ok",
        (RecipientStatus::Full, Lang::En) => "ok",
        (RecipientStatus::Overspent, Lang::Sv) => "ÖVER",
        (RecipientStatus::Overspent, Lang::En) => "OVER",
    }
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
        (Countdown::UseEnds(n), Lang::Sv) => format!("{} kvar", days(n)),
        (Countdown::UseEnds(n), Lang::En) => format!("{} left", days(n)),
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
