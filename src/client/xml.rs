//! XML of the S3-style API: parsing replies into wire structs and writing request bodies.
//!
//! Elements are matched by local name, so S3's default namespace and KS3's `ns2:` prefixes
//! both parse (spec/wire-formats.md §7). Parsing is lenient about what it does not need and
//! strict about what it does: a listing without keys where keys should be is an error, not
//! an empty result.

use std::collections::BTreeMap;

use roxmltree::{Document, Node};

use crate::checksum::Checksum;

/// XML that could not be parsed into the expected reply.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct XmlError(String);

fn parse(body: &str) -> Result<Document<'_>, XmlError> {
    // S3 pads slow replies (CompleteMultipartUpload) with whitespace before the document.
    Document::parse(body.trim_start()).map_err(|e| XmlError(format!("malformed XML: {e}")))
}

fn root<'a, 'i>(doc: &'a Document<'i>, name: &str) -> Result<Node<'a, 'i>, XmlError> {
    let root = doc.root_element();
    if root.tag_name().name() == name {
        Ok(root)
    } else {
        Err(XmlError(format!(
            "expected <{name}>, got <{}>",
            root.tag_name().name()
        )))
    }
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// The text of a child element; an empty element gives `Some("")`.
fn text(node: Node<'_, '_>, name: &str) -> Option<String> {
    child(node, name).map(|c| c.text().unwrap_or("").to_string())
}

fn required(node: Node<'_, '_>, name: &str) -> Result<String, XmlError> {
    text(node, name)
        .ok_or_else(|| XmlError(format!("<{}> has no <{name}>", node.tag_name().name())))
}

fn flag(node: Node<'_, '_>, name: &str) -> bool {
    text(node, name).is_some_and(|t| t.trim().eq_ignore_ascii_case("true"))
}

/// Percent-decodes a field of a listing that was requested with `encoding-type=url`.
///
/// `unquote`, not `unquote_plus`: a `+` in a key stays a `+` (§7).
fn url_decode(s: &str) -> Result<String, XmlError> {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .map(|c| c.into_owned())
        .map_err(|_| XmlError(format!("URL-encoded field {s:?} is not UTF-8")))
}

/// Every child of `<Error>` by local name, or `None` if the body is not an error document.
///
/// KS3 may answer with JSON `{"Error":{"Code","Message"},"RequestId"}`; it is read too.
pub fn parse_error(body: &str) -> Option<BTreeMap<String, String>> {
    let trimmed = body.trim_start();
    if trimmed.starts_with('{') {
        let v: serde_json::Value = serde_json::from_str(trimmed).ok()?;
        let err = v.get("Error")?;
        let mut map = BTreeMap::new();
        for field in ["Code", "Message"] {
            if let Some(s) = err.get(field).and_then(|s| s.as_str()) {
                map.insert(field.to_string(), s.to_string());
            }
        }
        if let Some(id) = v.get("RequestId").and_then(|s| s.as_str()) {
            map.insert("RequestId".to_string(), id.to_string());
        }
        return map.contains_key("Code").then_some(map);
    }
    let doc = Document::parse(trimmed).ok()?;
    let root = doc.root_element();
    if root.tag_name().name() != "Error" {
        return None;
    }
    let mut map = BTreeMap::new();
    for c in root.children().filter(|c| c.is_element()) {
        let name = match c.tag_name().name() {
            // ks3sdk accepts both spellings.
            "RequestID" => "RequestId",
            other => other,
        };
        map.insert(name.to_string(), c.text().unwrap_or("").to_string());
    }
    Some(map)
}

/// One bucket of `ListAllMyBucketsResult`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BucketEntry {
    /// `<Name>`.
    pub name: String,
    /// `<CreationDate>`, as sent.
    pub creation_date: String,
}

/// Parses the reply of ListBuckets (`GET /`).
pub fn parse_list_buckets(body: &str) -> Result<Vec<BucketEntry>, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "ListAllMyBucketsResult")?;
    let Some(buckets) = child(root, "Buckets") else {
        return Ok(Vec::new());
    };
    children(buckets, "Bucket")
        .map(|b| {
            Ok(BucketEntry {
                name: required(b, "Name")?,
                creation_date: text(b, "CreationDate").unwrap_or_default(),
            })
        })
        .collect()
}

/// One object of a `ListBucketResult`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectEntry {
    /// `<Key>`, decoded.
    pub key: String,
    /// `<LastModified>`, as sent (ISO 8601).
    pub last_modified: String,
    /// `<ETag>`, with its quotes.
    pub etag: String,
    /// `<Size>`.
    pub size: u64,
    /// `<StorageClass>`, possibly empty.
    pub storage_class: String,
}

/// One page of ListObjects (version 1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListBucketResult {
    /// The objects of this page.
    pub contents: Vec<ObjectEntry>,
    /// The common prefixes of this page, decoded.
    pub common_prefixes: Vec<String>,
    /// More pages follow.
    pub is_truncated: bool,
    /// The marker for the next page, decoded, when the server gave one.
    pub next_marker: Option<String>,
}

