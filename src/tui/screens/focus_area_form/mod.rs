//! The small form that adds a focus area to a grant or renames one: its
//! name in Swedish and in English, both needed as the report is written
//! in either language.

mod draw;
mod keep;

pub use keep::{DRAFT, draft_subject, restore};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};

use crate::domain::Lang;
use crate::domain::model::{FocusArea, GrantId};
use crate::i18n::focus_areas as words;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Draft, Effect, View};
use crate::tui::undo::{AreaChange, UndoStep};
use crate::tui::widgets::form::{self, Ends, Step};
use crate::tui::widgets::text_field::TextField;

#[derive(Debug)]
pub struct FocusAreaForm {
    pub grant_id: GrantId,
    /// The area renamed; `None` adds one.
    pub editing: Option<FocusArea>,
    /// Swedish, then English.
    pub inputs: [TextField; 2],
    pub errors: [Option<String>; 2],
    pub focus: usize,
    lang: Lang,
}

impl FocusAreaForm {
    pub fn new(grant_id: GrantId, editing: Option<FocusArea>, lang: Lang) -> FocusAreaForm {
        let names = editing
            .as_ref()
            .map_or(["", ""], |a| [a.name_sv.as_str(), a.name_en.as_str()]);
        let mut inputs = names.map(TextField::text);
        inputs[0].focus();
        FocusAreaForm {
            grant_id,
            editing,
            inputs,
            errors: Default::default(),
            focus: 0,
            lang,
        }
    }

    fn names(&self) -> [String; 2] {
        std::array::from_fn(|i| self.inputs[i].value().trim().to_string())
    }

    pub fn is_dirty(&self) -> bool {
        let opened = self
            .editing
            .as_ref()
            .map_or([String::new(), String::new()], |a| {
                [a.name_sv.clone(), a.name_en.clone()]
            });
        self.names() != opened
    }

    /// An empty name is only an error when saving, so the form does not
    /// open with a complaint.
    fn validate(&mut self) -> bool {
        let needed = words::name_needed(self.lang);
        self.errors = self
            .names()
            .map(|n| n.is_empty().then(|| needed.to_string()));
        self.errors.iter().all(Option::is_none)
    }

    fn set_focus(&mut self, i: usize) {
        self.focus = i.min(1);
        self.inputs[self.focus].focus();
    }

    fn input(&mut self, key: &KeyEvent) {
        if self.inputs[self.focus].handle(key) {
            self.errors[self.focus] = None;
        }
    }

    fn save(&mut self, ctx: &mut Ctx) -> Result<Effect, Effect> {
        if !self.validate() {
            let first = self.errors.iter().position(Option::is_some).unwrap_or(0);
            self.set_focus(first);
            return Err(Effect::Error(ctx.t().fix_errors.into()));
        }
        let [sv, en] = self.names();
        let lang = ctx.lang;
        let (id, change, said) = match &self.editing {
            Some(a) => {
                let renamed = ctx.store.rename_focus_area(a.id, &sv, &en);
                ctx.stored(renamed)?;
                let change = AreaChange::Renamed {
                    id: a.id,
                    sv: a.name_sv.clone(),
                    en: a.name_en.clone(),
                };
                (a.id, change, words::renamed(&sv, lang))
            }
            None => {
                let added = ctx.store.add_focus_area(self.grant_id, &sv, &en);
                let id = ctx.stored(added)?;
                (id, AreaChange::Added(id), words::added(&sv, lang))
            }
        };
        let step = UndoStep::FocusArea {
            grant_id: self.grant_id,
            name: sv,
            change,
        };
        ctx.undo.remember(step, &ctx.store);
        Ok(Effect::Many(vec![
            Effect::Close,
            Effect::Reload,
            Effect::Send(Action::Select(id)),
            Effect::Info(said),
        ]))
    }
}

impl View for FocusAreaForm {
    fn contexts(&self) -> Vec<KeyContext> {
        form::contexts(false, &[])
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        match action {
            Action::Input(key) => self.input(&key),
            Action::Save => return self.save(ctx).into(),
            Action::Back => return form::back(ctx, self.is_dirty()),
            other => match form::step(self.focus, 2, Ends::Round, &other) {
                Step::To(i) => self.set_focus(i),
                Step::Save => return self.save(ctx).into(),
                Step::Other => {}
            },
        }
        Effect::None
    }

    fn paste(&mut self, _ctx: &mut Ctx, text: &str) -> Effect {
        self.inputs[self.focus].paste(text);
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self)
    }

    fn is_dirty(&self) -> bool {
        FocusAreaForm::is_dirty(self)
    }

    fn draft(&self) -> Option<Draft> {
        self.is_dirty().then(|| keep::draft(self))
    }
}
