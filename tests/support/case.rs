//! The 2017 case as report data: the demo's (`medel demo`, `src/demo.rs`),
//! read through the store as `medel report` reads it, on
//! [`TODAY`](super::TODAY). The one copy of the source case: what the
//! report tests check is what users see.

use medel::report::ReportData;

use super::db::{current_grant, demo_in_memory};
use super::today;

pub fn case_2017() -> ReportData {
    let store = demo_in_memory();
    store
        .report_data(current_grant(&store), today())
        .expect("report data")
}

/// The recipients of the case, in the order the report lists them.
pub fn names() -> Vec<String> {
    case_2017()
        .recipients
        .iter()
        .map(|r| r.recipient.name.clone())
        .collect()
}

/// The index of `name` among the case's recipients.
pub fn index_of(data: &ReportData, name: &str) -> usize {
    data.recipients
        .iter()
        .position(|r| r.recipient.name == name)
        .unwrap_or_else(|| panic!("{name} is in the case"))
}

/// The case with a contact person for Bromma, which gave a reason, and
/// one for Spånga-Tensta, which gave an evaluation; the others have none.
pub fn with_contacts() -> ReportData {
    let mut data = case_2017();
    for (name, contact) in [("Bromma", "Anna Berg"), ("Spånga-Tensta", " Per\nEk ")] {
        let at = index_of(&data, name);
        data.recipients[at].contact = contact.into();
    }
    data
}

/// The case with 30 000 kronor moved from Bromma to Farsta on a decision,
/// and 500 000 kronor of what goes back paid.
pub fn moved_and_repaid() -> ReportData {
    use medel::domain::money_back::{NamedMove, Repayment, RepaymentKind};
    let mut data = case_2017();
    let date = |s: &str| s.parse().expect("date");
    data.money_back.moves.push(NamedMove {
        date: date("2017-09-01"),
        from: "Bromma".into(),
        to: "Farsta".into(),
        amount: super::kr(30_000),
        decision: "SDN 2017/114".into(),
    });
    data.money_back.repayments.push(Repayment {
        id: 1,
        grant_id: data.grant.id,
        date: date("2018-04-20"),
        amount: super::kr(500_000),
        kind: RepaymentKind::Repayment,
        reference: "OCR 4471".into(),
        note: String::new(),
    });
    data
}
