//! Which objects a recursive command takes: `--include`/`--exclude` globs and `--shard K/N`.
//!
//! Filters follow aws-cli's rule: everything is included to start with, then every
//! `--exclude` and `--include` is applied in the order given, and the last one that matches
//! a path decides. Globs are matched against the path relative to the source (`/`
//! separators) from its top; `*` and `?` match `/` too, so `--exclude '*.tmp'` excludes at
//! any depth. As in rsync, a glob that matches a directory matches everything under it
//! (`--exclude sub` takes out `sub/**`), and one that ends in `/` matches only under the
//! directory (`sub/` is `sub/**`, not a file named `sub`): a bare directory name must not
//! silently match nothing, since the paths filtered are files, never directories.
//! `--shard K/N` keeps the paths whose hash falls in share K of N, so that N machines
//! running the same command take disjoint shares that together cover everything.

use globset::{Glob, GlobMatcher};
use sha2::{Digest, Sha256};

use crate::error::UsageError;

/// Whether a rule takes what it matches (`--include`) or leaves it (`--exclude`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// `--include`.
    Include,
    /// `--exclude`.
    Exclude,
}

impl Take {
    /// The flag's name.
    pub fn flag(self) -> &'static str {
        match self {
            Take::Include => "include",
            Take::Exclude => "exclude",
        }
    }
}

/// A `--include` or `--exclude` rule.
#[derive(Clone, Debug)]
struct Rule {
    take: Take,
    glob: GlobMatcher,
    /// Written with a trailing `/`: it names a directory, so the path itself is not matched,
    /// only what is under it.
    dir_only: bool,
}

/// What a command does with the paths its filters take, which decides how strongly an
/// `--include` that narrows nothing is warned about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// The paths are transferred (`put -r`, `get -r`, `cp -r`, `sync` without `--delete`).
    Transfers,
    /// `rm -r`: the paths are deleted.
    RmDeletes,
    /// `sync --delete`: what the destination has and the source lacks is deleted.
    SyncDeletes,
}

/// The warning for `--include` rules that change nothing, or `None`. Everything is included
/// to start with, so an `--include` matters only after an `--exclude`: alone it selects
/// everything, which `rm -r` and `sync --delete` then delete.
pub fn include_warning(rules: &[(Take, String)], selection: Selection) -> Option<String> {
    let first_exclude = rules.iter().position(|(take, _)| *take == Take::Exclude);
    let useless: Vec<&str> = rules[..first_exclude.unwrap_or(rules.len())]
        .iter()
        .map(|(_, pattern)| pattern.as_str())
        .collect();
    let (first, _) = useless.split_first()?;
    const RULE: &str = "everything is included to start with and the last matching rule wins";
    if first_exclude.is_some() {
        let quoted: Vec<String> = useless.iter().map(|p| format!("--include {p:?}")).collect();
        let deletes = match selection {
            Selection::Transfers => "",
            Selection::RmDeletes => ", and rm -r deletes everything the --exclude rules leave",
            Selection::SyncDeletes => {
                ", and sync --delete deletes whatever the source lacks that the --exclude rules leave"
            }
        };
        let (verb, it) = if useless.len() == 1 {
            ("comes", "it changes")
        } else {
            ("come", "they change")
        };
        return Some(format!(
            "{} {verb} before every --exclude, so {it} nothing{deletes}: {RULE}; put --include after the --exclude it should override",
            quoted.join(", ")
        ));
    }
    Some(match selection {
        Selection::Transfers => format!(
            "--include alone selects everything: {RULE}; add --exclude '*' before --include {first:?} to take only what matches"
        ),
        Selection::RmDeletes => format!(
            "--include alone selects everything, so rm -r deletes every object under the prefix, not only what matches: {RULE}; add --exclude '*' before --include {first:?} to delete only what matches"
        ),
        Selection::SyncDeletes => format!(
            "--include alone selects everything, so sync --delete deletes whatever the source lacks, not only what matches: {RULE}; add --exclude '*' before --include {first:?} to sync and delete only what matches"
        ),
    })
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
    /// Builds the filter from the rules in command-line order.
    pub fn new(rules: &[(Take, String)], shard: Option<Shard>) -> Result<Filter, UsageError> {
        let rules = rules
            .iter()
            .map(|(take, pattern)| Rule::new(*take, pattern))
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
            if rule.matches(path) {
                included = rule.take == Take::Include;
            }
        }
        included && self.shard.is_none_or(|s| s.owns(path))
    }

    /// True when nothing under the directory `dir` (relative, no trailing `/`) can be
    /// taken: a rule that matches all of it excludes it, and no `--include` comes later
    /// (which might take some of it back). Not knowing is `false`.
    pub fn rejects_all_under(&self, dir: &str) -> bool {
        let Some(last) = self.rules.iter().rposition(|r| r.matches_all_under(dir)) else {
            return false;
        };
        let excludes = |r: &Rule| r.take == Take::Exclude;
        excludes(&self.rules[last]) && self.rules[last + 1..].iter().all(excludes)
    }
}

