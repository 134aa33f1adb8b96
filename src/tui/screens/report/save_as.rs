//! `w` in the report preview: which format, under which name. The name is
//! the user's to edit; the file goes in the folder medel started in and is
//! created new, so an existing file is never written over.

use std::io::Write;
use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::domain::Lang;
use crate::domain::file_name::safe_stem;
use crate::domain::model::title_and_year;
use crate::files::create_new;
use crate::i18n;
use crate::report::{self, ReportData, ReportFormat};
use crate::tui::action::Action;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::centered;
use crate::tui::widgets::text_field::TextField;

/// The formats offered, Word first: it is what the committee takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Word,
    Markdown,
    Text,
}

impl Format {
    const ALL: [Format; 3] = [Format::Word, Format::Markdown, Format::Text];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Word => "docx",
            Format::Markdown => "md",
            Format::Text => "txt",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Format::Word => "Word",
            Format::Markdown => "Markdown",
            Format::Text => "Text",
        }
    }

    pub fn bytes(self, data: &ReportData, lang: Lang) -> std::io::Result<Vec<u8>> {
        let words = i18n::report::words(lang);
        Ok(match self {
            Format::Word => report::render_docx(data, words)?,
            Format::Markdown => report::render(data, words, ReportFormat::Markdown).into_bytes(),
            Format::Text => report::render(data, words, ReportFormat::Text).into_bytes(),
        })
    }
}

#[derive(Debug)]
pub struct SaveAs {
    pub format: Format,
    pub name: TextField,
}

/// What the dialog asks of the screen after a key.
pub enum Outcome {
    Stay,
    Cancel,
    Write,
}

impl SaveAs {
    /// "Redovisning Utvecklingsmedel VINR 2017.docx", safe on the
    /// committee's Windows share too, as the templates' names are.
    pub fn new(stem: &str, title: &str, year: i32) -> SaveAs {
        let name = safe_stem(&format!("{stem} {}", title_and_year(title, year)));
        let mut name = TextField::text(&format!("{name}.docx"));
        name.focus();
        SaveAs {
            format: Format::Word,
            name,
        }
    }

    pub fn update(&mut self, action: &Action) -> Outcome {
        match action {
            Action::NextField | Action::PrevField => {
                let i = Format::ALL
                    .iter()
                    .position(|f| *f == self.format)
                    .unwrap_or(0);
                let step = if matches!(action, Action::NextField) {
                    1
                } else {
                    2
                };
                self.switch(Format::ALL[(i + step) % Format::ALL.len()]);
                Outcome::Stay
            }
            Action::Confirm | Action::Save => Outcome::Write,
            Action::Back => Outcome::Cancel,
            Action::Input(key) => {
                self.name.handle(key);
                Outcome::Stay
            }
            _ => Outcome::Stay,
        }
    }

    /// A new format changes the name's extension when it has one of ours.
    fn switch(&mut self, to: Format) {
        let name = self.name.value().to_string();
        let stem = Format::ALL
            .iter()
            .find_map(|f| name.strip_suffix(&format!(".{}", f.extension())))
            .unwrap_or(&name);
        self.name.set(&format!("{stem}.{}", to.extension()));
        self.format = to;
    }

    /// The file named, in the folder medel started in.
    pub fn path(&self, dir: &Path) -> PathBuf {
        dir.join(self.name.value().trim())
    }

    /// Writes a new file; an existing one is refused, not replaced.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let mut file = create_new(path)?;
        // A file begun and not finished is no report: it goes again.
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .inspect_err(|_| {
                let _ = std::fs::remove_file(path);
            })?;
        Ok(path.to_path_buf())
    }

    pub fn draw(&self, frame: &mut Frame, body: Rect, ctx: &Ctx) -> Option<Position> {
        let t = ctx.t();
        let width = 64.min(body.width);
        let area = centered(body, width, 7);
        frame.render_widget(Clear, area);
        let mut formats = vec![Span::raw(format!("{}: ", t.save_format))];
        for f in Format::ALL {
            let style = if f == self.format {
                ctx.theme.selected()
            } else {
                ctx.theme.dim()
            };
            formats.push(Span::styled(format!(" {} ", f.label()), style));
            formats.push(Span::raw(" "));
        }
        let label = format!("{}: ", t.save_name);
        let field = (width as usize).saturating_sub(label.chars().count() + 2);
        let (cursor, scroll) = self.name.cursor_and_scroll(field);
        let shown: String = self.name.value().chars().skip(scroll).take(field).collect();
        let lines = vec![
            Line::from(formats),
            Line::from(""),
            Line::from(vec![
                Span::raw(label.clone()),
                Span::styled(shown, ctx.theme.emphasis()),
            ]),
            Line::from(""),
            Line::styled(t.save_hint, ctx.theme.key()),
        ];
        let block = Block::bordered().title(Span::styled(t.save_title, ctx.theme.title()));
        frame.render_widget(Paragraph::new(lines).block(block), area);
        Some(Position::new(
            area.x + 1 + (label.chars().count() + cursor) as u16,
            area.y + 3,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proposed_name_is_one_windows_takes_too() {
        let save = SaveAs::new("Redovisning", "Bidrag 2026/27: del 1?", 2026);
        assert_eq!(save.name.value(), "Redovisning Bidrag 2026_27_ del 1_.docx");
        let save = SaveAs::new("Report", "Bidrag", 2026);
        assert_eq!(save.name.value(), "Report Bidrag 2026.docx");
    }
}
