//! The local side of a download to a file: the temp file beside the target (removed on
//! every way out unless it is kept for `--continue` or moved into place), the move into
//! place, the targets never replaced (devices, FIFOs, sockets), and the local write error
//! that names the file.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::Overwrite;
use super::checkpoint;

/// A local write that failed (a full disk, a quota, an I/O error), with what was being
/// written. Displayed as one line that names the file (`no space left on device writing
/// PATH`), not as the OS error's text.
#[derive(Debug)]
pub struct WriteError {
    what: String,
    error: io::Error,
}

impl WriteError {
    /// `what` says what failed: `writing PATH`, `creating PATH`.
    pub fn new(what: String, error: io::Error) -> WriteError {
        WriteError { what, error }
    }

    pub(super) fn writing(path: &Path, error: io::Error) -> WriteError {
        WriteError::new(format!("writing {}", path.display()), error)
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.error.kind() {
            io::ErrorKind::StorageFull => write!(f, "no space left on device {}", self.what),
            io::ErrorKind::QuotaExceeded => write!(f, "disk quota exceeded {}", self.what),
            _ => write!(f, "{}: {}", self.what, self.error),
        }
    }
}

impl std::error::Error for WriteError {}

/// What `path` is when it exists and is neither a regular file nor a directory (a device,
/// a FIFO, a socket), following symlinks (`/dev/stdout` is one): a download writes into
/// such a target as a stream, and never replaces it with a file.
pub fn special_file(path: &Path) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::metadata(path).ok()?.file_type();
        if kind.is_fifo() {
            return Some("a FIFO");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    let _ = path;
    None
}

/// Refuses to move a file over a device, FIFO or socket: only a single download streams
/// into one (see [`super::Sink::Special`]); in a tree, that member fails instead.
pub(super) fn refuse_special(target: &Path) -> anyhow::Result<()> {
    match special_file(target) {
        Some(kind) => Err(anyhow::anyhow!(
            "{} is {kind}, not a regular file: not replaced",
            target.display()
        )),
        None => Ok(()),
    }
}

/// `dir/.NAME.objcmd-part`: the temp file of a download to `target`.
pub fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.objcmd-part"))
}

/// Whether a download's temp file starts empty or goes on from what an earlier run left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Start {
    /// A new file; a leftover under its name is replaced.
    Fresh,
    /// The file an interrupted download left (`--continue`).
    Continue,
}

/// A temp file a download writes before it is moved into place: removed when dropped
/// (closed first), with its `--continue` sidecar, unless it was [kept](TempFile::keep) or
/// [moved into place](TempFile::place). Every way out of a download that does neither,
/// an error or a panic, leaves nothing behind.
pub(super) struct TempFile {
    path: PathBuf,
    file: Option<File>,
    /// Removed with the file: the sidecar of a `.NAME.objcmd-part`.
    sidecar: Option<PathBuf>,
    armed: bool,
}

