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
