//! The state of the full-screen app and the one place that changes it.
//! Keys become actions (`handle_key`), actions change state (`update`),
//! and drawing only reads what is here.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::form::{FormState, FormTarget};
use super::keys::{self, Context};
use super::main_list::MainList;
pub use super::screen::{Message, Overlay, OverlayKind, Pending, Question, Screen};
use super::theme::Theme;
use crate::domain::Lang;
use crate::domain::model::{FocusArea, Grant, GrantId, GrantState, RecipientId};
use crate::domain::status::GrantStatus;
use crate::i18n::screen::{Texts, texts};
use crate::store::{Store, StoreError};

/// The grant on screen with everything derived from it.
pub struct GrantData {
    pub grant: Grant,
    pub status: GrantStatus,
    pub focus_areas: Vec<FocusArea>,
    /// The widest content of each column of the recipients table, measured
    /// by the view once per load rather than on every frame.
    pub widths: std::cell::OnceCell<[usize; 7]>,
}

pub struct App {
    pub store: Store,
    pub lang: Lang,
    pub today: NaiveDate,
    pub theme: Theme,
    pub data: Option<GrantData>,
    pub list: MainList,
    pub screens: Vec<Screen>,
    pub overlay: Option<Overlay>,
    pub message: Option<Message>,
    pub quit: bool,
    /// Changes made in this session, for `u`.
    pub undo: Vec<super::undo::UndoStep>,
    /// The store's change count when the top of `undo` was made.
    pub undo_mark: u64,
    /// Where `w` in the report preview writes; the folder medel started in.
    pub report_dir: std::path::PathBuf,
    seen_version: i64,
}

impl App {
    /// Opens the app on a grant (or the current one) of `store`.
    pub fn new(
        store: Store,
        lang: Lang,
        today: NaiveDate,
        grant: Option<GrantId>,
    ) -> Result<App, StoreError> {
        let seen_version = store.data_version()?;
        let mut app = App {
            store,
            lang,
            today,
            theme: Theme::from_env(),
            data: None,
            list: MainList::default(),
            screens: Vec::new(),
            overlay: None,
            message: None,
            quit: false,
            undo: Vec::new(),
            undo_mark: 0,
            report_dir: std::path::PathBuf::from("."),
            seen_version,
        };
        let id = match grant {
            Some(id) => Some(id),
            None => app.store.current_grant()?.map(|g| g.id),
        };
        if let Some(id) = id {
            app.load_grant(id)?;
        }
        app.offer_draft();
        Ok(app)
    }

