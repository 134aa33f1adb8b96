//! The report as a list of blocks, built once and then written out as
//! Markdown or plain text, so both formats always say the same thing.

/// How a table column lines up: names left, amounts right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<String>>,
    /// A totals row, set apart from the others.
    pub footer: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The report's own title; there is one.
    Title(String),
    /// A section.
    Heading(String),
    /// A part of a section, such as one focus area.
    Subheading(String),
    Paragraph(String),
    List(Vec<String>),
    /// The document's facts as label and value (references, date, giver);
    /// a value not known is empty. Word shows every label, leaving blanks
    /// to fill in; Markdown and text list only the values known.
    Facts(Vec<Fact>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// The facts that have a value, as list items: "Bidragsgivare: X".
pub fn known_facts(facts: &[Fact]) -> Vec<String> {
    facts
        .iter()
        .filter(|f| !f.value.trim().is_empty())
        .map(|f| format!("{}: {}", f.label, f.value))
        .collect()
}

/// Collects blocks; sections add to it in reading order.
#[derive(Debug, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn title(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Title(s.into()));
    }

    pub fn heading(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(s.into()));
    }

    pub fn subheading(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Subheading(s.into()));
    }

    /// Adds a paragraph; an empty one is skipped so that callers can
    /// build sentences that may turn out to have nothing to say.
    pub fn para(&mut self, s: impl Into<String>) {
        let s = s.into();
        if !s.trim().is_empty() {
            self.blocks.push(Block::Paragraph(s));
        }
    }

    /// Adds a list; an empty one is skipped.
    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }

    pub fn facts(&mut self, facts: Vec<Fact>) {
        self.blocks.push(Block::Facts(facts));
    }

    pub fn table(&mut self, t: Table) {
        self.blocks.push(Block::Table(t));
    }
}
