//! The co19 conformance runner's library: reading test conventions (`markers`), classifying
//! a run (`outcome`), the known-failure list (`expectations`), results and reports
//! (`report`) and running tests in child processes (`runner`). The binary in `main.rs`
//! wires them to the command line; see `conformance/README.md`.

pub mod expectations;
pub mod markers;
pub mod outcome;
pub mod report;
pub mod runner;
