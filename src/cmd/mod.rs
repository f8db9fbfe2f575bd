//! Subcommand dispatch, and what the subcommands share: transfer records, option parsing
//! for uploads, and the per-object error report of batch commands.

pub mod acl;
pub mod completions;
pub mod config;
pub mod cp;
pub mod get;
pub mod ls;
pub mod mb;
pub mod missing;
pub mod multipart;
pub mod put;
pub mod rb;
pub mod rm;
pub mod signurl;
pub mod stat;
pub mod sync;
pub mod tree;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};

use crate::cli::{Cli, Command};
use crate::client::{Client, Dialect};
use crate::exit::{self, ExitStatus, PartialFailure, UsageError};
use crate::output::Printer;
use crate::settings::{self, Env, ProfileUse};
use crate::transfer::crypt::KeySource;
use crate::transfer::upload::KeptUpload;

/// Runs the parsed command line.
pub fn run(
    cli: &Cli,
    printer: &Printer,
    env: &dyn Env,
    cancel: Arc<AtomicBool>,
) -> anyhow::Result<ExitStatus> {
    // Needs no profile: a broken config file must not stop a shell from starting.
    if let Command::Completions(args) = &cli.command {
        return completions::run(args, printer);
    }
    let profile_use = match &cli.command {
        Command::Config(_) => ProfileUse::Creating,
        _ => ProfileUse::Existing,
    };
    let ctx = settings::load_context(&cli.global, env, profile_use)?;
    if let Some(warning) = crate::config::permission_warning(&ctx.config_path) {
        printer.warn(&warning);
    }
    if let Command::Config(args) = &cli.command {
        return config::run(args, &cli.global, env, &ctx, printer);
    }
    let connection = settings::resolve_connection(&cli.global, env, &ctx)?;
    if connection.insecure {
        printer.warn(
            "--insecure: TLS certificates are not verified; anyone on the network path can read and change this traffic",
        );
    }
    let client = Client::new(connection.client_config(cancel))?;
    let keys = KeySource::new(connection.encryption_key_file.clone());
    let transfers = tree::Ctx {
        client: &client,
        printer,
        tuning: connection.tuning,
        keys: &keys,
        encrypt: false,
        raw: false,
    };
    match &cli.command {
        Command::Config(_) | Command::Completions(_) => unreachable!("handled above"),
        Command::Ls(args) => ls::run(args, &client, printer),
        Command::Mb(args) => mb::run(args, &client, &connection, printer),
        Command::Rb(args) => rb::run(args, transfers),
        Command::Stat(args) => stat::run(args, &client, printer),
        Command::Put(args) => put::run(args, transfers),
        Command::Get(args) => get::run(args, transfers),
        Command::Rm(args) => rm::run(args, transfers),
        Command::Cp(args) => cp::run(args, transfers),
        Command::Sync(args) => sync::run(args, transfers),
        Command::Acl(args) => acl::run(args, &client, printer),
        Command::Signurl(args) => signurl::run(args, &client, printer),
        Command::Multipart(args) => multipart::run(args, transfers),
    }
}

/// The outcome of one object in a transfer command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Done.
    Ok,
    /// `--dry-run`: would be done.
    Planned,
    /// Failed.
    Error,
}

/// One object's line (human) or record (`--json`) of `put`, `get`, `rm`...
pub struct TransferRecord<'a> {
    /// `put`, `get`, `copy`, `delete` or `skip`.
    pub op: &'a str,
    /// Source (a local path, `-`, or a URL).
    pub src: &'a str,
    /// Destination, if the operation has one.
    pub dst: Option<&'a str>,
    /// Bytes moved, if known.
    pub size: Option<u64>,
    /// Outcome.
    pub status: Status,
    /// Why a skip happened, for the human line.
    pub note: Option<&'a str>,
}

/// The JSON `error` object of a record.
pub fn error_value(err: &anyhow::Error) -> Value {
    let (code, message, request_id) = exit::error_fields(err);
    json!({"code": code, "message": message, "request_id": request_id})
}

