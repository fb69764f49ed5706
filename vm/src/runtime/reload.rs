//! Hot reload of a running JIT isolate: load the program's current sources, plan the
//! change against the running program (`kernel::reload`), and apply it. Must be called
//! at a safepoint where no Rust code holds a borrow of isolate state: between event-loop
//! turns, or at a function entry or loop back edge of running code (`ServicePoll`),
//! where the Dart frames on the stack are walkable (every slot tagged) and go on in
//! the code they started with (kept in `retired_code`).
//!
//! Applying: the isolate switches to the renumbered program; new functions get entries
//! at the lazy-compile stub; replaced functions go back to the stub (their old code is
//! kept in `retired_code` for frames and suspended `async` functions still running it);
//! every inline cache and type-test cache is cleared; static values are kept (new
//! statics start uninitialised, so they run their initialiser on first read); the class
//! table and hierarchy caches are rebuilt; instances of classes whose fields changed
//! are migrated by one collection that copies them into the new shape.

use super::classes::ClassTable;
use super::isolate::{Isolate, IsolatePtr};
use super::natives::{int_of, NResult, NativeArgs, NativeError};
use super::object::Value;
use crate::compiler::CompileContext;
use crate::front::diagnostics::Diagnostics;
use crate::front::source::SourceMap;
use crate::heap::{Morph, MorphSlot};
use crate::kernel::ir::{Library, Program};
use crate::kernel::reload::reuse::BodyReuse;
use crate::kernel::reload::{plan_reload_keeping, LayoutChange, ReloadPlan, SlotSource};
use crate::kernel::{load_program, LoadOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A reload that was applied.
#[derive(Debug, Clone)]
pub struct ReloadReport {
    /// User libraries whose source (or a part's) changed, or that are new.
    pub libraries_changed: usize,
    /// Every library of the new program (core libraries included).
    pub libraries_total: usize,
    /// Every user source file of the new program (to watch).
    pub files: Vec<PathBuf>,
}

/// Why nothing was changed.
#[derive(Debug, Clone)]
pub enum ReloadFailure {
    /// The sources have compile-time errors: the front end's diagnostics.
    CompileErrors(String),
    /// The change cannot be applied (the Dart VM's reason where it has one).
    Rejected(String),
}

/// Reloads `iso` from the sources of `root`; on failure the isolate is unchanged.
pub fn reload(
    iso: &mut Isolate,
    root: &Path,
    load: &LoadOptions,
) -> Result<ReloadReport, ReloadFailure> {
    let started = std::time::Instant::now();
    let reuse = Arc::new(BodyReuse::of(&iso.program, &iso.sources));
    let loaded = load_new(iso, root, load, Some(reuse.clone()))?;
    let kept = reuse.skipped();
    let planned = plan(iso, loaded, &kept);
    let ((sources, report, mut plan), kept) = match planned {
        Ok(done) => (done, kept.len()),
        // The edit was not what the kept bodies assumed: lower everything.
        Err(_) if !kept.is_empty() => {
            let loaded = load_new(iso, root, load, None)?;
            (plan(iso, loaded, &[])?, 0)
        }
        Err(failure) => return Err(failure),
    };
    let loaded = started.elapsed();
    let reset = std::mem::take(&mut plan.reset);
    let layouts = std::mem::take(&mut plan.layouts);
    let shared = Arc::strong_count(&iso.program) > 1;
    let mut program = Arc::try_unwrap(std::mem::take(&mut iso.program))
        .unwrap_or_else(|shared| (*shared).clone());
    plan.apply(&mut program);
    iso.program = Arc::new(program);
    iso.sources = Arc::new(sources);
    let switched = started.elapsed();
    install_entries(iso, &reset);
    clear_caches(iso);
    let cleared = started.elapsed();
    migrate_instances(iso, &layouts);
    iso.sync_tables();
    iso.reloads += 1;
    let us = |d: std::time::Duration| d.as_micros() as u64;
    tracing::debug!(
        target: "dartrs::reload",
        kept,
        front_and_plan_us = us(loaded),
        switch_us = us(switched - loaded),
        cloned = shared,
        caches_us = us(cleared - switched),
        migrate_us = us(started.elapsed() - cleared),
        "reload applied"
    );
    Ok(report)
}

/// The running program's current sources loaded as a reload does (the running core
/// library's bodies, and those `reuse` finds unchanged, are not lowered).
fn load_new(
    iso: &Isolate,
    root: &Path,
    load: &LoadOptions,
    reuse: Option<Arc<BodyReuse>>,
) -> Result<(Program, SourceMap), ReloadFailure> {
    let mut sources = iso.sources.for_reload();
    let mut diags = Diagnostics::new();
    // Fields added to live instances run their initialiser function on first read; the
    // running program's core library is kept, bodies and code (`plan_reload`).
    let load = LoadOptions {
        instance_field_initializers: true,
        skip_core_bodies: true,
        reuse_bodies: reuse,
        ..load.clone()
    };
    match load_program(root, &load, &mut sources, &mut diags) {
        Some(p) if !diags.has_errors() => Ok((p, sources)),
        _ => Err(ReloadFailure::CompileErrors(diags.render(&sources))),
    }
}

/// Plans the switch of `iso` to `new` (whose functions `kept` keep the running ones).
fn plan(
    iso: &Isolate,
    (new, sources): (Program, SourceMap),
    kept: &[crate::kernel::ir::FunctionId],
) -> Result<(SourceMap, ReloadReport, ReloadPlan), ReloadFailure> {
    let report = ReloadReport {
        libraries_changed: changed_libraries(&iso.program, &iso.sources, &new, &sources),
        libraries_total: new.libraries.len(),
        files: user_files(&new, &sources),
    };
    let entry_count = iso.entries.len() as u32;
    let plan = plan_reload_keeping(&iso.program, new, entry_count, kept)
        .map_err(|r| ReloadFailure::Rejected(r.0))?;
    Ok((sources, report, plan))
}

/// The user source files (defining units and parts) of `program`.
pub fn user_files(program: &Program, sources: &SourceMap) -> Vec<PathBuf> {
    program
        .libraries
        .iter()
        .filter(|l| !l.uri.starts_with("dart:"))
        .flat_map(|l| std::iter::once(l.file).chain(l.parts.iter().copied()))
        .filter_map(|f| sources.get(f).path.clone())
        .collect()
}

fn library_texts<'a>(l: &Library, sources: &'a SourceMap) -> Vec<&'a str> {
    std::iter::once(l.file)
        .chain(l.parts.iter().copied())
        .map(|f| &*sources.get(f).text)
        .collect()
}

