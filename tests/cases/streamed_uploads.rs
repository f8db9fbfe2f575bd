//! Uploads streamed from their files (`client/streamed.rs`): a part, or a single PUT, whose
//! connection breaks while its body is being sent goes again whole, the same bytes read
//! again from the file, under the same `Content-MD5` (which the server checks).

use super::proxy_faults::{MIB, etag_of, path, remote_md5, run, stderr, uploads, via};
use crate::support::proxy::{Fault, Hit, Match, Proxy, Rule};
use crate::support::{TestEnv, md5_hex, multipart_etag, random_bytes};

/// The requests of `hits` that `pick` accepts, as (body bytes the proxy read,
/// Content-Length, Content-MD5).
fn attempts(hits: Vec<Hit>, pick: impl Fn(&Hit) -> bool) -> Vec<(usize, String, String)> {
    hits.into_iter()
        .filter(pick)
        .map(|h| {
            let header = |name| h.header(name).unwrap_or("none").to_string();
            (h.body_len, header("content-length"), header("content-md5"))
        })
        .collect()
}

/// Asserts that a body was cut twice after `cut` bytes, then sent whole (`len` bytes),
/// every attempt announcing the whole length and the same Content-MD5.
fn assert_cut_twice_then_whole(attempts: &[(usize, String, String)], cut: usize, len: usize) {
    let read: Vec<usize> = attempts.iter().map(|a| a.0).collect();
    assert_eq!(read, [cut, cut, len], "{attempts:?}");
    for (_, length, md5) in attempts {
        assert_eq!(length, &len.to_string());
        assert_eq!(md5, &attempts[0].2);
        assert_ne!(md5, "none");
    }
}

#[test]
fn a_part_cut_off_while_it_is_sent_goes_again_whole_from_the_file() {
    let t = TestEnv::new();
    let b = t.bucket("st-part");
    let data = random_bytes(12 * MIB + 1, 21);
    t.write("big.bin", &data);
    let part2 = || Match::method("PUT").query("partNumber=2&");
    let proxy = Proxy::to_server(vec![
        Rule::new(part2(), Fault::ResetInBody { after: MIB }).times(2),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "put", "big.bin", &b.url("big.bin")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    let key = path(&b, "big.bin");
    assert!(
        err.contains(&format!("retrying UploadPart {key} in ")),
        "{err}"
    );
    assert!(err.contains("(attempt 3 of 6)"), "{err}");
    let sends = attempts(proxy.hits(), |h| h.query_has("partNumber=2&"));
    assert_cut_twice_then_whole(&sends, MIB, 5 * MIB);
    assert_eq!(
        etag_of(&t, &b.url("big.bin")),
        multipart_etag(&data, 5 * MIB)
    );
    assert_eq!(remote_md5(&t, &b.url("big.bin")), md5_hex(&data));
    assert!(uploads(&t, &b).is_empty());
}

#[test]
fn a_single_put_cut_off_while_it_is_sent_goes_again_whole_from_the_file() {
    let t = TestEnv::new();
    let b = t.bucket("st-single");
    // Above the one block sent from memory, below the 5 MiB part size: one streamed PUT.
    let data = random_bytes(3 * MIB + 17, 22);
    t.write("one.bin", &data);
    let key = path(&b, "one.bin");
    let put = || Match::method("PUT").path(&key);
    let proxy = Proxy::to_server(vec![
        Rule::new(put(), Fault::ResetInBody { after: MIB / 2 }).times(2),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "put", "one.bin", &b.url("one.bin")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert!(
        err.contains(&format!("retrying PutObject {key} in ")),
        "{err}"
    );
    let sends = attempts(proxy.hits(), |h| h.method == "PUT");
    assert_cut_twice_then_whole(&sends, MIB / 2, data.len());
    assert_eq!(etag_of(&t, &b.url("one.bin")), md5_hex(&data));
}
