//! Shared stubs: the Rust-to-Dart entry trampoline, the lazy-compile stub that sits in
//! every function's entry slot until its first call, the unwind stub that delivers a
//! pending exception to its handler, and the tiny accessors used as implicit field
//! getters and setters.

use super::frame::{ENTRY_FRAME_WORDS, ENTRY_SAVED_EXIT_FP};
use crate::runtime::object::field_disp;
use crate::runtime::thread::{
    runtime_offset, RuntimeEntry, ENTRY_FRAME_MARKER, EXIT_FP, EXIT_PC, EXIT_SP, HANDLER_FP,
    HANDLER_PC, HANDLER_SP, NURSERY_SIZE, NURSERY_START, PENDING_EXCEPTION, WRITE_BARRIER_STUB,
};
use dynasmrt::{dynasm, x64::X64Relocation, DynasmApi, DynasmLabelApi, VecAssembler};

pub type Asm = VecAssembler<X64Relocation>;

fn finish(ops: Asm) -> Vec<u8> {
    ops.finalize().expect("stubs use only labels they define")
}

/// The entry trampoline, with the offset of its exception exit.
///
/// `extern "sysv64" fn(thread, entry, args, argc, argdesc, index) -> u64`: saves the
/// callee-saved registers and the outer exit frame, pushes `argc` arguments from `args`,
/// calls `entry` with `r10 = argdesc`, `r11 = index`. When an exception is not handled in
/// the Dart frames it called, the unwinder resumes at the exception exit, which returns 0
/// with the exception still pending.
pub fn entry_trampoline() -> (Vec<u8>, u32) {
    let mut ops = Asm::new(0);
    let marker = ENTRY_FRAME_MARKER as i64;
    let saved = ENTRY_SAVED_EXIT_FP;
    let frame_bytes = 8 * ENTRY_FRAME_WORDS;
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; mov rax, QWORD marker
        ; push rax
        ; push rbx
        ; push r12
        ; push r13
        ; push r14
        ; push r15
        ; push QWORD [rdi + EXIT_FP]
        ; push QWORD [rdi + EXIT_SP]
        ; push QWORD [rdi + EXIT_PC]
        ; mov r14, rdi
        ; mov QWORD [r14 + EXIT_FP], 0
        ; mov rax, rcx
        ; push_loop:
        ; test rax, rax
        ; jz >pushed
        ; push QWORD [rdx]
        ; add rdx, 8
        ; dec rax
        ; jmp <push_loop
        ; pushed:
        ; mov r10, r8
        ; mov r11, r9
        ; call rsi
        ; restore:
        ; lea rsp, [rbp - frame_bytes]
        ; pop QWORD [r14 + EXIT_PC]
        ; pop QWORD [r14 + EXIT_SP]
        ; pop QWORD [r14 + EXIT_FP]
        ; pop r15
        ; pop r14
        ; pop r13
        ; pop r12
        ; pop rbx
        ; mov rsp, rbp
        ; pop rbp
        ; ret
    );
    let exception_exit = ops.offset().0 as u32;
    dynasm!(ops
        ; .arch x64
        ; xor eax, eax
        ; jmp <restore
    );
    let _ = saved;
    (finish(ops), exception_exit)
}

/// The lazy-compile stub: called in place of a function that was never compiled, with
/// the caller's arguments on the stack and `r11` = the callee's entry index. Asks the
/// runtime to compile it (which also patches the entry slot) and tail-jumps to the code.
pub fn lazy_compile_stub() -> Vec<u8> {
    let mut ops = Asm::new(0);
    let compile = runtime_offset(RuntimeEntry::CompileFunction);
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; push r10
        ; push r11
        ; mov rdi, r14
        ; mov rsi, r11
        ; mov rbx, rsp
        ; and rsp, -16
        ; call QWORD [r14 + compile]
        ; mov rsp, rbx
        ; pop r11
        ; pop r10
        ; pop rbp
        ; jmp rax
    );
    finish(ops)
}

/// The unwind stub, jumped to when `pending_exception` is set after a runtime call: asks
/// the runtime for the handler (from the exit frame recorded by that call) and resumes
/// there with the exception in `rax`.
pub fn unwind_stub() -> Vec<u8> {
    let mut ops = Asm::new(0);
    let find = runtime_offset(RuntimeEntry::FindHandler);
    dynasm!(ops
        ; .arch x64
        ; mov rdi, r14
        ; and rsp, -16
        ; call QWORD [r14 + find]
        ; mov rax, QWORD [r14 + PENDING_EXCEPTION]
        ; mov rbp, QWORD [r14 + HANDLER_FP]
        ; mov rsp, QWORD [r14 + HANDLER_SP]
        ; jmp QWORD [r14 + HANDLER_PC]
    );
    finish(ops)
}

/// The write barrier's slow path, called by generated code with the object pushed (it
/// pops it: `ret 8`): records it in the remembered set. Saves every register the Rust
/// call may clobber (generated code keeps values in any of them around a store).
pub fn write_barrier_stub() -> Vec<u8> {
    let mut ops = Asm::new(0);
    let remember = runtime_offset(RuntimeEntry::RememberObject);
    dynasm!(ops
        ; .arch x64
        ; push rax
        ; push rcx
        ; push rdx
        ; push rsi
        ; push rdi
        ; push r8
        ; push r9
        ; push r10
        ; push r11
        ; push rbx
        // The object is above the ten saved registers and the return address.
        ; mov rsi, QWORD [rsp + 88]
        ; mov rdi, r14
        ; mov rbx, rsp
        ; and rsp, -16
        ; call QWORD [r14 + remember]
        ; mov rsp, rbx
        ; pop rbx
        ; pop r11
        ; pop r10
        ; pop r9
        ; pop r8
        ; pop rdi
        ; pop rsi
        ; pop rdx
        ; pop rcx
        ; pop rax
        ; ret 8
    );
    finish(ops)
}

