//! Killing a process in the middle of saving loses nothing it reported as
//! saved, leaves nothing half-saved, and never damages the file.
//!
//! The child saves what users save, through the store as the app does: a
//! spending form (every focus area's amount and note and the report, one
//! transaction), then that recipient's allocation (its own transaction,
//! as the allocation popup saves it). Every value carries the save's
//! number, so each save's audit rows and values can be told apart. The
//! parent kills the child with SIGKILL at a random moment spread over a
//! whole save, measured as it goes.
//!
//! The test runs itself as the child: `child_saves_in_a_loop` is ignored in
//! normal runs and only does work when MEDEL_CRASH_DB is set.

mod support;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use medel::domain::model::RecipientReport;
use medel::domain::money::Money;
use medel::store::{Entry, Store};
use support::db::{current_grant, demo_at};

/// The form save number `n` makes, on the lines of `loaded`.
fn form(n: i64, loaded: &Entry) -> Entry {
    let mut e = loaded.clone();
    for line in &mut e.spending {
        line.amount = Money::from_ore(n * 100 + line.position);
        line.note = format!("save {n} area {}", line.position);
    }
    e.report = Some(RecipientReport {
        reported_on: support::d("2025-01-01") + chrono::Duration::days(n % 300),
        reason_unused: format!("save {n}"),
        evaluation: format!("save {n} evaluated"),
    });
    e
}

fn allocation(n: i64) -> Money {
    Money::from_kronor(100_000) + Money::from_ore(n)
}

/// The audit rows (what, new value) that form save `n` writes.
fn form_rows(n: i64, positions: &[i64]) -> BTreeSet<(String, String)> {
    let e = form(
        n,
        &Entry {
            spending: positions
                .iter()
                .map(|&position| medel::store::SpendingLine {
                    focus_area_id: 0,
                    position,
                    amount: Money::ZERO,
                    note: String::new(),
                })
                .collect(),
            report: None,
            contact: String::new(),
        },
    );
    let mut rows = BTreeSet::new();
    for l in &e.spending {
        let p = l.position;
        rows.insert((format!("spending.{p}.amount"), l.amount.to_string()));
        rows.insert((format!("spending.{p}.note"), l.note.clone()));
    }
    let r = e.report.unwrap();
    rows.insert(("report.reported_on".into(), r.reported_on.to_string()));
    rows.insert(("report.reason_unused".into(), r.reason_unused));
    rows.insert(("report.evaluation".into(), r.evaluation));
    rows
}

/// Which recipient save `n` is for: they take turns.
fn recipient_of(n: i64, recipients: &[i64]) -> i64 {
    recipients[n as usize % recipients.len()]
}

fn recipients(store: &Store) -> Vec<i64> {
    store
        .recipients(false)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect()
}

#[test]
#[ignore = "run by crash_at_random_moments_loses_nothing_committed as its child"]
fn child_saves_in_a_loop() {
    let Ok(path) = std::env::var("MEDEL_CRASH_DB") else {
        return;
    };
    let mut store = Store::open(path.as_ref()).unwrap();
    store.set_who("crash");
    let g = current_grant(&store);
    let recipients = recipients(&store);
    let start: i64 = std::env::var("MEDEL_CRASH_START").unwrap().parse().unwrap();
    for n in start.. {
        let r = recipient_of(n, &recipients);
        println!("saving {n}");
        let loaded = store.entry(g, r).unwrap();
        store
            .save_entry(g, r, &loaded, &form(n, &loaded), false)
            .unwrap();
        // Only after the commit returned does the parent count it as saved.
        println!("committed form {n}");
        let seen = store.allocation(g, r).unwrap();
        store.set_allocation(g, r, allocation(n), seen).unwrap();
        println!("committed allocation {n}");
    }
}

/// What the parent learnt from the children's output.
#[derive(Default)]
struct Seen {
    started: BTreeSet<i64>,
    forms: HashSet<i64>,
    allocations: HashSet<i64>,
    /// How long whole saves took, from "saving" to "committed allocation".
    durations: Vec<Duration>,
}

impl Seen {
    /// Reads one line; returns the save it started, if it did.
    fn read(&mut self, line: &str, began: &mut BTreeMap<i64, Instant>) -> Option<i64> {
        let num = |s: &str| s.trim().parse::<i64>().unwrap();
        // The first line follows libtest's "test child_saves_in_a_loop ... ".
        let after = |marker: &str| line.find(marker).map(|i| &line[i + marker.len()..]);
        if let Some(n) = after("saving ") {
            let n = num(n);
            self.started.insert(n);
            began.insert(n, Instant::now());
            return Some(n);
        }
        if let Some(n) = after("committed form ") {
            self.forms.insert(num(n));
        } else if let Some(n) = after("committed allocation ") {
            let n = num(n);
            self.allocations.insert(n);
            if let Some(t) = began.get(&n) {
                self.durations.push(t.elapsed());
            }
        }
        None
    }

