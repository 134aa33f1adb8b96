//! The report's data, read from the store through its public reads: the
//! report itself stays pure, and no SQL lives outside the store.

use chrono::NaiveDate;

use super::{ReportData, ReportRecipient};
use crate::domain::model::{GrantId, Spending};
use crate::store::{Result, Store};

/// Everything the report on `grant_id` says, as of `today`. Recipients
/// come in Swedish name order, as in the status pane.
pub fn load(store: &Store, grant_id: GrantId, today: NaiveDate) -> Result<ReportData> {
    let grant = store.grant(grant_id)?;
    let mut recipients = Vec::new();
    for figures in store.recipient_figures(grant_id)? {
        let entry = store.entry(grant_id, figures.recipient_id)?;
        let spending = entry
            .spending
            .into_iter()
            .filter(|s| !s.amount.is_zero() || !s.note.is_empty())
            .map(|s| Spending {
                focus_area_id: s.focus_area_id,
                amount: s.amount,
                note: s.note,
            })
            .collect();
        recipients.push(ReportRecipient {
            recipient: store.recipient(figures.recipient_id)?,
            allocated: figures.allocated,
            spending,
            report: entry.report,
        });
    }
    Ok(ReportData {
        receipts: store.receipts(grant_id)?,
        focus_areas: store.focus_areas(grant_id)?,
        grant,
        recipients,
        today,
    })
}
