//! The sources and destinations of recursive commands: walking a local tree, and mapping
//! keys under a prefix to paths under a directory (and back).
//!
//! Symlinks to files and directories are followed (spec/cli.md); a loop, a dangling link or
//! an unreadable entry is a per-file failure, reported with the others at the end. A file
//! whose name is not UTF-8 cannot become a key and is a per-file failure too. Entries come
//! in the order of the keys they become (UTF-8 byte order of the relative path, as S3
//! lists keys), so a tree and a listing can be merged side by side (`sync`).

use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

use crate::filter::Filter;

/// A file found in a local tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalFile {
    /// Its path relative to the root, with `/` separators.
    pub rel: String,
    /// Its path on disk.
    pub path: PathBuf,
    /// Its size.
    pub size: u64,
    /// Its modification time.
    pub mtime: Option<SystemTime>,
}

/// One step of a walk: a file to take, or an entry that could not be taken.
#[derive(Debug)]
pub enum Walked {
    /// A file.
    File(LocalFile),
    /// An entry that failed (dangling link, loop, no permission, non-UTF-8 name).
    Failed {
        /// The entry's path.
        path: String,
        /// Why.
        error: String,
    },
}

/// Whether an entry will be walked into. walkdir hands the sort entries it has not
/// followed yet, so a symlink to a directory says "symlink": ask what it points to.
fn is_dir(e: &walkdir::DirEntry) -> bool {
    if e.path_is_symlink() {
        std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir())
    } else {
        e.file_type().is_dir()
    }
}

/// Orders directory entries as their keys sort: a directory compares as its name followed
/// by `/`, so `a.txt` (`.` is 0x2E) comes before everything in `a/` (`/` is 0x2F).
fn key_order(a: &walkdir::DirEntry, b: &walkdir::DirEntry) -> std::cmp::Ordering {
    let name = |e: &walkdir::DirEntry| {
        let mut n = e.file_name().as_encoded_bytes().to_vec();
        if is_dir(e) {
            n.push(b'/');
        }
        n
    };
    name(a).cmp(&name(b))
}

/// `a/b/c` for a relative path, or `None` when a component is not UTF-8.
fn rel_string(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    parts.map(|p| p.join("/"))
}

/// The key-relative form of `path` under `root` (a single-file root is its own name), or
/// `None` when it is not UTF-8.
fn rel_of(root: &Path, path: &Path) -> Option<String> {
    let rel_path = path.strip_prefix(root).unwrap_or(path);
    if rel_path.as_os_str().is_empty() {
        path.file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
    } else {
        rel_string(rel_path)
    }
}

/// Walks `root` (a directory, or a single file), following symlinks, keeping what the
/// filter accepts. Lazy: memory holds the directories being read, not the tree.
pub fn walk<'a>(root: &'a Path, filter: &'a Filter) -> impl Iterator<Item = Walked> + 'a {
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by(key_order)
        .into_iter()
        .filter_map(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    // A broken entry the filter (or another shard) would not take is not
                    // this command's failure, nor is a directory it takes nothing from.
                    if let Some(rel) = e.path().and_then(|p| rel_of(root, p))
                        && (!filter.accepts(&rel) || filter.rejects_all_under(&rel))
                    {
                        return None;
                    }
                    let path = e
                        .path()
                        .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                    let error = if let Some(ancestor) = e.loop_ancestor() {
                        format!("symlink loop back to {}", ancestor.display())
                    } else if let Some(io) = e.io_error() {
                        if io.kind() == std::io::ErrorKind::NotFound {
                            "dangling symlink (its target does not exist)".to_string()
                        } else {
                            io.to_string()
                        }
                    } else {
                        e.to_string()
                    };
                    return Some(Walked::Failed { path, error });
                }
            };
            if entry.file_type().is_dir() {
                return None;
            }
            let path = entry.path().to_path_buf();
            let Some(rel) = rel_of(root, &path) else {
                return Some(Walked::Failed {
                    path: path.display().to_string(),
                    error: "the name is not UTF-8, so it cannot be a key".to_string(),
                });
            };
            if !filter.accepts(&rel) {
                return None;
            }
            match entry.metadata() {
                Ok(meta) => Some(Walked::File(LocalFile {
                    rel,
                    size: meta.len(),
                    mtime: meta.modified().ok(),
                    path,
                })),
                Err(e) => Some(Walked::Failed {
                    path: path.display().to_string(),
                    error: e.to_string(),
                }),
            }
        })
}

/// The local path for `rel` (a key relative to a prefix) under `dir`, or why there is none:
/// a key with `.`, `..` or empty segments, or a leading `/`, would write outside the
/// directory or collide with another key, so it is refused.
pub fn local_path(dir: &Path, rel: &str) -> Result<PathBuf, String> {
    if rel.is_empty() {
        return Err("the key is the prefix itself".to_string());
    }
    let mut path = dir.to_path_buf();
    for segment in rel.split('/') {
        if segment.is_empty() || segment == "." || segment == ".." {
            return Err(format!(
                "the key has a {:?} segment, which would not map to a file under {}",
                segment,
                dir.display()
            ));
        }
        if cfg!(windows) && segment.contains('\\') {
            return Err("the key has a backslash, a path separator here".to_string());
        }
        path.push(segment);
    }
    Ok(path)
}

