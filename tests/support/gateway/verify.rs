//! The gateway's own verifier of OSS V1 and KS3 signatures, written from
//! `spec/wire-formats.md` §1–§3 and Appendix A, independently of objcmd's signer (which
//! it must be able to catch out). It works on requests as they arrive on the wire: the
//! Host header, the raw request target and the headers in the order received. Nothing
//! here reads the clock: `now` is an input, so the signing vectors run as they are.

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// The two dialects the gateway speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Oss,
    Ks3,
}

impl Dialect {
    /// `oss` or `ks3`: objcmd's `--provider` and the first label of the gateway's host.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Oss => "oss",
            Dialect::Ks3 => "ks3",
        }
    }

    /// The provider header prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Dialect::Oss => "x-oss-",
            Dialect::Ks3 => "x-kss-",
        }
    }

    /// The word of the Authorization header.
    pub fn scheme(self) -> &'static str {
        match self {
            Dialect::Oss => "OSS",
            Dialect::Ks3 => "KSS",
        }
    }

    /// The access key parameter of presigned URLs.
    pub fn access_key_param(self) -> &'static str {
        match self {
            Dialect::Oss => "OSSAccessKeyId",
            Dialect::Ks3 => "KSSAccessKeyId",
        }
    }

    /// The header carrying a security token (§3).
    pub fn token_header(self) -> &'static str {
        match self {
            Dialect::Oss => "x-oss-security-token",
            Dialect::Ks3 => "x-kss-security-token",
        }
    }

    /// The query parameter carrying a security token in a presigned URL (§3).
    pub fn token_param(self) -> &'static str {
        match self {
            Dialect::Oss => "security-token",
            Dialect::Ks3 => "x-kss-security-token",
        }
    }

    /// The request-id response header (§1.2).
    pub fn request_id_header(self) -> &'static str {
        match self {
            Dialect::Oss => "x-oss-request-id",
            Dialect::Ks3 => "x-kss-request-id",
        }
    }

    /// The CRC-64 response header (§8).
    pub fn crc_header(self) -> &'static str {
        match self {
            Dialect::Oss => "x-oss-hash-crc64ecma",
            Dialect::Ks3 => "x-kss-checksum-crc64ecma",
        }
    }

    /// Whether a query parameter is signed (Appendix A; case-sensitive): listed in the
    /// dialect's section of the sub-resource table.
    pub fn is_sub_resource(self, name: &str) -> bool {
        let mut section = None;
        for line in SUB_RESOURCE_TABLE.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(header);
            } else if section == Some(self.name()) && line == name {
                return true;
            }
        }
        false
    }
}

/// The signed sub-resources of each dialect (Appendix A), as the SDKs list them. The
/// verifier reads the same data file as objcmd's signer, with its own reader above: the
/// table is data copied from the SDKs, not signing logic, and two copies could only drift
/// apart; what the SDKs signed (tests/fixtures/vectors, replayed by gateway_vectors.rs)
/// checks the table for both.
const SUB_RESOURCE_TABLE: &str = include_str!("../../../src/client/sub_resources.txt");

/// What a request addresses, decoded from its Host and target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// None for service-level requests (ListBuckets).
    pub bucket: Option<String>,
    /// The raw (decoded) key; empty for bucket-level requests.
    pub key: String,
    /// Decoded query parameters in wire order; `has_value` says whether `=` was present.
    pub query: Vec<(String, String)>,
}

