//! Where requests go: the endpoint, path-style vs virtual-host addressing, and URL paths.
//!
//! The `auto` rule of spec/cli.md lives here, along with the one function that turns a
//! bucket and key into the URL path, so the path that is sent is the path that is signed.

use std::net::IpAddr;

use super::dialect::Dialect;

/// How the bucket is placed in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Addressing {
    /// `http://host/bucket/key`.
    Path,
    /// `http://bucket.host/key`.
    Virtual,
    /// Virtual for OSS, KS3 and AWS hosts; path for IP addresses, `localhost` and other S3
    /// servers, and for bucket names that cannot be a DNS label.
    Auto,
}

/// A parsed `--endpoint`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// `http` or `https`.
    pub scheme: String,
    /// Host name or IP address (IPv6 without brackets).
    pub host: String,
    /// Explicit port, if the endpoint gave one.
    pub port: Option<u16>,
}

/// An endpoint that could not be parsed.
#[derive(Debug, thiserror::Error)]
#[error("invalid endpoint {endpoint:?}: {reason}")]
pub struct EndpointError {
    endpoint: String,
    reason: &'static str,
}

impl Endpoint {
    /// Parses `http://host:port`, `https://host` or a bare `host[:port]` (https).
    pub fn parse(text: &str) -> Result<Endpoint, EndpointError> {
        let err = |reason| EndpointError {
            endpoint: text.to_string(),
            reason,
        };
        let (scheme, rest) = match text.split_once("://") {
            Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
            None => ("https".to_string(), text),
        };
        if scheme != "http" && scheme != "https" {
            return Err(err("the scheme must be http or https"));
        }
        let rest = rest.trim_end_matches('/');
        if rest.contains('/') || rest.contains('?') || rest.contains('#') || rest.contains('@') {
            return Err(err("expected scheme://host[:port] with no path"));
        }
        let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
            let (host, after) = v6.split_once(']').ok_or_else(|| err("unclosed '['"))?;
            match after.strip_prefix(':') {
                Some(port) => (host, Some(port)),
                None if after.is_empty() => (host, None),
                None => return Err(err("unexpected text after the IPv6 address")),
            }
        } else {
            match rest.rsplit_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (rest, None),
            }
        };
        if host.is_empty() {
            return Err(err("the host is empty"));
        }
        let valid_host = host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | ':'));
        if !valid_host {
            return Err(err("the host has characters a host name cannot have"));
        }
        let port = match port {
            Some(p) => Some(
                p.parse::<u16>()
                    .map_err(|_| err("the port is not a number"))?,
            ),
            None => None,
        };
        // The default port is left out of URLs and Host headers, so it must not be signed.
        let default_port = if scheme == "https" { 443 } else { 80 };
        let port = port.filter(|p| *p != default_port);
        Ok(Endpoint {
            scheme,
            host: host.to_ascii_lowercase(),
            port,
        })
    }

    /// True for `localhost` and literal IP addresses, where virtual hosts cannot resolve.
    pub fn is_ip_or_localhost(&self) -> bool {
        self.host == "localhost" || self.host.parse::<IpAddr>().is_ok()
    }

    /// True for AWS's own S3 hosts.
    pub fn is_aws(&self) -> bool {
        self.host.ends_with(".amazonaws.com") || self.host.ends_with(".amazonaws.com.cn")
    }

    /// `host` or `host:port` as it appears in a URL.
    pub fn authority(&self, bucket: Option<&str>) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        let host = match bucket {
            Some(bucket) => format!("{bucket}.{host}"),
            None => host,
        };
        match self.port {
            Some(port) => format!("{host}:{port}"),
            None => host,
        }
    }
}

impl std::fmt::Display for Endpoint {
    /// `scheme://host[:port]`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}://{}", self.scheme, self.authority(None))
    }
}

/// A bucket name can be the first label of a host name.
fn is_dns_compatible(bucket: &str, https: bool) -> bool {
    let ok_chars = bucket
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
    // A dotted bucket breaks the wildcard certificate of https endpoints.
    ok_chars
        && !(https && bucket.contains('.'))
        && (3..=63).contains(&bucket.len())
        && !bucket.starts_with(['-', '.'])
        && !bucket.ends_with(['-', '.'])
}

/// Everything needed to build request URLs for one profile.
#[derive(Clone, Debug)]
pub struct Target {
    /// The endpoint.
    pub endpoint: Endpoint,
    /// The dialect, which decides how keys are encoded.
    pub dialect: Dialect,
    /// The addressing preference.
    pub addressing: Addressing,
    /// The endpoint is a custom domain bound to one bucket (the bucket is in neither the
    /// host nor the path, but still in the signed resource).
    pub cname: bool,
}

impl Target {
    /// Whether a request for this bucket uses a virtual host.
    pub fn uses_virtual_host(&self, bucket: &str) -> bool {
        let https = self.endpoint.scheme == "https";
        match self.addressing {
            Addressing::Path => false,
            Addressing::Virtual => true,
            Addressing::Auto => {
                let wants_virtual = !self.endpoint.is_ip_or_localhost()
                    && (self.dialect != Dialect::S3 || self.endpoint.is_aws());
                wants_virtual && is_dns_compatible(bucket, https)
            }
        }
    }

