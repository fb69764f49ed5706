//! Loading a snapshot: map the file (no dlopen, no relocation pass), check the ELF
//! structure and both headers, map the instructions read+execute, decode the metadata and
//! build an isolate that runs the snapshot's code with no compiler.
//!
//! An ELF snapshot is mapped read-only as a whole (the data is read in place) and its
//! executable segment a second time, read+execute. Split artefacts (`--split`, the four
//! files the Flutter engine loads on Android) are mapped one file each, data read-only
//! and instructions read+execute. No mapping is ever writable. The code calls the VM's
//! stubs through addresses the loader installs, never PC-relative across blobs, so the
//! two instruction blobs may lie anywhere.

use super::elf::{self, Range};
use super::format::*;
use crate::front::source::SourceMap;
use crate::kernel::ir::{FunctionId, Program};
use crate::runtime::isolate::{
    AotCode, ArgDesc, CodeInfo, IcSite, Isolate, IsolateOptions, StubAddresses, SyntheticEntry,
};
use memmap2::{Mmap, MmapOptions};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a snapshot is.
#[derive(Clone, Debug)]
pub enum SnapshotSource {
    /// An ELF snapshot: a whole file, or a byte range of one (an executable made by
    /// `dartrs compile exe` carries its snapshot at its end).
    Elf {
        path: PathBuf,
        offset: u64,
        len: Option<u64>,
    },
    /// The four blobs in files of their own (`dartrs compile aot-snapshot --split`).
    Split(SplitPaths),
}

/// The files of split artefacts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitPaths {
    pub vm_data: PathBuf,
    pub vm_instructions: PathBuf,
    pub isolate_data: PathBuf,
    pub isolate_instructions: PathBuf,
}

/// The file names `--split` writes and `--aot-snapshot-path` looks for, as the Flutter
/// engine names them.
pub const SPLIT_FILE_NAMES: [&str; 4] = [
    "vm_snapshot_data",
    "vm_snapshot_instr",
    "isolate_snapshot_data",
    "isolate_snapshot_instr",
];

impl SplitPaths {
    /// The standard names in `dir`.
    pub fn in_dir(dir: &Path) -> SplitPaths {
        let [vd, vi, id, ii] = SPLIT_FILE_NAMES.map(|n| dir.join(n));
        SplitPaths {
            vm_data: vd,
            vm_instructions: vi,
            isolate_data: id,
            isolate_instructions: ii,
        }
    }
}

impl SnapshotSource {
    pub fn file(path: &Path) -> SnapshotSource {
        SnapshotSource::Elf {
            path: path.to_path_buf(),
            offset: 0,
            len: None,
        }
    }
}

/// One blob of a mapped snapshot: its mapping (shared by the blobs of one ELF file) and
/// the range of it the blob occupies, checked to lie inside.
struct Part {
    map: Arc<Mmap>,
    range: Range,
}

impl Part {
    fn whole(map: Mmap) -> Part {
        let range = Range {
            offset: 0,
            len: map.len(),
        };
        Part {
            map: Arc::new(map),
            range,
        }
    }

    fn bytes(&self) -> &[u8] {
        slice(&self.map, self.range)
    }

    /// Address at which offset `at` of this (instructions) blob executes.
    fn code_address(&self, at: u32) -> u64 {
        self.map.as_ptr() as u64 + self.range.offset as u64 + at as u64
    }
}

/// A mapped, checked snapshot, ready to become an isolate.
pub struct LoadedSnapshot {
    /// Read-only.
    vm_data: Part,
    isolate_data: Part,
    /// Read+execute.
    vm_text: Part,
    isolate_text: Part,
    pub features: String,
    pub asserts: bool,
    pub timings: LoadTimings,
}

/// Where start-up time goes (microseconds).
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadTimings {
    pub map_and_check_us: u128,
    pub decode_us: u128,
    pub isolate_us: u128,
}

fn io_error(path: &Path, e: std::io::Error) -> SnapshotError {
    SnapshotError(format!(
        "Cannot open the snapshot '{}': {e}",
        path.display()
    ))
}

/// Maps and checks `source` for running in `mode`.
pub fn map_snapshot(
    source: &SnapshotSource,
    mode: SnapshotMode,
) -> Result<LoadedSnapshot, SnapshotError> {
    let started = std::time::Instant::now();
    let [vm_data, isolate_data, vm_text, isolate_text] = match source {
        SnapshotSource::Elf { path, offset, len } => map_elf(path, *offset, *len)?,
        SnapshotSource::Split(paths) => map_split(paths)?,
    };
    let vm = read_blob(vm_data.bytes(), BlobKind::Vm, mode)?;
    let iso = read_blob(isolate_data.bytes(), BlobKind::Isolate, mode)?;
    if vm.features != iso.features {
        return Err(SnapshotError(
            "Invalid snapshot: the VM and isolate data disagree on features".into(),
        ));
    }
    let (features, asserts) = (iso.features, iso.asserts);
    Ok(LoadedSnapshot {
        vm_data,
        isolate_data,
        vm_text,
        isolate_text,
        features,
        asserts,
        timings: LoadTimings {
            map_and_check_us: started.elapsed().as_micros(),
            ..LoadTimings::default()
        },
    })
}

