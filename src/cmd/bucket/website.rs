//! `objcmd bucket website URL [--index DOC [--error-doc DOC]] [--delete]`: static-website
//! hosting, whose XML objcmd builds from the two documents (OSS takes the same XML; KS3 has
//! no such API and is refused before any request).

use serde_json::json;

use super::{Change, bucket_url, change_document, show_error};
use crate::cli::WebsiteArgs;
use crate::client::{Client, Feature, bucket_documents};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;

const NAME: &str = "website configuration";

/// Shows, sets or deletes the website configuration.
pub fn run(args: &WebsiteArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let url = bucket_url(&args.url)?;
    client.dialect().require(Feature::Website).map_err(usage)?;
    let target = (bucket_documents::WEBSITE, NAME);
    if let Some(index) = &args.index {
        if index.is_empty() || index.contains('/') {
            // S3 and OSS both refuse a suffix with a slash: say so before the request.
            return Err(usage(format!(
                "--index {index:?}: the index document is a name like index.html, without '/'"
            )));
        }
        let body = bucket_documents::website_configuration(index, args.error_doc.as_deref());
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
        .get_bucket_document(&url.bucket, bucket_documents::WEBSITE)
        .map_err(|e| show_error(e, NAME, &bucket))?;
    let site = bucket_documents::parse_website(&body)
        .map_err(|e| anyhow::anyhow!("the website configuration of {bucket}: {e}"))?;
    if printer.json {
        printer.record(&json!({
            "bucket": bucket,
            "index_document": site.index,
            "error_document": site.error_doc,
            "redirect_all_requests_to": site.redirect_host,
            "document": body,
        }))?;
        return Ok(ExitStatus::Success);
    }
    let lines = [
        ("Index document", &site.index),
        ("Error document", &site.error_doc),
        ("Redirect all requests to", &site.redirect_host),
    ];
    for (label, value) in lines {
        if let Some(value) = value {
            printer.line(&format!("{label}: {}", printer.escape(value)))?;
        }
    }
    Ok(ExitStatus::Success)
}
