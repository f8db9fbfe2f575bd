//! What `--continue` needs to resume: upload checkpoints in the OS state dir, and the
//! sidecar file beside a partial download.
//!
//! An upload checkpoint is keyed by endpoint, bucket and key (one file each) and records
//! the source file's size and mtime, so a file that changed is detected and its old
//! upload discarded. A download sidecar records the object's ETag and size and which
//! chunks of the temp file are complete. Both are small JSON files written atomically.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Layout;

/// The directory for upload checkpoints: `$OBJCMD_STATE_DIR`, else the OS state dir
/// (`~/.local/state/objcmd` on Linux), else the cache dir.
pub fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("OBJCMD_STATE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("", "", "objcmd")?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.cache_dir())
            .to_path_buf(),
    )
}

/// An unfinished multipart upload of a local file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadCheckpoint {
    /// The endpoint URL.
    pub endpoint: String,
    /// The bucket.
    pub bucket: String,
    /// The key.
    pub key: String,
    /// The source file's size.
    pub size: u64,
    /// The source file's mtime, in nanoseconds since the epoch.
    pub mtime_ns: u128,
    /// The upload id.
    pub upload_id: String,
    /// How the file is cut into parts (the ciphertext, when encrypted).
    pub layout: Layout,
    /// For an encrypted upload, what its parts were encrypted with: re-encrypting the file
    /// with the same key and IV gives the same parts, so those in place are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption: Option<EncryptionState>,
    /// The flexible checksum its parts carry (`crc64nvme`...): a resumed upload keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum_algorithm: Option<String>,
}

/// The key (by fingerprint, never the key itself) and IV of an encrypted upload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptionState {
    /// The key's fingerprint (`x-kss-meta-key`).
    pub key: String,
    /// The IV, base64.
    pub iv: String,
}

/// A file's mtime in nanoseconds since the epoch (0 when unknown).
pub fn mtime_ns(modified: Option<SystemTime>) -> u128 {
    modified
        .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

fn upload_path(dir: &Path, endpoint: &str, bucket: &str, key: &str) -> PathBuf {
    let digest = Sha256::digest(format!("{endpoint}\n{bucket}\n{key}").as_bytes());
    let name: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    dir.join("uploads").join(format!("{name}.json"))
}

/// The checkpoint of an upload to this endpoint, bucket and key, if there is one in the
/// state directory `dir`.
pub fn load_upload(
    dir: &Path,
    endpoint: &str,
    bucket: &str,
    key: &str,
) -> Option<UploadCheckpoint> {
    let text = std::fs::read_to_string(upload_path(dir, endpoint, bucket, key)).ok()?;
    let cp: UploadCheckpoint = serde_json::from_str(&text).ok()?;
    (cp.endpoint == endpoint && cp.bucket == bucket && cp.key == key).then_some(cp)
}

/// Records an upload in the state directory `dir` so that `--continue` can find it.
pub fn save_upload(dir: &Path, cp: &UploadCheckpoint) -> std::io::Result<()> {
    write_json(&upload_path(dir, &cp.endpoint, &cp.bucket, &cp.key), cp)
}

/// Forgets an upload (completed or aborted).
pub fn remove_upload(dir: &Path, endpoint: &str, bucket: &str, key: &str) {
    let _ = std::fs::remove_file(upload_path(dir, endpoint, bucket, key));
}

/// The state of a partial download, kept beside its temp file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DownloadState {
    /// The object's ETag when the download started.
    pub etag: String,
    /// How the object is cut into chunks.
    pub layout: Layout,
    /// The chunks already complete in the temp file.
    pub done: Vec<u32>,
}

/// The sidecar of a download temp file.
pub fn sidecar(temp: &Path) -> PathBuf {
    let mut name = temp.as_os_str().to_owned();
    name.push(".json");
    PathBuf::from(name)
}

/// Reads a download's sidecar, if it is there and readable.
pub fn load_download(temp: &Path) -> Option<DownloadState> {
    serde_json::from_str(&std::fs::read_to_string(sidecar(temp)).ok()?).ok()
}

/// Writes a download's sidecar.
pub fn save_download(temp: &Path, state: &DownloadState) -> std::io::Result<()> {
    write_json(&sidecar(temp), state)
}

/// Writes JSON through a temp file and a rename, so a crash leaves the old or the new one.
/// The temp file (`.objcmd-state-*`) is removed when anything fails, a full disk
/// included. It is not tempfile's `NamedTempFile`, whose errors end in ` at path "..."`
/// naming the temp file: the callers name the file they meant.
fn write_json<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let text = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    let tmp = dir.join(format!(".objcmd-state-{:016x}", fastrand::u64(..)));
    let written = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        std::io::Write::write_all(&mut file, &text)?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_checkpoints_round_trip_by_endpoint_bucket_and_key() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let cp = UploadCheckpoint {
            endpoint: "http://127.0.0.1:7480".into(),
            bucket: "b".into(),
            key: "big/file".into(),
            size: 100,
            mtime_ns: 42,
            upload_id: "2~abc".into(),
            layout: Layout::new(100, 8 << 20),
            encryption: None,
            checksum_algorithm: Some("crc32c".into()),
        };
        save_upload(dir, &cp).unwrap();
        assert_eq!(
            load_upload(dir, &cp.endpoint, "b", "big/file"),
            Some(cp.clone())
        );
        assert_eq!(load_upload(dir, &cp.endpoint, "b", "other"), None);
        assert_eq!(load_upload(dir, "http://elsewhere", "b", "big/file"), None);
        remove_upload(dir, &cp.endpoint, "b", "big/file");
        assert_eq!(load_upload(dir, &cp.endpoint, "b", "big/file"), None);
    }

    #[test]
    fn download_sidecars_sit_beside_the_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let temp = dir.path().join(".f.objcmd-part");
        let state = DownloadState {
            etag: "e".into(),
            layout: Layout::new(10, 4),
            done: vec![0, 2],
        };
        save_download(&temp, &state).unwrap();
        assert_eq!(sidecar(&temp), dir.path().join(".f.objcmd-part.json"));
        assert_eq!(load_download(&temp), Some(state));
    }
}
