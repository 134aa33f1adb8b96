//! Lists of names and the Swedish genitive, written the way a careful
//! writer of each language would: "A, B och C" without a serial comma,
//! "Brommas" but "Kungsholmens"... and never "Lars:s".

use crate::domain::Lang;

/// Joins names into a phrase: "", "A", "A och B", "A, B och C"
/// (English: "A and B", "A, B and C"; no serial comma, as in the brief
/// and in Swedish usage, so both languages read alike).
pub fn join_names(names: &[&str], lang: Lang) -> String {
    join_with(names, lang.pick("och", "and"))
}

/// Joins items with ", " and puts `last` between the final two, for
/// phrases like "180 000 respektive 160 000".
pub fn join_with<S: AsRef<str>>(items: &[S], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., final_item] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {last} {}", head.join(", "), final_item.as_ref())
        }
    }
}

/// The Swedish genitive of a name, as in "Brommas stadsdelsnämnd".
///
/// - a name ending in s, x or z takes no ending ("Kungsholmens" comes from
///   "Kungsholmen" + s, while "Lars" and "Max" stay as they are);
/// - a name ending in a digit, or an abbreviation in capitals, takes ":s"
///   ("Enhet 3:s", "SDN:s"), because an s glued to it would misread;
/// - every other name takes s: "Brommas", "Älvsjös", "Rinkeby-Kistas",
///   "Hässelby-Vällingbys", "Farstas".
///
/// A name of several words gets the ending on its last word only, which is
/// Swedish group genitive ("Enheten för hemlösas"); callers that find that
/// clumsy should phrase the sentence without a genitive.
pub fn genitive(name: &str) -> String {
    let name = name.trim_end();
    let Some(last) = name.chars().last() else {
        return String::new();
    };
    if last.is_ascii_digit() || is_abbreviation(name) {
        format!("{name}:s")
    } else if matches!(last.to_lowercase().next(), Some('s' | 'x' | 'z')) {
        name.to_string()
    } else if last.is_alphabetic() {
        format!("{name}s")
    } else {
        // A closing bracket or quote: a glued s would attach to the sign.
        format!("{name}:s")
    }
}

/// The last word is two or more capitals and nothing else ("SDN", "NCK").
fn is_abbreviation(name: &str) -> bool {
    let word = name.rsplit([' ', '-']).next().unwrap_or(name);
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_swedish_lists() {
        assert_eq!(join_names(&[], Lang::Sv), "");
        assert_eq!(join_names(&["Bromma"], Lang::Sv), "Bromma");
        assert_eq!(
            join_names(&["Bromma", "Kungsholmen"], Lang::Sv),
            "Bromma och Kungsholmen"
        );
        assert_eq!(
            join_names(&["Älvsjö", "Rinkeby-Kista", "Östermalm"], Lang::Sv),
            "Älvsjö, Rinkeby-Kista och Östermalm"
        );
        assert_eq!(join_names(&["A", "B", "C", "D"], Lang::Sv), "A, B, C och D");
    }

    #[test]
    fn joins_english_lists() {
        assert_eq!(join_names(&[], Lang::En), "");
        assert_eq!(join_names(&["Bromma"], Lang::En), "Bromma");
        assert_eq!(
            join_names(&["Bromma", "Kungsholmen"], Lang::En),
            "Bromma and Kungsholmen"
        );
        assert_eq!(
            join_names(&["Älvsjö", "Rinkeby-Kista", "Östermalm"], Lang::En),
            "Älvsjö, Rinkeby-Kista and Östermalm"
        );
        assert_eq!(join_names(&["A", "B", "C", "D"], Lang::En), "A, B, C and D");
    }

    #[test]
    fn joins_with_another_word() {
        let amounts = ["180 000".to_string(), "160 000".to_string()];
        assert_eq!(
            join_with(&amounts, "respektive"),
            "180 000 respektive 160 000"
        );
        assert_eq!(join_with(&["1", "2", "3"], "or"), "1, 2 or 3");
    }

    #[test]
    fn genitive_adds_s_after_other_letters() {
        assert_eq!(genitive("Bromma"), "Brommas");
        assert_eq!(genitive("Kungsholmen"), "Kungsholmens");
        assert_eq!(genitive("Rinkeby-Kista"), "Rinkeby-Kistas");
        assert_eq!(genitive("Älvsjö"), "Älvsjös");
        assert_eq!(genitive("Hässelby-Vällingby"), "Hässelby-Vällingbys");
        assert_eq!(genitive("Enskede-Årsta-Vantör"), "Enskede-Årsta-Vantörs");
        // Ends in a, not s: the s inside the word does not count.
        assert_eq!(genitive("Farsta"), "Farstas");
        assert_eq!(genitive("Skärholmen"), "Skärholmens");
        assert_eq!(genitive("Enheten för hemlösa"), "Enheten för hemlösas");
    }

    #[test]
    fn genitive_leaves_s_x_z_alone() {
        assert_eq!(genitive("Lars"), "Lars");
        assert_eq!(genitive("Max"), "Max");
        assert_eq!(genitive("Berlioz"), "Berlioz");
        assert_eq!(genitive("Östermalms"), "Östermalms");
        assert_eq!(genitive("Bromma "), "Brommas");
    }

    #[test]
    fn genitive_uses_colon_after_digits_and_abbreviations() {
        assert_eq!(genitive("Enhet 3"), "Enhet 3:s");
        assert_eq!(genitive("SDN"), "SDN:s");
        assert_eq!(
            genitive("Relationsvåldscentrum NCK"),
            "Relationsvåldscentrum NCK:s"
        );
        assert_eq!(genitive(""), "");
    }
}
