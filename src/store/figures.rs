//! Aggregates for the status and the views, summed in SQL on integer öre.

use std::collections::HashMap;

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
    /// Three range reads in the grant's clustered order, merged here:
    /// SQLite would sort the union of them to group it.
    pub fn recipient_figures(&self, grant_id: GrantId) -> Result<Vec<RecipientFigures>> {
        let mut by_id: HashMap<RecipientId, RecipientFigures> = HashMap::new();
        let blank = |id: RecipientId, name: String| RecipientFigures {
            recipient_id: id,
            name,
            allocated: Money::ZERO,
            used: Money::ZERO,
            reported: false,
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.recipient_id, r.name, a.amount_ore FROM allocations a
             JOIN recipients r ON r.id = a.recipient_id WHERE a.grant_id = ?1",
        )?;
        let rows = stmt.query_map(params![grant_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (id, name, ore) = row?;
            let mut f = blank(id, name);
            f.allocated = Money::from_ore(ore);
            by_id.insert(id, f);
        }
        let mut others = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT recipient_id, SUM(amount_ore) FROM spending WHERE grant_id = ?1
             GROUP BY recipient_id",
        )?;
        let rows = stmt.query_map(params![grant_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (id, ore) = row?;
            match by_id.get_mut(&id) {
                Some(f) => f.used = Money::from_ore(ore),
                None => others.push((id, Money::from_ore(ore), false)),
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT recipient_id FROM recipient_reports WHERE grant_id = ?1")?;
        let rows = stmt.query_map(params![grant_id], |r| r.get::<_, i64>(0))?;
        for row in rows {
            let id = row?;
            match by_id.get_mut(&id) {
                Some(f) => f.reported = true,
                None => others.push((id, Money::ZERO, true)),
            }
        }
        // Spending or a report without an allocation: rare, named one by one.
        for (id, used, reported) in others {
            let name = match by_id.get(&id) {
                Some(f) => f.name.clone(),
                None => self.recipient(id)?.name,
            };
            let f = by_id.entry(id).or_insert_with(|| blank(id, name));
            f.used += used;
            f.reported |= reported;
        }
        let mut list: Vec<RecipientFigures> = by_id.into_values().collect();
        list.sort_by_cached_key(|f| (sort_key(&f.name), f.recipient_id));
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
