//! The words of a grant's focus areas in the app, and of the grant
//! form's references and start: the list, its form, the templates.

use crate::domain::Lang;
use crate::domain::model::Grant;

pub fn giver_reference(lang: Lang) -> &'static str {
    lang.pick("Givarens dnr", "Giver's ref.")
}

pub fn own_reference(lang: Lang) -> &'static str {
    lang.pick("Eget dnr", "Our reference")
}

pub fn start_from(lang: Lang) -> &'static str {
    lang.pick("Börja från", "Start from")
}

/// The template with the six areas of the VINR grant.
pub fn start_vinr(lang: Lang) -> &'static str {
    lang.pick("VINR:s sex fokusområden", "The six VINR focus areas")
}

/// A grant as a choice names it: its title, with the year when the
/// title does not say it.
fn named(g: &Grant) -> String {
    match crate::domain::model::title_says_year(&g.title, g.year) {
        true => g.title.clone(),
        false => format!("{} ({})", g.title, g.year),
    }
}

/// The start that copies a grant as "like last year's" does.
pub fn start_like(g: &Grant, lang: Lang) -> String {
    let name = named(g);
    lang.pick(format!("Som {name}"), format!("Like {name}"))
}

/// The start that takes only a grant's focus areas.
pub fn start_areas_of(g: &Grant, lang: Lang) -> String {
    let name = named(g);
    lang.pick(
        format!("Fokusområdena i {name}"),
        format!("The focus areas of {name}"),
    )
}

/// What a start copies, under the choice, so nothing comes as a surprise.
pub fn start_says(like: bool, areas: usize, key: &str, lang: Lang) -> String {
    match like {
        true => lang.pick(
            format!(
                "Kopierar {areas} fokusområden, mottagarna och deras fördelning; inte inbetalningar, användning eller redovisningar"
            ),
            format!(
                "Copies {areas} focus areas, the recipients and their allocations; not receipts, spending or reports"
            ),
        ),
        false => lang.pick(
            format!("{areas} fokusområden; ändra dem sedan med {key}"),
            format!("{areas} focus areas; change them later with {key}"),
        ),
    }
}

/// A new grant made from a template, said with how many areas it got.
pub fn created_with_areas(title: &str, areas: usize, lang: Lang) -> String {
    let created = crate::i18n::screen::words(lang).grant_created;
    lang.pick(
        format!("{created}: {title}, med {areas} fokusområden"),
        format!("{created}: {title}, with {areas} focus areas"),
    )
}

pub fn list_title(grant: &str, lang: Lang) -> String {
    lang.pick(
        format!(" Fokusområden · {grant} "),
        format!(" Focus areas · {grant} "),
    )
}

pub fn swedish_name(lang: Lang) -> &'static str {
    lang.pick("Namn på svenska", "Swedish name")
}

pub fn english_name(lang: Lang) -> &'static str {
    lang.pick("Namn på engelska", "English name")
}

pub fn new_area(lang: Lang) -> &'static str {
    lang.pick("Nytt fokusområde", "New focus area")
}

pub fn rename_area(lang: Lang) -> &'static str {
    lang.pick("Byt namn på fokusområde", "Rename focus area")
}

pub fn name_needed(lang: Lang) -> &'static str {
    lang.pick(
        "Fokusområdet behöver ett namn (rapporten skrivs på båda språken)",
        "The focus area needs a name (the report is written in both languages)",
    )
}

pub fn no_areas(lang: Lang) -> &'static str {
    lang.pick(
        "Inga fokusområden än. Tryck n för att lägga till ett.",
        "No focus areas yet. Press n to add one.",
    )
}

pub fn added(sv: &str, lang: Lang) -> String {
    lang.pick(
        format!("Fokusområdet tillagt: {sv}"),
        format!("Focus area added: {sv}"),
    )
}

pub fn renamed(name: &str, lang: Lang) -> String {
    lang.pick(
        format!("Fokusområdet heter nu {name}"),
        format!("The focus area is now called {name}"),
    )
}

pub fn removed(name: &str, lang: Lang) -> String {
    lang.pick(
        format!("Fokusområdet borttaget: {name}"),
        format!("Focus area removed: {name}"),
    )
}

pub fn remove_question(name: &str, lang: Lang) -> String {
    lang.pick(
        format!("Ta bort fokusområdet {name}? Det används inte av någon redovisning."),
        format!("Remove the focus area {name}? No spending uses it."),
    )
}

/// Why a used area cannot go, and what to do instead.
pub fn in_use(name: &str, lang: Lang) -> String {
    lang.pick(
        format!(
            "{name} kan inte tas bort: redovisad användning står på det. Flytta eller töm den först; inget ändrades."
        ),
        format!(
            "{name} cannot be removed: spending is recorded under it. Move or clear that first; nothing was changed."
        ),
    )
}

/// Headings of the help page.
pub fn context_grant_form(lang: Lang) -> &'static str {
    lang.pick("Bidragsformuläret", "The grant form")
}

pub fn context_list(lang: Lang) -> &'static str {
    lang.pick("Ett bidrags fokusområden", "A grant's focus areas")
}

/// Beside an area spending uses.
pub fn used(lang: Lang) -> &'static str {
    lang.pick("används", "in use")
}

pub fn used_means(lang: Lang) -> &'static str {
    lang.pick(
        "Ett område som används kan byta namn och plats men inte tas bort.",
        "An area in use can be renamed and moved but not removed.",
    )
}

/// The question offering back a focus-area form kept at a hang-up.
pub fn restore_draft(lang: Lang) -> &'static str {
    lang.pick(
        "Det finns ett osparat utkast från när sessionen bröts. Återställ fokusområdet",
        "An unsaved draft was kept when the session ended. Restore the focus area",
    )
}
