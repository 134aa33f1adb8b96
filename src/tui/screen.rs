//! The screens, overlays and questions the app can show.

use super::allocation::AllocationState;
use super::form::FormState;
use super::grant_form::GrantFormState;
use super::grants::GrantsState;
use super::history::HistoryState;
use super::matrix::MatrixState;
use super::receipts::{ReceiptFormState, ReceiptsState};
use super::recipient_form::RecipientForm;
use super::recipients::RecipientsState;
use super::report_view::ReportState;
use crate::domain::model::{GrantId, GrantState, RecipientId};

/// What a yes answer to a question does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    DiscardForm,
    Quit,
    OverwriteForm,
    RestoreDraft(i64),
    // The grants view.
    SetGrantState(GrantId, GrantState),
    DeleteReceipt(i64),
    /// Retire (true) or restore (false) a recipient.
    Retire(RecipientId, bool),
}

#[derive(Debug)]
pub struct Question {
    pub text: String,
    pub on_yes: Pending,
}

/// Screens stacked above the main view; the top one gets the keys.
pub enum Screen {
    Form(Box<FormState>),
    Allocation(AllocationState),
    Question(Question),
    // The grants view and what it opens.
    Grants(GrantsState),
    GrantForm(Box<GrantFormState>),
    Receipts(ReceiptsState),
    ReceiptForm(Box<ReceiptFormState>),
    // Recipients and matrix views.
    Recipients(RecipientsState),
    RecipientForm(Box<RecipientForm>),
    Matrix(MatrixState),
    History(HistoryState),
    Report(ReportState),
}

impl Screen {
    /// Screens that take the whole body; the others are popups over one.
    pub fn is_full(&self) -> bool {
        matches!(
            self,
            Screen::Form(_)
                | Screen::Grants(_)
                | Screen::Receipts(_)
                | Screen::Recipients(_)
                | Screen::Matrix(_)
                | Screen::History(_)
                | Screen::Report(_)
        )
    }

    /// A form whose fields differ from what it opened with.
    pub fn is_dirty(&self) -> bool {
        match self {
            Screen::Form(f) => f.is_dirty(),
            Screen::GrantForm(f) => f.is_dirty(),
            Screen::ReceiptForm(f) => f.is_dirty(),
            Screen::RecipientForm(f) => f.is_dirty(),
            _ => false,
        }
    }
}

/// Read-only pages over everything else, scrolled by the list keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayKind {
    Help,
    Flags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overlay {
    pub kind: OverlayKind,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}
