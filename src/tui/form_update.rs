//! What the keys do in the spending form.

use super::action::Action;
use super::app::{App, Pending, Screen};
use super::form::FormState;
use super::undo::UndoStep;
use crate::i18n::screen::texts;
use crate::store::StoreError;

fn form(app: &mut App) -> Option<&mut FormState> {
    match app.screens.last_mut() {
        Some(Screen::Form(f)) => Some(f),
        _ => None,
    }
}

pub fn update(app: &mut App, action: Action) {
    let t = texts(app.lang);
    let Some(f) = form(app) else { return };
    match action {
        Action::Input(key) => {
            let idx = f.focus;
            if f.fields[idx].input.handle(&key) {
                f.validate(t);
            }
        }
        Action::Confirm | Action::Down => f.down(),
        Action::Up => f.up(),
        Action::NextField => f.next_field(),
        Action::PrevField => f.prev_field(),
        Action::Save => save(app, false, false),
        Action::SaveAndNext => save(app, false, true),
        Action::Back => {
            if f.is_dirty() {
                app.ask(t.discard_question, Pending::DiscardForm);
            } else {
                app.screens.pop();
            }
        }
        _ => {}
    }
}

/// Saves the form in one transaction. On a conflict with another session
/// the form stays open and the user is asked whether to overwrite.
pub fn save(app: &mut App, force: bool, then_next: bool) {
    let t = texts(app.lang);
    let Some(f) = form(app) else { return };
    f.validate(t);
    let edited = match f.edited() {
        Ok(e) if !f.has_errors() => e,
        Ok(_) | Err(_) => {
            if let Some(bad) = f.fields.iter().position(|x| x.error.is_some()) {
                f.focus = bad;
            }
            return app.error(t.fix_errors);
        }
    };
    let (g, r, name) = (f.grant_id, f.recipient_id, f.recipient_name.clone());
    let loaded = f.loaded.clone();
    // What the save replaces, for undo.
    let before = app.store.entry(g, r).unwrap_or_else(|_| loaded.clone());
    match app.store.save_entry(g, r, &loaded, &edited, force) {
        Ok(after) => {
            app.screens.pop();
            if after != before {
                let step = UndoStep::Entry {
                    grant_id: g,
                    recipient_id: r,
                    name: name.clone(),
                    before,
                    after,
                };
                app.remember(step);
            }
            app.reload();
            app.info(format!("{}: {name}", t.saved));
            if then_next {
                open_next(app);
            }
        }
        Err(StoreError::Conflict(c)) => {
            app.error(c.to_string());
            app.ask(t.conflict_question, Pending::OverwriteForm);
        }
        Err(e) => app.error(e.to_string()),
    }
}

/// Batch entry: moves down the list (or the matrix it was opened from)
/// and opens the next recipient.
fn open_next(app: &mut App) {
    if let Some(Screen::Matrix(_)) = app.screens.last() {
        return super::matrix::open_next(app);
    }
    let before = app.list.selected;
    app.list.move_by(1);
    if app.list.selected == before {
        let t = texts(app.lang);
        let saved = app.message.take().map(|m| m.text).unwrap_or_default();
        return app.info(format!("{saved}. {}", t.last_recipient));
    }
    app.open_selected_form();
}

/// After a refused save: take the other session's values where they
/// changed, keep this user's other edits, and stay in the form.
pub fn rebase(app: &mut App) {
    let today = app.today;
    let Some((g, r)) = form(app).map(|f| (f.grant_id, f.recipient_id)) else {
        return;
    };
    match app.store.entry(g, r) {
        Ok(current) => {
            if let Some(f) = form(app) {
                f.rebase(current, today);
            }
            app.info(app.lang.pick(
                "Deras värden är inlästa; dina övriga ändringar finns kvar",
                "Their values are loaded; your other changes are kept",
            ));
        }
        Err(e) => app.error(e.to_string()),
    }
}
