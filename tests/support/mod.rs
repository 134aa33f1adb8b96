//! The harness every test file shares (`mod support;`): databases and
//! fixtures, the binary as users run it, and the full-screen app driven
//! by keys and read as screen text.

// Each test crate uses only part of it.
#![allow(dead_code)]

pub mod bulk;
pub mod case;
pub mod cli;
pub mod db;
pub mod excel;
pub mod office;
pub mod ui;
pub mod xlsx;

use chrono::NaiveDate;
use medel::domain::money::Money;

/// The day the tests live on: a month before the demo grant's report is due.
pub const TODAY: &str = "2018-03-01";

pub fn d(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

pub fn today() -> NaiveDate {
    d(TODAY)
}

pub fn kr(n: i64) -> Money {
    Money::from_kronor(n)
}
