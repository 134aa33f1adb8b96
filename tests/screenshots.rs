//! The images in `screenshots/` are what the drawing code draws now.

mod support;

use std::fs;
use std::path::Path;

use support::ui::{SCREENSHOTS_COMMAND as COMMAND, SCREENSHOTS_DIR as DIR, screenshots};

#[test]
fn screenshots_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let shots = screenshots();
    let mut stale = Vec::new();
    for (name, svg) in &shots {
        match fs::read_to_string(dir.join(name)) {
            // A checkout that turned line ends into CRLF still matches.
            Ok(on_disk) if on_disk.replace("\r\n", "\n") == *svg => {}
            Ok(_) => stale.push(format!("{name} differs")),
            Err(e) => stale.push(format!("{name}: {e}")),
        }
    }
    let names: Vec<String> = shots.into_iter().map(|(name, _)| name).collect();
    for entry in fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".svg") && !names.contains(&name) {
            stale.push(format!("{name} is no longer made"));
        }
    }
    assert!(
        stale.is_empty(),
        "screenshots are out of date: run `{COMMAND}`\n  {}",
        stale.join("\n  ")
    );
}
