use super::start::{Start, StartChoice};
use super::*;
use crate::domain::model::GrantState;
use crate::i18n::screen::words;

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().expect("test date")
}

#[test]
fn the_year_fills_dates_not_typed_in() {
    let mut f = GrantFormState::new_grant(2018, "", Vec::new(), Lang::En);
    f.set_focus(idx(GrantField::UseUntil));
    typed(&mut f, "2019-06-30");
    f.set_focus(idx(GrantField::Year));
    typed(&mut f, "2019");
    assert_eq!(f.value(GrantField::UseFrom), "2019-01-01");
    assert_eq!(f.value(GrantField::UseUntil), "2019-06-30");
    assert_eq!(f.value(GrantField::ReportDue), "2020-03-31");
}

#[test]
fn errors_go_under_the_field_they_are_about() {
    let mut f = GrantFormState::new_grant(2018, "", Vec::new(), Lang::Sv);
    f.set_focus(idx(GrantField::ReportDue));
    typed(&mut f, "2018-06-01");
    assert!(f.errors[idx(GrantField::Title)].is_some());
    let due = f.errors[idx(GrantField::ReportDue)].clone().unwrap();
    assert!(due.contains("Redovisningsdagen"), "{due}");
    typed(&mut f, "x");
    assert_eq!(
        f.errors[idx(GrantField::ReportDue)].as_deref(),
        Some(words(Lang::Sv).bad_date)
    );
}

#[test]
fn like_a_grant_fills_only_the_fields_not_typed_in() {
    let g = Grant {
        id: 7,
        title: "Psykisk hälsa 2017".into(),
        giver: "SKR".into(),
        year: 2017,
        use_from: d("2017-01-01"),
        use_until: d("2017-12-31"),
        report_due: d("2018-04-30"),
        state: GrantState::Open,
    };
    let starts = vec![
        StartChoice {
            start: Start::Vinr,
            areas: 6,
        },
        StartChoice {
            start: Start::Like(g),
            areas: 3,
        },
    ];
    let mut f = GrantFormState::new_grant(2026, "Socialstyrelsen", starts, Lang::En);
    typed(&mut f, "Egen titel");
    f.cycle_start(true);
    assert_eq!(f.value(GrantField::Title), "Egen titel", "typed: kept");
    assert_eq!(f.value(GrantField::Giver), "SKR");
    assert_eq!(f.value(GrantField::Year), "2018");
    assert_eq!(f.value(GrantField::ReportDue), "2019-04-30");
    assert!(f.is_dirty());
    f.cycle_start(true);
    assert_eq!(f.start, 0, "round to the VINR areas");
    assert_eq!(f.value(GrantField::Title), "Egen titel");
    assert_eq!(f.value(GrantField::Giver), "Socialstyrelsen", "given back");
    assert_eq!(f.value(GrantField::ReportDue), "2027-03-31");
}
