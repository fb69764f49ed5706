//! The snapshot data format: the compatibility header every data blob starts with (magic,
//! kind, format version hash, features string, payload length and checksum) and the
//! metadata records that follow it, encoded with postcard.
//!
//! The header is checked field by field before anything else is read, and a mismatch is
//! refused with the Dart VM's own messages. The version hash is computed at build time
//! over the VM's sources (`build.rs`), so any change to the code generator, the thread
//! block, the natives table or this format makes old snapshots incompatible.

use crate::compiler::{CompileError, HandlerEntry, Selector};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{ConstId, DartType, FunctionId};
use serde::{Deserialize, Serialize};

/// First word of every data blob (the Dart VM's snapshot magic value).
pub const MAGIC: u32 = 0xdcdc_f5f5;
/// Bytes of the version hash in the header (32 hex digits, as the Dart VM's).
pub const VERSION_LEN: usize = 32;
/// Longest features string a header may carry.
pub const MAX_FEATURES_LEN: usize = 256;
/// Fixed part of the header: magic, kind, payload length, payload checksum, version.
const FIXED_HEADER: usize = 4 + 4 + 8 + 8 + VERSION_LEN;

/// The format version this VM reads and writes.
pub fn version_hash() -> &'static str {
    env!("DARTRS_SNAPSHOT_VERSION")
}

/// Which of the two data blobs a header belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum BlobKind {
    Vm = 1,
    Isolate = 2,
}

/// The build mode a snapshot is compiled for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapshotMode {
    Release,
    Profile,
}

impl SnapshotMode {
    pub fn name(self) -> &'static str {
        match self {
            SnapshotMode::Release => "release",
            SnapshotMode::Profile => "profile",
        }
    }
}

/// What a snapshot was compiled for; part of its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    pub mode: SnapshotMode,
    pub asserts: bool,
}

impl Features {
    /// `release no-asserts x64 linux`, the shape of the Dart VM's features string.
    pub fn to_features_string(self) -> String {
        let asserts = if self.asserts {
            "asserts"
        } else {
            "no-asserts"
        };
        format!("{} {asserts} x64 linux", self.mode.name())
    }
}

/// A snapshot this VM cannot run, with the message the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotError(pub String);

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn corrupt(what: &str) -> SnapshotError {
    SnapshotError(format!("The snapshot is corrupt or truncated: {what}"))
}

/// A 64-bit checksum of `bytes` (fast: eight bytes per step). It catches truncation and
/// accidental corruption; it is not a defence against a crafted file, which could as
/// well carry malicious machine code (snapshots are code, as in the Dart VM).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h ^ (h >> 32)
}

/// The header followed by `payload`.
pub fn write_blob(kind: BlobKind, features: Features, payload: &[u8]) -> Vec<u8> {
    let features = features.to_features_string();
    let mut out = Vec::with_capacity(FIXED_HEADER + features.len() + 8 + payload.len());
    out.extend_from_slice(&MAGIC.to_le_bytes());
    out.extend_from_slice(&(kind as u32).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(version_hash().as_bytes());
    out.extend_from_slice(features.as_bytes());
    out.push(0);
    while out.len() % 8 != 0 {
        out.push(0);
    }
    out.extend_from_slice(payload);
    out
}

/// A checked header: the snapshot's features and its payload.
#[derive(Debug)]
pub struct Blob<'a> {
    pub features: String,
    pub asserts: bool,
    pub payload: &'a [u8],
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// Checks the header of `blob` field by field against what this VM runs in `mode`.
pub fn read_blob(
    blob: &[u8],
    kind: BlobKind,
    mode: SnapshotMode,
) -> Result<Blob<'_>, SnapshotError> {
    if blob.len() < FIXED_HEADER {
        return Err(corrupt("the data header is cut short"));
    }
    if u32_at(blob, 0) != Some(MAGIC) {
        return Err(SnapshotError(
            "Invalid snapshot: this is not a dartrs AOT snapshot (bad magic number)".into(),
        ));
    }
    if u32_at(blob, 4) != Some(kind as u32) {
        return Err(corrupt("a data blob has the wrong kind"));
    }
    let length = u64_at(blob, 8).ok_or_else(|| corrupt("no length"))?;
    let sum = u64_at(blob, 16).ok_or_else(|| corrupt("no checksum"))?;
    let found = &blob[24..24 + VERSION_LEN];
    if found != version_hash().as_bytes() {
        return Err(SnapshotError(format!(
            "Wrong full snapshot version, expected '{}' found '{}'",
            version_hash(),
            String::from_utf8_lossy(found)
        )));
    }
    let rest = &blob[FIXED_HEADER..];
    let nul = rest
        .iter()
        .take(MAX_FEATURES_LEN)
        .position(|&b| b == 0)
        .ok_or_else(|| corrupt("the features string is not terminated"))?;
    let features = std::str::from_utf8(&rest[..nul])
        .map_err(|_| corrupt("the features string is not text"))?
        .to_string();
    let asserts = check_features(&features, mode)?;
    let start = (FIXED_HEADER + nul + 1).div_ceil(8) * 8;
    let end = usize::try_from(length)
        .ok()
        .and_then(|l| start.checked_add(l))
        .filter(|&e| e <= blob.len())
        .ok_or_else(|| corrupt("the data is shorter than its header says"))?;
    let payload = &blob[start..end];
    if checksum(payload) != sum {
        return Err(corrupt("checksum mismatch in the snapshot data"));
    }
    Ok(Blob {
        features,
        asserts,
        payload,
    })
}

