//! The things a coordinator keeps track of. Plain data; the store fills
//! them, the rules and the screen read them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lang::Lang;
use super::money::Money;

pub type GrantId = i64;
pub type RecipientId = i64;
pub type FocusAreaId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantState {
    Open,
    Reported,
}

impl GrantState {
    pub fn code(self) -> &'static str {
        match self {
            GrantState::Open => "open",
            GrantState::Reported => "reported",
        }
    }

    pub fn from_code(code: &str) -> Option<GrantState> {
        match code {
            "open" => Some(GrantState::Open),
            "reported" => Some(GrantState::Reported),
            _ => None,
        }
    }
}

/// Whether a grant's title already says its year ("Utvecklingsmedel VINR
/// 2017"), so that a name made of title and year does not say it twice.
pub fn title_says_year(title: &str, year: i32) -> bool {
    let year = year.to_string();
    title
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits == year)
}

/// The title with the year after it, unless the title says it already.
pub fn title_and_year(title: &str, year: i32) -> String {
    if title_says_year(title, year) {
        title.to_string()
    } else {
        format!("{title} {year}")
    }
}

/// A grant from a giver for one year, with its own dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub id: GrantId,
    pub title: String,
    pub giver: String,
    pub year: i32,
    /// First day the money may be used.
    pub use_from: NaiveDate,
    /// Last day the money may be used.
    pub use_until: NaiveDate,
    /// The day the report to the giver is due.
    pub report_due: NaiveDate,
    pub state: GrantState,
}

/// One of the areas a grant's money is meant for; a grant owns its list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusArea {
    pub id: FocusAreaId,
    pub grant_id: GrantId,
    /// 1-based order as the giver lists them.
    pub position: i64,
    pub name_sv: String,
    pub name_en: String,
}

impl FocusArea {
    /// The stored name in `lang`: both names are data the user typed (or
    /// the defaults below), so choosing one is not wording.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_sv, &self.name_en)
    }
}

