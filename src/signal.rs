//! Ctrl-C and SIGTERM: the first one asks every transfer to stop and clean up (exit 130);
//! a second one exits at once. While a secret is being typed, the first one restores the
//! terminal's echo and exits: there is nothing else to clean up then.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What to run before exiting on a signal (restoring the terminal's echo).
type Restore = Box<dyn Fn() + Send>;

static RESTORE: Mutex<Option<Restore>> = Mutex::new(None);

/// Installs the handler and returns the flag that transfers watch.
pub fn install() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let seen = flag.clone();
    // If a handler cannot be installed (it already is, in tests), the default action of the
    // signal (exit) still applies; nothing is lost but the cleanup.
    let _ = ctrlc::set_handler(move || {
        if let Some(restore) = RESTORE.lock().unwrap_or_else(|e| e.into_inner()).take() {
            restore();
            std::process::exit(130);
        }
        if seen.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    flag
}

/// Runs `f` with `restore` armed: a signal during `f` runs it and exits with 130.
pub fn while_armed<T>(restore: Restore, f: impl FnOnce() -> T) -> T {
    *RESTORE.lock().unwrap_or_else(|e| e.into_inner()) = Some(restore);
    let result = f();
    RESTORE.lock().unwrap_or_else(|e| e.into_inner()).take();
    result
}
