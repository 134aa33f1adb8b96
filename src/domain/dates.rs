//! Reading dates the way coordinators type them: ISO `2026-11-30`, compact
//! `20261130`, and the Swedish day-first `30/11 2026` and `30.11.2026`.
//! Every date field and command reads through here; dates are shown back
//! as ISO.

use chrono::NaiveDate;

/// Why a date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written as any of the accepted shapes.
    Shape,
    /// Written well, but the day does not exist (`2026-02-30`).
    NoSuchDay,
}

/// The accepted shapes, as the refusal shows them.
pub const SHAPES: &str = "2026-11-30, 20261130, 30/11 2026, 30.11.2026";

pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    let (y, m, d) = fields(s).ok_or(DateError::Shape)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or(DateError::NoSuchDay)
}

/// Year, month and day as written, before asking whether the day exists.
fn fields(s: &str) -> Option<(i32, u32, u32)> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some((
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..].parse().ok()?,
        ));
    }
    let (parts, seps) = split(s)?;
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |p: &str, most: usize| -> Option<u32> {
        ((1..=most).contains(&p.len())).then(|| p.parse().ok())?
    };
    match seps.as_slice() {
        // ISO: year first, with hyphens.
        ['-', '-'] if a.len() == 4 => Some((a.parse().ok()?, number(b, 2)?, number(c, 2)?)),
        // Day first: `30/11 2026`, `30/11/2026`, `30.11.2026`.
        ['/', ' ' | '/'] | ['.', '.'] if c.len() == 4 => {
            Some((c.parse().ok()?, number(b, 2)?, number(a, 2)?))
        }
        _ => None,
    }
}

/// Digit runs and the one character between each pair.
fn split(s: &str) -> Option<(Vec<&str>, Vec<char>)> {
    let mut parts = Vec::new();
    let mut seps = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if !c.is_ascii_digit() {
            if i == start {
                return None; // two separators in a row, or one at the start
            }
            parts.push(&s[start..i]);
            seps.push(c);
            start = i + c.len_utf8();
        }
    }
    if start >= s.len() {
        return None;
    }
    parts.push(&s[start..]);
    Some((parts, seps))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn accepts_the_shapes_people_type() {
        for input in [
            "2026-11-30",
            "20261130",
            "30/11 2026",
            "30/11/2026",
            "30.11.2026",
            " 30.11.2026 ",
        ] {
            assert_eq!(parse_date(input), Ok(day(2026, 11, 30)), "{input:?}");
        }
        assert_eq!(parse_date("1/3 2027"), Ok(day(2027, 3, 1)));
        assert_eq!(parse_date("2027-3-1"), Ok(day(2027, 3, 1)));
    }

    #[test]
    fn a_day_that_does_not_exist_says_so() {
        for input in [
            "2026-02-30",
            "20260230",
            "30/2 2026",
            "31.04.2026",
            "2026-13-01",
        ] {
            assert_eq!(parse_date(input), Err(DateError::NoSuchDay), "{input:?}");
        }
    }

    #[test]
    fn other_shapes_are_refused() {
        for input in [
            "",
            "2026",
            "11/30/2026 x",
            "2026/11/30",
            "30-11 2026",
            "30..11.2026",
            "2026-11-30-",
            "202611300",
            "30.11.26",
            "26-11-30",
            "30-11-2026",
            "igår",
        ] {
            assert_eq!(parse_date(input), Err(DateError::Shape), "{input:?}");
        }
    }
}
