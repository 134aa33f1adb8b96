//! Changing one recipient's allocation, with the unallocated remainder
//! shown live. Over-allocation is allowed but never silent: the popup says
//! so, and the status pane flags it after saving.

use super::action::Action;
use super::app::{App, Screen};
use super::field::TextField;
use crate::domain::Lang;
use crate::domain::model::{GrantId, RecipientId};
use crate::domain::money::{Money, explain};

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
            match app.store.set_allocation(g, r, amount, Some(old)) {
                Ok(()) => {
                    app.screens.pop();
                    app.reload();
                    let lang = app.lang;
                    app.info(format!(
                        "{}: {name} {} → {}",
                        app.t().allocation_saved,
                        old.format(lang),
                        amount.format_with_unit(lang)
                    ));
                }
                Err(e) => app.error(e.to_string()),
            }
        }
        _ => {}
    }
}
