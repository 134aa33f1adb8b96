//! What the keys do in the spending form.

use super::action::Action;
use super::app::{App, Pending, Screen};
use super::form::FormState;
use super::undo::UndoStep;
use crate::domain::Lang;
use crate::domain::model::RecipientId;
use crate::i18n::changes::{describe, value, when};
use crate::i18n::screen::texts;
use crate::store::Conflict;
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
    // The next recipient in the order being worked through, taken before
    // the save can move this one elsewhere in a sorted list.
    let next = app.data.as_ref().and_then(|d| {
        let i = *app.list.rows.get(app.list.selected + 1)?;
        d.status.recipients.get(i).map(|l| l.recipient_id)
    });
    match app
        .store
        .save_entry_replacing(g, r, &loaded, &edited, force)
    {
        Ok((before, after)) => {
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
                open_next(app, next);
            }
        }
        Err(StoreError::Conflict(c)) => {
            let text = format!("{} {}", conflict_text(&c, app.lang), t.conflict_question);
            app.ask(&text, Pending::OverwriteForm);
        }
        Err(e) => app.store_failed(&e),
    }
}

/// Batch entry: moves down the list (or the matrix it was opened from)
/// and opens the next recipient.
fn open_next(app: &mut App, next: Option<RecipientId>) {
    if let Some(Screen::Matrix(_)) = app.screens.last() {
        return super::matrix::open_next(app);
    }
    let position = app.data.as_ref().and_then(|d| {
        let id = next?;
        app.list.rows.iter().position(|&i| {
            d.status
                .recipients
                .get(i)
                .is_some_and(|l| l.recipient_id == id)
        })
    });
    if let Some(p) = position {
        app.list.selected = p;
    } else {
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
            let merged = form(app).is_some_and(|f| f.rebase(current, today));
            if merged {
                app.info(app.lang.pick(
                    "Deras värden är inlästa; dina övriga ändringar finns kvar",
                    "Their values are loaded; your other changes are kept",
                ));
            } else {
                app.error(app.lang.pick(
                    "Bidragets fokusområden har ändrats under tiden: stäng formuläret och öppna det igen",
                    "The grant's focus areas changed meanwhile: close the form and open it again",
                ));
            }
        }
        Err(e) => app.store_failed(&e),
    }
}

/// A refused save in the user's words: which field, their value, who and
/// when, and the value typed here.
pub fn conflict_text(c: &Conflict, lang: Lang) -> String {
    let who = match (&c.who, &c.at) {
        (Some(who), Some(at)) => format!(" ({who}, {})", when(at)),
        _ => String::new(),
    };
    format!(
        "{}: {} {}{who}; {} {}.",
        describe(&c.what, lang),
        lang.pick("någon annan har ändrat till", "someone else changed it to"),
        value(&c.what, &c.theirs, lang),
        lang.pick("ditt värde är", "yours is"),
        value(&c.what, &c.mine, lang),
    )
}
