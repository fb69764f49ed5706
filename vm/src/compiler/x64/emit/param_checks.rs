//! The prologue's parameter type checks (decision 39): after the arguments are in their
//! locals, each `ParamCheck` of the function tests its parameter against the declared
//! type — covariant ones on every call, the others only when the caller flagged the call
//! dynamic (`DYNAMIC_CALL` in the argument descriptor, kept in a frame slot because
//! `r10` does not survive the prologue's runtime calls). A failure throws the Dart VM's
//! `type 'X' is not a subtype of type 'T' of 'name'` before the body (an `async` one
//! included) starts.

use super::super::frame::local_disp;
use super::{EResult, Emitter};
use crate::kernel::ir::{
    DartType, Expr, ExprKind, FunctionKind, LocalId, ParamCheck, TypeEnvEntry,
};
use crate::runtime::isolate::DYNAMIC_CALL;
use crate::runtime::object::Value;
use crate::runtime::thread::*;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

/// How a check runs.
#[derive(Clone, Copy, PartialEq)]
enum Gate {
    /// On every call.
    Always,
    /// Only when the descriptor kept in the frame slot has `DYNAMIC_CALL`.
    DynamicSlot,
}

impl Emitter<'_> {
    /// Whether the dynamic-only checks need the argument descriptor in a frame slot: when
    /// the arguments are copied by the runtime, `r10` does not survive the copy.
    pub(super) fn needs_argdesc_slot(func: &crate::kernel::ir::Function) -> bool {
        let p = &func.params;
        let runtime_copy =
            p.optional_positional > 0 || !p.named.is_empty() || func.type_args_local.is_some();
        runtime_copy && func.param_checks.iter().any(|c| !c.always)
    }

    /// Stores the argument descriptor (`r10`, a Smi) in its frame slot.
    pub(super) fn save_argdesc(&mut self) {
        if let Some(slot) = self.argdesc_slot {
            let d = local_disp(slot);
            dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], r10);
        }
    }

    /// The checks, right after the arguments are in their locals. Without a descriptor
    /// slot, `r10` is still live: a statically checked call runs only the covariance
    /// checks inline and a dynamic one branches to all checks out of line (two
    /// instructions on the common path).
    pub(super) fn param_checks(&mut self) -> EResult {
        let checks = self.func.param_checks.clone();
        if self.argdesc_slot.is_some() || checks.iter().all(|c| c.always) {
            for check in &checks {
                let gate = if check.always {
                    Gate::Always
                } else {
                    Gate::DynamicSlot
                };
                self.param_check(check, gate)?;
            }
            return Ok(());
        }
        let dynamic = self.ops.new_dynamic_label();
        let after = self.ops.new_dynamic_label();
        let bit = Value::smi(DYNAMIC_CALL as i64).0 as i32;
        dynasm!(self.ops ; .arch x64 ; test r10d, bit ; jnz =>dynamic);
        for check in checks.iter().filter(|c| c.always) {
            self.param_check(check, Gate::Always)?;
        }
        dynasm!(self.ops ; .arch x64 ; =>after);
        self.dynamic_param_checks = Some((dynamic, after));
        Ok(())
    }

    /// The out-of-line path of a dynamic call (see `param_checks`): every check, then
    /// back to the body.
    pub(super) fn dynamic_param_checks_path(&mut self) -> EResult {
        let Some((dynamic, after)) = self.dynamic_param_checks.take() else {
            return Ok(());
        };
        dynasm!(self.ops ; .arch x64 ; =>dynamic);
        let checks = self.func.param_checks.clone();
        for check in &checks {
            self.param_check(check, Gate::Always)?;
        }
        dynasm!(self.ops ; .arch x64 ; jmp =>after);
        Ok(())
    }

    fn param_check(&mut self, check: &ParamCheck, gate: Gate) -> EResult {
        let Some(ty) = self
            .func
            .locals
            .get(check.local.index())
            .map(|l| l.ty.clone())
        else {
            return Ok(());
        };
        if !ty.is_open() && crate::kernel::ir::mentions_type_param(&ty) {
            // A record type with type-parameter fields: no runtime form for it here.
            return Ok(());
        }
        let env = if ty.is_open() {
            match self.param_type_env(&ty) {
                Some(env) => env,
                // A type parameter the prologue cannot see (a closure's enclosing
                // function's): unchecked, as before decision 39.
                None => return Ok(()),
            }
        } else {
            Vec::new()
        };
        let done = self.ops.new_dynamic_label();
        if gate == Gate::DynamicSlot {
            let Some(slot) = self.argdesc_slot else {
                return Ok(());
            };
            let d = local_disp(slot);
            let bit = Value::smi(DYNAMIC_CALL as i64).0 as i32;
            dynasm!(self.ops ; .arch x64 ; test DWORD [rbp + d], bit ; jz =>done);
        }
        let v = local_disp(check.local.0);
        let (fid, local) = (self.fid.0 as i32, check.local.0 as i32);
        let span = self.func.span;
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rbp + v]);
        if ty.is_open() {
            self.push_rax();
            self.type_args(std::slice::from_ref(&ty), &env, span)?;
            self.push_rax();
            dynasm!(self.ops ; .arch x64 ; mov edx, fid ; mov ecx, local);
            self.runtime_call_with_stack_args(RuntimeEntry::CheckParameterRuntime, 2, span);
        } else {
            if let DartType::RecordType(_) = ty {
                self.record_type_test(&ty, super::TypeTest::Is, span);
            } else {
                self.type_test(&ty, super::TypeTest::Is, span);
            }
            let t = self.ctx.type_index(&ty) as i32;
            dynasm!(self.ops
                ; .arch x64
                ; cmp rax, QWORD [r14 + TRUE]
                ; je =>done
                ; push QWORD [rbp + v]
            );
            self.depth += 1;
            dynasm!(self.ops ; .arch x64 ; mov edx, t ; mov ecx, fid ; mov r8d, local);
            self.runtime_call_with_stack_args(RuntimeEntry::ParameterTypeError, 1, span);
        }
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    /// Where the prologue finds the type parameters `ty` mentions: the class's through
    /// the receiver (instance members and generative constructors), the function's own
    /// (and a factory's class's) in its type-argument local. `None` when some are in
    /// neither.
    fn param_type_env(&self, ty: &DartType) -> Option<Vec<TypeEnvEntry>> {
        let mut free = Vec::new();
        crate::kernel::ir::free_type_params(ty, &mut free);
        let span = self.func.span;
        let get = |kind| Expr {
            kind,
            span,
            ty: DartType::Dynamic,
        };
        let mut env = Vec::new();
        let mut known: Vec<crate::front::intern::Symbol> = Vec::new();
        let has_receiver = matches!(
            self.func.kind,
            FunctionKind::Method
                | FunctionKind::Getter
                | FunctionKind::Setter
                | FunctionKind::Constructor
        ) && self.func.params.receiver_slots == 1;
        if let (true, Some(class)) = (has_receiver, self.func.owner) {
            let names = self.ctx.program().class(class).type_params.clone();
            if !names.is_empty() {
                known.extend(names.iter().copied());
                let receiver = Box::new(get(ExprKind::LocalGet(LocalId(0))));
                let source = get(ExprKind::InstanceTypeArgs { receiver, class });
                env.push(TypeEnvEntry { names, source });
            }
        }
        if let Some(local) = self.func.type_args_local {
            let names = self.func.type_params.clone();
            known.extend(names.iter().copied());
            env.push(TypeEnvEntry {
                names,
                source: get(ExprKind::LocalGet(local)),
            });
        }
        free.iter().all(|n| known.contains(n)).then_some(env)
    }
}
