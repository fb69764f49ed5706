//! Asking a running isolate to stop at its next safepoint. Generated code tests the
//! thread block's `service_interrupt` word at every function entry and loop back edge;
//! the service thread sets it through an [`InterruptCell`], which also knows when the
//! isolate (and so the word) is gone.

use crate::runtime::thread::Thread;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// The address of one isolate's interrupt word, or nothing once the isolate detached.
#[derive(Default)]
pub struct InterruptCell {
    word: Mutex<usize>,
}

impl InterruptCell {
    /// A cell for `thread`'s interrupt word. The isolate must call [`InterruptCell::detach`]
    /// before its thread block is freed.
    pub fn new(thread: &mut Thread) -> InterruptCell {
        InterruptCell {
            word: Mutex::new(&mut thread.service_interrupt as *mut u64 as usize),
        }
    }

    fn store(&self, value: u64) {
        let word = self.word.lock().unwrap_or_else(|p| p.into_inner());
        if *word != 0 {
            // SAFETY: the address is the `service_interrupt` field of a live thread block
            // (detach clears it under this lock before the block goes away); it is 8-byte
            // aligned, and every access from Rust is atomic while generated code only
            // reads it.
            unsafe { AtomicU64::from_ptr(*word as *mut u64).store(value, Ordering::SeqCst) };
        }
    }

    /// Makes the isolate call the runtime at its next safepoint.
    pub fn request(&self) {
        self.store(1);
    }

    /// Called by the isolate when it starts answering.
    pub fn clear(&self) {
        self.store(0);
    }

    /// The isolate is going away: later requests do nothing.
    pub fn detach(&self) {
        *self.word.lock().unwrap_or_else(|p| p.into_inner()) = 0;
    }
}
