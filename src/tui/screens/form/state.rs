//! The spending form for one recipient: an amount and a note per focus
//! area, then the report fields. Validation runs as the user types; saving
//! is refused while any field is invalid. The report's date stays empty
//! until the coordinator sets it: figures entered mid-year are not a
//! report.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::Lang;
use crate::domain::model::{FocusArea, GrantId, RecipientId, RecipientReport};
use crate::domain::money::Money;
use crate::i18n::screen::{ScreenWords, words};
use crate::store::Entry;
use crate::tui::widgets::text_field::{TextField, parse_date};

#[derive(Serialize, Deserialize)]
struct DraftBody {
    loaded: Entry,
    values: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Amount(usize),
    Note(usize),
    ReportedOn,
    Reason,
    Evaluation,
    /// The district's contact person: one line, kept without a reported
    /// date, as it is known before any report is.
    Contact,
}

impl FieldKind {
    /// The report's fields, in the form's order, under the focus areas. A
    /// new one is a line here, its value in `FormState::new` and
    /// `edited`, and its label in `draw::label`.
    pub const REPORT: [FieldKind; 4] = [
        FieldKind::ReportedOn,
        FieldKind::Reason,
        FieldKind::Evaluation,
        FieldKind::Contact,
    ];
}

#[derive(Debug, Clone)]
pub struct FormField {
    pub kind: FieldKind,
    pub input: TextField,
    pub error: Option<String>,
}

/// Whose spending the form edits.
#[derive(Debug, Clone)]
pub struct FormTarget {
    pub grant_id: GrantId,
    pub recipient_id: RecipientId,
    pub recipient_name: String,
    pub allocated: Money,
}

#[derive(Debug)]
pub struct FormState {
    pub grant_id: GrantId,
    pub recipient_id: RecipientId,
    pub recipient_name: String,
    pub allocated: Money,
    pub focus_areas: Vec<FocusArea>,
    /// As stored when the form opened: the base of the three-way merge.
    pub loaded: Entry,
    /// As the fields showed when the form opened: unchanged means clean.
    pub initial: Entry,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub lang: Lang,
    /// The grant is reported: the form is shown, never changed.
    pub read_only: bool,
}

fn amount_text(m: Money, lang: Lang) -> String {
    if m.is_zero() {
        String::new()
    } else {
        m.format_editable(lang)
    }
}

impl FormState {
    pub fn new(
        target: FormTarget,
        focus_areas: Vec<FocusArea>,
        loaded: Entry,
        lang: Lang,
    ) -> FormState {
        let FormTarget {
            grant_id,
            recipient_id,
            recipient_name,
            allocated,
        } = target;
        let mut fields = Vec::new();
        for (i, line) in loaded.spending.iter().enumerate() {
            fields.push(FormField {
                kind: FieldKind::Amount(i),
                input: TextField::new(&amount_text(line.amount, lang)),
                error: None,
            });
            fields.push(FormField {
                kind: FieldKind::Note(i),
                input: TextField::prose(&line.note),
                error: None,
            });
        }
        let report = loaded.report.as_ref();
        for kind in FieldKind::REPORT {
            let input = match kind {
                FieldKind::ReportedOn => TextField::new(
                    &report
                        .map(|r| r.reported_on.to_string())
                        .unwrap_or_default(),
                ),
                FieldKind::Reason => TextField::prose(report.map_or("", |r| &r.reason_unused)),
                FieldKind::Contact => TextField::new(&loaded.contact),
                _ => TextField::prose(report.map_or("", |r| &r.evaluation)),
            };
            fields.push(FormField {
                kind,
                input,
                error: None,
            });
        }
        let mut form = FormState {
            grant_id,
            recipient_id,
            recipient_name,
            allocated,
            focus_areas,
            initial: loaded.clone(),
            loaded,
            fields,
            focus: 0,
            lang,
            read_only: false,
        };
        if let Ok(initial) = form.edited() {
            form.initial = initial;
        }
        form.fields[0].input.focus();
        form
    }

    pub fn field(&self, kind: FieldKind) -> Option<&FormField> {
        self.fields.iter().find(|f| f.kind == kind)
    }

