//! Loading a snapshot: map the file (no dlopen, no relocation pass), check the ELF
//! structure and both headers, map the instructions read+execute, decode the metadata and
//! build an isolate that runs the snapshot's code with no compiler.
//!
//! The whole file is mapped read-only (the data is read in place); the executable
//! segment is mapped a second time, read+execute. No mapping is ever writable.

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

/// Where a snapshot is: a whole file, or a byte range of one (an executable made by
/// `dartrs compile exe` carries its snapshot at its end).
#[derive(Clone, Debug)]
pub struct SnapshotSource {
    pub path: PathBuf,
    pub offset: u64,
    pub len: Option<u64>,
}

impl SnapshotSource {
    pub fn file(path: &Path) -> SnapshotSource {
        SnapshotSource {
            path: path.to_path_buf(),
            offset: 0,
            len: None,
        }
    }
}

/// A mapped, checked snapshot, ready to become an isolate.
pub struct LoadedSnapshot {
    /// The snapshot, read-only.
    data: Mmap,
    /// The executable segment, read+execute.
    text: Mmap,
    located: elf::Located,
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
    let file = File::open(&source.path).map_err(|e| io_error(&source.path, e))?;
    let file_len = file
        .metadata()
        .map_err(|e| io_error(&source.path, e))?
        .len();
    let len = source
        .len
        .unwrap_or_else(|| file_len.saturating_sub(source.offset));
    if source
        .offset
        .checked_add(len)
        .is_none_or(|end| end > file_len)
        || len < 64
    {
        return Err(SnapshotError(
            "Invalid snapshot: the file is too short to be one".into(),
        ));
    }
    let len = usize::try_from(len).map_err(|_| SnapshotError("snapshot too large".into()))?;
    // SAFETY: a private read-only mapping of a file we opened; we only read it through the
    // bounds-checked parsers below. (A file truncated by another process while mapped
    // would fault on access, as for any mapped file; we never write to it.)
    let data = unsafe { MmapOptions::new().offset(source.offset).len(len).map(&file) }
        .map_err(|e| io_error(&source.path, e))?;
    let located = elf::locate(&data).map_err(SnapshotError)?;
    let vm = read_blob(slice(&data, located.vm_data), BlobKind::Vm, mode)?;
    let iso = read_blob(slice(&data, located.isolate_data), BlobKind::Isolate, mode)?;
    if vm.features != iso.features {
        return Err(SnapshotError(
            "Invalid snapshot: the VM and isolate data disagree on features".into(),
        ));
    }
    let seg = located.text_segment;
    // SAFETY: maps the range `locate` checked lies inside the file, read+execute and
    // never writable; the code in it is position-independent and needs no relocation.
    let text = unsafe {
        MmapOptions::new()
            .offset(source.offset + seg.offset as u64)
            .len(seg.len)
            .map_exec(&file)
    }
    .map_err(|e| io_error(&source.path, e))?;
    let (features, asserts) = (iso.features, iso.asserts);
    Ok(LoadedSnapshot {
        data,
        text,
        located,
        features,
        asserts,
        timings: LoadTimings {
            map_and_check_us: started.elapsed().as_micros(),
            ..LoadTimings::default()
        },
    })
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
    fn instructions(&self, r: Range) -> &[u8] {
        slice(&self.text, r)
    }

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
        let vm_blob = read_blob(slice(&self.data, self.located.vm_data), BlobKind::Vm, mode)?;
        let vm: VmData = postcard::from_bytes(vm_blob.payload).map_err(corrupt)?;
        let iso_blob = read_blob(
            slice(&self.data, self.located.isolate_data),
            BlobKind::Isolate,
            mode,
        )?;
        let isolate: IsolateData<Program> =
            postcard::from_bytes(iso_blob.payload).map_err(corrupt)?;
        let vm_text = self.instructions(self.located.vm_instructions);
        let iso_text = self.instructions(self.located.isolate_instructions);
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

    /// Address at which offset `at` of blob `r` (in the text segment) executes.
    fn code_address(&self, r: Range, at: u32) -> u64 {
        self.text.as_ptr() as u64 + r.offset as u64 + at as u64
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
    let sites_ok = iso
        .ic_sites
        .iter()
        .all(|&(_, d)| (d as usize) < iso.argdescs.len() || d == 0);
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
    let vm_r = snapshot.located.vm_instructions;
    let iso_r = snapshot.located.isolate_instructions;
    let stubs = StubAddresses {
        entry_trampoline: snapshot.code_address(vm_r, vm.entry_trampoline),
        entry_exception_exit: snapshot.code_address(vm_r, vm.entry_exception_exit),
        lazy_compile: snapshot.code_address(vm_r, vm.lazy_compile),
        unwind: snapshot.code_address(vm_r, vm.unwind),
        write_barrier: snapshot.code_address(vm_r, vm.write_barrier),
    };
    let program = Arc::new(data.program);
    let mut entries = Vec::with_capacity(data.entries.len());
    let mut code = Vec::with_capacity(data.entries.len());
    for e in data.entries {
        match e.code {
            Some((at, size)) => {
                let start = snapshot.code_address(iso_r, at);
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
