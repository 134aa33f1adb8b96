//! What the database's own ids stand for, now and before: a template
//! names its grant and recipient by id, and the names it was written with
//! must be among those the id has had, so that a grant renamed since
//! still imports while a template from another database (where the same
//! id is another grant) is refused.

use std::collections::HashMap;

use super::plan::GrantKey;

/// One grant by id: its title and year now, and every title and year it
/// has had (the audit log's renames), these included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownGrant {
    pub now: GrantKey,
    pub titles: Vec<String>,
    pub years: Vec<i32>,
}

impl KnownGrant {
    /// Whether a template written for `key` can be this grant.
    pub fn was(&self, key: &GrantKey) -> bool {
        self.titles.contains(&key.title) && self.years.contains(&key.year)
    }
}

/// Grants and recipients by id; a recipient's names come current first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KnownIds {
    pub grants: HashMap<i64, KnownGrant>,
    pub recipients: HashMap<i64, Vec<String>>,
}

impl KnownIds {
    /// The recipient's current name, when `id` ever had the name `name`.
    pub fn recipient_named(&self, id: i64, name: &str) -> Option<&str> {
        let names = self.recipients.get(&id)?;
        names
            .iter()
            .any(|n| n == name)
            .then(|| names.first().map(String::as_str))
            .flatten()
    }
}
