//! The object-storage client: S3 API operations over the three dialects.
//!
//! Methods are named after the API operations they perform and return domain types; the
//! wire (signing in `sign`, transport in `request`, XML in `xml`, dialect differences in
//! `dialect`) stays inside this module. Nothing here knows about clap, terminals or anyhow,
//! so the module could become a library crate of its own.

pub mod acl;
pub mod batch;
pub mod bucket_config;
pub mod bucket_documents;
#[cfg(test)]
mod conditional_tests;
pub mod copy;
pub mod dialect;
pub mod endpoint;
pub mod error;
pub mod multipart;
pub mod object_config;
pub mod presign;
mod rate;
pub mod request;
pub mod sign;
pub mod signer;
pub mod sigv4;
pub mod sse;
pub mod streamed;
#[cfg(test)]
pub(crate) mod test_server;
pub mod versions;
mod wire_log;
pub mod xml;

use std::collections::BTreeMap;

use jiff::Timestamp;
use reqwest::Method;

use crate::checksum::{Algorithm, Checksum, ChecksumType, StoredChecksum};

pub use acl::{AccessControlPolicy, Grant, Grantee};
pub use bucket_config::{Document, Versioning};
pub use copy::MetadataDirective;
pub use dialect::{Dialect, Feature, Write};
pub use endpoint::{Addressing, Endpoint, Target};
pub use error::{Error, ServiceError, TransportKind};
pub use multipart::{
    CompletedUpload, MultipartUploadsPage, PartChecksums, PartsPage, UploadedPart,
};
pub use request::{
    Body, ClientConfig, Pace, PaceWatch, Request, Response, SendProgress, Transport,
};
pub use sign::Credentials;
pub use sse::{CustomerKey, Encryption, ServerSide};
pub use streamed::FileRange;
pub use versions::{ObjectVersion, VersionsPage};

/// The signature version of S3 requests (OSS and KS3 always use the V2 family).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignatureVersion {
    /// HMAC-SHA1, as S3, OSS and KS3 share it.
    V2,
    /// AWS Signature Version 4.
    V4,
}

/// A bucket of ListBuckets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bucket {
    /// Its name.
    pub name: String,
    /// When it was created, if the server said.
    pub created: Option<Timestamp>,
}

/// An object of a listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectInfo {
    /// The key.
    pub key: String,
    /// Size in bytes.
    pub size: u64,
    /// Last-modified time, if the server said.
    pub last_modified: Option<Timestamp>,
    /// ETag without its quotes.
    pub etag: String,
    /// Storage class (`STANDARD` when the server leaves it out).
    pub storage_class: String,
}

/// One page of a listing: objects and common prefixes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectsPage {
    /// Objects of the page.
    pub objects: Vec<ObjectInfo>,
    /// Common prefixes ("directories") of the page, each ending in the delimiter.
    pub prefixes: Vec<String>,
}

/// What HEAD (or GET) says about an object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectMeta {
    /// Size of the whole object in bytes.
    pub size: u64,
    /// ETag without its quotes.
    pub etag: String,
    /// Last-modified time.
    pub last_modified: Option<Timestamp>,
    /// Content-Type.
    pub content_type: Option<String>,
    /// Storage class (`STANDARD` when the server leaves it out).
    pub storage_class: String,
    /// User metadata, names without the dialect's prefix.
    pub metadata: BTreeMap<String, String>,
    /// The request id of the reply.
    pub request_id: Option<String>,
    /// The CRC-64 of the stored bytes, where the dialect sends one (OSS, KS3).
    pub crc64: Option<u64>,
    /// The flexible checksums stored with the object (S3, asked for with
    /// `x-amz-checksum-mode`; a ranged reply has none).
    pub checksums: Vec<StoredChecksum>,
    /// How the checksum of a multipart object was made (`x-amz-checksum-type`).
    pub checksum_type: Option<ChecksumType>,
    /// The part count of a multipart object, from a HEAD or GET of one part
    /// (`x-amz-mp-parts-count`).
    pub parts_count: Option<u32>,
    /// Version, tags, encryption, lock and restore state, where the server says.
    pub state: ObjectState,
    /// The headers stored with the object that a copy with new metadata (REPLACE) would
    /// drop unless sent again: [`STORED_HEADERS`], as the server spelled their values.
    pub stored_headers: Vec<(String, String)>,
}

