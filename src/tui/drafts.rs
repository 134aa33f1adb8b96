//! Forms left unsaved when a session ends are kept as drafts and offered
//! back at the next start.

use super::app::{App, Pending, Screen};
use super::form::{FormState, FormTarget};

impl App {
    /// Keeps every form with unsaved changes as a draft; called when the
    /// session ends without the user (hang-up, SIGTERM). Returns how many.
    pub fn save_drafts(&mut self) -> usize {
        let drafts: Vec<_> = self
            .screens
            .iter()
            .filter_map(|s| match s {
                Screen::Form(f) if f.is_dirty() => {
                    Some((f.grant_id, f.recipient_id, f.draft_body()))
                }
                _ => None,
            })
            .collect();
        drafts
            .iter()
            .filter(|(g, r, body)| self.store.save_draft(*g, *r, body).is_ok())
            .count()
    }

    /// Asks about the oldest draft this user left behind, if any.
    pub(super) fn offer_draft(&mut self) {
        let Ok(drafts) = self.store.drafts() else {
            return;
        };
        let Some(d) = drafts.first() else { return };
        let name = self
            .store
            .recipient(d.recipient_id)
            .map(|r| r.name)
            .unwrap_or_default();
        let text = format!(
            "{} {name} ({})?",
            self.t().restore_draft,
            crate::i18n::changes::when(&d.saved_at)
        );
        self.ask(&text, Pending::RestoreDraft(d.id));
    }

    pub(super) fn restore_draft(&mut self, id: i64) {
        let Ok(drafts) = self.store.drafts() else {
            return;
        };
        let Some(d) = drafts.into_iter().find(|d| d.id == id) else {
            return;
        };
        if self.data.as_ref().is_none_or(|g| g.grant.id != d.grant_id)
            && let Err(e) = self.load_grant(d.grant_id)
        {
            return self.store_failed(&e);
        }
        let restored = self.store.recipient(d.recipient_id).ok().and_then(|r| {
            let form = self.build_form(r.id, r.name).ok()?;
            let target = FormTarget {
                grant_id: form.grant_id,
                recipient_id: form.recipient_id,
                recipient_name: form.recipient_name,
                allocated: form.allocated,
            };
            FormState::from_draft(target, form.focus_areas, &d.body, self.today, self.lang)
        });
        self.drop_draft(id);
        match restored {
            Some(form) => self.screens.push(Screen::Form(Box::new(form))),
            None => self.error(self.t().draft_unreadable),
        }
    }

    pub(super) fn drop_draft(&mut self, id: i64) {
        if let Err(e) = self.store.delete_draft(id) {
            self.store_failed(&e);
        }
        if self.screens.is_empty() {
            self.offer_draft();
        }
    }
}
