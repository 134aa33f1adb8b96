//! History (H), undo (u) and a refused save that loads the other value.

mod support;

use medel::domain::Lang;
use medel::domain::money::Money;
use medel::store::{GrantDraft, Store};
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, audit_len, current_grant, recipient_id, used};
use support::ui::Ui;
use support::{kr, today};

/// Bertil, in a session of his own, saves SEK 40 in Bromma's area 1.
fn bertil_saves_40(ui: &Ui) -> Store {
    let mut bertil = ui.db_as("bertil");
    let g = current_grant(&bertil);
    let r = recipient_id(&bertil, "Bromma");
    let loaded = bertil.entry(g, r).unwrap();
    let mut theirs = loaded.clone();
    theirs.spending[0].amount = kr(40);
    bertil.save_entry(g, r, &loaded, &theirs, false).unwrap();
    bertil
}

const NOTHING_TO_UNDO: &str = "Nothing to undo";

#[test]
fn history_lists_the_recipients_changes_newest_first() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("250");
    ui.ctrl('s');
    ui.keys("H");
    let db = ui.db();
    let bromma = recipient_id(&db, "Bromma");
    let theirs = db.audit_log(None, Some(bromma), 100_000).unwrap().len();
    assert!(theirs < audit_len(&db), "the log holds others' changes too");
    let screen = ui.screen();
    assert!(
        screen.contains(&format!("┌ History · Bromma ({theirs}) ")),
        "only Bromma's changes:\n{screen}"
    );
    let rows: Vec<&str> = screen
        .lines()
        .skip(3)
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.trim_matches('│').trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), theirs, "{screen}");
    assert!(
        rows[0].ends_with(" Focus area 1: amount       SEK 0 → SEK 250"),
        "newest first: {}",
        rows[0]
    );
    assert!(rows.iter().any(|r| r.contains(" Allocation ")), "{screen}");
    ui.keys("j");
    ui.press(KeyCode::End);
    assert_eq!(ui.selected_row(), *rows.last().unwrap());
    ui.press(KeyCode::Esc);
    assert!(
        ui.screen().contains("┌ Recipients (15) "),
        "{}",
        ui.screen()
    );
}

#[test]
fn undo_takes_back_the_last_change_and_is_itself_logged() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("u");
    assert!(ui.message().contains(NOTHING_TO_UNDO), "{}", ui.message());
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("250");
    ui.ctrl('s');
    ui.keys("a1");
    ui.press(KeyCode::Enter);
    let before = audit_len(&ui.db());
    ui.keys("u"); // the allocation
    let db = ui.db();
    let g = current_grant(&db);
    let bromma = recipient_id(&db, "Bromma");
    assert_eq!(db.allocation(g, bromma).unwrap(), Some(kr(180_000)));
    ui.keys("u"); // the spending
    assert_eq!(used(&ui.db(), "Bromma"), Money::ZERO);
    assert!(
        ui.screen().contains("│To return      577,468│"),
        "{}",
        ui.screen()
    );
    let log = db.audit_log(None, None, 100_000).unwrap();
    assert_eq!(log.len(), before + 2, "each undo is a logged change");
    assert_eq!(
        (log[0].what.as_str(), log[0].new.as_str()),
        ("undo:spending.1.amount", "0.00")
    );
    // The log calls an undo an undo, in either language.
    assert_eq!(
        medel::i18n::changes::describe(&log[0].what, Lang::Sv),
        "Ångrat: Fokusområde 1: belopp"
    );
    assert_eq!(
        medel::i18n::changes::describe(&log[1].what, Lang::En),
        "Undone: Allocation"
    );
    ui.keys("u");
    assert!(ui.message().contains(NOTHING_TO_UNDO), "{}", ui.message());
}

