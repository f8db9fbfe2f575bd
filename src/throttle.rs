//! The adaptive concurrency of tree commands: an AIMD window (additive increase,
//! multiplicative decrease, as TCP's congestion window) over the `-j` workers. All `-j`
//! workers exist, but only `limit` of them may hold a [`Permit`] (work on an object) at
//! once. A reply that throttles (503 SlowDown, 429, 503) halves the limit; a window's worth
//! of clean replies raises it by one, never below 1 nor above `-j`.
//!
//! A burst of throttling replies to requests that were all in flight before a cut says
//! nothing about the new limit, so only a reply to a request sent after the last cut cuts
//! again: one halving per round trip, without estimating the round trip.
//!
//! The replies are told by the transport through a hook (`client::PaceWatch`); this leaf
//! knows nothing of the client, the commands or the terminal, and reports changes through
//! `log` (shown with `-v`).

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Whether the window adapts to the server's replies, or stays at `-j` (the behaviour
/// before it existed, kept for comparison: `OBJCMD_TEST_FIXED_JOBS=1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Adapt {
    /// Lower the concurrency on throttling, raise it on clean replies.
    Yes,
    /// Every worker works: `-j` objects at once, whatever the server says.
    No,
}

/// The longest an increase goes unreported under `-v` while the limit moves.
const QUIET_INCREASE: Duration = Duration::from_secs(10);

/// The shortest time between two reports of a doubled limit.
const DOUBLING_REPORT_GAP: Duration = Duration::from_secs(1);

/// The arithmetic of the window, apart from the waiting.
#[derive(Debug)]
struct State {
    /// `-j`: the most objects at once.
    max: usize,
    /// How many may be worked on at once now.
    limit: usize,
    /// How many are.
    in_use: usize,
    /// Clean replies since the limit last changed.
    clean: usize,
    /// When the limit was last cut: throttling of requests sent before it is not news.
    last_cut: Option<Instant>,
    /// The limit the last `-v` line named, and when it was printed.
    reported: usize,
    reported_at: Option<Instant>,
}

/// What a reply did to the limit: (old, new), when it changed.
type Change = Option<(usize, usize)>;

impl State {
    fn new(max: usize) -> State {
        State {
            max,
            limit: max,
            in_use: 0,
            clean: 0,
            last_cut: None,
            reported: max,
            reported_at: None,
        }
    }

    /// A new run of `jobs` workers starts at `-j`: what one tree learned is not carried
    /// into another (a command runs one tree; requests outside a tree move nothing).
    fn start(&mut self, jobs: usize) {
        self.max = jobs.max(1);
        self.limit = self.max;
        self.reported = self.limit;
        self.clean = 0;
    }

    /// A throttling reply to a request sent at `sent`, seen at `now`: halves the limit,
    /// unless the request left before the last cut (it was part of the burst already
    /// answered).
    fn throttled(&mut self, sent: Instant, now: Instant) -> Change {
        if self.last_cut.is_some_and(|cut| sent <= cut) {
            return None;
        }
        self.last_cut = Some(now);
        self.clean = 0;
        let old = self.limit;
        self.limit = (old / 2).max(1);
        (self.limit != old).then_some((old, self.limit))
    }

    /// A clean reply: one more object at once after a window's worth of them.
    fn clean(&mut self) -> Change {
        if self.limit >= self.max {
            return None;
        }
        self.clean += 1;
        if self.clean < self.limit {
            return None;
        }
        self.clean = 0;
        self.limit += 1;
        Some((self.limit - 1, self.limit))
    }

    /// Whether a raised limit is worth a `-v` line now: back at `-j`, doubled since the
    /// last line (at most once a second), or moved for ten seconds without one.
    fn report_increase(&self, now: Instant) -> bool {
        let since = self
            .reported_at
            .map_or(Duration::MAX, |at| now.saturating_duration_since(at));
        self.limit != self.reported
            && (self.limit == self.max
                || (self.limit >= 2 * self.reported && since >= DOUBLING_REPORT_GAP)
                || since >= QUIET_INCREASE)
    }

    fn mark_reported(&mut self, now: Instant) {
        self.reported = self.limit;
        self.reported_at = Some(now);
    }
}

/// The window shared by the workers of a tree and the transport that sees the replies.
#[derive(Debug)]
pub struct Window {
    adapt: Adapt,
    state: Mutex<State>,
    freed: Condvar,
}

/// The right to work on one object; given back when dropped.
#[must_use]
pub struct Permit<'a>(Option<&'a Window>);

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if let Some(window) = self.0 {
            window.lock().in_use -= 1;
            window.freed.notify_one();
        }
    }
}

