//! Which objects a recursive command takes: `--include`/`--exclude` globs and `--shard K/N`.
//!
//! Filters follow aws-cli's rule: everything is included to start with, then every
//! `--exclude` and `--include` is applied in the order given, and the last one that matches
//! a path decides. Globs are matched against the path relative to the source (`/`
//! separators); `*` and `?` match `/` too, so `--exclude '*.tmp'` excludes at any depth.
//! `--shard K/N` keeps the paths whose hash falls in share K of N, so that N machines
//! running the same command take disjoint shares that together cover everything.

use globset::{Glob, GlobMatcher};
use sha2::{Digest, Sha256};

use crate::exit::UsageError;

/// A `--include` or `--exclude` rule.
#[derive(Clone, Debug)]
struct Rule {
    include: bool,
    glob: GlobMatcher,
}

/// `--shard K/N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// This machine's share, 0-based.
    pub index: u64,
    /// How many shares there are.
    pub count: u64,
}

impl Shard {
    /// Parses `K/N` with 0 <= K < N.
    pub fn parse(text: &str) -> Result<Shard, UsageError> {
        let bad = |why: &str| {
            UsageError(format!(
                "invalid --shard {text:?}: {why} (use K/N, 0 <= K < N)"
            ))
        };
        let (k, n) = text.split_once('/').ok_or_else(|| bad("no '/'"))?;
        let index: u64 = k.trim().parse().map_err(|_| bad("K is not a number"))?;
        let count: u64 = n.trim().parse().map_err(|_| bad("N is not a number"))?;
        if count == 0 || index >= count {
            return Err(bad("K must be below N"));
        }
        Ok(Shard { index, count })
    }

    /// True when `path` belongs to this share: the first 8 bytes of its SHA-256, mod N.
    pub fn owns(&self, path: &str) -> bool {
        let digest = Sha256::digest(path.as_bytes());
        let mut head = [0u8; 8];
        head.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(head) % self.count == self.index
    }
}

/// The filters of one command.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    rules: Vec<Rule>,
    shard: Option<Shard>,
}

impl Filter {
    /// Builds the filter from the rules in command-line order (`true` = include).
    pub fn new(rules: &[(bool, String)], shard: Option<Shard>) -> Result<Filter, UsageError> {
        let rules = rules
            .iter()
            .map(|(include, pattern)| {
                let glob = Glob::new(pattern).map_err(|e| {
                    UsageError(format!(
                        "invalid --{} {pattern:?}: {e}",
                        if *include { "include" } else { "exclude" }
                    ))
                })?;
                Ok(Rule {
                    include: *include,
                    glob: glob.compile_matcher(),
                })
            })
            .collect::<Result<Vec<_>, UsageError>>()?;
        Ok(Filter { rules, shard })
    }

    /// True when no rule or shard narrows anything.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty() && self.shard.is_none()
    }

    /// True when the path (relative to the source, `/` separators) is taken.
    pub fn accepts(&self, path: &str) -> bool {
        let mut included = true;
        for rule in &self.rules {
            if rule.glob.is_match(path) {
                included = rule.include;
            }
        }
        included && self.shard.is_none_or(|s| s.owns(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(rules: &[(bool, &str)]) -> Filter {
        let rules: Vec<(bool, String)> = rules.iter().map(|(i, p)| (*i, p.to_string())).collect();
        Filter::new(&rules, None).unwrap()
    }

    #[test]
    fn last_matching_rule_wins() {
        let f = filter(&[(false, "*"), (true, "*.txt")]);
        assert!(f.accepts("a.txt"));
        assert!(f.accepts("dir/b.txt"));
        assert!(!f.accepts("c.bin"));
        let f = filter(&[(true, "*.txt"), (false, "*")]);
        assert!(
            !f.accepts("a.txt"),
            "a later exclude overrides an earlier include"
        );
        let f = filter(&[(false, "logs/*"), (true, "logs/keep.log")]);
        assert!(!f.accepts("logs/x.log"));
        assert!(f.accepts("logs/keep.log"));
        assert!(f.accepts("other/x.log"));
        assert!(filter(&[]).accepts("anything"));
    }

    #[test]
    fn globs_cross_directories() {
        let f = filter(&[(false, "*.tmp")]);
        assert!(!f.accepts("a/b/c.tmp"));
        let f = filter(&[(false, "build/**")]);
        assert!(!f.accepts("build/x/y.o"));
        assert!(f.accepts("src/build.rs"));
        assert!(Filter::new(&[(false, "a[".to_string())], None).is_err());
    }

    #[test]
    fn shards_are_disjoint_and_complete() {
        let paths: Vec<String> = (0..2000)
            .map(|i| format!("dir{}/file-{i}.bin", i % 7))
            .collect();
        let n = 5;
        let mut owners = vec![0u32; paths.len()];
        for k in 0..n {
            let s = Shard { index: k, count: n };
            for (i, p) in paths.iter().enumerate() {
                if s.owns(p) {
                    owners[i] += 1;
                }
            }
        }
        assert!(
            owners.iter().all(|&c| c == 1),
            "each path in exactly one shard"
        );
        // Roughly balanced.
        let first = paths
            .iter()
            .filter(|p| Shard { index: 0, count: n }.owns(p))
            .count();
        assert!((300..=500).contains(&first), "{first}");
    }

    #[test]
    fn shard_parsing() {
        assert_eq!(Shard::parse("0/4").unwrap(), Shard { index: 0, count: 4 });
        assert_eq!(Shard::parse("3/4").unwrap(), Shard { index: 3, count: 4 });
        for bad in ["4/4", "1/0", "x/2", "1", "-1/2"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }
}