/// What the server says of an object beyond its bytes and metadata: its version,
/// tags, server-side encryption, object lock and restore state (each `None` when the reply
/// did not say), read from the dialect's headers (`x-amz-version-id`, `x-oss-version-id`...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectState {
    /// The version id (`null` for an object written while versioning was off).
    pub version_id: Option<String>,
    /// The reply is of a delete marker.
    pub delete_marker: bool,
    /// How many tags the object has.
    pub tag_count: Option<u32>,
    /// Server-side encryption: `AES256`, `aws:kms` (OSS: `KMS`, `SM4`).
    pub sse: Option<String>,
    /// The KMS key of `aws:kms` encryption.
    pub sse_kms_key_id: Option<String>,
    /// The algorithm of customer-key encryption (SSE-C): `AES256`.
    pub sse_customer_algorithm: Option<String>,
    /// Object lock mode: `GOVERNANCE` or `COMPLIANCE`.
    pub lock_mode: Option<String>,
    /// Object lock retained until (RFC 3339, as sent).
    pub lock_until: Option<String>,
    /// Legal hold: `ON` or `OFF`.
    pub legal_hold: Option<String>,
    /// Restore state of an archived object, as sent (`ongoing-request="false",
    /// expiry-date="..."`).
    pub restore: Option<String>,
}

impl ObjectState {
    /// How the object is encrypted on the server when that makes its ETag something else
    /// than the MD5 of its bytes: a customer key (SSE-C) or a KMS key (AWS's SSE-KMS and
    /// DSSE-KMS, OSS's KMS); SSE-S3 keeps the MD5.
    pub fn keyed_encryption(&self) -> Option<&'static str> {
        if self.sse_customer_algorithm.is_some() {
            return Some("a customer key (SSE-C)");
        }
        let kms = self
            .sse
            .as_deref()
            .is_some_and(|s| s.to_ascii_lowercase().contains("kms"));
        kms.then_some("a KMS key")
    }

    /// True when the ETag is not the MD5 of the data ([`ObjectState::keyed_encryption`]).
    pub fn etag_not_md5(&self) -> bool {
        self.keyed_encryption().is_some()
    }

    /// The state a reply's headers tell, in the dialect's names.
    fn of(resp: &Response, dialect: Dialect) -> ObjectState {
        let get = |suffix: &str| {
            resp.header(&dialect.provider_header(suffix))
                .map(|v| v.trim().to_string())
        };
        let kms_key = match dialect {
            Dialect::Oss => "server-side-encryption-key-id",
            Dialect::S3 | Dialect::Ks3 => "server-side-encryption-aws-kms-key-id",
        };
        ObjectState {
            version_id: get("version-id"),
            delete_marker: get("delete-marker").is_some_and(|v| v.eq_ignore_ascii_case("true")),
            tag_count: get("tagging-count").and_then(|n| n.parse().ok()),
            sse: get("server-side-encryption"),
            sse_kms_key_id: get(kms_key),
            sse_customer_algorithm: get("server-side-encryption-customer-algorithm"),
            lock_mode: get("object-lock-mode"),
            lock_until: get("object-lock-retain-until-date"),
            legal_hold: get("object-lock-legal-hold"),
            restore: get("restore"),
        }
    }
}

/// The standard headers an object is stored with besides its type, which a copy with new
/// metadata drops unless they are sent again.
pub const STORED_HEADERS: [&str; 5] = [
    "Cache-Control",
    "Content-Disposition",
    "Content-Encoding",
    "Content-Language",
    "Expires",
];

