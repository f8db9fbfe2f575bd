//! The synthetic listing server of the test suite (tests/support/listing.rs) as a program of
//! its own, for scripts/bench-listing.sh: the benchmark lists and deletes the very pages the
//! tests do.
//!
//! Usage: `listing_server [--port PORT] NAME:COUNT[:STEP]...`, e.g. `listing_server p/:1000000
//! q/:500000:2`. It prints `http://127.0.0.1:PORT` on stdout once it listens, then serves
//! until killed; `GET /_counters` answers what it was asked.

#[allow(dead_code)]
#[path = "../tests/support/listing.rs"]
mod listing;

use std::io::Write as _;
use std::net::TcpListener;

use listing::{ListingServer, Prefix};

fn usage(why: &str) -> ! {
    eprintln!("listing_server: {why}\nusage: listing_server [--port PORT] NAME:COUNT[:STEP]...");
    std::process::exit(2)
}

fn prefix(arg: &str) -> Prefix {
    let mut fields = arg.split(':');
    let name = fields.next().unwrap_or_default();
    let number = |field: Option<&str>, default: Option<u64>| match field {
        Some(f) => f
            .parse()
            .unwrap_or_else(|_| usage(&format!("{arg}: {f} is not a number"))),
        None => default.unwrap_or_else(|| usage(&format!("{arg}: no COUNT"))),
    };
    let count = number(fields.next(), None);
    let step = number(fields.next(), Some(1));
    if step == 0 {
        usage(&format!("{arg}: STEP must be at least 1"));
    }
    Prefix::new(name, count, step)
}

fn main() {
    let mut port = 0u16;
    let mut prefixes = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().unwrap_or_else(|| usage("--port needs a value"));
                port = value
                    .parse()
                    .unwrap_or_else(|_| usage(&format!("{value} is not a port")));
            }
            _ => prefixes.push(prefix(&arg)),
        }
    }
    if prefixes.is_empty() {
        usage("no prefix to serve");
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .unwrap_or_else(|e| usage(&format!("cannot listen on port {port}: {e}")));
    let server = ListingServer::serve(listener, prefixes);
    println!("{}", server.endpoint());
    let _ = std::io::stdout().flush();
    loop {
        std::thread::park();
    }
}
