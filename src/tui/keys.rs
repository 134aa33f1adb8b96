//! The key table: the one list that both dispatches keys and writes the
//! help page, the footers and the hints in popups, so the two cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::domain::Lang;
use crate::i18n::keys::{KeyHelp, space};

/// Where a key is pressed; a binding applies to one context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
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
    /// A text field of several lines, while it has the focus.
    Prose,
    /// The spending form, with its recipient's report.
    SpendingForm,
    /// The footer of a form that can only be read (a reported grant's).
    ReadOnlyForm,
    /// A yes/no question.
    Question,
    /// Typing a search in the main view.
    Search,
    /// The report preview.
    ReportView,
    /// The recipient × focus area matrix.
    MatrixView,
    /// The main view of a database with no grant yet.
    NoGrant,
    /// The grant form.
    GrantForm,
    /// The focus areas of one grant.
    FocusAreasView,
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
    pub context: KeyContext,
    pub keys: &'static [Key],
    pub action: Action,
    /// Shown in help; the first key is the one the footer names.
    pub help: KeyHelp,
    /// Shown in the footer of its context.
    pub footer: bool,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        self.help.words(lang)
    }
}

use KeyCode as K;
use KeyContext::*;

macro_rules! bind {
    ($ctx:expr, [$($k:expr),+], $action:expr, $help:ident, $footer:expr) => {
        Binding { context: $ctx, keys: &[$($k),+], action: $action, help: KeyHelp::$help, footer: $footer }
    };
}