impl Target {
    /// The decoded value of the first query parameter called `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Percent-decodes bytes (`+` stays `+`), as a server decodes a URL path.
pub fn decode_path(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Decodes a query component: `+` is a space (oss2 and ks3sdk send quote_plus).
pub fn decode_query(s: &str) -> String {
    decode_path(&s.replace('+', " "))
}

/// Percent-encode(safe=X) of §0: unreserved characters and those in `safe` stay.
pub fn encode(s: &str, safe: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || safe.as_bytes().contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Splits a request into bucket, key and query. `base_host` is the service's own host
/// (`oss.localhost`): a Host of `BUCKET.base_host` is a virtual-host request, any other
/// Host a path-style (or service-level) one.
pub fn parse_target(base_host: &str, host: &str, request_target: &str) -> Target {
    let host = host_without_port(host).to_ascii_lowercase();
    let (path, query) = match request_target.split_once('?') {
        Some((p, q)) => (p, q),
        None => (request_target, ""),
    };
    let query = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((n, v)) => (decode_query(n), decode_query(v)),
            None => (decode_query(p), String::new()),
        })
        .collect();
    let path = decode_path(path);
    let path = path.strip_prefix('/').unwrap_or(&path);
    let suffix = format!(".{}", base_host.to_ascii_lowercase());
    let (bucket, key) = match host.strip_suffix(&suffix) {
        Some(bucket) if !bucket.is_empty() => (Some(bucket.to_string()), path.to_string()),
        _ if path.is_empty() => (None, String::new()),
        _ => match path.split_once('/') {
            Some((b, k)) => (Some(b.to_string()), k.to_string()),
            None => (Some(path.to_string()), String::new()),
        },
    };
    Target { bucket, key, query }
}

/// `host` of `host:port` (IPv6 literals keep their brackets).
pub fn host_without_port(host: &str) -> &str {
    match host.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(':') && p.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    }
}

/// The canonical resource of §1.1 step 5.
pub fn canonical_resource(dialect: Dialect, target: &Target) -> String {
    let mut resource = match &target.bucket {
        None => "/".to_string(),
        Some(bucket) => match dialect {
            Dialect::Oss => format!("/{bucket}/{}", target.key),
            Dialect::Ks3 => {
                rewrite_double_slashes(&format!("/{bucket}/{}", encode(&target.key, "/")))
            }
        },
    };
    let mut subs: Vec<&(String, String)> = target
        .query
        .iter()
        .filter(|(n, _)| dialect.is_sub_resource(n))
        .collect();
    subs.sort_by(|a, b| a.0.cmp(&b.0));
    for (i, (name, value)) in subs.into_iter().enumerate() {
        resource.push(if i == 0 { '?' } else { '&' });
        resource.push_str(name);
        if !value.is_empty() {
            resource.push('=');
            resource.push_str(value);
        }
    }
    resource
}

/// KS3: every `//` becomes `/%2F`, left to right, non-overlapping.
fn rewrite_double_slashes(s: &str) -> String {
    s.replace("//", "/%2F")
}

/// The last value of a header (case-insensitive name): the SDKs keep headers in maps where
/// a later case variant replaces an earlier one (vectors `duplicate_header_case_variants`).
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .rev()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The string to sign of §1.1 (header-signed) or §2 (presigned: `expires` is Some). For
/// presigned KS3 URLs a `x-kss-security-token` query parameter is signed as a header line
/// (§3, the goamz-derived client objcmd follows).
pub fn string_to_sign(
    dialect: Dialect,
    method: &str,
    target: &Target,
    headers: &[(String, String)],
    expires: Option<&str>,
) -> String {
    let mut provider: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in headers {
        let lower = name.to_ascii_lowercase();
        if lower.starts_with(dialect.prefix()) {
            // Values are signed verbatim (oss2 and ks3sdk do not trim).
            provider.insert(lower, value.clone());
        }
    }
    if expires.is_some()
        && dialect == Dialect::Ks3
        && let Some(token) = target.param(dialect.token_param())
    {
        provider.insert(dialect.token_param().to_string(), token.to_string());
    }
    let date = match expires {
        Some(expires) => expires.to_string(),
        None => {
            let oss_date = header(headers, "x-oss-date").filter(|d| !d.is_empty());
            match (dialect, oss_date) {
                (Dialect::Oss, Some(d)) => d.to_string(),
                _ => header(headers, "date").unwrap_or("").to_string(),
            }
        }
    };
    let mut out = format!(
        "{}\n{}\n{}\n{date}\n",
        method.to_ascii_uppercase(),
        header(headers, "content-md5").unwrap_or(""),
        header(headers, "content-type").unwrap_or(""),
    );
    for (name, value) in &provider {
        out.push_str(&format!("{name}:{value}\n"));
    }
    out.push_str(&canonical_resource(dialect, target));
    out
}

/// base64(HMAC-SHA1(secret, string_to_sign)).
pub fn sign(secret: &str, string_to_sign: &str) -> String {
    let mut mac = <Hmac<Sha1> as KeyInit>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(string_to_sign.as_bytes());
    BASE64.encode(mac.finalize().into_bytes())
}

