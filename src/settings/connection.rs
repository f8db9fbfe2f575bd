//! How to reach the service: the profile keys resolved into a [`Connection`], checked
//! before the first request (exit 2 on anything that would make it fail for a reason known
//! now: no endpoint, bad values, no credentials).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, SystemTime};

use crate::checksum::{Algorithm, UploadChecksum};
use crate::cli::GlobalArgs;
use crate::client::{
    ClientConfig, Credentials, CustomerKey, Dialect, Encryption, Endpoint, Feature, ServerSide,
    SignatureVersion, Target,
};
use crate::error::UsageError;
use crate::transfer::{self, Tuning};
use crate::units;

use super::keys::{
    ACCESS_KEY, ADDRESSING, CHECKSUM_ALGORITHM, CNAME, COPY_THRESHOLD, ENCRYPTION_KEY_FILE,
    ENDPOINT, JOBS, Key, LIMIT_RATE, PART_JOBS, PART_SIZE, REGION, RETRIES, SECRET_KEY,
    SECURITY_TOKEN, SIGNATURE, SSE, SSE_C_KEY_FILE, SSE_KMS_KEY_ID, TIMEOUT,
};
use super::resolver::Resolver;
use super::{Context, Env};

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
    /// The flexible checksum uploads send and store (S3 only).
    pub checksum_algorithm: Option<Algorithm>,
    /// Server-side encryption and the SSE-C customer keys.
    pub encryption: Encryption,
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

/// Resolves how to reach the service. The checks run in a fixed order, so that of several
/// bad values the same one is always reported.
pub fn resolve_connection(
    global: &GlobalArgs,
    env: &dyn Env,
    ctx: &Context,
) -> Result<Connection, UsageError> {
    let r = Resolver::new(global, env, ctx)?;
    let target = target(&r, ctx)?;
    let signature = signature(&r)?;
    let checksum_algorithm = checksum_algorithm(&r)?;
    let encryption = encryption(&r, global, env)?;
    let retries = u32::try_from(r.required(&RETRIES)?.value).unwrap_or(u32::MAX);
    let timeout = r.required(&TIMEOUT)?.value;
    if timeout == 0 {
        return Err(UsageError(
            "invalid timeout: must be at least 1 second".to_string(),
        ));
    }
    let limit_rate = r.parsed(&LIMIT_RATE, units::parse_rate)?.map(|v| v.value);
    let region = r.get(&REGION)?.map(|v| v.value).unwrap_or_default();
    let tuning = tuning(&r)?;
    let resolve = resolve_rules(&global.resolve)?;
    let credentials = if global.anonymous {
        None
    } else {
        Some(credentials(&r, ctx)?)
    };
    let encryption_key_file = r
        .get(&ENCRYPTION_KEY_FILE)?
        .map(|v| expand_home(&v.value, env));
    let ca_certificates = match &global.ca_bundle {
        Some(path) => ca_bundle(path)?,
        None => Vec::new(),
    };
    Ok(Connection {
        profile: ctx.profile_name.clone(),
        target,
        region,
        credentials,
        signature,
        checksum_algorithm,
        encryption,
        retries,
        timeout: Duration::from_secs(timeout),
        limit_rate,
        resolve,
        tuning,
        encryption_key_file,
        ca_certificates,
        insecure: global.insecure,
    })
}

/// Endpoint, dialect, addressing and cname.
fn target(r: &Resolver<'_>, ctx: &Context) -> Result<Target, UsageError> {
    let endpoint = r.get(&ENDPOINT)?.ok_or_else(|| {
        UsageError(format!(
            "no endpoint for provider {}: pass --endpoint, set OBJCMD_ENDPOINT, or set endpoint in profile {:?} of {}",
            r.dialect().name(),
            ctx.profile_name,
            ctx.config_path.display()
        ))
    })?;
    let parsed = Endpoint::parse(&endpoint.value)
        .map_err(|e| r.invalid(ENDPOINT.name, &endpoint.source, e.to_string()))?;
    Ok(Target {
        endpoint: parsed,
        dialect: r.dialect(),
        addressing: r.required(&ADDRESSING)?.value,
        cname: r.required(&CNAME)?.value,
    })
}

/// The flexible checksum of uploads: the headers are S3's; OSS and KS3 check CRC-64.
fn checksum_algorithm(r: &Resolver<'_>) -> Result<Option<Algorithm>, UsageError> {
    let choice = r.required(&CHECKSUM_ALGORITHM)?;
    let dialect = r.dialect();
    if choice.value != UploadChecksum::None && dialect != Dialect::S3 {
        return Err(r.invalid(
            CHECKSUM_ALGORITHM.name,
            &choice.source,
            format!(
                "flexible checksums are for the s3 provider only; {} checks its CRC-64 always",
                dialect.name()
            ),
        ));
    }
    Ok(choice.value.algorithm())
}

