//! `kernel`: the resolved program IR and the resolver that builds it from syntax trees.
//! Both compilers consume it; hot reload diffs two versions of it.

pub mod dump;
pub mod ir;
pub mod loader;
pub mod parse;
pub mod reload;
mod resolve;
pub mod rewrite;

pub use loader::{load_program, LoadOptions};
