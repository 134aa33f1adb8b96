//! Every combination the report must word truthfully, in both languages:
//! a snapshot of the whole text for each case, and the sentences that
//! would be untrue in it checked absent. The cases start from the 2017
//! source case and change one thing each.

mod support;

use medel::domain::Lang;
use medel::domain::model::{RecipientReport, Spending};
use medel::domain::money::Money;
use medel::domain::money_back::{NamedMove, Repayment, RepaymentKind};
use medel::i18n::report::words;
use medel::report::{ReportData, ReportFormat, render};
use support::case::{case_2017, index_of, with_contacts};
use support::kr;

fn reported(data: &ReportData) -> RecipientReport {
    RecipientReport {
        reported_on: data.today,
        reason_unused: String::new(),
        evaluation: String::new(),
    }
}

fn no_receipts() -> ReportData {
    let mut d = case_2017();
    d.receipts.clear();
    d
}

fn no_recipients() -> ReportData {
    let mut d = case_2017();
    d.recipients.clear();
    d
}

fn no_receipts_no_recipients() -> ReportData {
    let mut d = no_recipients();
    d.receipts.clear();
    d
}

/// Every recipient reported and used nothing.
fn all_unused() -> ReportData {
    let mut d = case_2017();
    let rep = reported(&d);
    for r in &mut d.recipients {
        r.spending.clear();
        r.report.get_or_insert_with(|| rep.clone());
    }
    d
}

/// Farsta spent 20 000 kronor more than it was given.
fn overspending() -> ReportData {
    let mut d = case_2017();
    let farsta = index_of(&d, "Farsta");
    let area = d.focus_areas[0].id;
    d.recipients[farsta].spending.push(Spending {
        focus_area_id: area,
        amount: kr(20_000),
        note: "Extra handledning".into(),
    });
    d
}

/// 100 000 kronor more handed on than came in.
fn over_allocation() -> ReportData {
    let mut d = case_2017();
    let farsta = index_of(&d, "Farsta");
    d.recipients[farsta].allocated += kr(100_000);
    d.receipts.truncate(1);
    d
}

fn nothing_reported() -> ReportData {
    let mut d = case_2017();
    for r in &mut d.recipients {
        r.spending.clear();
        r.report = None;
    }
    d
}

/// The first half has reported, the rest not yet.
fn partly_reported() -> ReportData {
    let mut d = case_2017();
    let half = d.recipients.len() / 2;
    for r in &mut d.recipients[half..] {
        r.spending.clear();
        r.report = None;
    }
    d
}

fn one_recipient() -> ReportData {
    let mut d = case_2017();
    d.recipients.truncate(1);
    d
}

/// Every recipient used all of its allocation and all was allocated.
fn all_used() -> ReportData {
    let mut d = case_2017();
    let area = d.focus_areas[0].id;
    let rep = reported(&d);
    let mut total = kr(0);
    for r in &mut d.recipients {
        r.spending = vec![Spending {
            focus_area_id: area,
            amount: r.allocated,
            note: String::new(),
        }];
        r.report.get_or_insert_with(|| rep.clone());
        total += r.allocated;
    }
    d.receipts.truncate(1);
    d.receipts[0].amount = total;
    d
}

/// 30 000 kronor moved from Bromma to Farsta on a decision, and used
/// there: the allocations are the ones after the move.
fn reallocation() -> ReportData {
    let mut d = case_2017();
    let (bromma, farsta) = (index_of(&d, "Bromma"), index_of(&d, "Farsta"));
    d.recipients[bromma].allocated = d.recipients[bromma].allocated - kr(30_000);
    d.recipients[farsta].allocated += kr(30_000);
    let area = d.focus_areas[3].id;
    d.recipients[farsta].spending.push(Spending {
        focus_area_id: area,
        amount: kr(30_000),
        note: "Fler platser i gruppverksamheten".into(),
    });
    d.money_back.moves.push(NamedMove {
        date: "2017-09-01".parse().expect("date"),
        from: "Bromma".into(),
        to: "Farsta".into(),
        amount: kr(30_000),
        decision: "SDN 2017/114".into(),
    });
    d
}