/// An inclusive byte range of an object (`bytes=first-last`), or a suffix (`bytes=-n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteRange {
    /// `first-last`, both inclusive; `last = None` means to the end.
    From {
        /// First byte.
        first: u64,
        /// Last byte, inclusive.
        last: Option<u64>,
    },
    /// The last `n` bytes.
    Suffix(u64),
}

impl ByteRange {
    /// The value of the Range header.
    pub fn header_value(self) -> String {
        match self {
            ByteRange::From {
                first,
                last: Some(last),
            } => format!("bytes={first}-{last}"),
            ByteRange::From { first, last: None } => format!("bytes={first}-"),
            ByteRange::Suffix(n) => format!("bytes=-{n}"),
        }
    }
}

/// A GetObject reply whose body is still to be read.
pub struct GetObjectOutput {
    /// Metadata; `size` is the whole object's size, also for ranged reads.
    pub meta: ObjectMeta,
    /// Bytes in this reply's body.
    pub content_length: u64,
    /// Offset of the body's first byte in the object.
    pub offset: u64,
    /// The reply, to read the body from.
    pub body: Response,
}

/// Whether a write may replace an object (or a download a local file) that exists, or
/// that appears while it runs (`--no-clobber` says never).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Overwrite {
    /// Replace it.
    #[default]
    Replace,
    /// Fail rather than replace it: writes carry the dialect's conditional header
    /// ([`Dialect::forbid_overwrite_header`]), and its refusal is [`Error::is_taken`].
    Never,
}

/// Whether a new bucket has object lock (which also turns versioning on, for good).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ObjectLock {
    /// No object lock.
    #[default]
    Disabled,
    /// Object lock on.
    Enabled,
}

/// Options of PutObject.
#[derive(Clone, Debug, Default)]
pub struct PutOptions {
    /// Content-Type.
    pub content_type: Option<String>,
    /// base64 MD5 of the body.
    pub content_md5: Option<String>,
    /// Canned ACL.
    pub acl: Option<String>,
    /// Storage class.
    pub storage_class: Option<String>,
    /// User metadata (names without prefix).
    pub metadata: Vec<(String, String)>,
    /// Other headers, sent as given.
    pub headers: Vec<(String, String)>,
    /// [`Overwrite::Never`] sends the dialect's header that makes the write fail rather
    /// than replace an object that exists (`--no-clobber`); only then.
    pub overwrite: Overwrite,
    /// PutObject: the body's flexible checksum, for the server to verify and store.
    pub checksum: Option<Checksum>,
    /// InitiateMultipartUpload: the flexible checksum the parts will carry (and so the
    /// object's checksum type, [`Algorithm::multipart_type`]).
    pub checksum_algorithm: Option<Algorithm>,
    /// The new object's tags (`--tag K=V`): the dialect's tagging header on PutObject,
    /// InitiateMultipartUpload and CopyObject (with the tagging directive REPLACE).
    pub tags: Vec<(String, String)>,
}

/// What PutObject answered.
#[derive(Clone, Debug, Default)]
pub struct PutObjectOutput {
    /// ETag without quotes.
    pub etag: String,
    /// Request id.
    pub request_id: Option<String>,
    /// The CRC-64 of what the server stored, where the dialect sends one.
    pub crc64: Option<u64>,
    /// The server says it encrypted the object with a KMS or customer key (a bucket's
    /// default encryption included), so the ETag is not the MD5 of what was sent.
    pub etag_not_md5: bool,
}

/// A reply read whole: its body and the headers the callers need.
struct TextReply {
    body: String,
    request_id: Option<String>,
    crc64: Option<u64>,
}

/// Adds a body's flexible checksum: its own header, and the algorithm as AWS's SDKs name
/// it (moto stores a checksum only when told the algorithm so).
fn with_checksum<'a>(req: Request<'a>, checksum: &Checksum) -> Request<'a> {
    let algorithm = checksum.algorithm();
    req.header("x-amz-sdk-checksum-algorithm", algorithm.wire_name())
        .header(algorithm.header(), checksum.to_base64())
}

/// Strips the quotes around an ETag.
pub fn unquote_etag(etag: &str) -> String {
    etag.trim().trim_matches('"').to_string()
}

