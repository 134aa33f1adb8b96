//! Hostile names and titles printed by the commands (issue 13, items 9
//! and 10): in a pseudo-terminal, nothing from the data may reach the
//! terminal as an escape sequence, a bidi control, a line separator or a
//! zero-width character. A pipe and a file keep the data as it is.

#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use portable_pty::{CommandBuilder, PtySize};

const BIN: &str = env!("CARGO_BIN_EXE_medel");

/// Sets the window title, clears the screen, starts an 8-bit CSI
/// (U+009B in UTF-8), reorders and hides text, and breaks a line.
const HOSTILE: &str = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{7f}\u{85}\u{202e}\u{061c}\u{2066}\u{200e}\u{2028}\u{2029}\u{200b}\u{200d}\u{feff}End";

/// What must not reach the terminal from the data.
const FORBIDDEN: [char; 17] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\u{7f}', '\u{85}', '\u{202e}', '\u{061c}', '\u{2066}',
    '\u{200e}', '\u{2028}', '\u{2029}', '\u{200b}', '\u{200d}', '\u{feff}', '\u{202a}', '\u{2069}',
    '\u{200f}',
];

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn env_for(dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("HOME", dir.join("home").display().to_string()),
        ("XDG_DATA_HOME", dir.join("data").display().to_string()),
        ("LANG", "en_GB.UTF-8".into()),
        ("TERM", "xterm-256color".into()),
    ]
}

fn run_piped(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_clear()
        .envs(env_for(dir))
        .output()
        .unwrap()
}

/// Runs medel with standard output and error on a terminal; returns
/// everything the terminal received.
fn run_in_terminal(dir: &Path, args: &[&str]) -> String {
    let pair = portable_pty::native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(args);
    cmd.env_clear();
    for (k, v) in env_for(dir) {
        cmd.env(k, v);
    }
    cmd.cwd(dir);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 8192];
        // Ends with EIO once the child has gone and closed the terminal.
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            all.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(all);
    });
    child.wait().unwrap();
    drop(pair.master);
    let bytes = rx.recv_timeout(Duration::from_secs(10)).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn assert_clean(what: &str, shown: &str) {
    for c in FORBIDDEN {
        assert!(
            !shown.contains(c),
            "{what}: U+{:04X} reached the terminal:\n{shown:?}",
            c as u32
        );
    }
    assert!(
        shown.contains("Evil"),
        "{what}: the name is still shown:\n{shown}"
    );
}

/// A database whose grant title, giver and one recipient's name are
/// hostile, and the JSON it was imported from.
fn hostile_database(dir: &Path) -> (PathBuf, PathBuf) {
    let demo = dir.join("demo.sqlite");
    assert!(run_piped(dir, &["demo", "--db", s(&demo)]).status.success());
    let out = run_piped(dir, &["export", "--format", "json", "--db", s(&demo)]);
    let json = String::from_utf8(out.stdout).unwrap();
    let hostile = serde_json::to_string(HOSTILE).unwrap();
    let json = json
        .replace("\"Bromma\"", &hostile)
        .replace("\"Utvecklingsmedel VINR 2017\"", &hostile);
    let file = dir.join("hostile.json");
    fs::write(&file, json).unwrap();
    let db = dir.join("hostile.sqlite");
    let out = run_piped(dir, &["import", s(&file), "--db", s(&db)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (db, file)
}

#[test]
fn status_report_and_log_print_no_escape_from_the_data() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (db, _) = hostile_database(dir);
    let db = s(&db);
    for args in [
        vec!["status", "--db", db],
        vec!["report", "--db", db],
        vec!["report", "--format", "txt", "--db", db],
        vec!["log", "--db", db, "--limit", "400"],
        vec!["export", "--format", "csv", "--db", db],
    ] {
        let shown = run_in_terminal(dir, &args);
        assert_clean(&args.join(" "), &shown);
    }
}

#[test]
fn a_dry_run_and_a_refused_import_print_no_escape_from_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (_, file) = hostile_database(dir);
    let fresh = dir.join("fresh.sqlite");
    let shown = run_in_terminal(dir, &["import", "--dry-run", s(&file), "--db", s(&fresh)]);
    assert_clean("import --dry-run", &shown);

    let demo = dir.join("demo.sqlite");
    let csv = dir.join("bad.csv");
    fs::write(
        &csv,
        format!(
            "grant;year;recipient;focus_area;allocated;amount;note\r\n\
             Utvecklingsmedel VINR 2017;2017;{};1;;5,00;\r\n",
            HOSTILE.replace(';', ":")
        ),
    )
    .unwrap();
    let shown = run_in_terminal(dir, &["import", s(&csv), "--db", s(&demo)]);
    assert!(shown.contains("cannot be imported"), "{shown}");
    assert_clean("a refused import", &shown);
}

#[test]
fn a_pipe_and_a_file_keep_the_data_as_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (db, _) = hostile_database(dir);
    let csv = [
        "export",
        "--format",
        "csv",
        "--csv-style",
        "plain",
        "--db",
        s(&db),
    ];
    let piped = String::from_utf8(run_piped(dir, &csv).stdout).unwrap();
    assert!(piped.contains(HOSTILE), "{piped:?}");
    let file = dir.join("x.csv");
    let mut to_file = csv.to_vec();
    to_file.extend(["-o", s(&file)]);
    assert!(run_piped(dir, &to_file).status.success());
    assert!(fs::read_to_string(&file).unwrap().contains(HOSTILE));
}
