//! The report on one grant, for the committee and the grant giver.

pub mod listing;

pub use listing::{genitive, join_names};
