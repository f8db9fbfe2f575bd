//! The integration test cases, by area.

mod access;
mod config;
mod download_safety;
mod encryption;
mod errors;
mod everyday;
mod faults;
mod filters;
mod gateway_e2e;
mod gateway_vectors;
mod hardening;
mod interrupts;
mod listing_memory;
mod multipart;
mod mv;
mod objects;
mod proxy_faults;
mod proxy_lost_replies;
mod proxy_persistent;
mod proxy_throttle;
mod snapshots;
mod streamed_uploads;
mod terminal;
mod tls;
mod trees;
mod usage;
