//! History (H), undo (u) and a refused save that loads the other value.

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::domain::money::Money;
use medel::store::Store;
use medel::tui::App;
use medel::tui::app::Screen;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(app: &mut App, text: &str) {
    text.chars().for_each(|c| key(app, KeyCode::Char(c)));
}

fn save(app: &mut App) {
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 3, 1).unwrap()
}

fn demo_app() -> App {
    let mut store = Store::open_in_memory().unwrap();
    store.set_who("anna");
    medel::demo::write(&mut store).unwrap();
    App::new(store, Lang::En, today(), None).unwrap()
}

fn used(app: &App, name: &str) -> Money {
    let g = app.ctx.grant.as_ref().unwrap().grant.id;
    let r = app.ctx.store.recipient_by_name(name).unwrap().unwrap().id;
    app.ctx.store.entry(g, r).unwrap().used()
}

#[test]
fn history_lists_the_recipients_changes_newest_first() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Enter); // Bromma
    typed(&mut app, "250");
    save(&mut app);
    key(&mut app, KeyCode::Char('H'));
    let Some(Screen::History(h)) = app.screens.last() else {
        panic!("history open")
    };
    assert_eq!(h.name, "Bromma");
    assert_eq!(h.entries[0].what, "spending.1.amount");
    assert_eq!(
        (h.entries[0].old.as_str(), h.entries[0].new.as_str()),
        ("0.00", "250.00")
    );
    assert!(h.entries.iter().any(|e| e.what == "allocation"));
    assert!(
        h.entries
            .iter()
            .all(|e| e.recipient_id == Some(h.recipient_id))
    );
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::End);
    let Some(Screen::History(h)) = app.screens.last() else {
        panic!("history open")
    };
    assert_eq!(h.cursor.selected, h.entries.len() - 1);
    key(&mut app, KeyCode::Esc);
    assert!(app.screens.is_empty());
}

#[test]
fn undo_takes_back_the_last_change_and_is_itself_logged() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('u'));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to undo")
    );
    key(&mut app, KeyCode::Enter); // Bromma
    typed(&mut app, "250");
    save(&mut app);
    key(&mut app, KeyCode::Char('a'));
    typed(&mut app, "1");
    key(&mut app, KeyCode::Enter);
    let before = app.ctx.store.audit_log(None, None, 100_000).unwrap().len();
    key(&mut app, KeyCode::Char('u')); // the allocation
    let g = app.ctx.grant.as_ref().unwrap().grant.id;
    let bromma = app
        .ctx
        .store
        .recipient_by_name("Bromma")
        .unwrap()
        .unwrap()
        .id;
    assert_eq!(
        app.ctx.store.allocation(g, bromma).unwrap(),
        Some(Money::from_kronor(180_000))
    );
    key(&mut app, KeyCode::Char('u')); // the spending
    assert_eq!(used(&app, "Bromma"), Money::ZERO);
    assert_eq!(
        app.ctx.grant.as_ref().unwrap().status.to_return,
        Money::from_kronor(577_468)
    );
    let log = app.ctx.store.audit_log(None, None, 100_000).unwrap();
    assert_eq!(log.len(), before + 2, "each undo is a logged change");
    assert_eq!(
        (log[0].what.as_str(), log[0].new.as_str()),
        ("spending.1.amount", "0.00")
    );
    key(&mut app, KeyCode::Char('u'));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to undo")
    );
}

#[test]
fn a_refused_save_can_load_their_value_and_keep_my_other_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.sqlite");
    let mut store = Store::open(&path).unwrap();
    store.set_who("anna");
    medel::demo::write(&mut store).unwrap();
    let mut app = App::new(store, Lang::En, today(), None).unwrap();
    key(&mut app, KeyCode::Enter); // Bromma
    typed(&mut app, "100"); // area 1
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "7"); // area 2
    // Bertil saves area 1 meanwhile.
    let mut bertil = Store::open(&path).unwrap();
    bertil.set_who("bertil");
    let g = bertil.current_grant().unwrap().unwrap().id;
    let r = bertil.recipient_by_name("Bromma").unwrap().unwrap().id;
    let loaded = bertil.entry(g, r).unwrap();
    let mut theirs = loaded.clone();
    theirs.spending[0].amount = Money::from_kronor(40);
    bertil.save_entry(g, r, &loaded, &theirs, false).unwrap();

    save(&mut app);
    let Some(Screen::Question(q)) = app.screens.last() else {
        panic!("asked: overwrite or load")
    };
    assert!(
        q.text
            .starts_with("Focus area 1: amount: someone else changed it to SEK 40 (bertil, "),
        "{}",
        q.text
    );
    assert!(q.text.contains("yours is SEK 100."), "{}", q.text);
    key(&mut app, KeyCode::Char('n')); // load theirs
    let Some(Screen::Form(f)) = app.screens.last() else {
        panic!("still in the form")
    };
    assert_eq!(f.fields[0].input.value(), "40", "their value");
    assert_eq!(f.fields[2].input.value(), "7", "my other edit stays");
    save(&mut app);
    assert!(app.screens.is_empty());
    let stored = app.ctx.store.entry(g, r).unwrap();
    assert_eq!(stored.spending[0].amount, Money::from_kronor(40));
    assert_eq!(stored.spending[1].amount, Money::from_kronor(7));
}