impl TempFile {
    /// Opens `.NAME.objcmd-part` ([`temp_path`]), without following a symlink planted
    /// under its name, and locks it so two downloads to one target cannot interleave.
    ///
    /// A fresh download replaces any leftover with a new file rather than truncating it:
    /// on ext4, a file truncated to zero and rewritten is flushed to disk when it is closed
    /// (`auto_da_alloc`), which measured 0.36 s for 1 GiB (docs/benchmarks.md).
    pub(super) fn part(path: &Path, start: Start) -> anyhow::Result<TempFile> {
        // A new file, or the one there (which is never truncated: --continue resumes it).
        let open = |start: Start| {
            let mut options = OpenOptions::new();
            options.read(true).write(true);
            match start {
                Start::Fresh => options.create_new(true),
                Start::Continue => options.create(true).truncate(false),
            };
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.custom_flags(libc::O_NOFOLLOW).mode(0o666);
            }
            options.open(path).map_err(|e| {
                anyhow::Error::new(WriteError::new(
                    format!("creating the temp file {}", path.display()),
                    e,
                ))
            })
        };
        let lock = |file: File| match file.try_lock() {
            Ok(()) => Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => Err(anyhow::anyhow!(
                "another objcmd is downloading to {} (its temp file is locked)",
                path.display()
            )),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(anyhow::Error::new(e).context(format!("locking {}", path.display())))
            }
        };
        let file = match start {
            Start::Continue => lock(open(Start::Continue)?)?,
            Start::Fresh => {
                if path.symlink_metadata().is_ok() {
                    // A leftover: make sure no other download owns it, then replace it.
                    drop(lock(open(Start::Continue)?)?);
                    std::fs::remove_file(path)
                        .with_context(|| format!("removing {}", path.display()))?;
                }
                lock(open(Start::Fresh)?)?
            }
        };
        // Only now is the file this download's to remove: a locked one is another's.
        Ok(TempFile {
            path: path.to_path_buf(),
            file: Some(file),
            sidecar: Some(checkpoint::sidecar(path)),
            armed: true,
        })
    }

    /// A new temp file of a stream to `target`, `.NAME.objcmd-XXXXXXXX` beside it.
    ///
    /// Not tempfile's `NamedTempFile`, whose errors end in ` at path "..."`: a full disk
    /// reads as one line naming the file.
    pub(super) fn beside(target: &Path) -> anyhow::Result<TempFile> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut options = OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // Like any new file: 0666 less the umask.
            options.custom_flags(libc::O_NOFOLLOW).mode(0o666);
        }
        let mut tries = 0;
        loop {
            let path = dir.join(format!(".{name}.objcmd-{:08x}", fastrand::u32(..)));
            match options.open(&path) {
                Ok(file) => {
                    return Ok(TempFile {
                        path,
                        file: Some(file),
                        sidecar: None,
                        armed: true,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 16 => tries += 1,
                Err(e) => {
                    let what = format!("creating a temp file in {}", dir.display());
                    return Err(WriteError::new(what, e).into());
                }
            }
        }
    }

    /// The open file.
    pub(super) fn file(&self) -> &File {
        // Only `close` takes it, and only `place` and `drop` come after that.
        self.file
            .as_ref()
            .expect("the temp file is open until it is placed")
    }

    /// Its path.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Leaves the file (and sidecar) where they are, for `get --continue`.
    pub(super) fn keep(mut self) {
        self.armed = false;
    }

    /// Closes the file (and so unlocks it) and moves it to `target` (see
    /// [`move_into_place`]), with the error a user reads; refuses a target that became a
    /// device, FIFO or socket meanwhile. The sidecar goes: nothing is left to continue.
    /// On an error the temp file is removed.
    pub(super) fn place(mut self, target: &Path, overwrite: Overwrite) -> anyhow::Result<()> {
        self.file = None;
        refuse_special(target)?;
        move_into_place(&self.path, target, overwrite).map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                anyhow::anyhow!(
                    "{} appeared meanwhile; not replaced (--no-clobber)",
                    target.display()
                )
            } else {
                anyhow::Error::new(e).context(format!(
                    "moving the download into place at {}",
                    target.display()
                ))
            }
        })?;
        self.armed = false;
        if let Some(sidecar) = &self.sidecar {
            let _ = std::fs::remove_file(sidecar);
        }
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // Closed (and unlocked) before it is removed.
        self.file = None;
        if self.armed {
            let _ = std::fs::remove_file(&self.path);
            if let Some(sidecar) = &self.sidecar {
                let _ = std::fs::remove_file(sidecar);
            }
        }
    }
}

