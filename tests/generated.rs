//! The files generated from the clap definitions and checked in: shell completions in
//! `completions/` and man pages in `docs/man/`. A test fails when one is stale; run
//! `OBJCMD_REGENERATE=1 cargo test --test generated` to write them again. The completion
//! scripts are also run in the shells they are for.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::CommandFactory as _;

/// The shells of `objcmd completions` and the file each script is kept in.
const SHELLS: [(&str, &str); 5] = [
    ("bash", "objcmd.bash"),
    ("zsh", "_objcmd"),
    ("fish", "objcmd.fish"),
    ("powershell", "_objcmd.ps1"),
    ("elvish", "objcmd.elv"),
];

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn regenerating() -> bool {
    std::env::var_os("OBJCMD_REGENERATE").is_some_and(|v| v == "1")
}

/// Compares `path` with what it should hold, or writes it when regenerating. Returns the
/// problem, if any, so that one run names every stale file.
fn check_file(path: &Path, expected: &[u8]) -> Option<String> {
    if regenerating() {
        fs::write(path, expected).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        return None;
    }
    match fs::read(path) {
        Ok(found) if found == expected => None,
        Ok(_) => Some(format!("{} is stale", path.display())),
        Err(e) => Some(format!("{}: {e}", path.display())),
    }
}

fn assert_current(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{}\nrun: OBJCMD_REGENERATE=1 cargo test --test generated",
        problems.join("\n")
    );
}

#[test]
fn completion_scripts_are_the_output_of_objcmd_completions() {
    // A broken config file must not stop a shell from loading its completions.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, "this is [not toml").unwrap();
    let mut problems = Vec::new();
    for (shell, file) in SHELLS {
        let out = Command::new(env!("CARGO_BIN_EXE_objcmd"))
            .args(["completions", shell])
            .env("OBJCMD_CONFIG", &config)
            .output()
            .unwrap();
        assert!(out.status.success(), "completions {shell}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("sign-parts"),
            "the {shell} script does not know the subcommands"
        );
        problems.extend(check_file(&repo("completions").join(file), &out.stdout));
    }
    assert_current(problems);

    let out = Command::new(env!("CARGO_BIN_EXE_objcmd"))
        .args(["--json", "completions", "fish"])
        .output()
        .unwrap();
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["shell"], "fish");
    let kept = fs::read_to_string(repo("completions/objcmd.fish")).unwrap();
    assert_eq!(record["script"], kept.as_str());
}

/// A man page for `cmd` and each of its subcommands, named `objcmd-SUB[-SUBSUB].1`.
fn man_pages(cmd: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub.clone(), pages);
    }
    let man = clap_mangen::Man::new(cmd.clone())
        .source(concat!("objcmd ", env!("CARGO_PKG_VERSION")))
        .manual("objcmd manual");
    let mut page = Vec::new();
    if cmd.get_name() == "objcmd" {
        // The top page carries what concerns every subcommand.
        man.render_title(&mut page).unwrap();
        man.render_name_section(&mut page).unwrap();
        man.render_synopsis_section(&mut page).unwrap();
        man.render_description_section(&mut page).unwrap();
        man.render_options_section(&mut page).unwrap();
        man.render_subcommands_section(&mut page).unwrap();
        page.extend_from_slice(TOP_PAGE_SECTIONS.as_bytes());
        man.render_version_section(&mut page).unwrap();
    } else {
        man.render(&mut page).unwrap();
    }
    pages.push((man.get_filename(), page));
}

