//! Where the time of `medel grants` and `medel status --check` goes on a
//! large database: opening the file (with the schema check), the list of
//! grants, and every grant's status read in one pass, for the open grants
//! and for all. Medians of 21 runs, in milliseconds.
//!
//! Run: `cargo bench --bench grants_phases -- DB` (benches/process.sh
//! generates target/big.sqlite and runs it).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use medel::store::{Store, Which};

const RUNS: usize = 21;

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn time(what: &str, mut f: impl FnMut()) {
    f();
    let times = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    println!("{what:<44} {:>8.2} ms", median(times));
}

fn main() {
    // `cargo bench` passes `--bench`; the database is the other argument.
    let db: PathBuf = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .unwrap_or_else(|| "target/big.sqlite".into())
        .into();
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date");
    time("open (header, schema check, pragmas)", || {
        black_box(Store::open(&db).expect("open"));
    });
    let store = Store::open(&db).expect("open");
    time("the grants, one query", || {
        black_box(store.grants().expect("grants"));
    });
    time("every open grant's status, one pass", || {
        black_box(store.grant_statuses(Which::Open, today).expect("open"));
    });
    time("every grant's status, one pass", || {
        black_box(store.grant_statuses(Which::All, today).expect("all"));
    });
    time("every grant's summary (grants --all)", || {
        black_box(store.grant_summaries(Which::All, today).expect("all"));
    });
    let open: Vec<i64> = store
        .grants()
        .expect("grants")
        .into_iter()
        .filter(|g| g.state == medel::domain::model::GrantState::Open)
        .map(|g| g.id)
        .collect();
    time("the open grants' status one grant at a time", || {
        for id in &open {
            black_box(store.grant_status(*id, today).expect("status"));
        }
    });
}
