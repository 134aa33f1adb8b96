//! Where `report` and `export` write: standard output, or a file written
//! by `files::write_output` (a random temporary name renamed into place,
//! a pipe or device streamed into, a link refused).

use std::path::Path;

use anyhow::{Result, anyhow};

use super::{Session, print_bytes};
use crate::files::write_output;
use crate::i18n::os_errors;

pub fn write_out(ctx: &Session, output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match output {
        None => print_bytes(bytes),
        // The worded error names the path and what is wrong with it.
        Some(path) => write_output(path, bytes).map_err(|e| anyhow!(os_errors::file(&e, ctx.lang))),
    }
}
