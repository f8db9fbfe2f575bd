//! Command-line addresses: `s3://BUCKET/KEY` (or `oss://`, `ks3://`), local paths and `-`.
//!
//! The scheme is a spelling only (the dialect comes from the profile); it is kept so that
//! output echoes what the user typed. Bucket names and keys are checked here, before any
//! request, so that bad input is a usage error (exit 2) with a clear message.

use std::fmt;

use crate::client::Dialect;
use crate::error::UsageError;

/// The longest key S3, OSS and KS3 accept, in UTF-8 bytes.
pub const MAX_KEY_BYTES: usize = 1024;

/// A remote address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteUrl {
    /// `s3`, `oss` or `ks3`, as typed.
    pub scheme: String,
    /// The bucket.
    pub bucket: String,
    /// The key or prefix; empty for the bucket itself.
    pub key: String,
}

impl fmt::Display for RemoteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}/{}", self.scheme, self.bucket, self.key)
    }
}

/// A command-line argument naming a source or destination.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// `s3://...`.
    Remote(RemoteUrl),
    /// `-`: stdin or stdout.
    Stdio,
    /// Anything else: a local path.
    Local(String),
}

impl Location {
    /// Classifies an argument. `xyz://...` with an unknown scheme is an error rather than
    /// a local path, since it is almost certainly a typo.
    pub fn parse(arg: &str) -> Result<Location, UsageError> {
        if arg == "-" {
            return Ok(Location::Stdio);
        }
        match RemoteUrl::parse(arg)? {
            Some(url) => Ok(Location::Remote(url)),
            None => Ok(Location::Local(arg.to_string())),
        }
    }
}

impl RemoteUrl {
    /// Parses `scheme://bucket[/key]`; `Ok(None)` when the argument is not a URL.
    pub fn parse(arg: &str) -> Result<Option<RemoteUrl>, UsageError> {
        let Some((scheme, rest)) = arg.split_once("://") else {
            return Ok(None);
        };
        let is_word = !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.');
        if !is_word {
            return Ok(None);
        }
        // Matched in any case, kept as typed: output echoes what the user wrote.
        if !matches!(scheme.to_ascii_lowercase().as_str(), "s3" | "oss" | "ks3") {
            return Err(UsageError(format!(
                "invalid URL {arg:?}: unsupported scheme {scheme:?} (use s3://, oss:// or ks3://)"
            )));
        }
        let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(UsageError(format!("invalid URL {arg:?}: no bucket name")));
        }
        check_bucket_name(bucket).map_err(|why| {
            UsageError(format!("invalid bucket name {bucket:?} in {arg:?}: {why}"))
        })?;
        if key.len() > MAX_KEY_BYTES {
            return Err(UsageError(format!(
                "invalid URL {}...: the key is {} bytes long; the limit is {MAX_KEY_BYTES}",
                arg.chars().take(60).collect::<String>(),
                key.len()
            )));
        }
        Ok(Some(RemoteUrl {
            scheme: scheme.to_string(),
            bucket: bucket.to_string(),
            key: key.to_string(),
        }))
    }

    /// Parses an argument that must be a remote URL.
    pub fn parse_required(arg: &str) -> Result<RemoteUrl, UsageError> {
        RemoteUrl::parse(arg)?.ok_or_else(|| {
            UsageError(format!(
                "invalid URL {arg:?}: expected s3://BUCKET[/KEY] (or oss://, ks3://)"
            ))
        })
    }

    /// True when the URL names a bucket or a prefix (`s3://b`, `s3://b/`, `s3://b/dir/`).
    pub fn is_prefix(&self) -> bool {
        self.key.is_empty() || self.key.ends_with('/')
    }

    /// The same bucket with another key.
    pub fn with_key(&self, key: impl Into<String>) -> RemoteUrl {
        RemoteUrl {
            key: key.into(),
            ..self.clone()
        }
    }

    /// The URL of the bucket itself, `s3://bucket`.
    pub fn bucket_url(&self) -> String {
        format!("{}://{}", self.scheme, self.bucket)
    }

    /// Checks that the URL names one object the dialect can address, and returns its key.
    pub fn object_key(&self, dialect: Dialect) -> Result<&str, UsageError> {
        if self.key.is_empty() {
            return Err(UsageError(format!(
                "{self} names a bucket, not an object: add a key, e.g. {}/KEY",
                self.bucket_url()
            )));
        }
        check_key(&self.key, dialect)
            .map_err(|why| UsageError(format!("invalid key in {self}: {why}")))?;
        Ok(&self.key)
    }
}

/// Checks a key against the limits of the dialect and of URL paths.
pub fn check_key(key: &str, dialect: Dialect) -> Result<(), String> {
    if key.is_empty() {
        return Err("the key is empty".to_string());
    }
    if key.len() > MAX_KEY_BYTES {
        return Err(format!(
            "the key is {} bytes long; the limit is {MAX_KEY_BYTES}",
            key.len()
        ));
    }
    // S3 and KS3 keep `/` in the URL path, where `.` and `..` segments are removed by URL
    // normalisation: the request would name another key. OSS encodes `/`, so it is safe.
    if dialect != Dialect::Oss && key.split('/').any(|s| s == "." || s == "..") {
        return Err(
            "a key with '.' or '..' path segments cannot be sent in a URL path".to_string(),
        );
    }
    Ok(())
}

