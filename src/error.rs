//! The marker errors that decide an exit code, raised anywhere from `address` to the
//! transfer engine: a leaf module that imports nothing of the crate, so that the engine can
//! say "this is an integrity failure" without knowing about exit codes or the terminal.
//!
//! `exit::status_of` finds these in an error's chain and maps them to codes; nothing here
//! knows the codes.

/// A usage or configuration error (exit 2): bad flag, URL, bucket name, key, range, size,
/// missing credentials, bad config file.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// An encryption key file that cannot be read or holds no key (exit 2, with a hint).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct KeyFileError(pub String);

/// A local source that does not exist (exit 4).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct LocalNotFound(pub String);

/// Data that did not match its checksum (exit 6).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct IntegrityError(pub String);

/// An error, or a context around one, that says what to do next: the `hint:` line printed
/// after the error (a command to type, a flag that was missing). It decides no exit code:
/// the rest of the chain does.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Hinted {
    /// The message of this layer.
    pub message: String,
    /// The `hint:` line.
    pub hint: String,
}

/// Shorthand for returning a [`UsageError`].
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(UsageError(msg.into()))
}

/// True when `cause` is one of the markers above: the first of them in an error's chain
/// decides its exit code, whatever lies further in.
pub fn is_marker(cause: &(dyn std::error::Error + 'static)) -> bool {
    cause.is::<UsageError>()
        || cause.is::<KeyFileError>()
        || cause.is::<LocalNotFound>()
        || cause.is::<IntegrityError>()
}
