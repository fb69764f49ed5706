//! The one place `kernel` calls the parser, so the loader does not depend on how the
//! front end is organised. With [`keep_core_units`] on (a hot-reload session), the
//! parsed units of the embedded `dart:` files are kept: a reload re-resolves the whole
//! program but need not parse the core library again. The last error-free tree of each
//! user file is kept too: a reload reparses only the declarations an edit touched
//! (`front::parser::incremental`).

use crate::front::ast::CompilationUnit;
use crate::front::diagnostics::Diagnostics;
use crate::front::parser::incremental::reparse;
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

/// The last error-free tree of each user file by URI, with the text it was parsed from.
static USER_UNITS: Mutex<Option<UserUnits>> = Mutex::new(None);

type UserUnits = HashMap<String, (Arc<str>, Arc<CompilationUnit>)>;

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
    if !KEEP_CORE_UNITS.load(Ordering::Relaxed) {
        return Arc::new(parse_uncached(sources, file, diags));
    }
    if !uri.starts_with("dart:") {
        return parse_user_file(sources, file, diags);
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

/// Parses a user file of a hot session, from its previous tree where the edit allows.
fn parse_user_file(
    sources: &SourceMap,
    file: FileId,
    diags: &mut Diagnostics,
) -> Arc<CompilationUnit> {
    let source = sources.get(file);
    let previous = lock_user_units()
        .as_mut()
        .and_then(|units| units.remove(&source.uri));
    let reparsed = previous.and_then(|(old_text, old)| {
        let started = std::time::Instant::now();
        // The loads that used the previous tree have dropped it by now; if one has not,
        // its copy is still cheaper than parsing.
        let shared = Arc::strong_count(&old) > 1;
        let old = Arc::try_unwrap(old).unwrap_or_else(|shared| (*shared).clone());
        if *old_text == *source.text {
            let mut unit = old;
            crate::front::span_map::move_spans(&mut unit, file, 0);
            return Some(unit);
        }
        let (unit, reuse) = reparse(&source.text, file, &old_text, old).ok()?;
        tracing::debug!(
            target: "dartrs::front",
            leading = reuse.leading,
            trailing = reuse.trailing,
            parsed = reuse.parsed,
            shared,
            micros = started.elapsed().as_micros() as u64,
            "reparsed"
        );
        Some(unit)
    });
    let first = diags.items.len();
    let unit = Arc::new(match reparsed {
        Some(unit) => unit,
        None => parse_uncached(sources, file, diags),
    });
    if diags.items.len() == first {
        lock_user_units()
            .get_or_insert_with(HashMap::new)
            .insert(source.uri.clone(), (source.text.clone(), unit.clone()));
    }
    unit
}

fn lock_user_units() -> std::sync::MutexGuard<'static, Option<UserUnits>> {
    USER_UNITS.lock().unwrap_or_else(|p| p.into_inner())
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
