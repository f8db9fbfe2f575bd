//! What `put --continue` decides, as pure functions of what was recorded: whether a
//! checkpoint is of this very file, what becomes of the upload it records, how a new file
//! upload is cut and recorded (encrypted alike on every run), and what an interruption
//! keeps and says to resume or discard it.

use crate::client::PutOptions;
use crate::encryption::{self, Key};
use crate::transfer::checkpoint::{EncryptionState, UploadCheckpoint};
use crate::transfer::{Layout, Resume, crypt};

/// The context of an interruption that left a resumable multipart upload in place. It
/// displays as what was kept, one line in the error; [`KeptUpload::hints`] say how to resume
/// or discard it. A batch prints every one, not just the first.
#[derive(Debug)]
pub struct KeptUpload {
    /// The upload id.
    pub upload_id: String,
    /// The object's URL, in the profile's scheme.
    pub url: String,
    /// The file being uploaded, as it was named.
    pub source: String,
    /// Whether it was encrypted (`--encrypt`): resuming it needs the flag and the same key.
    pub encrypted: bool,
}

impl std::fmt::Display for KeptUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "upload {} of {} kept for --continue",
            self.upload_id, self.url
        )
    }
}

/// Whether a checkpoint is of this very file (same size and modification time), encrypted
/// alike: an encrypted upload continues only with the same key, re-encrypting from its IV.
pub(super) fn continues(
    cp: &UploadCheckpoint,
    size: u64,
    mtime_ns: u128,
    key: Option<&Key>,
) -> bool {
    let same_encryption = match (&cp.encryption, key) {
        (None, None) => true,
        (Some(state), Some(key)) => key.matches_fingerprint(&state.key),
        _ => false,
    };
    cp.size == size && cp.mtime_ns == mtime_ns && same_encryption
}

/// Why a recorded upload is aborted and forgotten, as its warning says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Discard {
    /// `--continue` found that the file changed since the upload was interrupted.
    Changed,
    /// The key is uploaded again without continuing the recorded upload.
    NotContinued,
}

/// What becomes of the recorded upload of this key when a file upload starts.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// `--continue`, and the checkpoint is of this very file: its upload goes on.
    Continue(Box<UploadCheckpoint>),
    /// A checkpoint that is not continued: its upload is aborted.
    Discard(Discard),
    /// `--continue` found nothing to continue: a new upload starts.
    NothingToContinue,
    /// Nothing recorded, and nothing asked to continue.
    Nothing,
}

/// What becomes of `recorded`, the checkpoint of this key (if any), for an upload of a file
/// of `size` bytes modified at `mtime_ns`, encrypted with `key`.
pub(super) fn found(
    recorded: Option<UploadCheckpoint>,
    resume: Resume,
    size: u64,
    mtime_ns: u128,
    key: Option<&Key>,
) -> Found {
    match (recorded, resume) {
        (Some(cp), Resume::Yes) if continues(&cp, size, mtime_ns, key) => {
            Found::Continue(Box::new(cp))
        }
        (Some(_), Resume::Yes) => Found::Discard(Discard::Changed),
        (Some(_), Resume::No) => Found::Discard(Discard::NotContinued),
        (None, Resume::Yes) => Found::NothingToContinue,
        (None, Resume::No) => Found::Nothing,
    }
}

/// How a new multipart upload of a file is cut and what it is initiated with.
#[derive(Debug)]
pub(super) struct FilePlan {
    /// The parts: of the file, or of its ciphertext when encrypted.
    pub layout: Layout,
    /// The upload's options, with the encryption metadata when encrypted.
    pub options: PutOptions,
    /// What the checkpoint records to encrypt the same parts again on `--continue`.
    pub encryption: Option<EncryptionState>,
}

