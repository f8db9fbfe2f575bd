//! What is set on one object beside its bytes and metadata: its tags (`?tagging`), its
//! object lock (`?retention`, `?legal-hold`), the restore of an archived object
//! (`?restore`), and the delete of one version that a lock may refuse.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use md5::{Digest, Md5};
use reqwest::Method;

use super::request::{Body, Request};
use super::{Client, Dialect, Error, dialect, xml};

/// Whether a delete or a retention change may pass a GOVERNANCE lock
/// (`x-amz-bypass-governance-retention: true`, `rm --bypass-governance`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Governance {
    /// The lock applies.
    #[default]
    Respect,
    /// Pass a GOVERNANCE lock (COMPLIANCE still holds).
    Bypass,
}

/// An object's retention: its lock mode and the date it is kept until.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retention {
    /// `GOVERNANCE` or `COMPLIANCE`.
    pub mode: String,
    /// RFC 3339, as sent and as the server returns it.
    pub until: String,
}

/// What a RestoreObject request came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Restore {
    /// 202: the restore started.
    Started,
    /// 200: the object is already restored (its copy's expiry moved on).
    AlreadyRestored,
    /// 409 RestoreAlreadyInProgress: an earlier request is still restoring it.
    InProgress,
}

/// The restore speed (`<Tier>`), as S3 names it.
pub const RESTORE_TIERS: [&str; 3] = ["Standard", "Bulk", "Expedited"];

