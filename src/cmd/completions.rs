//! `objcmd completions`: the shell completion scripts, generated from the clap definitions
//! (the files in `completions/` are this command's output, checked by tests/generated.rs).

use clap::CommandFactory as _;
use serde_json::json;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit::ExitStatus;
use crate::output::Printer;

/// The completion script for `shell`.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "objcmd", &mut out);
    let text = String::from_utf8_lossy(&out);
    complete_profiles(shell, &text).into_bytes()
}

/// Makes `-p`/`--profile` complete the profile names of the config file (from `objcmd
/// config profiles`, run as the command being completed was typed) instead of file names:
/// clap's static scripts only know fixed values.
fn complete_profiles(shell: clap_complete::Shell, script: &str) -> String {
    use clap_complete::Shell;
    match shell {
        Shell::Bash => {
            let files = "COMPREPLY=($(compgen -f \"${cur}\"))";
            let names = "COMPREPLY=($(compgen -W \"$(\"${1}\" config profiles 2>/dev/null)\" -- \"${cur}\"))";
            let mut out = String::new();
            let mut profile_case = false;
            for line in script.lines() {
                let trimmed = line.trim();
                if trimmed == "--profile)" || trimmed == "-p)" {
                    profile_case = true;
                } else if profile_case && trimmed == files {
                    out.push_str(&line.replace(files, names));
                    out.push('\n');
                    profile_case = false;
                    continue;
                } else {
                    profile_case = false;
                }
                out.push_str(line);
                out.push('\n');
            }
            out
        }
        Shell::Zsh => script
            .lines()
            .map(|line| {
                let trimmed = line.trim_start();
                if trimmed.starts_with("'-p+[") || trimmed.starts_with("'--profile=[") {
                    let names =
                        ":NAME:{compadd -- ${(f)\"$(${words[1]} config profiles 2>/dev/null)\"}}'";
                    format!("{}\n", line.replace(":NAME:_default'", names))
                } else {
                    format!("{line}\n")
                }
            })
            .collect(),
        Shell::Fish => {
            let function = "function __fish_objcmd_profiles\n    set -l cmd (commandline -opc)\n    command $cmd[1] config profiles 2>/dev/null\nend\n\n";
            let completed = script
                .lines()
                .map(|line| {
                    if line.contains(" -s p -l profile ") && line.ends_with(" -r") {
                        format!("{line} -f -a '(__fish_objcmd_profiles)'\n")
                    } else {
                        format!("{line}\n")
                    }
                })
                .collect::<String>();
            format!("{function}{completed}")
        }
        _ => script.to_string(),
    }
}

/// Runs `completions`: the script on stdout (with `--json`, inside a record).
pub fn run(args: &CompletionsArgs, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let script = script(args.shell);
    if printer.json {
        let text = String::from_utf8_lossy(&script);
        printer.record(&json!({"shell": args.shell.to_string(), "script": text}))?;
    } else {
        printer.write_data(&script)?;
    }
    Ok(ExitStatus::Success)
}
