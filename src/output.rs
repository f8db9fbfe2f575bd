//! Output policy: results on stdout (human lines or `--json` records), chatter on stderr,
//! progress bars only on a terminal (or with `--progress lines` a status line every few
//! seconds, for logs), colour only on a terminal and never with `NO_COLOR`, control
//! characters escaped on a terminal, and the logger behind `-v` / `-vv`.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{GlobalArgs, ProgressMode};
use crate::transfer::Progress;

mod aggregate;

pub use aggregate::{Ticker, TreeStatus, TreeTally, clock};

/// Whether a stream may be coloured: a terminal, `NO_COLOR` unset or empty (the
/// no-color.org rule), and a terminal that knows colours (`TERM` not `dumb`).
fn colour_allowed(is_tty: bool) -> bool {
    is_tty
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

/// How a piece of text is coloured on a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `error:` labels: bold red.
    Error,
    /// `warning:` labels: bold yellow.
    Warning,
    /// `hint:` labels: cyan.
    Hint,
    /// Common prefixes in listings: bold blue, as `ls` shows directories.
    Dir,
}

impl Style {
    fn sgr(self) -> &'static str {
        match self {
            Style::Error => "1;31",
            Style::Warning => "1;33",
            Style::Hint => "36",
            Style::Dir => "1;34",
        }
    }

    /// `text` in this style when `colour`, else as it is.
    pub fn paint(self, colour: bool, text: &str) -> Cow<'_, str> {
        if colour {
            Cow::Owned(format!("\x1b[{}m{text}\x1b[0m", self.sgr()))
        } else {
            Cow::Borrowed(text)
        }
    }
}

/// Control characters shown escaped, so that a hostile key or server message cannot move
/// a terminal's cursor or change its colours.
fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_controls_but(text, None)
}

