//! The program's standard output: buffered, and flushed at exit, before anything is
//! written to stderr (so the two interleave as the program wrote them), and before a crash.

use std::io::Write;

pub struct Output {
    buf: Vec<u8>,
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
        }
    }

    pub fn write_str(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
        if self.buf.len() >= FLUSH_AT {
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
