//! The command line: clap definitions only. What each command does is in
//! `commands`.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::TypedValueParser as _;
use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::domain::Lang;

/// Follow up a state grant handed on to districts: allocations, spending
/// per focus area, unused money and the amount to return.
///
/// Without a command, medel opens the full-screen app.
#[derive(Debug, Parser)]
#[command(name = "medel", version)]
pub struct Cli {
    /// The database file [default: medel.sqlite in the user's data folder]
    #[arg(
        long,
        global = true,
        env = "MEDEL_DB",
        value_name = "PATH",
        // Accepts an empty value, so that `MEDEL_DB=` means "not set"
        // (checked in `parse_from`) instead of a usage error.
        value_parser = clap::builder::OsStringValueParser::new().map(PathBuf::from)
    )]
    pub db: Option<PathBuf>,

    /// True when `db` came from MEDEL_DB rather than from --db. Filled in
    /// by `Cli::parse_from`, since the demo treats the two differently.
    #[arg(skip)]
    pub db_from_env: bool,

    /// Language of the output [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// Open the app as on this day instead of today (for training and
    /// for looking at an old year as it stood)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the example database (a city's 2017 grant against violence in
    /// close relationships) [default file: demo.sqlite beside the database]
    Demo(DemoArgs),
    /// Show where a grant stands: received, allocated, used, to return,
    /// every recipient and every flag
    Status(StatusArgs),
    /// Show the audit log: every change, when, who, old and new value
    Log(LogArgs),
    /// Write the report on a grant for the committee and the grant giver
    Report(ReportArgs),
    /// Write everything, or one grant, as JSON (to move data between databases) or
    /// as CSV for spreadsheets
    Export(ExportArgs),
    /// Read a JSON export or a spending CSV into the database; nothing is
    /// written unless the whole file is valid
    Import(ImportArgs),
    /// Write a fill-in workbook (.xlsx) per recipient of a grant, for the
    /// districts to report in and send back for `medel import`
    Template(TemplateArgs),
    /// Write a consistent copy of the database, also while the app is open
    Backup(BackupArgs),
    /// Print the shell completion script for bash, zsh or fish
    Completions(CompletionsArgs),
    /// Print the manual page (roff)
    Man,
    /// List the grants, newest first, with their figures and deadlines
    Grants(GrantsArgs),
    /// Move money between two recipients of a grant, on a decision
    Reallocate(ReallocateArgs),
    /// Record money paid back to the grant giver
    Repay(RepayArgs),
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The grant: its id, its year or part of its title [default: the
    /// most recent open grant]
    #[arg(long, value_name = "GRANT")]
    pub grant: Option<String>,

    /// Only this recipient (by name); may be given several times
    #[arg(long, value_name = "NAME")]
    pub recipient: Vec<String>,

    /// The folder to write the workbooks in [default: the current folder]
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,

    /// The date the districts are asked to send it back by [default: the
    /// grant's report date]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub reply_by: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The copy to write
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: ShellArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Args)]
pub struct GrantsArgs {
    /// Reported grants too, not only the open ones
    #[arg(long)]
    pub all: bool,

    /// Print JSON for scripts instead of text
    #[arg(long)]
    pub json: bool,

    /// Compute as on this day instead of today
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ReallocateArgs {
    /// The grant: its id, its year or part of its title [default: the
    /// most recent open grant]
    #[arg(long, value_name = "GRANT")]
    pub grant: Option<String>,

    /// The recipient the money is taken from (by name)
    #[arg(long, value_name = "NAME")]
    pub from: String,

    /// The recipient the money goes to (by name)
    #[arg(long, value_name = "NAME")]
    pub to: String,

    /// How much, as people write it: 30000, "30 000", 30000,50
    #[arg(long, value_name = "AMOUNT")]
    pub amount: String,

    /// The day of the move [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,

    /// The decision's reference, e.g. the committee's case number
    #[arg(long, value_name = "REF", default_value = "")]
    pub decision: String,

    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
}

#[derive(Debug, Args)]
pub struct RepayArgs {
    /// The grant: its id, its year or part of its title [default: the
    /// most recent open grant]
    #[arg(long, value_name = "GRANT")]
    pub grant: Option<String>,

    /// How much was paid back
    #[arg(long, value_name = "AMOUNT")]
    pub amount: String,

    /// The day it was paid
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: NaiveDate,

    /// The invoice or OCR reference it was paid against
    #[arg(long, value_name = "REF", default_value = "")]
    pub reference: String,

