//! Import speed: 100 000 generated spending rows (Excel style) into a
//! database file, from the file's bytes to the commit, with an audit row
//! per changed value. Target: over 100 000 rows/s in a release build.
//!
//! `cargo bench --bench import`; criterion prints the throughput as
//! elem/s (= rows/s). `wall` is elapsed time; `cpu` is the time the
//! importing thread spent on a CPU (Linux), which stays meaningful when
//! other programs compete for the machine.

use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use medel::exchange::{CsvStyle, Input, plan_csv, read};
use medel::store::Store;

#[path = "../tests/support/bulk.rs"]
mod bulk;

const ROWS: usize = 100_000;

/// A fresh file with the grant and recipients: the rows are all new.
fn setup() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.sqlite")).expect("open");
    bulk::prepare(&mut store, ROWS);
    (dir, store)
}

fn run(bytes: &[u8], store: &mut Store) {
    let Ok(Input::Spending(sheet)) = read(bytes) else {
        panic!("the generated file is a spending CSV")
    };
    let plan = store
        .import(
            "bench",
            false,
            |cur, _| plan_csv(&sheet, cur),
            &mut |_, _| {},
        )
        .expect("import");
    assert_eq!(plan.summary().spending, ROWS);
}

/// Time this thread has run on a CPU; wall time where that is unknown.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn import(c: &mut Criterion) {
    let bytes = bulk::csv(ROWS, CsvStyle::ExcelSv);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("csv_100k_rows_wall", |b| {
        b.iter_batched(
            setup,
            |(dir, mut store)| {
                run(&bytes, &mut store);
                (dir, store)
            },
            BatchSize::PerIteration,
        );
    });
    group.bench_function("csv_100k_rows_cpu", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let (_dir, mut store) = setup();
                let (wall, cpu) = (Instant::now(), cpu_time());
                run(&bytes, &mut store);
                total += match (cpu, cpu_time()) {
                    (Some(before), Some(after)) => after - before,
                    _ => wall.elapsed(),
                };
            }
            total
        });
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
