//! The real binary in a pseudo-terminal: keys typed as bytes, the screen
//! read back through a terminal emulator (vt100), and after the process
//! has gone, the terminal checked the way a user's shell would find it.
//!
//! Every wait polls the parsed screen with a generous deadline instead of
//! sleeping, so the tests are quick on an idle machine and still pass on
//! a loaded one.

#![cfg(unix)]

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use medel::domain::money::Money;
use medel::domain::status::GrantStatus;
use medel::store::Store;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty};
use support::db::status;
use support::kr;
use tempfile::TempDir;

/// How long one step may take before the test gives up. Only reached
/// when something is wrong; a passing step takes milliseconds.
const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);
/// How long the last output may trail the exit of the process.
const AFTER_EXIT: Duration = Duration::from_secs(2);

const ENTER: &[u8] = b"\r";
const CTRL_C: &[u8] = b"\x03";
const CTRL_S: &[u8] = b"\x13";

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// `medel demo` running in an 80×24 pseudo-terminal.
struct Session {
    dir: TempDir,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Held open by the test so that the terminal's modes outlive the
    /// child: the kernel resets them when the last slave handle closes,
    /// which would make the raw-mode check pass whatever the app did.
    slave: Option<Box<dyn SlavePty + Send>>,
    /// Dropping the writer types Enter and Ctrl-D, so it lives as long
    /// as the session.
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    output: Arc<Mutex<Vec<u8>>>,
    reader_done: Receiver<()>,
}

impl Session {
    fn start() -> Session {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("d.sqlite");
        Session::start_in(dir, &["demo".as_ref(), "--db".as_ref(), db.as_os_str()])
    }

    /// `medel ARGS` in the folder of an earlier session, which has ended.
    fn restart(mut self, args: &[&std::ffi::OsStr]) -> Session {
        let placeholder = tempfile::tempdir().unwrap();
        let dir = std::mem::replace(&mut self.dir, placeholder);
        Session::start_in(dir, args)
    }

    /// At the start after a hang-up: the draft is offered, `y` brings the
    /// form back as it was typed, Ctrl-C leaves.
    fn draft_is_offered_and_restored(mut self) {
        self.wait_for_text("unsaved draft");
        self.send(b"y");
        self.wait_for_text("Used 5 of");
        self.send(CTRL_C);
        let status = self.wait_for_exit();
        assert!(status.success(), "exit status {status:?}");
    }

    fn start_in(dir: TempDir, args: &[&std::ffi::OsStr]) -> Session {
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        let pair = portable_pty::native_pty_system()
            .openpty(size(24, 80))
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_medel"));
        cmd.args(args);
        // Nothing from the developer's environment: no locale, no
        // NO_COLOR, no MEDEL_DB, no real home.
        cmd.env_clear();
        cmd.env("LANG", "en_US.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", &home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("MEDEL_USER", "tester");
        cmd.cwd(dir.path());
        let child = pair.slave.spawn_command(cmd).unwrap();

        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let output = Arc::new(Mutex::new(Vec::new()));
        let (done_tx, reader_done) = mpsc::channel();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (s, o) = (Arc::clone(&screen), Arc::clone(&output));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Ends with an error (EIO) once no slave handle is left open.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                s.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .process(&buf[..n]);
                o.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend_from_slice(&buf[..n]);
            }
            let _ = done_tx.send(());
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            dir,
            child,
            master: pair.master,
            slave: Some(pair.slave),
            writer,
            screen,
            output,
            reader_done,
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("d.sqlite")
    }

    fn contents(&self) -> String {
        self.parser().screen().contents()
    }

