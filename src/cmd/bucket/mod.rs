//! `objcmd bucket ...`: a bucket's configuration, one subcommand per document (versioning
//! here; policy, lifecycle, CORS, website, tagging and object lock beside it), each showing
//! it without arguments and setting or deleting it with them.

mod versioning;

use crate::address::RemoteUrl;
use crate::cli::{BucketArgs, BucketCommand};
use crate::client::Client;
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Runs `bucket`.
pub fn run(args: &BucketArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    match &args.command {
        BucketCommand::Versioning { url, state } => {
            versioning::run(&bucket_url(url)?, *state, client, printer)
        }
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
