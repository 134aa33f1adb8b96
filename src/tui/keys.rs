//! The key table: the one list that both dispatches keys and writes the
//! help overlay and footers, so the two cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::domain::Lang;

/// Where a key is pressed; a binding applies to one context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere outside a text field.
    Global,
    /// Lists: the recipients table, grants, recipients, matrix, history.
    List,
    /// The main view.
    Main,
    /// The grants view.
    GrantsView,
    /// The receipts of one grant.
    ReceiptsView,
    /// A form that can go straight on to the next item.
    BatchForm,
    /// A field that holds one of a few choices.
    Choice,
    /// The recipients view.
    RecipientsView,
    /// A form with text fields: only keys that are not text.
    Form,
    /// A yes/no question.
    Question,
    /// Typing a search in the main view.
    Search,
    /// The report preview.
    ReportView,
    /// The recipient × focus area matrix.
    MatrixView,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// Shown in help; the first key is the one the footer names.
    pub help_sv: &'static str,
    pub help_en: &'static str,
    /// Shown in the footer of its context.
    pub footer: bool,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help_sv, self.help_en)
    }
}

use Context::*;
use KeyCode as K;

macro_rules! bind {
    ($ctx:expr, [$($k:expr),+], $action:expr, $sv:literal, $en:literal, $footer:expr) => {
        Binding { context: $ctx, keys: &[$($k),+], action: $action, help_sv: $sv, help_en: $en, footer: $footer }
    };
}

pub static BINDINGS: &[Binding] = &[
    bind!(
        Global,
        [ctrl('c')],
        Action::ForceQuit,
        "avsluta direkt",
        "leave at once",
        false
    ),
    bind!(
        Global,
        [ch('?'), key(K::F(1))],
        Action::Help,
        "hjälp",
        "help",
        true
    ),
    bind!(Global, [ch('q')], Action::Quit, "avsluta", "quit", true),
    bind!(
        Global,
        [key(K::Esc)],
        Action::Back,
        "tillbaka",
        "back",
        false
    ),
    bind!(List, [key(K::Up), ch('k')], Action::Up, "upp", "up", false),
    bind!(
        List,
        [key(K::Down), ch('j')],
        Action::Down,
        "ned",
        "down",
        false
    ),
    bind!(
        List,
        [key(K::Left), ch('h')],
        Action::Left,
        "vänster",
        "left",
        false
    ),
    bind!(
        List,
        [key(K::Right), ch('l')],
        Action::Right,
        "höger",
        "right",
        false
    ),
    bind!(
        List,
        [key(K::PageUp), ctrl('b')],
        Action::PageUp,
        "sida upp",
        "page up",
        false
    ),
    bind!(
        List,
        [key(K::PageDown), ctrl('f')],
        Action::PageDown,
        "sida ned",
        "page down",
        false
    ),
    bind!(
        List,
        [key(K::Home), ch('g')],
        Action::Top,
        "första",
        "first",
        false
    ),
    bind!(
        List,
        [key(K::End), ch('G')],
        Action::Bottom,
        "sista",
        "last",
        false
    ),
    bind!(
        Main,
        [key(K::Enter)],
        Action::Confirm,
        "redovisa",
        "enter spending",
        true
    ),
    bind!(
        Main,
        [ch('a')],
        Action::Allocate,
        "fördela",
        "allocate",
        true
    ),
    bind!(Main, [ch('/')], Action::Filter, "sök", "search", true),
    bind!(
        Main,
        [ch('f')],
        Action::Flags,
        "alla flaggor",
        "all flags",
        false
    ),
    bind!(Main, [ch('s')], Action::Sort, "sortera", "sort", false),
    bind!(Main, [ch('g')], Action::Grants, "bidrag", "grants", true),
    bind!(
        Main,
        [ch('m')],
        Action::Recipients,
        "mottagare",
        "recipients",
        false
    ),
    bind!(
        Main,
        [ch('t')],
        Action::Matrix,
        "tabell per område",
        "matrix",
        false
    ),
    bind!(Main, [ch('r')], Action::Report, "rapport", "report", false),
    bind!(
        Main,
        [ch('H')],
        Action::History,
        "historik",
        "history",
        false
    ),
    bind!(Main, [ch('u')], Action::Undo, "ångra", "undo", false),
    bind!(
        GrantsView,
        [key(K::Enter)],
        Action::Confirm,
        "välj",
        "switch to",
        true
    ),
    bind!(GrantsView, [ch('n')], Action::New, "nytt", "new", true),
    bind!(GrantsView, [ch('e')], Action::Edit, "ändra", "edit", true),
    bind!(
        GrantsView,
        [ch('i')],
        Action::Receipts,
        "inbetalningar",
        "receipts",
        true
    ),
    bind!(
        GrantsView,
        [ch('c')],
        Action::ToggleState,
        "stäng/öppna",
        "close/reopen",
        false
    ),
    bind!(ReceiptsView, [ch('n')], Action::New, "ny", "new", true),
    bind!(
        ReceiptsView,
        [ch('d'), key(K::Delete)],
        Action::Delete,
        "ta bort",
        "delete",
        true
    ),
    bind!(
        Choice,
        [key(K::Left)],
        Action::Left,
        "föregående val",
        "previous choice",
        false
    ),
    bind!(
        Choice,
        [key(K::Right), ch(' ')],
        Action::Right,
        "nästa val",
        "next choice",
        true
    ),
    bind!(RecipientsView, [ch('n')], Action::New, "ny", "new", true),
    bind!(
        RecipientsView,
        [ch('e'), key(K::Enter)],
        Action::Edit,
        "byt namn",
        "rename",
        true
    ),
    bind!(
        RecipientsView,
        [ch('x')],
        Action::Retire,
        "avveckla/återta",
        "retire/restore",
        true
    ),
    bind!(
        Form,
        [key(K::Enter)],
        Action::Confirm,
        "nästa fält",
        "next field",
        false
    ),
    bind!(
        Form,
        [key(K::Tab)],
        Action::NextField,
        "nästa fält",
        "next field",
        false
    ),
    bind!(
        Form,
        [key(K::BackTab)],
        Action::PrevField,
        "föregående fält",
        "previous field",
        false
    ),
    bind!(
        Form,
        [key(K::Up)],
        Action::Up,
        "fältet ovanför",
        "field above",
        false
    ),
    bind!(
        Form,
        [key(K::Down)],
        Action::Down,
        "fältet nedanför",
        "field below",
        false
    ),
    bind!(Form, [key(K::F(1))], Action::Help, "hjälp", "help", false),
    bind!(Form, [ctrl('s')], Action::Save, "spara", "save", true),
    bind!(
        BatchForm,
        [ctrl('n')],
        Action::SaveAndNext,
        "spara, nästa",
        "save, next",
        true
    ),
    bind!(Form, [key(K::Esc)], Action::Back, "stäng", "close", true),
    bind!(
        ReportView,
        [ch('w')],
        Action::Save,
        "skriv till fil",
        "write to a file",
        true
    ),
    bind!(
        Search,
        [key(K::Enter)],
        Action::Confirm,
        "behåll sökningen",
        "keep the search",
        true
    ),
    bind!(
        Search,
        [key(K::Esc)],
        Action::Back,
        "rensa sökningen",
        "clear the search",
        true
    ),
    bind!(Search, [key(K::Up)], Action::Up, "upp", "up", false),
    bind!(Search, [key(K::Down)], Action::Down, "ned", "down", false),
    bind!(Question, [ch('y'), ch('j')], Action::Yes, "ja", "yes", true),
    bind!(
        Question,
        [ch('n'), key(K::Esc)],
        Action::No,
        "nej",
        "no",
        true
    ),
    // Recipients view, recipient form and matrix view.
    bind!(
        RecipientsView,
        [ch('a')],
        Action::Allocate,
        "fördela",
        "allocate",
        true
    ),
    bind!(
        MatrixView,
        [key(K::Enter)],
        Action::Confirm,
        "redovisa",
        "enter spending",
        true
    ),
];

