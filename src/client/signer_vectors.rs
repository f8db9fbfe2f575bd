//! The exact bytes each signer puts on the wire, captured before the signer became one
//! value (`signer::Signer`) and replayed through the whole transport at the vectors' fixed
//! time: the request line and every header as the server receives them, and whole
//! presigned URLs. The string-to-sign algorithms have their SDK vectors (`sign_vectors.rs`,
//! `sigv4_vectors.rs`); these pin what goes around them (which headers, in which order).

use reqwest::Method;

use super::super::sigv4;
use super::super::test_server::{self, Reply};
use super::super::{Body, Client, Credentials, Dialect, Request, SignatureVersion, Transport};
use super::SIGNED_PAYLOAD_MAX;

/// The STS token of the vectors, with characters that need escaping.
const TOKEN: &str = "CAIS+token/with=special&chars%20EXAMPLE";

/// The head of `req` as sent to a server that answers 200, its port spelled `PORT`, lines
/// ending in `\n`.
fn wire_head(
    dialect: Dialect,
    signature: SignatureVersion,
    credentials: Option<Credentials>,
    req: &Request<'_>,
) -> String {
    let (port, seen) = test_server::serve(vec![Reply::status(200, &[], "")]);
    let config = test_server::config(port, dialect, signature, credentials.clone());
    Transport::new(config).unwrap().send(req).unwrap();
    let head = seen.recv().unwrap().head.replace("\r\n", "\n");
    let head = match (signature, &credentials) {
        (SignatureVersion::V4, Some(credentials)) => check_v4_signature(&head, credentials),
        _ => head,
    };
    head.replace(&port.to_string(), "PORT")
}

/// SigV4 signs the Host, whose port is new on each run: the signature is checked against
/// the request as the server received it, then masked.
fn check_v4_signature(head: &str, credentials: &Credentials) -> String {
    let mut lines = head.lines();
    let request_line: Vec<&str> = lines.next().unwrap().split(' ').collect();
    let (path, query) = request_line[1]
        .split_once('?')
        .unwrap_or((request_line[1], ""));
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .unwrap()
            .into_owned()
    };
    let query: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((n, v)) => (decode(n), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect();
    let fields: Vec<(String, String)> = lines
        .map(|l| l.split_once(": ").unwrap())
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    let field = |name: &str| fields.iter().find(|(n, _)| n == name).unwrap().1.clone();
    // The signer's headers are the ones before Authorization; reqwest adds the rest.
    let signed = fields
        .iter()
        .position(|(n, _)| n == "authorization")
        .unwrap();
    let host = field("host");
    let parts = sigv4::V4Parts {
        method: request_line[0],
        host: &host,
        path,
        query: &query,
        headers: &fields[..signed],
    };
    let amz_date = field("x-amz-date");
    let payload = field("x-amz-content-sha256");
    let region = "us-east-1";
    let (expected, _) = sigv4::authorization(credentials, region, &amz_date, &parts, &payload);
    let sent = field("authorization");
    assert_eq!(sent, expected);
    let (unsigned, _) = sent.split_once("Signature=").unwrap();
    head.replace(&sent, &format!("{unsigned}Signature=<checked>"))
}

/// The lines reqwest adds after the signed headers.
fn ends_with(tail: &[&str]) -> Vec<String> {
    let mut lines: Vec<String> = tail.iter().map(|l| l.to_string()).collect();
    lines.extend(
        [
            "accept: */*",
            "user-agent: objcmd-test",
            "host: 127.0.0.1:PORT",
        ]
        .map(String::from),
    );
    lines
}

fn assert_head(head: &str, expected: &[&str]) {
    let mut want = ends_with(expected).join("\n");
    want.push('\n');
    assert_eq!(head, want);
}

/// An UploadPart with a sub-resource, a plain parameter, Content-MD5 and Content-Type, and
/// metadata in every dialect's prefix with spaces S3 trims and the others sign as they are.
fn upload_part<'a>(key: &'a str, body: &[u8]) -> Request<'a> {
    Request::new("UploadPart", Method::PUT, Some("bkt"), key)
        .query("partNumber", "1")
        .query("uploadId", "0004B9894A22E5B1888A1E29F8236E2D")
        .query("prefix", "a b")
        .header("Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==")
        .header("Content-Type", "text/plain")
        .header("x-amz-meta-note", "  spaced  ")
        .header("x-oss-meta-note", "  spaced  ")
        .header("x-kss-meta-note", "  spaced  ")
        .body(Body::Bytes(bytes::Bytes::copy_from_slice(body)))
}

