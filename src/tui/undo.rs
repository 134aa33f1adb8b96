//! Undo and redo of the changes made in this session, newest first. An
//! undo is a change like any other: saved through the store, with its
//! audit rows, and refused if someone else changed the same value since.
//! A redo makes an undone change again, the same way. `u` asks first when
//! the change is a whole form of several values.

use super::action::Action;
use super::screen::{Ctx, Effect, Question};
use crate::domain::merge::{Fielded, Fields};
use crate::domain::model::{FocusAreaId, GrantId, RecipientId};
use crate::domain::money::Money;
use crate::i18n::conflict::conflict_text;
use crate::i18n::edits::{undo_form_question, words};
use crate::store::{
    Entry, NewReceipt, NewRepayment, Store, StoreError, receipt_fields, repayment_fields,
};

/// One change, with what it replaced (`before`) and what it stored
/// (`after`): undo saves `before` over `after`, redo the other way.
#[derive(Debug, Clone)]
pub enum UndoStep {
    /// A spending form saved: what it replaced and what it stored.
    Entry {
        grant_id: GrantId,
        recipient_id: RecipientId,
        name: String,
        before: Entry,
        after: Entry,
    },
    /// An allocation changed from `before` to `after`; `None` is no
    /// allocation (not in the grant).
    Allocation {
        grant_id: GrantId,
        recipient_id: RecipientId,
        name: String,
        before: Option<Money>,
        after: Option<Money>,
    },
    /// A receipt edited; `name` says which ("Receipt 2026-07-01").
    Receipt {
        grant_id: GrantId,
        receipt_id: i64,
        name: String,
        before: NewReceipt,
        after: NewReceipt,
    },
    /// A repayment edited.
    Repayment {
        grant_id: GrantId,
        repayment_id: i64,
        name: String,
        before: NewRepayment,
        after: NewRepayment,
    },
    /// A change to a grant's list of focus areas; `name` is the area's.
    FocusArea {
        grant_id: GrantId,
        name: String,
        change: AreaChange,
    },
}

/// What was done to a focus area, with what its undo needs.
#[derive(Debug, Clone)]
pub enum AreaChange {
    Added(FocusAreaId),
    /// Renamed from these names.
    Renamed {
        id: FocusAreaId,
        sv: String,
        en: String,
    },
    /// Moved one place up (`up`) or down.
    Moved {
        id: FocusAreaId,
        up: bool,
    },
    /// Removed from this place.
    Removed {
        position: i64,
        sv: String,
        en: String,
    },
}

impl UndoStep {
    fn grant_id(&self) -> GrantId {
        match self {
            UndoStep::Entry { grant_id, .. }
            | UndoStep::Allocation { grant_id, .. }
            | UndoStep::Receipt { grant_id, .. }
            | UndoStep::Repayment { grant_id, .. }
            | UndoStep::FocusArea { grant_id, .. } => *grant_id,
        }
    }

    /// What the change is about, as the message names it.
    fn name(&self) -> &str {
        match self {
            UndoStep::Entry { name, .. }
            | UndoStep::Allocation { name, .. }
            | UndoStep::Receipt { name, .. }
            | UndoStep::Repayment { name, .. }
            | UndoStep::FocusArea { name, .. } => name,
        }
    }

    /// The values as the audit log names them, before and after.
    fn fields(&self) -> (Fields, Fields) {
        match self {
            UndoStep::Entry { before, after, .. } => (before.fields(), after.fields()),
            UndoStep::Allocation { before, after, .. } => {
                let f = |m: &Option<Money>| {
                    Fields::from([(
                        "allocation".to_string(),
                        m.map(|m| m.to_string()).unwrap_or_default(),
                    )])
                };
                (f(before), f(after))
            }
            UndoStep::Receipt {
                receipt_id: id,
                before,
                after,
                ..
            } => (receipt_fields(*id, before), receipt_fields(*id, after)),
            UndoStep::Repayment {
                repayment_id: id,
                before,
                after,
                ..
            } => (repayment_fields(*id, before), repayment_fields(*id, after)),
            // One change to the list: undone at once, never asked about.
            UndoStep::FocusArea { name, .. } => (
                Fields::new(),
                Fields::from([("focus_area".to_string(), name.clone())]),
            ),
        }
    }

    /// The audit names of the values this change changed.
    fn changed(&self) -> Vec<String> {
        let (before, after) = self.fields();
        after
            .into_iter()
            .filter(|(k, v)| before.get(k) != Some(v))
            .map(|(k, _)| k)
            .collect()
    }

    /// Whether redo can make the change again: an area added or removed
    /// comes back under a new id, and a rename keeps only the old names,
    /// so of the focus-area changes only a move is redone.
    fn redoable(&self) -> bool {
        match self {
            UndoStep::FocusArea { change, .. } => matches!(change, AreaChange::Moved { .. }),
            _ => true,
        }
    }

    /// The same change the other way round: what redo saves.
    fn reversed(&self) -> UndoStep {
        let mut step = self.clone();
        match &mut step {
            UndoStep::Entry { before, after, .. } => std::mem::swap(before, after),
            UndoStep::Allocation { before, after, .. } => std::mem::swap(before, after),
            UndoStep::Receipt { before, after, .. } => std::mem::swap(before, after),
            UndoStep::Repayment { before, after, .. } => std::mem::swap(before, after),
            UndoStep::FocusArea { change, .. } => {
                if let AreaChange::Moved { up, .. } = change {
                    *up = !*up;
                }
            }
        }
        step
    }

