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

#[cfg(test)]
mod tests {
    use super::*;

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
}
