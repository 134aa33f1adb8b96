//! The recipient × focus area matrix driven by keys on the demo data: its
//! totals against the status and the database, scrolling both ways, and
//! Enter opening the spending form. Its snapshots are in tui_recipients.

mod support;

use medel::domain::Lang;
use medel::domain::money::Money;
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, current_grant, recipient_id, status};
use support::ui::Ui;
use support::{kr, today};

/// The matrix on screen, row by row: the name, then one cell per column
/// (the focus areas and the row total) down to the totals, read by the columns' positions
/// under the header, which is right-aligned like the amounts.
fn matrix_rows(screen: &str) -> Vec<(String, Vec<String>)> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with(&['│', 'N', 'a', 'm', 'n']))
        .expect("the matrix header");
    // Where each column ends: the last character of each header label.
    let h = &lines[header];
    let ends: Vec<usize> = (1..h.len())
        .filter(|&x| h[x] != ' ' && h[x] != '│' && (x + 1 == h.len() || h[x + 1] == ' '))
        .skip(1) // the name column's label
        .collect();
    let name_end = ends[0] - 12;
    let mut rows: Vec<(String, Vec<String>)> = lines[header + 1..]
        .iter()
        .take_while(|l| l.first() == Some(&'│') && l.get(1) != Some(&' '))
        .map(|l| {
            let text = |from: usize, to: usize| -> String {
                l.get(from..=to.min(l.len() - 1))
                    .unwrap_or_default()
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string()
            };
            let name = text(1, name_end);
            let mut from = name_end + 1;
            let cells = ends
                .iter()
                .map(|&end| {
                    let cell = text(from, end);
                    from = end + 1;
                    cell
                })
                .collect();
            (name, cells)
        })
        .collect();
    // Below the totals comes the legend of the focus areas.
    let totals = rows
        .iter()
        .position(|r| r.0 == "Summa")
        .expect("the totals");
    rows.truncate(totals + 1);
    rows
}

fn sv(m: Money) -> String {
    m.format(Lang::Sv)
}

#[test]
fn totals_equal_the_status_and_the_spending_in_the_database() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("t");
    ui.resize(120, 40); // every row
    let rows = matrix_rows(&ui.screen());
    let (last, recipients) = rows.split_last().unwrap();
    assert_eq!(last.0, "Summa");
    let db = ui.db();
    let status = status(&db);
    let total = last.1.last().unwrap();
    assert_eq!(*total, sv(kr(2_368_405)));
    assert_eq!(*total, sv(status.used));
    // Rows: the main table's recipients, Swedish order, their used sums.
    let names: Vec<&str> = recipients.iter().map(|r| r.0.as_str()).collect();
    let status_names: Vec<&str> = status.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, status_names);
    assert_eq!(names.last(), Some(&"Östermalm"));
    for ((name, cells), line) in recipients.iter().zip(&status.recipients) {
        assert_eq!(*cells.last().unwrap(), sv(line.used), "{name}");
    }
    // Columns: read back per recipient through the form's own query.
    let g = current_grant(&db);
    let areas = db.focus_areas(g).unwrap().len();
    let mut per_area = vec![Money::ZERO; areas];
    for line in &status.recipients {
        let entry = db.entry(g, line.recipient_id).unwrap();
        for (sum, s) in per_area.iter_mut().zip(&entry.spending) {
            *sum += s.amount;
        }
    }
    let shown: Vec<String> = per_area.iter().map(|m| sv(*m)).collect();
    assert_eq!(last.1[..areas], shown[..]);
    assert_eq!(sv(per_area.iter().copied().sum::<Money>()), *total);
}

#[test]
fn the_screen_shows_the_grand_total_and_every_amount_whole() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("t");
    let text = ui.screen();
    let totals = text.lines().find(|l| l.contains("│Total")).unwrap();
    assert!(totals.contains("2,368,405"), "{totals}");
    assert!(!text.contains("…│"), "an amount was cut:\n{text}");
}