/// Maps the ELF image at `offset` of `path`: VM data, isolate data, VM and isolate
/// instructions.
fn map_elf(path: &Path, offset: u64, len: Option<u64>) -> Result<[Part; 4], SnapshotError> {
    let source_path = path;
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    let file_len = file.metadata().map_err(|e| io_error(path, e))?.len();
    let len = len.unwrap_or_else(|| file_len.saturating_sub(offset));
    if offset.checked_add(len).is_none_or(|end| end > file_len) || len < 64 {
        return Err(SnapshotError(
            "Invalid snapshot: the file is too short to be one".into(),
        ));
    }
    let len = usize::try_from(len).map_err(|_| SnapshotError("snapshot too large".into()))?;
    // SAFETY: a private read-only mapping of a file we opened; we only read it through the
    // bounds-checked parsers below. (A file truncated by another process while mapped
    // would fault on access, as for any mapped file; we never write to it.)
    let data = unsafe { MmapOptions::new().offset(offset).len(len).map(&file) }
        .map_err(|e| io_error(source_path, e))?;
    let located = elf::locate(&data).map_err(SnapshotError)?;
    let seg = located.text_segment;
    // SAFETY: maps the range `locate` checked lies inside the file, read+execute and
    // never writable; the code in it is position-independent and needs no relocation.
    let text = unsafe {
        MmapOptions::new()
            .offset(offset + seg.offset as u64)
            .len(seg.len)
            .map_exec(&file)
    }
    .map_err(|e| io_error(source_path, e))?;
    let (data, text) = (Arc::new(data), Arc::new(text));
    let part = |map: &Arc<Mmap>, range| Part {
        map: map.clone(),
        range,
    };
    Ok([
        part(&data, located.vm_data),
        part(&data, located.isolate_data),
        part(&text, located.vm_instructions),
        part(&text, located.isolate_instructions),
    ])
}

/// Maps split artefacts: each file whole, data read-only, instructions read+execute.
fn map_split(paths: &SplitPaths) -> Result<[Part; 4], SnapshotError> {
    let map = |path: &Path, exec: bool| -> Result<Part, SnapshotError> {
        let file = File::open(path).map_err(|e| io_error(path, e))?;
        let len = file.metadata().map_err(|e| io_error(path, e))?.len();
        if len == 0 {
            return Err(SnapshotError(format!(
                "Invalid snapshot: '{}' is empty",
                path.display()
            )));
        }
        // SAFETY: a private mapping of a whole file we opened, never writable: data is
        // read through the bounds-checked parsers, instructions only run after their
        // checksum matched the metadata (`decode`). A file truncated by another process
        // while mapped would fault on access, as for any mapped file.
        let mapped = unsafe {
            if exec {
                MmapOptions::new().map_exec(&file)
            } else {
                MmapOptions::new().map(&file)
            }
        }
        .map_err(|e| io_error(path, e))?;
        Ok(Part::whole(mapped))
    };
    Ok([
        map(&paths.vm_data, false)?,
        map(&paths.isolate_data, false)?,
        map(&paths.vm_instructions, true)?,
        map(&paths.isolate_instructions, true)?,
    ])
}

fn slice(bytes: &[u8], r: Range) -> &[u8] {
    // `locate` checked every range against the file.
    bytes.get(r.offset..r.offset + r.len).unwrap_or(&[])
}

/// The decoded metadata and the address of the code.
#[derive(Clone)]
pub struct Decoded {
    vm: VmData,
    isolate: IsolateData<Program>,
}

impl LoadedSnapshot {
    /// Decodes the metadata and checks it against the instructions.
    pub fn decode(&mut self) -> Result<Decoded, SnapshotError> {
        let started = std::time::Instant::now();
        let mode = if self.features.starts_with("profile") {
            SnapshotMode::Profile
        } else {
            SnapshotMode::Release
        };
        let corrupt = |e: postcard::Error| {
            SnapshotError(format!(
                "The snapshot is corrupt: its metadata does not decode ({e})"
            ))
        };
        let vm_blob = read_blob(self.vm_data.bytes(), BlobKind::Vm, mode)?;
        let vm: VmData = postcard::from_bytes(vm_blob.payload).map_err(corrupt)?;
        let iso_blob = read_blob(self.isolate_data.bytes(), BlobKind::Isolate, mode)?;
        let isolate: IsolateData<Program> =
            postcard::from_bytes(iso_blob.payload).map_err(corrupt)?;
        let vm_text = self.vm_text.bytes();
        let iso_text = self.isolate_text.bytes();
        if checksum(vm_text) != vm.text_checksum || checksum(iso_text) != isolate.text_checksum {
            return Err(SnapshotError(
                "The snapshot is corrupt or truncated: checksum mismatch in the instructions"
                    .into(),
            ));
        }
        validate(&vm, &isolate, vm_text.len(), iso_text.len())?;
        self.timings.decode_us = started.elapsed().as_micros();
        Ok(Decoded { vm, isolate })
    }
}

