//! Changing one recipient's allocation, with the unallocated remainder
//! shown live. Over-allocation is allowed but never silent: the popup says
//! so, and the status pane flags it after saving.

mod draw;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use serde::{Deserialize, Serialize};

use crate::domain::Lang;
use crate::domain::model::{GrantId, RecipientId};
use crate::domain::money::Money;
use crate::i18n::money_errors::explain;
use crate::i18n::screen_phrases::retired_refusal;
use crate::store;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Draft, Effect, View};
use crate::tui::undo::UndoStep;
use crate::tui::widgets::form;
use crate::tui::widgets::text_field::TextField;

#[derive(Debug)]
pub struct AllocationState {
    pub grant_id: GrantId,
    pub recipient_id: RecipientId,
    pub name: String,
    /// The amount the user saw; the save is refused if it changed meanwhile.
    pub old: Money,
    /// What is stored, `None` when the recipient has no allocation yet:
    /// the save merges against it, and an undo restores absence as absence.
    pub stored: Option<Money>,
    pub received: Money,
    /// Σ allocations of the grant, including `old`.
    pub allocated_total: Money,
    pub input: TextField,
    pub lang: Lang,
    /// The grant is reported: the allocation is shown, never changed.
    pub read_only: bool,
}

impl AllocationState {
    pub fn new(
        grant_id: GrantId,
        recipient_id: RecipientId,
        name: String,
        old: Money,
        received: Money,
        allocated_total: Money,
        lang: Lang,
    ) -> AllocationState {
        let mut input = TextField::new(&old.format_editable(lang));
        input.focus();
        AllocationState {
            grant_id,
            recipient_id,
            name,
            old,
            stored: Some(old),
            received,
            allocated_total,
            input,
            lang,
            read_only: false,
        }
    }

    pub fn parsed(&self) -> Result<Money, String> {
        Money::parse_for(self.input.value(), self.lang).map_err(|e| explain(&e, self.lang))
    }

    /// What would be left unallocated with the typed amount.
    pub fn remainder(&self) -> Option<Money> {
        self.parsed()
            .ok()
            .map(|new| self.received - (self.allocated_total - self.old + new))
    }
}

/// Opens the popup for a recipient in the grant on screen, also one that
/// has nothing in it yet: that is how a new recipient gets money. On a
/// reported grant it shows the allocation and changes nothing.
pub fn open(ctx: &Ctx, rid: RecipientId, name: String) -> Result<AllocationState, Effect> {
    ctx.writable()?;
    refuse_retired(ctx, rid, &name)?;
    let Some(d) = ctx.grant.as_ref() else {
        return Err(Effect::Error(ctx.t().no_grant.into()));
    };
    let old = d
        .status
        .recipients
        .iter()
        .find(|r| r.recipient_id == rid)
        .map_or(Money::ZERO, |r| r.allocated);
    let mut state = AllocationState::new(
        d.grant.id,
        rid,
        name,
        old,
        d.status.received,
        d.status.allocated,
        ctx.lang,
    );
    state.stored = ctx.stored(ctx.store.allocation(d.grant.id, rid))?;
    state.read_only = ctx.grant_closed();
    Ok(state)
}

/// The kind of draft this popup keeps.
pub const DRAFT: &str = "allocation";

/// What a draft keeps: the amount the user saw, and what was typed.
#[derive(Serialize, Deserialize)]
struct DraftBody {
    old_ore: i64,
    typed: String,
    /// There was no allocation when the popup opened.
    #[serde(default)]
    absent: bool,
}

/// A draft of this popup opened again, on today's figures.
pub fn restore(ctx: &Ctx, d: &store::Draft) -> Option<AllocationState> {
    let body: DraftBody = serde_json::from_str(&d.body).ok()?;
    let rid = d.recipient_id?;
    let name = ctx.store.recipient(rid).ok()?.name;
    let mut state = open(ctx, rid, name).ok()?;
    state.old = Money::from_ore(body.old_ore);
    state.stored = (!body.absent).then_some(state.old);
    state.input.set(&body.typed);
    Some(state)
}

