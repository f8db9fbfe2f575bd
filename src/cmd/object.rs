//! The one-object operations that `put`, `get`, `cp`, `mv`-like commands and `sync` are
//! made of: upload a file, download an object, copy on the server (keeping what decrypts
//! an encrypted object), and the modification time kept in metadata.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;

use super::ctx::Ctx;
use super::options::{Writing, directive};
use crate::address::RemoteUrl;
use crate::client::{Client, MetadataDirective, PutOptions};
use crate::error::usage;
use crate::transfer::crypt::KeySource;
use crate::transfer::download::{FileDownload, Partial};
use crate::transfer::{
    Downloaded, Layout, MAX_OBJECT_SIZE, Overwrite, Progress, Resume, UploadOutcome, Uploader,
    download_to_file,
};
pub use crate::transfer::{MTIME_META, PART_SIZE_META, mtime_meta, parse_mtime_meta};

/// The Content-Type to send: the flag's, or one guessed from the first of `names` (the
/// local file's, then the key) whose extension is known.
pub fn content_type(explicit: &Option<String>, names: &[&str]) -> String {
    explicit.clone().unwrap_or_else(|| {
        names
            .iter()
            .find_map(|name| mime_guess::from_path(name).first_raw())
            .unwrap_or("application/octet-stream")
            .to_string()
    })
}

/// Whether an object exists, for `--no-clobber`.
pub fn exists(client: &Client, url: &RemoteUrl) -> anyhow::Result<bool> {
    match client.head_object(&url.bucket, &url.key) {
        Ok(_) => Ok(true),
        Err(e) if e.is_not_found() => Ok(false),
        Err(e) => Err(anyhow::Error::new(e).context(format!("checking whether {url} exists"))),
    }
}

/// True when a write was refused because the object exists: the server honoured the
/// conditional header `--no-clobber` sends ([`crate::client::Overwrite::Never`]). The object
/// appeared between the HEAD check and the write; that is the same skip as the one the
/// check gives (a multipart upload refused at Complete has been aborted by then).
fn taken(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<crate::client::Error>()
            .is_some_and(|e| e.is_taken())
    })
}

