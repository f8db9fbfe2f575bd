//! `objcmd completions`: the shell completion scripts, generated from the clap definitions
//! (the files in `completions/` are this command's output, checked by tests/generated.rs).

use clap::CommandFactory as _;
use serde_json::json;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit::ExitStatus;
use crate::output::Printer;

/// The completion script for `shell`.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "objcmd", &mut out);
    out
}

/// Runs `completions`: the script on stdout (with `--json`, inside a record).
pub fn run(args: &CompletionsArgs, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let script = script(args.shell);
    if printer.json {
        let text = String::from_utf8_lossy(&script);
        printer.record(&json!({"shell": args.shell.to_string(), "script": text}))?;
    } else {
        printer.write_data(&script)?;
    }
    Ok(ExitStatus::Success)
}
