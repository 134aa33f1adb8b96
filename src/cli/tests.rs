//! The command line's definitions checked: every argument has its words.

use super::*;

#[test]
fn definitions_are_consistent() {
    Cli::command().debug_assert();
    crate::i18n::help::localized(Cli::command()).debug_assert();
}

#[test]
fn every_argument_has_its_swedish_help() {
    let command = Cli::command();
    let mut missing = Vec::new();
    for sub in std::iter::once(&command).chain(command.get_subcommands()) {
        let name = if sub.get_name() == "medel" {
            ""
        } else {
            sub.get_name()
        };
        if crate::i18n::help::about(name).is_none() {
            missing.push(format!("{name}: about"));
        }
        for a in sub.get_arguments() {
            if crate::i18n::help::arg(name, a.get_id().as_str()).is_none() {
                missing.push(format!("{name} {}", a.get_id()));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn global_flags_go_anywhere() {
    let cli = Cli::parse_from(["medel", "status", "--db", "x.sqlite", "--lang", "sv"]).unwrap();
    assert_eq!(cli.db, Some(PathBuf::from("x.sqlite")));
    assert!(!cli.db_from_env);
    assert_eq!(cli.lang, Some(LangArg::Sv));
    let cli = Cli::parse_from(["medel", "--json"]);
    assert!(cli.is_err(), "--json belongs to status");
}

#[test]
fn status_flags() {
    let cli = Cli::parse_from([
        "medel",
        "status",
        "--grant",
        "3",
        "--json",
        "--today",
        "2018-03-01",
        "--check",
    ])
    .unwrap();
    let Some(Command::Status(a)) = cli.command else {
        panic!("expected status")
    };
    assert_eq!(a.grant.as_deref(), Some("3"));
    assert!(a.json && a.check);
    assert_eq!(a.today, NaiveDate::from_ymd_opt(2018, 3, 1));
    let err = Cli::parse_from(["medel", "status", "--today", "1 mars"]).unwrap_err();
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn exchange_flags() {
    let cli = Cli::parse_from([
        "medel",
        "export",
        "--format",
        "csv",
        "--csv-style",
        "plain",
        "-o",
        "x.csv",
    ])
    .unwrap();
    let Some(Command::Export(a)) = cli.command else {
        panic!("expected export")
    };
    assert_eq!(
        (a.format, a.csv_style),
        (ExportFormat::Csv, CsvStyleArg::Plain)
    );
    assert_eq!(a.output, Some(PathBuf::from("x.csv")));
    assert!(
        Cli::parse_from([
            "medel", "export", "--format", "json", "--all", "--grant", "1"
        ])
        .is_err()
    );
    assert!(
        Cli::parse_from(["medel", "export"]).is_err(),
        "--format is required"
    );
    let cli =
        Cli::parse_from(["medel", "import", "f.json", "--dry-run", "--db", "d.sqlite"]).unwrap();
    let Some(Command::Import(a)) = cli.command else {
        panic!("expected import")
    };
    assert!(a.dry_run && !a.replace);
    assert_eq!(cli.db, Some(PathBuf::from("d.sqlite")));
}

#[test]
fn an_empty_db_flag_is_refused() {
    let err = Cli::parse_from(["medel", "status", "--db", ""]).unwrap_err();
    assert!(err.to_string().contains("--db needs"), "{err}");
}

#[test]
fn no_command_means_the_app() {
    let cli = Cli::parse_from(["medel"]).unwrap();
    assert!(cli.command.is_none());
}
