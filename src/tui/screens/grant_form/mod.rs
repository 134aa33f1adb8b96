//! The form that creates or edits a grant: title, giver, year, the use
//! period and the report date. Validation runs as the user types, with the
//! store's own rules (`GrantDraft::validate`); saving is refused while any
//! field is wrong.

mod draw;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};

use serde::{Deserialize, Serialize};

use crate::domain::Lang;
use crate::domain::model::{Grant, GrantId};
use crate::i18n::screen::words;
use crate::store::{self, GrantDraft};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Draft, Effect, View};
use crate::tui::widgets::form::{self, Ends, Step};
use crate::tui::widgets::text_field::{TextField, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantField {
    Title,
    Giver,
    Year,
    UseFrom,
    UseUntil,
    ReportDue,
}

impl GrantField {
    pub const ALL: [GrantField; 6] = [
        GrantField::Title,
        GrantField::Giver,
        GrantField::Year,
        GrantField::UseFrom,
        GrantField::UseUntil,
        GrantField::ReportDue,
    ];

    fn is_date(self) -> bool {
        matches!(
            self,
            GrantField::UseFrom | GrantField::UseUntil | GrantField::ReportDue
        )
    }
}

const N: usize = GrantField::ALL.len();

#[derive(Debug)]
pub struct GrantFormState {
    /// The grant being edited; `None` for a new one.
    pub editing: Option<GrantId>,
    pub inputs: [TextField; N],
    pub errors: [Option<String>; N],
    pub focus: usize,
    /// The values the form opened with: unchanged means clean.
    initial: [String; N],
    /// Date fields the user typed in: the year no longer fills them.
    touched: [bool; N],
    /// The stored grant the form was opened on: the save merges over it.
    opened: Option<Grant>,
    lang: Lang,
}

fn idx(f: GrantField) -> usize {
    f as usize
}

/// Which field a refusal of `GrantDraft::validate` is about, checked in
/// the same order; it only decides where the store's message is shown.
fn blame(d: &GrantDraft, lang: Lang) -> GrantField {
    if d.title.trim().is_empty() {
        return GrantField::Title;
    }
    // The accepted years are the store's to decide: try one it surely takes.
    let probe = GrantDraft {
        year: 2000,
        ..d.clone()
    };
    if probe.validate(lang) != d.validate(lang) {
        GrantField::Year
    } else if d.use_from > d.use_until {
        GrantField::UseUntil
    } else {
        GrantField::ReportDue
    }
}

impl GrantFormState {
    /// A new grant for `year`, with the usual dates of that year filled in.
    pub fn new_grant(year: i32, giver: &str, lang: Lang) -> GrantFormState {
        let dates = GrantDraft::for_year("", giver, year).map_or_else(
            || [String::new(), String::new(), String::new()],
            |d| {
                [
                    d.use_from.to_string(),
                    d.use_until.to_string(),
                    d.report_due.to_string(),
                ]
            },
        );
        let [from, until, due] = dates;
        let values = [
            String::new(),
            giver.to_string(),
            year.to_string(),
            from,
            until,
            due,
        ];
        let mut form = GrantFormState::with_values(None, values, lang);
        // The giver is the last grant's, a guess: typing replaces it.
        form.inputs[1] = TextField::suggested(giver);
        form
    }

    pub fn edit(grant: &Grant, lang: Lang) -> GrantFormState {
        let values = [
            grant.title.clone(),
            grant.giver.clone(),
            grant.year.to_string(),
            grant.use_from.to_string(),
            grant.use_until.to_string(),
            grant.report_due.to_string(),
        ];
        let mut form = GrantFormState::with_values(Some(grant.id), values, lang);
        form.opened = Some(grant.clone());
        form
    }

    fn with_values(editing: Option<GrantId>, values: [String; N], lang: Lang) -> GrantFormState {
        let mut form = GrantFormState {
            editing,
            // Title and giver are free text; the year and dates are cells.
            inputs: std::array::from_fn(|i| {
                if i < 2 {
                    TextField::text(&values[i])
                } else {
                    TextField::new(&values[i])
                }
            }),
            errors: Default::default(),
            focus: 0,
            initial: values,
            touched: [false; N],
            opened: None,
            lang,
        };
        form.inputs[0].focus();
        form
    }

    pub fn value(&self, f: GrantField) -> &str {
        self.inputs[idx(f)].value()
    }

    pub fn focused_field(&self) -> GrantField {
        GrantField::ALL[self.focus]
    }

    fn values(&self) -> [String; N] {
        std::array::from_fn(|i| self.inputs[i].value().trim().to_string())
    }

    pub fn is_dirty(&self) -> bool {
        self.values() != self.initial.clone().map(|v| v.trim().to_string())
    }

    pub fn has_errors(&self) -> bool {
        self.errors.iter().any(Option::is_some)
    }

    /// The grant the fields describe, when every field can be read.
    pub fn draft(&self) -> Option<GrantDraft> {
        let date = |f| parse_date(self.value(f));
        Some(GrantDraft {
            title: self.value(GrantField::Title).trim().to_string(),
            giver: self.value(GrantField::Giver).trim().to_string(),
            year: self.value(GrantField::Year).trim().parse().ok()?,
            use_from: date(GrantField::UseFrom)?,
            use_until: date(GrantField::UseUntil)?,
            report_due: date(GrantField::ReportDue)?,
        })
    }

    /// Checks every field; each message goes under the field it is about.
    pub fn validate(&mut self) {
        let t = words(self.lang);
        let mut errors: [Option<String>; N] = Default::default();
        if self.value(GrantField::Year).trim().parse::<i32>().is_err() {
            errors[idx(GrantField::Year)] = Some(t.bad_year.to_string());
        }
        for f in GrantField::ALL.into_iter().filter(|f| f.is_date()) {
            errors[idx(f)] = t.date_problem(self.value(f)).map(String::from);
        }
        // With dates that cannot be read, only the title can be judged; a
        // stand-in grant with good dates gives the store's words for it.
        let mut draft = self.draft().or_else(|| {
            let mut d = GrantDraft::for_year("", "", 2000)?;
            d.title = self.value(GrantField::Title).to_string();
            Some(d)
        });
        // Up to two refusals: the title's, then one about year or dates.
        for _ in 0..2 {
            let Some(d) = draft.as_mut() else { break };
            let Err(message) = d.validate(self.lang) else {
                break;
            };
            let field = blame(d, self.lang);
            errors[idx(field)].get_or_insert(message);
            if field != GrantField::Title {
                break;
            }
            d.title = "-".into();
        }
        self.errors = errors;
    }

    /// A change typed or pasted into the focused field.
    fn changed(&mut self) {
        let field = self.focused_field();
        if field.is_date() {
            self.touched[self.focus] = true;
        }
        if field == GrantField::Year && self.editing.is_none() {
            self.fill_dates();
        }
        self.validate();
    }

    /// For a new grant, the year sets the usual dates in the date fields
    /// the user has not typed in.
    fn fill_dates(&mut self) {
        let Ok(year) = self.value(GrantField::Year).trim().parse::<i32>() else {
            return;
        };
        // The store's check decides which years are real grant years.
        let Some(d) = GrantDraft::for_year("-", "", year).filter(|d| d.validate(self.lang).is_ok())
        else {
            return;
        };
        let dates = [
            (GrantField::UseFrom, d.use_from),
            (GrantField::UseUntil, d.use_until),
            (GrantField::ReportDue, d.report_due),
        ];
        for (f, date) in dates {
            if !self.touched[idx(f)] {
                self.inputs[idx(f)].set(&date.to_string());
            }
        }
    }

    pub fn input(&mut self, key: &KeyEvent) {
        if self.inputs[self.focus].handle(key) {
            self.changed();
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.inputs[self.focus].paste(text) {
            self.changed();
        }
    }

    pub fn set_focus(&mut self, i: usize) {
        if self.focused_field().is_date() {
            self.inputs[self.focus].tidy_date();
        }
        self.focus = i.min(N - 1);
        self.inputs[self.focus].focus();
    }

    fn focus_first_error(&mut self) {
        if let Some(i) = self.errors.iter().position(Option::is_some) {
            self.set_focus(i);
            self.inputs[i].select();
        }
    }
}

/// A new grant of this year, from the giver of the grant on screen:
/// grants usually come from the same giver year after year.
pub fn open_new(ctx: &Ctx) -> GrantFormState {
    let giver = ctx.grant.as_ref().map_or("", |d| d.grant.giver.as_str());
    GrantFormState::new_grant(chrono::Datelike::year(&ctx.today), giver, ctx.lang)
}

/// The kind of draft this form keeps.
pub const DRAFT: &str = "grant";

/// What a draft keeps: the fields as typed, and which dates were typed in.
#[derive(Serialize, Deserialize)]
struct DraftBody {
    values: Vec<String>,
    touched: Vec<bool>,
    /// The grant as the form was opened on it (older drafts: as stored).
    #[serde(default)]
    base: Option<Grant>,
}

/// A draft of this form opened again: over the grant as stored now, or
/// as a new grant.
pub fn restore(ctx: &Ctx, d: &store::Draft) -> Option<GrantFormState> {
    let body: DraftBody = serde_json::from_str(&d.body).ok()?;
    let mut form = match d.grant_id {
        Some(id) => {
            let base = body.base.clone().filter(|b| b.id == id);
            GrantFormState::edit(
                &base.map_or_else(|| ctx.store.grant(id), Ok).ok()?,
                ctx.lang,
            )
        }
        None => GrantFormState::new_grant(chrono::Datelike::year(&ctx.today), "", ctx.lang),
    };
    if body.values.len() != N || body.touched.len() != N {
        return None;
    }
    for (i, value) in body.values.iter().enumerate() {
        form.inputs[i].set(value);
        form.touched[i] = body.touched[i];
    }
    form.set_focus(0);
    form.validate();
    Some(form)
}

/// What the question offering a draft back says it is.
pub fn draft_subject(ctx: &Ctx, d: &store::Draft) -> (&'static str, String) {
    let title = serde_json::from_str::<DraftBody>(&d.body)
        .ok()
        .and_then(|b| b.values.first().cloned())
        .unwrap_or_default();
    let t = ctx.t();
    match d.grant_id {
        Some(_) => (t.restore_grant_draft, title),
        None => (t.restore_new_grant_draft, title),
    }
}

impl GrantFormState {
    /// Creates or changes the grant. A new grant becomes the one on screen.
    fn save(&mut self, ctx: &mut Ctx, force: bool) -> Result<Effect, Effect> {
        let t = ctx.t();
        let existing = ctx.store.grants().map_err(|e| ctx.failed(&e))?;
        self.validate();
        let draft = match self.draft() {
            Some(d) if !self.has_errors() => d,
            _ => {
                self.focus_first_error();
                return Err(Effect::Error(t.fix_errors.into()));
            }
        };
        let editing = self.editing;
        // The store refuses a second grant of the same title and year, but
        // in English or as a constraint; this says it in the user's words.
        let duplicate = existing.iter().any(|g| {
            Some(g.id) != editing && g.title.trim() == draft.title && g.year == draft.year
        });
        if duplicate {
            self.errors[idx(GrantField::Title)] = Some(t.duplicate_grant.to_string());
            self.set_focus(idx(GrantField::Title));
            return Err(Effect::Error(t.duplicate_grant.into()));
        }
        let id = match (editing, &self.opened) {
            (Some(id), Some(opened)) => ctx
                .store
                .save_grant(id, &store::draft_of(opened), &draft, force)
                .map(|()| id),
            (Some(id), None) => ctx.store.update_grant(id, &draft).map(|()| id),
            (None, _) => ctx.store.create_grant(&draft),
        }
        .map_err(|e| ctx.refused_save(&e))?;
        let (shown, done) = match editing {
            None => (Effect::ShowGrant(id), t.grant_created),
            Some(_) => (Effect::Reload, t.grant_saved),
        };
        Ok(Effect::Many(vec![
            Effect::Close,
            shown,
            Effect::Send(Action::Select(id)),
            Effect::Info(format!("{done}: {}", draft.title)),
        ]))
    }
}

impl View for GrantFormState {
    fn contexts(&self) -> Vec<KeyContext> {
        form::contexts(false, &[])
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        match action {
            Action::Input(key) => self.input(&key),
            Action::Save => return self.save(ctx, false).into(),
            Action::Overwrite => return self.save(ctx, true).into(),
            Action::Back => return form::back(ctx, self.is_dirty()),
            other => {
                if let Step::To(i) = form::step(self.focus, N, Ends::Stop, &other) {
                    self.set_focus(i);
                }
            }
        }
        Effect::None
    }

    fn paste(&mut self, _ctx: &mut Ctx, text: &str) -> Effect {
        GrantFormState::paste(self, text);
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self)
    }

    fn is_dirty(&self) -> bool {
        GrantFormState::is_dirty(self)
    }

    fn draft(&self) -> Option<Draft> {
        let body = DraftBody {
            values: self.inputs.iter().map(|f| f.value().to_string()).collect(),
            touched: self.touched.to_vec(),
            base: self.opened.clone(),
        };
        self.is_dirty().then(|| Draft {
            kind: DRAFT,
            grant_id: self.editing,
            recipient_id: None,
            body: serde_json::to_string(&body).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn typed(f: &mut GrantFormState, s: &str) {
        for c in s.chars() {
            f.input(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    #[test]
    fn the_year_fills_dates_not_typed_in() {
        let mut f = GrantFormState::new_grant(2018, "", Lang::En);
        f.set_focus(idx(GrantField::UseUntil));
        typed(&mut f, "2019-06-30");
        f.set_focus(idx(GrantField::Year));
        typed(&mut f, "2019");
        assert_eq!(f.value(GrantField::UseFrom), "2019-01-01");
        assert_eq!(f.value(GrantField::UseUntil), "2019-06-30");
        assert_eq!(f.value(GrantField::ReportDue), "2020-03-31");
    }

    #[test]
    fn errors_go_under_the_field_they_are_about() {
        let mut f = GrantFormState::new_grant(2018, "", Lang::Sv);
        f.set_focus(idx(GrantField::ReportDue));
        typed(&mut f, "2018-06-01");
        assert!(f.errors[idx(GrantField::Title)].is_some());
        let due = f.errors[idx(GrantField::ReportDue)].clone().unwrap();
        assert!(due.contains("Redovisningsdagen"), "{due}");
        typed(&mut f, "x");
        assert_eq!(
            f.errors[idx(GrantField::ReportDue)].as_deref(),
            Some(words(Lang::Sv).bad_date)
        );
    }
}
