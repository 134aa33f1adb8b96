//! The spending form's fields as a coordinator types into them: notes,
//! reasons and evaluations of several lines (issue 12), a refused value
//! replaced by what is typed next, a suggested value replaced, and the
//! reported date left empty until it is set (issue 14).

mod support;

use medel::domain::Lang;
use medel::domain::model::RecipientKind;
use medel::report::{ReportFormat, render};
use medel::store::Entry;
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, current_grant, recipient_id};
use support::ui::Ui;
use support::{kr, today};

/// Bromma's spending and report as stored.
fn bromma(ui: &Ui) -> Entry {
    let db = ui.db();
    let (g, r) = (current_grant(&db), recipient_id(&db, "Bromma"));
    db.entry(g, r).unwrap()
}

/// The first note of Bromma's spending as stored.
fn bromma_note(ui: &Ui) -> String {
    bromma(ui).spending[0].note.clone()
}

/// Bromma's form, on the note of the first focus area.
fn on_first_note(ui: &mut Ui) {
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Tab);
}

/// Bromma's first note typed as two lines, Enter between them.
fn two_lines_in_first_note(ui: &mut Ui, first: &str, second: &str) {
    on_first_note(ui);
    ui.keys(first);
    ui.press(KeyCode::Enter);
    ui.keys(second);
}

#[test]
fn a_note_typed_on_two_lines_is_saved_and_reopened_with_both() {
    let mut ui = Ui::demo(Lang::En);
    two_lines_in_first_note(&mut ui, "Kurs i MI", "Handledning");
    assert!(
        ui.screen().contains("Spending report"),
        "Enter kept the form open"
    );
    ui.ctrl('s');
    assert_eq!(bromma_note(&ui), "Kurs i MI\nHandledning");
    // Reopened: the focused note shows its two lines, one under the other.
    on_first_note(&mut ui);
    let screen = ui.screen();
    let first = screen.lines().position(|l| l.contains("Kurs i MI"));
    let second = screen.lines().position(|l| l.contains("Handledning"));
    assert_eq!(first.map(|i| i + 1), second, "{screen}");
    // Unfocused, it is one line with a mark where the line breaks.
    ui.press(KeyCode::BackTab);
    assert!(
        ui.screen().contains("Kurs i MI ¶ Handledning"),
        "{}",
        ui.screen()
    );
}

#[test]
fn the_arrows_move_in_the_text_and_leave_it_at_its_edges() {
    let mut ui = Ui::demo(Lang::En);
    two_lines_in_first_note(&mut ui, "ett", "två");
    ui.press(KeyCode::Up); // to the first line, still in the note
    ui.press(KeyCode::End);
    ui.keys("!");
    ui.press(KeyCode::Down); // to the second line
    ui.press(KeyCode::Down); // out of the note: down to the next area's
    ui.keys("tre");
    ui.ctrl('s');
    assert_eq!(bromma_note(&ui), "ett!\ntvå");
    let entry = bromma(&ui);
    assert_eq!(entry.spending[1].note, "tre");
}

#[test]
fn a_paste_keeps_its_line_breaks_in_a_note_and_the_report_its_paragraphs() {
    let mut ui = Ui::demo(Lang::Sv);
    on_first_note(&mut ui);
    ui.paste("Första stycket\r\nandra stycket");
    ui.press(KeyCode::BackTab);
    ui.keys("1000");
    ui.ctrl('s');
    assert_eq!(bromma_note(&ui), "Första stycket\nandra stycket");
    let db = ui.db();
    let data = db.report_data(current_grant(&db), today()).unwrap();
    let words = medel::i18n::report::words(Lang::Sv);
    let md = render(&data, words, ReportFormat::Markdown);
    assert!(
        md.contains("Bromma, 1 000 kronor: Första stycket.\n\n  Andra stycket."),
        "{md}"
    );
}

#[test]
fn a_draft_keeps_the_lines_of_a_note() {
    let mut ui = Ui::demo(Lang::En);
    two_lines_in_first_note(&mut ui, "rad ett", "rad två");
    assert_eq!(ui.save_drafts(), 1);
    let mut ui = ui.restart();
    ui.keys("y");
    ui.ctrl('s');
    assert_eq!(bromma_note(&ui), "rad ett\nrad två");
}

#[test]
fn the_reason_and_the_evaluation_take_several_lines_too() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::BackTab); // round to the contact person
    ui.press(KeyCode::BackTab); // up to the evaluation
    ui.keys("Bra");
    ui.press(KeyCode::Enter);
    ui.keys("Fortsätter");
    insta::assert_snapshot!("prose_evaluation_en_80x24", ui.screen());
    ui.ctrl('s');
    let entry = bromma(&ui);
    let report = entry.report.expect("Bromma has reported");
    assert_eq!(report.evaluation, "Bra\nFortsätter");
}

#[test]
fn a_note_grows_when_focused_in_both_languages() {
    for (lang, name) in [
        (Lang::Sv, "prose_note_sv_80x24"),
        (Lang::En, "prose_note_en_80x24"),
    ] {
        let mut ui = Ui::demo(lang);
        on_first_note(&mut ui);
        ui.keys("Utbildning i MI för nya handläggare, två tillfällen under hösten");
        ui.press(KeyCode::Enter);
        ui.keys("Handledning varannan vecka");
        insta::assert_snapshot!(name, ui.screen());
    }
}

