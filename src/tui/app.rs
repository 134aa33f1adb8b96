//! The app: the stack of screens over the main view, and the one place
//! that applies what screens ask for. Keys become actions (`handle_key`),
//! the screen on top turns an action into an `Effect`, and `apply` carries
//! it out; drawing (`frame::draw`) only reads what is here.

use std::collections::VecDeque;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keys::{self, KeyContext};
use super::screen::{Ctx, Effect, GrantData, Message, Open, Question, View};
use super::screens::Screen;
use super::screens::main::MainState;
use super::theme::Theme;
use super::{drafts, screens};
use crate::domain::Lang;
use crate::domain::model::GrantId;
use crate::store::{Store, StoreError};

pub struct App {
    /// What every screen reads: the store, language, day, theme, grant.
    pub(super) ctx: Ctx,
    /// The main view, always under the stack.
    pub(super) main: MainState,
    /// Screens stacked above the main view; the last one gets the keys.
    pub(super) screens: Vec<Screen>,
    pub(super) message: Option<Message>,
    pub(super) quit: bool,
    /// Forms kept as drafts by a Ctrl-C, to say so on the way out.
    kept_on_exit: usize,
    seen_version: i64,
    /// The store's change count when the grant worked on was last
    /// remembered: a save since means this grant is being worked on.
    changes_remembered: u64,
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
        let changes_remembered = store.changes_made();
        let mut app = App {
            ctx: Ctx {
                store,
                lang,
                today,
                theme: Theme::from_env(),
                grant: None,
                undo: Default::default(),
                report_dir: std::path::PathBuf::from("."),
            },
            main: MainState::default(),
            screens: Vec::new(),
            message: None,
            quit: false,
            kept_on_exit: 0,
            seen_version,
            changes_remembered,
        };
        let id = match grant {
            Some(id) => Some(id),
            None => app.ctx.store.opening_grant()?.map(|g| g.id),
        };
        if let Some(id) = id {
            app.load_grant(id)?;
        }
        app.offer_draft();
        Ok(app)
    }

    /// Shows grant `id`, keeping the same recipient selected when it is
    /// the grant already shown.
    pub fn load_grant(&mut self, id: GrantId) -> Result<(), StoreError> {
        let (grant, status) = self.ctx.store.grant_status(id, self.ctx.today)?;
        let focus_areas = self.ctx.store.focus_areas(id)?;
        let keep = self
            .ctx
            .grant
            .as_ref()
            .filter(|d| d.grant.id == id)
            .and_then(|_| self.main.selected(&self.ctx))
            .map(|(rid, _)| rid);
        self.main.list.rebuild_keeping(&status, keep);
        self.ctx.grant = Some(GrantData {
            grant,
            status,
            focus_areas,
            widths: Default::default(),
        });
        Ok(())
    }

    /// True once the user (or the end of the session) asked to leave.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The colours to draw in, whatever `NO_COLOR` said at start.
    pub fn set_theme(&mut self, theme: Theme) {
        self.ctx.theme = theme;
    }

    /// Where `w` in the report preview writes.
    pub fn set_report_dir(&mut self, dir: impl Into<std::path::PathBuf>) {
        self.ctx.report_dir = dir.into();
    }

    /// The grant on screen.
    pub fn grant_id(&self) -> Option<GrantId> {
        self.ctx.grant.as_ref().map(|d| d.grant.id)
    }

    /// The screen that gets the keys.
    pub(super) fn top(&self) -> &dyn View {
        match self.screens.last() {
            Some(s) => s.view(),
            None => &self.main,
        }
    }

    /// The contexts whose bindings apply now, most specific first.
    pub(super) fn contexts(&self) -> Vec<KeyContext> {
        self.with_no_grant(self.top().contexts())
    }

    /// The contexts whose keys the footer offers: on an empty database
    /// only what can be done there, creating a grant, and the global keys.
    pub(super) fn footer(&self) -> Vec<KeyContext> {
        if self.empty_main() {
            vec![KeyContext::NoGrant, KeyContext::Global]
        } else {
            self.top().footer()
        }
    }

    /// The main view with no grant at all to show.
    fn empty_main(&self) -> bool {
        self.screens.is_empty() && self.ctx.grant.is_none()
    }

    fn with_no_grant(&self, mut contexts: Vec<KeyContext>) -> Vec<KeyContext> {
        if self.empty_main() {
            contexts.insert(0, KeyContext::NoGrant);
        }
        contexts
    }

    /// Turns a key into an action through the key table. In a text field
    /// every key that is not bound there is text.
    pub fn handle_key(&mut self, key: KeyEvent) {
        // A message answers the key before; the next key clears it.
        self.message = None;
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.update(Action::ForceQuit);
        }
        // Esc and a key typed fast (or sent in one packet over SSH) arrive
        // as Alt+key (Alt+letter, Alt+Enter); medel binds no Alt keys, so
        // it is read as the two keys the user pressed.
        if key.modifiers == KeyModifiers::ALT && key.code != KeyCode::Esc {
            self.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            return self.handle_key(KeyEvent::new(key.code, KeyModifiers::NONE));
        }
        match keys::lookup(&self.contexts(), &key) {
            Some(action) => self.update(action),
            None if self.top().takes_text() => self.update(Action::Input(key)),
            None => {}
        }
    }

    pub fn paste(&mut self, text: &str) {
        let (ctx, top) = self.top_mut();
        let effect = top.paste(ctx, text);
        self.apply(effect);
    }

    fn update(&mut self, action: Action) {
        if action == Action::ForceQuit {
            // A Ctrl-C is a hang-up the user made: what was typed is kept.
            self.kept_on_exit = self.save_drafts();
            self.quit = true;
            return;
        }
        if action == Action::ClearField {
            let clear = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
            return self.update(Action::Input(clear));
        }
        let help = action == Action::Help;
        let effect = self.dispatch(action);
        // The key table decides when Help is meant (in a field only F1
        // is); a screen that does nothing with it gets the help page.
        let effect = match effect {
            Effect::None if help => Effect::Open(Open::Help),
            other => other,
        };
        self.apply(effect);
    }

    /// Gives an action to the screen on top.
    fn dispatch(&mut self, action: Action) -> Effect {
        let (ctx, top) = self.top_mut();
        top.update(ctx, action)
    }

    /// The screen on top, and what it may use.
    fn top_mut(&mut self) -> (&mut Ctx, &mut dyn View) {
        let App {
            ctx, main, screens, ..
        } = self;
        match screens.last_mut() {
            Some(s) => (ctx, s.view_mut()),
            None => (ctx, main),
        }
    }

    /// Carries out what a screen asked for, in order. What a screen
    /// answers to a `Send` comes after the effects already waiting; a
    /// grant that cannot be shown stops the rest.
    fn apply(&mut self, effect: Effect) {
        let mut queue = VecDeque::from([effect]);
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::None => {}
                Effect::Many(list) => {
                    for e in list.into_iter().rev() {
                        queue.push_front(e);
                    }
                }
                Effect::Open(open) => match screens::build(open, &self.ctx) {
                    Ok(screen) => self.screens.push(screen),
                    Err(refused) => queue.push_front(refused),
                },
                Effect::Close => {
                    self.screens.pop();
                }
                Effect::Ask(q) => self.screens.push(Screen::Question(q)),
                Effect::Send(action) => {
                    let answer = self.dispatch(action);
                    queue.push_back(answer);
                }
                Effect::ShowGrant(id) => {
                    let switched = self.grant_id() != Some(id);
                    if let Err(e) = self.load_grant(id) {
                        self.store_failed(&e);
                        queue.clear();
                    } else {
                        if switched {
                            self.remember_grant();
                        }
                        self.refresh_screens();
                    }
                }
                Effect::Reload => self.reload(),
                Effect::Info(text) => self.say(text, false),
                Effect::InfoMore(more) => {
                    let said = self.message.take().map(|m| m.text).unwrap_or_default();
                    self.say(format!("{said}. {more}"), false);
                }
                Effect::Error(text) => self.say(text, true),
                Effect::Quit => self.request_quit(),
                Effect::QuitNow => self.quit = true,
                Effect::DropDraft(id) => {
                    if let Err(e) = self.ctx.store.delete_draft(id) {
                        self.store_failed(&e);
                    }
                    if self.screens.is_empty() {
                        self.offer_draft();
                    }
                }
            }
        }
        // Something saved in this grant: it is the one being worked on.
        if self.ctx.store.changes_made() != self.changes_remembered {
            self.remember_grant();
        }
    }

    fn say(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
    }

    fn store_failed(&mut self, e: &StoreError) {
        if let Effect::Error(text) = self.ctx.failed(e) {
            self.say(text, true);
        }
    }

    /// Reads the grant on screen again after a change, and every screen.
    fn reload(&mut self) {
        if let Some(id) = self.ctx.grant.as_ref().map(|d| d.grant.id)
            && let Err(e) = self.load_grant(id)
        {
            self.store_failed(&e);
        }
        self.refresh_screens();
    }

    /// Rebuilds every screen in the stack so none shows figures older
    /// than the main table.
    fn refresh_screens(&mut self) {
        let mut failed = None;
        for screen in &mut self.screens {
            failed = failed.or(screen.view_mut().refresh(&self.ctx).err());
        }
        if let Some(e) = failed {
            self.store_failed(&e);
        }
    }

    /// Keeps the grant on screen as the one the next start opens on.
    /// A preference: failing to keep it must not stop the work.
    fn remember_grant(&mut self) {
        self.changes_remembered = self.ctx.store.changes_made();
        if let Some(id) = self.grant_id()
            && !self.ctx.store.is_read_only()
        {
            let _ = self.ctx.store.remember_grant(id);
        }
    }

    /// Quits, asking first when a form has unsaved changes.
    pub fn request_quit(&mut self) {
        if self.screens.iter().any(|s| s.view().is_dirty()) {
            let q = Question::new(self.ctx.t().quit_question, Effect::QuitNow);
            self.apply(Effect::ask(q));
        } else {
            self.quit = true;
        }
    }

    /// Picks up changes committed by other sessions; forms stay as typed.
    /// Returns true when something on screen changed.
    pub fn tick(&mut self) -> bool {
        match self.ctx.store.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                self.reload();
                if self.message.is_none() {
                    self.say(self.ctx.t().refreshed.into(), false);
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

    /// Keeps every form with unsaved changes as a draft; called when the
    /// session ends without the user (hang-up, SIGTERM). Returns how many.
    pub fn save_drafts(&mut self) -> usize {
        let kept: Vec<_> = self
            .screens
            .iter()
            .filter_map(|s| s.view().draft())
            .collect();
        drafts::keep(&mut self.ctx.store, &kept)
    }

    /// What to say after the terminal is restored: that a Ctrl-C kept
    /// unsaved forms as drafts.
    pub fn parting_words(&self) -> Option<&'static str> {
        (self.kept_on_exit > 0).then(|| self.ctx.t().kept_as_drafts)
    }

    /// Asks about the oldest draft this user left behind, if any.
    fn offer_draft(&mut self) {
        let offer = drafts::offer(&mut self.ctx);
        self.apply(offer);
    }
}
