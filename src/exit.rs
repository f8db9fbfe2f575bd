//! Exit codes, and the one mapping from errors to them (spec/cli.md "Exit codes").
//!
//! Commands return `anyhow::Error`s with context; this module walks the chain once to find
//! the error that decides the code, the fields of the `--json` error record, and a hint for
//! the common mistakes.

use std::io;

use crate::client::{self, TransportKind};
use crate::error::{Hinted, IntegrityError, KeyFileError, LocalNotFound, UsageError};

/// The process exit status, as promised in spec/cli.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// 0: success.
    Success,
    /// 7: `check` found differences, and nothing failed (below every failure: a check that
    /// also failed exits with the failure's code).
    Differences,
    /// 1: network, I/O, server error after retries, anything else.
    Failure,
    /// 2: usage or configuration error, found before any request.
    Usage,
    /// 3: a batch command finished some objects and failed others.
    Partial,
    /// 4: not found (NoSuchBucket, NoSuchKey, NoSuchUpload, missing local source).
    NotFound,
    /// 5: access denied or bad credentials.
    Denied,
    /// 6: integrity failure (checksum mismatch, wrong decryption key).
    Integrity,
    /// 130: interrupted by Ctrl-C, SIGINT or SIGTERM.
    Interrupted,
}

impl ExitStatus {
    /// Every status, from the best to the worst (the order `run` and batches rank them by).
    pub const ALL: [ExitStatus; 9] = [
        ExitStatus::Success,
        ExitStatus::Differences,
        ExitStatus::Failure,
        ExitStatus::Usage,
        ExitStatus::Partial,
        ExitStatus::NotFound,
        ExitStatus::Denied,
        ExitStatus::Integrity,
        ExitStatus::Interrupted,
    ];

    /// The numeric code.
    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Differences => 7,
            ExitStatus::Failure => 1,
            ExitStatus::Usage => 2,
            ExitStatus::Partial => 3,
            ExitStatus::NotFound => 4,
            ExitStatus::Denied => 5,
            ExitStatus::Integrity => 6,
            ExitStatus::Interrupted => 130,
        }
    }

    /// The status a numeric code stands for (a child objcmd's, for `run`); a code objcmd
    /// never gives is a failure.
    pub fn from_code(code: i32) -> ExitStatus {
        ExitStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .unwrap_or(ExitStatus::Failure)
    }
}

/// Objects of a batch failed; each failure was already reported, this is the summary.
/// Exit 3 when some objects were done, else the worst code of the failures.
#[derive(Debug, thiserror::Error)]
#[error("{done} done, {failed} failed")]
pub struct PartialFailure {
    /// How many objects were done.
    pub done: usize,
    /// How many failed.
    pub failed: usize,
    /// The exit status the batch calls for.
    pub status: ExitStatus,
}

/// An error that states its own outcome: the message, the exit status it calls for, and
/// the hint line to print after it (a refusal found after requests, or the summary of a
/// batch cut short).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Stated {
    /// The one-line message.
    pub message: String,
    /// The exit status.
    pub status: ExitStatus,
    /// The `hint:` line, if any.
    pub hint: Option<String>,
}

/// The exit status an error calls for.
pub fn status_of(err: &anyhow::Error) -> ExitStatus {
    for cause in err.chain() {
        if cause.is::<UsageError>()
            || cause.is::<KeyFileError>()
            || cause.is::<crate::config::ConfigError>()
            || cause.is::<crate::config::ProfileNotFound>()
        {
            return ExitStatus::Usage;
        }
        if cause.is::<LocalNotFound>() {
            return ExitStatus::NotFound;
        }
        if cause.is::<IntegrityError>() {
            return ExitStatus::Integrity;
        }
        if let Some(p) = cause.downcast_ref::<PartialFailure>() {
            return p.status;
        }
        if let Some(s) = cause.downcast_ref::<Stated>() {
            return s.status;
        }
        if let Some(e) = cause.downcast_ref::<client::Error>() {
            return match e {
                client::Error::Service(s) if s.is_not_found() => ExitStatus::NotFound,
                client::Error::Service(s) if s.is_access_denied() => ExitStatus::Denied,
                client::Error::Interrupted => ExitStatus::Interrupted,
                _ => ExitStatus::Failure,
            };
        }
        if let Some(e) = cause.downcast_ref::<client::ServiceError>() {
            return if e.is_not_found() {
                ExitStatus::NotFound
            } else if e.is_access_denied() {
                ExitStatus::Denied
            } else {
                ExitStatus::Failure
            };
        }
    }
    ExitStatus::Failure
}

/// True when the error is stdout closing under us (`objcmd ls | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The fields of the `"error"` object of a `--json` record: code, message, request id.
pub fn error_fields(err: &anyhow::Error) -> (String, String, Option<String>) {
    for cause in err.chain() {
        let service = cause
            .downcast_ref::<client::Error>()
            .and_then(client::Error::service);
        let service = service.or_else(|| cause.downcast_ref::<client::ServiceError>());
        if let Some(s) = service {
            return (s.code.clone(), s.message.clone(), s.request_id.clone());
        }
    }
    let code = match status_of(err) {
        ExitStatus::Usage => "UsageError",
        ExitStatus::NotFound => "NotFound",
        ExitStatus::Integrity => "IntegrityError",
        ExitStatus::Interrupted => "Interrupted",
        ExitStatus::Partial => "PartialFailure",
        _ if err.chain().any(|c| c.is::<client::Error>()) => "NetworkError",
        _ => "Error",
    };
    (code.to_string(), format!("{err:#}"), None)
}

