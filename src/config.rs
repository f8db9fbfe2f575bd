//! The config file: TOML profiles, read with typed validation and edited in place.
//!
//! Reading is strict (unknown keys and wrong types are errors that name the file and the
//! line), because a silently ignored typo in a credentials file costs more than an error.
//! Writing goes through `toml_edit` so comments and layout survive `config set`, and lands
//! atomically (temp file, mode 0600, rename).

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::client::{Addressing, Dialect, SignatureVersion};
use crate::secret::Secret;

/// The kind of value a profile key holds in the file, for validating `config set`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// Free text.
    Text,
    /// A credential: masked in `config list`, prompted without echo.
    Secret,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// A non-negative integer.
    Integer,
    /// true or false.
    Bool,
}

/// One profile as it is written in the file. Every field is optional: flags and the
/// environment can supply the rest. This is storage only: each key is defined (type,
/// variables, flag, default, doc) in `settings::keys`, whose tests keep the two in step.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // each field is the key of the same name in settings::keys::KEYS
pub struct Profile {
    pub provider: Option<Dialect>,
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub access_key: Option<String>,
    pub secret_key: Option<Secret>,
    pub security_token: Option<Secret>,
    pub encryption_key_file: Option<String>,
    pub addressing: Option<Addressing>,
    pub signature: Option<SignatureVersion>,
    pub checksum_algorithm: Option<crate::checksum::UploadChecksum>,
    pub sse: Option<crate::client::ServerSide>,
    pub sse_kms_key_id: Option<String>,
    pub sse_c_key_file: Option<String>,
    pub cname: Option<bool>,
    pub retries: Option<u32>,
    pub timeout: Option<u64>,
    pub limit_rate: Option<String>,
    pub part_size: Option<String>,
    pub part_jobs: Option<u32>,
    pub jobs: Option<u32>,
    pub copy_threshold: Option<String>,
}

/// The whole file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigData {
    /// The profile used when none is named.
    pub default_profile: Option<String>,
    /// The profiles by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// A config file that could not be read, parsed or written.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("cannot read config file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML, or has keys or types a profile does not have.
    #[error("config file {path}: {location}{message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// `line L, column C: `, when known.
        location: String,
        /// What is wrong.
        message: String,
    },
    /// The file could not be written.
    #[error("cannot write config file {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A value given to `config set` is not valid for its key.
    #[error("{0}")]
    Invalid(String),
}

/// The default location: `config.toml` in the OS config dir (`~/.config/objcmd` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "objcmd").map(|d| d.config_dir().join("config.toml"))
}

/// `line 3, column 12: ` for a byte offset into `text`.
fn location(text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("line {line}, column {column}: ")
}

/// Parses the text of a config file.
pub fn parse(path: &Path, text: &str) -> Result<ConfigData, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::Parse {
        path: path.to_path_buf(),
        location: e
            .span()
            .map(|s| location(text, s.start))
            .unwrap_or_default(),
        message: e.message().trim().replace('\n', " "),
    })
}

/// Reads and parses the file; `Ok(None)` if it does not exist.
pub fn load(path: &Path) -> Result<Option<ConfigData>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(path, &text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            source: e,
        }),
    }
}

/// The warning of spec/cli.md when the file is readable by group or others.
#[cfg(unix)]
pub fn permission_warning(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o044 != 0).then(|| {
        let p = path.display();
        format!("{p} is readable by others (mode {mode:04o}); run: chmod 600 {p}")
    })
}

/// Permissions are not checked where there are no Unix modes.
#[cfg(not(unix))]
pub fn permission_warning(_path: &Path) -> Option<String> {
    None
}

/// Checks a value for a key and renders it as a TOML value.
fn toml_value(set: &Assignment) -> Result<toml_edit::Value, ConfigError> {
    let value = set.value.as_str();
    let invalid = |expected: String| {
        ConfigError::Invalid(format!(
            "invalid value for {}: expected {expected}",
            set.key
        ))
    };
    Ok(match set.kind {
        KeyKind::Text | KeyKind::Secret => value.into(),
        KeyKind::Choice(words) => {
            if !words.contains(&value) {
                return Err(invalid(format!(
                    "one of {}, got {value:?}",
                    words.join(", ")
                )));
            }
            value.into()
        }
        KeyKind::Integer => {
            let n: i64 = value
                .parse()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| invalid(format!("a non-negative integer, got {value:?}")))?;
            n.into()
        }
        KeyKind::Bool => match value {
            "true" => true.into(),
            "false" => false.into(),
            _ => return Err(invalid(format!("true or false, got {value:?}"))),
        },
    })
}