    /// Checks one field; the message is in the form's language.
    fn check(&self, field: &FormField, t: &ScreenWords) -> Option<String> {
        let v = field.input.value();
        match field.kind {
            FieldKind::Amount(_) if v.trim().is_empty() => None,
            FieldKind::Amount(_) => Money::parse_for(v, self.lang)
                .err()
                .map(|e| crate::i18n::money_errors::explain(&e, self.lang)),
            FieldKind::ReportedOn if v.trim().is_empty() => None,
            FieldKind::ReportedOn => t.date_problem(v).map(String::from),
            _ => None,
        }
    }

    /// Validates every field after a change.
    pub fn validate(&mut self, t: &ScreenWords) {
        let errors: Vec<Option<String>> = self.fields.iter().map(|f| self.check(f, t)).collect();
        for (f, e) in self.fields.iter_mut().zip(errors) {
            f.error = e;
        }
        let date_empty = self
            .field(FieldKind::ReportedOn)
            .is_some_and(|f| f.input.value().trim().is_empty());
        let has_text = [FieldKind::Reason, FieldKind::Evaluation].iter().any(|k| {
            self.field(*k)
                .is_some_and(|f| !f.input.value().trim().is_empty())
        });
        if date_empty
            && has_text
            && let Some(f) = self
                .fields
                .iter_mut()
                .find(|f| f.kind == FieldKind::ReportedOn)
        {
            f.error = Some(t.report_needs_date.to_string());
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// The entry the fields describe, or the first invalid field.
    pub fn edited(&self) -> Result<Entry, usize> {
        let mut entry = self.loaded.clone();
        let mut date = None;
        let (mut reason, mut evaluation) = (String::new(), String::new());
        for (i, f) in self.fields.iter().enumerate() {
            let v = f.input.value();
            match f.kind {
                FieldKind::Amount(a) => {
                    entry.spending[a].amount = if v.trim().is_empty() {
                        Money::ZERO
                    } else {
                        Money::parse_for(v, self.lang).map_err(|_| i)?
                    }
                }
                FieldKind::Note(a) => entry.spending[a].note = v.trim().to_string(),
                FieldKind::ReportedOn if v.trim().is_empty() => {}
                FieldKind::ReportedOn => date = Some(parse_date(v).ok_or(i)?),
                FieldKind::Reason => reason = v.trim().to_string(),
                FieldKind::Evaluation => evaluation = v.trim().to_string(),
                FieldKind::Contact => entry.contact = v.trim().to_string(),
            }
        }
        entry.report = match date {
            Some(reported_on) => Some(RecipientReport {
                reported_on,
                reason_unused: reason,
                evaluation,
            }),
            None if reason.is_empty() && evaluation.is_empty() => None,
            None => {
                return Err(self
                    .fields
                    .iter()
                    .position(|f| f.kind == FieldKind::ReportedOn)
                    .unwrap_or(0));
            }
        };
        Ok(entry)
    }

    pub fn is_dirty(&self) -> bool {
        self.edited().map_or(true, |e| e != self.initial)
    }

    /// Sum of the amounts that parse; invalid ones count as zero.
    pub fn live_used(&self) -> Money {
        self.fields
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::Amount(_)))
            .filter_map(|f| Money::parse_for(f.input.value(), self.lang).ok())
            .sum()
    }

    /// The coordinator's key for "the report came in today".
    pub fn reported_today(&mut self, today: NaiveDate, t: &ScreenWords) {
        if let Some(f) = self
            .fields
            .iter_mut()
            .find(|f| f.kind == FieldKind::ReportedOn)
        {
            f.input.set(&today.to_string());
        }
        self.validate(t);
    }

    /// After a refused save: the first field in error, selected, so that
    /// what is typed next replaces the text that was refused.
    pub fn focus_first_error(&mut self) {
        if let Some(bad) = self.fields.iter().position(|x| x.error.is_some()) {
            self.set_focus(bad);
            self.fields[bad].input.select();
        }
    }

    /// The focused field is one of several lines.
    pub fn on_prose(&self) -> bool {
        self.fields[self.focus].input.prose_editor().is_some()
    }