    /// Where the bucket goes: `(bucket in the host, path)` for a bucket and key.
    ///
    /// The path is what the V2 signature's resource and SigV4's canonical URI describe.
    fn place(&self, bucket: Option<&str>, key: &str) -> (Option<String>, String) {
        let (host_bucket, path) = match bucket {
            None => (None, "/".to_string()),
            Some(_) if self.cname => (None, format!("/{}", self.dialect.path_key(key))),
            Some(b) if self.uses_virtual_host(b) => (
                Some(b.to_string()),
                format!("/{}", self.dialect.path_key(key)),
            ),
            Some(b) => (None, format!("/{b}/{}", self.dialect.path_key(key))),
        };
        (host_bucket, self.dialect.rewrite_resource(path))
    }

    /// The Host header of a request: `host[:port]`, with the bucket in front when virtual.
    pub fn host(&self, bucket: Option<&str>) -> String {
        let (host_bucket, _) = self.place(bucket, "");
        self.endpoint.authority(host_bucket.as_deref())
    }

    /// The URL path of a request, exactly as it is sent and signed.
    pub fn path(&self, bucket: Option<&str>, key: &str) -> String {
        self.place(bucket, key).1
    }

    /// `scheme://authority/path` for a bucket and key, without the query.
    pub fn url(&self, bucket: Option<&str>, key: &str) -> String {
        let (host_bucket, path) = self.place(bucket, key);
        format!(
            "{}://{}{}",
            self.endpoint.scheme,
            self.endpoint.authority(host_bucket.as_deref()),
            path
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(endpoint: &str, dialect: Dialect, addressing: Addressing) -> Target {
        Target {
            endpoint: Endpoint::parse(endpoint).unwrap(),
            dialect,
            addressing,
            cname: false,
        }
    }

    #[test]
    fn endpoints_with_and_without_scheme() {
        let e = Endpoint::parse("http://127.0.0.1:7480").unwrap();
        assert_eq!(
            (e.scheme.as_str(), e.host.as_str(), e.port),
            ("http", "127.0.0.1", Some(7480))
        );
        let e = Endpoint::parse("ks3-cn-beijing.ksyuncs.com").unwrap();
        assert_eq!((e.scheme.as_str(), e.port), ("https", None));
        let e = Endpoint::parse("https://OSS-cn-hangzhou.aliyuncs.com/").unwrap();
        assert_eq!(e.host, "oss-cn-hangzhou.aliyuncs.com");
        assert_eq!(Endpoint::parse("https://h:443").unwrap().port, None);
        assert_eq!(Endpoint::parse("http://h:80").unwrap().port, None);
        assert_eq!(Endpoint::parse("http://h:443").unwrap().port, Some(443));
        let e = Endpoint::parse("http://[::1]:9000").unwrap();
        assert_eq!(e.authority(None), "[::1]:9000");
        for bad in [
            "ftp://x",
            "http://",
            "http://h:port",
            "http://h/path",
            "a b",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn auto_addressing_rule() {
        let local = target("http://127.0.0.1:7480", Dialect::S3, Addressing::Auto);
        assert_eq!(local.url(Some("b"), "k"), "http://127.0.0.1:7480/b/k");
        let localhost = target("http://localhost:7480", Dialect::Oss, Addressing::Auto);
        assert_eq!(
            localhost.url(Some("bkt"), "k"),
            "http://localhost:7480/bkt/k"
        );
        let aws = target("https://s3.amazonaws.com", Dialect::S3, Addressing::Auto);
        assert_eq!(aws.url(Some("bkt"), "k"), "https://bkt.s3.amazonaws.com/k");
        assert_eq!(
            aws.url(Some("Not_DNS"), "k"),
            "https://s3.amazonaws.com/Not_DNS/k"
        );
        assert_eq!(
            aws.url(Some("a.b.c"), "k"),
            "https://s3.amazonaws.com/a.b.c/k"
        );
        let minio = target("https://minio.example.com", Dialect::S3, Addressing::Auto);
        assert_eq!(
            minio.url(Some("bkt"), "k"),
            "https://minio.example.com/bkt/k"
        );
        let oss = target(
            "https://oss-cn-hangzhou.aliyuncs.com",
            Dialect::Oss,
            Addressing::Auto,
        );
        assert_eq!(
            oss.url(Some("bkt"), "a/b"),
            "https://bkt.oss-cn-hangzhou.aliyuncs.com/a%2Fb"
        );
        let forced = target("http://127.0.0.1:7480", Dialect::S3, Addressing::Virtual);
        assert_eq!(forced.url(Some("bkt"), ""), "http://bkt.127.0.0.1:7480/");
    }

    #[test]
    fn urls_for_awkward_keys() {
        let s3 = target("http://127.0.0.1:7480", Dialect::S3, Addressing::Path);
        assert_eq!(
            s3.url(Some("b"), "a b/+%?#//é"),
            "http://127.0.0.1:7480/b/a%20b/%2B%25%3F%23//%C3%A9"
        );
        assert_eq!(s3.url(None, ""), "http://127.0.0.1:7480/");
        assert_eq!(s3.url(Some("b"), ""), "http://127.0.0.1:7480/b/");
        let ks3 = target("http://ks3.example", Dialect::Ks3, Addressing::Virtual);
        assert_eq!(
            ks3.url(Some("b"), "/x//y"),
            "http://b.ks3.example/%2Fx/%2Fy"
        );
    }

    #[test]
    fn cname_keeps_the_bucket_out_of_the_url() {
        let mut t = target("https://static.example.com", Dialect::Oss, Addressing::Auto);
        t.cname = true;
        assert_eq!(
            t.url(Some("bkt"), "a.txt"),
            "https://static.example.com/a.txt"
        );
    }
}
