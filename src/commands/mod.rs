//! What each command does, one file per command. `run` is the only entry:
//! a new command is a new `Command` variant in `cli.rs`, a file here, and
//! one line in the match below.

mod app;
mod demo;
mod export;
mod import;
mod log;
mod output;
mod progress;
mod report;
mod status;
mod status_json;
mod status_text;
pub mod template;

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use crate::cli::{Cli, Command};
use crate::domain::Lang;
use crate::i18n::{Texts, texts};
use crate::paths::{self, Found};
use crate::store::{Store, StoreError};

pub use status::{load as load_status, needs_attention};
pub use status_json::render as render_status_json;
pub use status_text::render as render_status_text;

/// Runs the parsed command line. Errors are for `main` to print; their
/// messages name the file concerned.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Context::new(&cli);
    match &cli.command {
        None => app::run(&ctx, cli.today),
        Some(Command::Demo(args)) => demo::run(&ctx, args),
        Some(Command::Status(args)) => status::run(&ctx, args),
        Some(Command::Log(args)) => log::run(&ctx, args),
        Some(Command::Report(args)) => report::run(&ctx, args),
        Some(Command::Export(args)) => export::run(&ctx, args),
        Some(Command::Import(args)) => import::run(&ctx, args),
        Some(Command::Template(args)) => template::run(&ctx, args),
    }
}

/// What every command needs from the command line and the environment.
pub struct Context {
    pub lang: Lang,
    pub texts: &'static Texts,
    /// `--db` or `MEDEL_DB`, as given.
    pub db: Option<PathBuf>,
    /// The path came from `MEDEL_DB`, not `--db`.
    pub db_from_env: bool,
}

impl Context {
    pub fn new(cli: &Cli) -> Context {
        let lang = cli.language();
        Context {
            lang,
            texts: texts(lang),
            db: cli.db.clone(),
            db_from_env: cli.db_from_env,
        }
    }

    /// The database file to use: `--db`, `MEDEL_DB` or the default.
    pub fn database(&self) -> Result<PathBuf> {
        paths::database(self.db.as_deref()).ok_or_else(|| anyhow!(self.texts.no_default_location()))
    }

    /// Opens an existing database; never creates one, so that a mistyped
    /// path gives a message instead of an empty file.
    pub fn open_existing(&self, path: &Path) -> Result<Store> {
        let t = self.texts;
        match paths::look(path) {
            Ok(Found::File) => {}
            Ok(Found::Folder) => bail!(t.is_a_folder(path)),
            Ok(Found::Missing) => bail!(t.no_database(path)),
            Ok(Found::UnderAFile) => bail!(t.under_a_file(path)),
            Err(e) => return Err(anyhow!(e).context(t.cannot_open(path))),
        }
        Store::open(path).map_err(|e| self.store_error(path, e))
    }

    /// A store error as the user should read it: errors about the file
    /// already name it; others get the path in front.
    pub fn store_error(&self, path: &Path, e: StoreError) -> anyhow::Error {
        let text = crate::i18n::store_errors::explain(&e, self.lang);
        if names_the_file(&e) {
            anyhow!(text)
        } else {
            anyhow!(text).context(self.texts.cannot_open(path))
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
            | StoreError::ReadOnly(_)
            | StoreError::Corrupt(..)
    )
}

/// Writes to standard output. A closed pipe (`medel status | head`) is
/// not an error: the reader has all it wanted.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
