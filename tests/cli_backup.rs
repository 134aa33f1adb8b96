//! `medel backup`, `medel completions` and `medel man` as users run them.

mod support;

use medel::domain::money::Money;
use medel::store::{NewReceipt, Store};
use support::cli::{Sandbox, s};
use support::d;

/// Issue 14: a copy taken while another session has the file open (its
/// last change still in the WAL) is whole; an existing file is replaced
/// only with --force; the copy gets the folder's mode.
#[test]
fn backup_copies_a_database_in_use_and_refuses_to_overwrite() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    // The app's session: open, with a change not yet checkpointed.
    let mut open = Store::open(&db).unwrap();
    let g = open.grants().unwrap()[0].id;
    let receipt = NewReceipt {
        date: d("2017-08-01"),
        amount: Money::from_kronor(1_000),
        kind: medel::domain::model::ReceiptKind::Other,
        note: "extra".into(),
    };
    open.add_receipt(g, &receipt).unwrap();
    let copy = sb.path("kopia.sqlite");
    let out = sb.run_in("sv_SE.UTF-8", &["backup", s(&copy), "--db", s(&db)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("kopia.sqlite"), "{}", out.stderr);
    drop(open);
    let copied = Store::open(&copy).unwrap();
    assert_eq!(
        copied.receipts(g).unwrap().len(),
        3,
        "the change in the WAL is in the copy"
    );
    let json = |p: &std::path::Path| {
        sb.ok(&["status", "--json", "--db", s(p), "--today", "2018-03-01"])
            .stdout
    };
    assert_eq!(json(&copy), json(&db));
    drop(copied);

    let before = std::fs::read(&copy).unwrap();
    let out = sb.run_in("sv_SE.UTF-8", &["backup", s(&copy), "--db", s(&db)]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("finns redan") && out.stderr.contains("--force"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(&copy).unwrap(), before, "left alone");
    let out = sb.run(&["backup", s(&copy), "--db", s(&db), "--force"]);
    assert_eq!(out.code, 0, "{}", out.stderr);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, medel::files::mode_for_new_file(sb.dir()), "{mode:o}");
    }
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    let sb = Sandbox::new();
    for (shell, mark) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef medel"),
        ("fish", "complete -c medel"),
    ] {
        let out = sb.ok(&["completions", shell]);
        assert!(out.stdout.contains(mark), "{shell}: {}", out.stdout);
        assert!(out.stdout.contains("backup"), "{shell}");
    }
    let out = sb.run(&["completions", "powershell-7"]);
    assert_eq!(out.code, 2);
    let out = sb.ok(&["man"]);
    assert!(
        out.stdout.starts_with(".ie") || out.stdout.contains(".TH medel"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("backup"), "{}", out.stdout);
}
