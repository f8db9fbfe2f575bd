//! One object's line (human) or record (`--json`) in the transfer commands, and the JSON
//! form of an error: the output format docs/json.md promises, written in one place.

use serde_json::{Value, json};

use crate::exit;
use crate::output::{Printer, shell_word};
use crate::transfer::upload::KeptUpload;

/// The outcome of one object in a transfer command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Done.
    Ok,
    /// `--dry-run`: would be done.
    Planned,
    /// Failed.
    Error,
}

/// What a transfer command did (or would do) to one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Uploaded.
    Put,
    /// Downloaded.
    Get,
    /// Copied on the server.
    Copy,
    /// Deleted.
    Delete,
    /// Moved: transferred, then the source deleted.
    Move,
    /// Left as it was (it exists, or is up to date).
    Skip,
    /// Metadata, type, storage class or ACL changed in place.
    SetMeta,
    /// Tags replaced or deleted.
    Tag,
    /// Restore of an archived object asked for.
    Restore,
}

impl Op {
    /// The `"op"` of the `--json` record.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Put => "put",
            Op::Get => "get",
            Op::Copy => "copy",
            Op::Delete => "delete",
            Op::Move => "move",
            Op::Skip => "skip",
            Op::SetMeta => "set-meta",
            Op::Tag => "tag",
            Op::Restore => "restore",
        }
    }

    /// The word that starts the human line.
    fn verb(self) -> &'static str {
        match self {
            Op::Put => "upload",
            Op::Get => "download",
            other => other.as_str(),
        }
    }
}

/// One object's line (human) or record (`--json`) of `put`, `get`, `rm`...
pub struct TransferRecord<'a> {
    /// What was done.
    pub op: Op,
    /// Source (a local path, `-`, or a URL).
    pub src: &'a str,
    /// Destination, if the operation has one.
    pub dst: Option<&'a str>,
    /// Bytes moved, if known.
    pub size: Option<u64>,
    /// Outcome.
    pub status: Status,
    /// Why a skip happened, for the human line.
    pub note: Option<&'a str>,
}

/// The JSON `error` object of a record.
pub fn error_value(err: &anyhow::Error) -> Value {
    let (code, message, request_id) = exit::error_fields(err);
    json!({"code": code, "message": message, "request_id": request_id})
}

/// Prints one transfer record: a human line on stdout (unless `-q`) or a JSON record.
pub fn report(
    printer: &Printer,
    rec: &TransferRecord<'_>,
    err: Option<&anyhow::Error>,
) -> std::io::Result<()> {
    if printer.json {
        return printer.record(&json_record(rec, err));
    }
    if printer.quiet || rec.status == Status::Error {
        return Ok(());
    }
    printer.line(&human_line(rec, &|text| printer.escape(text).into_owned()))
}

/// The `--json` record (docs/json.md).
fn json_record(rec: &TransferRecord<'_>, err: Option<&anyhow::Error>) -> Value {
    let mut v = json!({
        "op": rec.op.as_str(),
        "src": rec.src,
        "dst": rec.dst,
        "size": rec.size,
        "status": match rec.status {
            Status::Ok => "ok",
            Status::Planned => "planned",
            Status::Error => "error",
        },
    });
    if let Some(e) = err {
        v["error"] = error_value(e);
    }
    v
}

/// The human line: `upload: SRC -> DST (N bytes)`, `(dry run) ...`, `skip: ... (exists)`;
/// paths go through `escape` (control characters, on a terminal).
fn human_line(rec: &TransferRecord<'_>, escape: &dyn Fn(&str) -> String) -> String {
    let mut line = String::new();
    if rec.status == Status::Planned {
        line.push_str("(dry run) ");
    }
    line.push_str(&format!("{}: {}", rec.op.verb(), escape(rec.src)));
    if let Some(dst) = rec.dst {
        line.push_str(&format!(" -> {}", escape(dst)));
    }
    if let Some(note) = rec.note {
        line.push_str(&format!(" ({note})"));
    } else if let (Some(size), Status::Ok | Status::Planned) = (rec.size, rec.status) {
        line.push_str(&format!(" ({})", crate::units::count(size, "byte")));
    }
    line
}

/// Reports a failed object of a batch on stderr (and as a record with `--json`), so the
/// batch can go on.
pub fn report_failure(
    printer: &Printer,
    rec: &TransferRecord<'_>,
    err: &anyhow::Error,
) -> std::io::Result<()> {
    printer.error(&format!("{err:#}"));
    if printer.json {
        report(
            printer,
            &TransferRecord {
                status: Status::Error,
                ..*rec
            },
            Some(err),
        )?;
    }
    Ok(())
}

