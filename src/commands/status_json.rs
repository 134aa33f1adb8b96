//! The status as JSON for scripts. Keys are English and stable; amounts
//! are decimal strings with two decimals (`"577468.00"`), never floats, so
//! that no reader rounds them. Flag messages follow `--lang`.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::Lang;
use crate::domain::flags::Severity;
use crate::domain::model::{Grant, GrantId, GrantState, RecipientId};
use crate::domain::money::Money;
use crate::domain::status::{GrantStatus, RecipientStatus};

#[derive(Serialize)]
struct Json<'a> {
    grant: JsonGrant<'a>,
    today: NaiveDate,
    lang: Lang,
    received: Money,
    allocated: Money,
    unallocated: Money,
    used: Money,
    credited: Money,
    unused: Money,
    overspent: Money,
    to_return: Money,
    repaid: Money,
    outstanding: Money,
    recipients: Vec<JsonRecipient<'a>>,
    flags: Vec<JsonFlag>,
}

#[derive(Serialize)]
struct JsonGrant<'a> {
    id: GrantId,
    title: &'a str,
    giver: &'a str,
    year: i32,
    use_from: NaiveDate,
    use_until: NaiveDate,
    report_due: NaiveDate,
    state: GrantState,
}

#[derive(Serialize)]
struct JsonRecipient<'a> {
    id: RecipientId,
    name: &'a str,
    allocated: Money,
    used: Money,
    credited: Money,
    unused: Money,
    overspent: Money,
    reported: bool,
    status: RecipientStatus,
}

#[derive(Serialize)]
struct JsonFlag {
    code: &'static str,
    severity: Severity,
    message: String,
}

/// Pretty-printed, ending with a newline.
pub fn render(grant: &Grant, s: &GrantStatus, today: NaiveDate, lang: Lang) -> Result<String> {
    let mut text = serde_json::to_string_pretty(&json(grant, s, today, lang))?;
    text.push('\n');
    Ok(text)
}

/// Several grants' statuses as one array, pretty-printed.
pub fn render_all(shown: &[(Grant, GrantStatus)], today: NaiveDate, lang: Lang) -> Result<String> {
    let all: Vec<Json<'_>> = shown.iter().map(|(g, s)| json(g, s, today, lang)).collect();
    let mut text = serde_json::to_string_pretty(&all)?;
    text.push('\n');
    Ok(text)
}

fn json<'a>(grant: &'a Grant, s: &'a GrantStatus, today: NaiveDate, lang: Lang) -> Json<'a> {
    Json {
        grant: JsonGrant {
            id: grant.id,
            title: &grant.title,
            giver: &grant.giver,
            year: grant.year,
            use_from: grant.use_from,
            use_until: grant.use_until,
            report_due: grant.report_due,
            state: grant.state,
        },
        today,
        lang,
        received: s.received,
        allocated: s.allocated,
        unallocated: s.unallocated,
        used: s.used,
        credited: s.credited,
        unused: s.unused,
        overspent: s.overspent,
        to_return: s.to_return,
        repaid: s.repaid,
        outstanding: s.outstanding,
        recipients: s
            .recipients
            .iter()
            .map(|r| JsonRecipient {
                id: r.recipient_id,
                name: &r.name,
                allocated: r.allocated,
                used: r.used,
                credited: r.credited,
                unused: r.unused,
                overspent: r.overspent,
                reported: r.reported,
                status: r.status,
            })
            .collect(),
        flags: s
            .flags
            .iter()
            .map(|f| JsonFlag {
                code: f.code(),
                severity: f.severity(),
                message: crate::i18n::flags::message(f, lang),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn amounts_are_strings_and_codes_are_snake_case() {
        let mut store = Store::open_in_memory().unwrap();
        let id = crate::demo::write(&mut store).unwrap();
        let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
        let (grant, status) = store.grant_status(id, today).unwrap();
        let text = render(&grant, &status, today, Lang::En).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["to_return"], "577468.00");
        assert_eq!(v["grant"]["year"], 2017);
        assert_eq!(v["grant"]["state"], "open");
        assert_eq!(v["today"], "2018-03-01");
        let bromma = v["recipients"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "Bromma")
            .unwrap();
        assert_eq!(bromma["status"], "unused");
        assert_eq!(bromma["unused"], "180000.00");
        let codes: Vec<&str> = v["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&"report_due_soon"), "{codes:?}");
        assert!(v["flags"][0]["severity"] == "warning");
    }
}