#[test]
fn overwriting_deliberately_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.sqlite");
    let mut store = Store::open(&path).unwrap();
    medel::demo::write(&mut store).unwrap();
    let mut app = App::new(store, Lang::En, today(), None).unwrap();
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "100");
    let mut bertil = Store::open(&path).unwrap();
    let g = bertil.current_grant().unwrap().unwrap().id;
    let r = bertil.recipient_by_name("Bromma").unwrap().unwrap().id;
    let loaded = bertil.entry(g, r).unwrap();
    let mut theirs = loaded.clone();
    theirs.spending[0].amount = Money::from_kronor(40);
    bertil.save_entry(g, r, &loaded, &theirs, false).unwrap();
    save(&mut app);
    key(&mut app, KeyCode::Char('y'));
    assert!(app.screens.is_empty());
    assert_eq!(
        app.ctx.store.entry(g, r).unwrap().spending[0].amount,
        Money::from_kronor(100)
    );
}

#[test]
fn undo_never_skips_over_a_later_change_it_cannot_undo() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Enter); // Bromma
    typed(&mut app, "250");
    save(&mut app);
    // A later change undo does not cover: a receipt deleted in the grants view.
    let g = app.ctx.grant.as_ref().unwrap().grant.id;
    let receipt = app.ctx.store.receipts(g).unwrap()[1].id;
    app.ctx.store.delete_receipt(receipt).unwrap();
    key(&mut app, KeyCode::Char('u'));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to undo"),
        "{:?}",
        app.message
    );
    assert_eq!(
        used(&app, "Bromma"),
        Money::from_kronor(250),
        "the older change stays"
    );
}

#[test]
fn undo_shows_the_grant_it_happens_in() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('a')); // Bromma's allocation
    typed(&mut app, "1");
    key(&mut app, KeyCode::Enter);
    let demo = app.ctx.grant.as_ref().unwrap().grant.id;
    let draft = medel::store::GrantDraft::for_year("Annat", "G", 2026).unwrap();
    let other = app.ctx.store.create_grant(&draft).unwrap();
    // Creating a grant is a change too, so undo now refuses...
    app.load_grant(other).unwrap();
    key(&mut app, KeyCode::Char('u'));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to undo")
    );
    assert_eq!(app.ctx.grant.as_ref().unwrap().grant.id, other);
    // ...while an undo right after the change, seen from another grant,
    // switches to the grant it changes.
    app.load_grant(demo).unwrap();
    key(&mut app, KeyCode::Char('a'));
    typed(&mut app, "2");
    key(&mut app, KeyCode::Enter);
    app.load_grant(other).unwrap();
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.ctx.grant.as_ref().unwrap().grant.id, demo);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Utvecklingsmedel VINR 2017")
    );
}

#[test]
fn report_preview_scrolls_and_writes_a_file() {
    let mut app = demo_app();
    let dir = tempfile::tempdir().unwrap();
    app.ctx.report_dir = dir.path().to_path_buf();
    key(&mut app, KeyCode::Char('r'));
    let Some(Screen::Report(r)) = app.screens.last() else {
        panic!("report open")
    };
    let text = r.lines.join("\n");
    for figure in ["2,945,873", "2,368,405", "577,468"] {
        assert!(text.contains(figure), "{figure} missing");
    }
    key(&mut app, KeyCode::PageDown);
    let Some(Screen::Report(r)) = app.screens.last() else {
        panic!("report open")
    };
    assert!(r.scroll.selected > 0);
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Char('w'));
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "never over an existing file: {files:?}");
    let written = std::fs::read_to_string(dir.path().join(&files[0])).unwrap();
    assert!(written.contains("577,468"));
    assert!(app.message.as_ref().unwrap().text.contains("written to"));
    key(&mut app, KeyCode::Esc);
    assert!(app.screens.is_empty());
}

#[test]
fn history_names_the_grant_when_changes_span_several() {
    let mut app = demo_app();
    let draft = medel::store::GrantDraft::for_year("Nytt", "G", 2026).unwrap();
    let other = app.ctx.store.create_grant(&draft).unwrap();
    let bromma = app
        .ctx
        .store
        .recipient_by_name("Bromma")
        .unwrap()
        .unwrap()
        .id;
    app.ctx
        .store
        .set_allocation(other, bromma, Money::from_kronor(5), None)
        .unwrap();
    app.load_grant(other).unwrap();
    key(&mut app, KeyCode::Char('H'));
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
    term.draw(|f| medel::tui::draw(f, &app)).unwrap();
    let text: String = (0..30u16)
        .map(|y| {
            (0..120u16)
                .map(|x| term.backend().buffer()[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(text.contains("2026 Nytt · Allocation"), "{text}");
    assert!(text.contains("2017 Utvecklingsmedel"), "{text}");
}
