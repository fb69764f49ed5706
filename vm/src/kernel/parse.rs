//! The one place `kernel` calls the parser, so the loader does not depend on how the
//! front end is organised.

use crate::front::ast::CompilationUnit;
use crate::front::diagnostics::Diagnostics;
use crate::front::source::{FileId, SourceMap};

/// Parses one file into a compilation unit; syntax errors go to `diags`.
pub(crate) fn parse_file(
    sources: &SourceMap,
    file: FileId,
    diags: &mut Diagnostics,
) -> CompilationUnit {
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
