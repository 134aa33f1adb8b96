//! What a user fills in to create or edit a grant, and the rules its
//! fields must keep. The store refuses a draft that breaks them, and an
//! import checks them before anything is planned; `i18n` words the
//! refusal.

use chrono::NaiveDate;

/// What a user fills in to create or edit a grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantDraft {
    pub title: String,
    pub giver: String,
    pub year: i32,
    pub use_from: NaiveDate,
    pub use_until: NaiveDate,
    pub report_due: NaiveDate,
}

/// The years a grant can be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Which rule a draft breaks, checked in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantDraftError {
    EmptyTitle,
    YearOutOfRange,
    UseEndsBeforeStart,
    DueBeforeUseEnds,
}

impl GrantDraft {
    /// The usual shape: use during the calendar year, report by 31 March.
    pub fn for_year(title: &str, giver: &str, year: i32) -> Option<GrantDraft> {
        Some(GrantDraft {
            title: title.to_string(),
            giver: giver.to_string(),
            year,
            use_from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            use_until: NaiveDate::from_ymd_opt(year, 12, 31)?,
            report_due: NaiveDate::from_ymd_opt(year + 1, 3, 31)?,
        })
    }

    /// The first rule the fields break, if any.
    pub fn check(&self) -> Result<(), GrantDraftError> {
        if self.title.trim().is_empty() {
            Err(GrantDraftError::EmptyTitle)
        } else if !YEARS.contains(&self.year) {
            Err(GrantDraftError::YearOutOfRange)
        } else if self.use_from > self.use_until {
            Err(GrantDraftError::UseEndsBeforeStart)
        } else if self.report_due < self.use_until {
            Err(GrantDraftError::DueBeforeUseEnds)
        } else {
            Ok(())
        }
    }
}