/// Mode, architecture and OS must match; asserts are the snapshot's choice (as in the
/// Dart VM, which takes `--enable-asserts` from an AOT snapshot's features).
fn check_features(found: &str, mode: SnapshotMode) -> Result<bool, SnapshotError> {
    let tokens: Vec<&str> = found.split(' ').collect();
    let asserts = tokens.get(1) == Some(&"asserts");
    let vm = Features { mode, asserts }.to_features_string();
    if found != vm {
        return Err(SnapshotError(format!(
            "Snapshot not compatible with the current VM configuration: the snapshot requires '{found}' but the VM has '{vm}'"
        )));
    }
    Ok(asserts)
}

/// Contents of the VM data blob: where the shared stubs are in the VM instructions.
#[derive(Serialize, Deserialize, Debug, Clone, Copy)]
pub struct VmData {
    pub entry_trampoline: u32,
    pub entry_exception_exit: u32,
    pub lazy_compile: u32,
    pub unwind: u32,
    pub write_barrier: u32,
    /// Checksum of the VM instructions.
    pub text_checksum: u64,
}

/// Code of one entry index in the isolate instructions.
#[derive(Serialize, Deserialize, Debug, Clone, Default)]
pub struct EntryMeta {
    /// Offset and size in the isolate instructions (`None`: no code; the entry points at
    /// the stub that reports why).
    pub code: Option<(u32, u32)>,
    pub handlers: Vec<HandlerEntry>,
    pub positions: Vec<(u32, Span)>,
}

/// The VM-made entries beyond the program's functions, in entry-index order.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntheticMeta {
    FieldGetter(u32),
    FieldSetter(u32),
    ReturnFirstArgument,
    Forwarder { target: FunctionId, bound: bool },
}

/// One source file: enough for stack traces and messages that quote source.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct SourceMeta {
    pub uri: String,
    pub display_path: String,
    pub path: Option<String>,
    /// `None` for the embedded core libraries (the loader takes the binary's copy).
    pub text: Option<String>,
}

/// Contents of the isolate data blob. `P` is the program: `&Program` when writing,
/// `Program` when reading (postcard encodes both the same way).
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct IsolateData<P> {
    pub program: P,
    pub sources: Vec<SourceMeta>,
    pub entries: Vec<EntryMeta>,
    pub synthetic: Vec<SyntheticMeta>,
    pub ic_sites: Vec<(Selector, u32)>,
    /// (positional, named, passes type arguments).
    pub argdescs: Vec<(u32, Vec<Symbol>, bool)>,
    pub types: Vec<DartType>,
    /// The runtime type table and record shapes: generated code embeds their ids.
    pub rtt: crate::runtime::rtt::RttImage,
    pub record_shapes: Vec<crate::kernel::ir::RecordShape>,
    /// The constant of each constants-table slot, in slot order.
    pub constants: Vec<ConstId>,
    pub positions: Vec<Span>,
    /// Entries whose compilation failed (reported when called, as the JIT does).
    pub failures: Vec<(u32, CompileError)>,
    /// Checksum of the isolate instructions.
    pub text_checksum: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release() -> Features {
        Features {
            mode: SnapshotMode::Release,
            asserts: false,
        }
    }

    #[test]
    fn blob_round_trips() {
        let blob = write_blob(BlobKind::Vm, release(), b"payload");
        let read = read_blob(&blob, BlobKind::Vm, SnapshotMode::Release).expect("valid");
        assert_eq!(read.payload, b"payload");
        assert_eq!(read.features, "release no-asserts x64 linux");
        assert!(!read.asserts);
    }

    #[test]
    fn wrong_version_is_refused_with_the_dart_message() {
        let mut blob = write_blob(BlobKind::Vm, release(), b"x");
        blob[24..24 + VERSION_LEN].copy_from_slice(&[b'0'; VERSION_LEN]);
        let e = read_blob(&blob, BlobKind::Vm, SnapshotMode::Release).unwrap_err();
        assert_eq!(
            e.0,
            format!(
                "Wrong full snapshot version, expected '{}' found '{}'",
                version_hash(),
                "0".repeat(VERSION_LEN)
            )
        );
    }

    #[test]
    fn wrong_mode_is_refused_with_the_dart_message() {
        let blob = write_blob(BlobKind::Isolate, release(), b"x");
        let e = read_blob(&blob, BlobKind::Isolate, SnapshotMode::Profile).unwrap_err();
        assert_eq!(
            e.0,
            "Snapshot not compatible with the current VM configuration: the snapshot requires \
             'release no-asserts x64 linux' but the VM has 'profile no-asserts x64 linux'"
        );
    }

    #[test]
    fn asserts_come_from_the_snapshot() {
        let f = Features {
            mode: SnapshotMode::Release,
            asserts: true,
        };
        let blob = write_blob(BlobKind::Isolate, f, b"x");
        let read = read_blob(&blob, BlobKind::Isolate, SnapshotMode::Release).expect("valid");
        assert!(read.asserts);
    }

    #[test]
    fn corruption_and_truncation_are_errors() {
        let blob = write_blob(BlobKind::Vm, release(), b"some payload bytes");
        for cut in 0..blob.len() {
            assert!(read_blob(&blob[..cut], BlobKind::Vm, SnapshotMode::Release).is_err());
        }
        let mut flipped = blob.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(read_blob(&flipped, BlobKind::Vm, SnapshotMode::Release).is_err());
    }
}