    /// Saves `before` over `after`, refused where someone else changed a
    /// value since.
    fn take_back(&self, store: &mut Store) -> Result<(), StoreError> {
        match self {
            UndoStep::Entry {
                grant_id,
                recipient_id,
                before,
                after,
                ..
            } => store
                .save_entry(*grant_id, *recipient_id, after, before, false)
                .map(drop),
            UndoStep::Allocation {
                grant_id,
                recipient_id,
                before,
                after,
                ..
            } => store
                .save_allocation(*grant_id, *recipient_id, *after, *before, false)
                .map(drop),
            UndoStep::Receipt {
                grant_id,
                receipt_id,
                before,
                after,
                ..
            } => store
                .save_receipt(*grant_id, *receipt_id, after, before, false)
                .map(drop),
            UndoStep::Repayment {
                grant_id,
                repayment_id,
                before,
                after,
                ..
            } => store
                .save_repayment(*grant_id, *repayment_id, after, before, false)
                .map(drop),
            UndoStep::FocusArea {
                grant_id, change, ..
            } => match change {
                AreaChange::Added(id) => store.remove_focus_area(*id),
                AreaChange::Renamed { id, sv, en } => store.rename_focus_area(*id, sv, en),
                AreaChange::Moved { id, up } => store.move_focus_area(*id, !up).map(drop),
                AreaChange::Removed { position, sv, en } => store
                    .restore_focus_area(*grant_id, *position, sv, en)
                    .map(drop),
            },
        }
    }
}

/// The changes of this session that `u` can take back, and those taken
/// back that `Ctrl-R` can make again.
#[derive(Debug, Default)]
pub struct Undo {
    steps: Vec<UndoStep>,
    undone: Vec<UndoStep>,
    /// The store's change count after the newest change, undo or redo
    /// this session made.
    mark: u64,
}

impl Undo {
    /// Records a change just saved. Undo is only offered while it is the
    /// newest change this session made: `mark` is the store's change
    /// count right after it. A new change ends what could be redone.
    pub fn remember(&mut self, step: UndoStep, store: &Store) {
        self.steps.push(step);
        self.undone.clear();
        self.mark = store.changes_made();
    }

    /// Forgets everything when something else was changed since (a
    /// receipt added, a grant, a name): undoing or redoing an older
    /// change would skip over it.
    fn forget_if_overtaken(&mut self, store: &Store) {
        if store.changes_made() != self.mark {
            self.steps.clear();
            self.undone.clear();
        }
    }
}

/// Which way a step is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    Undo,
    Redo,
}

/// The undo keys of every view that offers them: `u` (asking first for a
/// whole form), the yes to that question, and `Ctrl-R`.
pub fn handle(ctx: &mut Ctx, action: &Action) -> Option<Effect> {
    match action {
        Action::Undo => Some(ask_or_undo(ctx)),
        Action::UndoNow => Some(take(ctx, Way::Undo)),
        Action::Redo => Some(take(ctx, Way::Redo)),
        _ => None,
    }
}

/// Takes back the newest change at once when it changed one value; asks
/// first when it changed several, naming them.
fn ask_or_undo(ctx: &mut Ctx) -> Effect {
    ctx.undo.forget_if_overtaken(&ctx.store);
    let Some(step) = ctx.undo.steps.last() else {
        return take(ctx, Way::Undo);
    };
    let changed = step.changed();
    if changed.len() < 2 {
        return take(ctx, Way::Undo);
    }
    if let Err(refused) = ctx.can_edit() {
        return refused;
    }
    let text = undo_form_question(step.name(), &changed, ctx.lang);
    Effect::ask(Question::new(text, Effect::Send(Action::UndoNow)))
}

/// Undoes the newest change, or redoes the newest undone one.
fn take(ctx: &mut Ctx, way: Way) -> Effect {
    if let Err(refused) = ctx.can_edit() {
        return refused;
    }
    ctx.undo.forget_if_overtaken(&ctx.store);
    let w = words(ctx.lang);
    let list = match way {
        Way::Undo => &mut ctx.undo.steps,
        Way::Redo => &mut ctx.undo.undone,
    };
    let Some(step) = list.pop() else {
        return Effect::Info(match way {
            Way::Undo => ctx.t().nothing_to_undo.into(),
            Way::Redo => w.nothing_to_redo.into(),
        });
    };
    let grant_id = step.grant_id();
    // The change shows in the grant it happens in.
    let grant = match ctx.store.grant(grant_id) {
        Ok(g) => g,
        Err(e) => return ctx.failed(&e),
    };
    let result = match way {
        Way::Undo => ctx.store.as_undo(|store| step.take_back(store)),
        Way::Redo => ctx.store.as_redo(|store| step.reversed().take_back(store)),
    };
    let (done, cannot) = match way {
        Way::Undo => (ctx.t().undone, ctx.t().cannot_undo),
        Way::Redo => (w.redone, w.cannot_redo),
    };
    // A spending or an allocation shows the grant it is in; a focus area
    // is undone where its list is, over the grant on screen.
    let show = match step {
        UndoStep::FocusArea { .. } => Effect::Reload,
        _ => Effect::ShowGrant(grant_id),
    };
    match result {
        Ok(()) => {
            let text = format!("{done}: {} ({})", step.name(), grant.title);
            match way {
                Way::Undo if step.redoable() => ctx.undo.undone.push(step),
                Way::Undo => {}
                Way::Redo => ctx.undo.steps.push(step),
            }
            ctx.undo.mark = ctx.store.changes_made();
            Effect::Many(vec![show, Effect::Info(text)])
        }
        Err(e) => {
            ctx.undo.steps.clear();
            ctx.undo.undone.clear();
            let why = match &e {
                StoreError::Conflict(c) => conflict_text(c, ctx.lang),
                other => crate::i18n::store_errors::explain(other, ctx.lang),
            };
            Effect::Many(vec![show, Effect::Error(format!("{cannot}: {why}"))])
        }
    }
}
