//! The document as JSON: written pretty, and read back checked.
//!
//! Reading is pure: bytes in, a validated document or the list of
//! problems out, each naming where it is. Nothing here knows the
//! database; `plan_document` compares with a dataset the store has read.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::document::{Document, FORMAT, GrantDoc, VERSION};
use super::problems::{Location, Problem, ProblemKind as P, Problems};
use crate::domain::grant_draft::GrantDraft;
use crate::domain::money::Money;

/// The document as pretty JSON ending in a newline.
pub fn to_json(doc: &Document) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(doc)?;
    s.push('\n');
    Ok(s)
}

/// Just the fields that say what the document is, read before the rest
/// so that a newer version is refused with a clear message.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

fn json_problem(e: &serde_json::Error) -> Problem {
    // serde_json ends its message with " at line L column C"; the
    // location is shown in front instead.
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    Problem::new(
        Location::Json {
            line: e.line(),
            column: e.column(),
        },
        P::Json(message),
    )
}

/// The document, or where it went wrong: a value refused (an amount out
/// of the format) is named by its path in the document as well as its
/// line and column.
fn read_document(body: &[u8]) -> Result<Document, Problems> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let doc: Document = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let mut problem = json_problem(&inner);
        if inner.is_data()
            && path != "."
            && let P::Json(message) = &mut problem.kind
        {
            *message = format!("{path}: {message}");
        }
        Problems::one(problem)
    })?;
    de.end().map_err(|e| Problems::one(json_problem(&e)))?;
    Ok(doc)
}

pub fn read_json(body: &[u8]) -> Result<Document, Problems> {
    let header: Header =
        serde_json::from_slice(body).map_err(|e| Problems::one(json_problem(&e)))?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(Problems::one(Problem::new(
            Location::Path("format".into()),
            P::NotMedel,
        )));
    }
    match header.version {
        Some(v) if v > VERSION => {
            return Err(Problems::one(Problem::new(
                Location::Path("version".into()),
                P::NewerVersion(v),
            )));
        }
        Some(_) => {}
        None => {
            return Err(Problems::one(Problem::new(
                Location::Path("version".into()),
                P::NoVersion,
            )));
        }
    }
    let mut doc: Document = read_document(body)?;
    normalize(&mut doc);
    validate(&doc).or_ok(doc)
}

/// Trims text the way the store does when saving, so that comparing the
/// file with the database does not see changes that are only blanks.
fn normalize(doc: &mut Document) {
    let trim = |s: &mut String| {
        if s.trim().len() != s.len() {
            *s = s.trim().to_string();
        }
    };
    for r in &mut doc.recipients {
        trim(&mut r.name);
        trim(&mut r.formal_name);
    }
    for g in &mut doc.grants {
        trim(&mut g.title);
        trim(&mut g.giver);
        trim(&mut g.giver_reference);
        trim(&mut g.own_reference);
        for r in &mut g.receipts {
            trim(&mut r.note);
        }
        for r in &mut g.repayments {
            trim(&mut r.reference);
            trim(&mut r.note);
        }
        for r in &mut g.reallocations {
            trim(&mut r.from);
            trim(&mut r.to);
            trim(&mut r.decision);
            trim(&mut r.note);
        }
        for p in &mut g.recipients {
            trim(&mut p.recipient);
            for s in &mut p.spending {
                trim(&mut s.note);
            }
            if let Some(r) = &mut p.report {
                trim(&mut r.reason_unused);
                trim(&mut r.evaluation);
            }
        }
    }
}

fn at(path: String) -> Location {
    Location::Path(path)
}