/// The gateway's credentials.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub access_key: String,
    pub secret_key: String,
    /// When set, every signed request must carry exactly this security token.
    pub security_token: Option<String>,
}

/// How a request was authenticated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verified {
    /// `Authorization: OSS|KSS ak:sig`, checked.
    Header,
    /// A presigned URL, checked and not expired.
    Presigned,
    /// No signature at all: forwarded unsigned.
    Anonymous,
}

/// Why a request was refused: an error code for the dialect's error XML (always 403).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Denied {
    pub code: &'static str,
    pub message: String,
    /// The string to sign the gateway computed, for SignatureDoesNotMatch.
    pub string_to_sign: Option<String>,
}

fn denied(code: &'static str, message: impl Into<String>) -> Denied {
    Denied {
        code,
        message: message.into(),
        string_to_sign: None,
    }
}

/// Allowed clock skew of header-signed requests (OSS and S3 allow 15 minutes).
const MAX_SKEW_SECS: i64 = 15 * 60;

/// Verifies a request's signature, expiry and security token. `now` is Unix seconds.
pub fn verify(
    dialect: Dialect,
    creds: &Credentials,
    method: &str,
    target: &Target,
    headers: &[(String, String)],
    now: i64,
) -> Result<Verified, Denied> {
    let (access_key, signature, expires, kind) =
        if let Some(auth) = header(headers, "authorization") {
            let rest = auth
                .strip_prefix(dialect.scheme())
                .and_then(|r| r.strip_prefix(' '))
                .ok_or_else(|| {
                    denied(
                        "InvalidArgument",
                        format!("authorization is not {} ak:sig", dialect.scheme()),
                    )
                })?;
            let (ak, sig) = rest
                .split_once(':')
                .ok_or_else(|| denied("InvalidArgument", "authorization has no ':'"))?;
            (ak.to_string(), sig.to_string(), None, Verified::Header)
        } else if let Some(ak) = target.param(dialect.access_key_param()) {
            let sig = target
                .param("Signature")
                .ok_or_else(|| denied("AccessDenied", "presigned URL without Signature"))?;
            let expires = target
                .param("Expires")
                .ok_or_else(|| denied("AccessDenied", "presigned URL without Expires"))?;
            (
                ak.to_string(),
                sig.to_string(),
                Some(expires.to_string()),
                Verified::Presigned,
            )
        } else {
            return Ok(Verified::Anonymous);
        };
    if access_key != creds.access_key {
        return Err(denied(
            "InvalidAccessKeyId",
            format!("The access key id {access_key} does not exist"),
        ));
    }
    let token = match kind {
        Verified::Presigned => target.param(dialect.token_param()),
        _ => header(headers, dialect.token_header()),
    };
    if let Some(expected) = &creds.security_token
        && token != Some(expected.as_str())
    {
        let code = if dialect == Dialect::Oss {
            "InvalidSecurityToken"
        } else {
            "InvalidToken"
        };
        return Err(denied(code, "the security token is missing or wrong"));
    }
    let string_to_sign = string_to_sign(dialect, method, target, headers, expires.as_deref());
    if sign(&creds.secret_key, &string_to_sign) != signature {
        return Err(Denied {
            code: "SignatureDoesNotMatch",
            message:
                "The request signature we calculated does not match the signature you provided."
                    .to_string(),
            string_to_sign: Some(string_to_sign),
        });
    }
    match expires {
        Some(expires) => {
            let expires: i64 = expires
                .parse()
                .map_err(|_| denied("AccessDenied", "Expires is not a number"))?;
            if now > expires {
                return Err(denied("AccessDenied", "Request has expired"));
            }
        }
        None => {
            let date = match (
                dialect,
                header(headers, "x-oss-date").filter(|d| !d.is_empty()),
            ) {
                (Dialect::Oss, Some(d)) => d,
                _ => header(headers, "date").unwrap_or(""),
            };
            let when = jiff::fmt::rfc2822::parse(date)
                .map_err(|_| denied("AccessDenied", format!("bad date {date:?}")))?
                .timestamp()
                .as_second();
            if (when - now).abs() > MAX_SKEW_SECS {
                return Err(denied(
                    "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.",
                ));
            }
        }
    }
    Ok(kind)
}
