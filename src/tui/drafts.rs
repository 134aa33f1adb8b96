//! Forms left unsaved when a session ends are kept as drafts and offered
//! back at the next start. Each screen says what its draft holds
//! (`View::draft`); `screens::build` opens one again.

use super::screen::{Ctx, Draft, Effect, Open, Question};
use super::screens;
use crate::store::{DraftToKeep, Store};

/// Stores the drafts, beside the database too when it is locked
/// (`Store::keep_drafts`); returns how many were kept.
pub fn keep(store: &mut Store, drafts: &[Draft]) -> usize {
    let kept: Vec<DraftToKeep> = drafts
        .iter()
        .map(|d| DraftToKeep {
            kind: d.kind.to_string(),
            grant_id: d.grant_id,
            recipient_id: d.recipient_id,
            body: d.body.clone(),
        })
        .collect();
    store.keep_drafts(&kept)
}

/// The question about the oldest draft this user left behind, if any.
pub fn offer(ctx: &mut Ctx) -> Effect {
    // Drafts a locked database could not take at the last hang-up.
    let _ = ctx.store.adopt_draft_file();
    let Ok(drafts) = ctx.store.drafts() else {
        return Effect::None;
    };
    let Some(d) = drafts.first() else {
        return Effect::None;
    };
    let (lead, subject) = screens::draft_subject(ctx, d);
    let text = format!(
        "{lead} {subject} ({})?",
        crate::i18n::changes::when(&d.saved_at)
    );
    // A draft about a grant shows that grant first.
    let restore = Effect::Many(vec![
        d.grant_id.map_or(Effect::None, Effect::ShowGrant),
        Effect::Open(Open::Draft(d.id)),
        Effect::DropDraft(d.id),
    ]);
    Effect::ask(Question::new(text, restore).or_else(Effect::DropDraft(d.id)))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::domain::Lang;
    use crate::store::Store;
    use crate::tui::App;
    use crate::tui::screens::Screen;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2018, 3, 1).unwrap()
    }

    fn demo_app() -> App {
        let mut store = Store::open_in_memory().unwrap();
        store.set_who("anna");
        crate::demo::write(&mut store).unwrap();
        App::new(store, Lang::En, today(), None).unwrap()
    }

    fn keys(app: &mut App, keys: &str) {
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            };
            app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        }
    }

    /// Keeps the drafts, starts again on the same file and says yes.
    fn hang_up_and_restore(mut app: App, kept: usize) -> App {
        assert_eq!(app.save_drafts(), kept);
        let mut app = App::new(app.ctx.store, Lang::En, today(), None).unwrap();
        assert!(matches!(app.screens.last(), Some(Screen::Question(_))));
        keys(&mut app, "y");
        app
    }

    #[test]
    fn a_new_grant_comes_back() {
        let mut app = demo_app();
        keys(&mut app, "gnSkolbidrag");
        let app = hang_up_and_restore(app, 1);
        let Some(Screen::GrantForm(f)) = app.screens.last() else {
            panic!("grant form restored")
        };
        assert_eq!(f.inputs[0].value(), "Skolbidrag");
        assert!(f.editing.is_none() && f.is_dirty());
    }

    #[test]
    fn a_receipt_comes_back() {
        let mut app = demo_app();
        keys(&mut app, "gin");
        keys(&mut app, "\n1234");
        let app = hang_up_and_restore(app, 1);
        let Some(Screen::ReceiptForm(f)) = app.screens.last() else {
            panic!("receipt form restored")
        };
        assert_eq!(f.amount.value(), "1234");
    }

    #[test]
    fn a_new_recipient_and_an_allocation_come_back() {
        let mut app = demo_app();
        keys(&mut app, "mnKista");
        let app = hang_up_and_restore(app, 1);
        let Some(Screen::RecipientForm(f)) = app.screens.last() else {
            panic!("recipient form restored")
        };
        assert_eq!(f.name.value(), "Kista");

        let mut app = demo_app();
        keys(&mut app, "a99");
        let app = hang_up_and_restore(app, 1);
        let Some(Screen::Allocation(a)) = app.screens.last() else {
            panic!("allocation restored")
        };
        assert_eq!(a.input.value(), "99");
    }
}
