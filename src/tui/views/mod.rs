//! Drawing: one file per view. Every function here only reads the app.

mod allocation;
mod chrome;
mod fields;
mod flags;
mod form;
mod grant_form;
mod grants;
mod help;
mod history;
mod main_table;
mod matrix;
mod question;
mod receipt_form;
mod receipts;
mod recipient_form;
mod recipients;
mod report;
mod status_pane;
mod too_small;
pub mod util;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::{App, Overlay, OverlayKind, Screen};

/// The smallest terminal medel draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// True when a terminal of this size shows the app, not the notice.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if !fits(area.width, area.height) {
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
    // The topmost full screen decides the body; popups above it draw over
    // it, and whatever lies below it is hidden.
    let top = app.screens.iter().rposition(Screen::is_full);
    match top.map(|i| &app.screens[i]) {
        Some(Screen::Form(f)) => form::draw(frame, body, app, f),
        Some(Screen::Grants(g)) => grants::draw(frame, body, app, g),
        Some(Screen::Receipts(r)) => receipts::draw(frame, body, app, r),
        Some(Screen::Recipients(v)) => recipients::draw(frame, body, app, v),
        Some(Screen::Matrix(m)) => matrix::draw(frame, body, app, m),
        Some(Screen::History(h)) => history::draw(frame, body, app, h),
        Some(Screen::Report(r)) => report::draw(frame, body, app, r),
        _ => main_table::draw_main(frame, body, app),
    }
    for screen in &app.screens[top.map_or(0, |i| i + 1)..] {
        match screen {
            Screen::Allocation(a) => allocation::draw(frame, body, app, a),
            Screen::Question(q) => question::draw(frame, body, app, q),
            Screen::GrantForm(f) => grant_form::draw(frame, body, app, f),
            Screen::ReceiptForm(f) => receipt_form::draw(frame, body, app, f),
            Screen::RecipientForm(f) => recipient_form::draw(frame, body, app, f),
            _ => {}
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
