//! AWS Signature Version 4 for S3, header-signed and presigned, as botocore does it.
//!
//! spec/wire-formats.md §4; AWS's description is
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html>.
//! The canonical URI is the URL path exactly as sent (S3 neither normalises it nor encodes
//! it twice), so the caller passes the path the URL builder produced. Like the V2 signer,
//! nothing here reads the clock.

use std::collections::BTreeMap;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use super::dialect::encode_all;
use super::sign::Credentials;

/// The payload hash of an empty body.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The payload hash of a body that is not hashed (streamed bodies, presigned URLs).
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// The longest validity of a SigV4 presigned URL: 7 days.
pub const MAX_PRESIGN_SECONDS: u64 = 604_800;

/// The parts of a request that SigV4 covers.
#[derive(Clone, Copy, Debug)]
pub struct V4Parts<'a> {
    /// HTTP method, upper case.
    pub method: &'a str,
    /// The Host header: `host` or `host:port` (no default port).
    pub host: &'a str,
    /// The URL path as sent.
    pub path: &'a str,
    /// Decoded query parameters.
    pub query: &'a [(String, String)],
    /// Headers as sent (without Host, which `host` gives).
    pub headers: &'a [(String, String)],
}

/// Headers botocore never signs: hop-by-hop and tracing headers the network may change.
fn unsigned_header(name: &str) -> bool {
    matches!(
        name,
        "authorization"
            | "user-agent"
            | "expect"
            | "connection"
            | "transfer-encoding"
            | "keep-alive"
            | "te"
            | "trailer"
            | "upgrade"
            | "x-amzn-trace-id"
    ) || name.starts_with("proxy-")
}

/// Lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex SHA-256 of a body, for `x-amz-content-sha256`.
pub fn payload_hash(body: &[u8]) -> String {
    hex(&Sha256::digest(body))
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC accepts any key");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// The canonical query: every parameter, names and values encoded (safe ``), sorted.
fn canonical_query(query: &[(String, String)]) -> String {
    let mut pairs: Vec<(String, String)> = query
        .iter()
        .map(|(n, v)| (encode_all(n), encode_all(v)))
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The canonical request and the signed header list.
pub fn canonical_request(parts: &V4Parts<'_>, payload_hash: &str) -> (String, String) {
    let mut headers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    headers
        .entry("host".to_string())
        .or_default()
        .push(parts.host.to_string());
    for (name, value) in parts.headers {
        let name = name.to_ascii_lowercase();
        if name == "host" || unsigned_header(&name) {
            continue;
        }
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        headers.entry(name).or_default().push(value);
    }
    let mut canonical_headers = String::new();
    for (name, values) in &headers {
        canonical_headers.push_str(&format!("{name}:{}\n", values.join(",")));
    }
    let signed: Vec<&str> = headers.keys().map(String::as_str).collect();
    let signed = signed.join(";");
    let request = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed}\n{payload_hash}",
        parts.method,
        parts.path,
        canonical_query(parts.query)
    );
    (request, signed)
}

/// `yyyymmdd/region/s3/aws4_request`.
fn scope(amz_date: &str, region: &str) -> String {
    format!("{}/{region}/s3/aws4_request", &amz_date[..8])
}

fn string_to_sign(amz_date: &str, region: &str, canonical: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{}\n{}",
        scope(amz_date, region),
        hex(&Sha256::digest(canonical.as_bytes()))
    )
}

fn signature(credentials: &Credentials, region: &str, amz_date: &str, sts: &str) -> String {
    let secret = format!("AWS4{}", credentials.secret_key.expose());
    let k_date = hmac(secret.as_bytes(), &amz_date[..8]);
    let k_region = hmac(&k_date, region);
    let k_service = hmac(&k_region, "s3");
    let k_signing = hmac(&k_service, "aws4_request");
    hex(&hmac(&k_signing, sts))
}

/// Formats a Unix time as the SigV4 date `YYYYMMDDTHHMMSSZ`.
pub fn amz_date(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// The Authorization header of a header-signed request whose headers already hold
/// `x-amz-date`, `x-amz-content-sha256` and any security token. Also returns the string
/// to sign, for debugging a mismatch.
pub fn authorization(
    credentials: &Credentials,
    region: &str,
    amz_date: &str,
    parts: &V4Parts<'_>,
    payload_hash: &str,
) -> (String, String) {
    let (canonical, signed) = canonical_request(parts, payload_hash);
    let sts = string_to_sign(amz_date, region, &canonical);
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential={}/{}, SignedHeaders={signed}, Signature={}",
        credentials.access_key,
        scope(amz_date, region),
        signature(credentials, region, amz_date, &sts)
    );
    (auth, sts)
}

/// The query of a presigned URL: the request's parameters, then the `X-Amz-*` ones with
/// the signature last. Headers in `parts` (e.g. Content-MD5) become signed headers the
/// holder of the URL must send.
pub fn presign_query(
    credentials: &Credentials,
    region: &str,
    amz_date: &str,
    expires_in: u64,
    parts: &V4Parts<'_>,
) -> (Vec<(String, String)>, String) {
    let (_, signed) = canonical_request(parts, UNSIGNED_PAYLOAD);
    let mut query = parts.query.to_vec();
    query.push(("X-Amz-Algorithm".into(), "AWS4-HMAC-SHA256".into()));
    query.push((
        "X-Amz-Credential".into(),
        format!("{}/{}", credentials.access_key, scope(amz_date, region)),
    ));
    query.push(("X-Amz-Date".into(), amz_date.to_string()));
    query.push(("X-Amz-Expires".into(), expires_in.to_string()));
    query.push(("X-Amz-SignedHeaders".into(), signed));
    if let Some(token) = &credentials.security_token {
        query.push(("X-Amz-Security-Token".into(), token.expose().to_string()));
    }
    let with_params = V4Parts {
        query: &query,
        ..*parts
    };
    let (canonical, _) = canonical_request(&with_params, UNSIGNED_PAYLOAD);
    let sts = string_to_sign(amz_date, region, &canonical);
    query.push((
        "X-Amz-Signature".into(),
        signature(credentials, region, amz_date, &sts),
    ));
    (query, sts)
}

#[cfg(test)]
#[path = "sigv4_vectors.rs"]
mod vectors;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_hashes() {
        assert_eq!(amz_date(1_700_000_000), "20231114T221320Z");
        assert_eq!(payload_hash(b""), EMPTY_SHA256);
    }

    #[test]
    fn canonical_query_sorts_encoded_pairs_and_keeps_empty_values() {
        let q = vec![
            ("prefix".to_string(), "a b/c".to_string()),
            ("acl".to_string(), String::new()),
            ("Z".to_string(), "1".to_string()),
        ];
        assert_eq!(canonical_query(&q), "Z=1&acl=&prefix=a%20b%2Fc");
    }
}
