//! The audit log in words: which field changed, and its values as a
//! coordinator reads them (amounts formatted, empty shown as a dash).

use chrono::{DateTime, Local};
use rust_decimal::Decimal;

use crate::domain::Lang;
use crate::domain::model::{REDO_MARK, ReceiptKind, UNDO_MARK};
use crate::domain::money::Money;
use crate::domain::money_back::RepaymentKind;

/// `spending.3.amount` → "Focus area 3: amount", and so on; an undo of a
/// change says so first.
pub fn describe(what: &str, lang: Lang) -> String {
    if let Some(undone) = what.strip_prefix(UNDO_MARK) {
        return format!(
            "{}: {}",
            lang.pick("Ångrat", "Undone"),
            describe(undone, lang)
        );
    }
    if let Some(redone) = what.strip_prefix(REDO_MARK) {
        return format!(
            "{}: {}",
            lang.pick("Gjort om", "Redone"),
            describe(redone, lang)
        );
    }
    let parts: Vec<&str> = what.split('.').collect();
    match parts.as_slice() {
        ["spending", n, "amount"] => format!(
            "{} {n}: {}",
            lang.pick("Fokusområde", "Focus area"),
            lang.pick("belopp", "amount")
        ),
        ["spending", n, "note"] => format!(
            "{} {n}: {}",
            lang.pick("Fokusområde", "Focus area"),
            lang.pick("notering", "note")
        ),
        ["report", "reported_on"] => lang.pick("Redovisad", "Reported on").into(),
        ["report", "reason_unused"] => lang
            .pick("Skäl till att medel inte använts", "Reason for non-use")
            .into(),
        ["report", "evaluation"] => lang.pick("Utvärdering", "Evaluation").into(),
        ["report", "contact"] => lang.pick("Kontaktperson", "Contact person").into(),
        ["allocation"] => lang.pick("Fördelning", "Allocation").into(),
        ["receipt"] => lang.pick("Inbetalning", "Receipt").into(),
        ["receipt", _, field] => format!(
            "{}: {}",
            lang.pick("Inbetalning", "Receipt"),
            money_field(field, lang)
        ),
        ["repayment", _, field] => format!(
            "{}: {}",
            lang.pick("Återbetalning", "Repayment"),
            money_field(field, lang)
        ),
        ["repayment"] => lang.pick("Återbetalning", "Repayment").into(),
        ["reallocation"] => lang.pick("Omfördelning", "Reallocation").into(),
        ["grant"] => lang.pick("Bidrag skapat", "Grant created").into(),
        ["grant", field] => format!(
            "{}: {}",
            lang.pick("Bidrag", "Grant"),
            grant_field(field, lang)
        ),
        ["recipient"] => lang.pick("Mottagare tillagd", "Recipient added").into(),
        ["recipient", "name"] => lang.pick("Namn", "Name").into(),
        ["recipient", "formal_name"] => lang.pick("Formellt namn", "Formal name").into(),
        ["recipient", "retired"] => lang.pick("Avvecklad", "Retired").into(),
        ["recipient", "kind"] => lang.pick("Typ", "Kind").into(),
        ["focus_area", n] => format!("{} {n}", lang.pick("Fokusområde", "Focus area")),
        ["import"] => lang.pick("Import", "Import").into(),
        _ => what.to_string(),
    }
}

/// A field of a receipt or a repayment, as its form names it.
fn money_field(field: &str, lang: Lang) -> &str {
    match field {
        "date" => lang.pick("datum", "date"),
        "amount" => lang.pick("belopp", "amount"),
        "kind" => lang.pick("typ", "kind"),
        "reference" => lang.pick("referens", "reference"),
        "note" => lang.pick("anteckning", "note"),
        other => other,
    }
}

fn grant_field(field: &str, lang: Lang) -> &str {
    match field {
        "title" => lang.pick("titel", "title"),
        "giver" => lang.pick("bidragsgivare", "giver"),
        "year" => lang.pick("år", "year"),
        "use_from" => lang.pick("används från", "use from"),
        "use_until" => lang.pick("används till", "use until"),
        "report_due" => lang.pick("redovisas senast", "report due"),
        "state" => lang.pick("läge", "state"),
        "giver_reference" => lang.pick("bidragsgivarens diarienummer", "giver's reference"),
        "own_reference" => lang.pick("eget diarienummer", "own reference"),
        other => other,
    }
}

