//! The command line as clap sees it: raw flags, no I/O and no resolution.
//!
//! Rules for this file: every short flag is written out (`short = 'p'`), every value name
//! is upper case, and the first line of a doc comment is the short help. Global options
//! carry `global = true` so they may stand before or after the subcommand. Choices are
//! parsed into their enums (the words are defined once, with their `clap::ValueEnum` impls,
//! in `settings::keys`) and numbers into numbers; sizes and rates are kept as text, which
//! `settings` parses once (its messages name the key and where the value came from), and
//! resolves everything against the environment and the profile.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};

use crate::client::{Addressing, Dialect, SignatureVersion};
use crate::filter::Take;
use crate::secret::Secret;

/// A fast, trustworthy command-line client for object storage (AWS S3 and S3-compatible
/// servers, Aliyun OSS, Kingsoft KS3).
#[derive(Debug, Parser)]
#[command(
    name = "objcmd",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Options of every subcommand.
    #[command(flatten)]
    pub global: GlobalArgs,

    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted by every subcommand.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile from the config file [env: OBJCMD_PROFILE] [default: the file's
    /// default_profile, else default]
    #[arg(short = 'p', long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd
    /// config path`]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]
    #[arg(long, global = true, value_name = "PROVIDER")]
    pub provider: Option<Dialect>,

    /// Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint: Option<String>,

    /// Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]
    #[arg(long, global = true, value_name = "NAME")]
    pub region: Option<String>,

    /// Access key id [env: OBJCMD_ACCESS_KEY, or the provider's own]
    #[arg(long, global = true, value_name = "KEY")]
    pub access_key: Option<String>,

    /// Secret access key [env: OBJCMD_SECRET_KEY, or the provider's own]
    #[arg(long, global = true, value_name = "SECRET")]
    pub secret_key: Option<Secret>,

    /// STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]
    #[arg(long, global = true, value_name = "TOKEN")]
    pub security_token: Option<Secret>,

    /// Send unsigned requests (public buckets)
    #[arg(long, global = true)]
    pub anonymous: bool,

    /// Bucket addressing: path, virtual or auto
    #[arg(long, global = true, value_name = "STYLE")]
    pub addressing: Option<Addressing>,

    /// The endpoint is a custom domain bound to one bucket
    #[arg(long, global = true)]
    pub cname: bool,

    /// S3 signature version: v2 or v4
    #[arg(long, global = true, value_name = "VERSION")]
    pub signature: Option<SignatureVersion>,

    /// S3 only: checksum stored with uploads and sent with each part: crc32, crc32c,
    /// crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]
    #[arg(long, global = true, value_name = "ALGORITHM")]
    pub checksum_algorithm: Option<crate::checksum::UploadChecksum>,

    /// Server-side encryption of the objects written (put cp mv sync set-meta
    /// multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)
    #[arg(long, global = true, value_name = "ALGORITHM")]
    pub sse: Option<crate::client::ServerSide>,

    /// The KMS key of --sse aws:kms (default: the server's)
    #[arg(long, global = true, value_name = "ID")]
    pub sse_kms_key_id: Option<String>,

    /// SSE-C: the file with the 32-byte customer key of the objects read and written
    /// (put get cat stat cp mv sync multipart); a secret, never printed
    #[arg(long, global = true, value_name = "FILE")]
    pub sse_c_key_file: Option<String>,

    /// SSE-C: the file with the 32-byte customer key of a copy's source
    #[arg(long, global = true, value_name = "FILE")]
    pub sse_c_source_key_file: Option<String>,

    /// Machine output: one JSON object per line on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// Print less on stderr
    #[arg(short = 'q', long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more on stderr (-vv: every HTTP request and response head, secrets redacted)
    #[arg(short = 'v', long, global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status
    /// line every --progress-interval seconds, for CI logs) or none
    #[arg(long, global = true, value_name = "MODE")]
    pub progress: Option<ProgressMode>,

    /// Seconds between the status lines of --progress lines [default: 10]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub progress_interval: Option<u64>,

    /// Never show progress (the same as --progress none)
    #[arg(long, global = true)]
    pub no_progress: bool,

    /// Retries of a retryable failure [default: 5]
    #[arg(long, global = true, value_name = "N")]
    pub retries: Option<u32>,

    /// Connect and read timeout in seconds [default: 60]
    #[arg(long, global = true, value_name = "SECS")]
    pub timeout: Option<u64>,

    /// Bandwidth cap, e.g. 10MiB/s
    #[arg(long, global = true, value_name = "RATE")]
    pub limit_rate: Option<String>,

    /// Objects transferred at once by recursive commands and sync [default: 64]
    #[arg(short = 'j', long, global = true, value_name = "N")]
    pub jobs: Option<usize>,

    /// Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]
    #[arg(long, global = true, value_name = "SIZE")]
    pub part_size: Option<String>,

    /// Remote copies above this size are made in parts [default: 5GiB]
    #[arg(long, global = true, value_name = "SIZE")]
    pub copy_threshold: Option<String>,

    /// Parts in flight per object [default: 4]
    #[arg(long, global = true, value_name = "N")]
    pub part_jobs: Option<usize>,

    /// Also trust the CA certificates (PEM) in FILE for TLS
    #[arg(long, global = true, value_name = "FILE")]
    pub ca_bundle: Option<PathBuf>,

    /// Do not verify TLS certificates (unsafe: anyone on the path can read and change the
    /// traffic)
    #[arg(long, global = true)]
    pub insecure: bool,

    /// Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)
    #[arg(long, global = true, value_name = "HOST:ADDR")]
    pub resolve: Vec<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, edit and show profiles
    Config(ConfigArgs),
    /// List buckets, or the objects under a prefix
    Ls(LsArgs),
    /// Make a bucket
    Mb(MbArgs),
    /// Remove a bucket
    Rb(RbArgs),
    /// Show an object's size, dates, ETag, type, storage class and metadata
    Stat(StatArgs),
    /// Upload files or stdin
    Put(PutArgs),
    /// Download an object to a file, a directory or stdout
    Get(GetArgs),
    /// Delete objects
    Rm(RmArgs),
    /// Copy: remote to remote on the server, local to remote (put), remote to local (get)
    Cp(CpArgs),
    /// Make the destination match the source (either side local or remote)
    Sync(SyncArgs),
    /// Show or set the ACL of a bucket or object
    Acl(AclArgs),
    /// Print a presigned URL: access to one object for a holder without keys
    Signurl(SignurlArgs),
    /// List, inspect, abort, start and finish multipart uploads; presign their parts
    Multipart(MultipartArgs),
    /// Move files and objects: put, get or copy, then delete each source once its copy is
    /// complete and verified
    Mv(MvArgs),
    /// Write objects to stdout, one after another (decrypted as get does)
    Cat(CatArgs),
    /// Total bytes and object count under each prefix
    Du(DuArgs),
    /// Checksums of local files (computed) and objects (as stored)
    Hash(HashArgs),
    /// Change objects' metadata, type, storage class or ACL in place (a copy onto itself),
    /// keeping every property not named
    #[command(name = "set-meta")]
    SetMeta(SetMetaArgs),
    /// Compare two trees as sync pairs them, change nothing: exit 0 identical, 7 different
    Check(CheckArgs),
    /// Run objcmd command lines from a file or stdin, each as if run alone, -j lines at once
    Run(RunArgs),
    /// Show or change a bucket's configuration: versioning, policy, lifecycle, CORS,
    /// website, tags, object lock
    Bucket(BucketArgs),
    /// Show, replace or delete the tags of objects
    Tag(TagArgs),
    /// Show or set the object lock retention of an object (mode and date)
    Retention(RetentionArgs),
    /// Show, set or clear the legal hold of an object
    #[command(name = "legal-hold")]
    LegalHold(LegalHoldArgs),
    /// Restore archived objects: a temporary readable copy for some days
    Restore(RestoreArgs),
    /// Print the completion script for a shell (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),
}

