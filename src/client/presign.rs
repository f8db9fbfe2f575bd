//! Presigned URLs: a request signed into its query string, for a holder without keys
//! (spec/wire-formats.md §2 for the V2 family, §4.3 for SigV4), by the client's one
//! [`Signer`](super::signer::Signer).

use reqwest::Method;

use super::request::Request;
use super::sign;
use super::{Client, Error};

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
        let transport = self.transport();
        let config = transport.config();
        let mut req = Request::new("presign", method, Some(bucket), key);
        req.query = query.to_vec();
        if let Some(v) = self.version() {
            req.query.push(("versionId".to_string(), v.to_string()));
        }
        req.headers = headers.to_vec();
        let params = transport
            .signer()
            .presign(&req, expires, (config.clock)())?;
        Ok(format!(
            "{}?{}",
            config.target.url(Some(bucket), key),
            sign::encode_query(&params)
        ))
    }
}
