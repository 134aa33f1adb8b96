//! The list of grants in words: its column heads and the states.

use crate::domain::Lang;
use crate::domain::model::GrantState;

/// The heads of `medel grants` and the app's grants view, in column order.
pub fn headers(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Sv => [
            "Id",
            "Bidrag",
            "År",
            "Läge",
            "Mottaget",
            "Fördelat",
            "Använt",
            "Att återbetala",
            "Återbetalt",
            "Utestående",
            "Nästa datum",
            "Varningar",
            "Fel",
        ],
        Lang::En => [
            "Id",
            "Grant",
            "Year",
            "State",
            "Received",
            "Allocated",
            "Used",
            "To return",
            "Repaid",
            "Outstanding",
            "Next deadline",
            "Warnings",
            "Errors",
        ],
    }
}

pub fn state(state: GrantState, lang: Lang) -> &'static str {
    match state {
        GrantState::Open => lang.pick("öppet", "open"),
        GrantState::Reported => lang.pick("redovisat", "reported"),
    }
}

/// What `medel grants` says when no grant is listed.
pub fn none_open(lang: Lang) -> &'static str {
    lang.pick(
        "Inga öppna bidrag (--all visar även redovisade)",
        "No open grants (--all shows reported ones too)",
    )
}

/// What "like last year's" copied, and what it left.
pub fn copied(c: &crate::store::Copied, lang: Lang) -> String {
    let kr = c.allocated.format_with_unit(lang);
    let (title, year, areas, recipients) = (&c.title, c.year, c.focus_areas, c.recipients);
    lang.pick(
        format!(
            "{title} ({year}) skapat som förra årets: givare, datum ett år senare, {areas} fokusområden, \
             {recipients} mottagare med {kr} fördelat; inbetalningar, användning och redovisningar kopierades inte"
        ),
        format!(
            "{title} ({year}) made like last year's: giver, dates one year on, {areas} focus areas, \
             {recipients} recipients with {kr} allocated; receipts, spending and reports were not copied"
        ),
    )
}

/// The app's grants view beyond the column heads: the heads of the flag
/// counts (the marks the flags carry) and the details of one grant.
pub struct DetailWords {
    /// The next deadline's head, narrower than `medel grants`' in English.
    pub deadline_head: &'static str,
    pub warnings_head: &'static str,
    pub errors_head: &'static str,
    pub references: &'static str,
    pub giver_reference: &'static str,
    pub own_reference: &'static str,
    pub allocated: &'static str,
    pub used: &'static str,
    pub to_return: &'static str,
    pub repaid: &'static str,
    pub outstanding: &'static str,
    pub standing: &'static str,
    /// A reference not yet recorded.
    pub none: &'static str,
}

const SV: DetailWords = DetailWords {
    deadline_head: "Nästa datum",
    warnings_head: "!",
    errors_head: "!!",
    references: "Diarienummer",
    giver_reference: "beslut",
    own_reference: "eget",
    allocated: "Fördelat",
    used: "använt",
    to_return: "Att återbetala",
    repaid: "återbetalt",
    outstanding: "utestående",
    standing: "Läge",
    none: "–",
};

const EN: DetailWords = DetailWords {
    deadline_head: "Deadline",
    warnings_head: "!",
    errors_head: "!!",
    references: "References",
    giver_reference: "decision",
    own_reference: "own",
    allocated: "Allocated",
    used: "used",
    to_return: "To return",
    repaid: "repaid",
    outstanding: "outstanding",
    standing: "Standing",
    none: "–",
};

pub fn details(lang: Lang) -> &'static DetailWords {
    lang.pick(&SV, &EN)
}

/// "2 varningar (!) · 1 fel (!!)": the flags counted, with their marks.
pub fn flags_counted(warnings: usize, errors: usize, lang: Lang) -> String {
    let warning = match (lang, warnings) {
        (Lang::Sv, 1) => "varning",
        (Lang::Sv, _) => "varningar",
        (Lang::En, 1) => "warning",
        (Lang::En, _) => "warnings",
    };
    let error = match (lang, errors) {
        (Lang::Sv, _) => "fel",
        (Lang::En, 1) => "error",
        (Lang::En, _) => "errors",
    };
    format!("{warnings} {warning} (!) · {errors} {error} (!!)")
}
