//! `objcmd bucket ...`: a bucket's configuration, one subcommand per document (versioning,
//! policy, lifecycle, CORS, website, tagging and object lock), each showing it without
//! arguments and setting or deleting it with them.

mod document;
mod object_lock;
mod tagging;
mod versioning;
mod website;

use serde_json::json;

use crate::address::RemoteUrl;
use crate::cli::{BucketArgs, BucketCommand};
use crate::client::{self, Client};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Runs `bucket`.
pub fn run(args: &BucketArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    match &args.command {
        BucketCommand::Versioning { url, state } => {
            versioning::run(&bucket_url(url)?, *state, client, printer)
        }
        BucketCommand::Policy(a) => document::run(a, document::Kind::Policy, client, printer),
        BucketCommand::Lifecycle(a) => document::run(a, document::Kind::Lifecycle, client, printer),
        BucketCommand::Cors(a) => document::run(a, document::Kind::Cors, client, printer),
        BucketCommand::Website(a) => website::run(a, client, printer),
        BucketCommand::Tagging(a) => tagging::run(a, client, printer),
        BucketCommand::ObjectLock(a) => object_lock::run(a, client, printer),
    }
}

/// The bucket a `bucket` subcommand names: a URL without a key.
fn bucket_url(arg: &str) -> anyhow::Result<RemoteUrl> {
    let url = RemoteUrl::parse_required(arg)?;
    if !url.key.is_empty() {
        return Err(usage(format!(
            "{url} has a key; bucket configuration is of a bucket, e.g. {}",
            url.bucket_url()
        )));
    }
    Ok(url)
}

/// The error of reading a configuration document: a 404 other than NoSuchBucket means the
/// bucket has none (NoSuchBucketPolicy, NoSuchLifecycleConfiguration, NoSuchTagSet...),
/// which is said in so many words; it still exits 4 (not found), like `aws s3api`.
fn show_error(err: client::Error, what: &str, bucket: &str) -> anyhow::Error {
    let none_set = err
        .service()
        .is_some_and(|s| s.status == 404 && s.code != "NoSuchBucket");
    let context = match none_set {
        true => format!("{bucket} has no {what}"),
        false => format!("getting the {what} of {bucket}"),
    };
    anyhow::Error::new(err).context(context)
}

/// What a set or delete did to a bucket's document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    Set,
    Delete,
}

/// Sends the replacement or deletion of `doc`, and reports it: `{"op": "set-policy", "dst",
/// "status"}` with `--json`, `policy: s3://b set` otherwise.
fn change_document(
    client: &Client,
    printer: &Printer,
    url: &RemoteUrl,
    (doc, name): (client::Document, &str),
    change: Change,
    body: Vec<u8>,
) -> anyhow::Result<ExitStatus> {
    let bucket = url.bucket_url();
    let (verb, doing, done) = match change {
        Change::Set => ("set", "setting", "set"),
        Change::Delete => ("delete", "deleting", "deleted"),
    };
    let result = match change {
        Change::Set => client.put_bucket_document(&url.bucket, doc, body),
        Change::Delete => client.delete_bucket_document(&url.bucket, doc),
    };
    result.map_err(|e| anyhow::Error::new(e).context(format!("{doing} the {name} of {bucket}")))?;
    let op = format!("{verb}-{}", doc.sub_resource);
    if printer.json {
        printer.record(&json!({"op": op, "dst": bucket, "status": "ok"}))?;
    } else if !printer.quiet {
        printer.line(&format!("{}: {bucket} {done}", doc.sub_resource))?;
    }
    Ok(ExitStatus::Success)
}