impl ListBucketResult {
    /// Where the next page starts: `NextMarker`, or else the larger of the last key and the
    /// last common prefix (AWS sends NextMarker only with a delimiter).
    pub fn continuation_marker(&self) -> Option<String> {
        if !self.is_truncated {
            return None;
        }
        if let Some(m) = self.next_marker.as_ref().filter(|m| !m.is_empty()) {
            return Some(m.clone());
        }
        let last_key = self.contents.last().map(|o| o.key.as_str());
        let last_prefix = self.common_prefixes.last().map(String::as_str);
        last_key.max(last_prefix).map(str::to_string)
    }
}

/// Parses one page of ListObjects (`GET /bucket/?prefix=...`).
pub fn parse_list_objects(body: &str) -> Result<ListBucketResult, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "ListBucketResult")?;
    let encoded = text(root, "EncodingType").is_some_and(|e| e.eq_ignore_ascii_case("url"));
    let decode = |s: String| if encoded { url_decode(&s) } else { Ok(s) };
    let contents = children(root, "Contents")
        .map(|c| {
            let size = required(c, "Size")?;
            Ok(ObjectEntry {
                key: decode(required(c, "Key")?)?,
                last_modified: text(c, "LastModified").unwrap_or_default(),
                etag: text(c, "ETag").unwrap_or_default(),
                size: size
                    .trim()
                    .parse()
                    .map_err(|_| XmlError(format!("<Size> is not a number: {size:?}")))?,
                storage_class: text(c, "StorageClass").unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, XmlError>>()?;
    let common_prefixes = children(root, "CommonPrefixes")
        .map(|p| decode(required(p, "Prefix")?))
        .collect::<Result<Vec<_>, XmlError>>()?;
    let next_marker = text(root, "NextMarker").map(decode).transpose()?;
    Ok(ListBucketResult {
        contents,
        common_prefixes,
        is_truncated: flag(root, "IsTruncated"),
        next_marker,
    })
}

/// One upload of `ListMultipartUploadsResult`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadEntry {
    /// `<Key>`, decoded.
    pub key: String,
    /// `<UploadId>`.
    pub upload_id: String,
    /// `<Initiated>`, as sent.
    pub initiated: String,
}

/// One page of ListMultipartUploads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListMultipartUploadsResult {
    /// The uploads of this page.
    pub uploads: Vec<UploadEntry>,
    /// More pages follow.
    pub is_truncated: bool,
    /// `<NextKeyMarker>`, decoded.
    pub next_key_marker: Option<String>,
    /// `<NextUploadIdMarker>`.
    pub next_upload_id_marker: Option<String>,
}

/// Parses one page of ListMultipartUploads (`GET /bucket/?uploads`).
pub fn parse_list_multipart_uploads(body: &str) -> Result<ListMultipartUploadsResult, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "ListMultipartUploadsResult")?;
    let encoded = text(root, "EncodingType").is_some_and(|e| e.eq_ignore_ascii_case("url"));
    let decode = |s: String| if encoded { url_decode(&s) } else { Ok(s) };
    let uploads = children(root, "Upload")
        .map(|u| {
            Ok(UploadEntry {
                key: decode(required(u, "Key")?)?,
                upload_id: required(u, "UploadId")?,
                initiated: text(u, "Initiated").unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, XmlError>>()?;
    Ok(ListMultipartUploadsResult {
        uploads,
        is_truncated: flag(root, "IsTruncated"),
        next_key_marker: text(root, "NextKeyMarker").map(decode).transpose()?,
        next_upload_id_marker: text(root, "NextUploadIdMarker"),
    })
}

/// Parses the reply of InitiateMultipartUpload: the upload id.
pub fn parse_initiate_multipart_upload(body: &str) -> Result<String, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "InitiateMultipartUploadResult")?;
    let id = required(root, "UploadId")?;
    if id.is_empty() {
        return Err(XmlError("<UploadId> is empty".to_string()));
    }
    Ok(id)
}

/// What CompleteMultipartUpload answered with a 200.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompleteResult {
    /// The object exists: its ETag (with quotes, as sent) and KS3's CRC-64, if given.
    Done {
        /// `<ETag>`.
        etag: String,
        /// KS3's `<ChecksumCRC64ECMA>`.
        crc64: Option<String>,
    },
    /// A 200 whose body is an `<Error>`: the upload was not completed.
    Error(BTreeMap<String, String>),
}

/// Parses the reply of CompleteMultipartUpload, which may be a 200 with an `<Error>` body.
pub fn parse_complete_multipart_upload(body: &str) -> Result<CompleteResult, XmlError> {
    if let Some(fields) = parse_error(body) {
        return Ok(CompleteResult::Error(fields));
    }
    let doc = parse(body)?;
    let root = root(&doc, "CompleteMultipartUploadResult")?;
    Ok(CompleteResult::Done {
        etag: text(root, "ETag").unwrap_or_default(),
        crc64: text(root, "ChecksumCRC64ECMA"),
    })
}

/// One part of `ListPartsResult`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartEntry {
    /// `<PartNumber>`.
    pub part_number: u32,
    /// `<Size>`.
    pub size: u64,
    /// `<ETag>`, with its quotes.
    pub etag: String,
    /// `<LastModified>`, as sent.
    pub last_modified: String,
}

