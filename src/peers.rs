//! What the peers' flags and command names mean here: a hint for a flag or subcommand
//! that s3cmd, s5cmd, osscmd, ossutil or `aws s3` users type from habit, shown in place of
//! clap's generic tip.
//!
//! Only flags objcmd does not have are listed; the hint says what objcmd does instead, so
//! that a script ported from a peer is fixed in one step, not by reading the manual.

/// One peer flag and what to say about it.
struct PeerFlag {
    /// The spellings (`--force`, `-f`).
    flags: &'static [&'static str],
    /// The subcommands it is typed with; empty for any.
    commands: &'static [&'static str],
    /// What objcmd does instead.
    hint: &'static str,
}

/// The commands that write objects or files.
const WRITERS: &[&str] = &["put", "get", "cp", "sync"];
/// The commands with `--dry-run`.
const DRY_RUNNERS: &[&str] = &["put", "get", "cp", "rm", "rb", "sync"];
/// The commands with upload options.
const UPLOADERS: &[&str] = &["put", "cp", "sync", "multipart"];

const PEER_FLAGS: &[PeerFlag] = &[
    PeerFlag {
        flags: &["--force", "-f"],
        commands: WRITERS,
        hint: "objcmd overwrites by default; --no-clobber keeps what already exists",
    },
    PeerFlag {
        flags: &["--force", "-f"],
        commands: &["rm"],
        hint: "objcmd rm deletes without asking; --dry-run shows what it would delete",
    },
    PeerFlag {
        flags: &["-f", "--recursive", "-r"],
        commands: &["rb"],
        hint: "rb --force deletes every object and unfinished upload, then the bucket",
    },
    PeerFlag {
        flags: &["--recursive", "-r"],
        commands: &["sync"],
        hint: "sync is always recursive: no -r needed",
    },
    PeerFlag {
        flags: &["-n"],
        commands: DRY_RUNNERS,
        hint: "-n is --dry-run in s3cmd and --no-clobber in s5cmd: write the long form",
    },
    PeerFlag {
        flags: &["--dryrun", "--dry_run"],
        commands: DRY_RUNNERS,
        hint: "write --dry-run",
    },
    PeerFlag {
        flags: &[
            "--server-side-encryption",
            "--server-side-encryption-kms-id",
        ],
        commands: &[],
        hint: "write --sse AES256, or --sse aws:kms --sse-kms-key-id ID",
    },
    PeerFlag {
        flags: &["--sse-c", "--sse-c-key"],
        commands: &[],
        hint: "write --sse-c-key-file FILE (the file holds the 32 raw bytes of the key)",
    },
    PeerFlag {
        flags: &["--sse-c-copy-source", "--sse-c-copy-source-key"],
        commands: &[],
        hint: "write --sse-c-source-key-file FILE (the 32 raw bytes of the source's key)",
    },
    PeerFlag {
        flags: &["--skip-existing", "--no-overwrite", "--ignore-existing"],
        commands: WRITERS,
        hint: "write --no-clobber to keep what already exists",
    },
    PeerFlag {
        flags: &["--update", "-u"],
        commands: &["put", "get", "cp"],
        hint: "objcmd sync copies only what is missing or differs",
    },
    PeerFlag {
        flags: &["--delete-removed", "--delete-after"],
        commands: &["sync"],
        hint: "write --delete to remove from the destination what the source lacks",
    },
    PeerFlag {
        flags: &["--size-only", "--exact-timestamps", "--no-check-md5"],
        commands: &["sync"],
        hint: "sync compares size and modification time by default; --checksum compares content (every transfer is verified either way)",
    },
    PeerFlag {
        flags: &["--check-md5"],
        commands: &["sync"],
        hint: "write --checksum to compare content (MD5) instead of size and time",
    },
    PeerFlag {
        flags: &["--acl-public", "-P"],
        commands: UPLOADERS,
        hint: "write --acl public-read",
    },
    PeerFlag {
        flags: &["--acl-private"],
        commands: UPLOADERS,
        hint: "write --acl private",
    },
    PeerFlag {
        flags: &["--mime-type", "-m", "--default-mime-type"],
        commands: UPLOADERS,
        hint: "write --content-type TYPE (objcmd guesses it from the file name otherwise)",
    },
    PeerFlag {
        flags: &["--add-header"],
        commands: UPLOADERS,
        hint: "write --header 'Name: value' (repeatable)",
    },
    PeerFlag {
        flags: &[
            "--cache-control",
            "--content-disposition",
            "--content-encoding",
            "--content-language",
        ],
        commands: UPLOADERS,
        hint: "write --header 'Name: value', e.g. --header 'Cache-Control: no-cache'",
    },
    PeerFlag {
        flags: &["--metadata", "--add-meta"],
        commands: UPLOADERS,
        hint: "write --meta KEY=VALUE (repeatable)",
    },
    PeerFlag {
        flags: &[
            "--multipart-chunk-size-mb",
            "--chunk-size",
            "--bigfile-threshold",
        ],
        commands: &[],
        hint: "write --part-size SIZE, e.g. --part-size 16MiB",
    },
    PeerFlag {
        flags: &["--expected-size"],
        commands: &[],
        hint: "not needed: stdin is sent in parts of --part-size whatever its length",
    },
    PeerFlag {
        flags: &["--follow-symlinks", "--no-follow-symlinks"],
        commands: &[],
        hint: "objcmd follows symlinks to files and directories (and reports loops)",
    },
    PeerFlag {
        flags: &["--numworkers", "--parallel", "--max-concurrent-requests"],
        commands: &[],
        hint: "write -j N (objects at once) and --part-jobs N (parts of one object at once)",
    },
    PeerFlag {
        flags: &["--concurrency", "-c"],
        commands: WRITERS,
        hint: "write --part-jobs N (parts of one object at once); -j N sets objects at once",
    },
    PeerFlag {
        flags: &["--endpoint-url", "--host", "-e"],
        commands: &[],
        hint: "write --endpoint URL",
    },
    PeerFlag {
        flags: &[
            "--no-verify-ssl",
            "--no-check-certificate",
            "--insecure-skip-verify",
        ],
        commands: &[],
        hint: "write --insecure (or better, --ca-bundle FILE)",
    },
    PeerFlag {
        flags: &["--access_key", "--access-key-id", "-i"],
        commands: &[],
        hint: "write --access-key KEY",
    },
    PeerFlag {
        flags: &["--secret_key", "--secret-access-key", "-k"],
        commands: &[],
        hint: "write --secret-key SECRET",
    },
    PeerFlag {
        flags: &["--config-file", "--config_file"],
        commands: &[],
        hint: "write --config PATH",
    },
    PeerFlag {
        flags: &["--output", "-o"],
        commands: &[],
        hint: "write --json for one JSON record per line",
    },
    PeerFlag {
        flags: &["--only-show-errors", "--no-stats"],
        commands: &[],
        hint: "write -q",
    },
    PeerFlag {
        flags: &["--human-readable", "--human-readable-sizes"],
        commands: &["ls"],
        hint: "write -H",
    },
    PeerFlag {
        flags: &["--long-listing", "--list-md5"],
        commands: &["ls"],
        hint: "write -l (size, date, storage class and ETag)",
    },
];

