//! The multipart upload operations: initiate, upload part, complete, abort, and listing
//! uploads and parts (spec/wire-formats.md §7).

use reqwest::Method;

use super::request::{Body, Request};
use super::xml::{self, CompleteResult};
use super::{
    Client, Error, Overwrite, PutOptions, ServiceError, TransportKind, Write, unquote_etag,
};
use crate::checksum::{Checksum, ChecksumType};

/// One page of ListMultipartUploads.
pub use super::xml::ListMultipartUploadsResult as MultipartUploadsPage;

/// One page of ListParts.
pub use super::xml::ListPartsResult as PartsPage;

/// What UploadPart answered.
#[derive(Clone, Debug, Default)]
pub struct UploadedPart {
    /// The part's ETag without quotes.
    pub etag: String,
    /// The CRC-64 of the stored part, where the dialect sends one.
    pub crc64: Option<u64>,
    /// The server encrypted it with a KMS or customer key: its ETag is not an MD5.
    pub etag_not_md5: bool,
}

/// The flexible checksums of a multipart upload's Complete: one per part (in the order of
/// the parts), and the whole object's for a full-object checksum. Empty: none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartChecksums {
    /// Each part's checksum; empty when the upload declared no algorithm.
    pub parts: Vec<Checksum>,
    /// The whole object's CRC, combined from the parts'.
    pub full_object: Option<Checksum>,
}

/// What CompleteMultipartUpload made.
#[derive(Clone, Debug)]
pub struct CompletedUpload {
    /// The object's ETag without quotes.
    pub etag: String,
    /// The CRC-64 of the whole object, where the dialect sends one (OSS in a header, KS3
    /// in the reply's XML).
    pub crc64: Option<u64>,
}

impl Client {
    /// InitiateMultipartUpload: starts an upload with the object's type, ACL, storage
    /// class, metadata and extra headers; returns the upload id.
    pub fn initiate_multipart_upload(
        &self,
        bucket: &str,
        key: &str,
        options: &PutOptions,
    ) -> Result<String, Error> {
        let mut req = Request::new("InitiateMultipartUpload", Method::POST, Some(bucket), key)
            .query("uploads", "");
        if let Some(algorithm) = options.checksum_algorithm {
            req = req
                .header("x-amz-checksum-algorithm", algorithm.wire_name())
                .header(
                    "x-amz-checksum-type",
                    algorithm.multipart_type().wire_name(),
                );
        }
        req = self.with_object_headers(req, options);
        req = self.with_sse(req);
        req = self.unless_taken(req, options.overwrite, Write::Initiate);
        let sent = jiff::Timestamp::now();
        let body = match self.send_text(&req) {
            Ok(reply) => reply.body,
            Err(e) => {
                if matches!(
                    &e,
                    Error::Transport {
                        kind: TransportKind::Broken | TransportKind::Timeout,
                        ..
                    }
                ) {
                    self.abort_lost_uploads(bucket, key, sent);
                }
                return Err(e);
            }
        };
        xml::parse_initiate_multipart_upload(&body)
            .map_err(|e| Self::invalid("InitiateMultipartUpload", e))
    }

    /// After an Initiate whose reply was lost, the server may have started an upload whose
    /// id we never learnt: abort the uploads of exactly this key started since just before
    /// the request (a margin for clock differences), so that none is left behind. Best
    /// effort: the Initiate's own error is the one reported.
    fn abort_lost_uploads(&self, bucket: &str, key: &str, sent: jiff::Timestamp) {
        const MARGIN: jiff::SignedDuration = jiff::SignedDuration::from_secs(15 * 60);
        let since = sent.checked_sub(MARGIN).unwrap_or(sent);
        for upload in self.multipart_uploads(bucket, key) {
            let Ok(upload) = upload else { return };
            let recent = upload
                .initiated
                .trim()
                .parse::<jiff::Timestamp>()
                .is_ok_and(|t| t >= since);
            if upload.key == key && recent {
                log::warn!(
                    "the reply to InitiateMultipartUpload of {key} was lost; aborting upload {} it may have started",
                    upload.upload_id
                );
                let _ = self.abort_multipart_upload(bucket, key, &upload.upload_id);
            }
        }
    }

