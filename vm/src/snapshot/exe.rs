//! Standalone executables (`dartrs compile exe`): a copy of the running `dartrs` binary
//! with a snapshot appended at a page boundary and a trailer saying where it is, as
//! `dart compile exe` appends to `dartaotruntime`. At start-up `dartrs` looks for the
//! trailer at the end of its own file and, when present, runs the snapshot with the
//! command-line arguments instead of parsing them.
//!
//! The runtime is copied stripped: the release profile keeps line tables (`debug = 1`)
//! for `dartrs` itself, which would make every executable tens of megabytes. Like
//! `sstrip`, the copy keeps the file only up to the end of the last segment the loader
//! maps and drops the section header table, which nothing reads at run time.

use super::elf::PAGE;
use super::loader::SnapshotSource;
use object::read::elf::{ElfFile64, FileHeader as _, ProgramHeader as _};
use object::Endianness;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// Last bytes of an executable that carries a snapshot.
const TRAILER_MAGIC: &[u8; 8] = b"DRTSAOT1";
/// Trailer: snapshot offset (u64 LE), snapshot length (u64 LE), magic.
const TRAILER_LEN: u64 = 24;

/// Writes `runtime` (an executable) followed by `snapshot` (an ELF image) to `output`.
pub fn write_executable(runtime: &Path, snapshot: &[u8], output: &Path) -> std::io::Result<()> {
    let mut bytes = strip(std::fs::read(runtime)?);
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

/// `runtime` without what lies after its last segment (debug info, symbol tables, section
/// headers). A file that is not a 64-bit ELF executable is returned unchanged.
pub fn strip(mut runtime: Vec<u8>) -> Vec<u8> {
    let Some(end) = end_of_segments(&runtime) else {
        return runtime;
    };
    runtime.truncate(end);
    // e_shoff (8 bytes at 0x28), e_shnum and e_shstrndx (2 bytes each at 0x3c, 0x3e):
    // no section headers.
    runtime[0x28..0x30].fill(0);
    runtime[0x3c..0x40].fill(0);
    runtime
}

/// Where the bytes the program loader reads end, if `elf` is a 64-bit ELF file whose
/// headers lie before that point.
fn end_of_segments(elf: &[u8]) -> Option<usize> {
    let file = ElfFile64::<Endianness>::parse(elf).ok()?;
    let endian = file.endian();
    let header = file.elf_header();
    let mut end = header.e_phoff(endian) as usize
        + header.e_phnum(endian) as usize * header.e_phentsize(endian) as usize;
    for ph in file.elf_program_headers() {
        let offset = usize::try_from(ph.p_offset(endian)).ok()?;
        let size = usize::try_from(ph.p_filesz(endian)).ok()?;
        end = end.max(offset.checked_add(size)?);
    }
    (0x40 <= end && end <= elf.len()).then_some(end)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripping_keeps_every_segment_and_drops_the_rest() {
        let exe = std::env::current_exe().expect("the test binary");
        let original = std::fs::read(exe).expect("read the test binary");
        let stripped = strip(original.clone());
        assert!(
            stripped.len() < original.len(),
            "test binaries carry debug info"
        );
        let file = ElfFile64::<Endianness>::parse(&stripped[..]).expect("still ELF");
        let endian = file.endian();
        assert_eq!(file.elf_header().e_shnum(endian), 0);
        assert_eq!(file.elf_header().e_shoff(endian), 0);
        let before = ElfFile64::<Endianness>::parse(&original[..]).expect("ELF");
        let segments = |f: &ElfFile64<Endianness>| -> Vec<(u64, u64)> {
            f.elf_program_headers()
                .iter()
                .map(|p| (p.p_offset(endian), p.p_filesz(endian)))
                .collect()
        };
        assert_eq!(segments(&file), segments(&before));
        // The loaded bytes are unchanged, but for the section-header fields of the ELF
        // header (the first 64 bytes).
        for (offset, size) in segments(&file) {
            let range = (offset as usize).max(0x40)..(offset + size) as usize;
            assert!(stripped.get(range.clone()) == original.get(range));
        }
    }

    #[test]
    fn what_is_not_elf_is_copied_unchanged() {
        for bytes in [
            b"#!/bin/sh\necho hi\n".to_vec(),
            Vec::new(),
            b"\x7fELF".to_vec(),
        ] {
            assert_eq!(strip(bytes.clone()), bytes);
        }
    }
}