impl Rule {
    /// Parses a pattern: a trailing `/` names a directory, and a leading `/` (rsync's
    /// anchor) changes nothing, since every pattern is matched from the top of the tree.
    fn new(take: Take, pattern: &str) -> Result<Rule, UsageError> {
        let flag = take.flag();
        let trimmed = pattern.trim_start_matches('/');
        let dir_only = trimmed.ends_with('/');
        let trimmed = trimmed.trim_end_matches('/');
        if trimmed.is_empty() {
            return Err(UsageError(format!(
                "invalid --{flag} {pattern:?}: it matches no path (give a glob such as '*.tmp' or 'logs/')"
            )));
        }
        let glob = Glob::new(trimmed)
            .map_err(|e| UsageError(format!("invalid --{flag} {pattern:?}: {e}")))?;
        Ok(Rule {
            take,
            glob: glob.compile_matcher(),
            dir_only,
        })
    }

    /// True when the glob matches the path, or one of the directories it is under.
    fn matches(&self, path: &str) -> bool {
        (!self.dir_only && self.glob.is_match(path)) || self.matches_a_directory_of(path)
    }

    /// True when the glob matches one of the directories `path` is under.
    fn matches_a_directory_of(&self, path: &str) -> bool {
        path.match_indices('/')
            .any(|(i, _)| self.glob.is_match(&path[..i]))
    }

