//! `objcmd set-meta`: change objects' user metadata, Content-Type, storage class or ACL in
//! place, by a copy of each object onto itself with REPLACE (a multipart copy above the
//! copy threshold, as `cp` makes it). A REPLACE copy keeps nothing by itself, so every
//! property not named is read first and sent again: the other user metadata, objcmd's own
//! (`mtime`, part size), what decrypts an encrypted object, the stored headers
//! (Cache-Control...), the storage class and the canned ACL.

use anyhow::Context as _;

use super::ctx::Ctx;
use super::listing::{self, Markers};
use super::missing::{self, Verb};
use super::object;
use super::options::{Recursive, filter, upload_options};
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Decision, Done, DryRun, Planned, Tree};
use crate::address::RemoteUrl;
use crate::cli::{SetMetaArgs, UploadArgs};
use crate::client::{Dialect, MetadataDirective, ObjectMeta, Overwrite, PutOptions};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::{Filter, Selection};
use crate::transfer::crypt;
use crate::walk;

/// The metadata that decrypts an object objcmd (or the KS3 SDK) encrypted: changing or
/// deleting any of it would leave the object undecryptable, so it is refused.
const ENCRYPTION_META: [&str; 4] = [
    crypt::META_KEY,
    crypt::META_IV,
    crypt::META_PLAIN_LEN,
    crypt::META_PLAIN_MD5,
];

/// What to change, from the flags; everything else is kept.
struct Change {
    /// `--content-type`, `--storage-class`, `--acl`, `--meta` and `--header`, parsed as
    /// `put` parses them.
    set: PutOptions,
    /// The user metadata to remove (`--delete-meta`), lower-case as servers return names.
    delete: Vec<String>,
}

impl Change {
    /// Parses the flags; asking for no change at all is a usage error (exit 2).
    fn parse(args: &SetMetaArgs, dialect: Dialect) -> anyhow::Result<Change> {
        let upload = UploadArgs {
            acl: args.acl.clone(),
            content_type: args.content_type.clone(),
            meta: args.meta.clone(),
            storage_class: args.storage_class.clone(),
            header: args.header.clone(),
            tag: Vec::new(),
        };
        let set = upload_options(&upload, dialect)?;
        let delete = args
            .delete_meta
            .iter()
            .map(|name| name.trim().to_ascii_lowercase())
            .collect::<Vec<_>>();
        if let Some(bad) = delete.iter().find(|name| name.is_empty()) {
            return Err(usage(format!("invalid --delete-meta {bad:?}: give a key")));
        }
        if let Some((name, _)) = set.metadata.iter().find(|(n, _)| delete.contains(n)) {
            return Err(usage(format!(
                "--meta and --delete-meta both name {name:?}: give one"
            )));
        }
        let nothing = set.content_type.is_none()
            && set.storage_class.is_none()
            && set.acl.is_none()
            && set.metadata.is_empty()
            && set.headers.is_empty()
            && delete.is_empty();
        if nothing {
            return Err(usage(
                "set-meta changes nothing without --meta, --delete-meta, --content-type, --storage-class, --acl or --header",
            ));
        }
        Ok(Change { set, delete })
    }

    /// Whether the metadata `name` is set or deleted by this change.
    fn names(&self, name: &str) -> bool {
        self.delete.iter().any(|d| d.eq_ignore_ascii_case(name))
            || self
                .set
                .metadata
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    /// The options of the copy of `url`, whose metadata is `meta`: what the flags name,
    /// and everything else as it is. `acl` is the object's canned ACL when `--acl` is not
    /// given.
    fn options(
        &self,
        url: &RemoteUrl,
        meta: &ObjectMeta,
        acl: Option<String>,
    ) -> anyhow::Result<PutOptions> {
        if let Some(name) = ENCRYPTION_META.iter().find(|name| self.names(name))
            && crypt::is_encrypted(meta)
        {
            anyhow::bail!(
                "{url} is encrypted and its {name:?} metadata decrypts it: changing it would leave the object undecryptable"
            );
        }
        let mut metadata: Vec<(String, String)> = meta
            .metadata
            .iter()
            .filter(|(name, _)| !self.names(name))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        metadata.extend(self.set.metadata.iter().cloned());
        let mut headers: Vec<(String, String)> = meta
            .stored_headers
            .iter()
            .filter(|(name, _)| {
                !self
                    .set
                    .headers
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case(name))
            })
            .cloned()
            .collect();
        headers.extend(self.set.headers.iter().cloned());
        Ok(PutOptions {
            content_type: self.set.content_type.clone().or(meta.content_type.clone()),
            content_md5: None,
            acl: self.set.acl.clone().or(acl),
            // The default class is left out, as an upload leaves it out.
            storage_class: self.set.storage_class.clone().or_else(|| {
                (!meta.storage_class.eq_ignore_ascii_case("STANDARD"))
                    .then(|| meta.storage_class.clone())
            }),
            metadata,
            headers,
            // A copy onto itself replaces the object by design.
            overwrite: Overwrite::Replace,
            checksum: None,
            checksum_algorithm: None,
            // None sent: a CopyObject keeps the object's tags (directive COPY).
            tags: Vec::new(),
        })
    }
}

