//! What each command does, one file per command. `run` is the only entry:
//! a new command is a new `Command` variant in `cli.rs`, a file here, and
//! one line in the match below.

mod app;
mod backup;
mod completions;
mod demo;
mod export;
mod grant_arg;
mod grants;
mod import;
mod log;
mod output;
mod progress;
mod reallocate;
mod repay;
mod report;
mod status;
mod status_json;
mod status_text;
pub mod template;

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use crate::cli::{Cli, Command};
use crate::domain::Lang;
use crate::domain::sanitize::terminal_text;
use crate::i18n::commands::{CommandWords, words};
use crate::paths::{self, Found};
use crate::store::{Store, StoreError};

pub use status::{load as load_status, needs_attention};
pub use status_json::render as render_status_json;
pub use status_text::render as render_status_text;

/// Runs the parsed command line. Errors are for `main` to print; their
/// messages name the file concerned.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Session::new(&cli);
    match &cli.command {
        None => app::run(&ctx, cli.today),
        Some(Command::Demo(args)) => demo::run(&ctx, args),
        Some(Command::Status(args)) => status::run(&ctx, args),
        Some(Command::Log(args)) => log::run(&ctx, args),
        Some(Command::Report(args)) => report::run(&ctx, args),
        Some(Command::Export(args)) => export::run(&ctx, args),
        Some(Command::Import(args)) => import::run(&ctx, args),
        Some(Command::Template(args)) => template::run(&ctx, args),
        Some(Command::Backup(args)) => backup::run(&ctx, args),
        Some(Command::Completions(args)) => completions::completions(args),
        Some(Command::Man) => completions::man(),
        Some(Command::Grants(args)) => grants::run(&ctx, args),
        Some(Command::Reallocate(args)) => reallocate::run(&ctx, args),
        Some(Command::Repay(args)) => repay::run(&ctx, args),
    }
}

/// One run of a command: the language, its words and the database asked
/// for, from the command line and the environment.
pub struct Session {
    pub lang: Lang,
    pub words: &'static CommandWords,
    /// `--db` or `MEDEL_DB`, as given.
    pub db: Option<PathBuf>,
    /// The path came from `MEDEL_DB`, not `--db`.
    pub db_from_env: bool,
}

impl Session {
    pub fn new(cli: &Cli) -> Session {
        let lang = cli.language();
        Session {
            lang,
            words: words(lang),
            db: cli.db.clone(),
            db_from_env: cli.db_from_env,
        }
    }

    /// The database file to use: `--db`, `MEDEL_DB` or the default.
    pub fn database(&self) -> Result<PathBuf> {
        paths::database(self.db.as_deref()).ok_or_else(|| anyhow!(self.words.no_default_location()))
    }

    /// Opens an existing database; never creates one, so that a mistyped
    /// path gives a message instead of an empty file. An empty file is
    /// not a database yet, and only a command that writes may make it one
    /// ([`Session::open_for_writing`]).
    pub fn open_existing(&self, path: &Path) -> Result<Store> {
        let t = self.words;
        match paths::look(path) {
            Ok(Found::File) => {}
            Ok(Found::Empty) => bail!(t.empty_file(path)),
            Ok(Found::DanglingLink) => {
                bail!(crate::i18n::os_errors::dangling_link(path, self.lang))
            }
            Ok(Found::Folder) => bail!(t.is_a_folder(path)),
            Ok(Found::Missing) => bail!(t.no_database(path)),
            Ok(Found::UnderAFile) => bail!(t.under_a_file(path)),
            Err(e) => return Err(self.os_error(path, e)),
        }
        Store::open(path).map_err(|e| self.store_error(path, e))
    }

    /// Opens the database for a command that writes, creating it when
    /// missing. An empty file becomes a database only when its name says
    /// it is one (`.sqlite`, `.sqlite3`, `.db`, `.db3`): `medel --db
    /// notes.txt` must not turn someone's empty notes into a database.
    pub fn open_for_writing(&self, path: &Path) -> Result<Store> {
        match paths::look(path) {
            Ok(Found::Empty) if !paths::named_as_database(path) => {
                bail!(self.words.empty_file_not_named_as_database(path))
            }
            Ok(Found::DanglingLink) => {
                bail!(crate::i18n::os_errors::dangling_link(path, self.lang))
            }
            _ => Store::open(path).map_err(|e| self.store_error(path, e)),
        }
    }

    /// An error of the operating system, worded with the path.
    pub fn os_error(&self, path: &Path, e: std::io::Error) -> anyhow::Error {
        anyhow!(crate::i18n::os_errors::io(path, &e, self.lang))
    }

    /// A store error as the user should read it: errors about the file
    /// already name it; others get the path in front.
    pub fn store_error(&self, path: &Path, e: StoreError) -> anyhow::Error {
        let text = crate::i18n::store_errors::explain(&e, self.lang);
        if names_the_file(&e) {
            anyhow!(text)
        } else {
            anyhow!(text).context(self.words.cannot_open(path))
        }
    }
}

impl Session {
    /// A change the store refused by its rules, worded alone (the file
    /// opened fine); any other error as [`Session::store_error`].
    pub fn change_error(&self, path: &Path, e: StoreError) -> anyhow::Error {
        match e {
            StoreError::Move(_)
            | StoreError::FocusAreaInUse(_)
            | StoreError::ZeroRepayment
            | StoreError::RecipientInUse { .. }
            | StoreError::GrantClosed
            | StoreError::Invalid(_) => anyhow!(crate::i18n::store_errors::explain(&e, self.lang)),
            e => self.store_error(path, e),
        }
    }
}

fn names_the_file(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::NotSqlite(_)
            | StoreError::NotMedel(_)
            | StoreError::NewerSchema { .. }
            | StoreError::Io { .. }
            | StoreError::DanglingLink(_)
            | StoreError::LinkedSideFile(_)
            | StoreError::ReadOnly(_)
            | StoreError::Corrupt(..)
    )
}

/// Writes to standard output. A closed pipe (`medel status | head`) is
/// not an error: the reader has all it wanted.
pub fn print(text: &str) -> Result<()> {
    print_bytes(text.as_bytes())
}

/// Writes to standard output, cleaned of escape sequences and bidi
/// controls when it is a terminal (as `ls` does with names): data from
/// other people must not drive the coordinator's terminal. A pipe or a
/// redirection gets the bytes as they are.
pub fn print_bytes(bytes: &[u8]) -> Result<()> {
    let out = std::io::stdout();
    let cleaned = out.is_terminal().then(|| {
        let text = String::from_utf8_lossy(bytes);
        // The byte-order mark of an Excel-style CSV is medel's own and
        // means nothing on a screen.
        terminal_text(text.strip_prefix('\u{feff}').unwrap_or(&text))
    });
    let bytes = cleaned.as_deref().map_or(bytes, str::as_bytes);
    let mut out = out.lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// The error that stops a command, on standard error, cleaned the same
/// way when that is a terminal: messages quote file contents and names.
pub fn print_error(e: &anyhow::Error) {
    let text = format!("medel: {e:#}\n");
    let err = std::io::stderr();
    let text = if err.is_terminal() {
        terminal_text(&text)
    } else {
        text
    };
    // Nothing more can be done when standard error itself fails.
    let _ = err.lock().write_all(text.as_bytes());
}