    /// True when the rule matches every path under the directory `dir`.
    fn matches_all_under(&self, dir: &str) -> bool {
        self.glob.is_match(dir) || self.matches_a_directory_of(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(rules: &[(Take, &str)]) -> Filter {
        let rules: Vec<(Take, String)> = rules.iter().map(|(i, p)| (*i, p.to_string())).collect();
        Filter::new(&rules, None).unwrap()
    }

    #[test]
    fn last_matching_rule_wins() {
        let f = filter(&[(Take::Exclude, "*"), (Take::Include, "*.txt")]);
        assert!(f.accepts("a.txt"));
        assert!(f.accepts("dir/b.txt"));
        assert!(!f.accepts("c.bin"));
        let f = filter(&[(Take::Include, "*.txt"), (Take::Exclude, "*")]);
        assert!(
            !f.accepts("a.txt"),
            "a later exclude overrides an earlier include"
        );
        let f = filter(&[(Take::Exclude, "logs/*"), (Take::Include, "logs/keep.log")]);
        assert!(!f.accepts("logs/x.log"));
        assert!(f.accepts("logs/keep.log"));
        assert!(f.accepts("other/x.log"));
        assert!(filter(&[]).accepts("anything"));
    }

    #[test]
    fn globs_cross_directories() {
        let f = filter(&[(Take::Exclude, "*.tmp")]);
        assert!(!f.accepts("a/b/c.tmp"));
        let f = filter(&[(Take::Exclude, "build/**")]);
        assert!(!f.accepts("build/x/y.o"));
        assert!(f.accepts("src/build.rs"));
        assert!(Filter::new(&[(Take::Exclude, "a[".to_string())], None).is_err());
    }

    #[test]
    fn a_pattern_that_names_a_directory_matches_what_is_under_it() {
        let f = filter(&[(Take::Exclude, "sub")]);
        for taken in ["subway/x", "sub.txt", "a/sub/x", "top"] {
            assert!(f.accepts(taken), "{taken}");
        }
        for dropped in ["sub", "sub/a", "sub/b/c", "sub/"] {
            assert!(!f.accepts(dropped), "{dropped}");
        }
        // A trailing `/` names a directory only; a leading one anchors at the top, where
        // every pattern is matched anyway.
        for pattern in ["sub/", "/sub/", "sub//"] {
            let f = filter(&[(Take::Exclude, pattern)]);
            assert!(
                f.accepts("sub"),
                "{pattern}: a file named sub is no directory"
            );
            assert!(!f.accepts("sub/a") && !f.accepts("sub/b/c"), "{pattern}");
            assert!(f.accepts("a/sub/x") && f.accepts("subway/x"), "{pattern}");
        }
        // With `**/` the directory is found at any depth.
        let f = filter(&[(Take::Exclude, "**/node_modules/")]);
        assert!(!f.accepts("node_modules/a") && !f.accepts("web/node_modules/b/c.js"));
        assert!(f.accepts("web/node_modules.txt"));
        // A glob that matches a directory's name matches its contents too.
        let f = filter(&[(Take::Exclude, "*.d")]);
        assert!(!f.accepts("conf.d/a.conf") && !f.accepts("x/y.d"));
        assert!(f.accepts("conf.dd/a"));
    }

    #[test]
    fn including_a_directory_takes_everything_under_it() {
        let f = filter(&[(Take::Exclude, "*"), (Take::Include, "photos")]);
        assert!(f.accepts("photos/a.jpg") && f.accepts("photos/2024/b.jpg"));
        assert!(!f.accepts("other/a.jpg") && !f.accepts("photos.txt"));
        let f = filter(&[
            (Take::Exclude, "*"),
            (Take::Include, "photos/"),
            (Take::Exclude, "*.tmp"),
        ]);
        assert!(f.accepts("photos/a.jpg"));
        assert!(!f.accepts("photos/a.tmp"));
    }

    #[test]
    fn patterns_that_match_nothing_are_refused() {
        for pattern in ["", "/", "//"] {
            let err = Filter::new(&[(Take::Exclude, pattern.to_string())], None).unwrap_err();
            assert!(err.0.contains("matches no path"), "{pattern:?}: {}", err.0);
        }
    }

    #[test]
    fn whole_directories_are_known_rejected_only_when_nothing_can_take_them_back() {
        assert!(filter(&[(Take::Exclude, "sub/")]).rejects_all_under("sub"));
        assert!(filter(&[(Take::Exclude, "sub")]).rejects_all_under("sub/deeper"));
        assert!(!filter(&[(Take::Exclude, "sub/*.txt")]).rejects_all_under("sub"));
        assert!(
            !filter(&[(Take::Exclude, "sub/"), (Take::Include, "*.txt")]).rejects_all_under("sub")
        );
        assert!(
            !filter(&[(Take::Exclude, "sub/"), (Take::Include, "sub/")]).rejects_all_under("sub")
        );
        assert!(filter(&[(Take::Include, "x"), (Take::Exclude, "*")]).rejects_all_under("any"));
        assert!(!filter(&[]).rejects_all_under("sub"));
    }

    #[test]
    fn an_include_that_narrows_nothing_is_warned_about() {
        let rules = |r: &[(Take, &str)]| -> Vec<(Take, String)> {
            r.iter().map(|(i, p)| (*i, p.to_string())).collect()
        };
        let alone = rules(&[(Take::Include, "*.tmp")]);
        let w = include_warning(&alone, Selection::Transfers).unwrap();
        assert!(w.starts_with("--include alone selects everything:"), "{w}");
        assert!(w.contains("the last matching rule wins"), "{w}");
        assert!(
            w.contains("add --exclude '*' before --include \"*.tmp\""),
            "{w}"
        );
        let w = include_warning(&alone, Selection::RmDeletes).unwrap();
        assert!(
            w.contains("rm -r deletes every object under the prefix"),
            "{w}"
        );
        assert!(w.contains("the last matching rule wins"), "{w}");
        let w = include_warning(&alone, Selection::SyncDeletes).unwrap();
        assert!(w.contains("sync --delete deletes"), "{w}");
        assert!(w.contains("the last matching rule wins"), "{w}");
        let before = rules(&[
            (Take::Include, "*.tmp"),
            (Take::Include, "*.log"),
            (Take::Exclude, "keep/"),
        ]);
        let w = include_warning(&before, Selection::Transfers).unwrap();
        assert!(
            w.contains("so they change nothing: everything is included"),
            "{w}"
        );
        let w = include_warning(&before, Selection::RmDeletes).unwrap();
        assert!(
            w.starts_with(
                "--include \"*.tmp\", --include \"*.log\" come before every --exclude, so they change nothing, and rm -r deletes everything the --exclude rules leave:"
            ),
            "{w}"
        );
        for fine in [
            rules(&[]),
            rules(&[(Take::Exclude, "*.tmp")]),
            rules(&[(Take::Exclude, "*"), (Take::Include, "*.tmp")]),
            rules(&[
                (Take::Exclude, "a"),
                (Take::Include, "a/b"),
                (Take::Include, "c"),
            ]),
        ] {
            assert_eq!(
                include_warning(&fine, Selection::RmDeletes),
                None,
                "{fine:?}"
            );
        }
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
