//! The words of the workbooks medel writes: the fill-in template and the
//! export.

use super::kinds;
use crate::domain::Lang;
use crate::domain::model::ReceiptKind;
use crate::exchange::{ExportWords, TemplateWords};

const SV: TemplateWords = TemplateWords {
    lang: Lang::Sv,
    sheet: "Redovisning",
    title: "Redovisning av statsbidrag",
    grant: "Bidrag",
    giver: "Bidragsgivare",
    year: "År",
    use_period: "Användningsperiod",
    reply_by: "Skicka tillbaka senast",
    recipient: "Mottagare",
    allocated: "Tilldelat",
    number: "Nr",
    focus_area: "Fokusområde",
    amount: "Använt belopp (kr)",
    what_done: "Vad gjordes",
    sum: "Summa använt",
    unused: "Outnyttjat",
    overspent: "Överskridet",
    give_reason: "Ange skäl till att medel inte använts nedan",
    reported_on: "Redovisat datum (ÅÅÅÅ-MM-DD)",
    reason_unused: "Skäl till att medel inte använts",
    evaluation: "Utvärdering",
    contact: "Kontaktperson",
    amount_input_title: "Använt belopp",
    amount_input: "Skriv beloppet i kronor, t.ex. 12 500 eller 12 500,50. Lämna tomt om inget använts.",
    amount_error_title: "Inget giltigt belopp",
    amount_error: "Beloppet ska vara ett tal från 0 och uppåt, med högst två decimaler.",
    money_format: "#,##0.00 \"kr\"",
};

const EN: TemplateWords = TemplateWords {
    lang: Lang::En,
    sheet: "Report",
    title: "Report on the state grant",
    grant: "Grant",
    giver: "Grant giver",
    year: "Year",
    use_period: "Use period",
    reply_by: "Send back by",
    recipient: "Recipient",
    allocated: "Allocated",
    number: "No.",
    focus_area: "Focus area",
    amount: "Amount used (kr)",
    what_done: "What was done",
    sum: "Total used",
    unused: "Unused",
    overspent: "Overspent",
    give_reason: "Give the reason for the unused money below",
    reported_on: "Reported on (YYYY-MM-DD)",
    reason_unused: "Reason for not using the money",
    evaluation: "Evaluation",
    contact: "Contact person",
    amount_input_title: "Amount used",
    amount_input: "Type the amount in kronor, e.g. 12500 or 12500.50. Leave empty if nothing was used.",
    amount_error_title: "Not a valid amount",
    amount_error: "The amount must be a number from 0 up, with at most two decimals.",
    money_format: "#,##0.00 \"kr\"",
};

pub fn template_words(lang: Lang) -> &'static TemplateWords {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const EXPORT_SV: ExportWords = ExportWords {
    lang: Lang::Sv,
    summary: "Sammanställning",
    matrix: "Matris",
    spending: "Utgifter",
    receipts: "Inbetalningar",
    flags: "Flaggor",
    summary_columns: [
        "Bidrag",
        "År",
        "Mottagare",
        "Tilldelat",
        "Använt",
        "Outnyttjat",
        "Överskridet",
        "Status",
        "Redovisat",
        "Kontaktperson",
    ],
    spending_columns: [
        "Bidrag",
        "År",
        "Mottagare",
        "Fokusområde",
        "Tilldelat",
        "Belopp",
        "Anteckning",
    ],
    receipt_columns: ["Bidrag", "År", "Datum", "Belopp", "Slag", "Anteckning"],
    flag_columns: ["Bidrag", "År", "Allvar", "Flagga"],
    total: "Summa",
    statuses: [
        "Inte redovisat",
        "Outnyttjat",
        "Delvis använt",
        "Fullt använt",
        "Överskridet",
    ],
    chart: "Använt mot tilldelat:",
    receipt_kinds: ["", "", ""],
    money_format: "#,##0.00 \"kr\"",
};

const EXPORT_EN: ExportWords = ExportWords {
    lang: Lang::En,
    summary: "Summary",
    matrix: "Matrix",
    spending: "Spending",
    receipts: "Receipts",
    flags: "Flags",
    summary_columns: [
        "Grant",
        "Year",
        "Recipient",
        "Allocated",
        "Used",
        "Unused",
        "Overspent",
        "Status",
        "Reported",
        "Contact person",
    ],
    spending_columns: [
        "Grant",
        "Year",
        "Recipient",
        "Focus area",
        "Allocated",
        "Amount",
        "Note",
    ],
    receipt_columns: ["Grant", "Year", "Date", "Amount", "Kind", "Note"],
    flag_columns: ["Grant", "Year", "Severity", "Flag"],
    total: "Total",
    statuses: [
        "Not reported",
        "Unused",
        "Partly used",
        "Fully used",
        "Overspent",
    ],
    chart: "Used against allocated:",
    receipt_kinds: ["", "", ""],
    money_format: "#,##0.00 \"kr\"",
};

/// The export's words, the receipt kinds as `kinds` words them.
pub fn export_words(lang: Lang) -> ExportWords {
    let base = match lang {
        Lang::Sv => &EXPORT_SV,
        Lang::En => &EXPORT_EN,
    };
    ExportWords {
        receipt_kinds: ReceiptKind::ALL.map(|k| kinds::receipt(k, lang)),
        ..base.clone()
    }
}