/// True when an ETag is the MD5 of the object (32 hex digits), as it is for objects
/// uploaded in one piece without server-side encryption by KMS.
pub fn etag_is_md5(etag: &str) -> bool {
    etag.len() == 32 && etag.bytes().all(|b| b.is_ascii_hexdigit())
}

fn parse_timestamp(s: &str) -> Option<Timestamp> {
    s.trim().parse().ok()
}

fn parse_http_date(s: &str) -> Option<Timestamp> {
    jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(s.trim())
        .ok()
}

/// The S3-style API over one endpoint, shared by all threads (cheap to clone).
#[derive(Clone)]
pub struct Client {
    transport: Transport,
    /// Whether deletes pass a GOVERNANCE lock (`rm --bypass-governance`).
    governance: object_config::Governance,
    /// The version of the objects that object reads, heads, deletes, ACLs, copies from
    /// and presigned URLs name (`--version-id`): see [`Client::at_version`].
    version: Option<std::sync::Arc<str>>,
}

impl Client {
    /// Builds the client and its connection pool.
    pub fn new(config: ClientConfig) -> Result<Client, Error> {
        Ok(Client {
            transport: Transport::new(config)?,
            governance: object_config::Governance::Respect,
            version: None,
        })
    }

    /// This client, its DeleteObject and DeleteObjects passing a GOVERNANCE lock
    /// (`x-amz-bypass-governance-retention: true`).
    pub fn bypassing_governance(&self) -> Client {
        Client {
            transport: self.transport.clone(),
            governance: object_config::Governance::Bypass,
            version: self.version.clone(),
        }
    }

    /// This client, acting on one version of an object (`--version-id`): HeadObject,
    /// GetObject (ranged too), DeleteObject, the object ACL and presigned URLs send
    /// `versionId`, and a copy names it in its source. A command on one object takes it,
    /// so the transfer engine below needs no version of its own. `None` is the latest.
    pub fn at_version(&self, version_id: Option<&str>) -> Client {
        Client {
            transport: self.transport.clone(),
            governance: self.governance,
            version: version_id.map(std::sync::Arc::from),
        }
    }

