//! Every screen, each in a room of its own with its state, its update and
//! its drawing. Screens never use each other: one that wants another
//! returns `Effect::Open` with an `Open`, and `build` here makes it. This
//! file is the one place that lists them.

mod allocation;
mod flags;
mod form;
mod grant_form;
mod grants;
mod help;
mod history;
pub mod main;
mod matrix;
mod question;
mod receipt_form;
mod receipts;
mod recipient_form;
mod recipients;
mod report;

use allocation::AllocationState;
use flags::FlagsState;
use form::FormState;
use grant_form::GrantFormState;
use grants::GrantsState;
use help::HelpState;
use history::HistoryState;
use matrix::MatrixState;
use receipt_form::ReceiptFormState;
use receipts::ReceiptsState;
use recipient_form::RecipientForm;
use recipients::RecipientsState;
use report::ReportState;

use crate::store::{self, StoreError};
use crate::tui::screen::{Ctx, Effect, Open, Question, View};

/// Declares the stack's screen type over every screen's state, and the
/// one place that hands each to the app as a `View`.
macro_rules! screens {
    ($($name:ident($state:ty)),* $(,)?) => {
        /// A screen stacked above the main view; the top one gets the keys.
        pub enum Screen {
            $($name(Box<$state>)),*
        }

        impl Screen {
            pub fn view(&self) -> &dyn View {
                match self {
                    $(Screen::$name(s) => s.as_ref()),*
                }
            }

            pub fn view_mut(&mut self) -> &mut dyn View {
                match self {
                    $(Screen::$name(s) => s.as_mut()),*
                }
            }
        }
    };
}

screens! {
    Form(FormState),
    Allocation(AllocationState),
    Question(Question),
    Grants(GrantsState),
    GrantForm(GrantFormState),
    Receipts(ReceiptsState),
    ReceiptForm(ReceiptFormState),
    Recipients(RecipientsState),
    RecipientForm(RecipientForm),
    Matrix(MatrixState),
    History(HistoryState),
    Report(ReportState),
    Help(HelpState),
    Flags(FlagsState),
}

fn stored<T>(ctx: &Ctx, r: Result<T, StoreError>) -> Result<T, Effect> {
    r.map_err(|e| ctx.failed(&e))
}

/// Makes the screen `open` names, or says why it cannot open.
pub fn build(open: Open, ctx: &Ctx) -> Result<Screen, Effect> {
    let screen = match open {
        Open::Spending(rid, name) => {
            ctx.can_edit()?;
            Screen::Form(Box::new(stored(ctx, form::open(ctx, rid, name))?))
        }
        Open::Allocation(rid, name) => {
            Screen::Allocation(Box::new(allocation::open(ctx, rid, name)?))
        }
        Open::Grants => {
            let current = ctx.grant.as_ref().map(|d| d.grant.id);
            Screen::Grants(Box::new(stored(
                ctx,
                GrantsState::load(&ctx.store, current),
            )?))
        }
        Open::NewGrant => {
            // Grants usually come from the same giver year after year.
            let giver = ctx.grant.as_ref().map_or("", |d| d.grant.giver.as_str());
            let year = chrono::Datelike::year(&ctx.today);
            Screen::GrantForm(Box::new(GrantFormState::new_grant(year, giver, ctx.lang)))
        }
        Open::EditGrant(grant) => {
            Screen::GrantForm(Box::new(GrantFormState::edit(&grant, ctx.lang)))
        }
        Open::Receipts(id) => {
            Screen::Receipts(Box::new(stored(ctx, ReceiptsState::load(&ctx.store, id))?))
        }
        Open::NewReceipt { grant, date, kind } => {
            let grant = stored(ctx, ctx.store.grant(grant))?;
            Screen::ReceiptForm(Box::new(ReceiptFormState::new(
                &grant, date, kind, ctx.lang,
            )))
        }
        Open::Recipients => Screen::Recipients(Box::new(stored(
            ctx,
            RecipientsState::load(&ctx.store, ctx.grant.as_ref()),
        )?)),
        Open::NewRecipient => {
            let others = stored(ctx, recipient_form::names_except(ctx, None))?;
            Screen::RecipientForm(Box::new(RecipientForm::new_recipient(others)))
        }
        Open::RenameRecipient(id) => {
            let r = stored(ctx, ctx.store.recipient(id))?;
            let others = stored(ctx, recipient_form::names_except(ctx, Some(id)))?;
            Screen::RecipientForm(Box::new(RecipientForm::rename(&r, others)))
        }
        Open::Matrix => {
            let Some(d) = ctx.grant.as_ref() else {
                return Err(Effect::Error(ctx.t().no_grant.into()));
            };
            Screen::Matrix(Box::new(stored(ctx, MatrixState::build(&ctx.store, d))?))
        }
        Open::History(rid, name) => {
            Screen::History(Box::new(stored(ctx, HistoryState::open(ctx, rid, name))?))
        }
        Open::Report => {
            let Some(id) = ctx.grant.as_ref().map(|d| d.grant.id) else {
                return Err(Effect::None);
            };
            Screen::Report(Box::new(stored(ctx, ReportState::open(ctx, id))?))
        }
        Open::Help => Screen::Help(Box::default()),
        Open::Flags => Screen::Flags(Box::default()),
        Open::Draft(id) => restore(ctx, id)?,
    };
    Ok(screen)
}

/// A form kept as a draft, with what was typed in it.
fn restore(ctx: &Ctx, id: i64) -> Result<Screen, Effect> {
    let drafts = stored(ctx, ctx.store.drafts())?;
    let Some(d) = drafts.into_iter().find(|d| d.id == id) else {
        return Err(Effect::None);
    };
    let screen = match d.kind.as_str() {
        form::DRAFT => form::restore(ctx, &d).map(|f| Screen::Form(Box::new(f))),
        allocation::DRAFT => allocation::restore(ctx, &d).map(|a| Screen::Allocation(Box::new(a))),
        grant_form::DRAFT => grant_form::restore(ctx, &d).map(|f| Screen::GrantForm(Box::new(f))),
        receipt_form::DRAFT => {
            receipt_form::restore(ctx, &d).map(|f| Screen::ReceiptForm(Box::new(f)))
        }
        recipient_form::DRAFT => {
            recipient_form::restore(ctx, &d).map(|f| Screen::RecipientForm(Box::new(f)))
        }
        _ => None,
    };
    screen.ok_or_else(|| Effect::Error(ctx.t().draft_unreadable.into()))
}

/// The words before what a draft is about, and that, for the question
/// that offers it back.
pub fn draft_subject(ctx: &Ctx, d: &store::Draft) -> (&'static str, String) {
    match d.kind.as_str() {
        allocation::DRAFT => allocation::draft_subject(ctx, d),
        grant_form::DRAFT => grant_form::draft_subject(ctx, d),
        receipt_form::DRAFT => receipt_form::draft_subject(ctx, d),
        recipient_form::DRAFT => recipient_form::draft_subject(ctx, d),
        _ => form::draft_subject(ctx, d),
    }
}
