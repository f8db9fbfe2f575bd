//! `Secret`: a string that never shows itself in `Debug`, `Display` or serialized output.
//!
//! Secret keys and security tokens travel through clap, the config file and the client as
//! `Secret`, so a stray `{:?}` in a log line or an error message cannot leak them. The only
//! way to the bytes is the explicit [`Secret::expose`].

use std::fmt;

/// A credential (secret key, security token) whose formatting is redacted.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The credential itself, for signing and for writing the config file.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the credential is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The form `config list` shows: the first four characters and `****`.
    ///
    /// Short secrets show nothing of themselves: four characters of an eight-character
    /// secret would be half of it.
    pub fn masked(&self) -> String {
        let shown: String = if self.0.chars().count() >= 12 {
            self.0.chars().take(4).collect()
        } else {
            String::new()
        };
        format!("{shown}****")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Secret, Self::Err> {
        Ok(Secret::new(s))
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Secret, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let s = Secret::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assert!(!format!("{s:?}").contains("wJal"));
        assert!(!format!("{s}").contains("wJal"));
        assert!(!format!("{:?}", Some(&s)).contains("EXAMPLEKEY"));
        assert_eq!(s.expose(), "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    #[test]
    fn masked_shows_at_most_four_characters() {
        assert_eq!(Secret::new("wJalrXUtnFEMI/K7MDENG").masked(), "wJal****");
        assert_eq!(Secret::new("short").masked(), "****");
        assert_eq!(Secret::new("").masked(), "****");
    }
}
