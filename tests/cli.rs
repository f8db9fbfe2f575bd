//! Integration tests: the built `objcmd` binary against a real Ceph radosgw on loopback
//! (started by the tests, see `support::server`), and a scripted loopback server for
//! faults a real server does not produce on demand.

mod cases;
mod support;
