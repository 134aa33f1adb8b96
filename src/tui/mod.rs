//! The full-screen app: the app and its loop, the key table, the screen
//! contract (`screen`), one room per screen (`screens/`) and the pieces
//! they share (`widgets/`).
//!
//! `run` owns the terminal: it restores it on every way out (quit, error,
//! panic via ratatui's hook, SIGTERM and SIGHUP).

mod action;
mod app;
mod drafts;
mod frame;
mod keys;
mod screen;
mod screens;
pub mod screenshots;
mod svg;
pub mod theme;
mod undo;
mod widgets;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers,
};
use ratatui::crossterm::execute;

pub use app::App;
pub use frame::draw;
use widgets::too_small::fits;

/// How often the app looks for changes saved by other sessions.
const POLL_OTHERS: Duration = Duration::from_millis(500);

/// Runs the app until the user quits or the session ends.
pub fn run(app: &mut App) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot watch for hang-up signals")?;
    }
    let mut terminal =
        ratatui::try_init().context("cannot switch the terminal to full-screen mode")?;
    // Pasted text arrives as one event, so a newline in it is not Enter.
    // Failing to enable it only costs that comfort.
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app, &stop);
    if stop.load(Ordering::Relaxed) || result.is_err() {
        // Hung up, told to stop or lost the terminal: keep what was typed
        // for the next start.
        app.save_drafts();
    }
    // After a hang-up the terminal may be gone; restoring it then fails
    // harmlessly, and the drafts above are already safe.
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    let restored = ratatui::try_restore().context("cannot restore the terminal");
    result.and(restored)
}

/// Reads terminal events on a thread of its own. crossterm 0.29 can spin
/// inside its read once the terminal is gone (crossterm issue #793); the
/// main loop then still sees the hang-up signal, saves the drafts and
/// ends the process, and this thread with it.
fn read_input() -> Receiver<std::io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    rx
}

/// True once the terminal has been hung up: on a closed pseudo-terminal
/// every ioctl fails with `EIO`, so neither `isatty` nor `tcgetpgrp`
/// answer. (`tcgetpgrp` failing with `ENOTTY` only means the terminal is
/// not this session's controlling one, as under `setsid`: still usable.)
/// Checked ten times a second; each is one system call.
fn terminal_gone() -> bool {
    use std::io::IsTerminal;
    #[cfg(unix)]
    {
        // SAFETY: tcgetpgrp only reads the file descriptor's terminal.
        let failed = unsafe { libc::tcgetpgrp(libc::STDIN_FILENO) } < 0;
        if failed && std::io::Error::last_os_error().raw_os_error() == Some(libc::EIO) {
            return true;
        }
    }
    !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal()
}

fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let input = read_input();
    let mut redraw = true;
    let mut last_poll = Instant::now();
    loop {
        if redraw {
            terminal.draw(|f| draw(f, app))?;
            redraw = false;
        }
        if stop.load(Ordering::Relaxed) || app.quit {
            return Ok(());
        }
        if terminal_gone() {
            // No SIGHUP came (started through `runuser`, or HUP ignored):
            // the error path keeps the drafts and the process ends, and
            // the input thread spinning on the dead terminal with it.
            anyhow::bail!("the terminal is gone");
        }
        let next = match input.recv_timeout(Duration::from_millis(100)) {
            Ok(event) => Some(event.context("cannot read from the terminal")?),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("the terminal is gone"),
        };
        if let Some(event) = next {
            match event {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    // While the screen only says it is too small, keys would
                    // act unseen; only Ctrl-C (always honoured) gets through.
                    let size = terminal.size()?;
                    if fits(size.width, size.height) || is_ctrl_c(&k) {
                        app.handle_key(k);
                    }
                    redraw = true;
                }
                Event::Paste(text) => {
                    let size = terminal.size()?;
                    if fits(size.width, size.height) {
                        app.paste(&text);
                    }
                    redraw = true;
                }
                Event::Resize(..) => redraw = true,
                _ => {}
            }
        }
        if last_poll.elapsed() >= POLL_OTHERS {
            last_poll = Instant::now();
            redraw |= app.tick();
        }
    }
}
