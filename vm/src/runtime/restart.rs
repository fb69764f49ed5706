//! Hot restart that keeps the isolate's compiled code: after a run ended (`main` and the
//! event loop returned, or a restart unwound every frame), [`reset`] drops everything
//! the run made — static values, every object not immortal, ports, timers and pending
//! deliveries, the exit code — so that running `main` again behaves as in a fresh
//! isolate, while the program, its entry table and code, and the tables that code
//! indexes (constants, inline-cache sites, argument descriptors, types, class ids) stay.
//!
//! [`restart`] then brings the program up to date with the sources: when no source
//! file (or the package configuration) changed, nothing else happens — no front end,
//! no compilation; otherwise the edit is applied exactly as a hot reload
//! (`runtime::reload`: changed functions go back to the lazy-compile stub, unchanged
//! ones keep their code, ids stay stable). A reload that is rejected (a change the
//! running program cannot take in place) makes the caller fall back to a new isolate.

use super::inbox::Inbox;
use super::isolate::Isolate;
use super::output::Output;
use super::reload::{reload, ReloadFailure, ReloadReport};
use crate::front::source::SourceMap;
use crate::kernel::ir::Program;
use crate::kernel::LoadOptions;
use std::path::{Path, PathBuf};

/// How a restart brought the kept isolate up to date.
#[derive(Debug)]
pub enum Restarted {
    /// No source changed: the program and all its code are reused as they are.
    Unchanged,
    /// The edits were applied as a hot reload (unchanged functions keep their code).
    Reloaded(ReloadReport),
}

/// Makes `iso`, whose run has ended (no Dart frame on the stack), ready to run `main`
/// again from a clean state; its program and code are kept.
pub fn reset(iso: &mut Isolate) {
    iso.out.flush();
    // The service attaches a new agent (and output tap) to the next run.
    iso.out = Output::new();
    iso.agent = None;
    iso.loop_host = None;
    if let Some(control) = iso.control.take() {
        control.unregister();
    }
    // Deliveries still in flight (I/O threads of the old run) go to the old inbox.
    iso.inbox = Inbox::new();
    iso.event_sources = 0;
    iso.ports.clear();
    iso.terminating = false;
    iso.exit_code = 0;
    iso.handles.clear();
    iso.send_index = None;
    iso.next_identity_hash = Isolate::FIRST_IDENTITY_HASH;
    // No frame can run retired code any more (no frame and no suspended function is left).
    iso.retired_code.clear();
    let sentinel = iso.thread.uninitialized_static;
    iso.statics.iter_mut().for_each(|s| *s = sentinel);
    iso.thread.clear_pending_exception();
    iso.thread.service_interrupt = 0;
    // With no static set and no frame, only immortal objects and cached tear-offs stay.
    iso.collect_morphing(&crate::heap::Morph::default());
}

/// The package configuration a program was loaded with: its path and contents (a
/// change of it alone can change what `package:` imports mean).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PackageConfig(Option<(PathBuf, Option<Vec<u8>>)>);

impl PackageConfig {
    /// The configuration the loader would use for `root` now.
    pub fn now(root: &Path, load: &LoadOptions) -> PackageConfig {
        PackageConfig(
            crate::driver::package_config(root, load.packages.as_deref()).map(|path| {
                let bytes = std::fs::read(&path).ok();
                (path, bytes)
            }),
        )
    }
}

/// Brings the reset isolate `iso` up to date with the sources of `root` (see the module
/// doc); `loaded_with` is the package configuration its program was loaded with (kept
/// up to date here). `Err` when the edits do not compile, or cannot be applied to it
/// (then nothing changed, and a new isolate is the way to restart).
pub fn restart(
    iso: &mut Isolate,
    root: &Path,
    load: &LoadOptions,
    loaded_with: &mut PackageConfig,
) -> Result<Restarted, ReloadFailure> {
    let packages = PackageConfig::now(root, load);
    if packages == *loaded_with
        && sources_unchanged(&iso.program, &iso.sources)
        && runs_root(iso, root)
    {
        return Ok(Restarted::Unchanged);
    }
    let report = reload(iso, root, load)?;
    *loaded_with = packages;
    Ok(Restarted::Reloaded(report))
}

/// Whether every user source file of `program` still has the text it was loaded from (a
/// new import or part can only come from an edit of one of them). The source map also
/// holds the versions earlier reloads replaced: only the program's own files count.
fn sources_unchanged(program: &Program, sources: &SourceMap) -> bool {
    program
        .libraries
        .iter()
        .filter(|l| !l.uri.starts_with("dart:"))
        .flat_map(|l| std::iter::once(l.file).chain(l.parts.iter().copied()))
        .all(|id| {
            let f = sources.get(id);
            match &f.path {
                Some(path) => std::fs::read(path).is_ok_and(|bytes| *bytes == *f.text.as_bytes()),
                None => false,
            }
        })
}

/// Whether the program's `main` is in the library `root` loads as (a `reloadSources`
/// may have loaded another root library, which a restart does not keep).
fn runs_root(iso: &Isolate, root: &Path) -> bool {
    let program = &iso.program;
    program.main.is_some_and(|main| {
        let library = program.function(main).library;
        program
            .libraries
            .get(library.0 as usize)
            .is_some_and(|l| l.uri == crate::kernel::loader::root_uri(root))
    })
}
