//! The listing that feeds recursive work: the objects under a prefix that the filter
//! accepts, page by page, each with its key relative to the prefix.

use crate::address::RemoteUrl;
use crate::client::{Client, ObjectInfo};
use crate::filter::Filter;

/// An object found by a listing, with its key relative to the listed prefix.
pub struct Listed {
    /// The object.
    pub object: ObjectInfo,
    /// Its key after the prefix.
    pub rel: String,
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