/// The metadata's own indices must agree with each other and with the instructions.
fn validate(
    vm: &VmData,
    iso: &IsolateData<Program>,
    vm_text: usize,
    iso_text: usize,
) -> Result<(), SnapshotError> {
    let bad = |what: &str| SnapshotError(format!("The snapshot is corrupt: {what}"));
    let stubs = [
        vm.entry_trampoline,
        vm.entry_exception_exit,
        vm.lazy_compile,
        vm.unwind,
        vm.write_barrier,
    ];
    if stubs.iter().any(|&s| s as usize >= vm_text) {
        return Err(bad("a stub lies outside the VM instructions"));
    }
    let n = iso.program.functions.len();
    if iso.entries.len() != n + iso.synthetic.len() {
        return Err(bad("the entry table does not match the program"));
    }
    for e in &iso.entries {
        if let Some((at, size)) = e.code {
            let end = at as usize + size as usize;
            let handlers_ok = e
                .handlers
                .iter()
                .all(|h| h.handler <= size && h.end <= size);
            if end > iso_text || !handlers_ok {
                return Err(bad("code lies outside the isolate instructions"));
            }
        }
    }
    let forwarders_ok = iso.synthetic.iter().all(|s| match s {
        SyntheticMeta::Forwarder { target, .. } => target.index() < n,
        _ => true,
    });
    let sites_ok = iso.ic_sites.iter().all(|&(_, d)| {
        ((d & !crate::runtime::isolate::DYNAMIC_CALL) as usize) < iso.argdescs.len() || d == 0
    });
    let consts_ok = iso
        .constants
        .iter()
        .all(|c| c.index() < iso.program.constants.len());
    if !forwarders_ok || !sites_ok || !consts_ok || iso.program.main.is_none_or(|m| m.index() >= n)
    {
        return Err(bad("the metadata refers to things that do not exist"));
    }
    Ok(())
}

/// Restores the source map: the snapshot's texts, and the binary's copies of the
/// embedded core libraries.
fn sources(metas: &[SourceMeta]) -> SourceMap {
    let mut map = SourceMap::new();
    for m in metas {
        let text = m
            .text
            .as_deref()
            .or_else(|| crate::kernel::loader::embedded_source(&m.uri))
            .unwrap_or("");
        map.add(
            m.uri.clone(),
            m.display_path.clone(),
            m.path.as_ref().map(PathBuf::from),
            Arc::from(text),
        );
    }
    map
}

/// Builds the isolate that runs `snapshot`: no code heap, every entry slot filled from the
/// snapshot (entries without code point at the stub that reports why).
pub fn make_isolate(
    snapshot: LoadedSnapshot,
    decoded: Decoded,
    options: IsolateOptions,
) -> Result<Box<Isolate>, SnapshotError> {
    make_isolate_sharing(snapshot, decoded, options, None)
}