impl Window {
    /// A window that adapts or stays fixed; [`Window::start`] sets its `-j`.
    pub fn new(adapt: Adapt) -> Window {
        Window {
            adapt,
            state: Mutex::new(State::new(1)),
            freed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts a run of `jobs` workers.
    pub fn start(&self, jobs: usize) {
        self.lock().start(jobs);
        self.freed.notify_all();
    }

    /// How many objects may be worked on at once now.
    pub fn limit(&self) -> usize {
        match self.adapt {
            Adapt::Yes => self.lock().limit,
            Adapt::No => self.lock().max,
        }
    }

    /// Waits until one more object may be worked on.
    pub fn acquire(&self) -> Permit<'_> {
        if self.adapt == Adapt::No {
            return Permit(None);
        }
        let mut state = self.lock();
        while state.in_use >= state.limit {
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.in_use += 1;
        Permit(Some(self))
    }

    /// A reply that throttles (`why`: its code, `SlowDown`) to a request sent at `sent`.
    pub fn throttled(&self, sent: Instant, why: &str) {
        self.throttled_at(sent, Instant::now(), why);
    }

    fn throttled_at(&self, sent: Instant, now: Instant, why: &str) {
        if self.adapt == Adapt::No {
            return;
        }
        let mut state = self.lock();
        if let Some((old, new)) = state.throttled(sent, now) {
            state.mark_reported(now);
            log::info!("{why}: {old} -> {new} objects at once");
        }
    }

    /// A reply that does not throttle.
    pub fn clean(&self) {
        self.clean_at(Instant::now());
    }

    fn clean_at(&self, now: Instant) {
        if self.adapt == Adapt::No {
            return;
        }
        let mut state = self.lock();
        if state.clean().is_none() {
            return;
        }
        if state.report_increase(now) {
            let old = state.reported;
            state.mark_reported(now);
            log::info!("clean replies: {old} -> {} objects at once", state.limit);
        }
        drop(state);
        self.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn window(jobs: usize) -> Window {
        let window = Window::new(Adapt::Yes);
        window.start(jobs);
        window
    }

    #[test]
    fn a_throttle_halves_the_limit_down_to_one() {
        let w = window(64);
        let t0 = Instant::now();
        let mut expected = 64;
        for i in 1..10u32 {
            // Each reply answers a request sent after the previous cut.
            let now = t0 + Duration::from_millis(100 * u64::from(i));
            w.throttled_at(now, now, "SlowDown");
            expected = (expected / 2).max(1);
            assert_eq!(w.limit(), expected);
        }
        assert_eq!(w.limit(), 1);
    }

    #[test]
    fn a_burst_of_replies_to_requests_in_flight_halves_once() {
        let w = window(64);
        let sent = Instant::now();
        let seen = sent + Duration::from_millis(50);
        for i in 0..64 {
            w.throttled_at(sent, seen + Duration::from_millis(i), "SlowDown");
        }
        assert_eq!(w.limit(), 32);
        // A request sent after the cut and throttled too: the new limit is still too many.
        let later = seen + Duration::from_millis(200);
        w.throttled_at(later, later, "SlowDown");
        assert_eq!(w.limit(), 16);
    }

    #[test]
    fn a_window_of_clean_replies_adds_one_up_to_the_maximum() {
        let w = window(8);
        let now = Instant::now();
        w.throttled_at(now, now, "SlowDown");
        w.throttled_at(now, now, "SlowDown");
        assert_eq!(w.limit(), 4, "the second reply was of the same burst");
        for i in 1..=2 {
            let later = now + Duration::from_secs(i);
            w.throttled_at(later, later, "SlowDown");
        }
        assert_eq!(w.limit(), 1);
        // 1 clean reply takes it to 2, 2 more to 3, 3 more to 4...
        let mut clean = 0;
        for limit in 1..8 {
            for _ in 0..limit {
                assert_eq!(w.limit(), limit);
                w.clean();
                clean += 1;
            }
        }
        assert_eq!((w.limit(), clean), (8, 28));
        for _ in 0..1000 {
            w.clean();
        }
        assert_eq!(w.limit(), 8, "never above -j");
    }

    #[test]
    fn a_fixed_window_never_moves_nor_waits() {
        let w = Window::new(Adapt::No);
        w.start(4);
        let now = Instant::now();
        w.throttled_at(now, now, "SlowDown");
        assert_eq!(w.limit(), 4);
        let permits: Vec<_> = (0..10).map(|_| w.acquire()).collect();
        assert_eq!(permits.len(), 10);
    }

    #[test]
    fn a_new_run_starts_at_its_jobs() {
        let w = Window::new(Adapt::Yes);
        let now = Instant::now();
        // A single transfer's throttling (one object: a window of 1) moves nothing.
        w.throttled_at(now, now, "SlowDown");
        assert_eq!(w.limit(), 1);
        w.start(8);
        assert_eq!(w.limit(), 8);
        let later = now + Duration::from_secs(1);
        w.throttled_at(later, later, "SlowDown");
        assert_eq!(w.limit(), 4);
        w.start(64);
        assert_eq!(w.limit(), 64);
    }

    #[test]
    fn no_more_than_the_limit_hold_a_permit() {
        let w = window(8);
        let now = Instant::now();
        let later = now + Duration::from_secs(1);
        w.throttled_at(now, now, "SlowDown");
        w.throttled_at(later, later, "SlowDown");
        assert_eq!(w.limit(), 2);
        let (busy, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..20 {
                        let _permit = w.acquire();
                        let n = busy.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(n, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(1));
                        busy.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn increases_are_reported_when_doubled_back_at_j_or_after_ten_seconds() {
        let mut s = State::new(64);
        let t0 = Instant::now();
        s.throttled(t0, t0);
        s.mark_reported(t0);
        assert_eq!(s.limit, 32);
        s.limit = 40;
        assert!(!s.report_increase(t0 + Duration::from_secs(2)));
        assert!(s.report_increase(t0 + Duration::from_secs(11)));
        s.limit = 64;
        assert!(s.report_increase(t0), "back at -j");
        let mut s = State::new(64);
        let t1 = t0 + Duration::from_secs(1);
        s.throttled(t0, t0);
        s.throttled(t1, t1);
        s.mark_reported(t1);
        assert_eq!(s.limit, 16);
        s.limit = 32;
        assert!(
            !s.report_increase(t1),
            "doubled, but within a second of the last line"
        );
        assert!(s.report_increase(t1 + Duration::from_secs(1)));
    }
}
