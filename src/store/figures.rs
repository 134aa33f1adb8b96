//! Aggregates for the status and the views, summed in SQL on integer öre.

use chrono::NaiveDate;
use rusqlite::params;

use super::{Result, Store};
use crate::domain::collate::sort_key;
use crate::domain::model::{FocusAreaId, Grant, GrantId, RecipientId};
use crate::domain::money::Money;
use crate::domain::status::{GrantStatus, RecipientFigures};

/// One recipient's spending on one focus area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCell {
    pub recipient_id: RecipientId,
    pub focus_area_id: FocusAreaId,
    pub amount: Money,
}

impl Store {
    /// Allocated, used and reported per recipient taking part in a grant
    /// (with an allocation, spending or a report), in Swedish name order.
    pub fn recipient_figures(&self, grant_id: GrantId) -> Result<Vec<RecipientFigures>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH used AS (
                 SELECT recipient_id, SUM(amount_ore) AS ore FROM spending
                 WHERE grant_id = ?1 GROUP BY recipient_id),
             involved AS (
                 SELECT recipient_id FROM allocations WHERE grant_id = ?1
                 UNION SELECT recipient_id FROM used
                 UNION SELECT recipient_id FROM recipient_reports WHERE grant_id = ?1)
             SELECT r.id, r.name, COALESCE(a.amount_ore, 0), COALESCE(u.ore, 0),
                    EXISTS (SELECT 1 FROM recipient_reports p
                            WHERE p.grant_id = ?1 AND p.recipient_id = r.id)
             FROM involved i
             JOIN recipients r ON r.id = i.recipient_id
             LEFT JOIN allocations a ON a.grant_id = ?1 AND a.recipient_id = r.id
             LEFT JOIN used u ON u.recipient_id = r.id",
        )?;
        let rows = stmt.query_map(params![grant_id], |r| {
            Ok(RecipientFigures {
                recipient_id: r.get(0)?,
                name: r.get(1)?,
                allocated: Money::from_ore(r.get(2)?),
                used: Money::from_ore(r.get(3)?),
                reported: r.get(4)?,
            })
        })?;
        let mut list: Vec<RecipientFigures> = rows.collect::<rusqlite::Result<_>>()?;
        list.sort_by_cached_key(|f| sort_key(&f.name));
        Ok(list)
    }

    /// The grant and its status on `today`.
    pub fn grant_status(
        &self,
        grant_id: GrantId,
        today: NaiveDate,
    ) -> Result<(Grant, GrantStatus)> {
        let grant = self.grant(grant_id)?;
        let received = self.received(grant_id)?;
        let repaid = self.repaid(grant_id)?;
        let figures = self.recipient_figures(grant_id)?;
        let status = GrantStatus::compute_repaid(&grant, received, repaid, &figures, today);
        Ok((grant, status))
    }

    /// Non-zero spending per recipient and focus area; the matrix view and
    /// the report are built from it.
    pub fn matrix(&self, grant_id: GrantId) -> Result<Vec<MatrixCell>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT recipient_id, focus_area_id, amount_ore FROM spending
             WHERE grant_id = ?1 AND amount_ore <> 0",
        )?;
        let rows = stmt.query_map(params![grant_id], |r| {
            Ok(MatrixCell {
                recipient_id: r.get(0)?,
                focus_area_id: r.get(1)?,
                amount: Money::from_ore(r.get(2)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
