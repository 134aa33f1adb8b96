//! LibreOffice headless, as the tests that open medel's files in it use
//! it: whether it is installed, and one conversion with a profile of its
//! own (so tests running at once do not share one).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The LibreOffice command, when it is installed; the caller then says it
/// skipped.
pub fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// `file` opened and saved again as `format` ("xlsx", "xls", "pdf") into
/// `outdir`: the file LibreOffice wrote, or what it said when it wrote none.
pub fn convert(soffice: &str, file: &Path, format: &str, outdir: &Path) -> Result<PathBuf, String> {
    let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(outdir)
        .arg(file)
        .output()
        .map_err(|e| format!("{soffice}: {e}"))?;
    let stem = file.file_stem().unwrap_or_default();
    let written = outdir.join(stem).with_extension(format);
    if written.exists() {
        Ok(written)
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}
