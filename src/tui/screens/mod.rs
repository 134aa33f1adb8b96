//! Every screen, each in a room of its own with its state, its update and
//! its drawing. Screens never use each other: one that wants another
//! returns `Effect::Open` with an `Open`, and `build` here makes it. This
//! file is the one place that lists them.

mod allocation;
mod chart;
mod flags;
mod focus_area_form;
mod focus_areas;
mod form;
mod grant_form;
mod grants;
mod help;
mod history;
pub mod main;
mod matrix;
mod question;
mod reallocation;
mod receipt_form;
mod receipts;
mod recipient_form;
mod recipients;
mod repayment_form;
mod report;

use crate::store;
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
    Form(form::FormState),
    Allocation(allocation::AllocationState),
    Reallocation(reallocation::ReallocationState),
    Question(Question),
    Grants(grants::GrantsState),
    GrantForm(grant_form::GrantFormState),
    FocusAreas(focus_areas::FocusAreasState),
    FocusAreaForm(focus_area_form::FocusAreaForm),
    Receipts(receipts::ReceiptsState),
    ReceiptForm(receipt_form::ReceiptFormState),
    RepaymentForm(repayment_form::RepaymentFormState),
    Recipients(recipients::RecipientsState),
    RecipientForm(recipient_form::RecipientForm),
    Matrix(matrix::MatrixState),
    Chart(chart::ChartState),
    History(history::HistoryState),
    Report(report::ReportState),
    Help(help::HelpState),
    Flags(flags::FlagsState),
}

/// Makes the screen `open` names, or says why it cannot open.
pub fn build(open: Open, ctx: &Ctx) -> Result<Screen, Effect> {
    Ok(match open {
        Open::Spending(id, name) => Screen::Form(Box::new(form::open(ctx, id, name)?)),
        Open::Allocation(id, name) => {
            Screen::Allocation(Box::new(allocation::open(ctx, id, name)?))
        }
        Open::Reallocation(id, name) => {
            Screen::Reallocation(Box::new(reallocation::open(ctx, id, name)?))
        }
        Open::Grants => Screen::Grants(Box::new(grants::open(ctx)?)),
        Open::NewGrant => Screen::GrantForm(Box::new(grant_form::open_new(ctx)?)),
        Open::EditGrant(g) => Screen::GrantForm(Box::new(grant_form::open_edit(ctx, &g)?)),
        Open::FocusAreas(id) => Screen::FocusAreas(Box::new(focus_areas::open(ctx, id)?)),
        Open::FocusAreaForm(id, area) => Screen::FocusAreaForm(Box::new(
            focus_area_form::FocusAreaForm::new(id, area, ctx.lang),
        )),
        Open::Receipts(id) => Screen::Receipts(Box::new(receipts::open(ctx, id)?)),
        Open::NewReceipt { grant, date, kind } => {
            Screen::ReceiptForm(Box::new(receipt_form::open(ctx, grant, date, kind)?))
        }
        Open::NewRepayment(id) => Screen::RepaymentForm(Box::new(repayment_form::open(ctx, id)?)),
        Open::EditReceipt(g, id) => {
            Screen::ReceiptForm(Box::new(receipt_form::open_edit(ctx, g, id)?))
        }
        Open::EditRepayment(g, id) => {
            Screen::RepaymentForm(Box::new(repayment_form::open_edit(ctx, g, id)?))
        }
        Open::Recipients => Screen::Recipients(Box::new(recipients::open(ctx)?)),
        Open::NewRecipient => Screen::RecipientForm(Box::new(recipient_form::open_new(ctx)?)),
        Open::RenameRecipient(id) => {
            Screen::RecipientForm(Box::new(recipient_form::open_rename(ctx, id)?))
        }
        Open::Matrix => Screen::Matrix(Box::new(matrix::open(ctx)?)),
        Open::Chart => Screen::Chart(Box::new(chart::open(ctx)?)),
        Open::History(id, name) => Screen::History(Box::new(history::open(ctx, id, name)?)),
        Open::Report => Screen::Report(Box::new(report::open(ctx)?)),
        Open::Help => Screen::Help(Box::default()),
        Open::Flags => Screen::Flags(Box::default()),
        Open::Draft(id) => restore(ctx, id)?,
    })
}

/// A form kept as a draft, with what was typed in it.
fn restore(ctx: &Ctx, id: i64) -> Result<Screen, Effect> {
    let drafts = ctx.stored(ctx.store.drafts())?;
    let Some(d) = drafts.into_iter().find(|d| d.id == id) else {
        return Err(Effect::None);
    };
    let screen = match d.kind.as_str() {
        form::DRAFT => form::restore(ctx, &d).map(|f| Screen::Form(Box::new(f))),
        allocation::DRAFT => allocation::restore(ctx, &d).map(|a| Screen::Allocation(Box::new(a))),
        grant_form::DRAFT => grant_form::restore(ctx, &d).map(|f| Screen::GrantForm(Box::new(f))),
        focus_area_form::DRAFT => {
            focus_area_form::restore(ctx, &d).map(|f| Screen::FocusAreaForm(Box::new(f)))
        }
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
        focus_area_form::DRAFT => focus_area_form::draft_subject(ctx, d),
        receipt_form::DRAFT => receipt_form::draft_subject(ctx, d),
        recipient_form::DRAFT => recipient_form::draft_subject(ctx, d),
        _ => form::draft_subject(ctx, d),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every `.rs` file under `dir`, with its text.
    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }

    #[test]
    fn screens_never_use_each_other_nor_the_app() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/screens");
        let mut files = Vec::new();
        sources(&dir, &mut files);
        let screen_files = files
            .iter()
            .filter(|(path, _)| !path.ends_with("screens/mod.rs"));
        for (path, text) in screen_files {
            for bad in ["screens::", "tui::app", "super::super::"] {
                assert!(!text.contains(bad), "{path} uses {bad}");
            }
        }
    }
}
