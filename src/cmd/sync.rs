//! `objcmd sync`: make the destination match the source, local to remote, remote to local
//! or remote to remote.
//!
//! Both sides are read in key order (a listing, or a tree walked in the same order) and
//! merged side by side, so memory holds the work in flight, not the trees. What differs is
//! transferred by the worker pool; with `--delete`, what only the destination has is
//! deleted, unless reading the source failed (a half-read source must not empty the
//! destination); an empty source is refused before anything is done, unless
//! `--allow-empty-source` (a mistyped prefix must not empty it either). After Ctrl-C the
//! run ends with what was transferred and what was not done instead of the summary. The
//! comparison rules are in docs/behaviour.md.

use std::cmp::Ordering as CmpOrdering;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use anyhow::Context as _;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::ctx::Ctx;
use super::listing;
use super::object::{self, MTIME_META, PART_SIZE_META, parse_mtime_meta};
use super::options::{Recursive, Writing, directive, filter, upload_options};
use super::record::Op;
use super::tree::{Counts, Decision, Done, DryRun, Planned, Tree};
use crate::address::{Location, RemoteUrl, check_key};
use crate::cli::SyncArgs;
use crate::client::{Client, ObjectMeta, etag_is_md5};
use crate::error::{LocalNotFound, usage};
use crate::exit::{self, ExitStatus, Stated};
use crate::filter::{Filter, Selection};
use crate::transfer::download::Partial;
use crate::transfer::{self, Layout, NoProgress, Overwrite, Progress, Resume, crypt, hex};
use crate::walk::{self, Walked};

/// One side of a sync: a directory, or a bucket and prefix (as `dir/`).
enum Side {
    Local(PathBuf),
    Remote { url: RemoteUrl, prefix: String },
}

/// One file or object of a side, under its relative path.
#[derive(Clone, Debug)]
struct Entry {
    rel: String,
    size: u64,
    /// A file's mtime, or an object's Last-Modified.
    time: Option<SystemTime>,
    /// An object's ETag (empty for files).
    etag: String,
}

/// What a closer comparison decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// The destination holds the source's content: skip.
    Same,
    /// Transfer, replacing the destination as it is stored.
    Transfer(Stored),
}

/// How the destination of a transfer is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stored {
    /// As it is (or there is none yet).
    Plain,
    /// Encrypted on the client: it is replaced encrypted, never with plaintext.
    Encrypted,
}

/// What a sync does with what only the destination has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Extra {
    /// Keep it.
    Keep,
    /// Delete it (`--delete`).
    Delete,
}

/// What two entries of one path of different sizes may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sizes {
    /// Two objects: another size is another content.
    Exact,
    /// A file and an object: the object may be the file's ciphertext.
    MaybeCiphertext,
}

/// Whether the deletes went as planned, or stopped when the source could not be read whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Deletes {
    AsPlanned,
    Stopped,
}

/// Whether a side must exist before the sync.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Existing {
    /// The source: a missing directory is a missing source (exit 4).
    Required,
    /// The destination: created as needed.
    Optional,
}

/// What an object of another size than its file turned out to be.
enum Twin {
    /// Decided without looking further.
    Decided(Verdict),
    /// Stored encrypted, with the file's size once decrypted: compare further (by time),
    /// with its metadata.
    SameSize(ObjectMeta),
}

