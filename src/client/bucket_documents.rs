//! The bucket configuration documents `objcmd bucket` shows, sets and deletes (policy,
//! lifecycle, CORS, website, tagging, object lock): their sub-resources, and the XML objcmd
//! builds or reads itself (website, tags, default retention). Policy, lifecycle and CORS
//! pass through as the user wrote them and as the server returns them.

use roxmltree::Node;

use super::bucket_config::Document;
use super::xml::escape;

/// `?policy`: a JSON document (S3, OSS and KS3 alike).
pub const POLICY: Document = Document {
    sub_resource: "policy",
    operations: ["GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy"],
    content_type: "application/json",
};

/// `?lifecycle`: the `LifecycleConfiguration` XML.
pub const LIFECYCLE: Document = Document {
    sub_resource: "lifecycle",
    operations: [
        "GetBucketLifecycle",
        "PutBucketLifecycle",
        "DeleteBucketLifecycle",
    ],
    content_type: "application/xml",
};

/// `?cors`: the `CORSConfiguration` XML.
pub const CORS: Document = Document {
    sub_resource: "cors",
    operations: ["GetBucketCors", "PutBucketCors", "DeleteBucketCors"],
    content_type: "application/xml",
};

/// `?website`: the `WebsiteConfiguration` XML.
pub const WEBSITE: Document = Document {
    sub_resource: "website",
    operations: [
        "GetBucketWebsite",
        "PutBucketWebsite",
        "DeleteBucketWebsite",
    ],
    content_type: "application/xml",
};

/// `?tagging` of a bucket: the `Tagging` XML.
pub const TAGGING: Document = Document {
    sub_resource: "tagging",
    operations: [
        "GetBucketTagging",
        "PutBucketTagging",
        "DeleteBucketTagging",
    ],
    content_type: "application/xml",
};

/// `?object-lock`: the `ObjectLockConfiguration` XML (it cannot be deleted).
pub const OBJECT_LOCK: Document = Document {
    sub_resource: "object-lock",
    operations: [
        "GetObjectLockConfiguration",
        "PutObjectLockConfiguration",
        "",
    ],
    content_type: "application/xml",
};

/// A document that is not well-formed, or not the one expected.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DocumentError(pub String);

/// The body of PutBucketWebsite: an index document and, optionally, an error document.
pub fn website_configuration(index: &str, error_doc: Option<&str>) -> String {
    let error = error_doc
        .map(|key| format!("<ErrorDocument><Key>{}</Key></ErrorDocument>", escape(key)))
        .unwrap_or_default();
    format!(
        "<WebsiteConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><IndexDocument><Suffix>{}</Suffix></IndexDocument>{error}</WebsiteConfiguration>",
        escape(index)
    )
}

/// What a `WebsiteConfiguration` says, as far as objcmd sets it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Website {
    /// `<IndexDocument><Suffix>`.
    pub index: Option<String>,
    /// `<ErrorDocument><Key>`.
    pub error_doc: Option<String>,
    /// `<RedirectAllRequestsTo><HostName>`.
    pub redirect_host: Option<String>,
}

/// Reads the index and error documents of a `WebsiteConfiguration`.
pub fn parse_website(body: &str) -> Result<Website, DocumentError> {
    let doc = parse(body)?;
    let root = doc.root_element();
    let nested = |outer: &str, inner: &str| child(root, outer).and_then(|n| text(n, inner));
    Ok(Website {
        index: nested("IndexDocument", "Suffix"),
        error_doc: nested("ErrorDocument", "Key"),
        redirect_host: nested("RedirectAllRequestsTo", "HostName"),
    })
}

/// The default retention of new objects in an object-lock bucket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultRetention {
    /// `GOVERNANCE` or `COMPLIANCE`.
    pub mode: String,
    /// For how long: a number of days or of years.
    pub period: RetentionPeriod,
}

/// How long the default retention keeps an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetentionPeriod {
    /// `<Days>`.
    Days(u32),
    /// `<Years>`.
    Years(u32),
}

