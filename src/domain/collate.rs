//! Swedish alphabetical order: å, ä, ö come after z, and case is ignored.

/// A key that sorts names the way a Swedish reader expects.
pub fn sort_key(name: &str) -> Vec<u32> {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => 'z' as u32 + 1,
            'ä' | 'æ' => 'z' as u32 + 2,
            'ö' | 'ø' => 'z' as u32 + 3,
            'é' | 'è' => 'e' as u32,
            'ü' => 'y' as u32,
            c => c as u32,
        })
        .collect()
}

/// The name among `names` that `typed` means: the same but for case, or
/// else the nearest by edits when it is near enough to be a slip.
pub fn closest<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed: Vec<char> = typed.trim().chars().flat_map(char::to_lowercase).collect();
    let mut best: Option<(usize, &str)> = None;
    for name in names {
        let lower: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
        let d = edits(&typed, &lower);
        if best.is_none_or(|(b, _)| d < b) {
            best = Some((d, name));
        }
    }
    let slip = (typed.len() / 3).max(2);
    best.filter(|(d, _)| *d <= slip).map(|(_, name)| name)
}

/// Levenshtein distance.
fn edits(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_name_is_found_whatever_the_case() {
        let names = ["Södermalm", "Bromma", "Östermalm", "Farsta"];
        assert_eq!(closest("södermalm", names), Some("Södermalm"));
        assert_eq!(closest("SÖDERMALM ", names), Some("Södermalm"));
        assert_eq!(closest("Sodermalm", names), Some("Södermalm"));
        assert_eq!(closest("bromm", names), Some("Bromma"));
        assert_eq!(closest("Kiruna", names), None);
    }

    #[test]
    fn swedish_order() {
        let mut names = vec![
            "Östermalm",
            "Älvsjö",
            "Bromma",
            "Åkersberga",
            "skarpnäck",
            "Södermalm",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            [
                "Bromma",
                "skarpnäck",
                "Södermalm",
                "Åkersberga",
                "Älvsjö",
                "Östermalm"
            ]
        );
    }

    /// å, ä, ö after z, each strictly after the one before, as in a Swedish
    /// dictionary.
    #[test]
    fn z_then_a_ring_then_a_umlaut_then_o_umlaut() {
        let keys: Vec<_> = ["y", "z", "å", "ä", "ö"]
            .iter()
            .map(|n| sort_key(n))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    }

    /// Of two names as near as each other, the first listed is suggested.
    #[test]
    fn a_tie_goes_to_the_first_name() {
        assert_eq!(closest("Bromm", ["Bromma", "Brommo"]), Some("Bromma"));
        assert_eq!(closest("Bromm", ["Brommo", "Bromma"]), Some("Brommo"));
    }

    /// A longer name may have more slips: a third of its letters.
    #[test]
    fn the_slips_allowed_grow_with_the_length() {
        assert_eq!(
            closest("abcdefghijkl", ["abcdefghiXYZ"]),
            Some("abcdefghiXYZ")
        );
        assert_eq!(closest("abcdefghijkl", ["abcdefgVWXYZ"]), None);
        assert_eq!(closest("abc", ["aXY"]), Some("aXY"));
        assert_eq!(closest("abc", ["XYZ"]), None);
    }

    #[test]
    fn edits_count_insertions_deletions_and_substitutions() {
        let e = |a: &str, b: &str| {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            edits(&a, &b)
        };
        assert_eq!(e("kitten", "sitting"), 3);
        assert_eq!(e("abc", ""), 3);
        assert_eq!(e("", "abc"), 3);
        assert_eq!(e("abc", "abd"), 1);
        assert_eq!(e("abcd", "abc"), 1);
        assert_eq!(e("abc", "abcd"), 1);
        assert_eq!(e("ab", "ba"), 2);
        assert_eq!(e("same", "same"), 0);
    }
}
