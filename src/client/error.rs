//! Errors of the client layer: what the service answered, what the network did, and what
//! could not be understood.
//!
//! `ServiceError` keeps everything a user or a script needs to act on a failure (status,
//! code, message, request id) and displays as the tail of objcmd's one-line error format:
//! `NoSuchKey: The specified key does not exist. (HTTP 404, request id tx00...)`.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

/// An error reply from the service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceError {
    /// HTTP status.
    pub status: u16,
    /// The `<Code>` (or one derived from the status when there is no body, as for HEAD).
    pub code: String,
    /// The `<Message>`, possibly empty.
    pub message: String,
    /// The request id, from the dialect's header or the body.
    pub request_id: Option<String>,
    /// The host id (S3 `x-amz-id-2`, OSS `<HostId>`).
    pub host_id: Option<String>,
    /// The HTTP method of the failed request.
    pub method: String,
    /// `/bucket/key` of the failed request.
    pub resource: String,
    /// Every other child of `<Error>` (for example `StringToSign` of a signature mismatch).
    pub details: BTreeMap<String, String>,
    /// How long the server asked us to wait before trying again (`Retry-After`, in
    /// seconds; the HTTP-date form is not read).
    pub retry_after: Option<Duration>,
}

impl ServiceError {
    /// Builds the error of a reply without a usable body, from its status alone.
    pub fn from_status(status: u16) -> ServiceError {
        let code = match status {
            400 => "BadRequest",
            403 => "Forbidden",
            404 => "NotFound",
            405 => "MethodNotAllowed",
            409 => "Conflict",
            411 => "MissingContentLength",
            412 => "PreconditionFailed",
            416 => "InvalidRange",
            429 => "TooManyRequests",
            500 => "InternalError",
            501 => "NotImplemented",
            503 => "ServiceUnavailable",
            _ => "",
        };
        ServiceError {
            status,
            code: if code.is_empty() {
                format!("HTTP{status}")
            } else {
                code.to_string()
            },
            message: String::new(),
            request_id: None,
            host_id: None,
            method: String::new(),
            resource: String::new(),
            details: BTreeMap::new(),
            retry_after: None,
        }
    }

    /// The error of a 200 reply whose body is an `<Error>` document (CompleteMultipartUpload,
    /// CopyObject): the body's fields, the reply's request id, the request's method and
    /// resource.
    pub fn from_error_body(
        mut fields: BTreeMap<String, String>,
        request_id: Option<String>,
        method: &str,
        resource: String,
    ) -> ServiceError {
        let mut err = ServiceError::from_status(200);
        err.code = fields
            .remove("Code")
            .unwrap_or_else(|| "InternalError".into());
        err.message = fields.remove("Message").unwrap_or_default();
        err.request_id = fields.remove("RequestId").or(request_id);
        err.host_id = fields.remove("HostId");
        err.method = method.to_string();
        err.resource = resource;
        err.details = fields;
        err
    }

    /// The service asked us to slow down, or failed in a way worth another attempt.
    pub fn is_retryable(&self) -> bool {
        // 501 and 505 say what the server will never do; every other 5xx may pass.
        (self.status >= 500 && !matches!(self.status, 501 | 505))
            || self.status == 429
            || matches!(
                self.code.as_str(),
                "SlowDown" | "RequestTimeout" | "InternalError" | "ServiceUnavailable"
            )
    }

    /// True for the answers that say the server turned the request away without acting
    /// on it (throttled or unavailable): even a request that must not run twice may be
    /// sent again.
    pub fn was_refused_unacted(&self) -> bool {
        matches!(self.status, 429 | 503) || matches!(self.code.as_str(), "SlowDown")
    }

    /// True for the answers that say the server is throttling (SlowDown, 429, 503): the
    /// tree commands lower their concurrency on them.
    pub fn is_throttling(&self) -> bool {
        self.was_refused_unacted()
    }

    /// True for the answers that mean "it does not exist".
    pub fn is_not_found(&self) -> bool {
        self.status == 404
            || matches!(
                self.code.as_str(),
                "NoSuchKey" | "NoSuchBucket" | "NoSuchUpload" | "NotFound"
            )
    }

    /// True for a write's refusal to replace an object that exists, asked for with the
    /// dialect's conditional header: S3's 412 PreconditionFailed to `If-None-Match: *`,
    /// OSS's 409 FileAlreadyExists to `x-oss-forbid-overwrite: true`.
    pub fn is_taken(&self) -> bool {
        // A 412 may come without a body to name its code.
        self.status == 412 || (self.status == 409 && self.code == "FileAlreadyExists")
    }