    /// repayment: paid back of the grant's accord; clawback: demanded
    /// back by the giver
    #[arg(long, value_enum, default_value_t = RepaymentKindArg::Repayment)]
    pub kind: RepaymentKindArg,

    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RepaymentKindArg {
    Repayment,
    Clawback,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The grant: its id, its year or part of its title [default: the
    /// most recent open grant]
    #[arg(long, value_name = "GRANT")]
    pub grant: Option<String>,

    /// Markdown, plain text or a Word document
    #[arg(long, value_enum, default_value_t = ReportFormatArg::Md)]
    pub format: ReportFormatArg,

    /// Write the report as on this day instead of today
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    /// Markdown
    Md,
    /// Plain text
    Txt,
    /// A Word document (.docx) for the committee; needs -o FILE
    Docx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only this grant (id, year or part of its title), with the
    /// recipients taking part in it
    #[arg(long, value_name = "GRANT", conflicts_with = "all")]
    pub grant: Option<String>,

    /// Every grant and recipient (the default)
    #[arg(long)]
    pub all: bool,

    /// json: the data with a format version, amounts as "577468.00";
    /// csv: one row per recipient and focus area
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: ExportFormat,

    /// excel-sv: `;`, decimal comma, byte order mark, CRLF (Swedish Excel);
    /// plain: `,`, decimal point, LF
    #[arg(long, value_enum, value_name = "STYLE", default_value_t = CsvStyleArg::ExcelSv)]
    pub csv_style: CsvStyleArg,

    /// CSV: one row per recipient (allocated, used, unused, status) instead
    /// of the spending rows
    #[arg(long)]
    pub summary: bool,

    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    /// A workbook: summary with a chart, matrix, spending, receipts, flags
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvStyleArg {
    ExcelSv,
    Plain,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// JSON exports, spending CSVs for one grant (either style) or filled
    /// templates (.xlsx), in any mix: all of them or none are imported
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,

    /// Show what would change and write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// JSON: where the file and the database differ about a grant (same
    /// title and year) or a recipient (same name), take the file's values
    /// instead of refusing; a workbook: take its values even where they
    /// were changed in medel after it was written
    #[arg(long)]
    pub replace: bool,

    /// Import as on this day instead of today: a workbook's reported date
    /// may not be later
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only changes to this grant (id, year or part of its title)
    #[arg(long, value_name = "GRANT")]
    pub grant: Option<String>,

    /// Only changes concerning this recipient (by name)
    #[arg(long, value_name = "NAME")]
    pub recipient: Option<String>,

    /// At most this many changes, newest first
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,

    /// Open the app as on this day, e.g. 2018-03-01 for the example as it
    /// stood a month before its report was due
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The grant: its id, its year or part of its title [default: the
    /// most recent open grant]
    #[arg(long, value_name = "GRANT")]
    pub grant: Option<String>,

    /// Print JSON for scripts instead of text
    #[arg(long)]
    pub json: bool,

    /// Compute as on this day instead of today
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Exit with code 1 when any warning or error stands (for cron);
    /// without --grant, over every open grant
    #[arg(long)]
    pub check: bool,

    /// Every open grant, one after another (JSON: an array)
    #[arg(long, conflicts_with = "grant")]
    pub all: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Svenska
    Sv,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::domain::dates::parse_date(s).map_err(|e| crate::i18n::commands::not_a_date(s, e))
}

/// The language of the help and errors, before clap has parsed anything:
/// `--lang` when given, else the environment's.
fn language_asked(args: &[OsString]) -> Lang {
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(w) = words.next() {
        let value = match w.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => continue,
        };
        match value.as_deref() {
            Some("sv") => return Lang::Sv,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_env()
}

impl Cli {
    /// Parses the process's arguments; prints help or a usage error and
    /// exits (code 2) the way clap does.
    pub fn parse_args() -> Cli {
        Cli::parse_from(std::env::args_os()).unwrap_or_else(|e| e.exit())
    }

    /// Parses `args` (the first is the program name) and records where
    /// `--db` came from.
    pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
        let mut command = match language_asked(&args) {
            Lang::Sv => crate::i18n::help::localized(Cli::command()),
            Lang::En => Cli::command(),
        };
        let matches = command.try_get_matches_from_mut(args)?;
        let mut cli = Cli::from_arg_matches(&matches)?;
        cli.db_from_env = matches.value_source("db") == Some(ValueSource::EnvVariable);
        if cli.db.as_ref().is_some_and(|p| p.as_os_str().is_empty()) {
            if !cli.db_from_env {
                return Err(command.error(
                    ErrorKind::InvalidValue,
                    crate::i18n::commands::DB_NEEDS_A_PATH,
                ));
            }
            // An empty MEDEL_DB means "not set", as with most such variables.
            cli.db = None;
            cli.db_from_env = false;
        }
        Ok(cli)
    }

    /// The language asked for, else the one of the environment.
    pub fn language(&self) -> Lang {
        self.lang.map(Lang::from).unwrap_or_else(Lang::from_env)
    }
}

#[cfg(test)]
mod tests;
