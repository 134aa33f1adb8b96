//! The report preview (`r`): the same text `medel report` writes, to read
//! on screen and, with `w`, to write to a Word, Markdown or text file. This is where
//! the app hands the grant's data to the report.

mod draw;
mod save_as;

use std::cell::{Cell, RefCell};

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::model::GrantId;
use crate::i18n;
use crate::report;
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, View};
use crate::tui::widgets::cursor::Cursor;
use save_as::{Outcome, SaveAs};

#[derive(Debug)]
pub struct ReportState {
    pub grant_id: GrantId,
    pub doc: report::Document,
    /// The report laid out at the last draw's width, kept until it changes.
    pub laid_out: RefCell<(usize, Vec<(report::LineKind, String)>)>,
    /// The `w` dialog, while open.
    pub save: Option<SaveAs>,
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
            save: None,
            scroll: Cursor::with_page(10),
            display_len: Cell::new(0),
        })
    }

    /// `w`: the dialog with the name offered for this grant.
    fn offer(&mut self, ctx: &Ctx) -> Effect {
        let Some(d) = ctx.grant.as_ref().filter(|d| d.grant.id == self.grant_id) else {
            return Effect::None;
        };
        self.save = Some(SaveAs::new(ctx.t().save_stem, &d.grant.title, d.grant.year));
        Effect::None
    }

    /// Writes the file the dialog names; an existing file is refused and
    /// the dialog stays for another name.
    fn write(&mut self, ctx: &Ctx) -> Effect {
        let t = ctx.t();
        let Some(save) = &self.save else {
            return Effect::None;
        };
        let written = ctx
            .store
            .report_data(self.grant_id, ctx.today)
            .map_err(|e| i18n::store_errors::explain(&e, ctx.lang))
            .and_then(|data| {
                save.format
                    .bytes(&data, ctx.lang)
                    .map_err(|e| e.to_string())
            })
            .and_then(|bytes| {
                let path = save.path(&ctx.report_dir);
                save.write(&path, &bytes).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        t.save_exists.to_string()
                    } else {
                        i18n::os_errors::io(&path, &e, ctx.lang)
                    }
                })
            });
        match written {
            Ok(path) => {
                self.save = None;
                let full = std::fs::canonicalize(&path).unwrap_or(path);
                Effect::Info(format!("{} {}", t.report_written, full.display()))
            }
            Err(e) => Effect::Error(e),
        }
    }
}

impl View for ReportState {
    fn contexts(&self) -> Vec<KeyContext> {
        if self.save.is_some() {
            return vec![KeyContext::Form];
        }
        vec![KeyContext::ReportView, KeyContext::List, KeyContext::Global]
    }

    fn takes_text(&self) -> bool {
        self.save.is_some()
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        if let Some(save) = &mut self.save {
            return match save.update(&action) {
                Outcome::Stay => Effect::None,
                Outcome::Cancel => {
                    self.save = None;
                    Effect::None
                }
                Outcome::Write => self.write(ctx),
            };
        }
        let shown = self.display_len.get();
        let last = shown.saturating_sub(self.scroll.page.get());
        if self.scroll.apply(&action, last + 1) {
            return Effect::None;
        }
        match action {
            Action::WriteFile => self.offer(ctx),
            Action::Back => Effect::Close,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self);
        self.save.as_ref().and_then(|s| s.draw(frame, area, ctx))
    }
}
