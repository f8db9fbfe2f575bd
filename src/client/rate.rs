//! The bandwidth cap (`--limit-rate`): one token bucket shared by every transfer of the
//! process, which blocking readers wait on and streamed bodies ask how long to wait.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A shared token bucket that caps bytes per second across threads.
#[derive(Debug)]
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    state: Mutex<(Instant, f64)>,
}

impl RateLimiter {
    /// A limiter of `rate` bytes per second.
    pub fn new(rate: u64) -> RateLimiter {
        let rate = rate.max(1) as f64;
        RateLimiter {
            rate,
            burst: (rate / 8.0).max(16.0 * 1024.0),
            state: Mutex::new((Instant::now(), 0.0)),
        }
    }

    /// Waits until `n` more bytes may pass.
    pub fn acquire(&self, n: usize) {
        let wait = self.reserve(n);
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
    }

    /// Takes `n` bytes' worth of the cap and says how long to wait before they pass (a
    /// streamed body waits on its runtime's timer rather than blocking the thread).
    pub fn reserve(&self, n: usize) -> Duration {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let elapsed = now.duration_since(state.0).as_secs_f64();
        let tokens = (state.1 + elapsed * self.rate).min(self.burst) - n as f64;
        *state = (now, tokens);
        if tokens < 0.0 {
            Duration::from_secs_f64(-tokens / self.rate)
        } else {
            Duration::ZERO
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limiter_paces_a_stream() {
        let limiter = RateLimiter::new(1 << 20);
        let start = Instant::now();
        for _ in 0..8 {
            limiter.acquire(64 * 1024);
        }
        // 512 KiB at 1 MiB/s with a 128 KiB burst: at least ~0.35 s.
        assert!(start.elapsed() >= Duration::from_millis(300));
    }
}