/// [`make_isolate`] with the source map of an isolate already made from this snapshot
/// (spawned isolates share it: building it indexes every line of the core library).
pub fn make_isolate_sharing(
    snapshot: LoadedSnapshot,
    decoded: Decoded,
    options: IsolateOptions,
    shared_sources: Option<Arc<SourceMap>>,
) -> Result<Box<Isolate>, SnapshotError> {
    let started = std::time::Instant::now();
    let Decoded { vm, isolate: data } = decoded;
    let vm_text = &snapshot.vm_text;
    let stubs = StubAddresses {
        entry_trampoline: vm_text.code_address(vm.entry_trampoline),
        entry_exception_exit: vm_text.code_address(vm.entry_exception_exit),
        lazy_compile: vm_text.code_address(vm.lazy_compile),
        unwind: vm_text.code_address(vm.unwind),
        write_barrier: vm_text.code_address(vm.write_barrier),
    };
    let program = Arc::new(data.program);
    let mut entries = Vec::with_capacity(data.entries.len());
    let mut code = Vec::with_capacity(data.entries.len());
    for e in data.entries {
        match e.code {
            Some((at, size)) => {
                let start = snapshot.isolate_text.code_address(at);
                entries.push(start);
                code.push(Some(CodeInfo {
                    start,
                    size,
                    handlers: e.handlers,
                    positions: e.positions,
                }));
            }
            None => {
                entries.push(stubs.lazy_compile);
                code.push(None);
            }
        }
    }
    let aot = AotCode {
        keep_alive: Box::new(snapshot),
        failures: data.failures.into_iter().collect(),
    };
    let options = IsolateOptions {
        asserts: aot_asserts(&aot),
        ..options
    };
    let mut iso = Isolate::new_aot(
        program.clone(),
        shared_sources.unwrap_or_else(|| Arc::new(sources(&data.sources))),
        options,
        aot,
    );
    iso.stubs = stubs;
    iso.entries = entries;
    iso.code = code;
    iso.synthetic = data
        .synthetic
        .iter()
        .map(|s| synthetic_entry(&program, s))
        .collect();
    let n = program.functions.len() as u32;
    iso.synthetic_entries = (n..n + data.synthetic.len() as u32).collect();
    for (i, s) in data.synthetic.iter().enumerate() {
        match *s {
            SyntheticMeta::FieldGetter(slot) => {
                iso.accessor_entries.insert((slot, false), n + i as u32)
            }
            SyntheticMeta::FieldSetter(slot) => {
                iso.accessor_entries.insert((slot, true), n + i as u32)
            }
            _ => None,
        };
    }
    iso.rtt = crate::runtime::rtt::RuntimeTypes::import(data.rtt).ok_or_else(|| {
        SnapshotError("The snapshot is corrupt: its type table is inconsistent".into())
    })?;
    for shape in &data.record_shapes {
        iso.record_shapes.intern(shape);
    }
    install_tables(
        &mut iso,
        data.ic_sites,
        data.argdescs,
        data.types,
        data.positions,
    );
    iso.finish_aot_setup();
    replay_constants(&mut iso, &data.constants)?;
    if let Some(snap) = iso
        .aot
        .as_mut()
        .and_then(|a| a.keep_alive.downcast_mut::<LoadedSnapshot>())
    {
        snap.timings.isolate_us = started.elapsed().as_micros();
    }
    Ok(iso)
}

fn aot_asserts(aot: &AotCode) -> bool {
    aot.keep_alive
        .downcast_ref::<LoadedSnapshot>()
        .is_some_and(|s| s.asserts)
}

fn synthetic_entry(program: &Program, s: &SyntheticMeta) -> SyntheticEntry {
    match *s {
        SyntheticMeta::FieldGetter(slot) => SyntheticEntry::FieldGetter(slot),
        SyntheticMeta::FieldSetter(slot) => SyntheticEntry::FieldSetter(slot),
        SyntheticMeta::ReturnFirstArgument => SyntheticEntry::ReturnFirstArgument,
        SyntheticMeta::Forwarder { target, bound } => SyntheticEntry::Forwarder {
            target,
            bound,
            function: Arc::new(crate::runtime::closures::forwarder_function(
                program, target, bound,
            )),
        },
    }
}

fn install_tables(
    iso: &mut Isolate,
    sites: Vec<(crate::compiler::Selector, u32)>,
    argdescs: Vec<(u32, Vec<crate::front::intern::Symbol>, bool)>,
    types: Vec<crate::kernel::ir::DartType>,
    positions: Vec<crate::front::source::Span>,
) {
    iso.ic_table = vec![u32::MAX as u64, 0]
        .into_iter()
        .cycle()
        .take(sites.len() * crate::compiler::IC_SITE_WORDS)
        .collect();
    iso.ic_sites = sites
        .into_iter()
        .map(|(selector, argdesc)| IcSite { selector, argdesc })
        .collect();
    for (i, (positional, named, type_args)) in argdescs.into_iter().enumerate() {
        let d = ArgDesc {
            positional,
            named,
            type_args,
        };
        iso.argdesc_index.insert(d.clone(), i as u32);
        iso.argdescs.push(d);
    }
    iso.types = types;
    iso.positions = positions;
    iso.sync_tables();
}

/// Materialises the constants table in slot order, which reproduces the slots the code
/// was compiled against (a constant's elements get their slots before it does).
fn replay_constants(
    iso: &mut Isolate,
    constants: &[crate::kernel::ir::ConstId],
) -> Result<(), SnapshotError> {
    use crate::compiler::CompileContext;
    for (slot, &c) in constants.iter().enumerate() {
        match iso.constant_slot(c) {
            Ok(s) if s as usize == slot => {}
            _ => {
                return Err(SnapshotError(format!(
                    "The snapshot is corrupt: constant slot {slot} cannot be rebuilt"
                )))
            }
        }
    }
    Ok(())
}

/// The entry point of the snapshot's program.
pub fn main_function(iso: &Isolate) -> Option<FunctionId> {
    iso.program.main
}