/// Server-side encryption: `sse`, `sse_kms_key_id`, and the SSE-C key files read now, so
/// that a wrong file or a dialect without the feature is refused before any request.
fn encryption(
    r: &Resolver<'_>,
    global: &GlobalArgs,
    env: &dyn Env,
) -> Result<Encryption, UsageError> {
    let dialect = r.dialect();
    let server_side = r.get(&SSE)?;
    if let Some(sse) = &server_side {
        let feature = match sse.value {
            ServerSide::Aes256 => None,
            ServerSide::Kms => Some(Feature::SseKms),
            ServerSide::Sm4 => Some(Feature::SseSm4),
        };
        if let Some(feature) = feature {
            dialect
                .require(feature)
                .map_err(|why| r.invalid(SSE.name, &sse.source, why))?;
        }
    }
    let kms_key_id = r.get(&SSE_KMS_KEY_ID)?;
    if let Some(id) = &kms_key_id
        && server_side.as_ref().map(|s| s.value) != Some(ServerSide::Kms)
    {
        return Err(r.invalid(
            SSE_KMS_KEY_ID.name,
            &id.source,
            "a KMS key id needs --sse aws:kms (or sse = \"aws:kms\" in the profile)",
        ));
    }
    let customer_key = match r.get(&SSE_C_KEY_FILE)? {
        Some(file) => {
            dialect
                .require(Feature::SseCustomerKey)
                .map_err(|why| r.invalid(SSE_C_KEY_FILE.name, &file.source, why))?;
            Some(read_customer_key(&expand_home(&file.value, env))?)
        }
        None => None,
    };
    let copy_source_key = match &global.sse_c_source_key_file {
        Some(file) => {
            dialect
                .require(Feature::SseCustomerKey)
                .map_err(UsageError)?;
            Some(read_customer_key(&expand_home(file, env))?)
        }
        None => None,
    };
    // An object is encrypted one way: a customer key given for this run overrides the
    // profile's `sse`, and both given as flags is a mistake.
    let server_side = match (&customer_key, server_side) {
        (Some(_), Some(sse)) if sse.source == super::Source::Flag => {
            return Err(UsageError(
                "--sse and --sse-c-key-file exclude each other: an object is encrypted one way"
                    .into(),
            ));
        }
        (Some(_), _) => None,
        (None, sse) => sse.map(|s| s.value),
    };
    Ok(Encryption {
        server_side,
        kms_key_id: kms_key_id.map(|k| k.value),
        customer_key,
        copy_source_key,
    })
}

/// The SSE-C key in `path`: 32 raw bytes.
fn read_customer_key(path: &Path) -> Result<CustomerKey, UsageError> {
    let bytes = std::fs::read(path).map_err(|e| {
        UsageError(format!(
            "cannot read SSE-C key file {}: {e}",
            path.display()
        ))
    })?;
    CustomerKey::from_bytes(&bytes)
        .map_err(|why| UsageError(format!("SSE-C key file {}: {why}", path.display())))
}

/// The signature version: V4 is for S3 only.
fn signature(r: &Resolver<'_>) -> Result<SignatureVersion, UsageError> {
    let signature = r.required(&SIGNATURE)?;
    let dialect = r.dialect();
    if signature.value == SignatureVersion::V4 && dialect != Dialect::S3 {
        return Err(r.invalid(
            SIGNATURE.name,
            &signature.source,
            format!(
                "v4 is for the s3 provider only; {} signs with v2",
                dialect.name()
            ),
        ));
    }
    Ok(signature.value)
}

/// Part size, parts in flight, objects in flight and the copy threshold.
fn tuning(r: &Resolver<'_>) -> Result<Tuning, UsageError> {
    let part_size = part_sized(r, &PART_SIZE, ", the part sizes S3 accepts")?;
    let part_jobs = count(r, &PART_JOBS, 256)?;
    let jobs = count(r, &JOBS, 1024)?;
    let copy_threshold = part_sized(r, &COPY_THRESHOLD, "")?;
    Ok(Tuning {
        part_size,
        part_jobs,
        jobs,
        copy_threshold,
    })
}

/// A size that must be a valid part size (5 MiB to 5 GiB); `why` ends the range message.
fn part_sized(r: &Resolver<'_>, key: &Key<String>, why: &str) -> Result<u64, UsageError> {
    let text = r.required(key)?;
    let size = units::parse_size(&text.value).map_err(|e| r.invalid(key.name, &text.source, e))?;
    if !(transfer::MIN_PART_SIZE..=transfer::MAX_PART_SIZE).contains(&size) {
        return Err(r.invalid(
            key.name,
            &text.source,
            format!("{} is outside 5MiB..5GiB{why}", text.value),
        ));
    }
    Ok(size)
}

