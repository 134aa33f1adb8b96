//! What an Excel user may send instead of an `.xlsx`, told apart by the
//! file's own structure, so that the message says what to do with it.
//!
//! An encrypted `.xlsx` and an old `.xls` are both OLE compound files
//! (the same first eight bytes); only the names of the streams inside
//! tell them apart: an encrypted workbook has `EncryptionInfo` and
//! `EncryptedPackage` (MS-OFFCRYPTO), an `.xls` a `Workbook` stream
//! (`Book` before Excel 97). The `cfb` crate reads the compound file's
//! directory; a file too damaged for it says nothing more than "another
//! Office file".
//! A binary workbook (`.xlsb`) is a zip like an `.xlsx`, with the part
//! `xl/workbook.bin` where an `.xlsx` has `xl/workbook.xml`.

use super::problems::ProblemKind as P;

/// The problem an OLE compound file is, by the streams it holds.
pub fn ole_kind(bytes: &[u8]) -> P {
    let names = ole_names(bytes);
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("EncryptionInfo") || has("EncryptedPackage") {
        P::Encrypted
    } else if has("Workbook") || has("Book") {
        P::OldXls
    } else {
        P::OtherOfficeFile
    }
}

/// A zip holding a binary workbook rather than an `.xlsx` one. The part
/// names of a zip are stored as they are, uncompressed.
pub fn is_xlsb(bytes: &[u8]) -> bool {
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    has(b"xl/workbook.bin") && !has(b"xl/workbook.xml")
}

/// The names in a compound file's top storage; empty when the file is
/// too damaged to say.
fn ole_names(bytes: &[u8]) -> Vec<String> {
    match cfb::CompoundFile::open(std::io::Cursor::new(bytes)) {
        Ok(file) => file
            .read_root_storage()
            .map(|e| e.name().to_string())
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compound file holding these (empty) streams, as cfb writes it.
    fn ole_with(names: &[&str]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("create");
        for name in names {
            file.create_stream(format!("/{name}")).expect("a stream");
        }
        file.flush().expect("flush");
        file.into_inner().into_inner()
    }

    #[test]
    fn an_ole_file_is_told_by_its_streams() {
        let encrypted = ole_with(&["EncryptionInfo", "EncryptedPackage"]);
        assert_eq!(ole_kind(&encrypted), P::Encrypted);
        assert_eq!(ole_kind(&ole_with(&["Workbook"])), P::OldXls);
        assert_eq!(ole_kind(&ole_with(&["Book"])), P::OldXls);
        assert_eq!(ole_kind(&ole_with(&["WordDocument"])), P::OtherOfficeFile);
        assert_eq!(ole_names(&ole_with(&["Workbook"])), ["Workbook"]);
        let mut zeros = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        zeros.resize(4096, 0);
        assert_eq!(ole_kind(&zeros), P::OtherOfficeFile);
        for cut in [0, 8, 100, 600, 1100] {
            let _ = ole_kind(&encrypted[..cut]);
        }
    }

    /// A damaged or hostile compound file (any byte changed, any chain
    /// looped) is "another Office file" at worst, never a panic or a hang.
    #[test]
    fn a_damaged_compound_file_never_panics() {
        let good = ole_with(&["EncryptionInfo", "EncryptedPackage"]);
        let mut seed = 0x2545_f491_u32;
        for _ in 0..3_000 {
            let mut bad = good.clone();
            for _ in 0..4 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let at = seed as usize % bad.len();
                bad[at] = (seed >> 8) as u8;
            }
            let _ = ole_kind(&bad);
        }
    }

    #[test]
    fn a_binary_workbook_is_told_by_its_part() {
        assert!(is_xlsb(b"PK\x03\x04....xl/workbook.bin...."));
        assert!(!is_xlsb(b"PK\x03\x04....xl/workbook.xml...."));
        assert!(!is_xlsb(b"PK\x03\x04"));
    }
}
