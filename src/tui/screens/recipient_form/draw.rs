//! The popup that adds or renames a recipient, with the reason a name is
//! refused written under the field.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{Mode, RecipientForm};
use crate::i18n::screen_phrases::{kind_hint, recipient_form_keys};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext::{Choice, Form};
use crate::tui::keys::{KeyContext, key_for};
use crate::tui::screen::Ctx;
use crate::tui::widgets::field_lines::{error_lines, field_spans};
use crate::tui::widgets::text::{centered, fit, left, width};

const WIDTH: u16 = 62;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, f: &RecipientForm) -> Option<Position> {
    let t = ctx.t();
    let lang = ctx.lang;
    let key = |context: KeyContext, action: Action| key_for(context, &action, lang);
    let theme = &ctx.theme;
    let title = match f.mode {
        Mode::New => format!(" {} ", t.new_recipient),
        Mode::Rename(_) => format!(" {} · {} ", t.rename_recipient, f.name_initial()),
    };
    let label_cols = [t.name, t.formal_name, t.kind]
        .iter()
        .map(|s| width(s))
        .max()
        .unwrap_or(12)
        + 2;
    let inner_cols = WIDTH as usize - 2;
    let field_cols = inner_cols.saturating_sub(label_cols);
    let indent = " ".repeat(label_cols);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for (i, (label, input)) in [(t.name, &f.name), (t.formal_name, &f.formal)]
        .into_iter()
        .enumerate()
    {
        let (span, c) = field_spans(&ctx.theme, input, field_cols, f.focus == i, false);
        if let Some(c) = c {
            cursor = Some((label_cols + c, lines.len()));
        }
        lines.push(Line::from(vec![Span::raw(left(label, label_cols)), span]));
        if i == 0
            && let Some(e) = &f.name_error
        {
            lines.extend(error_lines(
                theme,
                e,
                indent.len(),
                indent.len() + field_cols,
            ));
        }
    }
    let kind = crate::i18n::kinds::recipient(f.kind, lang);
    let kind_span = match f.mode {
        Mode::New if f.on_choice() => Span::styled(format!("◂ {kind} ▸"), theme.field_focus()),
        Mode::New => Span::styled(format!("  {kind}  "), theme.field()),
        Mode::Rename(_) => Span::raw(kind),
    };
    lines.push(Line::from(vec![
        Span::raw(left(t.kind, label_cols)),
        kind_span,
    ]));
    if f.mode == Mode::New {
        lines.push(Line::styled(
            format!(
                "{indent}{}",
                kind_hint(
                    &key(Choice, Action::Left),
                    &key(Choice, Action::Right),
                    lang
                )
            ),
            theme.dim(),
        ));
    }
    lines.push(Line::from(""));
    let keys = recipient_form_keys(
        &key(Form, Action::Confirm),
        &key(Form, Action::Save),
        &key(Form, Action::Back),
        lang,
    );
    lines.push(Line::styled(keys, theme.dim()));
    let area = centered(body, WIDTH, lines.len() as u16 + 2);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(Span::styled(fit(&title, inner_cols), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
    let (x, y) = cursor?;
    Some(Position::new(inner.x + x as u16, inner.y + y as u16))
}
