//! The report preview (`r`): the same text `medel report` writes, to read
//! on screen and, with `w`, to write to a Markdown file. This is where
//! the app hands the grant's data to the report.

mod draw;

use std::cell::{Cell, RefCell};
use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::model::GrantId;
use crate::i18n;
use crate::report::{self, ReportFormat};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, View};
use crate::tui::widgets::cursor::Cursor;

#[derive(Debug)]
pub struct ReportState {
    pub grant_id: GrantId,
    pub doc: report::Document,
    /// The report laid out at the last draw's width, kept until it changes.
    pub laid_out: RefCell<(usize, Vec<(report::LineKind, String)>)>,
    /// The first line shown.
    pub scroll: Cursor,
    /// Lines on screen after wrapping to the frame, at the last draw.
    pub display_len: Cell<usize>,
}

/// The report of the grant on screen.
pub fn open(ctx: &Ctx) -> Result<ReportState, Effect> {
    let Some(id) = ctx.grant.as_ref().map(|d| d.grant.id) else {
        return Err(Effect::None);
    };
    ctx.stored(ReportState::read(ctx, id))
}

impl ReportState {
    fn read(ctx: &Ctx, grant_id: GrantId) -> Result<ReportState, StoreError> {
        let data = ctx.store.report_data(grant_id, ctx.today)?;
        let doc = report::Document::new(&data, i18n::report::words(ctx.lang));
        Ok(ReportState {
            grant_id,
            doc,
            laid_out: RefCell::new((0, Vec::new())),
            scroll: Cursor::with_page(10),
            display_len: Cell::new(0),
        })
    }

    /// Writes the report as Markdown beside where medel was started, under
    /// a name that says which grant it is; never over an existing file.
    fn write(&self, ctx: &Ctx) -> Effect {
        let t = ctx.t();
        let Some(d) = ctx.grant.as_ref().filter(|d| d.grant.id == self.grant_id) else {
            return Effect::None;
        };
        let stem = format!("{}-{}-{}", t.report_file_stem, d.grant.year, self.grant_id);
        let Some(path) = free_name(&ctx.report_dir, &stem) else {
            return Effect::Error(t.no_free_file_name.into());
        };
        let result = ctx
            .store
            .report_data(self.grant_id, ctx.today)
            .map_err(|e| e.to_string())
            .and_then(|data| {
                let text =
                    report::render(&data, i18n::report::words(ctx.lang), ReportFormat::Markdown);
                std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
            });
        match result {
            Ok(()) => {
                let full = std::fs::canonicalize(&path).unwrap_or(path);
                Effect::Info(format!("{} {}", t.report_written, full.display()))
            }
            Err(e) => Effect::Error(e),
        }
    }
}

/// `stem.md`, or `stem-1.md` and on when that is taken.
fn free_name(dir: &std::path::Path, stem: &str) -> Option<PathBuf> {
    (0..100)
        .map(|n| {
            if n == 0 {
                dir.join(format!("{stem}.md"))
            } else {
                dir.join(format!("{stem}-{n}.md"))
            }
        })
        .find(|p| !p.exists())
}

impl View for ReportState {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::ReportView, KeyContext::List, KeyContext::Global]
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        let shown = self.display_len.get();
        let last = shown.saturating_sub(self.scroll.page.get());
        if self.scroll.apply(&action, last + 1) {
            return Effect::None;
        }
        match action {
            Action::WriteFile => self.write(ctx),
            Action::Back => Effect::Close,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self);
        None
    }
}