fn changed_libraries(
    old: &Program,
    old_sources: &SourceMap,
    new: &Program,
    new_sources: &SourceMap,
) -> usize {
    new.libraries
        .iter()
        .filter(|l| !l.uri.starts_with("dart:"))
        .filter(|l| match old.libraries.iter().find(|o| o.uri == l.uri) {
            None => true,
            Some(o) => library_texts(o, old_sources) != library_texts(l, new_sources),
        })
        .count()
}

/// Entries for new functions; replaced functions back to the lazy-compile stub.
fn install_entries(iso: &mut Isolate, reset: &[crate::kernel::ir::FunctionId]) {
    let lazy = iso.stubs.lazy_compile;
    let n = iso.program.functions.len();
    while iso.entries.len() < n {
        iso.entries.push(lazy);
        iso.code.push(None);
    }
    for f in reset {
        if let Some(code) = iso.code[f.index()].take() {
            iso.retired_code.push((f.0, code));
        }
        iso.entries[f.index()] = lazy;
    }
    let sentinel = iso.thread.uninitialized_static;
    iso.statics.resize(iso.program.fields.len(), sentinel);
}

/// Inline caches, type-test caches, parameter plans, member lookups and subtype answers
/// may all depend on the old program.
fn clear_caches(iso: &mut Isolate) {
    for way in iso.ic_table.chunks_mut(2) {
        way[0] = u32::MAX as u64;
        way[1] = 0;
    }
    iso.param_plans.clear();
    iso.classes = ClassTable::new(&iso.program);
    iso.rtt.clear_hierarchy_caches();
}

/// Copies every live instance of a reshaped class into its new layout: fields kept by
/// name, removed fields dropped, added fields set to their constant initialiser, to null
/// (no initialiser), or to the not-yet-initialised sentinel their getter replaces by the
/// initialiser's value on first read ([`lazy_field`]).
fn migrate_instances(iso: &mut Isolate, layouts: &[LayoutChange]) {
    if layouts.is_empty() {
        return;
    }
    let null = iso.null().0;
    let uninitialized = iso.thread.uninitialized_static;
    let mut morph = Morph::default();
    for change in layouts {
        let slots = change
            .slots
            .iter()
            .map(|s| match *s {
                SlotSource::Old(i) => MorphSlot::Old(i as usize, null),
                SlotSource::Constant(c) => MorphSlot::Value(
                    iso.constant_slot(c)
                        .ok()
                        .and_then(|slot| iso.constants.get(slot as usize).copied())
                        .unwrap_or(null),
                ),
                SlotSource::Null => MorphSlot::Value(null),
                SlotSource::Lazy => MorphSlot::Value(uninitialized),
            })
            .collect();
        morph
            .classes
            .insert(iso.classes.cid_of(change.class), slots);
    }
    iso.collect_morphing(&morph);
}

/// Registers the natives a reload's synthesised members call.
pub fn register_natives(r: &mut super::natives::NativeRegistry) {
    r.add(crate::kernel::reload::LAZY_FIELD_NATIVE, lazy_field);
}

/// `(receiver, field id)`: the getter of a field a reload added to live instances
/// (`kernel::reload::LAZY_FIELD_NATIVE`). A migrated instance holds the sentinel until
/// the first read runs the field's initialiser (again on the next read if it threw, as
/// nothing was stored); instances made by the new code have the value already.
fn lazy_field(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let i = p.get();
    let program = i.program.clone();
    let field = int_of(a.get(1))
        .and_then(|f| u32::try_from(f).ok())
        .and_then(|f| program.fields.get(f as usize));
    let Some(field) = field else {
        return Err(NativeError::Unsupported(
            "internal error: a reloaded field's getter names no field".into(),
        ));
    };
    let slot = field.slot as usize;
    // SAFETY: the getter is a member of the receiver's class, whose instances have the
    // field's slot.
    let value = unsafe { a.get(0).slot(slot) };
    if value != i.thread.uninitialized_static {
        return Ok(Value(value));
    }
    let value = match field.initializer {
        None => i.null(),
        Some(init) => {
            let desc = i.argdesc_for(0, &[]);
            // No borrow of the isolate is held across the call.
            Isolate::invoke(p, init.0, &[], desc).map_err(|_| NativeError::Pending)?
        }
    };
    // SAFETY: as above; the receiver is re-read (a collection may have moved it) and
    // nothing allocates between the initialiser's return and the store.
    unsafe { a.get(0).set_slot(slot, value.0) };
    Ok(value)
}
