//! `run`: objcmd command lines from a file or stdin, `-j` at once.
//!
//! Each line runs as a child process of this very executable, so it behaves exactly as if
//! typed alone: its own settings, output and exit code, and no state (a profile, a window
//! of jobs, a half-read stdin) leaks from one line to the next. `run` itself only reads and
//! parses the lines (a bad one is reported with its number and the others still run),
//! passes its own global options on to each line that does not set them, keeps each line's
//! output in one piece, numbers `--json` records with `"line": N`, and exits with the worst
//! line's status, ranked as `ExitStatus` orders them (as a batch ranks its failures).

use std::borrow::Cow;
use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use anyhow::Context as _;
use clap::{Parser as _, ValueEnum};
use serde_json::json;

use crate::cli::{Cli, Command, GlobalArgs, RunArgs};
use crate::error::LocalNotFound;
use crate::exit::ExitStatus;
use crate::output::{self, Message, Printer};

/// One line of the file, ready to run or refused.
enum Line {
    /// Blank, or a comment.
    Skip,
    /// Refused before running: the message and a hint.
    Bad(String, Option<String>),
    /// A command to run.
    Run(Child),
}

/// What a line's child process is given: its arguments, and the secrets of `run`'s own
/// flags, passed in the environment rather than where `ps` shows them.
struct Child {
    args: Vec<OsString>,
    env: Vec<(&'static str, String)>,
}

/// How the children's output reaches ours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    /// One line at a time: the child writes to our stderr (and stdout, unless its records
    /// are numbered) itself, as if run alone, bars included.
    Through,
    /// Several at once: each child's output is held and printed in one piece as it ends.
    Held,
}

/// The lines run so far, the failed ones, and the first error writing our own output.
#[derive(Default)]
struct Tally {
    worst: Option<ExitStatus>,
    failed: Vec<(usize, ExitStatus)>,
    broken: Option<io::Error>,
}

/// The state shared by the lines of one run.
struct Runner<'a> {
    exe: PathBuf,
    global: &'a GlobalArgs,
    printer: &'a Printer,
    capture: Capture,
    tally: Mutex<Tally>,
    /// Held so that one line's output is never cut by another's.
    output: Mutex<()>,
}

/// Runs the lines of `args.file` (stdin if none or `-`).
pub fn run(
    args: &RunArgs,
    global: &GlobalArgs,
    printer: &Printer,
    cancel: Arc<AtomicBool>,
) -> anyhow::Result<ExitStatus> {
    let source = open(args.file.as_deref())?;
    let exe = std::env::current_exe().context("finding objcmd's own executable")?;
    // -j is lines at once here; each line keeps its own -j (default 1: in order, as a
    // script runs, since a line often needs what the one before made).
    let jobs = global.jobs.unwrap_or(1).max(1);
    let runner = Runner {
        exe,
        global,
        printer,
        capture: if jobs == 1 {
            Capture::Through
        } else {
            Capture::Held
        },
        tally: Mutex::new(Tally::default()),
        output: Mutex::new(()),
    };
    // No queue: a line is read only when a worker is free for it, so an interruption
    // leaves nothing read and not run.
    let (tx, rx) = mpsc::sync_channel::<(usize, Child)>(0);
    let rx = Mutex::new(rx);
    let fed = std::thread::scope(|s| {
        for _ in 1..jobs {
            s.spawn(|| runner.work(&rx));
        }
        let fed = runner.feed(source, &cancel, |n, child| match jobs {
            1 => runner.launch(n, child),
            _ => {
                let _ = tx.send((n, child));
            }
        });
        drop(tx);
        fed
    });
    let tally = runner.tally.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(err) = tally.broken {
        return Err(err.into());
    }
    let not_run = fed?;
    report_end(printer, &tally, not_run);
    let worst = tally.worst.unwrap_or(ExitStatus::Success);
    Ok(match not_run {
        Some(_) => ExitStatus::Interrupted,
        None => worst,
    })
}