/// What the merge found for one relative path.
enum Action {
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

fn entries<'a>(
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
struct OutOfOrder(String);

/// Passes a side's entries on, turning one that does not sort after the previous into an
/// `OutOfOrder` error.
fn in_order<'a>(
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
fn merge<'a>(
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
                    return Some(if a.size == b.size || sizes == Sizes::MaybeCiphertext {
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

/// Whole seconds: Last-Modified has no finer precision on every server.
fn secs(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}

/// The sync of one pair of sides.
struct Syncer<'a> {
    ctx: Ctx<'a>,
    src: &'a Side,
    dst: &'a Side,
    checksum: bool,
    dry_run: DryRun,
    /// How objects are written: replaced, and (uploads) with `--continue`'s checkpoints, so
    /// that an upload kept when a sync was interrupted is resumed by the next sync of the
    /// same, unchanged file (the checkpoint checks size and mtime).
    writing: Writing,
    /// The loop, its output and tally: what ended one way or another, and the rest of
    /// what was planned, not done.
    tree: Tree<'a>,
}

impl Syncer<'_> {
    /// The record `op` of this sync's transfers.
    fn op(&self) -> Op {
        match (self.src, self.dst) {
            (Side::Local(_), _) => Op::Put,
            (_, Side::Local(_)) => Op::Get,
            _ => Op::Copy,
        }
    }

    fn display(side: &Side, rel: &str) -> String {
        match side {
            Side::Local(dir) => dir.join(rel).display().to_string(),
            Side::Remote { url, prefix } => url.with_key(format!("{prefix}{rel}")).to_string(),
        }
    }

    fn remote(side: &Side, rel: &str) -> Option<RemoteUrl> {
        match side {
            Side::Remote { url, prefix } => Some(url.with_key(format!("{prefix}{rel}"))),
            Side::Local(_) => None,
        }
    }

    fn local(side: &Side, rel: &str) -> Option<Result<PathBuf, String>> {
        match side {
            Side::Local(dir) => Some(walk::local_path(dir, rel)),
            Side::Remote { .. } => None,
        }
    }

    /// MD5 of a whole local file, or its multipart ETag for parts of `part_size`.
    fn local_etag(path: &Path, part_size: Option<u64>, client: &Client) -> anyhow::Result<String> {
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        let mut buf = Vec::new();
        match part_size {
            None => {
                let mut hasher = <md5::Md5 as md5::Digest>::new();
                let layout = Layout::new(size, 16 << 20);
                for i in 0..layout.count() {
                    let (offset, len) = layout.part(i);
                    transfer::read_range(&file, offset, len, &mut buf, client)?;
                    md5::Digest::update(&mut hasher, &buf);
                }
                Ok(hex(&md5::Digest::finalize(hasher)))
            }
            Some(part) => {
                let layout = Layout::new(size, part);
                let mut md5s = Vec::new();
                for i in 0..layout.count() {
                    let (offset, len) = layout.part(i);
                    md5s.push(transfer::read_range(&file, offset, len, &mut buf, client)?);
                }
                Ok(transfer::multipart_etag(&md5s))
            }
        }
    }

    /// True when an object and a file of the same size hold the same bytes, as far as
    /// `--checksum` can tell; `None` when it cannot tell (an ETag without a recorded part size).
    fn same_content(
        &self,
        object: &RemoteUrl,
        etag: &str,
        path: &Path,
    ) -> anyhow::Result<Option<bool>> {
        let client = self.ctx.client;
        if etag_is_md5(etag) {
            return Ok(Some(
                Self::local_etag(path, None, client)?.eq_ignore_ascii_case(etag),
            ));
        }
        let meta = client.head_object(&object.bucket, &object.key)?;
        let part = meta
            .metadata
            .get(PART_SIZE_META)
            .and_then(|p| p.parse().ok());
        match part {
            Some(part) => Ok(Some(
                Self::local_etag(path, Some(part), client)?.eq_ignore_ascii_case(etag),
            )),
            None => Ok(None),
        }
    }

    /// Decides whether an entry both sides have needs a transfer.
    fn differs(&self, a: &Entry, b: &Entry) -> anyhow::Result<Verdict> {
        match (self.src, self.dst) {
            (Side::Local(_), Side::Remote { .. }) => self.file_and_object(a, b),
            (Side::Remote { .. }, Side::Local(_)) => self.file_and_object(b, a),
            (Side::Remote { .. }, Side::Remote { .. }) => Ok(self.objects_differ(a, b)),
            (Side::Local(_), Side::Local(_)) => unreachable!("refused before"),
        }
    }

    /// Compares a file with the object of the same path: by content with `--checksum`, else
    /// by time; an object of another size may be the file's ciphertext.
    fn file_and_object(&self, file: &Entry, object: &Entry) -> anyhow::Result<Verdict> {
        let (side_local, side_remote) = match self.src {
            Side::Local(_) => (self.src, self.dst),
            Side::Remote { .. } => (self.dst, self.src),
        };
        let url = Self::remote(side_remote, &object.rel).expect("remote side");
        let path = Self::local(side_local, &file.rel)
            .expect("local side")
            .map_err(|why| anyhow::anyhow!(why))?;
        if file.size != object.size {
            return match self.encrypted_twin(file, object, &url, &path)? {
                Twin::Decided(verdict) => Ok(verdict),
                Twin::SameSize(meta) => {
                    let changed = Verdict::Transfer(Stored::Encrypted);
                    self.by_time(file, object, &url, Some(meta), changed)
                }
            };
        }
        let changed = Verdict::Transfer(Stored::Plain);
        if !self.checksum {
            return self.by_time(file, object, &url, None, changed);
        }
        Ok(match self.same_content(&url, &object.etag, &path)? {
            Some(true) => Verdict::Same,
            Some(false) => changed,
            None => {
                log::info!(
                    "{url}: no MD5 to compare (multipart ETag, no recorded part size): transferring"
                );
                changed
            }
        })
    }

    /// A file and an object of different sizes: the object may be stored encrypted, its
    /// ciphertext of another size than the plaintext its metadata describes. Then the file
    /// is compared with that plaintext, and replaces the object encrypted, never as
    /// plaintext.
    fn encrypted_twin(
        &self,
        file: &Entry,
        object: &Entry,
        url: &RemoteUrl,
        path: &Path,
    ) -> anyhow::Result<Twin> {
        let changed = Verdict::Transfer(Stored::Plain);
        // Ciphertext fills whole AES blocks: other sizes need no HEAD.
        if !object.size.is_multiple_of(crate::encryption::BLOCK as u64) {
            return Ok(Twin::Decided(changed));
        }
        let client = self.ctx.client;
        let meta = client.head_object(&url.bucket, &url.key)?;
        if !crypt::is_encrypted(&meta) {
            return Ok(Twin::Decided(changed));
        }
        let changed = Verdict::Transfer(Stored::Encrypted);
        let plain_len = meta.metadata.get(crypt::META_PLAIN_LEN);
        if plain_len.and_then(|l| l.trim().parse().ok()) != Some(file.size) {
            return Ok(Twin::Decided(changed));
        }
        if !self.checksum {
            return Ok(Twin::SameSize(meta));
        }
        let recorded = meta.metadata.get(crypt::META_PLAIN_MD5);
        let local = Self::local_etag(path, None, client)?;
        let same =
            recorded.is_some_and(|r| BASE64.decode(r.trim()).is_ok_and(|r| hex(&r) == local));
        Ok(Twin::Decided(if same { Verdict::Same } else { changed }))
    }

    /// A file and an object of the same (plaintext) size, by time: an upload is the same
    /// when made after the file last changed, a download when the file is no older; within
    /// the same second, the mtime recorded at upload tells. `head` is the object's
    /// metadata, if already fetched.
    fn by_time(
        &self,
        file: &Entry,
        object: &Entry,
        url: &RemoteUrl,
        head: Option<ObjectMeta>,
        changed: Verdict,
    ) -> anyhow::Result<Verdict> {
        let (Some(file_time), Some(object_time)) = (file.time, object.time) else {
            return Ok(changed);
        };
        if matches!(self.src, Side::Local(_)) {
            match secs(file_time).cmp(&secs(object_time)) {
                // Uploaded after the file last changed: the object holds it.
                CmpOrdering::Less => return Ok(Verdict::Same),
                CmpOrdering::Greater => return Ok(changed),
                // Changed in the second of the upload (Last-Modified has whole seconds):
                // only the mtime recorded at upload can tell.
                CmpOrdering::Equal => {}
            }
        } else if secs(file_time) >= secs(object_time) {
            return Ok(Verdict::Same);
        }
        // The file may carry the object's recorded mtime (uploaded from it, or restored on
        // download).
        let meta = match head {
            Some(meta) => meta,
            None => self.ctx.client.head_object(&url.bucket, &url.key)?,
        };
        let recorded = meta
            .metadata
            .get(MTIME_META)
            .and_then(|m| parse_mtime_meta(m));
        let same = recorded.is_some_and(|t| {
            t.duration_since(file_time).unwrap_or_else(|e| e.duration()) <= Duration::from_millis(1)
        });
        Ok(if same { Verdict::Same } else { changed })
    }

    /// Two objects: by ETag with `--checksum` where the ETags can tell, else by time.
    fn objects_differ(&self, a: &Entry, b: &Entry) -> Verdict {
        let changed = Verdict::Transfer(Stored::Plain);
        if self.checksum {
            if a.etag.eq_ignore_ascii_case(&b.etag) {
                return Verdict::Same;
            }
            if etag_is_md5(&a.etag) && etag_is_md5(&b.etag) {
                return changed;
            }
            // A multipart ETag depends on the part sizes: different ETags do not mean
            // different content. Fall back to the times.
            log::info!(
                "{}: ETags {} and {} cannot be compared (multipart): comparing times",
                a.rel,
                a.etag,
                b.etag
            );
        }
        match (a.time, b.time) {
            (Some(src), Some(dst)) if secs(dst) >= secs(src) => Verdict::Same,
            _ => changed,
        }
    }

    /// Transfers one entry; an object it replaces that is stored encrypted is replaced
    /// encrypted (the upload fails without a key rather than store plaintext).
    fn transfer(&self, entry: &Entry, stored: Stored, hidden: &dyn Progress) -> anyhow::Result<()> {
        let ctx = self.ctx;
        let rel = &entry.rel;
        match (self.src, self.dst) {
            (Side::Local(dir), Side::Remote { .. }) => {
                let url = Self::remote(self.dst, rel).expect("remote");
                check_key(&url.key, ctx.client.dialect()).map_err(|why| anyhow::anyhow!(why))?;
                let path = dir.join(rel).display().to_string();
                // As `get` of an encrypted object without a key: a failure (exit 1), found
                // only now, after the listing and a HEAD.
                let encrypted = stored == Stored::Encrypted;
                if encrypted && !ctx.keys.configured() {
                    anyhow::bail!(
                        "{url} is stored encrypted and the profile has no encryption_key_file: sync replaces it only encrypted, never with plaintext"
                    );
                }
                object::upload(
                    Ctx {
                        encrypt: encrypted,
                        ..ctx
                    },
                    &path,
                    &url,
                    &self.writing,
                    hidden,
                )?;
                Ok(())
            }
            (Side::Remote { .. }, Side::Local(_)) => {
                let url = Self::remote(self.src, rel).expect("remote");
                let path = Self::local(self.dst, rel)
                    .expect("local")
                    .map_err(|why| anyhow::anyhow!(why))?;
                object::download(
                    ctx,
                    &url,
                    &path,
                    Overwrite::Replace,
                    Partial::Remove,
                    hidden,
                )?;
                Ok(())
            }
            (Side::Remote { .. }, Side::Remote { .. }) => {
                let from = Self::remote(self.src, rel).expect("remote");
                let to = Self::remote(self.dst, rel).expect("remote");
                object::copy(
                    ctx,
                    &from,
                    Some(entry.size),
                    &to,
                    &self.writing.object,
                    directive(&self.writing.object),
                    Overwrite::Replace,
                )?;
                Ok(())
            }
            (Side::Local(_), Side::Local(_)) => unreachable!("refused before"),
        }
    }

    fn delete(&self, entry: &Entry) -> anyhow::Result<()> {
        match self.dst {
            Side::Remote { .. } => {
                let url = Self::remote(self.dst, &entry.rel).expect("remote");
                self.ctx.client.delete_object(&url.bucket, &url.key)?;
            }
            Side::Local(_) => {
                let path = Self::local(self.dst, &entry.rel)
                    .expect("local")
                    .map_err(|why| anyhow::anyhow!(why))?;
                std::fs::remove_file(&path)
                    .with_context(|| format!("removing {}", path.display()))?;
            }
        }
        Ok(())
    }

    /// Runs one action of the plan. After Ctrl-C, what is still queued is not started:
    /// like what is cut short, it counts as not done.
    fn run_action(&self, action: Action, hidden: &dyn Progress) {
        let cancelled = self.ctx.client.transport().cancelled();
        match action {
            Action::Failed(e) => {
                let root = Self::display(self.src, "");
                self.tree.source_failed(self.op(), &root, e);
            }
            _ if cancelled => {}
            Action::Delete(entry) => self.delete_action(&entry),
            Action::Transfer(entry) => self.transfer_action(entry, None, hidden),
            Action::Compare(a, b) => self.transfer_action(a, Some(b), hidden),
        }
    }

    fn delete_action(&self, entry: &Entry) {
        let target = Self::display(self.dst, &entry.rel);
        let planned = Planned {
            op: Op::Delete,
            src: target.clone(),
            dst: None,
            size: Some(entry.size),
        };
        self.tree.object(
            planned,
            || Ok(Decision::Go(())),
            |()| {
                self.delete(entry)
                    .map_err(|e| e.context(format!("deleting {target}")))?;
                Ok(Done::Done)
            },
        );
    }

    /// Transfers an entry only the source has, or compares it with the destination's
    /// (`other`) first.
    fn transfer_action(&self, entry: Entry, other: Option<Entry>, hidden: &dyn Progress) {
        let (src_text, dst_text) = (
            Self::display(self.src, &entry.rel),
            Self::display(self.dst, &entry.rel),
        );
        let planned = Planned {
            op: self.op(),
            src: src_text.clone(),
            dst: Some(dst_text.clone()),
            size: Some(entry.size),
        };
        let decide = || match &other {
            None => Ok(Decision::Go(Stored::Plain)),
            Some(other) => match self.differs(&entry, other) {
                Ok(Verdict::Same) => Ok(Decision::Settled(Done::UpToDate)),
                Ok(Verdict::Transfer(stored)) => Ok(Decision::Go(stored)),
                Err(e) => Err(e.context(format!("comparing {src_text} with {dst_text}"))),
            },
        };
        self.tree.object(planned, decide, |stored| {
            self.transfer(&entry, stored, hidden)
                .map_err(|e| e.context(format!("syncing {src_text} to {dst_text}")))?;
            Ok(Done::Done)
        });
    }
}

fn side(arg: &str, existing: Existing) -> anyhow::Result<Side> {
    match Location::parse(arg)? {
        Location::Remote(url) => Ok(Side::Remote {
            prefix: walk::as_prefix(&url.key),
            url,
        }),
        Location::Local(path) => {
            let path = PathBuf::from(path);
            if path.exists() && !path.is_dir() {
                return Err(usage(format!(
                    "{} is not a directory; sync works on trees",
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
        Location::Stdio => Err(usage("sync works on trees, not stdin or stdout")),
    }
}

/// Runs `sync`.
pub fn run(args: &SyncArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let Ctx {
        client, printer, ..
    } = ctx;
    let src = side(&args.src, Existing::Required)?;
    let dst = side(&args.dst, Existing::Optional)?;
    if let (Side::Local(_), Side::Local(_)) = (&src, &dst) {
        return Err(usage(
            "sync needs a remote side: one of SRC and DST must be an s3://, oss:// or ks3:// URL",
        ));
    }
    if let (Side::Remote { url: a, .. }, Side::Remote { url: b, .. }) = (&src, &dst)
        && (walk::contains(a, b) || walk::contains(b, a))
    {
        // Each side would list the other: copies copied again, and --delete would delete
        // the source.
        return Err(usage(format!(
            "{} and {} overlap: sync between prefixes where neither contains the other",
            args.src, args.dst
        )));
    }
    let selection = if args.delete {
        Selection::SyncDeletes
    } else {
        Selection::Transfers
    };
    let filter = filter(&args.filter, Recursive::Yes, selection, printer)?;
    let syncer = Syncer {
        ctx,
        src: &src,
        dst: &dst,
        checksum: args.checksum,
        dry_run: DryRun::from(args.dry_run),
        writing: Writing {
            object: upload_options(&args.upload, client.dialect())?,
            overwrite: Overwrite::Replace,
            resume: Resume::Yes,
        },
        tree: Tree::new(ctx, DryRun::from(args.dry_run)),
    };
    let mut src_entries = entries(&src, client, &filter).peekable();
    let mut dst_entries = entries(&dst, client, &filter).peekable();
    if args.delete && !args.allow_empty_source {
        refuse_empty_source(args, &dst, &mut src_entries, &mut dst_entries)?;
    }
    let jobs = ctx.tree_jobs();
    let deletes_stopped = AtomicBool::new(false);
    let sizes = match (&src, &dst) {
        (Side::Remote { .. }, Side::Remote { .. }) => Sizes::Exact,
        _ => Sizes::MaybeCiphertext,
    };
    let extra = if args.delete {
        Extra::Delete
    } else {
        Extra::Keep
    };
    let planned = AtomicUsize::new(0);
    let actions =
        merge(src_entries, dst_entries, extra, sizes, &deletes_stopped).inspect(|action| {
            if !matches!(action, Action::Failed(_)) {
                planned.fetch_add(1, Ordering::Relaxed);
            }
        });
    syncer.tree.run(jobs, actions, |action| {
        syncer.run_action(action, &NoProgress)
    });
    let deletes = match deletes_stopped.into_inner() {
        true => Deletes::Stopped,
        false => Deletes::AsPlanned,
    };
    syncer.finish(planned.into_inner(), extra, deletes)
}

/// How many destination entries an empty-source refusal counts at most: about one listing
/// page, so that refusing costs no more than the first page already read.
const EMPTY_SOURCE_COUNT: usize = 1000;

/// Refuses a `--delete` from an empty source (a mistyped prefix, an empty directory, filters
/// that take nothing) to a destination that has something: it would empty the destination.
/// Only the first entry of each side is read to know, so the listings stay streamed; a
/// source that fails to list is not empty, and its failure stops the deletes anyway.
fn refuse_empty_source<I: Iterator<Item = anyhow::Result<Entry>>>(
    args: &SyncArgs,
    dst: &Side,
    src_entries: &mut std::iter::Peekable<I>,
    dst_entries: &mut std::iter::Peekable<I>,
) -> anyhow::Result<()> {
    if src_entries.peek().is_some() || !matches!(dst_entries.peek(), Some(Ok(_))) {
        return Ok(());
    }
    let count = dst_entries
        .take(EMPTY_SOURCE_COUNT)
        .take_while(Result::is_ok)
        .count();
    Err(empty_source(args, dst, count))
}

/// The refusal of `sync --delete` from an empty source to a destination that has `count`
/// entries (or `EMPTY_SOURCE_COUNT` and more): found after listing, so exit 1.
fn empty_source(args: &SyncArgs, dst: &Side, count: usize) -> anyhow::Error {
    let noun = match dst {
        Side::Local(_) => "file",
        Side::Remote { .. } => "object",
    };
    let what = match count {
        1 => format!("the 1 {noun}"),
        n if n >= EMPTY_SOURCE_COUNT => format!("all {n} or more {noun}s"),
        n => format!("all {n} {noun}s"),
    };
    anyhow::Error::new(Stated {
        message: format!(
            "the source {} is empty (or nothing in it passes the filters): --delete would delete {what} of {}; refused, nothing was changed",
            args.src, args.dst
        ),
        status: ExitStatus::Failure,
        hint: Some(
            "check the source for a typo; to empty the destination on purpose, add --allow-empty-source"
                .to_string(),
        ),
    })
}

impl Syncer<'_> {
    /// Ends the run: the summary on stderr, or after Ctrl-C an error (exit 130) that says
    /// what was transferred and how many of the planned actions were not done.
    fn finish(self, planned: usize, extra: Extra, deletes: Deletes) -> anyhow::Result<ExitStatus> {
        let printer = self.ctx.printer;
        let counts = self.tree.counts();
        let verb = match self.dry_run {
            DryRun::Yes => " would be",
            DryRun::No => "",
        };
        let cancelled = self.ctx.client.transport().cancelled();
        let result = self.tree.finish();
        if cancelled
            || result
                .as_ref()
                .is_err_and(|e| exit::status_of(e) == ExitStatus::Interrupted)
        {
            return Err(interrupted(&result, counts, planned, extra, verb));
        }
        let (transferred, deleted) = (counts.moved, counts.deleted);
        let (same, failed) = (counts.up_to_date, counts.failed);
        if transferred == 0 && deleted == 0 && failed == 0 {
            printer.info(&format!("nothing to do: {same} up to date"));
        } else {
            let mut summary = format!(
                "{transferred}{verb} transferred, {deleted}{verb} deleted, {same} up to date"
            );
            if failed > 0 {
                summary.push_str(&format!(", {failed} failed"));
            }
            printer.info(&summary);
        }
        if deletes == Deletes::Stopped {
            printer.info(
                "deletes skipped: the source could not be read whole, so what it lacks is not known",
            );
        }
        result
    }
}

/// The error an interrupted sync ends with (exit 130): what was transferred (and deleted)
/// and how many of the actions planned were not done. The first upload kept for
/// `--continue` is named first: the batch's error that named it is replaced.
fn interrupted(
    result: &anyhow::Result<ExitStatus>,
    counts: Counts,
    planned: usize,
    extra: Extra,
    verb: &str,
) -> anyhow::Error {
    let mut kept_any = false;
    if let Err(e) = result
        && let Some(kept) = e.downcast_ref::<crate::transfer::upload::KeptUpload>()
    {
        crate::output::eprint(crate::output::Message::Note, &kept.to_string());
        for line in super::record::kept_upload_commands(kept) {
            crate::output::eprint(crate::output::Message::Hint, &line);
        }
        kept_any = true;
    }
    let not_done = planned.saturating_sub(counts.ended);
    let mut message = format!("interrupted: {}{verb} transferred", counts.moved);
    if extra == Extra::Delete {
        message.push_str(&format!(", {}{verb} deleted", counts.deleted));
    }
    if counts.failed > 0 {
        message.push_str(&format!(", {} failed", counts.failed));
    }
    message.push_str(&format!(", {not_done} not done"));
    // Uploads run with --continue's checkpoints: the same sync again resumes them.
    let hint = kept_any.then(|| {
        "run the same sync again to finish: it resumes the kept uploads of files that did not change".to_string()
    });
    anyhow::Error::new(Stated {
        message,
        status: ExitStatus::Interrupted,
        hint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

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
    fn the_empty_source_refusal_names_both_sides_and_the_count() {
        let cli = crate::cli::Cli::try_parse_from([
            "objcmd",
            "sync",
            "--delete",
            "s3://bkt/tpyo/",
            "s3://bkt/mirror/",
        ])
        .unwrap();
        let crate::cli::Command::Sync(args) = &cli.command else {
            panic!("not sync")
        };
        let remote = Side::Remote {
            url: RemoteUrl::parse_required("s3://bkt/mirror/").unwrap(),
            prefix: "mirror/".into(),
        };
        let local = Side::Local(PathBuf::from("dir"));
        let message = |dst: &Side, n: usize| format!("{:#}", empty_source(args, dst, n));
        assert_eq!(
            message(&remote, 7),
            "the source s3://bkt/tpyo/ is empty (or nothing in it passes the filters): --delete would delete all 7 objects of s3://bkt/mirror/; refused, nothing was changed"
        );
        assert!(message(&local, 1).contains("would delete the 1 file of"));
        assert!(message(&remote, 1000).contains("would delete all 1000 or more objects of"));
        let err = empty_source(args, &remote, 3);
        assert_eq!(exit::status_of(&err), ExitStatus::Failure);
        assert!(exit::hint(&err).unwrap().contains("--allow-empty-source"));
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
