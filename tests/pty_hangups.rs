//! Hang-ups the app must survive without losing a typed form: a hang-up
//! while another program holds the write lock, and a terminal that dies
//! with no SIGHUP reaching medel (started through `su`/`runuser`, or from
//! a shell that ignores HUP). The real binary in a pseudo-terminal.

#![cfg(unix)]

use std::io::Write;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize};
use tempfile::TempDir;

const DEADLINE: Duration = Duration::from_secs(20);

/// medel (or a wrapper running it) in an 80×24 pseudo-terminal whose
/// master side the test can close, as a dying SSH connection does.
struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    stop_reading: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

impl Pty {
    fn start(dir: &Path, program: &str, args: &[&str]) -> Pty {
        let pair = portable_pty::native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("LANG", "en_US.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", dir);
        cmd.env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        cmd.cwd(dir);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let master = pair.master;
        // A reader of our own on a copy of the master, which it closes
        // when told to stop: a blocked read would keep the pty alive.
        // SAFETY: dup of an fd `master` keeps open; the copy is owned here.
        let fd = unsafe { OwnedFd::from_raw_fd(libc::dup(master.as_raw_fd().unwrap())) };
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let (sc, stop) = (Arc::clone(&screen), Arc::clone(&stop_reading));
        let reader = thread::spawn(move || read_until_stopped(fd, &sc, &stop));
        let writer = master.take_writer().unwrap();
        Pty {
            child,
            master: Some(master),
            writer: Some(writer),
            screen,
            stop_reading,
            reader: Some(reader),
        }
    }

    fn contents(&self) -> String {
        let p = self.screen.lock().unwrap_or_else(|e| e.into_inner());
        p.screen().contents()
    }

    fn wait_for(&mut self, what: &str) {
        let start = Instant::now();
        while !self.contents().contains(what) {
            assert!(
                start.elapsed() < DEADLINE,
                "no {what:?} on screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().unwrap();
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// Closes every handle on the master: the terminal is gone.
    fn close_terminal(&mut self) {
        self.stop_reading.store(true, Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits up to `limit` for the process to end; true when it did.
    fn exits_within(&mut self, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.child.try_wait().unwrap().is_some() {
                return true;
            }
            thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

fn read_until_stopped(fd: OwnedFd, screen: &Mutex<vt100::Parser>, stop: &AtomicBool) {
    let mut buf = [0u8; 8192];
    while !stop.load(Ordering::Relaxed) {
        let mut p = libc::pollfd {
            fd: fd.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one pollfd we own, and a buffer as long as we say.
        if unsafe { libc::poll(&mut p, 1, 50) } <= 0 {
            continue;
        }
        let n = unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            return;
        }
        screen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .process(&buf[..n as usize]);
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

const MEDEL: &str = env!("CARGO_BIN_EXE_medel");

/// A demo database in a folder of its own.
fn demo_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let mut store = medel::store::Store::open(&db).unwrap();
    medel::demo::write(&mut store).unwrap();
    (dir, db)
}

/// The app on `db` with Bromma's spending form open and 5 typed in.
fn typed_form(dir: &Path, program: &str, args: &[&str]) -> Pty {
    let mut app = Pty::start(dir, program, args);
    app.wait_for("Recipients");
    app.send(b"\r");
    app.wait_for("Bromma · allocated");
    app.send(b"5");
    app.wait_for("Used 5 of");
    app
}

/// The next start offers the draft and brings the form back.
fn draft_is_offered(dir: &Path, db: &Path) {
    let mut next = Pty::start(dir, MEDEL, &["--db", db.to_str().unwrap()]);
    next.wait_for("unsaved draft");
    next.send(b"y");
    next.wait_for("Used 5 of");
    next.send(b"\x03");
    assert!(next.exits_within(DEADLINE));
}

/// CPU seconds a process has used, from /proc (utime + stime).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    Some(ticks / hz)
}

/// The pid of the one child of `parent`: medel under its wrapper.
fn only_child(parent: u32) -> u32 {
    let path = format!("/proc/{parent}/task/{parent}/children");
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(pid) = text.split_whitespace().next() {
            return pid.parse().unwrap();
        }
        assert!(start.elapsed() < DEADLINE, "no child of {parent}");
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_hang_up_while_another_program_holds_the_write_lock_keeps_the_form() {
    let (dir, db) = demo_db();
    let mut app = typed_form(dir.path(), MEDEL, &["--db", db.to_str().unwrap()]);
    // Another program takes the write lock and holds it for 12 s.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let held = Instant::now();
    let pid = app.child.process_id().unwrap() as i32;
    // SAFETY: our own child, not yet reaped.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGHUP) }, 0);
    assert!(
        app.exits_within(Duration::from_secs(12)),
        "medel ends after its busy wait"
    );
    assert!(held.elapsed() < Duration::from_secs(12), "still locked");
    let beside = medel::store::draft_file(&db);
    assert!(beside.exists(), "the draft waits beside the database");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&beside).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "private, as the folder is");
    }
    while held.elapsed() < Duration::from_secs(12) {
        thread::sleep(Duration::from_millis(100));
    }
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    draft_is_offered(dir.path(), &db);
    assert!(!beside.exists(), "moved into the database at the start");
}

#[test]
fn a_terminal_that_dies_without_a_hang_up_signal_ends_medel_and_keeps_the_form() {
    let (dir, db) = demo_db();
    // A wrapper that ignores HUP and is the session leader, so the kernel's
    // SIGHUP reaches it and not medel, as under `su` or `runuser`.
    let script = "trap '' HUP; \"$@\"; :";
    let args = ["-c", script, "sh", MEDEL, "--db", db.to_str().unwrap()];
    let mut app = typed_form(dir.path(), "/bin/sh", &args);
    let medel_pid = only_child(app.child.process_id().unwrap());
    let before = cpu_seconds(medel_pid).unwrap();
    let closed = Instant::now();
    let mut last = before;
    app.close_terminal();
    let mut ended = false;
    while closed.elapsed() < Duration::from_secs(5) {
        match cpu_seconds(medel_pid) {
            Some(now) => last = now,
            None => {
                ended = true;
                break;
            }
        }
        thread::sleep(Duration::from_millis(50));
    }
    let took = closed.elapsed();
    assert!(ended, "medel still runs {took:?} after its terminal died");
    let cpu = last - before;
    assert!(
        cpu < took.as_secs_f64() * 0.5 + 0.2,
        "medel used {cpu:.2} s of CPU in {took:?}: the input thread spun"
    );
    assert!(app.exits_within(DEADLINE), "the wrapper ends after medel");
    draft_is_offered(dir.path(), &db);
}
