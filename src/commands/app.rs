//! The full-screen app, opened when no command is given. It will live in
//! `src/tui/`; until it exists this only says so and points to `status`.

use std::process::ExitCode;

use anyhow::Result;

use super::{Context, print};

/// `medel` without a command.
pub fn run(ctx: &Context) -> Result<ExitCode> {
    print(&format!("{}\n", ctx.texts.app_not_in_build))?;
    Ok(ExitCode::SUCCESS)
}
