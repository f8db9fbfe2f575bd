//! Resolution of settings: command-line flag > `OBJCMD_*` env > provider env > profile >
//! built-in default (spec/cli.md), into plain structs the commands use.
//!
//! Every profile key is resolved by the one function [`lookup`], which also says where the
//! value came from, so `config list` shows exactly what a command would use.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, SystemTime};

use crate::cli::GlobalArgs;
use crate::client::{
    Addressing, ClientConfig, Credentials, Dialect, Endpoint, SignatureVersion, Target,
};
use crate::config::{self, ConfigData, Profile, ProfileNotFound, ProfileOrigin};
use crate::error::{UsageError, usage};
use crate::secret::Secret;
use crate::transfer::{self, Tuning};
use crate::units;

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

/// Finds the config file, reads it, and selects the profile: `-p` > `OBJCMD_PROFILE` >
/// the file's `default_profile` > `default`. A profile named explicitly (or by
/// `default_profile`) must exist, unless the command is about to create it (`config`).
pub fn load_context(
    global: &GlobalArgs,
    env: &dyn Env,
    creating: bool,
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
        && !creating
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

/// The `OBJCMD_*` variable of a key, if it has one.
fn objcmd_env(key: &str) -> Option<&'static str> {
    Some(match key {
        "provider" => "OBJCMD_PROVIDER",
        "endpoint" => "OBJCMD_ENDPOINT",
        "region" => "OBJCMD_REGION",
        "access_key" => "OBJCMD_ACCESS_KEY",
        "secret_key" => "OBJCMD_SECRET_KEY",
        "security_token" => "OBJCMD_SECURITY_TOKEN",
        "encryption_key_file" => "OBJCMD_ENCRYPTION_KEY_FILE",
        _ => return None,
    })
}

/// The provider's own variable of a key (`AWS_ACCESS_KEY_ID`...), if it has one.
fn provider_env(dialect: Dialect, key: &str) -> Option<&'static str> {
    Some(match (dialect, key) {
        (Dialect::S3, "access_key") => "AWS_ACCESS_KEY_ID",
        (Dialect::S3, "secret_key") => "AWS_SECRET_ACCESS_KEY",
        (Dialect::S3, "security_token") => "AWS_SESSION_TOKEN",
        (Dialect::Oss, "access_key") => "OSS_ACCESS_KEY_ID",
        (Dialect::Oss, "secret_key") => "OSS_ACCESS_KEY_SECRET",
        (Dialect::Oss, "security_token") => "OSS_SESSION_TOKEN",
        (Dialect::Ks3, "access_key") => "KS3_ACCESS_KEY_ID",
        (Dialect::Ks3, "secret_key") => "KS3_SECRET_ACCESS_KEY",
        _ => return None,
    })
}

/// A flag's value as text, for the profile key it overrides.
fn flag(global: &GlobalArgs, key: &str) -> Option<String> {
    match key {
        "provider" => global.provider.clone(),
        "endpoint" => global.endpoint.clone(),
        "region" => global.region.clone(),
        "access_key" => global.access_key.clone(),
        "secret_key" => global.secret_key.as_ref().map(|s| s.expose().to_string()),
        "security_token" => global
            .security_token
            .as_ref()
            .map(|s| s.expose().to_string()),
        "addressing" => global.addressing.clone(),
        "signature" => global.signature.clone(),
        "cname" => global.cname.then(|| "true".to_string()),
        "retries" => global.retries.map(|n| n.to_string()),
        "timeout" => global.timeout.map(|n| n.to_string()),
        "limit_rate" => global.limit_rate.clone(),
        "part_size" => global.part_size.clone(),
        "part_jobs" => global.part_jobs.map(|n| n.to_string()),
        "jobs" => global.jobs.map(|n| n.to_string()),
        "copy_threshold" => global.copy_threshold.clone(),
        _ => None,
    }
    .filter(|v| !v.is_empty())
}

/// The dialect, resolved first because the provider env variables depend on it.
fn provider(
    global: &GlobalArgs,
    env: &dyn Env,
    profile: &Profile,
) -> Result<(Dialect, Source), UsageError> {
    let (text, source) = if let Some(v) = flag(global, "provider") {
        (v, Source::Flag)
    } else if let Some(v) = env.var("OBJCMD_PROVIDER") {
        (v, Source::Env("OBJCMD_PROVIDER"))
    } else if let Some(d) = profile.provider {
        return Ok((d, Source::Profile));
    } else {
        return Ok((Dialect::S3, Source::Default));
    };
    let dialect = Dialect::from_name(&text).ok_or_else(|| {
        UsageError(format!(
            "unknown provider {text:?} (from {source}); expected s3, oss or ks3"
        ))
    })?;
    Ok((dialect, source))
}

