//! Undo of the changes made in this session, newest first. An undo is a
//! change like any other: saved through the store, with its audit rows,
//! and refused if someone else changed the same value since.

use super::screen::{Ctx, Effect};
use crate::domain::model::{FocusAreaId, GrantId, RecipientId};
use crate::domain::money::Money;
use crate::i18n::conflict::conflict_text;
use crate::store::{Entry, Store, StoreError};

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
    /// An allocation changed from `before` (`None`: there was none) to
    /// `after`.
    Allocation {
        grant_id: GrantId,
        recipient_id: RecipientId,
        name: String,
        before: Option<Money>,
        after: Money,
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
    fn target(&self) -> (GrantId, &str) {
        match self {
            UndoStep::Entry { grant_id, name, .. }
            | UndoStep::Allocation { grant_id, name, .. }
            | UndoStep::FocusArea { grant_id, name, .. } => (*grant_id, name),
        }
    }

    /// Takes the change back through the store.
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
                .save_allocation(*grant_id, *recipient_id, Some(*after), *before, false)
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

/// The changes of this session that `u` can take back.
#[derive(Debug, Default)]
pub struct Undo {
    steps: Vec<UndoStep>,
    /// The store's change count when the top of `steps` was made.
    mark: u64,
}

impl Undo {
    /// Records a change just saved. Undo is only offered while it is the
    /// newest change this session made: `mark` is the store's change
    /// count right after it.
    pub fn remember(&mut self, step: UndoStep, store: &Store) {
        self.steps.push(step);
        self.mark = store.changes_made();
    }
}

/// Takes back the newest change of this session.
pub fn undo_last(ctx: &mut Ctx) -> Effect {
    if let Err(refused) = ctx.can_edit() {
        return refused;
    }
    if ctx.store.changes_made() != ctx.undo.mark {
        // Something else was changed since (a receipt, a grant, a
        // name): undoing an older change would skip over it.
        ctx.undo.steps.clear();
    }
    let Some(step) = ctx.undo.steps.pop() else {
        return Effect::Info(ctx.t().nothing_to_undo.into());
    };
    let (grant_id, name) = step.target();
    // The undo shows in the grant it happens in.
    let grant = match ctx.store.grant(grant_id) {
        Ok(g) => g,
        Err(e) => return ctx.failed(&e),
    };
    let result = ctx.store.as_undo(|store| step.take_back(store));
    // A spending or an allocation shows the grant it is in; a focus area
    // is undone where its list is, over the grant on screen.
    let show = match step {
        UndoStep::FocusArea { .. } => Effect::Reload,
        _ => Effect::ShowGrant(grant_id),
    };
    let t = ctx.t();
    match result {
        Ok(()) => {
            ctx.undo.mark = ctx.store.changes_made();
            Effect::Many(vec![
                show,
                Effect::Info(format!("{}: {name} ({})", t.undone, grant.title)),
            ])
        }
        Err(e) => {
            ctx.undo.steps.clear();
            let why = match &e {
                StoreError::Conflict(c) => conflict_text(c, ctx.lang),
                other => crate::i18n::store_errors::explain(other, ctx.lang),
            };
            Effect::Many(vec![
                show,
                Effect::Error(format!("{}: {why}", t.cannot_undo)),
            ])
        }
    }
}
