//! Reading an isolate's state for the service, on the isolate's own thread at a
//! safepoint: its libraries, its stack (function names and source locations from the
//! frame walker and each function's pc → position table), its heap usage and a per-class
//! census of live objects. Nothing here runs Dart code.

use crate::front::source::Span;
use crate::kernel::ir::{FunctionKind, LibraryId};
use crate::runtime::isolate::Isolate;
use crate::runtime::object::{header_cid, object_size_words, FIRST_PROGRAM_CID};
use crate::runtime::stack::{Frame as WalkedFrame, FrameWalker};
use dartrs_devtools_protocol::types::{
    AllocationProfile, ClassHeapStats, ClassRef, CodeRef, Frame, FuncRef, FunctionOwner,
    LibraryRef, MemoryUsage, ScriptRef, SourceLocation, Stack,
};
use std::collections::BTreeMap;

/// `@Library` of library `id`.
pub fn library_ref(iso: &Isolate, id: LibraryId) -> LibraryRef {
    let uri = iso
        .program
        .libraries
        .get(id.index())
        .map_or("", |l| l.uri.as_str());
    LibraryRef::new(id.index(), "", uri)
}

/// Every library, and the root library (the one defining `main`).
pub fn libraries(iso: &Isolate) -> (Vec<LibraryRef>, Option<LibraryRef>) {
    let all = (0..iso.program.libraries.len())
        .map(|i| library_ref(iso, LibraryId(i as u32)))
        .collect();
    let root = iso
        .program
        .main
        .map(|m| library_ref(iso, iso.program.function(m).library));
    (all, root)
}

fn location(iso: &Isolate, span: Span) -> SourceLocation {
    let span = iso.sources.resolve(span);
    let file = iso.sources.get(span.file);
    let (line, column) = file.line_col(span.start);
    let script = ScriptRef::new(span.file.0 as usize, &file.uri);
    SourceLocation::new(script, span.start as i64, line, column)
}

/// `@Function` and `@Code` of the function at entry index `entry`, with its location.
fn function_ref(iso: &Isolate, entry: u32) -> Option<(FuncRef, CodeRef)> {
    let f = iso.function_for_entry(entry)?;
    let owner = match f.owner {
        Some(class) => {
            let c = &iso.program.classes[class.index()];
            let lib = library_ref(iso, c.library);
            let cid = iso.classes.cid_of(class);
            FunctionOwner::Class(ClassRef::new(cid as u64, c.name.as_str(), lib))
        }
        None => FunctionOwner::Library(library_ref(iso, f.library)),
    };
    let is_static = matches!(
        f.kind,
        FunctionKind::Static | FunctionKind::Factory | FunctionKind::FieldInitializer
    );
    let mut func = FuncRef::new(entry as u64, &f.qualified_name, owner, is_static);
    func.location = Some(location(iso, f.span));
    Some((func, CodeRef::dart(entry as u64, &f.qualified_name)))
}

/// Where the code of `entry` is at `pc`: the position recorded for that return address.
fn pc_location(iso: &Isolate, entry: u32, pc: u64) -> Option<SourceLocation> {
    let code = iso.code_info(entry)?;
    let offset = pc.checked_sub(code.start)?;
    let span = code
        .positions
        .iter()
        .find(|(o, _)| *o as u64 == offset)
        .map(|(_, s)| *s)?;
    Some(location(iso, span))
}

/// The Dart frames from the most recent exit frame outward (at most `limit`).
pub fn stack(iso: &Isolate, limit: Option<usize>) -> Stack {
    let mut frames = Vec::new();
    let mut truncated = false;
    for walked in FrameWalker::from_exit(&iso.thread) {
        let WalkedFrame::Dart { entry, pc, .. } = walked else {
            continue;
        };
        let Some((func, code)) = function_ref(iso, entry) else {
            continue;
        };
        if limit.is_some_and(|l| frames.len() >= l) {
            truncated = true;
            break;
        }
        let loc = pc_location(iso, entry, pc).or_else(|| func.location.clone());
        frames.push(Frame::regular(frames.len() as u32, func, code, loc));
    }
    Stack::new(frames, truncated)
}

/// The frame the isolate is stopped in, if it is in Dart code.
pub fn top_frame(iso: &Isolate) -> Option<Frame> {
    stack(iso, Some(1)).frames.into_iter().next()
}

pub fn memory_usage(iso: &Isolate) -> MemoryUsage {
    MemoryUsage::new(
        iso.heap.used_bytes() as i64,
        iso.heap.capacity_bytes() as i64,
        0,
    )
}

/// A census of the live objects per class. dartrs does not count allocations as they
/// happen, so the accumulated counters are reported as zero (documented in README).
pub fn allocation_profile(iso: &Isolate) -> AllocationProfile {
    let mut census: BTreeMap<u32, (i64, i64)> = BTreeMap::new();
    iso.heap.for_each_object(|v| {
        // SAFETY: `for_each_object` yields object starts with valid headers.
        let (cid, words) = unsafe {
            let h = v.header();
            (header_cid(h), object_size_words(v.addr(), h))
        };
        let entry = census.entry(cid).or_default();
        entry.0 += 1;
        entry.1 += 8 * words as i64;
    });
    let members = census
        .into_iter()
        .map(|(cid, (count, bytes))| {
            let mut stats = ClassHeapStats::new(class_ref(iso, cid));
            stats.instances_current = count;
            stats.bytes_current = bytes;
            stats
        })
        .collect();
    AllocationProfile::new(members, memory_usage(iso))
}

fn class_ref(iso: &Isolate, cid: u32) -> ClassRef {
    match iso.classes.class_of_cid(cid) {
        Some(class) => {
            let c = &iso.program.classes[class.index()];
            ClassRef::new(cid as u64, c.name.as_str(), library_ref(iso, c.library))
        }
        None => {
            let name = if cid < FIRST_PROGRAM_CID {
                format!("_VmObject{cid}")
            } else {
                format!("_Class{cid}")
            };
            ClassRef::new(cid as u64, &name, LibraryRef::new(0, "", "dart:core"))
        }
    }
}