/// The peers' names for what objcmd does, and the objcmd command to type instead.
const PEER_COMMANDS: &[(&[&str], &str)] = &[
    (
        &["la"],
        "objcmd ls -r s3://BUCKET lists every object of a bucket (s3cmd la lists all buckets')",
    ),
    (
        &["list", "getallbucket", "lb"],
        "objcmd ls lists buckets; objcmd ls s3://BUCKET/PREFIX lists objects",
    ),
    (
        &["info", "head", "meta", "getmeta", "stat-object"],
        "objcmd stat s3://BUCKET/KEY",
    ),
    (
        &["del", "delete", "remove", "rm-object"],
        "objcmd rm s3://BUCKET/KEY (rm -r for a prefix)",
    ),
    (
        &["createbucket", "create-bucket", "makebucket"],
        "objcmd mb s3://BUCKET",
    ),
    (
        &["deletebucket", "delete-bucket", "removebucket"],
        "objcmd rb s3://BUCKET (rb --force empties it first)",
    ),
    (
        &["setacl", "set-acl", "getacl", "get-acl"],
        "objcmd acl get|set URL [ACL]",
    ),
    (
        &["presign", "sign", "sign-url", "signedurl"],
        "objcmd signurl s3://BUCKET/KEY",
    ),
    (
        &["mirror", "synchronize"],
        "objcmd sync SRC DST (--delete to remove what SRC lacks)",
    ),
    (
        &["upload", "up"],
        "objcmd put FILE... s3://BUCKET/PREFIX/ (put -r for a directory)",
    ),
    (
        &["download", "down", "fetch"],
        "objcmd get s3://BUCKET/KEY [FILE] (get -r for a prefix)",
    ),
    (&["copy", "copy-object"], "objcmd cp SRC DST"),
    (
        &[
            "abortmultipart",
            "abortmp",
            "listmp",
            "multipart-list",
            "multipartlist",
        ],
        "objcmd multipart ls|abort URL",
    ),
    (
        &["setmeta", "modify", "set-props", "setprops"],
        "objcmd set-meta s3://BUCKET/KEY --meta K=V (also --content-type, --storage-class, --acl, -r)",
    ),
    (
        &["setpolicy", "delpolicy", "getpolicy", "bucket-policy"],
        "objcmd bucket policy s3://BUCKET [--set FILE|-] [--delete]",
    ),
    (
        &["setlifecycle", "dellifecycle", "getlifecycle", "lifecycle"],
        "objcmd bucket lifecycle s3://BUCKET [--set FILE|-] [--delete]",
    ),
    (
        &["setcors", "delcors", "getcors", "cors"],
        "objcmd bucket cors s3://BUCKET [--set FILE|-] [--delete]",
    ),
    (
        &["ws-create", "ws-delete", "ws-info", "website"],
        "objcmd bucket website s3://BUCKET [--index DOC [--error-doc DOC]] [--delete]",
    ),
    (
        &["bucket-tagging"],
        "objcmd bucket tagging s3://BUCKET [K=V...] [--delete]",
    ),
    (
        &[
            "object-tagging",
            "put-object-tagging",
            "get-object-tagging",
            "delete-object-tagging",
            "tagging",
        ],
        "objcmd tag s3://BUCKET/KEY [K=V...] [--delete] [-r]",
    ),
    (
        &["put-object-retention", "get-object-retention"],
        "objcmd retention s3://BUCKET/KEY [--mode GOVERNANCE|COMPLIANCE --until RFC3339]",
    ),
    (
        &[
            "put-object-legal-hold",
            "get-object-legal-hold",
            "legalhold",
        ],
        "objcmd legal-hold s3://BUCKET/KEY [on|off]",
    ),
    (
        &["restore-object"],
        "objcmd restore s3://BUCKET/KEY [--days N] [--tier Standard|Bulk|Expedited] [-r]",
    ),
    (
        &[
            "setversioning",
            "bucket-versioning",
            "put-bucket-versioning",
        ],
        "objcmd bucket versioning s3://BUCKET [enable|suspend]",
    ),
    (
        &["list-object-versions", "listversions"],
        "objcmd ls -r --all-versions s3://BUCKET[/PREFIX]",
    ),
];

