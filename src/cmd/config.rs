//! `objcmd config`: create, edit and show profiles.

use std::io::{self, BufRead, IsTerminal, Write};

use serde_json::json;

use crate::cli::{ConfigArgs, ConfigCommand, GlobalArgs};
use crate::client::Dialect;
use crate::config::{self, Edit, KeyKind, ProfileNotFound, ProfileOrigin};
use crate::error::{LocalNotFound, usage};
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::secret::Secret;
use crate::settings::{self, Context, Env, keys};

/// Runs `config`.
pub fn run(
    args: &ConfigArgs,
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    match &args.command {
        ConfigCommand::Init => init(global, env, ctx, printer),
        ConfigCommand::Set { key, value } => set(key, value, ctx, printer),
        ConfigCommand::Get { key, reveal } => {
            let secrets = if *reveal {
                Secrets::Revealed
            } else {
                Secrets::Masked
            };
            get(key, secrets, ctx, printer)
        }
        ConfigCommand::List => list(global, env, ctx, printer),
        ConfigCommand::Path => {
            let path = ctx.config_path.display().to_string();
            if printer.json {
                printer.record(&json!({"path": path}))?;
            } else {
                printer.line(&path)?;
            }
            Ok(ExitStatus::Success)
        }
        ConfigCommand::GenKey { file } => gen_key(file, printer),
        ConfigCommand::Profiles => profiles(ctx, printer),
    }
}

/// Lists the profiles of the file (nothing when there is no file): for people, and for
/// the completion scripts, which complete `-p` with these names.
fn profiles(ctx: &Context, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let Some(data) = config::load(&ctx.config_path)? else {
        return Ok(ExitStatus::Success);
    };
    let default = data.default_profile.as_deref().unwrap_or("default");
    for name in data.profiles.keys() {
        if printer.json {
            printer.record(&json!({"profile": name, "default": name == default}))?;
        } else {
            printer.line(&printer.escape(name))?;
        }
    }
    Ok(ExitStatus::Success)
}

/// Writes a new key file that the KS3 SDK reads as the same key (no whitespace at its
/// ends, which the SDK would strip).
fn gen_key(file: &std::path::Path, printer: &Printer) -> anyhow::Result<ExitStatus> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        // A key directory is as private as the config directory.
        crate::config::create_private_dir(dir)
            .map_err(|e| anyhow::Error::new(e).context(format!("creating {}", dir.display())))?;
    }
    let key = crate::encryption::Key::write_new(file).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            usage(format!(
                "{} exists; a key file is never overwritten (losing a key loses the data encrypted with it)",
                file.display()
            ))
        } else {
            anyhow::Error::new(e).context(format!("writing {}", file.display()))
        }
    })?;
    let shown = file.display().to_string();
    if printer.json {
        printer.record(&json!({"path": shown, "fingerprint": key.fingerprint()}))?;
    } else if !printer.quiet {
        printer.line(&format!(
            "wrote a new 16-byte key to {shown} (mode 0600); use it with: objcmd config set encryption_key_file {shown}"
        ))?;
    }
    Ok(ExitStatus::Success)
}

/// Whether the terminal shows what is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Echo {
    /// Typed text echoes.
    Shown,
    /// A secret: nothing echoes.
    Hidden,
}

/// Whether a secret is printed in full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Secrets {
    /// `abcd****`.
    Masked,
    /// `--reveal`.
    Revealed,
}

/// Asks on the terminal; an empty answer takes the default.
fn prompt(question: &str, default: Option<&str>, echo: Echo) -> anyhow::Result<String> {
    let shown = match default {
        Some(d) => format!("{question} [{d}]: "),
        None => format!("{question}: "),
    };
    let answer = match echo {
        Echo::Hidden => crate::output::read_secret(&shown)?,
        Echo::Shown => {
            eprint!("{shown}");
            io::stderr().flush()?;
            let mut line = String::new();
            io::stdin().lock().read_line(&mut line)?;
            line
        }
    };
    let answer = answer.trim().to_string();
    Ok(if answer.is_empty() {
        default.unwrap_or_default().to_string()
    } else {
        answer
    })
}

