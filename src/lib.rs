pub mod domain;
pub mod report;