/// One page of ListParts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPartsResult {
    /// The parts of this page.
    pub parts: Vec<PartEntry>,
    /// More pages follow.
    pub is_truncated: bool,
    /// `<NextPartNumberMarker>`.
    pub next_part_number_marker: Option<u32>,
}

fn number<T: std::str::FromStr>(node: Node<'_, '_>, name: &str) -> Result<T, XmlError> {
    let text = required(node, name)?;
    text.trim()
        .parse()
        .map_err(|_| XmlError(format!("<{name}> is not a number: {text:?}")))
}

/// Parses one page of ListParts (`GET /bucket/key?uploadId=ID`).
pub fn parse_list_parts(body: &str) -> Result<ListPartsResult, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "ListPartsResult")?;
    let parts = children(root, "Part")
        .map(|p| {
            Ok(PartEntry {
                part_number: number(p, "PartNumber")?,
                size: number(p, "Size")?,
                etag: text(p, "ETag").unwrap_or_default(),
                last_modified: text(p, "LastModified").unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, XmlError>>()?;
    let next = text(root, "NextPartNumberMarker").and_then(|n| n.trim().parse().ok());
    Ok(ListPartsResult {
        parts,
        is_truncated: flag(root, "IsTruncated"),
        next_part_number_marker: next,
    })
}

/// The body of CompleteMultipartUpload: the parts in ascending order, ETags quoted, each
/// with its flexible checksum when `checksums` has one per part.
pub fn complete_multipart_upload(parts: &[(u32, String)], checksums: &[Checksum]) -> String {
    let mut body = String::from("<CompleteMultipartUpload>");
    for (i, (number, etag)) in parts.iter().enumerate() {
        let etag = etag.trim_matches('"');
        let checksum = match checksums.get(i) {
            Some(c) => {
                let name = c.algorithm().wire_name();
                format!("<Checksum{name}>{}</Checksum{name}>", c.to_base64())
            }
            None => String::new(),
        };
        body.push_str(&format!(
            "<Part><PartNumber>{number}</PartNumber><ETag>\"{}\"</ETag>{checksum}</Part>",
            escape(etag)
        ));
    }
    body.push_str("</CompleteMultipartUpload>");
    body
}

/// The `<Status>` of a `VersioningConfiguration`, if it has one (a bucket whose versioning
/// was never enabled has none).
pub fn parse_versioning_status(body: &str) -> Result<Option<String>, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "VersioningConfiguration")?;
    Ok(text(root, "Status"))
}

/// The body of PutBucketVersioning.
pub fn versioning_configuration(status: &str) -> String {
    format!(
        "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>{}</Status></VersioningConfiguration>",
        escape(status)
    )
}

/// The parts of GetObjectAttributes (`ObjectParts`): part sizes in order, and whether more
/// pages follow (and from which part number).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectPartsPage {
    /// `(part number, size)` of this page.
    pub parts: Vec<(u32, u64)>,
    /// `<PartsCount>` (AWS) or `<TotalPartsCount>`.
    pub total: Option<u32>,
    /// `<NextPartNumberMarker>` when `<IsTruncated>` is true.
    pub next_marker: Option<u32>,
}

/// Parses the `ObjectParts` of a GetObjectAttributes reply; no parts when it has none.
pub fn parse_object_attributes_parts(body: &str) -> Result<ObjectPartsPage, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "GetObjectAttributesResponse")
        .or_else(|_| root(&doc, "GetObjectAttributesOutput"))?;
    let Some(parts) = child(root, "ObjectParts") else {
        return Ok(ObjectPartsPage::default());
    };
    let list = children(parts, "Part")
        .map(|p| Ok((number(p, "PartNumber")?, number(p, "Size")?)))
        .collect::<Result<Vec<_>, XmlError>>()?;
    let total = text(parts, "TotalPartsCount")
        .or_else(|| text(parts, "PartsCount"))
        .and_then(|n| n.trim().parse().ok());
    let next_marker = flag(parts, "IsTruncated")
        .then(|| text(parts, "NextPartNumberMarker"))
        .flatten()
        .and_then(|n| n.trim().parse().ok());
    Ok(ObjectPartsPage {
        parts: list,
        total,
        next_marker,
    })
}

/// One `<Version>` or `<DeleteMarker>` of `ListVersionsResult`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionEntry {
    /// `<Key>`, decoded.
    pub key: String,
    /// `<VersionId>` (`null` for an object written while versioning was off).
    pub version_id: String,
    /// `<IsLatest>`.
    pub is_latest: bool,
    /// A `<DeleteMarker>`, not a `<Version>`.
    pub delete_marker: bool,
    /// `<LastModified>`, as sent.
    pub last_modified: String,
    /// `<ETag>` with its quotes (empty for a delete marker).
    pub etag: String,
    /// `<Size>` (0 for a delete marker).
    pub size: u64,
    /// `<StorageClass>`, possibly empty.
    pub storage_class: String,
}

