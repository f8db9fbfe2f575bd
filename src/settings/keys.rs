//! Every profile key, defined once: its name, the type of its value, its `OBJCMD_*`
//! variable, the provider's own variables, the flag it comes from, its default and its doc
//! line. Resolution ([`super::resolver`]), `config list/get/set/init` and the profile's
//! read-back all go through this one table; `config::Profile` is only the file's storage.
//!
//! The words of the choice-valued keys (provider, addressing, signature) are written here
//! once, for the profile and for clap: the `clap::ValueEnum` impls of `Dialect`,
//! `Addressing` and `SignatureVersion` come from the same list (`cli` parses the flags with
//! them; `client` itself never sees clap).

use crate::checksum::UploadChecksum;
use crate::cli::GlobalArgs;
use crate::client::{Addressing, Dialect, Endpoint, ServerSide, SignatureVersion};
use crate::config::{Assignment, ConfigError, KeyKind, Profile};
use crate::error::UsageError;
use crate::secret::Secret;
use crate::{transfer, units};

use super::Env;
use super::resolver::{Resolved, Resolver};

/// The type of a key's value: how `config set` checks it, how environment text becomes
/// one, and how `config get`/`list` show it.
pub trait KeyValue: Clone + 'static {
    /// What the config file (and so `config set`) accepts.
    const KIND: KeyKind;
    /// The value an environment variable's text stands for; `None` when it is none.
    fn from_text(text: &str) -> Option<Self>;
    /// The text shown by `config get` and `config list`, and written by `config init`.
    fn to_text(&self) -> String;
    /// An empty value counts as unset, wherever it is given (`--endpoint ''`).
    fn is_empty(&self) -> bool {
        false
    }
}

impl KeyValue for String {
    const KIND: KeyKind = KeyKind::Text;
    fn from_text(text: &str) -> Option<Self> {
        Some(text.to_string())
    }
    fn to_text(&self) -> String {
        self.clone()
    }
    fn is_empty(&self) -> bool {
        str::is_empty(self)
    }
}

impl KeyValue for Secret {
    const KIND: KeyKind = KeyKind::Secret;
    fn from_text(text: &str) -> Option<Self> {
        Some(Secret::new(text))
    }
    fn to_text(&self) -> String {
        self.expose().to_string()
    }
    fn is_empty(&self) -> bool {
        Secret::is_empty(self)
    }
}

impl KeyValue for bool {
    const KIND: KeyKind = KeyKind::Bool;
    fn from_text(text: &str) -> Option<Self> {
        text.parse().ok()
    }
    fn to_text(&self) -> String {
        self.to_string()
    }
}

impl KeyValue for u64 {
    const KIND: KeyKind = KeyKind::Integer;
    fn from_text(text: &str) -> Option<Self> {
        text.parse().ok()
    }
    fn to_text(&self) -> String {
        self.to_string()
    }
}

/// A key whose value is one of a few words: the words serve the profile, the environment
/// (in any case, as `OBJCMD_PROVIDER=S3` always worked) and clap's `--flag WORD`.
macro_rules! choice {
    ($ty:ty { $($variant:path => $word:literal),+ $(,)? }) => {
        impl KeyValue for $ty {
            const KIND: KeyKind = KeyKind::Choice(&[$($word),+]);
            fn from_text(text: &str) -> Option<Self> {
                [$(($variant, $word)),+]
                    .into_iter()
                    .find(|(_, word)| word.eq_ignore_ascii_case(text))
                    .map(|(value, _)| value)
            }
            fn to_text(&self) -> String {
                match self { $($variant => $word),+ }.to_string()
            }
        }

        impl clap::ValueEnum for $ty {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($variant),+]
            }
            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(match self { $($variant => $word),+ }))
            }
        }
    };
}

choice!(Dialect {
    Dialect::S3 => "s3",
    Dialect::Oss => "oss",
    Dialect::Ks3 => "ks3",
});
choice!(Addressing {
    Addressing::Path => "path",
    Addressing::Virtual => "virtual",
    Addressing::Auto => "auto",
});
choice!(SignatureVersion {
    SignatureVersion::V2 => "v2",
    SignatureVersion::V4 => "v4",
});
choice!(UploadChecksum {
    UploadChecksum::Crc32 => "crc32",
    UploadChecksum::Crc32c => "crc32c",
    UploadChecksum::Crc64nvme => "crc64nvme",
    UploadChecksum::Sha1 => "sha1",
    UploadChecksum::Sha256 => "sha256",
    UploadChecksum::None => "none",
});

