//! What a recipient is handed of a grant. No allocation is different from
//! an allocation of zero: the recipient is not in the grant at all.

use rusqlite::{Connection, OptionalExtension, params};

use super::merge::Scope;
use super::{Result, Store, StoreError};
use crate::domain::merge::{Fielded, Fields};
use crate::domain::model::{GrantId, RecipientId};
use crate::domain::money::Money;

/// The audit name of the allocation's one field.
const FIELD: &str = "allocation";

/// An allocation or its absence, as the merge sees it: absence is "".
struct Allocation(Option<Money>);

impl Fielded for Allocation {
    fn fields(&self) -> Fields {
        let value = self.0.map(|m| m.to_string()).unwrap_or_default();
        Fields::from([(FIELD.to_string(), value)])
    }

    fn with_fields(&self, fields: &Fields) -> Allocation {
        match fields.get(FIELD).map(String::as_str) {
            Some("") => Allocation(None),
            Some(v) => Allocation(
                v.parse::<rust_decimal::Decimal>()
                    .ok()
                    .and_then(|d| Money::from_decimal(d).ok())
                    .or(self.0),
            ),
            None => Allocation(self.0),
        }
    }
}

fn read(conn: &Connection, grant_id: GrantId, recipient_id: RecipientId) -> Result<Allocation> {
    Ok(Allocation(
        conn.prepare_cached(
            "SELECT amount_ore FROM allocations WHERE grant_id = ?1 AND recipient_id = ?2",
        )?
        .query_row(params![grant_id, recipient_id], |r| r.get::<_, i64>(0))
        .optional()?
        .map(Money::from_ore),
    ))
}

fn write(
    conn: &Connection,
    grant_id: GrantId,
    recipient_id: RecipientId,
    a: &Allocation,
) -> Result<()> {
    match a.0 {
        Some(amount) if amount.is_negative() => Err(StoreError::Invalid(
            "an allocation cannot be negative".into(),
        )),
        Some(amount) => {
            conn.prepare_cached(
                "INSERT INTO allocations (grant_id, recipient_id, amount_ore) VALUES (?1, ?2, ?3)
                 ON CONFLICT (grant_id, recipient_id) DO UPDATE SET amount_ore = excluded.amount_ore",
            )?
            .execute(params![grant_id, recipient_id, amount.ore()])?;
            Ok(())
        }
        None => {
            refuse_in_use(conn, grant_id, recipient_id)?;
            conn.prepare_cached(
                "DELETE FROM allocations WHERE grant_id = ?1 AND recipient_id = ?2",
            )?
            .execute(params![grant_id, recipient_id])?;
            Ok(())
        }
    }
}

/// A recipient leaves a grant only with nothing of it recorded: no
/// spending line (a note alone is one) and no report.
fn refuse_in_use(conn: &Connection, grant_id: GrantId, recipient_id: RecipientId) -> Result<()> {
    let (spending, reported): (bool, bool) = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM spending WHERE grant_id = ?1 AND recipient_id = ?2),
                    EXISTS (SELECT 1 FROM recipient_reports WHERE grant_id = ?1 AND recipient_id = ?2)",
        )?
        .query_row(params![grant_id, recipient_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if !spending && !reported {
        return Ok(());
    }
    let name = conn
        .prepare_cached("SELECT name FROM recipients WHERE id = ?1")?
        .query_row([recipient_id], |r| r.get(0))?;
    // Spending is named first: it is what keeps most recipients in.
    Err(StoreError::RecipientInUse {
        name,
        report: !spending,
    })
}

impl Store {
    pub fn allocation(
        &self,
        grant_id: GrantId,
        recipient_id: RecipientId,
    ) -> Result<Option<Money>> {
        Ok(read(&self.conn, grant_id, recipient_id)?.0)
    }

    /// Changes an allocation from `loaded`, what the user saw (`None`: no
    /// allocation), to `edited` (`None` takes it away, as an undo of the
    /// first one does). Refused if another session changed it meanwhile,
    /// unless `force`. Returns what it replaced and what is stored.
    pub fn save_allocation(
        &mut self,
        grant_id: GrantId,
        recipient_id: RecipientId,
        loaded: Option<Money>,
        edited: Option<Money>,
        force: bool,
    ) -> Result<(Option<Money>, Option<Money>)> {
        self.ensure_writable()?;
        // A retired recipient keeps what it has but gets no new money.
        let more = edited.unwrap_or(Money::ZERO) > loaded.unwrap_or(Money::ZERO);
        if more && self.recipient(recipient_id)?.retired {
            return Err(StoreError::Invalid(
                "this recipient is retired and gets no new money; restore it first".into(),
            ));
        }
        let scope = Scope {
            grant_id: Some(grant_id),
            recipient_id: Some(recipient_id),
        };
        let (before, after) = self.save_merged(
            scope,
            &Allocation(loaded),
            &Allocation(edited),
            force,
            |c| read(c, grant_id, recipient_id),
            |c, a| write(c, grant_id, recipient_id, a),
        )?;
        Ok((before.0, after.0))
    }

    /// Takes a recipient out of a grant: its allocation goes, logged as a
    /// change of it to none. Refused while it has spending or a report in
    /// the grant, or when another session changed the allocation since
    /// the user saw `loaded`. Returns what it replaced.
    pub fn take_out_of_grant(
        &mut self,
        grant_id: GrantId,
        recipient_id: RecipientId,
        loaded: Option<Money>,
    ) -> Result<Option<Money>> {
        self.save_allocation(grant_id, recipient_id, loaded, None, false)
            .map(|(before, _)| before)
    }

    /// Refuses, as `take_out_of_grant` would, a recipient with spending
    /// or a report in the grant; asked before the question, not instead
    /// of the check in the save.
    pub fn can_take_out(&self, grant_id: GrantId, recipient_id: RecipientId) -> Result<()> {
        refuse_in_use(&self.conn, grant_id, recipient_id)
    }

    /// Hands `amount` of a grant to a recipient (a reallocation when one
    /// existed). `expected` is the amount the user saw, no allocation
    /// showing as zero; if another session changed it meanwhile the change
    /// is refused. `None` sets it whatever it is.
    pub fn set_allocation(
        &mut self,
        grant_id: GrantId,
        recipient_id: RecipientId,
        amount: Money,
        expected: Option<Money>,
    ) -> Result<()> {
        let current = self.allocation(grant_id, recipient_id)?;
        // Zero shown for no allocation is what the user saw.
        let loaded = match expected {
            Some(e) if current.unwrap_or(Money::ZERO) == e => current,
            Some(e) => Some(e),
            None => current,
        };
        let force = expected.is_none();
        self.save_allocation(grant_id, recipient_id, loaded, Some(amount), force)
            .map(drop)
    }
}
