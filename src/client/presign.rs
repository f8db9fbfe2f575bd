//! Presigned URLs: a request signed into its query string, for a holder without keys
//! (spec/wire-formats.md §2 for the V2 family, §4.3 for SigV4).

use reqwest::Method;

use super::request::unix_seconds;
use super::sign::{self, SignParts};
use super::sigv4::{self, V4Parts};
use super::{Client, Error, SignatureVersion};

impl Client {
    /// A presigned URL for `method` on a bucket/key, valid until `expires` (Unix seconds).
    ///
    /// `query` holds sub-resources such as `partNumber`/`uploadId`; `headers` are headers
    /// the holder must send with exactly these values (Content-MD5, Content-Type). SigV4
    /// URLs are valid for at most 7 days.
    pub fn presign_url(
        &self,
        method: Method,
        bucket: &str,
        key: &str,
        query: &[(String, String)],
        headers: &[(String, String)],
        expires: i64,
    ) -> Result<String, Error> {
        let config = self.transport().config();
        let credentials = config
            .credentials
            .as_ref()
            .ok_or_else(|| Error::InvalidRequest {
                operation: "presign",
                detail: "a presigned URL needs credentials (not --anonymous)".to_string(),
            })?;
        let target = &config.target;
        let now = unix_seconds((config.clock)());
        let params = match config.signature {
            SignatureVersion::V2 => {
                let parts = SignParts {
                    method: method.as_str(),
                    bucket: Some(bucket),
                    key,
                    query,
                    headers,
                };
                sign::presign_query(target.dialect, credentials, &parts, expires).0
            }
            SignatureVersion::V4 => {
                let seconds = expires - now;
                if seconds <= 0 || seconds as u64 > sigv4::MAX_PRESIGN_SECONDS {
                    return Err(Error::InvalidRequest {
                        operation: "presign",
                        detail: format!(
                            "a SigV4 presigned URL is valid for 1 second to 7 days (604800 s), not {seconds} s"
                        ),
                    });
                }
                let host = target.host(Some(bucket));
                let path = target.path(Some(bucket), key);
                let parts = V4Parts {
                    method: method.as_str(),
                    host: &host,
                    path: &path,
                    query,
                    headers,
                };
                let date = sigv4::amz_date(now);
                sigv4::presign_query(credentials, &config.region, &date, seconds as u64, &parts).0
            }
        };
        Ok(format!(
            "{}?{}",
            target.url(Some(bucket), key),
            sign::encode_query(&params)
        ))
    }
}