/// Exit status, environment, files and pointers, in roff, for `objcmd.1`.
const TOP_PAGE_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
success
.TP
\fB1\fR
failure: network, I/O, server error after retries, anything else
.TP
\fB2\fR
usage or configuration error, found before any request
.TP
\fB3\fR
partial failure: a batch command finished some objects and failed others
.TP
\fB4\fR
not found (NoSuchBucket, NoSuchKey, NoSuchUpload, missing local source)
.TP
\fB5\fR
access denied or bad credentials
.TP
\fB6\fR
integrity failure (checksum mismatch, wrong decryption key)
.TP
\fB130\fR
interrupted (Ctrl\-C, SIGINT, SIGTERM)
.SH ENVIRONMENT
.TP
\fBOBJCMD_PROFILE\fR, \fBOBJCMD_CONFIG\fR, \fBOBJCMD_PROVIDER\fR, \fBOBJCMD_ENDPOINT\fR, \fBOBJCMD_REGION\fR
as the options of the same names
.TP
\fBOBJCMD_ACCESS_KEY\fR, \fBOBJCMD_SECRET_KEY\fR, \fBOBJCMD_SECURITY_TOKEN\fR
credentials; the provider's own variables are read too: \fBAWS_ACCESS_KEY_ID\fR, \fBAWS_SECRET_ACCESS_KEY\fR, \fBAWS_SESSION_TOKEN\fR, \fBOSS_ACCESS_KEY_ID\fR, \fBOSS_ACCESS_KEY_SECRET\fR, \fBOSS_SESSION_TOKEN\fR, \fBKS3_ACCESS_KEY_ID\fR, \fBKS3_SECRET_ACCESS_KEY\fR
.TP
\fBOBJCMD_ENCRYPTION_KEY_FILE\fR
the 16\-byte key of client\-side encryption
.TP
\fBOBJCMD_STATE_DIR\fR
the state directory: checkpoints of resumable uploads are kept in its \fIuploads/\fR (default: \fI~/.local/state/objcmd\fR)
.TP
\fBHTTPS_PROXY\fR, \fBHTTP_PROXY\fR, \fBNO_PROXY\fR
proxies, as usual
.TP
\fBNO_COLOR\fR
never colour the output
.PP
Precedence: option > \fBOBJCMD_*\fR > the provider's variable > profile > default.
.SH FILES
.TP
\fI~/.config/objcmd/config.toml\fR
profiles and credentials (TOML, mode 0600); \fBobjcmd config path\fR prints where it is on this system
.TP
\fI~/.local/state/objcmd/uploads/\fR
checkpoints of interrupted multipart uploads, for \fB\-\-continue\fR
.SH "SEE ALSO"
The user guide, the profiles, integrity and JSON pages and the migration guide from s3cmd, ossutil, ks3util and aws\-cli are in the \fIdocs/\fR directory of the source.
"#;

#[test]
fn man_pages_are_generated_from_the_definitions() {
    let dir = repo("docs/man");
    let mut pages = Vec::new();
    let mut cmd = objcmd::cli::Cli::command().disable_help_subcommand(true);
    // Building names each subcommand after its path (objcmd-multipart-sign-parts).
    cmd.build();
    man_pages(cmd, &mut pages);
    if regenerating() {
        fs::create_dir_all(&dir).unwrap();
    }
    let mut problems = Vec::new();
    for (name, page) in &pages {
        problems.extend(check_file(&dir.join(name), page));
    }
    let expected: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !expected.contains(&name.as_str()) {
            if regenerating() {
                fs::remove_file(&path).unwrap();
            } else {
                problems.push(format!("{} belongs to no subcommand", path.display()));
            }
        }
    }
    assert_current(problems);
    for name in ["objcmd.1", "objcmd-put.1", "objcmd-multipart-sign-parts.1"] {
        assert!(expected.contains(&name), "no {name} in {expected:?}");
    }
}

