//! The report's data, read through the store's public reads, so that the
//! report itself never opens the store.

use chrono::NaiveDate;

use super::{Result, Store};
use crate::domain::model::{GrantId, ReportData, ReportRecipient, Spending};
use crate::domain::money_back::{NamedMove, ReportMoneyBack};

impl Store {
    /// Everything the report on `grant_id` says, as of `today`. Recipients
    /// come in Swedish name order, as in the status pane.
    pub fn report_data(&self, grant_id: GrantId, today: NaiveDate) -> Result<ReportData> {
        let grant = self.grant(grant_id)?;
        let mut recipients = Vec::new();
        for figures in self.recipient_figures(grant_id)? {
            let entry = self.entry(grant_id, figures.recipient_id)?;
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
                recipient: self.recipient(figures.recipient_id)?,
                allocated: figures.allocated,
                spending,
                report: entry.report,
                contact: entry.contact,
            });
        }
        let mut moves = Vec::new();
        for m in self.reallocations(grant_id)? {
            moves.push(NamedMove {
                date: m.date,
                from: self.recipient(m.from)?.name,
                to: self.recipient(m.to)?.name,
                amount: m.amount,
                decision: m.decision,
            });
        }
        let money_back = ReportMoneyBack {
            references: self.references(grant_id)?,
            repayments: self.repayments(grant_id)?,
            moves,
        };
        Ok(ReportData {
            money_back,
            receipts: self.receipts(grant_id)?,
            focus_areas: self.focus_areas(grant_id)?,
            grant,
            recipients,
            today,
        })
    }
}