/// `objcmd tag`.
#[derive(Debug, Args)]
pub struct TagArgs {
    /// s3://BUCKET/KEY (PREFIX/ with -r)
    #[arg(value_name = "URL")]
    pub url: String,

    /// The new tags, replacing all the object's tags [default: show the tags]
    #[arg(value_name = "KEY=VALUE")]
    pub tags: Vec<String>,

    /// Delete every tag of the object
    #[arg(long, conflicts_with = "tags")]
    pub delete: bool,

    /// Every object under the prefix
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Which objects a recursive command takes.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// This version of the object
    #[arg(
        long,
        value_name = "ID",
        allow_hyphen_values = true,
        conflicts_with = "recursive"
    )]
    pub version_id: Option<String>,

    /// Print what would be changed, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// The object lock modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LockMode {
    /// Users with the permission may shorten or remove it (and delete with
    /// --bypass-governance)
    #[value(name = "GOVERNANCE")]
    Governance,
    /// Nobody may shorten or remove it, or delete the version, until the date
    #[value(name = "COMPLIANCE")]
    Compliance,
}

impl LockMode {
    /// As S3 writes it.
    pub fn wire_name(self) -> &'static str {
        match self {
            LockMode::Governance => "GOVERNANCE",
            LockMode::Compliance => "COMPLIANCE",
        }
    }
}

/// `objcmd retention`.
#[derive(Debug, Args)]
pub struct RetentionArgs {
    /// s3://BUCKET/KEY
    #[arg(value_name = "URL")]
    pub url: String,

    /// Set this lock mode (with --until) [default: show the retention]
    #[arg(long, value_name = "MODE", requires = "until", ignore_case = true)]
    pub mode: Option<LockMode>,

    /// Retain until this time (RFC 3339, e.g. 2030-01-01T00:00:00Z)
    #[arg(long, value_name = "RFC3339", requires = "mode")]
    pub until: Option<String>,

    /// Shorten or remove a GOVERNANCE retention
    #[arg(long, requires = "mode")]
    pub bypass_governance: bool,

