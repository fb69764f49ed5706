//! The x86-64 back end: frame layout, shared stubs and the function emitter.

pub mod emit;
pub mod frame;
pub mod stubs;

#[cfg(test)]
mod tests;