    /// The version this client acts on, if pinned ([`Client::at_version`]).
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// Adds `versionId` to a request on an object when the client is pinned to a version.
    fn versioned<'a>(&self, req: Request<'a>) -> Request<'a> {
        match self.version() {
            Some(v) => req.query("versionId", v),
            None => req,
        }
    }

    /// The dialect spoken.
    pub fn dialect(&self) -> Dialect {
        self.transport.config().target.dialect
    }

    /// The transport, for the transfer engine.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    fn send(&self, req: &Request<'_>) -> Result<Response, Error> {
        self.transport.send(req)
    }

    /// Sends a request whose reply is a document, read whole within the retry loop.
    fn send_text(&self, req: &Request<'_>) -> Result<TextReply, Error> {
        let dialect = self.dialect();
        self.transport.send_then(req, |resp| {
            Ok(TextReply {
                request_id: resp.request_id(),
                crc64: Self::crc64_of(&resp, dialect),
                body: resp.text()?,
            })
        })
    }

    fn invalid(operation: &'static str, e: impl std::fmt::Display) -> Error {
        Error::InvalidResponse {
            operation,
            detail: e.to_string(),
        }
    }

    /// ListBuckets: every bucket of the account.
    pub fn list_buckets(&self) -> Result<Vec<Bucket>, Error> {
        let req = Request::new("ListBuckets", Method::GET, None, "");
        let body = self.send_text(&req)?.body;
        let buckets =
            xml::parse_list_buckets(&body).map_err(|e| Self::invalid("ListBuckets", e))?;
        Ok(buckets
            .into_iter()
            .map(|b| Bucket {
                created: parse_timestamp(&b.creation_date),
                name: b.name,
            })
            .collect())
    }

    /// ListObjects (version 1): one page of keys under `prefix`.
    ///
    /// Asks for `encoding-type=url` so that any key, control characters included, survives
    /// the XML; the parser decodes when the server honoured it.
    pub fn list_objects(
        &self,
        bucket: &str,
        prefix: &str,
        delimiter: Option<&str>,
        marker: Option<&str>,
        max_keys: Option<u32>,
    ) -> Result<xml::ListBucketResult, Error> {
        let mut req = Request::new("ListObjects", Method::GET, Some(bucket), "")
            .query("encoding-type", "url");
        if !prefix.is_empty() {
            req = req.query("prefix", prefix);
        }
        if let Some(d) = delimiter {
            req = req.query("delimiter", d);
        }
        if let Some(m) = marker {
            req = req.query("marker", m);
        }
        if let Some(n) = max_keys {
            req = req.query("max-keys", n.to_string());
        }
        let body = self.send_text(&req)?.body;
        xml::parse_list_objects(&body).map_err(|e| Self::invalid("ListObjects", e))
    }

    /// Every page of ListObjects under `prefix`, fetched lazily one page at a time.
    pub fn list_objects_pages<'a>(
        &'a self,
        bucket: &'a str,
        prefix: &'a str,
        delimiter: Option<&'a str>,
    ) -> ListObjectsPages<'a> {
        ListObjectsPages {
            client: self,
            bucket,
            prefix,
            delimiter,
            marker: None,
            done: false,
        }
    }

    fn object_meta(resp: &Response, dialect: Dialect) -> ObjectMeta {
        let prefix = dialect.meta_prefix();
        let metadata = resp
            .headers()
            .filter_map(|(name, value)| {
                name.strip_prefix(prefix)
                    .map(|n| (n.to_string(), value.to_string()))
            })
            .collect();
        ObjectMeta {
            size: resp.content_length().unwrap_or(0),
            etag: resp.header("etag").map(unquote_etag).unwrap_or_default(),
            last_modified: resp.header("last-modified").and_then(parse_http_date),
            content_type: resp.header("content-type").map(str::to_string),
            storage_class: resp
                .header(&dialect.storage_class_header())
                .unwrap_or("STANDARD")
                .to_string(),
            metadata,
            request_id: resp.request_id(),
            crc64: Self::crc64_of(resp, dialect),
            checksums: Self::checksums_of(resp, dialect),
            checksum_type: resp
                .header("x-amz-checksum-type")
                .and_then(ChecksumType::from_wire),
            parts_count: resp
                .header("x-amz-mp-parts-count")
                .and_then(|n| n.trim().parse().ok()),
            state: ObjectState::of(resp, dialect),
            stored_headers: STORED_HEADERS
                .iter()
                .filter_map(|name| Some((name.to_string(), resp.header(name)?.to_string())))
                .collect(),
        }
    }

    /// The flexible checksums of a reply (S3 only: the other dialects' servers know their
    /// own CRC-64).
    fn checksums_of(resp: &Response, dialect: Dialect) -> Vec<StoredChecksum> {
        if dialect != Dialect::S3 {
            return Vec::new();
        }
        Algorithm::ALL
            .into_iter()
            .filter_map(|algorithm| {
                let value = resp.header(&algorithm.header())?.trim().to_string();
                Some(StoredChecksum { algorithm, value })
            })
            .collect()
    }

    /// Asks for the stored flexible checksums along with an object (S3: the other
    /// dialects send their CRC-64 unasked, and a server that does not know the header
    /// ignores it).
    fn with_checksum_mode<'a>(&self, req: Request<'a>) -> Request<'a> {
        match self.dialect() {
            Dialect::S3 => req.header("x-amz-checksum-mode", "ENABLED"),
            Dialect::Oss | Dialect::Ks3 => req,
        }
    }

    /// The flexible checksum uploads send (`--checksum-algorithm`), if any.
    pub fn checksum_algorithm(&self) -> Option<Algorithm> {
        match self.dialect() {
            Dialect::S3 => self.transport.config().checksum_algorithm,
            Dialect::Oss | Dialect::Ks3 => None,
        }
    }

    /// The CRC-64 header of a reply, if the dialect has one and the server sent it.
    pub(crate) fn crc64_of(resp: &Response, dialect: Dialect) -> Option<u64> {
        let value = resp.header(dialect.crc64_header()?)?;
        let parsed = crate::crc64::parse_header(value);
        if parsed.is_none() {
            log::warn!("ignoring a CRC-64 header that is not a number: {value:?}");
        }
        parsed
    }

    /// HeadObject: an object's size, ETag, type, storage class and user metadata.
    pub fn head_object(&self, bucket: &str, key: &str) -> Result<ObjectMeta, Error> {
        let req = self.versioned(Request::new("HeadObject", Method::HEAD, Some(bucket), key));
        let req = self.with_customer_key(self.with_checksum_mode(req));
        let resp = self.send(&req)?;
        Ok(Self::object_meta(&resp, self.dialect()))
    }

    /// HeadObject of a copy's source: with the source's customer key
    /// (`--sse-c-source-key-file`) rather than the destination's.
    pub fn head_copy_source(&self, bucket: &str, key: &str) -> Result<ObjectMeta, Error> {
        let mut req = self.versioned(Request::new("HeadObject", Method::HEAD, Some(bucket), key));
        if let Some(source_key) = &self.transport().config().encryption.copy_source_key {
            req = sse::with_key_headers(req, self.dialect(), source_key);
        }
        let resp = self.send(&self.with_checksum_mode(req))?;
        Ok(Self::object_meta(&resp, self.dialect()))
    }

    /// HeadObject of one part of a multipart object (`partNumber`): its size (as `size`),
    /// the part count and, for a composite checksum, the part's checksum.
    pub fn head_object_part(
        &self,
        bucket: &str,
        key: &str,
        part_number: u32,
    ) -> Result<ObjectMeta, Error> {
        let req = self
            .versioned(Request::new("HeadObject", Method::HEAD, Some(bucket), key))
            .query("partNumber", part_number.to_string());
        let req = self.with_customer_key(self.with_checksum_mode(req));
        let resp = self.send(&req)?;
        Ok(Self::object_meta(&resp, self.dialect()))
    }

    /// GetObjectAttributes (`ObjectParts`): the size of each part of a multipart object,
    /// in order, every page of them; empty when the server lists none.
    pub fn object_part_sizes(&self, bucket: &str, key: &str) -> Result<Vec<u64>, Error> {
        let mut sizes = Vec::new();
        let mut marker: Option<u32> = None;
        loop {
            let mut req = Request::new("GetObjectAttributes", Method::GET, Some(bucket), key)
                .query("attributes", "")
                .header("x-amz-object-attributes", "ObjectParts");
            if let Some(m) = marker {
                req = req.header("x-amz-part-number-marker", m.to_string());
            }
            let body = self.send_text(&req)?.body;
            let page = xml::parse_object_attributes_parts(&body)
                .map_err(|e| Self::invalid("GetObjectAttributes", e))?;
            for (number, size) in page.parts {
                if number as usize != sizes.len() + 1 {
                    return Err(Self::invalid(
                        "GetObjectAttributes",
                        format!("part {number} listed out of order"),
                    ));
                }
                sizes.push(size);
            }
            match page.next_marker {
                Some(m) if m as usize == sizes.len() && !sizes.is_empty() => marker = Some(m),
                _ => return Ok(sizes),
            }
        }
    }

    /// HeadBucket: succeeds when the bucket exists and is accessible.
    pub fn head_bucket(&self, bucket: &str) -> Result<(), Error> {
        let req = Request::new("HeadBucket", Method::HEAD, Some(bucket), "");
        self.send(&req).map(drop)
    }

    /// GetObject, optionally of a range and only if the ETag still matches.
    pub fn get_object(
        &self,
        bucket: &str,
        key: &str,
        range: Option<ByteRange>,
        if_match: Option<&str>,
    ) -> Result<GetObjectOutput, Error> {
        let req = self.versioned(Request::new("GetObject", Method::GET, Some(bucket), key));
        let mut req = self.with_customer_key(self.with_checksum_mode(req));
        if let Some(range) = range {
            req = req.header("Range", range.header_value());
        }
        if let Some(etag) = if_match {
            req = req.header("If-Match", format!("\"{etag}\""));
        }
        let resp = self.send(&req)?;
        let mut meta = Self::object_meta(&resp, self.dialect());
        let content_length = resp
            .content_length()
            .ok_or_else(|| Self::invalid("GetObject", "no Content-Length"))?;
        let mut offset = 0;
        if resp.status() == 206 {
            // Content-Range: bytes first-last/total
            let parsed = resp.header("content-range").and_then(|v| {
                let (span, total) = v.strip_prefix("bytes ")?.split_once('/')?;
                let (first, _) = span.split_once('-')?;
                Some((first.parse::<u64>().ok()?, total.parse::<u64>().ok()))
            });
            let (first, total) = parsed.ok_or_else(|| {
                Self::invalid("GetObject", "a 206 reply without a valid Content-Range")
            })?;
            offset = first;
            meta.size = total.unwrap_or(first + content_length);
        } else if range.is_some() && resp.status() == 200 {
            // The server ignored the Range header: the body is the whole object.
            log::info!(
                "the server ignored the Range header of GetObject and sent the whole object"
            );
        }
        Ok(GetObjectOutput {
            meta,
            content_length,
            offset,
            body: resp,
        })
    }

    /// PutObject: stores a body under a key.
    pub fn put_object(
        &self,
        bucket: &str,
        key: &str,
        body: Body,
        options: &PutOptions,
    ) -> Result<PutObjectOutput, Error> {
        let mut req = Request::new("PutObject", Method::PUT, Some(bucket), key).body(body);
        if let Some(md5) = &options.content_md5 {
            req = req.header("Content-MD5", md5);
        }
        if let Some(checksum) = &options.checksum {
            req = with_checksum(req, checksum);
        }
        req = self.with_object_headers(req, options);
        req = self.with_sse(req);
        req = self.unless_taken(req, options.overwrite, Write::Put);
        let resp = self.send(&req)?;
        Ok(PutObjectOutput {
            etag: resp.header("etag").map(unquote_etag).unwrap_or_default(),
            request_id: resp.request_id(),
            crc64: Self::crc64_of(&resp, self.dialect()),
            etag_not_md5: ObjectState::of(&resp, self.dialect()).etag_not_md5(),
        })
    }

    /// Adds what shapes a new object (type, ACL, storage class, metadata, extra headers)
    /// to a PutObject or InitiateMultipartUpload request.
    fn with_object_headers<'a>(&self, mut req: Request<'a>, options: &PutOptions) -> Request<'a> {
        let dialect = self.dialect();
        if let Some(t) = &options.content_type {
            req = req.header("Content-Type", t);
        }
        if let Some(acl) = &options.acl {
            req = req.header(dialect.object_acl_header(), acl);
        }
        if let Some(class) = &options.storage_class {
            req = req.header(dialect.storage_class_header(), class);
        }
        for (name, value) in &options.metadata {
            req = req.header(format!("{}{name}", dialect.meta_prefix()), value);
        }
        for (name, value) in &options.headers {
            req = req.header(name, value);
        }
        if !options.tags.is_empty() {
            req = req.header(
                dialect.provider_header("tagging"),
                object_config::tagging_header_value(&options.tags),
            );
        }
        req
    }

    /// Adds the dialect's header that makes a write of `write`'s kind fail rather than
    /// replace an object, with [`Overwrite::Never`] (never otherwise).
    fn unless_taken<'a>(
        &self,
        req: Request<'a>,
        overwrite: Overwrite,
        write: Write,
    ) -> Request<'a> {
        match (overwrite, self.dialect().forbid_overwrite_header(write)) {
            (Overwrite::Never, Some((name, value))) => req.header(name, value),
            _ => req,
        }
    }

    /// DeleteObject.
    pub fn delete_object(&self, bucket: &str, key: &str) -> Result<(), Error> {
        let req = self.versioned(Request::new(
            "DeleteObject",
            Method::DELETE,
            Some(bucket),
            key,
        ));
        self.send(&self.with_governance(req, self.governance))
            .map(drop)
    }

    /// CreateBucket, with a canned ACL, a location constraint and object lock (S3).
    pub fn create_bucket(
        &self,
        bucket: &str,
        (acl, location): (Option<&str>, Option<&str>),
        object_lock: ObjectLock,
    ) -> Result<(), Error> {
        let mut req = Request::new("CreateBucket", Method::PUT, Some(bucket), "");
        if let Some(acl) = acl {
            req = req.header(self.dialect().bucket_acl_header(), acl);
        }
        if object_lock == ObjectLock::Enabled {
            req = req.header("x-amz-bucket-object-lock-enabled", "true");
        }
        if let Some(location) = location {
            req = req
                .header("Content-Type", "application/xml")
                .body(Body::Bytes(
                    xml::create_bucket_configuration(location)
                        .into_bytes()
                        .into(),
                ));
        }
        self.send(&req).map(drop)
    }

    /// DeleteBucket (the bucket must be empty).
    pub fn delete_bucket(&self, bucket: &str) -> Result<(), Error> {
        let req = Request::new("DeleteBucket", Method::DELETE, Some(bucket), "");
        self.send(&req).map(drop)
    }
}

