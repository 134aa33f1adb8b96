//! The form that creates or edits a grant: title, giver, year, the use
//! period, the report date and the two references; a new grant also
//! chooses where it starts from (`start`). Validation runs as the user
//! types, with the store's own rules (`check`); saving is refused while
//! any field is wrong. Ctrl-O on a saved grant opens its focus areas.

mod check;
mod draw;
mod keep;
mod save;
mod start;
#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};

pub use keep::{DRAFT, draft_subject, restore};

use crate::domain::Lang;
use crate::domain::model::{Grant, GrantId};
use crate::store::GrantDraft;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Draft, Effect, Open, View};
use crate::tui::widgets::form::{self, Ends, Step};
use crate::tui::widgets::text_field::TextField;
use start::StartChoice;

/// Every field of the form; `Start` only for a new grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantField {
    Title,
    Giver,
    Year,
    UseFrom,
    UseUntil,
    ReportDue,
    GiverReference,
    OwnReference,
    Start,
}

impl GrantField {
    /// The fields typed in, in order; `Start` comes after them.
    pub const TEXT: [GrantField; T] = [
        GrantField::Title,
        GrantField::Giver,
        GrantField::Year,
        GrantField::UseFrom,
        GrantField::UseUntil,
        GrantField::ReportDue,
        GrantField::GiverReference,
        GrantField::OwnReference,
    ];

    fn is_date(self) -> bool {
        matches!(
            self,
            GrantField::UseFrom | GrantField::UseUntil | GrantField::ReportDue
        )
    }

    /// Free text, not a cell: the cursor starts at its end.
    fn is_text(self) -> bool {
        matches!(
            self,
            GrantField::Title
                | GrantField::Giver
                | GrantField::GiverReference
                | GrantField::OwnReference
        )
    }
}

/// How many fields are typed in.
const T: usize = 8;

#[derive(Debug)]
pub struct GrantFormState {
    /// The grant being edited; `None` for a new one.
    pub editing: Option<GrantId>,
    pub inputs: [TextField; T],
    pub errors: [Option<String>; T],
    pub focus: usize,
    /// The values the form opened with: unchanged means clean.
    initial: [String; T],
    /// Fields the user typed in: the year and a start no longer fill them.
    touched: [bool; T],
    /// The stored grant the form was opened on, references included: the
    /// save merges over it.
    opened: Option<(Grant, GrantDraft)>,
    /// For a new grant: where it may start from, and the one chosen.
    starts: Vec<StartChoice>,
    start: usize,
    /// The values before a "like" start filled them in, given back when
    /// the choice moves on to one that fills nothing.
    before_like: Option<[String; T]>,
    lang: Lang,
}

fn idx(f: GrantField) -> usize {
    f as usize
}

impl GrantFormState {
    /// A new grant for `year`, with the usual dates of that year filled
    /// in, starting from one of `starts` (the first until changed).
    pub fn new_grant(
        year: i32,
        giver: &str,
        starts: Vec<StartChoice>,
        lang: Lang,
    ) -> GrantFormState {
        let d = GrantDraft::for_year("", giver, year);
        let date = |f: fn(&GrantDraft) -> chrono::NaiveDate| {
            d.as_ref().map(|d| f(d).to_string()).unwrap_or_default()
        };
        let values = [
            String::new(),
            giver.to_string(),
            year.to_string(),
            date(|d| d.use_from),
            date(|d| d.use_until),
            date(|d| d.report_due),
            String::new(),
            String::new(),
        ];
        let mut form = GrantFormState::with_values(None, values, lang);
        form.starts = starts;
        // The giver is the last grant's, a guess: typing replaces it.
        form.inputs[1] = TextField::suggested(giver);
        form
    }

    /// The form on a stored grant; `stored` is its fields with the
    /// references, as `Store::grant_draft` reads them.
    pub fn edit(grant: &Grant, stored: GrantDraft, lang: Lang) -> GrantFormState {
        let values = [
            grant.title.clone(),
            grant.giver.clone(),
            grant.year.to_string(),
            grant.use_from.to_string(),
            grant.use_until.to_string(),
            grant.report_due.to_string(),
            stored.giver_reference.clone(),
            stored.own_reference.clone(),
        ];
        let mut form = GrantFormState::with_values(Some(grant.id), values, lang);
        form.opened = Some((grant.clone(), stored));
        form
    }

    fn with_values(editing: Option<GrantId>, values: [String; T], lang: Lang) -> GrantFormState {
        let mut form = GrantFormState {
            editing,
            inputs: std::array::from_fn(|i| match GrantField::TEXT[i].is_text() {
                true => TextField::text(&values[i]),
                false => TextField::new(&values[i]),
            }),
            errors: Default::default(),
            focus: 0,
            initial: values,
            touched: [false; T],
            opened: None,
            starts: Vec::new(),
            start: 0,
            before_like: None,
            lang,
        };
        form.inputs[0].focus();
        form
    }

    pub fn value(&self, f: GrantField) -> &str {
        self.inputs.get(idx(f)).map_or("", TextField::value)
    }

    /// How many fields take the focus: the start only for a new grant.
    fn count(&self) -> usize {
        T + usize::from(!self.starts.is_empty())
    }

    pub fn focused_field(&self) -> GrantField {
        GrantField::TEXT
            .get(self.focus)
            .copied()
            .unwrap_or(GrantField::Start)
    }

