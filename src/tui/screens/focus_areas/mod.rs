//! A grant's own list of focus areas: add, rename (Swedish and English),
//! move up and down, and remove one that no spending uses. Every change
//! is one store call with its audit row, and `u` takes the last back.

mod draw;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::model::{FocusArea, FocusAreaId, Grant, GrantId, GrantState};
use crate::i18n::focus_areas as words;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, Open, Question, View};
use crate::tui::undo::{self, AreaChange, UndoStep};
use crate::tui::widgets::cursor::Cursor;

#[derive(Debug)]
pub struct FocusAreasState {
    pub grant: Grant,
    /// In the grant's order.
    pub areas: Vec<FocusArea>,
    /// The areas spending uses: they cannot be removed.
    pub in_use: Vec<FocusAreaId>,
    pub cursor: Cursor,
}

impl FocusAreasState {
    pub fn load(store: &Store, grant_id: GrantId) -> Result<FocusAreasState, StoreError> {
        let mut s = FocusAreasState {
            grant: store.grant(grant_id)?,
            areas: Vec::new(),
            in_use: Vec::new(),
            cursor: Cursor::default(),
        };
        s.reload(store)?;
        Ok(s)
    }

    fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.grant = store.grant(self.grant.id)?;
        self.areas = store.focus_areas(self.grant.id)?;
        self.in_use = store.focus_areas_in_use(self.grant.id)?;
        self.cursor.clamp(self.areas.len());
        Ok(())
    }

    pub fn selected(&self) -> Option<&FocusArea> {
        self.areas.get(self.cursor.selected)
    }

    pub fn is_used(&self, area: &FocusArea) -> bool {
        self.in_use.contains(&area.id)
    }

    fn select(&mut self, id: FocusAreaId) {
        if let Some(i) = self.areas.iter().position(|a| a.id == id) {
            self.cursor.selected = i;
        }
    }

    /// Refuses changes when the file or this grant cannot change.
    fn editable(&self, ctx: &Ctx) -> Result<(), Effect> {
        ctx.writable()?;
        if self.grant.state == GrantState::Reported {
            return Err(Effect::Error(ctx.t().closed_grant.into()));
        }
        Ok(())
    }

    fn open_form(&self, ctx: &Ctx, rename: bool) -> Result<Effect, Effect> {
        self.editable(ctx)?;
        let area = match rename {
            true => Some(self.selected().ok_or(Effect::None)?.clone()),
            false => None,
        };
        Ok(Effect::Open(Open::FocusAreaForm(self.grant.id, area)))
    }

    fn shift(&mut self, ctx: &mut Ctx, up: bool) -> Result<Effect, Effect> {
        self.editable(ctx)?;
        let Some(area) = self.selected().cloned() else {
            return Ok(Effect::None);
        };
        let moved = ctx.store.move_focus_area(area.id, up);
        if !ctx.stored(moved)? {
            return Ok(Effect::None);
        }
        let step = UndoStep::FocusArea {
            grant_id: self.grant.id,
            name: area.name_sv.clone(),
            change: AreaChange::Moved { id: area.id, up },
        };
        ctx.undo.remember(step, &ctx.store);
        Ok(Effect::Many(vec![
            Effect::Reload,
            Effect::Send(Action::Select(area.id)),
        ]))
    }

    /// Asks before removing; a used area is refused at once, with why.
    fn ask_remove(&self, ctx: &Ctx) -> Result<Effect, Effect> {
        self.editable(ctx)?;
        let Some(area) = self.selected() else {
            return Ok(Effect::None);
        };
        if self.is_used(area) {
            return Err(Effect::Error(words::in_use(&area.name_sv, ctx.lang)));
        }
        let text = words::remove_question(&area.name_sv, ctx.lang);
        let yes = Effect::Send(Action::RemoveFocusArea(area.id));
        Ok(Effect::ask(Question::new(text, yes)))
    }

    /// The yes answer: removes it unless spending came to use it meanwhile.
    fn remove(&self, ctx: &mut Ctx, id: FocusAreaId) -> Effect {
        let Some(area) = self.areas.iter().find(|a| a.id == id).cloned() else {
            return Effect::None;
        };
        match ctx.store.remove_focus_area(id) {
            Ok(()) => {
                let step = UndoStep::FocusArea {
                    grant_id: self.grant.id,
                    name: area.name_sv.clone(),
                    change: AreaChange::Removed {
                        position: area.position,
                        sv: area.name_sv.clone(),
                        en: area.name_en,
                    },
                };
                ctx.undo.remember(step, &ctx.store);
                Effect::Many(vec![
                    Effect::Reload,
                    Effect::Info(words::removed(&area.name_sv, ctx.lang)),
                ])
            }
            Err(StoreError::FocusAreaInUse(name)) => Effect::Many(vec![
                Effect::Reload,
                Effect::Error(words::in_use(&name, ctx.lang)),
            ]),
            Err(e) => ctx.failed(&e),
        }
    }
}

pub fn open(ctx: &Ctx, grant_id: GrantId) -> Result<FocusAreasState, Effect> {
    ctx.stored(FocusAreasState::load(&ctx.store, grant_id))
}

impl View for FocusAreasState {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![
            KeyContext::FocusAreasView,
            KeyContext::List,
            KeyContext::Global,
        ]
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        if self.cursor.apply(&action, self.areas.len()) {
            return Effect::None;
        }
        if let Some(effect) = undo::handle(ctx, &action) {
            return effect;
        }
        match action {
            Action::New => self.open_form(ctx, false).into(),
            Action::Edit => self.open_form(ctx, true).into(),
            Action::MoveUp => self.shift(ctx, true).into(),
            Action::MoveDown => self.shift(ctx, false).into(),
            Action::Delete => self.ask_remove(ctx).into(),
            Action::RemoveFocusArea(id) => self.remove(ctx, id),
            Action::Select(id) => {
                self.select(id);
                Effect::None
            }
            Action::Back => Effect::Close,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self);
        None
    }

    fn refresh(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.reload(&ctx.store)
    }
}