/// A number of workers, 1 to `max`.
fn count(r: &Resolver<'_>, key: &Key<u64>, max: u64) -> Result<usize, UsageError> {
    let n = r.required(key)?;
    if !(1..=max).contains(&n.value) {
        return Err(r.invalid(key.name, &n.source, format!("must be 1 to {max}")));
    }
    // At most 1024: fits any usize.
    Ok(n.value as usize)
}

/// The `--resolve HOST:ADDR` rules.
fn resolve_rules(rules: &[String]) -> Result<Vec<(String, std::net::IpAddr)>, UsageError> {
    rules
        .iter()
        .map(|rule| {
            let parsed = rule.split_once(':').and_then(|(host, addr)| {
                let addr = addr.trim_start_matches('[').trim_end_matches(']');
                Some((host.to_ascii_lowercase(), addr.parse().ok()?))
            });
            parsed.ok_or_else(|| {
                UsageError(format!(
                    "invalid --resolve {rule:?}: expected HOST:ADDR, e.g. '*.localhost:127.0.0.1'"
                ))
            })
        })
        .collect()
}

/// The access key and secret (both needed), and the token of temporary credentials.
fn credentials(r: &Resolver<'_>, ctx: &Context) -> Result<Credentials, UsageError> {
    let access_key = r.get(&ACCESS_KEY)?.map(|v| v.value);
    let secret_key = r.get(&SECRET_KEY)?.map(|v| v.value);
    match (access_key, secret_key) {
        (Some(access_key), Some(secret_key)) => Ok(Credentials {
            access_key,
            secret_key,
            security_token: r.get(&SECURITY_TOKEN)?.map(|v| v.value),
        }),
        (ak, _) => {
            let missing = if ak.is_none() {
                "access key"
            } else {
                "secret key"
            };
            Err(UsageError(format!(
                "no {missing} for profile {:?}: set access_key and secret_key in {} (objcmd config init), pass --access-key/--secret-key, set OBJCMD_ACCESS_KEY/OBJCMD_SECRET_KEY, or use --anonymous",
                ctx.profile_name,
                ctx.config_path.display()
            )))
        }
    }
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
            checksum_algorithm: self.checksum_algorithm,
            encryption: self.encryption.clone(),
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
            pace: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::test_support::{ctx, profile};
    use super::*;
    use crate::client::Addressing;
    use crate::config::Profile;
    use crate::secret::Secret;

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
            provider: Some(Dialect::S3),
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
    fn checksum_algorithm_defaults_to_crc64nvme_on_aws_and_none_elsewhere() {
        let algorithm = |endpoint: Option<&str>, region: Option<&str>, dialect| {
            let p = Profile {
                provider: Some(dialect),
                endpoint: endpoint.map(String::from),
                region: region.map(String::from),
                ..profile()
            };
            resolve_connection(&GlobalArgs::default(), &BTreeMap::new(), &ctx(p))
                .unwrap()
                .checksum_algorithm
        };
        let aws = Some(Algorithm::Crc64Nvme);
        let s3 = Dialect::S3;
        assert_eq!(algorithm(None, Some("eu-west-1"), s3), aws);
        let west = Some("https://s3.us-west-2.amazonaws.com");
        assert_eq!(algorithm(west, None, s3), aws);
        assert_eq!(algorithm(Some("http://127.0.0.1:7480"), None, s3), None);
        assert_eq!(algorithm(Some("http://oss:1"), None, Dialect::Oss), None);
        assert_eq!(algorithm(Some("http://ks3:1"), None, Dialect::Ks3), None);
        // An explicit choice wins over the default, both ways.
        let none = GlobalArgs {
            checksum_algorithm: Some(UploadChecksum::None),
            ..GlobalArgs::default()
        };
        let p = Profile {
            endpoint: west.map(String::from),
            ..profile()
        };
        let conn = resolve_connection(&none, &BTreeMap::new(), &ctx(p)).unwrap();
        assert_eq!(conn.checksum_algorithm, None);
        let sha1 = GlobalArgs {
            checksum_algorithm: Some(UploadChecksum::Sha1),
            ..GlobalArgs::default()
        };
        let conn = resolve_connection(&sha1, &BTreeMap::new(), &ctx(profile())).unwrap();
        assert_eq!(conn.checksum_algorithm, Some(Algorithm::Sha1));
    }
}
