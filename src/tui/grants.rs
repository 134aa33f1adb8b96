//! The grants view: every grant with its state and what was received for
//! it, and the keys that switch to, create, edit, close and reopen grants.

use super::action::Action;
use super::app::{App, Pending, Screen};
use super::cursor::Cursor;
use super::grant_form::GrantFormState;
use super::receipts::ReceiptsState;
use crate::domain::model::{Grant, GrantId, GrantState};
use crate::domain::money::Money;
use crate::store::{Store, StoreError};

/// One grant as the list shows it.
#[derive(Debug)]
pub struct GrantRow {
    pub grant: Grant,
    pub received: Money,
    pub receipts: usize,
}

#[derive(Debug)]
pub struct GrantsState {
    pub rows: Vec<GrantRow>,
    pub cursor: Cursor,
}

impl GrantsState {
    /// Reads every grant, selecting `select` when it is among them.
    pub fn load(store: &Store, select: Option<GrantId>) -> Result<GrantsState, StoreError> {
        let mut state = GrantsState {
            rows: Vec::new(),
            cursor: Cursor::default(),
        };
        state.rows = read_rows(store)?;
        if let Some(id) = select {
            state.select(id);
        }
        Ok(state)
    }

    /// Reads the list again, keeping the same grant selected.
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        let keep = self.selected().map(|r| r.grant.id);
        self.rows = read_rows(store)?;
        self.cursor.selected = self.cursor.selected.min(self.rows.len().saturating_sub(1));
        if let Some(id) = keep {
            self.select(id);
        }
        Ok(())
    }

    pub fn select(&mut self, id: GrantId) {
        if let Some(i) = self.rows.iter().position(|r| r.grant.id == id) {
            self.cursor.selected = i;
        }
    }

    pub fn selected(&self) -> Option<&GrantRow> {
        self.rows.get(self.cursor.selected)
    }
}

fn read_rows(store: &Store) -> Result<Vec<GrantRow>, StoreError> {
    store
        .grants()?
        .into_iter()
        .map(|grant| {
            Ok(GrantRow {
                received: store.received(grant.id)?,
                receipts: store.receipts(grant.id)?.len(),
                grant,
            })
        })
        .collect()
}

/// `g` in the main view.
pub fn open(app: &mut App) {
    let current = app.data.as_ref().map(|d| d.grant.id);
    match GrantsState::load(&app.store, current) {
        Ok(state) => app.screens.push(Screen::Grants(state)),
        Err(e) => app.store_failed(&e),
    }
}

/// Refuses with a message when the file cannot be written.
pub fn writable(app: &mut App) -> bool {
    if app.store.is_read_only() {
        app.error(app.t().read_only);
        return false;
    }
    true
}

pub fn update(app: &mut App, action: Action) {
    let Some(Screen::Grants(state)) = app.screens.last_mut() else {
        return;
    };
    if state.cursor.apply(&action, state.rows.len()) {
        return;
    }
    let selected = state.selected().map(|r| r.grant.clone());
    match (action, selected) {
        (Action::Back, _) => {
            app.screens.pop();
        }
        (Action::Quit, _) => app.request_quit(),
        (Action::New, _) => new_grant(app),
        (Action::Confirm, Some(g)) => switch_to(app, &g),
        (Action::Edit, Some(g)) => edit_grant(app, &g),
        (Action::Receipts, Some(g)) => match ReceiptsState::load(&app.store, g.id) {
            Ok(r) => app.screens.push(Screen::Receipts(r)),
            Err(e) => app.store_failed(&e),
        },
        (Action::ToggleState, Some(g)) if writable(app) => {
            let t = app.t();
            let (question, next) = match g.state {
                GrantState::Open => (t.close_question, GrantState::Reported),
                GrantState::Reported => (t.reopen_question, GrantState::Open),
            };
            app.ask(question, Pending::SetGrantState(g.id, next));
        }
        _ => {}
    }
}

fn switch_to(app: &mut App, grant: &Grant) {
    match app.load_grant(grant.id) {
        Ok(()) => {
            app.screens.pop();
            app.info(format!("{}: {}", app.t().switched_to, grant.title));
        }
        Err(e) => app.store_failed(&e),
    }
}

fn new_grant(app: &mut App) {
    if !writable(app) {
        return;
    }
    // Grants usually come from the same giver year after year.
    let giver = app
        .data
        .as_ref()
        .map(|d| d.grant.giver.clone())
        .unwrap_or_default();
    let form = GrantFormState::new_grant(chrono::Datelike::year(&app.today), &giver, app.lang);
    app.screens.push(Screen::GrantForm(Box::new(form)));
}

fn edit_grant(app: &mut App, grant: &Grant) {
    if !writable(app) {
        return;
    }
    // The store would refuse the save; saying so now spares the typing.
    if grant.state == GrantState::Reported {
        return app.error(app.t().reopen_first);
    }
    let form = GrantFormState::edit(grant, app.lang);
    app.screens.push(Screen::GrantForm(Box::new(form)));
}

/// The yes to closing or reopening a grant; the store logs the change.
pub fn set_state(app: &mut App, id: GrantId, state: GrantState) {
    match app.store.set_grant_state(id, state) {
        Ok(()) => {
            refresh(app);
            let t = app.t();
            app.info(match state {
                GrantState::Reported => t.grant_closed,
                GrantState::Open => t.grant_reopened,
            });
        }
        Err(e) => app.store_failed(&e),
    }
}

/// Reads the current grant and every open list of grants or receipts
/// again, after a change here or in another session.
pub fn refresh(app: &mut App) {
    app.reload();
    let mut failed = None;
    for screen in app.screens.iter_mut() {
        let result = match screen {
            Screen::Grants(g) => g.reload(&app.store),
            Screen::Receipts(r) => r.reload(&app.store),
            _ => Ok(()),
        };
        if let Err(e) = result {
            failed = Some(e);
        }
    }
    if let Some(e) = failed {
        app.store_failed(&e);
    }
}
