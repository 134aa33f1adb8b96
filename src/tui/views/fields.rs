//! Lines of a small form: a label, its field, and the field's error
//! under it, wrapped so that a message is never cut.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::form::field_spans;
use super::util::{centered, left, wrap};
use crate::tui::app::App;
use crate::tui::field::TextField;

pub struct FieldLines<'a> {
    app: &'a App,
    label_cols: usize,
    cols: usize,
    pub lines: Vec<Line<'static>>,
    /// Where the cursor goes, relative to the inner area of the form.
    pub cursor: Option<(u16, u16)>,
}

impl<'a> FieldLines<'a> {
    /// Lines `cols` wide with labels padded to `label_cols`.
    pub fn new(app: &'a App, label_cols: usize, cols: usize) -> FieldLines<'a> {
        FieldLines {
            app,
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
        let (span, c) = field_spans(self.app, input, field_cols, focused, false);
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
        let theme = &self.app.theme;
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
        let style = self.app.theme.error();
        for (i, text) in wrap(e, self.rest().saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let mark = if i == 0 { "↳ " } else { "  " };
            self.lines.push(Line::styled(
                format!("{}{mark}{text}", " ".repeat(indent)),
                style,
            ));
        }
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::from(""));
    }
}

/// Where a form popup goes: centred across, near the top, so that it does
/// not jump up and down as error lines come and go.
pub fn popup_area(body: Rect, w: u16, h: u16) -> Rect {
    let across = centered(body, w, h);
    let top = body.y + body.height.saturating_sub(h).min(2);
    Rect { y: top, ..across }
}
