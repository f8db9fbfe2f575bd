//! The real S3 server of the integration tests: a Ceph radosgw on loopback.
//!
//! Started once per test process by `scripts/radosgw.sh start ... --watch PID`; its
//! watchdog stops the cluster and deletes its state when this process exits, however it
//! exits. Set `OBJCMD_TEST_ENDPOINT` (and the `OBJCMD_TEST_*` keys) to use a server that is
//! already running instead. A server that cannot start fails every test that needs it,
//! with the tail of its logs: the suite never skips.

use std::collections::HashMap;
use std::process::Command;
use std::sync::OnceLock;

/// How to reach the server.
#[derive(Clone, Debug)]
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
    /// The port.
    pub port: u16,
    /// Keys of the first user.
    pub access_key: String,
    pub secret_key: String,
    /// Keys of a second user (another account).
    #[allow(dead_code)]
    pub access_key2: String,
    #[allow(dead_code)]
    pub secret_key2: String,
}

static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();

/// The server, if a test has started it.
pub fn started_server() -> Option<&'static Server> {
    SERVER.get().and_then(|s| s.as_ref().ok())
}

/// The server, started on first use.
pub fn server() -> &'static Server {
    match SERVER.get_or_init(start) {
        Ok(server) => server,
        Err(message) => panic!("{message}"),
    }
}

fn from_vars(vars: &HashMap<String, String>) -> Result<Server, String> {
    let get = |name: &str| {
        vars.get(name)
            .cloned()
            .ok_or_else(|| format!("{name} is not set"))
    };
    let endpoint = get("OBJCMD_TEST_ENDPOINT")?;
    let port = endpoint
        .rsplit(':')
        .next()
        .and_then(|p| p.trim_end_matches('/').parse().ok())
        .ok_or_else(|| format!("no port in OBJCMD_TEST_ENDPOINT={endpoint}"))?;
    Ok(Server {
        endpoint,
        port,
        access_key: get("OBJCMD_TEST_ACCESS_KEY")?,
        secret_key: get("OBJCMD_TEST_SECRET_KEY")?,
        access_key2: get("OBJCMD_TEST_ACCESS_KEY2")?,
        secret_key2: get("OBJCMD_TEST_SECRET_KEY2")?,
    })
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binding a free port");
    listener.local_addr().unwrap().port()
}

fn start() -> Result<Server, String> {
    if std::env::var_os("OBJCMD_TEST_ENDPOINT").is_some() {
        return from_vars(&std::env::vars().collect());
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/radosgw.sh");
    let pid = std::process::id().to_string();
    let mut last_error = String::new();
    // A port that was free a moment ago can be taken by the time radosgw binds it.
    for _ in 0..3 {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("objcmd-test-rgw-{pid}-{port}"));
        let out = Command::new("bash")
            .arg(script)
            .arg("start")
            .arg(&dir)
            .arg(port.to_string())
            .args(["--watch", &pid])
            .output()
            .map_err(|e| format!("cannot run {script}: {e}"))?;
        if out.status.success() {
            let vars = String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            return from_vars(&vars);
        }
        last_error = format!(
            "the test server (Ceph radosgw) did not start: {script} start {} {port} exited with {}.\n\
             Install it with `scripts/radosgw.sh install` (scripts/test.sh does this).\n\
             --- its output ---\n{}",
            dir.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        if !String::from_utf8_lossy(&out.stderr).contains("in use") {
            break;
        }
    }
    Err(last_error)
}
