//! The conditional writes of `--no-clobber` ([`Overwrite::Never`]) against the scripted
//! loopback server: which header each dialect sends on which request, that none is sent
//! otherwise, that it is signed like the dialect's other headers, and what a refusal is.

use super::request::Body;
use super::sign::{self, DateLine, SignParts};
use super::test_server::{self, Reply, Seen};
use super::{
    Client, Dialect, MetadataDirective, Overwrite, PartChecksums, PutOptions, SignatureVersion,
};

/// A client of the loopback server on `port` in `dialect`, signed with `signature`.
fn client(port: u16, dialect: Dialect, signature: SignatureVersion) -> Client {
    let creds = Some(test_server::credentials(None));
    Client::new(test_server::config(port, dialect, signature, creds)).unwrap()
}

fn options(overwrite: Overwrite) -> PutOptions {
    PutOptions {
        overwrite,
        ..PutOptions::default()
    }
}

/// The lower-cased request head, to look for header lines in.
fn head(seen: &Seen) -> String {
    seen.head.to_ascii_lowercase()
}

fn ok_put() -> Reply {
    Reply::status(200, &[("ETag", "\"e\"")], "")
}

fn copy_result() -> Reply {
    Reply::status(
        200,
        &[],
        "<CopyObjectResult><ETag>\"e\"</ETag></CopyObjectResult>",
    )
}

/// PutObject and CopyObject of one client, with and without `--no-clobber`; returns the
/// four request heads in that order.
fn put_and_copy(dialect: Dialect, signature: SignatureVersion) -> Vec<String> {
    let (port, seen) = test_server::serve(vec![ok_put(), ok_put(), copy_result(), copy_result()]);
    let c = client(port, dialect, signature);
    for overwrite in [Overwrite::Replace, Overwrite::Never] {
        let body = Body::Bytes(b"data".to_vec().into());
        c.put_object("bkt", "key", body, &options(overwrite))
            .unwrap();
    }
    for overwrite in [Overwrite::Replace, Overwrite::Never] {
        let copy = MetadataDirective::Copy;
        c.copy_object(("bkt", "src"), ("bkt", "key"), copy, &options(overwrite))
            .unwrap();
    }
    seen.try_iter().map(|s| head(&s)).collect()
}

#[test]
fn s3_writes_carry_if_none_match_only_with_no_clobber() {
    for signature in [SignatureVersion::V2, SignatureVersion::V4] {
        let heads = put_and_copy(Dialect::S3, signature);
        assert_eq!(heads.len(), 4);
        for (i, head) in heads.iter().enumerate() {
            let never = i % 2 == 1;
            assert_eq!(head.contains("\r\nif-none-match: *\r\n"), never, "{head}");
            assert!(!head.contains("forbid-overwrite"), "{head}");
            if signature == SignatureVersion::V4 {
                // SigV4 signs every header it is given but the hop-by-hop ones.
                let signed = head
                    .split("signedheaders=")
                    .nth(1)
                    .and_then(|s| s.split(',').next())
                    .unwrap();
                assert_eq!(signed.contains("if-none-match"), never, "{head}");
            }
        }
    }
}

#[test]
fn oss_writes_carry_forbid_overwrite_only_with_no_clobber() {
    let heads = put_and_copy(Dialect::Oss, SignatureVersion::V2);
    for (i, head) in heads.iter().enumerate() {
        let never = i % 2 == 1;
        assert_eq!(
            head.contains("\r\nx-oss-forbid-overwrite: true\r\n"),
            never,
            "{head}"
        );
        assert!(!head.contains("if-none-match"), "{head}");
    }
}

#[test]
fn ks3_writes_carry_no_conditional_header() {
    for head in put_and_copy(Dialect::Ks3, SignatureVersion::V2) {
        assert!(!head.contains("if-none-match"), "{head}");
        assert!(!head.contains("forbid-overwrite"), "{head}");
    }
}