    /// This version of the object
    #[arg(long, value_name = "ID", allow_hyphen_values = true)]
    pub version_id: Option<String>,
}

/// A legal hold's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum HoldState {
    /// Hold: no delete of the version, whatever its retention
    On,
    /// Release the hold
    Off,
}

/// `objcmd legal-hold`.
#[derive(Debug, Args)]
pub struct LegalHoldArgs {
    /// s3://BUCKET/KEY
    #[arg(value_name = "URL")]
    pub url: String,

    /// Set the hold on or off [default: show it]
    #[arg(value_name = "on|off", ignore_case = true)]
    pub state: Option<HoldState>,

    /// This version of the object
    #[arg(long, value_name = "ID", allow_hyphen_values = true)]
    pub version_id: Option<String>,
}

/// Restore speeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RestoreTier {
    /// Hours (the server's default)
    #[value(name = "Standard")]
    Standard,
    /// The cheapest and slowest
    #[value(name = "Bulk")]
    Bulk,
    /// Minutes, where the server offers it
    #[value(name = "Expedited")]
    Expedited,
}

/// `objcmd restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// s3://BUCKET/KEY (PREFIX/ with -r)
    #[arg(value_name = "URL")]
    pub url: String,

    /// Every object under the prefix
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Which objects a recursive restore takes.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Days the restored copy stays readable
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub days: u32,

    /// The restore speed
    #[arg(long, value_name = "TIER", ignore_case = true)]
    pub tier: Option<RestoreTier>,

    /// This version of the object
    #[arg(
        long,
        value_name = "ID",
        allow_hyphen_values = true,
        conflicts_with = "recursive"
    )]
    pub version_id: Option<String>,

    /// Print what would be restored, request nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `objcmd config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The `config` subcommand.
    #[command(subcommand)]
    pub command: ConfigCommand,
}

