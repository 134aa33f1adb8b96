//! A `--grant` that names no grant, or several, in words with the
//! candidates ("id title (year)").

use std::path::Path;

use crate::domain::Lang;

pub fn unknown(asked: &str, path: &Path, candidates: &[String], lang: Lang) -> String {
    let (p, list) = (path.display(), candidates.join("; "));
    if asked.trim().parse::<i64>().is_ok() {
        lang.pick(
            format!("det finns inget bidrag med id eller år {asked} i {p}; där finns: {list}"),
            format!("there is no grant with id or year {asked} in {p}; it holds: {list}"),
        )
    } else {
        lang.pick(
            format!("inget bidrag i {p} har ”{asked}” i titeln; där finns: {list}"),
            format!("no grant in {p} has '{asked}' in its title; it holds: {list}"),
        )
    }
}

pub fn ambiguous(asked: &str, candidates: &[String], lang: Lang) -> String {
    let list = candidates.join("; ");
    lang.pick(
        format!("”{asked}” passar flera bidrag; välj ett med dess id: {list}"),
        format!("'{asked}' matches more than one grant; name one by its id: {list}"),
    )
}
