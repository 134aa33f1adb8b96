//! Colours and emphasis. Every state is also written in words or symbols,
//! so colour only adds; with `NO_COLOR` set, none is used.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::flags::Severity;
use crate::domain::status::RecipientStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn header_bar(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn column_header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::Error => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Severity::Warning => self.fg(Color::Yellow),
            Severity::Info => self.fg(Color::Cyan),
        }
    }

    pub fn status(&self, s: RecipientStatus) -> Style {
        match s {
            RecipientStatus::Unused => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            RecipientStatus::Partial => self.fg(Color::Yellow),
            RecipientStatus::Full => self.fg(Color::Green),
            RecipientStatus::Overspent => self.fg(Color::Magenta),
            RecipientStatus::NotReported => self.dim(),
        }
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn emphasis(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A focused input field.
    pub fn field_focus(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    /// A field that will be replaced by the next typed character.
    pub fn field_fresh(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn field(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }
}
