//! The history of one recipient: every logged change, newest first.

use std::cell::Cell;

use super::action::Action;
use super::app::{App, Screen};
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
    pub selected: usize,
    /// First visible row, kept by drawing.
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
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
            selected: 0,
            offset: Cell::new(0),
            page: Cell::new(10),
        })),
        (Err(e), _) | (_, Err(e)) => app.store_failed(&e),
    }
}

pub fn update(app: &mut App, action: Action) {
    let Some(Screen::History(h)) = app.screens.last_mut() else {
        return;
    };
    let last = h.entries.len().saturating_sub(1);
    let page = h.page.get().max(1);
    h.selected = match action {
        Action::Up => h.selected.saturating_sub(1),
        Action::Down => (h.selected + 1).min(last),
        Action::PageUp => h.selected.saturating_sub(page),
        Action::PageDown => (h.selected + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::Back => {
            app.screens.pop();
            return;
        }
        Action::Quit => return app.request_quit(),
        _ => h.selected,
    };
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
        h.selected = h.selected.min(entries.len().saturating_sub(1));
        h.entries = entries;
    }
}
