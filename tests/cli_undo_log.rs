//! `medel log` shows an edit of a receipt, its undo and its redo, each in
//! the reader's language with money as money.

mod support;

use medel::domain::Lang;
use ratatui::crossterm::event::KeyCode;
use support::cli::{Sandbox, s};
use support::ui::Ui;

#[test]
fn the_log_shows_an_edit_its_undo_and_its_redo() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("gi");
    ui.press(KeyCode::Home);
    ui.keys("e");
    ui.press(KeyCode::Down); // the amount
    ui.ctrl('u');
    ui.keys("1000");
    ui.ctrl('s');
    ui.keys("u");
    ui.ctrl('r');
    let db = ui.close();
    let sb = Sandbox::new();
    let out = sb.run_in("sv_SE.UTF-8", &["log", "--db", s(db.path())]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let newest = |n: usize| {
        lines
            .iter()
            .filter(|l| l.contains("Inbetalning: belopp"))
            .nth(n)
    };
    let expect = [
        "Gjort om: Inbetalning: belopp: 2 922 920 kr → 1 000 kr",
        "Ångrat: Inbetalning: belopp: 1 000 kr → 2 922 920 kr",
        "Inbetalning: belopp: 2 922 920 kr → 1 000 kr",
    ];
    for (n, wanted) in expect.iter().enumerate() {
        let line = newest(n).unwrap_or_else(|| panic!("no line {n} in\n{}", out.stdout));
        assert!(
            line.ends_with(wanted),
            "{line:?} should end with {wanted:?}"
        );
    }
}
