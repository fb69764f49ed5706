//! The program's standard output: buffered, and flushed at exit, before anything is
//! written to stderr (so the two interleave as the program wrote them), and before a crash.
//! An observer (the VM service's `Stdout`/`Stderr` streams) can tap both.

use super::agent::OutputStream;
use std::io::Write;

/// Hears everything the program writes.
pub type OutputTap = Box<dyn Fn(OutputStream, &str)>;

pub struct Output {
    buf: Vec<u8>,
    /// Flush after every write: set once the process runs more than one isolate, so
    /// their output interleaves in the order it was written.
    eager: bool,
    tap: Option<OutputTap>,
}

const FLUSH_AT: usize = 64 * 1024;

impl Default for Output {
    fn default() -> Self {
        Self::new()
    }
}

impl Output {
    pub fn new() -> Output {
        Output {
            buf: Vec::with_capacity(FLUSH_AT),
            eager: false,
            tap: None,
        }
    }

    /// Flushes after every write from now on (see the field).
    pub fn set_eager(&mut self, eager: bool) {
        self.eager = eager;
        if eager {
            self.flush();
        }
    }

    pub fn set_tap(&mut self, tap: OutputTap) {
        self.tap = Some(tap);
    }

    /// Writes to standard error, after flushing what is buffered for standard output.
    pub fn write_stderr(&mut self, s: &str) {
        self.flush();
        let _ = std::io::stderr().write_all(s.as_bytes());
        if let Some(tap) = &self.tap {
            tap(OutputStream::Stderr, s);
        }
    }

    pub fn write_str(&mut self, s: &str) {
        if let Some(tap) = &self.tap {
            tap(OutputStream::Stdout, s);
        }
        self.buf.extend_from_slice(s.as_bytes());
        if self.eager || self.buf.len() >= FLUSH_AT {
            self.flush();
        }
    }

    pub fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let mut out = std::io::stdout().lock();
        // A closed stdout (e.g. `| head`) is not an error of the program: drop the output.
        let _ = out.write_all(&self.buf);
        let _ = out.flush();
        self.buf.clear();
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        self.flush();
    }
}