/// The keys `config init` needs, asked for on a terminal when nothing gave them.
const ASKED: [(&str, &str, Echo); 4] = [
    (
        keys::PROVIDER.name,
        "Provider (s3, oss or ks3)",
        Echo::Shown,
    ),
    (keys::ENDPOINT.name, "Endpoint URL", Echo::Shown),
    (keys::ACCESS_KEY.name, "Access key", Echo::Shown),
    (keys::SECRET_KEY.name, "Secret key", Echo::Hidden),
];

/// Values for `config init` to write, by key, in the order they were found.
type Values = Vec<(&'static str, String)>;

/// `config init`: writes the profile from the flags (and `OBJCMD_*` env), prompting on a
/// terminal for the required values still missing.
fn init(
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let mut values: Values = keys::KEYS
        .iter()
        .filter_map(|key| Some((key.name(), key.given_text(global, env)?)))
        .collect();
    ask_missing(&mut values, ctx)?;
    let set = values
        .iter()
        .map(|(key, value)| keys::assignment(&ctx.profile_name, key, value))
        .collect::<Result<_, _>>()?;
    let edit = Edit {
        set,
        default_profile: needs_default(ctx).then(|| ctx.profile_name.clone()),
    };
    config::update(&ctx.config_path, &edit)?;
    let path = ctx.config_path.display().to_string();
    if printer.json {
        printer.record(&json!({"profile": ctx.profile_name, "path": path}))?;
    } else {
        printer.info(&format!("profile {:?} written to {path}", ctx.profile_name));
    }
    Ok(ExitStatus::Success)
}

/// A key's value for `config init`: given for this run, else already in the profile.
fn value_of(values: &Values, ctx: &Context, key: &str) -> Option<String> {
    let given = values
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.clone());
    given.or_else(|| keys::find(key)?.profile_text(&ctx.profile))
}

/// Asks for the needed keys nothing gave (on a terminal), or fails naming their flags.
fn ask_missing(values: &mut Values, ctx: &Context) -> anyhow::Result<()> {
    let interactive = io::stdin().is_terminal() && io::stderr().is_terminal();
    let mut missing = Vec::new();
    for (key, question, echo) in ASKED {
        if value_of(values, ctx, key).is_some() {
            continue;
        }
        // AWS (and OSS with a region) need no endpoint: it follows from the region.
        let default = if key == keys::PROVIDER.name {
            Some("s3".to_string())
        } else if key == keys::ENDPOINT.name {
            let provider = value_of(values, ctx, keys::PROVIDER.name).unwrap_or_default();
            let dialect = Dialect::from_name(&provider).unwrap_or(Dialect::S3);
            let region = value_of(values, ctx, keys::REGION.name);
            settings::default_endpoint(dialect, region.as_deref())
        } else {
            None
        };
        if interactive {
            let answer = prompt(question, default.as_deref(), echo)?;
            // An endpoint left at its default stays unset, so that it follows the region.
            let is_default = key == keys::ENDPOINT.name && Some(&answer) == default.as_ref();
            if !answer.is_empty() && !is_default {
                values.push((key, answer));
                continue;
            }
        }
        if default.is_none() {
            missing.push(format!("--{}", key.replace('_', "-")));
        }
    }
    if !missing.is_empty() {
        return Err(usage(format!(
            "config init: missing {} (stdin is not a terminal, so objcmd cannot ask)",
            missing.join(", ")
        )));
    }
    Ok(())
}

/// The first profile written becomes the default.
fn needs_default(ctx: &Context) -> bool {
    config::load(&ctx.config_path)
        .ok()
        .flatten()
        .is_none_or(|d| d.default_profile.is_none())
}

fn set(key: &str, value: &str, ctx: &Context, printer: &Printer) -> anyhow::Result<ExitStatus> {
    if key == "default_profile" {
        return set_default_profile(value, ctx, printer);
    }
    let edit = Edit {
        set: vec![keys::assignment(&ctx.profile_name, key, value)?],
        default_profile: needs_default(ctx).then(|| ctx.profile_name.clone()),
    };
    config::update(&ctx.config_path, &edit)?;
    if printer.json {
        printer.record(&json!({
            "profile": ctx.profile_name,
            "key": key,
            "value": masked(key, value, Secrets::Masked),
            "path": ctx.config_path.display().to_string(),
        }))?;
    } else {
        printer.info(&format!(
            "{key} set in profile {:?} of {}",
            ctx.profile_name,
            ctx.config_path.display()
        ));
    }
    Ok(ExitStatus::Success)
}

