//! medel: follow up a state grant handed on to districts and units.
//!
//! The library holds everything; the binary only parses arguments and
//! calls in, so tests drive the same code users run.

pub mod account;
pub mod cli;
pub mod commands;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod files;
pub mod i18n;
pub mod paths;
pub mod report;
pub mod store;
pub mod tui;
