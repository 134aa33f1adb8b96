//! The spending form for one recipient: what its keys do, saving with the
//! merge of concurrent edits, and keeping it as a draft. The fields and
//! their checks are in `state`, the drawing in `draw`.

mod draw;
mod state;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

pub use state::{FormState, FormTarget};

use crate::domain::model::RecipientId;
use crate::i18n::conflict::conflict_text;
use crate::store::{self, StoreError};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Draft, Effect, Question, View};
use crate::tui::undo::UndoStep;
use crate::tui::widgets::form;

/// The kind of draft this form keeps.
pub const DRAFT: &str = "spending";

/// Whose spending the form edits: a recipient of the grant on screen.
fn target(ctx: &Ctx, rid: RecipientId, name: String) -> Result<FormTarget, StoreError> {
    let d = ctx
        .grant
        .as_ref()
        .ok_or_else(|| StoreError::NotFound("grant".into()))?;
    let allocated = ctx.store.allocation(d.grant.id, rid)?.unwrap_or_default();
    Ok(FormTarget {
        grant_id: d.grant.id,
        recipient_id: rid,
        recipient_name: name,
        allocated,
    })
}

/// The spending form of one recipient in the grant on screen; on a
/// reported grant it can be read, not changed.
pub fn open(ctx: &Ctx, rid: RecipientId, name: String) -> Result<FormState, Effect> {
    ctx.writable()?;
    let target = ctx.stored(target(ctx, rid, name))?;
    let entry = ctx.stored(ctx.store.entry(target.grant_id, rid))?;
    let areas = ctx.grant.as_ref().map(|d| d.focus_areas.clone());
    let mut form = FormState::new(target, areas.unwrap_or_default(), entry, ctx.lang);
    form.read_only = ctx.grant_closed();
    Ok(form)
}

/// The form as a draft left it, over the base it was typed against.
pub fn from_draft(ctx: &Ctx, rid: RecipientId, name: String, body: &str) -> Option<FormState> {
    let target = target(ctx, rid, name).ok()?;
    let areas = ctx.grant.as_ref()?.focus_areas.clone();
    let mut form = FormState::from_draft(target, areas, body, ctx.lang)?;
    form.read_only = ctx.grant_closed();
    Some(form)
}

/// A draft of this form opened again.
pub fn restore(ctx: &Ctx, d: &store::Draft) -> Option<FormState> {
    let r = ctx.store.recipient(d.recipient_id?).ok()?;
    from_draft(ctx, r.id, r.name, &d.body)
}

/// What the question offering a draft back says it is.
pub fn draft_subject(ctx: &Ctx, d: &store::Draft) -> (&'static str, String) {
    let name = d.recipient_id.and_then(|id| ctx.store.recipient(id).ok());
    (
        ctx.t().restore_draft,
        name.map(|r| r.name).unwrap_or_default(),
    )
}

impl FormState {
    /// Saves the form in one transaction. On a conflict with another
    /// session the form stays open and the user is asked whether to
    /// overwrite.
    fn save(&mut self, ctx: &mut Ctx, force: bool, then_next: bool) -> Effect {
        let t = ctx.t();
        self.validate(t);
        let edited = match self.edited() {
            Ok(e) if !self.has_errors() => e,
            Ok(_) | Err(_) => {
                self.focus_first_error();
                return Effect::Error(t.fix_errors.into());
            }
        };
        let (g, r, name) = (
            self.grant_id,
            self.recipient_id,
            self.recipient_name.clone(),
        );
        match ctx
            .store
            .save_entry_replacing(g, r, &self.loaded, &edited, force)
        {
            Ok((before, after)) => {
                if after != before {
                    let step = UndoStep::Entry {
                        grant_id: g,
                        recipient_id: r,
                        name: name.clone(),
                        before,
                        after,
                    };
                    ctx.undo.remember(step, &ctx.store);
                }
                let mut effects = vec![Effect::Close];
                if then_next {
                    // The list below moves on before the reload re-sorts it.
                    effects.push(Effect::Send(Action::Next));
                }
                effects.push(Effect::Reload);
                effects.push(Effect::Info(format!("{}: {name}", t.saved)));
                Effect::Many(effects)
            }
            Err(StoreError::Conflict(c)) => {
                let text = format!("{} {}", conflict_text(&c, ctx.lang), t.conflict_question);
                Effect::ask(
                    Question::new(text, Effect::Send(Action::Overwrite))
                        .or_else(Effect::Send(Action::TakeTheirs)),
                )
            }
            Err(e) => ctx.failed(&e),
        }
    }

