//! Whole-program AOT compilation: tree-shake the program, compile every reachable
//! function (and the forwarders and accessor stubs the runtime would otherwise make on
//! demand) with the JIT's own emitter, lay the code out contiguously, and describe it in
//! the metadata the loader needs.
//!
//! Compilation runs in a build isolate so that the emitter's callbacks (inline-cache
//! sites, argument descriptors, type and constant slots) fill the same tables the
//! runtime will use; the snapshot records those tables, and the loader rebuilds them in
//! the same order, so every index baked into the code means the same thing at run time.

use super::cha::Hierarchy;
use super::format::*;
use super::shake;
use crate::compiler::x64::stubs;
use crate::front::source::SourceMap;
use crate::kernel::ir::Program;
use crate::runtime::isolate::{Fatal, Isolate, IsolateOptions, SyntheticEntry};
use std::sync::Arc;

/// Alignment of each function in the instructions (as the JIT's code heap).
const CODE_ALIGN: usize = 32;

/// How to build a snapshot.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    pub features: Features,
    pub trace_compiler: bool,
}

/// The four blobs of a snapshot, and figures about it.
pub struct SnapshotImage {
    pub vm_data: Vec<u8>,
    pub vm_instructions: Vec<u8>,
    pub isolate_data: Vec<u8>,
    pub isolate_instructions: Vec<u8>,
    pub stats: BuildStats,
    /// Instruction bytes per compiled function (and forwarder).
    pub function_sizes: Vec<FunctionSize>,
    /// What class hierarchy analysis made of each instance call site whose receiver has
    /// a class type, in compilation order.
    pub call_sites: Vec<CallSite>,
}

/// One instance call site on a receiver of class type, and how it was compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSite {
    /// The receiver's static class.
    pub receiver: String,
    /// `name` (method), `get:name` or `set:name`.
    pub selector: String,
    /// `dynamic` (inline cache), `call <function>`, `load slot <n>`, `store slot <n>` or
    /// `constant`.
    pub compiled_as: String,
}

/// One compiled function's instructions, in the format of the Dart VM's
/// `--print-instructions-sizes-to` (library, class, name, size).
#[derive(Debug, Clone, serde::Serialize)]
pub struct FunctionSize {
    #[serde(rename = "l")]
    pub library: String,
    #[serde(rename = "c")]
    pub class: String,
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "s")]
    pub size: usize,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct BuildStats {
    pub functions_total: usize,
    pub functions_compiled: usize,
    pub forwarders: usize,
    pub compile_failures: usize,
    /// Instance call sites compiled without dispatch (class hierarchy analysis).
    pub devirtualized_calls: usize,
    /// Instance call sites on receivers of class type kept dynamic, and sites whose
    /// receiver has no class type.
    pub dynamic_calls: usize,
    pub untyped_calls: usize,
}

/// Compiles `program` ahead of time.
pub fn build(
    program: Arc<Program>,
    sources: Arc<SourceMap>,
    options: BuildOptions,
) -> Result<SnapshotImage, String> {
    let reach = shake::reachable(&program);
    let iso_options = IsolateOptions {
        trace_compiler: options.trace_compiler,
        asserts: options.features.asserts,
        ..IsolateOptions::default()
    };
    let mut iso = Isolate::new(program.clone(), sources.clone(), iso_options)?;
    iso.build_code = Some(Default::default());
    iso.cha = Some(Box::new(Hierarchy::new(&program, &reach, &iso)));
    let mut failures = Vec::new();
    for f in reach.live_functions() {
        record(iso.compile(f.0), f.0, &mut failures)?;
    }
    let statics = reach.static_tear_offs.iter().map(|&f| (f, false));
    let bound = reach.bound_tear_offs.iter().map(|&f| (f, true));
    for (target, is_bound) in statics.chain(bound) {
        let next = iso.entries.len() as u32;
        record(iso.forwarder_entry(target, is_bound), next, &mut failures)?;
    }
    add_accessor_stubs(&mut iso)?;
    let call_sites = call_site_report(&iso);
    let stats = BuildStats {
        functions_total: program.functions.len(),
        functions_compiled: reach.live_functions().count(),
        forwarders: reach.static_tear_offs.len() + reach.bound_tear_offs.len(),
        compile_failures: failures.len(),
        devirtualized_calls: call_sites
            .iter()
            .filter(|s| s.compiled_as != "dynamic")
            .count(),
        dynamic_calls: call_sites
            .iter()
            .filter(|s| s.compiled_as == "dynamic")
            .count(),
        untyped_calls: iso.cha.as_ref().map_or(0, |c| c.untyped_sites),
    };
    if options.trace_compiler {
        eprintln!(
            "[cha] instance call sites: {} direct, {} dynamic on class types, {} untyped",
            stats.devirtualized_calls, stats.dynamic_calls, stats.untyped_calls
        );
    }
    let mut image = write_image(&iso, &sources, failures, options.features, stats)?;
    image.call_sites = call_sites;
    Ok(image)
}