/// What one object's change needs: its size and the options of its copy.
struct Prepared {
    size: u64,
    options: PutOptions,
}

/// Reads what `url` keeps (a HEAD, and its ACL unless `--acl` replaces it) and works out
/// the copy. A missing key fails as `stat` of it does.
fn prepare(ctx: Ctx<'_>, url: &RemoteUrl, change: &Change) -> anyhow::Result<Prepared> {
    let client = ctx.client;
    let meta = client
        .head_object(&url.bucket, &url.key)
        .map_err(|e| missing::explain(client, url, Verb::SetMeta, e.into()))
        .with_context(|| format!("getting the metadata of {url}"))?;
    let acl = match &change.set.acl {
        Some(_) => None,
        None => Some(kept_acl(ctx, url)?),
    };
    Ok(Prepared {
        size: meta.size,
        options: change.options(url, &meta, acl)?,
    })
}

/// The object's ACL as a canned name, to send again: a copy is private unless told.
/// Grants that no canned ACL names cannot be sent with a copy, so such an object is
/// refused rather than quietly made private.
fn kept_acl(ctx: Ctx<'_>, url: &RemoteUrl) -> anyhow::Result<String> {
    let policy = ctx
        .client
        .get_acl(&url.bucket, &url.key)
        .with_context(|| format!("reading the ACL of {url}, which the change keeps"))?;
    policy.canned.ok_or_else(|| {
        anyhow::anyhow!(
            "{url} has ACL grants that no canned ACL names, and a copy would drop them: give --acl to choose its ACL"
        )
    })
}

/// Copies the object onto itself with the new options.
fn apply(ctx: Ctx<'_>, url: &RemoteUrl, prepared: &Prepared) -> anyhow::Result<()> {
    let directive = MetadataDirective::Replace;
    object::copy_on_server(ctx, url, prepared.size, url, &prepared.options, directive)
        .with_context(|| format!("changing the metadata of {url}"))
}

fn planned(url: &RemoteUrl, size: Option<u64>) -> Planned {
    Planned {
        op: Op::SetMeta,
        src: url.to_string(),
        dst: None,
        size,
    }
}

/// Runs `set-meta`.
pub fn run(args: &SetMetaArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let dialect = ctx.client.dialect();
    let recursive = Recursive::from(args.recursive);
    let filter = filter(&args.filter, recursive, Selection::Transfers, ctx.printer)?;
    let change = Change::parse(args, dialect)?;
    let dry_run = DryRun::from(args.dry_run);
    let urls = args
        .urls
        .iter()
        .map(|u| RemoteUrl::parse_required(u))
        .collect::<Result<Vec<_>, _>>()?;
    if recursive == Recursive::Yes {
        let tree = Tree::new(ctx, dry_run).of(Op::SetMeta);
        for url in &urls {
            change_tree(ctx, &tree, url, &change, &filter);
        }
        return tree.finish();
    }
    for url in &urls {
        url.object_key(dialect)?;
        if url.is_prefix() {
            return Err(usage(format!(
                "{url} names a prefix, not an object: add -r to change everything under it"
            )));
        }
    }
    match urls.as_slice() {
        [one] => change_alone(ctx, one, &change, dry_run),
        _ => {
            let tree = Tree::new(ctx, dry_run).of(Op::SetMeta);
            tree.run(1, urls, |url| change_one(ctx, &tree, &url, &change));
            tree.finish()
        }
    }
}

/// One object of a batch: prepared (in a dry run too, so that its record has the size
/// the HEAD found), changed, reported and counted.
fn change_one(ctx: Ctx<'_>, tree: &Tree<'_>, url: &RemoteUrl, change: &Change) {
    match prepare(ctx, url, change) {
        Ok(prepared) => tree.object(
            planned(url, Some(prepared.size)),
            || Ok(Decision::Go(prepared)),
            |prepared| apply(ctx, url, &prepared).map(|()| Done::Done),
        ),
        Err(e) => tree.failed(&planned(url, None), e),
    }
}