/// A logged value for reading: amounts formatted, booleans and states in
/// words, empty as a dash.
pub fn value(what: &str, raw: &str, lang: Lang) -> String {
    let what = what
        .strip_prefix(UNDO_MARK)
        .or_else(|| what.strip_prefix(REDO_MARK))
        .unwrap_or(what);
    if raw.is_empty() {
        return "–".into();
    }
    match what {
        "receipt" => return receipt(raw, lang),
        "grant" => return grant(raw),
        "import" => return super::exchange::words(lang).logged_import(raw),
        _ => {}
    }
    // A move is logged as "30000.00 Bromma" → "Kungsholmen".
    if what == "reallocation"
        && let Some((amount, from)) = raw.split_once(' ')
        && let Ok(d) = amount.parse::<Decimal>()
        && let Ok(m) = Money::from_decimal(d)
    {
        let from = crate::domain::sanitize::printable(from);
        return format!("{} {from}", m.format_with_unit(lang));
    }
    if what.ends_with(".kind") {
        let receipt = ReceiptKind::from_code(raw).filter(|_| what.starts_with("receipt."));
        if let Some(kind) = receipt {
            return super::kinds::receipt(kind, lang).into();
        }
        let repayment = RepaymentKind::from_code(raw).filter(|_| what.starts_with("repayment."));
        if let Some(kind) = repayment {
            return super::money_back::repayment_kind(kind, lang).into();
        }
    }
    let is_amount = what == "allocation" || what.ends_with(".amount");
    if is_amount
        && let Ok(d) = raw.parse::<Decimal>()
        && let Ok(m) = Money::from_decimal(d)
    {
        return m.format_with_unit(lang);
    }
    match (what, raw) {
        (_, "true") => lang.pick("ja", "yes").into(),
        (_, "false") => lang.pick("nej", "no").into(),
        ("grant.state", "open") => lang.pick("öppet", "open").into(),
        ("grant.state", "reported") => lang.pick("redovisat", "reported").into(),
        _ => crate::domain::sanitize::printable(raw),
    }
}

/// When, in local time to the minute.
pub fn when(at: &str) -> String {
    when_as(at, "%Y-%m-%d %H:%M")
}

/// When, in local time to the second: for two times in the same minute.
pub fn when_to_the_second(at: &str) -> String {
    when_as(at, "%Y-%m-%d %H:%M:%S")
}

fn when_as(at: &str, format: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&Local).format(format).to_string())
        .unwrap_or_else(|_| at.to_string())
}

/// A receipt as logged, `2026-07-01 41250.50 redistribution`, for reading:
/// `2026-07-01 41 250,50 kr omfördelning`.
fn receipt(raw: &str, lang: Lang) -> String {
    let mut parts = raw.splitn(3, ' ');
    let (date, amount, kind) = (parts.next(), parts.next(), parts.next());
    let amount = amount
        .and_then(|a| a.parse::<Decimal>().ok())
        .and_then(|d| Money::from_decimal(d).ok());
    let kind = kind.and_then(ReceiptKind::from_code);
    match (date, amount, kind) {
        (Some(date), Some(amount), Some(kind)) => format!(
            "{date} {} {}",
            amount.format_with_unit(lang),
            super::kinds::receipt(kind, lang)
        ),
        _ => crate::domain::sanitize::printable(raw),
    }
}

/// A new grant as logged, `title year`: the title alone when it already
/// names the year, as most do.
fn grant(raw: &str) -> String {
    let shown = match raw.rsplit_once(' ') {
        Some((title, year)) if title.contains(year) => title.to_string(),
        Some((title, year)) if year.parse::<i32>().is_ok() => format!("{title} ({year})"),
        _ => raw.to_string(),
    };
    crate::domain::sanitize::printable(&shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_values_read_well() {
        assert_eq!(
            describe("spending.3.amount", Lang::En),
            "Focus area 3: amount"
        );
        assert_eq!(describe("report.evaluation", Lang::Sv), "Utvärdering");
        assert_eq!(describe("grant.report_due", Lang::En), "Grant: report due");
        assert_eq!(describe("focus_area.2", Lang::Sv), "Fokusområde 2");
        assert_eq!(describe("import", Lang::En), "Import");
        assert_eq!(value("allocation", "180000.00", Lang::Sv), "180 000 kr");
        assert_eq!(
            value("spending.1.amount", "1234.50", Lang::En),
            "SEK 1,234.50"
        );
        assert_eq!(value("spending.1.note", "", Lang::En), "–");
        assert_eq!(value("recipient.retired", "true", Lang::Sv), "ja");
        assert_eq!(
            value("spending.1.note", "a\u{1b}[2Jb", Lang::En),
            "a\u{fffd}[2Jb"
        );
    }
}