/// The source of lines: the file, or stdin.
fn open(file: Option<&Path>) -> anyhow::Result<Box<dyn BufRead>> {
    let Some(path) = file.filter(|p| *p != Path::new("-")) else {
        return Ok(Box::new(io::stdin().lock()));
    };
    match std::fs::File::open(path) {
        Ok(f) => Ok(Box::new(BufReader::new(f))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(anyhow::Error::new(LocalNotFound(
            format!("{}: no such file", path.display()),
        ))),
        Err(e) => Err(e).with_context(|| format!("opening {}", path.display())),
    }
}

/// On stderr: which lines failed, and where an interruption stopped.
fn report_end(printer: &Printer, tally: &Tally, not_run: Option<usize>) {
    if !tally.failed.is_empty() {
        let mut failed = tally.failed.clone();
        failed.sort_unstable();
        let named: Vec<String> = failed
            .iter()
            .take(10)
            .map(|(n, s)| format!("line {n} (exit {})", s.code()))
            .collect();
        let more = if failed.len() > 10 { ", ..." } else { "" };
        printer.info(&format!(
            "{} line(s) failed: {}{more}",
            failed.len(),
            named.join(", ")
        ));
    }
    if let Some(n) = not_run {
        output::eprint(
            Message::Note,
            &format!("interrupted: line {n} and the lines after it were not run"),
        );
    }
}

impl Runner<'_> {
    /// Reads, parses and hands on each line until the end or an interruption; returns the
    /// first line not run when interrupted.
    fn feed(
        &self,
        source: Box<dyn BufRead>,
        cancel: &AtomicBool,
        mut launch: impl FnMut(usize, Child),
    ) -> anyhow::Result<Option<usize>> {
        for (i, bytes) in source.split(b'\n').enumerate() {
            let n = i + 1;
            let bytes = bytes.context("reading the command lines")?;
            if cancel.load(Ordering::SeqCst) {
                return Ok(Some(n));
            }
            if self
                .tally
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .broken
                .is_some()
            {
                break;
            }
            match parse(bytes, self.global) {
                Line::Skip => {}
                Line::Bad(message, hint) => self.refuse(n, &message, hint.as_deref()),
                Line::Run(child) => launch(n, child),
            }
        }
        Ok(None)
    }

    /// A worker of `-j N`: runs lines until the feed ends.
    fn work(&self, rx: &Mutex<mpsc::Receiver<(usize, Child)>>) {
        loop {
            let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok((n, child)) = next else { return };
            self.launch(n, child);
        }
    }

    /// Runs one line to its end and counts its status.
    fn launch(&self, n: usize, child: Child) {
        let mut process = Process::new(&self.exe);
        process
            .args(&child.args)
            .envs(child.env)
            .stdin(Stdio::null());
        let result = match self.capture {
            Capture::Through => self.through(n, &mut process),
            Capture::Held => self.held(n, &mut process),
        };
        match result {
            Ok(status) => self.count(n, status),
            Err(Failed::Output(e)) => {
                let mut tally = self.tally.lock().unwrap_or_else(|e| e.into_inner());
                tally.broken.get_or_insert(e);
            }
            Err(Failed::Start(e)) => {
                self.printer
                    .error(&format!("line {n}: cannot start objcmd: {e}"));
                self.count(n, ExitStatus::Failure);
            }
        }
    }

    /// One line at a time: stderr (and stdout without `--json`) straight through.
    fn through(&self, n: usize, process: &mut Process) -> Result<ExitStatus, Failed> {
        self.printer.flush().map_err(Failed::Output)?;
        if !self.printer.json {
            let status = process.status().map_err(Failed::Start)?;
            return Ok(status_of(status));
        }
        let mut child = process
            .stdout(Stdio::piped())
            .spawn()
            .map_err(Failed::Start)?;
        let copied = match child.stdout.take() {
            Some(stdout) => self.copy_numbered(n, BufReader::new(stdout)),
            None => Ok(()),
        };
        let status = child.wait().map_err(Failed::Start)?;
        copied.map_err(Failed::Output)?;
        Ok(status_of(status))
    }

    /// Several at once: the whole output of the line, printed in one piece.
    fn held(&self, n: usize, process: &mut Process) -> Result<ExitStatus, Failed> {
        let out = process.output().map_err(Failed::Start)?;
        let _whole = self.output.lock().unwrap_or_else(|e| e.into_inner());
        let written = if self.printer.json {
            self.copy_numbered(n, &out.stdout[..])
        } else {
            self.printer.write_data(&out.stdout)
        };
        written
            .and_then(|()| self.printer.flush())
            .and_then(|()| io::stderr().write_all(&out.stderr))
            .map_err(Failed::Output)?;
        Ok(status_of(out.status))
    }

    /// Copies a child's stdout to ours, each JSON record numbered, each flushed (a reader
    /// of records takes them as the progress of a long line).
    fn copy_numbered(&self, n: usize, mut from: impl BufRead) -> io::Result<()> {
        let mut line = Vec::new();
        loop {
            line.clear();
            if from.read_until(b'\n', &mut line)? == 0 {
                return Ok(());
            }
            self.printer.write_data(&numbered(n, &line))?;
            self.printer.flush()?;
        }
    }

    /// Reports a line refused before running (exit 2 for that line).
    fn refuse(&self, n: usize, message: &str, hint: Option<&str>) {
        let _whole = self.output.lock().unwrap_or_else(|e| e.into_inner());
        if self.printer.json {
            let err = crate::error::usage(message);
            let record =
                json!({"line": n, "status": "error", "error": super::record::error_value(&err)});
            if let Err(e) = self.printer.record(&record) {
                self.tally
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .broken
                    .get_or_insert(e);
            }
        }
        self.printer.error(&format!("line {n}: {message}"));
        if let Some(hint) = hint {
            output::eprint(Message::Hint, hint);
        }
        self.count(n, ExitStatus::Usage);
    }

    fn count(&self, n: usize, status: ExitStatus) {
        let mut tally = self.tally.lock().unwrap_or_else(|e| e.into_inner());
        tally.worst = Some(tally.worst.map_or(status, |w| w.max(status)));
        if status != ExitStatus::Success {
            tally.failed.push((n, status));
        }
    }
}

