//! Attacks on the files medel writes (issue 13, items 5–8 and 13–16): a
//! link planted where a file goes, `-o` onto a pipe or a device, an empty
//! file taken for a database, modes in private and group folders, and OS
//! errors worded for a coordinator. Each test failed on the code before
//! the fix.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_medel");

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        Sandbox { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_in("en_GB.UTF-8", args)
    }

    fn run_in(&self, lang: &str, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("LANG", lang)
            .output()
            .unwrap()
    }

    fn demo(&self, name: &str) -> PathBuf {
        let db = self.path(name);
        let out = self.run(&["demo", "--db", s(&db)]);
        assert!(out.status.success(), "{}", err(&out));
        db
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn err(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mode(p: &Path) -> u32 {
    fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// Links at the names the next few hundred processes would use for a
/// `<name>.<pid>.tmp` file, as a user sharing the folder can plant them.
fn plant_pid_links(dir: &Path, name: &str, victim: &Path) -> Vec<PathBuf> {
    let last: u32 = fs::read_to_string("/proc/sys/kernel/ns_last_pid")
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (last + 1..last + 400)
        .flat_map(|pid| {
            [
                format!("{name}.{pid}.tmp"),
                format!(".{name}.{pid}.tmp"),
                format!(".{name}.{pid}.tmp-wal"),
                format!(".{name}.{pid}.tmp-journal"),
            ]
        })
        .map(|n| {
            let link = dir.join(n);
            symlink(victim, &link).unwrap();
            link
        })
        .collect()
}

const VICTIM: &str = "the coordinator's own file\n";

#[test]
fn item7_export_and_report_never_write_through_a_planted_link() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let shared = sb.path("shared");
    fs::create_dir(&shared).unwrap();
    let victim = sb.path("home-file.txt");
    fs::write(&victim, VICTIM).unwrap();
    for (name, args) in [
        ("x.csv", vec!["export", "--format", "csv"]),
        ("r.md", vec!["report"]),
    ] {
        let links = plant_pid_links(&shared, name, &victim);
        let out_path = shared.join(name);
        let mut args = args.clone();
        args.extend(["--db", s(&db), "-o", s(&out_path)]);
        let out = sb.run(&args);
        assert!(out.status.success(), "{}", err(&out));
        assert_eq!(fs::read_to_string(&victim).unwrap(), VICTIM, "{name}");
        assert!(fs::symlink_metadata(&out_path).unwrap().is_file());
        assert!(links.iter().all(|l| fs::symlink_metadata(l).is_ok()));
    }
}

#[test]
fn item7_a_link_at_the_final_name_is_refused_dangling_or_not() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let victim = sb.path("victim.txt");
    fs::write(&victim, VICTIM).unwrap();
    let to_victim = sb.path("x.json");
    symlink(&victim, &to_victim).unwrap();
    let dangling = sb.path("r.md");
    symlink(sb.path("would-be-created.md"), &dangling).unwrap();

    let out = sb.run(&[
        "export",
        "--format",
        "json",
        "--db",
        s(&db),
        "-o",
        s(&to_victim),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(err(&out).contains("is a symbolic link"), "{}", err(&out));
    assert_eq!(fs::read_to_string(&victim).unwrap(), VICTIM);

    let out = sb.run(&["report", "--db", s(&db), "-o", s(&dangling)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(err(&out).contains("does not exist"), "{}", err(&out));
    assert!(!sb.path("would-be-created.md").exists());
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn item7_demo_is_built_where_nobody_can_plant_a_link() {
    let sb = Sandbox::new();
    let victim = sb.path("victim.txt");
    fs::write(&victim, VICTIM).unwrap();
    plant_pid_links(sb.dir.path(), "demo.sqlite", &victim);
    let db = sb.demo("demo.sqlite");
    assert_eq!(fs::read_to_string(&victim).unwrap(), VICTIM);
    assert!(fs::symlink_metadata(&db).unwrap().is_file());
    let out = sb.run(&["status", "--db", s(&db)]);
    assert!(out.status.success(), "{}", err(&out));
}

#[test]
fn item8_output_onto_a_pipe_is_streamed_and_the_pipe_stays() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let fifo = sb.path("pipe");
    let c = std::ffi::CString::new(s(&fifo)).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo touches nothing else.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let out = sb.run(&["export", "--format", "json", "--db", s(&db), "-o", s(&fifo)]);
    assert!(out.status.success(), "{}", err(&out));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    let read = reader.join().unwrap();
    assert!(read.starts_with("{\n  \"format\": \"medel\""), "{read}");
}

/// `-o` onto a character device. As root, first onto a node of our own
/// with /dev/null's numbers (`mknod c 1 3`), so that a regression replaces
/// that node and not the machine's /dev/null; then onto /dev/null itself.
#[test]
fn item8_output_onto_dev_null_leaves_the_device() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let mut devices = vec![];
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        let own = sb.path("null");
        let c = std::ffi::CString::new(s(&own)).unwrap();
        // SAFETY: a valid NUL-terminated path; makedev only computes.
        let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
        assert_eq!(made, 0, "mknod");
        devices.push(own);
    }
    devices.push(PathBuf::from("/dev/null"));
    for dev in &devices {
        for args in [
            vec!["export", "--format", "csv", "--db", s(&db), "-o", s(dev)],
            vec!["report", "--db", s(&db), "-o", s(dev)],
        ] {
            let out = sb.run(&args);
            assert!(out.status.success(), "{}", err(&out));
            let m = fs::symlink_metadata(dev).unwrap();
            assert!(
                m.file_type().is_char_device(),
                "{} is still a device",
                dev.display()
            );
        }
    }
}

#[test]
fn item6_status_never_turns_an_empty_file_into_a_database() {
    let sb = Sandbox::new();
    let empty = sb.path("empty.txt");
    fs::write(&empty, "").unwrap();
    for cmd in ["status", "log", "report"] {
        let out = sb.run(&[cmd, "--db", s(&empty)]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(
            err(&out).contains("is an empty file, not a medel database"),
            "{cmd}: {}",
            err(&out)
        );
        assert_eq!(
            fs::metadata(&empty).unwrap().len(),
            0,
            "{cmd} left it empty"
        );
    }
}

#[test]
fn item6_only_an_empty_file_named_as_a_database_is_made_one() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let backup = sb.path("backup.json");
    let out = sb.run(&[
        "export",
        "--format",
        "json",
        "--db",
        s(&db),
        "-o",
        s(&backup),
    ]);
    assert!(out.status.success(), "{}", err(&out));

    let notes = sb.path("notes.txt");
    fs::write(&notes, "").unwrap();
    let out = sb.run(&["import", s(&backup), "--db", s(&notes)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err(&out).contains(".sqlite, .sqlite3, .db, .db3"),
        "{}",
        err(&out)
    );
    assert_eq!(fs::metadata(&notes).unwrap().len(), 0);

    let new = sb.path("new.sqlite");
    fs::write(&new, "").unwrap();
    let out = sb.run(&["import", s(&backup), "--db", s(&new)]);
    assert!(out.status.success(), "{}", err(&out));
    assert!(sb.run(&["status", "--db", s(&new)]).status.success());
}

#[test]
fn item5_json_amounts_outside_the_format_are_refused() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let out = sb.run(&["export", "--format", "json", "--db", s(&db)]);
    let good = String::from_utf8(out.stdout).unwrap();
    assert!(good.contains("\"180000.00\""));
    for (bad, why) in [
        ("\"1e2\"", "'e' is not allowed"),
        ("\"+5.00\"", "'+' is not allowed"),
    ] {
        let file = sb.path("bad.json");
        fs::write(&file, good.replacen("\"180000.00\"", bad, 1)).unwrap();
        let fresh = sb.path("fresh.sqlite");
        let out = sb.run(&["import", s(&file), "--db", s(&fresh)]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(err(&out).contains(why), "{bad}: {}", err(&out));
        assert!(
            err(&out).contains("grants[0].recipients[0].allocated: amount"),
            "the value's place in the document: {}",
            err(&out)
        );
        assert!(
            err(&out).contains(&format!("amount {}", bad.replace('"', "'"))),
            "{}",
            err(&out)
        );
        assert!(!fresh.exists(), "nothing created");
    }
}

#[test]
fn item13_exports_and_reports_are_private_like_the_database() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    assert_eq!(mode(&db), 0o600);
    let csv = sb.path("x.csv");
    let md = sb.path("r.md");
    assert!(
        sb.run(&["export", "--format", "csv", "--db", s(&db), "-o", s(&csv)])
            .status
            .success()
    );
    assert!(
        sb.run(&["report", "--db", s(&db), "-o", s(&md)])
            .status
            .success()
    );
    assert_eq!(mode(&csv), 0o600);
    assert_eq!(mode(&md), 0o600);
    // Writing again over a file someone opened up keeps it private too.
    fs::set_permissions(&csv, fs::Permissions::from_mode(0o644)).unwrap();
    assert!(
        sb.run(&["export", "--format", "csv", "--db", s(&db), "-o", s(&csv)])
            .status
            .success()
    );
    assert_eq!(mode(&csv), 0o600);
}

#[test]
fn item14_a_group_folder_makes_every_file_group_writable() {
    let sb = Sandbox::new();
    let shared = sb.path("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o2770)).unwrap();
    let db = shared.join("medel.sqlite");
    let out = sb.run(&["demo", "--db", s(&db)]);
    assert!(out.status.success(), "{}", err(&out));
    assert_eq!(mode(&db), 0o660, "the database");
    let csv = shared.join("x.csv");
    assert!(
        sb.run(&["export", "--format", "csv", "--db", s(&db), "-o", s(&csv)])
            .status
            .success()
    );
    assert_eq!(mode(&csv), 0o660, "an export");

    // SQLite gives the side files the database's mode (whatever the
    // umask): checked while a connection holds them open.
    let store = medel::store::Store::open(&db).unwrap();
    store.data_version().unwrap();
    for side in ["medel.sqlite-wal", "medel.sqlite-shm"] {
        assert_eq!(mode(&shared.join(side)), 0o660, "{side}");
    }
    drop(store);

    // A new database made by the app's own path, in the group folder.
    let made = shared.join("new.sqlite");
    drop(medel::store::Store::open(&made).unwrap());
    assert_eq!(mode(&made), 0o660);
}

#[test]
fn item14_side_files_left_private_are_opened_up_after_a_chmod() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    // A session already at work: its side files were made 0600 with the
    // database, and hold data, so SQLite leaves their mode alone.
    let working = medel::store::Store::open(&db).unwrap();
    working.data_version().unwrap();
    let (wal, shm) = (sb.path("d.sqlite-wal"), sb.path("d.sqlite-shm"));
    assert_eq!((mode(&wal), mode(&shm)), (0o600, 0o600));
    assert!(fs::metadata(&shm).unwrap().len() > 0);
    // The owner shares the database; their next start opens the rest.
    fs::set_permissions(&db, fs::Permissions::from_mode(0o660)).unwrap();
    let next = medel::store::Store::open(&db).unwrap();
    assert_eq!(mode(&wal), 0o660);
    assert_eq!(mode(&shm), 0o660);
    drop((working, next));
}

#[test]
fn item15_a_dangling_link_as_the_database_says_what_is_wrong() {
    let sb = Sandbox::new();
    let link = sb.path("db.sqlite");
    symlink(sb.path("moved/away.sqlite"), &link).unwrap();
    let db = sb.demo("d.sqlite");
    let backup = sb.path("b.json");
    let out = sb.run(&[
        "export",
        "--format",
        "json",
        "--db",
        s(&db),
        "-o",
        s(&backup),
    ]);
    assert!(out.status.success(), "{}", err(&out));
    for args in [
        vec!["status", "--db", s(&link)],
        vec!["import", s(&backup), "--db", s(&link)],
    ] {
        let out = sb.run(&args);
        assert_eq!(out.status.code(), Some(2));
        let e = err(&out);
        assert!(!e.contains("os error 17"), "{e}");
        assert!(
            e.contains("is a symbolic link to") && e.contains("moved/away.sqlite"),
            "{e}"
        );
    }
    let e = medel::store::Store::open(&link).err().unwrap();
    let sv = medel::i18n::store_errors::explain(&e, medel::domain::Lang::Sv);
    assert!(sv.contains("är en symbolisk länk till"), "{sv}");
}

#[test]
fn item16_os_errors_are_worded_in_both_languages_with_the_path() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let file = sb.path("plain.txt");
    fs::write(&file, "x").unwrap();
    let under = file.join("x.csv");
    for (lang, words) in [
        ("en_GB.UTF-8", "part of the path is a file, not a folder"),
        ("sv_SE.UTF-8", "en del av sökvägen är en fil, inte en mapp"),
    ] {
        let out = sb.run_in(
            lang,
            &["export", "--format", "csv", "--db", s(&db), "-o", s(&under)],
        );
        assert_eq!(out.status.code(), Some(2));
        let e = err(&out);
        assert!(e.contains(&format!("{}: {words}", under.display())), "{e}");
    }
}

#[test]
fn item7_a_link_planted_as_a_side_file_is_named_and_never_followed() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let victim = sb.path("victim.txt");
    fs::write(&victim, VICTIM).unwrap();
    for side in ["d.sqlite-wal", "d.sqlite-shm", "d.sqlite-journal"] {
        let link = sb.path(side);
        symlink(&victim, &link).unwrap();
        let out = sb.run(&["status", "--db", s(&db)]);
        assert_eq!(out.status.code(), Some(2), "{side}");
        assert!(
            err(&out).contains(&format!(
                "{} is a symbolic link where SQLite keeps its journal",
                link.display()
            )),
            "{side}: {}",
            err(&out)
        );
        assert_eq!(fs::read_to_string(&victim).unwrap(), VICTIM);
        fs::remove_file(&link).unwrap();
    }
}