/// The plan of a new multipart upload of a file of `size` bytes in parts of `part_size`,
/// encrypted with `key` from the IV `iv` when it is given.
pub(super) fn plan_file_upload(
    options: &PutOptions,
    part_size: u64,
    size: u64,
    encrypt: Option<(&Key, &[u8; 16])>,
) -> FilePlan {
    let mut options = options.clone();
    let Some((key, iv)) = encrypt else {
        return FilePlan {
            layout: Layout::new(size, part_size),
            options,
            encryption: None,
        };
    };
    options.metadata.extend(crypt::initiate_metadata(key, iv));
    // The SDK leaves it out of multipart uploads; it spares a reader of an open-ended range
    // the request for the last block.
    options
        .metadata
        .push((crypt::META_PLAIN_LEN.to_string(), size.to_string()));
    FilePlan {
        layout: Layout::new(encryption::stored_len(size), part_size),
        options,
        encryption: Some(EncryptionState {
            key: key.fingerprint(),
            iv: encryption::iv_header(iv),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkpoint(size: u64, mtime_ns: u128, key: Option<&Key>) -> UploadCheckpoint {
        UploadCheckpoint {
            endpoint: "http://127.0.0.1:1".into(),
            bucket: "b".into(),
            key: "k".into(),
            size,
            mtime_ns,
            upload_id: "2~id".into(),
            layout: Layout::new(size, 8 << 20),
            checksum_algorithm: None,
            encryption: key.map(|key| EncryptionState {
                key: key.fingerprint(),
                iv: encryption::iv_header(&[7u8; 16]),
            }),
        }
    }

    #[test]
    fn a_checkpoint_continues_only_the_same_file_encrypted_alike() {
        let key = Key::from_bytes(&[1u8; 16]).unwrap();
        let other = Key::from_bytes(&[2u8; 16]).unwrap();
        let plain = checkpoint(100 << 20, 17, None);
        assert!(continues(&plain, 100 << 20, 17, None));
        assert!(!continues(&plain, 100 << 20, 18, None), "modified since");
        assert!(!continues(&plain, 99 << 20, 17, None), "another size");
        assert!(
            !continues(&plain, 100 << 20, 17, Some(&key)),
            "now encrypted"
        );
        let encrypted = checkpoint(100 << 20, 17, Some(&key));
        assert!(continues(&encrypted, 100 << 20, 17, Some(&key)));
        assert!(!continues(&encrypted, 100 << 20, 17, Some(&other)));
        assert!(!continues(&encrypted, 100 << 20, 17, None), "now plain");
    }

    #[test]
    fn what_becomes_of_a_recorded_upload() {
        let cp = || Some(checkpoint(100, 17, None));
        assert_eq!(
            found(cp(), Resume::Yes, 100, 17, None),
            Found::Continue(Box::new(checkpoint(100, 17, None)))
        );
        assert_eq!(
            found(cp(), Resume::Yes, 100, 18, None),
            Found::Discard(Discard::Changed)
        );
        assert_eq!(
            found(cp(), Resume::No, 100, 17, None),
            Found::Discard(Discard::NotContinued),
            "uploaded again without --continue"
        );
        assert_eq!(
            found(None, Resume::Yes, 100, 17, None),
            Found::NothingToContinue
        );
        assert_eq!(found(None, Resume::No, 100, 17, None), Found::Nothing);
    }

    #[test]
    fn a_file_upload_is_cut_as_it_is_stored() {
        let options = PutOptions {
            metadata: vec![("color".into(), "blue".into())],
            ..PutOptions::default()
        };
        let plain = plan_file_upload(&options, 8 << 20, 20 << 20, None);
        assert_eq!(plain.layout, Layout::new(20 << 20, 8 << 20));
        assert_eq!(plain.options.metadata, options.metadata);
        assert_eq!(plain.encryption, None);
        let key = Key::from_bytes(&[1u8; 16]).unwrap();
        let iv = [9u8; 16];
        let encrypted = plan_file_upload(&options, 8 << 20, 20 << 20, Some((&key, &iv)));
        // The ciphertext (IV and padding added) is what is cut into parts.
        let stored = encryption::stored_len(20 << 20);
        assert_eq!(encrypted.layout, Layout::new(stored, 8 << 20));
        assert!(stored > 20 << 20);
        let meta = |name: &str| {
            encrypted
                .options
                .metadata
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(meta("color").as_deref(), Some("blue"));
        assert_eq!(meta(crypt::META_KEY), Some(key.fingerprint()));
        assert_eq!(meta(crypt::META_IV), Some(encryption::iv_header(&iv)));
        assert_eq!(
            meta(crypt::META_PLAIN_LEN).as_deref(),
            Some("20971520"),
            "the plaintext's length"
        );
        // The checkpoint can encrypt the same parts again: the key (by fingerprint) and IV.
        let state = encrypted.encryption.unwrap();
        assert!(key.matches_fingerprint(&state.key));
        assert_eq!(encryption::parse_iv_header(&state.iv), Some(iv));
    }

    #[test]
    fn a_kept_upload_names_its_id_and_url() {
        let kept = KeptUpload {
            upload_id: "2~id".into(),
            url: "s3://b/dir/big file.bin".into(),
            source: "-rf big.bin".into(),
            encrypted: true,
        };
        assert_eq!(
            kept.to_string(),
            "upload 2~id of s3://b/dir/big file.bin kept for --continue"
        );
    }
}
