//! What `signurl` and `multipart sign-parts` share: the expiry of a presigned URL and the
//! Content-MD5 a URL binds.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::client::Client;
use crate::error::UsageError;

/// When a presigned URL expires (Unix seconds): `--expires SECS` from now (3600 when
/// neither is given) or `--expires-at UNIX`, by the clock requests are dated with. Refused
/// before anything is signed or started: a zero or past expiry, and more than SigV4's 7 days.
pub fn presign_expiry(
    client: &Client,
    expires: Option<u64>,
    expires_at: Option<i64>,
) -> Result<i64, UsageError> {
    let config = client.transport().config();
    let now = crate::client::request::unix_seconds((config.clock)());
    let at = match (expires, expires_at) {
        (Some(0), _) => return Err(UsageError("--expires must be at least 1 second".into())),
        (Some(secs), _) => now.saturating_add(i64::try_from(secs).unwrap_or(i64::MAX)),
        (None, Some(at)) if at <= now => {
            return Err(UsageError(format!(
                "--expires-at {at} is in the past (now is {now})"
            )));
        }
        (None, Some(at)) => at,
        (None, None) => now + 3600,
    };
    if config.signature == crate::client::SignatureVersion::V4
        && at - now > crate::client::sigv4::MAX_PRESIGN_SECONDS as i64
    {
        return Err(UsageError(format!(
            "a SigV4 presigned URL is valid for at most 604800 seconds (7 days), not {} s; \
             use a shorter --expires, or --signature v2 where the server accepts it",
            at - now
        )));
    }
    Ok(at)
}

/// An MD5 given as 32 hex digits or in base64, as the base64 that Content-MD5 carries;
/// `None` when the text is neither.
pub fn md5_base64(text: &str) -> Option<String> {
    let bytes = if text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        (0..16)
            .map(|j| u8::from_str_radix(&text[2 * j..2 * j + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .ok()?
    } else {
        BASE64.decode(text).ok()?
    };
    (bytes.len() == 16).then(|| BASE64.encode(bytes))
}
