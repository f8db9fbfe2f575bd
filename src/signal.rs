//! Ctrl-C and SIGTERM: the first one asks every transfer to stop and clean up (exit 130);
//! a second one exits at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Installs the handler and returns the flag that transfers watch.
pub fn install() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let seen = flag.clone();
    // If a handler cannot be installed (it already is, in tests), the default action of the
    // signal (exit) still applies; nothing is lost but the cleanup.
    let _ = ctrlc::set_handler(move || {
        if seen.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    flag
}
