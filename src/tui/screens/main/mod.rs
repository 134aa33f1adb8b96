//! The main view: the recipients table of the grant on screen beside its
//! status pane; moving, sorting, searching, and the keys that open the
//! other screens.

mod list;
mod status_pane;
mod table;
mod templates;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

pub use list::MainList;

use crate::domain::model::RecipientId;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, Open, View};
use crate::tui::undo;
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Default)]
pub struct MainState {
    pub list: MainList,
}

impl MainState {
    /// The recipient selected in the table.
    pub fn selected(&self, ctx: &Ctx) -> Option<(RecipientId, String)> {
        let d = ctx.grant.as_ref()?;
        self.list
            .selected_line(&d.status)
            .map(|r| (r.recipient_id, r.name.clone()))
    }

    /// The search being typed, shown on the message line.
    pub fn typing(&self) -> Option<&TextField> {
        self.list.filter_input.as_ref()
    }

    fn rebuild(&mut self, ctx: &Ctx) {
        if let Some(d) = &ctx.grant {
            self.list.rebuild(&d.status);
        }
    }

    fn update_filter(&mut self, ctx: &Ctx, action: Action) -> Effect {
        match action {
            Action::Input(key) => {
                if let Some(f) = self.list.filter_input.as_mut() {
                    f.handle(&key);
                }
                self.rebuild(ctx);
                self.list.cursor.selected = 0;
            }
            Action::Confirm => {
                self.list.filter = self
                    .list
                    .filter_input
                    .take()
                    .map(|f| f.value().trim().to_string())
                    .unwrap_or_default();
                self.rebuild(ctx);
                self.list.cursor.selected = 0;
            }
            Action::Back => {
                self.list.filter_input = None;
                self.list.filter.clear();
                self.rebuild(ctx);
            }
            Action::Up | Action::Down => {
                self.list.cursor.apply(&action, self.list.rows.len());
            }
            _ => {}
        }
        Effect::None
    }

    /// Batch entry from a form above: on to the next recipient in the
    /// order on screen, taken before the save reloads and re-sorts it.
    fn next(&mut self, ctx: &Ctx) -> Effect {
        if !self.list.cursor.step(self.list.rows.len()) {
            return Effect::InfoMore(ctx.t().last_recipient.into());
        }
        self.open_selected(ctx, Open::Spending)
    }

    fn open_selected(&self, ctx: &Ctx, open: fn(RecipientId, String) -> Open) -> Effect {
        match self.selected(ctx) {
            Some((id, name)) => Effect::Open(open(id, name)),
            None => Effect::None,
        }
    }
}

impl View for MainState {
    fn contexts(&self) -> Vec<KeyContext> {
        if self.list.filter_input.is_some() {
            vec![KeyContext::Search]
        } else {
            vec![KeyContext::Main, KeyContext::List, KeyContext::Global]
        }
    }

    fn takes_text(&self) -> bool {
        self.list.filter_input.is_some()
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        if self.list.filter_input.is_some() {
            return self.update_filter(ctx, action);
        }
        if self.list.cursor.apply(&action, self.list.rows.len()) {
            return Effect::None;
        }
        match action {
            Action::Sort => {
                self.list.sort = self.list.sort.next();
                self.rebuild(ctx);
            }
            Action::Filter => {
                let mut field = TextField::new(&self.list.filter);
                field.focus();
                self.list.filter_input = Some(field);
            }
            Action::Back if !self.list.filter.is_empty() => {
                self.list.filter.clear();
                self.rebuild(ctx);
            }
            Action::Confirm => return self.open_selected(ctx, Open::Spending),
            Action::Allocate => {
                return match self.selected(ctx) {
                    Some((id, name)) => Effect::Open(Open::Allocation(id, name)),
                    // No recipient in the grant yet: pick one among all.
                    None if ctx.grant.is_some() => Effect::Many(vec![
                        Effect::Open(Open::Recipients),
                        Effect::Info(ctx.t().allocate_from_list.into()),
                    ]),
                    None => Effect::None,
                };
            }
            Action::Reallocate => return self.open_selected(ctx, Open::Reallocation),
            Action::Grants => return Effect::Open(Open::Grants),
            // Only bound when the database has no grant (`KeyContext::NoGrant`).
            Action::New => return Effect::Open(Open::NewGrant),
            Action::Recipients => return Effect::Open(Open::Recipients),
            Action::History => return self.open_selected(ctx, Open::History),
            Action::Report => return Effect::Open(Open::Report),
            Action::Undo | Action::UndoNow | Action::Redo => {
                return undo::handle(ctx, &action).unwrap_or_default();
            }
            Action::Matrix => return Effect::Open(Open::Matrix),
            Action::Chart => return Effect::Open(Open::Chart),
            Action::Templates => return templates::write(ctx, None, false),
            Action::TemplateOfSelected => {
                let only = self.selected(ctx).map(|(_, name)| name);
                return match only {
                    Some(name) => templates::write(ctx, Some(name), false),
                    None => Effect::None,
                };
            }
            Action::WriteTemplates(only) => return templates::write(ctx, only, true),
            Action::Flags => return Effect::Open(Open::Flags),
            Action::Quit => return Effect::Quit,
            Action::Next => return self.next(ctx),
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        table::draw_main(frame, area, ctx, &self.list);
        None
    }
}
