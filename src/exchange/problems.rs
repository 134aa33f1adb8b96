//! What is wrong with a file that cannot be imported, and where.

use std::fmt;

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (empty, not UTF-8 at all, unknown kind).
    File,
    /// A CSV line (1-based, the header is line 1), and the column by
    /// number (1-based) and header name when one column is at fault.
    Line {
        line: u64,
        column: Option<(usize, &'static str)>,
    },
    /// A place in a JSON file, from the parser.
    Json { line: usize, column: usize },
    /// A value in a JSON document, by its path, e.g.
    /// `grants[0].recipients[3].spending[1]`, with a readable hint.
    Path(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => write!(f, "the file"),
            Location::Line { line, column: None } => write!(f, "line {line}"),
            Location::Line {
                line,
                column: Some((n, name)),
            } => write!(f, "line {line}, column {n} ({name})"),
            Location::Json { line, column } => write!(f, "line {line}, column {column}"),
            Location::Path(p) => write!(f, "{p}"),
        }
    }
}

/// One thing wrong with the file, in words a coordinator can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Location,
    pub message: String,
}

impl Problem {
    pub fn new(at: Location, message: impl Into<String>) -> Problem {
        Problem {
            at,
            message: message.into(),
        }
    }

    pub fn line(line: u64, message: impl Into<String>) -> Problem {
        Problem::new(Location::Line { line, column: None }, message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Everything wrong with a file; reading goes on after a bad row so that
/// one run shows all of them (up to `MAX_PROBLEMS`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems {
    pub list: Vec<Problem>,
    /// Problems found beyond `MAX_PROBLEMS`, counted but not kept.
    pub more: usize,
}

/// Enough to fix a file in one go without flooding the terminal.
pub const MAX_PROBLEMS: usize = 20;

impl Problems {
    pub fn one(p: Problem) -> Problems {
        Problems {
            list: vec![p],
            more: 0,
        }
    }

    pub fn push(&mut self, p: Problem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    /// `Ok(value)` when nothing was found wrong.
    pub fn or_ok<T>(self, value: T) -> Result<T, Problems> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.list.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        if self.more > 0 {
            write!(f, "\n… and {} more problems", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
