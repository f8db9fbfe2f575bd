//! Resolution of settings: command-line flag > `OBJCMD_*` env > provider env > profile >
//! built-in default (spec/cli.md), into plain structs the commands use.
//!
//! Each profile key is defined once, in [`keys`]; [`resolver`] resolves any of them into a
//! typed value that keeps its source, so `config list` shows exactly what a command would
//! use; [`connection`] turns them into the [`Connection`] a client is built from. This file
//! holds what they share: the environment, the sources, and the selected profile.

pub mod connection;
pub mod keys;
pub mod resolver;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::cli::GlobalArgs;
use crate::config::{self, ConfigData, Profile, ProfileNotFound, ProfileOrigin};
use crate::error::{UsageError, usage};

pub use connection::{Connection, resolve_connection};
pub use keys::default_endpoint;
pub use resolver::{Resolved, Resolver};

/// Read access to environment variables (the process's, or a map in tests).
pub trait Env {
    /// The variable's value; an empty value counts as unset.
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl Env for BTreeMap<&str, &str> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(|v| v.to_string())
            .filter(|v| !v.is_empty())
    }
}

/// Where a resolved value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag.
    Flag,
    /// An environment variable.
    Env(&'static str),
    /// The profile in the config file.
    Profile,
    /// objcmd's default.
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag => f.write_str("flag"),
            Source::Env(name) => write!(f, "env {name}"),
            Source::Profile => f.write_str("profile"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// The config file and the selected profile.
#[derive(Debug)]
pub struct Context {
    /// The config file's path (it may not exist).
    pub config_path: PathBuf,
    /// The selected profile's name.
    pub profile_name: String,
    /// The selected profile (empty if the file does not have it).
    pub profile: Profile,
    /// True when the file has this profile.
    pub profile_exists: bool,
}

/// Whether the command may select a profile the file does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileUse {
    /// The profile must exist when it was named (every command but `config`).
    Existing,
    /// `config` creates the profile it writes to.
    Creating,
}

/// Finds the config file, reads it, and selects the profile: `-p` > `OBJCMD_PROFILE` >
/// the file's `default_profile` > `default`. A profile named explicitly (or by
/// `default_profile`) must exist, unless the command is about to create it (`config`).
pub fn load_context(
    global: &GlobalArgs,
    env: &dyn Env,
    profile_use: ProfileUse,
) -> Result<Context, anyhow::Error> {
    let config_path = match global
        .config
        .clone()
        .or_else(|| env.var("OBJCMD_CONFIG").map(PathBuf::from))
    {
        Some(p) => p,
        None => config::default_path().ok_or_else(|| {
            usage("cannot find a config directory (is HOME set?); pass --config PATH")
        })?,
    };
    let data = config::load(&config_path)?;
    let named = global.profile.clone().or_else(|| env.var("OBJCMD_PROFILE"));
    let data_ref = data.as_ref();
    let profile_name = named
        .clone()
        .or_else(|| data_ref.and_then(|d| d.default_profile.clone()))
        .unwrap_or_else(|| "default".to_string());
    let found = data_ref.and_then(|d: &ConfigData| d.profiles.get(&profile_name).cloned());
    // The built-in `default` may be missing (credentials from the environment); a name
    // someone wrote down must exist, except for `config`, which creates it.
    let origin = if named.is_some() {
        Some(ProfileOrigin::Named)
    } else {
        data_ref
            .and_then(|d| d.default_profile.as_ref())
            .map(|_| ProfileOrigin::FileDefault)
    };
    if let Some(origin) = origin
        && found.is_none()
        && profile_use == ProfileUse::Existing
    {
        return Err(anyhow::Error::new(ProfileNotFound {
            name: profile_name,
            path: config_path,
            profiles: data_ref.map(|d| d.profiles.keys().cloned().collect()),
            origin,
        }));
    }
    Ok(Context {
        config_path,
        profile_name,
        profile_exists: found.is_some(),
        profile: found.unwrap_or_default(),
    })
}

/// A key's name and its resolved value as text; `None` when nobody set it.
pub type ResolvedKey = (&'static str, Option<Resolved<String>>);

/// Every profile key resolved, as text with its source, in the order of [`keys::KEYS`], for
/// `config list` (secrets unmasked: the caller masks them). Values are shown as given, not
/// checked: only an `OBJCMD_PROVIDER` that names no provider fails.
pub fn resolved_keys(
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
) -> Result<Vec<ResolvedKey>, UsageError> {
    let r = Resolver::new(global, env, ctx)?;
    keys::KEYS
        .iter()
        .map(|key| Ok((key.name(), key.resolved_text(&r)?)))
        .collect()
}

/// What the tests of the settings modules share: a context around a profile.
#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::client::Dialect;
    use crate::secret::Secret;

    /// The selected profile `default` of `/home/u/.config/objcmd/config.toml`.
    pub fn ctx(profile: Profile) -> Context {
        Context {
            config_path: PathBuf::from("/home/u/.config/objcmd/config.toml"),
            profile_name: "default".into(),
            profile,
            profile_exists: true,
        }
    }

    /// An S3 profile with an endpoint and credentials.
    pub fn profile() -> Profile {
        Profile {
            provider: Some(Dialect::S3),
            endpoint: Some("http://profile:1".into()),
            access_key: Some("profile-ak".into()),
            secret_key: Some(Secret::new("profile-sk")),
            ..Profile::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{ctx, profile};
    use super::*;

    #[test]
    fn explicit_profile_must_exist() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[profiles.a]\nregion = \"x\"\n").unwrap();
        let global = GlobalArgs {
            config: Some(path.clone()),
            profile: Some("b".into()),
            ..GlobalArgs::default()
        };
        let err = load_context(&global, &BTreeMap::new(), ProfileUse::Existing)
            .unwrap_err()
            .to_string();
        assert!(err.contains("profile \"b\" is not in"), "{err}");
        let ctx = load_context(&global, &BTreeMap::new(), ProfileUse::Creating).unwrap();
        assert!(!ctx.profile_exists);
        let mut env = BTreeMap::new();
        env.insert("OBJCMD_PROFILE", "a");
        let global = GlobalArgs {
            config: Some(path),
            ..GlobalArgs::default()
        };
        let ctx = load_context(&global, &env, ProfileUse::Existing).unwrap();
        assert_eq!(ctx.profile_name, "a");
        assert_eq!(ctx.profile.region.as_deref(), Some("x"));
    }

    #[test]
    fn resolved_keys_report_sources() {
        let ctx = ctx(profile());
        let mut env = BTreeMap::new();
        env.insert("AWS_SECRET_ACCESS_KEY", "env-sk");
        let keys = resolved_keys(&GlobalArgs::default(), &env, &ctx).unwrap();
        let get = |k: &str| {
            let (_, v) = keys.iter().find(|(n, _)| *n == k).unwrap();
            v.clone().map(|v| (v.value, v.source))
        };
        assert_eq!(
            get("secret_key"),
            Some(("env-sk".into(), Source::Env("AWS_SECRET_ACCESS_KEY")))
        );
        assert_eq!(
            get("access_key"),
            Some(("profile-ak".into(), Source::Profile))
        );
        assert_eq!(get("retries"), Some(("5".into(), Source::Default)));
        assert_eq!(get("security_token"), None);
    }
}
