//! Who is who (issue 13, items 11 and 14): the audit log names the real
//! user, an asked-for name only beside it, drafts stay their owner's; and
//! two real Unix users share one database in a group folder. The tests
//! with real users need root (to add users and run as them); run as
//! another user they say that they were skipped.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

mod attacks_support;

use attacks_support::App;

const BIN: &str = env!("CARGO_BIN_EXE_medel");
const DEADLINE: Duration = Duration::from_secs(15);

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn real_name() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// medel with a clean environment plus `env`, optionally as `user`
/// (`runuser` sets `USER` and `LOGNAME` itself, so `env` comes after it).
fn medel(dir: &Path, user: Option<&str>, env: &[(&str, &str)], args: &[&str]) -> Output {
    let vars: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let mut cmd = match user {
        Some(u) => {
            let mut c = Command::new("runuser");
            c.args(["-u", u, "--", "env"]).args(&vars).arg(BIN);
            c
        }
        None => {
            let mut c = Command::new("env");
            c.args(&vars).arg(BIN);
            c
        }
    };
    cmd.args(args)
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .env("LANG", "en_GB.UTF-8")
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    cmd.output().unwrap()
}

fn demo(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    let out = medel(dir, None, &[], &["demo", "--db", s(&db)]);
    assert!(out.status.success(), "{}", text(&out));
    db
}

fn plant_draft(db: &Path, who: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "INSERT INTO drafts (who, kind, grant_id, recipient_id, saved_at, body)
         VALUES (?1, 'spending', 1, 1, '2018-02-01T08:00:00Z', '{}')",
        [who],
    )
    .unwrap();
}

