//! Drawing: one file per view. Every function here only reads the app.

mod allocation;
mod chrome;
mod flags;
mod form;
mod help;
mod main_table;
mod question;
mod status_pane;
mod too_small;
pub mod util;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::{App, Overlay, OverlayKind, Screen};

/// The smallest terminal medel draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small::draw(frame, area, app);
    }
    let [header, body, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(frame, header, app);
    // The topmost full screen decides the body; popups draw over it.
    let full = app.screens.iter().rev().find_map(|s| match s {
        Screen::Form(f) => Some(f),
        _ => None,
    });
    match full {
        Some(f) => form::draw(frame, body, app, f),
        None => main_table::draw_main(frame, body, app),
    }
    for screen in &app.screens {
        match screen {
            Screen::Allocation(a) => allocation::draw(frame, body, app, a),
            Screen::Question(q) => question::draw(frame, body, app, q),
            Screen::Form(_) => {}
        }
    }
    match app.overlay {
        Some(Overlay {
            kind: OverlayKind::Help,
            scroll,
        }) => help::draw(frame, body, app, scroll),
        Some(Overlay {
            kind: OverlayKind::Flags,
            scroll,
        }) => flags::draw(frame, body, app, scroll),
        None => {}
    }
    chrome::message_line(frame, message, app);
    chrome::footer(frame, footer, app);
}