    /// The middle of the whole saves measured so far.
    fn typical_save(&self) -> Duration {
        let mut d = self.durations.clone();
        d.sort();
        d.get(d.len() / 2)
            .copied()
            .unwrap_or(Duration::from_millis(20))
    }
}

#[test]
fn crash_at_random_moments_loses_nothing_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.sqlite");
    let (g, recipients, positions, demo_allocations) = {
        let store = demo_at(&path);
        let g = current_grant(&store);
        let rs = recipients(&store);
        let positions: Vec<i64> = store
            .entry(g, rs[0])
            .unwrap()
            .spending
            .iter()
            .map(|l| l.position)
            .collect();
        let allocs: BTreeMap<i64, Option<Money>> = rs
            .iter()
            .map(|&r| (r, store.allocation(g, r).unwrap()))
            .collect();
        (g, rs, positions, allocs)
    };
    let exe = std::env::current_exe().unwrap();
    let mut seen = Seen::default();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let rounds = 25;
    for round in 0..rounds {
        let start = 1 + seen.started.last().copied().unwrap_or(0);
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "child_saves_in_a_loop",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("MEDEL_CRASH_DB", &path)
            .env("MEDEL_CRASH_START", start.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // A pseudo-random number of whole saves (0..=9), then a kill at a
        // random moment of the next: anywhere from its start to a little
        // past its typical end.
        let wanted = (next() % 10) as usize;
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut began = BTreeMap::new();
        let mut whole = 0;
        let mut victim = None;
        while victim.is_none() && Instant::now() < deadline {
            let Some(Ok(line)) = lines.next() else { break };
            let had = seen.allocations.len();
            let started = seen.read(&line, &mut began);
            whole += seen.allocations.len() - had;
            if whole >= wanted {
                victim = started;
            }
        }
        let victim = victim.unwrap_or_else(|| panic!("round {round}: the child stopped saving"));
        let span = seen.typical_save().as_micros() as u64 * 12 / 10;
        std::thread::sleep(Duration::from_micros(next() % span.max(1)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // What it printed before it died was reported too.
        for line in lines.map_while(Result::ok) {
            seen.read(&line, &mut began);
        }
        assert!(seen.started.contains(&victim));
    }

    let conn = rusqlite::Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);

    let store = Store::open(&path).unwrap();
    let log: HashSet<(i64, String, String)> = store
        .audit_log(Some(g), None, 10_000_000)
        .unwrap()
        .into_iter()
        .filter(|a| a.who == "crash")
        .map(|a| (a.recipient_id.unwrap(), a.what, a.new))
        .collect();
    let mut in_flight_lost = 0;
    let mut newest_form: BTreeMap<i64, i64> = BTreeMap::new();
    let mut newest_allocation: BTreeMap<i64, i64> = BTreeMap::new();
    let last = *seen.started.last().unwrap();
    for n in 1..=last + 1 {
        let r = recipient_of(n, &recipients);
        let rows = form_rows(n, &positions);
        let there = rows
            .iter()
            .filter(|(what, new)| log.contains(&(r, what.clone(), new.clone())))
            .count();
        assert!(
            there == 0 || there == rows.len(),
            "form save {n} is there in part: {there} of {} audit rows",
            rows.len()
        );
        if seen.forms.contains(&n) {
            assert_eq!(
                there,
                rows.len(),
                "form save {n} was reported but is missing"
            );
        }
        if !seen.started.contains(&n) {
            assert_eq!(there, 0, "save {n} never started");
        }
        if there > 0 {
            newest_form.insert(r, n);
        } else if seen.started.contains(&n) {
            in_flight_lost += 1;
        }
        let alloc = log.contains(&(r, "allocation".into(), allocation(n).to_string()));
        if seen.allocations.contains(&n) {
            assert!(alloc, "allocation {n} was reported but is missing");
        }
        if alloc {
            assert!(there > 0, "allocation {n} saved without its form");
            newest_allocation.insert(r, n);
        }
    }
    // Each recipient holds exactly its newest save that is there, whole.
    for &r in &recipients {
        let entry = store.entry(g, r).unwrap();
        if let Some(&n) = newest_form.get(&r) {
            assert_eq!(entry, form(n, &entry), "recipient {r}: save {n} whole");
        }
        let expected = match newest_allocation.get(&r) {
            Some(&n) => Some(allocation(n)),
            None => demo_allocations[&r],
        };
        assert_eq!(store.allocation(g, r).unwrap(), expected, "recipient {r}");
    }
    // The kill moments cover the whole save: some killed a form save
    // before it was reported, some the allocation after its form.
    let in_form = seen
        .started
        .iter()
        .filter(|n| !seen.forms.contains(n))
        .count();
    let in_allocation = seen
        .forms
        .iter()
        .filter(|n| !seen.allocations.contains(n))
        .count();
    eprintln!(
        "{} saves started; killed in a form {in_form} times ({in_flight_lost} of them before \
         its commit), in an allocation {in_allocation} times; a whole save took {:?}",
        seen.started.len(),
        seen.typical_save()
    );
    assert!(
        in_form > 0 && in_allocation > 0,
        "{in_form} {in_allocation}"
    );
}
