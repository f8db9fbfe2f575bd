//! The HMAC-SHA1 "V2 family" signer shared by S3 Signature V2, OSS V1 and KS3.
//!
//! One function builds the string to sign for all three dialects; [`Dialect`] supplies the
//! differences (spec/wire-formats.md §1 and §2; AWS's own description is
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html>).
//! Nothing here reads the clock: the date or the expiry time is an input, so the signing
//! vectors run deterministically.

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

use super::dialect::{Dialect, encode_all};
use crate::secret::Secret;

/// An access key pair, with the security token of temporary (STS) credentials.
#[derive(Clone, Debug)]
pub struct Credentials {
    /// The access key id (not secret: it appears in every Authorization header).
    pub access_key: String,
    /// The secret access key.
    pub secret_key: Secret,
    /// The STS security token, for temporary credentials.
    pub security_token: Option<Secret>,
}

/// The parts of a request that the V2-family signature covers.
#[derive(Clone, Copy, Debug)]
pub struct SignParts<'a> {
    /// HTTP method, upper case.
    pub method: &'a str,
    /// The bucket; `None` for service-level requests such as ListBuckets.
    pub bucket: Option<&'a str>,
    /// The object key; empty for bucket-level requests.
    pub key: &'a str,
    /// Query parameters as decoded `(name, value)` pairs; only sub-resources are signed.
    pub query: &'a [(String, String)],
    /// Request headers exactly as they will be sent.
    pub headers: &'a [(String, String)],
}

/// What fills the date line of the string to sign.
#[derive(Clone, Copy, Debug)]
pub enum DateLine {
    /// Header-signed request: the `Date` header, or the dialect's override.
    Header,
    /// Presigned URL: the absolute expiry time in Unix seconds.
    Expires(i64),
}

/// Looks up a header case-insensitively; the last occurrence wins, as in the SDKs' maps.
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .rev()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// `/bucket/key?sub=resources`: the last part of the string to sign (§1.1 step 5).
pub fn canonical_resource(
    dialect: Dialect,
    bucket: Option<&str>,
    key: &str,
    query: &[(String, String)],
) -> String {
    let mut resource = String::from("/");
    if let Some(bucket) = bucket {
        resource.push_str(bucket);
        resource.push('/');
        resource.push_str(&dialect.canonical_key(key));
    }
    let mut resource = dialect.rewrite_resource(resource);
    let mut subs: Vec<(&str, &str)> = query
        .iter()
        .filter(|(name, _)| dialect.is_sub_resource(name))
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    subs.sort();
    for (i, (name, value)) in subs.iter().enumerate() {
        resource.push(if i == 0 { '?' } else { '&' });
        resource.push_str(name);
        if !value.is_empty() {
            resource.push('=');
            resource.push_str(value);
        }
    }
    resource
}

/// The V2-family string to sign (§1.1).
pub fn string_to_sign(dialect: Dialect, parts: &SignParts<'_>, date_line: DateLine) -> String {
    let content_md5 = header(parts.headers, "content-md5").unwrap_or("");
    let content_type = header(parts.headers, "content-type").unwrap_or("");
    let date = match date_line {
        DateLine::Expires(expires) => expires.to_string(),
        DateLine::Header => {
            let overridden = dialect
                .date_override_header()
                .and_then(|name| header(parts.headers, name));
            match overridden {
                Some(_) if dialect.blanks_date_line() => String::new(),
                Some(value) if !value.is_empty() => value.to_string(),
                _ => header(parts.headers, "date").unwrap_or("").to_string(),
            }
        }
    };

    let prefix = dialect.header_prefix();
    let mut provider_headers = BTreeMap::new();
    for (name, value) in parts.headers {
        let name = name.to_ascii_lowercase();
        if name.starts_with(prefix) {
            let value = if dialect.trims_header_values() {
                value.trim()
            } else {
                value.as_str()
            };
            provider_headers.insert(name, value);
        }
    }

    let mut sts = format!("{}\n{content_md5}\n{content_type}\n{date}\n", parts.method);
    for (name, value) in provider_headers {
        sts.push_str(&name);
        sts.push(':');
        sts.push_str(value);
        sts.push('\n');
    }
    sts.push_str(&canonical_resource(
        dialect,
        parts.bucket,
        parts.key,
        parts.query,
    ));
    sts
}