/// What a write with `overwrite` came to: `None` when the server refused to replace the
/// object that appeared meanwhile ([`taken`]).
fn unless_taken<T>(
    result: anyhow::Result<T>,
    overwrite: Overwrite,
    dst: &RemoteUrl,
) -> anyhow::Result<Option<T>> {
    match result {
        Ok(done) => Ok(Some(done)),
        Err(e) if overwrite == Overwrite::Never && taken(&e) => {
            log::info!("{dst} appeared meanwhile; the server refused to replace it (--no-clobber)");
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Uploads a local file (or stdin, `-`) to `dst`, storing its modification time; `None`
/// when `--no-clobber` found the key taken (by the HEAD check, or by the server refusing
/// the conditional write).
pub fn upload(
    ctx: Ctx<'_>,
    src: &str,
    dst: &RemoteUrl,
    writing: &Writing,
    bar: &dyn Progress,
) -> anyhow::Result<Option<UploadOutcome>> {
    if writing.overwrite == Overwrite::Never && exists(ctx.client, dst)? {
        return Ok(None);
    }
    let encrypt = if ctx.encrypt {
        Some(encryption_key(ctx.keys)?)
    } else {
        None
    };
    let mut options = stored_options(ctx, src, dst, &writing.object, encrypt.is_some());
    options.overwrite = writing.overwrite;
    refuse_source(src, writing.resume)?;
    let uploader = Uploader {
        client: ctx.client,
        bucket: &dst.bucket,
        key: &dst.key,
        options,
        tuning: ctx.tuning,
        resume: writing.resume,
        encrypt,
        bar,
    };
    let outcome = if src == "-" {
        uploader.upload_stdin()
    } else {
        uploader.upload_file(Path::new(src))
    };
    unless_taken(outcome, writing.overwrite, dst)
}

/// The options an upload of `src` is stored with: the Content-Type guessed from the file's
/// name (else the key's), the file's mtime, and the part size of one sent in parts (of
/// the ciphertext, when encrypting), which `sync --checksum` and verified gets need.
fn stored_options(
    ctx: Ctx<'_>,
    src: &str,
    dst: &RemoteUrl,
    object: &PutOptions,
    encrypted: bool,
) -> PutOptions {
    let mut options = object.clone();
    let names: &[&str] = if src == "-" {
        &[&dst.key]
    } else {
        &[src, &dst.key]
    };
    options.content_type = Some(content_type(&options.content_type, names));
    if src != "-"
        && let Ok(meta) = std::fs::metadata(src)
        && let Ok(modified) = meta.modified()
    {
        options
            .metadata
            .push((MTIME_META.to_string(), mtime_meta(modified)));
        let stored = match encrypted {
            true => crate::encryption::stored_len(meta.len()),
            false => meta.len(),
        };
        if stored > ctx.tuning.part_size {
            let layout = Layout::new(stored, ctx.tuning.part_size);
            options
                .metadata
                .push((PART_SIZE_META.to_string(), layout.part_size.to_string()));
        }
    }
    options
}

/// The key `--encrypt` needs.
fn encryption_key(keys: &KeySource) -> anyhow::Result<&crate::encryption::Key> {
    keys.get()?.ok_or_else(|| {
        usage(
            "--encrypt needs a key: set encryption_key_file in the profile (`objcmd config gen-key FILE` makes one)",
        )
    })
}

/// The usage errors of an upload's source that are known before it starts (exit 2): a
/// directory, an object over 5 TiB, `--continue` of stdin. (The engine refuses them too,
/// as plain errors, should the source change in between.)
fn refuse_source(src: &str, resume: Resume) -> anyhow::Result<()> {
    if src == "-" {
        return match resume {
            Resume::Yes => Err(usage(
                "--continue resumes file uploads; stdin cannot be read again",
            )),
            Resume::No => Ok(()),
        };
    }
    // What cannot be read is the engine's to report, as it opens the file.
    let Ok(meta) = std::fs::metadata(src) else {
        return Ok(());
    };
    if meta.is_dir() {
        return Err(usage(format!(
            "{src} is a directory: use -r to upload a tree"
        )));
    }
    if meta.len() > MAX_OBJECT_SIZE {
        return Err(usage(format!(
            "{src} is {} bytes; the largest object is 5 TiB",
            meta.len()
        )));
    }
    Ok(())
}

/// Downloads `src` to the file `target`, creating its directory; `None` when
/// `--no-clobber` found the file there. `partial` says what becomes of a partial download
/// that stops early.
pub fn download(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    target: &Path,
    overwrite: Overwrite,
    partial: Partial,
    bar: &dyn Progress,
) -> anyhow::Result<Option<Downloaded>> {
    if overwrite == Overwrite::Never && target.symlink_metadata().is_ok() {
        return Ok(None);
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    download_to_file(&FileDownload {
        client: ctx.client,
        bucket: &src.bucket,
        key: &src.key,
        target,
        overwrite,
        partial,
        tuning: ctx.tuning,
        keys: ctx.decryption(),
        bar,
    })
    .map(Some)
}

/// Copies `src` (of `size` bytes, if known) to `dst` on the server: CopyObject up to the
/// copy limit, parallel UploadPartCopy above it. `None` when `--no-clobber` found `dst`
/// (by the HEAD check, or by the server refusing the conditional write).
pub fn copy(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    size: Option<u64>,
    dst: &RemoteUrl,
    options: &PutOptions,
    directive: MetadataDirective,
    overwrite: Overwrite,
) -> anyhow::Result<Option<u64>> {
    if overwrite == Overwrite::Never && exists(ctx.client, dst)? {
        return Ok(None);
    }
    let mut options = options.clone();
    options.overwrite = overwrite;
    let size = match (size, directive) {
        (Some(s), MetadataDirective::Copy) => s,
        _ => {
            let meta = ctx
                .client
                .head_copy_source(&src.bucket, &src.key)
                .with_context(|| format!("reading the metadata of {src}"))?;
            if directive == MetadataDirective::Replace {
                keep_stored_bytes_meta(&mut options, &meta.metadata);
            }
            meta.size
        }
    };
    let copied = copy_on_server(ctx, src, size, dst, &options, directive);
    unless_taken(copied.map(|()| size), overwrite, dst)
}

/// The copy itself, `options` sent as they are: CopyObject up to the copy threshold, a
/// multipart copy (UploadPartCopy, its own part size recorded) above it.
pub fn copy_on_server(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    size: u64,
    dst: &RemoteUrl,
    options: &PutOptions,
    directive: MetadataDirective,
) -> anyhow::Result<()> {
    let source = (src.bucket.as_str(), src.key.as_str());
    let target = (dst.bucket.as_str(), dst.key.as_str());
    if size <= ctx.tuning.copy_threshold {
        ctx.client.copy_object(source, target, directive, options)?;
        return Ok(());
    }
    crate::transfer::copy::multipart_copy(
        ctx.client, source, target, size, directive, options, ctx.tuning,
    )?;
    Ok(())
}

/// Copies one object on the server as a command's options say (`cp`, `mv`): the source's
/// type and metadata kept, or replaced (REPLACE) with those given; `None` when
/// `--no-clobber` found `dst` taken.
pub fn copy_as_written(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    size: Option<u64>,
    dst: &RemoteUrl,
    writing: &Writing,
) -> anyhow::Result<Option<u64>> {
    let mut options = writing.object.clone();
    let directive = directive(&options);
    if directive == MetadataDirective::Replace && options.content_type.is_none() {
        options.content_type = Some(content_type(&None, &[&dst.key]));
    }
    copy(ctx, src, size, dst, &options, directive, writing.overwrite)
        .with_context(|| format!("copying {src} to {dst}"))
}

/// Metadata that describes the stored bytes rather than the user's labels: new metadata
/// (REPLACE) must not drop it, or an encrypted copy could never be decrypted again.
const STORED_BYTES_META: [&str; 5] = [
    crate::transfer::crypt::META_KEY,
    crate::transfer::crypt::META_IV,
    crate::transfer::crypt::META_PLAIN_LEN,
    crate::transfer::crypt::META_PLAIN_MD5,
    MTIME_META,
];

/// Adds to `options` the source's [`STORED_BYTES_META`] that the user did not set.
fn keep_stored_bytes_meta(options: &mut PutOptions, source: &BTreeMap<String, String>) {
    for name in STORED_BYTES_META {
        let set = options
            .metadata
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case(name));
        if let (false, Some(value)) = (set, source.get(name)) {
            options.metadata.push((name.to_string(), value.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_guessed_from_the_key() {
        assert_eq!(content_type(&None, &["a/b.json"]), "application/json");
        assert_eq!(
            content_type(&None, &["photo.jpg", "key"]),
            "image/jpeg",
            "the local file's name first"
        );
        assert_eq!(
            content_type(&None, &["noext", "page.html"]),
            "text/html",
            "then the key's"
        );
        assert_eq!(content_type(&None, &["noext"]), "application/octet-stream");
        assert_eq!(content_type(&Some("x/y".into()), &["a.json"]), "x/y");
    }
}
