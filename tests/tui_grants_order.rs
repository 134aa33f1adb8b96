//! The grants view in the order a coordinator works: open grants by their
//! next deadline, then the reported ones newest first; the figures of
//! `medel grants`, and the selected grant's references below. Driven by
//! keys; snapshots at 80×24 in both languages.

mod support;

use medel::domain::Lang;
use medel::domain::model::GrantState;
use medel::domain::money_back::References;
use medel::store::{GrantDraft, Which};
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, current_grant};
use support::ui::Ui;
use support::{d, today};

/// In the order the view must show them.
const ORDER: [&str; 6] = [
    "ANDT 2016",
    "Utvecklingsmedel VINR 2017",
    "Sommarlov 2018",
    "Psykisk hälsa 2018",
    "Läxhjälp 2016",
    "Läxhjälp 2015",
];

/// The demo (report due 2018-03-31) beside an open grant whose report is
/// overdue, two open 2018 grants whose use periods end on different days,
/// and two reported grants.
fn many_grants(lang: Lang) -> Ui {
    let db = Db::demo();
    let mut store = db.open();
    let demo = current_grant(&store);
    let add = |store: &mut medel::store::Store, title: &str, year: i32| {
        let draft = GrantDraft::for_year(title, "Socialstyrelsen", year).unwrap();
        store.create_grant(&draft).unwrap()
    };
    let psykisk = add(&mut store, "Psykisk hälsa 2018", 2018);
    let refs = References {
        giver_reference: "S2018/01234".into(),
        own_reference: "SN 2018/0042".into(),
    };
    store.set_references(psykisk, &refs).unwrap();
    let mut summer = GrantDraft::for_year("Sommarlov 2018", "Skolverket", 2018).unwrap();
    summer.use_until = d("2018-08-31");
    summer.report_due = d("2018-10-31");
    store.create_grant(&summer).unwrap();
    add(&mut store, "ANDT 2016", 2016);
    for year in [2015, 2016] {
        let id = add(&mut store, &format!("Läxhjälp {year}"), year);
        store.set_grant_state(id, GrantState::Reported).unwrap();
    }
    drop(store);
    Ui::on(db, lang, today(), Some(demo))
}

#[test]
fn open_grants_come_by_their_next_deadline_then_reported_ones_newest_first() {
    let mut ui = many_grants(Lang::Sv);
    ui.keys("g");
    ui.press(KeyCode::Home);
    let whole = ui.screen();
    // The list, below the header line that names the grant on screen.
    let screen = &whole[whole.find("┌ Bidrag (6)").unwrap()..];
    let at = |title: &str| {
        screen
            .find(title)
            .unwrap_or_else(|| panic!("{title}: {screen}"))
    };
    assert!(ORDER.windows(2).all(|w| at(w[0]) < at(w[1])), "{screen}");
    for (i, title) in ORDER.iter().enumerate() {
        let row = ui.selected_row();
        assert!(row.contains(title), "row {i} is {row:?}, not {title}");
        ui.press(KeyCode::Down);
    }
    // Enter on a grant switches to it: the order is the one the keys move in.
    ui.press(KeyCode::Home);
    ui.press(KeyCode::Enter);
    assert!(
        ui.screen().starts_with(" medel · ANDT 2016 · "),
        "{}",
        ui.screen()
    );
}

#[test]
fn the_view_shows_the_figures_of_medel_grants() {
    let mut ui = many_grants(Lang::Sv);
    ui.keys("g");
    let store = ui.db();
    let demo = store
        .grant_summaries(Which::All, today())
        .unwrap()
        .into_iter()
        .find(|s| s.line.grant.title == ORDER[1])
        .unwrap();
    let s = &demo.line.status;
    let kr = |m: medel::domain::money::Money| m.format(Lang::Sv);
    let expected = format!(
        "Utvecklingsmedel VINR 2017 2017 {} {} 2018-03-31 {} {}",
        kr(s.received),
        kr(s.outstanding),
        demo.line.warnings,
        demo.line.errors
    );
    assert_eq!(ui.row("●"), expected);
}

#[test]
fn the_details_give_both_references_of_the_selected_grant() {
    let mut ui = many_grants(Lang::En);
    ui.keys("g");
    ui.press(KeyCode::Home);
    for _ in 0..3 {
        ui.press(KeyCode::Down);
    }
    assert_eq!(
        ui.row("References"),
        "decision S2018/01234 · own SN 2018/0042"
    );
}

/// The list with "Psykisk hälsa 2018", which has references, selected.
fn with_references_selected(lang: Lang) -> String {
    let mut ui = many_grants(lang);
    ui.keys("g");
    ui.press(KeyCode::End);
    ui.press(KeyCode::Up);
    ui.press(KeyCode::Up);
    ui.screen()
}

#[test]
fn grants_in_order_sv_80x24() {
    insta::assert_snapshot!(with_references_selected(Lang::Sv));
}

#[test]
fn grants_in_order_en_80x24() {
    insta::assert_snapshot!(with_references_selected(Lang::En));
}