/// The pages of a listing, fetched one at a time as the iterator advances, so that memory
/// holds one page, not the whole listing.
pub struct ListObjectsPages<'a> {
    client: &'a Client,
    bucket: &'a str,
    prefix: &'a str,
    delimiter: Option<&'a str>,
    marker: Option<String>,
    done: bool,
}

impl Iterator for ListObjectsPages<'_> {
    type Item = Result<ObjectsPage, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let page = match self.client.list_objects(
            self.bucket,
            self.prefix,
            self.delimiter,
            self.marker.as_deref(),
            None,
        ) {
            Ok(page) => page,
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        match page.continuation_marker() {
            // A server that says "more" without moving forward would loop forever.
            Some(next) if Some(&next) == self.marker.as_ref() => {
                self.done = true;
                return Some(Err(Client::invalid(
                    "ListObjects",
                    format!("the listing did not advance past marker {next:?}"),
                )));
            }
            Some(next) => self.marker = Some(next),
            None => self.done = true,
        }
        let objects = page
            .contents
            .into_iter()
            .map(|o| ObjectInfo {
                size: o.size,
                last_modified: parse_timestamp(&o.last_modified),
                etag: unquote_etag(&o.etag),
                storage_class: if o.storage_class.is_empty() {
                    "STANDARD".to_string()
                } else {
                    o.storage_class
                },
                key: o.key,
            })
            .collect();
        Some(Ok(ObjectsPage {
            objects,
            prefixes: page.common_prefixes,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags() {
        assert_eq!(unquote_etag("\"abc\""), "abc");
        assert!(etag_is_md5("9e107d9d372bb6826bd81d3542a419d6"));
        assert!(!etag_is_md5("9e107d9d372bb6826bd81d3542a419d6-2"));
        assert!(!etag_is_md5(""));
    }

    #[test]
    fn range_headers() {
        let r = ByteRange::From {
            first: 0,
            last: Some(99),
        };
        assert_eq!(r.header_value(), "bytes=0-99");
        let r = ByteRange::From {
            first: 5,
            last: None,
        };
        assert_eq!(r.header_value(), "bytes=5-");
        assert_eq!(ByteRange::Suffix(10).header_value(), "bytes=-10");
    }

    #[test]
    fn timestamps_from_xml_and_headers() {
        assert_eq!(
            parse_timestamp("2023-11-14T22:13:20.000Z")
                .unwrap()
                .as_second(),
            1_700_000_000
        );
        assert_eq!(
            parse_http_date("Tue, 14 Nov 2023 22:13:20 GMT")
                .unwrap()
                .as_second(),
            1_700_000_000
        );
        assert!(parse_timestamp("yesterday").is_none());
    }
}
