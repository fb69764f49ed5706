//! Build script: computes the AOT snapshot format version, a hash over every source file
//! of the VM crate (compiler, runtime, core library, snapshot format). Any change to the
//! code generator or the snapshot layout changes it, so a snapshot written by one build is
//! refused by another (as the Dart VM's snapshot hash does) instead of running code that
//! assumes a different thread-block layout, native table or metadata format.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "rs" || x == "dart" || x == "md")
        {
            out.push(p);
        }
    }
}

/// 128-bit FNV-1a: stable across Rust versions (std's hashers are not).
fn fnv128(data: &[u8], mut h: u128) -> u128 {
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    for &b in data {
        h ^= b as u128;
        h = h.wrapping_mul(PRIME);
    }
    h
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
    let mut files = Vec::new();
    collect(&src, &mut files);
    files.sort();
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    h = fnv128(env!("CARGO_PKG_VERSION").as_bytes(), h);
    for f in &files {
        let rel = f.strip_prefix(root).unwrap_or(f);
        h = fnv128(rel.to_string_lossy().as_bytes(), h);
        h = fnv128(&std::fs::read(f).unwrap_or_default(), h);
    }
    println!("cargo:rustc-env=DARTRS_SNAPSHOT_VERSION={h:032x}");
}
