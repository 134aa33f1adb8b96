//! For random grants, with moves between recipients and money paid back,
//! every amount the report states is a figure the status computes: the
//! table row by row and its totals exactly, every amount in the running
//! text one of the status's own figures, and each section (summary,
//! background, the case, repayment, decision) naming the ones it must.

mod support;

use std::sync::LazyLock;

use medel::domain::Lang;
use medel::domain::model::{RecipientReport, Spending};
use medel::domain::money::Money;
use medel::domain::money_back::{NamedMove, Repayment, RepaymentKind};
use medel::i18n::report::words;
use medel::report::{ReportData, ReportFormat, render, status};
use proptest::prelude::*;
use support::case::case_2017;

static CASE: LazyLock<ReportData> = LazyLock::new(case_2017);

/// Per recipient: allocation, spending per area (kronor), reported.
type Shape = Vec<(i64, Vec<i64>, bool)>;

/// Moves as (from, to, öre): indices into the recipients, taken modulo
/// their number; a move to oneself is dropped.
type Moves = Vec<(usize, usize, i64)>;

fn grant(receipts: &[i64], shape: &Shape, moves: &Moves, repaid: &[i64]) -> ReportData {
    let mut d = CASE.clone();
    let template = d.receipts[0].clone();
    d.receipts = receipts
        .iter()
        .enumerate()
        .map(|(i, kr)| {
            let mut r = template.clone();
            r.id += i as i64;
            r.amount = Money::from_ore(*kr);
            r
        })
        .collect();
    d.recipients.truncate(shape.len());
    let areas: Vec<i64> = d.focus_areas.iter().map(|a| a.id).collect();
    let today = d.today;
    for (r, (alloc, spent, reported)) in d.recipients.iter_mut().zip(shape) {
        r.allocated = Money::from_ore(*alloc);
        r.spending = spent
            .iter()
            .zip(&areas)
            .map(|(ore, area)| Spending {
                focus_area_id: *area,
                amount: Money::from_ore(*ore),
                note: String::new(),
            })
            .collect();
        r.report = reported.then(|| RecipientReport {
            reported_on: today,
            reason_unused: String::new(),
            evaluation: String::new(),
        });
    }
    let names: Vec<String> = d
        .recipients
        .iter()
        .map(|r| r.recipient.name.clone())
        .collect();
    let n = names.len();
    d.money_back.moves = moves
        .iter()
        .filter(|(from, to, _)| n > 1 && from % n != to % n)
        .map(|(from, to, ore)| NamedMove {
            date: today,
            from: names[from % n].clone(),
            to: names[to % n].clone(),
            amount: Money::from_ore(*ore),
            decision: String::new(),
        })
        .collect();
    d.money_back.repayments = repaid
        .iter()
        .enumerate()
        .map(|(i, ore)| Repayment {
            id: i as i64 + 1,
            grant_id: d.grant.id,
            date: today,
            amount: Money::from_ore(*ore),
            kind: RepaymentKind::Repayment,
            reference: String::new(),
            note: String::new(),
        })
        .collect();
    d
}

/// The text under `heading` up to the next section.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let rest = md.split(heading).nth(1).unwrap_or("");
    rest.split("\n## ").next().unwrap_or("")
}

fn shape() -> impl Strategy<Value = Shape> {
    // Öre too, so rounding would show.
    let recipient = (
        0i64..30_000_000,
        prop::collection::vec(0i64..15_000_000, 0..4),
        any::<bool>(),
    );
    prop::collection::vec(recipient, 0..8)
}

/// The amounts in a table row, Swedish style ("1 234,50").
fn cells(line: &str) -> Vec<String> {
    line.trim_matches('|')
        .split('|')
        .map(|c| c.trim().trim_matches('*').to_string())
        .collect()
}

fn amount(s: &str) -> Money {
    Money::parse_for(s, Lang::Sv).unwrap_or_else(|e| panic!("{s:?}: {e:?}"))
}