/// Prints one transfer record: a human line on stdout (unless `-q`) or a JSON record.
pub fn report(
    printer: &Printer,
    rec: &TransferRecord<'_>,
    err: Option<&anyhow::Error>,
) -> std::io::Result<()> {
    if printer.json {
        let mut v = json!({
            "op": rec.op,
            "src": rec.src,
            "dst": rec.dst,
            "size": rec.size,
            "status": match rec.status {
                Status::Ok => "ok",
                Status::Planned => "planned",
                Status::Error => "error",
            },
        });
        if let Some(e) = err {
            v["error"] = error_value(e);
        }
        return printer.record(&v);
    }
    if printer.quiet || rec.status == Status::Error {
        return Ok(());
    }
    let verb = match rec.op {
        "put" => "upload",
        "get" => "download",
        other => other,
    };
    let mut line = String::new();
    if rec.status == Status::Planned {
        line.push_str("(dry run) ");
    }
    line.push_str(&format!("{verb}: {}", printer.escape(rec.src)));
    if let Some(dst) = rec.dst {
        line.push_str(&format!(" -> {}", printer.escape(dst)));
    }
    if let Some(note) = rec.note {
        line.push_str(&format!(" ({note})"));
    } else if let (Some(size), Status::Ok | Status::Planned) = (rec.size, rec.status) {
        line.push_str(&format!(" ({})", crate::units::count(size, "byte")));
    }
    printer.line(&line)
}

/// Reports a failed object of a batch on stderr (and as a record with `--json`), so the
/// batch can go on.
pub fn report_failure(
    printer: &Printer,
    rec: &TransferRecord<'_>,
    err: &anyhow::Error,
) -> std::io::Result<()> {
    printer.error(&format!("{err:#}"));
    if printer.json {
        report(
            printer,
            &TransferRecord {
                status: Status::Error,
                ..*rec
            },
            Some(err),
        )?;
    }
    Ok(())
}

/// The `hint:` lines after an error that kept an upload for `--continue`: the commands that
/// resume and discard it.
pub fn kept_upload_hints(err: &anyhow::Error) -> Vec<String> {
    err.downcast_ref::<KeptUpload>()
        .map(|kept| kept.hints().to_vec())
        .unwrap_or_default()
}

/// Tallies a batch (shared by its workers) and turns its outcome into the command's
/// result: success, the single error of a one-object batch, a partial failure (exit 3), or
/// an interruption (exit 130).
#[derive(Default)]
pub struct Batch {
    done: AtomicUsize,
    failed: AtomicUsize,
    worst: Mutex<Option<ExitStatus>>,
    interrupted: Mutex<Option<anyhow::Error>>,
}