/// [`escape_controls`], keeping `kept` (the line breaks of a multi-line debug record).
fn escape_controls_but(text: &str, kept: Option<char>) -> Cow<'_, str> {
    let escaped = |c: char| c.is_control() && Some(c) != kept;
    if text.chars().any(escaped) {
        let mut out = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            if escaped(c) {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether stderr is a terminal, and whether it may be coloured.
static STDERR: LazyLock<(bool, bool)> = LazyLock::new(|| {
    let tty = io::stderr().is_terminal();
    (tty, colour_allowed(tty))
});

/// The kinds of message on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Message {
    /// `objcmd: error: ...`
    Error,
    /// `objcmd: warning: ...`
    Warning,
    /// `hint: ...`, after an error
    Hint,
    /// `objcmd: info: ...` (`-v`)
    Info,
    /// `objcmd: debug: ...` (`-vv`)
    Debug,
    /// `objcmd: ...`
    Note,
}

/// The aggregate bar of the tree command running, if one is drawn: what is written to the
/// terminal meanwhile is written above it (the bar is lifted, then drawn again).
static ACTIVE_BAR: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Runs `write` with the aggregate bar (if any) lifted off the terminal.
fn above_bar<R>(write: impl FnOnce() -> R) -> R {
    let bar = ACTIVE_BAR.lock().unwrap_or_else(|e| e.into_inner()).clone();
    match bar {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// Writes one message line on stderr: labelled, coloured and escaped as the terminal
/// allows. Every line objcmd writes on stderr goes through here.
pub fn eprint(kind: Message, text: &str) {
    above_bar(|| eprint_now(kind, text));
}

fn eprint_now(kind: Message, text: &str) {
    let (tty, colour) = *STDERR;
    let text = match (tty, kind) {
        (false, _) => Cow::Borrowed(text),
        // `-vv` shows a request's head as one line per header.
        (true, Message::Debug) => escape_controls_but(text, Some('\n')),
        (true, _) => escape_controls(text),
    };
    match kind {
        Message::Error => eprintln!("objcmd: {} {text}", Style::Error.paint(colour, "error:")),
        Message::Warning => {
            eprintln!(
                "objcmd: {} {text}",
                Style::Warning.paint(colour, "warning:")
            )
        }
        Message::Hint => eprintln!("{} {text}", Style::Hint.paint(colour, "hint:")),
        Message::Info => eprintln!("objcmd: info: {text}"),
        Message::Debug => eprintln!("objcmd: debug: {text}"),
        Message::Note => eprintln!("objcmd: {text}"),
    }
}

/// How progress is shown, decided once from the options and the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    /// Not at all.
    Nothing,
    /// Bars on the terminal (stderr).
    Bar,
    /// Trees print a status line on stderr at this interval.
    Lines(Duration),
}

impl Shown {
    /// `--progress` (`--no-progress` is `none`): a bar only ever on a terminal and never
    /// with `-v` (whose log lines would tear it); nothing at all with `-q`.
    fn of(global: &GlobalArgs, stderr_tty: bool) -> Shown {
        let mode = match global.no_progress {
            true => ProgressMode::None,
            false => global.progress.unwrap_or_default(),
        };
        match mode {
            _ if global.quiet => Shown::Nothing,
            ProgressMode::None => Shown::Nothing,
            ProgressMode::Lines => {
                Shown::Lines(Duration::from_secs(global.progress_interval.unwrap_or(10)))
            }
            ProgressMode::Auto | ProgressMode::Bar if stderr_tty && global.verbose == 0 => {
                Shown::Bar
            }
            ProgressMode::Auto | ProgressMode::Bar => Shown::Nothing,
        }
    }
}

/// Where and how the program speaks.
pub struct Printer {
    /// `--json`: records on stdout.
    pub json: bool,
    /// `-q`: no informational messages.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u8,
    shown: Shown,
    stdout_tty: bool,
    /// Whether stdout may be coloured.
    pub colour: bool,
    stdout: Mutex<io::BufWriter<io::Stdout>>,
    /// The record that ends the output (a tree's summary), printed by [`Printer::close`]
    /// after the command's error record, if any.
    closing: Mutex<Option<serde_json::Value>>,
}

impl Printer {
    /// The printer for these global options.
    pub fn new(global: &GlobalArgs) -> Printer {
        let stderr_tty = io::stderr().is_terminal();
        let stdout_tty = io::stdout().is_terminal();
        Printer {
            json: global.json,
            quiet: global.quiet,
            verbose: global.verbose,
            shown: Shown::of(global, stderr_tty),
            stdout_tty,
            colour: colour_allowed(stdout_tty),
            stdout: Mutex::new(io::BufWriter::new(io::stdout())),
            closing: Mutex::new(None),
        }
    }

    /// Keeps `value` to be the last record of the output, written by [`Printer::close`]:
    /// cli.md promises that a tree's summary is the last record, and the command's error
    /// record (of a partial run) is printed after the command returns.
    pub fn closing_record(&self, value: serde_json::Value) {
        *self.closing.lock().unwrap_or_else(|e| e.into_inner()) = Some(value);
    }

    /// Writes the closing record, if any, and flushes stdout.
    pub fn close(&self) -> io::Result<()> {
        let closing = self
            .closing
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(value) = closing {
            self.record(&value)?;
        }
        self.flush()
    }

    fn with_stdout(&self, f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        let mut out = self.stdout.lock().unwrap_or_else(|e| e.into_inner());
        // A terminal user wants each line now (above a tree's bar); a pipe gets them in
        // blocks.
        if self.stdout_tty {
            above_bar(|| {
                f(&mut *out)?;
                out.flush()
            })
        } else {
            f(&mut *out)
        }
    }

    /// Writes one human-readable line to stdout.
    pub fn line(&self, text: &str) -> io::Result<()> {
        self.with_stdout(|out| writeln!(out, "{text}"))
    }

    /// Writes one JSON record to stdout, flushed: a program reading a long transfer's
    /// records takes them as its progress, so none may wait in the buffer for the next.
    pub fn record(&self, value: &serde_json::Value) -> io::Result<()> {
        self.with_stdout(|out| {
            serde_json::to_writer(&mut *out, value)?;
            writeln!(out)?;
            out.flush()
        })
    }

    /// Writes one JSON record of a listing page, left in the buffer: the caller flushes at
    /// the page's end, as a flush per record costs a system call each (20,000 on a
    /// 20,000-key listing).
    pub fn page_record(&self, value: &serde_json::Value) -> io::Result<()> {
        let mut out = self.stdout.lock().unwrap_or_else(|e| e.into_inner());
        serde_json::to_writer(&mut *out, value)?;
        writeln!(out)
    }

    /// Raw bytes to stdout (object data for `get ... -`).
    pub fn write_data(&self, data: &[u8]) -> io::Result<()> {
        let mut out = self.stdout.lock().unwrap_or_else(|e| e.into_inner());
        out.write_all(data)
    }

    /// Flushes stdout.
    pub fn flush(&self) -> io::Result<()> {
        self.stdout
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .flush()
    }

    /// A message on stderr unless `-q`.
    pub fn info(&self, text: &str) {
        if !self.quiet {
            let _ = self.flush();
            eprint(Message::Note, text);
        }
    }

    /// A warning on stderr (shown even with `-q`).
    pub fn warn(&self, text: &str) {
        let _ = self.flush();
        eprint(Message::Warning, text);
    }

    /// An error on stderr, after what stdout holds so far.
    pub fn error(&self, text: &str) {
        let _ = self.flush();
        eprint(Message::Error, text);
    }

    /// Makes a key or path safe to print: on a terminal, control characters are shown
    /// escaped so that a hostile key cannot move the cursor or change colours.
    pub fn escape<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.stdout_tty {
            escape_controls(text)
        } else {
            Cow::Borrowed(text)
        }
    }

    /// A progress bar for a transfer of `len` bytes (0 when not known yet: the transfer
    /// sets it); hidden unless stderr is a terminal. Nothing is drawn until the transfer
    /// first reports (its length, or bytes sent), so no frame shows a length it does not
    /// know yet.
    pub fn progress_bar(&self, len: u64, label: &str) -> Bar {
        self.bar(
            (len > 0).then_some(len),
            label,
            "{msg} {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta}",
        )
    }

    /// A progress bar for a stream whose length is known only at its end (stdin): bytes
    /// and rate, with no fill and no ETA, which would need the length.
    pub fn stream_bar(&self, label: &str) -> Bar {
        self.bar(None, label, "{msg} {bytes} {binary_bytes_per_sec}")
    }

    fn bar(&self, len: Option<u64>, label: &str, template: &str) -> Bar {
        match self.shown {
            Shown::Bar => {}
            Shown::Nothing => return Bar::hidden(),
            Shown::Lines(_) => {
                // Drawn nowhere; a ticker prints its counts.
                let bar = ProgressBar::hidden();
                if let Some(len) = len {
                    bar.set_length(len);
                }
                let tally = aggregate::OneTransfer {
                    bar: bar.clone(),
                    label: label.to_string(),
                };
                let ticker = self.ticker(Arc::new(tally));
                return Bar {
                    bar,
                    lines: Arc::new(Mutex::new(ticker)),
                };
            }
        }
        // Set up out of sight: a label shown alone would be drawn with an empty length.
        let bar = ProgressBar::with_draw_target(len, ProgressDrawTarget::hidden());
        let style =
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(label.to_string());
        bar.set_draw_target(ProgressDrawTarget::stderr());
        Bar {
            bar,
            lines: Arc::default(),
        }
    }
}

/// A transfer's progress bar on stderr (hidden when the printer shows no progress, and
/// with `--progress lines`, where a status line is printed every few seconds instead):
/// the face of the engine's [`Progress`].
#[derive(Clone)]
pub struct Bar {
    bar: ProgressBar,
    /// The status lines of `--progress lines`, until the transfer ends (or the last clone
    /// of the bar is dropped).
    lines: Arc<Mutex<Option<Ticker>>>,
}

impl Bar {
    fn hidden() -> Bar {
        Bar {
            bar: ProgressBar::hidden(),
            lines: Arc::default(),
        }
    }
}

impl Progress for Bar {
    fn set_length(&self, len: u64) {
        self.bar.set_length(len);
    }

    fn set_position(&self, pos: u64) {
        self.bar.set_position(pos);
    }

    /// False with `--progress lines` too: its status lines need the bytes as they are
    /// sent, not a part at a time.
    fn is_hidden(&self) -> bool {
        self.bar.is_hidden()
            && self
                .lines
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .is_none()
    }

    fn finish(&self) {
        if let Some(ticker) = self.lines.lock().unwrap_or_else(|e| e.into_inner()).take() {
            ticker.stop();
        }
        self.bar.finish_and_clear();
    }

    fn shared(&self) -> Arc<dyn Progress> {
        Arc::new(self.clone())
    }
}

/// Reads a secret from the terminal without echoing it.
///
/// Echo is turned off *before* the prompt is shown, so that nothing typed after the prompt
/// appears (rpassword shows the prompt first, and a fast typist or a paste races it).
#[cfg(unix)]
pub fn read_secret(prompt: &str) -> io::Result<String> {
    use std::io::BufRead;
    use std::os::fd::AsRawFd;

    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    let fd = tty.as_raw_fd();
    // SAFETY: termios is a plain C struct that tcgetattr fills in.
    let mut term: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: fd is an open terminal for the life of `tty`; term is valid for writes.
    if unsafe { libc::tcgetattr(fd, &mut term) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let saved = term;
    term.c_lflag &= !libc::ECHO;
    term.c_lflag |= libc::ECHONL;
    // SAFETY: as above; term is a valid termios.
    if unsafe { libc::tcsetattr(fd, libc::TCSANOW, &term) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY (both closures): restoring the settings read above on the same terminal.
    let restore = move || unsafe {
        libc::tcsetattr(fd, libc::TCSANOW, &saved);
    };
    let line = crate::signal::while_armed(Box::new(restore), || -> io::Result<String> {
        let mut out = &tty;
        write!(out, "{prompt}")?;
        out.flush()?;
        let mut line = String::new();
        io::BufReader::new(&tty).read_line(&mut line)?;
        Ok(line)
    });
    restore();
    Ok(line?.trim_end_matches(['\r', '\n']).to_string())
}

/// Reads a secret from the terminal without echoing it.
#[cfg(not(unix))]
pub fn read_secret(prompt: &str) -> io::Result<String> {
    rpassword::prompt_password(prompt)
}

/// The `log` backend: `objcmd: info: ...` and `objcmd: debug: ...` on stderr, for our
/// own modules only (reqwest and hyper have their own vocabulary).
struct StderrLogger;

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target().starts_with("objcmd")
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            let kind = match record.level() {
                log::Level::Error => Message::Error,
                log::Level::Warn => Message::Warning,
                log::Level::Info => Message::Info,
                log::Level::Debug | log::Level::Trace => Message::Debug,
            };
            eprint(kind, &record.args().to_string());
        }
    }

    fn flush(&self) {}
}

