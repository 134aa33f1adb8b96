//! Issue 14 item 17: a reported grant opens its forms read-only. The
//! spending form and the allocation are shown with "read-only" in the
//! title, keys that move work, and every key that would change something
//! says why not and changes nothing.

mod support;

use medel::domain::Lang;
use medel::domain::model::GrantState;
use medel::i18n::texts;
use ratatui::crossterm::event::KeyCode;
use support::db::{audit_len, current_grant};
use support::ui::Ui;

/// The demo with its grant marked reported, the repayment left for later.
fn closed(lang: Lang) -> Ui {
    let mut ui = Ui::demo(lang);
    let id = current_grant(&ui.db());
    ui.keys("gc");
    ui.keys(if lang == Lang::Sv { "j" } else { "y" });
    ui.keys("n");
    ui.press(KeyCode::Esc);
    assert_eq!(ui.db().grant(id).unwrap().state, GrantState::Reported);
    ui
}

#[test]
fn the_spending_form_of_a_reported_grant_can_be_read_not_changed() {
    let mut ui = closed(Lang::En);
    let (before, closed_words) = (audit_len(&ui.db()), texts(Lang::En).screen.closed_grant);
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    assert!(screen.contains("┌ Spending report · Bromma "), "{screen}");
    assert!(screen.contains(" · read-only "), "{screen}");
    ui.keys("5");
    assert_eq!(ui.error(), closed_words);
    assert_eq!(ui.row("1 Coordinated support for victims"), "", "not typed");
    // Moving works; changing from there is refused the same way.
    ui.press(KeyCode::BackTab); // the contact person
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab); // the reason, which has a text
    ui.press(KeyCode::Enter);
    assert_eq!(ui.error(), closed_words, "no new line");
    ui.paste("text");
    assert_eq!(ui.error(), closed_words, "no paste");
    ui.ctrl('t');
    assert_eq!(ui.error(), closed_words, "no reported date");
    ui.ctrl('s');
    assert_eq!(ui.error(), closed_words, "no save");
    ui.ctrl('u');
    assert_eq!(ui.error(), closed_words, "no clearing");
    assert!(
        ui.screen().contains("Reason for non-use  Inget utrymme"),
        "{}",
        ui.screen()
    );
    // Nothing to lose: Esc closes without asking.
    ui.press(KeyCode::Esc);
    assert!(!ui.screen().contains("Spending report"), "{}", ui.screen());
    assert_eq!(audit_len(&ui.db()), before, "nothing written");
}

#[test]
fn the_read_only_forms_in_swedish_at_80x24() {
    let mut ui = closed(Lang::Sv);
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!("closed_form_sv_80x24", ui.screen());
    ui.press(KeyCode::Esc);
    ui.keys("a");
    insta::assert_snapshot!("closed_allocation_sv_80x24", ui.screen());
    ui.keys("9");
    assert_eq!(ui.error(), texts(Lang::Sv).screen.closed_grant);
    ui.press(KeyCode::Enter);
    assert_eq!(ui.error(), texts(Lang::Sv).screen.closed_grant);
    assert!(ui.screen().contains(" · skrivskyddad "), "still open");
}

#[test]
fn the_read_only_forms_in_english_at_80x24_the_matrix_opens_them_and_history_shows() {
    let mut ui = closed(Lang::En);
    ui.keys("a");
    insta::assert_snapshot!("closed_allocation_en_80x24", ui.screen());
    ui.press(KeyCode::Esc);
    ui.keys("t");
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!("closed_form_en_80x24", ui.screen());
    // The history of a reported grant is there to read as well.
    ui.press(KeyCode::Esc);
    ui.press(KeyCode::Esc);
    ui.keys("H");
    assert!(ui.screen().contains("┌ History"), "{}", ui.screen());
    assert_eq!(ui.error(), "");
}
