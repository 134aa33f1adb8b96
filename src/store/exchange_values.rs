//! The per-recipient values an import writes: allocations, receipts,
//! spending, recipient reports and contact persons, each with its audit
//! rows.

use rusqlite::params;

use super::Result;
use super::exchange_apply::Applier;
use crate::domain::model::RecipientReport;
use crate::domain::money::Money;
use crate::exchange::{Cell, ReceiptDoc};

impl Applier<'_> {
    pub(super) fn set_allocation(
        &mut self,
        grant: usize,
        recipient: &str,
        old: Option<Money>,
        new: Option<Money>,
    ) -> Result<()> {
        let (g, r) = (self.grant(grant)?, self.recipient(recipient)?);
        match new {
            Some(m) => self
                .conn
                .prepare_cached(
                    "INSERT INTO allocations (grant_id, recipient_id, amount_ore) VALUES (?1, ?2, ?3)
                     ON CONFLICT (grant_id, recipient_id) DO UPDATE SET amount_ore = excluded.amount_ore",
                )?
                .execute(params![g, r, m.ore()])?,
            None => self
                .conn
                .prepare_cached("DELETE FROM allocations WHERE grant_id = ?1 AND recipient_id = ?2")?
                .execute(params![g, r])?,
        };
        let text = |m: Option<Money>| m.map(|m| m.to_string()).unwrap_or_default();
        self.audit(Some(g), Some(r), "allocation", text(old), text(new))
    }

    pub(super) fn add_receipt(&mut self, grant: usize, r: &ReceiptDoc) -> Result<()> {
        let id = self.grant(grant)?;
        self.conn
            .prepare_cached(
                "INSERT INTO receipts (grant_id, received_on, amount_ore, kind, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                id,
                r.date.to_string(),
                r.amount.ore(),
                r.kind.code(),
                r.note
            ])?;
        let text = format!("{} {} {}", r.date, r.amount, r.kind.code());
        self.audit(Some(id), None, "receipt", String::new(), text)
    }

    pub(super) fn remove_receipt(&mut self, grant: usize, r: &ReceiptDoc) -> Result<()> {
        let id = self.grant(grant)?;
        // Receipts have no key: remove one row with exactly these values.
        self.conn
            .prepare_cached(
                "DELETE FROM receipts WHERE id = (SELECT id FROM receipts WHERE grant_id = ?1
                 AND received_on = ?2 AND amount_ore = ?3 AND kind = ?4 AND note = ?5
                 ORDER BY id LIMIT 1)",
            )?
            .execute(params![
                id,
                r.date.to_string(),
                r.amount.ore(),
                r.kind.code(),
                r.note
            ])?;
        let text = format!("{} {} {}", r.date, r.amount, r.kind.code());
        self.audit(Some(id), None, "receipt", text, String::new())
    }

    pub(super) fn set_spending(
        &mut self,
        grant: usize,
        recipient: &str,
        position: i64,
        old: &Cell,
        new: &Cell,
    ) -> Result<()> {
        let (g, r) = (self.grant(grant)?, self.recipient(recipient)?);
        let f = self.focus_area(g, position)?;
        if new.is_none() {
            self.conn
                .prepare_cached(
                    "DELETE FROM spending WHERE grant_id = ?1 AND recipient_id = ?2 AND focus_area_id = ?3",
                )?
                .execute(params![g, r, f])?;
        } else {
            self.conn
                .prepare_cached(
                    "INSERT INTO spending (grant_id, recipient_id, focus_area_id, amount_ore, note)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (grant_id, recipient_id, focus_area_id)
                     DO UPDATE SET amount_ore = excluded.amount_ore, note = excluded.note",
                )?
                .execute(params![g, r, f, new.amount.ore(), new.note])?;
        }
        // The same field names as the spending form, so history and the
        // form's conflict check see imported changes too.
        if old.amount != new.amount {
            let what = format!("spending.{position}.amount");
            self.audit(
                Some(g),
                Some(r),
                &what,
                old.amount.to_string(),
                new.amount.to_string(),
            )?;
        }
        if old.note != new.note {
            let what = format!("spending.{position}.note");
            self.audit(Some(g), Some(r), &what, old.note.clone(), new.note.clone())?;
        }
        Ok(())
    }

    pub(super) fn set_report(
        &mut self,
        grant: usize,
        recipient: &str,
        old: &Option<RecipientReport>,
        new: &Option<RecipientReport>,
    ) -> Result<()> {
        let (g, r) = (self.grant(grant)?, self.recipient(recipient)?);
        match new {
            Some(p) => self
                .conn
                .prepare_cached(
                    "INSERT INTO recipient_reports (grant_id, recipient_id, reported_on, reason_unused, evaluation)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (grant_id, recipient_id) DO UPDATE SET reported_on = excluded.reported_on,
                       reason_unused = excluded.reason_unused, evaluation = excluded.evaluation",
                )?
                .execute(params![g, r, p.reported_on.to_string(), p.reason_unused, p.evaluation])?,
            None => self
                .conn
                .prepare_cached("DELETE FROM recipient_reports WHERE grant_id = ?1 AND recipient_id = ?2")?
                .execute(params![g, r])?,
        };
        let fields = |p: &Option<RecipientReport>| match p {
            Some(p) => [
                p.reported_on.to_string(),
                p.reason_unused.clone(),
                p.evaluation.clone(),
            ],
            None => Default::default(),
        };
        let names = [
            "report.reported_on",
            "report.reason_unused",
            "report.evaluation",
        ];
        for ((what, old), new) in names.iter().zip(fields(old)).zip(fields(new)) {
            if old != new {
                self.audit(Some(g), Some(r), what, old, new)?;
            }
        }
        Ok(())
    }

    pub(super) fn set_contact(
        &mut self,
        grant: usize,
        recipient: &str,
        old: &str,
        new: &str,
    ) -> Result<()> {
        let (g, r) = (self.grant(grant)?, self.recipient(recipient)?);
        super::entries::write_contact(self.conn, g, r, new)?;
        self.audit(
            Some(g),
            Some(r),
            "report.contact",
            old.to_string(),
            new.trim().to_string(),
        )
    }
}
