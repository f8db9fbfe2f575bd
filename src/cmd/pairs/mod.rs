//! How `sync` and `check` pair two trees: each side's entries in key order (a local walk, or
//! a listing), and their merge into actions (transfer, compare, delete), streamed, with
//! deletes stopped once a side fails or comes out of order; and in [`compare`], how the
//! entries of one path on both sides are compared ([`flexible`]: with a stored flexible
//! checksum).

pub mod compare;
pub mod flexible;

use std::cmp::Ordering as CmpOrdering;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use super::listing;
use crate::address::{Location, RemoteUrl};
use crate::client::Client;
use crate::error::{LocalNotFound, usage};
use crate::filter::Filter;
use crate::walk::{self, Walked};

/// One side of a sync or check: a directory, or a bucket and prefix (as `dir/`).
pub enum Side {
    /// A directory.
    Local(PathBuf),
    /// A bucket and prefix.
    Remote {
        /// The URL as given.
        url: RemoteUrl,
        /// Its key as a prefix (`dir/`, or empty).
        prefix: String,
    },
}

impl Side {
    /// The path or URL of `rel` on this side, to show.
    pub fn display(&self, rel: &str) -> String {
        match self {
            Side::Local(dir) => dir.join(rel).display().to_string(),
            Side::Remote { url, prefix } => url.with_key(format!("{prefix}{rel}")).to_string(),
        }
    }

    /// The URL of `rel` on a remote side.
    pub fn remote(&self, rel: &str) -> Option<RemoteUrl> {
        match self {
            Side::Remote { url, prefix } => Some(url.with_key(format!("{prefix}{rel}"))),
            Side::Local(_) => None,
        }
    }

    /// The path of `rel` on a local side, or why it cannot be one.
    pub fn local(&self, rel: &str) -> Option<Result<PathBuf, String>> {
        match self {
            Side::Local(dir) => Some(walk::local_path(dir, rel)),
            Side::Remote { .. } => None,
        }
    }
}

/// Whether a side must exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// A missing directory is a missing source (exit 4).
    Required,
    /// Created as needed (a sync's destination).
    Optional,
}

/// Parses one side of `command` (`sync`, `check`): a directory (that must exist if
/// `existing` says so) or a remote prefix.
pub fn side(arg: &str, existing: Existing, command: &str) -> anyhow::Result<Side> {
    match Location::parse(arg)? {
        Location::Remote(url) => Ok(Side::Remote {
            prefix: walk::as_prefix(&url.key),
            url,
        }),
        Location::Local(path) => {
            let path = PathBuf::from(path);
            if path.exists() && !path.is_dir() {
                return Err(usage(format!(
                    "{} is not a directory; {command} works on trees",
                    path.display()
                )));
            }
            if existing == Existing::Required && !path.exists() {
                return Err(anyhow::Error::new(LocalNotFound(format!(
                    "{}: no such directory",
                    path.display()
                ))));
            }
            Ok(Side::Local(path))
        }
        Location::Stdio => Err(usage(format!(
            "{command} works on trees, not stdin or stdout"
        ))),
    }
}

/// One file or object of a side, under its relative path.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Its path relative to the side's top.
    pub rel: String,
    /// Its size.
    pub size: u64,
    /// A file's mtime, or an object's Last-Modified.
    pub time: Option<SystemTime>,
    /// An object's ETag (empty for files).
    pub etag: String,
}

/// What a sync does with what only the destination has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extra {
    /// Keep it.
    Keep,
    /// Delete it (`--delete`).
    Delete,
}

/// What two entries of one path of different sizes may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sizes {
    /// Two objects: another size is another content (to transfer without comparing).
    Exact,
    /// Paired whatever their sizes: `check` reports each pair as the same or differing.
    Paired,
    /// A file and an object: the object may be the file's ciphertext.
    MaybeCiphertext,
}

