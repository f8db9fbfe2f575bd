//! DeleteObjects: up to 1,000 keys in one request, with `Content-MD5` as S3 requires.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use md5::{Digest, Md5};
use reqwest::Method;

use super::request::{Body, Request};
use super::xml::{self, DeleteError};
use super::{Client, Error};

/// The most keys DeleteObjects takes.
pub const MAX_DELETE_KEYS: usize = 1000;

impl Client {
    /// DeleteObjects (quiet): deletes up to 1,000 keys; returns the keys that failed.
    pub fn delete_objects(&self, bucket: &str, keys: &[&str]) -> Result<Vec<DeleteError>, Error> {
        debug_assert!(keys.len() <= MAX_DELETE_KEYS);
        let text = self.send_delete_objects(bucket, xml::delete_objects(keys))?;
        xml::parse_delete_result(&text).map_err(|e| Self::invalid("DeleteObjects", e))
    }

    /// Sends a DeleteObjects body (with its Content-MD5, and the GOVERNANCE bypass when
    /// the client has it); returns the reply's document.
    pub(crate) fn send_delete_objects(&self, bucket: &str, body: String) -> Result<String, Error> {
        let body = body.into_bytes();
        let md5 = BASE64.encode(Md5::digest(&body));
        let mut req = Request::new("DeleteObjects", Method::POST, Some(bucket), "")
            .query("delete", "")
            .header("Content-MD5", md5)
            .header("Content-Type", "application/xml")
            .body(Body::Bytes(body.into()));
        req = self.with_governance(req, self.governance);
        // Deleting again is harmless.
        req.idempotent = true;
        Ok(self.send_text(&req)?.body)
    }
}

/// True when a DeleteObjects failure means the server does not have the operation, so
/// single deletes should be used instead.
pub fn lacks_batch_delete(err: &Error) -> bool {
    err.service().is_some_and(|s| {
        matches!(s.status, 405 | 501)
            || matches!(s.code.as_str(), "NotImplemented" | "MethodNotAllowed")
    })
}
