//! What the operating system refused, worded for a coordinator, with the
//! path, in Swedish and English. The system's own text ("Permission
//! denied (os error 13)") is kept at the end for whoever must dig further.

use std::io::{Error, ErrorKind};
use std::path::Path;

use crate::domain::Lang;
use crate::files::FileError;

/// A refused read, write or open of `path`.
pub fn io(path: &Path, e: &Error, lang: Lang) -> String {
    let p = path.display();
    let (sv, en) = match e.kind() {
        _ if is_link_refused(e) => (
            format!("{p} är en symbolisk länk; medel skriver inte genom länkar"),
            format!("{p} is a symbolic link; medel does not write through links"),
        ),
        ErrorKind::PermissionDenied => (
            format!(
                "{p}: du har inte behörighet; be den som äger filen eller mappen om läs- och skrivrätt"
            ),
            format!(
                "{p}: you do not have permission; ask whoever owns the file or its folder for read and write access"
            ),
        ),
        ErrorKind::AlreadyExists => (
            format!("{p} finns redan; medel skriver inte över den här"),
            format!("{p} already exists; medel does not overwrite it here"),
        ),
        ErrorKind::NotFound => (
            format!("{p} finns inte, eller inte mappen den ska ligga i"),
            format!("{p} does not exist, or the folder it should be in does not"),
        ),
        ErrorKind::ReadOnlyFilesystem => (
            format!("{p} ligger på en skrivskyddad disk"),
            format!("{p} is on a read-only disk"),
        ),
        ErrorKind::StorageFull => (
            format!("disken där {p} ligger är full; frigör utrymme och försök igen"),
            format!("the disk that holds {p} is full; free some space and try again"),
        ),
        ErrorKind::IsADirectory => (
            format!("{p} är en mapp; ange en fil"),
            format!("{p} is a folder; give the path of a file"),
        ),
        ErrorKind::NotADirectory => (
            format!("{p}: en del av sökvägen är en fil, inte en mapp"),
            format!("{p}: part of the path is a file, not a folder"),
        ),
        _ => (
            format!("{p} gick inte att använda"),
            format!("{p} could not be used"),
        ),
    };
    format!("{} ({e})", lang.pick(sv, en))
}

/// `O_NOFOLLOW` met a link (`ELOOP`).
fn is_link_refused(e: &Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Why an output file was not written.
pub fn file(e: &FileError, lang: Lang) -> String {
    match e {
        FileError::Symlink(p) => {
            let p = p.display();
            lang.pick(
                format!("{p} är en symbolisk länk; medel skriver inte genom länkar, ange filen den pekar på"),
                format!("{p} is a symbolic link; medel does not write through links, give the file it points to"),
            )
        }
        FileError::DanglingLink(p) => dangling_link(p, lang),
        FileError::Folder(p) => {
            let p = p.display();
            lang.pick(
                format!("{p} är en mapp; ange ett filnamn"),
                format!("{p} is a folder; give a file name"),
            )
        }
        FileError::NotRegular(p) => {
            let p = p.display();
            lang.pick(
                format!("{p} är varken en vanlig fil, en rörledning eller en teckenenhet; medel skriver inte dit"),
                format!("{p} is not a regular file, a pipe or a character device; medel does not write there"),
            )
        }
        FileError::Io { path, source } => io(path, source, lang),
    }
}

/// A link to nothing, where a file was to be made.
pub fn dangling_link(path: &Path, lang: Lang) -> String {
    let p = path.display();
    let to = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    lang.pick(
        format!("{p} är en symbolisk länk till {to}, som inte finns; medel skapar inga filer genom länkar: ange den riktiga sökvägen"),
        format!("{p} is a symbolic link to {to}, which does not exist; medel creates no file through a link: give the real path"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_name_the_path_and_keep_the_cause() {
        let e = Error::from(ErrorKind::PermissionDenied);
        let sv = io(Path::new("/delad/x.sqlite"), &e, Lang::Sv);
        let en = io(Path::new("/delad/x.sqlite"), &e, Lang::En);
        assert!(
            sv.starts_with("/delad/x.sqlite: du har inte behörighet"),
            "{sv}"
        );
        assert!(
            en.starts_with("/delad/x.sqlite: you do not have permission"),
            "{en}"
        );
        let exists = io(
            Path::new("a.csv"),
            &Error::from(ErrorKind::AlreadyExists),
            Lang::Sv,
        );
        assert!(exists.starts_with("a.csv finns redan"), "{exists}");
    }
}