/// What `rb --force` offers when a bucket is not empty.
pub const RB_FORCE_HINT: &str = "rb --force deletes every object and aborts every unfinished upload first (rb --force --dry-run lists them)";

/// What a read refused with a 400 may be missing: the object's customer key.
pub const SSE_C_HINT: &str = "if the object is encrypted with a customer key (SSE-C), give the key with --sse-c-key-file FILE (or sse_c_key_file in the profile)";

/// A hint for the mistakes people make most: wrong secret, clock skew, wrong endpoint or
/// region, path vs virtual-host style.
pub fn hint(err: &anyhow::Error) -> Option<String> {
    // Found in any layer, as an error or as a context around one.
    if let Some(hinted) = err.downcast_ref::<Hinted>() {
        return Some(hinted.hint.clone());
    }
    for cause in err.chain() {
        if let Some(hint) = cause.downcast_ref::<Stated>().and_then(|s| s.hint.clone()) {
            return Some(hint);
        }
        if cause.is::<KeyFileError>() {
            return Some(
                "encryption_key_file must name the 16-byte key the objects were encrypted with (objcmd config list shows where the setting comes from; objcmd config gen-key FILE makes a new key)"
                    .to_string(),
            );
        }
        if let Some(e) = cause.downcast_ref::<crate::config::ProfileNotFound>() {
            return Some(e.hint());
        }
        let Some(e) = cause.downcast_ref::<client::Error>() else {
            continue;
        };
        return match e {
            client::Error::Service(s) => match s.code.as_str() {
                "SignatureDoesNotMatch" => Some(
                    "the secret key does not match the access key; check secret_key of the profile (objcmd config list)"
                        .to_string(),
                ),
                "InvalidAccessKeyId" => Some(
                    "the server does not know this access key; check access_key and the endpoint (objcmd config list)"
                        .to_string(),
                ),
                "RequestTimeTooSkewed" => Some(
                    "this machine's clock differs too much from the server's; fix the system time (e.g. with NTP)"
                        .to_string(),
                ),
                "AuthorizationHeaderMalformed" | "PermanentRedirect" | "IncorrectEndpoint" => Some(
                    "the bucket lives in another region or endpoint; set --region/--endpoint to where it is"
                        .to_string(),
                ),
                "BucketNotEmpty" => Some(RB_FORCE_HINT.to_string()),
                // What S3 and radosgw answer a read of an SSE-C object without its key
                // (a HEAD has no body: only the status says it).
                "InvalidRequest" | "BadRequest" | "InvalidArgument"
                    if s.status == 400
                        && matches!(s.method.as_str(), "GET" | "HEAD")
                        && s.resource.trim_start_matches('/').contains('/') =>
                {
                    Some(SSE_C_HINT.to_string())
                }
                "NoSuchBucket" => Some(
                    "check the bucket name, and --addressing path|virtual if the server expects the other style"
                        .to_string(),
                ),
                _ => None,
            },
            client::Error::Transport {
                kind: TransportKind::Connect,
                what,
                ..
            } => Some(format!(
                "nothing answered at the endpoint of {what}; is the server running and --endpoint right?"
            )),
            client::Error::Transport {
                kind: TransportKind::Resolve,
                what,
                ..
            } => Some(format!(
                "the host name of {what} did not resolve; check --endpoint (with virtual-host addressing each bucket is a host name: try --addressing path, or --resolve '*.HOST:ADDR')"
            )),
            client::Error::Transport {
                kind: TransportKind::Timeout,
                ..
            } => Some("the server did not answer in time; raise --timeout or check the network".to_string()),
            client::Error::PlainHttp { endpoint, .. } => Some(format!(
                "{endpoint} speaks plain HTTP, not HTTPS: write the endpoint with http://, as in --endpoint http://{endpoint} (an endpoint without a scheme means https://)"
            )),
            client::Error::Transport {
                kind: TransportKind::Tls,
                ..
            } => Some(
                "the server's TLS certificate is not trusted here: pass --ca-bundle FILE with the CA that signed it (--insecure skips the check: never in production)"
                    .to_string(),
            ),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::usage;
    use anyhow::Context as _;

    fn service(status: u16, code: &str) -> anyhow::Error {
        let mut e = client::ServiceError::from_status(status);
        e.code = code.to_string();
        e.request_id = Some("req-1".into());
        anyhow::Error::new(client::Error::from(e)).context("getting s3://b/k")
    }

    #[test]
    fn mapping_of_every_exit_code() {
        assert_eq!(status_of(&service(404, "NoSuchKey")), ExitStatus::NotFound);
        assert_eq!(
            status_of(&service(404, "NoSuchBucket")),
            ExitStatus::NotFound
        );
        assert_eq!(
            status_of(&service(403, "SignatureDoesNotMatch")),
            ExitStatus::Denied
        );
        assert_eq!(status_of(&service(403, "AccessDenied")), ExitStatus::Denied);
        assert_eq!(
            status_of(&service(403, "InvalidAccessKeyId")),
            ExitStatus::Denied
        );
        assert_eq!(
            status_of(&service(500, "InternalError")),
            ExitStatus::Failure
        );
        assert_eq!(status_of(&usage("bad URL")), ExitStatus::Usage);
        let nf = anyhow::Error::new(LocalNotFound("no such file".into())).context("uploading");
        assert_eq!(status_of(&nf), ExitStatus::NotFound);
        assert_eq!(
            status_of(&anyhow::Error::new(IntegrityError("md5".into()))),
            ExitStatus::Integrity
        );
        let partial = PartialFailure {
            done: 1,
            failed: 1,
            status: ExitStatus::Partial,
        };
        assert_eq!(partial.to_string(), "1 done, 1 failed");
        assert_eq!(status_of(&anyhow::Error::new(partial)), ExitStatus::Partial);
        assert_eq!(
            status_of(&anyhow::Error::new(client::Error::Interrupted)),
            ExitStatus::Interrupted
        );
        let cfg = crate::config::ConfigError::Invalid("x".into());
        assert_eq!(status_of(&anyhow::Error::new(cfg)), ExitStatus::Usage);
        assert_eq!(status_of(&anyhow::anyhow!("other")), ExitStatus::Failure);
        let codes: Vec<i32> = ExitStatus::ALL
            .iter()
            .filter(|s| **s != ExitStatus::Differences)
            .map(|s| s.code())
            .collect();
        assert_eq!(codes, [0, 1, 2, 3, 4, 5, 6, 130]);
        for code in [0, 1, 2, 3, 4, 5, 6, 7, 130] {
            assert_eq!(ExitStatus::from_code(code).code(), code);
        }
        assert_eq!(ExitStatus::from_code(101), ExitStatus::Failure);
    }

    #[test]
    fn json_error_fields_and_hints() {
        let err = service(403, "SignatureDoesNotMatch");
        let (code, _, id) = error_fields(&err);
        assert_eq!(
            (code.as_str(), id.as_deref()),
            ("SignatureDoesNotMatch", Some("req-1"))
        );
        assert!(hint(&err).unwrap().contains("secret key"));
        let (code, msg, id) = error_fields(&usage("bad URL \"x\""));
        assert_eq!(
            (code.as_str(), msg.as_str(), id),
            ("UsageError", "bad URL \"x\"", None)
        );
        assert!(
            hint(&service(403, "RequestTimeTooSkewed"))
                .unwrap()
                .contains("clock")
        );
        let key = anyhow::Error::new(KeyFileError("cannot read key file k".into()))
            .context("getting s3://b/k");
        assert_eq!(status_of(&key), ExitStatus::Usage);
        assert!(hint(&key).unwrap().contains("config gen-key"));
    }

    #[test]
    fn a_stated_error_carries_its_status_message_and_hint() {
        let err = anyhow::Error::new(Stated {
            message: "interrupted: 2 transferred, 3 not done".into(),
            status: ExitStatus::Interrupted,
            hint: None,
        });
        assert_eq!(status_of(&err), ExitStatus::Interrupted);
        let (code, msg, _) = error_fields(&err);
        assert_eq!(
            (code.as_str(), msg.as_str()),
            ("Interrupted", "interrupted: 2 transferred, 3 not done")
        );
        assert_eq!(hint(&err), None);
        let err = anyhow::Error::new(Stated {
            message: "refused".into(),
            status: ExitStatus::Failure,
            hint: Some("add --flag".into()),
        });
        assert_eq!(status_of(&err), ExitStatus::Failure);
        assert_eq!(hint(&err).as_deref(), Some("add --flag"));
    }

    #[test]
    fn the_engine_sees_an_interruption_where_the_exit_code_does() {
        let interrupted = || anyhow::Error::new(client::Error::Interrupted);
        let errors = [
            interrupted(),
            interrupted()
                .context("part 3")
                .context("uploading a to s3://b/a"),
            service(404, "NoSuchKey"),
            usage("bad"),
            anyhow::Error::new(IntegrityError("md5".into())),
            anyhow::anyhow!("other"),
        ];
        for err in &errors {
            assert_eq!(
                crate::transfer::is_interrupted(err),
                status_of(err) == ExitStatus::Interrupted,
                "{err:#}"
            );
        }
        assert!(crate::transfer::is_interrupted(&errors[1]));
    }

    #[test]
    fn broken_pipe_is_recognised_through_context() {
        let err = anyhow::Error::new(io::Error::from(io::ErrorKind::BrokenPipe));
        let err = Err::<(), _>(err).context("writing").unwrap_err();
        assert!(is_broken_pipe(&err));
        assert!(!is_broken_pipe(&usage("x")));
    }
}