fn shell_output(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .current_dir(repo("completions"))
        .output()
        .unwrap_or_else(|e| panic!("{program} (installed by scripts/radosgw.sh install): {e}"));
    assert!(out.status.success(), "{program} {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// What the bash script offers for the words typed so far (the last one being completed).
fn bash_candidates(words: &str) -> Vec<String> {
    let script = format!(
        r#"source ./objcmd.bash
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="{words}"
_objcmd objcmd "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#
    );
    let out = shell_output("bash", &["--norc", "-c", &script]);
    out.lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_subcommands_their_flags_and_values() {
    assert_eq!(bash_candidates("objcmd sy"), ["sync"]);
    assert_eq!(bash_candidates("objcmd multipart sign"), ["sign-parts"]);
    assert_eq!(bash_candidates("objcmd put --storage"), ["--storage-class"]);
    assert_eq!(
        bash_candidates("objcmd --provider ''"),
        ["s3", "oss", "ks3"],
        "values of --provider"
    );
    let shells = bash_candidates("objcmd completions ''");
    assert!(shells.contains(&"powershell".to_string()), "{shells:?}");
}

#[test]
fn fish_completes_subcommands_and_flags() {
    let complete = |line: &str| {
        shell_output(
            "fish",
            &[
                "--no-config",
                "-c",
                &format!("source ./objcmd.fish; complete -C '{line}'"),
            ],
        )
    };
    let subs = complete("objcmd sy");
    assert!(subs.starts_with("sync\t"), "{subs}");
    let flags = complete("objcmd get --ra");
    assert!(
        flags.contains("--range\t") && flags.contains("--raw\t"),
        "{flags}"
    );
}

#[test]
fn zsh_accepts_its_script() {
    // A syntax check: driving zsh's completion system needs a terminal (zpty).
    shell_output("zsh", &["-n", "./_objcmd"]);
    shell_output(
        "zsh",
        &["-c", "source ./_objcmd 2>/dev/null; whence -w _objcmd"],
    );
}

/// Runs `program` in completions/ with objcmd on PATH and a config file of two profiles,
/// as a user's shell would run the scripts' `objcmd config profiles`.
fn shell_output_with_profiles(program: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "default_profile = \"local\"\n[profiles.local]\nprovider = \"s3\"\n[profiles.prod-eu]\nprovider = \"oss\"\n",
    )
    .unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_objcmd")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new(program)
        .args(args)
        .current_dir(repo("completions"))
        .env("PATH", path)
        .env("OBJCMD_CONFIG", &config)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn profile_names_complete_in_bash_zsh_and_fish() {
    let bash = |words: &str| {
        let script = format!(
            r#"source ./objcmd.bash
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
_objcmd objcmd "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#
        );
        shell_output_with_profiles("bash", &["--norc", "-c", &script])
    };
    assert_eq!(bash("objcmd -p ''"), "local\nprod-eu\n");
    assert_eq!(bash("objcmd ls --profile pr"), "prod-eu\n");
    // zsh's completion system needs a terminal: run the action of -p itself, with a
    // compadd that prints what it is given.
    let zsh_script = std::fs::read_to_string(repo("completions/_objcmd")).unwrap();
    let spec = zsh_script
        .lines()
        .find(|l| l.trim_start().starts_with("'-p+["))
        .unwrap();
    let action = spec
        .split(":NAME:")
        .nth(1)
        .and_then(|a| a.strip_suffix("' \\"))
        .unwrap_or_else(|| panic!("no action in {spec}"));
    let zsh = format!(
        "words=(objcmd -p ''); compadd() {{ [[ $1 == -- ]] && shift; print -l -- \"$@\" }}; {}",
        action
            .strip_prefix('{')
            .and_then(|a| a.strip_suffix('}'))
            .unwrap()
    );
    assert_eq!(
        shell_output_with_profiles("zsh", &["-c", &zsh]),
        "local\nprod-eu\n"
    );
    // (clap's fish script offers files for `objcmd -p ` before a subcommand: its
    // argument parser fails on the missing value there.)
    let fish = |line: &str| {
        let out = shell_output_with_profiles(
            "fish",
            &[
                "--no-config",
                "-c",
                &format!("source ./objcmd.fish; complete -C '{line}'"),
            ],
        );
        out.lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(fish("objcmd ls -p "), ["local", "prod-eu"]);
    assert_eq!(fish("objcmd --profile=p"), ["--profile=prod-eu"]);
}
