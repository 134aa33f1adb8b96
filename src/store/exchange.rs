//! Export and import: reading the whole dataset (or one grant) as a
//! document, and applying an import plan in one transaction.
//!
//! The plan is made inside the transaction, from the dataset as it is
//! under the write lock, so that what is checked is what is changed even
//! when another session saved a moment before.

use std::collections::{BTreeMap, HashSet};

use rusqlite::{Connection, TransactionBehavior, params};

use super::bulk_totals;
use super::exchange_apply::Applier;
use super::grants::get_date;
use super::known_ids::read_known_ids;
use super::log_since::read_log_since;
use super::{Result, Store, StoreError};
use crate::domain::collate::sort_key;
use crate::domain::model::{GrantId, GrantState, ReceiptKind, RecipientKind, RecipientReport};
use crate::domain::money::Money;
use crate::exchange::{
    Document, FocusAreaDoc, GrantDoc, KnownIds, LogSince, ParticipantDoc, Plan, Problems,
    ReceiptDoc, RecipientDoc, SpendingDoc,
};

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is wrong or conflicts with the database; nothing written.
    #[error("{0}")]
    Invalid(Problems),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(e.into())
    }
}

/// How often, in changes, the progress callback is called.
pub const PROGRESS_EVERY: usize = 2048;

impl Store {
    /// Everything (`None`) or one grant with the recipients taking part in
    /// it, ordered so that the same data always reads the same.
    pub fn dataset(&self, grant: Option<GrantId>) -> Result<Document> {
        read_dataset(&self.conn, grant)
    }

    /// What the ids of grants and recipients stand for, now and before.
    pub fn known_ids(&self) -> Result<KnownIds> {
        read_known_ids(&self.conn)
    }

    /// Makes a plan with `make_plan` from the database as it is and, when
    /// `dry_run` is false, applies it in one transaction with an audit row
    /// per changed value and one for the import itself (`label` names the
    /// file). Returns the plan. Nothing is written when the plan is
    /// refused, fails half-way, or is empty.
    pub fn import<F>(
        &mut self,
        label: &str,
        dry_run: bool,
        make_plan: F,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Plan, ImportError>
    where
        F: FnOnce(&Document, &KnownIds) -> Result<Plan, Problems>,
    {
        let plan = |doc: &Document, ids: &KnownIds, _: &LogSince| make_plan(doc, ids);
        self.import_since(label, dry_run, &[], plan, progress)
    }

    /// As `import`; `make_plan` also gets the audit log after the oldest
    /// of `points` (the audit ids returned templates were written at),
    /// read in the same transaction as the dataset.
    pub fn import_since<F>(
        &mut self,
        label: &str,
        dry_run: bool,
        points: &[i64],
        make_plan: F,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Plan, ImportError>
    where
        F: FnOnce(&Document, &KnownIds, &LogSince) -> Result<Plan, Problems>,
    {
        if dry_run {
            // A read transaction: the plan sees one consistent state, and a
            // read-only file can still be checked.
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Deferred)?;
            let current = read_dataset(&tx, None)?;
            let ids = read_known_ids(&tx)?;
            let log = read_log_since(&tx, points)?;
            return make_plan(&current, &ids, &log).map_err(ImportError::Invalid);
        }
        self.ensure_writable()?;
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = read_dataset(&tx, None)?;
        let ids = read_known_ids(&tx)?;
        let log = read_log_since(&tx, points)?;
        let plan = make_plan(&current, &ids, &log).map_err(ImportError::Invalid)?;
        if plan.is_empty() {
            return Ok(plan);
        }
        let triggers = bulk_totals::suspend(&tx)?;
        let mut applier = Applier::new(&tx, &who, &plan)?;
        let total = plan.ops.len();
        for (i, op) in plan.ops.iter().enumerate() {
            applier.apply(op)?;
            if i % PROGRESS_EVERY == 0 {
                progress(i, total);
            }
        }
        applier.finish(label)?;
        let touched = applier.grant_ids();
        drop(applier);
        bulk_totals::resume(&tx, &touched, &triggers)?;
        tx.commit()?;
        progress(total, total);
        Ok(plan)
    }
}

fn kind_of(code: &str) -> RecipientKind {
    RecipientKind::from_code(code).unwrap_or(RecipientKind::Other)
}

fn read_dataset(conn: &Connection, only: Option<GrantId>) -> Result<Document> {
    let mut grants = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT id, title, giver, year, use_from, use_until, report_due, state FROM grants
             WHERE ?1 IS NULL OR id = ?1 ORDER BY year, title, id",
        )?;
        let rows = stmt.query_map([only], |r| {
            let state: String = r.get(7)?;
            Ok((
                r.get::<_, GrantId>(0)?,
                GrantDoc {
                    title: r.get(1)?,
                    giver: r.get(2)?,
                    year: r.get(3)?,
                    use_from: get_date(r, 4)?,
                    use_until: get_date(r, 5)?,
                    report_due: get_date(r, 6)?,
                    state: GrantState::from_code(&state).unwrap_or(GrantState::Open),
                    giver_reference: String::new(),
                    own_reference: String::new(),
                    repayments: Vec::new(),
                    reallocations: Vec::new(),
                    focus_areas: Vec::new(),
                    receipts: Vec::new(),
                    recipients: Vec::new(),
                },
            ))
        })?;
        for row in rows {
            let (id, mut g) = row?;
            read_grant_parts(conn, id, &mut g)?;
            super::exchange_records::read_records(conn, id, &mut g)?;
            grants.push(g);
        }
    }
    if let (Some(id), true) = (only, grants.is_empty()) {
        return Err(StoreError::NotFound(format!("grant {id}")));
    }
    let taking_part: Option<HashSet<&str>> = only.map(|_| {
        grants
            .iter()
            .flat_map(|g| g.recipients.iter().map(|p| p.recipient.as_str()))
            .collect()
    });
    let mut recipients = Vec::new();
    {
        let mut stmt =
            conn.prepare_cached("SELECT name, formal_name, kind, retired FROM recipients")?;
        let rows = stmt.query_map([], |r| {
            Ok(RecipientDoc {
                name: r.get(0)?,
                formal_name: r.get(1)?,
                kind: kind_of(&r.get::<_, String>(2)?),
                retired: r.get(3)?,
            })
        })?;
        for row in rows {
            let r = row?;
            if taking_part
                .as_ref()
                .is_none_or(|t| t.contains(r.name.as_str()))
            {
                recipients.push(r);
            }
        }
    }
    recipients.sort_by_cached_key(|r| (sort_key(&r.name), r.name.clone()));
    Ok(Document {
        recipients,
        grants,
        ..Document::empty()
    })
}

