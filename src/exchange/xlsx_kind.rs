//! What an Excel user may send instead of an `.xlsx`, told apart by the
//! file's own structure, so that the message says what to do with it.
//!
//! An encrypted `.xlsx` and an old `.xls` are both OLE compound files
//! (the same first eight bytes); only the names of the streams inside
//! tell them apart: an encrypted workbook has `EncryptionInfo` and
//! `EncryptedPackage` (MS-OFFCRYPTO), an `.xls` a `Workbook` stream
//! (`Book` before Excel 97). calamine has no reader for those names, so
//! this reads the compound file's directory itself, and no more of it.
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

/// No chain is followed further than this: a damaged or hostile file
/// with a loop in its sector chain ends here.
const MAX_DIRECTORY_SECTORS: usize = 4096;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const DIRECTORY_ENTRY: usize = 128;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The names in a compound file's directory (MS-CFB 2.2 and 2.6); empty
/// when the file is too damaged to say.
fn ole_names(bytes: &[u8]) -> Vec<String> {
    let Some(shift) = u16_at(bytes, 0x1E).filter(|s| *s == 9 || *s == 12) else {
        return Vec::new();
    };
    let size = 1usize << shift;
    let sector = |n: u32| {
        let start = (n as usize + 1).checked_mul(size)?;
        bytes.get(start..start.checked_add(size)?)
    };
    // The first 109 sectors of the allocation table are listed in the
    // header; enough for the directory of any workbook a district sends.
    let fat_count = u32_at(bytes, 0x2C).unwrap_or(0).min(109) as usize;
    let fat: Vec<u32> = (0..fat_count)
        .filter_map(|i| u32_at(bytes, 0x4C + 4 * i))
        .filter_map(sector)
        .flat_map(|s| s.chunks_exact(4).filter_map(|c| u32_at(c, 0)))
        .collect();
    let mut names = Vec::new();
    let mut next = u32_at(bytes, 0x30).unwrap_or(END_OF_CHAIN);
    for _ in 0..MAX_DIRECTORY_SECTORS {
        let Some(dir) = sector(next) else { break };
        for entry in dir.chunks_exact(DIRECTORY_ENTRY) {
            let len = usize::from(u16_at(entry, 64).unwrap_or(0)).min(64);
            let units: Vec<u16> = entry[..len.saturating_sub(2)]
                .chunks_exact(2)
                .filter_map(|c| u16_at(c, 0))
                .collect();
            if entry[66] != 0 {
                names.push(String::from_utf16_lossy(&units));
            }
        }
        match fat.get(next as usize) {
            Some(&n) if n != END_OF_CHAIN => next = n,
            _ => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compound file of 512-byte sectors with one allocation sector and
    /// one directory sector holding these names (after the root).
    fn ole_with(names: &[&str]) -> Vec<u8> {
        let mut file = vec![0u8; 512 * 3];
        file[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        file[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
        file[0x2C..0x30].copy_from_slice(&1u32.to_le_bytes());
        file[0x30..0x34].copy_from_slice(&1u32.to_le_bytes());
        file[0x4C..0x50].copy_from_slice(&0u32.to_le_bytes());
        // Sector 0 is the allocation table: itself, then the directory.
        let fat = 512;
        file[fat..fat + 4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
        file[fat + 4..fat + 8].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        let all = std::iter::once("Root Entry").chain(names.iter().copied());
        for (i, name) in all.enumerate().take(4) {
            let at = 1024 + i * DIRECTORY_ENTRY;
            let units: Vec<u16> = name.encode_utf16().collect();
            for (k, u) in units.iter().enumerate() {
                file[at + 2 * k..at + 2 * k + 2].copy_from_slice(&u.to_le_bytes());
            }
            let len = (units.len() as u16 + 1) * 2;
            file[at + 64..at + 66].copy_from_slice(&len.to_le_bytes());
            file[at + 66] = if i == 0 { 5 } else { 2 };
        }
        file
    }

    #[test]
    fn an_ole_file_is_told_by_its_streams() {
        let encrypted = ole_with(&["EncryptionInfo", "EncryptedPackage"]);
        assert_eq!(ole_kind(&encrypted), P::Encrypted);
        assert_eq!(ole_kind(&ole_with(&["Workbook"])), P::OldXls);
        assert_eq!(ole_kind(&ole_with(&["Book"])), P::OldXls);
        assert_eq!(ole_kind(&ole_with(&["WordDocument"])), P::OtherOfficeFile);
        assert_eq!(
            ole_names(&ole_with(&["Workbook"])),
            ["Root Entry", "Workbook"]
        );
        let mut zeros = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        zeros.resize(4096, 0);
        assert_eq!(ole_kind(&zeros), P::OtherOfficeFile);
        let mut looped = ole_with(&["Workbook"]);
        looped[516..520].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(ole_kind(&looped), P::OldXls);
        for cut in [0, 8, 100, 600, 1100] {
            let _ = ole_kind(&encrypted[..cut]);
        }
    }

    #[test]
    fn a_binary_workbook_is_told_by_its_part() {
        assert!(is_xlsb(b"PK\x03\x04....xl/workbook.bin...."));
        assert!(!is_xlsb(b"PK\x03\x04....xl/workbook.xml...."));
        assert!(!is_xlsb(b"PK\x03\x04"));
    }
}
