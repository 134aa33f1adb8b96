//! Every `--grant`: the id, a year or part of a title, resolved by one
//! function. Unknown or ambiguous names stop the command (exit 2) with
//! the candidates.

use std::path::Path;

use anyhow::{Result, bail};

use super::Session;
use crate::domain::grant_pick::{NotPicked, pick};
use crate::domain::model::{Grant, GrantId};
use crate::i18n::grant_pick::{ambiguous, unknown};
use crate::store::Store;

/// "3 Utvecklingsmedel VINR 2017 (2017)".
fn candidate(g: &Grant) -> String {
    format!("{} {} ({})", g.id, g.title, g.year)
}

/// The grant `asked` names, or without a name the current one (the most
/// recent open grant).
pub fn resolve(ctx: &Session, store: &Store, path: &Path, asked: Option<&str>) -> Result<GrantId> {
    let Some(asked) = asked else {
        return match store.current_grant() {
            Ok(Some(g)) => Ok(g.id),
            Ok(None) => bail!(ctx.words.no_grants(path)),
            Err(e) => Err(ctx.store_error(path, e)),
        };
    };
    resolve_named(ctx, store, path, asked)
}

/// The grant `asked` names.
pub fn resolve_named(ctx: &Session, store: &Store, path: &Path, asked: &str) -> Result<GrantId> {
    let grants = store.grants().map_err(|e| ctx.store_error(path, e))?;
    if grants.is_empty() {
        bail!(ctx.words.no_grants(path));
    }
    match pick(&grants, asked) {
        Ok(id) => Ok(id),
        Err(NotPicked::Unknown) => {
            let all: Vec<String> = grants.iter().map(candidate).collect();
            bail!(unknown(asked, path, &all, ctx.lang))
        }
        Err(NotPicked::Ambiguous(ids)) => {
            let some: Vec<String> = grants
                .iter()
                .filter(|g| ids.contains(&g.id))
                .map(candidate)
                .collect();
            bail!(ambiguous(asked, &some, ctx.lang))
        }
    }
}