    /// Waits until `ok` holds for the parsed screen; on failure shows the
    /// screen and whether the app is still running. Once the app has
    /// exited, what it wrote last may still be on its way through the
    /// pty, so the wait goes on a little before giving up.
    fn wait_until(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        let mut exited: Option<(Instant, ExitStatus)> = None;
        loop {
            if ok(self.parser().screen()) {
                return;
            }
            if exited.is_none() {
                exited = self.child.try_wait().unwrap().map(|e| (Instant::now(), e));
            }
            let late = exited
                .as_ref()
                .is_some_and(|(at, _)| at.elapsed() > AFTER_EXIT);
            if start.elapsed() > DEADLINE || late {
                let _ = self.child.kill();
                panic!(
                    "waited for {what} (exited: {:?}); the screen shows:\n{}",
                    exited.map(|(_, e)| e),
                    self.contents()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// The emulator; a panic elsewhere while it was locked does not make
    /// its contents wrong, so a poisoned lock is taken as it is.
    fn parser(&self) -> std::sync::MutexGuard<'_, vt100::Parser> {
        self.screen.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait_for_text(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the emulator first, so that everything the app draws
    /// after it has seen the new size is parsed at that size.
    fn resize(&mut self, rows: u16, cols: u16) {
        self.parser().screen_mut().set_size(rows, cols);
        self.master.resize(size(rows, cols)).unwrap();
    }

    fn pid(&self) -> i32 {
        let pid = self.child.process_id().expect("the child has a pid");
        i32::try_from(pid).unwrap()
    }

    fn wait_for_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("medel did not exit; the screen shows:\n{}", self.contents());
            }
            thread::sleep(POLL);
        }
    }

    /// The terminal's line settings, as the shell will find them.
    fn local_flags(&self) -> libc::tcflag_t {
        let fd = self.master.as_raw_fd().expect("a unix pty has a fd");
        // SAFETY: tcgetattr only writes into the zeroed struct we own, and
        // the fd stays open while `self.master` lives.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0, "tcgetattr");
        t.c_lflag
    }

    fn in_raw_mode(&self) -> bool {
        self.local_flags() & (libc::ICANON | libc::ECHO) == 0
    }

    /// After the app is gone: the main screen is back, the cursor shows,
    /// lines are read and echoed again.
    fn assert_terminal_restored(mut self) -> Session {
        self.wait_until("the normal screen and a visible cursor", |s| {
            !s.alternate_screen() && !s.hide_cursor()
        });
        let lflag = self.local_flags();
        assert_ne!(lflag & libc::ICANON, 0, "raw mode left on: ICANON is off");
        assert_ne!(lflag & libc::ECHO, 0, "raw mode left on: ECHO is off");
        let output = self
            .output
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let has = |seq: &[u8]| output.windows(seq.len()).any(|w| w == seq);
        assert!(has(b"\x1b[?1049l"), "never left the alternate screen");
        assert!(has(b"\x1b[?25h"), "never showed the cursor again");
        // Closing our slave handle ends the reader; it has nothing left
        // to tell, so its end is awaited only briefly.
        self.slave = None;
        let _ = self.reader_done.recv_timeout(Duration::from_secs(2));
        self
    }

    /// Waits for the main view and checks that the app took the terminal
    /// over, so that the checks after it leaves mean something.
    fn wait_for_main_view(&mut self) {
        // The cursor is hidden just after the first frame is written.
        self.wait_until("the main view, full-screen", |s| {
            s.contents().contains("Recipients") && s.alternate_screen() && s.hide_cursor()
        });
        assert!(self.in_raw_mode(), "the app runs without raw mode");
    }

    /// Enter on the first recipient, Bromma, opens its spending form.
    fn open_bromma(&mut self) {
        self.send(ENTER);
        self.wait_for_text("Bromma · allocated");
    }
}

/// A failed assertion must not leave the app running behind the tests.
impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The grant's status as stored, read the way `medel status` reads it.
fn stored_status(db: &Path) -> GrantStatus {
    status(&Store::open(db).unwrap())
}

fn used_by(status: &GrantStatus, name: &str) -> Money {
    status
        .recipients
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{name} is a recipient"))
        .used
}

#[test]
fn spending_typed_and_saved_reaches_the_database() {
    let mut s = Session::start();
    s.wait_for_main_view();
    s.open_bromma();
    s.send(b"12500");
    s.wait_for_text("12500");
    s.send(CTRL_S);
    s.wait_for_text("Saved: Bromma");
    s.send(b"q");
    let status = s.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");

    let stored = stored_status(&s.db());
    assert_eq!(used_by(&stored, "Bromma"), kr(12_500));
    // Credited to the grant, so that much less goes back.
    assert_eq!(stored.to_return, kr(564_968));
    s.assert_terminal_restored();
}

#[test]
fn ctrl_c_in_a_dirty_form_leaves_cleanly_and_saves_nothing() {
    let mut s = Session::start();
    s.wait_for_main_view();
    s.open_bromma();
    s.send(b"777");
    s.wait_for_text("777");
    s.send(CTRL_C);
    let status = s.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");

    let stored = stored_status(&s.db());
    assert_eq!(used_by(&stored, "Bromma"), Money::ZERO);
    assert_eq!(stored.to_return, kr(577_468));
    s.assert_terminal_restored();
}

/// What an SSH session that drops (SIGHUP) or a `kill` (SIGTERM) does to
/// the app: it must leave the terminal usable and end.
fn signal_restores_the_terminal(signal: libc::c_int) {
    let mut s = Session::start();
    s.wait_for_main_view();
    s.open_bromma();
    s.send(b"5");
    s.wait_for_text("Used 5 of");
    // SAFETY: kill has no memory effects; the pid is our own child's and
    // it has not been reaped yet (try_wait never saw it exit).
    assert_eq!(unsafe { libc::kill(s.pid(), signal) }, 0, "kill");
    let status = s.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_eq!(used_by(&stored_status(&s.db()), "Bromma"), Money::ZERO);
    let mut store = Store::open(&s.db()).unwrap();
    store.set_who("tester");
    assert_eq!(
        store.drafts().unwrap().len(),
        1,
        "the typed form was kept as a draft"
    );
    drop(store);
    let db = s.db();
    s.assert_terminal_restored()
        .restart(&["--db".as_ref(), db.as_os_str()])
        .draft_is_offered_and_restored();
}

#[test]
fn sigterm_keeps_the_form_as_a_draft_and_restores_the_terminal() {
    signal_restores_the_terminal(libc::SIGTERM);
}

#[test]
fn sighup_keeps_the_form_as_a_draft_and_restores_the_terminal() {
    signal_restores_the_terminal(libc::SIGHUP);
}

#[test]
fn too_small_a_terminal_says_so_and_the_view_comes_back() {
    let mut s = Session::start();
    s.wait_for_main_view();
    s.resize(20, 60);
    s.wait_for_text("Terminal too small");
    s.wait_for_text("have 60×20");
    s.resize(24, 80);
    s.wait_until("the main view again", |sc| {
        let text = sc.contents();
        text.contains("Recipients") && !text.contains("too small")
    });
    s.send(b"q");
    let status = s.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();
}

/// Issue 12: a paste arrives as one bracketed-paste event, so its line
/// breaks (a terminal sends them as `\r`) stay line breaks in a note and
/// are not taken for Enter.
#[test]
fn a_pasted_note_keeps_its_line_breaks() {
    let mut s = Session::start();
    s.wait_for_main_view();
    s.open_bromma();
    s.send(b"\t");
    s.send(b"\x1b[200~First paragraph\rsecond paragraph\x1b[201~");
    s.wait_for_text("second paragraph");
    s.send(CTRL_S);
    s.wait_for_text("Saved: Bromma");
    s.send(b"q");
    let status = s.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    let store = Store::open(&s.db()).unwrap();
    let (g, r) = (
        support::db::current_grant(&store),
        support::db::recipient_id(&store, "Bromma"),
    );
    let note = store.entry(g, r).unwrap().spending[0].note.clone();
    assert_eq!(note, "First paragraph\nsecond paragraph");
    s.assert_terminal_restored();
}
