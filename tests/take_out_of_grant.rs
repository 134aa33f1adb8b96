//! A recipient taken out of a grant from the recipients view (`d`): asked
//! first, refused with the reason while it has spending or a report,
//! logged, and undone with `u` (and done again with `Ctrl-R`).

mod support;

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::domain::model::RecipientReport;
use medel::store::{GrantDraft, StoreError};
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, audit_len, recipient_id};
use support::kr;
use support::ui::Ui;

/// An empty grant "Tomt" where Bromma (first in the list) got 1 000.
fn bromma_in_an_empty_grant(lang: Lang) -> (Ui, i64, i64) {
    let db = Db::demo();
    let draft = GrantDraft::for_year("Tomt", "G", 2026).unwrap();
    let g = db.open().create_grant(&draft).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    let mut ui = Ui::on(db, lang, today, Some(g));
    ui.keys("a");
    ui.keys("a1000");
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    let bromma = recipient_id(&ui.db(), "Bromma");
    assert_eq!(ui.db().allocation(g, bromma).unwrap(), Some(kr(1000)));
    (ui, g, bromma)
}

/// The recipients view, on Bromma, first in the list.
fn open_recipients_on_bromma(ui: &mut Ui) {
    ui.keys("m");
    let row = ui.selected_row();
    assert!(row.contains("Bromma"), "{row}");
}

#[test]
fn a_recipient_with_nothing_recorded_is_taken_out_after_a_question_and_undone_with_u() {
    let (mut ui, g, bromma) = bromma_in_an_empty_grant(Lang::En);
    open_recipients_on_bromma(&mut ui);
    ui.keys("d");
    let q = ui.boxed("Question");
    assert!(
        q.starts_with("Take Bromma out of Tomt? Its allocation of SEK 1,000 is removed."),
        "{q}"
    );
    ui.keys("n");
    assert_eq!(
        ui.db().allocation(g, bromma).unwrap(),
        Some(kr(1000)),
        "no keeps it"
    );
    ui.keys("d");
    ui.keys("y");
    assert_eq!(ui.message(), "Bromma is taken out of Tomt");
    let db = ui.db();
    assert_eq!(
        db.allocation(g, bromma).unwrap(),
        None,
        "not in the grant at all"
    );
    let log = db.audit_log(Some(g), Some(bromma), 1).unwrap();
    assert_eq!(
        (
            log[0].what.as_str(),
            log[0].old.as_str(),
            log[0].new.as_str()
        ),
        ("allocation", "1000.00", "")
    );
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("┌ Recipients (0)"), "{}", ui.screen());
    ui.keys("u");
    assert_eq!(
        ui.db().allocation(g, bromma).unwrap(),
        Some(kr(1000)),
        "undone"
    );
    assert!(ui.screen().contains("┌ Recipients (1)"), "{}", ui.screen());
    ui.ctrl('r');
    assert_eq!(ui.db().allocation(g, bromma).unwrap(), None, "redone");
}

#[test]
fn u_in_the_recipients_view_undoes_it_there() {
    let (mut ui, g, bromma) = bromma_in_an_empty_grant(Lang::En);
    ui.keys("mdy");
    ui.keys("u");
    assert_eq!(ui.db().allocation(g, bromma).unwrap(), Some(kr(1000)));
    assert!(
        ui.screen().contains("┌ All recipients "),
        "still there: {}",
        ui.screen()
    );
    assert!(ui.selected_row().contains("1,000"), "{}", ui.selected_row());
}

#[test]
fn the_question_and_the_refusals_are_in_swedish_too() {
    let (mut ui, _, _) = bromma_in_an_empty_grant(Lang::Sv);
    ui.keys("md");
    let q = ui.boxed("Fråga");
    assert!(
        q.starts_with("Ta Bromma ur Tomt? Fördelningen på 1 000 kr tas bort."),
        "{q}"
    );
    ui.keys("j");
    assert_eq!(ui.message(), "Bromma är tagen ur Tomt");
    ui.keys("d");
    assert_eq!(ui.message(), "Bromma har inget fördelat i Tomt");
}

#[test]
fn a_recipient_with_a_report_stays_and_the_refusal_says_why() {
    // In the demo Bromma has reported (and used nothing).
    let mut ui = Ui::demo(Lang::En);
    let log = audit_len(&ui.db());
    open_recipients_on_bromma(&mut ui);
    ui.keys("d");
    assert_eq!(
        ui.error(),
        "Bromma has a report in this grant and cannot be taken out of it; \
         only a recipient with no spending and no report can"
    );
    assert!(!ui.screen().contains("Question"), "refused before asking");
    assert_eq!(audit_len(&ui.db()), log);
}

#[test]
fn a_recipient_with_spending_stays_and_the_refusal_says_why() {
    let (mut ui, g, bromma) = bromma_in_an_empty_grant(Lang::Sv);
    let mut db = ui.db();
    let loaded = db.entry(g, bromma).unwrap();
    let mut spent = loaded.clone();
    spent.spending[0].amount = kr(10);
    db.save_entry(g, bromma, &loaded, &spent, false).unwrap();
    ui.tick();
    ui.keys("md");
    assert_eq!(
        ui.error(),
        "Bromma har användning registrerad i det här bidraget och kan inte tas ur det; \
         bara en mottagare utan användning och utan redovisning kan det"
    );
    assert!(!ui.screen().contains("Fråga"), "refused before asking");
    assert_eq!(ui.db().allocation(g, bromma).unwrap(), Some(kr(1000)));
}

#[test]
fn the_store_refuses_a_recipient_with_a_report_or_a_changed_allocation() {
    let (ui, g, bromma) = bromma_in_an_empty_grant(Lang::En);
    let mut db = ui.db();
    let loaded = db.entry(g, bromma).unwrap();
    let mut reported = loaded.clone();
    reported.report = Some(RecipientReport {
        reported_on: NaiveDate::from_ymd_opt(2026, 1, 30).unwrap(),
        reason_unused: String::new(),
        evaluation: String::new(),
    });
    db.save_entry(g, bromma, &loaded, &reported, false).unwrap();
    let err = db.take_out_of_grant(g, bromma, Some(kr(1000))).unwrap_err();
    assert!(
        matches!(&err, StoreError::RecipientInUse { report: true, .. }),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with("Bromma has a report in this grant"),
        "{err}"
    );
    db.save_entry(g, bromma, &reported, &loaded, false).unwrap();
    // Another session set the allocation to 2 000 since the user saw 1 000.
    db.set_allocation(g, bromma, kr(2000), None).unwrap();
    let err = db.take_out_of_grant(g, bromma, Some(kr(1000))).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert_eq!(db.allocation(g, bromma).unwrap(), Some(kr(2000)));
    assert_eq!(
        db.take_out_of_grant(g, bromma, Some(kr(2000))).unwrap(),
        Some(kr(2000))
    );
    assert_eq!(db.allocation(g, bromma).unwrap(), None);
}

#[test]
fn take_out_question_sv_80x24() {
    let (mut ui, _, _) = bromma_in_an_empty_grant(Lang::Sv);
    ui.keys("md");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn take_out_question_en_80x24() {
    let (mut ui, _, _) = bromma_in_an_empty_grant(Lang::En);
    ui.keys("md");
    insta::assert_snapshot!(ui.screen());
}