/// Where the name of a missing profile came from: it decides the message and the hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileOrigin {
    /// `-p NAME` or `OBJCMD_PROFILE`.
    Named,
    /// The file's `default_profile`.
    FileDefault,
    /// `config set default_profile NAME`.
    SetDefault,
}

/// A profile the config file does not have, where one must exist (exit 2).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub struct ProfileNotFound {
    /// The name asked for.
    pub name: String,
    /// The config file.
    pub path: PathBuf,
    /// The profiles the file has, or `None` when there is no file.
    pub profiles: Option<Vec<String>>,
    /// Where the name came from.
    pub origin: ProfileOrigin,
}

impl ProfileNotFound {
    fn message(&self) -> String {
        let file = self.path.display();
        let name = &self.name;
        let Some(profiles) = &self.profiles else {
            return format!("profile {name:?} not found: {file} does not exist");
        };
        let have = if profiles.is_empty() {
            "it has no profiles".to_string()
        } else {
            format!("its profiles: {}", profiles.join(", "))
        };
        match self.origin {
            ProfileOrigin::FileDefault => {
                format!("default_profile {name:?} of {file} names no profile ({have})")
            }
            ProfileOrigin::Named | ProfileOrigin::SetDefault => {
                format!("profile {name:?} is not in {file} ({have})")
            }
        }
    }

    /// What to type instead: the nearest existing name, or how to create the profile.
    pub fn hint(&self) -> String {
        let name = &self.name;
        let nearest = self
            .profiles
            .as_deref()
            .and_then(|names| nearest_name(name, names.iter().map(String::as_str)));
        let create = format!("objcmd -p {name} config init");
        match (self.origin, nearest) {
            (ProfileOrigin::Named, Some(n)) => {
                format!("did you mean -p {n}? ({create} creates profile {name:?})")
            }
            (ProfileOrigin::Named, None) => format!("create it with: {create}"),
            (ProfileOrigin::SetDefault, Some(n)) => format!(
                "did you mean objcmd config set default_profile {n}? (create {name:?} first with: {create})"
            ),
            (ProfileOrigin::SetDefault, None) => format!("create it first with: {create}"),
            (ProfileOrigin::FileDefault, Some(n)) => {
                format!("did you mean {n}? fix it with: objcmd config set default_profile {n}")
            }
            (ProfileOrigin::FileDefault, None) => format!(
                "create it with: {create}, or name an existing one: objcmd config set default_profile NAME"
            ),
        }
    }
}

/// The name of `names` nearest to `wanted`: the same name in another case first, then the
/// closest within a few typos (edit distance at most a third of the name, and at least 1).
pub fn nearest_name<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let limit = (wanted.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for name in names {
        let distance = edit_distance(&wanted_lower, &name.to_lowercase());
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, name));
        }
    }
    best.map(|(_, name)| name)
}

/// Edit distance over characters where swapping two neighbours counts as one typo
/// (optimal string alignment).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // d[i][j]: distance between the first i chars of a and the first j of b.
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// `key = value` in a profile, its value checked against `kind` when written.
#[derive(Debug)]
pub struct Assignment {
    /// The profile.
    pub profile: String,
    /// The key (one of `settings::keys::KEYS`, which makes assignments).
    pub key: &'static str,
    /// What the key holds.
    pub kind: KeyKind,
    /// The value as typed.
    pub value: String,
}

/// Edits of one config file, applied together by [`update`].
#[derive(Debug, Default)]
pub struct Edit {
    /// Assignments, applied in order.
    pub set: Vec<Assignment>,
    /// A new `default_profile`.
    pub default_profile: Option<String>,
}