const AWKWARD_KEY: &str = "dir one/a b+c~é.txt";

/// S3: Date, then the token, then Authorization.
#[test]
fn s3_v2_headers_with_a_token() {
    let creds = Some(test_server::credentials(Some(TOKEN)));
    let req = upload_part(AWKWARD_KEY, b"hello");
    let head = wire_head(Dialect::S3, SignatureVersion::V2, creds, &req);
    assert_head(
        &head,
        &[
            "PUT /bkt/dir%20one/a%20b%2Bc~%C3%A9.txt?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F8236E2D&prefix=a%20b HTTP/1.1",
            "content-md5: XUFAKrxLKna5cZ2REBfFkg==",
            "content-type: text/plain",
            "x-amz-meta-note:   spaced  ",
            "x-oss-meta-note:   spaced  ",
            "x-kss-meta-note:   spaced  ",
            "date: Tue, 14 Nov 2023 22:13:20 GMT",
            "x-amz-security-token: CAIS+token/with=special&chars%20EXAMPLE",
            "authorization: AWS AKIAIOSFODNN7EXAMPLE:dZjYAhZTM74x3kJAWyKIzAApw28=",
            "content-length: 5",
        ],
    );
}

/// OSS: Date, then the token, then Authorization.
#[test]
fn oss_v2_headers_with_a_token() {
    let creds = Some(test_server::credentials(Some(TOKEN)));
    let req = upload_part(AWKWARD_KEY, b"hello");
    let head = wire_head(Dialect::Oss, SignatureVersion::V2, creds, &req);
    assert_head(
        &head,
        &[
            "PUT /bkt/dir%20one%2Fa%20b%2Bc~%C3%A9.txt?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F8236E2D&prefix=a%20b HTTP/1.1",
            "content-md5: XUFAKrxLKna5cZ2REBfFkg==",
            "content-type: text/plain",
            "x-amz-meta-note:   spaced  ",
            "x-oss-meta-note:   spaced  ",
            "x-kss-meta-note:   spaced  ",
            "date: Tue, 14 Nov 2023 22:13:20 GMT",
            "x-oss-security-token: CAIS+token/with=special&chars%20EXAMPLE",
            "authorization: OSS AKIAIOSFODNN7EXAMPLE:H7QI/zfr70NlvIa7OJlO6TGaDXc=",
            "content-length: 5",
        ],
    );
}

/// KS3: Date, then the token, then Authorization.
#[test]
fn ks3_v2_headers_with_a_token() {
    let creds = Some(test_server::credentials(Some(TOKEN)));
    let req = upload_part(AWKWARD_KEY, b"hello");
    let head = wire_head(Dialect::Ks3, SignatureVersion::V2, creds, &req);
    assert_head(
        &head,
        &[
            "PUT /bkt/dir%20one/a%20b%2Bc~%C3%A9.txt?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F8236E2D&prefix=a%20b HTTP/1.1",
            "content-md5: XUFAKrxLKna5cZ2REBfFkg==",
            "content-type: text/plain",
            "x-amz-meta-note:   spaced  ",
            "x-oss-meta-note:   spaced  ",
            "x-kss-meta-note:   spaced  ",
            "date: Tue, 14 Nov 2023 22:13:20 GMT",
            "x-kss-security-token: CAIS+token/with=special&chars%20EXAMPLE",
            "authorization: KSS AKIAIOSFODNN7EXAMPLE:hDz4B+CSoc2Lwhy3Ebz4SEFBxZY=",
            "content-length: 5",
        ],
    );
}

/// KS3 rewrites `//` in the path and in the signed resource alike.
#[test]
fn ks3_signs_double_slashes_as_it_sends_them() {
    let creds = Some(test_server::credentials(Some(TOKEN)));
    let req = upload_part("a//b/c.txt", b"hello");
    let head = wire_head(Dialect::Ks3, SignatureVersion::V2, creds, &req);
    assert_head(
        &head,
        &[
            "PUT /bkt/a/%2Fb/c.txt?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F8236E2D&prefix=a%20b HTTP/1.1",
            "content-md5: XUFAKrxLKna5cZ2REBfFkg==",
            "content-type: text/plain",
            "x-amz-meta-note:   spaced  ",
            "x-oss-meta-note:   spaced  ",
            "x-kss-meta-note:   spaced  ",
            "date: Tue, 14 Nov 2023 22:13:20 GMT",
            "x-kss-security-token: CAIS+token/with=special&chars%20EXAMPLE",
            "authorization: KSS AKIAIOSFODNN7EXAMPLE:0fks3IRb5d2seFIcAtL7/MO3vbE=",
            "content-length: 5",
        ],
    );
}

