//! The report on one grant, for the committee and the grant giver.

mod doc;
pub mod listing;
mod markdown;
mod text;
mod words;

pub use listing::{genitive, join_names};
