//! The state of the full-screen app and the one place that changes it.
//! Keys become actions (`handle_key`), actions change state (`update`),
//! and drawing only reads what is here.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::allocation::AllocationState;
use super::form::{FormState, FormTarget};
use super::keys::{self, Context};
use super::main_list::MainList;
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
}

/// What a yes answer to a question does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    DiscardForm,
    Quit,
    OverwriteForm,
    RestoreDraft(i64),
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
        });
        Ok(())
    }

    /// Reads the grant again after a change.
    pub fn reload(&mut self) {
        if let Some(id) = self.data.as_ref().map(|d| d.grant.id)
            && let Err(e) = self.load_grant(id)
        {
            self.error(e.to_string());
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
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
            return vec![Context::List, Context::Global];
        }
        match self.screens.last() {
            Some(Screen::Form(_)) | Some(Screen::Allocation(_)) => vec![Context::Form],
            Some(Screen::Question(_)) => vec![Context::Question],
            None if self.list.filter_input.is_some() => vec![Context::Form],
            None => vec![Context::Main, Context::List, Context::Global],
        }
    }

    fn in_text_field(&self) -> bool {
        self.overlay.is_none()
            && match self.screens.last() {
                Some(Screen::Form(_)) | Some(Screen::Allocation(_)) => true,
                Some(Screen::Question(_)) => false,
                None => self.list.filter_input.is_some(),
            }
    }

    /// Turns a key into an action through the key table. In a text field
    /// every key that is not bound there is text.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.update(Action::ForceQuit);
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
        if action == Action::Help && !self.in_text_field() {
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

    fn update_main(&mut self, action: Action) {
        if self.list.filter_input.is_some() {
            return self.update_filter(action);
        }
        let page = self.list.page_size();
        match action {
            Action::Up => self.list.move_by(-1),
            Action::Down => self.list.move_by(1),
            Action::PageUp => self.list.move_by(-page),
            Action::PageDown => self.list.move_by(page),
            Action::Top => self.list.to_top(),
            Action::Bottom => self.list.to_bottom(),
            Action::Sort => {
                self.list.sort = self.list.sort.next();
                self.rebuild_list();
            }
            Action::Filter => {
                let mut field = super::field::TextField::new(&self.list.filter);
                field.focus();
                self.list.filter_input = Some(field);
            }
            Action::Back if !self.list.filter.is_empty() => {
                self.list.filter.clear();
                self.rebuild_list();
            }
            Action::Confirm => self.open_selected_form(),
            Action::Allocate => self.open_allocation(),
            Action::Flags => {
                self.overlay = Some(Overlay {
                    kind: OverlayKind::Flags,
                    scroll: 0,
                })
            }
            Action::Quit => self.request_quit(),
            _ => {}
        }
    }

    fn update_filter(&mut self, action: Action) {
        match action {
            Action::Input(key) => {
                if let Some(f) = self.list.filter_input.as_mut() {
                    f.handle(&key);
                }
                self.rebuild_list();
                self.list.to_top();
            }
            Action::Confirm => {
                self.list.filter = self
                    .list
                    .filter_input
                    .take()
                    .map(|f| f.value().trim().to_string())
                    .unwrap_or_default();
                self.rebuild_list();
                self.list.to_top();
            }
            Action::Back => {
                self.list.filter_input = None;
                self.list.filter.clear();
                self.rebuild_list();
            }
            Action::Up => self.list.move_by(-1),
            Action::Down => self.list.move_by(1),
            _ => {}
        }
    }

    fn rebuild_list(&mut self) {
        if let Some(d) = &self.data {
            self.list.rebuild(&d.status);
        }
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
        let Some((rid, name)) = self.selected_recipient() else {
            return;
        };
        if !self.can_edit() {
            return;
        }
        match self.build_form(rid, name) {
            Ok(form) => self.screens.push(Screen::Form(Box::new(form))),
            Err(e) => self.error(e.to_string()),
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

    fn open_allocation(&mut self) {
        let Some((rid, name)) = self.selected_recipient() else {
            return;
        };
        if !self.can_edit() {
            return;
        }
        let Some(d) = self.data.as_ref() else { return };
        let state = d
            .status
            .recipients
            .iter()
            .find(|r| r.recipient_id == rid)
            .map(|r| {
                AllocationState::new(
                    d.grant.id,
                    rid,
                    name,
                    r.allocated,
                    d.status.received,
                    d.status.allocated,
                    self.lang,
                )
            });
        if let Some(s) = state {
            self.screens.push(Screen::Allocation(s));
        }
    }

    pub fn ask(&mut self, text: &str, on_yes: Pending) {
        self.screens.push(Screen::Question(Question {
            text: text.to_string(),
            on_yes,
        }));
    }

    /// Quits, asking first when a form has unsaved changes.
    pub fn request_quit(&mut self) {
        let dirty = self
            .screens
            .iter()
            .any(|s| matches!(s, Screen::Form(f) if f.is_dirty()));
        if dirty {
            self.ask(self.t().quit_question, Pending::Quit);
        } else {
            self.quit = true;
        }
    }

    fn update_question(&mut self, action: Action) {
        let Some(Screen::Question(q)) = self.screens.pop() else {
            return;
        };
        match action {
            Action::Yes => match q.on_yes {
                Pending::Quit => self.quit = true,
                Pending::DiscardForm => {
                    self.screens.pop();
                }
                Pending::OverwriteForm => super::form_update::save(self, true, false),
                Pending::RestoreDraft(id) => self.restore_draft(id),
            },
            Action::No | Action::Back => {
                if let Pending::RestoreDraft(id) = q.on_yes {
                    self.drop_draft(id);
                }
            }
            _ => self.screens.push(Screen::Question(q)),
        }
    }

    /// Picks up changes committed by other sessions; forms stay as typed.
    /// Returns true when something on screen changed.
    pub fn tick(&mut self) -> bool {
        match self.store.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                self.reload();
                if self.message.is_none() {
                    self.info(self.t().refreshed);
                }
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.error(e.to_string());
                true
            }
        }
    }

    /// Keeps every form with unsaved changes as a draft; called when the
    /// session ends without the user (hang-up, SIGTERM). Returns how many.
    pub fn save_drafts(&mut self) -> usize {
        let drafts: Vec<_> = self
            .screens
            .iter()
            .filter_map(|s| match s {
                Screen::Form(f) if f.is_dirty() => {
                    Some((f.grant_id, f.recipient_id, f.draft_body()))
                }
                _ => None,
            })
            .collect();
        drafts
            .iter()
            .filter(|(g, r, body)| self.store.save_draft(*g, *r, body).is_ok())
            .count()
    }

    /// Asks about the oldest draft this user left behind, if any.
    fn offer_draft(&mut self) {
        let Ok(drafts) = self.store.drafts() else {
            return;
        };
        let Some(d) = drafts.first() else { return };
        let name = self
            .store
            .recipient(d.recipient_id)
            .map(|r| r.name)
            .unwrap_or_default();
        let text = format!("{} {name} ({})?", self.t().restore_draft, d.saved_at);
        self.ask(&text, Pending::RestoreDraft(d.id));
    }

    fn restore_draft(&mut self, id: i64) {
        let Ok(drafts) = self.store.drafts() else {
            return;
        };
        let Some(d) = drafts.into_iter().find(|d| d.id == id) else {
            return;
        };
        if self.data.as_ref().is_none_or(|g| g.grant.id != d.grant_id)
            && let Err(e) = self.load_grant(d.grant_id)
        {
            return self.error(e.to_string());
        }
        let restored = self.store.recipient(d.recipient_id).ok().and_then(|r| {
            let form = self.build_form(r.id, r.name).ok()?;
            let target = FormTarget {
                grant_id: form.grant_id,
                recipient_id: form.recipient_id,
                recipient_name: form.recipient_name,
                allocated: form.allocated,
            };
            FormState::from_draft(target, form.focus_areas, &d.body, self.today, self.lang)
        });
        self.drop_draft(id);
        match restored {
            Some(form) => self.screens.push(Screen::Form(Box::new(form))),
            None => self.error(self.t().draft_unreadable),
        }
    }

    fn drop_draft(&mut self, id: i64) {
        if let Err(e) = self.store.delete_draft(id) {
            self.error(e.to_string());
        }
        if self.screens.is_empty() {
            self.offer_draft();
        }
    }
}
