//! Everything a user can ask for. Keys become actions through the key
//! table; the screen on top acts on them. A few actions are not keys but
//! what a screen asks of the one below it, or of itself once a question
//! is answered yes.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::model::{GrantId, GrantState, RecipientId};

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
    /// Ctrl-U in a field: empties it (the field does it; the binding is
    /// here so that the help lists it).
    ClearField,
    /// Enter in a field of several lines: a new line.
    NewLine,
    /// Ctrl-T in the spending form: the recipient reported today.
    ReportedToday,
    Help,
    Flags,
    Sort,
    Filter,
    Allocate,
    /// `o`: move money from the selected recipient to another.
    Reallocate,
    Grants,
    Recipients,
    Matrix,
    /// `c` in the main view: the chart of used against allocated.
    Chart,
    Report,
    History,
    Save,
    SaveAndNext,
    /// `w` in the report preview: write the report to a file.
    WriteFile,
    /// `x` in the main view: the templates of every recipient of the grant.
    Templates,
    /// `X` in the main view: the template of the selected recipient.
    TemplateOfSelected,
    New,
    /// Ctrl-O in the grant form: the grant's focus areas.
    FocusAreas,
    /// Moving the selected item one place up or down a list.
    MoveUp,
    MoveDown,
    /// `L` in the grants view: next year's grant like the selected one.
    LikeLastYear,
    Edit,
    Receipts,
    /// `p` in the receipts view: record money paid back.
    Repay,
    Retire,
    Delete,
    ToggleState,
    Undo,
    /// `Ctrl-R`: make again what was undone last.
    Redo,
    /// Answers in a question dialog.
    Yes,
    No,
    /// A key typed into a text field.
    Input(KeyEvent),
    // Not keys: what a screen asks of the one below it.
    /// Move on to the next item and open it: batch entry.
    Next,
    /// Select the item with this id, just saved above.
    Select(i64),
    // Not keys: what a yes (or no) to a question does.
    /// Save the form over another session's change.
    Overwrite,
    /// Take the other session's values into the form.
    TakeTheirs,
    SetGrantState(GrantId, GrantState),
    DeleteReceipt(i64),
    RemoveFocusArea(i64),
    /// Undo the saved form without asking again.
    UndoNow,
    SetRetired(RecipientId, bool),
    /// Take this recipient out of the grant on screen.
    TakeOutOfGrant(RecipientId),
    /// Write the templates (of this recipient only) over those there.
    WriteTemplates(Option<String>),
}
