//! Server-side encryption: the SSE-S3/SSE-KMS headers of the writes that make an object
//! (PutObject, InitiateMultipartUpload, CopyObject), and the customer key (SSE-C) that
//! every request touching an SSE-C object's bytes must carry (HEAD, GET, UploadPart,
//! UploadPartCopy, Complete), with the copy source's own key on copies.
//!
//! The settings live in [`super::ClientConfig`], so that every request of a transfer
//! carries them without each caller passing them on. The customer key is a secret: it
//! stays in [`CustomerKey`], whose `Debug` is redacted, and `-vv` redacts its headers.
//! Header names are each dialect's, as oss2 and ks3sdk send them.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use md5::{Digest as _, Md5};

use super::Client;
use super::dialect::Dialect;
use super::request::Request;

/// SSE-S3 or SSE-KMS (`--sse`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum ServerSide {
    /// Keys the server manages (`AES256`).
    #[serde(rename = "AES256")]
    Aes256,
    /// A KMS key (`aws:kms`; OSS calls it `KMS`).
    #[serde(rename = "aws:kms")]
    Kms,
    /// OSS only: the SM4 cipher, keys the server manages (oss2's
    /// `SERVER_SIDE_ENCRYPTION_SM4`).
    #[serde(rename = "SM4")]
    Sm4,
}

impl ServerSide {
    /// The header's value in `dialect`.
    fn wire_name(self, dialect: Dialect) -> &'static str {
        match (self, dialect) {
            (ServerSide::Aes256, _) => "AES256",
            (ServerSide::Kms, Dialect::Oss) => "KMS",
            (ServerSide::Kms, Dialect::S3 | Dialect::Ks3) => "aws:kms",
            (ServerSide::Sm4, _) => "SM4",
        }
    }
}

/// A 32-byte SSE-C key. Never shown: `Debug` is redacted, and only the request headers
/// ever hold it (which `-vv` redacts).
#[derive(Clone, PartialEq, Eq)]
pub struct CustomerKey([u8; 32]);

impl std::fmt::Debug for CustomerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CustomerKey(<redacted>)")
    }
}

impl CustomerKey {
    /// The key in `bytes`, which must be 32 raw bytes (AES-256).
    pub fn from_bytes(bytes: &[u8]) -> Result<CustomerKey, String> {
        let raw: [u8; 32] = bytes.try_into().map_err(|_| {
            format!(
                "an SSE-C key is 32 raw bytes (AES-256); this file has {}",
                bytes.len()
            )
        })?;
        Ok(CustomerKey(raw))
    }

    /// The three headers (algorithm, key, key MD5), named `{prefix}{what}`.
    fn headers(&self, prefix: &str) -> [(String, String); 3] {
        let md5 = Md5::digest(self.0);
        [
            (format!("{prefix}algorithm"), "AES256".to_string()),
            (format!("{prefix}key"), BASE64.encode(self.0)),
            (format!("{prefix}key-MD5"), BASE64.encode(md5)),
        ]
    }

    /// The key and its MD5 as the headers carry them (base64), for tests that check
    /// nothing prints them.
    pub fn wire_forms(&self) -> [String; 2] {
        let [_, (_, key), (_, md5)] = self.headers("");
        [key, md5]
    }
}

/// The server-side encryption of a client's requests; the default is none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Encryption {
    /// SSE-S3 or SSE-KMS of new objects (`--sse`).
    pub server_side: Option<ServerSide>,
    /// The KMS key of [`ServerSide::Kms`] (`--sse-kms-key-id`).
    pub kms_key_id: Option<String>,
    /// The customer key of the objects read and written (`--sse-c-key-file`).
    pub customer_key: Option<CustomerKey>,
    /// The customer key of a copy's source (`--sse-c-source-key-file`).
    pub copy_source_key: Option<CustomerKey>,
}

impl Encryption {
    /// Whether objects written get a customer key, or a KMS key: then their ETag is not
    /// the MD5 of their bytes.
    pub fn etag_is_not_md5(&self) -> bool {
        self.customer_key.is_some() || self.server_side == Some(ServerSide::Kms)
    }
}

/// True for a header that carries a customer key or its MD5 (also of a copy source):
/// `-vv` redacts these.
pub(super) fn is_secret_header(name: &str) -> bool {
    name.to_ascii_lowercase()
        .contains("server-side-encryption-customer-key")
}

