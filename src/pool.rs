//! The worker pool of recursive commands: the caller's thread produces work (walking a tree,
//! or following a listing page by page) into a bounded queue, and `jobs` workers take from
//! it. Memory holds the work in flight, not the tree. A worker takes an item only while
//! it holds a permit of the tree's [`Window`], so that fewer than `jobs` objects move at
//! once when the server throttles.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

use crate::throttle::Window;

/// Runs `work` on every item, on `jobs` threads, as many at once as `window` allows (the
/// caller starts it at `jobs`). The items are produced lazily on the calling thread;
/// production stops early when `cancel` is set (Ctrl-C).
pub fn run<T: Send>(
    jobs: usize,
    items: impl IntoIterator<Item = T>,
    cancel: &AtomicBool,
    window: &Window,
    work: impl Fn(T) + Sync,
) {
    let jobs = jobs.max(1);
    let (tx, rx) = sync_channel::<T>(jobs * 2);
    let rx = Mutex::new(rx);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    // The permit is taken before the item, so that an item waits in the
                    // queue for a worker allowed to work on it.
                    let _permit = window.acquire();
                    let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    match next {
                        Ok(item) => work(item),
                        Err(_) => break,
                    }
                }
            });
        }
        for item in items {
            if cancel.load(Ordering::Relaxed) || tx.send(item).is_err() {
                break;
            }
        }
        drop(tx);
    });
}

/// Raises the soft limit on open files to the hard limit and returns the limit now in
/// force, so that many workers (each with a file and a few connections) fit.
#[cfg(unix)]
pub fn raise_open_files_limit() -> u64 {
    // SAFETY: getrlimit/setrlimit read and write a plain struct we own.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 1024;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit.rlim_cur = limit.rlim_max;
            }
        }
        #[allow(clippy::unnecessary_cast)] // rlim_t is not u64 on every Unix
        let current = limit.rlim_cur as u64;
        current
    }
}

/// Where limits on open files are not Unix's, assume the common default.
#[cfg(not(unix))]
pub fn raise_open_files_limit() -> u64 {
    512
}

/// The number of workers that fits in `open_files`: each holds one file and up to
/// `part_jobs` connections, and some are kept for the process itself.
pub fn jobs_within(open_files: u64, jobs: usize, part_jobs: usize) -> usize {
    let per_worker = part_jobs as u64 + 2;
    let usable = open_files.saturating_sub(32);
    jobs.min((usable / per_worker).max(1) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::throttle::Adapt;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn every_item_is_worked_once() {
        let sum = AtomicUsize::new(0);
        let count = AtomicUsize::new(0);
        let window = Window::new(Adapt::Yes);
        window.start(4);
        run(4, 1..=1000usize, &AtomicBool::new(false), &window, |n| {
            sum.fetch_add(n, Ordering::Relaxed);
            count.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(count.load(Ordering::Relaxed), 1000);
        assert_eq!(sum.load(Ordering::Relaxed), 500_500);
    }

    #[test]
    fn cancelling_stops_production() {
        let cancel = AtomicBool::new(false);
        let count = AtomicUsize::new(0);
        run(2, 0..1_000_000, &cancel, &Window::new(Adapt::No), |_| {
            if count.fetch_add(1, Ordering::Relaxed) == 10 {
                cancel.store(true, Ordering::Relaxed);
            }
        });
        assert!(count.load(Ordering::Relaxed) < 1000);
    }

    #[test]
    fn no_more_items_are_worked_at_once_than_the_window_allows() {
        let window = Window::new(Adapt::Yes);
        window.start(8);
        for _ in 0..2 {
            // A request sent after the last cut: each halves.
            std::thread::sleep(std::time::Duration::from_millis(2));
            window.throttled(std::time::Instant::now(), "SlowDown");
        }
        assert_eq!(window.limit(), 2);
        let (busy, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        run(8, 0..200, &AtomicBool::new(false), &window, |_| {
            let n = busy.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(n, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(1));
            busy.fetch_sub(1, Ordering::SeqCst);
        });
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn workers_fit_the_open_file_limit() {
        assert_eq!(jobs_within(1024, 16, 4), 16);
        assert_eq!(jobs_within(256, 64, 4), 37);
        assert_eq!(jobs_within(10, 8, 4), 1);
        assert!(raise_open_files_limit() >= 64);
    }
}