#[test]
fn a_refused_save_can_load_their_value_and_keep_my_other_edits() {
    let mut ui = Ui::demo(Lang::En);
    ui.resize(120, 40);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("100"); // area 1
    ui.press(KeyCode::Enter);
    ui.keys("7"); // area 2
    // Bertil saves area 1 meanwhile.
    let bertil = bertil_saves_40(&ui);
    ui.ctrl('s');
    let q = ui.boxed("Question");
    assert!(
        q.starts_with("Focus area 1: amount: someone else changed it to SEK 40 (bertil, "),
        "asked: overwrite or load: {q}"
    );
    assert!(q.contains("yours is SEK 100."), "{q}");
    ui.keys("n"); // load theirs
    assert!(
        ui.screen().contains("┌ Spending report · Bromma "),
        "still in the form:\n{}",
        ui.screen()
    );
    assert_eq!(
        ui.row("1 Coordinated support for victims"),
        "40",
        "their value"
    );
    assert_eq!(
        ui.row("2 Regulations, knowledge and methods"),
        "7",
        "my other edit stays"
    );
    ui.ctrl('s');
    assert!(!ui.screen().contains("Spending report"), "{}", ui.screen());
    let g = current_grant(&bertil);
    let stored = bertil.entry(g, recipient_id(&bertil, "Bromma")).unwrap();
    assert_eq!(stored.spending[0].amount, kr(40));
    assert_eq!(stored.spending[1].amount, kr(7));
}

#[test]
fn overwriting_deliberately_wins() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter);
    ui.keys("100");
    let bertil = bertil_saves_40(&ui);
    ui.ctrl('s');
    ui.keys("y");
    assert!(!ui.screen().contains("Spending report"), "{}", ui.screen());
    let g = current_grant(&bertil);
    let entry = bertil.entry(g, recipient_id(&bertil, "Bromma")).unwrap();
    assert_eq!(entry.spending[0].amount, kr(100));
}

#[test]
fn undo_never_skips_over_a_later_change_it_cannot_undo() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("250");
    ui.ctrl('s');
    // A later change undo does not cover: a receipt deleted in the grants view.
    let receipts = |ui: &Ui| ui.db().receipts(current_grant(&ui.db())).unwrap().len();
    assert_eq!(receipts(&ui), 2);
    ui.keys("gi");
    ui.press(KeyCode::Down);
    ui.press(KeyCode::Delete);
    ui.keys("y\x1b\x1b");
    assert_eq!(receipts(&ui), 1);
    ui.keys("u");
    assert!(ui.message().contains(NOTHING_TO_UNDO), "{}", ui.message());
    assert_eq!(used(&ui.db(), "Bromma"), kr(250), "the older change stays");
}

/// Switches to the grant whose row in the grants view starts with `title`.
fn switch_to(ui: &mut Ui, title: &str) {
    ui.keys("g");
    ui.press(KeyCode::Home);
    for _ in 0..10 {
        if ui.selected_row().contains(title) {
            break;
        }
        ui.press(KeyCode::Down);
    }
    ui.press(KeyCode::Enter);
    assert!(
        ui.screen().starts_with(&format!(" medel · {title} · ")),
        "{}",
        ui.screen()
    );
}

#[test]
fn undo_shows_the_grant_it_happens_in() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("a1"); // Bromma's allocation
    ui.press(KeyCode::Enter);
    // Creating a grant is a change too, so undo now refuses...
    ui.keys("gnAnnat");
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    ui.keys("2026");
    ui.ctrl('s');
    ui.press(KeyCode::Esc);
    ui.keys("u");
    assert!(ui.message().contains(NOTHING_TO_UNDO), "{}", ui.message());
    assert!(
        ui.screen().starts_with(" medel · Annat · "),
        "{}",
        ui.screen()
    );
    // ...while an undo right after the change, seen from another grant,
    // switches to the grant it changes.
    switch_to(&mut ui, "Utvecklingsmedel VINR 2017");
    ui.keys("a2");
    ui.press(KeyCode::Enter);
    switch_to(&mut ui, "Annat");
    ui.keys("u");
    assert!(
        ui.screen()
            .starts_with(" medel · Utvecklingsmedel VINR 2017 · "),
        "{}",
        ui.screen()
    );
    assert!(
        ui.message().contains("Utvecklingsmedel VINR 2017"),
        "{}",
        ui.message()
    );
}