/// Checks what the database would refuse, and what would make the
/// document mean two things, before anything is compared or written.
fn validate(doc: &Document) -> Problems {
    let mut problems = Problems::default();
    let mut names: HashMap<&str, usize> = HashMap::new();
    for (i, r) in doc.recipients.iter().enumerate() {
        let path = format!("recipients[{i}]");
        if r.name.is_empty() {
            problems.push(Problem::new(at(path), P::EmptyName));
        } else if let Some(first) = names.insert(&r.name, i) {
            problems.push(Problem::new(
                at(format!("{path} ('{}')", r.name)),
                P::RecipientTwice { first },
            ));
        }
    }
    let mut keys = HashMap::new();
    for (gi, g) in doc.grants.iter().enumerate() {
        let path = format!("grants[{gi}] ('{}' {})", g.title, g.year);
        if let Some(first) = keys.insert((g.title.as_str(), g.year), gi) {
            problems.push(Problem::new(at(path.clone()), P::GrantTwice { first }));
        }
        let draft = GrantDraft {
            title: g.title.clone(),
            giver: g.giver.clone(),
            year: g.year,
            use_from: g.use_from,
            use_until: g.use_until,
            report_due: g.report_due,
            giver_reference: g.giver_reference.clone(),
            own_reference: g.own_reference.clone(),
        };
        if let Err(reason) = draft.check() {
            problems.push(Problem::new(at(path.clone()), P::Grant(reason)));
        }
        let mut positions = HashSet::new();
        for (fi, f) in g.focus_areas.iter().enumerate() {
            let fpath = format!("{path}.focus_areas[{fi}]");
            if !positions.insert(f.position) {
                problems.push(Problem::new(at(fpath), P::PositionTwice(f.position)));
            } else if f.position < 1 || f.position > g.focus_areas.len() as i64 {
                problems.push(Problem::new(
                    at(fpath),
                    P::PositionOutside {
                        position: f.position,
                        count: g.focus_areas.len(),
                    },
                ));
            } else if f.name_sv.trim().is_empty() && f.name_en.trim().is_empty() {
                problems.push(Problem::new(at(fpath), P::UnnamedFocusArea));
            }
        }
        for (ri, r) in g.receipts.iter().enumerate() {
            if r.amount.is_zero() {
                problems.push(Problem::new(
                    at(format!("{path}.receipts[{ri}]")),
                    P::ZeroReceipt,
                ));
            }
        }
        validate_participants(g, &path, &names, &positions, &mut problems);
        validate_records(g, &path, &names, &mut problems);
    }
    problems
}

fn validate_records(
    g: &GrantDoc,
    path: &str,
    names: &HashMap<&str, usize>,
    problems: &mut Problems,
) {
    for (ri, r) in g.repayments.iter().enumerate() {
        if r.amount <= Money::ZERO {
            let rpath = format!("{path}.repayments[{ri}]");
            problems.push(Problem::new(at(rpath), P::NotPositiveRecord));
        }
    }
    for (ri, r) in g.reallocations.iter().enumerate() {
        let rpath = format!("{path}.reallocations[{ri}]");
        for name in [&r.from, &r.to] {
            if !names.contains_key(name.as_str()) {
                let npath = format!("{rpath} ('{name}')");
                problems.push(Problem::new(at(npath), P::UnlistedRecipient));
            }
        }
        if r.amount <= Money::ZERO {
            problems.push(Problem::new(at(rpath.clone()), P::NotPositiveRecord));
        }
        if r.from == r.to {
            problems.push(Problem::new(at(rpath), P::MoveToItself));
        }
    }
}

fn validate_participants(
    g: &GrantDoc,
    path: &str,
    names: &HashMap<&str, usize>,
    positions: &HashSet<i64>,
    problems: &mut Problems,
) {
    let mut seen = HashMap::new();
    for (pi, p) in g.recipients.iter().enumerate() {
        let ppath = format!("{path}.recipients[{pi}] ('{}')", p.recipient);
        if !names.contains_key(p.recipient.as_str()) {
            problems.push(Problem::new(at(ppath.clone()), P::UnlistedRecipient));
        }
        if let Some(first) = seen.insert(p.recipient.as_str(), pi) {
            problems.push(Problem::new(
                at(ppath.clone()),
                P::ParticipantTwice { first },
            ));
        }
        if p.allocated.is_some_and(|m| m.is_negative()) {
            problems.push(Problem::new(
                at(format!("{ppath}.allocated")),
                P::NegativeAllocation,
            ));
        }
        let mut areas = HashSet::new();
        for (si, s) in p.spending.iter().enumerate() {
            let spath = format!("{ppath}.spending[{si}]");
            if !positions.contains(&s.focus_area) {
                problems.push(Problem::new(at(spath), P::NoSuchFocusArea(s.focus_area)));
            } else if !areas.insert(s.focus_area) {
                problems.push(Problem::new(at(spath), P::FocusAreaTwice(s.focus_area)));
            } else if s.amount.is_negative() {
                problems.push(Problem::new(at(spath), P::NegativeSpending));
            }
        }
    }
}
