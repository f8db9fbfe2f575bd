//! A bucket's configuration documents, each at a sub-resource of the bucket (`?versioning`,
//! `?policy`, `?lifecycle`, `?cors`, `?website`, `?tagging`, `?object-lock`): read, replaced
//! and deleted the same way, the document being the API's own (XML, or JSON for a policy).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use md5::{Digest, Md5};
use reqwest::Method;

use super::request::{Body, Request};
use super::{Client, Error, xml};

/// The versioning state of a bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Versioning {
    /// Never enabled: objects have no versions (`null` ids).
    Off,
    /// New writes make new versions.
    Enabled,
    /// Was enabled; new writes replace the `null` version, old versions stay.
    Suspended,
}

impl Versioning {
    /// As S3 writes it in `<Status>` (`Off` is no status at all).
    pub fn wire_name(self) -> &'static str {
        match self {
            Versioning::Off => "Off",
            Versioning::Enabled => "Enabled",
            Versioning::Suspended => "Suspended",
        }
    }
}

/// A bucket configuration document: its sub-resource, and the operation names of its
/// three requests (for errors and `-vv`).
#[derive(Clone, Copy, Debug)]
pub struct Document {
    /// The sub-resource (`policy`, `lifecycle`...).
    pub sub_resource: &'static str,
    /// GetBucketX, PutBucketX, DeleteBucketX.
    pub operations: [&'static str; 3],
    /// The Content-Type of the document sent.
    pub content_type: &'static str,
}

impl Client {
    /// GetBucketVersioning.
    pub fn get_bucket_versioning(&self, bucket: &str) -> Result<Versioning, Error> {
        let req = Request::new("GetBucketVersioning", Method::GET, Some(bucket), "")
            .query("versioning", "");
        let body = self.send_text(&req)?.body;
        let status = xml::parse_versioning_status(&body)
            .map_err(|e| Self::invalid("GetBucketVersioning", e))?;
        Ok(match status.as_deref().map(str::trim) {
            Some(s) if s.eq_ignore_ascii_case("Enabled") => Versioning::Enabled,
            Some(s) if s.eq_ignore_ascii_case("Suspended") => Versioning::Suspended,
            _ => Versioning::Off,
        })
    }

    /// PutBucketVersioning: `Enabled` or `Suspended` (a bucket cannot go back to off).
    pub fn put_bucket_versioning(&self, bucket: &str, state: Versioning) -> Result<(), Error> {
        let body = xml::versioning_configuration(state.wire_name());
        let doc = Document {
            sub_resource: "versioning",
            operations: ["GetBucketVersioning", "PutBucketVersioning", ""],
            content_type: "application/xml",
        };
        self.put_bucket_document(bucket, doc, body.into_bytes())
    }

    /// Reads a bucket's configuration document, as the server sends it.
    pub fn get_bucket_document(&self, bucket: &str, doc: Document) -> Result<String, Error> {
        let req = Request::new(doc.operations[0], Method::GET, Some(bucket), "")
            .query(doc.sub_resource, "");
        Ok(self.send_text(&req)?.body)
    }

    /// Replaces a bucket's configuration document, with its `Content-MD5` (which S3
    /// requires for lifecycle, CORS, tagging and object lock).
    pub fn put_bucket_document(
        &self,
        bucket: &str,
        doc: Document,
        body: Vec<u8>,
    ) -> Result<(), Error> {
        let md5 = BASE64.encode(Md5::digest(&body));
        let req = Request::new(doc.operations[1], Method::PUT, Some(bucket), "")
            .query(doc.sub_resource, "")
            .header("Content-Type", doc.content_type)
            .header("Content-MD5", md5)
            .body(Body::Bytes(body.into()));
        self.send(&req).map(drop)
    }

    /// Deletes a bucket's configuration document.
    pub fn delete_bucket_document(&self, bucket: &str, doc: Document) -> Result<(), Error> {
        let req = Request::new(doc.operations[2], Method::DELETE, Some(bucket), "")
            .query(doc.sub_resource, "");
        self.send(&req).map(drop)
    }
}