fn matches(k: &Key, event: &KeyEvent) -> bool {
    // Shifted letters arrive as uppercase with SHIFT; compare without it.
    let mods = event.modifiers - KeyModifiers::SHIFT;
    match (k.code, event.code) {
        (KeyCode::BackTab, KeyCode::BackTab) => true,
        (a, b) => a == b && k.mods == mods,
    }
}

/// The action for a key in the given contexts, searched in order.
pub fn lookup(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.iter().any(|k| matches(k, event)))
            .map(|b| b.action.clone())
    })
}

/// How a key is written in help and footers.
pub fn key_label(k: &Key, lang: Lang) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => lang.pick("mellanslag", "space").to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if k.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

/// Footer entries for the given contexts: (key, what it does).
pub fn footer(contexts: &[Context], lang: Lang) -> Vec<(String, &'static str)> {
    contexts
        .iter()
        .flat_map(|ctx| {
            BINDINGS
                .iter()
                .filter(move |b| b.context == *ctx && b.footer)
        })
        .map(|b| (key_label(&b.keys[0], lang), b.help(lang)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn vim_and_arrows_both_move() {
        let ctx = [Main, List, Global];
        assert_eq!(
            lookup(&ctx, &ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(&ctx, &ev(KeyCode::Down, KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(&ctx, &ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            lookup(&ctx, &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::ForceQuit)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn form_keys_leave_letters_to_the_text() {
        let q = ev(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(&[Form], &q), None);
        let save = ev(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Form], &save), Some(Action::Save));
    }
}