/// The value of the tagging header on a write: `K=V&K2=V2`, each part URL-encoded.
pub fn tagging_header_value(tags: &[(String, String)]) -> String {
    tags.iter()
        .map(|(k, v)| format!("{}={}", dialect::encode_all(k), dialect::encode_all(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The text of the first element named `name` anywhere in `body`.
fn first_text(body: &str, name: &str) -> Result<Option<String>, String> {
    let doc = roxmltree::Document::parse(body).map_err(|e| e.to_string())?;
    Ok(doc
        .descendants()
        .find(|n| n.has_tag_name(name))
        .and_then(|n| n.text())
        .map(|t| t.trim().to_string()))
}

/// A request on `?sub_resource` of one object (of one version, when given).
fn object_request<'a>(
    operation: &'static str,
    method: Method,
    (bucket, key): (&'a str, &'a str),
    sub_resource: &str,
    version_id: Option<&str>,
) -> Request<'a> {
    let mut req = Request::new(operation, method, Some(bucket), key).query(sub_resource, "");
    if let Some(id) = version_id {
        req = req.query("versionId", id);
    }
    req
}

/// A document body with its `Content-MD5`, which S3 requires on the lock requests.
fn with_document(req: Request<'_>, body: String) -> Request<'_> {
    let body = body.into_bytes();
    req.header("Content-MD5", BASE64.encode(Md5::digest(&body)))
        .header("Content-Type", "application/xml")
        .body(Body::Bytes(body.into()))
}

impl Client {
    /// Adds the header that passes a GOVERNANCE lock, with [`Governance::Bypass`].
    pub(crate) fn with_governance<'a>(
        &self,
        req: Request<'a>,
        governance: Governance,
    ) -> Request<'a> {
        match governance {
            Governance::Bypass => req.header("x-amz-bypass-governance-retention", "true"),
            Governance::Respect => req,
        }
    }

    /// GetObjectTagging: the object's tags, in the server's order.
    pub fn get_object_tagging(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
    ) -> Result<Vec<(String, String)>, Error> {
        let req = object_request(
            "GetObjectTagging",
            Method::GET,
            (bucket, key),
            "tagging",
            version_id,
        );
        let body = self.send_text(&req)?.body;
        xml::parse_tagging(&body).map_err(|e| Self::invalid("GetObjectTagging", e))
    }

    /// PutObjectTagging: replaces the object's tags.
    pub fn put_object_tagging(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<(), Error> {
        let req = object_request(
            "PutObjectTagging",
            Method::PUT,
            (bucket, key),
            "tagging",
            version_id,
        );
        let mut req = with_document(req, xml::tagging(tags));
        // Replacing the tags twice leaves the same tags.
        req.idempotent = true;
        self.send(&req).map(drop)
    }

    /// DeleteObjectTagging: removes every tag of the object.
    pub fn delete_object_tagging(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
    ) -> Result<(), Error> {
        let req = object_request(
            "DeleteObjectTagging",
            Method::DELETE,
            (bucket, key),
            "tagging",
            version_id,
        );
        self.send(&req).map(drop)
    }

    /// GetObjectRetention: the object's lock mode and date.
    pub fn get_object_retention(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
    ) -> Result<Retention, Error> {
        let req = object_request(
            "GetObjectRetention",
            Method::GET,
            (bucket, key),
            "retention",
            version_id,
        );
        let body = self.send_text(&req)?.body;
        let read = |name: &str| {
            first_text(&body, name).map_err(|e| Self::invalid("GetObjectRetention", e))
        };
        Ok(Retention {
            mode: read("Mode")?.unwrap_or_default(),
            until: read("RetainUntilDate")?.unwrap_or_default(),
        })
    }

    /// PutObjectRetention: sets the object's lock mode and date (shortening a GOVERNANCE
    /// lock needs [`Governance::Bypass`]).
    pub fn put_object_retention(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
        retention: &Retention,
        governance: Governance,
    ) -> Result<(), Error> {
        let body = format!(
            "<Retention xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Mode>{}</Mode><RetainUntilDate>{}</RetainUntilDate></Retention>",
            xml::escape(&retention.mode),
            xml::escape(&retention.until)
        );
        let req = object_request(
            "PutObjectRetention",
            Method::PUT,
            (bucket, key),
            "retention",
            version_id,
        );
        let req = self.with_governance(with_document(req, body), governance);
        self.send(&req).map(drop)
    }

    /// GetObjectLegalHold: `ON` or `OFF`.
    pub fn get_object_legal_hold(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
    ) -> Result<String, Error> {
        let req = object_request(
            "GetObjectLegalHold",
            Method::GET,
            (bucket, key),
            "legal-hold",
            version_id,
        );
        let body = self.send_text(&req)?.body;
        let status =
            first_text(&body, "Status").map_err(|e| Self::invalid("GetObjectLegalHold", e))?;
        Ok(status.unwrap_or_else(|| "OFF".to_string()))
    }

    /// PutObjectLegalHold: `ON` or `OFF`.
    pub fn put_object_legal_hold(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
        status: &str,
    ) -> Result<(), Error> {
        let body = format!(
            "<LegalHold xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>{}</Status></LegalHold>",
            xml::escape(status)
        );
        let req = object_request(
            "PutObjectLegalHold",
            Method::PUT,
            (bucket, key),
            "legal-hold",
            version_id,
        );
        let mut req = with_document(req, body);
        req.idempotent = true;
        self.send(&req).map(drop)
    }

    /// RestoreObject: a temporary copy of an archived object for `days` days, at `tier`'s
    /// speed. A restore still running (409 RestoreAlreadyInProgress) is an answer, not a
    /// failure.
    pub fn restore_object(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
        days: u32,
        tier: Option<&str>,
    ) -> Result<Restore, Error> {
        // S3 names the speed's element GlacierJobParameters; oss2 and ks3sdk JobParameters.
        let element = match self.dialect() {
            Dialect::S3 => "GlacierJobParameters",
            Dialect::Oss | Dialect::Ks3 => "JobParameters",
        };
        let job = tier
            .map(|t| format!("<{element}><Tier>{}</Tier></{element}>", xml::escape(t)))
            .unwrap_or_default();
        let body = format!(
            "<RestoreRequest xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Days>{days}</Days>{job}</RestoreRequest>"
        );
        let req = object_request(
            "RestoreObject",
            Method::POST,
            (bucket, key),
            "restore",
            version_id,
        );
        match self.send(&with_document(req, body)) {
            Ok(resp) if resp.status() == 202 => Ok(Restore::Started),
            Ok(_) => Ok(Restore::AlreadyRestored),
            Err(e)
                if e.service()
                    .is_some_and(|s| s.code == "RestoreAlreadyInProgress") =>
            {
                Ok(Restore::InProgress)
            }
            Err(e) => Err(e),
        }
    }

    /// DeleteObject of one version (or of the key, adding a delete marker where versioning
    /// is on, with `None`), passing a GOVERNANCE lock with [`Governance::Bypass`].
    pub fn delete_object_version(
        &self,
        (bucket, key): (&str, &str),
        version_id: Option<&str>,
        governance: Governance,
    ) -> Result<(), Error> {
        let mut req = Request::new("DeleteObject", Method::DELETE, Some(bucket), key);
        if let Some(id) = version_id {
            req = req.query("versionId", id);
        }
        self.send(&self.with_governance(req, governance)).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tagging_header_encodes_keys_and_values() {
        let tags = vec![
            ("team".to_string(), "a b".to_string()),
            ("k&=".to_string(), "v/é".to_string()),
        ];
        assert_eq!(tagging_header_value(&tags), "team=a%20b&k%26%3D=v%2F%C3%A9");
        assert_eq!(tagging_header_value(&[]), "");
    }

    #[test]
    fn lock_documents_read_their_fields() {
        let body = r#"<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>GOVERNANCE</Mode><RetainUntilDate>2030-01-01T00:00:00Z</RetainUntilDate></Retention>"#;
        assert_eq!(
            first_text(body, "Mode").unwrap().as_deref(),
            Some("GOVERNANCE")
        );
        assert_eq!(first_text(body, "Status").unwrap(), None);
    }
}
