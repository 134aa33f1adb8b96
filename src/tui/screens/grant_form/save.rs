//! Saving the form: a change merged over the grant as stored, or a new
//! grant made from the start chosen.

use super::start::Start;
use super::{GrantField, GrantFormState, idx};
use crate::domain::model::GrantId;
use crate::i18n::focus_areas as words;
use crate::store::GrantDraft;
use crate::tui::action::Action;
use crate::tui::screen::{Ctx, Effect};

impl GrantFormState {
    /// Creates or changes the grant. A new grant becomes the one on screen.
    pub(super) fn save(&mut self, ctx: &mut Ctx, force: bool) -> Result<Effect, Effect> {
        let t = ctx.t();
        let existing = ctx.store.grants().map_err(|e| ctx.failed(&e))?;
        self.validate();
        let draft = match self.draft() {
            Some(d) if !self.has_errors() => d,
            _ => {
                self.focus_first_error();
                return Err(Effect::Error(t.fix_errors.into()));
            }
        };
        let editing = self.editing;
        // The store refuses a second grant of the same title and year, but
        // in English or as a constraint; this says it in the user's words.
        let duplicate = existing.iter().any(|g| {
            Some(g.id) != editing && g.title.trim() == draft.title && g.year == draft.year
        });
        if duplicate {
            self.errors[idx(GrantField::Title)] = Some(t.duplicate_grant.to_string());
            self.set_focus(idx(GrantField::Title));
            return Err(Effect::Error(t.duplicate_grant.into()));
        }
        let (id, done) = match (editing, &self.opened) {
            (Some(id), Some((_, opened))) => {
                let saved = ctx.store.save_grant(id, opened, &draft, force);
                saved.map_err(|e| ctx.refused_save(&e))?;
                (id, format!("{}: {}", t.grant_saved, draft.title))
            }
            _ => self.create(ctx, &draft)?,
        };
        let shown = match editing {
            None => Effect::ShowGrant(id),
            Some(_) => Effect::Reload,
        };
        Ok(Effect::Many(vec![
            Effect::Close,
            shown,
            Effect::Send(Action::Select(id)),
            Effect::Info(done),
        ]))
    }

    /// A new grant from the start chosen; says what it got.
    fn create(&self, ctx: &mut Ctx, draft: &GrantDraft) -> Result<(GrantId, String), Effect> {
        let lang = ctx.lang;
        let start = self.chosen().map_or(&Start::Vinr, |c| &c.start);
        let made = match start {
            Start::Vinr => ctx.store.create_grant(draft).map(|id| (id, None)),
            Start::AreasOf(g) => ctx.store.focus_area_names(g.id).and_then(|areas| {
                ctx.store
                    .create_grant_with_areas(draft, &areas)
                    .map(|id| (id, None))
            }),
            Start::Like(g) => ctx
                .store
                .new_grant_like_as(g.id, draft)
                .map(|c| (c.grant_id, Some(c))),
        };
        let (id, copied) = made.map_err(|e| ctx.failed(&e))?;
        let said = match copied {
            Some(c) => crate::i18n::grant_list::copied(&c, lang),
            None => {
                let areas = ctx.stored(ctx.store.focus_areas(id))?.len();
                words::created_with_areas(&draft.title, areas, lang)
            }
        };
        Ok((id, said))
    }
}
