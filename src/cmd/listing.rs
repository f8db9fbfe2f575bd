//! The listing that feeds recursive work: the objects under a prefix that the filter
//! accepts, page by page, each with its key relative to the prefix; and the fields that
//! `ls` and `ls --all-versions` print of each entry.

use jiff::Timestamp;
use serde_json::json;

use super::tree::Weight;
use crate::address::RemoteUrl;
use crate::client::{Client, ObjectInfo};
use crate::filter::Filter;
use crate::units::human_size;
use crate::walk::Walked;

/// `2026-11-20 12:00`, in UTC (as the server reports it), or blanks when unknown.
pub(super) fn date_time(t: Option<Timestamp>) -> String {
    match t {
        Some(t) => t.strftime("%Y-%m-%d %H:%M").to_string(),
        None => format!("{:16}", ""),
    }
}

/// RFC 3339 for JSON, or null.
pub(super) fn rfc3339(t: Option<Timestamp>) -> serde_json::Value {
    t.map_or(serde_json::Value::Null, |t| json!(t.to_string()))
}

/// A size in bytes, or human (`-H`).
pub(super) fn size_text(size: u64, human: bool) -> String {
    if human {
        human_size(size)
    } else {
        size.to_string()
    }
}

/// An object found by a listing, with its key relative to the listed prefix.
pub struct Listed {
    /// The object.
    pub object: ObjectInfo,
    /// Its key after the prefix.
    pub rel: String,
}

/// What the "directory" marker objects (keys ending in `/`, and the prefix itself) are to
/// a tree command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markers {
    /// Objects like the others (copied, changed).
    Objects,
    /// Passed over (a download makes directories from the files inside them).
    Passed,
}

impl Listed {
    /// Whether this is a "directory" marker object.
    pub fn is_marker(&self) -> bool {
        self.rel.is_empty() || self.rel.ends_with('/')
    }
}

/// What an item of a listing weighs in a tree's progress: its object and size (a failed
/// page counts as one failure).
pub fn weight(item: &anyhow::Result<Listed>, markers: Markers) -> Weight {
    match item {
        Ok(listed) if markers == Markers::Passed && listed.is_marker() => Weight {
            objects: 0,
            bytes: Some(0),
        },
        Ok(listed) => Weight::object(Some(listed.object.size)),
        Err(_) => Weight::object(Some(0)),
    }
}

/// What an item of a walk weighs in a tree's progress.
pub fn walked_weight(item: &Walked) -> Weight {
    match item {
        Walked::File(file) => Weight::object(Some(file.size)),
        Walked::Failed { .. } => Weight::object(Some(0)),
    }
}

/// The objects under `prefix` (of `url`'s bucket) that the filter accepts, fetched page by page as the
/// iterator advances; a listing error ends it with one `Err`.
pub fn listing<'a>(
    client: &'a Client,
    url: &'a RemoteUrl,
    prefix: &'a str,
    filter: &'a Filter,
) -> impl Iterator<Item = anyhow::Result<Listed>> + 'a {
    client
        .list_objects_pages(&url.bucket, prefix, None)
        .flat_map(move |page| -> Vec<anyhow::Result<Listed>> {
            match page {
                Ok(page) => page
                    .objects
                    .into_iter()
                    .filter_map(|object| {
                        let rel = object.key.strip_prefix(prefix)?.to_string();
                        filter.accepts(&rel).then_some(Ok(Listed { object, rel }))
                    })
                    .collect(),
                Err(e) => vec![Err(
                    anyhow::Error::new(e).context(format!("listing {}", url.with_key(prefix)))
                )],
            }
        })
}
