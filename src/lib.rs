//! objcmd: a fast, trustworthy command-line client for object storage speaking the S3,
//! OSS and KS3 dialects of the S3-style REST API.
//!
//! The layers, top to bottom: `cli` (clap, no I/O) -> `settings` (flags > env > profile >
//! defaults) -> `cmd` (one module per subcommand) -> `transfer` (moving bytes) and
//! `client` (signing, requests, XML, errors; no clap, no terminal, no anyhow).

#![warn(missing_docs)]

pub mod address;
pub mod checksum;
pub mod cli;
pub mod client;
pub mod cmd;
pub mod config;
pub mod crc64;
pub mod encryption;
pub mod error;
pub mod exit;
pub mod filter;
pub mod output;
pub mod peers;
pub mod pool;
pub mod secret;
pub mod settings;
pub mod signal;
pub mod throttle;
pub mod transfer;
pub mod units;
mod usage;
pub mod walk;

/// Hex digits to bytes, for the unit tests that read SDK vectors.
#[cfg(test)]
pub(crate) fn unhex(s: &str) -> Vec<u8> {
    assert!(s.len().is_multiple_of(2), "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex digit"))
        .collect()
}

use serde_json::json;

use crate::cli::Cli;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Prints a fatal error: the one-line message, an optional hint, and with `--json` a
/// record on stdout.
fn report_error(printer: &Printer, global: &cli::GlobalArgs, err: &anyhow::Error) {
    if global.json {
        let _ = printer.record(&json!({"status": "error", "error": cmd::record::error_value(err)}));
    }
    printer.error(&format!("{err:#}"));
    let hint = exit::hint(err).or_else(|| {
        (global.anonymous && exit::status_of(err) == ExitStatus::Denied).then(|| {
            "the request was unsigned (--anonymous): without keys only public buckets and objects can be read".to_string()
        })
    });
    if let Some(hint) = hint {
        output::eprint(output::Message::Hint, &hint);
    }
    for line in cmd::record::kept_upload_hints(err) {
        output::eprint(output::Message::Hint, &line);
    }
}

/// Parses the command line, runs it, and reports the outcome. Returns the exit status.
pub fn run() -> ExitStatus {
    let parsed = <Cli as clap::CommandFactory>::command()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m).map(|c| (c, m)));
    let cli = match parsed {
        Ok((mut cli, matches)) => {
            cli::order_filters(&mut cli, &matches);
            cli
        }
        Err(e) => return clap_error(e),
    };
    output::init_logging(cli.global.verbose, cli.global.quiet);
    let printer = Printer::new(&cli.global);
    let cancel = signal::install();
    let result = cmd::run(&cli, &printer, &settings::ProcessEnv, cancel);
    let flushed = printer.flush();
    let status = match result.and_then(|status| flushed.map(|()| status).map_err(Into::into)) {
        Ok(status) => status,
        Err(e) if exit::is_broken_pipe(&e) => return ExitStatus::Success,
        Err(e) => {
            report_error(&printer, &cli.global, &e);
            exit::status_of(&e)
        }
    };
    // A broken pipe here changes nothing: the status is the command's.
    let _ = printer.close();
    status
}

/// Reports a command-line error on one line (clap's own report spans several), keeping
/// clap's tip as a hint, or saying what objcmd does instead of a peer's flag. `--help` and
/// `--version` print as usual.
fn clap_error(e: clap::Error) -> ExitStatus {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitStatus::Usage
        } else {
            ExitStatus::Success
        };
    }
    let subcommand = usage::subcommand(&e);
    let (message, tip) = usage::message_and_tip(&e, subcommand.as_deref());
    // args_os: an argument that is not UTF-8 is itself the error being reported.
    let json = std::env::args_os().any(|a| a == "--json");
    if json {
        println!(
            "{}",
            json!({"status": "error", "error": {"code": "UsageError", "message": &message, "request_id": null}})
        );
    }
    output::eprint(output::Message::Error, &message);
    if let Some(tip) = tip {
        output::eprint(output::Message::Hint, &tip);
    }
    let help = match &subcommand {
        Some(sub) => format!("run 'objcmd {sub} --help' for usage"),
        None => "run 'objcmd --help' for usage".to_string(),
    };
    output::eprint(output::Message::Hint, &help);
    ExitStatus::Usage
}
