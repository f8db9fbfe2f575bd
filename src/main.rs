//! The objcmd binary: run, then exit with the status the run calls for.

fn main() {
    std::process::exit(objcmd::run().code());
}