/// `config set default_profile NAME`: a key of the file, not of a profile, and it must name
/// a profile the file has (else every later command would fail on it).
fn set_default_profile(name: &str, ctx: &Context, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let data = config::load(&ctx.config_path)?;
    if !data.as_ref().is_some_and(|d| d.profiles.contains_key(name)) {
        return Err(anyhow::Error::new(ProfileNotFound {
            name: name.to_string(),
            path: ctx.config_path.clone(),
            profiles: data.map(|d| d.profiles.into_keys().collect()),
            origin: ProfileOrigin::SetDefault,
        }));
    }
    let edit = Edit {
        set: Vec::new(),
        default_profile: Some(name.to_string()),
    };
    config::update(&ctx.config_path, &edit)?;
    let path = ctx.config_path.display().to_string();
    if printer.json {
        // default_profile belongs to the file, not to a profile.
        printer.record(&json!({
            "profile": null,
            "key": "default_profile",
            "value": name,
            "path": path,
        }))?;
    } else {
        printer.info(&format!("default_profile set to {name:?} in {path}"));
    }
    Ok(ExitStatus::Success)
}

/// A value as `config` prints it: a secret masked unless revealed.
fn masked(key: &str, value: &str, secrets: Secrets) -> String {
    let secret = keys::find(key).is_some_and(|k| k.kind() == KeyKind::Secret);
    if secret && secrets == Secrets::Masked {
        Secret::new(value).masked()
    } else {
        value.to_string()
    }
}

fn get(
    key: &str,
    secrets: Secrets,
    ctx: &Context,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let value = if key == "default_profile" {
        config::load(&ctx.config_path)?.and_then(|d| d.default_profile)
    } else {
        let Some(spec) = keys::find(key) else {
            return Err(usage(format!("unknown key {key:?}")));
        };
        spec.profile_text(&ctx.profile)
    };
    let Some(value) = value else {
        return Err(anyhow::Error::new(LocalNotFound(format!(
            "{key} is not set in profile {:?} of {}",
            ctx.profile_name,
            ctx.config_path.display()
        ))));
    };
    let shown = masked(key, &value, secrets);
    if printer.json {
        printer.record(&json!({"key": key, "value": shown}))?;
    } else {
        printer.line(&shown)?;
    }
    Ok(ExitStatus::Success)
}

fn list(
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let keys = settings::resolved_keys(global, env, ctx)?;
    let path = ctx.config_path.display().to_string();
    if printer.json {
        let mut settings = serde_json::Map::new();
        for (key, value) in &keys {
            let v = match value {
                Some(v) => json!({
                    "value": masked(key, &v.value, Secrets::Masked),
                    "source": v.source.to_string(),
                }),
                None => json!({"value": null, "source": null}),
            };
            settings.insert(key.to_string(), v);
        }
        printer
            .record(&json!({"profile": ctx.profile_name, "path": path, "settings": settings}))?;
        return Ok(ExitStatus::Success);
    }
    let note = if ctx.profile_exists {
        ""
    } else {
        " (not in the file)"
    };
    printer.line(&format!("profile: {}{note}", ctx.profile_name))?;
    printer.line(&format!("file: {path}"))?;
    // As wide as the longest name (encryption_key_file), so that every value lines up.
    let width = keys.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    for (key, value) in &keys {
        let line = match value {
            Some(v) => format!(
                "{key:<width$} = {:<40} ({})",
                masked(key, &v.value, Secrets::Masked),
                v.source
            ),
            None => format!("{key:<width$}   (not set)"),
        };
        printer.line(&line)?;
    }
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_unless_revealed() {
        assert_eq!(
            masked("secret_key", "wJalrXUtnFEMI/K7MDENG", Secrets::Masked),
            "wJal****"
        );
        assert_eq!(
            masked("security_token", "tokentokentoken", Secrets::Masked),
            "toke****"
        );
        assert_eq!(
            masked("secret_key", "wJalrXUtnFEMI/K7MDENG", Secrets::Revealed),
            "wJalrXUtnFEMI/K7MDENG"
        );
        assert_eq!(
            masked("access_key", "AKIAIOSFODNN7EXAMPLE", Secrets::Masked),
            "AKIAIOSFODNN7EXAMPLE"
        );
    }
}
