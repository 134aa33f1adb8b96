//! Lines of a small form: a label, its field, and the field's error
//! under it, wrapped so that a message is never cut.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::text::{centered, fit, left, right, wrap};
use super::text_field::TextField;
use crate::tui::theme::Theme;

/// A field as spans: content padded to `cols`, styled by focus; returns
/// the cursor column inside it when focused.
pub fn field_spans(
    theme: &Theme,
    f: &TextField,
    cols: usize,
    focused: bool,
    align_right: bool,
) -> (Span<'static>, Option<usize>) {
    // Unfocused fields show their start; the focused one follows the cursor.
    let (cursor, scroll) = if focused {
        f.cursor_and_scroll(cols)
    } else {
        (0, 0)
    };
    let visible: String = f.one_line().chars().skip(scroll).collect();
    let text = if align_right && !focused {
        right(&fit(&visible, cols), cols)
    } else {
        left(&visible, cols)
    };
    let style = match (focused, f.is_fresh()) {
        (true, true) => theme.field_fresh(),
        (true, false) => theme.field_focus(),
        (false, _) => theme.field(),
    };
    (Span::styled(text, style), focused.then_some(cursor))
}

/// Where a focused field of several lines is drawn, relative to the
/// inner area of its form: its lines are left blank for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProseSpot {
    pub x: u16,
    pub y: u16,
    pub cols: u16,
    pub rows: u16,
}

impl ProseSpot {
    /// The spot for `f` at column `x` of line `y`, when `f` is a focused
    /// prose field: it grows with its text.
    pub fn of(f: &TextField, focused: bool, x: usize, y: usize, cols: usize) -> Option<ProseSpot> {
        let prose = f.prose_editor().filter(|_| focused)?;
        Some(ProseSpot {
            x: x as u16,
            y: y as u16,
            cols: cols as u16,
            rows: prose.rows(cols) as u16,
        })
    }

    /// Draws the field over its blank lines in `inner`; returns the cursor.
    pub fn draw(
        &self,
        frame: &mut Frame,
        theme: &Theme,
        f: &TextField,
        inner: Rect,
    ) -> Option<Position> {
        let prose = f.prose_editor()?;
        let top = inner.y + self.y;
        let bottom = inner.y + inner.height;
        let rect = Rect {
            x: inner.x + self.x,
            y: top,
            width: self.cols.min(inner.width.saturating_sub(self.x)),
            height: self.rows.min(bottom.saturating_sub(top)),
        };
        if rect.is_empty() {
            return None;
        }
        // The one-line value drawn under it must not show through.
        frame.render_widget(Clear, rect);
        prose.render(frame, rect, theme.field_focus())
    }
}

pub struct FieldLines<'a> {
    theme: &'a Theme,
    label_cols: usize,
    cols: usize,
    pub lines: Vec<Line<'static>>,
    /// Where the cursor goes, relative to the inner area of the form.
    pub cursor: Option<(u16, u16)>,
}

impl<'a> FieldLines<'a> {
    /// Lines `cols` wide with labels padded to `label_cols`.
    pub fn new(theme: &'a Theme, label_cols: usize, cols: usize) -> FieldLines<'a> {
        FieldLines {
            theme,
            label_cols,
            cols,
            lines: Vec::new(),
            cursor: None,
        }
    }

    /// The room right of the labels.
    pub fn rest(&self) -> usize {
        self.cols.saturating_sub(self.label_cols + 1)
    }

    pub fn field(
        &mut self,
        label: &str,
        input: &TextField,
        field_cols: usize,
        focused: bool,
        error: Option<&str>,
    ) {
        let (span, c) = field_spans(self.theme, input, field_cols, focused, false);
        if let Some(c) = c {
            self.cursor = Some(((self.label_cols + 1 + c) as u16, self.lines.len() as u16));
        }
        self.lines.push(Line::from(vec![
            Span::raw(left(label, self.label_cols)),
            Span::raw(" "),
            span,
        ]));
        self.error(error);
    }

    /// A choice shown as its word between arrows; the hint when focused.
    pub fn choice(&mut self, label: &str, value: &str, focused: bool, hint: &str) {
        let theme = self.theme;
        let style = if focused {
            theme.field_focus()
        } else {
            theme.field()
        };
        let mut spans = vec![
            Span::raw(left(label, self.label_cols)),
            Span::raw(" "),
            Span::styled(format!("◂ {value} ▸"), style),
        ];
        if focused {
            spans.push(Span::styled(format!("  {hint}"), theme.dim()));
        }
        self.lines.push(Line::from(spans));
    }

    /// The error under a field, indented to the fields, wrapped whole.
    pub fn error(&mut self, error: Option<&str>) {
        let Some(e) = error else { return };
        let indent = self.label_cols + 1;
        let cols = indent + self.rest();
        self.lines.extend(error_lines(self.theme, e, indent, cols));
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::from(""));
    }
}

/// An error under a field: `↳` at `indent`, wrapped whole within `cols`
/// with the later lines under the first, never cut.
pub fn error_lines(theme: &Theme, error: &str, indent: usize, cols: usize) -> Vec<Line<'static>> {
    let style = theme.error();
    wrap(error, cols.saturating_sub(indent + 2).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let mark = if i == 0 { "↳ " } else { "  " };
            Line::styled(format!("{}{mark}{text}", " ".repeat(indent)), style)
        })
        .collect()
}

/// Where a form popup goes: centred across, near the top, so that it does
/// not jump up and down as error lines come and go.
pub fn popup_area(body: Rect, w: u16, h: u16) -> Rect {
    let across = centered(body, w, h);
    let top = body.y + body.height.saturating_sub(h).min(2);
    Rect { y: top, ..across }
}

/// The cursor of a form drawn in `inner`, when it falls inside.
pub fn cursor_in(inner: Rect, cursor: Option<(u16, u16)>) -> Option<Position> {
    let (x, y) = cursor?;
    (y < inner.height).then(|| Position::new(inner.x + x, inner.y + y))
}