pub static BINDINGS: &[Binding] = &[
    bind!(Global, [ctrl('c')], Action::ForceQuit, LeaveAtOnce, false),
    bind!(Global, [ch('?'), key(K::F(1))], Action::Help, Help, true),
    bind!(Global, [ch('q')], Action::Quit, Quit, true),
    bind!(Global, [key(K::Esc)], Action::Back, Back, false),
    bind!(List, [key(K::Up), ch('k')], Action::Up, Up, false),
    bind!(List, [key(K::Down), ch('j')], Action::Down, Down, false),
    bind!(List, [key(K::Left), ch('h')], Action::Left, Left, false),
    bind!(List, [key(K::Right), ch('l')], Action::Right, Right, false),
    bind!(
        List,
        [key(K::PageUp), ctrl('b')],
        Action::PageUp,
        PageUp,
        false
    ),
    bind!(
        List,
        [key(K::PageDown), ctrl('f')],
        Action::PageDown,
        PageDown,
        false
    ),
    bind!(List, [key(K::Home), ch('g')], Action::Top, First, false),
    bind!(List, [key(K::End), ch('G')], Action::Bottom, Last, false),
    bind!(NoGrant, [ch('n')], Action::New, CreateGrant, true),
    bind!(Main, [key(K::Enter)], Action::Confirm, EnterSpending, true),
    bind!(Main, [ch('a')], Action::Allocate, Allocate, true),
    bind!(Main, [ch('/')], Action::Filter, Search, true),
    bind!(Main, [ch('f')], Action::Flags, AllFlags, false),
    bind!(Main, [ch('s')], Action::Sort, Sort, false),
    bind!(Main, [ch('g')], Action::Grants, Grants, true),
    bind!(Main, [ch('m')], Action::Recipients, Recipients, false),
    bind!(Main, [ch('t')], Action::Matrix, Matrix, false),
    bind!(Main, [ch('r')], Action::Report, Report, false),
    bind!(Main, [ch('H')], Action::History, History, false),
    bind!(Main, [ch('u')], Action::Undo, Undo, false),
    bind!(Main, [ctrl('r')], Action::Redo, Redo, false),
    bind!(Main, [ch('o')], Action::Reallocate, Reallocate, false),
    bind!(Main, [ch('c')], Action::Chart, Chart, false),
    bind!(Main, [ch('x')], Action::Templates, Templates, false),
    bind!(
        Main,
        [ch('X')],
        Action::TemplateOfSelected,
        TemplateOfSelected,
        false
    ),
    bind!(GrantsView, [key(K::Enter)], Action::Confirm, SwitchTo, true),
    bind!(GrantsView, [ch('n')], Action::New, NewGrant, true),
    bind!(
        GrantsView,
        [ch('L')],
        Action::LikeLastYear,
        LikeLastYear,
        false
    ),
    bind!(GrantsView, [ch('e')], Action::Edit, Edit, true),
    bind!(GrantsView, [ch('i')], Action::Receipts, Receipts, true),
    bind!(
        GrantsView,
        [ch('c')],
        Action::ToggleState,
        CloseReopen,
        false
    ),
    bind!(ReceiptsView, [ch('n')], Action::New, New, true),
    bind!(ReceiptsView, [ch('p')], Action::Repay, Repay, true),
    bind!(
        ReceiptsView,
        [ch('e'), key(K::Enter)],
        Action::Edit,
        Edit,
        true
    ),
    bind!(
        ReceiptsView,
        [ch('d'), key(K::Delete)],
        Action::Delete,
        Delete,
        true
    ),
    bind!(Choice, [key(K::Left)], Action::Left, PreviousChoice, false),
    bind!(
        Choice,
        [key(K::Right), ch(' ')],
        Action::Right,
        NextChoice,
        true
    ),
    bind!(RecipientsView, [ch('n')], Action::New, New, true),
    bind!(
        RecipientsView,
        [ch('e'), key(K::Enter)],
        Action::Edit,
        Rename,
        true
    ),
    bind!(
        RecipientsView,
        [ch('x')],
        Action::Retire,
        RetireRestore,
        true
    ),
    bind!(Form, [key(K::Enter)], Action::Confirm, NextField, false),
    bind!(Form, [key(K::Tab)], Action::NextField, NextField, false),
    bind!(
        Form,
        [key(K::BackTab)],
        Action::PrevField,
        PreviousField,
        false
    ),
    bind!(Form, [key(K::Up)], Action::Up, FieldAbove, false),
    bind!(Form, [key(K::Down)], Action::Down, FieldBelow, false),
    bind!(Form, [key(K::F(1))], Action::Help, Help, false),
    bind!(Form, [ctrl('s')], Action::Save, Save, true),
    bind!(Form, [ctrl('u')], Action::ClearField, ClearField, false),
    bind!(Prose, [key(K::Enter)], Action::NewLine, NewLine, true),
    bind!(ReadOnlyForm, [key(K::Esc)], Action::Back, Close, true),
    bind!(
        SpendingForm,
        [ctrl('t')],
        Action::ReportedToday,
        ReportedToday,
        true
    ),
    bind!(BatchForm, [ctrl('n')], Action::SaveAndNext, SaveNext, true),
    bind!(Form, [key(K::Esc)], Action::Back, Close, true),
    bind!(GrantForm, [ctrl('o')], Action::FocusAreas, FocusAreas, true),
    bind!(FocusAreasView, [ch('n')], Action::New, New, true),
    bind!(
        FocusAreasView,
        [ch('e'), key(K::Enter)],
        Action::Edit,
        Rename,
        true
    ),
    bind!(FocusAreasView, [ch('K')], Action::MoveUp, MoveUp, true),
    bind!(FocusAreasView, [ch('J')], Action::MoveDown, MoveDown, true),
    bind!(
        FocusAreasView,
        [ch('d'), key(K::Delete)],
        Action::Delete,
        Delete,
        true
    ),
    bind!(FocusAreasView, [ch('u')], Action::Undo, Undo, false),
    bind!(FocusAreasView, [ctrl('r')], Action::Redo, Redo, false),
    bind!(ReportView, [ch('w')], Action::WriteFile, WriteFile, true),
    bind!(Search, [key(K::Enter)], Action::Confirm, KeepSearch, true),
    bind!(Search, [key(K::Esc)], Action::Back, ClearSearch, true),
    bind!(Search, [key(K::Up)], Action::Up, Up, false),
    bind!(Search, [key(K::Down)], Action::Down, Down, false),
    bind!(Question, [ch('y'), ch('j')], Action::Yes, Yes, true),
    bind!(Question, [ch('n'), key(K::Esc)], Action::No, No, true),
    // Recipients view, recipient form and matrix view.
    bind!(RecipientsView, [ch('a')], Action::Allocate, Allocate, true),
    bind!(
        RecipientsView,
        [ch('d'), key(K::Delete)],
        Action::Delete,
        TakeOut,
        false
    ),
    bind!(RecipientsView, [ch('u')], Action::Undo, Undo, false),
    bind!(RecipientsView, [ctrl('r')], Action::Redo, Redo, false),
    bind!(ReceiptsView, [ch('u')], Action::Undo, Undo, false),
    bind!(ReceiptsView, [ctrl('r')], Action::Redo, Redo, false),
    bind!(
        MatrixView,
        [key(K::Enter)],
        Action::Confirm,
        EnterSpending,
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
pub fn lookup(contexts: &[KeyContext], event: &KeyEvent) -> Option<Action> {
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
        KeyCode::Char(' ') => space(lang).to_string(),
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
pub fn footer(contexts: &[KeyContext], lang: Lang) -> Vec<(String, &'static str)> {
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

/// The first key bound to `action` in `context`, as help writes it; hints
/// in popups name keys through this, so they say what the table does.
pub fn key_for(context: KeyContext, action: &Action, lang: Lang) -> String {
    BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == *action)
        .map(|b| key_label(&b.keys[0], lang))
        .unwrap_or_default()
}

/// Every binding of a context as `y/j = yes · n/Esc = no`.
pub fn hints(context: KeyContext, lang: Lang) -> String {
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| key_label(k, lang)).collect();
            format!("{} = {}", keys.join("/"), b.help(lang))
        })
        .collect::<Vec<_>>()
        .join(" · ")
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
