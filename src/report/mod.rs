//! The report on one grant, for the committee and the grant giver: what
//! came in, what was handed on and used, what goes back, what each
//! recipient did per focus area, in Swedish or English, as Markdown or
//! plain text.
//!
//! Pure: the caller hands over the data (`Store::report_data`) and the
//! words (`i18n::report::words`), and writes the file (CLI). This module
//! decides what is said; `wording` is how it asks for the words. The same
//! data always gives the same bytes: nothing here reads the clock, the
//! environment or a hash map's order.

mod case;
mod doc;
mod docx;
mod markdown;
mod money_back;
mod prose;
mod sections;
mod summary;
mod text;
mod unused;
pub mod wording;

use crate::domain::money::Money;
use crate::domain::status::{GrantStatus, RecipientFigures};

pub use crate::domain::model::{ReportData, ReportRecipient};
pub use prose::{NBSP, capitalise};
pub use text::LineKind;
use wording::Wording;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    #[default]
    Markdown,
    Text,
}

/// The grant's status by the domain rules, so the report's figures are
/// the same as the status pane's.
pub fn status(data: &ReportData) -> GrantStatus {
    let received: Money = data.receipts.iter().map(|r| r.amount).sum();
    let figures: Vec<RecipientFigures> = data
        .recipients
        .iter()
        .map(|r| RecipientFigures {
            recipient_id: r.recipient.id,
            name: r.recipient.name.clone(),
            allocated: r.allocated,
            used: r.used(),
            reported: r.report.is_some(),
        })
        .collect();
    let repaid: Money = data.money_back.repayments.iter().map(|r| r.amount).sum();
    GrantStatus::compute_repaid(&data.grant, received, repaid, &figures, data.today)
}

/// The whole report as one string, ending in a newline, in the words given
/// (`i18n::report::words(lang)`).
pub fn render(data: &ReportData, words: &dyn Wording, format: ReportFormat) -> String {
    let doc = build(data, words);
    match format {
        ReportFormat::Markdown => markdown::render(&doc.blocks),
        ReportFormat::Text => text::render(&doc.blocks),
    }
}

/// The report as a Word document (.docx), in the words given; the same
/// blocks as `render`, so it says what the Markdown and text say.
pub fn render_docx(data: &ReportData, words: &dyn Wording) -> std::io::Result<Vec<u8>> {
    docx::render(&build(data, words).blocks, words.terms())
}

/// The report built once, to be laid out at any width: the app's preview
/// wraps it to its window rather than wrapping 80-column lines again.
#[derive(Debug)]
pub struct Document {
    blocks: Vec<doc::Block>,
}

impl Document {
    pub fn new(data: &ReportData, words: &dyn Wording) -> Document {
        Document {
            blocks: build(data, words).blocks,
        }
    }

    /// The text wrapped to `width`, each line with what it is.
    pub fn lines(&self, width: usize) -> Vec<(LineKind, String)> {
        text::lines(&self.blocks, width)
    }
}

/// What the section builders share: the data, its status, the words.
struct Ctx<'a> {
    data: &'a ReportData,
    status: GrantStatus,
    w: &'a dyn Wording,
}

impl<'a> Ctx<'a> {
    fn kr(&self, m: Money) -> String {
        self.w.amount(m)
    }

    /// Each recipient with its status line; `GrantStatus::compute` keeps
    /// the order of the figures it is given, so the two zip.
    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.data
            .recipients
            .iter()
            .zip(self.status.recipients.iter())
            .map(|(data, line)| Row { data, line })
    }
}

#[derive(Clone, Copy)]
struct Row<'a> {
    data: &'a ReportRecipient,
    line: &'a crate::domain::status::RecipientLine,
}

impl<'a> Row<'a> {
    fn name(&self) -> &'a str {
        &self.data.recipient.name
    }

    /// The recipient's own `words` as a list item, with its contact person.
    fn own_words(&self, w: &dyn Wording, words: &str) -> String {
        w.own_words(self.name(), words, &prose::clean(&self.data.contact))
    }
}

fn build<'a>(data: &'a ReportData, w: &'a dyn Wording) -> doc::Doc {
    let ctx = Ctx {
        data,
        status: status(data),
        w,
    };
    let mut d = doc::Doc::default();
    // The sections of a tjänsteutlåtande, as the source report has them.
    summary::header(&ctx, &mut d);
    summary::summary(&ctx, &mut d);
    summary::background(&ctx, &mut d);
    case::the_case(&ctx, &mut d);
    sections::figures(&ctx, &mut d);
    sections::focus_areas(&ctx, &mut d);
    unused::not_used(&ctx, &mut d);
    unused::reasons(&ctx, &mut d);
    money_back::reallocations(&ctx, &mut d);
    money_back::repayments(&ctx, &mut d);
    sections::evaluation(&ctx, &mut d);
    sections::flags(&ctx, &mut d);
    sections::proposal(&ctx, &mut d);
    d
}
