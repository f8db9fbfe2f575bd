//! Property tests: the parsers of untrusted input (server XML, URLs, sizes, durations,
//! ranges, CRC headers, config files) and the decryption unpadding return errors on any
//! input, never panic. Bounded so that CI stays fast (`PROPTEST_CASES` raises the count).

use objcmd::address::{Location, RemoteUrl, check_key};
use objcmd::client::{Dialect, xml};
use objcmd::encryption::{self, Key};
use proptest::prelude::*;

/// Cases per property unless PROPTEST_CASES says otherwise.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2000),
        ..ProptestConfig::default()
    }
}

/// Element names the S3-style replies use, so that generated documents reach deep into
/// the parsers instead of failing at the root.
const NAMES: &[&str] = &[
    "Error",
    "Code",
    "Message",
    "RequestId",
    "ListBucketResult",
    "Contents",
    "Key",
    "Size",
    "LastModified",
    "ETag",
    "StorageClass",
    "CommonPrefixes",
    "Prefix",
    "IsTruncated",
    "NextMarker",
    "EncodingType",
    "ListAllMyBucketsResult",
    "Buckets",
    "Bucket",
    "Name",
    "CreationDate",
    "ListMultipartUploadsResult",
    "Upload",
    "UploadId",
    "Initiated",
    "NextKeyMarker",
    "NextUploadIdMarker",
    "ListPartsResult",
    "Part",
    "PartNumber",
    "NextPartNumberMarker",
    "InitiateMultipartUploadResult",
    "CompleteMultipartUploadResult",
    "ChecksumCRC64ECMA",
    "DeleteResult",
    "Deleted",
    "CopyObjectResult",
    "CopyPartResult",
    "AccessControlPolicy",
    "Owner",
    "ID",
    "DisplayName",
    "AccessControlList",
    "Grant",
    "Grantee",
    "URI",
    "EmailAddress",
    "Permission",
];

/// Random XML-ish documents made of those elements, text (including entities, `%` escapes
/// and huge numbers), and stray markup.
fn document() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        "[a-zA-Z0-9 %+/=&;<>.-]{0,12}",
        Just("99999999999999999999999".to_string()),
        Just("-1".to_string()),
        Just("%ZZ%C3".to_string()),
        Just("&amp;&#0;&#xFFFFFF;".to_string()),
        Just("true".to_string()),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        (
            prop::sample::select(NAMES),
            prop::collection::vec(inner, 0..6),
            any::<bool>(),
        )
            .prop_map(|(name, children, ns)| {
                let attrs = if ns {
                    " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\""
                } else {
                    ""
                };
                format!("<{name}{attrs}>{}</{name}>", children.concat())
            })
    })
}

fn parse_everything(body: &str) {
    let _ = xml::parse_error(body);
    let _ = xml::parse_list_buckets(body);
    let _ = xml::parse_list_objects(body);
    let _ = xml::parse_list_multipart_uploads(body);
    let _ = xml::parse_initiate_multipart_upload(body);
    let _ = xml::parse_complete_multipart_upload(body);
    let _ = xml::parse_list_parts(body);
    let _ = xml::parse_delete_result(body);
    let _ = xml::parse_copy_result(body);
    let _ = xml::parse_access_control_policy(body);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn xml_parsers_never_panic_on_structured_documents(doc in document()) {
        parse_everything(&doc);
        parse_everything(&format!("  <?xml version=\"1.0\"?>\n{doc}"));
    }

    #[test]
    fn xml_parsers_never_panic_on_any_text(text in any::<String>()) {
        parse_everything(&text);
    }

    #[test]
    fn urls_and_keys_never_panic(text in any::<String>(), scheme in "(s3|oss|ks3|gs|S3)://") {
        let _ = RemoteUrl::parse(&text);
        let _ = Location::parse(&text);
        let joined = format!("{scheme}{text}");
        if let Ok(Some(url)) = RemoteUrl::parse(&joined) {
            for dialect in [Dialect::S3, Dialect::Oss, Dialect::Ks3] {
                let _ = url.object_key(dialect);
                let _ = check_key(&url.key, dialect);
            }
        }
    }

    #[test]
    fn sizes_rates_durations_and_ranges_never_panic(text in any::<String>(), digits in "[0-9]{1,30}[a-zA-Z/]{0,6}") {
        for t in [&text, &digits] {
            let _ = objcmd::units::parse_size(t);
            let _ = objcmd::units::parse_rate(t);
            let _ = objcmd::units::parse_duration(t);
            let _ = objcmd::cmd::options::parse_range(t);
            let _ = objcmd::crc64::parse_header(t);
        }
    }

    #[test]
    fn range_specs_never_panic(a in any::<u64>(), b in any::<u64>(), sep in "[-,]{0,2}") {
        let _ = objcmd::cmd::options::parse_range(&format!("{a}{sep}{b}"));
        let _ = objcmd::cmd::options::parse_range(&format!("-{a}"));
        let _ = objcmd::cmd::options::parse_range(&format!("{a}-"));
    }

    #[test]
    fn config_files_never_panic(text in any::<String>(), key in "[a-z_]{1,20}", value in "[\"0-9a-z\\[\\]{}=. ]{0,20}") {
        let path = std::path::Path::new("/nonexistent/config.toml");
        let _ = objcmd::config::parse(path, &text);
        let _ = objcmd::config::parse(path, &format!("[profiles.p]\n{key} = {value}\n"));
    }

    #[test]
    fn unpadding_and_decryption_never_panic(
        stored in prop::collection::vec(any::<u8>(), 0..200),
        key in prop::array::uniform16(any::<u8>()),
        block in prop::collection::vec(any::<u8>(), 0..40),
        len in any::<u64>(),
    ) {
        let key = Key::from_bytes(&key);
        let _ = encryption::padding_len(&block);
        if let Ok(key) = key {
            let _ = encryption::decrypt_object(&key, &stored);
            let _ = encryption::plain_len_from_tail(&key, len, &block);
        }
        let _ = Key::from_bytes(&stored);
    }

    #[test]
    fn range_plans_cover_the_range(a in 0u64..1 << 40, extra in 0u64..1 << 20) {
        let plan = encryption::range_plan(a, a + extra);
        prop_assert!(plan.fetch_first <= a + 16);
        prop_assert!(plan.fetch_last >= a + extra + 16);
        prop_assert_eq!(plan.keep, extra + 1);
    }
}
