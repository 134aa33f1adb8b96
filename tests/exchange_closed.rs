//! A reported (closed) grant is read-only for imports too.

mod support;

use medel::domain::model::GrantState;
use medel::domain::money::Money;
use medel::exchange::plan_document;
use support::db::{current_grant, demo_in_memory};

#[test]
fn import_refuses_to_change_a_reported_grant() {
    let mut store = demo_in_memory();
    let g = current_grant(&store);
    let mut file = store.dataset(None).unwrap();
    store.set_grant_state(g, GrantState::Reported).unwrap();
    file.grants[0].state = GrantState::Reported;
    file.grants[0].recipients[0].allocated = Some(Money::from_kronor(1));
    let before = store.audit_log(None, None, 100_000).unwrap().len();
    let err = store
        .import(
            "test.json",
            false,
            |cur, _| plan_document(&file, cur, true),
            &mut |_, _| {},
        )
        .unwrap_err();
    assert!(err.to_string().contains("reported and closed"), "{err}");
    assert_eq!(store.audit_log(None, None, 100_000).unwrap().len(), before);
    // The same file without changes to the grant is fine.
    let unchanged = store.dataset(None).unwrap();
    store
        .import(
            "same.json",
            false,
            |cur, _| plan_document(&unchanged, cur, true),
            &mut |_, _| {},
        )
        .unwrap();
}