/// The `hint:` lines after an error that kept an upload for `--continue`: the commands that
/// resume and discard it.
pub fn kept_upload_hints(err: &anyhow::Error) -> Vec<String> {
    err.downcast_ref::<KeptUpload>()
        .map(|kept| kept_upload_commands(kept).to_vec())
        .unwrap_or_default()
}

/// The commands that resume and discard a kept upload, one a line, ready to paste.
pub fn kept_upload_commands(kept: &KeptUpload) -> [String; 2] {
    let encrypt = if kept.encrypted { " --encrypt" } else { "" };
    // A file named like a flag must not be read as one.
    let source = match kept.source.starts_with('-') {
        true => format!("./{}", kept.source),
        false => kept.source.clone(),
    };
    [
        format!(
            "resume it: objcmd put --continue{encrypt} {} {}",
            shell_word(&source),
            shell_word(&kept.url)
        ),
        format!(
            "discard it: objcmd multipart abort {} --upload-id {}",
            shell_word(&kept.url),
            shell_word(&kept.upload_id)
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(
        op: Op,
        status: Status,
        size: Option<u64>,
        note: Option<&'static str>,
    ) -> TransferRecord<'static> {
        TransferRecord {
            op,
            src: "a.txt",
            dst: Some("s3://b/a.txt"),
            size,
            status,
            note,
        }
    }

    #[test]
    fn human_lines_name_the_operation_and_the_size() {
        let plain = |t: &str| t.to_string();
        let line = |r: &TransferRecord<'_>| human_line(r, &plain);
        assert_eq!(
            line(&rec(Op::Put, Status::Ok, Some(5), None)),
            "upload: a.txt -> s3://b/a.txt (5 bytes)"
        );
        assert_eq!(
            line(&rec(Op::Get, Status::Ok, Some(1), None)),
            "download: a.txt -> s3://b/a.txt (1 byte)"
        );
        assert_eq!(
            line(&rec(Op::Copy, Status::Planned, Some(0), None)),
            "(dry run) copy: a.txt -> s3://b/a.txt (0 bytes)"
        );
        assert_eq!(
            line(&rec(Op::Skip, Status::Ok, Some(9), Some("exists"))),
            "skip: a.txt -> s3://b/a.txt (exists)"
        );
        let delete = TransferRecord {
            dst: None,
            ..rec(Op::Delete, Status::Ok, None, None)
        };
        assert_eq!(line(&delete), "delete: a.txt");
        let shout = |t: &str| t.to_uppercase();
        assert_eq!(
            human_line(&rec(Op::Put, Status::Ok, None, None), &shout),
            "upload: A.TXT -> S3://B/A.TXT"
        );
    }

    #[test]
    fn json_records_keep_the_documented_fields() {
        let v = json_record(&rec(Op::Put, Status::Planned, Some(5), None), None);
        assert_eq!(
            v,
            json!({"op": "put", "src": "a.txt", "dst": "s3://b/a.txt", "size": 5, "status": "planned"})
        );
        let err = crate::error::usage("bad");
        let v = json_record(&rec(Op::Delete, Status::Error, None, None), Some(&err));
        assert_eq!(v["status"], "error");
        assert_eq!(v["error"]["code"], "UsageError");
        assert_eq!(v["error"]["message"], "bad");
        for (op, word) in [
            (Op::Put, "put"),
            (Op::Get, "get"),
            (Op::Copy, "copy"),
            (Op::Delete, "delete"),
            (Op::Skip, "skip"),
            (Op::SetMeta, "set-meta"),
        ] {
            assert_eq!(op.as_str(), word);
        }
    }

    #[test]
    fn a_kept_upload_comes_with_the_commands_that_resume_and_discard_it() {
        let kept = KeptUpload {
            upload_id: "2~id".into(),
            url: "s3://b/dir/big file.bin".into(),
            source: "-rf big.bin".into(),
            encrypted: true,
        };
        assert_eq!(
            kept_upload_commands(&kept),
            [
                "resume it: objcmd put --continue --encrypt './-rf big.bin' 's3://b/dir/big file.bin'",
                "discard it: objcmd multipart abort 's3://b/dir/big file.bin' --upload-id 2~id",
            ]
        );
    }
}
