//! The recipient × focus area matrix driven by keys on the demo data: its
//! totals against the status and the database, scrolling both ways, and
//! Enter opening the spending form. Its snapshots are in tui_recipients.

mod tui_support;

use medel::domain::Lang;
use medel::domain::money::Money;
use medel::store::Store;
use medel::tui::App;
use medel::tui::app::Screen;
use medel::tui::screens::MatrixState;
use ratatui::crossterm::event::KeyCode;
use tui_support::{app_on, ctrl, demo_app, demo_store, keys, press, screen};

fn matrix(app: &App) -> &MatrixState {
    match app.screens.last() {
        Some(Screen::Matrix(m)) => m,
        _ => panic!("the matrix is not on top"),
    }
}

#[test]
fn totals_equal_the_status_and_the_spending_in_the_database() {
    let mut app = demo_app(Lang::Sv);
    press(&mut app, KeyCode::Char('t'));
    let d = app.ctx.grant.as_ref().unwrap();
    let m = matrix(&app);
    assert_eq!(m.total, Money::from_kronor(2_368_405));
    assert_eq!(m.total, d.status.used);
    // Rows: the main table's recipients, Swedish order, their used sums.
    let names: Vec<&str> = m.rows.iter().map(|r| r.name.as_str()).collect();
    let status_names: Vec<&str> = d
        .status
        .recipients
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, status_names);
    assert_eq!(names.last(), Some(&"Östermalm"));
    for (row, line) in m.rows.iter().zip(&d.status.recipients) {
        assert_eq!(row.total, line.used, "{}", row.name);
    }
    // Columns: read back per recipient through the form's own query.
    let mut per_area = vec![Money::ZERO; d.focus_areas.len()];
    for line in &d.status.recipients {
        let entry = app.ctx.store.entry(d.grant.id, line.recipient_id).unwrap();
        for (sum, s) in per_area.iter_mut().zip(&entry.spending) {
            *sum += s.amount;
        }
    }
    assert_eq!(m.column_totals, per_area);
    assert_eq!(m.column_totals.iter().copied().sum::<Money>(), m.total);
}

#[test]
fn the_screen_shows_the_grand_total_and_every_amount_whole() {
    let mut app = demo_app(Lang::En);
    press(&mut app, KeyCode::Char('t'));
    let text = screen(&app, 80, 24);
    let totals = text.lines().find(|l| l.contains("│Total")).unwrap();
    assert!(totals.contains("2,368,405"), "{totals}");
    assert!(!text.contains("…│"), "an amount was cut:\n{text}");
}

#[test]
fn rows_scroll_with_the_selection() {
    let mut app = demo_app(Lang::Sv);
    press(&mut app, KeyCode::Char('t'));
    let text = screen(&app, 80, 24);
    assert!(text.contains("rader 1–14 av 15"), "{text}");
    assert_eq!(matrix(&app).cursor.offset.get(), 0);
    press(&mut app, KeyCode::Char('G'));
    let text = screen(&app, 80, 24);
    assert_eq!(matrix(&app).cursor.selected, 14);
    assert_eq!(matrix(&app).cursor.offset.get(), 1);
    assert!(text.contains("│Östermalm"), "{text}");
    assert!(!text.contains("│Bromma"), "{text}");
    assert!(text.contains("rader 2–15 av 15"));
    keys(&mut app, "kkkkkkkkkkkkkk");
    screen(&app, 80, 24);
    assert_eq!(matrix(&app).cursor.selected, 0);
    assert_eq!(matrix(&app).cursor.offset.get(), 0);
    // With room for every row there is nothing to scroll.
    let tall = screen(&app, 120, 40);
    assert!(!tall.contains("rader"), "{tall}");
}

/// The demo with amounts so large that the columns cannot all fit.
fn wide_store() -> Store {
    let mut store = demo_store();
    let grant = store.current_grant().unwrap().unwrap().id;
    let id = store.recipient_by_name("Bromma").unwrap().unwrap().id;
    let loaded = store.entry(grant, id).unwrap();
    let mut edited = loaded.clone();
    for s in &mut edited.spending {
        s.amount = Money::from_kronor(1_234_567_890);
    }
    store
        .save_entry(grant, id, &loaded, &edited, false)
        .unwrap();
    store
}

#[test]
fn columns_scroll_sideways_instead_of_cutting_amounts() {
    let mut app = app_on(wide_store(), Lang::Sv);
    press(&mut app, KeyCode::Char('t'));
    let text = screen(&app, 80, 24);
    assert!(text.contains("1 234 567 890"), "{text}");
    assert!(text.contains("kolumner 1–4 av 7 →"), "{text}");
    let header = |t: &str| t.lines().nth(2).unwrap().to_string();
    assert!(header(&text).contains(" 1 "), "{text}");
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(matrix(&app).col_offset, 1);
    let text = screen(&app, 80, 24);
    assert!(!header(&text).contains(" 1 "), "{text}");
    assert!(text.contains("← kolumner 2–5 av 7 →"), "{text}");
    // It stops where the last column, the row total, is in view.
    for _ in 0..10 {
        press(&mut app, KeyCode::Right);
    }
    assert_eq!(matrix(&app).col_offset, 3);
    let text = screen(&app, 80, 24);
    assert!(
        header(&text)
            .trim_end_matches('│')
            .trim_end()
            .ends_with("Summa"),
        "{text}"
    );
    assert!(text.contains("7 407 407 340"), "{text}");
    keys(&mut app, "hhh");
    assert_eq!(matrix(&app).col_offset, 0);
    // Wide enough, everything shows whatever the scroll.
    press(&mut app, KeyCode::Right);
    let wide = screen(&app, 160, 40);
    assert!(!wide.contains("kolumner"), "{wide}");
}

#[test]
fn enter_opens_the_spending_form_and_saving_updates_the_totals() {
    let mut app = demo_app(Lang::Sv);
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    match app.screens.last() {
        Some(Screen::Form(f)) => assert_eq!(f.recipient_name, "Bromma"),
        _ => panic!("no spending form"),
    }
    // Bromma, focus area 1: 10 000 kr.
    keys(&mut app, "10000");
    ctrl(&mut app, 's');
    let m = matrix(&app);
    assert_eq!(m.rows[0].cells[0], Money::from_kronor(10_000));
    assert_eq!(m.total, Money::from_kronor(2_378_405));
    assert_eq!(m.total, app.ctx.grant.as_ref().unwrap().status.used);
    // Ctrl-N from a form opened here goes on down the matrix.
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'n');
    match app.screens.last() {
        Some(Screen::Form(f)) => assert_eq!(f.recipient_name, "Enheten för hemlösa"),
        _ => panic!("no next spending form"),
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(matrix(&app).cursor.selected, 1);
    press(&mut app, KeyCode::Esc);
    assert!(app.screens.is_empty());
}