/// base64(HMAC-SHA1(secret, string_to_sign)).
pub fn signature(secret: &Secret, string_to_sign: &str) -> String {
    let mut mac = <Hmac<Sha1> as KeyInit>::new_from_slice(secret.expose().as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    BASE64.encode(mac.finalize().into_bytes())
}

/// A header-signed request's `Authorization` value, and the string to sign behind it.
///
/// The headers must already hold `Date` and, for STS credentials, the security token header.
pub fn authorization(
    dialect: Dialect,
    credentials: &Credentials,
    parts: &SignParts<'_>,
) -> (String, String) {
    let sts = string_to_sign(dialect, parts, DateLine::Header);
    let auth = format!(
        "{} {}:{}",
        dialect.auth_scheme(),
        credentials.access_key,
        signature(&credentials.secret_key, &sts)
    );
    (auth, sts)
}

/// A presigned URL's query: the request's own parameters followed by the signature ones.
///
/// Returns decoded `(name, value)` pairs in wire order and the string to sign. Signed
/// headers (`Content-Type`, `Content-MD5`, provider headers) are not put in the URL: the
/// holder must send them. STS tokens follow §3: OSS signs `security-token` as a
/// sub-resource; S3 (boto) and KS3 (the goamz-derived client) sign the token header and
/// carry it in the query.
pub fn presign_query(
    dialect: Dialect,
    credentials: &Credentials,
    parts: &SignParts<'_>,
    expires: i64,
) -> (Vec<(String, String)>, String) {
    let mut query = parts.query.to_vec();
    let mut headers = parts.headers.to_vec();
    let mut trailing = Vec::new();
    if let Some(token) = &credentials.security_token {
        match dialect {
            Dialect::Oss => query.push(("security-token".into(), token.expose().into())),
            Dialect::S3 | Dialect::Ks3 => {
                let name = dialect.security_token_header();
                headers.push((name.clone(), token.expose().into()));
                trailing.push((name, token.expose().to_string()));
            }
        }
    }
    let signed = SignParts {
        query: &query,
        headers: &headers,
        ..*parts
    };
    let sts = string_to_sign(dialect, &signed, DateLine::Expires(expires));
    query.push((
        dialect.presign_access_key_param().into(),
        credentials.access_key.clone(),
    ));
    query.push(("Expires".into(), expires.to_string()));
    query.push(("Signature".into(), signature(&credentials.secret_key, &sts)));
    query.extend(trailing);
    (query, sts)
}

/// Renders decoded query pairs for the wire: `name=value` percent-encoded (safe ``), a
/// valueless parameter as its bare name.
pub fn encode_query(query: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in query.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&encode_all(name));
        if !value.is_empty() {
            out.push('=');
            out.push_str(&encode_all(value));
        }
    }
    out
}

#[cfg(test)]
#[path = "sign_vectors.rs"]
mod vectors;

#[cfg(test)]
mod tests {
    use super::*;

    fn creds() -> Credentials {
        Credentials {
            access_key: "AKIAIOSFODNN7EXAMPLE".into(),
            secret_key: Secret::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            security_token: None,
        }
    }

    #[test]
    fn same_string_to_sign_gives_the_same_signature_in_every_dialect() {
        let headers = vec![(
            "Date".to_string(),
            "Tue, 14 Nov 2023 22:13:20 GMT".to_string(),
        )];
        let parts = SignParts {
            method: "GET",
            bucket: Some("examplebucket"),
            key: "photos/puppy.jpg",
            query: &[],
            headers: &headers,
        };
        for (dialect, word) in [
            (Dialect::S3, "AWS"),
            (Dialect::Oss, "OSS"),
            (Dialect::Ks3, "KSS"),
        ] {
            let (auth, _) = authorization(dialect, &creds(), &parts);
            assert_eq!(
                auth,
                format!("{word} AKIAIOSFODNN7EXAMPLE:dtnyYwjaJ18+KdE4qAj5D2+IP+M=")
            );
        }
    }

    #[test]
    fn published_aws_example() {
        let headers = vec![(
            "Date".to_string(),
            "Tue, 27 Mar 2007 19:36:42 +0000".to_string(),
        )];
        let parts = SignParts {
            method: "GET",
            bucket: Some("johnsmith"),
            key: "photos/puppy.jpg",
            query: &[],
            headers: &headers,
        };
        let (auth, _) = authorization(Dialect::S3, &creds(), &parts);
        assert_eq!(
            auth,
            "AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU="
        );
    }

    #[test]
    fn query_encoding_keeps_nothing_but_unreserved() {
        let q = vec![
            ("prefix".to_string(), "a b/c+d".to_string()),
            ("uploads".to_string(), String::new()),
        ];
        assert_eq!(encode_query(&q), "prefix=a%20b%2Fc%2Bd&uploads");
    }
}
