//! The focus areas of a grant, as a popup: place, Swedish and English
//! name, and which ones spending uses.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::FocusAreasState;
use crate::i18n::focus_areas as words;
use crate::tui::screen::Ctx;
use crate::tui::widgets::field_lines::FieldLines;
use crate::tui::widgets::form;
use crate::tui::widgets::text::{fit, left, width};

const WIDTH: u16 = 76;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, v: &FocusAreasState) {
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let outer_w = WIDTH.min(body.width);
    let cols = outer_w.saturating_sub(2) as usize;
    let used_word = crate::i18n::focus_areas::used(lang);
    let sv_cols = v
        .areas
        .iter()
        .map(|a| width(&a.name_sv))
        .max()
        .unwrap_or(0)
        .min(cols / 2);
    let mut out = FieldLines::new(theme, 0, cols);
    if v.areas.is_empty() {
        out.lines
            .push(Line::styled(words::no_areas(lang), theme.dim()));
    }
    // Room for rows under the title line, the blank and the hint line.
    let visible = (body.height as usize).saturating_sub(5).max(1);
    let offset = v.cursor.window(visible, v.areas.len());
    for (i, a) in v.areas.iter().enumerate().skip(offset).take(visible) {
        let selected = i == v.cursor.selected;
        let mark = if selected { "▸" } else { " " };
        let used = if v.is_used(a) { used_word } else { "" };
        let en_cols = cols.saturating_sub(sv_cols + width(used_word) + 8);
        let text = format!(
            "{mark}{:>2} {} {} {used}",
            a.position,
            left(&fit(&a.name_sv, sv_cols), sv_cols),
            left(&fit(&a.name_en, en_cols), en_cols),
        );
        let style = if selected {
            theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        out.lines.push(Line::from(Span::styled(text, style)));
    }
    out.blank();
    out.lines
        .push(Line::styled(words::used_means(lang), theme.dim()));
    let title = words::list_title(&v.grant.title, lang);
    form::popup(frame, body, ctx, outer_w, &title, out);
}
