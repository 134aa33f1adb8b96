//! Pieces the screens share: the text field, the list cursor and its
//! scroll window, form lines and what every form does alike, the grant's
//! figures, text layout, and the frame around every screen.

pub mod chrome;
pub mod cursor;
pub mod field_lines;
pub mod figures;
pub mod form;
pub mod page;
pub mod prose;
pub mod table;
pub mod text;
pub mod text_field;
pub mod too_small;
