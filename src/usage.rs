//! Command-line errors on one line: clap's multi-line report condensed, with the valid
//! values named, a missing destination told as such, and peers' flags explained.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The subcommand (with its parent, `multipart abort`) the error is about, from clap's
/// usage line, else the first argument that names one.
pub fn subcommand(e: &clap::Error) -> Option<String> {
    let Some(usage) = e.get(ContextKind::Usage).map(|u| u.to_string()) else {
        let cli = <crate::cli::Cli as clap::CommandFactory>::command();
        return std::env::args_os().skip(1).find_map(|a| {
            let a = a.to_str()?;
            cli.find_subcommand(a).map(|_| a.to_string())
        });
    };
    let after = usage.split("objcmd ").nth(1)?;
    let words: Vec<&str> = after
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// The one-line message and the tip (if any) for a clap error.
pub fn message_and_tip(e: &clap::Error, subcommand: Option<&str>) -> (String, Option<String>) {
    let text = e.render().to_string();
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    let first = lines.next().unwrap_or("invalid arguments");
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    // "the following required arguments were not provided:" lists them on the next lines.
    if message.ends_with(':') {
        let mut listed = Vec::new();
        while let Some(item) = lines.next_if(|l| !l.starts_with("Usage:") && !l.starts_with("tip:"))
        {
            listed.push(item);
        }
        message = format!("{message} {}", listed.join(", "));
    }
    let mut tip = lines
        .find(|l| l.starts_with("tip:"))
        .map(|t| t.trim_start_matches("tip:").trim().to_string());
    match e.kind() {
        ErrorKind::MissingRequiredArgument
            if matches!(subcommand, Some("put" | "mv"))
                && strings(e, ContextKind::InvalidArg) == ["<SRC>..."] =>
        {
            // Given one path, clap fills DST first: the user forgot the destination.
            let sub = subcommand.unwrap_or("put");
            message = format!(
                "{sub} needs a source and a destination (objcmd {sub} SRC... DST); one path was given"
            );
        }
        ErrorKind::InvalidValue => {
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                message = format!("{message} (valid: {})", valid.join(", "));
            }
        }
        ErrorKind::InvalidSubcommand => {
            let name = strings(e, ContextKind::InvalidSubcommand);
            if let Some(hint) = name.first().and_then(|n| crate::peers::command_hint(n)) {
                tip = Some(format!("objcmd's command for that: {hint}"));
            }
        }
        ErrorKind::UnknownArgument => {
            let flag = strings(e, ContextKind::InvalidArg);
            // clap's "to pass '--force' as a value, use '-- --force'" misleads more people
            // than it helps: the --help hint follows anyway.
            tip = flag
                .first()
                .and_then(|f| crate::peers::flag_hint(subcommand, f))
                .map(str::to_string)
                .or(tip.filter(|t| !t.starts_with("to pass")));
        }
        _ => {}
    }
    (message, tip)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn report(args: &[&str]) -> (String, Option<String>) {
        let e = crate::cli::Cli::try_parse_from(args).unwrap_err();
        let sub = subcommand(&e);
        message_and_tip(&e, sub.as_deref())
    }

    #[test]
    fn a_put_without_destination_says_so() {
        let (message, _) = report(&["objcmd", "put", "one-file"]);
        assert!(
            message.contains("put needs a source and a destination"),
            "{message}"
        );
    }

    #[test]
    fn invalid_values_name_the_valid_ones() {
        let (message, _) = report(&["objcmd", "completions", "tcsh"]);
        assert!(
            message.contains("valid: bash, elvish, fish, powershell, zsh"),
            "{message}"
        );
    }

    #[test]
    fn peer_commands_get_objcmds_name() {
        let (message, tip) = report(&["objcmd", "la"]);
        assert_eq!(message, "unrecognized subcommand 'la'");
        assert!(
            tip.unwrap()
                .starts_with("objcmd's command for that: objcmd ls -r")
        );
        let (_, tip) = report(&["objcmd", "del", "s3://b/k"]);
        assert!(tip.unwrap().contains("objcmd rm"));
    }

    #[test]
    fn peer_flags_get_objcmds_way() {
        let (message, tip) = report(&["objcmd", "put", "--force", "a", "s3://b/"]);
        assert_eq!(message, "unexpected argument '--force' found");
        assert!(tip.unwrap().contains("--no-clobber"));
        let e =
            crate::cli::Cli::try_parse_from(["objcmd", "multipart", "abort", "--x"]).unwrap_err();
        assert_eq!(subcommand(&e).as_deref(), Some("multipart abort"));
    }
}
