//! Walking the Dart stack: the GC's frame roots, the search for an exception handler,
//! and the frames of a `StackTrace`. All three read frames by the rules of
//! `compiler::x64::frame`, starting from the exit frame the last runtime call recorded
//! and crossing entry frames (Rust calling Dart) through the exit frame each one saved.

use super::thread::{Thread, ENTRY_FRAME_MARKER};
use crate::compiler::x64::frame::{ENTRY_SAVED_EXIT_FP, ENTRY_SAVED_EXIT_PC, ENTRY_SAVED_EXIT_SP};

/// One frame seen by the walker.
#[derive(Clone, Copy, Debug)]
pub enum Frame {
    /// A Dart frame: entry index of its function, the pc it will resume at (or threw at),
    /// and its fp/sp.
    Dart {
        entry: u32,
        pc: u64,
        fp: u64,
        sp: u64,
    },
    /// A Rust-to-Dart entry frame; its fp.
    Entry { fp: u64 },
}

/// Iterates frames from the thread's exit frame outward.
pub struct FrameWalker {
    fp: u64,
    sp: u64,
    pc: u64,
}

impl FrameWalker {
    /// Starts at the exit frame recorded by the most recent runtime call.
    pub fn from_exit(thread: &Thread) -> FrameWalker {
        FrameWalker {
            fp: thread.exit_fp,
            sp: thread.exit_sp,
            pc: thread.exit_pc,
        }
    }
}

impl Iterator for FrameWalker {
    type Item = Frame;

    fn next(&mut self) -> Option<Frame> {
        if self.fp == 0 {
            return None;
        }
        // SAFETY: `fp` is the frame pointer of a live frame laid out per frame.rs: the
        // walker only follows saved frame pointers and exit records written by generated
        // code, which always point into the current thread's stack.
        unsafe {
            let fp = self.fp;
            let marker = *((fp - 8) as *const u64);
            if marker == ENTRY_FRAME_MARKER {
                self.fp = *((fp as i64 + ENTRY_SAVED_EXIT_FP as i64) as *const u64);
                self.sp = *((fp as i64 + ENTRY_SAVED_EXIT_SP as i64) as *const u64);
                self.pc = *((fp as i64 + ENTRY_SAVED_EXIT_PC as i64) as *const u64);
                return Some(Frame::Entry { fp });
            }
            let frame = Frame::Dart {
                entry: (marker >> 1) as u32,
                pc: self.pc,
                fp,
                sp: self.sp,
            };
            self.pc = *((fp + 8) as *const u64);
            self.sp = fp + 16;
            self.fp = *(fp as *const u64);
            Some(frame)
        }
    }
}

/// Calls `visit` on every tagged slot of every Dart frame: locals, temporaries and the
/// arguments the frame pushed for its callee.
pub fn visit_frame_slots(thread: &Thread, visit: &mut dyn FnMut(&mut u64)) {
    for frame in FrameWalker::from_exit(thread) {
        if let Frame::Dart { fp, sp, .. } = frame {
            let mut slot = sp;
            // The marker at fp-8 is a Smi; every word in [sp, fp-8) is a tagged value.
            while slot < fp - 8 {
                // SAFETY: [sp, fp-8) is the live part of a Dart frame.
                unsafe { visit(&mut *(slot as *mut u64)) };
                slot += 8;
            }
        }
    }
}