/// What the merge found for one relative path.
pub enum Action {
    /// Only the source has it, or two objects differ by size: transfer.
    Transfer(Entry),
    /// Both have it with the same size, or a file and an object (which may be stored
    /// encrypted): compare more closely, then transfer or skip.
    Compare(Entry, Entry),
    /// Only the destination has it (with `--delete`).
    Delete(Entry),
    /// Reading a side failed here.
    Failed(anyhow::Error),
}

/// A side's entries in key order: the files of a walk, or the objects of a listing.
pub fn entries<'a>(
    side: &'a Side,
    client: &'a Client,
    filter: &'a Filter,
) -> Box<dyn Iterator<Item = anyhow::Result<Entry>> + 'a> {
    match side {
        Side::Local(dir) => {
            if !dir.exists() {
                return Box::new(std::iter::empty());
            }
            Box::new(walk::walk(dir, filter).map(|w| match w {
                Walked::File(f) => Ok(Entry {
                    rel: f.rel,
                    size: f.size,
                    time: f.mtime,
                    etag: String::new(),
                }),
                Walked::Failed { path, error } => Err(anyhow::anyhow!("{path}: {error}")),
            }))
        }
        Side::Remote { url, prefix } => {
            Box::new(
                listing::listing(client, url, prefix, filter)
                    // "Directory" markers are not files to sync.
                    .filter(|l| {
                        l.as_ref()
                            .map_or(true, |l| !l.rel.is_empty() && !l.rel.ends_with('/'))
                    })
                    .map(|l| {
                        l.map(|l| Entry {
                            rel: l.rel,
                            size: l.object.size,
                            time: l.object.last_modified.map(SystemTime::from),
                            etag: l.object.etag,
                        })
                    }),
            )
        }
    }
}

/// A side that did not come in strictly increasing key order: the merge cannot be trusted
/// from there on, least of all to delete.
#[derive(Debug, thiserror::Error)]
#[error("{0}: listed out of key order; no deletes from here on")]
pub struct OutOfOrder(String);

/// Passes a side's entries on, turning one that does not sort after the previous into an
/// `OutOfOrder` error.
pub fn in_order<'a>(
    side: impl Iterator<Item = anyhow::Result<Entry>> + 'a,
) -> impl Iterator<Item = anyhow::Result<Entry>> + 'a {
    let mut last: Option<String> = None;
    side.map(move |item| {
        let entry = item?;
        if last
            .as_ref()
            .is_some_and(|l| l.as_bytes() >= entry.rel.as_bytes())
        {
            return Err(OutOfOrder(entry.rel).into());
        }
        last = Some(entry.rel.clone());
        Ok(entry)
    })
}

