//! A grant's references and focus areas edited in the app, driven by keys
//! on the demo data: `g e` opens the grant form, Ctrl-O its focus areas.
//! Each test checks the screen, the database and the log.

mod support;

use medel::domain::Lang;
use ratatui::crossterm::event::KeyCode;
use support::db::{audit_len, current_grant, fingerprint};
use support::ui::Ui;

/// The grant form on the demo grant, focus on the first reference.
fn on_references(ui: &mut Ui) {
    ui.keys("ge");
    for _ in 0..6 {
        ui.press(KeyCode::Tab);
    }
}

/// The focus areas of the demo grant, over its grant form.
fn on_areas(lang: Lang) -> Ui {
    let mut ui = Ui::demo(lang);
    ui.keys("ge");
    ui.ctrl('o');
    ui
}

fn areas(ui: &Ui) -> Vec<(String, String)> {
    let db = ui.db();
    let g = current_grant(&db);
    let list = db.focus_areas(g).unwrap();
    list.into_iter().map(|a| (a.name_sv, a.name_en)).collect()
}

/// The last entry of the log: what changed, from what, to what.
fn last_change(ui: &Ui) -> (String, String, String) {
    let db = ui.db();
    let e = db.audit_log(None, None, 1).unwrap().remove(0);
    (e.what, e.old, e.new)
}

#[test]
fn the_grant_form_saves_both_references_and_logs_each() {
    let mut ui = Ui::demo(Lang::Sv);
    on_references(&mut ui);
    assert!(
        ui.cursor_line().contains("│Givarens dnr "),
        "{}",
        ui.screen()
    );
    ui.keys("3.6-12345/2016");
    ui.press(KeyCode::Tab);
    ui.keys("SOF 2017/0042");
    let before = audit_len(&ui.db());
    ui.ctrl('s');
    assert!(ui.message().contains("sparat"), "{}", ui.message());
    let db = ui.db();
    let stored = db.grant_draft(current_grant(&db)).unwrap();
    assert_eq!(stored.giver_reference, "3.6-12345/2016");
    assert_eq!(stored.own_reference, "SOF 2017/0042");
    assert_eq!(audit_len(&db), before + 2, "one row per reference");
    // Opened again, the form shows them as stored.
    ui.keys("e");
    assert!(ui.screen().contains("3.6-12345/2016"), "{}", ui.screen());
    assert!(ui.screen().contains("SOF 2017/0042"), "{}", ui.screen());
}

#[test]
fn a_reference_changed_in_another_session_is_not_overwritten_unasked() {
    let mut ui = Ui::demo(Lang::En);
    on_references(&mut ui);
    ui.keys("3.6-1/2016");
    let g = current_grant(&ui.db());
    let mut other = ui.db_as("bertil");
    let mut theirs = other.grant_draft(g).unwrap();
    theirs.giver_reference = "3.6-2/2016".into();
    other.update_grant(g, &theirs).unwrap();
    ui.ctrl('s');
    assert!(ui.screen().contains("┌ Question"), "{}", ui.screen());
    ui.keys("n");
    assert_eq!(
        ui.db().grant_draft(g).unwrap().giver_reference,
        "3.6-2/2016"
    );
}

#[test]
fn ctrl_o_lists_the_grants_areas_with_those_in_use_marked() {
    let ui = on_areas(Lang::En);
    let screen = ui.screen();
    assert!(
        screen.contains("┌ Focus areas · Utvecklingsmedel VINR 2017"),
        "{screen}"
    );
    for (sv, _) in areas(&ui) {
        assert!(screen.contains(&sv[..12]), "{sv} in\n{screen}");
    }
    let db = ui.db();
    let used = db.focus_areas_in_use(current_grant(&db)).unwrap();
    assert!(!used.is_empty(), "the demo has spending");
    assert_eq!(screen.matches(" in use  │").count(), used.len(), "{screen}");
}