    /// True for the answers that mean "you may not" or "you are not who you say".
    pub fn is_access_denied(&self) -> bool {
        self.status == 403
            || matches!(
                self.code.as_str(),
                "AccessDenied"
                    | "SignatureDoesNotMatch"
                    | "InvalidAccessKeyId"
                    | "InvalidSecurity"
                    | "ExpiredToken"
                    | "InvalidToken"
            )
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for ServiceError {}

/// What went wrong below HTTP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransportKind {
    /// No connection could be made (refused, unreachable).
    Connect,
    /// The host name did not resolve (with virtual-host addressing, the bucket's own name).
    Resolve,
    /// Connect or read took longer than the timeout.
    Timeout,
    /// The connection broke while the request or the response was in flight.
    Broken,
    /// The server's TLS certificate was not trusted (or the handshake failed): a retry
    /// would meet the same certificate.
    Tls,
}

/// The client layer's error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The service answered with an error.
    #[error("{0}")]
    Service(Box<ServiceError>),

    /// The request did not get an answer.
    #[error("{what}: {cause}{}", attempts_note(*.attempts))]
    Transport {
        /// Which request failed, e.g. `GET http://127.0.0.1:7480/b/k`.
        what: String,
        /// The innermost cause, e.g. `Connection refused (os error 111)`.
        cause: String,
        /// Connect, timeout or broken connection.
        kind: TransportKind,
        /// How many attempts were made.
        attempts: u32,
    },

    /// A TLS handshake was answered in plain HTTP: the endpoint wants `http://`. No retry
    /// would get another answer.
    #[error("{what}: the server at {endpoint} answered in plain HTTP, not TLS ({cause})")]
    PlainHttp {
        /// Which request failed, e.g. `GET https://127.0.0.1:7480/b/k`.
        what: String,
        /// The endpoint's `HOST:PORT`, without a bucket (what the user should write after
        /// `http://`).
        endpoint: String,
        /// What the TLS library said, e.g. `received corrupt message of type InvalidContentType`.
        cause: String,
    },

    /// The reply could not be understood.
    #[error("unexpected reply to {operation}: {detail}")]
    InvalidResponse {
        /// The S3 operation, e.g. `ListObjects`.
        operation: &'static str,
        /// What was wrong with it.
        detail: String,
    },

    /// The request could not be built (for example a header value that is not ASCII).
    #[error("cannot build the {operation} request: {detail}")]
    InvalidRequest {
        /// The S3 operation.
        operation: &'static str,
        /// What was wrong.
        detail: String,
    },

    /// The user interrupted the program (Ctrl-C, SIGTERM).
    #[error("interrupted")]
    Interrupted,
}

fn attempts_note(attempts: u32) -> String {
    if attempts > 1 {
        format!(" (after {attempts} attempts)")
    } else {
        String::new()
    }
}

impl Error {
    /// The service error inside, if this is one.
    pub fn service(&self) -> Option<&ServiceError> {
        match self {
            Error::Service(e) => Some(e),
            _ => None,
        }
    }

    /// True when the error is the service refusing to replace an object that exists
    /// ([`ServiceError::is_taken`]).
    pub fn is_taken(&self) -> bool {
        self.service().is_some_and(ServiceError::is_taken)
    }

    /// True when the error is the service saying the object or bucket does not exist.
    pub fn is_not_found(&self) -> bool {
        self.service().is_some_and(ServiceError::is_not_found)
    }
}

impl From<ServiceError> for Error {
    fn from(e: ServiceError) -> Error {
        Error::Service(Box::new(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_follows_the_cli_error_format() {
        let mut e = ServiceError::from_status(404);
        e.code = "NoSuchKey".into();
        e.message = "The specified key does not exist.".into();
        e.request_id = Some("tx0001".into());
        assert_eq!(
            e.to_string(),
            "NoSuchKey: The specified key does not exist. (HTTP 404, request id tx0001)"
        );
        assert_eq!(
            ServiceError::from_status(403).to_string(),
            "Forbidden (HTTP 403)"
        );
        assert_eq!(ServiceError::from_status(418).code, "HTTP418");
    }

    #[test]
    fn classification() {
        let mut slow = ServiceError::from_status(503);
        slow.code = "SlowDown".into();
        assert!(slow.is_retryable());
        assert!(ServiceError::from_status(429).is_retryable());
        assert!(!ServiceError::from_status(404).is_retryable());
        assert!(ServiceError::from_status(503).is_retryable());
        // "Not implemented" will not change on a second try (the batch-delete fallback needs it).
        assert!(!ServiceError::from_status(501).is_retryable());
        // Only a throttled or unavailable server certainly did nothing.
        assert!(slow.was_refused_unacted());
        assert!(ServiceError::from_status(429).was_refused_unacted());
        assert!(!ServiceError::from_status(500).was_refused_unacted());
        assert!(ServiceError::from_status(404).is_not_found());
        assert!(ServiceError::from_status(403).is_access_denied());
        let mut sig = ServiceError::from_status(400);
        sig.code = "SignatureDoesNotMatch".into();
        assert!(sig.is_access_denied());
    }
}
