//! What a 404 of one object means: a missing bucket, a missing key, or a key that is
//! really a prefix with objects under it. Shared by `stat`, `get`, `cp` and `set-meta`.
//!
//! A HEAD reply has no body, so a 404 HEAD says only `NotFound`, for a missing bucket and a
//! missing key alike. One listing of `KEY/` with max-keys 1 tells them apart and finds the
//! objects under the key; it is sent only after a 404, so success costs nothing.

use crate::address::RemoteUrl;
use crate::client::{self, Client, ServiceError};
use crate::error::Hinted;

/// The command that met the 404: it decides what the hint suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    /// `stat`.
    Stat,
    /// `get` (and `cp` to a local file).
    Get,
    /// `cp` on the server.
    Copy,
    /// `set-meta`.
    SetMeta,
}

/// What to type instead of a command on one object whose key names a prefix with objects.
fn objects_under_hint(verb: Verb, url: &str) -> String {
    match verb {
        Verb::Stat => format!("stat shows one object; list those under it with: objcmd ls {url}"),
        Verb::Get => {
            format!("add -r to download everything under {url} (objcmd ls {url} lists it)")
        }
        Verb::Copy => format!("add -r to copy everything under {url} (objcmd ls {url} lists it)"),
        Verb::SetMeta => {
            format!("add -r to change everything under {url} (objcmd ls {url} lists it)")
        }
    }
}

/// A missing object whose key names a prefix that holds objects: the key's own error
/// (exit 4) under a message and hint that name the prefix.
fn objects_under(prefix_url: String, verb: Verb, key_error: client::Error) -> anyhow::Error {
    anyhow::Error::new(key_error).context(Hinted {
        message: format!("no such object, but objects exist under {prefix_url}"),
        hint: objects_under_hint(verb, &prefix_url),
    })
}

/// The service error of a chain, if any.
fn service_of<'a>(cause: &'a (dyn std::error::Error + 'static)) -> Option<&'a ServiceError> {
    cause
        .downcast_ref::<client::Error>()
        .and_then(client::Error::service)
        .or_else(|| cause.downcast_ref::<ServiceError>())
}

/// Explains a failure of one object at `url`: a 404 of the key becomes NoSuchBucket when
/// the bucket is missing, NoSuchKey otherwise (a HEAD says only NotFound), and names the
/// objects under `KEY/` when there are some. Every other error is returned as it is, and
/// so is this one when the listing cannot tell (no permission to list, say).
pub fn explain(client: &Client, url: &RemoteUrl, verb: Verb, err: anyhow::Error) -> anyhow::Error {
    let Some(service) = err.chain().find_map(service_of) else {
        return err;
    };
    if !matches!(service.code.as_str(), "NotFound" | "NoSuchKey") || url.key.is_empty() {
        return err;
    }
    let prefix = if url.key.ends_with('/') {
        url.key.clone()
    } else {
        format!("{}/", url.key)
    };
    let page = match client.list_objects(&url.bucket, &prefix, None, None, Some(1)) {
        Ok(page) => page,
        // The bucket is what is missing: that listing's own error says so.
        Err(e) if e.is_not_found() => return rebuild(&err, anyhow::Error::new(e)),
        Err(e) => {
            log::info!("cannot tell what is missing at {url}: listing {prefix} failed: {e}");
            return err;
        }
    };
    let empty = page.contents.is_empty() && page.common_prefixes.is_empty();
    if empty && service.code == "NoSuchKey" {
        return err;
    }
    let mut key_error = service.clone();
    key_error.code = "NoSuchKey".to_string();
    let key_error = client::Error::from(key_error);
    let inner = if empty {
        anyhow::Error::new(key_error)
    } else {
        objects_under(url.with_key(prefix).to_string(), verb, key_error)
    };
    rebuild(&err, inner)
}

/// `inner` under the messages `err` put around its service error, outermost first.
fn rebuild(err: &anyhow::Error, inner: anyhow::Error) -> anyhow::Error {
    let contexts: Vec<String> = err
        .chain()
        .take_while(|c| service_of(*c).is_none())
        .map(ToString::to_string)
        .collect();
    contexts
        .into_iter()
        .rev()
        .fold(inner, |e, context| e.context(context))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilding_keeps_the_outer_messages_in_order() {
        let err = anyhow::Error::new(client::Error::from(ServiceError::from_status(404)))
            .context("reading the metadata of s3://b/k")
            .context("copying s3://b/k to s3://b/c");
        let mut key = ServiceError::from_status(404);
        key.code = "NoSuchKey".into();
        let inner = objects_under("s3://b/k/".into(), Verb::Copy, client::Error::from(key));
        let rebuilt = rebuild(&err, inner);
        assert_eq!(
            format!("{rebuilt:#}"),
            "copying s3://b/k to s3://b/c: reading the metadata of s3://b/k: no such object, but objects exist under s3://b/k/: NoSuchKey (HTTP 404)"
        );
        assert_eq!(
            crate::exit::status_of(&rebuilt),
            crate::exit::ExitStatus::NotFound
        );
        assert_eq!(crate::exit::error_fields(&rebuilt).0, "NoSuchKey");
        assert!(
            crate::exit::hint(&rebuilt)
                .unwrap()
                .starts_with("add -r to copy everything under s3://b/k/")
        );
    }
}
