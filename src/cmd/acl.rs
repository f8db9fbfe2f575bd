//! `objcmd acl get|set`: show the ACL of a bucket or object, or set a canned one.

use anyhow::Context as _;
use serde_json::{Value, json};

use super::options::check_acl;
use crate::address::{RemoteUrl, check_key};
use crate::cli::{AclArgs, AclCommand};
use crate::client::{AccessControlPolicy, Client, Grantee};
use crate::error::UsageError;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Runs `acl`.
pub fn run(args: &AclArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    match &args.command {
        AclCommand::Get { url, version_id } => {
            let url = target(url, client)?;
            let client = &pin(client, &url, version_id.as_deref())?;
            let policy = client
                .get_acl(&url.bucket, &url.key)
                .with_context(|| format!("getting the ACL of {}", shown(&url)))?;
            print_policy(&policy, printer)?;
        }
        AclCommand::Set {
            url,
            acl,
            version_id,
        } => {
            let url = target(url, client)?;
            let client = &pin(client, &url, version_id.as_deref())?;
            let dialect = client.dialect();
            let (valid, what) = if url.key.is_empty() {
                (dialect.bucket_canned_acls(), "bucket")
            } else {
                (dialect.object_canned_acls(), "object")
            };
            check_acl(acl, valid, dialect, what)?;
            client
                .put_acl(&url.bucket, &url.key, acl)
                .with_context(|| format!("setting the ACL of {}", shown(&url)))?;
            if printer.json {
                printer.record(
                    &json!({"op": "acl", "dst": shown(&url), "acl": acl, "status": "ok"}),
                )?;
            } else if !printer.quiet {
                printer.line(&format!("set ACL: {} {acl}", printer.escape(&shown(&url))))?;
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// The client for `--version-id`, which names a version of an object, not of a bucket.
fn pin(client: &Client, url: &RemoteUrl, version_id: Option<&str>) -> anyhow::Result<Client> {
    if version_id.is_some() && url.key.is_empty() {
        return Err(crate::error::usage(
            "--version-id names a version of an object; a bucket has none",
        ));
    }
    super::versions::pin(client, version_id)
}

/// The bucket (empty key) or object the URL names.
fn target(arg: &str, client: &Client) -> Result<RemoteUrl, UsageError> {
    let url = RemoteUrl::parse_required(arg)?;
    if !url.key.is_empty() {
        check_key(&url.key, client.dialect())
            .map_err(|why| UsageError(format!("invalid key in {url}: {why}")))?;
    }
    Ok(url)
}

fn shown(url: &RemoteUrl) -> String {
    if url.key.is_empty() {
        url.bucket_url()
    } else {
        url.to_string()
    }
}

fn grantee_value(grantee: &Grantee) -> Value {
    let mut v = json!({"type": grantee.type_name()});
    match grantee {
        Grantee::CanonicalUser { id, display_name } => {
            v["id"] = json!(id);
            if let Some(name) = display_name {
                v["display_name"] = json!(name);
            }
        }
        Grantee::Group { uri } => v["uri"] = json!(uri),
        Grantee::Email { email } => v["email"] = json!(email),
    }
    v
}

/// The grantee as a person reads it: `id (name)`, a group's URI, or an address.
fn grantee_text(grantee: &Grantee) -> String {
    match grantee {
        Grantee::CanonicalUser {
            id,
            display_name: Some(name),
        } if name != id => format!("{id} ({name})"),
        Grantee::CanonicalUser { id, .. } => id.clone(),
        Grantee::Group { uri } => uri.clone(),
        Grantee::Email { email } => email.clone(),
    }
}

fn print_policy(policy: &AccessControlPolicy, printer: &Printer) -> anyhow::Result<()> {
    if printer.json {
        let grants: Vec<Value> = policy
            .grants
            .iter()
            .map(|g| json!({"grantee": grantee_value(&g.grantee), "permission": g.permission}))
            .collect();
        printer.record(&json!({
            "owner": {"id": policy.owner_id, "display_name": policy.owner_display_name},
            "grants": grants,
            "canned": policy.canned,
        }))?;
        return Ok(());
    }
    let owner = grantee_text(&Grantee::CanonicalUser {
        id: policy.owner_id.clone(),
        display_name: Some(policy.owner_display_name.clone()),
    });
    printer.line(&format!("Owner: {}", printer.escape(&owner)))?;
    printer.line(&format!(
        "Canned: {}",
        policy.canned.as_deref().unwrap_or("(none: custom grants)")
    ))?;
    let rows: Vec<(String, &str, &str)> = policy
        .grants
        .iter()
        .map(|g| {
            let who = printer.escape(&grantee_text(&g.grantee)).into_owned();
            (who, g.grantee.type_name(), g.permission.as_str())
        })
        .collect();
    let width = |f: &dyn Fn(&(String, &str, &str)) -> usize, title: &str| {
        rows.iter().map(f).chain([title.len()]).max().unwrap_or(0)
    };
    let (w_who, w_type) = (
        width(&|r| r.0.chars().count(), "GRANTEE"),
        width(&|r| r.1.len(), "TYPE"),
    );
    printer.line(&format!(
        "{:w_who$}  {:w_type$}  PERMISSION",
        "GRANTEE", "TYPE"
    ))?;
    for (who, kind, permission) in &rows {
        // Width counts chars, as the columns were measured.
        printer.line(&format!("{who:w_who$}  {kind:w_type$}  {permission}"))?;
    }
    Ok(())
}
