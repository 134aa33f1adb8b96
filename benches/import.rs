//! Import speed: 100 000 generated spending rows (Excel style) into a
//! database file, from bytes to commit. Target: over 100 000 rows/s in a
//! release build. Run with `cargo bench --bench import`; criterion prints
//! the throughput (elem/s = rows/s).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use medel::report::export::CsvStyle;
use medel::report::import::{Input, read};
use medel::report::import_csv;
use medel::store::Store;

#[path = "../tests/common/bulk.rs"]
mod bulk;

const ROWS: usize = 100_000;

fn import(c: &mut Criterion) {
    let bytes = bulk::csv(ROWS, CsvStyle::ExcelSv);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("csv_100k_rows", |b| {
        b.iter_batched(
            || {
                // A fresh file each time: the rows are new, as in a first import.
                let dir = tempfile::tempdir().expect("temp dir");
                let mut store = Store::open(&dir.path().join("bench.sqlite")).expect("open");
                bulk::prepare(&mut store, ROWS);
                (dir, store)
            },
            |(dir, mut store)| {
                let Ok(Input::Spending(sheet)) = read(&bytes) else {
                    panic!("the generated file is a spending CSV")
                };
                let plan = store
                    .import(
                        "bench",
                        false,
                        |cur| import_csv::plan(&sheet, cur),
                        &mut |_, _| {},
                    )
                    .expect("import");
                assert_eq!(plan.summary().spending, ROWS);
                (dir, store)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