#[test]
fn report_preview_scrolls_and_writes_a_file() {
    let mut ui = Ui::demo(Lang::En);
    let dir = tempfile::tempdir().unwrap();
    ui.set_report_dir(dir.path());
    ui.keys("r");
    // Tall enough for the whole report.
    let text = ui.screen_at(80, 400);
    assert!(text.contains("┌ Report (preview) "), "{text}");
    for figure in ["2,945,873", "2,368,405", "577,468"] {
        assert!(text.contains(figure), "{figure} missing");
    }
    let top = ui.screen().lines().nth(2).unwrap().to_string();
    ui.press(KeyCode::PageDown);
    assert_ne!(ui.screen().lines().nth(2).unwrap(), top, "scrolled");
    // `w` offers Word under the grant's name; Tab goes on to Markdown.
    ui.keys("w");
    assert!(
        ui.screen()
            .contains("Report Utvecklingsmedel VINR 2017.docx"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Tab);
    assert!(
        ui.screen().contains("Report Utvecklingsmedel VINR 2017.md"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Enter);
    assert!(ui.message().contains("written to"), "{}", ui.message());
    // The same name again is refused, and the dialog stays for another.
    ui.keys("w");
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Enter);
    assert!(
        ui.message().contains("not written over"),
        "{}",
        ui.message()
    );
    for _ in 0..".md".len() {
        ui.press(KeyCode::Backspace);
    }
    ui.keys(" b.md");
    ui.press(KeyCode::Enter);
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "Report Utvecklingsmedel VINR 2017 b.md",
            "Report Utvecklingsmedel VINR 2017.md"
        ]
    );
    let written = std::fs::read_to_string(dir.path().join(&files[1])).unwrap();
    assert!(written.contains("577,468"));
    ui.press(KeyCode::Esc);
    assert!(
        ui.screen().contains("┌ Recipients (15) "),
        "{}",
        ui.screen()
    );
}

/// `w` and Enter write the Word document the committee takes, in the
/// folder medel started in, under the name offered.
#[test]
fn report_preview_writes_word_by_default() {
    let mut ui = Ui::demo(Lang::Sv);
    let dir = tempfile::tempdir().unwrap();
    ui.set_report_dir(dir.path());
    ui.keys("r");
    ui.keys("w");
    ui.press(KeyCode::Enter);
    let path = dir
        .path()
        .join("Redovisning Utvecklingsmedel VINR 2017.docx");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}: {}", ui.message()));
    assert_eq!(&bytes[..2], b"PK", "a zip file");
    assert!(
        ui.message().contains("Rapporten skrevs till"),
        "{}",
        ui.message()
    );
    // Esc in the dialog closes only the dialog.
    ui.keys("w");
    ui.press(KeyCode::Esc);
    assert!(
        ui.screen().contains("Rapport (förhandsvisning)"),
        "{}",
        ui.screen()
    );
    assert!(!ui.screen().contains("Filnamn"), "{}", ui.screen());
}

#[test]
fn history_names_the_grant_when_changes_span_several() {
    let db = Db::demo();
    let mut store = db.open();
    let draft = GrantDraft::for_year("Nytt", "G", 2026).unwrap();
    let other = store.create_grant(&draft).unwrap();
    let bromma = recipient_id(&store, "Bromma");
    store.set_allocation(other, bromma, kr(5), None).unwrap();
    drop(store);
    let mut ui = Ui::on(db, Lang::En, today(), Some(other));
    ui.keys("H");
    let text = ui.screen_at(120, 30);
    assert!(text.contains("2026 Nytt · Allocation"), "{text}");
    assert!(text.contains("2017 Utvecklingsmedel"), "{text}");
}
