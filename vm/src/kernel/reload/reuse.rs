//! Which function bodies a reload need not lower again. When an edit changed only the
//! inside of one function body, every declaration of the program is as before, and so
//! is the lowering of every other body (Dart infers no declaration's type from a
//! function body: a function without a return type returns `dynamic`). Such bodies are
//! skipped by the resolver (`LoadOptions::reuse_bodies`) and the reload keeps the running
//! functions, IR and code, as it keeps the core library's (`plan_reload`).
//!
//! Kept bodies carry spans into the running program's version of their file (kept in the
//! source map, `SourceMap::for_reload`); their text is unchanged in the new version,
//! where `SourceMap::resolve` finds it for stack traces (a function after the edit has
//! moved). Everything is lowered as usual when more than one file changed, a file was
//! added or removed, or the edit is not inside one body.
//!
//! The edited body is recognised from the texts and both parses: with `P` the length of
//! the common prefix of the old and new text and `S` of the common suffix, a function
//! of the new parse whose body starts before `P` and ends after `len - S`, and a
//! function of the running program with the same start whose end is the same suffix
//! position in the old text. The text outside those two declarations is identical, so
//! every other declaration parses the same.

use crate::front::ast;
use crate::front::source::{FileId, SourceMap, Span};
use crate::kernel::ir::{FunctionId, FunctionKind, Program};
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What the running program was loaded from, for one reload's resolver to compare with
/// the sources it loads.
#[derive(Debug, Default)]
pub struct BodyReuse {
    /// Every user library: its URI and the paths of its files (defining unit first).
    libraries: Vec<(String, Vec<PathBuf>)>,
    files: FxHashMap<PathBuf, OldFile>,
    /// The new program's functions whose bodies the resolver did not lower.
    skipped: Mutex<Vec<FunctionId>>,
}

#[derive(Debug)]
struct OldFile {
    text: Arc<str>,
    /// Spans (start, end) of the declared (non-closure) functions of the file.
    declarations: FxHashSet<(u32, u32)>,
}

impl BodyReuse {
    /// The running program `old`, loaded from `sources`.
    pub fn of(old: &Program, sources: &SourceMap) -> BodyReuse {
        let path = |f: FileId| sources.get(f).path.clone();
        let mut files: FxHashMap<FileId, (PathBuf, OldFile)> = FxHashMap::default();
        let mut libraries = Vec::new();
        for l in old.libraries.iter().filter(|l| !l.uri.starts_with("dart:")) {
            let ids: Vec<FileId> = std::iter::once(l.file)
                .chain(l.parts.iter().copied())
                .collect();
            let paths: Option<Vec<PathBuf>> = ids.iter().map(|&f| path(f)).collect();
            let Some(paths) = paths else {
                // A file from memory: nothing to compare with.
                return BodyReuse::default();
            };
            for (&id, p) in ids.iter().zip(&paths) {
                let text = sources.get(id).text.clone();
                let declarations = FxHashSet::default();
                files.insert(id, (p.clone(), OldFile { text, declarations }));
            }
            libraries.push((l.uri.clone(), paths));
        }
        for f in old
            .functions
            .iter()
            .filter(|f| f.kind != FunctionKind::Closure)
        {
            // A function kept by an earlier reload points into an older version.
            let span = sources.resolve(f.span);
            if let Some((_, file)) = files.get_mut(&span.file) {
                file.declarations.insert((span.start, span.end));
            }
        }
        libraries.sort();
        BodyReuse {
            libraries,
            files: files.into_values().collect(),
            skipped: Mutex::default(),
        }
    }

    /// The functions among `declared` (the new program's declared functions with a body,
    /// and their declarations) whose bodies need not be lowered; recorded for
    /// [`BodyReuse::skipped`].
    pub(crate) fn select<'d>(
        &self,
        new: &Program,
        sources: &SourceMap,
        declared: impl Iterator<Item = (FunctionId, &'d ast::FunctionDecl)> + Clone,
    ) -> FxHashSet<FunctionId> {
        let Some(files) = self.same_files(new, sources) else {
            return FxHashSet::default();
        };
        let changed: Vec<(FileId, &OldFile)> = files
            .iter()
            .filter(|(id, old)| *sources.get(*id).text != *old.text)
            .map(|(id, old)| (*id, *old))
            .collect();
        // The edited file and the span of the edited declaration: all others are kept.
        let edited = match changed.as_slice() {
            [] => None,
            [(id, old)] => {
                let Some(span) = edited_declaration(*id, old, sources, declared.clone()) else {
                    return FxHashSet::default();
                };
                Some(span)
            }
            _ => return FxHashSet::default(),
        };
        let unchanged: FxHashSet<FileId> = files
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| edited.is_none_or(|e| e.file != *id))
            .collect();
        let selected: FxHashSet<FunctionId> = declared
            .filter(|(_, d)| {
                unchanged.contains(&d.span.file)
                    || edited.is_some_and(|e| {
                        d.span.file == e.file && (d.span.end <= e.start || d.span.start >= e.end)
                    })
            })
            .map(|(f, _)| f)
            .collect();
        let mut skipped = self.skipped.lock().unwrap_or_else(|p| p.into_inner());
        skipped.extend(selected.iter().copied());
        selected
    }

    /// The new program's functions whose bodies were not lowered (their running versions
    /// are kept).
    pub fn skipped(&self) -> Vec<FunctionId> {
        let mut v = self
            .skipped
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        v.sort();
        v
    }

    /// The new program's user files paired with the running program's versions, when
    /// both have the same libraries made of the same files.
    fn same_files(&self, new: &Program, sources: &SourceMap) -> Option<Vec<(FileId, &OldFile)>> {
        let mut libraries = Vec::new();
        let mut files = Vec::new();
        for l in new.libraries.iter().filter(|l| !l.uri.starts_with("dart:")) {
            let mut paths = Vec::new();
            for id in std::iter::once(l.file).chain(l.parts.iter().copied()) {
                let path = sources.get(id).path.clone()?;
                files.push((id, self.files.get(&path)?));
                paths.push(path);
            }
            libraries.push((l.uri.clone(), paths));
        }
        libraries.sort();
        (libraries == self.libraries && !libraries.is_empty()).then_some(files)
    }
}

/// The span of the one function declaration of file `id` (new text) whose body holds
/// the whole edit, when the running program's version of the file (`old`) has a function
/// declaration at the same place (see the module doc).
fn edited_declaration<'d>(
    id: FileId,
    old: &OldFile,
    sources: &SourceMap,
    declared: impl Iterator<Item = (FunctionId, &'d ast::FunctionDecl)>,
) -> Option<Span> {
    let new = sources.get(id).text.as_bytes();
    let old_text = old.text.as_bytes();
    let (prefix, suffix) = crate::front::source::unchanged_ends(old_text, new);
    let edit_end = new.len() - suffix;
    let delta = old_text.len() as i64 - new.len() as i64;
    declared
        .map(|(_, d)| d)
        .filter(|d| d.span.file == id)
        .find(|d| {
            let Some(body) = body_span(d) else {
                return false;
            };
            let old_end = d.span.end as i64 + delta;
            (body.start as usize) < prefix
                && body.end as usize > edit_end
                && old_end >= 0
                && old.declarations.contains(&(d.span.start, old_end as u32))
        })
        .map(|d| d.span)
}

fn body_span(d: &ast::FunctionDecl) -> Option<Span> {
    match &d.body {
        ast::FunctionBody::Block(b, _) => Some(b.span),
        ast::FunctionBody::Expr(e, _) => Some(e.span),
        ast::FunctionBody::Empty => None,
    }
}