/// Adds `key` as the customer key of the object the request names.
pub(super) fn with_key_headers<'a>(
    mut req: Request<'a>,
    dialect: Dialect,
    key: &CustomerKey,
) -> Request<'a> {
    let prefix = dialect.provider_header("server-side-encryption-customer-");
    for (name, value) in key.headers(&prefix) {
        req = req.header(name, value);
    }
    req
}

impl Client {
    fn encryption(&self) -> &Encryption {
        &self.transport().config().encryption
    }

    /// Adds what makes a new object encrypted: SSE-S3/KMS and the customer key
    /// (PutObject, InitiateMultipartUpload, CopyObject).
    pub(super) fn with_sse<'a>(&self, mut req: Request<'a>) -> Request<'a> {
        let dialect = self.dialect();
        let e = self.encryption();
        if let Some(sse) = e.server_side {
            req = req.header(
                dialect.provider_header("server-side-encryption"),
                sse.wire_name(dialect),
            );
            if let (ServerSide::Kms, Some(id)) = (sse, &e.kms_key_id) {
                let name = match dialect {
                    Dialect::Oss => "server-side-encryption-key-id",
                    Dialect::S3 | Dialect::Ks3 => "server-side-encryption-aws-kms-key-id",
                };
                req = req.header(dialect.provider_header(name), id);
            }
        }
        self.with_customer_key(req)
    }

    /// Adds the customer key, if there is one: every request that reads or writes an
    /// SSE-C object's bytes or metadata needs it.
    pub(super) fn with_customer_key<'a>(&self, req: Request<'a>) -> Request<'a> {
        match &self.encryption().customer_key {
            Some(key) => with_key_headers(req, self.dialect(), key),
            None => req,
        }
    }

    /// Adds the copy source's customer key, if there is one (CopyObject, UploadPartCopy).
    /// A copy onto itself (`set-meta`) reads with the object's own key unless the source
    /// key was given.
    pub(super) fn with_copy_source_key<'a>(
        &self,
        mut req: Request<'a>,
        source: (&str, &str),
        target: (&str, &str),
    ) -> Request<'a> {
        let e = self.encryption();
        let own = e.customer_key.as_ref().filter(|_| source == target);
        if let Some(key) = e.copy_source_key.as_ref().or(own) {
            let prefix = self
                .dialect()
                .provider_header("copy-source-server-side-encryption-customer-");
            for (name, value) in key.headers(&prefix) {
                req = req.header(name, value);
            }
        }
        req
    }

    /// Whether this client writes objects whose ETag is not their MD5 (SSE-C, SSE-KMS).
    pub fn writes_etag_not_md5(&self) -> bool {
        self.encryption().etag_is_not_md5()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_key_is_32_bytes_and_never_shows_itself() {
        assert!(
            CustomerKey::from_bytes(&[1; 31])
                .unwrap_err()
                .contains("31")
        );
        let key = CustomerKey::from_bytes(&[0; 32]).unwrap();
        assert_eq!(format!("{key:?}"), "CustomerKey(<redacted>)");
        let headers = key.headers("x-amz-server-side-encryption-customer-");
        assert_eq!(headers[1].1, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        // The MD5 of 32 zero bytes (openssl md5 -binary | base64).
        assert_eq!(
            headers[2].0,
            "x-amz-server-side-encryption-customer-key-MD5"
        );
        assert_eq!(headers[2].1, "cLyPS3KoaSFGi/joRB3OUQ==");
        assert!(headers.iter().skip(1).all(|(n, _)| is_secret_header(n)));
        assert!(!is_secret_header(
            "x-amz-server-side-encryption-customer-algorithm"
        ));
        assert!(is_secret_header(
            "X-Kss-Copy-Source-Server-Side-Encryption-Customer-Key-MD5"
        ));
    }

    #[test]
    fn kms_is_named_as_each_dialect_names_it() {
        assert_eq!(ServerSide::Kms.wire_name(Dialect::Oss), "KMS");
        assert_eq!(ServerSide::Kms.wire_name(Dialect::S3), "aws:kms");
        assert_eq!(ServerSide::Aes256.wire_name(Dialect::Ks3), "AES256");
    }
}