/// One page of ListObjectVersions (`GET /bucket/?versions`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListVersionsResult {
    /// Versions and delete markers, in the order sent (by key, newest first).
    pub entries: Vec<VersionEntry>,
    /// Common prefixes, decoded.
    pub common_prefixes: Vec<String>,
    /// More pages follow.
    pub is_truncated: bool,
    /// `<NextKeyMarker>`, decoded.
    pub next_key_marker: Option<String>,
    /// `<NextVersionIdMarker>`.
    pub next_version_id_marker: Option<String>,
}

/// Parses one page of ListObjectVersions; `encoding-type=url` is decoded where the server
/// honoured it, as in [`parse_list_objects`].
pub fn parse_list_versions(body: &str) -> Result<ListVersionsResult, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "ListVersionsResult")?;
    let encoded = text(root, "EncodingType").is_some_and(|e| e.eq_ignore_ascii_case("url"));
    let decode = |s: String| if encoded { url_decode(&s) } else { Ok(s) };
    let entries = root
        .children()
        .filter(|c| c.is_element() && matches!(c.tag_name().name(), "Version" | "DeleteMarker"))
        .map(|v| {
            let delete_marker = v.tag_name().name() == "DeleteMarker";
            let size = match text(v, "Size") {
                Some(size) => size
                    .trim()
                    .parse()
                    .map_err(|_| XmlError(format!("<Size> is not a number: {size:?}")))?,
                None if delete_marker => 0,
                None => return Err(XmlError("<Version> has no <Size>".to_string())),
            };
            Ok(VersionEntry {
                key: decode(required(v, "Key")?)?,
                version_id: required(v, "VersionId")?.trim().to_string(),
                is_latest: flag(v, "IsLatest"),
                delete_marker,
                last_modified: text(v, "LastModified").unwrap_or_default(),
                etag: text(v, "ETag").unwrap_or_default(),
                size,
                storage_class: text(v, "StorageClass").unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, XmlError>>()?;
    let common_prefixes = children(root, "CommonPrefixes")
        .map(|p| decode(required(p, "Prefix")?))
        .collect::<Result<Vec<_>, XmlError>>()?;
    let nonempty = |s: Option<String>| s.filter(|s| !s.is_empty());
    Ok(ListVersionsResult {
        entries,
        common_prefixes,
        is_truncated: flag(root, "IsTruncated"),
        next_key_marker: nonempty(text(root, "NextKeyMarker"))
            .map(decode)
            .transpose()?,
        next_version_id_marker: nonempty(text(root, "NextVersionIdMarker")),
    })
}

/// The body of DeleteObjects in quiet mode naming versions: a key with `None` is its
/// current version (a delete marker in a versioned bucket).
pub fn delete_object_versions(objects: &[(&str, Option<&str>)]) -> String {
    let mut body = String::from("<Delete><Quiet>true</Quiet>");
    for (key, version) in objects {
        body.push_str("<Object><Key>");
        body.push_str(&escape(key));
        body.push_str("</Key>");
        if let Some(v) = version {
            body.push_str("<VersionId>");
            body.push_str(&escape(v));
            body.push_str("</VersionId>");
        }
        body.push_str("</Object>");
    }
    body.push_str("</Delete>");
    body
}

/// A key (and version) that DeleteObjects could not delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionDeleteError {
    /// `<Key>`.
    pub key: String,
    /// `<VersionId>`, when the error names one.
    pub version_id: Option<String>,
    /// `<Code>`.
    pub code: String,
    /// `<Message>`.
    pub message: String,
}

/// Parses a DeleteObjects reply of [`delete_object_versions`]: the failures, with versions.
pub fn parse_version_delete_result(body: &str) -> Result<Vec<VersionDeleteError>, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "DeleteResult")?;
    let encoded = text(root, "EncodingType").is_some_and(|e| e.eq_ignore_ascii_case("url"));
    children(root, "Error")
        .map(|e| {
            let key = required(e, "Key")?;
            Ok(VersionDeleteError {
                key: if encoded { url_decode(&key)? } else { key },
                version_id: text(e, "VersionId").filter(|v| !v.is_empty()),
                code: text(e, "Code").unwrap_or_default(),
                message: text(e, "Message").unwrap_or_default(),
            })
        })
        .collect()
}

/// True when every character of `s` can appear in an XML 1.0 document; keys with other
/// control characters cannot go in a DeleteObjects body and are deleted one by one.
pub fn is_xml_safe(s: &str) -> bool {
    s.chars().all(|c| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    })
}

/// The body of DeleteObjects in quiet mode: only failures come back.
pub fn delete_objects(keys: &[&str]) -> String {
    let mut body = String::from("<Delete><Quiet>true</Quiet>");
    for key in keys {
        body.push_str("<Object><Key>");
        body.push_str(&escape(key));
        body.push_str("</Key></Object>");
    }
    body.push_str("</Delete>");
    body
}

/// A key that DeleteObjects could not delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteError {
    /// `<Key>`.
    pub key: String,
    /// `<Code>`.
    pub code: String,
    /// `<Message>`.
    pub message: String,
}

