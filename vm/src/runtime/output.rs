//! The program's standard output: buffered, and flushed at exit, before anything is
//! written to stderr (so the two interleave as the program wrote them), before a crash,
//! before the event loop blocks, and whenever what is buffered has waited `FLUSH_AFTER`
//! (checked at each write). The Dart VM writes every `print` at once; batching saves a
//! system call per line, and these points keep the difference invisible to someone
//! watching a pipe (a log, `tee`) — on a terminal every write goes out at once.
//! An observer (the VM service's `Stdout`/`Stderr` streams) can tap both.

use super::agent::OutputStream;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Hears everything the program writes.
pub type OutputTap = Box<dyn Fn(OutputStream, &str)>;

pub struct Output {
    buf: Vec<u8>,
    /// When the oldest byte in `buf` was written.
    oldest: Option<Instant>,
    /// Standard output is a terminal: nothing waits in `buf`.
    unbuffered: bool,
    /// Flush after every write: set once the process runs more than one isolate, so
    /// their output interleaves in the order it was written.
    eager: bool,
    tap: Option<OutputTap>,
}

const FLUSH_AT: usize = 64 * 1024;
/// The longest written output waits in the buffer while the program keeps writing.
const FLUSH_AFTER: Duration = Duration::from_millis(10);

impl Default for Output {
    fn default() -> Self {
        Self::new()
    }
}

impl Output {
    pub fn new() -> Output {
        Output {
            buf: Vec::with_capacity(FLUSH_AT),
            oldest: None,
            unbuffered: std::io::stdout().is_terminal(),
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
        self.buffer(s.as_bytes());
    }

    /// Adds `b` to the buffer and flushes when the policy (module doc) says so.
    fn buffer(&mut self, b: &[u8]) {
        let oldest = *self.oldest.get_or_insert_with(Instant::now);
        self.buf.extend_from_slice(b);
        if self.unbuffered
            || self.eager
            || self.buf.len() >= FLUSH_AT
            || oldest.elapsed() >= FLUSH_AFTER
        {
            self.flush();
        }
    }

    /// Raw bytes for standard output (`stdout.add`); an observer sees them as text.
    pub fn write_bytes(&mut self, b: &[u8]) {
        if let Some(tap) = &self.tap {
            tap(OutputStream::Stdout, &String::from_utf8_lossy(b));
        }
        self.buffer(b);
    }

    /// Raw bytes for standard error (`stderr.add`), after what stdout has buffered.
    pub fn write_stderr_bytes(&mut self, b: &[u8]) {
        self.flush();
        let _ = std::io::stderr().write_all(b);
        if let Some(tap) = &self.tap {
            tap(OutputStream::Stderr, &String::from_utf8_lossy(b));
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
        self.oldest = None;
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        self.flush();
    }
}
