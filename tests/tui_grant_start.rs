//! Where a new grant starts, chosen in the grant form (`g n`, then the
//! last field, "Start from"): the six VINR areas, another grant's areas,
//! or another grant as a whole ("like last year's"). Driven by keys on
//! the demo data; each test checks what was copied, and what was not.

mod support;

use medel::domain::Lang;
use medel::domain::model::DEFAULT_FOCUS_AREAS;
use medel::domain::money::Money;
use medel::store::{GrantDraft, Store};
use ratatui::crossterm::event::KeyCode;
use support::db::current_grant;
use support::ui::Ui;
use support::{kr, today};

/// `g n`, then the focus on "Start from", after the eight fields typed in.
fn on_start(ui: &mut Ui) {
    ui.keys("gn");
    for _ in 0..8 {
        ui.press(KeyCode::Tab);
    }
}

fn area_names(db: &Store, g: i64) -> Vec<(String, String)> {
    let list = db.focus_areas(g).unwrap();
    list.into_iter().map(|a| (a.name_sv, a.name_en)).collect()
}

/// (recipient, allocated) of a grant, by recipient.
fn allocations(db: &Store, g: i64) -> Vec<(i64, Money)> {
    let (_, status) = db.grant_status(g, today()).unwrap();
    let mut list: Vec<_> = status
        .recipients
        .iter()
        .filter(|r| !r.allocated.is_zero())
        .map(|r| (r.recipient_id, r.allocated))
        .collect();
    list.sort();
    list
}

/// A second grant with three areas of its own and no allocations.
fn add_mental_health_grant(ui: &Ui) -> i64 {
    let mut db = ui.db();
    let draft = GrantDraft::for_year("Psykisk hälsa 2016", "SKR", 2016).unwrap();
    let areas = [
        ("Barn och unga", "Children and young people"),
        ("Äldre", "Older people"),
        ("Suicidprevention", "Suicide prevention"),
    ];
    let areas: Vec<_> = areas
        .iter()
        .map(|(s, e)| (s.to_string(), e.to_string()))
        .collect();
    db.create_grant_with_areas(&draft, &areas).unwrap()
}

#[test]
fn the_start_is_the_six_vinr_areas_until_changed() {
    let mut ui = Ui::demo(Lang::En);
    on_start(&mut ui);
    assert!(
        ui.screen()
            .contains("Start from         ◂ The six VINR focus areas ▸"),
        "{}",
        ui.screen()
    );
    // A letter on the choice lands nowhere.
    ui.keys("x");
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab);
    ui.keys("Ny mall");
    ui.ctrl('s');
    assert_eq!(
        ui.message(),
        "Grant created and chosen: Ny mall, with 6 focus areas"
    );
    let db = ui.db();
    let g = current_grant(&db);
    assert_eq!(db.grant(g).unwrap().title, "Ny mall");
    let expected: Vec<_> = DEFAULT_FOCUS_AREAS
        .iter()
        .map(|(s, e)| (s.to_string(), e.to_string()))
        .collect();
    assert_eq!(area_names(&db, g), expected);
}

#[test]
fn the_areas_of_another_grant_are_copied_and_nothing_else() {
    let mut ui = Ui::demo(Lang::Sv);
    let source = add_mental_health_grant(&ui);
    on_start(&mut ui);
    // VINR, then the newest grant (the demo, 2017) whole and by its areas,
    // then the 2016 grant whole and by its areas.
    for _ in 0..4 {
        ui.press(KeyCode::Right);
    }
    let screen = ui.screen();
    assert!(
        screen.contains("◂ Fokusområdena i Psykisk hälsa 2016 ▸"),
        "{screen}"
    );
    assert!(
        screen.contains("3 fokusområden; ändra dem sedan med Ctrl-O"),
        "{screen}"
    );
    for _ in 0..8 {
        ui.press(KeyCode::BackTab);
    }
    ui.keys("Psykisk hälsa 2018");
    ui.ctrl('s');
    assert!(
        ui.message().contains("med 3 fokusområden"),
        "{}",
        ui.message()
    );
    let db = ui.db();
    let g = current_grant(&db);
    assert_ne!(g, source);
    assert_eq!(area_names(&db, g), area_names(&db, source));
    let new = db.grant(g).unwrap();
    assert_eq!(
        new.giver, "Socialstyrelsen",
        "the giver as typed, not the source's"
    );
    assert!(allocations(&db, g).is_empty());
}