/// A service-level request (no bucket) without a token.
#[test]
fn oss_service_request() {
    let creds = Some(test_server::credentials(None));
    let req = Request::new("ListBuckets", Method::GET, None, "");
    let head = wire_head(Dialect::Oss, SignatureVersion::V2, creds, &req);
    assert_head(
        &head,
        &[
            "GET / HTTP/1.1",
            "date: Tue, 14 Nov 2023 22:13:20 GMT",
            "authorization: OSS AKIAIOSFODNN7EXAMPLE:AD2dmWBxCpTLJ1JDqEeapz5jtuc=",
        ],
    );
}

/// SigV4: x-amz-date, the payload hash of a small body, the token, Authorization.
#[test]
fn v4_hashes_a_small_body() {
    let creds = Some(test_server::credentials(Some(TOKEN)));
    let req = upload_part(AWKWARD_KEY, b"hello");
    let head = wire_head(Dialect::S3, SignatureVersion::V4, creds, &req);
    assert_head(
        &head,
        &[
            "PUT /bkt/dir%20one/a%20b%2Bc~%C3%A9.txt?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F8236E2D&prefix=a%20b HTTP/1.1",
            "content-md5: XUFAKrxLKna5cZ2REBfFkg==",
            "content-type: text/plain",
            "x-amz-meta-note:   spaced  ",
            "x-oss-meta-note:   spaced  ",
            "x-kss-meta-note:   spaced  ",
            "x-amz-date: 20231114T221320Z",
            "x-amz-content-sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "x-amz-security-token: CAIS+token/with=special&chars%20EXAMPLE",
            "authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231114/us-east-1/s3/aws4_request, SignedHeaders=content-md5;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note;x-amz-security-token;x-kss-meta-note;x-oss-meta-note, Signature=<checked>",
            "content-length: 5",
        ],
    );
}

/// SigV4: a body over the limit goes as UNSIGNED-PAYLOAD.
#[test]
fn v4_leaves_a_large_body_unsigned() {
    let creds = Some(test_server::credentials(Some(TOKEN)));
    let req = upload_part("big", &vec![1u8; SIGNED_PAYLOAD_MAX + 1]);
    let head = wire_head(Dialect::S3, SignatureVersion::V4, creds, &req);
    assert_head(
        &head,
        &[
            "PUT /bkt/big?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F8236E2D&prefix=a%20b HTTP/1.1",
            "content-md5: XUFAKrxLKna5cZ2REBfFkg==",
            "content-type: text/plain",
            "x-amz-meta-note:   spaced  ",
            "x-oss-meta-note:   spaced  ",
            "x-kss-meta-note:   spaced  ",
            "x-amz-date: 20231114T221320Z",
            "x-amz-content-sha256: UNSIGNED-PAYLOAD",
            "x-amz-security-token: CAIS+token/with=special&chars%20EXAMPLE",
            "authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231114/us-east-1/s3/aws4_request, SignedHeaders=content-md5;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note;x-amz-security-token;x-kss-meta-note;x-oss-meta-note, Signature=<checked>",
            "content-length: 65537",
        ],
    );
}

/// SigV4: a body streamed from a file goes as UNSIGNED-PAYLOAD, with the very head of the
/// same body in memory (another client sends it: `streamed.rs`).
#[test]
fn v4_sends_a_file_body_unsigned_with_the_head_of_one_in_memory() {
    use std::io::Write;
    let len = SIGNED_PAYLOAD_MAX + 1;
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(&vec![1u8; len]).unwrap();
    let file = std::sync::Arc::new(std::fs::File::open(file.path()).unwrap());
    let range = super::super::FileRange::new(file, 0, len as u64);
    let heads: Vec<String> = [Body::File(range, None), Body::Bytes(vec![1u8; len].into())]
        .into_iter()
        .map(|body| {
            let creds = Some(test_server::credentials(Some(TOKEN)));
            let req = upload_part("big", b"").body(body);
            wire_head(Dialect::S3, SignatureVersion::V4, creds, &req)
        })
        .collect();
    assert!(heads[0].contains("x-amz-content-sha256: UNSIGNED-PAYLOAD\n"));
    assert_eq!(heads[0], heads[1]);
}

