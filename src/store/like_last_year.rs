//! "New grant like …": next year's grant from this year's, as a start.

use rusqlite::{TransactionBehavior, params};

use super::audit::{Change, record};
use super::grants::insert_grant;
use super::{Result, Store, StoreError};
use crate::domain::grant_draft::GrantDraft;
use crate::domain::model::GrantId;
use crate::domain::money::Money;

/// What "like last year's" copied, so the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub grant_id: GrantId,
    pub title: String,
    pub year: i32,
    pub focus_areas: usize,
    /// Recipients given the same allocation; retired ones are left out.
    pub recipients: usize,
    pub allocated: Money,
}

impl Store {
    /// Creates next year's grant from `source`: title with the year moved
    /// on, the giver, its focus areas, every date one year later, and its
    /// (not retired) recipients with their allocations. Receipts,
    /// spending, reports, repayments and references are not copied.
    pub fn new_grant_like(&mut self, source: GrantId) -> Result<Copied> {
        let from = self.grant(source)?;
        let draft = GrantDraft::next_year_of(&from).ok_or_else(|| {
            StoreError::Invalid("the grant's dates cannot be moved on one year".into())
        })?;
        self.new_grant_like_as(source, &draft)
    }

    /// As `new_grant_like`, with the grant's own fields as the user set
    /// them (a form that started from `next_year_of` and was changed).
    pub fn new_grant_like_as(&mut self, source: GrantId, draft: &GrantDraft) -> Result<Copied> {
        let areas = self.focus_area_names(source)?;
        self.copy_with_allocations(source, draft, &areas)
    }

    fn copy_with_allocations(
        &mut self,
        source: GrantId,
        draft: &GrantDraft,
        areas: &[(String, String)],
    ) -> Result<Copied> {
        self.ensure_writable()?;
        draft.check().map_err(StoreError::Grant)?;
        // The grant and its allocations in one transaction: a half copy is
        // never left behind.
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert_grant(&tx, &who, draft, areas)?;
        let rows: Vec<(i64, i64, String)> = {
            let mut stmt = tx.prepare(
                "SELECT a.recipient_id, a.amount_ore, r.name FROM allocations a
                 JOIN recipients r ON r.id = a.recipient_id
                 WHERE a.grant_id = ?1 AND r.retired = 0 AND a.amount_ore > 0
                 ORDER BY a.recipient_id",
            )?;
            stmt.query_map([source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (rid, ore, _) in &rows {
            tx.execute(
                "INSERT INTO allocations (grant_id, recipient_id, amount_ore) VALUES (?1, ?2, ?3)",
                params![id, rid, ore],
            )?;
            let change = Change {
                grant_id: Some(id),
                recipient_id: Some(*rid),
                what: "allocation",
                old: String::new(),
                new: Money::from_ore(*ore).to_string(),
            };
            record(&tx, &who, change)?;
        }
        tx.commit()?;
        Ok(Copied {
            grant_id: id,
            title: draft.title.trim().to_string(),
            year: draft.year,
            focus_areas: areas.len(),
            recipients: rows.len(),
            allocated: rows.iter().map(|(_, ore, _)| Money::from_ore(*ore)).sum(),
        })
    }
}
