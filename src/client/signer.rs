//! The one signer a client signs with, chosen once when the client is built: anonymous,
//! the V2 family (S3 V2, OSS, KS3: one HMAC-SHA1 signer parameterised by the dialect) or
//! SigV4.
//!
//! Like object_store's `AwsAuthorizer` (`aws/credential.rs`), it takes a request about to
//! be sent and gives the headers to send it with (date, security token, Authorization), or
//! signs it into the query of a presigned URL. The strings to sign are built by `sign`
//! (spec/wire-formats.md §1-§3) and `sigv4` (§4); this module only decides which one, what
//! goes around it and in which order, so the SDK vectors of those two hold for every
//! request sent.

use std::time::SystemTime;

use super::SignatureVersion;
use super::dialect::Dialect;
use super::endpoint::Target;
use super::error::Error;
use super::request::{Body, ClientConfig, Request, http_date, unix_seconds};
use super::sign::{self, Credentials, SignParts};
use super::sigv4::{self, V4Parts};

/// SigV4 hashes in-memory bodies up to this size (XML documents); larger ones are sent as
/// UNSIGNED-PAYLOAD: their Content-MD5 already protects them, and a SHA-256 over data
/// parts would cost CPU the transfer needs (docs/behaviour.md).
pub const SIGNED_PAYLOAD_MAX: usize = 64 * 1024;

/// How every request of a client is signed.
#[derive(Clone, Debug)]
pub enum Signer {
    /// No credentials: requests go out unsigned, with a `Date` only.
    Anonymous,
    /// The HMAC-SHA1 family of S3 V2, OSS and KS3.
    V2(V2Signer),
    /// AWS Signature Version 4 (S3 only).
    V4(V4Signer),
}

/// The V2-family signer: one algorithm, the dialect's words.
#[derive(Clone, Debug)]
pub struct V2Signer {
    dialect: Dialect,
    credentials: Credentials,
}

/// The SigV4 signer: it signs the Host and the URL path, so it knows the target.
#[derive(Clone, Debug)]
pub struct V4Signer {
    target: Target,
    region: String,
    credentials: Credentials,
}

/// A request's headers as they are sent, signature included.
#[derive(Clone, Debug)]
pub struct Signed {
    /// The request's own headers followed by the ones the signer added.
    pub headers: Vec<(String, String)>,
    /// The string the signature covers, to show beside the server's on a mismatch; `None`
    /// for an unsigned request.
    pub string_to_sign: Option<String>,
}

impl Signer {
    /// The signer the configuration asks for: anonymous without credentials, else by the
    /// signature version.
    pub fn new(config: &ClientConfig) -> Signer {
        let Some(credentials) = config.credentials.clone() else {
            return Signer::Anonymous;
        };
        match config.signature {
            SignatureVersion::V2 => Signer::V2(V2Signer {
                dialect: config.target.dialect,
                credentials,
            }),
            SignatureVersion::V4 => Signer::V4(V4Signer {
                target: config.target.clone(),
                region: config.region.clone(),
                credentials,
            }),
        }
    }

    /// Signs a request about to be sent at `now`: its headers plus the date, the security
    /// token and the Authorization header.
    pub fn authorize(&self, req: &Request<'_>, now: SystemTime) -> Signed {
        let mut headers = req.headers.clone();
        let string_to_sign = match self {
            Signer::Anonymous => {
                headers.push(("Date".to_string(), http_date(now)));
                None
            }
            Signer::V2(signer) => Some(signer.authorize(req, &mut headers, now)),
            Signer::V4(signer) => Some(signer.authorize(req, &mut headers, now)),
        };
        Signed {
            headers,
            string_to_sign,
        }
    }

    /// The query of a presigned URL for `req` (its method, bucket, key, query and the
    /// headers the holder must send), valid until `expires` (Unix seconds): the request's
    /// parameters followed by the signature's, decoded, in wire order.
    pub fn presign(
        &self,
        req: &Request<'_>,
        expires: i64,
        now: SystemTime,
    ) -> Result<Vec<(String, String)>, Error> {
        match self {
            Signer::Anonymous => Err(Error::InvalidRequest {
                operation: "presign",
                detail: "a presigned URL needs credentials (not --anonymous)".to_string(),
            }),
            Signer::V2(signer) => Ok(signer.presign(req, expires)),
            Signer::V4(signer) => signer.presign(req, expires, now),
        }
    }
}

impl V2Signer {
    fn parts<'a>(req: &'a Request<'_>, headers: &'a [(String, String)]) -> SignParts<'a> {
        SignParts {
            method: req.method.as_str(),
            bucket: req.bucket,
            key: req.key,
            query: &req.query,
            headers,
        }
    }

    /// Adds `Date`, the token and `Authorization` (§1); returns the string to sign.
    fn authorize(
        &self,
        req: &Request<'_>,
        headers: &mut Vec<(String, String)>,
        now: SystemTime,
    ) -> String {
        headers.push(("Date".to_string(), http_date(now)));
        if let Some(token) = &self.credentials.security_token {
            let name = self.dialect.security_token_header();
            headers.push((name, token.expose().to_string()));
        }
        let parts = Self::parts(req, headers);
        let (auth, sts) = sign::authorization(self.dialect, &self.credentials, &parts);
        headers.push(("Authorization".to_string(), auth));
        sts
    }

    /// A presigned URL's query (§2, the token as §3 says).
    fn presign(&self, req: &Request<'_>, expires: i64) -> Vec<(String, String)> {
        let parts = Self::parts(req, &req.headers);
        sign::presign_query(self.dialect, &self.credentials, &parts, expires).0
    }
}