/// Moves the finished temp file to the target; with [`Overwrite::Never`], only if the
/// target does not exist (a hard link fails rather than replace; where links are not
/// supported, the check and the rename are two steps).
fn move_into_place(temp: &Path, target: &Path, overwrite: Overwrite) -> io::Result<()> {
    if overwrite == Overwrite::Replace {
        return std::fs::rename(temp, target);
    }
    match std::fs::hard_link(temp, target) {
        Ok(()) => std::fs::remove_file(temp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if target.symlink_metadata().is_ok() => Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(temp, target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_files_are_hidden_beside_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = TempFile::beside(&dir.path().join("data.bin")).unwrap();
        let name = tmp.path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".data.bin.objcmd-"), "{name}");
        assert_eq!(tmp.path.parent().unwrap(), dir.path());
        let path = tmp.path.clone();
        drop(tmp);
        assert!(
            !path.exists(),
            "a temp file not moved into place is removed"
        );
        assert_eq!(
            temp_path(&dir.path().join("data.bin")),
            dir.path().join(".data.bin.objcmd-part")
        );
    }

    #[test]
    fn a_temp_file_goes_unless_it_is_kept_or_placed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        let temp = temp_path(&target);
        let sidecar = checkpoint::sidecar(&temp);
        let with_sidecar = || {
            let part = TempFile::part(&temp, Start::Fresh).unwrap();
            std::fs::write(&sidecar, b"{}").unwrap();
            part
        };
        // Dropped on an error: the file and its sidecar go.
        drop(with_sidecar());
        assert!(!temp.exists() && !sidecar.exists());
        // Kept for --continue: both stay, and a later run continues the file.
        with_sidecar().keep();
        assert!(temp.exists() && sidecar.exists());
        let part = TempFile::part(&temp, Start::Continue).unwrap();
        // Placed: the file is the target, the sidecar is gone.
        part.place(&target, Overwrite::Never).unwrap();
        assert!(target.exists() && !temp.exists() && !sidecar.exists());
        // Not over a file that appeared meanwhile; the temp file goes.
        let part = with_sidecar();
        let err = part.place(&target, Overwrite::Never).unwrap_err();
        assert!(err.to_string().contains("appeared meanwhile"), "{err}");
        assert!(!temp.exists() && !sidecar.exists());
        let part = TempFile::part(&temp, Start::Fresh).unwrap();
        std::fs::write(part.path(), b"new").unwrap();
        part.place(&target, Overwrite::Replace).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }

    #[test]
    fn a_full_disk_reads_as_one_line_naming_the_file() {
        let full = io::Error::from_raw_os_error(libc::ENOSPC);
        let err = anyhow::Error::new(WriteError::writing(Path::new("/mnt/.b.objcmd-part"), full));
        assert_eq!(
            format!("{err:#}"),
            "no space left on device writing /mnt/.b.objcmd-part"
        );
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let err = WriteError::new("creating /x".into(), denied).to_string();
        assert!(err.starts_with("creating /x: "), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_sockets_are_special_files_to_write_into() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            special_file(Path::new("/dev/null")),
            Some("a character device")
        );
        let socket = dir.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        assert_eq!(special_file(&socket), Some("a socket"));
        // Through a symlink, as /dev/stdout is one.
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        assert_eq!(special_file(&link), Some("a character device"));
        let file = dir.path().join("file");
        std::fs::write(&file, b"x").unwrap();
        assert_eq!(special_file(&file), None);
        assert_eq!(special_file(dir.path()), None);
        assert_eq!(special_file(&dir.path().join("missing")), None);
        let err = refuse_special(&socket).unwrap_err().to_string();
        assert!(
            err.ends_with("sock is a socket, not a regular file: not replaced"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_as_the_temp_file_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let temp = temp_path(&dir.path().join("target"));
        std::os::unix::fs::symlink(&victim, &temp).unwrap();
        assert!(TempFile::part(&temp, Start::Continue).is_err());
        assert!(TempFile::part(&temp, Start::Fresh).is_err());
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    }

    #[test]
    fn a_locked_temp_file_refuses_a_second_download() {
        let dir = tempfile::tempdir().unwrap();
        let temp = temp_path(&dir.path().join("target"));
        let _first = TempFile::part(&temp, Start::Fresh).unwrap();
        let err = TempFile::part(&temp, Start::Fresh)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("another objcmd is downloading"), "{err}");
        let err = TempFile::part(&temp, Start::Continue)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("another objcmd is downloading"), "{err}");
        assert!(temp.exists(), "another download's temp file is not removed");
    }
}
