//! The multipart upload operations: initiate, upload part, complete, abort, and listing
//! uploads and parts (spec/wire-formats.md §7).

use reqwest::Method;

use super::request::{Body, Request};
use super::xml::{self, CompleteResult};
use super::{Client, Error, PutOptions, ServiceError, TransportKind, unquote_etag};

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
        req = self.with_object_headers(req, options);
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

    /// UploadPart: sends one part with its `Content-MD5`.
    pub fn upload_part(
        &self,
        bucket: &str,
        key: &str,
        upload_id: &str,
        part_number: u32,
        body: Body,
        content_md5: &str,
    ) -> Result<UploadedPart, Error> {
        let req = Request::new("UploadPart", Method::PUT, Some(bucket), key)
            .query("partNumber", part_number.to_string())
            .query("uploadId", upload_id)
            .header("Content-MD5", content_md5)
            .body(body);
        let resp = self.send(&req)?;
        Ok(UploadedPart {
            etag: resp.header("etag").map(unquote_etag).unwrap_or_default(),
            crc64: Self::crc64_of(&resp, self.dialect()),
        })
    }

    /// CompleteMultipartUpload from `(part number, ETag)` pairs in ascending order.
    ///
    /// A 200 whose body is an `<Error>` is a failure. The request is retried like an
    /// idempotent one: if an earlier attempt did complete and only its reply was lost, the
    /// retry finds NoSuchUpload, and then a HEAD that shows the object with
    /// `expected_etag` proves the upload complete. A reply with an empty ETag (radosgw's)
    /// gets `expected_etag`, which is what a HEAD of the new object shows.
    pub fn complete_multipart_upload(
        &self,
        bucket: &str,
        key: &str,
        upload_id: &str,
        parts: &[(u32, String)],
        expected_etag: Option<&str>,
    ) -> Result<CompletedUpload, Error> {
        let mut req = Request::new("CompleteMultipartUpload", Method::POST, Some(bucket), key)
            .query("uploadId", upload_id)
            .header("Content-Type", "application/xml")
            .body(Body::Bytes(
                xml::complete_multipart_upload(parts).into_bytes().into(),
            ));
        req.idempotent = true;
        let reply = match self.send_text(&req) {
            Ok(reply) => reply,
            Err(e) if e.service().is_some_and(|s| s.code == "NoSuchUpload") => {
                if let Some(expected) = expected_etag
                    && let Ok(meta) = self.head_object(bucket, key)
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
