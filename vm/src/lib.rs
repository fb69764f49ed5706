//! dartrs-vm: the dartrs virtual machine library. It owns everything between Dart source
//! text and running machine code: the front end, the resolved program IR, the x86-64
//! compiler, the code heap, the runtime and the garbage collector.

pub mod cache_limits;
pub mod code_heap;
pub mod compiler;
pub mod driver;
pub mod front;
pub mod heap;
pub mod hot;
pub mod kernel;
pub mod program_cache;
pub mod runtime;
#[cfg(feature = "service")]
pub mod service;
pub mod snapshot;
pub mod timeline;

/// The version of dartrs, as `dartrs --version` prints it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
