//! The aggregate progress of a tree command: one bar on the terminal, or with `--progress
//! lines` one plain status line on stderr every few seconds. A thread of its own samples
//! the tree's tally ([`TreeTally`]) and draws it, so that the workers only count.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{ACTIVE_BAR, Message, Printer, Shown, eprint};
use crate::units::human_size;

/// How far a tree command got, as its aggregate progress shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TreeStatus {
    /// Objects ended: done, skipped or failed.
    pub ended: u64,
    /// Objects failed.
    pub failed: u64,
    /// Bytes of the objects ended, and of what moved so far of those in flight.
    pub bytes: u64,
    /// Once the listing (or walk) is complete: how many objects it gave.
    pub total_objects: Option<u64>,
    /// Once the listing is complete, if it told every size: their sum.
    pub total_bytes: Option<u64>,
}

/// What a tree command's progress reads its counts from.
pub trait TreeTally: Send + Sync {
    /// The counts now.
    fn status(&self) -> TreeStatus;

    /// How a status line shows `status`, moving at `rate` bytes a second.
    fn text(&self, status: &TreeStatus, rate: f64, elapsed: Duration) -> String {
        status_text(status, rate, elapsed)
    }
}

/// One transfer's progress as `--progress lines` shows it: its bar (hidden) holds the
/// bytes done and the length.
pub struct OneTransfer {
    pub bar: ProgressBar,
    pub label: String,
}

impl TreeTally for OneTransfer {
    fn status(&self) -> TreeStatus {
        TreeStatus {
            ended: 0,
            failed: 0,
            bytes: self.bar.position(),
            total_objects: None,
            total_bytes: self.bar.length().filter(|len| *len > 0),
        }
    }

    /// `FILE: 3 MiB/13 MiB, 1 MiB/s, ETA 10s`.
    fn text(&self, status: &TreeStatus, rate: f64, _elapsed: Duration) -> String {
        let mut text = format!("{}: {}", self.label, human_size(status.bytes));
        if let Some(total) = status.total_bytes {
            text.push_str(&format!("/{}", human_size(total)));
        }
        text.push_str(&format!(", {}/s", human_size(rate as u64)));
        if let Some(left) = eta(status, rate, Duration::ZERO) {
            text.push_str(&format!(", ETA {}", clock(left)));
        }
        text
    }
}

/// How often the bar is refreshed.
const BAR_TICK: Duration = Duration::from_millis(200);

/// The rate is measured over (at least) this much of the recent past.
const RATE_WINDOW: Duration = Duration::from_secs(5);