/// Parses a DeleteObjects reply: the keys that failed (in quiet mode the deleted ones are
/// not listed).
pub fn parse_delete_result(body: &str) -> Result<Vec<DeleteError>, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "DeleteResult")?;
    let encoded = text(root, "EncodingType").is_some_and(|e| e.eq_ignore_ascii_case("url"));
    children(root, "Error")
        .map(|e| {
            let key = required(e, "Key")?;
            Ok(DeleteError {
                key: if encoded { url_decode(&key)? } else { key },
                code: text(e, "Code").unwrap_or_default(),
                message: text(e, "Message").unwrap_or_default(),
            })
        })
        .collect()
}

/// What CopyObject or UploadPartCopy answered with a 200: a result, or an `<Error>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyResult {
    /// The copy's ETag, with quotes as sent.
    Done(String),
    /// A 200 whose body is an `<Error>`.
    Error(BTreeMap<String, String>),
}

/// Parses the reply of CopyObject (`CopyObjectResult`) or UploadPartCopy (`CopyPartResult`).
pub fn parse_copy_result(body: &str) -> Result<CopyResult, XmlError> {
    if let Some(fields) = parse_error(body) {
        return Ok(CopyResult::Error(fields));
    }
    let doc = parse(body)?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "CopyObjectResult" | "CopyPartResult" => Ok(CopyResult::Done(required(root, "ETag")?)),
        other => Err(XmlError(format!(
            "expected <CopyObjectResult>, got <{other}>"
        ))),
    }
}

/// One `<Grant>` of an `AccessControlPolicy`, as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AclEntry {
    /// S3 and KS3: a grantee and a permission.
    Grant {
        /// The grantee's `xsi:type`, if given.
        kind: Option<String>,
        /// `<ID>`.
        id: Option<String>,
        /// `<DisplayName>`.
        display_name: Option<String>,
        /// `<URI>` of a group.
        uri: Option<String>,
        /// `<EmailAddress>`.
        email: Option<String>,
        /// `<Permission>`.
        permission: String,
    },
    /// OSS: the canned ACL as the grant's text.
    Canned(String),
}

/// `GET ?acl`: the owner and the grants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AclDocument {
    /// `<Owner><ID>`.
    pub owner_id: String,
    /// `<Owner><DisplayName>`.
    pub owner_display_name: String,
    /// The grants, in the order sent.
    pub entries: Vec<AclEntry>,
}

/// Parses an `AccessControlPolicy` of any dialect (§6).
pub fn parse_access_control_policy(body: &str) -> Result<AclDocument, XmlError> {
    let doc = parse(body)?;
    let root = root(&doc, "AccessControlPolicy")?;
    let owner = child(root, "Owner");
    let owner_field = |name| owner.and_then(|o| text(o, name)).unwrap_or_default();
    let list = child(root, "AccessControlList")
        .ok_or_else(|| XmlError("<AccessControlPolicy> has no <AccessControlList>".into()))?;
    let mut entries = Vec::new();
    for grant in children(list, "Grant") {
        let Some(grantee) = child(grant, "Grantee") else {
            let canned = grant.text().unwrap_or("").trim();
            if canned.is_empty() {
                return Err(XmlError("a <Grant> has neither <Grantee> nor text".into()));
            }
            entries.push(AclEntry::Canned(canned.to_string()));
            continue;
        };
        let kind = grantee
            .attributes()
            .find(|a| a.name() == "type")
            .map(|a| a.value().to_string());
        let field = |name| text(grantee, name).map(|t| t.trim().to_string());
        entries.push(AclEntry::Grant {
            kind,
            id: field("ID"),
            display_name: field("DisplayName"),
            uri: field("URI"),
            email: field("EmailAddress"),
            permission: required(grant, "Permission")?.trim().to_string(),
        });
    }
    Ok(AclDocument {
        owner_id: owner_field("ID"),
        owner_display_name: owner_field("DisplayName"),
        entries,
    })
}

/// The body of PutObjectTagging and PutBucketTagging: the tags in the order given.
pub fn tagging(tags: &[(String, String)]) -> String {
    let tags: String = tags
        .iter()
        .map(|(k, v)| {
            format!(
                "<Tag><Key>{}</Key><Value>{}</Value></Tag>",
                escape(k),
                escape(v)
            )
        })
        .collect();
    format!("<Tagging><TagSet>{tags}</TagSet></Tagging>")
}

/// The tags of a `Tagging` document (GetObjectTagging, GetBucketTagging), in order.
pub fn parse_tagging(body: &str) -> Result<Vec<(String, String)>, XmlError> {
    // radosgw answers an object without tags with an empty body.
    if body.trim().is_empty() {
        return Ok(Vec::new());
    }
    let doc = parse(body)?;
    let text = |node: Node<'_, '_>, name: &str| text(node, name).unwrap_or_default();
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("Tag"))
        .map(|tag| (text(tag, "Key"), text(tag, "Value")))
        .collect())
}

/// Escapes text for an XML element body.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A parser turns a literal CR (or CR LF) into LF: the key would change.
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
    out
}

