//! `objcmd tag`: show, replace or delete the tags of an object, or of every object under a
//! prefix (`-r`, on the tree's workers); and the parsing of `K=V` tags that `--tag` on
//! `put`, `cp` and `mv` shares.

use anyhow::Context as _;
use serde_json::json;

use super::ctx::Ctx;
use super::listing::{self, Markers};
use super::options::{Recursive, filter, parse_tags};
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Decision, Done, DryRun, Planned, Tree};
use crate::address::RemoteUrl;
use crate::cli::TagArgs;
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::{Filter, Selection};
use crate::walk;

/// What the command does to each object.
#[derive(Clone, Debug)]
enum Action {
    Show,
    Replace(Vec<(String, String)>),
    Delete,
}

/// Runs `tag`.
pub fn run(args: &TagArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let recursive = Recursive::from(args.recursive);
    let filter = filter(&args.filter, recursive, Selection::Transfers, ctx.printer)?;
    let action = match (args.delete, args.tags.is_empty()) {
        (true, _) => Action::Delete,
        (false, true) => Action::Show,
        (false, false) => Action::Replace(parse_tags(&args.tags, "tag")?),
    };
    let url = RemoteUrl::parse_required(&args.url)?;
    let dry_run = DryRun::from(args.dry_run);
    if recursive == Recursive::Yes {
        return tag_tree(ctx, &url, &action, &filter, dry_run);
    }
    url.object_key(ctx.client.dialect())?;
    if url.is_prefix() {
        return Err(usage(format!(
            "{url} names a prefix, not an object: add -r for everything under it"
        )));
    }
    let version = args.version_id.as_deref();
    if let Action::Show = action {
        return show(ctx, &url, version, ShowAs::Alone);
    }
    if dry_run == DryRun::No {
        apply(ctx, &url, version, &action)?;
    }
    let src = url.to_string();
    let rec = TransferRecord {
        op: Op::Tag,
        src: &src,
        dst: None,
        size: None,
        status: match dry_run {
            DryRun::Yes => Status::Planned,
            DryRun::No => Status::Ok,
        },
        note: None,
    };
    report(ctx.printer, &rec, None)?;
    Ok(ExitStatus::Success)
}

/// Whether tags shown are those of the one object named (plain `K=V` lines) or of one of a
/// tree (each line starts with the object's URL).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ShowAs {
    Alone,
    InTree,
}

/// Prints an object's tags: `K=V` lines, or `{"url", "tags": {..}}`.
fn show(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    version: Option<&str>,
    how: ShowAs,
) -> anyhow::Result<ExitStatus> {
    let printer = ctx.printer;
    let tags = ctx
        .client
        .get_object_tagging((&url.bucket, &url.key), version)
        .with_context(|| format!("getting the tags of {url}"))?;
    if printer.json {
        let map: serde_json::Map<String, serde_json::Value> =
            tags.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
        printer.record(&json!({"url": url.to_string(), "tags": map}))?;
        return Ok(ExitStatus::Success);
    }
    let mut pairs = tags
        .iter()
        .map(|(k, v)| printer.escape(&format!("{k}={v}")).into_owned());
    match how {
        ShowAs::Alone => pairs.try_for_each(|pair| printer.line(&pair))?,
        ShowAs::InTree => {
            let all: Vec<String> = pairs.collect();
            let shown = printer.escape(&url.to_string()).into_owned();
            printer.line(&format!("{shown}\t{}", all.join(" ")))?;
        }
    }
    Ok(ExitStatus::Success)
}

/// Replaces or deletes the tags of one object.
fn apply(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    version: Option<&str>,
    action: &Action,
) -> anyhow::Result<()> {
    let object = (url.bucket.as_str(), url.key.as_str());
    match action {
        Action::Show => Ok(()),
        Action::Replace(tags) => ctx
            .client
            .put_object_tagging(object, version, tags)
            .with_context(|| format!("setting the tags of {url}")),
        Action::Delete => ctx
            .client
            .delete_object_tagging(object, version)
            .with_context(|| format!("deleting the tags of {url}")),
    }
}

/// `-r`: every object under the prefix that the filter takes. Showing goes in listing
/// order on this thread (the first failure ends it); a change runs on the tree's workers
/// with a record per object and a summary.
fn tag_tree(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    action: &Action,
    filter: &Filter,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    let prefix = walk::as_prefix(&url.key);
    let prefix_url = url.with_key(prefix.clone()).to_string();
    let items = listing::listing(ctx.client, url, &prefix, filter);
    if let Action::Show = action {
        for item in items {
            let object = url.with_key(item?.object.key);
            show(ctx, &object, None, ShowAs::InTree)?;
        }
        return Ok(ExitStatus::Success);
    }
    let tree = Tree::new(ctx, dry_run).of(Op::Tag);
    let weight = |item: &_| listing::weight(item, Markers::Objects);
    tree.run_weighed(ctx.tree_jobs(), items, weight, |item| match item {
        Ok(listed) => {
            let object = url.with_key(listed.object.key.clone());
            let planned = Planned {
                op: Op::Tag,
                src: object.to_string(),
                dst: None,
                size: None,
            };
            tree.object(
                planned,
                || Ok(Decision::Go(())),
                |()| apply(ctx, &object, None, action).map(|()| Done::Done),
            );
        }
        Err(e) => tree.source_failed(Op::Tag, &prefix_url, e),
    });
    tree.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_as_key_value_pairs() {
        let args = ["a=1".to_string(), "b=x=y".into(), "c=".into()];
        assert_eq!(
            parse_tags(&args, "--tag").unwrap(),
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "x=y".into()),
                ("c".into(), String::new())
            ]
        );
        assert!(parse_tags(&["novalue".into()], "--tag").is_err());
        assert!(parse_tags(&["=v".into()], "--tag").is_err());
        assert!(parse_tags(&["a=1".into(), "a=2".into()], "--tag").is_err());
    }
}
