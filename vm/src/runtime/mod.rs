//! Runtime support: the pure-Rust pieces of the Dart core library behaviour that compiled
//! code and the runtime's natives call into.

pub mod dart_number;
