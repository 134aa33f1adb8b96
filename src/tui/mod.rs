//! The full-screen app: app state, the key table, one file per view.
//!
//! `run` owns the terminal: it restores it on every way out (quit, error,
//! panic via ratatui's hook, SIGTERM and SIGHUP).

pub mod action;
mod allocation;
pub mod app;
pub mod field;
mod form;
mod form_update;
pub mod keys;
pub mod main_list;
pub mod screenshots;
pub mod svg;
pub mod theme;
pub mod views;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

pub use app::App;

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
    let result = event_loop(&mut terminal, app, &stop);
    ratatui::try_restore().context("cannot restore the terminal")?;
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let mut redraw = true;
    let mut last_poll = Instant::now();
    loop {
        if redraw {
            terminal.draw(|f| views::draw(f, app))?;
            redraw = false;
        }
        if stop.load(Ordering::Relaxed) || app.quit {
            return Ok(());
        }
        if event::poll(Duration::from_millis(100))? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    app.handle_key(k);
                    redraw = true;
                }
                Event::Paste(text) => {
                    app.paste(&text);
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