/// A prefix as recursive commands read it: `dir` and `dir/` both mean everything under
/// `dir/` (a trailing slash changes nothing); the bucket root stays empty.
pub fn as_prefix(key: &str) -> String {
    if key.is_empty() || key.ends_with('/') {
        key.to_string()
    } else {
        format!("{key}/")
    }
}

/// Whether the tree under `inner`'s prefix lies inside the tree under `outer`'s prefix,
/// the same bucket (a copy from `outer` into `inner` would list its own output).
pub fn contains(outer: &crate::address::RemoteUrl, inner: &crate::address::RemoteUrl) -> bool {
    outer.bucket == inner.bucket && as_prefix(&inner.key).starts_with(&as_prefix(&outer.key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(root: &Path, filter: &Filter) -> Vec<String> {
        walk(root, filter)
            .map(|w| match w {
                Walked::File(f) => f.rel,
                Walked::Failed { path, error } => format!("FAILED {path}: {error}"),
            })
            .collect()
    }

    #[test]
    fn walks_in_order_with_relative_keys() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        std::fs::create_dir_all(root.join("empty-dir")).unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("b/c/d.txt"), "d").unwrap();
        std::fs::write(root.join("b/é.txt"), "").unwrap();
        assert_eq!(
            files(root, &Filter::default()),
            ["a.txt", "b/c/d.txt", "b/é.txt"]
        );
        let only = Filter::new(&[(crate::filter::Take::Exclude, "b/c/*".into())], None).unwrap();
        assert_eq!(files(root, &only), ["a.txt", "b/é.txt"]);
        assert_eq!(files(&root.join("a.txt"), &Filter::default()), ["a.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_bad_ones_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("tree");
        std::fs::create_dir_all(root.join("real")).unwrap();
        std::fs::write(root.join("real/f"), "f").unwrap();
        std::os::unix::fs::symlink(root.join("real"), root.join("linked")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("dangling")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("real/loop")).unwrap();
        let got = files(&root, &Filter::default());
        assert!(
            got.iter()
                .any(|s| s.starts_with("FAILED") && s.contains("dangling symlink")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|s| s.starts_with("FAILED") && s.contains("symlink loop")),
            "{got:?}"
        );
        assert!(got.contains(&"linked/f".to_string()), "{got:?}");
        assert!(got.contains(&"real/f".to_string()), "{got:?}");
    }

    #[test]
    fn trees_come_in_key_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/b"), "").unwrap();
        std::fs::write(root.join("a.txt"), "").unwrap();
        std::fs::write(root.join("a0"), "").unwrap();
        let got = files(root, &Filter::default());
        let mut sorted = got.clone();
        sorted.sort();
        assert_eq!(got, sorted);
        assert_eq!(got, ["a.txt", "a/b", "a0"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_directory_sorts_as_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir_all(&real).unwrap();
        std::fs::write(real.join("f"), "").unwrap();
        let root = dir.path().join("tree");
        std::fs::create_dir_all(&root).unwrap();
        std::os::unix::fs::symlink(&real, root.join("a")).unwrap();
        std::fs::write(root.join("a.txt"), "").unwrap();
        assert_eq!(files(&root, &Filter::default()), ["a.txt", "a/f"]);
    }

    #[cfg(unix)]
    #[test]
    fn broken_entries_the_filter_drops_are_not_failures() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("skip")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("skip/dangling")).unwrap();
        std::fs::write(root.join("keep"), "").unwrap();
        let filter =
            Filter::new(&[(crate::filter::Take::Exclude, "skip/**".into())], None).unwrap();
        assert_eq!(files(root, &filter), ["keep"]);
        let got = files(root, &Filter::default());
        assert!(got.iter().any(|s| s.starts_with("FAILED")), "{got:?}");
        // A directory that cannot be walked (here a loop back to the root), excluded by
        // its name with a trailing `/`, which matches only what is under it.
        std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
        let filter = Filter::new(
            &[
                (crate::filter::Take::Exclude, "skip/".into()),
                (crate::filter::Take::Exclude, "loop/".into()),
            ],
            None,
        )
        .unwrap();
        assert_eq!(files(root, &filter), ["keep"]);
    }

    #[test]
    fn keys_map_to_paths_inside_the_directory_only() {
        let dir = Path::new("/dst");
        assert_eq!(
            local_path(dir, "a/b.txt").unwrap(),
            Path::new("/dst/a/b.txt")
        );
        assert_eq!(local_path(dir, "中文/x").unwrap(), Path::new("/dst/中文/x"));
        for bad in [
            "../etc/passwd",
            "a/../../b",
            "/abs",
            "a//b",
            "./a",
            "a/",
            "",
        ] {
            assert!(local_path(dir, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn prefixes() {
        assert_eq!(as_prefix(""), "");
        assert_eq!(as_prefix("dir"), "dir/");
        assert_eq!(as_prefix("dir/"), "dir/");
    }
}
