//! Where a template keeps what: the hidden identification sheet that the
//! writer fills and the reader trusts, and the `C8` cell names both use.
//!
//! The identification is rows of text, one fact a row, under a marker and
//! a version, so that a later version can add rows and this one can still
//! tell that it does not know them.

use super::plan::GrantKey;
use crate::domain::file_name::safe_stem;

/// The workbook-level name that points at the identification sheet.
pub const DEFINED_NAME: &str = "MedelTemplate";
/// The identification sheet; very hidden and protected.
pub const ID_SHEET: &str = "medel_id";
/// The first cell of the identification sheet.
pub const MARKER: &str = "medel-template";
/// The template version this medel writes. Version 2 names the grant and
/// the recipient by database id as well (so a renamed grant still
/// imports) and has a contact person cell; version 3 records the point in
/// the audit log it was written at, so that an import can tell a value
/// changed in medel since. Versions 1 (by names) and 2, already sent out
/// to districts, still import, without that check.
pub const TEMPLATE_VERSION: u32 = 3;

/// Where in medel's history a version 3 template was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The audit log's last row when the template was written (0 for an
    /// empty log): every change after it has a greater id.
    pub log_id: i64,
    /// That row's time: another database, or one restored from an older
    /// backup, has no such row with that time, so its ids mean nothing.
    pub log_at: String,
    /// When the template was written (UTC, RFC 3339), for messages.
    pub on: String,
}

/// What a template says it is for, and where its values are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The grant's title and year when the template was written: a check
    /// beside the id, and what messages name.
    pub grant: GrantKey,
    pub recipient: String,
    /// The database ids of the grant and the recipient; `None` in a
    /// version 1 template.
    pub ids: Option<(i64, i64)>,
    /// The visible sheet the district fills in.
    pub sheet: String,
    /// Per focus area: its position, the amount cell and the note cell.
    pub areas: Vec<(i64, String, String)>,
    pub reported_on: String,
    pub reason_unused: String,
    pub evaluation: String,
    /// The contact person's cell; `None` in a version 1 template.
    pub contact: Option<String>,
    /// `None` before version 3.
    pub written: Option<Written>,
    /// Locked cells and the text they hold: if one differs, the sheet
    /// was rearranged and no cell can be trusted.
    pub anchors: Vec<(String, String)>,
}

impl Identity {
    /// The identification sheet's rows.
    pub fn rows(&self) -> Vec<Vec<String>> {
        let s = |v: &str| v.to_string();
        let mut rows = vec![
            vec![s(MARKER), TEMPLATE_VERSION.to_string()],
            vec![
                s("grant"),
                self.grant.title.clone(),
                self.grant.year.to_string(),
            ],
            vec![s("recipient"), self.recipient.clone()],
            vec![s("sheet"), self.sheet.clone()],
            vec![s("reported_on"), self.reported_on.clone()],
            vec![s("reason_unused"), self.reason_unused.clone()],
            vec![s("evaluation"), self.evaluation.clone()],
        ];
        if let Some((grant, recipient)) = self.ids {
            rows.push(vec![s("ids"), grant.to_string(), recipient.to_string()]);
        }
        if let Some(contact) = &self.contact {
            rows.push(vec![s("contact"), contact.clone()]);
        }
        if let Some(w) = &self.written {
            let id = w.log_id.to_string();
            rows.push(vec![s("written"), id, w.log_at.clone(), w.on.clone()]);
        }
        for (position, amount, note) in &self.areas {
            rows.push(vec![
                s("area"),
                position.to_string(),
                amount.clone(),
                note.clone(),
            ]);
        }
        for (cell, text) in &self.anchors {
            rows.push(vec![s("anchor"), cell.clone(), text.clone()]);
        }
        rows
    }

    /// Reads the rows back; `Err` carries the version when it is not this
    /// one, `None` when the rows are not an identification at all.
    pub fn from_rows(rows: &[Vec<String>]) -> Result<Identity, Option<String>> {
        let first = rows.first().ok_or(None)?;
        if first.first().map(String::as_str) != Some(MARKER) {
            return Err(None);
        }
        let version = first.get(1).cloned().unwrap_or_default();
        if !["1", "2", "3"].contains(&version.as_str()) {
            return Err(Some(version));
        }
        let mut id = Identity {
            grant: GrantKey {
                title: String::new(),
                year: 0,
            },
            recipient: String::new(),
            ids: None,
            sheet: String::new(),
            areas: Vec::new(),
            reported_on: String::new(),
            reason_unused: String::new(),
            evaluation: String::new(),
            contact: None,
            written: None,
            anchors: Vec::new(),
        };
        let broken = || Some(version.clone());
        for row in &rows[1..] {
            let at = |i: usize| row.get(i).cloned().unwrap_or_default();
            match at(0).as_str() {
                "grant" => {
                    id.grant.title = at(1);
                    id.grant.year = at(2).parse().map_err(|_| broken())?;
                }
                "recipient" => id.recipient = at(1),
                "sheet" => id.sheet = at(1),
                "reported_on" => id.reported_on = at(1),
                "reason_unused" => id.reason_unused = at(1),
                "evaluation" => id.evaluation = at(1),
                "contact" => id.contact = Some(at(1)),
                "ids" => {
                    let grant = at(1).parse().map_err(|_| broken())?;
                    let recipient = at(2).parse().map_err(|_| broken())?;
                    id.ids = Some((grant, recipient));
                }
                "area" => {
                    let position = at(1).parse().map_err(|_| broken())?;
                    id.areas.push((position, at(2), at(3)));
                }
                "anchor" => id.anchors.push((at(1), at(2))),
                // Only a version 3 template vouches for its point in history.
                "written" if version == "3" => {
                    let log_id = at(1).parse().map_err(|_| broken())?;
                    let (log_at, on) = (at(2), at(3));
                    id.written = Some(Written { log_id, log_at, on });
                }
                _ => {}
            }
        }
        let cells = [&id.reported_on, &id.reason_unused, &id.evaluation];
        let cells = cells.into_iter().chain(&id.contact);
        let areas = id.areas.iter().flat_map(|(_, a, n)| [a, n]);
        let anchors = id.anchors.iter().map(|(c, _)| c);
        let all_cells_read = cells
            .chain(areas)
            .chain(anchors)
            .all(|c| parse_cell(c).is_some());
        let complete = match version.as_str() {
            "1" => true,
            "2" => id.ids.is_some() && id.contact.is_some(),
            _ => id.ids.is_some() && id.contact.is_some() && id.written.is_some(),
        };
        if id.sheet.is_empty() || id.recipient.is_empty() || !all_cells_read || !complete {
            return Err(broken());
        }
        Ok(id)
    }
}