/// Every "N kronor" in the text: the number before each unit.
fn stated_amounts(text: &str) -> Vec<Money> {
    // The writers turn the no-break space into a plain one.
    let unit = " kronor";
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(unit) {
        let before = &rest[..at];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == ' ' || *c == ',')
            .last()
            .map_or(at, |(i, _)| i);
        let figure = before[start..].trim().trim_start_matches(',').trim();
        // "180 000 respektive 160 000 kronor": the last figure has the unit.
        let last = figure.rsplit("respektive").next().unwrap_or(figure).trim();
        if !last.is_empty() {
            out.push(amount(last));
        }
        rest = &rest[at + unit.len()..];
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_amount_is_the_status_figure(
        receipts in prop::collection::vec(0i64..200_000_000, 0..3),
        shape in shape(),
        moves in prop::collection::vec((0usize..8, 0usize..8, 1i64..5_000_000), 0..3),
        repaid in prop::collection::vec(1i64..100_000_000, 0..3),
    ) {
        let data = grant(&receipts, &shape, &moves, &repaid);
        let s = status(&data);
        let md = render(&data, words(Lang::Sv), ReportFormat::Markdown);

        // The table: each recipient's line and the totals, exactly.
        let figures = section(&md, "## Mottagare i siffror");
        let rows: Vec<Vec<String>> = figures
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Mottagare") && !l.starts_with("| -"))
            .map(cells)
            .collect();
        if !s.recipients.is_empty() {
            prop_assert_eq!(rows.len(), s.recipients.len() + 1);
            for (row, line) in rows.iter().zip(&s.recipients) {
                prop_assert_eq!(&row[0], &line.name);
                prop_assert_eq!(amount(&row[1]), line.allocated);
                prop_assert_eq!(amount(&row[2]), line.used);
                prop_assert_eq!(amount(&row[3]), line.unused);
                prop_assert_eq!(amount(&row[4]), line.overspent);
            }
            let total = &rows[s.recipients.len()];
            prop_assert_eq!(amount(&total[1]), s.allocated);
            prop_assert_eq!(amount(&total[2]), s.used);
            prop_assert_eq!(amount(&total[3]), s.unused);
            prop_assert_eq!(amount(&total[4]), s.overspent);
        }

        // The running text: every amount is one the status has.
        let mut known = vec![
            s.received, s.allocated, s.unallocated.max(Money::ZERO),
            -s.unallocated.min(Money::ZERO), s.used, s.credited, s.unused,
            s.overspent, s.to_return, s.repaid, s.outstanding, s.overpaid,
        ];
        let moved = data.money_back.moves.iter().map(|m| m.amount);
        known.extend(moved.clone());
        known.push(moved.sum());
        known.extend(data.money_back.repayments.iter().map(|r| r.amount));
        for r in &s.recipients {
            known.extend([r.allocated, r.used, r.unused, r.overspent]);
        }
        for r in &data.receipts {
            known.push(r.amount);
        }
        // Per area totals and entries.
        for r in &data.recipients {
            known.extend(r.spending.iter().map(|sp| sp.amount));
        }
        for area in &data.focus_areas {
            known.push(data.recipients.iter().flat_map(|r| &r.spending)
                .filter(|sp| sp.focus_area_id == area.id).map(|sp| sp.amount).sum());
        }
        let stated = stated_amounts(&md);
        // The text names what came in, so the scan cannot come up empty.
        prop_assert!(s.received.is_zero() || stated.contains(&s.received));
        for m in stated {
            prop_assert!(known.contains(&m), "{} is no status figure in:\n{}", m.format(Lang::Sv), md);
        }

        // The summary and the case name what came in and what goes back;
        // the background states no amount at all.
        for heading in ["## Sammanfattning", "## Ärendet"] {
            let stated = stated_amounts(section(&md, heading));
            prop_assert!(s.received.is_zero() || stated.contains(&s.received), "{}", heading);
            prop_assert!(s.to_return.is_zero() || s.received.is_zero() || stated.contains(&s.to_return), "{}", heading);
            prop_assert!(s.repaid.is_zero() || stated.contains(&s.repaid), "{}", heading);
        }
        let case = stated_amounts(section(&md, "## Ärendet"));
        prop_assert!(s.recipients.is_empty() || case.contains(&s.allocated));
        prop_assert!(stated_amounts(section(&md, "## Bakgrund")).is_empty());

        // What has been paid back, and what is left or paid too much.
        let back = stated_amounts(section(&md, "## Återbetalning"));
        prop_assert_eq!(back.is_empty(), data.money_back.repayments.is_empty());
        if !back.is_empty() {
            prop_assert!(back.contains(&s.repaid));
            prop_assert!(s.outstanding.is_zero() || back.contains(&s.outstanding));
            prop_assert!(s.overpaid.is_zero() || back.contains(&s.overpaid));
        }

        // The decision names the amount to return, and what has been paid.
        let decision = md.rsplit("## Förslag till beslut").next().unwrap_or("");
        let stated = stated_amounts(decision);
        if !s.to_return.is_zero() {
            prop_assert!(stated.contains(&s.to_return));
        }
        for m in &stated {
            prop_assert!([s.to_return, s.repaid, s.overpaid].contains(m), "{}", m.format(Lang::Sv));
        }
        prop_assert!(s.repaid.is_zero() || stated.contains(&s.repaid));
    }
}