    pub fn t(&self) -> &'static Texts {
        texts(self.lang)
    }

    pub fn load_grant(&mut self, id: GrantId) -> Result<(), StoreError> {
        let (grant, status) = self.store.grant_status(id, self.today)?;
        let focus_areas = self.store.focus_areas(id)?;
        let keep = self
            .data
            .as_ref()
            .filter(|d| d.grant.id == id)
            .and_then(|d| self.list.selected_line(&d.status))
            .map(|r| r.recipient_id);
        self.list.rebuild_keeping(&status, keep);
        self.data = Some(GrantData {
            grant,
            status,
            focus_areas,
            widths: Default::default(),
        });
        Ok(())
    }

    /// Reads the grant again after a change, and the views built from it.
    pub fn reload(&mut self) {
        if let Some(id) = self.data.as_ref().map(|d| d.grant.id)
            && let Err(e) = self.load_grant(id)
        {
            self.store_failed(&e);
        }
        self.refresh_views();
    }

    /// Rebuilds the recipients and matrix views in the stack so they never
    /// show figures older than the main table.
    fn refresh_views(&mut self) {
        let (store, data) = (&self.store, self.data.as_ref());
        let mut failed = None;
        for screen in &mut self.screens {
            let result = match screen {
                Screen::Recipients(v) => v.refresh(store, data),
                Screen::Matrix(m) => m.refresh(store, data),
                _ => Ok(()),
            };
            failed = failed.or(result.err());
        }
        if let Some(e) = failed {
            self.store_failed(&e);
        }
        super::history::refresh(self);
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// A refusal from the store, in the screen's language.
    pub fn store_failed(&mut self, e: &StoreError) {
        self.error(crate::i18n::store_errors::explain(e, self.lang));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// The contexts whose bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.overlay.is_some() {
            // Main after List: `f` closes the flags page, `g` stays "first".
            return vec![Context::List, Context::Main, Context::Global];
        }
        match self.screens.last() {
            Some(Screen::Form(_)) => vec![Context::Form, Context::BatchForm],
            Some(Screen::Allocation(_)) | Some(Screen::GrantForm(_)) => vec![Context::Form],
            Some(Screen::Question(_)) => vec![Context::Question],
            Some(Screen::Grants(_)) => vec![Context::GrantsView, Context::List, Context::Global],
            Some(Screen::Receipts(_)) => {
                vec![Context::ReceiptsView, Context::List, Context::Global]
            }
            Some(Screen::ReceiptForm(f)) if f.on_choice() => {
                vec![Context::Choice, Context::Form, Context::BatchForm]
            }
            Some(Screen::ReceiptForm(_)) => vec![Context::Form, Context::BatchForm],
            Some(Screen::RecipientForm(f)) if f.on_choice() => {
                vec![Context::Choice, Context::Form, Context::BatchForm]
            }
            Some(Screen::RecipientForm(_)) => vec![Context::Form, Context::BatchForm],
            Some(Screen::Recipients(_)) => {
                vec![Context::RecipientsView, Context::List, Context::Global]
            }
            Some(Screen::Matrix(_)) => vec![Context::MatrixView, Context::List, Context::Global],
            Some(Screen::History(_)) => vec![Context::List, Context::Global],
            Some(Screen::Report(_)) => vec![Context::ReportView, Context::List, Context::Global],
            None if self.list.filter_input.is_some() => vec![Context::Search],
            None => vec![Context::Main, Context::List, Context::Global],
        }
    }

    fn in_text_field(&self) -> bool {
        self.overlay.is_none()
            && match self.screens.last() {
                Some(Screen::Form(_) | Screen::Allocation(_) | Screen::RecipientForm(_)) => true,
                Some(Screen::GrantForm(_) | Screen::ReceiptForm(_)) => true,
                Some(_) => false,
                None => self.list.filter_input.is_some(),
            }
    }

    /// Turns a key into an action through the key table. In a text field
    /// every key that is not bound there is text.
    pub fn handle_key(&mut self, key: KeyEvent) {
        // A message answers the key before; the next key clears it.
        self.message = None;
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.update(Action::ForceQuit);
        }
        // Esc and a letter typed fast (or sent in one packet over SSH)
        // arrive as Alt+letter; medel binds no Alt keys, so it is read as
        // the two keys the user pressed.
        if key.modifiers == KeyModifiers::ALT
            && let KeyCode::Char(c) = key.code
        {
            self.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            return self.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        match keys::lookup(&self.contexts(), &key) {
            Some(action) => self.update(action),
            None if self.in_text_field() => self.update(Action::Input(key)),
            None => {}
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self.screens.last_mut() {
            Some(Screen::Form(f)) => {
                let idx = f.focus;
                f.fields[idx].input.paste(text);
                f.validate(texts(self.lang));
            }
            Some(Screen::Allocation(a)) => a.paste(text),
            Some(Screen::GrantForm(f)) => f.paste(text),
            Some(Screen::ReceiptForm(f)) => f.paste(text),
            Some(Screen::RecipientForm(f)) => f.paste(text, texts(self.lang)),
            _ => {}
        }
    }

    pub fn update(&mut self, action: Action) {
        if action == Action::ForceQuit {
            self.quit = true;
            return;
        }
        if let Some(overlay) = self.overlay {
            return self.update_overlay(overlay, action);
        }
        // The key table decides when Help is meant: in a field only F1 is.
        if action == Action::Help {
            self.overlay = Some(Overlay {
                kind: OverlayKind::Help,
                scroll: 0,
            });
            return;
        }
        match self.screens.last() {
            None => self.update_main(action),
            Some(Screen::Form(_)) => super::form_update::update(self, action),
            Some(Screen::Allocation(_)) => super::allocation::update(self, action),
            Some(Screen::Question(_)) => self.update_question(action),
            Some(Screen::Grants(_)) => super::grants::update(self, action),
            Some(Screen::GrantForm(_)) => super::grant_form::update(self, action),
            Some(Screen::Receipts(_)) => super::receipts::update(self, action),
            Some(Screen::ReceiptForm(_)) => super::receipts::update_form(self, action),
            Some(Screen::Recipients(_)) => super::recipients::update(self, action),
            Some(Screen::RecipientForm(_)) => super::recipient_form::update(self, action),
            Some(Screen::Matrix(_)) => super::matrix::update(self, action),
            Some(Screen::History(_)) => super::history::update(self, action),
            Some(Screen::Report(_)) => super::report_view::update(self, action),
        }
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) {
        let scroll = overlay.scroll;
        let scroll = match action {
            Action::Back | Action::Help => return self.overlay = None,
            Action::Flags if overlay.kind == OverlayKind::Flags => return self.overlay = None,
            Action::Quit => {
                self.overlay = None;
                return self.request_quit();
            }
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown => scroll + 10,
            Action::PageUp => scroll.saturating_sub(10),
            Action::Top => 0,
            _ => scroll,
        };
        self.overlay = Some(Overlay { scroll, ..overlay });
    }

    pub fn selected_recipient(&self) -> Option<(RecipientId, String)> {
        let d = self.data.as_ref()?;
        self.list
            .selected_line(&d.status)
            .map(|r| (r.recipient_id, r.name.clone()))
    }

    /// Refuses edits with a message when the file or grant cannot change.
    pub fn can_edit(&mut self) -> bool {
        if self.store.is_read_only() {
            self.error(self.t().read_only);
            return false;
        }
        if self
            .data
            .as_ref()
            .is_some_and(|d| d.grant.state == GrantState::Reported)
        {
            self.error(self.t().closed_grant);
            return false;
        }
        true
    }

    pub fn open_selected_form(&mut self) {
        if let Some((rid, name)) = self.selected_recipient() {
            self.open_form(rid, name);
        }
    }

    /// Opens the spending form of one recipient in the grant on screen.
    pub fn open_form(&mut self, rid: RecipientId, name: String) {
        if !self.can_edit() {
            return;
        }
        match self.build_form(rid, name) {
            Ok(form) => self.screens.push(Screen::Form(Box::new(form))),
            Err(e) => self.store_failed(&e),
        }
    }

    pub fn build_form(&self, rid: RecipientId, name: String) -> Result<FormState, StoreError> {
        let d = self
            .data
            .as_ref()
            .ok_or_else(|| StoreError::NotFound("grant".into()))?;
        let entry = self.store.entry(d.grant.id, rid)?;
        let allocated = self.store.allocation(d.grant.id, rid)?.unwrap_or_default();
        let target = FormTarget {
            grant_id: d.grant.id,
            recipient_id: rid,
            recipient_name: name,
            allocated,
        };
        Ok(FormState::new(
            target,
            d.focus_areas.clone(),
            entry,
            self.today,
            self.lang,
        ))
    }

    /// Picks up changes committed by other sessions; forms stay as typed.
    /// Returns true when something on screen changed.
    pub fn tick(&mut self) -> bool {
        match self.store.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                super::grants::refresh(self);
                if self.message.is_none() {
                    self.info(self.t().refreshed);
                }
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.store_failed(&e);
                true
            }
        }
    }
}