/// SigV4 with no body and no token: the empty hash.
#[test]
fn v4_empty_body_without_a_token() {
    let creds = Some(test_server::credentials(None));
    let req = Request::new("HeadObject", Method::HEAD, Some("bkt"), "k");
    let head = wire_head(Dialect::S3, SignatureVersion::V4, creds, &req);
    assert_head(
        &head,
        &[
            "HEAD /bkt/k HTTP/1.1",
            "x-amz-date: 20231114T221320Z",
            "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231114/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=<checked>",
        ],
    );
}

/// Without credentials: a Date and nothing else.
#[test]
fn anonymous_requests_carry_a_date_only() {
    let req = upload_part(AWKWARD_KEY, b"hello");
    let head = wire_head(Dialect::S3, SignatureVersion::V2, None, &req);
    assert_head(
        &head,
        &[
            "PUT /bkt/dir%20one/a%20b%2Bc~%C3%A9.txt?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F8236E2D&prefix=a%20b HTTP/1.1",
            "content-md5: XUFAKrxLKna5cZ2REBfFkg==",
            "content-type: text/plain",
            "x-amz-meta-note:   spaced  ",
            "x-oss-meta-note:   spaced  ",
            "x-kss-meta-note:   spaced  ",
            "date: Tue, 14 Nov 2023 22:13:20 GMT",
            "content-length: 5",
        ],
    );
}

/// A presigned PUT of an awkward key with sub-resources and headers the holder must send.
fn presign(
    dialect: Dialect,
    signature: SignatureVersion,
    credentials: Option<Credentials>,
    expires: i64,
) -> Result<String, String> {
    let query = vec![
        ("partNumber".to_string(), "1".to_string()),
        ("uploadId".to_string(), "u 1".to_string()),
    ];
    let headers = vec![
        (
            "Content-MD5".to_string(),
            "XUFAKrxLKna5cZ2REBfFkg==".to_string(),
        ),
        ("x-amz-meta-a".to_string(), " b ".to_string()),
    ];
    let config = test_server::config(9, dialect, signature, credentials);
    let client = Client::new(config).unwrap();
    client
        .presign_url(
            Method::PUT,
            "bkt",
            "dir one/a+b.txt",
            &query,
            &headers,
            expires,
        )
        .map_err(|e| format!("{e:?}"))
}

/// A presigning signer, the expiry, and the URL or the error expected.
type PresignCase = (
    Dialect,
    SignatureVersion,
    Option<Credentials>,
    i64,
    Result<&'static str, &'static str>,
);

