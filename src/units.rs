//! Sizes and rates as people write them (`8MiB`, `64M`, `10MiB/s`) and as we print them;
//! counts with their nouns (`1 object`, `2 objects`).
//!
//! `K`, `M`, `G`, `T` and their `KiB`... spellings are powers of 1024 (as in s3cmd and
//! s5cmd); `KB`, `MB`, `GB`, `TB` are powers of 1000.

/// Parses a size: a number with an optional unit. Errors say what was wrong.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        _ => {
            return Err(format!(
                "invalid size {text:?}: unknown unit {unit:?} (use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB)"
            ));
        }
    };
    if number.is_empty() {
        return Err(format!(
            "invalid size {text:?}: expected a number, e.g. 8MiB"
        ));
    }
    let value: f64 = number
        .parse()
        .map_err(|_| format!("invalid size {text:?}: {number:?} is not a number"))?;
    let bytes = value * multiplier as f64;
    if !bytes.is_finite() || bytes > u64::MAX as f64 {
        return Err(format!("invalid size {text:?}: too large"));
    }
    if bytes.fract() != 0.0 {
        return Err(format!(
            "invalid size {text:?}: not a whole number of bytes"
        ));
    }
    Ok(bytes as u64)
}

/// Parses a rate: a size per second, with or without `/s`. Zero is refused.
pub fn parse_rate(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let size = t.strip_suffix("/s").unwrap_or(t);
    let rate = parse_size(size).map_err(|e| e.replacen("size", "rate", 1))?;
    if rate == 0 {
        return Err(format!("invalid rate {text:?}: must be more than zero"));
    }
    Ok(rate)
}

/// Parses a duration: a number with a unit (`s`, `m`, `h`, `d`, `w`), or several
/// (`1h30m`). A bare number is seconds.
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let bad =
        |why: &str| format!("invalid duration {text:?}: {why} (e.g. 90s, 15m, 2h, 7d, 1h30m)");
    let t = text.trim();
    if t.is_empty() {
        return Err(bad("empty"));
    }
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(std::time::Duration::from_secs(secs));
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return Err(bad(&format!("unknown unit {c:?}"))),
        };
        let n: u64 = number.parse().map_err(|_| bad("a unit without a number"))?;
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(|| bad("too large"))?;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad("a number without a unit after another unit"));
    }
    Ok(std::time::Duration::from_secs(total))
}

/// Formats a size for people: `512 B`, `1.5 KiB`, `20 MiB`, `3.2 GiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else if value >= 10.0 || value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A count and its noun, singular for one: `count(1, "object")` is `1 object`,
/// `count(2, "object")` is `2 objects` (every noun objcmd counts takes an `s`).
pub fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("0"), Ok(0));
        assert_eq!(parse_size("123"), Ok(123));
        assert_eq!(parse_size("8MiB"), Ok(8 << 20));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1.5k"), Ok(1536));
        assert_eq!(parse_size("5GB"), Ok(5_000_000_000));
        assert_eq!(parse_size(" 2 GiB "), Ok(2 << 30));
        for bad in ["", "MiB", "12XB", "1.2.3M", "-5", "0.3", "99999999999T"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn rates() {
        assert_eq!(parse_rate("10MiB/s"), Ok(10 << 20));
        assert_eq!(parse_rate("500K"), Ok(500 << 10));
        assert!(parse_rate("0/s").is_err());
        assert!(parse_rate("fast").unwrap_err().contains("invalid rate"));
    }

    #[test]
    fn durations() {
        let s = |t| parse_duration(t).map(|d| d.as_secs());
        assert_eq!(s("90"), Ok(90));
        assert_eq!(s("90s"), Ok(90));
        assert_eq!(s("15m"), Ok(900));
        assert_eq!(s("2h"), Ok(7200));
        assert_eq!(s("7d"), Ok(604_800));
        assert_eq!(s("1w"), Ok(604_800));
        assert_eq!(s("1h30m"), Ok(5400));
        for bad in ["", "h", "5x", "1h30", "-5m", "99999999999999999999w"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn human() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(1023), "1023 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(20 << 20), "20 MiB");
        assert_eq!(human_size((3 << 30) + (1 << 28)), "3.2 GiB");
    }

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(count(0, "object"), "0 objects");
        assert_eq!(count(1, "object"), "1 object");
        assert_eq!(count(2, "upload"), "2 uploads");
    }
}