/// `C8` for row 7, column 2 (both from 0).
pub fn cell_name(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    let letters: String = letters.into_iter().collect();
    format!("{letters}{}", row + 1)
}

/// Row and column (from 0) of `C8`; `None` for anything else.
pub fn parse_cell(name: &str) -> Option<(u32, u32)> {
    let split = name.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = name.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let col = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
    let row: u32 = digits.parse().ok()?;
    (row >= 1).then(|| (row - 1, col - 1))
}

/// A file name for the recipient's workbook that Windows accepts too:
/// no reserved characters, no trailing dot or blank, no device name.
pub fn file_name(recipient: &str) -> String {
    format!("{}.xlsx", safe_stem(recipient))
}

/// A folder name for a grant's templates, as safe as `file_name`.
pub fn folder_name(grant_title: &str) -> String {
    safe_stem(grant_title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_go_both_ways() {
        for (row, col, name) in [(0, 0, "A1"), (7, 2, "C8"), (9, 25, "Z10"), (0, 27, "AB1")] {
            assert_eq!(cell_name(row, col), name);
            assert_eq!(parse_cell(name), Some((row, u32::from(col))));
        }
        for bad in ["", "8", "C", "c8", "C0", "ABCD1", "C8x"] {
            assert_eq!(parse_cell(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_identification_reads_back_and_knows_its_version() {
        let id = Identity {
            grant: GrantKey {
                title: "G".into(),
                year: 2017,
            },
            recipient: "Bromma".into(),
            ids: Some((3, 14)),
            sheet: "Report".into(),
            areas: vec![(1, "C12".into(), "D12".into())],
            reported_on: "C22".into(),
            reason_unused: "C23".into(),
            evaluation: "C24".into(),
            contact: Some("C25".into()),
            written: Some(Written {
                log_id: 41,
                log_at: "2026-11-20T09:15:00.123Z".into(),
                on: "2026-11-20T09:16:00.000Z".into(),
            }),
            anchors: vec![("C3".into(), "G".into())],
        };
        let mut rows = id.rows();
        assert_eq!(Identity::from_rows(&rows), Ok(id.clone()));
        let without = |what: &str| -> Vec<Vec<String>> {
            rows.iter().filter(|r| r[0] != what).cloned().collect()
        };
        assert_eq!(Identity::from_rows(&without("ids")), Err(Some("3".into())));
        assert_eq!(
            Identity::from_rows(&without("written")),
            Err(Some("3".into()))
        );
        // Version 2 has no point in history, and a row claiming one is
        // not taken from it.
        let mut v2_rows = rows.clone();
        v2_rows[0][1] = "2".into();
        let version_2 = Identity {
            written: None,
            ..id.clone()
        };
        assert_eq!(Identity::from_rows(&v2_rows), Ok(version_2));
        let version_1 = Identity {
            ids: None,
            contact: None,
            written: None,
            ..id
        };
        let mut v1_rows = version_1.rows();
        v1_rows[0][1] = "1".into();
        assert_eq!(Identity::from_rows(&v1_rows), Ok(version_1));
        rows[0][1] = "4".into();
        assert_eq!(Identity::from_rows(&rows), Err(Some("4".into())));
        rows[0][0] = "something".into();
        assert_eq!(Identity::from_rows(&rows), Err(None));
        assert_eq!(Identity::from_rows(&[]), Err(None));
    }

    #[test]
    fn file_names_are_safe_on_windows() {
        assert_eq!(file_name("Bromma"), "Bromma.xlsx");
        assert_eq!(file_name("Hässelby-Vällingby"), "Hässelby-Vällingby.xlsx");
        assert_eq!(file_name("A/B: C?"), "A_B_ C_.xlsx");
        assert_eq!(file_name("Con"), "Con_.xlsx");
        assert_eq!(
            folder_name("Bidrag 2026/27: del 1"),
            "Bidrag 2026_27_ del 1"
        );
    }
}