choice!(ServerSide {
    ServerSide::Aes256 => "AES256",
    ServerSide::Kms => "aws:kms",
    ServerSide::Sm4 => "SM4",
});

/// One profile key: everything objcmd knows about it, in one place.
pub struct Key<T> {
    /// The TOML key, and the name `config get/set/list` use.
    pub name: &'static str,
    /// Its `OBJCMD_*` variable, if it has one.
    pub env: Option<&'static str>,
    /// The provider's own variables (`AWS_ACCESS_KEY_ID`...), by dialect.
    pub provider_env: &'static [(Dialect, &'static str)],
    /// Its value from the command line, if the flag was given.
    pub flag: fn(&GlobalArgs) -> Option<T>,
    /// Its value in the profile, if the profile has it.
    pub profile: fn(&Profile) -> Option<T>,
    /// Its built-in default, which may depend on the dialect and on other keys.
    pub default: fn(&Resolver<'_>) -> Option<T>,
    /// One line of documentation.
    pub doc: &'static str,
}

/// No built-in default.
fn no_default<T>(_: &Resolver<'_>) -> Option<T> {
    None
}

/// No flag: the key is set in the profile or the environment only.
fn no_flag<T>(_: &GlobalArgs) -> Option<T> {
    None
}

/// The dialect of the API.
pub const PROVIDER: Key<Dialect> = Key {
    name: "provider",
    env: Some("OBJCMD_PROVIDER"),
    provider_env: &[],
    flag: |g| g.provider,
    profile: |p| p.provider,
    default: |_| Some(Dialect::S3),
    doc: "dialect of the API: s3 (AWS and S3-compatible servers), oss (Aliyun) or ks3 (Kingsoft)",
};

/// The service URL.
pub const ENDPOINT: Key<String> = Key {
    name: "endpoint",
    env: Some("OBJCMD_ENDPOINT"),
    provider_env: &[],
    flag: |g| g.endpoint.clone(),
    profile: |p| p.endpoint.clone(),
    // From the region where the public service has a name for it; the region's own
    // default is not used (for AWS it names the same endpoint).
    default: |r| {
        let region = r.given(&REGION).ok().flatten().map(|r| r.value);
        default_endpoint(r.dialect(), region.as_deref())
    },
    doc: "service URL, e.g. http://127.0.0.1:7480; without a scheme, https is used",
};

/// The region.
pub const REGION: Key<String> = Key {
    name: "region",
    env: Some("OBJCMD_REGION"),
    provider_env: &[],
    flag: |g| g.region.clone(),
    profile: |p| p.region.clone(),
    default: |r| (r.dialect() == Dialect::S3).then(|| "us-east-1".to_string()),
    doc: "region (SigV4 scope, location of new buckets)",
};

/// The access key id.
pub const ACCESS_KEY: Key<String> = Key {
    name: "access_key",
    env: Some("OBJCMD_ACCESS_KEY"),
    provider_env: &[
        (Dialect::S3, "AWS_ACCESS_KEY_ID"),
        (Dialect::Oss, "OSS_ACCESS_KEY_ID"),
        (Dialect::Ks3, "KS3_ACCESS_KEY_ID"),
    ],
    flag: |g| g.access_key.clone(),
    profile: |p| p.access_key.clone(),
    default: no_default,
    doc: "access key id",
};

/// The secret access key.
pub const SECRET_KEY: Key<Secret> = Key {
    name: "secret_key",
    env: Some("OBJCMD_SECRET_KEY"),
    provider_env: &[
        (Dialect::S3, "AWS_SECRET_ACCESS_KEY"),
        (Dialect::Oss, "OSS_ACCESS_KEY_SECRET"),
        (Dialect::Ks3, "KS3_SECRET_ACCESS_KEY"),
    ],
    flag: |g| g.secret_key.clone(),
    profile: |p| p.secret_key.clone(),
    default: no_default,
    doc: "secret access key",
};