#[test]
fn rows_scroll_with_the_selection() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("t");
    let text = ui.screen();
    assert!(text.contains("rader 1–14 av 15"), "{text}");
    assert!(text.contains("│Bromma"), "{text}");
    ui.keys("G");
    let text = ui.screen();
    assert_eq!(ui.selected(), "Östermalm", "the 15th row");
    assert!(text.contains("│Östermalm"), "{text}");
    assert!(!text.contains("│Bromma"), "{text}");
    assert!(text.contains("rader 2–15 av 15"));
    ui.keys("kkkkkkkkkkkkkk");
    assert_eq!(ui.selected(), "Bromma", "the first row");
    assert!(ui.screen().contains("rader 1–14 av 15"), "{}", ui.screen());
    // With room for every row there is nothing to scroll.
    let tall = ui.screen_at(120, 40);
    assert!(!tall.contains("rader"), "{tall}");
}

/// The demo with amounts so large that the columns cannot all fit.
fn wide_db() -> Db {
    let db = Db::demo();
    let mut store = db.open();
    let grant = current_grant(&store);
    let id = recipient_id(&store, "Bromma");
    let loaded = store.entry(grant, id).unwrap();
    let mut edited = loaded.clone();
    for s in &mut edited.spending {
        s.amount = kr(1_234_567_890);
    }
    store
        .save_entry(grant, id, &loaded, &edited, false)
        .unwrap();
    db
}

#[test]
fn columns_scroll_sideways_instead_of_cutting_amounts() {
    let mut ui = Ui::on(wide_db(), Lang::Sv, today(), None);
    ui.keys("t");
    let text = ui.screen();
    assert!(text.contains("1 234 567 890"), "{text}");
    assert!(text.contains("kolumner 1–4 av 7 →"), "{text}");
    let header = |t: &str| t.lines().nth(2).unwrap().to_string();
    assert!(header(&text).contains(" 1 "), "{text}");
    ui.keys("l");
    let text = ui.screen();
    assert!(!header(&text).contains(" 1 "), "{text}");
    assert!(text.contains("← kolumner 2–5 av 7 →"), "{text}");
    // It stops where the last column, the row total, is in view.
    for _ in 0..10 {
        ui.press(KeyCode::Right);
    }
    let text = ui.screen();
    assert!(text.contains("← kolumner 4–7 av 7"), "{text}");
    assert!(
        header(&text)
            .trim_end_matches('│')
            .trim_end()
            .ends_with("Summa"),
        "{text}"
    );
    assert!(text.contains("7 407 407 340"), "{text}");
    ui.keys("hhh");
    let text = ui.screen();
    assert!(
        text.contains("kolumner 1–4 av 7 →") && !text.contains("← kolumner"),
        "{text}"
    );
    // Wide enough, everything shows whatever the scroll.
    ui.press(KeyCode::Right);
    let wide = ui.screen_at(160, 40);
    assert!(!wide.contains("kolumner"), "{wide}");
}

#[test]
fn enter_opens_the_spending_form_and_saving_updates_the_totals() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.resize(120, 40); // every column
    ui.keys("t");
    ui.press(KeyCode::Home);
    ui.press(KeyCode::Enter);
    assert!(
        ui.screen().contains("┌ Redovisning · Bromma "),
        "{}",
        ui.screen()
    );
    // Bromma, focus area 1: 10 000 kr.
    ui.keys("10000");
    ui.ctrl('s');
    let rows = matrix_rows(&ui.screen());
    assert_eq!(rows[0].0, "Bromma");
    assert_eq!(rows[0].1[0], "10 000");
    let total = rows
        .iter()
        .find(|r| r.0 == "Summa")
        .unwrap()
        .1
        .last()
        .unwrap()
        .clone();
    assert_eq!(total, "2 378 405");
    assert_eq!(total, sv(status(&ui.db()).used));
    // Ctrl-N from a form opened here goes on down the matrix.
    ui.press(KeyCode::Enter);
    ui.ctrl('n');
    assert!(
        ui.screen().contains("┌ Redovisning · Enheten för hemlösa "),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Esc);
    assert_eq!(ui.selected(), "Enheten för hemlösa", "the second row");
    ui.press(KeyCode::Esc);
    let screen = ui.screen();
    assert!(screen.contains("┌ Mottagare (15) "), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("│Använt ") && l.ends_with(" 2 378 405│")),
        "the main view's status agrees:\n{screen}"
    );
}