fn read_grant_parts(conn: &Connection, id: GrantId, g: &mut GrantDoc) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT position, name_sv, name_en FROM focus_areas WHERE grant_id = ?1 ORDER BY position",
    )?;
    g.focus_areas = stmt
        .query_map([id], |r| {
            Ok(FocusAreaDoc {
                position: r.get(0)?,
                name_sv: r.get(1)?,
                name_en: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut stmt = conn.prepare_cached(
        "SELECT received_on, amount_ore, kind, note FROM receipts
         WHERE grant_id = ?1 ORDER BY received_on, id",
    )?;
    g.receipts = stmt
        .query_map([id], |r| {
            let kind: String = r.get(2)?;
            Ok(ReceiptDoc {
                date: get_date(r, 0)?,
                amount: Money::from_ore(r.get(1)?),
                kind: ReceiptKind::from_code(&kind).unwrap_or(ReceiptKind::Other),
                note: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    // Keyed by name: a participant is whoever has any of these.
    let mut parts: BTreeMap<String, ParticipantDoc> = BTreeMap::new();
    read_participants(conn, id, &mut parts)?;
    let mut list: Vec<ParticipantDoc> = parts.into_values().collect();
    list.sort_by_cached_key(|p| (sort_key(&p.recipient), p.recipient.clone()));
    g.recipients = list;
    Ok(())
}

fn read_participants(
    conn: &Connection,
    id: GrantId,
    parts: &mut BTreeMap<String, ParticipantDoc>,
) -> Result<()> {
    fn entry(parts: &mut BTreeMap<String, ParticipantDoc>, name: String) -> &mut ParticipantDoc {
        parts.entry(name).or_insert_with_key(|name| ParticipantDoc {
            recipient: name.clone(),
            ..ParticipantDoc::default()
        })
    }
    let mut stmt = conn.prepare_cached(
        "SELECT r.name, a.amount_ore FROM allocations a
         JOIN recipients r ON r.id = a.recipient_id WHERE a.grant_id = ?1",
    )?;
    for row in stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (name, ore) = row?;
        entry(parts, name).allocated = Some(Money::from_ore(ore));
    }
    let mut stmt = conn.prepare_cached(
        "SELECT r.name, f.position, s.amount_ore, s.note FROM spending s
         JOIN recipients r ON r.id = s.recipient_id
         JOIN focus_areas f ON f.id = s.focus_area_id
         WHERE s.grant_id = ?1 ORDER BY r.name, f.position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            SpendingDoc {
                focus_area: r.get(1)?,
                amount: Money::from_ore(r.get(2)?),
                note: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (name, s) = row?;
        entry(parts, name).spending.push(s);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT r.name, p.reported_on, p.reason_unused, p.evaluation FROM recipient_reports p
         JOIN recipients r ON r.id = p.recipient_id WHERE p.grant_id = ?1",
    )?;
    let rows = stmt.query_map(params![id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            RecipientReport {
                reported_on: get_date(r, 1)?,
                reason_unused: r.get(2)?,
                evaluation: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (name, report) = row?;
        entry(parts, name).report = Some(report);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT r.name, c.contact FROM recipient_contacts c
         JOIN recipients r ON r.id = c.recipient_id WHERE c.grant_id = ?1",
    )?;
    for row in stmt.query_map([id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })? {
        let (name, contact) = row?;
        entry(parts, name).contact = contact;
    }
    Ok(())
}
