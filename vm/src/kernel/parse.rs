//! The one place `kernel` calls the parser, so the loader does not depend on how the
//! front end is organised. With [`keep_core_units`] on (a hot-reload session), the
//! parsed units of the embedded `dart:` files are kept: a reload re-resolves the whole
//! program but need not parse the core library again.

use crate::front::ast::CompilationUnit;
use crate::front::diagnostics::Diagnostics;
use crate::front::source::{FileId, SourceMap};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

static KEEP_CORE_UNITS: AtomicBool = AtomicBool::new(false);

/// Parsed embedded files by URI and file id: their text never changes in a process, and
/// a reload's source map keeps their ids (`SourceMap::for_reload`), so the spans inside
/// a kept unit are those the reloaded program needs. (A restart's fresh source map may
/// number them differently: that is another entry.)
static CORE_UNITS: Mutex<Option<CoreUnits>> = Mutex::new(None);

type CoreUnits = HashMap<(String, FileId), Arc<CompilationUnit>>;

/// From now on, keep the parsed units of the embedded `dart:` files for later loads.
pub fn keep_core_units() {
    KEEP_CORE_UNITS.store(true, Ordering::Relaxed);
}

/// Drops `garbage` on a thread of its own when loads are latency-bound (a hot-reload
/// session): freeing a large program's syntax trees or replaced IR takes milliseconds
/// the reload need not wait for. Otherwise drops it here.
pub fn drop_in_background<T: Send + 'static>(garbage: T) {
    if !KEEP_CORE_UNITS.load(Ordering::Relaxed) {
        return drop(garbage);
    }
    // A thread that cannot start drops its closure, and the garbage with it, here.
    let _ = std::thread::Builder::new()
        .name("dartrs-drop".into())
        .stack_size(KERNEL_DROP_STACK)
        .spawn(move || drop(garbage));
}

/// Dropping a deeply nested tree recurses: the loader's own stack size.
const KERNEL_DROP_STACK: usize = 256 << 20;

/// Parses one file into a compilation unit; syntax errors go to `diags`.
pub(crate) fn parse_file(
    sources: &SourceMap,
    file: FileId,
    diags: &mut Diagnostics,
) -> Arc<CompilationUnit> {
    let uri = &sources.get(file).uri;
    if !uri.starts_with("dart:") || !KEEP_CORE_UNITS.load(Ordering::Relaxed) {
        return Arc::new(parse_uncached(sources, file, diags));
    }
    let key = (uri.clone(), file);
    let mut kept = CORE_UNITS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(unit) = kept.as_ref().and_then(|k| k.get(&key)) {
        return unit.clone();
    }
    let first = diags.items.len();
    let unit = Arc::new(parse_uncached(sources, file, diags));
    if diags.items.len() == first {
        kept.get_or_insert_with(HashMap::new)
            .insert(key, unit.clone());
    }
    unit
}

fn parse_uncached(sources: &SourceMap, file: FileId, diags: &mut Diagnostics) -> CompilationUnit {
    let first = diags.items.len();
    let unit = crate::front::parser::parse_compilation_unit(sources, file, diags);
    if sources.get(file).uri.starts_with("dart:") {
        // Platform libraries may name a class with a built-in identifier (`dart:core`
        // declares `class Function`), as the Dart front end allows for them only.
        let mut i = first;
        while i < diags.items.len() {
            if diags.items[i].message == "Can't use 'Function' as a name here." {
                diags.items.remove(i);
            } else {
                i += 1;
            }
        }
    }
    unit
}