    /// After a refused save: take the other session's values where they
    /// changed, keep this user's other edits, and stay in the form.
    fn take_theirs(&mut self, ctx: &Ctx) -> Effect {
        match ctx.store.entry(self.grant_id, self.recipient_id) {
            Ok(current) => {
                if self.rebase(current) {
                    Effect::Info(ctx.t().theirs_loaded.into())
                } else {
                    Effect::Error(ctx.t().focus_areas_changed.into())
                }
            }
            Err(e) => ctx.failed(&e),
        }
    }
}

impl View for FormState {
    fn contexts(&self) -> Vec<KeyContext> {
        let prose = self.on_prose().then_some(KeyContext::Prose);
        let own = [
            KeyContext::Form,
            KeyContext::SpendingForm,
            KeyContext::BatchForm,
        ];
        prose.into_iter().chain(own).collect()
    }

    fn footer(&self) -> Vec<KeyContext> {
        form::footer(self.read_only, self.contexts())
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        let changes = matches!(
            action,
            Action::NewLine
                | Action::ReportedToday
                | Action::Save
                | Action::SaveAndNext
                | Action::Overwrite
                | Action::TakeTheirs
        );
        if changes && let Err(refused) = form::writable(ctx, self.read_only) {
            return refused;
        }
        match action {
            Action::Input(key) => {
                let field = &mut self.fields[self.focus].input;
                match form::edit_key(ctx, self.read_only, field, &key) {
                    Ok(true) => self.validate(ctx.t()),
                    Ok(false) => {}
                    Err(refused) => return refused,
                }
            }
            Action::NewLine if self.fields[self.focus].input.newline() => self.validate(ctx.t()),
            Action::ReportedToday => self.reported_today(ctx.today, ctx.t()),
            // In a field of several lines the arrows move in the text and
            // leave it at its first and last rows.
            Action::Down if self.fields[self.focus].input.down() => {}
            Action::Up if self.fields[self.focus].input.up() => {}
            Action::Confirm | Action::Down => self.down(),
            Action::Up => self.up(),
            Action::NextField => self.next_field(),
            Action::PrevField => self.prev_field(),
            Action::Save => return self.save(ctx, false, false),
            Action::SaveAndNext => return self.save(ctx, false, true),
            Action::Overwrite => return self.save(ctx, true, false),
            Action::TakeTheirs => return self.take_theirs(ctx),
            Action::Back if self.is_dirty() => {
                return Effect::ask(Question::new(ctx.t().discard_question, Effect::Close));
            }
            Action::Back => return Effect::Close,
            _ => {}
        }
        Effect::None
    }

    fn paste(&mut self, ctx: &mut Ctx, text: &str) -> Effect {
        if let Err(refused) = form::writable(ctx, self.read_only) {
            return refused;
        }
        let idx = self.focus;
        self.fields[idx].input.paste(text);
        self.validate(ctx.t());
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self)
    }

    fn is_dirty(&self) -> bool {
        FormState::is_dirty(self)
    }

    fn draft(&self) -> Option<Draft> {
        self.is_dirty().then(|| Draft {
            kind: DRAFT,
            grant_id: Some(self.grant_id),
            recipient_id: Some(self.recipient_id),
            body: self.draft_body(),
        })
    }
}
