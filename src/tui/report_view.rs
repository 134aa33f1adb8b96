//! The report preview (`r`): the same text `medel report` writes, to read
//! on screen and, with `w`, to write to a Markdown file.

use super::action::Action;
use super::app::{App, Screen};
use crate::i18n;
use crate::report::{self, ReportFormat};

#[derive(Debug)]
pub struct ReportState {
    pub lines: Vec<String>,
    pub scroll: usize,
    /// Lines that fit at the last draw, for PgUp/PgDn.
    pub page: std::cell::Cell<usize>,
    /// Lines on screen after wrapping to the frame, at the last draw.
    pub display_len: std::cell::Cell<usize>,
}

pub fn open(app: &mut App) {
    let Some(id) = app.data.as_ref().map(|d| d.grant.id) else {
        return;
    };
    match app.store.report_data(id, app.today) {
        Ok(data) => {
            let text = report::render(&data, i18n::report::words(app.lang), ReportFormat::Text);
            let lines = text.lines().map(str::to_string).collect();
            app.screens.push(Screen::Report(ReportState {
                lines,
                scroll: 0,
                page: std::cell::Cell::new(10),
                display_len: std::cell::Cell::new(0),
            }));
        }
        Err(e) => app.store_failed(&e),
    }
}

pub fn update(app: &mut App, action: Action) {
    let Some(Screen::Report(r)) = app.screens.last_mut() else {
        return;
    };
    let shown = r.display_len.get().max(r.lines.len());
    let last = shown.saturating_sub(r.page.get());
    let page = r.page.get().max(1);
    r.scroll = match action {
        Action::Up => r.scroll.saturating_sub(1),
        Action::Down => (r.scroll + 1).min(last),
        Action::PageUp => r.scroll.saturating_sub(page),
        Action::PageDown => (r.scroll + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::Save => return write(app),
        Action::Back => {
            app.screens.pop();
            return;
        }
        Action::Quit => return app.request_quit(),
        _ => r.scroll,
    };
}

/// Writes the report as Markdown beside where medel was started, under a
/// name that says which grant it is; never over an existing file.
fn write(app: &mut App) {
    let Some(d) = app.data.as_ref() else { return };
    let id = d.grant.id;
    let stem = format!(
        "{}-{}-{}",
        app.lang.pick("redovisning", "report"),
        d.grant.year,
        id
    );
    let dir = app.report_dir.clone();
    let path = (0..100)
        .map(|n| {
            if n == 0 {
                dir.join(format!("{stem}.md"))
            } else {
                dir.join(format!("{stem}-{n}.md"))
            }
        })
        .find(|p| !p.exists());
    let Some(path) = path else {
        return app.error(
            app.lang
                .pick("Hittar inget ledigt filnamn", "No free file name found"),
        );
    };
    let result = app
        .store
        .report_data(id, app.today)
        .map_err(|e| e.to_string())
        .and_then(|data| {
            std::fs::write(
                &path,
                report::render(&data, i18n::report::words(app.lang), ReportFormat::Markdown),
            )
            .map_err(|e| format!("{}: {e}", path.display()))
        });
    match result {
        Ok(()) => {
            let full = std::fs::canonicalize(&path).unwrap_or(path);
            app.info(format!(
                "{} {}",
                app.lang
                    .pick("Rapporten skrevs till", "The report was written to"),
                full.display()
            ));
        }
        Err(e) => app.error(e),
    }
}
