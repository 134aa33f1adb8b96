//! Changing one recipient's allocation, with the unallocated remainder
//! shown live. Over-allocation is allowed but never silent: the popup says
//! so, and the status pane flags it after saving.

use super::action::Action;
use super::app::{App, Screen};
use super::field::TextField;
use super::undo::UndoStep;
use crate::domain::Lang;
use crate::domain::model::{GrantId, RecipientId};
use crate::domain::money::Money;
use crate::i18n::money_errors::explain;
use crate::i18n::screen::retired_refusal;

#[derive(Debug)]
pub struct AllocationState {
    pub grant_id: GrantId,
    pub recipient_id: RecipientId,
    pub name: String,
    /// The amount the user saw; the save is refused if it changed meanwhile.
    pub old: Money,
    pub received: Money,
    /// Σ allocations of the grant, including `old`.
    pub allocated_total: Money,
    pub input: TextField,
    pub lang: Lang,
}

impl AllocationState {
    pub fn new(
        grant_id: GrantId,
        recipient_id: RecipientId,
        name: String,
        old: Money,
        received: Money,
        allocated_total: Money,
        lang: Lang,
    ) -> AllocationState {
        let mut input = TextField::new(&old.format(lang));
        input.focus();
        AllocationState {
            grant_id,
            recipient_id,
            name,
            old,
            received,
            allocated_total,
            input,
            lang,
        }
    }

    pub fn parsed(&self) -> Result<Money, String> {
        Money::parse_for(self.input.value(), self.lang).map_err(|e| explain(&e, self.lang))
    }

    /// What would be left unallocated with the typed amount.
    pub fn remainder(&self) -> Option<Money> {
        self.parsed()
            .ok()
            .map(|new| self.received - (self.allocated_total - self.old + new))
    }

    pub fn paste(&mut self, text: &str) {
        self.input.paste(text);
    }
}

/// Opens the popup for a recipient in the grant on screen, also one that
/// has nothing in it yet: that is how a new recipient gets money.
pub fn open(app: &mut App, rid: RecipientId, name: String) {
    if !app.can_edit() || refuse_retired(app, rid, &name) {
        return;
    }
    let Some(d) = app.data.as_ref() else {
        return app.error(app.t().no_grant);
    };
    let old = d
        .status
        .recipients
        .iter()
        .find(|r| r.recipient_id == rid)
        .map_or(Money::ZERO, |r| r.allocated);
    let state = AllocationState::new(
        d.grant.id,
        rid,
        name,
        old,
        d.status.received,
        d.status.allocated,
        app.lang,
    );
    app.screens.push(Screen::Allocation(state));
}

/// A retired recipient keeps its history but gets no new money. Asked of
/// the store, so a recipient retired by another session is refused too.
fn refuse_retired(app: &mut App, rid: RecipientId, name: &str) -> bool {
    match app.store.recipient(rid) {
        Ok(r) if r.retired => {
            app.error(retired_refusal(name, app.lang));
            true
        }
        Ok(_) => false,
        Err(e) => {
            app.store_failed(&e);
            true
        }
    }
}

pub fn update(app: &mut App, action: Action) {
    let Some(Screen::Allocation(state)) = app.screens.last_mut() else {
        return;
    };
    match action {
        Action::Input(key) => {
            state.input.handle(&key);
        }
        Action::Back => {
            app.screens.pop();
        }
        Action::Confirm | Action::Save => {
            let amount = match state.parsed() {
                Ok(a) => a,
                Err(e) => return app.error(e),
            };
            let (g, r, old) = (state.grant_id, state.recipient_id, state.old);
            let name = state.name.clone();
            if refuse_retired(app, r, &name) {
                return;
            }
            match app.store.set_allocation(g, r, amount, Some(old)) {
                Ok(()) => {
                    app.screens.pop();
                    if amount != old {
                        let step = UndoStep::Allocation {
                            grant_id: g,
                            recipient_id: r,
                            name: name.clone(),
                            before: old,
                            after: amount,
                        };
                        app.remember(step);
                    }
                    app.reload();
                    let lang = app.lang;
                    app.info(format!(
                        "{}: {name} {} → {}",
                        app.t().allocation_saved,
                        old.format(lang),
                        amount.format_with_unit(lang)
                    ));
                }
                Err(e) => app.store_failed(&e),
            }
        }
        _ => {}
    }
}
