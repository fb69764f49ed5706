//! The frame layout and calling convention every piece of generated code agrees on.
//! The stack walker (GC roots, exceptions, stack traces) reads frames by these rules.
//!
//! ```text
//!   [rbp + 16 + 8*(argc-1-i)]  argument i, pushed by the caller in order (tagged)
//!   [rbp + 8]                  return address
//!   [rbp]                      caller's rbp
//!   [rbp - 8]                  frame marker: the function's entry index as a Smi,
//!                              or ENTRY_FRAME_MARKER for a Rust-to-Dart entry frame
//!   [rbp - 16 - 8*i]           local i (tagged, initialised to null in the prologue)
//!   ...                        expression temporaries pushed by the code (tagged)
//!   [rsp]
//! ```
//!
//! Every word between `rsp` and `rbp` of a Dart frame is a tagged value, so a frame is
//! scanned without stack maps. Registers: `r14` holds the thread, `r10` the argument
//! descriptor (Smi) at calls, `r11` the callee's entry index at static calls (the lazy
//! compile stub reads it), `rbx` preserves `rsp` across aligned runtime calls. The caller
//! pops the arguments. Results come back in `rax`.

/// Byte offset from rbp of local slot `i`.
pub const fn local_disp(i: u32) -> i32 {
    -16 - 8 * i as i32
}

/// Byte offset from rbp of argument `i` of `argc`.
pub const fn arg_disp(i: u32, argc: u32) -> i32 {
    16 + 8 * (argc - 1 - i) as i32
}

/// Words between rbp and the saved registers' end in an entry frame (marker, five callee-saved
/// registers, the saved exit fp/sp/pc).
pub const ENTRY_FRAME_WORDS: i32 = 9;
/// Offsets from an entry frame's rbp of the outer exit frame it saved.
pub const ENTRY_SAVED_EXIT_FP: i32 = -56;
pub const ENTRY_SAVED_EXIT_SP: i32 = -64;
pub const ENTRY_SAVED_EXIT_PC: i32 = -72;
