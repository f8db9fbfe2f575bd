//! The differences between the S3, OSS and KS3 dialects, kept as data.
//!
//! Everything that varies by provider (the Authorization scheme word, header prefixes, the
//! signed sub-resources, how a key appears in the signed resource and in the URL path, the
//! request-id header) lives here, so that the signer and the request builder are written
//! once. The table is `spec/wire-formats.md` §1.2 and §10; the sub-resource sets are its
//! Appendix A, copied from boto/botocore, oss2 and ks3sdk into `sub_resources.txt` (data
//! the test gateway's verifier reads too).

use std::sync::LazyLock;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// One of the three wire dialects of the S3-style REST API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// AWS S3 and every S3-compatible server (Ceph, MinIO, R2...).
    S3,
    /// Aliyun OSS.
    Oss,
    /// Kingsoft KS3.
    Ks3,
}

/// The requests that create an object, for [`Dialect::forbid_overwrite_header`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    /// PutObject.
    Put,
    /// CopyObject.
    Copy,
    /// InitiateMultipartUpload (CreateMultipartUpload).
    Initiate,
    /// CompleteMultipartUpload.
    Complete,
}

/// Characters left alone by "Percent-encode(safe=``)": the RFC 3986 unreserved set.
pub const ENCODE_ALL: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// "Percent-encode(safe=`/`)": Python's `urllib.parse.quote`, used for S3 and KS3 key paths.
pub const ENCODE_KEEP_SLASH: &AsciiSet = &ENCODE_ALL.remove(b'/');

/// Percent-encodes every byte outside the unreserved set (uppercase hex).
pub fn encode_all(s: &str) -> String {
    utf8_percent_encode(s, ENCODE_ALL).to_string()
}

/// Percent-encodes like [`encode_all`] but leaves `/` alone.
pub fn encode_keep_slash(s: &str) -> String {
    utf8_percent_encode(s, ENCODE_KEEP_SLASH).to_string()
}

