//! The templates of one grant: a workbook per recipient taking part (or
//! per recipient named), each with a file name that is safe on Windows
//! and unique ignoring case. Pure: the caller writes the files.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::document::Document;
use super::known_ids::KnownIds;
use super::xlsx_layout::{Written, file_name};
use super::xlsx_template::{TemplateFor, TemplateWords, template_xlsx};

/// Why no templates were made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplatesRefused {
    /// The document has no grant, or the grant (its title) no recipients.
    NoParticipants(String),
    /// A recipient asked for takes no part in the grant.
    NotTakingPart {
        name: String,
        grant: String,
        known: Vec<String>,
    },
    /// The workbook writer's own message.
    Xlsx(String),
}

/// Per recipient: the file name and the workbook's bytes, in the
/// grant's order of recipients. `doc` holds the one grant, `grant_id`
/// is its id; `recipients` empty means all of them. `written` is where in
/// the audit log `doc` was read (read before it, so that a change made
/// meanwhile counts as after the template).
pub fn grant_templates(
    doc: &Document,
    ids: &KnownIds,
    grant_id: i64,
    recipients: &[String],
    words: &TemplateWords,
    reply_by: Option<NaiveDate>,
    written: &Written,
) -> Result<Vec<(String, Vec<u8>)>, TemplatesRefused> {
    let g = doc
        .grants
        .first()
        .ok_or_else(|| TemplatesRefused::NoParticipants(String::new()))?;
    let known: Vec<String> = g.recipients.iter().map(|p| p.recipient.clone()).collect();
    if let Some(missing) = recipients.iter().find(|r| !known.contains(r)) {
        return Err(TemplatesRefused::NotTakingPart {
            name: missing.clone(),
            grant: g.title.clone(),
            known,
        });
    }
    if known.is_empty() {
        return Err(TemplatesRefused::NoParticipants(g.title.clone()));
    }
    let id_of = |name: &str| {
        ids.recipients
            .iter()
            .find(|(_, names)| names.first().is_some_and(|n| n == name))
            .map(|(id, _)| *id)
    };
    let mut taken = HashSet::new();
    let mut out = Vec::new();
    for part in &g.recipients {
        if !recipients.is_empty() && !recipients.contains(&part.recipient) {
            continue;
        }
        let (Some(recipient), Some(recipient_id)) = (
            doc.recipients.iter().find(|r| r.name == part.recipient),
            id_of(&part.recipient),
        ) else {
            continue;
        };
        let t = TemplateFor {
            grant: g,
            recipient,
            part: Some(part),
            reply_by: reply_by.unwrap_or(g.report_due),
            ids: (grant_id, recipient_id),
            written,
        };
        let bytes = template_xlsx(&t, words).map_err(|e| TemplatesRefused::Xlsx(e.to_string()))?;
        out.push((unique(file_name(&recipient.name), &mut taken), bytes));
    }
    Ok(out)
}

/// Names differing only in case are one file on Windows and macOS.
fn unique(name: String, taken: &mut HashSet<String>) -> String {
    let stem = name.trim_end_matches(".xlsx").to_string();
    let mut candidate = name;
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{stem} ({n}).xlsx");
        n += 1;
    }
    candidate
}
