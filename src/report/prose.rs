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
/// with a stop of its own ("Klart!" stays, "Klart" becomes "Klart.") or
/// leads on to what follows ("Vi gjorde följande:").
pub fn sentence(s: &str) -> String {
    let mut out = capitalise(&clean(s));
    let last = out
        .trim_end_matches([')', '"', '\'', '»', '”', '’'])
        .chars()
        .last();
    if last.is_some_and(|c| !matches!(c, '.' | '!' | '?' | '…' | ':' | ';')) {
        out.push('.');
    }
    out
}

/// Prose typed on several lines, each line a paragraph made a sentence;
/// the paragraphs are joined by "\n", which the writers keep as
/// paragraphs of one list item. A line the writer made an item of a list
/// of their own ("- utbildning", "2. handledning") stays as it was typed.
/// Blank lines are dropped.
pub fn paragraphs(s: &str) -> String {
    s.lines()
        .map(|line| {
            if is_list_item(line.trim_start()) {
                clean(line)
            } else {
                sentence(line)
            }
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// "- ", "– ", "• ", "* " or a number with a stop or a parenthesis.
fn is_list_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    let marker = if digits > 0 {
        rest.strip_prefix(['.', ')'])
    } else {
        rest.strip_prefix(['-', '–', '•', '*'])
    };
    marker.is_some_and(|r| r.starts_with(char::is_whitespace))
}

/// Starts a sentence with a capital letter, whatever the data began with,
/// but leaves a first word alone that is written as it must be: one with a
/// capital inside ("iPad"), a digit, or an address ("www.stad.se").
pub fn capitalise(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    let as_written = first_word.chars().skip(1).any(char::is_uppercase)
        || first_word
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/'))
        || first_word
            .trim_end_matches(['.', ',', ':', ';'])
            .contains('.');
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if !as_written => first.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
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

    #[test]
    fn leaves_alone_what_was_written_as_it_must_be() {
        assert_eq!(
            sentence("iPad-utbildning för personal"),
            "iPad-utbildning för personal."
        );
        assert_eq!(
            sentence("www.stad.se har rutinerna"),
            "www.stad.se har rutinerna."
        );
        assert_eq!(
            sentence("e-tjänst, se www.stad.se"),
            "E-tjänst, se www.stad.se."
        );
        assert_eq!(sentence("3D-skrivare"), "3D-skrivare.");
        assert_eq!(sentence("(se bilaga.)"), "(se bilaga.)");
        assert_eq!(sentence("\"Det var bra.\""), "\"Det var bra.\"");
        assert_eq!(sentence("Vi gjorde följande:"), "Vi gjorde följande:");
        assert_eq!(
            paragraphs("vi gjorde följande:\n- utbildning\n- handledning\n2. uppföljning\nklart"),
            "Vi gjorde följande:\n- utbildning\n- handledning\n2. uppföljning\nKlart."
        );
        assert_eq!(paragraphs("-5 % mot förra året"), "-5 % mot förra året.");
    }
}