    /// The start chosen for a new grant.
    fn chosen(&self) -> Option<&StartChoice> {
        self.starts.get(self.start)
    }

    fn values(&self) -> [String; T] {
        std::array::from_fn(|i| self.inputs[i].value().trim().to_string())
    }

    pub fn is_dirty(&self) -> bool {
        self.start != 0 || self.values() != self.initial.clone().map(|v| v.trim().to_string())
    }

    pub fn has_errors(&self) -> bool {
        self.errors.iter().any(Option::is_some)
    }

    /// A change typed or pasted into the focused field.
    fn changed(&mut self) {
        self.touched[self.focus] = true;
        if self.focused_field() == GrantField::Year && self.editing.is_none() {
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
        if let Some(d) =
            GrantDraft::for_year("-", "", year).filter(|d| d.validate(self.lang).is_ok())
        {
            self.fill(
                &d,
                &[
                    GrantField::UseFrom,
                    GrantField::UseUntil,
                    GrantField::ReportDue,
                ],
            );
        }
    }

    /// Writes `d`'s values into those of `fields` the user has not typed in.
    fn fill(&mut self, d: &GrantDraft, fields: &[GrantField]) {
        for &f in fields {
            let value = match f {
                GrantField::Title => d.title.clone(),
                GrantField::Giver => d.giver.clone(),
                GrantField::Year => d.year.to_string(),
                GrantField::UseFrom => d.use_from.to_string(),
                GrantField::UseUntil => d.use_until.to_string(),
                GrantField::ReportDue => d.report_due.to_string(),
                _ => continue,
            };
            // Filled in for the user, so a text is a suggestion that the
            // first typed character replaces, as a date or a year is.
            if !self.touched[idx(f)] {
                self.inputs[idx(f)] = match f.is_text() {
                    true => TextField::suggested(&value),
                    false => TextField::new(&value),
                };
            }
        }
    }

    /// Steps the start through its choices; "like" a grant fills the
    /// fields not typed in with that grant moved on a year.
    pub fn cycle_start(&mut self, forward: bool) {
        let n = self.starts.len();
        if n == 0 {
            return;
        }
        self.start = if forward {
            (self.start + 1) % n
        } else {
            (self.start + n - 1) % n
        };
        let filled = self.chosen().and_then(StartChoice::fields);
        if let Some(before) = self.before_like.take() {
            for (i, value) in before.iter().enumerate() {
                if !self.touched[i] {
                    self.inputs[i].set(value);
                }
            }
        }
        if let Some(d) = filled {
            use GrantField::*;
            self.before_like = Some(std::array::from_fn(|i| self.inputs[i].value().to_string()));
            self.fill(&d, &[Title, Giver, Year, UseFrom, UseUntil, ReportDue]);
        }
        self.validate();
    }

    pub fn input(&mut self, key: &KeyEvent) {
        if self.focused_field() == GrantField::Start {
            // The choice takes only its keys; a letter typed there is lost
            // rather than landing in a field the user is not looking at.
            return;
        }
        if self.inputs[self.focus].handle(key) {
            self.changed();
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.focused_field() != GrantField::Start && self.inputs[self.focus].paste(text) {
            self.changed();
        }
    }

    pub fn set_focus(&mut self, i: usize) {
        if self.focused_field().is_date() {
            self.inputs[self.focus].tidy_date();
        }
        self.focus = i.min(self.count() - 1);
        if let Some(f) = self.inputs.get_mut(self.focus) {
            f.focus();
        }
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
pub fn open_new(ctx: &Ctx) -> Result<GrantFormState, Effect> {
    let giver = ctx.grant.as_ref().map_or("", |d| d.grant.giver.as_str());
    let starts = ctx.stored(start::choices(&ctx.store))?;
    let year = chrono::Datelike::year(&ctx.today);
    Ok(GrantFormState::new_grant(year, giver, starts, ctx.lang))
}

/// The form on a stored grant, with its references as stored now.
pub fn open_edit(ctx: &Ctx, grant: &Grant) -> Result<GrantFormState, Effect> {
    let stored = ctx.stored(ctx.store.grant_draft(grant.id))?;
    Ok(GrantFormState::edit(grant, stored, ctx.lang))
}

impl View for GrantFormState {
    fn contexts(&self) -> Vec<KeyContext> {
        let on_start = self.focused_field() == GrantField::Start;
        // Ctrl-O opens a saved grant's focus areas; a new grant has none
        // yet, its start decides them.
        let own: &[KeyContext] = match self.editing {
            Some(_) => &[KeyContext::GrantForm],
            None => &[],
        };
        form::contexts(on_start, own)
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
            Action::FocusAreas => {
                if let Some(id) = self.editing {
                    return Effect::Open(Open::FocusAreas(id));
                }
            }
            Action::Left | Action::Right if self.focused_field() == GrantField::Start => {
                self.cycle_start(action == Action::Right);
            }
            other => {
                if let Step::To(i) = form::step(self.focus, self.count(), Ends::Stop, &other) {
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
        self.is_dirty().then(|| keep::draft(self))
    }
}

/// Keys typed into a field, for the unit tests.
#[cfg(test)]
fn typed(f: &mut GrantFormState, s: &str) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    for c in s.chars() {
        f.input(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}
