//! The front end: Dart source text to syntax trees, with diagnostics in the Dart front
//! end's format. Nothing here knows about names' meanings; that is `kernel`'s job.

pub mod ast;
pub mod ast_dump;
pub mod diagnostics;
pub mod intern;
pub mod lexer;
pub mod parser;
pub mod source;
pub mod span_map;
pub mod token;
