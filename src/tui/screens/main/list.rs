//! The recipients table of the main view: selection, sorting, filtering.
//! Keeps a list of row indices into the grant status, rebuilt only when the
//! data, the sort or the filter changes.

use crate::domain::collate::sort_key;
use crate::domain::model::RecipientId;
use crate::domain::status::{GrantStatus, RecipientLine};
use crate::tui::widgets::cursor::Cursor;
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Allocated,
    Used,
    Unused,
    Status,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Name => SortKey::Allocated,
            SortKey::Allocated => SortKey::Used,
            SortKey::Used => SortKey::Unused,
            SortKey::Unused => SortKey::Status,
            SortKey::Status => SortKey::Name,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Default)]
pub struct MainList {
    pub cursor: Cursor,
    pub sort: SortKey,
    /// The filter in force (kept after Enter).
    pub filter: String,
    /// Present while the user types a filter.
    pub filter_input: Option<TextField>,
    /// Indices into `GrantStatus::recipients`, in display order.
    pub rows: Vec<usize>,
}

impl MainList {
    /// The filter being typed, or the one in force.
    pub fn active_filter(&self) -> &str {
        self.filter_input
            .as_ref()
            .map_or(&self.filter, |f| f.value())
    }

    pub fn selected_line<'a>(&self, status: &'a GrantStatus) -> Option<&'a RecipientLine> {
        self.rows
            .get(self.cursor.selected)
            .and_then(|&i| status.recipients.get(i))
    }

    /// Recomputes the rows, keeping the same recipient selected if shown.
    pub fn rebuild(&mut self, status: &GrantStatus) {
        let keep: Option<RecipientId> = self.selected_line(status).map(|r| r.recipient_id);
        self.rebuild_keeping(status, keep);
    }

    pub fn rebuild_keeping(&mut self, status: &GrantStatus, keep: Option<RecipientId>) {
        let needle = self.active_filter().to_lowercase();
        let mut rows: Vec<usize> = status
            .recipients
            .iter()
            .enumerate()
            .filter(|(_, r)| needle.is_empty() || r.name.to_lowercase().contains(&needle))
            .map(|(i, _)| i)
            .collect();
        let lines = &status.recipients;
        match self.sort {
            // The store already returns Swedish name order.
            SortKey::Name => rows.sort_by_cached_key(|&i| sort_key(&lines[i].name)),
            SortKey::Allocated => rows.sort_by_key(|&i| std::cmp::Reverse(lines[i].allocated)),
            SortKey::Used => rows.sort_by_key(|&i| std::cmp::Reverse(lines[i].used)),
            SortKey::Unused => rows.sort_by_key(|&i| std::cmp::Reverse(lines[i].unused)),
            SortKey::Status => rows.sort_by_key(|&i| lines[i].status),
        }
        self.rows = rows;
        self.cursor.selected = keep
            .and_then(|id| self.rows.iter().position(|&i| lines[i].recipient_id == id))
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
    }
}
