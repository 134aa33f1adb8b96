//! What the report needs said, without saying it: the shape of its fixed
//! words and one method per sentence. `i18n::report` fills them in for each
//! language, so the report stays free of words and never reaches up to the
//! language layer. Sentences take the facts (amounts, dates, names) and
//! return the whole sentence, so a translator always sees all of it.

use chrono::NaiveDate;

use crate::domain::Lang;
use crate::domain::flags::Flag;
use crate::domain::model::ReceiptKind;
use crate::domain::money::Money;
use crate::domain::status::{GrantStatus, RecipientStatus};

/// The report's fixed words: headings, labels and sentences without values.
#[derive(Debug)]
pub struct Terms {
    // Headings, in reading order.
    pub summary: &'static str,
    pub background: &'static str,
    pub the_case: &'static str,
    pub money_not_used: &'static str,
    pub reasons: &'static str,
    pub focus_areas: &'static str,
    pub evaluation: &'static str,
    pub figures: &'static str,
    pub open_flags: &'static str,
    pub proposal: &'static str,

    // The summary.
    pub nothing_allocated_yet: &'static str,
    pub nothing_to_return: &'static str,
    /// Nothing came in, so nothing can go back.
    pub nothing_received_to_return: &'static str,
    /// Recipients have allocations but none has reported any spending.
    pub nothing_reported_yet: &'static str,
    /// The amount to return is not final while nobody has reported.
    pub may_change_all: &'static str,

    // Money not used, and the reasons.
    pub all_used: &'static str,
    pub reasons_lead: &'static str,

    // Spending by focus area.
    pub no_focus_areas: &'static str,
    pub focus_areas_lead: &'static str,
    /// Ends the lead sentence of one area: "inom området".
    pub in_this_area: &'static str,
    /// Ends the lead sentence, and heads, spending on areas the grant no
    /// longer lists.
    pub outside_focus_areas: &'static str,
    pub no_spending_in_area: &'static str,

    // Evaluation.
    pub no_evaluation: &'static str,
    pub evaluation_lead: &'static str,

    // The figures per recipient.
    pub no_allocations: &'static str,
    pub amounts_in_kronor: &'static str,
    /// Recipient, allocated, used, unused, overspent, status.
    pub table_header: [&'static str; 6],
    pub total: &'static str,
    /// The amount column of a focus area's table.
    pub amount: &'static str,

    // Open flags.
    pub flags_lead: &'static str,

    pub facts: FactLabels,
    /// The footer's "Sida 2 av 5": the word before the page and between.
    pub page: &'static str,
    pub page_of: &'static str,
}

/// The labels of the document's facts, in the order they are listed.
#[derive(Debug)]
pub struct FactLabels {
    pub our_reference: &'static str,
    pub giver_reference: &'static str,
    pub committee: &'static str,
    pub officer: &'static str,
    pub giver: &'static str,
    pub year: &'static str,
    pub period: &'static str,
    pub due: &'static str,
    pub compiled: &'static str,
}

/// Where the grant stands with its giver: what was to be paid back and
/// what has been, so that no sentence says "is to be paid back" of money
/// already paid, nor "nothing is outstanding" of money paid twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayBack {
    /// Nothing to pay back, and nothing paid.
    Nothing,
    /// Owed; nothing paid yet.
    Owed(Money),
    /// Owed, and part of it paid.
    Part {
        owed: Money,
        repaid: Money,
        outstanding: Money,
    },
    /// Owed and paid, to the öre.
    Paid(Money),
    /// More paid than owed; `owed` may be zero.
    Over {
        owed: Money,
        repaid: Money,
        over: Money,
    },
}

impl PayBack {
    pub fn of(s: &GrantStatus) -> PayBack {
        let (owed, repaid) = (s.to_return, s.repaid);
        if repaid.is_zero() {
            if owed.is_zero() {
                PayBack::Nothing
            } else {
                PayBack::Owed(owed)
            }
        } else if s.overpaid > Money::ZERO {
            PayBack::Over {
                owed,
                repaid,
                over: s.overpaid,
            }
        } else if s.outstanding > Money::ZERO {
            PayBack::Part {
                owed,
                repaid,
                outstanding: s.outstanding,
            }
        } else {
            PayBack::Paid(owed)
        }
    }

    /// Everything owed has been paid (or more): the debt is past.
    pub fn settled(self) -> bool {
        matches!(self, PayBack::Paid(_) | PayBack::Over { .. })
    }
}

/// Everything the report says, in one language.
pub trait Wording:
    SummaryWording + CaseWording + UnusedWording + SectionWording + MoneyBackWording
{
    /// The language, for numbers and the focus areas' stored names.
    fn lang(&self) -> Lang;
    fn terms(&self) -> &Terms;
    /// An amount as a sentence says it: "2 945 873 kronor".
    fn amount(&self, m: Money) -> String;
    /// The word in the status column of the recipient table.
    fn status(&self, s: RecipientStatus) -> &'static str;
    /// A flag's reason, as the status pane gives it.
    fn flag(&self, f: &Flag) -> String;
}

/// The report's title and opening: the facts of the grant, the summary
/// and the background.
pub trait SummaryWording {
    fn title(&self, grant_title: &str) -> String;
    /// "15 mars 2017": the form a committee paper uses.
    fn long_date(&self, d: NaiveDate) -> String;
    fn period(&self, from: NaiveDate, until: NaiveDate) -> String;

