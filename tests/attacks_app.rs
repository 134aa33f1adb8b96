//! Attacks on the full-screen app: hostile names, notes and titles on
//! every screen that shows data, and a link planted where the report
//! preview writes its file.

mod support;

use std::fs;

use medel::domain::Lang;
use medel::domain::money::Money;
use medel::domain::sanitize::is_unsafe;
use medel::store::{NewReceipt, Store};
use support::db::{Db, current_grant, recipient_id};
use support::ui::Ui;

/// Every kind of character that must not reach a terminal: the Arabic
/// letter mark, line and paragraph separators, a right-to-left override,
/// zero-width characters, an OSC title and a screen clear, and C1's CSI.
const HOSTILE: &str = "Ond\u{061c}a\u{2028}b\u{2029}c\u{202e}d\u{200b}e\u{2060}f\u{feff}g\x1b]0;pwned\x07h\x1b[2Ji\u{009b}31mj";

/// The demo with hostile text in every kind of data a screen shows.
fn hostile_demo() -> Db {
    let db = Db::demo();
    let mut s: Store = db.open();
    let g = current_grant(&s);
    let bromma = recipient_id(&s, "Bromma");
    let mut grant = medel::store::draft_of(&s.grant(g).unwrap());
    grant.title = format!("VINR {HOSTILE}");
    grant.giver = format!("Giver {HOSTILE}");
    s.update_grant(g, &grant).unwrap();
    s.rename_recipient(bromma, &format!("Bromma {HOSTILE}"), HOSTILE)
        .unwrap();
    let before = s.entry(g, bromma).unwrap();
    let mut e = before.clone();
    e.spending[0].amount = Money::from_kronor(10);
    e.spending[0].note = format!("Kurs {HOSTILE}");
    if let Some(r) = e.report.as_mut() {
        r.reason_unused = format!("Skäl {HOSTILE}");
    }
    s.save_entry(g, bromma, &before, &e, false).unwrap();
    let receipt = NewReceipt {
        date: chrono::NaiveDate::from_ymd_opt(2017, 8, 1).unwrap(),
        amount: Money::from_kronor(1),
        kind: medel::domain::model::ReceiptKind::Other,
        note: format!("Not {HOSTILE}"),
    };
    s.add_receipt(g, &receipt).unwrap();
    db
}

/// Every cell of the screen, with what it holds if it is unsafe.
fn unsafe_cells(ui: &Ui) -> Vec<String> {
    let buf = ui.buffer_at(120, 40);
    buf.content
        .iter()
        .filter(|c| c.symbol().chars().any(is_unsafe))
        .map(|c| format!("{:?}", c.symbol()))
        .collect()
}

#[test]
fn hostile_text_reaches_no_screen_as_it_is() {
    let mut ui = Ui::on(hostile_demo(), Lang::En, support::today(), None);
    // The main view with its status pane, the grants view, the receipts,
    // the history, the report preview, the recipients and the form.
    let views: [(&str, &str); 7] = [
        ("", "main"),
        ("g", "grants"),
        ("i", "receipts"),
        ("\x1b\x1bH", "history"),
        ("\x1br", "report"),
        ("\x1bm", "recipients"),
        ("\x1b\n", "spending form"),
    ];
    let mut snapshots = Vec::new();
    for (keys, name) in views {
        ui.keys(keys);
        let bad = unsafe_cells(&ui);
        assert!(bad.is_empty(), "{name}: {bad:?}\n{}", ui.screen_at(120, 40));
        // The history shows when each change was made: today's clock.
        if name != "history" {
            snapshots.push(format!("── {name}\n{}", ui.screen_at(120, 40)));
        }
    }
    insta::assert_snapshot!(snapshots.join("\n"));
}

#[cfg(unix)]
#[test]
fn the_report_preview_never_writes_through_a_planted_link() {
    let mut ui = Ui::demo(Lang::En);
    let shared = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    ui.set_report_dir(shared.path());
    // Another user plants links at the names the report would take: one
    // dangling, into the coordinator's home, one to a file there.
    let victim = home.path().join("created-by-medel");
    let precious = home.path().join("precious.txt");
    fs::write(&precious, "mine").unwrap();
    let stem = "Report Utvecklingsmedel VINR 2017";
    let word = shared.path().join(format!("{stem}.docx"));
    let markdown = shared.path().join(format!("{stem}.md"));
    std::os::unix::fs::symlink(&victim, &word).unwrap();
    std::os::unix::fs::symlink(&precious, &markdown).unwrap();
    let refused = "The file exists and is not written over: choose another name";
    // Word, the default: refused, the dialog stays.
    ui.keys("rw\n");
    assert_eq!(ui.error(), refused);
    // Markdown (Tab): refused too.
    ui.keys("\t\n");
    assert_eq!(ui.error(), refused);
    assert!(!victim.exists(), "written through the dangling link");
    assert_eq!(fs::read_to_string(&precious).unwrap(), "mine");
    for link in [&word, &markdown] {
        assert!(fs::symlink_metadata(link).unwrap().file_type().is_symlink());
    }
    // Text (Tab again): a free name, written.
    ui.keys("\t\n");
    let text = fs::read_to_string(shared.path().join(format!("{stem}.txt"))).unwrap();
    assert!(text.contains("577,468"), "{text}");
    assert!(ui.message().contains("written to"), "{}", ui.message());
}