#[test]
fn item11_an_asked_for_name_is_logged_beside_the_real_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let db = demo(dir, "d.sqlite");
    let backup = dir.join("b.json");
    let out = medel(
        dir,
        None,
        &[],
        &[
            "export",
            "--format",
            "json",
            "--db",
            s(&db),
            "-o",
            s(&backup),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let fresh = dir.join("fresh.sqlite");
    let me = real_name();
    let other = if me == "coord1" { "coord9" } else { "coord1" };
    let out = medel(
        dir,
        None,
        &[("USER", other), ("LOGNAME", other)],
        &["import", s(&backup), "--db", s(&fresh)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let log = text(&medel(
        dir,
        None,
        &[],
        &["log", "--db", s(&fresh), "--limit", "1"],
    ));
    assert!(log.contains(&format!("  {me} as {other}  ")), "{log}");
}

#[test]
fn item11_asking_for_another_name_does_not_reach_their_drafts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let db = demo(dir, "d.sqlite");
    let me = real_name();
    let other = if me == "coord1" { "coord9" } else { "coord1" };
    plant_draft(&db, other);
    let env = [("USER", other), ("LOGNAME", other)];
    let mut app = App::start(dir, &[BIN, "--db", s(&db), "--today", "2018-03-01"], &env);
    app.wait_for("Recipients");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!app.contents().contains("draft"), "{}", app.contents());
    app.send(b"q");
    assert!(app.wait_for_exit());

    // The same draft, the real user's own: offered.
    plant_draft(&db, &me);
    let mut app = App::start(dir, &[BIN, "--db", s(&db), "--today", "2018-03-01"], &[]);
    app.wait_for("draft");
    app.send(b"\x03");
    assert!(app.wait_for_exit());
}

/// Adds the group and users once; false when that is not possible here.
fn users(group: &str, names: &[&str]) -> bool {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: adding Unix users and running as them needs root");
        return false;
    }
    let ok = |c: &mut Command| c.output().is_ok_and(|o| o.status.success());
    if !ok(Command::new("getent").args(["group", group])) {
        assert!(ok(Command::new("groupadd").arg(group)), "groupadd {group}");
    }
    for n in names {
        if !ok(Command::new("id").arg(n)) {
            assert!(
                ok(Command::new("useradd").args(["-M", "-N", "-G", group, "-s", "/bin/sh", n])),
                "useradd {n}"
            );
        }
    }
    true
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// The pid of the process `runuser` started.
fn child_of(pid: u32) -> u32 {
    let start = Instant::now();
    loop {
        let list =
            fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
        if let Some(c) = list.split_whitespace().next() {
            return c.parse().unwrap();
        }
        assert!(start.elapsed() < DEADLINE, "runuser started nothing");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn item14_two_unix_users_share_a_database_in_a_group_folder() {
    let (group, c1, c2) = ("medelshare", "medelc1", "medelc2");
    if !users(group, &[c1, c2]) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let top = tmp.path();
    fs::set_permissions(top, fs::Permissions::from_mode(0o755)).unwrap();
    let shared = top.join("shared");
    fs::create_dir(&shared).unwrap();
    assert!(
        Command::new("chgrp")
            .args([group, s(&shared)])
            .status()
            .unwrap()
            .success()
    );
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o2770)).unwrap();

    // A backup anyone may read, to create the database from.
    let demo_db = demo(top, "demo.sqlite");
    let backup = top.join("backup.json");
    let out = medel(
        top,
        None,
        &[],
        &[
            "export",
            "--format",
            "json",
            "--db",
            s(&demo_db),
            "-o",
            s(&backup),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    fs::set_permissions(&backup, fs::Permissions::from_mode(0o644)).unwrap();

    // Create: coord 1 makes the database; it belongs to the group.
    let db = shared.join("medel.sqlite");
    let out = medel(top, Some(c1), &[], &["import", s(&backup), "--db", s(&db)]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(mode(&db), 0o660);
    let gid = fs::metadata(&shared).unwrap().gid();
    assert_eq!(fs::metadata(&db).unwrap().gid(), gid);

    // Open and save: coord 2 reads it and writes to it.
    let out = medel(
        top,
        Some(c2),
        &[],
        &["status", "--db", s(&db), "--today", "2018-03-01"],
    );
    assert!(out.status.success(), "{}", text(&out));
    let csv = top.join("spend.csv");
    fs::write(
        &csv,
        "grant;year;recipient;focus_area;allocated;amount;note\r\n\
         Utvecklingsmedel VINR 2017;2017;Bromma;1;180000,00;1000,00;kurs\r\n",
    )
    .unwrap();
    fs::set_permissions(&csv, fs::Permissions::from_mode(0o644)).unwrap();
    let out = medel(top, Some(c2), &[], &["import", s(&csv), "--db", s(&db)]);
    assert!(out.status.success(), "{}", text(&out));
    let export = shared.join("x.csv");
    let out = medel(
        top,
        Some(c2),
        &[],
        &[
            "export",
            "--format",
            "csv",
            "--db",
            s(&db),
            "-o",
            s(&export),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(mode(&export), 0o660, "an export in the group folder");

    // Who: coord 2 asking to be coord 1 is logged as both.
    let asked = top.join("spend-asked.csv");
    fs::write(
        &asked,
        fs::read_to_string(&csv)
            .unwrap()
            .replace("1000,00", "1500,00"),
    )
    .unwrap();
    fs::set_permissions(&asked, fs::Permissions::from_mode(0o644)).unwrap();
    let out = medel(
        top,
        Some(c2),
        &[("USER", c1), ("LOGNAME", c1)],
        &["import", s(&asked), "--db", s(&db)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let log = text(&medel(
        top,
        Some(c1),
        &[],
        &["log", "--db", s(&db), "--limit", "3"],
    ));
    assert!(log.contains(&format!("  {c2} as {c1}  ")), "{log}");

    // Conflict: while another process holds the write lock, coord 2's
    // save waits, then gives a message, and the file is whole after.
    let lock = rusqlite::Connection::open(&db).unwrap();
    lock.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let edited = top.join("spend2.csv");
    fs::write(
        &edited,
        fs::read_to_string(&csv)
            .unwrap()
            .replace("1000,00", "2000,00"),
    )
    .unwrap();
    fs::set_permissions(&edited, fs::Permissions::from_mode(0o644)).unwrap();
    let out = medel(top, Some(c2), &[], &["import", s(&edited), "--db", s(&db)]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("busy"), "{}", text(&out));
    lock.execute_batch("ROLLBACK").unwrap();
    drop(lock);
    let out = medel(top, Some(c1), &[], &["import", s(&edited), "--db", s(&db)]);
    assert!(out.status.success(), "{}", text(&out));

    // Conflict: both open Bromma's form; coord 1 saves first, and coord
    // 2's save of the same field is refused, naming coord 1.
    let app_for = |user: &str| {
        let mut app = App::start(
            top,
            &[
                "runuser",
                "-u",
                user,
                "--",
                BIN,
                "--db",
                s(&db),
                "--today",
                "2018-03-01",
            ],
            &[],
        );
        app.wait_for("Recipients");
        app.send(b"\r");
        app.wait_for("Bromma · allocated");
        app
    };
    let mut first = app_for(c1);
    let mut second = app_for(c2);
    first.send(b"100");
    first.wait_for("100");
    first.send(b"\x13");
    first.wait_for("Saved: Bromma");
    second.send(b"200");
    second.wait_for("200");
    second.send(b"\x13");
    second.wait_for("someone else changed it to");
    second.wait_for(c1);
    for mut app in [first, second] {
        app.send(b"\x03");
        assert!(app.wait_for_exit());
    }

    // Hang-up: coord 2's app, a form typed, SIGHUP: the draft is kept in
    // the shared file and the side files stay the group's.
    let mut app = App::start(
        top,
        &[
            "runuser",
            "-u",
            c2,
            "--",
            BIN,
            "--db",
            s(&db),
            "--today",
            "2018-03-01",
        ],
        &[],
    );
    app.wait_for("Recipients");
    for side in ["medel.sqlite-wal", "medel.sqlite-shm"] {
        assert_eq!(
            mode(&shared.join(side)),
            0o660,
            "{side} while coord 2 has it open"
        );
    }
    // Coord 2's Ctrl-C above kept the refused form as a draft: offered
    // now, and declined.
    app.wait_for("unsaved draft");
    app.send(b"n");
    app.send(b"\r");
    app.send(b"5");
    app.wait_for("Used 5");
    let pid = child_of(app.child.process_id().unwrap());
    // SAFETY: kill has no memory effects; the pid is medel's, running.
    assert_eq!(unsafe { libc::kill(pid as i32, libc::SIGHUP) }, 0);
    app.wait_for_exit();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let owner: String = conn
        .query_row("SELECT who FROM drafts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(owner, c2, "the draft belongs to coord 2");
    drop(conn);
    let out = medel(
        top,
        Some(c1),
        &[],
        &["status", "--db", s(&db), "--today", "2018-03-01"],
    );
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn item16_permission_denied_is_worded_with_the_path_as_another_user() {
    let (group, c1) = ("medelshare", "medelc1");
    if !users(group, &[c1]) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let top = tmp.path();
    fs::set_permissions(top, fs::Permissions::from_mode(0o755)).unwrap();
    let db = demo(top, "private.sqlite");
    for (lang, words) in [
        ("en_GB.UTF-8", "you do not have permission"),
        ("sv_SE.UTF-8", "du har inte behörighet"),
    ] {
        let out = medel(
            top,
            Some(c1),
            &[("LANG", lang)],
            &["status", "--db", s(&db)],
        );
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        let t = text(&out);
        assert!(t.contains(&format!("{}: {words}", db.display())), "{t}");
    }
}