/// What `GetObjectLockConfiguration` says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectLockConfiguration {
    /// `<ObjectLockEnabled>` (`Enabled` when the bucket has object lock).
    pub enabled: Option<String>,
    /// The default retention, if one is set.
    pub retention: Option<DefaultRetention>,
}

/// The body of PutObjectLockConfiguration with a default retention.
pub fn object_lock_configuration(retention: &DefaultRetention) -> String {
    let period = match retention.period {
        RetentionPeriod::Days(n) => format!("<Days>{n}</Days>"),
        RetentionPeriod::Years(n) => format!("<Years>{n}</Years>"),
    };
    format!(
        "<ObjectLockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>{}</Mode>{period}</DefaultRetention></Rule></ObjectLockConfiguration>",
        escape(&retention.mode)
    )
}

/// Reads an `ObjectLockConfiguration`.
pub fn parse_object_lock(body: &str) -> Result<ObjectLockConfiguration, DocumentError> {
    let doc = parse(body)?;
    let root = doc.root_element();
    let retention = child(root, "Rule")
        .and_then(|rule| child(rule, "DefaultRetention"))
        .map(|d| -> Result<DefaultRetention, DocumentError> {
            let number = |name: &str| {
                text(d, name)
                    .map(|n| n.trim().parse::<u32>())
                    .transpose()
                    .map_err(|e| DocumentError(format!("<{name}> is not a number: {e}")))
            };
            let period = match (number("Days")?, number("Years")?) {
                (Some(days), _) => RetentionPeriod::Days(days),
                (None, Some(years)) => RetentionPeriod::Years(years),
                (None, None) => {
                    return Err(DocumentError(
                        "<DefaultRetention> has neither <Days> nor <Years>".to_string(),
                    ));
                }
            };
            Ok(DefaultRetention {
                mode: text(d, "Mode").unwrap_or_default(),
                period,
            })
        })
        .transpose()?;
    Ok(ObjectLockConfiguration {
        enabled: text(root, "ObjectLockEnabled"),
        retention,
    })
}

/// Checks that a document is well-formed XML (what the user gave, before sending it).
pub fn check_xml(body: &str) -> Result<(), DocumentError> {
    parse(body).map(drop)
}

fn parse(body: &str) -> Result<roxmltree::Document<'_>, DocumentError> {
    roxmltree::Document::parse(body.trim_start()).map_err(|e| DocumentError(e.to_string()))
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn text(node: Node<'_, '_>, name: &str) -> Option<String> {
    child(node, name).map(|c| c.text().unwrap_or("").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn website_round_trip() {
        let body = website_configuration("index.html", Some("err<1>.html"));
        let site = parse_website(&body).unwrap();
        assert_eq!(site.index.as_deref(), Some("index.html"));
        assert_eq!(site.error_doc.as_deref(), Some("err<1>.html"));
        let body = website_configuration("i.html", None);
        assert!(!body.contains("ErrorDocument"), "{body}");
        assert_eq!(parse_website(&body).unwrap().error_doc, None);
    }

    #[test]
    fn object_lock_round_trip() {
        let r = DefaultRetention {
            mode: "GOVERNANCE".to_string(),
            period: RetentionPeriod::Years(2),
        };
        let parsed = parse_object_lock(&object_lock_configuration(&r)).unwrap();
        assert_eq!(parsed.enabled.as_deref(), Some("Enabled"));
        assert_eq!(parsed.retention, Some(r));
        let bare = "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>";
        assert_eq!(parse_object_lock(bare).unwrap().retention, None);
        let bad = "<ObjectLockConfiguration><Rule><DefaultRetention><Mode>GOVERNANCE</Mode></DefaultRetention></Rule></ObjectLockConfiguration>";
        assert!(parse_object_lock(bad).is_err());
    }

    #[test]
    fn a_document_that_is_not_xml_is_refused() {
        assert!(check_xml("<LifecycleConfiguration><Rule>").is_err());
        assert!(check_xml("  <CORSConfiguration/>").is_ok());
    }
}