/// What to tell a user who typed the unknown subcommand `name`.
pub fn command_hint(name: &str) -> Option<&'static str> {
    let name = name.to_ascii_lowercase();
    PEER_COMMANDS
        .iter()
        .find(|(names, _)| names.contains(&name.as_str()))
        .map(|(_, hint)| *hint)
}

/// What to tell a user who typed `flag` (as given, `--x=v` included) with `command`.
pub fn flag_hint(command: Option<&str>, flag: &str) -> Option<&'static str> {
    let flag = flag.split_once('=').map_or(flag, |(name, _)| name);
    PEER_FLAGS
        .iter()
        .find(|p| {
            p.flags.contains(&flag)
                && (p.commands.is_empty() || command.is_some_and(|c| p.commands.contains(&c)))
        })
        .map(|p| p.hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn peers_command_names_name_objcmds() {
        assert!(command_hint("la").unwrap().starts_with("objcmd ls -r"));
        assert!(command_hint("DEL").unwrap().starts_with("objcmd rm"));
        assert!(
            command_hint("presign")
                .unwrap()
                .starts_with("objcmd signurl")
        );
        assert!(command_hint("mirror").unwrap().starts_with("objcmd sync"));
        assert!(
            command_hint("setpolicy")
                .unwrap()
                .starts_with("objcmd bucket policy")
        );
        assert!(
            command_hint("ws-create")
                .unwrap()
                .starts_with("objcmd bucket website")
        );
        assert!(
            command_hint("object-tagging")
                .unwrap()
                .starts_with("objcmd tag")
        );
        assert!(
            command_hint("restore-object")
                .unwrap()
                .starts_with("objcmd restore")
        );
        assert!(
            command_hint("setversioning")
                .unwrap()
                .starts_with("objcmd bucket versioning")
        );
        assert_eq!(command_hint("frobnicate"), None);
        // No peer name hides one of objcmd's own commands.
        let cli = crate::cli::Cli::command();
        for (names, _) in PEER_COMMANDS {
            for name in *names {
                assert!(
                    cli.find_subcommand(name).is_none(),
                    "{name} is an objcmd command"
                );
            }
        }
    }

    #[test]
    fn the_peers_encryption_flags_name_ours() {
        assert!(
            flag_hint(Some("put"), "--server-side-encryption")
                .unwrap()
                .contains("--sse AES256")
        );
        assert!(
            flag_hint(Some("get"), "--sse-c-key")
                .unwrap()
                .contains("--sse-c-key-file")
        );
    }

    #[test]
    fn hints_depend_on_the_command() {
        assert!(
            flag_hint(Some("put"), "--force")
                .unwrap()
                .contains("--no-clobber")
        );
        assert!(
            flag_hint(Some("rm"), "--force")
                .unwrap()
                .contains("without asking")
        );
        assert!(
            flag_hint(Some("sync"), "--recursive")
                .unwrap()
                .contains("always recursive")
        );
        assert_eq!(flag_hint(Some("put"), "--dryrun"), Some("write --dry-run"));
        assert!(flag_hint(Some("ls"), "--dryrun").is_none());
        assert!(
            flag_hint(None, "--endpoint-url=http://x")
                .unwrap()
                .contains("--endpoint")
        );
        assert!(flag_hint(Some("put"), "--no-such-flag").is_none());
    }

    /// A listed flag that objcmd has (on that command) would hide a real flag's error.
    #[test]
    fn no_listed_flag_is_one_of_objcmds() {
        let cli = crate::cli::Cli::command();
        for sub in cli.get_subcommands() {
            let name = sub.get_name();
            let taken: Vec<String> = sub
                .get_arguments()
                .chain(cli.get_arguments())
                .flat_map(|a| {
                    let long = a.get_long().map(|l| format!("--{l}"));
                    let short = a.get_short().map(|s| format!("-{s}"));
                    long.into_iter().chain(short)
                })
                .collect();
            for peer in PEER_FLAGS {
                if !peer.commands.is_empty() && !peer.commands.contains(&name) {
                    continue;
                }
                for flag in peer.flags {
                    assert!(
                        !taken.iter().any(|t| t == flag),
                        "{flag} is an objcmd flag of {name}"
                    );
                }
            }
        }
    }
}
