//! Reading the fields as a grant, and the messages under them: the
//! store's own rules (`GrantDraft::validate`), each shown under the field
//! it is about.

use super::{GrantField, GrantFormState, T, idx};
use crate::domain::Lang;
use crate::i18n::screen::words;
use crate::store::GrantDraft;
use crate::tui::widgets::text_field::parse_date;

/// Which field a refusal of `GrantDraft::validate` is about, checked in
/// the same order; it only decides where the store's message is shown.
fn blame(d: &GrantDraft, lang: Lang) -> GrantField {
    if d.title.trim().is_empty() {
        return GrantField::Title;
    }
    // The accepted years are the store's to decide: try one it surely takes.
    let probe = GrantDraft {
        year: 2000,
        ..d.clone()
    };
    if probe.validate(lang) != d.validate(lang) {
        GrantField::Year
    } else if d.use_from > d.use_until {
        GrantField::UseUntil
    } else {
        GrantField::ReportDue
    }
}

impl GrantFormState {
    /// The grant the fields describe, when every field can be read.
    pub fn draft(&self) -> Option<GrantDraft> {
        let date = |f| parse_date(self.value(f));
        let text = |f| self.value(f).trim().to_string();
        Some(GrantDraft {
            title: text(GrantField::Title),
            giver: text(GrantField::Giver),
            year: self.value(GrantField::Year).trim().parse().ok()?,
            use_from: date(GrantField::UseFrom)?,
            use_until: date(GrantField::UseUntil)?,
            report_due: date(GrantField::ReportDue)?,
            giver_reference: text(GrantField::GiverReference),
            own_reference: text(GrantField::OwnReference),
        })
    }

    /// Checks every field; each message goes under the field it is about.
    pub fn validate(&mut self) {
        let t = words(self.lang);
        let mut errors: [Option<String>; T] = Default::default();
        if self.value(GrantField::Year).trim().parse::<i32>().is_err() {
            errors[idx(GrantField::Year)] = Some(t.bad_year.to_string());
        }
        for f in GrantField::TEXT.into_iter().filter(|f| f.is_date()) {
            errors[idx(f)] = t.date_problem(self.value(f)).map(String::from);
        }
        // With dates that cannot be read, only the title can be judged; a
        // stand-in grant with good dates gives the store's words for it.
        let mut draft = self.draft().or_else(|| {
            let mut d = GrantDraft::for_year("", "", 2000)?;
            d.title = self.value(GrantField::Title).to_string();
            Some(d)
        });
        // Up to two refusals: the title's, then one about year or dates.
        for _ in 0..2 {
            let Some(d) = draft.as_mut() else { break };
            let Err(message) = d.validate(self.lang) else {
                break;
            };
            let field = blame(d, self.lang);
            errors[idx(field)].get_or_insert(message);
            if field != GrantField::Title {
                break;
            }
            d.title = "-".into();
        }
        self.errors = errors;
    }
}