/// The STS security token.
pub const SECURITY_TOKEN: Key<Secret> = Key {
    name: "security_token",
    env: Some("OBJCMD_SECURITY_TOKEN"),
    provider_env: &[
        (Dialect::S3, "AWS_SESSION_TOKEN"),
        (Dialect::Oss, "OSS_SESSION_TOKEN"),
    ],
    flag: |g| g.security_token.clone(),
    profile: |p| p.security_token.clone(),
    default: no_default,
    doc: "STS security token of temporary credentials",
};

/// The client-side encryption key file.
pub const ENCRYPTION_KEY_FILE: Key<String> = Key {
    name: "encryption_key_file",
    env: Some("OBJCMD_ENCRYPTION_KEY_FILE"),
    provider_env: &[],
    flag: no_flag,
    profile: |p| p.encryption_key_file.clone(),
    default: no_default,
    doc: "16-byte AES key for client-side encryption, KS3 SDK format (objcmd config gen-key FILE)",
};

/// Path or virtual-host addressing.
pub const ADDRESSING: Key<Addressing> = Key {
    name: "addressing",
    env: None,
    provider_env: &[],
    flag: |g| g.addressing,
    profile: |p| p.addressing,
    default: |_| Some(Addressing::Auto),
    doc: "path (http://host/bucket/key), virtual (http://bucket.host/key) or auto",
};

/// Whether the profile speaks S3 to AWS itself (an `*.amazonaws.com` endpoint); `None`
/// while the endpoint is unknown.
fn aws_s3(r: &Resolver<'_>) -> Option<bool> {
    match r.dialect() {
        Dialect::S3 => {
            let endpoint = r.get(&ENDPOINT).ok().flatten()?.value;
            Some(Endpoint::parse(&endpoint).is_ok_and(|e| e.is_aws()))
        }
        Dialect::Oss | Dialect::Ks3 => Some(false),
    }
}

/// The signature version.
pub const SIGNATURE: Key<SignatureVersion> = Key {
    name: "signature",
    env: None,
    provider_env: &[],
    flag: |g| g.signature,
    profile: |p| p.signature,
    // AWS hosts take V4 (newer regions take nothing else); other S3 servers V2.
    default: |r| match aws_s3(r)? {
        true => Some(SignatureVersion::V4),
        false => Some(SignatureVersion::V2),
    },
    doc: "S3 only: v2 or v4 (default: v4 for AWS hosts, v2 elsewhere)",
};

/// The flexible checksum of uploads.
pub const CHECKSUM_ALGORITHM: Key<UploadChecksum> = Key {
    name: "checksum_algorithm",
    env: None,
    provider_env: &[],
    flag: |g| g.checksum_algorithm,
    profile: |p| p.checksum_algorithm,
    // AWS stores one with every object its own tools upload; other servers may refuse
    // the headers (R2 and some gateways did).
    default: |r| match aws_s3(r)? {
        true => Some(UploadChecksum::Crc64nvme),
        false => Some(UploadChecksum::None),
    },
    doc: "S3 only: checksum stored with uploads: crc32, crc32c, crc64nvme, sha1, sha256 or none (default: crc64nvme for AWS hosts, none elsewhere)",
};

/// Server-side encryption of new objects.
pub const SSE: Key<ServerSide> = Key {
    name: "sse",
    env: None,
    provider_env: &[],
    flag: |g| g.sse,
    profile: |p| p.sse,
    default: no_default,
    doc: "server-side encryption of new objects: AES256, aws:kms (not KS3) or SM4 (OSS only) (default: the bucket's)",
};

/// The KMS key of `aws:kms` encryption.
pub const SSE_KMS_KEY_ID: Key<String> = Key {
    name: "sse_kms_key_id",
    env: None,
    provider_env: &[],
    flag: |g| g.sse_kms_key_id.clone(),
    profile: |p| p.sse_kms_key_id.clone(),
    default: no_default,
    doc: "the KMS key of sse = aws:kms (default: the server's)",
};

/// The SSE-C customer key file.
pub const SSE_C_KEY_FILE: Key<String> = Key {
    name: "sse_c_key_file",
    env: None,
    provider_env: &[],
    flag: |g| g.sse_c_key_file.clone(),
    profile: |p| p.sse_c_key_file.clone(),
    default: no_default,
    doc: "SSE-C: file with the 32-byte customer key the objects are encrypted with on the server (S3, KS3)",
};

