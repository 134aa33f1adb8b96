//! The contract every screen keeps, and what it may ask of the app.
//!
//! A screen owns its state, turns actions into changes of it, and draws
//! it. It never touches another screen nor the app: what it wants beyond
//! itself (open a screen, close, ask, reload, say something, quit) it
//! returns as an `Effect`, and `App` alone applies effects. To open
//! another screen it names it with `Open`; `screens::build` is the one
//! place that knows every screen.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::keys::KeyContext;
use super::theme::Theme;
use super::undo::Undo;
use crate::domain::Lang;
use crate::domain::model::{FocusArea, Grant, GrantId, GrantState, ReceiptKind, RecipientId};
use crate::domain::status::GrantStatus;
use crate::i18n::screen::{ScreenWords, words};
use crate::store::{Store, StoreError};

/// What every screen may read and use: the store, the language, the day,
/// the theme, the grant on screen and this session's undo list.
pub struct Ctx {
    pub store: Store,
    pub lang: Lang,
    pub today: NaiveDate,
    pub theme: Theme,
    /// The grant on screen, with everything derived from it.
    pub grant: Option<GrantData>,
    /// Changes made in this session, for `u`.
    pub undo: Undo,
    /// Where `w` in the report preview writes; the folder medel started in.
    pub report_dir: PathBuf,
}

/// The grant on screen with everything derived from it.
pub struct GrantData {
    pub grant: Grant,
    pub status: GrantStatus,
    pub focus_areas: Vec<FocusArea>,
    /// The widest content of each column of the recipients table, measured
    /// by the view once per load rather than on every frame.
    pub widths: std::cell::OnceCell<[usize; 7]>,
}

impl Ctx {
    pub fn t(&self) -> &'static ScreenWords {
        words(self.lang)
    }

    /// A refusal from the store, in the screen's language.
    pub fn failed(&self, e: &StoreError) -> Effect {
        Effect::Error(crate::i18n::store_errors::explain(e, self.lang))
    }

    /// A refused save of a form: a clash with another session asks
    /// whether to overwrite (the form then gets `Action::Overwrite`);
    /// anything else is the store's refusal.
    pub fn refused_save(&self, e: &StoreError) -> Effect {
        match e {
            StoreError::Conflict(c) => {
                let text = crate::i18n::conflict::conflict_text(c, self.lang);
                let text = format!("{text} {}", self.t().conflict_overwrite_question);
                Effect::ask(Question::new(
                    text,
                    Effect::Send(crate::tui::action::Action::Overwrite),
                ))
            }
            e => self.failed(e),
        }
    }

    /// A store's answer, its refusal worded.
    pub fn stored<T>(&self, r: Result<T, StoreError>) -> Result<T, Effect> {
        r.map_err(|e| self.failed(&e))
    }

    /// Refuses when the file cannot be written.
    pub fn writable(&self) -> Result<(), Effect> {
        if self.store.is_read_only() {
            return Err(Effect::Error(self.t().read_only.into()));
        }
        Ok(())
    }

    /// Refuses edits when the file or the grant on screen cannot change.
    pub fn can_edit(&self) -> Result<(), Effect> {
        self.writable()?;
        if self.grant_closed() {
            return Err(Effect::Error(self.t().closed_grant.into()));
        }
        Ok(())
    }

    /// The grant on screen is reported: its forms open read-only.
    pub fn grant_closed(&self) -> bool {
        self.grant
            .as_ref()
            .is_some_and(|d| d.grant.state == GrantState::Reported)
    }
}