/// A key's value given for this run: its flag, else its `OBJCMD_*` variable.
pub fn given(key: &str, global: &GlobalArgs, env: &dyn Env) -> Option<String> {
    flag(global, key).or_else(|| objcmd_env(key).and_then(|name| env.var(name)))
}

/// Resolves one profile key through flag > `OBJCMD_*` env > provider env > profile.
/// Defaults are applied by the caller, which knows what they depend on.
pub fn lookup(
    key: &str,
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
    dialect: Dialect,
) -> Option<(String, Source)> {
    if let Some(v) = flag(global, key) {
        return Some((v, Source::Flag));
    }
    for name in [objcmd_env(key), provider_env(dialect, key)]
        .into_iter()
        .flatten()
    {
        if let Some(v) = env.var(name) {
            return Some((v, Source::Env(name)));
        }
    }
    ctx.profile
        .get(key)
        .filter(|v| !v.is_empty())
        .map(|v| (v, Source::Profile))
}

/// How to reach the service, fully resolved.
#[derive(Clone, Debug)]
pub struct Connection {
    /// The profile's name, for messages.
    pub profile: String,
    /// Endpoint, dialect, addressing.
    pub target: Target,
    /// Region.
    pub region: String,
    /// Credentials; `None` when anonymous.
    pub credentials: Option<Credentials>,
    /// Signature version.
    pub signature: SignatureVersion,
    /// Retries of a retryable failure.
    pub retries: u32,
    /// Connect and read timeout.
    pub timeout: Duration,
    /// Bandwidth cap in bytes per second.
    pub limit_rate: Option<u64>,
    /// DNS overrides from `--resolve`.
    pub resolve: Vec<(String, std::net::IpAddr)>,
    /// Part size and parts in flight.
    pub tuning: Tuning,
    /// The client-side encryption key file, `~/` expanded; read only when needed.
    pub encryption_key_file: Option<PathBuf>,
    /// Trust roots added by `--ca-bundle`.
    pub ca_certificates: Vec<reqwest::Certificate>,
    /// `--insecure`: TLS certificates are not verified.
    pub insecure: bool,
}

/// A resolved value and where it came from; `None` when nobody set it.
pub type Resolved = Option<(String, Source)>;

/// Every resolved profile key with its source, for `config list` (secrets unmasked: the
/// caller masks them).
pub fn resolved_keys(
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
) -> Result<Vec<(&'static str, Resolved)>, UsageError> {
    let (dialect, provider_source) = provider(global, env, &ctx.profile)?;
    let mut out = Vec::new();
    for spec in config::PROFILE_KEYS {
        let value = if spec.name == "provider" {
            Some((dialect.name().to_string(), provider_source.clone()))
        } else {
            lookup(spec.name, global, env, ctx, dialect).or_else(|| {
                default_of(spec.name, dialect, global, env, ctx).map(|v| (v, Source::Default))
            })
        };
        out.push((spec.name, value));
    }
    Ok(out)
}

/// The endpoint a dialect's public service has for a region, where one can be derived:
/// always for AWS, for OSS with a region, never for KS3.
pub fn default_endpoint(dialect: Dialect, region: Option<&str>) -> Option<String> {
    match dialect {
        Dialect::S3 => Some(match region {
            None | Some("us-east-1") => "https://s3.amazonaws.com".to_string(),
            Some(r) => format!("https://s3.{r}.amazonaws.com"),
        }),
        Dialect::Oss => region.map(|r| {
            let r = r.strip_prefix("oss-").unwrap_or(r);
            format!("https://oss-{r}.aliyuncs.com")
        }),
        Dialect::Ks3 => None,
    }
}

