//! Writes the images in `screenshots/` from the real drawing code on the
//! demo data: `cargo run --example screenshots`.

use std::fs;
use std::path::Path;

use anyhow::Context as _;
use medel::tui::screenshots::{self, DIR};

fn main() -> anyhow::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let shots = screenshots::render_all(|| Ok(medel::demo::in_memory()?))?;
    let names: Vec<String> = shots.iter().map(|s| s.file_name()).collect();
    for shot in &shots {
        let path = dir.join(shot.file_name());
        fs::write(&path, &shot.svg).with_context(|| format!("cannot write {}", path.display()))?;
        println!("{}", path.display());
    }
    // An image of a screen that is no longer taken would go on showing
    // in the README; it goes.
    for entry in fs::read_dir(&dir)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Some(name) = name.filter(|n| n.ends_with(".svg") && !names.contains(n)) {
            fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
            println!("removed {name}");
        }
    }
    Ok(())
}