/// The `config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Create or update a profile from the global flags, prompting on a terminal for
    /// what is missing
    Init,
    /// Set a key of the profile (or `default_profile`)
    Set {
        /// The key, e.g. endpoint
        #[arg(value_name = "KEY")]
        key: String,
        /// The value
        #[arg(value_name = "VALUE")]
        value: String,
    },
    /// Print a key of the profile (secrets masked unless --reveal)
    Get {
        /// The key, e.g. endpoint
        #[arg(value_name = "KEY")]
        key: String,
        /// Print secrets in full
        #[arg(long)]
        reveal: bool,
    },
    /// Show the profile's resolved settings and where each comes from (secrets masked)
    List,
    /// Print the config file's path
    Path,
    /// List the profiles of the config file, one a line (the default one marked in --json)
    Profiles,
    /// Write a new random 16-byte encryption key to FILE (mode 0600)
    GenKey {
        /// Where to write the key; an existing file is never overwritten
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// `objcmd ls`.
#[derive(Debug, Args)]
pub struct LsArgs {
    /// s3://BUCKET[/PREFIX]; without it, list buckets
    #[arg(value_name = "URL")]
    pub url: Option<String>,

    /// List every object under the prefix, not one level
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Long format: size, date, storage class and ETag
    #[arg(short = 'l', long)]
    pub long: bool,

    /// Human-readable sizes (KiB, MiB...)
    #[arg(short = 'H', long)]
    pub human: bool,

    /// Every version and delete marker (ListObjectVersions), with version ids
    #[arg(long)]
    pub all_versions: bool,
}

/// `objcmd mb`.
#[derive(Debug, Args)]
pub struct MbArgs {
    /// s3://BUCKET
    #[arg(value_name = "URL")]
    pub url: String,

    /// Canned ACL of the new bucket (private, public-read...)
    #[arg(long, value_name = "ACL")]
    pub acl: Option<String>,

    /// Location constraint (region) of the new bucket
    #[arg(long, value_name = "REGION")]
    pub location: Option<String>,

    /// Create the bucket with object lock (S3 only; it also turns versioning on for good)
    #[arg(long)]
    pub object_lock: bool,
}

/// `objcmd rb`.
#[derive(Debug, Args)]
pub struct RbArgs {
    /// s3://BUCKET
    #[arg(value_name = "URL")]
    pub url: String,

    /// First delete every object and abort every unfinished multipart upload
    #[arg(long)]
    pub force: bool,

    /// Print what would be deleted and aborted (with --force) and the bucket, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `objcmd stat`.
#[derive(Debug, Args)]
pub struct StatArgs {
    /// s3://BUCKET/KEY
    #[arg(value_name = "URL")]
    pub url: String,

    /// Act on this version of the object, not the latest
    #[arg(long, value_name = "ID")]
    pub version_id: Option<String>,
}

/// `objcmd acl`.
#[derive(Debug, Args)]
pub struct AclArgs {
    /// The `acl` subcommand.
    #[command(subcommand)]
    pub command: AclCommand,
}

/// The `acl` subcommands.
#[derive(Debug, Subcommand)]
pub enum AclCommand {
    /// Show the owner, the grants and the canned ACL they amount to
    Get {
        /// s3://BUCKET or s3://BUCKET/KEY
        #[arg(value_name = "URL")]
        url: String,
        /// The ACL of this version of the object
        #[arg(long, value_name = "ID")]
        version_id: Option<String>,
    },
    /// Set a canned ACL (private, public-read, public-read-write, authenticated-read...)
    Set {
        /// s3://BUCKET or s3://BUCKET/KEY
        #[arg(value_name = "URL")]
        url: String,
        /// The canned ACL
        #[arg(value_name = "ACL")]
        acl: String,
        /// Set the ACL of this version of the object
        #[arg(long, value_name = "ID")]
        version_id: Option<String>,
    },
}

/// `objcmd bucket`.
#[derive(Debug, Args)]
pub struct BucketArgs {
    /// The `bucket` subcommand.
    #[command(subcommand)]
    pub command: BucketCommand,
}

/// The `bucket` subcommands: each shows its document without options, and sets or
/// deletes it with them.
#[derive(Debug, Subcommand)]
pub enum BucketCommand {
    /// Show versioning (Enabled, Suspended or Off), or enable or suspend it
    Versioning {
        /// s3://BUCKET
        #[arg(value_name = "URL")]
        url: String,
        /// enable or suspend (versioning cannot be turned off once enabled)
        #[arg(value_name = "STATE")]
        state: Option<VersioningChange>,
    },
    /// Show the bucket policy (JSON), or set or delete it
    Policy(DocumentArgs),
    /// Show the lifecycle configuration (XML), or set or delete it
    Lifecycle(DocumentArgs),
    /// Show the CORS configuration (XML), or set or delete it
    Cors(DocumentArgs),
    /// Show static-website hosting, or set (--index) or delete it
    Website(WebsiteArgs),
    /// Show the bucket's tags, replace them (K=V...) or delete them
    Tagging(BucketTaggingArgs),
    /// Show object lock and its default retention, or set the default retention
    ObjectLock(ObjectLockArgs),
}

/// `bucket policy|lifecycle|cors`: a document passed through as written.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// s3://BUCKET
    #[arg(value_name = "URL")]
    pub url: String,
    /// Replace the document with FILE's (- reads stdin)
    #[arg(long, value_name = "FILE", conflicts_with = "delete")]
    pub set: Option<String>,
    /// Delete the document
    #[arg(long)]
    pub delete: bool,
}

/// `bucket website`.
#[derive(Debug, Args)]
pub struct WebsiteArgs {
    /// s3://BUCKET
    #[arg(value_name = "URL")]
    pub url: String,
    /// Serve the bucket as a website with this index document (e.g. index.html)
    #[arg(long, value_name = "DOC", conflicts_with = "delete")]
    pub index: Option<String>,
    /// The key served for errors (with --index)
    #[arg(long, value_name = "DOC", requires = "index")]
    pub error_doc: Option<String>,
    /// Stop serving the bucket as a website
    #[arg(long)]
    pub delete: bool,
}

/// `bucket tagging`.
#[derive(Debug, Args)]
pub struct BucketTaggingArgs {
    /// s3://BUCKET
    #[arg(value_name = "URL")]
    pub url: String,
    /// The tags that replace the bucket's (KEY=VALUE, repeatable)
    #[arg(value_name = "K=V", conflicts_with = "delete")]
    pub tags: Vec<String>,
    /// Delete every tag of the bucket
    #[arg(long)]
    pub delete: bool,
}

/// `bucket object-lock`.
#[derive(Debug, Args)]
pub struct ObjectLockArgs {
    /// s3://BUCKET (made with mb --object-lock)
    #[arg(value_name = "URL")]
    pub url: String,
    /// The default retention mode of new objects (with --days or --years)
    #[arg(long, value_name = "MODE", requires = "period")]
    pub mode: Option<DefaultLockMode>,
    /// Keep new objects for N days
    #[arg(long, value_name = "N", group = "period", requires = "mode")]
    pub days: Option<u32>,
    /// Keep new objects for N years
    #[arg(long, value_name = "N", group = "period", requires = "mode")]
    pub years: Option<u32>,
}

/// The mode of a bucket's default retention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DefaultLockMode {
    /// Users with s3:BypassGovernanceRetention may still delete or shorten.
    #[value(name = "GOVERNANCE", alias = "governance")]
    Governance,
    /// Nobody can delete or shorten it until it ends.
    #[value(name = "COMPLIANCE", alias = "compliance")]
    Compliance,
}

/// What `bucket versioning` sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum VersioningChange {
    /// New writes make new versions.
    Enable,
    /// New writes replace the null version; old versions stay.
    Suspend,
}

/// `objcmd signurl`.
#[derive(Debug, Args)]
pub struct SignurlArgs {
    /// s3://BUCKET/KEY
    #[arg(value_name = "URL")]
    pub url: String,

    /// Seconds the URL stays valid [default: 3600]
    #[arg(long, value_name = "SECS", conflicts_with = "expires_at")]
    pub expires: Option<u64>,

    /// When the URL stops being valid, in Unix seconds
    #[arg(long, value_name = "UNIX")]
    pub expires_at: Option<i64>,

