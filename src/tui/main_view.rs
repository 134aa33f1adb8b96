//! What keys do in the main view: moving, sorting, filtering, opening.

use super::action::Action;
use super::app::{App, Overlay, OverlayKind};

impl App {
    pub(super) fn update_main(&mut self, action: Action) {
        if self.list.filter_input.is_some() {
            return self.update_filter(action);
        }
        let page = self.list.page_size();
        match action {
            Action::Up => self.list.move_by(-1),
            Action::Down => self.list.move_by(1),
            Action::PageUp => self.list.move_by(-page),
            Action::PageDown => self.list.move_by(page),
            Action::Top => self.list.to_top(),
            Action::Bottom => self.list.to_bottom(),
            Action::Sort => {
                self.list.sort = self.list.sort.next();
                self.rebuild_list();
            }
            Action::Filter => {
                let mut field = super::field::TextField::new(&self.list.filter);
                field.focus();
                self.list.filter_input = Some(field);
            }
            Action::Back if !self.list.filter.is_empty() => {
                self.list.filter.clear();
                self.rebuild_list();
            }
            Action::Confirm => self.open_selected_form(),
            Action::Allocate => match self.selected_recipient() {
                Some((rid, name)) => super::allocation::open(self, rid, name),
                // No recipient in the grant yet: pick one among all.
                None if self.data.is_some() => {
                    super::recipients::open(self);
                    self.info(self.t().allocate_from_list);
                }
                None => {}
            },
            Action::Grants => super::grants::open(self),
            Action::Recipients => super::recipients::open(self),
            Action::History => super::history::open(self),
            Action::Report => super::report_view::open(self),
            Action::Undo => self.undo_last(),
            Action::Matrix => super::matrix::open(self),
            Action::Flags => {
                self.overlay = Some(Overlay {
                    kind: OverlayKind::Flags,
                    scroll: 0,
                })
            }
            Action::Quit => self.request_quit(),
            _ => {}
        }
    }

    fn update_filter(&mut self, action: Action) {
        match action {
            Action::Input(key) => {
                if let Some(f) = self.list.filter_input.as_mut() {
                    f.handle(&key);
                }
                self.rebuild_list();
                self.list.to_top();
            }
            Action::Confirm => {
                self.list.filter = self
                    .list
                    .filter_input
                    .take()
                    .map(|f| f.value().trim().to_string())
                    .unwrap_or_default();
                self.rebuild_list();
                self.list.to_top();
            }
            Action::Back => {
                self.list.filter_input = None;
                self.list.filter.clear();
                self.rebuild_list();
            }
            Action::Up => self.list.move_by(-1),
            Action::Down => self.list.move_by(1),
            _ => {}
        }
    }

    pub(super) fn rebuild_list(&mut self) {
        if let Some(d) = &self.data {
            self.list.rebuild(&d.status);
        }
    }
}