/// Why a line could not be run or its output not be copied.
enum Failed {
    /// The child did not start (or could not be waited for).
    Start(io::Error),
    /// Our own stdout or stderr failed (a closed pipe): the run stops.
    Output(io::Error),
}

/// A child's exit status as objcmd ranks it; killed by a signal counts as interrupted
/// when the signal was SIGINT or SIGTERM, else as a failure.
fn status_of(status: std::process::ExitStatus) -> ExitStatus {
    if let Some(code) = status.code() {
        return ExitStatus::from_code(code);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt as _;
        if matches!(status.signal(), Some(libc::SIGINT | libc::SIGTERM)) {
            return ExitStatus::Interrupted;
        }
    }
    ExitStatus::Failure
}

/// A record line with `"line": N` put first; any other line (not JSON, `cat`'s data, or
/// a record that has its own `"line"`) as it is.
fn numbered(n: usize, line: &[u8]) -> Cow<'_, [u8]> {
    let body = line.trim_ascii();
    let record = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body);
    match record {
        Ok(map) if !map.contains_key("line") => {
            let comma = if map.is_empty() { "" } else { "," };
            let mut out = format!("{{\"line\":{n}{comma}").into_bytes();
            // A record parsed as an object starts with `{`: the rest follows unchanged.
            out.extend_from_slice(&body[1..]);
            out.push(b'\n');
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(line),
    }
}

/// Parses one line of the file; `parent` holds `run`'s own global options.
fn parse(bytes: Vec<u8>, parent: &GlobalArgs) -> Line {
    let Ok(text) = String::from_utf8(bytes) else {
        return Line::Bad("the line is not UTF-8".into(), None);
    };
    let text = text.trim();
    if text.is_empty() || text.starts_with('#') {
        return Line::Skip;
    }
    // shlex: POSIX shell quoting as people write it in scripts ('a b', "a b", a\ b).
    let Some(words) = shlex::split(text) else {
        return Line::Bad(
            "unbalanced quotes (or a backslash at the end)".into(),
            Some("quote as in a shell: 'two words', \"two words\" or two\\ words".into()),
        );
    };
    match words.first().map(String::as_str) {
        None => return Line::Skip,
        Some("objcmd") => {
            return Line::Bad(
                "the line starts with the word objcmd".into(),
                Some("write each line without it, e.g. ls s3://BUCKET".into()),
            );
        }
        Some(_) => {}
    }
    let argv = std::iter::once("objcmd").chain(words.iter().map(String::as_str));
    match Cli::try_parse_from(argv) {
        Ok(cli) if matches!(cli.command, Command::Run(_)) => Line::Bad(
            "run cannot be a line of a run file".into(),
            Some("put the lines of the other file in this one, or run it on its own".into()),
        ),
        Ok(cli) => Line::Run(child(parent, &cli.global, words)),
        // `ls --help` prints what it prints alone.
        Err(e) if shows_help(&e) => Line::Run(child(parent, &GlobalArgs::default(), words)),
        Err(e) => {
            let sub = crate::usage::subcommand(&e);
            let (message, tip) = crate::usage::message_and_tip(&e, sub.as_deref());
            Line::Bad(message, tip)
        }
    }
}

