//! What every form shares: how the keys move the focus between its
//! fields, the key contexts and Back of a text form, and the popup its
//! field lines are drawn in.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use ratatui::crossterm::event::KeyEvent;

use super::field_lines::{FieldLines, cursor_in, popup_area};
use super::text::{fit, width, wrap};
use super::text_field::TextField;
use crate::domain::Lang;
use crate::i18n::screen_phrases::choice_hint;
use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, key_for};
use crate::tui::screen::{Ctx, Effect, Question};

/// How Down, Up and Enter behave at the ends of a form. Tab and
/// Shift-Tab always go round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// Down and Up go round; Enter moves on and, on the last field, saves.
    Round,
    /// Down, Up and Enter stop at the first and the last field.
    Stop,
}

/// What a key does to the focus of a form of `count` fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Focus the field at this index.
    To(usize),
    /// Enter on the last field of a `Round` form: save.
    Save,
    /// Not a key that moves the focus.
    Other,
}

pub fn step(focus: usize, count: usize, ends: Ends, action: &Action) -> Step {
    let last = count.saturating_sub(1);
    let next = (focus + 1) % count.max(1);
    let prev = (focus + count - 1) % count.max(1);
    match (ends, action) {
        (_, Action::NextField) => Step::To(next),
        (_, Action::PrevField) => Step::To(prev),
        (Ends::Round, Action::Down) => Step::To(next),
        (Ends::Round, Action::Up) => Step::To(prev),
        (Ends::Round, Action::Confirm) if focus < last => Step::To(focus + 1),
        (Ends::Round, Action::Confirm) => Step::Save,
        (Ends::Stop, Action::Down | Action::Confirm) => Step::To((focus + 1).min(last)),
        (Ends::Stop, Action::Up) => Step::To(focus.saturating_sub(1)),
        _ => Step::Other,
    }
}

/// A key for a field of a form that may be read-only (a reported
/// grant's): applied, or taken back with the reason when it would change
/// the text. Keys that only move the cursor always work. Returns whether
/// the text changed.
pub fn edit_key(
    ctx: &Ctx,
    read_only: bool,
    field: &mut TextField,
    key: &KeyEvent,
) -> Result<bool, Effect> {
    let before = read_only.then(|| field.clone());
    let changed = field.handle(key);
    match before {
        Some(before) if changed => {
            *field = before;
            Err(closed(ctx))
        }
        _ => Ok(changed),
    }
}

/// The footer of a form: only how to close it when it can only be read.
pub fn footer(read_only: bool, contexts: Vec<KeyContext>) -> Vec<KeyContext> {
    if read_only {
        vec![KeyContext::ReadOnlyForm]
    } else {
        contexts
    }
}

/// Refuses what would change a read-only form, saying why.
pub fn writable(ctx: &Ctx, read_only: bool) -> Result<(), Effect> {
    if read_only { Err(closed(ctx)) } else { Ok(()) }
}

fn closed(ctx: &Ctx) -> Effect {
    Effect::Error(ctx.t().closed_grant.into())
}

/// The key contexts of a text form: `Choice` first while a choice has
/// the focus, then `Form`, then the form's own (`extra`).
pub fn contexts(on_choice: bool, extra: &[KeyContext]) -> Vec<KeyContext> {
    let choice = on_choice.then_some(KeyContext::Choice);
    choice
        .into_iter()
        .chain([KeyContext::Form])
        .chain(extra.iter().copied())
        .collect()
}

/// Back: closes, but asks first when the form holds an edit.
pub fn back(ctx: &Ctx, dirty: bool) -> Effect {
    if dirty {
        Effect::ask(Question::new(ctx.t().discard_question, Effect::Close))
    } else {
        Effect::Close
    }
}

/// The hint beside a focused choice: the keys that change it.
pub fn choice_keys(lang: Lang) -> String {
    choice_hint(
        &key_for(KeyContext::Choice, &Action::Left, lang),
        &key_for(KeyContext::Choice, &Action::Right, lang),
        lang,
    )
}

/// Lines `cols` wide for a form with these labels, the fields starting
/// one column right of the widest.
pub fn lines<'a, 'l>(
    ctx: &'a Ctx,
    labels: impl IntoIterator<Item = &'l str>,
    cols: usize,
) -> FieldLines<'a> {
    let label_cols = labels.into_iter().map(width).max().unwrap_or(10) + 1;
    FieldLines::new(&ctx.theme, label_cols, cols)
}

/// The error of the whole form under its fields, wrapped to `cols`.
pub fn form_error(out: &mut FieldLines, ctx: &Ctx, error: Option<&str>, cols: usize) {
    let Some(e) = error else { return };
    out.blank();
    for line in wrap(e, cols) {
        out.lines.push(Line::styled(line, ctx.theme.error()));
    }
}

/// A blank line, then "unsaved" while the form holds an edit.
pub fn unsaved_note(out: &mut FieldLines, ctx: &Ctx, dirty: bool) {
    out.blank();
    if dirty {
        out.lines
            .push(Line::styled(ctx.t().unsaved, ctx.theme.dim()));
    }
}

/// Draws the lines in a bordered popup `outer_w` wide over `body`,
/// titled; returns where the cursor goes.
pub fn popup(
    frame: &mut Frame,
    body: Rect,
    ctx: &Ctx,
    outer_w: u16,
    title: &str,
    out: FieldLines,
) -> Option<Position> {
    let cols = outer_w.saturating_sub(2) as usize;
    let height = (out.lines.len() as u16 + 2).min(body.height);
    let area = popup_area(body, outer_w, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(Span::styled(fit(title, cols), ctx.theme.title()));
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(out.lines).block(block), area);
    cursor_in(inner, out.cursor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_form_goes_round_and_saves_on_enter_at_the_end() {
        assert_eq!(step(4, 5, Ends::Round, &Action::Down), Step::To(0));
        assert_eq!(step(0, 5, Ends::Round, &Action::Up), Step::To(4));
        assert_eq!(step(3, 5, Ends::Round, &Action::Confirm), Step::To(4));
        assert_eq!(step(4, 5, Ends::Round, &Action::Confirm), Step::Save);
        assert_eq!(step(2, 5, Ends::Round, &Action::Save), Step::Other);
    }

    #[test]
    fn a_stopping_form_stops_at_its_ends_but_tab_goes_round() {
        assert_eq!(step(4, 5, Ends::Stop, &Action::Down), Step::To(4));
        assert_eq!(step(4, 5, Ends::Stop, &Action::Confirm), Step::To(4));
        assert_eq!(step(0, 5, Ends::Stop, &Action::Up), Step::To(0));
        assert_eq!(step(4, 5, Ends::Stop, &Action::NextField), Step::To(0));
        assert_eq!(step(0, 5, Ends::Stop, &Action::PrevField), Step::To(4));
    }

    #[test]
    fn contexts_put_the_choice_first_and_the_forms_own_last() {
        assert_eq!(contexts(false, &[]), vec![KeyContext::Form]);
        assert_eq!(
            contexts(true, &[KeyContext::BatchForm]),
            vec![KeyContext::Choice, KeyContext::Form, KeyContext::BatchForm]
        );
    }
}
