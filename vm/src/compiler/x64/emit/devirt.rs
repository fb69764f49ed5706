//! Instance calls without dispatch (AOT only): when the compile context proves, by class
//! hierarchy analysis, that every class a receiver can have runs the same member, the
//! call site checks the receiver's class id against the expected ids and runs that
//! member directly: a direct call, or, for field accessors and trivial getters, the
//! field load, store or constant inline. Any other receiver (null, a class the analysis
//! did not expect because a static type lied) takes the ordinary inline-cache call, so
//! the result is always what dispatch would have done, NoSuchMethodError texts included.

use super::{EResult, Emitter};
use crate::compiler::{Devirtualized, DirectTarget, Selector};
use crate::front::source::Span;
use crate::kernel::ir::DartType;
use crate::runtime::object::{field_disp, CID_DISP, CID_SMI};
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

impl Emitter<'_> {
    /// An instance call with its `n` arguments pushed (the receiver first): devirtualised
    /// when the context can, through the inline cache otherwise. With `keep_top` the value
    /// is the last argument (setters).
    pub(super) fn dispatch(
        &mut self,
        receiver: &DartType,
        selector: Selector,
        argdesc: u32,
        n: u32,
        span: Span,
        keep_top: bool,
    ) -> EResult {
        let argdesc = self.call_site_argdesc(receiver, argdesc);
        match self.ctx.devirtualize(receiver, selector, argdesc) {
            Some(d) => self.devirtualized_call(&d, selector, argdesc, n, span, keep_top),
            None => {
                self.instance_call_inner(selector, argdesc, n, span, keep_top);
                Ok(())
            }
        }
    }

    fn devirtualized_call(
        &mut self,
        d: &Devirtualized,
        selector: Selector,
        argdesc: u32,
        n: u32,
        span: Span,
        keep_top: bool,
    ) -> EResult {
        let direct = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        self.receiver_cid_in(d, n, direct);
        let depth = self.depth;
        self.instance_call_inner(selector, argdesc, n, span, keep_top);
        dynasm!(self.ops ; .arch x64 ; jmp =>done ; =>direct);
        // Both paths start with the arguments pushed; each pops them.
        self.depth = depth;
        match d.target {
            DirectTarget::Call(f) => {
                let index = self.ctx.entry_index(f) as i32;
                dynasm!(self.ops ; .arch x64 ; mov r11d, index);
                self.call_entry_in_r11_keep(argdesc, n, span, keep_top);
            }
            DirectTarget::LoadField(slot) => {
                // rax is the receiver (loaded by the class-id check).
                let disp = field_disp(slot as usize);
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rax + disp]);
                self.drop_temps(n);
            }
            DirectTarget::StoreField(slot) => {
                let disp = field_disp(slot as usize);
                let receiver = 8 * (n as i32 - 1);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rcx, QWORD [rsp + receiver]
                    ; mov rax, QWORD [rsp]
                    ; mov QWORD [rcx + disp], rax
                );
                super::super::stubs::write_barrier(&mut self.ops, 1, 0);
                self.drop_temps(n);
            }
            DirectTarget::Constant(c) => {
                self.drop_temps(n);
                self.constant(c, span)?;
            }
        }
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    /// Jumps to `direct` when the receiver (the first of `n` pushed values) has one of the
    /// class ids `d` expects; leaves it in rax either way.
    fn receiver_cid_in(&mut self, d: &Devirtualized, n: u32, direct: dynasmrt::DynamicLabel) {
        let receiver = 8 * (n as i32 - 1);
        let smi = CID_SMI as i32;
        let have_cid = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [rsp + receiver]
            ; mov ecx, smi
            ; test al, 1
            ; jz =>have_cid
            ; mov ecx, DWORD [rax + CID_DISP]
            ; =>have_cid
        );
        for &(lo, hi) in &d.cids {
            if lo == hi {
                dynasm!(self.ops ; .arch x64 ; cmp ecx, lo as i32 ; je =>direct);
            } else {
                let span = (hi - lo) as i32;
                dynasm!(self.ops
                    ; .arch x64
                    ; lea edx, [rcx - lo as i32]
                    ; cmp edx, span
                    ; jbe =>direct
                );
            }
        }
    }
}

impl Emitter<'_> {
    /// The argument descriptor a call site passes: flagged `DYNAMIC_CALL` when the
    /// callee's static type is `dynamic` or `Function`, so no static type vouches for the
    /// arguments and the callee checks its parameters' declared types (decision 39).
    /// Platform code is trusted: its `dynamic` receivers stand for types the core
    /// library's declarations do not spell out.
    pub(super) fn call_site_argdesc(&self, callee: &DartType, argdesc: u32) -> u32 {
        let program = self.ctx.program();
        let platform = program
            .libraries
            .get(self.func.library.index())
            .is_some_and(|l| l.uri.starts_with("dart:"));
        match callee {
            DartType::Dynamic | DartType::Function { sig: None, .. } if !platform => {
                argdesc | crate::runtime::isolate::DYNAMIC_CALL
            }
            _ => argdesc,
        }
    }
}
