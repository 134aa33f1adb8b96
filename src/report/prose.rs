//! Text typed by people made fit for the report's sentences, in any
//! language: white space cleaned, sentences capitalised and ended.

/// A no-break space: it keeps a number with its unit when text is wrapped.
/// The renderers turn it into a plain space on output.
pub const NBSP: char = '\u{a0}';

/// Text typed by people, made fit for one line of a sentence: runs of
/// white space (newlines included) become one space, ends are trimmed.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans typed text and ends it as a sentence, unless it already ends
/// with a stop of its own ("Klart!" stays, "Klart" becomes "Klart.").
pub fn sentence(s: &str) -> String {
    let mut out = capitalise(&clean(s));
    if !out.is_empty() && !out.ends_with(['.', '!', '?', '…']) {
        out.push('.');
    }
    out
}

/// Prose typed on several lines, each line a paragraph made a sentence;
/// the paragraphs are joined by "\n", which the writers keep as
/// paragraphs of one list item. Blank lines are dropped.
pub fn paragraphs(s: &str) -> String {
    s.lines()
        .map(sentence)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Starts a sentence with a capital letter, whatever the data began with.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_typed_text() {
        assert_eq!(clean("  Utbildning\n i MI.  "), "Utbildning i MI.");
        assert_eq!(sentence("utbildning i MI"), "Utbildning i MI.");
        assert_eq!(sentence("Klart!"), "Klart!");
        assert_eq!(sentence("  "), "");
        assert_eq!(capitalise("älvsjö"), "Älvsjö");
        assert_eq!(capitalise(""), "");
        assert_eq!(paragraphs("rad ett\n\n rad två "), "Rad ett.\nRad två.");
        assert_eq!(paragraphs(" \n "), "");
    }
}