/// The thread that shows a tree's progress, until [`Ticker::stop`] (or drop).
pub struct Ticker {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Printer {
    /// The aggregate progress of a tree, sampled from `tally`; `None` when the printer
    /// shows no progress.
    pub fn ticker(&self, tally: Arc<dyn TreeTally>) -> Option<Ticker> {
        let (stop, stopped) = mpsc::channel();
        let shown = self.shown;
        let thread = match shown {
            Shown::Nothing => return None,
            Shown::Bar => std::thread::Builder::new()
                .name("progress".into())
                .spawn(move || draw_bar(&*tally, &stopped)),
            Shown::Lines(every) => std::thread::Builder::new()
                .name("progress".into())
                .spawn(move || print_lines(&*tally, &stopped, every)),
        };
        // Without a thread there is no progress, which is no reason to fail the command.
        thread.ok().map(|thread| Ticker {
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl Ticker {
    /// Stops the progress (the bar is cleared) and waits for its thread.
    pub fn stop(mut self) {
        self.end();
    }

    fn end(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.end();
    }
}

/// The recent transfer rate, from samples of the byte count.
struct Rate {
    samples: VecDeque<(Instant, u64)>,
    window: Duration,
}

impl Rate {
    fn new(window: Duration) -> Rate {
        Rate {
            samples: VecDeque::new(),
            window,
        }
    }

    /// Adds a sample; returns the bytes per second since the oldest one kept.
    fn sample(&mut self, now: Instant, bytes: u64) -> f64 {
        self.samples.push_back((now, bytes));
        while self.samples.len() > 2
            && self
                .samples
                .get(1)
                .is_some_and(|(t, _)| now.duration_since(*t) >= self.window)
        {
            self.samples.pop_front();
        }
        match self.samples.front() {
            Some((t, b)) if now > *t => {
                bytes.saturating_sub(*b) as f64 / now.duration_since(*t).as_secs_f64()
            }
            _ => 0.0,
        }
    }
}

/// A duration as the status shows it: `42s`, `3m05s`, `1h02m`.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
    }
}

/// The time left: by bytes when every size is known, else by objects.
fn eta(status: &TreeStatus, rate: f64, elapsed: Duration) -> Option<Duration> {
    match (status.total_bytes, status.total_objects) {
        (Some(total), _) if total > 0 && rate > 0.0 => Some(Duration::from_secs_f64(
            total.saturating_sub(status.bytes) as f64 / rate,
        )),
        (None, Some(total)) if status.ended > 0 => {
            let left = total.saturating_sub(status.ended) as f64 / status.ended as f64;
            Some(elapsed.mul_f64(left))
        }
        _ => None,
    }
}

/// `12/40 objects, 1 failed, 3.5 MiB/9 MiB, 1.2 MiB/s, ETA 5s` (before the listing is
/// complete: `12 objects, 3.5 MiB, 1.2 MiB/s`).
pub fn status_text(status: &TreeStatus, rate: f64, elapsed: Duration) -> String {
    let mut text = match status.total_objects {
        Some(total) => format!("{}/{total} objects", status.ended),
        None => format!("{} objects", status.ended),
    };
    if status.failed > 0 {
        text.push_str(&format!(", {} failed", status.failed));
    }
    text.push_str(&format!(", {}", human_size(status.bytes)));
    if let Some(total) = status.total_bytes {
        text.push_str(&format!("/{}", human_size(total)));
    }
    text.push_str(&format!(", {}/s", human_size(rate as u64)));
    if let Some(left) = eta(status, rate, elapsed) {
        text.push_str(&format!(", ETA {}", clock(left)));
    }
    text
}

/// Draws the bar until told to stop: a fill once the totals are known (by bytes when every
/// size is, else by objects), the counts beside it.
fn draw_bar(tally: &dyn TreeTally, stopped: &mpsc::Receiver<()>) {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let plain =
        ProgressStyle::with_template("{msg}").unwrap_or_else(|_| ProgressStyle::default_bar());
    let filled = ProgressStyle::with_template("{msg} {wide_bar}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(plain);
    *ACTIVE_BAR.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar.clone());
    let start = Instant::now();
    let mut rate = Rate::new(RATE_WINDOW);
    let mut has_fill = false;
    while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(BAR_TICK) {
        let status = tally.status();
        let now = Instant::now();
        let per_sec = rate.sample(now, status.bytes);
        let fill = match (status.total_bytes, status.total_objects) {
            (Some(total), _) if total > 0 => Some((status.bytes, total)),
            (_, Some(total)) if total > 0 => Some((status.ended, total)),
            _ => None,
        };
        // The text first: the frame drawn with the fill then shows the totals too.
        bar.set_message(status_text(&status, per_sec, now.duration_since(start)));
        if let Some((pos, len)) = fill {
            bar.set_length(len);
            bar.set_position(pos.min(len));
            if !has_fill {
                bar.set_style(filled.clone());
                has_fill = true;
            }
        }
    }
    *ACTIVE_BAR.lock().unwrap_or_else(|e| e.into_inner()) = None;
    bar.finish_and_clear();
}

/// Prints a status line every `every` until told to stop (none at the end: the summary
/// follows).
fn print_lines(tally: &dyn TreeTally, stopped: &mpsc::Receiver<()>, every: Duration) {
    let start = Instant::now();
    let mut rate = Rate::new(RATE_WINDOW.max(every));
    rate.sample(start, 0);
    while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(every) {
        let status = tally.status();
        let now = Instant::now();
        let per_sec = rate.sample(now, status.bytes);
        let elapsed = now.duration_since(start);
        eprint(
            Message::Note,
            &format!(
                "progress: {}, {} elapsed",
                tally.text(&status, per_sec, elapsed),
                clock(elapsed)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_shows_totals_and_an_eta_once_the_listing_is_complete() {
        let mut status = TreeStatus {
            ended: 12,
            failed: 0,
            bytes: 3 << 20,
            total_objects: None,
            total_bytes: None,
        };
        let second = Duration::from_secs(1);
        assert_eq!(
            status_text(&status, 1048576.0, second),
            "12 objects, 3 MiB, 1 MiB/s"
        );
        status.failed = 1;
        status.total_objects = Some(40);
        status.total_bytes = Some(13 << 20);
        assert_eq!(
            status_text(&status, 1048576.0, second),
            "12/40 objects, 1 failed, 3 MiB/13 MiB, 1 MiB/s, ETA 10s"
        );
        // Sizes unknown: the ETA goes by objects.
        status.total_bytes = None;
        assert_eq!(
            status_text(&status, 0.0, Duration::from_secs(12)),
            "12/40 objects, 1 failed, 3 MiB, 0 B/s, ETA 28s"
        );
    }

    #[test]
    fn one_transfer_shows_its_bytes_and_length() {
        let one = OneTransfer {
            bar: ProgressBar::hidden(),
            label: "big.bin".into(),
        };
        let status = one.status();
        assert_eq!(
            one.text(&status, 0.0, Duration::ZERO),
            "big.bin: 0 B, 0 B/s"
        );
        one.bar.set_length(13 << 20);
        one.bar.set_position(3 << 20);
        let status = one.status();
        assert_eq!(
            one.text(&status, 1048576.0, Duration::ZERO),
            "big.bin: 3 MiB/13 MiB, 1 MiB/s, ETA 10s"
        );
    }

    #[test]
    fn the_rate_is_measured_over_the_recent_window() {
        let mut rate = Rate::new(Duration::from_secs(5));
        let t = Instant::now();
        assert_eq!(rate.sample(t, 0), 0.0);
        assert_eq!(rate.sample(t + Duration::from_secs(2), 200), 100.0);
        // The newest sample at least five seconds old is the base: (2 s, 200).
        rate.sample(t + Duration::from_secs(10), 1000);
        assert_eq!(rate.sample(t + Duration::from_secs(12), 1000), 80.0);
        // Nothing moved in the last eight seconds.
        assert_eq!(rate.sample(t + Duration::from_secs(20), 1000), 0.0);
    }

    #[test]
    fn clocks_read_as_people_write_them() {
        assert_eq!(clock(Duration::from_secs(42)), "42s");
        assert_eq!(clock(Duration::from_secs(185)), "3m05s");
        assert_eq!(clock(Duration::from_secs(3720)), "1h02m");
    }
}