/// A custom domain bound to one bucket.
pub const CNAME: Key<bool> = Key {
    name: "cname",
    env: None,
    provider_env: &[],
    // A switch: absent is "not given", never "false".
    flag: |g| g.cname.then_some(true),
    profile: |p| p.cname,
    default: |_| Some(false),
    doc: "the endpoint is a custom domain bound to one bucket",
};

/// Retries of a retryable failure.
pub const RETRIES: Key<u64> = Key {
    name: "retries",
    env: None,
    provider_env: &[],
    flag: |g| g.retries.map(u64::from),
    profile: |p| p.retries.map(u64::from),
    default: |_| Some(5),
    doc: "retries of a retryable failure (default 5; 0 = no retry)",
};

/// The connect and read timeout, in seconds.
pub const TIMEOUT: Key<u64> = Key {
    name: "timeout",
    env: None,
    provider_env: &[],
    flag: |g| g.timeout,
    profile: |p| p.timeout,
    default: |_| Some(60),
    doc: "connect and read timeout in seconds (default 60)",
};

/// The bandwidth cap, as written (parsed by `units::parse_rate` when resolved).
pub const LIMIT_RATE: Key<String> = Key {
    name: "limit_rate",
    env: None,
    provider_env: &[],
    flag: |g| g.limit_rate.clone(),
    profile: |p| p.limit_rate.clone(),
    default: no_default,
    doc: "bandwidth cap, e.g. 10MiB/s (default: none)",
};

/// The multipart part size, as written (parsed by `units::parse_size` when resolved).
pub const PART_SIZE: Key<String> = Key {
    name: "part_size",
    env: None,
    provider_env: &[],
    flag: |g| g.part_size.clone(),
    profile: |p| p.part_size.clone(),
    default: |_| Some(units::human_size(transfer::DEFAULT_PART_SIZE).replace(' ', "")),
    doc: "multipart part size, e.g. 16MiB (default 16MiB; 5MiB to 5GiB)",
};

/// The size above which remote copies are made in parts, as written.
pub const COPY_THRESHOLD: Key<String> = Key {
    name: "copy_threshold",
    env: None,
    provider_env: &[],
    flag: |g| g.copy_threshold.clone(),
    profile: |p| p.copy_threshold.clone(),
    default: |_| Some("5GiB".to_string()),
    doc: "remote copies above this size are made in parts (default 5GiB, the CopyObject limit)",
};

/// Objects transferred at once.
pub const JOBS: Key<u64> = Key {
    name: "jobs",
    env: None,
    provider_env: &[],
    flag: |g| g.jobs.map(|n| n as u64),
    profile: |p| p.jobs.map(u64::from),
    default: |_| Some(transfer::DEFAULT_JOBS as u64),
    doc: "objects transferred at once by recursive commands and sync (default 64)",
};

/// Parts in flight per object.
pub const PART_JOBS: Key<u64> = Key {
    name: "part_jobs",
    env: None,
    provider_env: &[],
    flag: |g| g.part_jobs.map(|n| n as u64),
    profile: |p| p.part_jobs.map(u64::from),
    default: |_| Some(transfer::DEFAULT_PART_JOBS as u64),
    doc: "parts in flight per object (default 4)",
};

/// A key of any value type, for what treats them all alike: `config list/get/set/init`.
pub trait AnyKey: Sync {
    /// The TOML key.
    fn name(&self) -> &'static str;
    /// What the config file accepts for it.
    fn kind(&self) -> KeyKind;
    /// One line of documentation.
    fn doc(&self) -> &'static str;
    /// Its `OBJCMD_*` variable, if it has one.
    fn env(&self) -> Option<&'static str>;
    /// The provider's own variable for a dialect, if it has one.
    fn provider_env(&self, dialect: Dialect) -> Option<&'static str>;
    /// Its value in the profile as text, if set (even to the empty string).
    fn profile_text(&self, profile: &Profile) -> Option<String>;
    /// Its value given for this run as text: its flag, else its `OBJCMD_*` variable (as
    /// written, unchecked: `config set` checks what it writes).
    fn given_text(&self, global: &GlobalArgs, env: &dyn Env) -> Option<String>;
    /// Its resolved value as text, with its source; `None` when nobody set it.
    fn resolved_text(&self, r: &Resolver<'_>) -> Result<Option<Resolved<String>>, UsageError>;
}

impl<T: KeyValue> AnyKey for Key<T> {
    fn name(&self) -> &'static str {
        self.name
    }
    fn kind(&self) -> KeyKind {
        T::KIND
    }
    fn doc(&self) -> &'static str {
        self.doc
    }
    fn env(&self) -> Option<&'static str> {
        self.env
    }
    fn provider_env(&self, dialect: Dialect) -> Option<&'static str> {
        self.provider_env
            .iter()
            .find(|(d, _)| *d == dialect)
            .map(|(_, name)| *name)
    }
    fn profile_text(&self, profile: &Profile) -> Option<String> {
        (self.profile)(profile).map(|v| v.to_text())
    }
    fn given_text(&self, global: &GlobalArgs, env: &dyn Env) -> Option<String> {
        (self.flag)(global)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_text())
            .or_else(|| self.env.and_then(|name| env.var(name)))
    }
    fn resolved_text(&self, r: &Resolver<'_>) -> Result<Option<Resolved<String>>, UsageError> {
        Ok(r.get(self)?.map(|v| Resolved {
            value: v.value.to_text(),
            source: v.source,
        }))
    }
}

