//! Yes/no questions and what their answers do.

use super::action::Action;
use super::app::{App, Pending, Question, Screen};

impl App {
    pub fn ask(&mut self, text: &str, on_yes: Pending) {
        self.screens.push(Screen::Question(Question {
            text: text.to_string(),
            on_yes,
        }));
    }

    /// Quits, asking first when a form has unsaved changes.
    pub fn request_quit(&mut self) {
        let dirty = self.screens.iter().any(Screen::is_dirty);
        if dirty {
            self.ask(self.t().quit_question, Pending::Quit);
        } else {
            self.quit = true;
        }
    }

    pub(super) fn update_question(&mut self, action: Action) {
        let Some(Screen::Question(q)) = self.screens.pop() else {
            return;
        };
        match action {
            Action::Yes => match q.on_yes {
                Pending::Quit => self.quit = true,
                Pending::DiscardForm => {
                    self.screens.pop();
                }
                Pending::OverwriteForm => super::form_update::save(self, true, false),
                Pending::RestoreDraft(id) => self.restore_draft(id),
                Pending::SetGrantState(id, state) => super::grants::set_state(self, id, state),
                Pending::DeleteReceipt(id) => super::receipts::delete(self, id),
                Pending::Retire(id, retired) => super::recipients::retire(self, id, retired),
            },
            Action::No | Action::Back => match q.on_yes {
                Pending::RestoreDraft(id) => self.drop_draft(id),
                Pending::OverwriteForm => super::form_update::rebase(self),
                _ => {}
            },
            _ => self.screens.push(Screen::Question(q)),
        }
    }
}
