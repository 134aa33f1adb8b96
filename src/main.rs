//! The binary: parse the arguments, run the command, report errors.
//! Everything else is in the library.

use std::process::ExitCode;

use medel::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse_args();
    match medel::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // The whole chain: "cannot open X: <cause>".
            medel::commands::print_error(&e);
            ExitCode::from(2)
        }
    }
}