/// Installs the logger: warnings by default, info with `-v`, debug with `-vv`.
pub fn init_logging(verbose: u8, quiet: bool) {
    let level = match (quiet, verbose) {
        (true, _) => log::LevelFilter::Error,
        (_, 0) => log::LevelFilter::Warn,
        (_, 1) => log::LevelFilter::Info,
        _ => log::LevelFilter::Debug,
    };
    if log::set_boxed_logger(Box::new(StderrLogger)).is_ok() {
        log::set_max_level(level);
    }
}

/// `text` as one word of a POSIX shell command line, for the commands objcmd suggests: as
/// it is when nothing in it is special to the shell, else in single quotes.
pub fn shell_word(text: &str) -> String {
    let plain = |(i, c): (usize, char)| {
        c.is_ascii_alphanumeric() || "_-./:@%+=,".contains(c) || (c == '~' && i > 0)
    };
    if !text.is_empty() && text.chars().enumerate().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_line_breaks_kept_where_asked() {
        assert_eq!(escape_controls("plain key"), "plain key");
        assert_eq!(escape_controls("a\x1b[2Jb\n"), "a\\u{1b}[2Jb\\n");
        assert_eq!(
            escape_controls_but("> GET /\n>   x: \x07", Some('\n')),
            "> GET /\n>   x: \\u{7}"
        );
        assert_eq!(Style::Hint.paint(false, "hint:"), "hint:");
        assert_eq!(Style::Hint.paint(true, "hint:"), "\x1b[36mhint:\x1b[0m");
    }

    #[test]
    fn shell_words_reach_a_command_unchanged() {
        let words = [
            "s3://b/dir/plain.bin",
            "2~sHiprqx4_ow5FaRVzJzuVkllgUEqhLB",
            "big file.bin",
            "it's $HOME `x` \"q\" *?[a] ~ \\ ;|&<>()!#\n",
            "~start",
            "",
        ];
        for word in words {
            let quoted = shell_word(word);
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("printf %s {quoted}"))
                .output()
                .expect("sh runs");
            assert_eq!(String::from_utf8_lossy(&out.stdout), word, "{quoted}");
        }
        assert_eq!(shell_word("s3://b/k.bin"), "s3://b/k.bin");
        assert_eq!(shell_word("a b"), "'a b'");
    }
}
