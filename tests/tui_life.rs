//! A grant's whole life in the app, by keys: money moved with `o`,
//! repaid and outstanding in the status pane.

mod support;

use medel::domain::Lang;
use medel::domain::money_back::RepaymentKind;
use medel::store::NewRepayment;
use ratatui::crossterm::event::KeyCode;
use support::db::{audit_len, current_grant, recipient_id};
use support::kr;
use support::ui::Ui;

#[test]
fn o_moves_money_within_the_unused_part_and_refuses_more() {
    let mut ui = Ui::demo(Lang::En);
    let before = audit_len(&ui.db());
    ui.keys("o"); // Bromma: 180 000 allocated, nothing used
    let screen = ui.screen();
    assert!(screen.contains("Move money from · Bromma"), "{screen}");
    assert!(screen.contains("Unused SEK 180,000"), "{screen}");
    assert!(
        ui.row("To").contains("Enheten för hemlösa"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Right); // to the next recipient
    assert!(
        ui.row("To").contains("Enskede-Årsta-Vantör"),
        "{}",
        ui.row("To")
    );
    ui.press(KeyCode::Down);
    ui.keys("180001");
    ui.ctrl('s');
    assert!(
        ui.screen().contains("Cannot move SEK 180,001"),
        "refused with the figures: {}",
        ui.screen()
    );
    assert!(
        ui.screen().contains("Move money from · Bromma"),
        "stays open"
    );
    assert_eq!(audit_len(&ui.db()), before, "nothing changed");

    ui.press(KeyCode::Down);
    ui.press(KeyCode::Up); // the amount again, fresh
    ui.keys("30000");
    ui.press(KeyCode::Tab); // date: today
    ui.press(KeyCode::Tab);
    ui.keys("SDN 2017/114");
    ui.ctrl('s');
    let screen = ui.screen();
    assert!(!screen.contains("Move money from"), "{screen}");
    assert!(
        ui.message()
            .contains("SEK 30,000 moved from Bromma to Enskede-Årsta-Vantör"),
        "{}",
        ui.message()
    );
    assert!(ui.row("Bromma").contains("150,000"), "{}", ui.row("Bromma"));
    let store = ui.db();
    assert_eq!(audit_len(&store), before + 1, "one change");
    let g = current_grant(&store);
    let moves = store.reallocations(g).unwrap();
    assert_eq!(moves.len(), 1);
    assert_eq!(moves[0].decision, "SDN 2017/114");
    assert_eq!(moves[0].to, recipient_id(&store, "Enskede-Årsta-Vantör"));
}

#[test]
fn the_status_pane_shows_repaid_and_outstanding_once_money_goes_back() {
    let mut ui = Ui::demo(Lang::Sv);
    assert!(!ui.screen().contains("Utestående"), "nothing repaid yet");
    let mut store = ui.db();
    let g = current_grant(&store);
    let r = NewRepayment {
        date: ui.today(),
        amount: kr(500_000),
        kind: RepaymentKind::Repayment,
        reference: String::new(),
        note: String::new(),
    };
    store.add_repayment(g, &r).unwrap();
    drop(store);
    ui.tick();
    let screen = ui.screen();
    assert!(screen.contains("Återbetalt"), "{screen}");
    assert!(screen.contains("Utestående"), "{screen}");
    assert!(screen.contains("77 468"), "{screen}");
}
