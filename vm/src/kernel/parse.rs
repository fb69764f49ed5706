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
    crate::front::parser::parse_compilation_unit(sources, file, diags)
}