impl Dialect {
    /// The lower-case name used in the config file and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::S3 => "s3",
            Dialect::Oss => "oss",
            Dialect::Ks3 => "ks3",
        }
    }

    /// The dialect a name (any case) stands for.
    pub fn from_name(name: &str) -> Option<Dialect> {
        [Dialect::S3, Dialect::Oss, Dialect::Ks3]
            .into_iter()
            .find(|d| d.name().eq_ignore_ascii_case(name))
    }

    /// The word before `AK:signature` in the Authorization header.
    pub fn auth_scheme(self) -> &'static str {
        match self {
            Dialect::S3 => "AWS",
            Dialect::Oss => "OSS",
            Dialect::Ks3 => "KSS",
        }
    }

    /// Headers with this (lower-case) prefix are signed as canonical provider headers.
    pub fn header_prefix(self) -> &'static str {
        match self {
            Dialect::S3 => "x-amz-",
            Dialect::Oss => "x-oss-",
            Dialect::Ks3 => "x-kss-",
        }
    }

    /// The prefix of user metadata headers.
    pub fn meta_prefix(self) -> &'static str {
        match self {
            Dialect::S3 => "x-amz-meta-",
            Dialect::Oss => "x-oss-meta-",
            Dialect::Ks3 => "x-kss-meta-",
        }
    }

    /// A provider header name: `provider_header("acl")` is `x-amz-acl` for S3.
    pub fn provider_header(self, suffix: &str) -> String {
        format!("{}{suffix}", self.header_prefix())
    }

    /// The header that carries an STS security token (signed as a provider header).
    pub fn security_token_header(self) -> String {
        self.provider_header("security-token")
    }

    /// The header with the canned ACL of a new object (OSS has a separate one for objects).
    pub fn object_acl_header(self) -> String {
        match self {
            Dialect::Oss => "x-oss-object-acl".to_string(),
            _ => self.provider_header("acl"),
        }
    }

    /// The header with the canned ACL of a bucket.
    pub fn bucket_acl_header(self) -> String {
        self.provider_header("acl")
    }

    /// The header that selects the storage class of a new object.
    pub fn storage_class_header(self) -> String {
        self.provider_header("storage-class")
    }

    /// The header (name, value) that makes a write fail rather than replace an object that
    /// exists, where this dialect's servers honour one on this request: `If-None-Match: *`
    /// on S3's PutObject, CopyObject and CompleteMultipartUpload (CreateMultipartUpload
    /// takes no conditional header), `x-oss-forbid-overwrite: true` on all four in OSS.
    /// KS3 documents none: `--no-clobber` there rests on the HEAD check alone.
    pub fn forbid_overwrite_header(self, write: Write) -> Option<(&'static str, &'static str)> {
        match (self, write) {
            (Dialect::S3, Write::Initiate) | (Dialect::Ks3, _) => None,
            (Dialect::S3, _) => Some(("If-None-Match", "*")),
            (Dialect::Oss, _) => Some(("x-oss-forbid-overwrite", "true")),
        }
    }

    /// The response header with the CRC-64 of the stored bytes (wire-formats.md §8); S3
    /// has none.
    pub fn crc64_header(self) -> Option<&'static str> {
        match self {
            Dialect::S3 => None,
            Dialect::Oss => Some("x-oss-hash-crc64ecma"),
            Dialect::Ks3 => Some("x-kss-checksum-crc64ecma"),
        }
    }

    /// The response header that carries the request id.
    pub fn request_id_header(self) -> &'static str {
        match self {
            Dialect::S3 => "x-amz-request-id",
            Dialect::Oss => "x-oss-request-id",
            Dialect::Ks3 => "x-kss-request-id",
        }
    }

    /// The response header with the host id, where the dialect has one.
    pub fn host_id_header(self) -> Option<&'static str> {
        match self {
            Dialect::S3 => Some("x-amz-id-2"),
            Dialect::Oss | Dialect::Ks3 => None,
        }
    }

    /// The query parameter naming the access key in a presigned URL.
    pub fn presign_access_key_param(self) -> &'static str {
        match self {
            Dialect::S3 => "AWSAccessKeyId",
            Dialect::Oss => "OSSAccessKeyId",
            Dialect::Ks3 => "KSSAccessKeyId",
        }
    }

    /// The header whose value replaces the Date line of the string to sign, if any.
    ///
    /// S3 blanks the line when `x-amz-date` is present (see [`Dialect::blanks_date_line`]);
    /// OSS substitutes `x-oss-date`; KS3 has no override.
    pub fn date_override_header(self) -> Option<&'static str> {
        match self {
            Dialect::S3 => Some("x-amz-date"),
            Dialect::Oss => Some("x-oss-date"),
            Dialect::Ks3 => None,
        }
    }

    /// True when the date override empties the Date line instead of replacing it (S3).
    pub fn blanks_date_line(self) -> bool {
        self == Dialect::S3
    }

    /// True when provider header values are trimmed before signing (boto and botocore do;
    /// oss2 and ks3sdk sign them verbatim).
    pub fn trims_header_values(self) -> bool {
        self == Dialect::S3
    }

    /// True when the query parameter is a signed sub-resource in this dialect.
    pub fn is_sub_resource(self, name: &str) -> bool {
        let [s3, oss, ks3] = &*SUB_RESOURCES;
        let set = match self {
            Dialect::S3 => s3,
            Dialect::Oss => oss,
            Dialect::Ks3 => ks3,
        };
        set.contains(&name)
    }

    /// The key as it appears in the canonical resource of the V2-family string to sign.
    ///
    /// S3 and KS3 percent-encode it (safe `/`), OSS signs it raw. KS3's `//` rewrite applies
    /// to the whole resource, so it is done by the caller ([`Dialect::rewrite_resource`]).
    pub fn canonical_key(self, key: &str) -> String {
        match self {
            Dialect::S3 | Dialect::Ks3 => encode_keep_slash(key),
            Dialect::Oss => key.to_string(),
        }
    }

    /// The key as it appears in the URL path (after the bucket, if any).
    ///
    /// oss2 encodes `/` too, so a key never produces empty or dot path segments there.
    pub fn path_key(self, key: &str) -> String {
        match self {
            Dialect::S3 | Dialect::Ks3 => encode_keep_slash(key),
            Dialect::Oss => encode_all(key),
        }
    }

    /// KS3 rewrites every `//` in the resource (and the URL path) as `/%2F`.
    pub fn rewrite_resource(self, resource: String) -> String {
        match self {
            Dialect::Ks3 if resource.contains("//") => resource.replace("//", "/%2F"),
            _ => resource,
        }
    }

    /// The URL scheme users write for this dialect (`s3://`, `oss://`, `ks3://`).
    pub fn url_scheme(self) -> &'static str {
        self.name()
    }

    /// The canned ACL names the dialect accepts for objects.
    pub fn object_canned_acls(self) -> &'static [&'static str] {
        match self {
            Dialect::S3 => S3_CANNED_ACLS,
            Dialect::Oss => &["default", "private", "public-read", "public-read-write"],
            Dialect::Ks3 => &["private", "public-read"],
        }
    }

    /// The canned ACL names the dialect accepts for buckets.
    pub fn bucket_canned_acls(self) -> &'static [&'static str] {
        match self {
            Dialect::S3 => S3_CANNED_ACLS,
            Dialect::Oss | Dialect::Ks3 => &["private", "public-read", "public-read-write"],
        }
    }
}

