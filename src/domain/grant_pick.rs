//! A grant named as people name it: its id, its year, or part of its
//! title. One rule for every `--grant`.

use super::model::{Grant, GrantId};

/// Why a name did not pick one grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotPicked {
    /// Nothing matches; every grant is a candidate.
    Unknown,
    /// More than one grant matches: these.
    Ambiguous(Vec<GrantId>),
}

/// The one grant that `asked` names: an id first, then a year held by
/// one grant; anything else as a part of one title (case-insensitive).
pub fn pick(grants: &[Grant], asked: &str) -> Result<GrantId, NotPicked> {
    let asked = asked.trim();
    if let Ok(n) = asked.parse::<i64>() {
        if let Some(g) = grants.iter().find(|g| g.id == n) {
            return Ok(g.id);
        }
        let of_year: Vec<GrantId> = grants
            .iter()
            .filter(|g| i64::from(g.year) == n)
            .map(|g| g.id)
            .collect();
        // A number is an id or a year, never a piece of a title: "7"
        // must not find "… 2017".
        return if of_year.is_empty() {
            Err(NotPicked::Unknown)
        } else {
            one(of_year)
        };
    }
    let needle = asked.to_lowercase();
    if needle.is_empty() {
        return Err(NotPicked::Unknown);
    }
    let titled: Vec<GrantId> = grants
        .iter()
        .filter(|g| g.title.to_lowercase().contains(&needle))
        .map(|g| g.id)
        .collect();
    if titled.is_empty() {
        Err(NotPicked::Unknown)
    } else {
        one(titled)
    }
}

fn one(ids: Vec<GrantId>) -> Result<GrantId, NotPicked> {
    match ids.as_slice() {
        [id] => Ok(*id),
        _ => Err(NotPicked::Ambiguous(ids)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::GrantState;

    fn g(id: GrantId, title: &str, year: i32) -> Grant {
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(year, m, d).expect("date");
        Grant {
            id,
            title: title.into(),
            giver: "Socialstyrelsen".into(),
            year,
            use_from: day(1, 1),
            use_until: day(12, 31),
            report_due: day(12, 31),
            state: GrantState::Open,
        }
    }

    fn grants() -> Vec<Grant> {
        vec![
            g(1, "Utvecklingsmedel VINR 2017", 2017),
            g(2, "Utvecklingsmedel VINR 2018", 2018),
            g(3, "Psykisk hälsa 2018", 2018),
        ]
    }

    #[test]
    fn by_id_year_or_title_part() {
        assert_eq!(pick(&grants(), "3"), Ok(3));
        assert_eq!(pick(&grants(), "2017"), Ok(1));
        assert_eq!(pick(&grants(), "psykisk"), Ok(3));
        assert_eq!(pick(&grants(), " VINR 2018 "), Ok(2));
        assert_eq!(pick(&grants(), "HÄLSA"), Ok(3));
    }

    #[test]
    fn ambiguous_and_unknown() {
        assert_eq!(
            pick(&grants(), "2018"),
            Err(NotPicked::Ambiguous(vec![2, 3]))
        );
        assert_eq!(
            pick(&grants(), "vinr"),
            Err(NotPicked::Ambiguous(vec![1, 2]))
        );
        assert_eq!(pick(&grants(), "ANDT"), Err(NotPicked::Unknown));
        assert_eq!(pick(&grants(), "2030"), Err(NotPicked::Unknown));
        assert_eq!(
            pick(&grants(), "7"),
            Err(NotPicked::Unknown),
            "not a title part"
        );
        assert_eq!(pick(&grants(), ""), Err(NotPicked::Unknown));
    }
}
