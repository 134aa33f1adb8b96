//! Writes a large database of realistic shape, for benchmarks and for
//! trying medel at a size far beyond any real user's.
//!
//! cargo run --release --example generate -- --db PATH --grants 200 --recipients 1000 [--seed N]
//!
//! G grants (years 2010–2026), R recipients all taking part in every grant,
//! six focus areas: G × R × 6 spending cells, every cell used except those
//! of recipients that used nothing (about 0.9 × G × R × 6 rows). About one
//! recipient in ten used nothing, one in six used part, one in twenty used
//! more than given. Everything goes in through medel's own import, in one
//! transaction with its audit rows.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::Parser;
use medel::domain::model::{
    DEFAULT_FOCUS_AREAS, GrantState, ReceiptKind, RecipientKind, RecipientReport,
};
use medel::domain::money::Money;
use medel::exchange::{
    Document, FocusAreaDoc, GrantDoc, ParticipantDoc, ReceiptDoc, RecipientDoc, SpendingDoc,
    plan_document,
};
use medel::store::Store;

#[derive(Parser)]
struct Args {
    /// The database to write; it must not exist yet
    #[arg(long)]
    db: PathBuf,
    #[arg(long, default_value_t = 200)]
    grants: usize,
    #[arg(long, default_value_t = 1000)]
    recipients: usize,
    /// The same seed gives the same database
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).with_context(|| format!("no date {y}-{m}-{d}"))
}

fn participant(rng: &mut Rng, name: String, year: i32) -> Result<ParticipantDoc> {
    let allocated = Money::from_kronor(50_000 + rng.below(250) as i64 * 1_000);
    let kind = rng.below(100);
    // Share of the allocation used, in per mille.
    let share = match kind {
        0..=9 => 0,
        10..=26 => 200 + rng.below(700),
        27..=31 => 1_050 + rng.below(200),
        _ => 1_000,
    };
    let used = allocated.ore() * share as i64 / 1_000;
    let mut spending = Vec::new();
    let mut left = used;
    for position in 1..=6i64 {
        // Every area gets a part: 10–30 % of what is left, the last the rest.
        let amount = if position == 6 {
            left
        } else {
            left * (10 + rng.below(21)) as i64 / 100
        };
        left -= amount;
        if amount > 0 {
            spending.push(SpendingDoc {
                focus_area: position,
                amount: Money::from_ore(amount),
                note: format!("Insats {position} under {year}"),
            });
        }
    }
    let reported = kind != 99;
    Ok(ParticipantDoc {
        contact: String::new(),
        recipient: name,
        allocated: Some(allocated),
        spending,
        report: reported
            .then(|| -> Result<RecipientReport> {
                Ok(RecipientReport {
                    reported_on: date(year + 1, 2, 1 + rng.below(27) as u32)?,
                    reason_unused: if share < 1_000 {
                        "Tiden räckte inte till".into()
                    } else {
                        String::new()
                    },
                    evaluation: String::new(),
                })
            })
            .transpose()?,
    })
}

fn document(args: &Args) -> Result<Document> {
    let mut rng = Rng(args.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let names: Vec<String> = (0..args.recipients)
        .map(|i| format!("Mottagare {i:05}"))
        .collect();
    let mut grants = Vec::new();
    for g in 0..args.grants {
        let year = 2010 + (g % 17) as i32;
        let recipients = names
            .iter()
            .map(|n| participant(&mut rng, n.clone(), year))
            .collect::<Result<Vec<_>>>()?;
        let handed_on: Money = recipients.iter().filter_map(|p| p.allocated).sum();
        grants.push(GrantDoc {
            title: format!("Utvecklingsmedel {:03}", g / 17 + 1),
            giver: "Socialstyrelsen".into(),
            year,
            use_from: date(year, 1, 1)?,
            use_until: date(year, 12, 31)?,
            report_due: date(year + 1, 3, 31)?,
            state: if year < 2025 {
                GrantState::Reported
            } else {
                GrantState::Open
            },
            giver_reference: String::new(),
            own_reference: String::new(),
            repayments: Vec::new(),
            reallocations: Vec::new(),
            focus_areas: DEFAULT_FOCUS_AREAS
                .iter()
                .enumerate()
                .map(|(i, (sv, en))| FocusAreaDoc {
                    position: i as i64 + 1,
                    name_sv: (*sv).into(),
                    name_en: (*en).into(),
                })
                .collect(),
            receipts: vec![ReceiptDoc {
                date: date(year, 3, 1)?,
                amount: handed_on + Money::from_kronor(rng.below(50_000) as i64),
                kind: ReceiptKind::Requisition,
                note: String::new(),
            }],
            recipients,
        });
    }
    let recipients = names
        .into_iter()
        .map(|name| RecipientDoc {
            name,
            formal_name: String::new(),
            kind: RecipientKind::District,
            retired: false,
        })
        .collect();
    Ok(Document {
        recipients,
        grants,
        ..Document::empty()
    })
}

fn main() -> Result<()> {
    let args = Args::parse();
    if args.db.exists() {
        bail!("{} exists; give a new path", args.db.display());
    }
    let started = Instant::now();
    let doc = document(&args)?;
    let cells: usize = doc
        .grants
        .iter()
        .flat_map(|g| &g.recipients)
        .map(|p| p.spending.len())
        .sum();
    println!(
        "generated {} grants, {} recipients, {cells} spending rows",
        args.grants, args.recipients
    );
    let mut store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    store.set_who("generator");
    store
        .import(
            "generate",
            false,
            |current, _| plan_document(&doc, current, false),
            &mut |_, _| {},
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    println!(
        "wrote {} in {:.1} s",
        args.db.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