/// What the question offering a draft back says it is.
pub fn draft_subject(ctx: &Ctx, d: &store::Draft) -> (&'static str, String) {
    let name = d.recipient_id.and_then(|id| ctx.store.recipient(id).ok());
    (
        ctx.t().restore_allocation_draft,
        name.map(|r| r.name).unwrap_or_default(),
    )
}

/// A retired recipient keeps its history but gets no new money. Asked of
/// the store, so a recipient retired by another session is refused too.
fn refuse_retired(ctx: &Ctx, rid: RecipientId, name: &str) -> Result<(), Effect> {
    match ctx.store.recipient(rid) {
        Ok(r) if r.retired => Err(Effect::Error(retired_refusal(name, ctx.lang))),
        Ok(_) => Ok(()),
        Err(e) => Err(ctx.failed(&e)),
    }
}

impl AllocationState {
    fn save(&mut self, ctx: &mut Ctx, force: bool) -> Result<Effect, Effect> {
        let amount = self.parsed().map_err(|e| {
            // What is typed next replaces the refused amount.
            self.input.select();
            Effect::Error(e)
        })?;
        let (g, r, old) = (self.grant_id, self.recipient_id, self.old);
        let name = self.name.clone();
        refuse_retired(ctx, r, &name)?;
        let (before, after) = ctx
            .store
            .save_allocation(g, r, self.stored, Some(amount), force)
            .map_err(|e| ctx.refused_save(&e))?;
        if let Some(after) = after.filter(|a| Some(*a) != before) {
            let step = UndoStep::Allocation {
                grant_id: g,
                recipient_id: r,
                name: name.clone(),
                before,
                after: Some(after),
            };
            ctx.undo.remember(step, &ctx.store);
        }
        let lang = ctx.lang;
        // "None" reads as the history shows it: a dash, not 0.
        let before = if old.is_zero() {
            String::new()
        } else {
            old.to_string()
        };
        let said = format!(
            "{}: {name} {} → {}",
            ctx.t().allocation_saved,
            crate::i18n::changes::value("allocation", &before, lang),
            amount.format_with_unit(lang)
        );
        Ok(Effect::Many(vec![
            Effect::Close,
            Effect::Reload,
            Effect::Info(said),
        ]))
    }
}

impl View for AllocationState {
    fn contexts(&self) -> Vec<KeyContext> {
        form::contexts(false, &[])
    }

    fn footer(&self) -> Vec<KeyContext> {
        form::footer(self.read_only, self.contexts())
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        let saves = matches!(action, Action::Confirm | Action::Save | Action::Overwrite);
        if saves && let Err(refused) = form::writable(ctx, self.read_only) {
            return refused;
        }
        match action {
            Action::Input(key) => {
                match form::edit_key(ctx, self.read_only, &mut self.input, &key) {
                    Err(refused) => refused,
                    Ok(_) => Effect::None,
                }
            }
            Action::Back => Effect::Close,
            Action::Confirm | Action::Save => self.save(ctx, false).into(),
            Action::Overwrite => self.save(ctx, true).into(),
            _ => Effect::None,
        }
    }

    fn paste(&mut self, ctx: &mut Ctx, text: &str) -> Effect {
        if let Err(refused) = form::writable(ctx, self.read_only) {
            return refused;
        }
        self.input.paste(text);
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self)
    }

    /// Kept when an amount was typed; quitting does not ask about it, as
    /// it never did.
    fn draft(&self) -> Option<Draft> {
        let typed = self.input.value().trim();
        (typed != self.old.format_editable(self.lang)).then(|| Draft {
            kind: DRAFT,
            grant_id: Some(self.grant_id),
            recipient_id: Some(self.recipient_id),
            body: serde_json::to_string(&DraftBody {
                old_ore: self.old.ore(),
                typed: typed.to_string(),
                absent: self.stored.is_none(),
            })
            .unwrap_or_default(),
        })
    }
}