    /// The HTTP method the URL allows
    #[arg(
        long,
        value_name = "METHOD",
        default_value = "GET",
        value_parser = ["GET", "PUT", "HEAD", "DELETE"],
        ignore_case = true
    )]
    pub method: String,

    /// PUT only: the Content-Type the uploader must send
    #[arg(long, value_name = "TYPE")]
    pub content_type: Option<String>,

    /// PUT only: the base64 (or hex) MD5 the uploader must send as Content-MD5
    #[arg(long, value_name = "B64")]
    pub content_md5: Option<String>,

    /// A URL of this version of the object
    #[arg(long, value_name = "ID")]
    pub version_id: Option<String>,
}

/// Options that shape an uploaded object.
#[derive(Debug, Default, Args)]
pub struct UploadArgs {
    /// Canned ACL of the object (private, public-read...)
    #[arg(long, value_name = "ACL")]
    pub acl: Option<String>,

    /// Content-Type [default: guessed from the file's name, else from the key]
    #[arg(long, value_name = "TYPE")]
    pub content_type: Option<String>,

    /// User metadata (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Storage class (STANDARD, STANDARD_IA, GLACIER...)
    #[arg(long, value_name = "CLASS")]
    pub storage_class: Option<String>,

    /// Extra request header (repeatable), e.g. 'Cache-Control: no-cache'
    #[arg(long, value_name = "'NAME: VALUE'")]
    pub header: Vec<String>,

    /// Tag the new object (repeatable); a copy gets these tags instead of the source's
    #[arg(long, value_name = "KEY=VALUE")]
    pub tag: Vec<String>,
}

/// What recursive commands take: `--include`/`--exclude` globs and `--shard`.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)
    ///
    /// Everything is taken to start with, so an --include matters only after an --exclude:
    /// --exclude '*' --include '*.jpg' takes only what ends in .jpg (--include alone takes
    /// everything, and a warning says so). GLOB matches the path from the top of the tree,
    /// '*' also matches '/', and a GLOB that matches a directory takes everything under it.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)
    ///
    /// GLOB matches the path from the top of the tree, and '*' also matches '/': '*.tmp'
    /// skips .tmp files at any depth. A GLOB that matches a directory skips everything under
    /// it ('logs' and 'logs/' both skip logs/**; 'logs/' never a file named logs), and
    /// '**/NAME/' finds the directory NAME at any depth.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,

    /// The --include and --exclude rules in command-line order, filled in after parsing,
    /// since the order decides.
    #[arg(skip)]
    pub ordered: Vec<(Take, String)>,
}

/// `objcmd put`.
#[derive(Debug, Args)]
#[command(override_usage = "objcmd put [OPTIONS] <SRC>... <DST>")]
pub struct PutArgs {
    /// Files, directories (with -r) or - for stdin
    #[arg(value_name = "SRC", num_args = 1.., required = true)]
    pub srcs: Vec<String>,

    /// Destination: s3://BUCKET/KEY, or s3://BUCKET/PREFIX/ for several sources
    #[arg(value_name = "DST", required = true)]
    pub dst: String,

    /// What shapes the uploaded objects.
    #[command(flatten)]
    pub upload: UploadArgs,

    /// Upload directories: each file under DIR becomes PREFIX/<path relative to DIR>
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Which files a recursive upload takes.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Skip objects that already exist
    #[arg(long)]
    pub no_clobber: bool,

    /// Resume an interrupted multipart upload of the same file to the same key (with -r:
    /// of each file that has one)
    #[arg(long = "continue")]
    pub resume: bool,

    /// Encrypt on this machine before upload (KS3 SDK format; the key is the profile's
    /// encryption_key_file)
    #[arg(long)]
    pub encrypt: bool,

    /// Print what would be uploaded, upload nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `objcmd get`.
#[derive(Debug, Args)]
pub struct GetArgs {
    /// s3://BUCKET/KEY
    #[arg(value_name = "SRC")]
    pub src: String,

    /// File, directory, or - for stdout [default: the key's base name in the current dir]
    #[arg(value_name = "DST")]
    pub dst: Option<String>,

    /// Only bytes A to B (inclusive): A-B, A- or -N (the last N bytes)
    #[arg(
        long,
        value_name = "A-B",
        allow_hyphen_values = true,
        conflicts_with = "recursive"
    )]
    pub range: Option<String>,

    /// Download a prefix: each key under it becomes DST/<key relative to the prefix>
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Which keys a recursive download takes.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Do not overwrite an existing file
    #[arg(long)]
    pub no_clobber: bool,

    /// Resume an interrupted download from its partial temp file (and keep it if this
    /// run is interrupted too)
    #[arg(long = "continue", conflicts_with = "range")]
    pub resume: bool,

    /// Write encrypted objects as stored, without decrypting them
    #[arg(long)]
    pub raw: bool,

    /// Print what would be downloaded, download nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Download this version of the object, not the latest
    #[arg(long, value_name = "ID", conflicts_with = "recursive")]
    pub version_id: Option<String>,
}

