//! Object versions: ListObjectVersions (`?versions`), streamed page by page with both
//! markers (`key-marker`, `version-id-marker`), and DeleteObjects naming version ids.
//! S3, OSS and KS3 share the sub-resource, the parameters and the XML (oss2
//! `list_object_versions`, ks3sdk `get_all_versions`).

use jiff::Timestamp;
use reqwest::Method;

use super::batch::MAX_DELETE_KEYS;
use super::request::Request;
use super::xml::{self, VersionDeleteError};
use super::{Client, Error, parse_timestamp, unquote_etag};

/// A version of an object, or a delete marker, from a listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectVersion {
    /// The key.
    pub key: String,
    /// The version id (`null` for an object written while versioning was off).
    pub version_id: String,
    /// The current version of its key.
    pub is_latest: bool,
    /// A delete marker, not a version with data.
    pub delete_marker: bool,
    /// Size in bytes (0 for a delete marker).
    pub size: u64,
    /// Last-modified time, if the server said.
    pub last_modified: Option<Timestamp>,
    /// ETag without its quotes (empty for a delete marker).
    pub etag: String,
    /// Storage class (`STANDARD` when the server leaves it out; empty for a marker).
    pub storage_class: String,
}

/// One page of a version listing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionsPage {
    /// Versions and delete markers, by key, newest first.
    pub versions: Vec<ObjectVersion>,
    /// Common prefixes, each ending in the delimiter.
    pub prefixes: Vec<String>,
}

/// Where a version listing goes on from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Markers {
    key: Option<String>,
    version_id: Option<String>,
}

impl Client {
    /// ListObjectVersions: one page under `prefix`, after the markers.
    fn list_object_versions(
        &self,
        bucket: &str,
        prefix: &str,
        delimiter: Option<&str>,
        markers: &Markers,
    ) -> Result<xml::ListVersionsResult, Error> {
        let mut req = Request::new("ListObjectVersions", Method::GET, Some(bucket), "")
            .query("versions", "")
            .query("encoding-type", "url");
        if !prefix.is_empty() {
            req = req.query("prefix", prefix);
        }
        if let Some(d) = delimiter {
            req = req.query("delimiter", d);
        }
        if let Some(k) = &markers.key {
            req = req.query("key-marker", k.as_str());
        }
        if let Some(v) = &markers.version_id {
            req = req.query("version-id-marker", v.as_str());
        }
        let body = self.send_text(&req)?.body;
        xml::parse_list_versions(&body).map_err(|e| Self::invalid("ListObjectVersions", e))
    }

    /// Every page of ListObjectVersions under `prefix`, fetched lazily one at a time.
    pub fn list_object_versions_pages<'a>(
        &'a self,
        bucket: &'a str,
        prefix: &'a str,
        delimiter: Option<&'a str>,
    ) -> VersionsPages<'a> {
        VersionsPages {
            client: self,
            bucket,
            prefix,
            delimiter,
            markers: Markers::default(),
            done: false,
        }
    }

    /// DeleteObjects (quiet) naming versions: up to 1,000 (key, version) pairs; a pair
    /// without a version deletes the current one. Returns the ones that failed.
    pub fn delete_object_versions(
        &self,
        bucket: &str,
        objects: &[(&str, Option<&str>)],
    ) -> Result<Vec<VersionDeleteError>, Error> {
        debug_assert!(objects.len() <= MAX_DELETE_KEYS);
        let text = self.send_delete_objects(bucket, xml::delete_object_versions(objects))?;
        xml::parse_version_delete_result(&text).map_err(|e| Self::invalid("DeleteObjects", e))
    }
}

/// The pages of a version listing, fetched as the iterator advances.
pub struct VersionsPages<'a> {
    client: &'a Client,
    bucket: &'a str,
    prefix: &'a str,
    delimiter: Option<&'a str>,
    markers: Markers,
    done: bool,
}