#[test]
fn oss_signs_forbid_overwrite_as_a_canonical_header() {
    // wire-formats.md §1.1: the x-oss-* headers, lower-cased and sorted, one `name:value`
    // line each, between the date and the resource.
    let headers = vec![
        ("Content-Type".to_string(), "text/plain".to_string()),
        (
            "Date".to_string(),
            "Tue, 14 Nov 2023 22:13:20 GMT".to_string(),
        ),
        ("x-oss-meta-a".to_string(), "1".to_string()),
        ("X-Oss-Forbid-Overwrite".to_string(), "true".to_string()),
    ];
    let parts = SignParts {
        method: "PUT",
        bucket: Some("bkt"),
        key: "key",
        query: &[],
        headers: &headers,
    };
    assert_eq!(
        sign::string_to_sign(Dialect::Oss, &parts, DateLine::Header),
        "PUT\n\ntext/plain\nTue, 14 Nov 2023 22:13:20 GMT\nx-oss-forbid-overwrite:true\nx-oss-meta-a:1\n/bkt/key"
    );
}

/// A multipart upload's Initiate and Complete in `dialect` with `--no-clobber`; Complete
/// gets `complete_reply`, then a HEAD (if asked) gets `head_etag`. Returns the outcome and
/// the request heads.
fn initiate_and_complete(
    dialect: Dialect,
    complete_reply: Reply,
    head_etag: &str,
) -> (Result<super::CompletedUpload, super::Error>, Vec<String>) {
    let initiated = "<InitiateMultipartUploadResult><Bucket>bkt</Bucket><Key>key</Key><UploadId>U1</UploadId></InitiateMultipartUploadResult>";
    let (port, seen) = test_server::serve(vec![
        Reply::status(200, &[], initiated),
        complete_reply,
        Reply::status(200, &[("ETag", &format!("\"{head_etag}\""))], ""),
    ]);
    let c = client(port, dialect, SignatureVersion::V2);
    let id = c
        .initiate_multipart_upload("bkt", "key", &options(Overwrite::Never))
        .unwrap();
    let parts = [(1, "a".repeat(32))];
    let outcome = c.complete_multipart_upload(
        ("bkt", "key"),
        &id,
        &parts,
        &PartChecksums::default(),
        (Some("ours-1"), Overwrite::Never),
    );
    (outcome, seen.try_iter().map(|s| head(&s)).collect())
}

#[test]
fn a_refused_complete_is_taken_and_leaves_the_abort_to_the_caller() {
    let refused = Reply::status(
        412,
        &[],
        "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>",
    );
    let (outcome, heads) = initiate_and_complete(Dialect::S3, refused, "theirs");
    let e = outcome.unwrap_err();
    assert!(e.is_taken(), "{e}");
    assert!(
        !heads[0].contains("if-none-match"),
        "CreateMultipartUpload takes no conditional header: {}",
        heads[0]
    );
    assert!(
        heads[1].contains("\r\nif-none-match: *\r\n"),
        "{}",
        heads[1]
    );
    assert!(heads[2].starts_with("head /bkt/key"), "{}", heads[2]);
    assert_eq!(heads.len(), 3, "no abort here: {heads:?}");

    let refused = Reply::status(
        409,
        &[],
        "<Error><Code>FileAlreadyExists</Code><Message>The object you specified already exists and can not be overwritten.</Message></Error>",
    );
    let (outcome, heads) = initiate_and_complete(Dialect::Oss, refused, "theirs");
    assert!(outcome.unwrap_err().is_taken());
    for head in &heads[..2] {
        assert!(
            head.contains("\r\nx-oss-forbid-overwrite: true\r\n"),
            "{head}"
        );
    }
}

#[test]
fn a_complete_refused_on_retry_by_its_own_object_is_done() {
    // The first attempt's reply was lost; the object there has this upload's ETag.
    let refused = Reply::status(412, &[], "");
    let (outcome, _) = initiate_and_complete(Dialect::S3, refused, "ours-1");
    assert_eq!(outcome.unwrap().etag, "ours-1");
}

#[test]
fn other_conflicts_are_not_taken() {
    let (port, _seen) = test_server::serve(vec![Reply::status(
        409,
        &[],
        "<Error><Code>OperationAborted</Code><Message>busy</Message></Error>",
    )]);
    let c = client(port, Dialect::Oss, SignatureVersion::V2);
    let body = Body::Bytes(b"data".to_vec().into());
    let e = c
        .put_object("bkt", "key", body, &options(Overwrite::Never))
        .unwrap_err();
    assert!(!e.is_taken(), "{e}");
}