/// `objcmd rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// s3://BUCKET/KEY (one or more)
    #[arg(value_name = "URL", required = true)]
    pub urls: Vec<String>,

    /// Delete every object under the prefix (with batch deletes)
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Which keys a recursive delete takes.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Print what would be deleted, delete nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Delete this version of the object (or delete marker) for good (one URL, without -r)
    #[arg(
        long,
        value_name = "ID",
        allow_hyphen_values = true,
        conflicts_with_all = ["recursive", "all_versions"]
    )]
    pub version_id: Option<String>,

    /// Delete every version and delete marker of the key (with -r: of every key under
    /// the prefix), not only the current one
    #[arg(long)]
    pub all_versions: bool,

    /// Delete versions that a GOVERNANCE object lock retains (COMPLIANCE still holds)
    #[arg(long)]
    pub bypass_governance: bool,
}

/// `objcmd cp`.
#[derive(Debug, Args)]
pub struct CpArgs {
    /// Source: s3://BUCKET/KEY, a file, or - (stdin)
    #[arg(value_name = "SRC")]
    pub src: String,

    /// Destination: s3://BUCKET/KEY or PREFIX/, a file or a directory, or - (stdout)
    #[arg(value_name = "DST")]
    pub dst: String,

    /// Copy a prefix or directory, everything under it
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Which paths a recursive copy takes.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// What shapes the copies (a remote copy keeps the source's type and metadata
    /// unless --content-type, --meta or --storage-class is given).
    #[command(flatten)]
    pub upload: UploadArgs,

    /// Skip what already exists at the destination
    #[arg(long)]
    pub no_clobber: bool,

    /// Local to remote: encrypt before upload, as put --encrypt
    #[arg(long)]
    pub encrypt: bool,

    /// Remote to local: write encrypted objects as stored, as get --raw
    #[arg(long)]
    pub raw: bool,

    /// Print what would be copied, copy nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Copy this version of the source object, not the latest
    #[arg(long, value_name = "ID", conflicts_with = "recursive")]
    pub version_id: Option<String>,
}

/// `objcmd sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Source: a directory or s3://BUCKET[/PREFIX]
    #[arg(value_name = "SRC")]
    pub src: String,

    /// Destination: a directory or s3://BUCKET[/PREFIX]
    #[arg(value_name = "DST")]
    pub dst: String,

    /// Delete from the destination what is not in the source
    #[arg(long)]
    pub delete: bool,

    /// With --delete, go on when the source is empty (after filters): empty the destination
    ///
    /// Without it, such a sync is refused (exit 1) and nothing is changed: a mistyped source
    /// prefix or an empty directory must not empty the destination.
    #[arg(long, requires = "delete")]
    pub allow_empty_source: bool,

    /// With --delete: when the sync would delete more than N, delete nothing (the copies
    /// still run) and exit 1 naming the count
    #[arg(long, value_name = "N", requires = "delete")]
    pub max_delete: Option<usize>,

    /// Compare contents (MD5) instead of size and modification time
    #[arg(long)]
    pub checksum: bool,

    /// Never replace what the destination has: transfer only what it lacks
    #[arg(long)]
    pub no_clobber: bool,

    /// Which paths to sync.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// What shapes uploaded and copied objects.
    #[command(flatten)]
    pub upload: UploadArgs,

    /// Print what would be transferred and deleted, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `objcmd multipart`.
#[derive(Debug, Args)]
pub struct MultipartArgs {
    /// The `multipart` subcommand.
    #[command(subcommand)]
    pub command: MultipartCommand,
}

/// The `multipart` subcommands.
#[derive(Debug, Subcommand)]
pub enum MultipartCommand {
    /// List unfinished multipart uploads (key, upload id, initiated)
    Ls {
        /// s3://BUCKET[/PREFIX]
        #[arg(value_name = "URL")]
        url: String,
    },
    /// List the parts of an upload (number, size, ETag)
    Parts {
        /// s3://BUCKET/KEY
        #[arg(value_name = "URL")]
        url: String,
        /// The upload
        #[arg(long, value_name = "ID")]
        upload_id: String,
    },
    /// Abort one upload, or every upload under a prefix with --all
    Abort {
        /// s3://BUCKET/KEY (or s3://BUCKET[/PREFIX] with --all)
        #[arg(value_name = "URL")]
        url: String,
        /// The upload
        #[arg(
            long,
            value_name = "ID",
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        upload_id: Option<String>,
        /// Every upload under the URL
        #[arg(long)]
        all: bool,
        /// With --all: only uploads started longer ago than this, e.g. 1h, 7d
        #[arg(long, value_name = "DURATION", requires = "all")]
        older_than: Option<String>,
    },
    /// Start an upload and print its id
    Init {
        /// s3://BUCKET/KEY
        #[arg(value_name = "URL")]
        url: String,
        /// What shapes the object.
        #[command(flatten)]
        upload: UploadArgs,
    },
    /// Finish an upload from the parts already uploaded
    Complete {
        /// s3://BUCKET/KEY
        #[arg(value_name = "URL")]
        url: String,
        /// The upload
        #[arg(long, value_name = "ID")]
        upload_id: String,
    },
    /// Start an upload and print a presigned UploadPart URL per part (JSON), for uploading
    /// the parts without keys; finish with `multipart complete`
    SignParts {
        /// s3://BUCKET/KEY
        #[arg(value_name = "URL")]
        url: String,
        /// Size of the object to upload, in bytes (or with a unit)
        #[arg(long, value_name = "BYTES")]
        size: String,
        /// Seconds the URLs stay valid
        #[arg(long, value_name = "SECS", default_value_t = 3600)]
        expires: u64,
        /// The MD5 of each part, one per line (base64 or hex), bound into its URL
        #[arg(long, value_name = "FILE")]
        md5_file: Option<PathBuf>,
        /// What shapes the object.
        #[command(flatten)]
        upload: UploadArgs,
    },
}

