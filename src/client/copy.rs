//! Server-side copies: CopyObject, and UploadPartCopy for objects above the copy limit.
//!
//! The source is named by the dialect's `copy-source` header (`/bucket/key`, the key
//! percent-encoded). A 200 reply whose body is an `<Error>` is a failure, as S3 documents.

use reqwest::Method;

use super::request::Request;
use super::xml::{self, CopyResult};
use super::{Client, Dialect, Error, PutOptions, ServiceError, Write, dialect, unquote_etag};

/// How a copy treats the source's metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetadataDirective {
    /// Keep the source's type and metadata.
    Copy,
    /// Use the request's type and metadata instead.
    Replace,
}

/// The `copy-source` value: `/bucket/key` with the key percent-encoded.
fn copy_source(dialect: Dialect, bucket: &str, key: &str) -> String {
    let key = match dialect {
        Dialect::Oss => dialect::encode_all(key),
        Dialect::S3 | Dialect::Ks3 => dialect::encode_keep_slash(key),
    };
    format!("/{bucket}/{key}")
}

/// The `copy-source` value naming one version of the source (`?versionId=`), as the
/// SDKs write it.
fn copy_source_version(dialect: Dialect, bucket: &str, key: &str, version: Option<&str>) -> String {
    let source = copy_source(dialect, bucket, key);
    match version {
        Some(v) => format!("{source}?versionId={}", dialect::encode_all(v)),
        None => source,
    }
}

impl Client {
    fn copy_reply(&self, req: &Request<'_>) -> Result<String, Error> {
        let reply = self.send_text(req)?;
        let request_id = reply.request_id;
        match xml::parse_copy_result(&reply.body).map_err(|e| Self::invalid(req.operation, e))? {
            CopyResult::Done(etag) => Ok(unquote_etag(&etag)),
            CopyResult::Error(fields) => Err(Error::from(ServiceError::from_error_body(
                fields,
                request_id,
                "PUT",
                req.resource(),
            ))),
        }
    }

    /// CopyObject: copies an object (up to 5 GiB) on the server. With
    /// [`MetadataDirective::Replace`], `options` give the copy's type and metadata.
    pub fn copy_object(
        &self,
        (src_bucket, src_key): (&str, &str),
        (bucket, key): (&str, &str),
        directive: MetadataDirective,
        options: &PutOptions,
    ) -> Result<String, Error> {
        let dialect = self.dialect();
        let mut req = Request::new("CopyObject", Method::PUT, Some(bucket), key).header(
            dialect.provider_header("copy-source"),
            copy_source_version(dialect, src_bucket, src_key, self.version()),
        );
        req = req.header(
            dialect.provider_header("metadata-directive"),
            match directive {
                MetadataDirective::Copy => "COPY",
                MetadataDirective::Replace => "REPLACE",
            },
        );
        let mut options = options.clone();
        if directive == MetadataDirective::Copy {
            // The source's type and metadata are kept; sending ours would be ignored or,
            // on some servers, refused.
            options.content_type = None;
            options.metadata.clear();
        }
        if !options.tags.is_empty() && dialect != Dialect::Ks3 {
            // The copy's tags are the ones given, not the source's. ks3sdk knows no
            // directive: it sends the tagging header alone.
            req = req.header(dialect.provider_header("tagging-directive"), "REPLACE");
        }
        req = self.with_object_headers(req, &options);
        req = self.with_sse(req);
        req = self.with_copy_source_key(req, (src_bucket, src_key), (bucket, key));
        req = self.unless_taken(req, options.overwrite, Write::Copy);
        // Copying twice gives the same object.
        req.idempotent = true;
        self.copy_reply(&req)
    }

    /// UploadPartCopy: copies bytes `first..=last` of the source into a part.
    pub fn upload_part_copy(
        &self,
        (src_bucket, src_key): (&str, &str),
        (bucket, key): (&str, &str),
        upload_id: &str,
        part_number: u32,
        (first, last): (u64, u64),
    ) -> Result<String, Error> {
        let dialect = self.dialect();
        let mut req = Request::new("UploadPartCopy", Method::PUT, Some(bucket), key)
            .query("partNumber", part_number.to_string())
            .query("uploadId", upload_id)
            .header(
                dialect.provider_header("copy-source"),
                copy_source_version(dialect, src_bucket, src_key, self.version()),
            )
            .header(
                dialect.provider_header("copy-source-range"),
                format!("bytes={first}-{last}"),
            );
        // The part is read with the source's key and written with the upload's.
        req = self.with_copy_source_key(req, (src_bucket, src_key), (bucket, key));
        req = self.with_customer_key(req);
        req.idempotent = true;
        self.copy_reply(&req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_sources_encode_the_key_per_dialect() {
        assert_eq!(copy_source(Dialect::S3, "b", "a b/c+d"), "/b/a%20b/c%2Bd");
        assert_eq!(copy_source(Dialect::Ks3, "b", "中"), "/b/%E4%B8%AD");
        assert_eq!(copy_source(Dialect::Oss, "b", "a/b"), "/b/a%2Fb");
    }
}