/// Applies edits to the file (creating it if needed), preserving comments and layout,
/// and writes it atomically with mode 0600.
pub fn update(path: &Path, edit: &Edit) -> Result<(), ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source: e,
            });
        }
    };
    // Refuse to edit a file we could not read back: the user should fix it first.
    parse(path, &text)?;
    let mut doc: toml_edit::DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| ConfigError::Parse {
                path: path.to_path_buf(),
                location: String::new(),
                message: e.message().to_string(),
            })?;
    if let Some(name) = &edit.default_profile {
        doc["default_profile"] = toml_edit::value(name.as_str());
    }
    for set in &edit.set {
        let value = toml_value(set)?;
        let profile = &set.profile;
        if doc.get("profiles").is_none() {
            let mut profiles = toml_edit::Table::new();
            profiles.set_implicit(true);
            doc["profiles"] = toml_edit::Item::Table(profiles);
        }
        let profiles = doc["profiles"].as_table_mut().ok_or_else(|| {
            ConfigError::Invalid(format!("{}: `profiles` is not a table", path.display()))
        })?;
        if profiles.get(profile).is_none() {
            profiles.insert(profile, toml_edit::Item::Table(toml_edit::Table::new()));
        }
        let table = profiles[profile.as_str()].as_table_mut().ok_or_else(|| {
            ConfigError::Invalid(format!(
                "{}: profiles.{profile} is not a table",
                path.display()
            ))
        })?;
        table[set.key] = toml_edit::Item::Value(value);
    }
    let new_text = doc.to_string();
    parse(path, &new_text)?;
    write_atomically(path, new_text.as_bytes()).map_err(|e| ConfigError::Write {
        path: path.to_path_buf(),
        source: e,
    })
}

