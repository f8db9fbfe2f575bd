//! CRC-64/XZ, the checksum OSS and KS3 call "crc64ecma": streaming computation, combining
//! the CRCs of adjacent pieces (multipart totals), and the decimal header form. Pure: no I/O.
//!
//! Wire format: spec `wire-formats.md` §8. The bulk computation is `crc64fast` (SIMD where the
//! CPU has carry-less multiply), which computes exactly this parameter set.

/// The CRC-64/ECMA-182 polynomial, bit-reversed because CRC-64/XZ is a reflected CRC.
const POLY_REFLECTED: u64 = 0xC96C_5795_D787_0F42;

/// Streaming CRC-64/XZ.
///
/// A fresh `Crc64` continues nothing; [`Crc64::resume`] continues the CRC of earlier data
/// (the SDKs' `Crc64(init_crc=prev)`), which is how a resumed upload carries on a checksum.
#[derive(Clone)]
pub struct Crc64 {
    /// The CRC of the data before this digest started (0 for none).
    prefix: u64,
    digest: crc64fast::Digest,
    /// Bytes fed to `digest`, which `combine` needs to shift `prefix` past them.
    len: u64,
}

impl Crc64 {
    /// An empty CRC: [`Crc64::value`] is 0 until data is fed.
    pub fn new() -> Crc64 {
        Crc64::resume(0)
    }

    /// Continues the CRC `prev` of earlier data: `value()` will be the CRC of that data
    /// followed by everything fed from now on.
    pub fn resume(prev: u64) -> Crc64 {
        Crc64 {
            prefix: prev,
            digest: crc64fast::Digest::new(),
            len: 0,
        }
    }

    /// Feeds more data.
    pub fn update(&mut self, data: &[u8]) {
        self.digest.write(data);
        self.len += data.len() as u64;
    }

    /// The CRC of everything fed so far (0 for nothing).
    pub fn value(&self) -> u64 {
        // crc64fast cannot start from an arbitrary register, so a resumed CRC is spliced on
        // afterwards; `combine(0, x, n) == x` makes the fresh case the same formula.
        combine(self.prefix, self.digest.sum64(), self.len)
    }
}

impl Default for Crc64 {
    fn default() -> Self {
        Crc64::new()
    }
}

/// The CRC-64/XZ of `data`, as sent in `x-oss-hash-crc64ecma` / `x-kss-checksum-crc64ecma`.
pub fn checksum(data: &[u8]) -> u64 {
    let mut digest = crc64fast::Digest::new();
    digest.write(data);
    digest.sum64()
}

/// `crc(A || B)` from `crc(A)`, `crc(B)` and `len(B)`, without the data.
///
/// This is zlib's `crc32_combine` adapted to 64 bits, the O(log n) GF(2) matrix method the
/// OSS and KS3 SDKs use: `crc(A)` is pushed through `len(B)` zero bytes by repeated squaring
/// of the "one zero bit" operator, then XORed with `crc(B)`. For this parameter set the init
/// and xorout terms cancel, so no correction is needed. Folding it over the parts of a
/// multipart upload, starting from 0, gives the CRC of the whole object.
pub fn combine(crc_a: u64, crc_b: u64, len_b: u64) -> u64 {
    if len_b == 0 {
        return crc_a;
    }
    // The operator is linear, so it maps 0 to 0: a fresh CRC needs no matrix work.
    if crc_a == 0 {
        return crc_b;
    }
    // Row k of the operator is the image of bit k. One zero bit shifts the reflected register
    // right, and a set bit 0 falls out as the polynomial.
    let mut odd = [0u64; 64];
    odd[0] = POLY_REFLECTED;
    for (k, row) in odd.iter_mut().enumerate().skip(1) {
        *row = 1 << (k - 1);
    }
    let mut even = [0u64; 64];
    gf2_square(&mut even, &odd); // two zero bits
    gf2_square(&mut odd, &even); // four zero bits

    // Each pass squares once more (8, 16, 32... zero bits, i.e. 1, 2, 4... zero bytes) and
    // applies the operator where len_b has a set bit; alternating buffers avoids copies.
    let mut crc = crc_a;
    let mut len = len_b;
    loop {
        gf2_square(&mut even, &odd);
        if len & 1 != 0 {
            crc = gf2_times(&even, crc);
        }
        len >>= 1;
        if len == 0 {
            break;
        }
        gf2_square(&mut odd, &even);
        if len & 1 != 0 {
            crc = gf2_times(&odd, crc);
        }
        len >>= 1;
        if len == 0 {
            break;
        }
    }
    crc ^ crc_b
}

