//! Where a new grant starts: the six VINR areas, the areas of another
//! grant, or another grant as a whole ("like last year's": its areas,
//! recipients and allocations, with the fields moved on a year).

use crate::domain::Lang;
use crate::domain::model::{DEFAULT_FOCUS_AREAS, Grant, GrantId};
use crate::i18n::focus_areas as words;
use crate::store::{GrantDraft, Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, key_for};

/// One choice of the form's "Start from".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Vinr,
    /// Everything `new_grant_like` copies, over the fields as typed.
    Like(Grant),
    /// Only the focus areas of this grant.
    AreasOf(Grant),
}

/// A choice with the number of areas it gives, read once on opening.
#[derive(Debug, Clone)]
pub struct StartChoice {
    pub start: Start,
    pub areas: usize,
}

impl StartChoice {
    pub fn label(&self, lang: Lang) -> String {
        match &self.start {
            Start::Vinr => words::start_vinr(lang).to_string(),
            Start::Like(g) => words::start_like(g, lang),
            Start::AreasOf(g) => words::start_areas_of(g, lang),
        }
    }

    /// What saving with this choice copies, in a sentence.
    pub fn says(&self, lang: Lang) -> String {
        let key = key_for(KeyContext::GrantForm, &Action::FocusAreas, lang);
        words::start_says(matches!(self.start, Start::Like(_)), self.areas, &key, lang)
    }

    /// The fields "like last year's" fills in, for the grant it copies.
    pub fn fields(&self) -> Option<GrantDraft> {
        match &self.start {
            Start::Like(g) => GrantDraft::next_year_of(g),
            _ => None,
        }
    }
}

/// The VINR template first, then each grant, newest first, as a whole
/// and by its areas alone.
pub fn choices(store: &Store) -> Result<Vec<StartChoice>, StoreError> {
    let mut out = vec![StartChoice {
        start: Start::Vinr,
        areas: DEFAULT_FOCUS_AREAS.len(),
    }];
    for g in store.grants()? {
        let areas = store.focus_areas(g.id)?.len();
        out.push(StartChoice {
            start: Start::Like(g.clone()),
            areas,
        });
        out.push(StartChoice {
            start: Start::AreasOf(g),
            areas,
        });
    }
    Ok(out)
}

/// How a draft names a start, so that it survives grants added since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StartKey {
    Vinr,
    Like(GrantId),
    AreasOf(GrantId),
}

impl Start {
    pub fn key(&self) -> StartKey {
        match self {
            Start::Vinr => StartKey::Vinr,
            Start::Like(g) => StartKey::Like(g.id),
            Start::AreasOf(g) => StartKey::AreasOf(g.id),
        }
    }
}
