//! The objcmd binary: run, then exit with the status the run calls for.

fn main() {
    // Part buffers are many MiB: with glibc's default (a threshold that rises after the first
    // free), they come from the heap and freed ones stay resident, so peak memory drifts up
    // with each part. Served by mmap, a freed buffer goes back to the system at once.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only tunes the allocator; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
    std::process::exit(objcmd::run().code());
}
