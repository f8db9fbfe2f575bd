//! The layered lookup of one key: command-line flag > `OBJCMD_*` env > provider env >
//! profile > built-in default, into a typed value that keeps its source.
//!
//! The dialect is resolved first, because the provider's own variables depend on it; the
//! same rule then serves every key of [`super::keys`].

use crate::cli::GlobalArgs;
use crate::client::Dialect;
use crate::config::KeyKind;
use crate::error::UsageError;

use super::keys::{AnyKey, Key, KeyValue, PROVIDER};
use super::{Context, Env, Source};

/// A value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

/// Resolves keys for one run: the flags, the environment and the selected profile.
pub struct Resolver<'a> {
    global: &'a GlobalArgs,
    env: &'a dyn Env,
    ctx: &'a Context,
    dialect: Dialect,
}

impl<'a> Resolver<'a> {
    /// Resolves the dialect; fails on an `OBJCMD_PROVIDER` that names none.
    pub fn new(
        global: &'a GlobalArgs,
        env: &'a dyn Env,
        ctx: &'a Context,
    ) -> Result<Resolver<'a>, UsageError> {
        let mut r = Resolver {
            global,
            env,
            ctx,
            dialect: Dialect::S3,
        };
        // The provider has no provider variables: the placeholder dialect is not read.
        r.dialect = r.get(&PROVIDER)?.map_or(Dialect::S3, |d| d.value);
        Ok(r)
    }

    /// The resolved dialect.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The key's value given for this run: flag > `OBJCMD_*` env > provider env > profile.
    /// Empty values count as unset. Fails only on an environment value of a typed key that
    /// is not one of its values.
    pub fn given<T: KeyValue>(&self, key: &Key<T>) -> Result<Option<Resolved<T>>, UsageError> {
        if let Some(value) = (key.flag)(self.global).filter(|v| !v.is_empty()) {
            return Ok(Some(Resolved {
                value,
                source: Source::Flag,
            }));
        }
        let provider_env = key.provider_env(self.dialect);
        for name in key.env.into_iter().chain(provider_env) {
            if let Some(text) = self.env.var(name) {
                let source = Source::Env(name);
                let value = T::from_text(&text)
                    .ok_or_else(|| unknown_value(key.name, &text, &source, T::KIND))?;
                return Ok(Some(Resolved { value, source }));
            }
        }
        Ok((key.profile)(&self.ctx.profile)
            .filter(|v| !v.is_empty())
            .map(|value| Resolved {
                value,
                source: Source::Profile,
            }))
    }

    /// The key's value: as given, else its default; `None` when it has neither.
    pub fn get<T: KeyValue>(&self, key: &Key<T>) -> Result<Option<Resolved<T>>, UsageError> {
        Ok(self.given(key)?.or_else(|| {
            (key.default)(self).map(|value| Resolved {
                value,
                source: Source::Default,
            })
        }))
    }

    /// The value of a key that has a default.
    pub fn required<T: KeyValue>(&self, key: &Key<T>) -> Result<Resolved<T>, UsageError> {
        self.get(key)?
            .ok_or_else(|| UsageError(format!("no {} is set, and it has no default", key.name)))
    }

    /// The value of a key as text, parsed by `parse` into its typed form; a failure names
    /// the key and its source.
    pub fn parsed<U>(
        &self,
        key: &Key<String>,
        parse: fn(&str) -> Result<U, String>,
    ) -> Result<Option<Resolved<U>>, UsageError> {
        let Some(text) = self.get(key)? else {
            return Ok(None);
        };
        let value = parse(&text.value).map_err(|e| self.invalid(key.name, &text.source, e))?;
        Ok(Some(Resolved {
            value,
            source: text.source,
        }))
    }

    /// A bad value of a key, named with where it came from: the profile and its file, or
    /// the flag or variable.
    pub fn invalid(&self, key: &str, source: &Source, why: impl Into<String>) -> UsageError {
        let place = match source {
            Source::Profile => format!(
                "{key} in profile {:?} of {}",
                self.ctx.profile_name,
                self.ctx.config_path.display()
            ),
            other => format!("{key} (from {other})"),
        };
        UsageError(format!("invalid {place}: {}", why.into()))
    }
}

