//! Speed of what users wait for: computing a grant's status, loading and
//! drawing the main view, and one key press to the next frame (with the
//! bytes it writes to the terminal).
//!
//! Run: `cargo bench --bench core`. Whole-process figures: `benches/process.sh`.

use std::cell::RefCell;
use std::hint::black_box;
use std::io::Write;
use std::rc::Rc;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use medel::domain::Lang;
use medel::domain::model::{Grant, GrantState};
use medel::domain::money::Money;
use medel::domain::status::{GrantStatus, RecipientFigures};
use medel::exchange::{CsvStyle, Input, plan_csv, read};
use medel::store::Store;
use medel::tui::App;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

#[path = "../tests/support/bulk.rs"]
mod bulk;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 10, 1).expect("valid date")
}

fn grant() -> Grant {
    Grant {
        id: 1,
        title: "Bench".into(),
        giver: "Giver".into(),
        year: 2017,
        use_from: NaiveDate::from_ymd_opt(2017, 1, 1).expect("valid date"),
        use_until: NaiveDate::from_ymd_opt(2017, 12, 31).expect("valid date"),
        report_due: NaiveDate::from_ymd_opt(2018, 3, 31).expect("valid date"),
        state: GrantState::Open,
    }
}

/// 1 000 recipients with every status represented.
fn thousand_recipients() -> Vec<RecipientFigures> {
    (0..1000)
        .map(|i| {
            let allocated = Money::from_kronor(100_000 + (i % 37) * 1_000);
            let used = match i % 5 {
                0 => Money::ZERO,
                1 => Money::from_kronor(50_000),
                2 => allocated,
                3 => allocated + Money::from_kronor(1_000),
                _ => Money::from_ore(123_456),
            };
            RecipientFigures {
                recipient_id: i,
                name: format!("Mottagare {i:04}"),
                allocated,
                used,
                reported: i % 7 != 0,
            }
        })
        .collect()
}

fn demo_app() -> App {
    let mut store = Store::open_in_memory().expect("in-memory database");
    medel::demo::write(&mut store).expect("demo data");
    App::new(store, Lang::Sv, today(), None).expect("app")
}

fn status(c: &mut Criterion) {
    let figures = thousand_recipients();
    let g = grant();
    c.bench_function("status of a grant with 1000 recipients", |b| {
        b.iter(|| {
            GrantStatus::compute(
                &g,
                Money::from_kronor(150_000_000),
                black_box(&figures),
                today(),
            )
        })
    });
}

fn load(c: &mut Criterion) {
    let mut app = demo_app();
    let id = app.grant_id().expect("grant");
    c.bench_function("load the main view (demo)", |b| {
        b.iter(|| app.load_grant(black_box(id)))
    });
}

fn draw(c: &mut Criterion) {
    let app = demo_app();
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    c.bench_function("draw one 120x40 frame (demo)", |b| {
        b.iter(|| term.draw(|f| medel::tui::draw(f, &app)).map(drop))
    });
}

/// A terminal stand-in that keeps what was written, shared with the bench.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn key_to_frame(c: &mut Criterion) {
    let mut app = demo_app();
    let sink = Sink::default();
    // A fixed viewport: no asking the (absent) terminal for its size.
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
    };
    let mut term =
        Terminal::with_options(CrosstermBackend::new(sink.clone()), options).expect("terminal");
    term.draw(|f| medel::tui::draw(f, &app))
        .expect("first frame");
    // Bytes written for one cursor move, after the first full frame.
    sink.0.borrow_mut().clear();
    app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    term.draw(|f| medel::tui::draw(f, &app)).expect("frame");
    let bytes = sink.0.borrow().len();
    println!("one cursor move writes {bytes} bytes to the terminal");
    let mut down = true;
    c.bench_function("key press to next frame (cursor move)", |b| {
        b.iter(|| {
            let code = if down { KeyCode::Down } else { KeyCode::Up };
            down = !down;
            app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
            sink.0.borrow_mut().clear();
            term.draw(|f| medel::tui::draw(f, &app)).map(drop)
        })
    });
}

/// A grant with 1 000 recipients and 6 000 spending rows, made through the
/// import like real data; the app on it.
fn big_app() -> App {
    let mut store = Store::open_in_memory().expect("in-memory database");
    bulk::prepare(&mut store, 6_000);
    let bytes = bulk::csv(6_000, CsvStyle::Plain);
    let Ok(Input::Spending(sheet)) = read(&bytes) else {
        panic!("a spending CSV")
    };
    store
        .import(
            "bench",
            false,
            |cur, _| plan_csv(&sheet, cur),
            &mut |_, _| {},
        )
        .expect("import");
    App::new(store, Lang::Sv, today(), None).expect("app")
}

fn big_grant(c: &mut Criterion) {
    let mut app = big_app();
    let id = app.grant_id().expect("grant");
    c.bench_function("load the main view (1000 recipients)", |b| {
        b.iter(|| app.load_grant(black_box(id)))
    });
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    c.bench_function("draw one 120x40 frame (1000 recipients)", |b| {
        b.iter(|| term.draw(|f| medel::tui::draw(f, &app)).map(drop))
    });
}

criterion_group!(benches, status, load, draw, key_to_frame, big_grant);
criterion_main!(benches);