    /// The summary's first sentence: how much came in, from whom, for what.
    fn summary_received(&self, received: Money, giver: &str, grant_title: &str) -> String;
    /// How many recipients used none or only part of their money; the
    /// counts are never both zero.
    fn summary_short_of(&self, used_none: usize, used_part: usize) -> String;
    /// The summary's last word on the figures: `waiting` recipients have
    /// not reported, so the amounts may change.
    fn summary_waiting(&self, waiting: usize) -> String;
    /// What is to go back to the giver and what has gone, in one sentence.
    fn pay_back(&self, p: PayBack, giver: &str) -> String;

    /// The grant, its giver and year, and the giver's decision reference.
    fn background_grant(
        &self,
        grant_title: &str,
        giver: &str,
        year: i32,
        decision: Option<&str>,
    ) -> String;
    /// Leads the list of focus areas; `count` is at least one.
    fn background_areas(&self, count: usize) -> String;
    /// The period, what happens to money unused and when the report is due.
    fn background_rules(
        &self,
        from: NaiveDate,
        until: NaiveDate,
        due: NaiveDate,
        giver: &str,
    ) -> String;
}

/// The case: what came in, was handed on, used and goes back.
pub trait CaseWording {
    /// One receipt as a phrase: amount, from whom when `giver` is given,
    /// how, when, and its note (already cleaned) in brackets.
    fn receipt(
        &self,
        amount: Money,
        giver: Option<&str>,
        kind: ReceiptKind,
        date: NaiveDate,
        note: &str,
    ) -> String;
    fn received_none(&self, giver: &str) -> String;
    /// `receipt` names the giver.
    fn received_one(&self, receipt: &str) -> String;
    /// `receipts` do not name the giver; there are two or more.
    fn received_many(&self, total: Money, giver: &str, receipts: &[String]) -> String;

    /// `within` is true when no more was allocated than received, so the
    /// sentence may say "of this".
    fn allocated_to(&self, allocated: Money, recipients: usize, within: bool) -> String;
    /// `redistribution` is the date of the one redistribution whose amount
    /// the money kept centrally equals, as the summer payment in the source.
    fn unallocated_kept(&self, unallocated: Money, redistribution: Option<NaiveDate>) -> String;
    fn allocated_beyond_received(&self, excess: Money) -> String;
    fn recipients_used(&self, used: Money, recipients: usize) -> String;
    fn overspent_borne(&self, overspent: Money) -> String;
    /// What goes back when it is simply what was not used; `settled` when
    /// it has been paid already.
    fn to_return(&self, to_return: Money, giver: &str, settled: bool) -> String;
    /// What goes back when recipients used more than allocated or more was
    /// allocated than received: received less what counts against the grant.
    fn to_return_after_credit(
        &self,
        received: Money,
        credited: Money,
        to_return: Money,
        giver: &str,
        settled: bool,
    ) -> String;
    fn return_made_of(&self, unallocated: Money, unused: Money, recipients: usize) -> String;
    /// Follows the amount to return once money has gone back: how much of
    /// it has been paid. Never called with `PayBack::Nothing` or `Owed`.
    fn paid_so_far(&self, p: PayBack, giver: &str) -> String;
    fn may_change(&self, waiting: &[&str]) -> String;
}

/// Money not used: who used nothing, part or more, who has not reported,
/// and the reasons given.
pub trait UnusedWording {
    fn used_none_one(&self, name: &str, allocated: Money) -> String;
    /// `allocated` pairs with `names`, in order.
    fn used_none_many(&self, names: &[&str], allocated: &[Money]) -> String;
    fn used_part_lead(&self, names: &[&str]) -> String;
    fn used_part(&self, name: &str, used: Money, allocated: Money, unused: Money) -> String;
    fn overspent_lead(&self, names: &[&str]) -> String;
    fn overspent(&self, name: &str, used: Money, allocated: Money, over: Money) -> String;
    fn not_reported_how(&self, names: &[&str]) -> String;
    fn unallocated_unused(&self, unallocated: Money) -> String;
    /// No recipient has been given anything: all that came in is unused.
    fn nothing_allocated_unused(&self, received: Money) -> String;
    fn gave_no_reason(&self, names: &[&str]) -> String;
}

/// The body and the close: spending per focus area and the proposal.
pub trait SectionWording {
    /// Leads the list of one area's spending; `place` is `in_this_area` or
    /// `outside_focus_areas`.
    fn area_lead(&self, names: &[&str], total: Money, place: &str) -> String;
    /// A recipient's own words (a reason, an evaluation) as a list item,
    /// naming who answers for them when `contact` is not empty.
    fn own_words(&self, name: &str, words: &str, contact: &str) -> String;
    /// The decision, naming what goes back and what has gone.
    fn proposal(&self, grant_title: &str, p: PayBack, giver: &str) -> String;
}

/// The grant's references, moves between recipients and repayments.
pub trait MoneyBackWording {
    fn reallocations_heading(&self) -> &'static str;
    fn reallocations_lead(&self, count: usize, total: Money) -> String;
    /// Below the moves: the report's allocations are those after them.
    fn reallocations_after(&self, count: usize) -> &'static str;
    /// Date, from, to, amount, decision: the table's heads.
    fn reallocation_columns(&self) -> [&'static str; 5];
    fn repayments_heading(&self) -> &'static str;
    /// Date, kind, amount, reference: the table's heads.
    fn repayment_columns(&self) -> [&'static str; 4];
    fn repayment_kind(&self, kind: crate::domain::money_back::RepaymentKind) -> &'static str;
}
