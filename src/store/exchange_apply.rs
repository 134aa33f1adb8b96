//! Applying an import plan inside the caller's transaction: each change
//! with its audit row, through cached statements so that a hundred
//! thousand rows stay fast.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::audit::{Batch, Change, now};
use super::{Result, StoreError};
use crate::domain::model::{GrantId, RecipientId};
use crate::exchange::{Field, Op, Plan};

pub(super) struct Applier<'a> {
    pub(super) conn: &'a Connection,
    /// Audit rows, all with the time of the import: one transaction.
    log: Batch,
    plan: &'a Plan,
    /// `Plan::grants` index → id, once the grant exists.
    grants: Vec<Option<GrantId>>,
    recipients: HashMap<String, RecipientId>,
    focus_areas: HashMap<(GrantId, i64), i64>,
}

fn missing(what: String) -> StoreError {
    StoreError::Invalid(format!("import: {what} is not in the database"))
}

impl<'a> Applier<'a> {
    pub(super) fn new(conn: &'a Connection, who: &'a str, plan: &'a Plan) -> Result<Applier<'a>> {
        let mut grants = Vec::with_capacity(plan.grants.len());
        let mut focus_areas = HashMap::new();
        for key in &plan.grants {
            let id: Option<GrantId> = conn
                .prepare_cached("SELECT id FROM grants WHERE title = ?1 AND year = ?2")?
                .query_row(params![key.title, key.year], |r| r.get(0))
                .optional()?;
            if let Some(id) = id {
                let mut stmt = conn
                    .prepare_cached("SELECT position, id FROM focus_areas WHERE grant_id = ?1")?;
                for row in
                    stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
                {
                    let (position, fid) = row?;
                    focus_areas.insert((id, position), fid);
                }
            }
            grants.push(id);
        }
        let mut recipients = HashMap::new();
        let mut stmt = conn.prepare_cached("SELECT name, id FROM recipients")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))? {
            let (name, id) = row?;
            recipients.insert(name, id);
        }
        Ok(Applier {
            conn,
            log: Batch::new(now(), who),
            plan,
            grants,
            recipients,
            focus_areas,
        })
    }

    /// The grants of the plan that exist now, created ones included.
    pub(super) fn grant_ids(&self) -> Vec<GrantId> {
        self.grants.iter().flatten().copied().collect()
    }

    pub(super) fn audit(
        &mut self,
        grant: Option<GrantId>,
        recipient: Option<RecipientId>,
        what: &str,
        old: String,
        new: String,
    ) -> Result<()> {
        let change = Change {
            grant_id: grant,
            recipient_id: recipient,
            what,
            old,
            new,
        };
        self.log.push(self.conn, change)
    }

    pub(super) fn grant(&self, index: usize) -> Result<GrantId> {
        self.grants.get(index).copied().flatten().ok_or_else(|| {
            let key = self.plan.grants.get(index).map(ToString::to_string);
            missing(format!("grant {}", key.unwrap_or_default()))
        })
    }

    pub(super) fn recipient(&self, name: &str) -> Result<RecipientId> {
        self.recipients
            .get(name)
            .copied()
            .ok_or_else(|| missing(format!("recipient '{name}'")))
    }

    pub(super) fn focus_area(&self, grant: GrantId, position: i64) -> Result<i64> {
        self.focus_areas
            .get(&(grant, position))
            .copied()
            .ok_or_else(|| missing(format!("focus area {position}")))
    }

    /// The import itself, with its counts, as the last audit row.
    pub(super) fn finish(&mut self, label: &str) -> Result<()> {
        let grant = match self.grants.as_slice() {
            [only] => *only,
            _ => None,
        };
        let summary = self.plan.summary();
        self.audit(
            grant,
            None,
            "import",
            String::new(),
            serde_json::to_string(&crate::exchange::ImportLogged {
                file: label.to_string(),
                counts: summary,
            })
            .unwrap_or_else(|_| format!("{label}: {summary}")),
        )?;
        // Queued audit rows must be written before the caller commits.
        self.log.flush(self.conn)
    }

    pub(super) fn apply(&mut self, op: &Op) -> Result<()> {
        let c = self.conn;
        match op {
            Op::AddRecipient {
                name,
                formal_name,
                kind,
                retired,
            } => {
                c.prepare_cached(
                    "INSERT INTO recipients (name, formal_name, kind, retired) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![name, formal_name, kind.code(), retired])?;
                let id = c.last_insert_rowid();
                self.recipients.insert(name.clone(), id);
                self.audit(None, Some(id), "recipient", String::new(), name.clone())?;
            }
            Op::SetRecipient {
                name,
                field,
                old,
                new,
            } => {
                let id = self.recipient(name)?;
                let sql = match field {
                    Field::FormalName => "UPDATE recipients SET formal_name = ?2 WHERE id = ?1",
                    Field::Kind => "UPDATE recipients SET kind = ?2 WHERE id = ?1",
                    Field::Retired => "UPDATE recipients SET retired = (?2 = 'true') WHERE id = ?1",
                    _ => {
                        return Err(StoreError::Invalid(format!(
                            "import: {field:?} of a recipient"
                        )));
                    }
                };
                c.prepare_cached(sql)?.execute(params![id, new])?;
                self.audit(None, Some(id), field.audit_name(), old.clone(), new.clone())?;
            }
            Op::AddGrant { grant, fields } => {
                let key = self
                    .plan
                    .grants
                    .get(*grant)
                    .ok_or_else(|| missing(format!("grant #{grant}")))?;
                c.prepare_cached(
                    "INSERT INTO grants (title, giver, year, use_from, use_until, report_due, state)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    key.title,
                    fields.giver,
                    key.year,
                    fields.use_from.to_string(),
                    fields.use_until.to_string(),
                    fields.report_due.to_string(),
                    fields.state.code()
                ])?;
                let id = c.last_insert_rowid();
                if let Some(slot) = self.grants.get_mut(*grant) {
                    *slot = Some(id);
                }
                self.audit(
                    Some(id),
                    None,
                    "grant",
                    String::new(),
                    format!("{} {}", key.title, key.year),
                )?;
            }
            Op::SetGrant {
                grant,
                field,
                old,
                new,
            } => {
                let id = self.grant(*grant)?;
                let sql = match field {
                    Field::Giver => "UPDATE grants SET giver = ?2 WHERE id = ?1",
                    Field::UseFrom => "UPDATE grants SET use_from = ?2 WHERE id = ?1",
                    Field::UseUntil => "UPDATE grants SET use_until = ?2 WHERE id = ?1",
                    Field::ReportDue => "UPDATE grants SET report_due = ?2 WHERE id = ?1",
                    Field::State => "UPDATE grants SET state = ?2 WHERE id = ?1",
                    Field::GiverReference => "UPDATE grants SET giver_reference = ?2 WHERE id = ?1",
                    Field::OwnReference => "UPDATE grants SET own_reference = ?2 WHERE id = ?1",
                    _ => return Err(StoreError::Invalid(format!("import: {field:?} of a grant"))),
                };
                c.prepare_cached(sql)?.execute(params![id, new])?;
                self.audit(Some(id), None, field.audit_name(), old.clone(), new.clone())?;
            }
            Op::SetFocusArea {
                grant,
                position,
                old,
                new,
            } => {
                let id = self.grant(*grant)?;
                c.prepare_cached(
                    "INSERT INTO focus_areas (grant_id, position, name_sv, name_en) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (grant_id, position)
                     DO UPDATE SET name_sv = excluded.name_sv, name_en = excluded.name_en",
                )?
                .execute(params![id, position, new.0, new.1])?;
                let fid: i64 = c
                    .prepare_cached(
                        "SELECT id FROM focus_areas WHERE grant_id = ?1 AND position = ?2",
                    )?
                    .query_row(params![id, position], |r| r.get(0))?;
                self.focus_areas.insert((id, *position), fid);
                let show = |n: &(String, String)| format!("{} / {}", n.0, n.1);
                let what = format!("focus_area.{position}");
                self.audit(
                    Some(id),
                    None,
                    &what,
                    old.as_ref().map(show).unwrap_or_default(),
                    show(new),
                )?;
            }
            Op::RemoveFocusArea {
                grant,
                position,
                old,
            } => {
                let id = self.grant(*grant)?;
                let fid = self.focus_area(id, *position)?;
                c.prepare_cached("DELETE FROM focus_areas WHERE id = ?1")?
                    .execute([fid])?;
                self.focus_areas.remove(&(id, *position));
                let what = format!("focus_area.{position}");
                self.audit(
                    Some(id),
                    None,
                    &what,
                    format!("{} / {}", old.0, old.1),
                    String::new(),
                )?;
            }
            Op::AddReceipt { grant, receipt } => self.add_receipt(*grant, receipt)?,
            Op::RemoveReceipt { grant, receipt } => self.remove_receipt(*grant, receipt)?,
            Op::AddRecord { grant, record } => self.add_record(*grant, record)?,
            Op::RemoveRecord { grant, record } => self.remove_record(*grant, record)?,
            Op::SetAllocation {
                grant,
                recipient,
                old,
                new,
            } => self.set_allocation(*grant, recipient, *old, *new)?,
            Op::SetSpending {
                grant,
                recipient,
                position,
                old,
                new,
            } => self.set_spending(*grant, recipient, *position, old, new)?,
            Op::SetReport {
                grant,
                recipient,
                old,
                new,
            } => self.set_report(*grant, recipient, old, new)?,
            Op::SetContact {
                grant,
                recipient,
                old,
                new,
            } => self.set_contact(*grant, recipient, old, new)?,
        }
        Ok(())
    }
}
