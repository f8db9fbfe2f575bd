//! The options that shape objects and select trees, parsed once for every command that
//! takes them: upload options (`--acl`, `--meta`, `--header`...), the metadata directive
//! of a copy, and the `--include`/`--exclude`/`--shard` filter.

use crate::cli::{FilterArgs, UploadArgs};
use crate::client::{ByteRange, Dialect, MetadataDirective, PutOptions};
use crate::error::UsageError;
use crate::filter::{Filter, Selection, Shard, include_warning};
use crate::output::Printer;
use crate::transfer::{Overwrite, Resume};

/// What a command that writes objects does with them, resolved once from its flags:
/// shared by put, cp, sync and multipart, and passed down to each object's upload or copy.
#[derive(Clone, Debug)]
pub struct Writing {
    /// What shapes the objects written (`--acl`, `--content-type`, `--meta`...).
    pub object: PutOptions,
    /// `--no-clobber` keeps what exists.
    pub overwrite: Overwrite,
    /// `--continue` resumes an interrupted upload of the same file.
    pub resume: Resume,
}

/// Whether a command takes one object or file, or everything under a prefix or directory
/// (`-r`; sync always).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recursive {
    /// One object or file.
    No,
    /// A tree.
    Yes,
}

impl From<bool> for Recursive {
    fn from(recursive: bool) -> Recursive {
        if recursive {
            Recursive::Yes
        } else {
            Recursive::No
        }
    }
}

/// `--no-clobber` as what it means.
pub fn overwrite(no_clobber: bool) -> Overwrite {
    if no_clobber {
        Overwrite::Never
    } else {
        Overwrite::Replace
    }
}

/// `--continue` as what it means for an upload.
pub fn resume(continue_flag: bool) -> Resume {
    if continue_flag {
        Resume::Yes
    } else {
        Resume::No
    }
}