/// One object on its own: its record, and its error as the command's.
fn change_alone(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    change: &Change,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    let prepared = prepare(ctx, url, change)?;
    let status = match dry_run {
        DryRun::Yes => Status::Planned,
        DryRun::No => {
            apply(ctx, url, &prepared)?;
            Status::Ok
        }
    };
    let src = url.to_string();
    let rec = TransferRecord {
        op: Op::SetMeta,
        src: &src,
        dst: None,
        size: Some(prepared.size),
        status,
        note: None,
    };
    report(ctx.printer, &rec, None)?;
    Ok(ExitStatus::Success)
}

/// `-r`: every object under `url`'s prefix that the filter takes, on the tree's workers.
fn change_tree(ctx: Ctx<'_>, tree: &Tree<'_>, url: &RemoteUrl, change: &Change, filter: &Filter) {
    let prefix = walk::as_prefix(&url.key);
    let prefix_url = url.with_key(prefix.clone()).to_string();
    let items = listing::listing(ctx.client, url, &prefix, filter);
    let weight = |item: &_| listing::weight(item, Markers::Objects);
    tree.run_weighed(ctx.tree_jobs(), items, weight, |item| match item {
        Ok(listed) => {
            let object = url.with_key(listed.object.key.clone());
            change_one(ctx, tree, &object, change);
        }
        Err(e) => tree.source_failed(Op::SetMeta, &prefix_url, e),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(extra: &[&str]) -> SetMetaArgs {
        use clap::Parser as _;
        let cli = crate::cli::Cli::try_parse_from(
            ["objcmd", "set-meta", "s3://bkt/k"].iter().chain(extra),
        )
        .unwrap();
        match cli.command {
            crate::cli::Command::SetMeta(a) => a,
            _ => unreachable!(),
        }
    }

    fn object() -> ObjectMeta {
        let mut meta = ObjectMeta {
            size: 3,
            content_type: Some("text/plain".into()),
            storage_class: "STANDARD".into(),
            stored_headers: vec![("Cache-Control".into(), "max-age=60".into())],
            ..ObjectMeta::default()
        };
        for (k, v) in [
            ("color", "red"),
            ("mtime", "1.5"),
            ("objcmd-part-size", "5"),
        ] {
            meta.metadata.insert(k.into(), v.into());
        }
        meta
    }

    #[test]
    fn what_is_not_named_is_kept() {
        let change = Change::parse(
            &args(&["--meta", "Size=L", "--delete-meta", "color"]),
            Dialect::S3,
        )
        .unwrap();
        let url = RemoteUrl::parse_required("s3://bkt/k").unwrap();
        let options = change
            .options(&url, &object(), Some("public-read".into()))
            .unwrap();
        assert_eq!(
            options.metadata,
            [
                ("mtime".to_string(), "1.5".to_string()),
                ("objcmd-part-size".into(), "5".into()),
                ("size".into(), "L".into()),
            ]
        );
        assert_eq!(options.content_type.as_deref(), Some("text/plain"));
        assert_eq!(options.acl.as_deref(), Some("public-read"));
        assert_eq!(options.storage_class, None);
        assert_eq!(
            options.headers,
            [("Cache-Control".to_string(), "max-age=60".to_string())]
        );
    }

    #[test]
    fn no_change_and_contradictions_are_usage_errors() {
        for (extra, why) in [
            (&[][..], "changes nothing"),
            (&["--meta", "a=1", "--delete-meta", "A"][..], "both name"),
        ] {
            let err = Change::parse(&args(extra), Dialect::S3).err().unwrap();
            assert!(err.to_string().contains(why), "{err}");
            assert_eq!(crate::exit::status_of(&err), ExitStatus::Usage);
        }
    }

    #[test]
    fn the_metadata_that_decrypts_an_object_is_not_changed() {
        let change = Change::parse(&args(&["--delete-meta", "iv"]), Dialect::S3).unwrap();
        let url = RemoteUrl::parse_required("s3://bkt/k").unwrap();
        let mut meta = object();
        assert!(change.options(&url, &meta, None).is_ok(), "not encrypted");
        meta.metadata.insert("iv".into(), "x".into());
        let err = change.options(&url, &meta, None).unwrap_err();
        assert!(err.to_string().contains("undecryptable"), "{err}");
    }
}
