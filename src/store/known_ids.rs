//! The ids of grants and recipients with every name they have had: the
//! current ones and the old values of the audit log's renames.

use std::collections::HashMap;

use rusqlite::Connection;

use super::Result;
use crate::exchange::{GrantKey, KnownGrant, KnownIds};

pub(super) fn read_known_ids(conn: &Connection) -> Result<KnownIds> {
    let mut ids = KnownIds::default();
    let mut stmt = conn.prepare_cached("SELECT id, title, year FROM grants")?;
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?))
    })? {
        let (id, title, year) = row?;
        let known = KnownGrant {
            titles: vec![title.clone()],
            years: vec![year],
            now: GrantKey { title, year },
        };
        ids.grants.insert(id, known);
    }
    let mut stmt = conn.prepare_cached("SELECT id, name FROM recipients")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, name) = row?;
        ids.recipients.insert(id, vec![name]);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT what, grant_id, recipient_id, old FROM audit_log
         WHERE what IN ('grant.title', 'grant.year', 'recipient.name')",
    )?;
    let renames = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut former: HashMap<(String, i64), Vec<String>> = HashMap::new();
    for row in renames {
        let (what, grant, recipient, old) = row?;
        let id = if what == "recipient.name" {
            recipient
        } else {
            grant
        };
        if let Some(id) = id {
            former.entry((what, id)).or_default().push(old);
        }
    }
    for ((what, id), olds) in former {
        match what.as_str() {
            "grant.title" => {
                if let Some(g) = ids.grants.get_mut(&id) {
                    g.titles.extend(olds);
                }
            }
            "grant.year" => {
                if let Some(g) = ids.grants.get_mut(&id) {
                    g.years
                        .extend(olds.iter().filter_map(|y| y.parse::<i32>().ok()));
                }
            }
            _ => {
                if let Some(names) = ids.recipients.get_mut(&id) {
                    names.extend(olds);
                }
            }
        }
    }
    Ok(ids)
}
