//! The receipt form on a receipt recorded before: it saves through the
//! store's merged save, so a field another session changed since the
//! form opened is refused (or overwritten when the user says so), and
//! the change can be undone.

use serde::{Deserialize, Serialize};

use super::{ReceiptFormState, Values};
use crate::domain::Lang;
use crate::domain::model::{GrantId, Receipt};
use crate::store::NewReceipt;
use crate::tui::action::Action;
use crate::tui::screen::{Ctx, Effect};
use crate::tui::undo::UndoStep;

/// The receipt a form edits, and its values as the form opened on them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Editing {
    pub receipt_id: i64,
    pub loaded: NewReceipt,
}

impl Editing {
    pub fn of(r: &Receipt) -> Editing {
        Editing {
            receipt_id: r.id,
            loaded: NewReceipt {
                date: r.date,
                amount: r.amount,
                kind: r.kind,
                note: r.note.clone(),
            },
        }
    }

    /// What the form showed when it opened on the receipt.
    pub(super) fn values(&self, lang: Lang) -> Values {
        Values {
            date: self.loaded.date.to_string(),
            amount: self.loaded.amount.format_editable(lang),
            kind: self.loaded.kind,
            note: self.loaded.note.clone(),
        }
    }
}

/// A form on receipt `receipt_id` of grant `grant_id`.
pub fn open_edit(
    ctx: &Ctx,
    grant_id: GrantId,
    receipt_id: i64,
) -> Result<ReceiptFormState, Effect> {
    let grant = ctx.stored(ctx.store.grant(grant_id))?;
    let receipts = ctx.stored(ctx.store.receipts(grant_id))?;
    let receipt = receipts
        .iter()
        .find(|r| r.id == receipt_id)
        .ok_or_else(|| {
            ctx.failed(&crate::store::StoreError::NotFound(format!(
                "receipt {receipt_id}"
            )))
        })?;
    Ok(ReceiptFormState::edit(&grant, receipt, ctx.lang))
}

/// Saves the edited receipt against what the form opened on; a clash
/// with another session asks whether to overwrite.
pub(super) fn save(
    ctx: &mut Ctx,
    grant_id: GrantId,
    editing: Editing,
    edited: &NewReceipt,
    force: bool,
) -> Result<Effect, Effect> {
    let id = editing.receipt_id;
    let (before, after) = ctx
        .store
        .save_receipt(grant_id, id, &editing.loaded, edited, force)
        .map_err(|e| ctx.refused_save(&e))?;
    let lang = ctx.lang;
    if before != after {
        let name = format!(
            "{} {}",
            crate::i18n::changes::describe("receipt", lang),
            after.date
        );
        let step = UndoStep::Receipt {
            grant_id,
            receipt_id: id,
            name,
            before,
            after: after.clone(),
        };
        ctx.undo.remember(step, &ctx.store);
    }
    let said = format!(
        "{}: {}",
        crate::i18n::edits::words(lang).receipt_changed,
        after.amount.format_with_unit(lang)
    );
    Ok(Effect::Many(vec![
        Effect::Close,
        Effect::Reload,
        Effect::Send(Action::Select(id)),
        Effect::Info(said),
    ]))
}