impl V4Signer {
    /// The SigV4 payload hash of a body: hashed when small and in memory, else
    /// UNSIGNED-PAYLOAD (a streamed body would need a second read to hash; Content-MD5
    /// already protects it).
    fn payload_hash(body: &Body) -> String {
        match body.bytes() {
            _ if body.is_empty() => sigv4::EMPTY_SHA256.to_string(),
            Some(bytes) if bytes.len() <= SIGNED_PAYLOAD_MAX => sigv4::payload_hash(bytes),
            _ => sigv4::UNSIGNED_PAYLOAD.to_string(),
        }
    }

    /// Adds `x-amz-date`, `x-amz-content-sha256`, the token and `Authorization` (§4);
    /// returns the string to sign.
    fn authorize(
        &self,
        req: &Request<'_>,
        headers: &mut Vec<(String, String)>,
        now: SystemTime,
    ) -> String {
        let amz_date = sigv4::amz_date(unix_seconds(now));
        let payload = Self::payload_hash(&req.body);
        headers.push(("x-amz-date".to_string(), amz_date.clone()));
        headers.push(("x-amz-content-sha256".to_string(), payload.clone()));
        if let Some(token) = &self.credentials.security_token {
            let name = self.target.dialect.security_token_header();
            headers.push((name, token.expose().to_string()));
        }
        let host = self.target.host(req.bucket);
        let path = self.target.path(req.bucket, req.key);
        let parts = V4Parts {
            method: req.method.as_str(),
            host: &host,
            path: &path,
            query: &req.query,
            headers,
        };
        let (auth, sts) =
            sigv4::authorization(&self.credentials, &self.region, &amz_date, &parts, &payload);
        headers.push(("Authorization".to_string(), auth));
        sts
    }

    /// A presigned URL's query (§4.3), valid for 1 second to 7 days from `now`.
    fn presign(
        &self,
        req: &Request<'_>,
        expires: i64,
        now: SystemTime,
    ) -> Result<Vec<(String, String)>, Error> {
        let now = unix_seconds(now);
        let seconds = expires - now;
        if seconds <= 0 || seconds as u64 > sigv4::MAX_PRESIGN_SECONDS {
            return Err(Error::InvalidRequest {
                operation: "presign",
                detail: format!(
                    "a SigV4 presigned URL is valid for 1 second to 7 days (604800 s), not {seconds} s"
                ),
            });
        }
        let host = self.target.host(req.bucket);
        let path = self.target.path(req.bucket, req.key);
        let parts = V4Parts {
            method: req.method.as_str(),
            host: &host,
            path: &path,
            query: &req.query,
            headers: &req.headers,
        };
        let date = sigv4::amz_date(now);
        let (query, _) = sigv4::presign_query(
            &self.credentials,
            &self.region,
            &date,
            seconds as u64,
            &parts,
        );
        Ok(query)
    }
}

#[cfg(test)]
#[path = "signer_vectors.rs"]
mod vectors;

#[cfg(test)]
mod tests {
    use super::super::test_server;
    use super::*;

    #[test]
    fn the_signer_is_chosen_by_credentials_then_signature() {
        let creds = || Some(test_server::credentials(None));
        let signer = |dialect, signature, credentials| {
            Signer::new(&test_server::config(9, dialect, signature, credentials))
        };
        let anonymous = signer(Dialect::S3, SignatureVersion::V4, None);
        assert!(matches!(anonymous, Signer::Anonymous));
        let v2 = signer(Dialect::Oss, SignatureVersion::V2, creds());
        assert!(matches!(
            v2,
            Signer::V2(V2Signer {
                dialect: Dialect::Oss,
                ..
            })
        ));
        assert!(matches!(
            signer(Dialect::S3, SignatureVersion::V4, creds()),
            Signer::V4(_)
        ));
    }

    #[test]
    fn debug_output_masks_the_secret_key_and_the_token() {
        let token = "CAIS+token/with=special&chars%20EXAMPLE";
        for signature in [SignatureVersion::V2, SignatureVersion::V4] {
            let credentials = Some(test_server::credentials(Some(token)));
            let config = test_server::config(9, Dialect::S3, signature, credentials);
            let shown = format!("{:?}", Signer::new(&config));
            assert!(shown.contains("AKIAIOSFODNN7EXAMPLE"), "{shown}");
            assert!(!shown.contains("wJalrXUtnFEMI"), "{shown}");
            assert!(!shown.contains("CAIS"), "{shown}");
        }
    }
}
