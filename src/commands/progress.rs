//! A progress bar for long imports, on standard error and only when that
//! is a terminal: a log file or a pipe gets no control characters.

use std::io::{IsTerminal, Write};

/// Imports with fewer changes than this finish too fast to need a bar.
const WORTH_SHOWING: usize = 20_000;
const WIDTH: usize = 30;

pub struct Progress {
    label: String,
    shown: bool,
    enabled: bool,
}

impl Progress {
    pub fn new(label: impl Into<String>) -> Progress {
        Progress {
            label: label.into(),
            shown: false,
            enabled: std::io::stderr().is_terminal(),
        }
    }

    pub fn update(&mut self, done: usize, total: usize) {
        if !self.enabled || total < WORTH_SHOWING {
            return;
        }
        let mut err = std::io::stderr().lock();
        // A failed write to the terminal only loses the bar.
        let _ = write!(err, "\r{}", bar(&self.label, done, total));
        let _ = err.flush();
        self.shown = true;
    }

    /// Clears the bar's line so the result is printed on a clean one.
    pub fn finish(&mut self) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.shown = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `label [#########·····················]  30%  35 000/116 667`
pub fn bar(label: &str, done: usize, total: usize) -> String {
    let done = done.min(total);
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    let percent = (done * 100).checked_div(total).unwrap_or(100);
    format!(
        "{label} [{}{}] {percent:>3}%  {done}/{total}",
        "#".repeat(filled),
        "·".repeat(WIDTH - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_work() {
        assert_eq!(
            bar("import", 0, 100),
            format!("import [{}]   0%  0/100", "·".repeat(30))
        );
        assert_eq!(
            bar("import", 50, 100),
            format!("import [{}{}]  50%  50/100", "#".repeat(15), "·".repeat(15))
        );
        assert_eq!(bar("x", 7, 0), format!("x [{}] 100%  0/0", "#".repeat(30)));
    }
}