fn call_site_report(iso: &Isolate) -> Vec<CallSite> {
    use crate::compiler::{DirectTarget, Selector};
    let Some(cha) = &iso.cha else {
        return Vec::new();
    };
    let p = &iso.program;
    cha.decisions
        .iter()
        .map(|d| CallSite {
            receiver: p.class(d.receiver).name.as_str().to_string(),
            selector: match d.selector {
                Selector::Method(n) => n.as_str().to_string(),
                Selector::Getter(n) => format!("get:{n}"),
                Selector::Setter(n) => format!("set:{n}"),
            },
            compiled_as: match d.result {
                None => "dynamic".to_string(),
                Some(DirectTarget::Call(f)) => format!("call {}", p.function(f).qualified_name),
                Some(DirectTarget::LoadField(slot)) => format!("load slot {slot}"),
                Some(DirectTarget::StoreField(slot)) => format!("store slot {slot}"),
                Some(DirectTarget::Constant(_)) => "constant".to_string(),
            },
        })
        .collect()
}

/// Keeps going past a function the emitter cannot compile (the JIT reports it when the
/// function is first called; the snapshot reports it then, too).
fn record<T>(
    result: Result<T, Fatal>,
    index: u32,
    failures: &mut Vec<(u32, crate::compiler::CompileError)>,
) -> Result<(), String> {
    match result {
        Ok(_) => Ok(()),
        Err(Fatal::Compile(e)) => {
            failures.push((index, e));
            Ok(())
        }
        Err(Fatal::Internal(m)) => Err(m),
    }
}

/// Implicit field getters/setters for every slot any class has, and the identity stub:
/// the runtime picks among these when an inline cache resolves to a field.
fn add_accessor_stubs(iso: &mut Isolate) -> Result<(), String> {
    let max_slots = (0..iso.program.classes.len())
        .map(|c| {
            iso.classes
                .instance_slots(crate::kernel::ir::ClassId(c as u32))
        })
        .max()
        .unwrap_or(0);
    let internal = |f: Fatal| match f {
        Fatal::Internal(m) => m,
        Fatal::Compile(e) => e.message,
    };
    for slot in 0..max_slots {
        iso.accessor_entry(slot, false).map_err(internal)?;
        iso.accessor_entry(slot, true).map_err(internal)?;
    }
    iso.return_first_argument_entry().map_err(internal)?;
    Ok(())
}

fn write_image(
    iso: &Isolate,
    sources: &SourceMap,
    failures: Vec<(u32, crate::compiler::CompileError)>,
    features: Features,
    stats: BuildStats,
) -> Result<SnapshotImage, String> {
    let (vm_instructions, vm) = vm_stubs();
    let vm_data = write_blob(
        BlobKind::Vm,
        features,
        &postcard::to_allocvec(&vm).map_err(|e| e.to_string())?,
    );
    let (isolate_instructions, entries) = lay_out_code(iso);
    let function_sizes = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let (_, size) = e.code?;
            let f = iso.function_for_entry(i as u32)?;
            let class = f.owner.map_or(String::new(), |c| {
                iso.program.class(c).name.as_str().to_string()
            });
            Some(FunctionSize {
                library: iso.program.libraries.get(f.library.index())?.uri.clone(),
                class,
                name: f.qualified_name.clone(),
                size: size as usize,
            })
        })
        .collect();
    let data = IsolateData {
        program: &*iso.program,
        sources: source_metas(sources),
        entries,
        synthetic: iso.synthetic.iter().map(synthetic_meta).collect(),
        ic_sites: iso
            .ic_sites
            .iter()
            .map(|s| (s.selector, s.argdesc))
            .collect(),
        argdescs: iso
            .argdescs
            .iter()
            .map(|d| (d.positional, d.named.clone(), d.type_args))
            .collect(),
        types: iso.types.clone(),
        rtt: iso.rtt.export(),
        record_shapes: iso.record_shapes.all().to_vec(),
        constants: constants_in_slot_order(iso),
        positions: iso.positions.clone(),
        failures,
        text_checksum: checksum(&isolate_instructions),
    };
    let payload = postcard::to_allocvec(&data).map_err(|e| e.to_string())?;
    Ok(SnapshotImage {
        vm_data,
        vm_instructions,
        isolate_data: write_blob(BlobKind::Isolate, features, &payload),
        isolate_instructions,
        stats,
        function_sizes,
        call_sites: Vec::new(),
    })
}

