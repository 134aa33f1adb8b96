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

impl crate::domain::merge::Fielded for GrantDraft {
    fn fields(&self) -> crate::domain::merge::Fields {
        [
            ("grant.title", self.title.trim().to_string()),
            ("grant.giver", self.giver.trim().to_string()),
            ("grant.year", self.year.to_string()),
            ("grant.use_from", self.use_from.to_string()),
            ("grant.use_until", self.use_until.to_string()),
            ("grant.report_due", self.report_due.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn with_fields(&self, f: &crate::domain::merge::Fields) -> GrantDraft {
        let text = |k: &str, old: &str| f.get(k).cloned().unwrap_or_else(|| old.to_string());
        let date = |k: &str, old: NaiveDate| f.get(k).and_then(|v| v.parse().ok()).unwrap_or(old);
        GrantDraft {
            title: text("grant.title", &self.title),
            giver: text("grant.giver", &self.giver),
            year: f
                .get("grant.year")
                .and_then(|v| v.parse().ok())
                .unwrap_or(self.year),
            use_from: date("grant.use_from", self.use_from),
            use_until: date("grant.use_until", self.use_until),
            report_due: date("grant.report_due", self.report_due),
        }
    }
}