/// Issue 14 item 3: `12,5,0` refused, then typing `12500` gives 12 500,
/// not `12,5,012500`.
#[test]
fn after_a_refused_save_typing_replaces_the_refused_text() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.press(KeyCode::Enter);
    ui.keys("12,5,0");
    ui.ctrl('s');
    assert_ne!(ui.error(), "", "refused");
    ui.keys("12500");
    ui.ctrl('s');
    let entry = bromma(&ui);
    assert_eq!(entry.spending[0].amount, kr(12_500));
}

/// The same in the allocation popup: a refused amount is replaced.
#[test]
fn after_a_refused_allocation_typing_replaces_the_refused_amount() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("a"); // Bromma
    ui.keys("12,5,0");
    ui.press(KeyCode::Enter);
    assert_ne!(ui.error(), "", "refused");
    assert!(ui.screen().contains("┌ Fördela · Bromma"), "still open");
    ui.keys("190000");
    ui.press(KeyCode::Enter);
    assert!(!ui.screen().contains("┌ Fördela"), "{}", ui.screen());
    let db = ui.db();
    let allocated = db
        .allocation(current_grant(&db), recipient_id(&db, "Bromma"))
        .unwrap();
    assert_eq!(allocated, Some(kr(190_000)));
}

/// Issue 14 item 5: the giver of a new grant is the last one's, selected.
#[test]
fn a_suggested_giver_is_replaced_by_what_is_typed() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("gn");
    ui.keys("Nytt bidrag");
    ui.press(KeyCode::Enter);
    ui.keys("SKR");
    ui.press(KeyCode::Enter);
    ui.keys("2019");
    ui.ctrl('s');
    let db = ui.db();
    let new = db.grant(current_grant(&db)).unwrap();
    assert_eq!(new.title, "Nytt bidrag");
    assert_eq!(new.giver, "SKR");
}

/// A recipient of the demo grant with an allocation and nothing else yet.
fn with_new_recipient() -> Db {
    let db = Db::demo();
    let mut store = db.open();
    let g = current_grant(&store);
    let r = store
        .add_recipient("Nytt kontor", "", RecipientKind::Other)
        .unwrap();
    store.set_allocation(g, r, kr(10_000), None).unwrap();
    drop(store);
    db
}

fn new_office_form(lang: Lang) -> Ui {
    let mut ui = Ui::on(with_new_recipient(), lang, today(), None);
    ui.keys("/nytt");
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    assert!(ui.screen().contains("Nytt kontor ·"), "{}", ui.screen());
    ui
}

/// Issue 14 item 6: mid-year figures are not a report; Ctrl-T is.
#[test]
fn the_reported_date_stays_empty_until_ctrl_t_sets_it_to_today() {
    let mut ui = new_office_form(Lang::En);
    assert_eq!(ui.row("Reported on"), "", "{}", ui.screen());
    ui.keys("2500");
    ui.ctrl('s');
    let db = ui.db();
    let (g, r) = (current_grant(&db), recipient_id(&db, "Nytt kontor"));
    let entry = db.entry(g, r).unwrap();
    assert_eq!(entry.spending[0].amount, kr(2500));
    assert_eq!(entry.report, None, "figures alone do not report");
    ui.press(KeyCode::Enter);
    ui.ctrl('t');
    assert_eq!(ui.row("Reported on"), today().to_string());
    ui.ctrl('s');
    let entry = ui.db().entry(g, r).unwrap();
    assert_eq!(entry.report.map(|r| r.reported_on), Some(today()));
}

#[test]
fn the_key_for_today_is_in_the_footer_and_the_help_in_both_languages() {
    let cases = [
        (Lang::Sv, "reported_empty_sv_80x24", "redovisad i dag"),
        (Lang::En, "reported_empty_en_80x24", "reported today"),
    ];
    for (lang, name, words) in cases {
        let mut ui = new_office_form(lang);
        insta::assert_snapshot!(name, ui.screen());
        ui.press(KeyCode::F(1));
        let help = ui.screen_at(120, 60);
        assert!(help.contains(&format!("Ctrl-T          {words}")), "{help}");
    }
}

/// A note of two lines stays on its row in the history, its line break
/// shown, never starting a line of the table.
#[test]
fn the_history_shows_a_note_of_two_lines_on_one_row() {
    let mut ui = Ui::demo(Lang::En);
    two_lines_in_first_note(&mut ui, "Kurs i MI", "Handledning");
    ui.ctrl('s');
    ui.keys("H");
    let screen = ui.screen_at(120, 30);
    let row = screen
        .lines()
        .find(|l| l.contains("Kurs i MI"))
        .unwrap_or_else(|| panic!("the note in the history:\n{screen}"));
    assert!(row.contains("Handledning"), "{screen}");
    assert!(
        !screen
            .lines()
            .any(|l| l.trim_start_matches('│').starts_with("Handledning")),
        "{screen}"
    );
}