/// `mat · vec` over GF(2), `mat` given by the images of the 64 unit vectors.
fn gf2_times(mat: &[u64; 64], mut vec: u64) -> u64 {
    let mut sum = 0;
    let mut row = 0;
    while vec != 0 {
        if vec & 1 != 0 {
            sum ^= mat[row];
        }
        vec >>= 1;
        row += 1;
    }
    sum
}

/// `square = mat · mat`.
fn gf2_square(square: &mut [u64; 64], mat: &[u64; 64]) {
    for (out, &row) in square.iter_mut().zip(mat) {
        *out = gf2_times(mat, row);
    }
}

/// Parses the decimal header value (`x-oss-hash-crc64ecma`, `x-kss-checksum-crc64ecma`, or
/// KS3's `<ChecksumCRC64ECMA>`); `None` if it is not a u64.
///
/// Only ASCII digits are accepted (around optional surrounding whitespace): `u64::from_str`
/// would also take a leading `+`, which no server sends, and a checksum that parses
/// "generously" is one that can match by accident.
pub fn parse_header(value: &str) -> Option<u64> {
    let digits = value.trim_ascii();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::unhex;

    const VECTORS: &str = include_str!("../tests/fixtures/vectors/crc64.json");

    fn vectors() -> Value {
        serde_json::from_str(VECTORS).expect("crc64.json is valid JSON")
    }

    fn dec(v: &Value) -> u64 {
        v.as_str()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("not a decimal string: {v}"))
    }

    /// The fixtures' "pattern bytes": byte i is i % 251.
    fn pattern(range: std::ops::Range<u64>) -> Vec<u8> {
        range.map(|i| (i % 251) as u8).collect()
    }

    /// Deterministic pseudo-random bytes (xorshift64*), so failures reproduce.
    fn noise(len: usize, seed: u64) -> Vec<u8> {
        let mut x = seed | 1;
        (0..len)
            .map(|_| {
                x ^= x >> 12;
                x ^= x << 25;
                x ^= x >> 27;
                (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
            })
            .collect()
    }

    #[test]
    fn algorithm_is_the_one_the_vectors_name() {
        let v = vectors();
        let alg = &v["crc64"]["algorithm"];
        assert_eq!(alg["poly_reflected"], format!("0x{POLY_REFLECTED:016X}"));
        assert_eq!(alg["init"], "0xFFFFFFFFFFFFFFFF");
        assert_eq!(alg["xorout"], "0xFFFFFFFFFFFFFFFF");
        assert_eq!(alg["refin"], true);
        assert_eq!(alg["refout"], true);
    }

    #[test]
    fn every_checksum_vector() {
        let v = vectors();
        let cases = v["crc64"]["vectors"].as_array().expect("vectors");
        assert_eq!(cases.len(), 7);
        for case in cases {
            let name = case["name"].as_str().unwrap_or("?");
            let input = unhex(case["input_hex"].as_str().expect("input_hex"));
            let want = dec(&case["crc64_dec"]);
            let want_hex = u64::from_str_radix(
                case["crc64_hex"]
                    .as_str()
                    .and_then(|h| h.strip_prefix("0x"))
                    .expect("crc64_hex"),
                16,
            )
            .expect("hex value");
            assert_eq!(want, want_hex, "{name}: the vector's dec and hex agree");
            assert_eq!(checksum(&input), want, "{name}");
            // CPUs without carry-less multiply get crc64fast's table code instead.
            let mut table = crc64fast::Digest::new_table();
            table.write(&input);
            assert_eq!(table.sum64(), want, "{name}: table fallback");

            // The same, streamed one byte at a time and in uneven pieces.
            let mut one = Crc64::new();
            input.chunks(1).for_each(|c| one.update(c));
            assert_eq!(one.value(), want, "{name}: byte by byte");
            let mut uneven = Crc64::default();
            input.chunks(7).for_each(|c| uneven.update(c));
            assert_eq!(uneven.value(), want, "{name}: 7-byte pieces");
            assert_eq!(parse_header(&want.to_string()), Some(want), "{name}");
        }
    }

    #[test]
    fn check_value_of_the_catalogue() {
        assert_eq!(checksum(b"123456789"), 0x995D_C9BB_DF19_39FA);
    }

    #[test]
    fn every_combine_and_continuation_vector() {
        let v = vectors();
        let cases = v["crc64"]["combine"].as_array().expect("combine");
        assert_eq!(cases.len(), 5);
        for case in cases {
            let a_len = case["a_len"].as_u64().expect("a_len");
            let b_len = case["b_len"].as_u64().expect("b_len");
            let (a, b) = match (case["a_hex"].as_str(), case["b_hex"].as_str()) {
                (Some(a), Some(b)) => (unhex(a), unhex(b)),
                // "pattern bytes continuing after a": one pattern over a || b.
                _ => (pattern(0..a_len), pattern(a_len..a_len + b_len)),
            };
            assert_eq!((a.len() as u64, b.len() as u64), (a_len, b_len));
            let label = format!("a_len={a_len} b_len={b_len}");
            let (crc_a, crc_b, crc_ab) = (
                dec(&case["crc_a"]),
                dec(&case["crc_b"]),
                dec(&case["crc_ab"]),
            );
            assert_eq!(checksum(&a), crc_a, "{label}: crc_a");
            assert_eq!(checksum(&b), crc_b, "{label}: crc_b");
            assert_eq!(
                checksum(&[a.clone(), b.clone()].concat()),
                crc_ab,
                "{label}"
            );

            assert_eq!(case["combine_equals_crc_ab"], true);
            assert_eq!(
                combine(crc_a, crc_b, b_len),
                dec(&case["combine_crc_a_crc_b_len_b"]),
                "{label}: combine"
            );
            assert_eq!(combine(crc_a, crc_b, b_len), crc_ab, "{label}: combine");

            assert_eq!(case["continue_equals_crc_ab"], true);
            let mut resumed = Crc64::resume(crc_a);
            resumed.update(&b);
            assert_eq!(
                resumed.value(),
                dec(&case["continue_from_crc_a_then_b"]),
                "{label}: continuation"
            );
        }
    }

    #[test]
    fn empty_input() {
        assert_eq!(checksum(&[]), 0);
        assert_eq!(Crc64::new().value(), 0);
        let mut crc = Crc64::new();
        crc.update(&[]);
        assert_eq!(crc.value(), 0);
        // Resuming with nothing more keeps the previous CRC.
        assert_eq!(Crc64::resume(0x1234).value(), 0x1234);
    }

    #[test]
    fn combine_with_empty_b_is_a() {
        for c in [0, 1, 0x995D_C9BB_DF19_39FA, u64::MAX] {
            assert_eq!(combine(c, 0, 0), c);
            // With len 0 the SDKs ignore crc_b too (it can only be 0 for empty data).
            assert_eq!(combine(c, 0xdead_beef, 0), c);
        }
    }

    #[test]
    fn combine_from_zero_is_b() {
        let data = noise(1000, 7);
        assert_eq!(combine(0, checksum(&data), 1000), checksum(&data));
    }

    #[test]
    fn combine_of_random_splits_equals_the_whole() {
        let data = noise(70_000, 0x5eed);
        let whole = checksum(&data);
        let cuts = noise(200, 42);
        for pair in cuts.chunks(2) {
            let at = ((pair[0] as usize) << 8 | pair[1] as usize) % (data.len() + 1);
            let (a, b) = data.split_at(at);
            assert_eq!(
                combine(checksum(a), checksum(b), b.len() as u64),
                whole,
                "split at {at}"
            );
        }
        // Many pieces folded from 0, as multipart totals are.
        let mut acc = 0;
        for piece in data.chunks(4099) {
            acc = combine(acc, checksum(piece), piece.len() as u64);
        }
        assert_eq!(acc, whole);
    }

    #[test]
    fn combine_handles_lengths_with_high_bits() {
        // A length with high bits set exercises many squarings; compare against feeding
        // zeros, which is what combine stands for.
        let zeros = vec![0u8; 1 << 20 | 12345];
        let a = b"prefix";
        assert_eq!(
            combine(checksum(a), checksum(&zeros), zeros.len() as u64),
            checksum(&[&a[..], &zeros].concat())
        );
    }

    #[test]
    fn streaming_resume_matches_one_pass() {
        let data = noise(10_000, 3);
        let (a, b) = data.split_at(3333);
        let mut resumed = Crc64::resume(checksum(a));
        for piece in b.chunks(1000) {
            resumed.update(piece);
        }
        assert_eq!(resumed.value(), checksum(&data));
        let cloned = resumed.clone();
        assert_eq!(cloned.value(), resumed.value());
    }

    #[test]
    fn header_values() {
        assert_eq!(parse_header("0"), Some(0));
        assert_eq!(
            parse_header("11051210869376104954"),
            Some(0x995D_C9BB_DF19_39FA)
        );
        assert_eq!(parse_header(" 18446744073709551615 "), Some(u64::MAX));
        assert_eq!(parse_header("18446744073709551616"), None, "overflow");
        for bad in ["", " ", "+1", "-1", "0x10", "1.0", "12a", "1 2"] {
            assert_eq!(parse_header(bad), None, "{bad:?}");
        }
    }
}