impl VersionsPages<'_> {
    /// Moves the markers on after `page`, or ends the listing; a server that says "more"
    /// without moving forward would loop forever, so that is an error.
    fn advance(&mut self, page: &xml::ListVersionsResult) -> Result<(), Error> {
        if !page.is_truncated {
            self.done = true;
            return Ok(());
        }
        let next = Markers {
            key: page.next_key_marker.clone(),
            version_id: page.next_version_id_marker.clone(),
        };
        if next.key.is_none() || next == self.markers {
            self.done = true;
            return Err(Client::invalid(
                "ListObjectVersions",
                format!(
                    "the listing did not advance past key marker {:?}, version marker {:?}",
                    next.key, next.version_id
                ),
            ));
        }
        self.markers = next;
        Ok(())
    }
}

impl Iterator for VersionsPages<'_> {
    type Item = Result<VersionsPage, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let page = match self.client.list_object_versions(
            self.bucket,
            self.prefix,
            self.delimiter,
            &self.markers,
        ) {
            Ok(page) => page,
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        if let Err(e) = self.advance(&page) {
            return Some(Err(e));
        }
        let versions = page
            .entries
            .into_iter()
            .map(|v| ObjectVersion {
                size: v.size,
                last_modified: parse_timestamp(&v.last_modified),
                etag: unquote_etag(&v.etag),
                storage_class: match (v.storage_class.is_empty(), v.delete_marker) {
                    (true, false) => "STANDARD".to_string(),
                    _ => v.storage_class,
                },
                key: v.key,
                version_id: v.version_id,
                is_latest: v.is_latest,
                delete_marker: v.delete_marker,
            })
            .collect();
        Some(Ok(VersionsPage {
            versions,
            prefixes: page.common_prefixes,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_server::{self, Reply};
    use super::super::{Dialect, SignatureVersion};
    use super::*;

    fn client(port: u16, dialect: Dialect) -> Client {
        let creds = Some(test_server::credentials(None));
        Client::new(test_server::config(
            port,
            dialect,
            SignatureVersion::V2,
            creds,
        ))
        .unwrap()
    }

    fn page(truncated: bool, next_key: &str, next_version: &str) -> Reply {
        let body = format!(
            "<ListVersionsResult><IsTruncated>{truncated}</IsTruncated><NextKeyMarker>{next_key}</NextKeyMarker><NextVersionIdMarker>{next_version}</NextVersionIdMarker><Version><Key>k</Key><VersionId>v</VersionId><IsLatest>true</IsLatest><Size>1</Size></Version></ListVersionsResult>"
        );
        Reply::status(200, &[], &body)
    }

    #[test]
    fn pages_follow_both_markers_and_stop_where_they_do_not_move() {
        let (port, seen) = test_server::serve(vec![page(true, "k", "v1"), page(true, "k", "v1")]);
        let client = client(port, Dialect::Oss);
        let mut pages = client.list_object_versions_pages("b", "p/", None);
        assert_eq!(pages.next().unwrap().unwrap().versions.len(), 1);
        let stuck = pages.next().unwrap().unwrap_err();
        assert!(stuck.to_string().contains("did not advance"), "{stuck}");
        assert!(pages.next().is_none());
        let first = seen.recv().unwrap();
        let line = first.request_line();
        assert!(
            line.contains("versions") && line.contains("prefix=p%2F"),
            "{line}"
        );
        assert!(!line.contains("key-marker"), "{line}");
        let second = seen.recv().unwrap();
        let line = second.request_line();
        assert!(
            line.contains("key-marker=k") && line.contains("version-id-marker=v1"),
            "{line}"
        );
    }

    #[test]
    fn a_pinned_client_names_its_version_on_object_requests() {
        let (port, seen) = test_server::serve(vec![
            Reply::status(200, &[("x-oss-version-id", "v7")], ""),
            Reply::status(204, &[], ""),
        ]);
        let client = client(port, Dialect::Oss).at_version(Some("v7"));
        let meta = client.head_object("b", "k").unwrap();
        assert_eq!(meta.state.version_id.as_deref(), Some("v7"));
        client.delete_object("b", "k").unwrap();
        for seen in [seen.recv().unwrap(), seen.recv().unwrap()] {
            let line = seen.request_line();
            assert!(line.contains("/k?versionId=v7"), "{line}");
        }
        assert_eq!(client.at_version(None).version(), None);
    }
}
