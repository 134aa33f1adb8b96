//! The history of one recipient: every logged change, newest first.

use super::action::Action;
use super::app::{App, Screen};
use super::cursor::Cursor;
use crate::domain::model::{AuditEntry, GrantId, RecipientId};

/// How many changes the view reads; older ones are in `medel log`.
pub const LIMIT: usize = 2000;

#[derive(Debug)]
pub struct HistoryState {
    pub recipient_id: RecipientId,
    pub name: String,
    pub entries: Vec<AuditEntry>,
    /// Grant id → "year title", to say which grant a change was in.
    pub grants: std::collections::HashMap<GrantId, String>,
    pub cursor: Cursor,
}

pub fn open(app: &mut App) {
    let Some((rid, name)) = app.selected_recipient() else {
        return;
    };
    let grants = app.store.grants().map(|gs| {
        gs.into_iter()
            .map(|g| (g.id, format!("{} {}", g.year, g.title)))
            .collect()
    });
    match (app.store.audit_log(None, Some(rid), LIMIT), grants) {
        (Ok(entries), Ok(grants)) => app.screens.push(Screen::History(HistoryState {
            recipient_id: rid,
            name,
            entries,
            grants,
            cursor: Cursor::default(),
        })),
        (Err(e), _) | (_, Err(e)) => app.store_failed(&e),
    }
}

pub fn update(app: &mut App, action: Action) {
    let Some(Screen::History(h)) = app.screens.last_mut() else {
        return;
    };
    if h.cursor.apply(&action, h.entries.len()) {
        return;
    }
    match action {
        Action::Back => {
            app.screens.pop();
        }
        Action::Quit => app.request_quit(),
        _ => {}
    }
}

/// Reads the log again, after an undo or another session's change.
pub fn refresh(app: &mut App) {
    let Some(Screen::History(h)) = app
        .screens
        .iter()
        .rev()
        .find(|s| matches!(s, Screen::History(_)))
    else {
        return;
    };
    let rid = h.recipient_id;
    if let Ok(entries) = app.store.audit_log(None, Some(rid), LIMIT)
        && let Some(Screen::History(h)) = app
            .screens
            .iter_mut()
            .rev()
            .find(|s| matches!(s, Screen::History(_)))
    {
        h.cursor.selected = h.cursor.selected.min(entries.len().saturating_sub(1));
        h.entries = entries;
    }
}
