//! The process-wide budget for upload buffers: how many bytes of data the uploads in
//! flight may hold in memory at once, whatever `-j` is.
//!
//! Only uploads that buffer take a share: a stdin upload or an encrypted one holds a part
//! per worker, a small file sent in one PUT holds the file (at most a block). File parts
//! and larger single PUTs are streamed from their files and hold a block or two each, so
//! they take none. With many objects in flight (recursive commands, `sync`) buffers
//! would multiply by `-j`. An upload takes its share before it allocates and gives it back
//! when it ends. A holder never waits for more, so waiting cannot deadlock; a share larger
//! than the whole budget is granted when nothing else is held, so every upload can run.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use super::interrupted;

/// Upload buffers allowed at once across objects: two multipart uploads with the default
/// 4 x 16 MiB parts, or eight 16 MiB single PUTs. Measured against 256 MiB and no budget on
/// trees of 40 MiB and 12 MiB files: the same times, peak RSS 91 and 132 MiB instead of
/// 200-340 MiB (docs/benchmarks.md).
pub const UPLOAD_MEMORY: u64 = 128 << 20;

/// A pool of bytes that uploads take a share of.
pub struct Budget {
    limit: u64,
    used: Mutex<u64>,
    freed: Condvar,
}

/// A share of a [`Budget`], given back on drop.
pub struct Share<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    /// A budget of `limit` bytes.
    pub const fn new(limit: u64) -> Budget {
        Budget {
            limit,
            used: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Waits until `bytes` fit (or nothing else is held) and takes them; fails if the user
    /// interrupts meanwhile.
    pub fn take(&self, bytes: u64, cancelled: &dyn Fn() -> bool) -> anyhow::Result<Share<'_>> {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + bytes > self.limit {
            if cancelled() {
                return Err(interrupted());
            }
            // The timeout only bounds how late an interrupt is noticed.
            used = self
                .freed
                .wait_timeout(used, Duration::from_millis(100))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *used += bytes;
        Ok(Share {
            budget: self,
            bytes,
        })
    }

    #[cfg(test)]
    fn used(&self) -> u64 {
        *self.used.lock().unwrap()
    }
}

impl Drop for Share<'_> {
    fn drop(&mut self) {
        let mut used = self.budget.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= self.bytes;
        self.budget.freed.notify_all();
    }
}

/// The budget every upload of this process shares.
pub static UPLOADS: Budget = Budget::new(UPLOAD_MEMORY);

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    #[test]
    fn shares_wait_for_room_and_an_oversized_one_runs_alone() {
        let budget = Budget::new(100);
        let peak = AtomicU64::new(0);
        std::thread::scope(|s| {
            for bytes in [60, 60, 30, 250, 10] {
                let (budget, peak) = (&budget, &peak);
                s.spawn(move || {
                    let share = budget.take(bytes, &|| false).unwrap();
                    let used = budget.used();
                    peak.fetch_max(used, Ordering::SeqCst);
                    // Over the limit only when this share alone is.
                    assert!(used <= 100 || used == bytes, "{used} held with {bytes}");
                    std::thread::sleep(Duration::from_millis(20));
                    drop(share);
                });
            }
        });
        assert_eq!(budget.used(), 0);
        assert!(peak.load(Ordering::SeqCst) >= 60);
    }

    #[test]
    fn an_interrupt_ends_the_wait() {
        let budget = Budget::new(100);
        let _held = budget.take(80, &|| false).unwrap();
        let cancel = AtomicBool::new(false);
        std::thread::scope(|s| {
            let waiter = s.spawn(|| budget.take(50, &|| cancel.load(Ordering::SeqCst)).is_err());
            std::thread::sleep(Duration::from_millis(50));
            cancel.store(true, Ordering::SeqCst);
            assert!(waiter.join().unwrap());
        });
        assert_eq!(budget.used(), 80);
    }
}