const S3_CANNED_ACLS: &[&str] = &[
    "private",
    "public-read",
    "public-read-write",
    "authenticated-read",
    "aws-exec-read",
    "bucket-owner-read",
    "bucket-owner-full-control",
    "log-delivery-write",
];

/// The signed sub-resources of each dialect (Appendix A, copied from boto/botocore, oss2 and
/// ks3sdk), as data that the test gateway's verifier reads too: see the file's header.
const SUB_RESOURCE_TABLE: &str = include_str!("sub_resources.txt");

/// What a dialect may lack: each is refused before any request where the dialect's
/// servers (by its official SDK) do not have it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// Bucket versioning and object versions.
    Versioning,
    /// Object lock: retention, legal hold, `mb --object-lock`.
    ObjectLock,
    /// Static-website hosting of a bucket (`?website`).
    Website,
    /// Server-side encryption with a KMS key (`--sse aws:kms`).
    SseKms,
    /// Server-side encryption with a customer key (SSE-C, `--sse-c-key-file`).
    SseCustomerKey,
    /// Server-side encryption with the SM4 cipher (`--sse SM4`).
    SseSm4,
}

impl Feature {
    /// What it is called in the refusal.
    pub fn name(self) -> &'static str {
        match self {
            Feature::Versioning => "versioning",
            Feature::ObjectLock => "object lock",
            Feature::Website => "static-website hosting",
            Feature::SseKms => "server-side encryption with KMS keys (--sse aws:kms)",
            Feature::SseCustomerKey => "server-side encryption with customer keys (SSE-C)",
            Feature::SseSm4 => "server-side encryption with SM4 (--sse SM4)",
        }
    }
}

impl Dialect {
    /// Whether this dialect's servers have `feature` (oss2 and ks3sdk say which).
    pub fn supports(self, feature: Feature) -> bool {
        match feature {
            Feature::Versioning => true,
            // OSS has WORM retention policies and KS3 a WORM of its own: neither is S3's
            // object lock, and neither takes its headers.
            Feature::ObjectLock => self == Dialect::S3,
            // oss2 has put/get/delete_bucket_website; ks3sdk signs `website` as a
            // sub-resource but has no call that uses it, and KS3 documents no such API.
            Feature::Website => self != Dialect::Ks3,
            // oss2 sends `x-oss-server-side-encryption: KMS` with a key id, and has no
            // customer keys; ks3sdk sends `x-kss-server-side-encryption: AES256` and the
            // customer-key headers, and has no KMS.
            Feature::SseKms => self != Dialect::Ks3,
            Feature::SseCustomerKey => self != Dialect::Oss,
            Feature::SseSm4 => self == Dialect::Oss,
        }
    }

    /// `Ok` when this dialect has `feature`, else the error to refuse it with (exit 2).
    pub fn require(self, feature: Feature) -> Result<(), String> {
        match self.supports(feature) {
            true => Ok(()),
            false => Err(format!(
                "{} is not supported by {}",
                feature.name(),
                self.upper_name()
            )),
        }
    }