/// Writes a file with mode 0600 through a temp file and a rename, so that a crash leaves
/// either the old file or the new one, and the secret is never readable by others.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_private_dir(&dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".config.toml.objcmd-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Creates `dir` and its missing parents readable by the owner only (mode 0700).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::keys;

    /// `(profile, key, value)` as the table makes it.
    fn set(profile: &str, key: &str, value: &str) -> Assignment {
        keys::assignment(profile, key, value).unwrap()
    }

    fn p() -> PathBuf {
        PathBuf::from("/tmp/objcmd-test/config.toml")
    }

    #[test]
    fn nearest_profile_name_prefers_case_then_few_typos() {
        let names = ["ci", "local", "Locale", "production"];
        let nearest = |w: &str| nearest_name(w, names.iter().copied());
        assert_eq!(nearest("Local"), Some("local"));
        assert_eq!(nearest("LOCALE"), Some("Locale"));
        assert_eq!(nearest("prodution"), Some("production"));
        assert_eq!(nearest("lcoal"), Some("local"));
        assert_eq!(nearest("c"), Some("ci"));
        assert_eq!(nearest("staging"), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("lcoal", "local"), 1);
    }

    #[test]
    fn missing_profile_messages_name_the_file_the_profiles_and_a_fix() {
        let err = |origin, profiles: Option<Vec<&str>>| ProfileNotFound {
            name: "Local".into(),
            path: p(),
            profiles: profiles.map(|v| v.into_iter().map(String::from).collect()),
            origin,
        };
        let named = err(ProfileOrigin::Named, Some(vec!["ci", "local"]));
        assert_eq!(
            named.to_string(),
            "profile \"Local\" is not in /tmp/objcmd-test/config.toml (its profiles: ci, local)"
        );
        assert_eq!(
            named.hint(),
            "did you mean -p local? (objcmd -p Local config init creates profile \"Local\")"
        );
        let none = err(ProfileOrigin::Named, Some(vec![]));
        assert!(none.to_string().ends_with("(it has no profiles)"), "{none}");
        assert_eq!(none.hint(), "create it with: objcmd -p Local config init");
        let no_file = err(ProfileOrigin::Named, None);
        assert!(no_file.to_string().ends_with("config.toml does not exist"));
        let set = err(ProfileOrigin::SetDefault, Some(vec!["ci", "local"]));
        assert!(
            set.hint()
                .starts_with("did you mean objcmd config set default_profile local?")
        );
        let file = err(ProfileOrigin::FileDefault, Some(vec!["ci"]));
        assert!(
            file.to_string()
                .starts_with("default_profile \"Local\" of "),
            "{file}"
        );
    }

    #[test]
    fn parses_a_full_profile() {
        let text = r#"
default_profile = "local"
[profiles.local]
provider = "s3"
endpoint = "http://127.0.0.1:7480"
region = "us-east-1"
access_key = "AK"
secret_key = "SK"
security_token = "TOKEN"
encryption_key_file = "~/k.key"
addressing = "path"
signature = "v2"
checksum_algorithm = "crc32c"
sse = "aws:kms"
sse_kms_key_id = "testkey-1"
sse_c_key_file = "~/c.key"
cname = false
retries = 3
timeout = 10
limit_rate = "1MiB/s"
part_size = "8MiB"
part_jobs = 2
jobs = 8
copy_threshold = "1GiB"
"#;
        let cfg = parse(&p(), text).unwrap();
        assert_eq!(cfg.default_profile.as_deref(), Some("local"));
        let prof = &cfg.profiles["local"];
        assert_eq!(prof.provider, Some(Dialect::S3));
        let get = |key: &str| keys::find(key).and_then(|k| k.profile_text(prof));
        assert_eq!(get("secret_key").as_deref(), Some("SK"));
        assert_eq!(get("addressing").as_deref(), Some("path"));
        assert_eq!(get("retries").as_deref(), Some("3"));
        for key in keys::KEYS {
            assert!(
                key.profile_text(prof).is_some(),
                "{} not read back",
                key.name()
            );
        }
    }

    #[test]
    fn errors_name_the_file_line_and_problem() {
        let err = parse(&p(), "[profiles.a]\nprovider = \"s4\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("config file /tmp/objcmd-test/config.toml: line 2, column 12: "),
            "{err}"
        );
        assert!(err.contains("s4") && err.contains("s3"), "{err}");
        let err = parse(&p(), "[profiles.a]\nretries = \"five\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 2") && err.contains("invalid type"),
            "{err}"
        );
        let err = parse(&p(), "[profiles.a]\nsecert_key = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 2") && err.contains("secert_key"),
            "{err}"
        );
        let err = parse(&p(), "not toml at all").unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
        assert!(!err.contains('\n'));
    }

    #[test]
    fn secrets_in_profiles_stay_hidden_from_debug() {
        let cfg = parse(&p(), "[profiles.a]\nsecret_key = \"wJalrXUtnFEMI-K7MDENG\"\nsecurity_token = \"TOKEN-VALUE-123\"\n").unwrap();
        let debug = format!("{cfg:?}");
        assert!(!debug.contains("wJalrXUtnFEMI"), "{debug}");
        assert!(!debug.contains("TOKEN-VALUE"), "{debug}");
    }

    #[test]
    fn update_creates_a_private_file_and_preserves_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        let edit = Edit {
            set: vec![
                set("local", "provider", "s3"),
                set("local", "retries", "2"),
                set("local", "cname", "true"),
            ],
            default_profile: Some("local".into()),
        };
        update(&path, &edit).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            assert!(permission_warning(&path).is_none());
        }
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.insert_str(0, "# my comment\n");
        std::fs::write(&path, text).unwrap();
        let edit = Edit {
            set: vec![set("local", "endpoint", "http://x:1")],
            default_profile: None,
        };
        update(&path, &edit).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# my comment\n"), "{text}");
        let cfg = parse(&path, &text).unwrap();
        assert_eq!(cfg.profiles["local"].retries, Some(2));
        assert_eq!(cfg.profiles["local"].cname, Some(true));
        assert_eq!(
            cfg.profiles["local"].endpoint.as_deref(),
            Some("http://x:1")
        );
    }

    #[test]
    fn update_validates_keys_and_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        // An unknown key is refused by the table, before the file is touched.
        let bad = |key: &str, value: &str| {
            let edit = keys::assignment("a", key, value).map(|set| Edit {
                set: vec![set],
                default_profile: None,
            });
            edit.and_then(|edit| update(&path, &edit))
                .unwrap_err()
                .to_string()
        };
        assert!(bad("provider", "s4").contains("one of s3, oss, ks3"));
        assert!(bad("retries", "-1").contains("non-negative integer"));
        assert!(bad("cname", "yes").contains("true or false"));
        assert!(bad("colour", "x").contains("unknown key"));
        assert!(!path.exists(), "a failed edit must not create the file");
    }

    #[test]
    fn the_example_file_parses_and_documents_every_key() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let cfg = parse(&path, &text).unwrap();
        assert_eq!(cfg.default_profile.as_deref(), Some("local"));
        for key in keys::KEYS {
            let set = cfg.profiles.values().any(|p| key.profile_text(p).is_some());
            assert!(set, "config.example.toml does not show {}", key.name());
        }
    }

    #[test]
    fn world_readable_file_gets_the_documented_warning() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("config.toml");
            std::fs::write(&path, "").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let w = permission_warning(&path).unwrap();
            let p = path.display();
            assert_eq!(
                w,
                format!("{p} is readable by others (mode 0644); run: chmod 600 {p}")
            );
        }
    }
}