/// The 2017 case with `amount` paid back to Socialstyrelsen.
fn repaid_with(amount: Money) -> ReportData {
    let mut d = case_2017();
    d.money_back.repayments.push(Repayment {
        id: 1,
        grant_id: d.grant.id,
        date: "2018-02-20".parse().expect("date"),
        amount,
        kind: RepaymentKind::Repayment,
        reference: "OCR 4471".into(),
        note: String::new(),
    });
    d
}

/// All of the 577 468 kronor paid back.
fn repaid() -> ReportData {
    repaid_with(kr(577_468))
}

fn partly_repaid() -> ReportData {
    repaid_with(kr(500_000))
}

/// 22 532 kronor more paid back than was owed.
fn overpaid() -> ReportData {
    repaid_with(kr(600_000))
}

type Case = (&'static str, fn() -> ReportData);

const CASES: [Case; 15] = [
    ("no_receipts", no_receipts),
    ("no_recipients", no_recipients),
    ("no_receipts_no_recipients", no_receipts_no_recipients),
    ("all_unused", all_unused),
    ("overspending", overspending),
    ("over_allocation", over_allocation),
    ("nothing_reported", nothing_reported),
    ("partly_reported", partly_reported),
    ("one_recipient", one_recipient),
    ("all_used", all_used),
    ("reallocation", reallocation),
    ("repaid", repaid),
    ("partly_repaid", partly_repaid),
    ("overpaid", overpaid),
    ("contacts", with_contacts),
];

#[test]
fn snapshots_of_every_case() {
    for (name, case) in CASES {
        for (lang, code) in [(Lang::Sv, "sv"), (Lang::En, "en")] {
            let text = render(&case(), words(lang), ReportFormat::Text);
            insta::assert_snapshot!(format!("{name}_{code}"), text);
        }
    }
}

fn md(case: fn() -> ReportData, lang: Lang) -> String {
    // Sentences are compared with plain spaces.
    render(&case(), words(lang), ReportFormat::Markdown)
}

#[track_caller]
fn says(text: &str, phrase: &str) {
    assert!(text.contains(phrase), "missing {phrase:?} in:\n{text}");
}

#[track_caller]
fn never(text: &str, phrase: &str) {
    assert!(!text.contains(phrase), "untrue {phrase:?} in:\n{text}");
}

#[test]
fn no_recipients_is_not_all_used() {
    let sv = md(no_recipients, Lang::Sv);
    never(&sv, "Alla mottagare har använt");
    says(
        &sv,
        "Inga medel har fördelats till någon mottagare, så hela det mottagna beloppet, 2 945 873 kronor, är oanvänt.",
    );
    says(
        &sv,
        "Det som inte har använts, 2 945 873 kronor, ska betalas tillbaka till Socialstyrelsen.",
    );
    let en = md(no_recipients, Lang::En);
    never(&en, "Every recipient used");
    says(&en, "so all that was received, SEK 2,945,873, is unused.");
}

#[test]
fn nothing_received_names_nothing_to_pay_back() {
    let sv = md(no_receipts_no_recipients, Lang::Sv);
    says(
        &sv,
        "Eftersom inga medel har tagits emot finns inget att betala tillbaka.",
    );
    never(&sv, "Allt som har tagits emot har använts");
    let sv = md(no_receipts, Lang::Sv);
    // Nothing came in, so the allocation is not "of this".
    never(&sv, "Av detta");
    says(&sv, "Till 15 mottagare har 2 922 920 kronor fördelats.");
    says(
        &sv,
        "Eftersom inga medel har tagits emot finns inget att betala tillbaka.",
    );
}

#[test]
fn overspending_is_not_called_unused() {
    let sv = md(overspending, Lang::Sv);
    never(&sv, "Det som inte har använts,");
    says(
        &sv,
        "Av de 2 945 873 kronor som har tagits emot räknas 2 368 405 kronor som använt inom tilldelningarna; resterande 577 468 kronor ska betalas tillbaka till Socialstyrelsen.",
    );
    says(&sv, "Av det ligger 20 000 kronor utöver tilldelningarna");
    let en = md(overspending, Lang::En);
    never(&en, "What was not used,");
    says(
        &en,
        "the remaining SEK 577,468 is to be paid back to Socialstyrelsen.",
    );
}

#[test]
fn over_allocation_is_named() {
    let sv = md(over_allocation, Lang::Sv);
    says(
        &sv,
        "Till 15 mottagare har 3 022 920 kronor fördelats. Det är 100 000 kronor mer än vad som har tagits emot.",
    );
    never(&sv, "Det som inte har använts,");
    never(&sv, "Av detta");
}

#[test]
fn nothing_reported_says_so() {
    let sv = md(nothing_reported, Lang::Sv);
    says(
        &sv,
        "Ingen mottagare har ännu redovisat hur medlen har använts.",
    );
    never(&sv, "Mottagarna har använt 0 kronor");
    never(&sv, "Alla mottagare har använt");
    let en = md(nothing_reported, Lang::En);
    says(&en, "No recipient has reported how the money was used yet.");
}

#[test]
fn one_recipient_is_singular() {
    let sv = md(one_recipient, Lang::Sv);
    says(&sv, "fördelats till en mottagare.");
    says(&sv, "Mottagaren har inte använt något.");
    never(&sv, "Mottagarna");
    let en = md(one_recipient, Lang::En);
    says(&en, "was allocated to one recipient.");
    says(&en, "The recipient has used nothing.");
}

#[test]
fn unallocated_money_is_named_for_what_it_is() {
    let sv = md(all_unused, Lang::Sv);
    says(
        &sv,
        "De 22 953 kronor som aldrig fördelades till någon mottagare har inte använts.",
    );
    let sv = md(all_used, Lang::Sv);
    says(&sv, "Alla mottagare har använt hela sin tilldelning.");
    says(
        &sv,
        "Allt som har tagits emot har använts, så inget ska betalas tillbaka.",
    );
    never(&sv, "aldrig fördelades");
}

#[test]
fn a_reallocation_is_told_with_its_decision() {
    let sv = md(reallocation, Lang::Sv);
    says(&sv, "## Omfördelningar mellan mottagare");
    says(
        &sv,
        "Från en mottagare till en annan har 30 000 kronor flyttats:",
    );
    says(
        &sv,
        "| 2017-09-01 | Bromma | Farsta | 30 000 kronor | SDN 2017/114 |",
    );
    says(
        &sv,
        "Tilldelningarna i redovisningen är de som gäller efter omfördelningen.",
    );
    // Bromma is spoken of with what it has after the move.
    says(&sv, "(150 000 respektive 160 000 kronor)");
    says(
        &sv,
        "Till Socialstyrelsen ska 547 468 kronor betalas tillbaka.",
    );
    let en = md(reallocation, Lang::En);
    says(&en, "SEK 30,000 was moved from one recipient to another:");
    says(
        &en,
        "The allocations in this report are those after the move.",
    );
    // Two moves are counted and summed.
    let mut two = reallocation();
    let mut second = two.money_back.moves[0].clone();
    second.from = "Kungsholmen".into();
    second.amount = kr(20_000);
    two.money_back.moves.push(second);
    let sv = render(&two, words(Lang::Sv), ReportFormat::Markdown);
    says(
        &sv,
        "Vid två tillfällen har sammanlagt 50 000 kronor flyttats mellan mottagare:",
    );
    says(&sv, "efter omfördelningarna.");
    let en = render(&two, words(Lang::En), ReportFormat::Markdown);
    says(
        &en,
        "SEK 50,000 in all was moved between recipients in two moves:",
    );
    says(&en, "those after the moves.");
}

#[test]
fn money_paid_back_is_not_still_to_be_paid() {
    let sv = md(repaid, Lang::Sv);
    never(&sv, "ska betalas tillbaka till Socialstyrelsen.");
    says(
        &sv,
        "Det som inte användes, 577 468 kronor, skulle betalas tillbaka till Socialstyrelsen.",
    );
    says(&sv, "Hela beloppet har betalats.");
    says(
        &sv,
        "De 577 468 kronor som skulle betalas tillbaka till Socialstyrelsen har betalats i sin helhet.",
    );
    says(
        &sv,
        "och noterar att de 577 468 kronor som skulle betalas tillbaka till Socialstyrelsen har betalats.",
    );
    let en = md(repaid, Lang::En);
    never(&en, "SEK 577,468 is to be paid back");
    says(&en, "It has been paid in full.");
}

#[test]
fn a_part_paid_back_leaves_the_rest_outstanding() {
    let sv = md(partly_repaid, Lang::Sv);
    says(
        &sv,
        "Av de 577 468 kronor som ska betalas tillbaka till Socialstyrelsen har 500 000 kronor betalats; 77 468 kronor återstår.",
    );
    says(
        &sv,
        "Av det har 500 000 kronor betalats, och 77 468 kronor återstår.",
    );
    says(&sv, "varav 500 000 kronor redan har betalats.");
    let en = md(partly_repaid, Lang::En);
    says(
        &en,
        "SEK 500,000 has been paid and SEK 77,468 is still outstanding.",
    );
    never(&en, "nothing is outstanding");
}

#[test]
fn more_paid_back_than_owed_says_how_much_more() {
    let sv = md(overpaid, Lang::Sv);
    never(&sv, "återstår");
    says(
        &sv,
        "Till Socialstyrelsen har 600 000 kronor betalats tillbaka, 22 532 kronor mer än de 577 468 kronor som skulle betalas tillbaka.",
    );
    says(
        &sv,
        "Det har betalats 600 000 kronor, alltså 22 532 kronor mer än beloppet.",
    );
    let en = md(overpaid, Lang::En);
    says(
        &en,
        "SEK 22,532 more than the SEK 577,468 that was to be paid back",
    );
    // Paid back when nothing was owed.
    let mut data = all_used();
    data.money_back = repaid().money_back;
    let sv = render(&data, words(Lang::Sv), ReportFormat::Markdown);
    says(
        &sv,
        "Inget skulle betalas tillbaka, men 577 468 kronor har ändå betalats till Socialstyrelsen.",
    );
    says(
        &sv,
        "Trots det har 577 468 kronor betalats till Socialstyrelsen.",
    );
    says(&sv, "fast inget skulle betalas tillbaka.");
}

/// A contact person is named with the words its recipient gave, in
/// Markdown and text, and nothing is said of contacts not known.
#[test]
fn a_contact_person_is_named_with_the_recipients_own_words() {
    // Words compared across the text format's wrapped lines.
    let read = |lang, format| {
        let text = render(&with_contacts(), words(lang), format).replace('\u{a0}', " ");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for format in [ReportFormat::Markdown, ReportFormat::Text] {
        let sv = read(Lang::Sv, format);
        says(
            &sv,
            "Bromma: Inget utrymme för fler utbildningar utöver dem som redan gjorts. (Kontaktperson: Anna Berg)",
        );
        says(
            &sv,
            "Spånga-Tensta: Följs upp internt i verksamhetsberättelsen. (Kontaktperson: Per Ek)",
        );
        assert_eq!(sv.matches("Kontaktperson").count(), 2, "{sv}");
        says(&read(Lang::En, format), "(Contact person: Anna Berg)");
        never(
            &render(&case_2017(), words(Lang::Sv), format),
            "Kontaktperson",
        );
    }
}

/// A reason for non-use from a recipient that used everything explains
/// nothing, so no section of reasons is written for it.
#[test]
fn a_reason_from_one_that_used_everything_is_not_a_reason_for_non_use() {
    let mut data = all_used();
    let at = support::case::index_of(&data, "Farsta");
    if let Some(rep) = data.recipients[at].report.as_mut() {
        rep.reason_unused = "Vi hann inte allt".into();
    }
    let sv = render(&data, words(Lang::Sv), ReportFormat::Markdown);
    never(&sv, "Vi hann inte allt");
    never(&sv, "Skäl till att medel inte har använts");
    let en = render(&data, words(Lang::En), ReportFormat::Markdown);
    never(&en, "Vi hann inte allt");
}