/// The built-in default of a key, where it has one.
fn default_of(
    key: &str,
    dialect: Dialect,
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
) -> Option<String> {
    let region = || lookup("region", global, env, ctx, dialect).map(|(v, _)| v);
    match key {
        "region" if dialect == Dialect::S3 => Some("us-east-1".to_string()),
        "endpoint" => default_endpoint(dialect, region().as_deref()),
        "addressing" => Some("auto".to_string()),
        "cname" => Some("false".to_string()),
        "retries" => Some("5".to_string()),
        "part_size" => Some(units::human_size(transfer::DEFAULT_PART_SIZE).replace(' ', "")),
        "part_jobs" => Some(transfer::DEFAULT_PART_JOBS.to_string()),
        "jobs" => Some(transfer::DEFAULT_JOBS.to_string()),
        "copy_threshold" => Some("5GiB".to_string()),
        "timeout" => Some("60".to_string()),
        "signature" if dialect == Dialect::S3 => {
            let endpoint = lookup("endpoint", global, env, ctx, dialect)
                .map(|(v, _)| v)
                .or_else(|| default_of("endpoint", dialect, global, env, ctx))?;
            let aws = Endpoint::parse(&endpoint).is_ok_and(|e| e.is_aws());
            Some(if aws { "v4" } else { "v2" }.to_string())
        }
        "signature" => Some("v2".to_string()),
        _ => None,
    }
}