    /// The dialect's name as people write it: S3, OSS, KS3.
    pub fn upper_name(self) -> &'static str {
        match self {
            Dialect::S3 => "S3",
            Dialect::Oss => "OSS",
            Dialect::Ks3 => "KS3",
        }
    }
}

/// The sub-resource sets of S3, OSS and KS3, read from the table once.
static SUB_RESOURCES: LazyLock<[Vec<&'static str>; 3]> = LazyLock::new(|| {
    let dialects = [Dialect::S3, Dialect::Oss, Dialect::Ks3];
    dialects.map(|d| table_section(SUB_RESOURCE_TABLE, d.name()))
});

/// The names listed under `[section]` in the table, in order.
fn table_section(table: &'static str, section: &str) -> Vec<&'static str> {
    let header = format!("[{section}]");
    table
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .skip_while(|line| *line != header)
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_match_python_quote() {
        let key = "dir one/a b+c%d~e=f?g&h;i,j:k@l$m!n'o(p)q*r.txt";
        assert_eq!(
            encode_keep_slash(key),
            "dir%20one/a%20b%2Bc%25d~e%3Df%3Fg%26h%3Bi%2Cj%3Ak%40l%24m%21n%27o%28p%29q%2Ar.txt"
        );
        assert_eq!(encode_all("a/b c"), "a%2Fb%20c");
        assert_eq!(encode_all("é"), "%C3%A9");
    }

    #[test]
    fn ks3_rewrites_double_slashes_left_to_right() {
        let d = Dialect::Ks3;
        assert_eq!(d.rewrite_resource("/bkt/a//b".into()), "/bkt/a/%2Fb");
        assert_eq!(d.rewrite_resource("/bkt//x".into()), "/bkt/%2Fx");
        assert_eq!(d.rewrite_resource("/bkt/a///b".into()), "/bkt/a/%2F/b");
        assert_eq!(
            Dialect::S3.rewrite_resource("/bkt/a//b".into()),
            "/bkt/a//b"
        );
    }

    #[test]
    fn the_sub_resource_table_reads_whole() {
        let [s3, oss, ks3] = &*SUB_RESOURCES;
        // The sizes of the SDKs' sets (Appendix A): a section cut short shows here.
        assert_eq!((s3.len(), oss.len(), ks3.len()), (40, 86, 70));
        assert_eq!((s3[0], s3[39]), ("acl", "object-lock"));
        assert_eq!(
            (oss[0], oss[85]),
            ("accessPoint", "x-oss-write-get-object-response")
        );
        assert_eq!((ks3[0], ks3[69]), ("acl", "http2"));
        for set in [s3, oss, ks3] {
            let mut names = set.clone();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), set.len(), "a name listed twice");
            assert!(set.iter().all(|n| !n.contains(char::is_whitespace)));
        }
    }

    #[test]
    fn sub_resource_sets_are_per_dialect() {
        assert!(Dialect::S3.is_sub_resource("uploadId"));
        assert!(!Dialect::S3.is_sub_resource("prefix"));
        assert!(Dialect::Oss.is_sub_resource("security-token"));
        assert!(!Dialect::S3.is_sub_resource("security-token"));
        assert!(Dialect::Ks3.is_sub_resource("x-kss-process"));
        assert!(!Dialect::Ks3.is_sub_resource("x-oss-process"));
    }

    #[test]
    fn server_side_encryption_is_refused_where_the_sdks_lack_it() {
        assert!(Dialect::S3.supports(Feature::SseKms));
        assert!(Dialect::S3.supports(Feature::SseCustomerKey));
        assert!(Dialect::Oss.supports(Feature::SseKms));
        assert_eq!(
            Dialect::Oss.require(Feature::SseCustomerKey).unwrap_err(),
            "server-side encryption with customer keys (SSE-C) is not supported by OSS"
        );
        assert!(Dialect::Ks3.supports(Feature::SseCustomerKey));
        assert!(!Dialect::Ks3.supports(Feature::SseKms));
        assert!(Dialect::Oss.supports(Feature::SseSm4));
        assert!(!Dialect::S3.supports(Feature::SseSm4));
    }
}
