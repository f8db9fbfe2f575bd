//! `objcmd hash`: checksums of local files (computed) and of objects (as the server stores
//! them), in the encoding the servers use: MD5 in hex (an ETag), CRC-64 in decimal (as OSS
//! and KS3 send it), the flexible checksums of S3 (CRC32, CRC32C, CRC64NVME, SHA) in
//! base64. The human line is `VALUE  NAME`, as md5sum prints it.

use std::io::Read;

use anyhow::Context as _;
use md5::Digest as _;
use serde_json::json;

use crate::address::{Location, RemoteUrl};
use crate::checksum::{self, Algorithm};
use crate::cli::{HashAlgorithm, HashArgs};
use crate::client::{Client, etag_is_md5};
use crate::error::{LocalNotFound, usage};
use crate::exit::{self, ExitStatus, PartialFailure};
use crate::output::Printer;

/// What computes an algorithm: MD5 (an ETag), OSS's CRC-64, or one of S3's flexible
/// checksums.
#[derive(Clone, Copy)]
enum Kind {
    Md5,
    Crc64ecma,
    Flexible(Algorithm),
}

fn kind(algorithm: HashAlgorithm) -> Kind {
    match algorithm {
        HashAlgorithm::Md5 => Kind::Md5,
        HashAlgorithm::Crc64ecma => Kind::Crc64ecma,
        HashAlgorithm::Crc32 => Kind::Flexible(Algorithm::Crc32),
        HashAlgorithm::Crc32c => Kind::Flexible(Algorithm::Crc32c),
        HashAlgorithm::Crc64nvme => Kind::Flexible(Algorithm::Crc64Nvme),
        HashAlgorithm::Sha1 => Kind::Flexible(Algorithm::Sha1),
        HashAlgorithm::Sha256 => Kind::Flexible(Algorithm::Sha256),
    }
}

/// The name of an algorithm, as `--algorithm` and the `--json` record spell it.
fn name(algorithm: HashAlgorithm) -> &'static str {
    match kind(algorithm) {
        Kind::Md5 => "md5",
        Kind::Crc64ecma => "crc64ecma",
        Kind::Flexible(alg) => alg.name(),
    }
}

/// One running checksum.
enum Hasher {
    Md5(md5::Md5),
    Crc64(crate::crc64::Crc64),
    // Boxed: crc-fast's state is larger than the others'.
    Flexible(Box<checksum::Hasher>),
}

impl Hasher {
    fn new(algorithm: HashAlgorithm) -> Hasher {
        match kind(algorithm) {
            Kind::Md5 => Hasher::Md5(md5::Md5::new()),
            Kind::Crc64ecma => Hasher::Crc64(crate::crc64::Crc64::new()),
            Kind::Flexible(alg) => Hasher::Flexible(Box::new(alg.hasher())),
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(data),
            Hasher::Crc64(h) => h.update(data),
            Hasher::Flexible(h) => h.update(data),
        }
    }

    /// The value in the server's encoding.
    fn finish(self) -> String {
        match self {
            Hasher::Md5(h) => crate::transfer::hex(&h.finalize()),
            Hasher::Crc64(h) => h.value().to_string(),
            Hasher::Flexible(h) => h.finish(),
        }
    }
}

/// The checksum of a local file (`-` is stdin), read once in 1 MiB blocks.
fn of_file(path: &str, algorithm: HashAlgorithm) -> anyhow::Result<String> {
    let mut reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                anyhow::Error::new(LocalNotFound(format!("{path}: no such file")))
            }
            _ => anyhow::Error::new(e).context(format!("reading {path}")),
        })?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(usage(format!("{path} is a directory; hash takes files")));
        }
        Box::new(file)
    };
    let mut hasher = Hasher::new(algorithm);
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = reader
            .read(&mut buf)
            .with_context(|| format!("reading {path}"))?;
        if n == 0 {
            return Ok(hasher.finish());
        }
        hasher.update(&buf[..n]);
    }
}

