//! Everything a user can ask for. Keys become actions through the key
//! table; `App::update` is the only place that acts on them.

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: open the selection, or move on in a form.
    Confirm,
    /// Esc: close the current screen or clear the filter.
    Back,
    /// Tab / Shift-Tab in forms.
    NextField,
    PrevField,
    Quit,
    /// Ctrl-C: leave now, whatever is open.
    ForceQuit,
    Help,
    Flags,
    Sort,
    Filter,
    Allocate,
    Grants,
    Recipients,
    Matrix,
    Report,
    History,
    Save,
    SaveAndNext,
    New,
    Edit,
    Receipts,
    Retire,
    Delete,
    ToggleState,
    Undo,
    /// Answers in a question dialog.
    Yes,
    No,
    /// A key typed into a text field.
    Input(KeyEvent),
}