/// The six focus areas copied into a new grant, Swedish and English.
pub const DEFAULT_FOCUS_AREAS: [(&str, &str); 6] = [
    (
        "Samordnat stöd till våldsutsatta",
        "Coordinated support for victims",
    ),
    (
        "Regelverk, kunskap och metoder",
        "Regulations, knowledge and methods",
    ),
    ("Barn som utsätts för våld", "Children exposed to violence"),
    (
        "Förebyggande arbete och våldsutövare",
        "Prevention and perpetrators",
    ),
    ("Särskilt utsatta grupper", "Especially vulnerable groups"),
    (
        "Prostitution och människohandel",
        "Prostitution and trafficking",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptKind {
    Requisition,
    Redistribution,
    Other,
}

impl ReceiptKind {
    pub const ALL: [ReceiptKind; 3] = [
        ReceiptKind::Requisition,
        ReceiptKind::Redistribution,
        ReceiptKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReceiptKind::Requisition => "requisition",
            ReceiptKind::Redistribution => "redistribution",
            ReceiptKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<ReceiptKind> {
        ReceiptKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Money that came in for a grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub id: i64,
    pub grant_id: GrantId,
    pub date: NaiveDate,
    pub amount: Money,
    pub kind: ReceiptKind,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientKind {
    District,
    Unit,
    Other,
}

impl RecipientKind {
    pub const ALL: [RecipientKind; 3] = [
        RecipientKind::District,
        RecipientKind::Unit,
        RecipientKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RecipientKind::District => "district",
            RecipientKind::Unit => "unit",
            RecipientKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<RecipientKind> {
        RecipientKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A district or unit that money is handed on to; shared by all grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub id: RecipientId,
    pub name: String,
    pub formal_name: String,
    pub kind: RecipientKind,
    /// Retired recipients keep their history but get no new money.
    pub retired: bool,
}

/// What one recipient used for one focus area of one grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spending {
    pub focus_area_id: FocusAreaId,
    pub amount: Money,
    pub note: String,
}

/// A recipient's account of a grant. Its presence means "has reported".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientReport {
    pub reported_on: NaiveDate,
    pub reason_unused: String,
    pub evaluation: String,
}

/// Everything the report on one grant says: the grant, what came in, its
/// focus areas and each recipient's part, as of one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportData {
    pub grant: Grant,
    pub receipts: Vec<Receipt>,
    pub focus_areas: Vec<FocusArea>,
    /// In the order the report should list them (tables and sentences).
    pub recipients: Vec<ReportRecipient>,
    /// The day the report is made; flags and the "compiled" line use it.
    pub today: NaiveDate,
    /// References, moves between recipients and repayments.
    pub money_back: super::money_back::ReportMoneyBack,
}

/// One recipient's part in the grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecipient {
    pub recipient: Recipient,
    pub allocated: Money,
    /// What it used, per focus area id, each with its note.
    pub spending: Vec<Spending>,
    /// Its account of the grant; `None` means it has not reported.
    pub report: Option<RecipientReport>,
    /// Who answers for it (empty when not given).
    pub contact: String,
}

impl ReportRecipient {
    /// Used = the sum of its spending, as the status rules define it.
    pub fn used(&self) -> Money {
        self.spending.iter().map(|s| s.amount).sum()
    }
}

/// One recorded change.
/// Before an audit key, marks the row as an undo of that change
/// (`undo:allocation`), so the log can call it what it is.
pub const UNDO_MARK: &str = "undo:";

/// Before an audit key, marks the row as a redo: an undone change made
/// again (`redo:allocation`).
pub const REDO_MARK: &str = "redo:";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub who: String,
    pub grant_id: Option<GrantId>,
    pub recipient_id: Option<RecipientId>,
    /// What changed, e.g. `allocation`, `spending:3`, `report.evaluation`.
    pub what: String,
    pub old: String,
    pub new: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_that_says_its_year_is_not_given_it_twice() {
        assert_eq!(
            title_and_year("Utvecklingsmedel VINR 2017", 2017),
            "Utvecklingsmedel VINR 2017"
        );
        assert_eq!(title_and_year("Bidrag", 2026), "Bidrag 2026");
        assert_eq!(title_and_year("Bidrag 20170", 2017), "Bidrag 20170 2017");
        assert_eq!(title_and_year("Bidrag 2026/2027", 2027), "Bidrag 2026/2027");
    }

    /// The codes stored in the file read back as what wrote them, and a
    /// code medel never wrote is no state or kind at all.
    #[test]
    fn stored_codes_come_back() {
        for s in [GrantState::Open, GrantState::Reported] {
            assert_eq!(GrantState::from_code(s.code()), Some(s));
        }
        for k in ReceiptKind::ALL {
            assert_eq!(ReceiptKind::from_code(k.code()), Some(k));
        }
        for k in RecipientKind::ALL {
            assert_eq!(RecipientKind::from_code(k.code()), Some(k));
        }
        assert_eq!(GrantState::from_code("closed"), None);
        assert_eq!(ReceiptKind::from_code("gift"), None);
        assert_eq!(RecipientKind::from_code("person"), None);
    }

    #[test]
    fn a_focus_area_is_named_in_the_readers_language() {
        let area = FocusArea {
            id: 1,
            grant_id: 1,
            position: 1,
            name_sv: "Barn som utsätts för våld".into(),
            name_en: "Children exposed to violence".into(),
        };
        assert_eq!(area.name(Lang::Sv), "Barn som utsätts för våld");
        assert_eq!(area.name(Lang::En), "Children exposed to violence");
    }

    #[test]
    fn used_is_the_sum_of_the_spending() {
        let spent = |id, kronor| Spending {
            focus_area_id: id,
            amount: Money::from_kronor(kronor),
            note: String::new(),
        };
        let r = ReportRecipient {
            recipient: Recipient {
                id: 1,
                name: "Rinkeby-Kista".into(),
                formal_name: String::new(),
                kind: RecipientKind::District,
                retired: false,
            },
            allocated: Money::from_kronor(240_000),
            spending: vec![spent(1, 100_000), spent(3, 43_785)],
            report: None,
            contact: String::new(),
        };
        assert_eq!(r.used(), Money::from_kronor(143_785));
    }
}