#[test]
fn n_adds_an_area_at_the_end_in_both_languages_and_u_takes_it_back() {
    let mut ui = on_areas(Lang::Sv);
    ui.keys("n");
    ui.keys("Psykisk hälsa");
    ui.press(KeyCode::Tab);
    ui.keys("Mental health");
    ui.ctrl('s');
    assert_eq!(ui.message(), "Fokusområdet tillagt: Psykisk hälsa");
    let list = areas(&ui);
    assert_eq!(list.len(), 7);
    assert_eq!(list[6], ("Psykisk hälsa".into(), "Mental health".into()));
    assert_eq!(
        last_change(&ui),
        (
            "focus_area.7".into(),
            String::new(),
            "Psykisk hälsa / Mental health".into()
        )
    );
    assert!(
        ui.selected_row().contains("Psykisk hälsa"),
        "{}",
        ui.screen()
    );
    ui.keys("u");
    assert!(ui.message().starts_with("Ångrat"), "{}", ui.message());
    assert_eq!(areas(&ui).len(), 6);
    let (what, _, new) = last_change(&ui);
    assert!(
        what.ends_with("focus_area.7") && what != "focus_area.7",
        "{what}"
    );
    assert_eq!(new, "");
}

#[test]
fn an_area_needs_both_names() {
    let mut ui = on_areas(Lang::En);
    ui.keys("n");
    ui.keys("Bara svenska");
    let before = fingerprint(&ui.db());
    ui.ctrl('s');
    assert!(ui.screen().contains("┌ New focus area"), "{}", ui.screen());
    assert!(
        ui.under("English name").contains("needs a name"),
        "{}",
        ui.screen()
    );
    assert_eq!(fingerprint(&ui.db()), before);
}

#[test]
fn e_renames_an_area_and_u_gives_the_old_names_back() {
    let mut ui = on_areas(Lang::En);
    let old = areas(&ui)[1].clone();
    ui.keys("je");
    ui.ctrl('u');
    ui.keys("Kunskap");
    ui.press(KeyCode::Tab);
    ui.ctrl('u');
    ui.keys("Knowledge");
    ui.ctrl('s');
    assert_eq!(areas(&ui)[1], ("Kunskap".into(), "Knowledge".into()));
    assert_eq!(ui.message(), "The focus area is now called Kunskap");
    let (what, was, now) = last_change(&ui);
    assert_eq!(what, "focus_area.2");
    assert_eq!(was, format!("{} / {}", old.0, old.1));
    assert_eq!(now, "Kunskap / Knowledge");
    ui.keys("u");
    assert_eq!(areas(&ui)[1], old);
}

#[test]
fn shift_j_and_k_move_an_area_and_the_selection_follows() {
    let mut ui = on_areas(Lang::En);
    let before = areas(&ui);
    ui.keys("J");
    let after = areas(&ui);
    assert_eq!((&after[0], &after[1]), (&before[1], &before[0]));
    assert!(
        ui.selected_row().contains(&before[0].0[..12]),
        "{}",
        ui.screen()
    );
    assert_eq!(last_change(&ui).0, "focus_area.2");
    ui.keys("K");
    assert_eq!(areas(&ui), before);
    // At the top nothing moves and nothing is logged.
    let logged = audit_len(&ui.db());
    ui.keys("K");
    assert_eq!(audit_len(&ui.db()), logged);
    ui.keys("J");
    ui.keys("u");
    assert_eq!(areas(&ui), before, "undo moved it back");
}

#[test]
fn d_removes_an_unused_area_after_asking_and_u_puts_it_back_in_its_place() {
    let mut ui = Ui::demo(Lang::En);
    let g = current_grant(&ui.db());
    // Every area of the demo is used; one more, moved to the middle, is not.
    let mut db = ui.db();
    let id = db.add_focus_area(g, "Oanvänt", "Unused").unwrap();
    for _ in 0..3 {
        db.move_focus_area(id, true).unwrap();
    }
    ui.keys("ge");
    ui.ctrl('o');
    let before = areas(&ui);
    let unused = 3;
    assert_eq!(before[unused].0, "Oanvänt");
    ui.keys("jjj");
    ui.keys("d");
    assert!(
        ui.boxed("Question").contains("No spending uses it"),
        "{}",
        ui.screen()
    );
    ui.keys("y");
    assert_eq!(
        ui.message(),
        format!("Focus area removed: {}", before[unused].0)
    );
    let after = areas(&ui);
    assert_eq!(after.len(), 6);
    assert!(!after.contains(&before[unused]));
    ui.keys("u");
    assert_eq!(areas(&ui), before);
}