/// An environment value that is none of its key's values.
fn unknown_value(key: &str, text: &str, source: &Source, kind: KeyKind) -> UsageError {
    let expected = match kind {
        KeyKind::Choice(words) => match words.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        },
        KeyKind::Integer => "a non-negative integer".to_string(),
        KeyKind::Bool => "true or false".to_string(),
        KeyKind::Text | KeyKind::Secret => "text".to_string(),
    };
    UsageError(format!(
        "unknown {key} {text:?} (from {source}); expected {expected}"
    ))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use clap::Parser;

    use super::super::keys::{self, KEYS};
    use super::super::test_support::{ctx, profile};
    use super::*;
    use crate::cli::Cli;
    use crate::client::{Addressing, SignatureVersion};
    use crate::config::{self, Profile};
    use crate::secret::Secret;
    use crate::units;

    /// The value each layer gives a key of this kind, as text: flag, `OBJCMD_*` variable,
    /// provider variable, profile.
    fn samples(kind: KeyKind) -> [String; 4] {
        match kind {
            KeyKind::Text | KeyKind::Secret => {
                ["flag-v", "objcmd-v", "provider-v", "profile-v"].map(String::from)
            }
            KeyKind::Choice(words) => {
                let last = words.len() - 1;
                [words[0], words[1 % words.len()], words[0], words[last]].map(String::from)
            }
            KeyKind::Integer => ["7", "8", "8", "9"].map(String::from),
            // A switch gives only true; the profile says false, so the value tells them apart.
            KeyKind::Bool => ["true", "true", "true", "false"].map(String::from),
        }
    }

    /// The profile `default` holding `key = text`, read as the file would be.
    fn profile_with(key: &dyn AnyKey, text: &str) -> Profile {
        let value = match key.kind() {
            KeyKind::Integer | KeyKind::Bool => text.to_string(),
            _ => format!("{text:?}"),
        };
        let toml = format!("[profiles.default]\n{} = {value}\n", key.name());
        let mut data = config::parse(std::path::Path::new("/x"), &toml).unwrap();
        data.profiles.remove("default").unwrap()
    }

    /// The command line with the key's flag (named after the key) set to `text`; `None` when
    /// the key has no flag.
    fn flag_with(key: &dyn AnyKey, text: &str) -> Option<GlobalArgs> {
        let flag = format!("--{}", key.name().replace('_', "-"));
        let mut args = vec!["objcmd", flag.as_str()];
        if key.kind() != KeyKind::Bool {
            args.push(text);
        }
        args.push("ls");
        Cli::try_parse_from(args).ok().map(|cli| cli.global)
    }

    fn get<T>(v: Option<Resolved<T>>) -> Option<(T, Source)> {
        v.map(|v| (v.value, v.source))
    }

    fn resolved(
        key: &dyn AnyKey,
        global: &GlobalArgs,
        env: &BTreeMap<&str, &str>,
        ctx: &Context,
    ) -> Option<(String, Source)> {
        let r = Resolver::new(global, env, ctx).unwrap();
        let v = key.resolved_text(&r).unwrap();
        v.map(|v| (v.value, v.source))
    }

    #[test]
    fn every_key_takes_flag_then_objcmd_env_then_provider_env_then_profile_then_default() {
        let mut without_flag = Vec::new();
        let mut without_default = Vec::new();
        for key in KEYS {
            let [flag, objcmd, provider, in_profile] = samples(key.kind());
            let flag_global = flag_with(key, &flag);
            let has_flag = flag_global.is_some();
            let mut global = flag_global.unwrap_or_default();
            let mut env = BTreeMap::new();
            let objcmd_name = key.env();
            let provider_name = key.provider_env(Dialect::S3);
            env.extend(objcmd_name.map(|n| (n, objcmd.as_str())));
            env.extend(provider_name.map(|n| (n, provider.as_str())));
            let mut ctx = ctx(profile_with(key, &in_profile));
            let name = key.name();
            if has_flag {
                let got = resolved(key, &global, &env, &ctx);
                assert_eq!(got, Some((flag.clone(), Source::Flag)), "{name}");
                global = GlobalArgs::default();
            } else {
                without_flag.push(name);
            }
            if let Some(n) = objcmd_name {
                let got = resolved(key, &global, &env, &ctx);
                assert_eq!(got, Some((objcmd.clone(), Source::Env(n))), "{name}");
                env.remove(n);
            }
            if let Some(n) = provider_name {
                let got = resolved(key, &global, &env, &ctx);
                assert_eq!(got, Some((provider.clone(), Source::Env(n))), "{name}");
                env.remove(n);
            }
            let got = resolved(key, &global, &env, &ctx);
            assert_eq!(got, Some((in_profile.clone(), Source::Profile)), "{name}");
            ctx.profile = Profile::default();
            match resolved(key, &global, &env, &ctx) {
                Some((_, source)) => assert_eq!(source, Source::Default, "{name}"),
                None => without_default.push(name),
            }
        }
        assert_eq!(without_flag, ["encryption_key_file"]);
        assert_eq!(
            without_default,
            [
                "access_key",
                "secret_key",
                "security_token",
                "encryption_key_file",
                "sse",
                "sse_kms_key_id",
                "sse_c_key_file",
                "limit_rate"
            ]
        );
    }

    #[test]
    fn typed_values_keep_their_type_and_source() {
        let global = Cli::try_parse_from([
            "objcmd",
            "--addressing",
            "virtual",
            "--retries",
            "3",
            "-j",
            "12",
            "--cname",
            "--secret-key",
            "flag-sk",
            "ls",
        ])
        .unwrap()
        .global;
        let mut env = BTreeMap::new();
        env.insert("OBJCMD_PROVIDER", "OSS");
        env.insert("OSS_ACCESS_KEY_ID", "oss-ak");
        env.insert("AWS_ACCESS_KEY_ID", "aws-ak");
        let ctx = ctx(Profile {
            signature: Some(SignatureVersion::V2),
            part_jobs: Some(2),
            ..profile()
        });
        let r = Resolver::new(&global, &env, &ctx).unwrap();
        // The variable's word in any case, as OBJCMD_PROVIDER always took it.
        assert_eq!(r.dialect(), Dialect::Oss);
        assert_eq!(
            get(r.get(&keys::PROVIDER).unwrap()),
            Some((Dialect::Oss, Source::Env("OBJCMD_PROVIDER")))
        );
        assert_eq!(
            get(r.get(&keys::ADDRESSING).unwrap()),
            Some((Addressing::Virtual, Source::Flag))
        );
        assert_eq!(
            get(r.get(&keys::SIGNATURE).unwrap()),
            Some((SignatureVersion::V2, Source::Profile))
        );
        assert_eq!(
            get(r.get(&keys::CNAME).unwrap()),
            Some((true, Source::Flag))
        );
        assert_eq!(get(r.get(&keys::RETRIES).unwrap()), Some((3, Source::Flag)));
        assert_eq!(get(r.get(&keys::JOBS).unwrap()), Some((12, Source::Flag)));
        assert_eq!(
            get(r.get(&keys::PART_JOBS).unwrap()),
            Some((2, Source::Profile))
        );
        assert_eq!(
            get(r.get(&keys::TIMEOUT).unwrap()),
            Some((60, Source::Default))
        );
        // The provider's variables follow the resolved dialect: OSS_*, not AWS_*.
        assert_eq!(
            get(r.get(&keys::ACCESS_KEY).unwrap()),
            Some(("oss-ak".to_string(), Source::Env("OSS_ACCESS_KEY_ID")))
        );
        assert_eq!(
            get(r.get(&keys::SECRET_KEY).unwrap()),
            Some((Secret::new("flag-sk"), Source::Flag))
        );
        assert_eq!(get(r.get(&keys::REGION).unwrap()), None, "S3 only");
        let size = r.parsed(&keys::PART_SIZE, units::parse_size).unwrap();
        assert_eq!(get(size), Some((16 << 20, Source::Default)));
    }

    #[test]
    fn empty_values_count_as_unset_at_every_layer() {
        let global = Cli::try_parse_from(["objcmd", "--endpoint", "", "--secret-key", "", "ls"])
            .unwrap()
            .global;
        let mut env = BTreeMap::new();
        env.insert("OBJCMD_ENDPOINT", "");
        env.insert("AWS_SECRET_ACCESS_KEY", "");
        let ctx = ctx(Profile {
            endpoint: Some(String::new()),
            secret_key: Some(Secret::new("")),
            region: Some("eu-west-1".into()),
            ..Profile::default()
        });
        let r = Resolver::new(&global, &env, &ctx).unwrap();
        let endpoint = r.get(&keys::ENDPOINT).unwrap().unwrap();
        assert_eq!(endpoint.value, "https://s3.eu-west-1.amazonaws.com");
        assert_eq!(endpoint.source, Source::Default);
        assert!(r.get(&keys::SECRET_KEY).unwrap().is_none());
    }

    #[test]
    fn defaults_follow_the_dialect_and_the_other_keys() {
        let env = BTreeMap::new();
        let global = GlobalArgs::default();
        let resolve = |profile: Profile| {
            let ctx = ctx(profile);
            let r = Resolver::new(&global, &env, &ctx).unwrap();
            let text = |key: &dyn AnyKey| key.resolved_text(&r).unwrap().map(|v| v.value);
            (
                text(&keys::REGION),
                text(&keys::ENDPOINT),
                text(&keys::SIGNATURE),
            )
        };
        let aws = |region: Option<&str>| Profile {
            region: region.map(String::from),
            ..Profile::default()
        };
        assert_eq!(
            resolve(aws(None)),
            (
                Some("us-east-1".into()),
                Some("https://s3.amazonaws.com".into()),
                Some("v4".into())
            )
        );
        assert_eq!(
            resolve(aws(Some("eu-west-1"))).1.as_deref(),
            Some("https://s3.eu-west-1.amazonaws.com")
        );
        // Another S3 server signs with V2 by default.
        assert_eq!(resolve(profile()).2.as_deref(), Some("v2"));
        let oss = |region: Option<&str>| Profile {
            provider: Some(Dialect::Oss),
            region: region.map(String::from),
            ..Profile::default()
        };
        assert_eq!(resolve(oss(None)), (None, None, Some("v2".into())));
        assert_eq!(
            resolve(oss(Some("cn-hangzhou"))).1.as_deref(),
            Some("https://oss-cn-hangzhou.aliyuncs.com")
        );
        let ks3 = Profile {
            provider: Some(Dialect::Ks3),
            region: Some("cn-beijing".into()),
            ..Profile::default()
        };
        assert_eq!(resolve(ks3).1, None);
    }

    #[test]
    fn bad_values_name_the_key_and_where_they_came_from() {
        let ctx = ctx(Profile {
            part_size: Some("big".into()),
            ..profile()
        });
        let mut env = BTreeMap::new();
        env.insert("OBJCMD_PROVIDER", "gcs");
        let err = Resolver::new(&GlobalArgs::default(), &env, &ctx)
            .err()
            .unwrap();
        assert_eq!(
            err.0,
            "unknown provider \"gcs\" (from env OBJCMD_PROVIDER); expected s3, oss or ks3"
        );
        let env = BTreeMap::new();
        let none = GlobalArgs::default();
        let r = Resolver::new(&none, &env, &ctx).unwrap();
        let err = r.parsed(&keys::PART_SIZE, units::parse_size).err().unwrap();
        assert!(
            err.0.starts_with(
                "invalid part_size in profile \"default\" of /home/u/.config/objcmd/config.toml: "
            ),
            "{}",
            err.0
        );
        let global = Cli::try_parse_from(["objcmd", "--limit-rate", "fast", "ls"])
            .unwrap()
            .global;
        let r = Resolver::new(&global, &env, &ctx).unwrap();
        let err = r
            .parsed(&keys::LIMIT_RATE, units::parse_rate)
            .err()
            .unwrap();
        assert!(
            err.0.starts_with("invalid limit_rate (from flag): "),
            "{}",
            err.0
        );
        let err = r.invalid("endpoint", &Source::Env("OBJCMD_ENDPOINT"), "why");
        assert_eq!(err.0, "invalid endpoint (from env OBJCMD_ENDPOINT): why");
        // Every choice-valued key read from the environment says what it expected.
        for key in KEYS {
            if let (KeyKind::Choice(words), Some(name)) = (key.kind(), key.env()) {
                let mut env = BTreeMap::new();
                env.insert(name, "nonsense");
                let r = Resolver::new(&none, &env, &ctx);
                let err = r.and_then(|r| key.resolved_text(&r)).err().unwrap();
                assert!(err.0.contains(&format!("(from env {name})")), "{}", err.0);
                assert!(err.0.contains(words[0]), "{}", err.0);
            }
        }
    }
}
