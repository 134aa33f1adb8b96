//! What an unsaved grant form keeps as a draft when the session ends, and
//! how it opens again.

use serde::{Deserialize, Serialize};

use super::start::StartKey;
use super::{GrantFormState, T, open_new};
use crate::domain::model::Grant;
use crate::store;
use crate::tui::screen::{Ctx, Draft};

/// The kind of draft this form keeps.
pub const DRAFT: &str = "grant";

/// What a draft keeps: the fields as typed, and which were typed in.
#[derive(Serialize, Deserialize)]
struct DraftBody {
    values: Vec<String>,
    touched: Vec<bool>,
    /// The grant as the form was opened on it (older drafts: as stored).
    #[serde(default)]
    base: Option<Grant>,
    /// Its fields with the references, as opened (older drafts: none).
    #[serde(default)]
    base_references: Option<(String, String)>,
    /// Where a new grant starts from (older drafts: the VINR areas).
    #[serde(default)]
    start: Option<StartKey>,
}

/// Drafts kept before the references came have six fields; the
/// references come after them, empty.
fn with_references<V: Clone>(mut list: Vec<V>, empty: V) -> Vec<V> {
    if list.len() == T - 2 {
        list.extend([empty.clone(), empty]);
    }
    list
}

pub fn draft(form: &GrantFormState) -> Draft {
    let body = DraftBody {
        values: form.inputs.iter().map(|f| f.value().to_string()).collect(),
        touched: form.touched.to_vec(),
        base: form.opened.as_ref().map(|(g, _)| g.clone()),
        base_references: form
            .opened
            .as_ref()
            .map(|(_, d)| (d.giver_reference.clone(), d.own_reference.clone())),
        start: form.chosen().map(|c| c.start.key()),
    };
    Draft {
        kind: DRAFT,
        grant_id: form.editing,
        recipient_id: None,
        body: serde_json::to_string(&body).unwrap_or_default(),
    }
}

/// A draft of this form opened again: over the grant as stored now, or
/// as a new grant.
pub fn restore(ctx: &Ctx, d: &store::Draft) -> Option<GrantFormState> {
    let body: DraftBody = serde_json::from_str(&d.body).ok()?;
    let mut form = match d.grant_id {
        Some(id) => {
            let base = body.base.clone().filter(|b| b.id == id);
            let grant = base.map_or_else(|| ctx.store.grant(id), Ok).ok()?;
            let stored = match &body.base_references {
                Some((giver_reference, own_reference)) => store::GrantDraft {
                    giver_reference: giver_reference.clone(),
                    own_reference: own_reference.clone(),
                    ..store::draft_of(&grant)
                },
                None => ctx.store.grant_draft(id).ok()?,
            };
            GrantFormState::edit(&grant, stored, ctx.lang)
        }
        None => open_new(ctx).ok()?,
    };
    let values = with_references(body.values, String::new());
    let touched = with_references(body.touched, false);
    if values.len() != T || touched.len() != T {
        return None;
    }
    for (i, value) in values.iter().enumerate() {
        form.inputs[i].set(value);
        form.touched[i] = touched[i];
    }
    if let Some(key) = body.start {
        form.start = form
            .starts
            .iter()
            .position(|c| c.start.key() == key)
            .unwrap_or(0);
    }
    form.set_focus(0);
    form.validate();
    Some(form)
}

/// What the question offering a draft back says it is.
pub fn draft_subject(ctx: &Ctx, d: &store::Draft) -> (&'static str, String) {
    let title = serde_json::from_str::<DraftBody>(&d.body)
        .ok()
        .and_then(|b| b.values.first().cloned())
        .unwrap_or_default();
    let t = ctx.t();
    match d.grant_id {
        Some(_) => (t.restore_grant_draft, title),
        None => (t.restore_new_grant_draft, title),
    }
}