#[test]
fn removing_an_area_that_spending_uses_is_refused_and_changes_nothing() {
    for lang in [Lang::Sv, Lang::En] {
        let mut ui = on_areas(lang);
        let db = ui.db();
        let g = current_grant(&db);
        let used = db.focus_areas_in_use(g).unwrap();
        let list = db.focus_areas(g).unwrap();
        let at = list
            .iter()
            .position(|a| used.contains(&a.id))
            .expect("a used area");
        for _ in 0..at {
            ui.keys("j");
        }
        let before = fingerprint(&ui.db());
        ui.keys("d");
        let error = ui.error();
        let said = match lang {
            Lang::Sv => "kan inte tas bort: redovisad användning står på det",
            Lang::En => "cannot be removed: spending is recorded under it",
        };
        assert!(
            error.contains(&list[at].name_sv) && error.contains(said),
            "{error}"
        );
        assert!(!ui.screen().contains("┌ Fråga") && !ui.screen().contains("┌ Question"));
        assert_eq!(fingerprint(&ui.db()), before);
    }
}

#[test]
fn the_keys_are_in_help() {
    let mut ui = on_areas(Lang::En);
    ui.keys("?");
    let mut pages = ui.screen();
    for _ in 0..6 {
        ui.press(KeyCode::PageDown);
        pages.push_str(&ui.screen());
    }
    assert!(pages.contains("A grant's focus areas"), "{pages}");
    assert!(pages.contains("move up"), "{pages}");
    assert!(pages.contains("The grant form"), "{pages}");
}

fn list_snap(lang: Lang) -> String {
    let mut ui = on_areas(lang);
    ui.keys("jj");
    ui.screen()
}

#[test]
fn focus_areas_sv_80x24() {
    insta::assert_snapshot!(list_snap(Lang::Sv));
}

#[test]
fn focus_areas_en_80x24() {
    insta::assert_snapshot!(list_snap(Lang::En));
}

fn area_form_snap(lang: Lang) -> String {
    let mut ui = on_areas(lang);
    ui.keys("n");
    ui.keys("Psykisk hälsa");
    ui.ctrl('s');
    ui.screen()
}

#[test]
fn focus_area_form_sv_80x24() {
    insta::assert_snapshot!(area_form_snap(Lang::Sv));
}

#[test]
fn focus_area_form_en_80x24() {
    insta::assert_snapshot!(area_form_snap(Lang::En));
}

#[test]
fn a_new_area_typed_at_a_hang_up_comes_back_as_a_draft() {
    let mut ui = on_areas(Lang::En);
    ui.keys("n");
    ui.keys("Psykisk hälsa");
    assert_eq!(
        ui.save_drafts(),
        1,
        "the area form; the grant form under it is clean"
    );
    let mut ui = ui.restart();
    let q = ui.boxed("Question");
    assert!(
        q.contains("Restore the focus area") && q.contains("Psykisk hälsa"),
        "{q}"
    );
    ui.keys("y");
    assert!(ui.screen().contains("┌ New focus area"), "{}", ui.screen());
    ui.press(KeyCode::Tab);
    ui.keys("Mental health");
    ui.ctrl('s');
    assert_eq!(
        areas(&ui)[6],
        ("Psykisk hälsa".into(), "Mental health".into())
    );
}

#[test]
fn references_typed_at_a_hang_up_come_back_as_a_draft() {
    let mut ui = Ui::demo(Lang::Sv);
    on_references(&mut ui);
    ui.keys("3.6-12345/2016");
    assert_eq!(ui.save_drafts(), 1);
    let mut ui = ui.restart();
    ui.keys("y");
    assert!(ui.screen().contains("3.6-12345/2016"), "{}", ui.screen());
    ui.ctrl('s');
    let db = ui.db();
    let stored = db.grant_draft(current_grant(&db)).unwrap();
    assert_eq!(stored.giver_reference, "3.6-12345/2016");
}

fn edit_snap(lang: Lang) -> String {
    let mut ui = Ui::demo(lang);
    on_references(&mut ui);
    ui.keys("3.6-12345/2016");
    ui.press(KeyCode::Tab);
    ui.keys("SOF 2017/0042");
    ui.screen()
}

#[test]
fn grant_form_edit_sv_80x24() {
    insta::assert_snapshot!(edit_snap(Lang::Sv));
}

#[test]
fn grant_form_edit_en_80x24() {
    insta::assert_snapshot!(edit_snap(Lang::En));
}