/// The body of `_SuspendState._resume(value, exception, stackTrace)`, called like any Dart
/// method (receiver and three arguments pushed). Builds the suspended function's frame on
/// top of the caller's: `push rbp`, the function's marker, then the saved words in order
/// (element 0 lands at `[rbp - 16]`), and jumps to the resume address with `rax` = value,
/// `rcx` = exception, `r8` = stack trace and `rdx` = the state (code at the resume point
/// stores it in its hidden local and throws the exception if there is one). When that
/// function later returns or suspends, it returns to `_resume`'s caller.
pub fn resume_stub(layout: &crate::runtime::suspend::SuspendLayout) -> Vec<u8> {
    let mut ops = Asm::new(0);
    let (entry, size, frame, pc) = (
        field_disp(layout.entry),
        field_disp(layout.frame_size),
        field_disp(layout.frame),
        field_disp(layout.pc),
    );
    let elem0 = crate::runtime::layout::array_element_disp(0);
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; mov rdx, QWORD [rbp + 40]
        ; push QWORD [rdx + entry]
        ; mov rcx, QWORD [rdx + size]
        ; sar rcx, 1
        ; mov rsi, QWORD [rdx + frame]
        ; xor r9d, r9d
        ; copy:
        ; cmp r9, rcx
        ; jae >copied
        ; push QWORD [rsi + r9 * 8 + elem0]
        ; inc r9
        ; jmp <copy
        ; copied:
        ; mov rax, QWORD [rbp + 32]
        ; mov rcx, QWORD [rbp + 24]
        ; mov r8, QWORD [rbp + 16]
        ; mov r9, QWORD [rdx + pc]
        ; sar r9, 1
        ; jmp r9
    );
    finish(ops)
}

/// Implicit getter of the field in slot `slot`: `(receiver) -> receiver.field`.
/// Frameless: it cannot allocate, throw or be interrupted.
pub fn field_getter(slot: u32) -> Vec<u8> {
    let mut ops = Asm::new(0);
    let disp = field_disp(slot as usize);
    dynasm!(ops
        ; .arch x64
        ; mov rax, QWORD [rsp + 8]
        ; mov rax, QWORD [rax + disp]
        ; ret
    );
    finish(ops)
}

/// Returns its only argument: `(x) -> x` (used to hand back a tear-off the runtime
/// placed in the argument slot).
pub fn field_getter_identity() -> Vec<u8> {
    let mut ops = Asm::new(0);
    dynasm!(ops
        ; .arch x64
        ; mov rax, QWORD [rsp + 8]
        ; ret
    );
    finish(ops)
}

/// Implicit setter of the field in slot `slot`: `(receiver, value) -> value`.
pub fn field_setter(slot: u32) -> Vec<u8> {
    let mut ops = Asm::new(0);
    let disp = field_disp(slot as usize);
    dynasm!(ops
        ; .arch x64
        ; mov rax, QWORD [rsp + 8]
        ; mov rcx, QWORD [rsp + 16]
        ; mov QWORD [rcx + disp], rax
    );
    write_barrier(&mut ops, 1, 0);
    dynasm!(ops ; .arch x64 ; ret);
    finish(ops)
}

/// The generational write barrier after a store of register `value` into the object in
/// register `object` (register numbers: 0 = rax, 1 = rcx, 8 = r8, ...): when the value
/// is a nursery object and the object is outside the nursery and not yet remembered,
/// calls the barrier stub. Clobbers rdx (neither register may be rdx); keeps the others.
// dynasm expands the dynamic registers `Rq(n)` to `n.into()`.
#[allow(clippy::useless_conversion)]
pub fn write_barrier(ops: &mut Asm, object: u8, value: u8) {
    use crate::runtime::object::REMEMBERED_BIT;
    let done = ops.new_dynamic_label();
    let bit = REMEMBERED_BIT as u32 as i32;
    dynasm!(ops
        ; .arch x64
        ; test Rb(value), 1
        ; jz =>done
        ; mov rdx, Rq(value)
        ; sub rdx, QWORD [r14 + NURSERY_START]
        ; cmp rdx, QWORD [r14 + NURSERY_SIZE]
        ; jae =>done
        ; mov rdx, Rq(object)
        ; sub rdx, QWORD [r14 + NURSERY_START]
        ; cmp rdx, QWORD [r14 + NURSERY_SIZE]
        ; jb =>done
        ; test DWORD [Rq(object) - 1], bit
        ; jnz =>done
        ; push Rq(object)
        ; call QWORD [r14 + WRITE_BARRIER_STUB]
        ; =>done
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hex-golden encoding of a frameless accessor (catches encoder or layout drift).
    #[test]
    fn field_getter_bytes() {
        let hex: String = field_getter(2).iter().map(|b| format!("{b:02x}")).collect();
        // mov rax,[rsp+8]; mov rax,[rax+0x17] (dynasm encodes runtime displacements as
        // disp32); ret
        assert_eq!(hex, "488b442408488b8017000000c3");
    }
}
