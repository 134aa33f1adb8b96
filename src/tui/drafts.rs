//! Forms left unsaved when a session ends are kept as drafts and offered
//! back at the next start. Each screen says what its draft holds
//! (`View::draft`); `screens::build` opens one again.

use super::screen::{Ctx, Draft, Effect, Open, Question};
use crate::store::Store;

/// Stores the drafts; returns how many were kept.
pub fn keep(store: &mut Store, drafts: &[Draft]) -> usize {
    drafts
        .iter()
        .filter(|d| match (d.grant_id, d.recipient_id) {
            (Some(g), Some(r)) => store.save_draft(g, r, &d.body).is_ok(),
            _ => false,
        })
        .count()
}

/// The question about the oldest draft this user left behind, if any.
pub fn offer(ctx: &Ctx) -> Effect {
    let Ok(drafts) = ctx.store.drafts() else {
        return Effect::None;
    };
    let Some(d) = drafts.first() else {
        return Effect::None;
    };
    let name = ctx
        .store
        .recipient(d.recipient_id)
        .map(|r| r.name)
        .unwrap_or_default();
    let text = format!(
        "{} {name} ({})?",
        ctx.t().restore_draft,
        crate::i18n::changes::when(&d.saved_at)
    );
    let restore = Effect::Many(vec![
        Effect::ShowGrant(d.grant_id),
        Effect::Open(Open::Draft(d.id)),
        Effect::DropDraft(d.id),
    ]);
    Effect::ask(Question::new(text, restore).or_else(Effect::DropDraft(d.id)))
}
