//! What an unsaved focus-area form keeps as a draft when the session
//! ends, and how it opens again.

use serde::{Deserialize, Serialize};

use super::FocusAreaForm;
use crate::domain::model::FocusAreaId;
use crate::i18n::focus_areas as words;
use crate::store;
use crate::tui::screen::{Ctx, Draft};

/// The kind of draft this form keeps.
pub const DRAFT: &str = "focus_area";

#[derive(Serialize, Deserialize)]
struct DraftBody {
    /// Swedish, then English, as typed.
    names: [String; 2],
    /// The area renamed; none for a new one.
    area: Option<FocusAreaId>,
}

pub fn draft(form: &FocusAreaForm) -> Draft {
    let body = DraftBody {
        names: form.inputs.each_ref().map(|f| f.value().to_string()),
        area: form.editing.as_ref().map(|a| a.id),
    };
    Draft {
        kind: DRAFT,
        grant_id: Some(form.grant_id),
        recipient_id: None,
        body: serde_json::to_string(&body).unwrap_or_default(),
    }
}

/// The form again over the area as stored now; none when it is gone.
pub fn restore(ctx: &Ctx, d: &store::Draft) -> Option<FocusAreaForm> {
    let body: DraftBody = serde_json::from_str(&d.body).ok()?;
    let grant_id = d.grant_id?;
    let editing = match body.area {
        Some(id) => Some(
            ctx.store
                .focus_areas(grant_id)
                .ok()?
                .into_iter()
                .find(|a| a.id == id)?,
        ),
        None => None,
    };
    let mut form = FocusAreaForm::new(grant_id, editing, ctx.lang);
    for (input, name) in form.inputs.iter_mut().zip(&body.names) {
        input.set(name);
    }
    form.inputs[0].focus();
    Some(form)
}

pub fn draft_subject(ctx: &Ctx, d: &store::Draft) -> (&'static str, String) {
    let name = serde_json::from_str::<DraftBody>(&d.body)
        .map(|b| b.names[0].clone())
        .unwrap_or_default();
    (words::restore_draft(ctx.lang), name)
}