#[test]
fn like_last_years_copies_what_it_says_and_nothing_else() {
    let mut ui = Ui::demo(Lang::En);
    let demo = current_grant(&ui.db());
    // The demo has references, receipts, spending and a report: none of
    // them may come along.
    let mut db = ui.db();
    let mut refs = db.grant_draft(demo).unwrap();
    refs.giver_reference = "3.6-12345/2016".into();
    refs.own_reference = "SOF 2017/0042".into();
    db.update_grant(demo, &refs).unwrap();
    on_start(&mut ui);
    ui.press(KeyCode::Right);
    let screen = ui.screen();
    assert!(
        screen.contains("◂ Like Utvecklingsmedel VINR 2017 ▸"),
        "{screen}"
    );
    assert!(
        screen.contains("Copies 6 focus areas, the recipients"),
        "{screen}"
    );
    // The fields are last year's moved on, ready to be changed.
    assert!(screen.contains("Utvecklingsmedel VINR 2018"), "{screen}");
    assert!(screen.contains("2019-03-31"), "{screen}");
    ui.ctrl('s');
    let said = ui.message();
    assert!(
        said.starts_with("Utvecklingsmedel VINR 2018 (2018) made like last year's: giver, dates one year on, 6 focus areas"),
        "{said}"
    );
    assert!(
        said.contains("receipts, spending and reports were not copied"),
        "{said}"
    );
    let db = ui.db();
    let g = current_grant(&db);
    assert_ne!(g, demo);
    let new = db.grant_draft(g).unwrap();
    assert_eq!(new.title, "Utvecklingsmedel VINR 2018");
    assert_eq!(new.giver, "Socialstyrelsen");
    assert_eq!(new.year, 2018);
    assert_eq!(
        (
            new.use_from.to_string(),
            new.use_until.to_string(),
            new.report_due.to_string()
        ),
        (
            "2018-01-01".into(),
            "2018-12-31".into(),
            "2019-03-31".into()
        )
    );
    assert_eq!(
        (new.giver_reference.as_str(), new.own_reference.as_str()),
        ("", "")
    );
    assert_eq!(area_names(&db, g), area_names(&db, demo));
    let copied = allocations(&db, g);
    assert!(!copied.is_empty());
    assert_eq!(copied, allocations(&db, demo));
    let allocated: Money = copied.iter().map(|(_, m)| *m).sum();
    assert!(
        said.contains(&format!(
            "{} recipients with {}",
            copied.len(),
            allocated.format_with_unit(Lang::En)
        )),
        "{said}"
    );
    let (_, status) = db.grant_status(g, today()).unwrap();
    assert_eq!(status.received, kr(0));
    assert_eq!(status.used, kr(0));
    assert!(status.recipients.iter().all(|r| !r.reported));
    assert!(db.receipts(g).unwrap().is_empty());
    assert!(db.repayments(g).unwrap().is_empty());
    assert!(db.reallocations(g).unwrap().is_empty());
}

#[test]
fn a_title_typed_before_choosing_like_is_kept() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("gn");
    ui.keys("VINR 2018, andra omgången");
    for _ in 0..8 {
        ui.press(KeyCode::Tab);
    }
    ui.press(KeyCode::Right);
    ui.ctrl('s');
    let db = ui.db();
    let g = current_grant(&db);
    assert_eq!(db.grant(g).unwrap().title, "VINR 2018, andra omgången");
    assert_eq!(db.grant(g).unwrap().year, 2018);
    assert!(!allocations(&db, g).is_empty());
}

fn like_snap(lang: Lang) -> String {
    let mut ui = Ui::demo(lang);
    on_start(&mut ui);
    ui.press(KeyCode::Right);
    ui.screen()
}

#[test]
fn grant_form_like_sv_80x24() {
    insta::assert_snapshot!(like_snap(Lang::Sv));
}

#[test]
fn grant_form_like_en_80x24() {
    insta::assert_snapshot!(like_snap(Lang::En));
}

/// What "like" fills in is a suggestion: typing in the title replaces it
/// rather than adding to last year's title.
#[test]
fn a_title_filled_in_by_like_is_replaced_by_what_is_typed() {
    let mut ui = Ui::demo(Lang::Sv);
    on_start(&mut ui);
    ui.press(KeyCode::Right);
    for _ in 0..8 {
        ui.press(KeyCode::BackTab);
    }
    ui.keys("VINR 2018");
    ui.ctrl('s');
    let db = ui.db();
    let g = current_grant(&db);
    assert_eq!(db.grant(g).unwrap().title, "VINR 2018");
    assert_eq!(db.grant(g).unwrap().giver, "Socialstyrelsen");
}