/// `--help`, `--version`, or a command group without its subcommand (`multipart`).
fn shows_help(e: &clap::Error) -> bool {
    use clap::error::ErrorKind;
    matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// A line's child: `run`'s global options that the line does not set itself, then the
/// line. `-j` is not passed on: for `run` it counts lines.
fn child(parent: &GlobalArgs, line: &GlobalArgs, words: Vec<String>) -> Child {
    // Named one by one (no `..`), so that a new global option cannot be forgotten here.
    let GlobalArgs {
        profile,
        config,
        provider,
        endpoint,
        region,
        access_key,
        secret_key,
        security_token,
        anonymous,
        addressing,
        cname,
        signature,
        checksum_algorithm,
        sse,
        sse_kms_key_id,
        sse_c_key_file,
        sse_c_source_key_file,
        json,
        quiet,
        verbose,
        progress,
        progress_interval,
        no_progress,
        retries,
        timeout,
        limit_rate,
        jobs: _,
        part_size,
        copy_threshold,
        part_jobs,
        ca_bundle,
        insecure,
        resolve,
    } = parent;
    let mut c = Child {
        args: Vec::new(),
        env: Vec::new(),
    };
    c.value(
        "--profile",
        profile.as_ref().map(OsString::from),
        &line.profile,
    );
    c.value(
        "--config",
        config.as_ref().map(OsString::from),
        &line.config,
    );
    c.value("--provider", provider.map(word), &line.provider);
    c.value(
        "--endpoint",
        endpoint.as_ref().map(OsString::from),
        &line.endpoint,
    );
    c.value(
        "--region",
        region.as_ref().map(OsString::from),
        &line.region,
    );
    c.value(
        "--access-key",
        access_key.as_ref().map(OsString::from),
        &line.access_key,
    );
    c.switch("--anonymous", *anonymous, line.anonymous);
    c.value("--addressing", addressing.map(word), &line.addressing);
    c.switch("--cname", *cname, line.cname);
    c.value("--signature", signature.map(word), &line.signature);
    let checksum = checksum_algorithm.map(word);
    c.value("--checksum-algorithm", checksum, &line.checksum_algorithm);
    c.value("--sse", sse.map(word), &line.sse);
    let kms_key = sse_kms_key_id.as_ref().map(OsString::from);
    c.value("--sse-kms-key-id", kms_key, &line.sse_kms_key_id);
    let key_file = sse_c_key_file.as_ref().map(OsString::from);
    c.value("--sse-c-key-file", key_file, &line.sse_c_key_file);
    let source_key_file = sse_c_source_key_file.as_ref().map(OsString::from);
    c.value(
        "--sse-c-source-key-file",
        source_key_file,
        &line.sse_c_source_key_file,
    );
    c.switch("--json", *json, line.json);
    if !line.quiet && line.verbose == 0 {
        c.switch("--quiet", *quiet, line.quiet);
        c.args.extend((0..*verbose).map(|_| OsString::from("-v")));
    }
    c.value("--progress", progress.map(word), &line.progress);
    let interval = progress_interval.map(number);
    c.value("--progress-interval", interval, &line.progress_interval);
    c.switch("--no-progress", *no_progress, line.no_progress);
    c.value("--retries", retries.map(number), &line.retries);
    c.value("--timeout", timeout.map(number), &line.timeout);
    c.value(
        "--limit-rate",
        limit_rate.as_ref().map(OsString::from),
        &line.limit_rate,
    );
    c.value(
        "--part-size",
        part_size.as_ref().map(OsString::from),
        &line.part_size,
    );
    let threshold = copy_threshold.as_ref().map(OsString::from);
    c.value("--copy-threshold", threshold, &line.copy_threshold);
    c.value("--part-jobs", part_jobs.map(number), &line.part_jobs);
    c.value(
        "--ca-bundle",
        ca_bundle.as_ref().map(OsString::from),
        &line.ca_bundle,
    );
    c.switch("--insecure", *insecure, line.insecure);
    if line.resolve.is_empty() {
        for r in resolve {
            c.args.extend([OsString::from("--resolve"), r.into()]);
        }
    }
    if let (Some(s), None) = (secret_key, &line.secret_key) {
        c.env.push(("OBJCMD_SECRET_KEY", s.expose().to_string()));
    }
    if let (Some(s), None) = (security_token, &line.security_token) {
        c.env
            .push(("OBJCMD_SECURITY_TOKEN", s.expose().to_string()));
    }
    c.args.extend(words.into_iter().map(OsString::from));
    c
}

impl Child {
    /// `FLAG VALUE` when `run` has the value and the line does not set the option.
    fn value<T>(&mut self, flag: &str, parent: Option<OsString>, line: &Option<T>) {
        if let (Some(value), None) = (parent, line) {
            self.args.extend([OsString::from(flag), value]);
        }
    }

    /// `FLAG` when `run` has the switch on and the line does not.
    fn switch(&mut self, flag: &str, parent: bool, line: bool) {
        if parent && !line {
            self.args.push(flag.into());
        }
    }
}

/// The word of a choice, as typed on the command line.
fn word(choice: impl ValueEnum) -> OsString {
    choice
        .to_possible_value()
        .map(|v| OsString::from(v.get_name()))
        .unwrap_or_default()
}

fn number(n: impl ToString) -> OsString {
    n.to_string().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args_of(line: Line) -> Vec<String> {
        match line {
            Line::Run(c) => c
                .args
                .into_iter()
                .map(|a| a.into_string().unwrap())
                .collect(),
            Line::Skip => vec!["<skip>".into()],
            Line::Bad(m, _) => vec![format!("<bad: {m}>")],
        }
    }

    fn parent(args: &[&str]) -> GlobalArgs {
        let argv = ["objcmd"].iter().chain(args).chain(&["ls"]);
        Cli::try_parse_from(argv).unwrap().global
    }

    #[test]
    fn lines_are_split_as_a_shell_does_and_comments_skipped() {
        let p = parent(&[]);
        let parse_str = |s: &str| args_of(parse(s.as_bytes().to_vec(), &p));
        assert_eq!(parse_str("  # a comment"), ["<skip>"]);
        assert_eq!(parse_str("   \r"), ["<skip>"]);
        assert_eq!(
            parse_str("put 'a b.txt' \"s3://b/c d\"  # why"),
            ["put", "a b.txt", "s3://b/c d"]
        );
        assert!(parse_str("put 'a s3://b/")[0].starts_with("<bad: unbalanced"));
        assert!(parse_str("frobnicate s3://b")[0].contains("unrecognized subcommand"));
        assert!(parse_str("run other.txt")[0].starts_with("<bad: run cannot"));
        assert!(parse_str("objcmd ls")[0].contains("word objcmd"));
        assert!(args_of(parse(vec![0xff, b'\n'], &p))[0].contains("UTF-8"));
    }

    #[test]
    fn runs_own_options_pass_on_unless_the_line_sets_them() {
        let p = parent(&[
            "--json",
            "-q",
            "-p",
            "prod",
            "--signature",
            "v4",
            "--resolve",
            "h:1",
            "-j",
            "8",
            "--secret-key",
            "S",
        ]);
        let Line::Run(c) = parse(b"-p other -v stat s3://b/k".to_vec(), &p) else {
            panic!("not run");
        };
        let args: Vec<_> = c.args.iter().map(|a| a.to_str().unwrap()).collect();
        assert_eq!(
            args,
            [
                "--signature",
                "v4",
                "--json",
                "--resolve",
                "h:1",
                "-p",
                "other",
                "-v",
                "stat",
                "s3://b/k"
            ]
        );
        assert_eq!(c.env, [("OBJCMD_SECRET_KEY", "S".to_string())]);
    }

    #[test]
    fn records_are_numbered_and_other_output_kept() {
        assert_eq!(
            &*numbered(3, b"{\"op\":\"put\",\"status\":\"ok\"}\n"),
            b"{\"line\":3,\"op\":\"put\",\"status\":\"ok\"}\n"
        );
        assert_eq!(&*numbered(4, b"{}\n"), b"{\"line\":4}\n");
        assert_eq!(&*numbered(5, b"raw data\n"), b"raw data\n");
        assert_eq!(&*numbered(6, b"[1]\n"), b"[1]\n");
        assert_eq!(&*numbered(7, b"{\"line\":1}\n"), b"{\"line\":1}\n");
    }
}