/// Merges the two sides in key order into actions. After a failure on the source side, or
/// either side out of order, no more deletes are planned.
pub fn merge<'a>(
    src: impl Iterator<Item = anyhow::Result<Entry>> + 'a,
    dst: impl Iterator<Item = anyhow::Result<Entry>> + 'a,
    extra: Extra,
    sizes: Sizes,
    deletes_stopped: &'a AtomicBool,
) -> impl Iterator<Item = Action> + 'a {
    let mut src = in_order(src).peekable();
    let mut dst = in_order(dst).peekable();
    let mut source_failed = false;
    std::iter::from_fn(move || {
        loop {
            let order = match (src.peek(), dst.peek()) {
                (None, None) => return None,
                (Some(Err(_)), _) => {
                    source_failed = true;
                    let Some(Err(e)) = src.next() else {
                        unreachable!()
                    };
                    return Some(Action::Failed(e));
                }
                (_, Some(Err(_))) => {
                    let Some(Err(e)) = dst.next() else {
                        unreachable!()
                    };
                    if e.is::<OutOfOrder>() {
                        source_failed = true;
                    }
                    return Some(Action::Failed(e));
                }
                (Some(Ok(_)), None) => CmpOrdering::Less,
                (None, Some(Ok(_))) => CmpOrdering::Greater,
                (Some(Ok(a)), Some(Ok(b))) => a.rel.as_bytes().cmp(b.rel.as_bytes()),
            };
            match order {
                CmpOrdering::Less => return Some(Action::Transfer(src.next()?.ok()?)),
                CmpOrdering::Equal => {
                    let (a, b) = (src.next()?.ok()?, dst.next()?.ok()?);
                    // Between a file and an object, sizes differ when the object is
                    // stored encrypted: only its metadata can tell.
                    return Some(if a.size == b.size || sizes != Sizes::Exact {
                        Action::Compare(a, b)
                    } else {
                        Action::Transfer(a)
                    });
                }
                CmpOrdering::Greater => {
                    let b = dst.next()?.ok()?;
                    if extra == Extra::Delete && !source_failed {
                        return Some(Action::Delete(b));
                    }
                    if extra == Extra::Delete {
                        deletes_stopped.store(true, Ordering::Relaxed);
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(rel: &str, size: u64) -> anyhow::Result<Entry> {
        Ok(Entry {
            rel: rel.into(),
            size,
            time: None,
            etag: String::new(),
        })
    }

    /// The plan between two remote sides.
    fn plan(
        src: Vec<anyhow::Result<Entry>>,
        dst: Vec<anyhow::Result<Entry>>,
        extra: Extra,
    ) -> Vec<String> {
        plan_sides(src, dst, extra, Sizes::Exact)
    }

    fn plan_sides(
        src: Vec<anyhow::Result<Entry>>,
        dst: Vec<anyhow::Result<Entry>>,
        extra: Extra,
        sizes: Sizes,
    ) -> Vec<String> {
        merge(
            src.into_iter(),
            dst.into_iter(),
            extra,
            sizes,
            &AtomicBool::new(false),
        )
        .map(|a| match a {
            Action::Transfer(e) => format!("transfer {}", e.rel),
            Action::Compare(a, _) => format!("compare {}", a.rel),
            Action::Delete(e) => format!("delete {}", e.rel),
            Action::Failed(e) => format!("failed {e}"),
        })
        .collect()
    }

    #[test]
    fn merging_two_sorted_sides() {
        let got = plan(
            vec![e("a", 1), e("b", 2), e("d", 4)],
            vec![e("b", 2), e("c", 3), e("d", 5), e("e", 1)],
            Extra::Delete,
        );
        assert_eq!(
            got,
            [
                "transfer a",
                "compare b",
                "delete c",
                "transfer d",
                "delete e"
            ]
        );
        let got = plan(vec![e("a", 1)], vec![e("z", 1)], Extra::Keep);
        assert_eq!(got, ["transfer a"]);
        // A file and an object of another size may be plaintext and its ciphertext.
        let got = plan_sides(
            vec![e("d", 4)],
            vec![e("d", 32)],
            Extra::Keep,
            Sizes::MaybeCiphertext,
        );
        assert_eq!(got, ["compare d"]);
    }

    #[test]
    fn a_failed_source_stops_deletes() {
        let got = plan(
            vec![e("a", 1), Err(anyhow::anyhow!("listing broke"))],
            vec![e("0", 1), e("m", 1), e("z", 1)],
            Extra::Delete,
        );
        assert_eq!(got, ["delete 0", "transfer a", "failed listing broke"]);
    }

    #[test]
    fn a_side_out_of_order_stops_deletes() {
        // A tree walked as `a/f, a.txt` against a listing `a.txt, a/f` (what a symlinked
        // directory once did): caught at the first entry out of order.
        let got = plan(
            vec![e("a/f", 1), e("a.txt", 1)],
            vec![e("a.txt", 1), e("a/f", 1), e("b", 1)],
            Extra::Delete,
        );
        assert_eq!(
            got,
            [
                "delete a.txt",
                "compare a/f",
                "failed a.txt: listed out of key order; no deletes from here on"
            ]
        );
        let got = plan(
            vec![e("a", 1), e("c", 1)],
            vec![e("b", 1), e("a", 1), e("z", 1)],
            Extra::Delete,
        );
        assert_eq!(
            got,
            [
                "transfer a",
                "delete b",
                "failed a: listed out of key order; no deletes from here on",
                "transfer c"
            ]
        );
    }
}
