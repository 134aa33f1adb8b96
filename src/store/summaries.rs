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
        self.statuses(which, today, true, |_, status| status)
    }

    /// The list of grants: each one's figures, next deadline, flags
    /// counted and references, newest first.
    pub fn grant_summaries(&self, which: Which, today: NaiveDate) -> Result<Vec<GrantSummary>> {
        let mut references = self.all_references()?;
        let lines = self.statuses(which, today, false, |grant, status| {
            GrantLine::new(grant.clone(), status, today)
        })?;
        Ok(lines
            .into_iter()
            .map(|(grant, line)| GrantSummary {
                references: references.remove(&grant.id).unwrap_or_default(),
                line,
            })
            .collect())
    }

    /// Each grant's status, made into what `keep` keeps as soon as the
    /// grant's rows are read, so that only one grant's recipients are in
    /// memory at a time. With `named`, the recipients have their names and
    /// name order; the list of grants needs neither.
    fn statuses<T>(
        &self,
        which: Which,
        today: NaiveDate,
        named: bool,
        keep: impl Fn(&Grant, GrantStatus) -> T,
    ) -> Result<Vec<(Grant, T)>> {
        let received = self
            .sums_per_grant("SELECT grant_id, SUM(amount_ore) FROM receipts GROUP BY grant_id")?;
        let repaid = self
            .sums_per_grant("SELECT grant_id, SUM(amount_ore) FROM repayments GROUP BY grant_id")?;
        let grants: Vec<Grant> = self
            .grants()?
            .into_iter()
            .filter(|g| which.takes(g))
            .collect();
        let compute = |grant: &Grant, figures: &[RecipientFigures]| {
            let status = GrantStatus::compute_repaid(
                grant,
                received.get(&grant.id).copied().unwrap_or(Money::ZERO),
                repaid.get(&grant.id).copied().unwrap_or(Money::ZERO),
                figures,
                today,
            );
            keep(grant, status)
        };
        let by_id: HashMap<GrantId, &Grant> = grants.iter().map(|g| (g.id, g)).collect();
        let mut kept: HashMap<GrantId, T> = HashMap::new();
        self.each_grant_figures(which == Which::All, named, |grant_id, figures| {
            if let Some(grant) = by_id.get(&grant_id) {
                kept.insert(grant_id, compute(grant, &figures));
            }
        })?;
        Ok(grants
            .iter()
            .map(|g| {
                let made = kept.remove(&g.id).unwrap_or_else(|| compute(g, &[]));
                (g.clone(), made)
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

    /// Allocated, used and reported per recipient, handed to `grant` one
    /// grant at a time; when `named`, with the names in the Swedish name
    /// order `recipient_figures` gives.
    fn each_grant_figures(
        &self,
        all: bool,
        named: bool,
        mut grant: impl FnMut(GrantId, Vec<RecipientFigures>),
    ) -> Result<()> {
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
        let mut done = |grant_id: GrantId, mut list: Vec<RecipientFigures>| {
            if named {
                list.sort_by_key(|f| {
                    (
                        names.get(&f.recipient_id).map_or(0, |n| n.1),
                        f.recipient_id,
                    )
                });
            }
            grant(grant_id, list);
        };
        let mut current: Option<(GrantId, Vec<RecipientFigures>)> = None;
        let mut heads = [allocated, used, reported].map(|v| v.into_iter().peekable());
        while let Some((grant_id, recipient_id)) = heads
            .iter_mut()
            .filter_map(|h| h.peek().map(|&(g, r, _)| (g, r)))
            .min()
        {
            // The rows come grant by grant: a new grant ends the last one.
            if let Some((g, list)) = current.take_if(|(g, _)| *g != grant_id) {
                done(g, list);
            }
            let [a, u, r] = &mut heads;
            let name = names
                .get(&recipient_id)
                .map(|(name, _)| name.clone())
                .unwrap_or_default();
            let figures = RecipientFigures {
                recipient_id,
                name,
                allocated: Money::from_ore(take(a, grant_id, recipient_id).unwrap_or(0)),
                used: Money::from_ore(take(u, grant_id, recipient_id).unwrap_or(0)),
                reported: take(r, grant_id, recipient_id).is_some(),
            };
            current
                .get_or_insert_with(|| (grant_id, Vec::new()))
                .1
                .push(figures);
        }
        if let Some((g, list)) = current {
            done(g, list);
        }
        Ok(())
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