/// The body of CreateBucket with a location constraint.
pub fn create_bucket_configuration(location: &str) -> String {
    format!(
        "<CreateBucketConfiguration><LocationConstraint>{}</LocationConstraint></CreateBucketConfiguration>",
        escape(location)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_documents_round_trip() {
        let tags = vec![
            ("a<b".to_string(), "1&2".to_string()),
            ("c".into(), String::new()),
        ];
        let body = tagging(&tags);
        assert!(
            body.contains("<Key>a&lt;b</Key><Value>1&amp;2</Value>"),
            "{body}"
        );
        assert_eq!(parse_tagging(&body).unwrap(), tags);
        let s3 = r#"<?xml version="1.0"?><Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>x</Key><Value>y</Value></Tag></TagSet></Tagging>"#;
        assert_eq!(parse_tagging(s3).unwrap(), vec![("x".into(), "y".into())]);
        assert!(parse_tagging("<Tagging>").is_err());
        assert_eq!(parse_tagging("").unwrap(), Vec::<(String, String)>::new());
    }

    #[test]
    fn tagging_round_trip_with_escapes() {
        let tags = vec![
            ("team".to_string(), "a&b".to_string()),
            ("empty".to_string(), String::new()),
        ];
        let parsed: BTreeMap<String, String> = parse_tagging(&tagging(&tags))
            .unwrap()
            .into_iter()
            .collect();
        assert_eq!(parsed["team"], "a&b");
        assert_eq!(parsed["empty"], "");
        let ns = r#"<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>"#;
        assert_eq!(
            parse_tagging(ns).unwrap(),
            vec![("k".to_string(), "v".to_string())]
        );
    }

    #[test]
    fn error_document_with_namespace_and_extra_children() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message>
<StringToSign>GET

Tue, 14 Nov 2023 22:13:20 GMT
/b/k</StringToSign><RequestId>tx00000a1</RequestId><HostId>abc-default</HostId></Error>"#;
        let e = parse_error(body).unwrap();
        assert_eq!(e["Code"], "SignatureDoesNotMatch");
        assert_eq!(e["RequestId"], "tx00000a1");
        assert_eq!(e["HostId"], "abc-default");
        assert!(e["StringToSign"].ends_with("/b/k"));
    }

    #[test]
    fn ks3_error_spellings() {
        let e =
            parse_error("<Error><Code>NoSuchKey</Code><RequestID>r1</RequestID></Error>").unwrap();
        assert_eq!(e["RequestId"], "r1");
        let e = parse_error(r#"{"Error":{"Code":"AccessDenied","Message":"no"},"RequestId":"r2"}"#)
            .unwrap();
        assert_eq!(
            (e["Code"].as_str(), e["RequestId"].as_str()),
            ("AccessDenied", "r2")
        );
        assert!(parse_error("<ListBucketResult/>").is_none());
        assert!(parse_error("not xml").is_none());
    }

    #[test]
    fn list_buckets() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>tester</ID><DisplayName>Tester</DisplayName></Owner><Buckets><Bucket><Name>alpha</Name><CreationDate>2026-11-21T01:40:00.123Z</CreationDate></Bucket><Bucket><Name>beta</Name><CreationDate>2026-11-21T01:41:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>"#;
        let buckets = parse_list_buckets(body).unwrap();
        assert_eq!(buckets.len(), 2);
        assert_eq!(buckets[1].name, "beta");
        assert_eq!(buckets[0].creation_date, "2026-11-21T01:40:00.123Z");
    }

    #[test]
    fn list_objects_url_encoded_page() {
        // radosgw encodes `/` too when asked for encoding-type=url.
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys><Delimiter>%2F</Delimiter><IsTruncated>true</IsTruncated><EncodingType>url</EncodingType>
<Contents><Key>a%20b%2Bc%25d</Key><LastModified>2026-11-21T01:40:00.123Z</LastModified><ETag>&quot;9e107d9d372bb6826bd81d3542a419d6&quot;</ETag><Size>43</Size><StorageClass>STANDARD</StorageClass></Contents>
<CommonPrefixes><Prefix>dir%2F</Prefix></CommonPrefixes>
<CommonPrefixes><Prefix>%E4%B8%AD%2F</Prefix></CommonPrefixes></ListBucketResult>"#;
        let page = parse_list_objects(body).unwrap();
        assert_eq!(page.contents[0].key, "a b+c%d");
        assert_eq!(
            page.contents[0].etag,
            "\"9e107d9d372bb6826bd81d3542a419d6\""
        );
        assert_eq!(page.contents[0].size, 43);
        assert_eq!(page.common_prefixes, ["dir/", "中/"]);
        assert!(page.is_truncated);
        // No NextMarker: continue after the larger of the last key and the last prefix.
        assert_eq!(page.continuation_marker().as_deref(), Some("中/"));
    }

    #[test]
    fn list_objects_plain_page_with_next_marker_and_prefixes() {
        let body = r#"<ListBucketResult><Name>b</Name><IsTruncated>true</IsTruncated><NextMarker>k2</NextMarker>
<Contents><Key>a+b</Key><Size>0</Size></Contents><Contents><Key>k2</Key><Size>1</Size></Contents></ListBucketResult>"#;
        let page = parse_list_objects(body).unwrap();
        assert_eq!(page.contents[0].key, "a+b");
        assert_eq!(page.continuation_marker().as_deref(), Some("k2"));
        let done = parse_list_objects(
            "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>",
        )
        .unwrap();
        assert_eq!(done.continuation_marker(), None);
        assert!(done.contents.is_empty());
    }

    #[test]
    fn ks3_prefixed_elements_parse_by_local_name() {
        let body = r#"<ns2:ListBucketResult xmlns:ns2="http://s3.amazonaws.com/doc/2006-03-01/"><ns2:IsTruncated>false</ns2:IsTruncated><ns2:Contents><ns2:Key>k</ns2:Key><ns2:Size>5</ns2:Size></ns2:Contents></ns2:ListBucketResult>"#;
        let page = parse_list_objects(body).unwrap();
        assert_eq!(page.contents[0].key, "k");
    }

    #[test]
    fn malformed_listings_are_errors() {
        assert!(
            parse_list_objects(
                "<ListBucketResult><Contents><Size>1</Size></Contents></ListBucketResult>"
            )
            .is_err()
        );
        assert!(parse_list_objects("<ListBucketResult><Contents><Key>k</Key><Size>x</Size></Contents></ListBucketResult>").is_err());
        assert!(parse_list_objects("<Error/>").is_err());
        assert!(parse_list_objects("<ListBucketResult>").is_err());
        assert!(parse_list_buckets("").is_err());
    }

    #[test]
    fn multipart_uploads_page() {
        let body = r#"<ListMultipartUploadsResult><Bucket>b</Bucket><IsTruncated>false</IsTruncated>
<Upload><Key>big.bin</Key><UploadId>2~abc</UploadId><Initiated>2026-11-21T01:40:00.000Z</Initiated></Upload></ListMultipartUploadsResult>"#;
        let page = parse_list_multipart_uploads(body).unwrap();
        assert_eq!(page.uploads[0].upload_id, "2~abc");
        assert!(!page.is_truncated);
    }

    #[test]
    fn multipart_replies() {
        let init = r#"<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>b</Bucket><Key>k</Key><UploadId>2~xyz</UploadId></InitiateMultipartUploadResult>"#;
        assert_eq!(parse_initiate_multipart_upload(init).unwrap(), "2~xyz");
        assert!(
            parse_initiate_multipart_upload(
                "<InitiateMultipartUploadResult><UploadId/></InitiateMultipartUploadResult>"
            )
            .is_err()
        );

        // S3 may pad the reply with whitespace while it works.
        let done = "\n   \n<?xml version=\"1.0\"?><CompleteMultipartUploadResult><Location>l</Location><Bucket>b</Bucket><Key>k</Key><ETag>&quot;abc-2&quot;</ETag><ChecksumCRC64ECMA>123</ChecksumCRC64ECMA></CompleteMultipartUploadResult>";
        assert_eq!(
            parse_complete_multipart_upload(done).unwrap(),
            CompleteResult::Done {
                etag: "\"abc-2\"".into(),
                crc64: Some("123".into())
            }
        );
        let failed = "<?xml version=\"1.0\"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message><RequestId>r</RequestId></Error>";
        match parse_complete_multipart_upload(failed).unwrap() {
            CompleteResult::Error(f) => assert_eq!(f["Code"], "InternalError"),
            other => panic!("{other:?}"),
        }
        assert!(parse_complete_multipart_upload("<Other/>").is_err());
    }

    #[test]
    fn list_parts_pages() {
        let body = r#"<ListPartsResult><Bucket>b</Bucket><Key>k</Key><UploadId>u</UploadId><PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>2</NextPartNumberMarker><MaxParts>2</MaxParts><IsTruncated>true</IsTruncated>
<Part><PartNumber>1</PartNumber><LastModified>2026-11-21T01:40:00.000Z</LastModified><ETag>"e1"</ETag><Size>5242880</Size></Part>
<Part><PartNumber>2</PartNumber><LastModified>2026-11-21T01:40:01.000Z</LastModified><ETag>"e2"</ETag><Size>10</Size></Part></ListPartsResult>"#;
        let page = parse_list_parts(body).unwrap();
        assert_eq!(page.parts.len(), 2);
        assert_eq!(page.parts[0].size, 5_242_880);
        assert_eq!(page.parts[1].etag, "\"e2\"");
        assert!(page.is_truncated);
        assert_eq!(page.next_part_number_marker, Some(2));
        assert!(parse_list_parts("<ListPartsResult><Part><PartNumber>x</PartNumber><Size>1</Size></Part></ListPartsResult>").is_err());
    }

    #[test]
    fn complete_body_quotes_and_escapes_etags() {
        let body = complete_multipart_upload(&[(1, "\"a\"".into()), (2, "b&c".into())], &[]);
        assert_eq!(
            body,
            "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"a\"</ETag></Part><Part><PartNumber>2</PartNumber><ETag>\"b&amp;c\"</ETag></Part></CompleteMultipartUpload>"
        );
    }

    #[test]
    fn delete_objects_bodies_and_replies() {
        assert_eq!(
            delete_objects(&["a", "b&c"]),
            "<Delete><Quiet>true</Quiet><Object><Key>a</Key></Object><Object><Key>b&amp;c</Key></Object></Delete>"
        );
        // Line ends survive a parser's end-of-line normalisation only as references.
        let body = delete_objects(&["cr\r\nlf"]);
        assert!(body.contains("<Key>cr&#13;&#10;lf</Key>"), "{body}");
        let doc = roxmltree::Document::parse(&body).unwrap();
        let key = doc.descendants().find(|n| n.has_tag_name("Key")).unwrap();
        assert_eq!(key.text(), Some("cr\r\nlf"));
        let reply = r#"<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>ok</Key></Deleted><Error><Key>locked</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>"#;
        let errors = parse_delete_result(reply).unwrap();
        assert_eq!(
            errors,
            [DeleteError {
                key: "locked".into(),
                code: "AccessDenied".into(),
                message: "Access Denied".into()
            }]
        );
        assert!(parse_delete_result("<DeleteResult/>").unwrap().is_empty());
        assert!(parse_delete_result("<Other/>").is_err());
        assert!(is_xml_safe("tab\tok"));
        assert!(!is_xml_safe("bell\u{7}"));
    }

    #[test]
    fn copy_replies() {
        let done = r#"<CopyObjectResult><LastModified>2026-11-21T01:40:00.000Z</LastModified><ETag>"abc"</ETag></CopyObjectResult>"#;
        assert_eq!(
            parse_copy_result(done).unwrap(),
            CopyResult::Done("\"abc\"".into())
        );
        let part = r#"<CopyPartResult><ETag>"def"</ETag></CopyPartResult>"#;
        assert_eq!(
            parse_copy_result(part).unwrap(),
            CopyResult::Done("\"def\"".into())
        );
        let failed = "<Error><Code>InternalError</Code><Message>m</Message></Error>";
        assert!(matches!(
            parse_copy_result(failed).unwrap(),
            CopyResult::Error(_)
        ));
        assert!(parse_copy_result("<CopyObjectResult/>").is_err());
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
    }
    #[test]
    fn list_versions_pages() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><NextKeyMarker>a%20b</NextKeyMarker><NextVersionIdMarker>v1</NextVersionIdMarker><MaxKeys>3</MaxKeys><IsTruncated>true</IsTruncated><EncodingType>url</EncodingType><DeleteMarker><Key>a%20b</Key><VersionId>v3</VersionId><IsLatest>true</IsLatest><LastModified>2026-11-21T01:40:00.000Z</LastModified></DeleteMarker><Version><Key>a%20b</Key><VersionId>v2</VersionId><IsLatest>false</IsLatest><LastModified>2026-11-21T01:39:00.000Z</LastModified><ETag>"e2"</ETag><Size>5</Size><StorageClass>STANDARD</StorageClass></Version><Version><Key>a%20b</Key><VersionId>v1</VersionId><IsLatest>false</IsLatest><ETag>"e1"</ETag><Size>3</Size></Version><CommonPrefixes><Prefix>d%2F</Prefix></CommonPrefixes></ListVersionsResult>"#;
        let page = parse_list_versions(body).unwrap();
        let ids: Vec<(&str, &str, bool, bool, u64)> = page
            .entries
            .iter()
            .map(|e| {
                (
                    e.key.as_str(),
                    e.version_id.as_str(),
                    e.is_latest,
                    e.delete_marker,
                    e.size,
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                ("a b", "v3", true, true, 0),
                ("a b", "v2", false, false, 5),
                ("a b", "v1", false, false, 3)
            ]
        );
        assert_eq!(page.common_prefixes, ["d/"]);
        assert!(page.is_truncated);
        assert_eq!(page.next_key_marker.as_deref(), Some("a b"));
        assert_eq!(page.next_version_id_marker.as_deref(), Some("v1"));
        let ks3 = r#"<ns2:ListVersionsResult xmlns:ns2="x"><ns2:IsTruncated>false</ns2:IsTruncated><ns2:NextKeyMarker></ns2:NextKeyMarker></ns2:ListVersionsResult>"#;
        let done = parse_list_versions(ks3).unwrap();
        assert!(!done.is_truncated && done.entries.is_empty() && done.next_key_marker.is_none());
        assert!(parse_list_versions("<ListVersionsResult><Version><Key>k</Key><VersionId>v</VersionId></Version></ListVersionsResult>").is_err());
        assert!(parse_list_versions("<ListBucketResult/>").is_err());
    }

    #[test]
    fn delete_object_versions_bodies_and_replies() {
        assert_eq!(
            delete_object_versions(&[("a&b", Some("v1")), ("c", None)]),
            "<Delete><Quiet>true</Quiet><Object><Key>a&amp;b</Key><VersionId>v1</VersionId></Object><Object><Key>c</Key></Object></Delete>"
        );
        let reply = r#"<DeleteResult><Error><Key>k</Key><VersionId>v9</VersionId><Code>AccessDenied</Code><Message>locked</Message></Error></DeleteResult>"#;
        let errors = parse_version_delete_result(reply).unwrap();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].version_id.as_deref(), Some("v9"));
        assert_eq!(errors[0].code, "AccessDenied");
    }
}