/// `objcmd mv`.
#[derive(Debug, Args)]
#[command(override_usage = "objcmd mv [OPTIONS] <SRC>... <DST>")]
pub struct MvArgs {
    /// Files, directories (with -r) or s3://BUCKET/KEY (PREFIX/ with -r)
    #[arg(value_name = "SRC", num_args = 1.., required = true)]
    pub srcs: Vec<String>,

    /// Destination: s3://BUCKET/KEY or PREFIX/, a file or a directory
    #[arg(value_name = "DST", required = true)]
    pub dst: String,

    /// Move a prefix or directory, everything under it
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Which paths a recursive move takes.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// What shapes the moved objects (a move on the server keeps the source's type and
    /// metadata unless --content-type, --meta or --storage-class is given).
    #[command(flatten)]
    pub upload: UploadArgs,

    /// Skip (and keep) a source whose destination already exists
    #[arg(long)]
    pub no_clobber: bool,

    /// Local to remote: encrypt before upload, as put --encrypt
    #[arg(long)]
    pub encrypt: bool,

    /// Remote to local: write encrypted objects as stored, as get --raw
    #[arg(long)]
    pub raw: bool,

    /// Print what would be moved, move nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `objcmd set-meta`.
#[derive(Debug, Args)]
pub struct SetMetaArgs {
    /// s3://BUCKET/KEY (one or more; PREFIX/ with -r)
    #[arg(value_name = "URL", required = true)]
    pub urls: Vec<String>,

    /// Change every object under a prefix
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Which objects a recursive change takes.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Set user metadata KEY to VALUE (repeatable; the others are kept)
    #[arg(long, value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Remove user metadata KEY (repeatable)
    #[arg(long, value_name = "KEY")]
    pub delete_meta: Vec<String>,

    /// New Content-Type [default: kept]
    #[arg(long, value_name = "TYPE")]
    pub content_type: Option<String>,

    /// New storage class (STANDARD, STANDARD_IA...) [default: kept]
    #[arg(long, value_name = "CLASS")]
    pub storage_class: Option<String>,

    /// New canned ACL (private, public-read...) [default: kept]
    #[arg(long, value_name = "ACL")]
    pub acl: Option<String>,

    /// Set a header stored with the object (repeatable), e.g. 'Cache-Control: no-cache'
    #[arg(long, value_name = "'NAME: VALUE'")]
    pub header: Vec<String>,

    /// Print what would be changed, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `objcmd cat`.
#[derive(Debug, Args)]
pub struct CatArgs {
    /// s3://BUCKET/KEY (one or more)
    #[arg(value_name = "URL", required = true)]
    pub urls: Vec<String>,

    /// Only bytes A to B (inclusive) of each object: A-B, A- or -N (the last N bytes)
    #[arg(long, value_name = "A-B", allow_hyphen_values = true)]
    pub range: Option<String>,

    /// Write encrypted objects as stored, without decrypting them
    #[arg(long)]
    pub raw: bool,

    /// Write this version of the object, not the latest (one URL)
    #[arg(long, value_name = "ID")]
    pub version_id: Option<String>,
}

/// `objcmd du`.
#[derive(Debug, Args)]
pub struct DuArgs {
    /// s3://BUCKET[/PREFIX] (one or more)
    #[arg(value_name = "URL", required = true)]
    pub urls: Vec<String>,

    /// Human-readable sizes (KiB, MiB...)
    #[arg(short = 'H', long)]
    pub human: bool,

    /// Which keys count.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Count every version (delete markers hold no bytes and are not counted)
    #[arg(long)]
    pub all_versions: bool,
}

/// How progress is shown on stderr (`--progress`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ProgressMode {
    /// A bar when stderr is a terminal, else nothing
    #[default]
    Auto,
    /// A bar (only ever drawn on a terminal)
    Bar,
    /// A plain status line every --progress-interval seconds
    Lines,
    /// No progress
    None,
}

/// The checksums `objcmd hash` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum HashAlgorithm {
    /// MD5, hex (the ETag of an object stored with one PUT)
    Md5,
    /// CRC-64/ECMA-182 (XZ), decimal (OSS x-oss-hash-crc64ecma, KS3 x-kss-checksum-crc64ecma)
    Crc64ecma,
    /// CRC-32 (ISO-HDLC), base64 (x-amz-checksum-crc32)
    Crc32,
    /// CRC-32C (Castagnoli), base64 (x-amz-checksum-crc32c)
    Crc32c,
    /// CRC-64/NVME, base64 (x-amz-checksum-crc64nvme)
    Crc64nvme,
    /// SHA-1, base64
    Sha1,
    /// SHA-256, base64
    Sha256,
}