/// The VM instructions: the stubs every isolate shares.
fn vm_stubs() -> (Vec<u8>, VmData) {
    let mut text = Vec::new();
    let (trampoline, exit) = stubs::entry_trampoline();
    let entry_trampoline = append(&mut text, &trampoline);
    let lazy_compile = append(&mut text, &stubs::lazy_compile_stub());
    let unwind = append(&mut text, &stubs::unwind_stub());
    let write_barrier = append(&mut text, &stubs::write_barrier_stub());
    let vm = VmData {
        entry_trampoline,
        entry_exception_exit: entry_trampoline + exit,
        lazy_compile,
        unwind,
        write_barrier,
        text_checksum: checksum(&text),
    };
    (text, vm)
}

fn append(text: &mut Vec<u8>, code: &[u8]) -> u32 {
    text.resize(text.len().div_ceil(CODE_ALIGN) * CODE_ALIGN, 0xcc);
    let at = text.len() as u32;
    text.extend_from_slice(code);
    at
}

/// Every entry's code, contiguous (padding is `int3`), with its handlers and positions.
fn lay_out_code(iso: &Isolate) -> (Vec<u8>, Vec<EntryMeta>) {
    let mut text = Vec::new();
    let empty = Default::default();
    let kept = iso.build_code.as_ref().unwrap_or(&empty);
    let mut entries = Vec::with_capacity(iso.entries.len());
    for index in 0..iso.entries.len() as u32 {
        let mut meta = EntryMeta::default();
        if let Some(code) = kept.get(&index) {
            let at = append(&mut text, code);
            meta.code = Some((at, code.len() as u32));
            if let Some(info) = iso.code_info(index) {
                meta.handlers = info.handlers.clone();
                meta.positions = info.positions.clone();
            }
        }
        entries.push(meta);
    }
    (text, entries)
}

fn synthetic_meta(s: &SyntheticEntry) -> SyntheticMeta {
    match s {
        SyntheticEntry::FieldGetter(slot) => SyntheticMeta::FieldGetter(*slot),
        SyntheticEntry::FieldSetter(slot) => SyntheticMeta::FieldSetter(*slot),
        SyntheticEntry::ReturnFirstArgument => SyntheticMeta::ReturnFirstArgument,
        SyntheticEntry::Forwarder { target, bound, .. } => SyntheticMeta::Forwarder {
            target: *target,
            bound: *bound,
        },
    }
}

fn constants_in_slot_order(iso: &Isolate) -> Vec<crate::kernel::ir::ConstId> {
    let mut by_slot: Vec<_> = iso.constant_slots.iter().map(|(&c, &s)| (s, c)).collect();
    by_slot.sort();
    by_slot.into_iter().map(|(_, c)| c).collect()
}

/// Source files; the embedded core libraries travel without their text.
fn source_metas(sources: &SourceMap) -> Vec<SourceMeta> {
    sources
        .files()
        .map(|f| SourceMeta {
            uri: f.uri.clone(),
            display_path: f.display_path.clone(),
            path: f.path.as_ref().map(|p| p.to_string_lossy().into_owned()),
            text: crate::kernel::loader::embedded_source(&f.uri)
                .filter(|t| **t == *f.text)
                .is_none()
                .then(|| f.text.to_string()),
        })
        .collect()
}