/// Every signer's presigned URLs at and around the bounds of SigV4's 7 days.
#[test]
fn presigned_urls() {
    let with_token = || Some(test_server::credentials(Some(TOKEN)));
    let without_token = || Some(test_server::credentials(None));
    let cases: &[PresignCase] = &[
        (
            Dialect::S3,
            SignatureVersion::V2,
            with_token(),
            1700003600,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700003600&Signature=%2FSLPJEn3S36u4miwDaIzld4vYCE%3D&x-amz-security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V2,
            with_token(),
            1700000000,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700000000&Signature=5DEfWH%2BSKX6Dx2OTe8EMQ9uL2Qw%3D&x-amz-security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V2,
            with_token(),
            1700604800,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700604800&Signature=%2Bo7fWC4pwqlH2NUUKeqiCE5HlXA%3D&x-amz-security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V2,
            with_token(),
            1700604801,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700604801&Signature=FkIu3XNJSCHbeiEU4ywm4wx1%2FY4%3D&x-amz-security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE",
            ),
        ),
        (
            Dialect::Oss,
            SignatureVersion::V2,
            with_token(),
            1700003600,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one%2Fa%2Bb.txt?partNumber=1&uploadId=u%201&security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE&OSSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700003600&Signature=Qv7sR1D8txlZdvKHMvYa5niUhOM%3D",
            ),
        ),
        (
            Dialect::Oss,
            SignatureVersion::V2,
            with_token(),
            1700000000,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one%2Fa%2Bb.txt?partNumber=1&uploadId=u%201&security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE&OSSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700000000&Signature=8tl5v4wQmCCdxKIlJHN6aNxoQhA%3D",
            ),
        ),
        (
            Dialect::Oss,
            SignatureVersion::V2,
            with_token(),
            1700604800,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one%2Fa%2Bb.txt?partNumber=1&uploadId=u%201&security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE&OSSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700604800&Signature=NKSDJk2%2FDcbLukE3vl8H7FAyftk%3D",
            ),
        ),
        (
            Dialect::Oss,
            SignatureVersion::V2,
            with_token(),
            1700604801,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one%2Fa%2Bb.txt?partNumber=1&uploadId=u%201&security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE&OSSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700604801&Signature=zoOQ3B8Dz6fe3HkRAvZN13u%2FLG0%3D",
            ),
        ),
        (
            Dialect::Ks3,
            SignatureVersion::V2,
            with_token(),
            1700003600,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&KSSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700003600&Signature=P5KL%2FyyAhs5BJViuTvla0rr%2FwN0%3D&x-kss-security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE",
            ),
        ),
        (
            Dialect::Ks3,
            SignatureVersion::V2,
            with_token(),
            1700000000,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&KSSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700000000&Signature=FHHDZFdSodHfmscTzOzl7lUHpC4%3D&x-kss-security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE",
            ),
        ),
        (
            Dialect::Ks3,
            SignatureVersion::V2,
            with_token(),
            1700604800,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&KSSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700604800&Signature=ElXNdOrnTe5kwssJwhFLue7nPL4%3D&x-kss-security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE",
            ),
        ),
        (
            Dialect::Ks3,
            SignatureVersion::V2,
            with_token(),
            1700604801,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&KSSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700604801&Signature=Y6xLBipA8kC6iI692KSYUFnSmSo%3D&x-kss-security-token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V4,
            with_token(),
            1700003600,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20231114%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20231114T221320Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=content-md5%3Bhost%3Bx-amz-meta-a&X-Amz-Security-Token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE&X-Amz-Signature=9227ae1b10aec344824e5fc1ec331bf3069b1c9ddf4612cb95fee1b4c9bd358b",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V4,
            with_token(),
            1700000000,
            Err(
                "InvalidRequest { operation: \"presign\", detail: \"a SigV4 presigned URL is valid for 1 second to 7 days (604800 s), not 0 s\" }",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V4,
            with_token(),
            1700604800,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20231114%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20231114T221320Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=content-md5%3Bhost%3Bx-amz-meta-a&X-Amz-Security-Token=CAIS%2Btoken%2Fwith%3Dspecial%26chars%2520EXAMPLE&X-Amz-Signature=3954ee703e031508868622e25cd4c36d69d550829b37ab81f1841725a229ed5f",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V4,
            with_token(),
            1700604801,
            Err(
                "InvalidRequest { operation: \"presign\", detail: \"a SigV4 presigned URL is valid for 1 second to 7 days (604800 s), not 604801 s\" }",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V4,
            without_token(),
            1700003600,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20231114%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20231114T221320Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=content-md5%3Bhost%3Bx-amz-meta-a&X-Amz-Signature=d30312703879edfc39e11303606b874105b543cfe5e65d6a46629b03bcc13d09",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V4,
            without_token(),
            1700000000,
            Err(
                "InvalidRequest { operation: \"presign\", detail: \"a SigV4 presigned URL is valid for 1 second to 7 days (604800 s), not 0 s\" }",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V4,
            without_token(),
            1700604800,
            Ok(
                "http://127.0.0.1:9/bkt/dir%20one/a%2Bb.txt?partNumber=1&uploadId=u%201&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20231114%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20231114T221320Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=content-md5%3Bhost%3Bx-amz-meta-a&X-Amz-Signature=58f201ef69a29a203a168ec770c1eb376426edb7f016e2007e058cd7f10f6208",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V4,
            without_token(),
            1700604801,
            Err(
                "InvalidRequest { operation: \"presign\", detail: \"a SigV4 presigned URL is valid for 1 second to 7 days (604800 s), not 604801 s\" }",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V2,
            None,
            1700003600,
            Err(
                "InvalidRequest { operation: \"presign\", detail: \"a presigned URL needs credentials (not --anonymous)\" }",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V2,
            None,
            1700000000,
            Err(
                "InvalidRequest { operation: \"presign\", detail: \"a presigned URL needs credentials (not --anonymous)\" }",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V2,
            None,
            1700604800,
            Err(
                "InvalidRequest { operation: \"presign\", detail: \"a presigned URL needs credentials (not --anonymous)\" }",
            ),
        ),
        (
            Dialect::S3,
            SignatureVersion::V2,
            None,
            1700604801,
            Err(
                "InvalidRequest { operation: \"presign\", detail: \"a presigned URL needs credentials (not --anonymous)\" }",
            ),
        ),
    ];
    for (dialect, signature, credentials, expires, expected) in cases {
        let got = presign(*dialect, *signature, credentials.clone(), *expires);
        let expected = expected.map(str::to_string).map_err(str::to_string);
        assert_eq!(got, expected, "{dialect:?} {signature:?} {expires}");
    }
}