/// The screen to open, with what it opens on. Screens name the screen
/// they want here; `screens::build` makes it.
#[derive(Debug, Clone)]
pub enum Open {
    /// The spending form of one recipient in the grant on screen.
    Spending(RecipientId, String),
    Allocation(RecipientId, String),
    /// Moving money from this recipient to another of the grant.
    Reallocation(RecipientId, String),
    Grants,
    NewGrant,
    /// The focus areas of a grant: the list, and its form (`None`: a new
    /// area).
    FocusAreas(GrantId),
    FocusAreaForm(GrantId, Option<FocusArea>),
    EditGrant(Grant),
    Receipts(GrantId),
    NewReceipt {
        grant: GrantId,
        date: NaiveDate,
        kind: ReceiptKind,
    },
    /// Money paid back to the giver of this grant.
    NewRepayment(GrantId),
    /// A receipt of a grant, by its id, to edit.
    EditReceipt(GrantId, i64),
    /// A repayment of a grant, by its id, to edit.
    EditRepayment(GrantId, i64),
    Recipients,
    NewRecipient,
    RenameRecipient(RecipientId),
    Matrix,
    /// Used against allocated per recipient, as bars.
    Chart,
    History(RecipientId, String),
    Report,
    Help,
    Flags,
    /// A form kept when a session ended, by the draft's id.
    Draft(i64),
}

/// A yes/no question and what each answer does.
#[derive(Debug)]
pub struct Question {
    pub text: String,
    pub on_yes: Effect,
    pub on_no: Effect,
}

impl Question {
    pub fn new(text: impl Into<String>, on_yes: Effect) -> Question {
        Question {
            text: text.into(),
            on_yes,
            on_no: Effect::None,
        }
    }

    pub fn or_else(self, on_no: Effect) -> Question {
        Question { on_no, ..self }
    }
}

/// What a screen asks of the app; applied in order by `App` alone.
#[derive(Debug, Default)]
pub enum Effect {
    #[default]
    None,
    /// Opens a screen over this one.
    Open(Open),
    /// Closes the screen on top.
    Close,
    Ask(Box<Question>),
    /// Gives an action to the screen on top once the effects before it
    /// are applied; what that screen returns comes after the rest.
    Send(Action),
    /// Shows another grant, and refreshes every screen.
    ShowGrant(GrantId),
    /// Reads the grant on screen again, and refreshes every screen.
    Reload,
    Info(String),
    /// Adds a sentence to the message shown now.
    InfoMore(String),
    Error(String),
    /// Quits, asking first when a form has unsaved changes.
    Quit,
    /// Quits without asking.
    QuitNow,
    /// Forgets a draft, and offers the next one when nothing is open.
    DropDraft(i64),
    Many(Vec<Effect>),
}

impl Effect {
    pub fn ask(question: Question) -> Effect {
        Effect::Ask(Box::new(question))
    }
}

impl From<Result<Effect, Effect>> for Effect {
    fn from(r: Result<Effect, Effect>) -> Effect {
        r.unwrap_or_else(|e| e)
    }
}

/// A form kept as a draft: which screen it is, what it is about, and
/// what was typed, as the screen wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub kind: &'static str,
    pub grant_id: Option<GrantId>,
    pub recipient_id: Option<RecipientId>,
    pub body: String,
}

/// One screen: its key contexts, its update and its drawing.
pub trait View {
    /// The contexts whose bindings apply, most specific first.
    fn contexts(&self) -> Vec<KeyContext>;

    /// The contexts whose keys the footer offers.
    fn footer(&self) -> Vec<KeyContext> {
        self.contexts()
    }

    /// True while keys not bound in its contexts are typed text.
    fn takes_text(&self) -> bool {
        false
    }

    /// True when it takes the whole body; others are popups over one.
    fn is_full(&self) -> bool {
        false
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect;

    /// Pasted text, for screens with text fields.
    fn paste(&mut self, _ctx: &mut Ctx, _text: &str) -> Effect {
        Effect::None
    }

    /// Draws into `area`; returns where the cursor goes, if it shows one.
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position>;

    /// Reads its data again after a change here or in another session.
    fn refresh(&mut self, _ctx: &Ctx) -> Result<(), StoreError> {
        Ok(())
    }

    /// A form whose fields differ from what it opened with.
    fn is_dirty(&self) -> bool {
        false
    }

    /// What to keep when the session ends with this form unsaved.
    fn draft(&self) -> Option<Draft> {
        None
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}
