//! `objcmd bucket tagging URL [K=V...] [--delete]`: a bucket's tags, shown one `K=V` a
//! line, replaced as a whole, or deleted.

use std::collections::BTreeMap;

use serde_json::json;

use super::{Change, bucket_url, change_document, show_error};
use crate::cli::BucketTaggingArgs;
use crate::client::{Client, bucket_documents, xml};
use crate::cmd::options::parse_tags;
use crate::exit::ExitStatus;
use crate::output::Printer;

const NAME: &str = "tags";

/// Shows, replaces or deletes the bucket's tags.
pub fn run(
    args: &BucketTaggingArgs,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = bucket_url(&args.url)?;
    let target = (bucket_documents::TAGGING, NAME);
    if !args.tags.is_empty() {
        let tags = parse_tags(&args.tags, "tag")?;
        let body = xml::tagging(&tags);
        return change_document(
            client,
            printer,
            &url,
            target,
            Change::Set,
            body.into_bytes(),
        );
    }
    if args.delete {
        return change_document(client, printer, &url, target, Change::Delete, Vec::new());
    }
    let bucket = url.bucket_url();
    let body = client
        .get_bucket_document(&url.bucket, bucket_documents::TAGGING)
        .map_err(|e| show_error(e, NAME, &bucket))?;
    let tags: BTreeMap<String, String> = xml::parse_tagging(&body)
        .map_err(|e| anyhow::anyhow!("the tags of {bucket}: {e}"))?
        .into_iter()
        .collect();
    if printer.json {
        printer.record(&json!({"bucket": bucket, "tags": tags}))?;
        return Ok(ExitStatus::Success);
    }
    for (key, value) in &tags {
        printer.line(&format!(
            "{}={}",
            printer.escape(key),
            printer.escape(value)
        ))?;
    }
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_at_the_first_equals_sign() {
        let args = ["a=1".to_string(), "b=x=y".to_string(), "c=".to_string()];
        let tags = parse_tags(&args, "tag").unwrap();
        assert_eq!(tags[1], ("b".to_string(), "x=y".to_string()));
        assert_eq!(tags[2], ("c".to_string(), String::new()));
        for bad in [&["novalue"][..], &["=v"], &["k=1", "k=2"]] {
            let bad: Vec<String> = bad.iter().map(|s| s.to_string()).collect();
            assert!(parse_tags(&bad, "tag").is_err(), "{bad:?}");
        }
    }
}