impl Batch {
    /// Counts a success.
    pub fn ok(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a failure that was already reported. An interruption is not a failure of
    /// the object: it ends the batch.
    pub fn failed(&self, err: anyhow::Error) {
        let status = exit::status_of(&err);
        if status == ExitStatus::Interrupted {
            let mut first = self.interrupted.lock().unwrap_or_else(|e| e.into_inner());
            match &*first {
                // The first is the command's final error; each other upload left for
                // --continue is named here, or its id would be lost.
                Some(_) => {
                    if let Some(kept) = err.downcast_ref::<KeptUpload>() {
                        crate::output::eprint(crate::output::Message::Note, &kept.to_string());
                        for line in kept.hints() {
                            crate::output::eprint(crate::output::Message::Hint, &line);
                        }
                    }
                }
                None => *first = Some(err),
            }
            return;
        }
        self.failed.fetch_add(1, Ordering::Relaxed);
        let mut worst = self.worst.lock().unwrap_or_else(|e| e.into_inner());
        *worst = Some(worst.map_or(status, |w| w.max(status)));
    }

    /// Reports a failed object (stderr, and a record with `--json`) and counts it; an
    /// interruption is counted silently, the final report says it.
    pub fn report_failure(&self, printer: &Printer, rec: &TransferRecord<'_>, err: anyhow::Error) {
        if exit::status_of(&err) != ExitStatus::Interrupted {
            let _ = report_failure(printer, rec, &err);
        }
        self.failed(err);
    }

    /// Prints the record of an object done (or planned, or skipped) and counts it.
    pub fn reported(&self, printer: &Printer, rec: &TransferRecord<'_>) {
        let _ = report(printer, rec, None);
        self.ok();
    }

    /// Reports a failure of the source itself (a listing page, an unreadable path): the
    /// record names the source, with no destination or size.
    pub fn source_failed(&self, printer: &Printer, op: &str, src: &str, err: anyhow::Error) {
        let rec = TransferRecord {
            op,
            src,
            dst: None,
            size: None,
            status: Status::Error,
            note: None,
        };
        self.report_failure(printer, &rec, err);
    }

    /// How many objects were done and how many failed.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.failed.load(Ordering::Relaxed),
        )
    }

    /// The batch's result.
    pub fn finish(self) -> anyhow::Result<ExitStatus> {
        if let Some(err) = self
            .interrupted
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
        {
            return Err(err);
        }
        let (done, failed) = (self.done.into_inner(), self.failed.into_inner());
        if failed == 0 {
            return Ok(ExitStatus::Success);
        }
        let status = if done > 0 {
            ExitStatus::Partial
        } else {
            self.worst
                .into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .unwrap_or(ExitStatus::Failure)
        };
        Err(anyhow::Error::new(PartialFailure {
            done,
            failed,
            status,
        }))
    }
}

/// When a presigned URL expires (Unix seconds): `--expires SECS` from now (3600 when
/// neither is given) or `--expires-at UNIX`, by the clock requests are dated with. Refused
/// before anything is signed or started: a zero or past expiry, and more than SigV4's 7 days.
pub fn presign_expiry(
    client: &Client,
    expires: Option<u64>,
    expires_at: Option<i64>,
) -> Result<i64, UsageError> {
    let config = client.transport().config();
    let now = crate::client::request::unix_seconds((config.clock)());
    let at = match (expires, expires_at) {
        (Some(0), _) => return Err(UsageError("--expires must be at least 1 second".into())),
        (Some(secs), _) => now.saturating_add(i64::try_from(secs).unwrap_or(i64::MAX)),
        (None, Some(at)) if at <= now => {
            return Err(UsageError(format!(
                "--expires-at {at} is in the past (now is {now})"
            )));
        }
        (None, Some(at)) => at,
        (None, None) => now + 3600,
    };
    if config.signature == crate::client::SignatureVersion::V4
        && at - now > crate::client::sigv4::MAX_PRESIGN_SECONDS as i64
    {
        return Err(UsageError(format!(
            "a SigV4 presigned URL is valid for at most 604800 seconds (7 days), not {} s; \
             use a shorter --expires, or --signature v2 where the server accepts it",
            at - now
        )));
    }
    Ok(at)
}

/// An MD5 given as 32 hex digits or in base64, as the base64 that Content-MD5 carries;
/// `None` when the text is neither.
pub fn md5_base64(text: &str) -> Option<String> {
    let bytes = if text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        (0..16)
            .map(|j| u8::from_str_radix(&text[2 * j..2 * j + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .ok()?
    } else {
        BASE64.decode(text).ok()?
    };
    (bytes.len() == 16).then(|| BASE64.encode(bytes))
}

/// Checks a canned ACL against the dialect's list (exit 2 with the valid names).
pub fn check_acl(
    acl: &str,
    valid: &[&str],
    dialect: Dialect,
    what: &str,
) -> Result<(), UsageError> {
    if valid.contains(&acl) {
        Ok(())
    } else {
        Err(UsageError(format!(
            "invalid ACL {acl:?} for {} {what}s; valid ACLs: {}",
            dialect.name(),
            valid.join(", ")
        )))
    }
}