/// The checksum an object is stored with, from its metadata (HEAD): its ETag where that is
/// an MD5, the CRC-64 that OSS and KS3 send, the flexible checksum an S3 server stores (as
/// it sends it: a composite one ends in `-N`). What the server did not store is an error.
fn of_object(client: &Client, url: &RemoteUrl, algorithm: HashAlgorithm) -> anyhow::Result<String> {
    let meta = client
        .head_object(&url.bucket, &url.key)
        .with_context(|| format!("reading the metadata of {url}"))?;
    match algorithm {
        HashAlgorithm::Md5 if etag_is_md5(&meta.etag) => Ok(meta.etag.to_ascii_lowercase()),
        HashAlgorithm::Md5 => anyhow::bail!(
            "{url} has no stored MD5: its ETag {} is not one (an object uploaded in parts); objcmd get checks such objects by their parts",
            meta.etag
        ),
        HashAlgorithm::Crc64ecma => meta.crc64.map(|c| c.to_string()).ok_or_else(|| {
            anyhow::anyhow!(
                "{url} has no stored CRC-64: the server sent none (OSS and KS3 store one; S3 servers do not)"
            )
        }),
        _ => {
            let name = name(algorithm);
            let stored = meta
                .checksums
                .iter()
                .find(|c| c.algorithm.name() == name);
            match stored {
                Some(c) => Ok(c.value.clone()),
                None if meta.checksums.is_empty() => anyhow::bail!(
                    "{url} has no stored {name} checksum: the server sent none (it was uploaded without one, or the server does not keep them)"
                ),
                None => anyhow::bail!(
                    "{url} has no stored {name} checksum; it is stored with {}",
                    meta.checksums
                        .iter()
                        .map(|c| c.algorithm.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
    }
}

/// Whether every item is a local file (or stdin): then `hash` needs no profile or keys,
/// as md5sum needs none.
pub fn all_local(args: &HashArgs) -> bool {
    args.items.iter().all(|item| {
        matches!(
            Location::parse(item),
            Ok(Location::Local(_) | Location::Stdio)
        )
    })
}

/// Runs `hash`: a line (or record) per file or object; one that fails is reported and the
/// others follow (exit 3, or its own code when alone). `client` is `None` when every item
/// is local ([`all_local`]).
pub fn run(
    args: &HashArgs,
    client: Option<&Client>,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let items = args
        .items
        .iter()
        .map(|item| Location::parse(item).map(|l| (item.as_str(), l)))
        .collect::<Result<Vec<_>, _>>()?;
    for (_, location) in &items {
        if let (Location::Remote(url), Some(client)) = (location, client) {
            url.object_key(client.dialect())?;
        }
    }
    let algorithm = args.algorithm;
    let mut failed = Vec::new();
    for (item, location) in &items {
        let (value, field) = match location {
            Location::Remote(url) => match client {
                Some(client) => (of_object(client, url, algorithm), "url"),
                None => (
                    Err(anyhow::anyhow!("{url}: no connection to read it")),
                    "url",
                ),
            },
            Location::Local(path) => (of_file(path, algorithm), "path"),
            Location::Stdio => (of_file("-", algorithm), "path"),
        };
        match value {
            Ok(value) if printer.json => {
                printer
                    .record(&json!({field: item, "algorithm": name(algorithm), "value": value}))?;
            }
            Ok(value) => printer.line(&format!("{value}  {}", printer.escape(item)))?,
            Err(e) if items.len() == 1 => return Err(e),
            Err(e) => {
                printer.error(&format!("{e:#}"));
                if printer.json {
                    let error = super::record::error_value(&e);
                    printer.record(&json!({field: item, "status": "error", "error": error}))?;
                }
                failed.push(exit::status_of(&e));
            }
        }
    }
    if failed.is_empty() {
        return Ok(ExitStatus::Success);
    }
    let done = items.len() - failed.len();
    let status = match done {
        0 => failed.into_iter().max().unwrap_or(ExitStatus::Failure),
        _ => ExitStatus::Partial,
    };
    Err(anyhow::Error::new(PartialFailure {
        done,
        failed: items.len() - done,
        status,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(algorithm: HashAlgorithm, data: &[u8]) -> String {
        let mut h = Hasher::new(algorithm);
        h.update(data);
        h.finish()
    }

    #[test]
    fn values_are_in_the_servers_encodings() {
        assert_eq!(
            of(HashAlgorithm::Md5, b"hello world"),
            "5eb63bbbe01eeed093cb22bb8f5acdc3"
        );
        // CRC-64/XZ of "123456789" is 0x995dc9bbdf1939fa, sent in decimal.
        assert_eq!(
            of(HashAlgorithm::Crc64ecma, b"123456789"),
            "11051210869376104954"
        );
        assert_eq!(
            of(HashAlgorithm::Sha1, b"abc"),
            "qZk+NkcGgWq6PiVxeFDCbJzQ2J0="
        );
        assert_eq!(
            of(HashAlgorithm::Sha256, b"abc"),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            of(HashAlgorithm::Md5, b""),
            "d41d8cd98f00b204e9800998ecf8427e"
        );
        // botocore's values (tests/fixtures/vectors/checksums.json).
        assert_eq!(of(HashAlgorithm::Crc32, b"123456789"), "y/Q5Jg==");
        assert_eq!(of(HashAlgorithm::Crc32c, b"123456789"), "4waSgw==");
        assert_eq!(of(HashAlgorithm::Crc64nvme, b"123456789"), "rosUhgp5mIg=");
    }
}