/// Every key a profile may hold, in the order `config list` shows them.
pub static KEYS: [&dyn AnyKey; 21] = [
    &PROVIDER,
    &ENDPOINT,
    &REGION,
    &ACCESS_KEY,
    &SECRET_KEY,
    &SECURITY_TOKEN,
    &ENCRYPTION_KEY_FILE,
    &ADDRESSING,
    &SIGNATURE,
    &CHECKSUM_ALGORITHM,
    &SSE,
    &SSE_KMS_KEY_ID,
    &SSE_C_KEY_FILE,
    &CNAME,
    &RETRIES,
    &TIMEOUT,
    &LIMIT_RATE,
    &PART_SIZE,
    &COPY_THRESHOLD,
    &JOBS,
    &PART_JOBS,
];

/// Looks up a key by name.
pub fn find(name: &str) -> Option<&'static dyn AnyKey> {
    KEYS.iter().copied().find(|k| k.name() == name)
}

/// `key = value` for `profile`, for [`crate::config::update`] to check and write; an
/// unknown key is refused with the list of keys.
pub fn assignment(profile: &str, key: &str, value: &str) -> Result<Assignment, ConfigError> {
    let spec = find(key).ok_or_else(|| {
        let names: Vec<&str> = KEYS.iter().map(|k| k.name()).collect();
        ConfigError::Invalid(format!(
            "unknown key {key:?}; profile keys are: {}",
            names.join(", ")
        ))
    })?;
    Ok(Assignment {
        profile: profile.to_string(),
        key: spec.name(),
        kind: spec.kind(),
        value: value.to_string(),
    })
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use clap::{Parser, ValueEnum};

    use super::*;
    use crate::cli::Cli;
    use crate::config;

    /// A value of the kind as TOML, and as `config get` shows it.
    fn sample(kind: KeyKind) -> (String, String) {
        match kind {
            KeyKind::Text | KeyKind::Secret => ("\"x\"".into(), "x".into()),
            KeyKind::Choice(words) => (format!("{:?}", words[1]), words[1].into()),
            KeyKind::Integer => ("3".into(), "3".into()),
            KeyKind::Bool => ("true".into(), "true".into()),
        }
    }

    #[test]
    fn the_table_and_the_profile_struct_hold_the_same_keys() {
        let path = Path::new("/x");
        for key in KEYS {
            let (toml, shown) = sample(key.kind());
            let text = format!("[profiles.p]\n{} = {toml}\n", key.name());
            let data = config::parse(path, &text).unwrap();
            let profile = &data.profiles["p"];
            assert_eq!(key.profile_text(profile), Some(shown), "{}", key.name());
            // Only this key: the table reads its own field.
            let set = KEYS.iter().filter(|k| k.profile_text(profile).is_some());
            assert_eq!(set.count(), 1, "{}", key.name());
        }
        // serde names every field of Profile when it refuses an unknown one: none is missing
        // from the table.
        let err = config::parse(path, "[profiles.p]\nno_such_key = 1\n")
            .unwrap_err()
            .to_string();
        let (_, listed) = err.split_once("expected one of ").unwrap();
        let mut fields: Vec<&str> = listed.split(", ").map(|f| f.trim_matches('`')).collect();
        let mut names: Vec<&str> = KEYS.iter().map(|k| k.name()).collect();
        fields.sort_unstable();
        names.sort_unstable();
        assert_eq!(fields, names);
    }

    #[test]
    fn choice_words_are_the_same_for_the_flag_the_file_and_the_environment() {
        fn words<T: KeyValue + ValueEnum>() -> Vec<String> {
            T::value_variants()
                .iter()
                .map(|v| {
                    let word = v.to_possible_value().unwrap().get_name().to_string();
                    assert_eq!(v.to_text(), word);
                    assert!(T::from_text(&word.to_uppercase()).is_some(), "{word}");
                    word
                })
                .collect()
        }
        let kind = |words: Vec<String>| words.join(" ");
        let listed = |k: KeyKind| match k {
            KeyKind::Choice(w) => w.join(" "),
            _ => String::new(),
        };
        assert_eq!(kind(words::<Dialect>()), listed(Dialect::KIND));
        assert_eq!(kind(words::<Addressing>()), listed(Addressing::KIND));
        assert_eq!(
            kind(words::<SignatureVersion>()),
            listed(SignatureVersion::KIND)
        );
        assert_eq!(listed(Dialect::KIND), "s3 oss ks3");
        assert!(Dialect::from_text("gcs").is_none());
        // The file's words are serde's: the profile reads each of them.
        for key in KEYS {
            if let KeyKind::Choice(words) = key.kind() {
                for word in words {
                    let text = format!("[profiles.p]\n{} = {word:?}\n", key.name());
                    let data = config::parse(Path::new("/x"), &text).unwrap();
                    let got = key.profile_text(&data.profiles["p"]);
                    assert_eq!(got.as_deref(), Some(*word));
                }
            }
        }
        // The flag takes the exact word only, as before.
        let global = Cli::try_parse_from(["objcmd", "--provider", "oss", "ls"])
            .unwrap()
            .global;
        assert_eq!(global.provider, Some(Dialect::Oss));
        assert!(Cli::try_parse_from(["objcmd", "--provider", "S3", "ls"]).is_err());
    }

    #[test]
    fn given_text_is_the_flag_else_the_objcmd_variable_as_written() {
        let global = Cli::try_parse_from([
            "objcmd",
            "--provider",
            "oss",
            "--cname",
            "-j",
            "8",
            "--secret-key",
            "sk",
            "--endpoint",
            "",
            "ls",
        ])
        .unwrap()
        .global;
        let mut env = BTreeMap::new();
        env.insert("OBJCMD_ENDPOINT", "http://env:1");
        env.insert("OBJCMD_REGION", "Region-As-Typed");
        env.insert("AWS_ACCESS_KEY_ID", "provider-variables-are-not-given");
        let given = |key: &dyn AnyKey| key.given_text(&global, &env);
        assert_eq!(given(&PROVIDER).as_deref(), Some("oss"));
        assert_eq!(given(&CNAME).as_deref(), Some("true"));
        assert_eq!(given(&JOBS).as_deref(), Some("8"));
        assert_eq!(given(&SECRET_KEY).as_deref(), Some("sk"));
        assert_eq!(given(&ENDPOINT).as_deref(), Some("http://env:1"));
        assert_eq!(given(&REGION).as_deref(), Some("Region-As-Typed"));
        assert_eq!(given(&ACCESS_KEY), None);
        assert_eq!(given(&ADDRESSING), None);
        // An unset switch is not "false".
        assert_eq!(CNAME.given_text(&GlobalArgs::default(), &env), None);
    }

    #[test]
    fn assignments_name_a_known_key() {
        let set = assignment("p", "retries", "2").unwrap();
        assert_eq!((set.key, set.kind), ("retries", KeyKind::Integer));
        let err = assignment("p", "colour", "x").unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown key \"colour\"; profile keys are: provider, endpoint, region, access_key, \
             secret_key, security_token, encryption_key_file, addressing, signature, \
             checksum_algorithm, sse, sse_kms_key_id, sse_c_key_file, cname, retries, timeout, limit_rate, part_size, copy_threshold, jobs, part_jobs"
        );
        assert!(find("secret_key").is_some_and(|k| k.kind() == KeyKind::Secret));
        assert!(KEYS.iter().all(|k| !k.doc().is_empty()));
    }
}
