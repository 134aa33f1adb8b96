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

#[test]
fn a_repayment_is_recorded_in_the_receipts_view() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("gi"); // the grants view, the receipts of the grant
    assert!(ui.screen().contains("Receipts (2)"), "{}", ui.screen());
    ui.keys("p");
    let screen = ui.screen();
    assert!(
        screen.contains("New repayment · Utvecklingsmedel VINR 2017"),
        "{screen}"
    );
    assert!(screen.contains("Outstanding: SEK 577,468"), "{screen}");
    ui.press(KeyCode::Down); // the amount
    ui.keys("500000");
    ui.press(KeyCode::Down); // the kind
    ui.press(KeyCode::Right);
    assert!(ui.row("Kind").contains("clawback"), "{}", ui.row("Kind"));
    ui.press(KeyCode::Down);
    ui.keys("OCR 4471");
    ui.ctrl('s');
    assert!(
        ui.message().contains("Repayment of SEK 500,000 recorded"),
        "{}",
        ui.message()
    );
    // Money in and money back in one list, the total net of it.
    let screen = ui.screen();
    assert!(screen.contains("Receipts (3)"), "{screen}");
    assert!(screen.contains("clawback"), "{screen}");
    assert!(screen.contains("-500,000"), "{screen}");
    assert!(
        screen.contains("2,445,873"),
        "received less repaid: {screen}"
    );
    let store = ui.db();
    let g = current_grant(&store);
    let list = store.repayments(g).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, RepaymentKind::Clawback);
    assert_eq!(list[0].reference, "OCR 4471");
    assert_eq!(list[0].amount, kr(500_000));
    // A repayment line is not deleted.
    ui.keys("G");
    ui.keys("d");
    assert!(ui.error().contains("not deleted"), "{}", ui.message());
}

#[test]
fn marking_a_grant_reported_asks_for_the_repayment_owed() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("gc");
    ui.keys("y"); // reported
    let asked = ui
        .boxed("Question")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        asked.contains("SEK 577,468 is to be paid back. Record the repayment now?"),
        "{asked}"
    );
    ui.keys("y");
    assert!(
        ui.screen()
            .contains("New repayment · Utvecklingsmedel VINR 2017"),
        "{}",
        ui.screen()
    );
    ui.ctrl('s'); // the whole outstanding amount, today
    let store = ui.db();
    let (_, st) = store
        .grant_status(current_grant(&store), ui.today())
        .unwrap();
    assert_eq!((st.repaid, st.outstanding), (kr(577_468), kr(0)));
}

#[test]
fn chart_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("c");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn chart_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("c");
    let screen = ui.screen();
    // Most unused first; the marks say it without colour.
    let bromma = screen.lines().position(|l| l.contains("Bromma")).unwrap();
    let farsta = screen.lines().position(|l| l.contains("Farsta")).unwrap();
    assert!(bromma < farsta, "{screen}");
    assert!(ui.row("Bromma").contains('░') && !ui.row("Bromma").contains('█'));
    assert!(ui.row("Farsta").contains('█') && !ui.row("Farsta").contains('░'));
    assert!(screen.contains("█ used  ░ unused"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn next_years_grant_is_made_from_this_years_in_one_step() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("gL");
    assert!(
        ui.message()
            .contains("Utvecklingsmedel VINR 2018 (2018) made like last year's"),
        "{}",
        ui.message()
    );
    assert!(ui.screen().contains("Grants (2)"), "{}", ui.screen());
    let store = ui.db();
    let new = store
        .grants()
        .unwrap()
        .into_iter()
        .find(|g| g.year == 2018)
        .expect("the 2018 grant");
    assert_eq!(new.report_due.to_string(), "2019-03-31");
    assert_eq!(store.focus_areas(new.id).unwrap().len(), 6);
    assert_eq!(store.received(new.id).unwrap(), kr(0));
}

#[test]
fn an_untouched_move_or_repayment_closes_on_esc_without_a_question() {
    // In English the amount is offered as "180000", not "180,000": the
    // form must not mistake its own pre-filled amount for an edit.
    let mut ui = Ui::demo(Lang::En);
    ui.keys("o");
    assert!(ui.screen().contains("Move money from"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    let screen = ui.screen();
    assert!(!screen.contains("Move money from"), "closed: {screen}");
    assert!(!screen.contains("Question"), "nothing asked: {screen}");

    ui.keys("gi");
    ui.keys("p");
    assert!(ui.screen().contains("New repayment"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    let screen = ui.screen();
    assert!(!screen.contains("New repayment"), "closed: {screen}");
    assert!(!screen.contains("Question"), "nothing asked: {screen}");
    assert!(
        screen.contains("Receipts (2)"),
        "back in the receipts: {screen}"
    );
}