    /// UploadPart: sends one part with its `Content-MD5`, and its flexible checksum when
    /// the upload declared an algorithm.
    pub fn upload_part(
        &self,
        (bucket, key): (&str, &str),
        (upload_id, part_number): (&str, u32),
        body: Body,
        content_md5: &str,
        checksum: Option<&Checksum>,
    ) -> Result<UploadedPart, Error> {
        let mut req = Request::new("UploadPart", Method::PUT, Some(bucket), key)
            .query("partNumber", part_number.to_string())
            .query("uploadId", upload_id)
            .header("Content-MD5", content_md5)
            .body(body);
        // Each part of an SSE-C upload is encrypted with the key it carries.
        req = self.with_customer_key(req);
        if let Some(checksum) = checksum {
            req = super::with_checksum(req, checksum);
        }
        let resp = self.send(&req)?;
        Ok(UploadedPart {
            etag: resp.header("etag").map(unquote_etag).unwrap_or_default(),
            crc64: Self::crc64_of(&resp, self.dialect()),
            etag_not_md5: super::ObjectState::of(&resp, self.dialect()).etag_not_md5(),
        })
    }

    /// CompleteMultipartUpload from `(part number, ETag)` pairs in ascending order.
    ///
    /// A 200 whose body is an `<Error>` is a failure. The request is retried like an
    /// idempotent one: if an earlier attempt did complete and only its reply was lost, the
    /// retry finds NoSuchUpload, and then a HEAD that shows the object with
    /// `expected_etag` proves the upload complete. A reply with an empty ETag (radosgw's)
    /// gets `expected_etag`, which is what a HEAD of the new object shows.
    ///
    /// With [`Overwrite::Never`] the request carries the dialect's conditional header; its
    /// refusal ([`Error::is_taken`]) leaves the upload in place for the caller to abort,
    /// unless the object there is this very upload's (a retry after a lost reply).
    pub fn complete_multipart_upload(
        &self,
        (bucket, key): (&str, &str),
        upload_id: &str,
        parts: &[(u32, String)],
        checksums: &PartChecksums,
        (expected_etag, overwrite): (Option<&str>, Overwrite),
    ) -> Result<CompletedUpload, Error> {
        let body = xml::complete_multipart_upload(parts, &checksums.parts);
        let mut req = Request::new("CompleteMultipartUpload", Method::POST, Some(bucket), key)
            .query("uploadId", upload_id)
            .header("Content-Type", "application/xml")
            .body(Body::Bytes(body.into_bytes().into()));
        if let Some(whole) = &checksums.full_object {
            // The server checks the parts' combination against it before it completes.
            req = req
                .header(whole.algorithm().header(), whole.to_base64())
                .header("x-amz-checksum-type", ChecksumType::FullObject.wire_name());
        }
        // AWS wants the customer key at Complete too when the parts carry checksums.
        req = self.with_customer_key(req);
        req = self.unless_taken(req, overwrite, Write::Complete);
        req.idempotent = true;
        let reply = match self.send_text(&req) {
            Ok(reply) => reply,
            Err(e)
                if e.service().is_some_and(|s| s.code == "NoSuchUpload")
                    || (overwrite == Overwrite::Never && e.is_taken()) =>
            {
                if let Some(expected) = expected_etag
                    // The new object, whatever version a copy was made from.
                    && let Ok(meta) = self.at_version(None).head_object(bucket, key)
                    && meta.etag == expected
                {
                    log::info!("{key}: the upload was already complete");
                    return Ok(CompletedUpload {
                        etag: meta.etag,
                        crc64: meta.crc64,
                    });
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        let (request_id, header_crc) = (reply.request_id, reply.crc64);
        match xml::parse_complete_multipart_upload(&reply.body)
            .map_err(|e| Self::invalid("CompleteMultipartUpload", e))?
        {
            CompleteResult::Done { etag, crc64 } => Ok(CompletedUpload {
                etag: match unquote_etag(&etag) {
                    e if e.is_empty() => expected_etag.unwrap_or_default().to_string(),
                    e => e,
                },
                crc64: header_crc.or_else(|| crc64.as_deref().and_then(crate::crc64::parse_header)),
            }),
            CompleteResult::Error(fields) => Err(Error::from(ServiceError::from_error_body(
                fields,
                request_id,
                "POST",
                req.resource(),
            ))),
        }
    }

    /// AbortMultipartUpload.
    pub fn abort_multipart_upload(
        &self,
        bucket: &str,
        key: &str,
        upload_id: &str,
    ) -> Result<(), Error> {
        let req = Request::new("AbortMultipartUpload", Method::DELETE, Some(bucket), key)
            .query("uploadId", upload_id)
            .cleanup();
        self.send(&req).map(drop)
    }

    /// ListParts: one page of the parts uploaded so far.
    pub fn list_parts(
        &self,
        bucket: &str,
        key: &str,
        upload_id: &str,
        part_number_marker: Option<u32>,
    ) -> Result<PartsPage, Error> {
        let mut req =
            Request::new("ListParts", Method::GET, Some(bucket), key).query("uploadId", upload_id);
        if let Some(m) = part_number_marker {
            req = req.query("part-number-marker", m.to_string());
        }
        let body = self.send_text(&req)?.body;
        xml::parse_list_parts(&body).map_err(|e| Self::invalid("ListParts", e))
    }

    /// Every part of an upload, following the pages.
    pub fn list_all_parts(
        &self,
        bucket: &str,
        key: &str,
        upload_id: &str,
    ) -> Result<Vec<xml::PartEntry>, Error> {
        let mut parts = Vec::new();
        let mut marker = None;
        loop {
            let page = self.list_parts(bucket, key, upload_id, marker)?;
            parts.extend(page.parts);
            match page.next_part_number_marker {
                Some(next) if page.is_truncated && Some(next) != marker => marker = Some(next),
                Some(_) if page.is_truncated => {
                    return Err(Self::invalid("ListParts", "the listing did not advance"));
                }
                _ => break,
            }
        }
        Ok(parts)
    }

    /// ListMultipartUploads: one page of unfinished uploads under a prefix.
    pub fn list_multipart_uploads(
        &self,
        bucket: &str,
        prefix: &str,
        key_marker: Option<&str>,
        upload_id_marker: Option<&str>,
    ) -> Result<MultipartUploadsPage, Error> {
        let mut req = Request::new("ListMultipartUploads", Method::GET, Some(bucket), "")
            .query("uploads", "")
            .query("encoding-type", "url");
        if !prefix.is_empty() {
            req = req.query("prefix", prefix);
        }
        if let Some(m) = key_marker {
            req = req.query("key-marker", m);
        }
        if let Some(m) = upload_id_marker {
            req = req.query("upload-id-marker", m);
        }
        let body = self.send_text(&req)?.body;
        xml::parse_list_multipart_uploads(&body)
            .map_err(|e| Self::invalid("ListMultipartUploads", e))
    }

    /// Every unfinished upload under a prefix, fetched lazily one page at a time (memory
    /// holds a page), so the caller may abort them as they come.
    pub fn multipart_uploads<'a>(
        &'a self,
        bucket: &'a str,
        prefix: &'a str,
    ) -> impl Iterator<Item = Result<xml::UploadEntry, Error>> + 'a {
        let (mut key_marker, mut id_marker) = (None::<String>, None::<String>);
        let mut page = std::collections::VecDeque::new();
        let mut done = false;
        std::iter::from_fn(move || {
            loop {
                if let Some(upload) = page.pop_front() {
                    return Some(Ok(upload));
                }
                if done {
                    return None;
                }
                let next = match self.list_multipart_uploads(
                    bucket,
                    prefix,
                    key_marker.as_deref(),
                    id_marker.as_deref(),
                ) {
                    Ok(next) => next,
                    Err(e) => {
                        done = true;
                        return Some(Err(e));
                    }
                };
                page.extend(next.uploads);
                if !next.is_truncated || next.next_key_marker.is_none() {
                    done = true;
                } else if next.next_key_marker == key_marker
                    && next.next_upload_id_marker == id_marker
                {
                    done = true;
                    return Some(Err(Self::invalid(
                        "ListMultipartUploads",
                        "the listing did not advance",
                    )));
                } else {
                    key_marker = next.next_key_marker;
                    id_marker = next.next_upload_id_marker;
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_server::{self, Reply, Seen};
    use super::super::{Dialect, SignatureVersion};
    use super::*;

    const UPLOAD: &str = "0004B9894A22E5B1888A1E29F8236E2D";

    fn parts() -> Vec<(u32, String)> {
        vec![(1, "a".repeat(32)), (2, "b".repeat(32))]
    }

    /// Completes `bkt/key` against the scripted `replies`; returns the outcome and every
    /// request the server saw.
    fn complete(
        replies: Vec<Reply>,
        expected_etag: Option<&str>,
    ) -> (Result<CompletedUpload, Error>, Vec<Seen>) {
        let (port, seen) = test_server::serve(replies);
        let client = test_server::s3_client(port);
        let outcome = client.complete_multipart_upload(
            ("bkt", "key"),
            UPLOAD,
            &parts(),
            &PartChecksums::default(),
            (expected_etag, Overwrite::Replace),
        );
        (outcome, seen.try_iter().collect())
    }

    fn done(etag: &str) -> Reply {
        let body = format!(
            "<CompleteMultipartUploadResult><Bucket>bkt</Bucket><Key>key</Key><ETag>{etag}</ETag></CompleteMultipartUploadResult>"
        );
        Reply::status(200, &[], &body)
    }

    fn no_such_upload() -> Reply {
        Reply::status(
            404,
            &[],
            "<Error><Code>NoSuchUpload</Code><Message>gone</Message></Error>",
        )
    }

    fn head(etag: &str) -> Reply {
        Reply::status(200, &[("ETag", &format!("\"{etag}\""))], "")
    }

    fn service_code(outcome: &Result<CompletedUpload, Error>) -> Option<&str> {
        let e = outcome.as_ref().err()?;
        e.service().map(|s| s.code.as_str())
    }

    #[test]
    fn complete_sends_the_parts_in_one_document() {
        let (outcome, seen) = complete(vec![done("\"abc-2\"")], None);
        assert_eq!(outcome.unwrap().etag, "abc-2");
        assert_eq!(seen.len(), 1);
        assert_eq!(
            seen[0].request_line(),
            format!("POST /bkt/key?uploadId={UPLOAD} HTTP/1.1")
        );
        assert!(seen[0].head.contains("content-type: application/xml\r\n"));
        assert_eq!(
            seen[0].body,
            xml::complete_multipart_upload(&parts(), &[]).as_bytes()
        );
    }

    #[test]
    fn a_lost_reply_is_retried_and_a_head_proves_the_upload_complete() {
        let replies = vec![Reply::Lost, no_such_upload(), head("abc-2")];
        let (outcome, seen) = complete(replies, Some("abc-2"));
        let completed = outcome.unwrap();
        assert_eq!(completed.etag, "abc-2");
        let lines: Vec<&str> = seen.iter().map(Seen::request_line).collect();
        let post = format!("POST /bkt/key?uploadId={UPLOAD} HTTP/1.1");
        assert_eq!(lines, [post.as_str(), &post, "HEAD /bkt/key HTTP/1.1"]);
        // The retry is the same document again.
        assert_eq!(seen[0].body, seen[1].body);
    }

    #[test]
    fn no_such_upload_stands_when_the_object_is_not_the_one_uploaded() {
        let replies = vec![Reply::Lost, no_such_upload(), head("other-2")];
        let (outcome, seen) = complete(replies, Some("abc-2"));
        assert_eq!(service_code(&outcome), Some("NoSuchUpload"));
        assert_eq!(seen.len(), 3);
    }

    #[test]
    fn no_such_upload_stands_without_an_expected_etag() {
        let (outcome, seen) = complete(vec![Reply::Lost, no_such_upload()], None);
        assert_eq!(service_code(&outcome), Some("NoSuchUpload"));
        // No HEAD: nothing to compare the object with.
        assert_eq!(seen.len(), 2);
    }

    #[test]
    fn no_such_upload_stands_when_the_head_fails() {
        let replies = vec![no_such_upload(), Reply::status(404, &[], "")];
        let (outcome, seen) = complete(replies, Some("abc-2"));
        assert_eq!(service_code(&outcome), Some("NoSuchUpload"));
        assert_eq!(seen.len(), 2);
    }

    #[test]
    fn a_200_with_an_error_body_is_a_failure() {
        let body = "<?xml version=\"1.0\"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message><RequestId>req-1</RequestId><HostId>host-1</HostId></Error>";
        let (outcome, seen) = complete(vec![Reply::status(200, &[], body)], Some("abc-2"));
        let err = outcome.unwrap_err();
        let service = err.service().unwrap();
        assert_eq!(service.status, 200);
        assert_eq!(service.code, "InternalError");
        assert_eq!(service.message, "We encountered an internal error.");
        assert_eq!(service.request_id.as_deref(), Some("req-1"));
        assert_eq!(service.host_id.as_deref(), Some("host-1"));
        assert_eq!(service.method, "POST");
        assert_eq!(service.resource, "/bkt/key");
        // Read after the transport's retries: the one reply decides.
        assert_eq!(seen.len(), 1);
    }

    #[test]
    fn an_empty_etag_in_the_reply_is_the_expected_one() {
        let (outcome, _) = complete(vec![done("")], Some("abc-2"));
        assert_eq!(outcome.unwrap().etag, "abc-2");
        let (outcome, _) = complete(vec![done("\"\"")], Some("abc-2"));
        assert_eq!(outcome.unwrap().etag, "abc-2");
        let (outcome, _) = complete(vec![done("")], None);
        assert_eq!(outcome.unwrap().etag, "");
        // A reply's own ETag wins over the expected one.
        let (outcome, _) = complete(vec![done("\"def-2\"")], Some("abc-2"));
        assert_eq!(outcome.unwrap().etag, "def-2");
    }

    #[test]
    fn the_crc64_comes_from_the_header_before_the_document() {
        let (port, _seen) = test_server::serve(vec![
            Reply::status(
                200,
                &[("x-kss-checksum-crc64ecma", "12")],
                "<CompleteMultipartUploadResult><ETag>\"e\"</ETag><ChecksumCRC64ECMA>34</ChecksumCRC64ECMA></CompleteMultipartUploadResult>",
            ),
            Reply::status(
                200,
                &[],
                "<CompleteMultipartUploadResult><ETag>\"e\"</ETag><ChecksumCRC64ECMA>34</ChecksumCRC64ECMA></CompleteMultipartUploadResult>",
            ),
        ]);
        let creds = Some(test_server::credentials(None));
        let config = test_server::config(port, Dialect::Ks3, SignatureVersion::V2, creds);
        let client = Client::new(config).unwrap();
        for expected in [12, 34] {
            let done = client
                .complete_multipart_upload(
                    ("bkt", "key"),
                    UPLOAD,
                    &parts(),
                    &PartChecksums::default(),
                    (None, Overwrite::Replace),
                )
                .unwrap();
            assert_eq!(done.crc64, Some(expected));
        }
    }

    #[test]
    fn upload_part_reads_the_etag_unquoted() {
        let (port, seen) = test_server::serve(vec![head("abc")]);
        let client = test_server::s3_client(port);
        let body = Body::Bytes(bytes::Bytes::from_static(b"hello"));
        let part = client
            .upload_part(
                ("bkt", "key"),
                (UPLOAD, 3),
                body,
                "XUFAKrxLKna5cZ2REBfFkg==",
                None,
            )
            .unwrap();
        assert_eq!(part.etag, "abc");
        let seen = seen.recv().unwrap();
        assert_eq!(
            seen.request_line(),
            format!("PUT /bkt/key?partNumber=3&uploadId={UPLOAD} HTTP/1.1")
        );
        assert_eq!(seen.body, b"hello");
    }

    #[test]
    fn a_lost_initiate_reply_aborts_the_upload_it_may_have_started() {
        let now = jiff::Timestamp::now();
        let listing = format!(
            "<ListMultipartUploadsResult><IsTruncated>false</IsTruncated>\
             <Upload><Key>key</Key><UploadId>new</UploadId><Initiated>{now}</Initiated></Upload>\
             <Upload><Key>key</Key><UploadId>old</UploadId><Initiated>2020-01-01T00:00:00.000Z</Initiated></Upload>\
             <Upload><Key>key2</Key><UploadId>other</UploadId><Initiated>{now}</Initiated></Upload>\
             </ListMultipartUploadsResult>"
        );
        let replies = vec![
            Reply::Lost,
            Reply::status(200, &[], &listing),
            Reply::status(204, &[], ""),
        ];
        let (port, seen) = test_server::serve(replies);
        let client = test_server::s3_client(port);
        let err = client
            .initiate_multipart_upload("bkt", "key", &PutOptions::default())
            .unwrap_err();
        // The Initiate's own failure is the one reported, and it is not sent twice.
        assert!(
            matches!(
                err,
                Error::Transport {
                    kind: TransportKind::Broken,
                    ..
                }
            ),
            "{err:?}"
        );
        let lines: Vec<String> = seen
            .try_iter()
            .map(|s| s.request_line().to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "POST /bkt/key?uploads HTTP/1.1",
                "GET /bkt/?uploads&encoding-type=url&prefix=key HTTP/1.1",
                "DELETE /bkt/key?uploadId=new HTTP/1.1",
            ]
        );
    }
}