/// Resolves how to reach the service. Fails (exit 2) on anything that would make the
/// first request fail for a reason known now: no endpoint, bad values, no credentials.
pub fn resolve_connection(
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
) -> Result<Connection, UsageError> {
    let (dialect, _) = provider(global, env, &ctx.profile)?;
    let file = ctx.config_path.display();
    let get = |key: &str| {
        lookup(key, global, env, ctx, dialect)
            .or_else(|| default_of(key, dialect, global, env, ctx).map(|v| (v, Source::Default)))
    };
    let bad = |key: &str, source: &Source, msg: String| {
        let place = match source {
            Source::Profile => format!("{key} in profile {:?} of {file}", ctx.profile_name),
            other => format!("{key} (from {other})"),
        };
        UsageError(format!("invalid {place}: {msg}"))
    };

    let (endpoint_text, endpoint_source) = get("endpoint").ok_or_else(|| {
        UsageError(format!(
            "no endpoint for provider {}: pass --endpoint, set OBJCMD_ENDPOINT, or set endpoint in profile {:?} of {file}",
            dialect.name(),
            ctx.profile_name
        ))
    })?;
    let endpoint = Endpoint::parse(&endpoint_text)
        .map_err(|e| bad("endpoint", &endpoint_source, e.to_string()))?;

    let choice =
        |key: &str| -> (String, Source) { get(key).unwrap_or((String::new(), Source::Default)) };
    let (addressing_text, source) = choice("addressing");
    let addressing = match addressing_text.as_str() {
        "path" => Addressing::Path,
        "virtual" => Addressing::Virtual,
        "auto" => Addressing::Auto,
        other => {
            return Err(bad(
                "addressing",
                &source,
                format!("{other:?} is not path, virtual or auto"),
            ));
        }
    };
    let (signature_text, source) = choice("signature");
    let signature = match signature_text.as_str() {
        "v2" => SignatureVersion::V2,
        "v4" if dialect == Dialect::S3 => SignatureVersion::V4,
        "v4" => {
            return Err(bad(
                "signature",
                &source,
                format!(
                    "v4 is for the s3 provider only; {} signs with v2",
                    dialect.name()
                ),
            ));
        }
        other => {
            return Err(bad(
                "signature",
                &source,
                format!("{other:?} is not v2 or v4"),
            ));
        }
    };
    let (cname_text, source) = choice("cname");
    let cname = match cname_text.as_str() {
        "true" => true,
        "false" => false,
        other => {
            return Err(bad(
                "cname",
                &source,
                format!("{other:?} is not true or false"),
            ));
        }
    };
    let number = |key: &str| -> Result<u64, UsageError> {
        let (text, source) = choice(key);
        text.parse::<u64>().map_err(|_| {
            bad(
                key,
                &source,
                format!("{text:?} is not a non-negative integer"),
            )
        })
    };
    let retries = number("retries")?.min(u32::MAX as u64) as u32;
    let timeout = number("timeout")?;
    if timeout == 0 {
        return Err(UsageError(
            "invalid timeout: must be at least 1 second".to_string(),
        ));
    }
    let limit_rate = match get("limit_rate") {
        Some((text, source)) => {
            Some(units::parse_rate(&text).map_err(|e| bad("limit_rate", &source, e))?)
        }
        None => None,
    };
    let region = get("region").map(|(v, _)| v).unwrap_or_default();
    let (text, source) = choice("part_size");
    let part_size = units::parse_size(&text).map_err(|e| bad("part_size", &source, e))?;
    if !(transfer::MIN_PART_SIZE..=transfer::MAX_PART_SIZE).contains(&part_size) {
        return Err(bad(
            "part_size",
            &source,
            format!("{text} is outside 5MiB..5GiB, the part sizes S3 accepts"),
        ));
    }
    let part_jobs = number("part_jobs")?;
    if !(1..=256).contains(&part_jobs) {
        return Err(bad(
            "part_jobs",
            &source_of(&get, "part_jobs"),
            "must be 1 to 256".to_string(),
        ));
    }
    let jobs = number("jobs")?;
    if !(1..=1024).contains(&jobs) {
        return Err(bad(
            "jobs",
            &source_of(&get, "jobs"),
            "must be 1 to 1024".to_string(),
        ));
    }
    let (text, source) = choice("copy_threshold");
    let copy_threshold = units::parse_size(&text).map_err(|e| bad("copy_threshold", &source, e))?;
    if !(transfer::MIN_PART_SIZE..=transfer::MAX_PART_SIZE).contains(&copy_threshold) {
        return Err(bad(
            "copy_threshold",
            &source,
            format!("{text} is outside 5MiB..5GiB"),
        ));
    }
    let tuning = Tuning {
        part_size,
        part_jobs: part_jobs as usize,
        jobs: jobs as usize,
        copy_threshold,
    };
    let mut resolve = Vec::new();
    for rule in &global.resolve {
        let parsed = rule.split_once(':').and_then(|(host, addr)| {
            let addr = addr.trim_start_matches('[').trim_end_matches(']');
            Some((host.to_ascii_lowercase(), addr.parse().ok()?))
        });
        resolve.push(parsed.ok_or_else(|| {
            UsageError(format!(
                "invalid --resolve {rule:?}: expected HOST:ADDR, e.g. '*.localhost:127.0.0.1'"
            ))
        })?);
    }

    let credentials = if global.anonymous {
        None
    } else {
        let access_key = get("access_key").map(|(v, _)| v);
        let secret_key = get("secret_key").map(|(v, _)| Secret::new(v));
        match (access_key, secret_key) {
            (Some(access_key), Some(secret_key)) => Some(Credentials {
                access_key,
                secret_key,
                security_token: get("security_token").map(|(v, _)| Secret::new(v)),
            }),
            (ak, _) => {
                let missing = if ak.is_none() {
                    "access key"
                } else {
                    "secret key"
                };
                return Err(UsageError(format!(
                    "no {missing} for profile {:?}: set access_key and secret_key in {file} (objcmd config init), pass --access-key/--secret-key, set OBJCMD_ACCESS_KEY/OBJCMD_SECRET_KEY, or use --anonymous",
                    ctx.profile_name
                )));
            }
        }
    };

    Ok(Connection {
        profile: ctx.profile_name.clone(),
        target: Target {
            endpoint,
            dialect,
            addressing,
            cname,
        },
        region,
        credentials,
        signature,
        retries,
        timeout: Duration::from_secs(timeout),
        limit_rate,
        resolve,
        tuning,
        encryption_key_file: get("encryption_key_file").map(|(v, _)| expand_home(&v, env)),
        ca_certificates: match &global.ca_bundle {
            Some(path) => ca_bundle(path)?,
            None => Vec::new(),
        },
        insecure: global.insecure,
    })
}

/// The certificates of a `--ca-bundle` file: it must hold at least one PEM certificate.
fn ca_bundle(path: &Path) -> Result<Vec<reqwest::Certificate>, UsageError> {
    let bad = |why: String| UsageError(format!("invalid --ca-bundle {}: {why}", path.display()));
    let pem = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| bad(e.to_string()))?;
    if certs.is_empty() {
        return Err(bad("no PEM certificate in it".to_string()));
    }
    Ok(certs)
}

