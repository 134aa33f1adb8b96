//! What a user fills in to create or edit a grant, and the rules its
//! fields must keep. The store refuses a draft that breaks them, and an
//! import checks them before anything is planned; `i18n` words the
//! refusal.

use chrono::{Months, NaiveDate};

use super::model::Grant;

/// What a user fills in to create or edit a grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantDraft {
    pub title: String,
    pub giver: String,
    pub year: i32,
    pub use_from: NaiveDate,
    pub use_until: NaiveDate,
    pub report_due: NaiveDate,
    /// The giver's decision reference (diarienummer); may be empty.
    pub giver_reference: String,
    /// The municipality's own reference; may be empty.
    pub own_reference: String,
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
            giver_reference: String::new(),
            own_reference: String::new(),
        })
    }

    /// Next year's grant like `grant`: the year in its title moved on, the
    /// same giver, every date one year later (29 February becomes 28). The
    /// references are the new decision's, so they start empty.
    pub fn next_year_of(grant: &Grant) -> Option<GrantDraft> {
        let year = grant.year.checked_add(1)?;
        let later = |d: NaiveDate| d.checked_add_months(Months::new(12));
        Some(GrantDraft {
            title: grant
                .title
                .replace(&grant.year.to_string(), &year.to_string()),
            giver: grant.giver.clone(),
            year,
            use_from: later(grant.use_from)?,
            use_until: later(grant.use_until)?,
            report_due: later(grant.report_due)?,
            giver_reference: String::new(),
            own_reference: String::new(),
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
            (
                "grant.giver_reference",
                self.giver_reference.trim().to_string(),
            ),
            ("grant.own_reference", self.own_reference.trim().to_string()),
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
            giver_reference: text("grant.giver_reference", &self.giver_reference),
            own_reference: text("grant.own_reference", &self.own_reference),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::GrantState;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    #[test]
    fn next_year_moves_the_title_and_every_date_on() {
        let g = Grant {
            id: 1,
            title: "Utvecklingsmedel VINR 2017".into(),
            giver: "Socialstyrelsen".into(),
            year: 2017,
            use_from: d("2017-01-01"),
            use_until: d("2017-12-31"),
            report_due: d("2018-03-31"),
            state: GrantState::Reported,
        };
        let next = GrantDraft::next_year_of(&g).unwrap();
        assert_eq!(next.title, "Utvecklingsmedel VINR 2018");
        assert_eq!(next.giver, "Socialstyrelsen");
        assert_eq!(next.year, 2018);
        assert_eq!(
            (next.use_from, next.use_until, next.report_due),
            (d("2018-01-01"), d("2018-12-31"), d("2019-03-31"))
        );
        let leap = Grant {
            title: "Psykisk hälsa".into(),
            year: 2023,
            report_due: d("2024-02-29"),
            ..g
        };
        let next = GrantDraft::next_year_of(&leap).unwrap();
        assert_eq!(
            next.title, "Psykisk hälsa",
            "no year in the title, none added"
        );
        assert_eq!(next.report_due, d("2025-02-28"));
    }

    fn draft() -> GrantDraft {
        GrantDraft::for_year("VINR 2026", "Socialstyrelsen", 2026).expect("a real year")
    }

    /// A use period of one day, and a report due on the last day of use,
    /// are allowed; a day earlier is not.
    #[test]
    fn the_date_rules_at_their_edges() {
        let mut g = draft();
        g.use_from = d("2026-06-01");
        g.use_until = d("2026-06-01");
        g.report_due = d("2026-06-01");
        assert_eq!(g.check(), Ok(()));
        g.use_from = d("2026-06-02");
        assert_eq!(g.check(), Err(GrantDraftError::UseEndsBeforeStart));
        g.use_from = d("2026-06-01");
        g.report_due = d("2026-05-31");
        assert_eq!(g.check(), Err(GrantDraftError::DueBeforeUseEnds));
    }

    /// What the merged save compares and logs: every field, trimmed, and
    /// read back the same.
    #[test]
    fn the_fields_name_every_value_and_come_back() {
        use crate::domain::merge::Fielded;
        let mut g = draft();
        g.giver = " Socialstyrelsen ".into();
        g.giver_reference = "3.6-12345/2025".into();
        g.own_reference = "SOF 2026/0042".into();
        let f = g.fields();
        assert_eq!(f.len(), 8);
        assert_eq!(f["grant.title"], "VINR 2026");
        assert_eq!(f["grant.giver"], "Socialstyrelsen");
        assert_eq!(f["grant.year"], "2026");
        assert_eq!(f["grant.use_until"], "2026-12-31");
        assert_eq!(f["grant.giver_reference"], "3.6-12345/2025");
        let back = draft().with_fields(&f);
        assert_eq!(back.fields(), f);
    }
}