/// Parses `--meta K=V` and `--header 'Name: value'` into PutOptions, refusing what a
/// server would reject or mangle.
pub fn upload_options(args: &UploadArgs, dialect: Dialect) -> Result<PutOptions, UsageError> {
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    let printable = |s: &str| s.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\t');
    let mut options = PutOptions {
        content_type: args.content_type.clone(),
        acl: args.acl.clone(),
        storage_class: args.storage_class.clone(),
        ..PutOptions::default()
    };
    if let Some(acl) = &args.acl {
        check_acl(acl, dialect.object_canned_acls(), dialect, "object")?;
    }
    for meta in &args.meta {
        let (name, value) = meta
            .split_once('=')
            .ok_or_else(|| UsageError(format!("invalid --meta {meta:?}: expected KEY=VALUE")))?;
        if !token(name) {
            return Err(UsageError(format!(
                "invalid --meta {meta:?}: the key must be letters, digits and -_. (no spaces)"
            )));
        }
        if !printable(value) {
            return Err(UsageError(format!(
                "invalid --meta {meta:?}: the value must be printable ASCII (percent-encode other characters)"
            )));
        }
        options
            .metadata
            .push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    for header in &args.header {
        let (name, value) = header.split_once(':').ok_or_else(|| {
            UsageError(format!(
                "invalid --header {header:?}: expected 'Name: value'"
            ))
        })?;
        let (name, value) = (name.trim(), value.trim());
        if !token(name) || !printable(value) {
            return Err(UsageError(format!(
                "invalid --header {header:?}: the name must be a header token and the value printable ASCII"
            )));
        }
        options.headers.push((name.to_string(), value.to_string()));
    }
    if let Some(t) = &options.content_type
        && !printable(t)
    {
        return Err(UsageError(format!("invalid --content-type {t:?}")));
    }
    options.tags = parse_tags(&args.tag, "--tag")?;
    Ok(options)
}

/// The filter of a recursive command; `--include`/`--exclude`/`--shard` need `-r`. An
/// `--include` that narrows nothing gets a warning on stderr (even with `-q`: it is worded
/// by what the command does with the selection, and `rm -r` or `sync --delete` would delete
/// everything it failed to narrow).
pub fn filter(
    args: &FilterArgs,
    recursive: Recursive,
    selection: Selection,
    printer: &Printer,
) -> Result<Filter, UsageError> {
    let shard = args.shard.as_deref().map(Shard::parse).transpose()?;
    if recursive == Recursive::No && (!args.ordered.is_empty() || shard.is_some()) {
        return Err(UsageError(
            "--include, --exclude and --shard choose among the files of a tree: add -r".to_string(),
        ));
    }
    let filter = Filter::new(&args.ordered, shard)?;
    if let Some(warning) = include_warning(&args.ordered, selection) {
        printer.warn(&warning);
    }
    Ok(filter)
}

/// REPLACE when the command gives the copy a new type, metadata or storage class; COPY
/// (keep the source's) otherwise. An ACL alone does not need REPLACE.
pub fn directive(options: &PutOptions) -> MetadataDirective {
    if options.content_type.is_some()
        || !options.metadata.is_empty()
        || options.storage_class.is_some()
    {
        MetadataDirective::Replace
    } else {
        MetadataDirective::Copy
    }
}

/// Checks a canned ACL against the dialect's list (exit 2 with the valid names).
pub fn check_acl(
    acl: &str,
    valid: &[&str],
    dialect: Dialect,
    what: &str,
) -> Result<(), UsageError> {
    if valid.contains(&acl) {
        Ok(())
    } else {
        Err(UsageError(format!(
            "invalid ACL {acl:?} for {} {what}s; valid ACLs: {}",
            dialect.name(),
            valid.join(", ")
        )))
    }
}

/// Parses `--range`: `A-B` (inclusive), `A-` (to the end) or `-N` (the last N bytes).
pub fn parse_range(text: &str) -> Result<ByteRange, UsageError> {
    let bad = |why: &str| {
        UsageError(format!(
            "invalid --range {text:?}: {why} (use A-B, A- or -N)"
        ))
    };
    let t = text.trim().strip_prefix("bytes=").unwrap_or(text.trim());
    let (a, b) = t.split_once('-').ok_or_else(|| bad("no '-'"))?;
    let num = |s: &str| s.trim().parse::<u64>().map_err(|_| bad("not a number"));
    match (a.trim().is_empty(), b.trim().is_empty()) {
        (true, true) => Err(bad("empty")),
        (true, false) => {
            let n = num(b)?;
            if n == 0 {
                return Err(bad("a suffix of zero bytes is empty"));
            }
            Ok(ByteRange::Suffix(n))
        }
        (false, true) => Ok(ByteRange::From {
            first: num(a)?,
            last: None,
        }),
        (false, false) => {
            let (first, last) = (num(a)?, num(b)?);
            if first > last {
                return Err(bad("the start is after the end"));
            }
            Ok(ByteRange::From {
                first,
                last: Some(last),
            })
        }
    }
}

/// Parses `K=V` tags (`what` names the flag in the error); a key must not be empty nor
/// given twice, as S3 refuses both.
pub fn parse_tags(args: &[String], what: &str) -> Result<Vec<(String, String)>, UsageError> {
    let mut tags: Vec<(String, String)> = Vec::new();
    for arg in args {
        let (key, value) = arg
            .split_once('=')
            .ok_or_else(|| UsageError(format!("invalid {what} {arg:?}: expected KEY=VALUE")))?;
        if key.is_empty() {
            return Err(UsageError(format!(
                "invalid {what} {arg:?}: the key is empty"
            )));
        }
        if tags.iter().any(|(k, _)| k == key) {
            return Err(UsageError(format!("{what} names the key {key:?} twice")));
        }
        tags.push((key.to_string(), value.to_string()));
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(meta: &[&str], header: &[&str]) -> UploadArgs {
        UploadArgs {
            meta: meta.iter().map(|s| s.to_string()).collect(),
            header: header.iter().map(|s| s.to_string()).collect(),
            ..UploadArgs::default()
        }
    }

    #[test]
    fn metadata_and_headers_are_validated() {
        let o = upload_options(
            &args(&["Color=blue", "empty="], &["Cache-Control: no-cache"]),
            Dialect::S3,
        )
        .unwrap();
        assert_eq!(
            o.metadata,
            [
                ("color".to_string(), "blue".to_string()),
                ("empty".into(), "".into())
            ]
        );
        assert_eq!(
            o.headers,
            [("Cache-Control".to_string(), "no-cache".to_string())]
        );
        assert!(upload_options(&args(&["novalue"], &[]), Dialect::S3).is_err());
        assert!(upload_options(&args(&["bad key=x"], &[]), Dialect::S3).is_err());
        assert!(upload_options(&args(&["name=café"], &[]), Dialect::S3).is_err());
        assert!(upload_options(&args(&[], &["NoColon"]), Dialect::S3).is_err());
        assert!(upload_options(&args(&[], &["X-Bad\u{7}: v"]), Dialect::S3).is_err());
    }

    #[test]
    fn acls_are_checked_per_dialect() {
        let mut a = args(&[], &[]);
        a.acl = Some("authenticated-read".into());
        assert!(upload_options(&a, Dialect::S3).is_ok());
        let err = upload_options(&a, Dialect::Ks3).unwrap_err().0;
        assert!(err.contains("valid ACLs: private, public-read"), "{err}");
        a.acl = Some("default".into());
        assert!(upload_options(&a, Dialect::Oss).is_ok());
    }

    #[test]
    fn filters_need_recursion() {
        let f = FilterArgs {
            ordered: vec![(crate::filter::Take::Exclude, "*.tmp".into())],
            ..FilterArgs::default()
        };
        let printer = Printer::new(&crate::cli::GlobalArgs::default());
        assert!(filter(&f, Recursive::No, Selection::Transfers, &printer).is_err());
        assert!(filter(&f, Recursive::Yes, Selection::Transfers, &printer).is_ok());
    }

    #[test]
    fn copies_keep_metadata_unless_told_otherwise() {
        assert_eq!(directive(&PutOptions::default()), MetadataDirective::Copy);
        let acl_only = PutOptions {
            acl: Some("public-read".into()),
            ..PutOptions::default()
        };
        assert_eq!(directive(&acl_only), MetadataDirective::Copy);
        let typed = PutOptions {
            content_type: Some("text/plain".into()),
            ..PutOptions::default()
        };
        assert_eq!(directive(&typed), MetadataDirective::Replace);
        let classed = PutOptions {
            storage_class: Some("STANDARD_IA".into()),
            ..PutOptions::default()
        };
        assert_eq!(directive(&classed), MetadataDirective::Replace);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            parse_range("0-99").unwrap(),
            ByteRange::From {
                first: 0,
                last: Some(99)
            }
        );
        assert_eq!(
            parse_range("bytes=5-").unwrap(),
            ByteRange::From {
                first: 5,
                last: None
            }
        );
        assert_eq!(parse_range("-10").unwrap(), ByteRange::Suffix(10));
        for bad in ["", "-", "5", "a-b", "10-5", "-0", "1-2-3", "x-"] {
            assert!(parse_range(bad).is_err(), "{bad:?}");
        }
    }
}
