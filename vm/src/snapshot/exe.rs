//! Standalone executables (`dartrs compile exe`): a copy of the running `dartrs` binary
//! with a snapshot appended at a page boundary and a trailer saying where it is, as
//! `dart compile exe` appends to `dartaotruntime`. At start-up `dartrs` looks for the
//! trailer at the end of its own file and, when present, runs the snapshot with the
//! command-line arguments instead of parsing them.

use super::elf::PAGE;
use super::loader::SnapshotSource;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// Last bytes of an executable that carries a snapshot.
const TRAILER_MAGIC: &[u8; 8] = b"DRTSAOT1";
/// Trailer: snapshot offset (u64 LE), snapshot length (u64 LE), magic.
const TRAILER_LEN: u64 = 24;

/// Writes `runtime` (an executable) followed by `snapshot` (an ELF image) to `output`.
pub fn write_executable(runtime: &Path, snapshot: &[u8], output: &Path) -> std::io::Result<()> {
    let mut bytes = std::fs::read(runtime)?;
    let offset = bytes.len().div_ceil(PAGE) * PAGE;
    bytes.resize(offset, 0);
    bytes.extend_from_slice(snapshot);
    bytes.extend_from_slice(&(offset as u64).to_le_bytes());
    bytes.extend_from_slice(&(snapshot.len() as u64).to_le_bytes());
    bytes.extend_from_slice(TRAILER_MAGIC);
    let tmp = output.with_extension("dartrs-tmp");
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&bytes)?;
        f.sync_all()?;
    }
    set_executable(&tmp)?;
    std::fs::rename(&tmp, output)
}

#[cfg(unix)]
fn set_executable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn set_executable(_: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The snapshot appended to the executable at `exe`, if it carries one.
pub fn appended_snapshot(exe: &Path) -> Option<SnapshotSource> {
    let mut f = std::fs::File::open(exe).ok()?;
    let len = f.metadata().ok()?.len();
    if len < TRAILER_LEN {
        return None;
    }
    f.seek(SeekFrom::Start(len - TRAILER_LEN)).ok()?;
    let mut trailer = [0u8; TRAILER_LEN as usize];
    f.read_exact(&mut trailer).ok()?;
    if &trailer[16..] != TRAILER_MAGIC {
        return None;
    }
    let offset = u64::from_le_bytes(trailer[0..8].try_into().ok()?);
    let size = u64::from_le_bytes(trailer[8..16].try_into().ok()?);
    let end = offset.checked_add(size)?;
    (end <= len - TRAILER_LEN).then(|| SnapshotSource::Elf {
        path: exe.to_path_buf(),
        offset,
        len: Some(size),
    })
}
