//! Pure rules: money, the model and the status of a grant. No I/O here.

pub mod collate;
pub mod dates;
pub mod file_name;
pub mod flags;
pub mod grant_draft;
pub mod grant_list;
pub mod grant_pick;
pub mod lang;
pub mod merge;
pub mod model;
pub mod money;
pub mod money_back;
mod money_parse;
pub mod sanitize;
pub mod share;
pub mod status;

pub use lang::Lang;
pub use money::{Money, MoneyError};
