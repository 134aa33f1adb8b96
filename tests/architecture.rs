//! The rules of the house, checked: each layer uses only the layers below
//! it, and the crates that bind to SQLite or the terminal stay in the one
//! layer that owns them. ARCHITECTURE.md explains the layers; this test
//! fails when a `crate::` path or an external crate points the wrong way.

use std::fs;
use std::path::{Path, PathBuf};

/// A layer of `src/` and the layers it may name.
struct Layer {
    name: &'static str,
    may_use: &'static [&'static str],
}

/// From the bottom up. The system's helpers (`files`, `account`, `paths`)
/// sit beside `domain` at the bottom: they know files and users, nothing of
/// grants. The top-level wiring (main, cli, demo) and `commands/` may use
/// any layer.
const LAYERS: &[Layer] = &[
    Layer {
        name: "domain",
        may_use: &[],
    },
    Layer {
        name: "files",
        may_use: &[],
    },
    Layer {
        name: "account",
        may_use: &[],
    },
    Layer {
        name: "paths",
        may_use: &[],
    },
    Layer {
        name: "exchange",
        may_use: &["domain"],
    },
    Layer {
        name: "report",
        may_use: &["domain"],
    },
    Layer {
        name: "store",
        may_use: &["domain", "exchange", "files", "account", "paths"],
    },
    Layer {
        name: "i18n",
        may_use: &["domain", "exchange", "report", "store", "files", "paths"],
    },
    Layer {
        name: "tui",
        may_use: &[
            "domain", "exchange", "report", "store", "i18n", "files", "account", "paths",
        ],
    },
];

const MODULES: &[&str] = &[
    "domain", "exchange", "report", "store", "i18n", "tui", "commands", "cli", "demo", "paths",
    "files", "account",
];

/// External crates that belong to one layer, and the files outside it
/// that may still name them.
const OWNED_CRATES: &[(&str, &str, &[&str])] = &[
    ("rusqlite", "store", &[]),
    // The command that starts the app hands it the terminal.
    ("ratatui", "tui", &["commands/app.rs"]),
    ("crossterm", "tui", &["commands/app.rs"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments, line by line, up to an
/// inline test module (tests never ship; they may set up the demo).
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let shipped = lines
        .windows(2)
        .position(|w| w[0].trim() == "#[cfg(test)]" && w[1].trim_start().starts_with("mod "))
        .unwrap_or(lines.len());
    lines[..shipped]
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let code = match line.find("//") {
                Some(at) => &line[..at],
                None => line,
            };
            let code = code.trim();
            (!code.is_empty()).then(|| (i + 1, code.to_string()))
        })
        .collect()
}

/// Every module of this crate a line names through `crate::`, and every
/// module a `use crate::{a, b}` group names.
fn crate_modules(line: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            group[..end]
                .split(',')
                .map(|n| n.trim().split("::").next().unwrap_or("").trim())
                .collect()
        } else {
            vec![
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or(""),
            ]
        };
        for name in names {
            if let Some(m) = MODULES.iter().find(|m| **m == name) {
                found.push(*m);
            }
        }
    }
    found
}

fn names_crate(line: &str, krate: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|word| word == krate)
        && (line.contains(&format!("{krate}::")) || line.starts_with(&format!("use {krate}")))
}

struct Breach(String);

fn breaches() -> Vec<Breach> {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(
        files.len() > 20,
        "found only {} files under src/",
        files.len()
    );
    let mut out = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&root)
            .expect("file under src")
            .to_string_lossy()
            .replace('\\', "/");
        let top = rel.split('/').next().unwrap_or("").trim_end_matches(".rs");
        // Unit-test files never ship; they may set up a store or the demo.
        let file = rel.rsplit('/').next().unwrap_or("");
        if file == "tests.rs" || file.ends_with("_tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"));
        for (n, line) in code_lines(&text) {
            if let Some(layer) = LAYERS.iter().find(|l| l.name == top) {
                for used in crate_modules(&line) {
                    if used != layer.name && !layer.may_use.contains(&used) {
                        out.push(Breach(format!(
                            "src/{rel}:{n}: {} uses {used}, which is not below it: {line}",
                            layer.name
                        )));
                    }
                }
            }
            for (krate, owner, allowed) in OWNED_CRATES {
                if top != *owner && !allowed.contains(&rel.as_str()) && names_crate(&line, krate) {
                    out.push(Breach(format!(
                        "src/{rel}:{n}: only {owner}/ may use {krate}: {line}"
                    )));
                }
            }
        }
    }
    out
}

#[test]
fn no_layer_points_back_up() {
    let found = breaches();
    let list: Vec<&str> = found.iter().map(|b| b.0.as_str()).collect();
    assert!(
        list.is_empty(),
        "layers pointing the wrong way:\n{}",
        list.join("\n")
    );
}

#[test]
fn the_checker_sees_a_breach() {
    // The rules above are only worth something if the reader finds paths
    // in every form the code writes them.
    assert_eq!(crate_modules("use crate::store::Store;"), vec!["store"]);
    assert_eq!(
        crate_modules("use crate::{domain::Lang, tui::App};"),
        vec!["domain", "tui"]
    );
    assert_eq!(
        crate_modules("let t = crate::i18n::texts(lang);"),
        vec!["i18n"]
    );
    assert!(names_crate("use rusqlite::params;", "rusqlite"));
    assert!(names_crate("fn f(c: &rusqlite::Connection) {}", "rusqlite"));
    assert!(!names_crate("let rusqlite_free = 1;", "rusqlite"));
}

#[test]
fn screens_never_import_each_other() {
    let screens = src().join("tui/screens");
    let mut names: Vec<String> = fs::read_dir(&screens)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", screens.display()))
        .map(|e| e.expect("directory entry").path())
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            (stem != "mod").then_some(stem)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 10,
        "expected a room per screen, found {names:?}"
    );
    let mut files = Vec::new();
    rust_files(&screens, &mut files);
    let mut found = Vec::new();
    for path in files {
        let rel = path.strip_prefix(&screens).expect("under screens");
        let own = rel
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string()
            })
            .unwrap_or_default();
        if own == "mod" {
            continue;
        }
        let text = fs::read_to_string(&path).expect("readable");
        for (n, line) in code_lines(&text) {
            for other in names.iter().filter(|o| **o != own) {
                if line.contains(&format!("screens::{other}")) {
                    found.push(format!("{}:{n}: {line}", rel.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "screens importing other screens:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_source_file_is_over_500_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter(|p| !p.to_string_lossy().contains("tests"))
        .filter_map(|p| {
            let lines = fs::read_to_string(p).ok()?.lines().count();
            (lines > 500).then(|| format!("{} ({lines} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these along their jobs: {long:?}");
}
