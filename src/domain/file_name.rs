//! File and folder names made from names people give (a recipient, a
//! grant's title) that every system the files travel to accepts: the
//! coordinator's Linux server, and the committee's Windows share.

/// `name` with every character Windows reserves made `_`, no trailing dot
/// or blank, and never a device name (CON, COM1, …) or nothing.
pub fn safe_stem(name: &str) -> String {
    let mut stem: String = name
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    stem = stem.trim().trim_end_matches(['.', ' ']).to_string();
    let upper = stem.to_ascii_uppercase();
    let device = ["CON", "PRN", "AUX", "NUL"].contains(&upper.as_str())
        || (upper.len() == 4
            && (upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.as_bytes()[3].is_ascii_digit());
    if stem.is_empty() || device {
        stem.push('_');
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_on_windows() {
        assert_eq!(safe_stem("Hässelby-Vällingby"), "Hässelby-Vällingby");
        assert_eq!(safe_stem("A/B: C?"), "A_B_ C_");
        assert_eq!(safe_stem("Con"), "Con_");
        assert_eq!(safe_stem("com1"), "com1_");
        assert_eq!(safe_stem("Slut. "), "Slut");
        assert_eq!(safe_stem(" "), "_");
        assert_eq!(safe_stem("a\u{7}b"), "a_b");
    }
}