/// `~/x` is `$HOME/x`, as a shell would have it (the path usually comes from a profile).
fn expand_home(path: &str, env: &dyn Env) -> PathBuf {
    match (path.strip_prefix("~/"), env.var("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(path),
    }
}

fn source_of(get: &dyn Fn(&str) -> Resolved, key: &str) -> Source {
    get(key).map_or(Source::Default, |(_, s)| s)
}

/// The clock requests are dated with: the system's, unless `OBJCMD_TEST_NOW` pins it
/// (Unix seconds; used by tests to show clock-skew handling).
fn clock() -> SystemTime {
    std::env::var("OBJCMD_TEST_NOW")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map(|s| SystemTime::UNIX_EPOCH + Duration::from_secs(s))
        .unwrap_or_else(SystemTime::now)
}

impl Connection {
    /// The client configuration of this connection.
    pub fn client_config(&self, cancel: Arc<AtomicBool>) -> ClientConfig {
        ClientConfig {
            target: self.target.clone(),
            credentials: self.credentials.clone(),
            signature: self.signature,
            region: self.region.clone(),
            retries: self.retries,
            timeout: self.timeout,
            rate_limit: self.limit_rate,
            user_agent: format!("objcmd/{}", env!("CARGO_PKG_VERSION")),
            clock,
            cancel,
            resolve: self.resolve.clone(),
            ca_certificates: self.ca_certificates.clone(),
            insecure: self.insecure,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(profile: Profile) -> Context {
        Context {
            config_path: PathBuf::from("/home/u/.config/objcmd/config.toml"),
            profile_name: "default".into(),
            profile,
            profile_exists: true,
        }
    }

    fn profile() -> Profile {
        Profile {
            provider: Some(Dialect::S3),
            endpoint: Some("http://profile:1".into()),
            access_key: Some("profile-ak".into()),
            secret_key: Some(Secret::new("profile-sk")),
            ..Profile::default()
        }
    }

    #[test]
    fn precedence_flag_then_objcmd_env_then_provider_env_then_profile_then_default() {
        let ctx = ctx(profile());
        let mut global = GlobalArgs::default();
        let mut env = BTreeMap::new();
        let ak = |g: &GlobalArgs, e: &BTreeMap<&str, &str>| {
            resolve_connection(g, e, &ctx)
                .unwrap()
                .credentials
                .unwrap()
                .access_key
        };
        assert_eq!(ak(&global, &env), "profile-ak");
        env.insert("AWS_ACCESS_KEY_ID", "aws-env-ak");
        assert_eq!(ak(&global, &env), "aws-env-ak");
        env.insert("OBJCMD_ACCESS_KEY", "objcmd-env-ak");
        assert_eq!(ak(&global, &env), "objcmd-env-ak");
        global.access_key = Some("flag-ak".into());
        assert_eq!(ak(&global, &env), "flag-ak");
        // Defaults fill what nobody set.
        let conn = resolve_connection(&global, &env, &ctx).unwrap();
        assert_eq!(conn.retries, 5);
        assert_eq!(conn.timeout, Duration::from_secs(60));
        assert_eq!(conn.target.addressing, Addressing::Auto);
        assert_eq!(conn.signature, SignatureVersion::V2);
    }

    #[test]
    fn provider_env_names_follow_the_resolved_provider() {
        let mut p = profile();
        p.provider = Some(Dialect::Oss);
        p.access_key = None;
        let ctx = ctx(p);
        let mut env = BTreeMap::new();
        env.insert("AWS_ACCESS_KEY_ID", "aws");
        env.insert("OSS_ACCESS_KEY_ID", "oss");
        let conn = resolve_connection(&GlobalArgs::default(), &env, &ctx).unwrap();
        assert_eq!(conn.credentials.unwrap().access_key, "oss");
        assert_eq!(conn.target.dialect, Dialect::Oss);
        let global = GlobalArgs {
            provider: Some("s3".into()),
            ..GlobalArgs::default()
        };
        let conn = resolve_connection(&global, &env, &ctx).unwrap();
        assert_eq!(conn.credentials.unwrap().access_key, "aws");
    }

    #[test]
    fn missing_credentials_is_a_usage_error_naming_the_file_and_profile() {
        let ctx = ctx(Profile {
            endpoint: Some("http://x:1".into()),
            ..Profile::default()
        });
        let err = resolve_connection(&GlobalArgs::default(), &BTreeMap::new(), &ctx).unwrap_err();
        assert!(
            err.0.contains("no access key for profile \"default\""),
            "{}",
            err.0
        );
        assert!(
            err.0.contains("/home/u/.config/objcmd/config.toml"),
            "{}",
            err.0
        );
        let anonymous = GlobalArgs {
            anonymous: true,
            ..GlobalArgs::default()
        };
        let conn = resolve_connection(&anonymous, &BTreeMap::new(), &ctx).unwrap();
        assert!(conn.credentials.is_none());
    }

    #[test]
    fn resolved_settings_never_show_secrets_in_debug() {
        let mut p = profile();
        p.secret_key = Some(Secret::new("SECRET-IN-PROFILE-1234"));
        p.security_token = Some(Secret::new("TOKEN-IN-PROFILE-1234"));
        let ctx = ctx(p);
        let conn = resolve_connection(&GlobalArgs::default(), &BTreeMap::new(), &ctx).unwrap();
        let cancel = Arc::new(AtomicBool::new(false));
        let debug = format!("{conn:?} {:?} {ctx:?}", conn.client_config(cancel));
        assert!(
            debug.contains("profile-ak"),
            "the access key is not secret: {debug}"
        );
        assert!(!debug.contains("SECRET-IN-PROFILE"), "{debug}");
        assert!(!debug.contains("TOKEN-IN-PROFILE"), "{debug}");
    }

    #[test]
    fn bad_values_name_their_key_and_source() {
        let ctx = ctx(profile());
        let mut env = BTreeMap::new();
        env.insert("OBJCMD_PROVIDER", "s4");
        let err = resolve_connection(&GlobalArgs::default(), &env, &ctx).unwrap_err();
        assert!(
            err.0
                .contains("unknown provider \"s4\" (from env OBJCMD_PROVIDER)"),
            "{}",
            err.0
        );
        let global = GlobalArgs {
            endpoint: Some("ftp://x".into()),
            ..GlobalArgs::default()
        };
        let err = resolve_connection(&global, &BTreeMap::new(), &ctx).unwrap_err();
        assert!(
            err.0.starts_with("invalid endpoint (from flag)"),
            "{}",
            err.0
        );
        let global = GlobalArgs {
            limit_rate: Some("fast".into()),
            ..GlobalArgs::default()
        };
        assert!(resolve_connection(&global, &BTreeMap::new(), &ctx).is_err());
        let mut p = profile();
        p.provider = Some(Dialect::Oss);
        p.signature = Some(SignatureVersion::V4);
        let err = resolve_connection(&GlobalArgs::default(), &BTreeMap::new(), &self::ctx(p))
            .unwrap_err();
        assert!(
            err.0.contains("signature in profile \"default\""),
            "{}",
            err.0
        );
    }

    #[test]
    fn default_endpoint_and_signature_for_aws() {
        let ctx = ctx(Profile {
            access_key: Some("a".into()),
            secret_key: Some(Secret::new("s")),
            region: Some("eu-west-1".into()),
            ..Profile::default()
        });
        let conn = resolve_connection(&GlobalArgs::default(), &BTreeMap::new(), &ctx).unwrap();
        assert_eq!(conn.target.endpoint.host, "s3.eu-west-1.amazonaws.com");
        assert_eq!(conn.signature, SignatureVersion::V4);
        let mut ks3 = ctx.profile.clone();
        ks3.provider = Some(Dialect::Ks3);
        let err = resolve_connection(&GlobalArgs::default(), &BTreeMap::new(), &self::ctx(ks3))
            .unwrap_err();
        assert!(
            err.0.starts_with("no endpoint for provider ks3"),
            "{}",
            err.0
        );
    }

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
        let err = load_context(&global, &BTreeMap::new(), false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("profile \"b\" is not in"), "{err}");
        let ctx = load_context(&global, &BTreeMap::new(), true).unwrap();
        assert!(!ctx.profile_exists);
        let mut env = BTreeMap::new();
        env.insert("OBJCMD_PROFILE", "a");
        let global = GlobalArgs {
            config: Some(path),
            ..GlobalArgs::default()
        };
        let ctx = load_context(&global, &env, false).unwrap();
        assert_eq!(ctx.profile_name, "a");
        assert_eq!(ctx.profile.region.as_deref(), Some("x"));
    }

    #[test]
    fn resolved_keys_report_sources() {
        let ctx = ctx(profile());
        let mut env = BTreeMap::new();
        env.insert("AWS_SECRET_ACCESS_KEY", "env-sk");
        let keys = resolved_keys(&GlobalArgs::default(), &env, &ctx).unwrap();
        let get = |k: &str| keys.iter().find(|(n, _)| *n == k).unwrap().1.clone();
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