/// `objcmd hash`.
#[derive(Debug, Args)]
pub struct HashArgs {
    /// Local files, or s3://BUCKET/KEY (one or more)
    #[arg(value_name = "FILE|URL", required = true)]
    pub items: Vec<String>,

    /// The checksum
    #[arg(long, value_name = "ALGORITHM", value_enum, default_value_t = HashAlgorithm::Md5)]
    pub algorithm: HashAlgorithm,
}

/// `objcmd check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Source: a directory or s3://BUCKET[/PREFIX]
    #[arg(value_name = "SRC")]
    pub src: String,

    /// Destination: a directory or s3://BUCKET[/PREFIX]
    #[arg(value_name = "DST")]
    pub dst: String,

    /// Compare contents (MD5, a multipart ETag, CRC-64) instead of size and modification time
    #[arg(long)]
    pub checksum: bool,

    /// Ignore what only DST has
    #[arg(long)]
    pub one_way: bool,

    /// Which paths to compare.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `objcmd run`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each line is one objcmd command without the word objcmd, quoted as in a \
    shell; blank lines and lines starting with # are skipped. The global options of run \
    (profile, endpoint, --json, -q...) apply to every line that does not set its own; -j is \
    how many lines run at once (default 1, in order). The exit status is the worst line's."
)]
pub struct RunArgs {
    /// The file of command lines; - or nothing reads stdin
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// `objcmd completions`.
#[derive(Debug, Args)]
#[command(after_help = "Install, e.g.:\n  \
    objcmd completions bash > ~/.local/share/bash-completion/completions/objcmd\n  \
    objcmd completions zsh > ~/.zfunc/_objcmd   (with fpath+=(~/.zfunc) before compinit)\n  \
    objcmd completions fish > ~/.config/fish/completions/objcmd.fish")]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Fills in [`FilterArgs::ordered`] from the parsed matches: clap keeps `--include` and
/// `--exclude` apart, but their relative order decides which one wins.
pub fn order_filters(cli: &mut Cli, matches: &clap::ArgMatches) {
    let Some((_, sub)) = matches.subcommand() else {
        return;
    };
    let filter = match &mut cli.command {
        Command::Put(a) => &mut a.filter,
        Command::Get(a) => &mut a.filter,
        Command::Rm(a) => &mut a.filter,
        Command::Cp(a) => &mut a.filter,
        Command::Sync(a) => &mut a.filter,
        Command::Du(a) => &mut a.filter,
        Command::Mv(a) => &mut a.filter,
        Command::SetMeta(a) => &mut a.filter,
        Command::Check(a) => &mut a.filter,
        _ => return,
    };
    let mut rules = Vec::new();
    for take in [Take::Include, Take::Exclude] {
        let id = take.flag();
        if let (Some(indices), Some(values)) = (sub.indices_of(id), sub.get_many::<String>(id)) {
            rules.extend(indices.zip(values).map(|(i, v)| (i, take, v.clone())));
        }
    }
    rules.sort_by_key(|(i, _, _)| *i);
    filter.ordered = rules.into_iter().map(|(_, take, v)| (take, v)).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_go_before_or_after_the_subcommand() {
        let a = Cli::try_parse_from(["objcmd", "--json", "-p", "x", "ls", "s3://b"]).unwrap();
        let b = Cli::try_parse_from(["objcmd", "ls", "s3://b", "--json", "-p", "x"]).unwrap();
        assert!(a.global.json && b.global.json);
        assert_eq!(a.global.profile, b.global.profile);
    }

    #[test]
    fn include_and_exclude_keep_their_order() {
        use clap::FromArgMatches;
        let args = [
            "objcmd",
            "put",
            "-r",
            "d",
            "s3://b/",
            "--exclude",
            "*",
            "--include",
            "*.txt",
            "--exclude",
            "x.txt",
        ];
        let matches = Cli::command().try_get_matches_from(args).unwrap();
        let mut cli = Cli::from_arg_matches(&matches).unwrap();
        order_filters(&mut cli, &matches);
        let Command::Put(put) = &cli.command else {
            panic!()
        };
        let got: Vec<(Take, &str)> = put
            .filter
            .ordered
            .iter()
            .map(|(t, v)| (*t, v.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Take::Exclude, "*"),
                (Take::Include, "*.txt"),
                (Take::Exclude, "x.txt")
            ]
        );
    }

    #[test]
    fn secrets_given_as_flags_do_not_show_in_debug() {
        let cli = Cli::try_parse_from(["objcmd", "--secret-key", "SUPERSECRET", "ls"]).unwrap();
        assert!(!format!("{cli:?}").contains("SUPERSECRET"));
    }
}