    fn set_focus(&mut self, idx: usize) {
        self.tidy(self.focus);
        self.focus = idx.min(self.fields.len() - 1);
        self.fields[self.focus].input.focus();
    }

    /// Writes a valid amount in the usual form when leaving its field.
    fn tidy(&mut self, idx: usize) {
        let lang = self.lang;
        let f = &mut self.fields[idx];
        if matches!(f.kind, FieldKind::Amount(_))
            && let Ok(m) = Money::parse_for(f.input.value(), self.lang)
        {
            f.input.set(&amount_text(m, lang));
        }
    }

    pub fn next_field(&mut self) {
        self.set_focus((self.focus + 1) % self.fields.len());
    }

    pub fn prev_field(&mut self) {
        self.set_focus((self.focus + self.fields.len() - 1) % self.fields.len());
    }

    /// Down a column, as Enter does in a spreadsheet: amount to amount,
    /// note to note, then on to the report fields.
    pub fn down(&mut self) {
        let rows = self.focus_areas.len() * 2;
        let next = if self.focus + 2 < rows {
            self.focus + 2
        } else if self.focus < rows {
            rows
        } else {
            (self.focus + 1).min(self.fields.len() - 1)
        };
        self.set_focus(next);
    }

    pub fn up(&mut self) {
        let rows = self.focus_areas.len() * 2;
        let prev = if self.focus > rows {
            self.focus - 1
        } else if self.focus == rows {
            rows.saturating_sub(2)
        } else {
            self.focus.saturating_sub(2)
        };
        self.set_focus(prev);
    }

    /// The form as typed, for keeping when the session ends unsaved.
    pub fn draft_body(&self) -> String {
        let body = DraftBody {
            loaded: self.loaded.clone(),
            values: self
                .fields
                .iter()
                .map(|f| f.input.value().to_string())
                .collect(),
        };
        serde_json::to_string(&body).unwrap_or_default()
    }

    /// A form with a draft's values over the base it was typed against, so
    /// that saving still notices what others changed since.
    pub fn from_draft(
        target: FormTarget,
        focus_areas: Vec<FocusArea>,
        body: &str,
        lang: Lang,
    ) -> Option<FormState> {
        let draft: DraftBody = serde_json::from_str(body).ok()?;
        let mut form = FormState::new(target, focus_areas, draft.loaded, lang);
        // A draft kept before the contact field existed has one value
        // fewer, the last field's: it keeps the stored contact.
        if draft.values.len() != form.fields.len() && draft.values.len() + 1 != form.fields.len() {
            return None;
        }
        for (field, value) in form.fields.iter_mut().zip(&draft.values) {
            field.input.set(value);
        }
        form.validate(words(lang));
        Some(form)
    }

    /// Takes what is stored now as the form's base: fields another session
    /// changed show their value; fields only this user changed keep what
    /// was typed. Saving then writes only this user's changes.
    pub fn rebase(&mut self, current: Entry) -> bool {
        // Fields are matched by place; if the grant's focus areas changed
        // meanwhile (an import), places no longer match: keep what is
        // typed, unmerged, rather than move it into the wrong fields.
        let areas = |e: &Entry| {
            e.spending
                .iter()
                .map(|l| l.focus_area_id)
                .collect::<Vec<_>>()
        };
        if areas(&current) != areas(&self.loaded) {
            return false;
        }
        let target = FormTarget {
            grant_id: self.grant_id,
            recipient_id: self.recipient_id,
            recipient_name: self.recipient_name.clone(),
            allocated: self.allocated,
        };
        let old = FormState::new(
            target.clone(),
            self.focus_areas.clone(),
            self.loaded.clone(),
            self.lang,
        );
        let mut theirs = FormState::new(target, self.focus_areas.clone(), current, self.lang);
        for ((field, was), mine) in theirs.fields.iter_mut().zip(&old.fields).zip(&self.fields) {
            let changed_here = mine.input.value() != was.input.value();
            let changed_there = field.input.value() != was.input.value();
            if changed_here && !changed_there {
                field.input.set(mine.input.value());
            }
        }
        theirs.initial = old.initial;
        theirs.focus = self.focus;
        theirs.validate(words(self.lang));
        *self = theirs;
        true
    }
}
