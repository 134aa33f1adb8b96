//! Every grant's status in one pass: a few reads over all the grants
//! asked for, one row per recipient (spending through the totals the
//! schema's triggers keep), in the tables' clustered (grant, recipient)
//! order, merged here and handed to the same rules as one grant's status.
//! `grant_status` and this must agree; tests/grant_summaries.rs checks it.

use std::collections::HashMap;
use std::iter::Peekable;

use chrono::NaiveDate;

use super::{Result, Store};
use crate::domain::collate::sort_key;
use crate::domain::grant_list::GrantLine;
use crate::domain::model::{Grant, GrantId, GrantState, RecipientId};
use crate::domain::money::Money;
use crate::domain::money_back::References;
use crate::domain::status::{GrantStatus, RecipientFigures};

/// Which grants a summary covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Open,
    All,
}

impl Which {
    fn takes(self, grant: &Grant) -> bool {
        self == Which::All || grant.state == GrantState::Open
    }
}

/// A grant's line in the list, with its references for the details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantSummary {
    pub line: GrantLine,
    pub references: References,
}

/// (grant, recipient, value) in the order of the tables' primary keys.
type Keyed = (GrantId, RecipientId, i64);

/// The rows of every grant when `all`, otherwise of the open ones; the
/// grant list is small, so `IN` keeps each read a series of range reads.
macro_rules! per_recipient {
    ($select:literal, $table:literal) => {
        concat!(
            "SELECT grant_id, recipient_id, ",
            $select,
            " FROM ",
            $table,
            " WHERE grant_id IN (SELECT id FROM grants WHERE ?1 OR state = 'open')",
            " ORDER BY grant_id, recipient_id"
        )
    };
}

impl Store {
    /// Each grant asked for with its status on `today`, newest first, as
    /// `grant_status` gives it one grant at a time.
    pub fn grant_statuses(
        &self,
        which: Which,
        today: NaiveDate,
    ) -> Result<Vec<(Grant, GrantStatus)>> {
        self.statuses(which, today, true)
    }

    /// With `named`, the recipients have their names and name order; the
    /// list of grants needs neither, only the totals and the flags counted.
    fn statuses(
        &self,
        which: Which,
        today: NaiveDate,
        named: bool,
    ) -> Result<Vec<(Grant, GrantStatus)>> {
        let all = which == Which::All;
        let received = self
            .sums_per_grant("SELECT grant_id, SUM(amount_ore) FROM receipts GROUP BY grant_id")?;
        let repaid = self
            .sums_per_grant("SELECT grant_id, SUM(amount_ore) FROM repayments GROUP BY grant_id")?;
        let mut figures = self.figures_per_grant(all, named)?;
        let mut statuses = Vec::new();
        for grant in self.grants()?.into_iter().filter(|g| which.takes(g)) {
            let lines = figures.remove(&grant.id).unwrap_or_default();
            let status = GrantStatus::compute_repaid(
                &grant,
                received.get(&grant.id).copied().unwrap_or(Money::ZERO),
                repaid.get(&grant.id).copied().unwrap_or(Money::ZERO),
                &lines,
                today,
            );
            statuses.push((grant, status));
        }
        Ok(statuses)
    }

    /// The list of grants: each one's figures, next deadline, flags
    /// counted and references, newest first.
    pub fn grant_summaries(&self, which: Which, today: NaiveDate) -> Result<Vec<GrantSummary>> {
        let mut references = self.all_references()?;
        Ok(self
            .statuses(which, today, false)?
            .into_iter()
            .map(|(grant, status)| GrantSummary {
                references: references.remove(&grant.id).unwrap_or_default(),
                line: GrantLine::new(grant, status, today),
            })
            .collect())
    }

    fn sums_per_grant(&self, sql: &str) -> Result<HashMap<GrantId, Money>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, Money::from_ore(r.get(1)?))))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn all_references(&self) -> Result<HashMap<GrantId, References>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, giver_reference, own_reference FROM grants")?;
        let rows = stmt.query_map([], |r| {
            let refs = References {
                giver_reference: r.get(1)?,
                own_reference: r.get(2)?,
            };
            Ok((r.get(0)?, refs))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn keyed(&self, sql: &str, all: bool) -> Result<Vec<Keyed>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([all], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Allocated, used and reported per recipient of each grant; when
    /// `named`, with the names in the Swedish name order
    /// `recipient_figures` gives.
    fn figures_per_grant(
        &self,
        all: bool,
        named: bool,
    ) -> Result<HashMap<GrantId, Vec<RecipientFigures>>> {
        let allocated = self.keyed(per_recipient!("amount_ore", "allocations"), all)?;
        // Kept per recipient by the schema's triggers: one row each, not
        // one per focus area.
        let used = self.keyed(per_recipient!("used_ore", "spending_totals"), all)?;
        let reported = self.keyed(per_recipient!("1", "recipient_reports"), all)?;
        let names = if named {
            self.names_in_order()?
        } else {
            HashMap::new()
        };
        let mut per_grant: HashMap<GrantId, Vec<RecipientFigures>> = HashMap::new();
        let mut heads = [allocated, used, reported].map(|v| v.into_iter().peekable());
        while let Some((grant_id, recipient_id)) = heads
            .iter_mut()
            .filter_map(|h| h.peek().map(|&(g, r, _)| (g, r)))
            .min()
        {
            let [a, u, r] = &mut heads;
            let name = names
                .get(&recipient_id)
                .map(|(name, _)| name.clone())
                .unwrap_or_default();
            per_grant
                .entry(grant_id)
                .or_default()
                .push(RecipientFigures {
                    recipient_id,
                    name,
                    allocated: Money::from_ore(take(a, grant_id, recipient_id).unwrap_or(0)),
                    used: Money::from_ore(take(u, grant_id, recipient_id).unwrap_or(0)),
                    reported: take(r, grant_id, recipient_id).is_some(),
                });
        }
        for list in per_grant.values_mut().filter(|_| named) {
            list.sort_by_key(|f| {
                (
                    names.get(&f.recipient_id).map_or(0, |n| n.1),
                    f.recipient_id,
                )
            });
        }
        Ok(per_grant)
    }

    /// Every recipient's name and its place in the Swedish name order,
    /// worked out once for all the grants.
    fn names_in_order(&self) -> Result<HashMap<RecipientId, (String, usize)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM recipients")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, RecipientId>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut list: Vec<(RecipientId, String)> = rows.collect::<rusqlite::Result<_>>()?;
        list.sort_by_cached_key(|(id, name)| (sort_key(name), *id));
        Ok(list
            .into_iter()
            .enumerate()
            .map(|(rank, (id, name))| (id, (name, rank)))
            .collect())
    }
}

/// The head's value when it is at (grant, recipient), moving past it.
fn take<I: Iterator<Item = Keyed>>(
    head: &mut Peekable<I>,
    grant: GrantId,
    recipient: RecipientId,
) -> Option<i64> {
    head.next_if(|&(g, r, _)| (g, r) == (grant, recipient))
        .map(|(_, _, v)| v)
}
