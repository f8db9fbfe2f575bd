//! What `-vv` shows of the wire: the head of each request and reply, with signatures and
//! security tokens redacted, and both strings to sign when the server refuses a signature.
//! Only the access key id is left to read: it names the credentials without granting them.
//! SSE-C customer keys and their MD5s are redacted wherever they appear: request and
//! reply heads, and the strings to sign (V2 signs `x-amz-*` headers, the key among them).

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use super::error::ServiceError;
use super::request::Request;

/// A string to sign with its security token taken out: it is signed as a header line
/// (`x-amz-security-token:...`) or, for OSS presigning, as a `security-token=` sub-resource.
fn redact_string_to_sign(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let lower = line.to_ascii_lowercase();
            if super::sse::is_secret_header(&lower)
                && let Some(i) = line.find(':')
            {
                return format!("{}<redacted>", &line[..=i]);
            }
            if let Some(i) = lower.find("security-token:") {
                return format!("{}<redacted>", &line[..i + "security-token:".len()]);
            }
            match lower.find("security-token=") {
                Some(i) => {
                    let start = i + "security-token=".len();
                    let end = line[start..].find('&').map_or(line.len(), |e| start + e);
                    format!("{}<redacted>{}", &line[..start], &line[end..])
                }
                None => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Redacts the secret half of an Authorization value: `AWS AK:<redacted>`.
fn redact_header(name: &str, value: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower == "authorization" {
        if let Some(i) = value.find("Signature=") {
            return format!("{}Signature=<redacted>", &value[..i]);
        }
        match value.split_once(':') {
            Some((scheme_and_key, _)) => format!("{scheme_and_key}:<redacted>"),
            None => "<redacted>".to_string(),
        }
    } else if lower.ends_with("security-token") || super::sse::is_secret_header(&lower) {
        "<redacted>".to_string()
    } else {
        value.to_string()
    }
}

/// Logs a request's head at `-vv`, its secrets redacted.
pub(super) fn request_head(req: &Request<'_>, url: &str, headers: &[(String, String)]) {
    if log::log_enabled!(log::Level::Debug) {
        let mut head = format!("> {} {url}", req.method);
        for (name, value) in headers {
            head.push_str(&format!("\n>   {name}: {}", redact_header(name, value)));
        }
        log::debug!("{head}");
    }
}

/// Logs a reply's head at `-vv`.
pub(super) fn response_head(req: &Request<'_>, url: &str, status: StatusCode, headers: &HeaderMap) {
    if log::log_enabled!(log::Level::Debug) {
        let mut head = format!("< {status} ({} {})", req.method, url);
        for (name, value) in headers {
            // Servers echo the customer key's MD5.
            let value = value.to_str().unwrap_or("<binary>");
            head.push_str(&format!(
                "\n<   {name}: {}",
                redact_header(name.as_str(), value)
            ));
        }
        log::debug!("{head}");
    }
}

/// Logs (at `-v`) the string we signed beside the one the server expected, tokens
/// redacted: the quickest way to see which part of a request the two disagree on.
pub(super) fn signature_mismatch(ours: &str, err: &ServiceError) {
    let theirs = err
        .details
        .get("StringToSign")
        .map_or("(not given)", String::as_str);
    log::info!(
        "we signed:\n{}\nthe server expected:\n{}",
        redact_string_to_sign(ours),
        redact_string_to_sign(theirs)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_the_access_key_and_hides_the_signature() {
        assert_eq!(
            redact_header("Authorization", "AWS AKID:c2lnbmF0dXJl"),
            "AWS AKID:<redacted>"
        );
        assert_eq!(redact_header("x-oss-security-token", "tok"), "<redacted>");
        assert_eq!(
            redact_string_to_sign("GET\n\n\nDate\nx-amz-security-token:TOK\n/b/k"),
            "GET\n\n\nDate\nx-amz-security-token:<redacted>\n/b/k"
        );
        assert_eq!(
            redact_string_to_sign("GET\n\n\n1\n/b/k?partNumber=1&security-token=TOK&uploadId=2"),
            "GET\n\n\n1\n/b/k?partNumber=1&security-token=<redacted>&uploadId=2"
        );
        assert_eq!(
            redact_header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AK/20231114/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc123"
            ),
            "AWS4-HMAC-SHA256 Credential=AK/20231114/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=<redacted>"
        );
        assert_eq!(redact_header("Content-Type", "text/plain"), "text/plain");
        let key = "x-amz-server-side-encryption-customer-key";
        assert_eq!(redact_header(key, "S0VZ"), "<redacted>");
        assert_eq!(
            redact_header("x-amz-server-side-encryption-customer-key-MD5", "TUQ1"),
            "<redacted>"
        );
        assert_eq!(
            redact_string_to_sign(
                "PUT\n\n\n1\nx-amz-server-side-encryption-customer-key:S0VZ\nx-amz-server-side-encryption-customer-key-md5:TUQ1\n/b/k"
            ),
            "PUT\n\n\n1\nx-amz-server-side-encryption-customer-key:<redacted>\nx-amz-server-side-encryption-customer-key-md5:<redacted>\n/b/k"
        );
    }
}
