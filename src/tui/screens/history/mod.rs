//! The history of one recipient: every logged change, newest first.

mod draw;

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::model::{AuditEntry, GrantId, RecipientId};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, View};
use crate::tui::widgets::cursor::Cursor;

/// How many changes the view reads; older ones are in `medel log`.
pub const LIMIT: usize = 2000;

#[derive(Debug)]
pub struct HistoryState {
    pub recipient_id: RecipientId,
    pub name: String,
    pub entries: Vec<AuditEntry>,
    /// Grant id → "year title", to say which grant a change was in.
    pub grants: HashMap<GrantId, String>,
    pub cursor: Cursor,
}

/// The history of one recipient.
pub fn open(ctx: &Ctx, rid: RecipientId, name: String) -> Result<HistoryState, Effect> {
    ctx.stored(HistoryState::read(ctx, rid, name))
}

impl HistoryState {
    fn read(ctx: &Ctx, rid: RecipientId, name: String) -> Result<HistoryState, StoreError> {
        let grants = ctx
            .store
            .grants()?
            .into_iter()
            .map(|g| (g.id, format!("{} {}", g.year, g.title)))
            .collect();
        Ok(HistoryState {
            recipient_id: rid,
            name,
            entries: ctx.store.audit_log(None, Some(rid), LIMIT)?,
            grants,
            cursor: Cursor::default(),
        })
    }
}

impl View for HistoryState {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::List, KeyContext::Global]
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, _ctx: &mut Ctx, action: Action) -> Effect {
        if self.cursor.apply(&action, self.entries.len()) {
            return Effect::None;
        }
        match action {
            Action::Back => Effect::Close,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self);
        None
    }

    /// Reads the log again, after an undo or another session's change.
    fn refresh(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        // A log that cannot be read now keeps what it showed.
        if let Ok(entries) = ctx.store.audit_log(None, Some(self.recipient_id), LIMIT) {
            self.cursor.clamp(entries.len());
            self.entries = entries;
        }
        Ok(())
    }
}