/// Loose bucket-name check for existing buckets: legacy S3 names may have capitals and
/// underscores, so only what no server accepts is refused.
pub fn check_bucket_name(name: &str) -> Result<(), &'static str> {
    if !(3..=255).contains(&name.len()) {
        return Err("a bucket name has 3 to 255 characters");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return Err("a bucket name has only letters, digits, '.', '-' and '_'");
    }
    Ok(())
}

/// The strict rules for new buckets (DNS-compatible names), shared by S3, OSS and KS3.
pub fn check_new_bucket_name(name: &str) -> Result<(), &'static str> {
    check_bucket_name(name)?;
    if name.len() > 63 {
        return Err("a new bucket name has at most 63 characters");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
    {
        return Err("a new bucket name has only lowercase letters, digits, '.' and '-'");
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if !alnum(name.chars().next()) || !alnum(name.chars().last()) {
        return Err("a bucket name starts and ends with a letter or digit");
    }
    if name.contains("..") || name.contains(".-") || name.contains("-.") {
        return Err("a bucket name has no '..', '.-' or '-.'");
    }
    if name.parse::<std::net::Ipv4Addr>().is_ok() {
        return Err("a bucket name is not an IP address");
    }
    Ok(())
}

/// The last path segment of a key (`a/b/c.txt` -> `c.txt`), the default local file name.
pub fn key_basename(key: &str) -> &str {
    key.rsplit('/').next().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> RemoteUrl {
        RemoteUrl::parse(s).unwrap().unwrap()
    }

    #[test]
    fn awkward_keys_survive_parsing() {
        for key in [
            "a b",
            "a+b",
            "100%",
            "what?",
            "#hash",
            "a//b",
            "中文/文件 名-é.txt",
            "/lead",
            "trail/",
        ] {
            let u = url(&format!("s3://bucket/{key}"));
            assert_eq!(u.bucket, "bucket");
            assert_eq!(u.key, key);
            assert_eq!(u.to_string(), format!("s3://bucket/{key}"));
        }
    }

    #[test]
    fn buckets_and_prefixes() {
        assert!(url("s3://bucket").is_prefix());
        assert!(url("s3://bucket/").is_prefix());
        assert!(url("oss://bucket/dir/").is_prefix());
        assert!(!url("ks3://bucket/dir/file").is_prefix());
        assert_eq!(url("S3://bucket/k").scheme, "S3");
        assert_eq!(url("S3://bucket/k").to_string(), "S3://bucket/k");
        assert_eq!(url("s3://bucket/k").bucket_url(), "s3://bucket");
    }

    #[test]
    fn locations() {
        assert_eq!(Location::parse("-").unwrap(), Location::Stdio);
        assert_eq!(
            Location::parse("dir/file").unwrap(),
            Location::Local("dir/file".into())
        );
        assert_eq!(
            Location::parse("C:\\x").unwrap(),
            Location::Local("C:\\x".into())
        );
        assert!(matches!(
            Location::parse("s3://b-1/k").unwrap(),
            Location::Remote(_)
        ));
    }

    #[test]
    fn bad_urls_are_usage_errors() {
        for (arg, why) in [
            ("gs://bucket/k", "unsupported scheme"),
            ("s3://", "no bucket"),
            ("s3:///key", "no bucket"),
            ("s3://a/k", "3 to 255"),
            ("s3://bad bucket/k", "only letters"),
            ("s3://bad?bucket/k", "only letters"),
        ] {
            let err = RemoteUrl::parse(arg).unwrap_err().0;
            assert!(err.contains(why), "{arg}: {err}");
        }
        let long = format!("s3://bucket/{}", "k".repeat(1025));
        assert!(
            RemoteUrl::parse(&long)
                .unwrap_err()
                .0
                .contains("limit is 1024")
        );
        assert!(RemoteUrl::parse(&format!("s3://bucket/{}", "k".repeat(1024))).is_ok());
        assert!(RemoteUrl::parse_required("local/path").is_err());
    }

    #[test]
    fn object_keys() {
        assert!(
            url("s3://bucket")
                .object_key(Dialect::S3)
                .unwrap_err()
                .0
                .contains("names a bucket")
        );
        assert!(url("s3://bucket/a/../b").object_key(Dialect::S3).is_err());
        assert!(url("s3://bucket/./b").object_key(Dialect::Ks3).is_err());
        assert_eq!(
            url("s3://bucket/a/../b").object_key(Dialect::Oss).unwrap(),
            "a/../b"
        );
        assert_eq!(
            url("s3://bucket/a..b/.c").object_key(Dialect::S3).unwrap(),
            "a..b/.c"
        );
    }

    #[test]
    fn new_bucket_names() {
        assert!(check_new_bucket_name("my-bucket.1").is_ok());
        for bad in [
            "My-Bucket",
            "under_score",
            "-lead",
            "trail-",
            "a..b",
            "192.168.1.1",
            &"x".repeat(64),
        ] {
            assert!(check_new_bucket_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn basenames() {
        assert_eq!(key_basename("a/b/c.txt"), "c.txt");
        assert_eq!(key_basename("c.txt"), "c.txt");
        assert_eq!(key_basename("dir/"), "");
    }
}
