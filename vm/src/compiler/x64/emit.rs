//! The function emitter: one kernel function to x86-64 machine code.
//!
//! This is the unoptimised tier, in the style of the Dart VM's: a tree walk over the IR
//! that keeps every intermediate value tagged, in `rax` or pushed on the stack, so that a
//! frame can always be scanned exactly (see `frame.rs`). Small-integer arithmetic and
//! comparisons get inline fast paths; everything else goes through inline caches, the
//! entry table or the runtime, all reached through the thread register.

use super::frame::{arg_disp, local_disp};
use crate::compiler::{CompileContext, CompileError, CompiledFunction, HandlerEntry, Selector};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{
    Args, AsyncMarker, Capture, Constant, DartType, Expr, ExprKind, Function, FunctionId,
    FunctionKind, LabelId, LocalId, Stmt, StmtKind, TypeEnvEntry,
};
use crate::runtime::errors::ErrorKind;
use crate::runtime::object::{
    field_disp, CID_ARRAY, CID_DISP, CID_GROWABLE_LIST, CID_IMMUTABLE_ARRAY, CID_ONE_BYTE_STRING,
    CID_SMI, CID_TWO_BYTE_STRING,
};
use crate::runtime::thread::*;
use dynasmrt::{dynasm, x64::X64Relocation, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};

mod devirt;
mod param_checks;
mod records;
#[path = "emit_suspend.rs"]
mod suspend;
mod typed_data;

type Asm = VecAssembler<X64Relocation>;
type EResult<T = ()> = Result<T, CompileError>;

/// Compiles `fid` of the context's program.
/// Compiles a function the VM synthesised (not in the program), e.g. a tear-off
/// forwarder, as entry index `index`.
pub fn compile_synthetic(
    ctx: &mut dyn CompileContext,
    index: u32,
    func: &Function,
) -> EResult<CompiledFunction> {
    let mut e = Emitter::new(ctx, FunctionId(index), func);
    e.function()?;
    e.finish()
}

pub fn compile_function(
    ctx: &mut dyn CompileContext,
    fid: FunctionId,
) -> EResult<CompiledFunction> {
    let program = ctx.program_arc();
    let func = program.functions.get(fid.index()).ok_or_else(|| {
        err(
            Span::default(),
            format!("internal error: no function {}", fid.0),
        )
    })?;
    let mut e = Emitter::new(ctx, fid, func);
    e.function()?;
    e.finish()
}

struct LoopTarget {
    label: LabelId,
    break_to: DynamicLabel,
    continue_to: Option<DynamicLabel>,
    depth: u32,
    finally_depth: usize,
}

/// An enclosing `try` whose `finally` must run when control leaves it.
struct FinallyScope {
    body: Stmt,
    depth: u32,
    /// Index into `try_regions` of the region(s) protecting the code being emitted.
    regions: Vec<usize>,
}

struct TryRegion {
    ranges: Vec<(u32, u32)>,
    open_since: Option<u32>,
    handler: u32,
    sp_slots: u32,
    nesting: u32,
}

struct Emitter<'a> {
    ctx: &'a mut dyn CompileContext,
    fid: FunctionId,
    func: &'a Function,
    ops: Asm,
    /// Pushed temporaries above the locals at the current point.
    depth: u32,
    /// Kernel locals (the fixed part of the frame below the marker).
    frame_slots: u32,
    loops: Vec<LoopTarget>,
    finallies: Vec<FinallyScope>,
    regions: Vec<TryRegion>,
    open_regions: Vec<usize>,
    /// Frame slots (pushed temporaries) holding the exception and trace of each handler
    /// being executed, innermost last: what `rethrow` rethrows.
    catch_slots: Vec<(u32, u32)>,
    positions: Vec<(u32, Span)>,
    overflow_label: DynamicLabel,
    /// Suspendable functions (`sync*`, `async`): the hidden local holding the function's
    /// future or iterable until the first suspension, its `_SuspendState` afterwards.
    suspend_slot: Option<u32>,
    /// Out-of-line service polls: label of the poll, where it resumes, its position, and
    /// whether it is the function-entry poll (where `r10` is live).
    polls: Vec<(DynamicLabel, DynamicLabel, Span, bool)>,
    /// Functions with dynamic-only parameter checks: the frame slot keeping the argument
    /// descriptor the call passed.
    argdesc_slot: Option<u32>,
    /// The out-of-line path running every parameter check of a dynamic call, and where
    /// it returns to (see `param_checks`).
    dynamic_param_checks: Option<(DynamicLabel, DynamicLabel)>,
}

/// What a type test does with its answer.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TypeTest {
    /// `is`: the answer as a bool.
    Is,
    /// `as`: the value, or a TypeError ending in ` in type cast`.
    Cast,
    /// An implicit downcast: the value, or a TypeError without that ending.
    ImplicitCast,
}

fn err(span: Span, message: impl Into<String>) -> CompileError {
    CompileError {
        span,
        message: message.into(),
    }
}

impl<'a> Emitter<'a> {
    fn new(ctx: &'a mut dyn CompileContext, fid: FunctionId, func: &'a Function) -> Self {
        let mut ops = Asm::new(0);
        let overflow_label = ops.new_dynamic_label();
        let kernel_slots =
            (func.locals.len() as u32).max(func.params.receiver_slots + func.params.count());
        let suspendable = func.async_marker != AsyncMarker::Sync && func.body.is_some();
        let suspend_slot = suspendable.then_some(kernel_slots);
        let argdesc_slot =
            Self::needs_argdesc_slot(func).then_some(kernel_slots + suspendable as u32);
        Emitter {
            ctx,
            fid,
            func,
            ops,
            depth: 0,
            frame_slots: kernel_slots + suspendable as u32 + argdesc_slot.is_some() as u32,
            loops: Vec::new(),
            finallies: Vec::new(),
            regions: Vec::new(),
            open_regions: Vec::new(),
            catch_slots: Vec::new(),
            positions: Vec::new(),
            overflow_label,
            suspend_slot,
            polls: Vec::new(),
            argdesc_slot,
            dynamic_param_checks: None,
        }
    }

    fn offset(&self) -> u32 {
        self.ops.offset().0 as u32
    }

    fn finish(self) -> EResult<CompiledFunction> {
        let span = self.func.span;
        let code = self
            .ops
            .finalize()
            .map_err(|e| err(span, format!("internal assembler error: {e:?}")))?;
        let mut handlers: Vec<HandlerEntry> = Vec::new();
        for r in &self.regions {
            for &(start, end) in &r.ranges {
                if start < end {
                    handlers.push(HandlerEntry {
                        start,
                        end,
                        handler: r.handler,
                        sp_slots: r.sp_slots,
                        depth: r.nesting,
                    });
                }
            }
        }
        handlers.sort_by_key(|h| std::cmp::Reverse(h.depth));
        let mut positions = self.positions;
        positions.sort_by_key(|p| p.0);
        Ok(CompiledFunction {
            code,
            handlers,
            positions,
        })
    }

    // -----------------------------------------------------------------------------------
    // Prologue, epilogue, bodies
    // -----------------------------------------------------------------------------------

    fn function(&mut self) -> EResult {
        self.prologue()?;
        if let Some(native) = self.func.native {
            self.native_body(native)?;
        } else if let Some(body) = &self.func.body {
            match self.func.async_marker {
                AsyncMarker::Sync => {}
                AsyncMarker::SyncStar => return self.sync_star_body(body),
                AsyncMarker::Async => return self.async_body(body),
                AsyncMarker::AsyncStar => return self.async_star_body(body),
            }
            self.stmt(body)?;
            self.load_null();
            self.epilogue();
        } else {
            self.abstract_body();
        }
        self.out_of_line_stubs()
    }

    fn prologue(&mut self) -> EResult {
        let marker = crate::runtime::object::Value::smi(self.fid.0 as i64).0 as i32;
        let overflow = self.overflow_label;
        dynasm!(self.ops
            ; .arch x64
            ; push rbp
            ; mov rbp, rsp
            ; push marker
            ; cmp rsp, QWORD [r14 + STACK_LIMIT]
            ; jb =>overflow
        );
        self.service_check(self.func.span, true);
        for _ in 0..self.frame_slots {
            dynasm!(self.ops ; .arch x64 ; push QWORD [r14 + NULL]);
        }
        self.save_argdesc();
        self.copy_parameters()?;
        self.param_checks()?;
        // Suspendable functions box their captured parameters after their start-up code
        // (each run of a `sync*` iterable gets fresh boxes).
        if self.suspend_slot.is_none() {
            self.box_captured_parameters();
        }
        Ok(())
    }

    /// Moves the arguments into their local slots. Functions with only required positional
    /// parameters copy them inline; others ask the runtime, which also fills defaults.
    fn copy_parameters(&mut self) -> EResult {
        let p = &self.func.params;
        let argc = p.receiver_slots + p.count();
        // Generic functions may be called with or without a type-argument vector: the
        // runtime places it (or the `dynamic` default) in its hidden local.
        let generic = self.func.type_args_local.is_some();
        if p.optional_positional == 0 && p.named.is_empty() && !generic {
            for i in 0..argc {
                let (src, dst) = (arg_disp(i, argc), local_disp(i));
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rbp + src] ; mov QWORD [rbp + dst], rax);
            }
            return Ok(());
        }
        let fid = self.fid.0 as i32;
        dynasm!(self.ops ; .arch x64 ; mov esi, fid ; mov rdx, r10);
        self.runtime_call(RuntimeEntry::CopyParameters, self.func.span);
        Ok(())
    }

    fn box_captured_parameters(&mut self) {
        let n = self.func.params.receiver_slots + self.func.params.count();
        let hidden = self.func.type_args_local.map(|l| l.0);
        for i in (0..n).chain(hidden) {
            if self.func.locals.get(i as usize).is_some_and(|l| l.captured) {
                self.box_local(i, self.func.span);
            }
        }
    }

    /// Replaces the value in local slot `slot` by a fresh box holding it.
    fn box_local(&mut self, slot: u32, span: Span) {
        let d = local_disp(slot);
        dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + d]);
        self.depth += 1;
        self.runtime_call_with_stack_args(RuntimeEntry::AllocateBox, 1, span);
        dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], rax);
    }

    fn epilogue(&mut self) {
        dynasm!(self.ops
            ; .arch x64
            ; mov rsp, rbp
            ; pop rbp
            ; ret
        );
    }

    fn native_body(&mut self, native: Symbol) -> EResult {
        let index = self.ctx.native_index(native).ok_or_else(|| {
            err(
                self.func.span,
                format!("the native '{native}' is not implemented by dartrs yet."),
            )
        })? as i32;
        // The natives read the parameters from the locals, where defaults are filled in;
        // a generic function's type-argument vector follows them.
        let argc = (self.func.params.receiver_slots
            + self.func.params.count()
            + self.func.type_args_local.is_some() as u32) as i32;
        let first = local_disp(0);
        dynasm!(self.ops
            ; .arch x64
            ; mov esi, index
            ; mov edx, argc
            ; lea rcx, [rbp + first]
        );
        self.runtime_call(RuntimeEntry::CallNative, self.func.span);
        self.epilogue();
        Ok(())
    }

    fn abstract_body(&mut self) {
        let kind = ErrorKind::AbstractCall as i32;
        dynasm!(self.ops ; .arch x64 ; push QWORD [r14 + NULL] ; mov edx, kind);
        self.depth += 1;
        self.runtime_call_with_stack_args(RuntimeEntry::RaiseError, 1, self.func.span);
        self.epilogue();
    }

    fn out_of_line_stubs(&mut self) -> EResult {
        self.dynamic_param_checks_path()?;
        let overflow = self.overflow_label;
        dynasm!(self.ops ; .arch x64 ; =>overflow);
        self.runtime_call(RuntimeEntry::StackOverflow, self.func.span);
        // Not reached: the runtime call always leaves an exception pending.
        dynasm!(self.ops ; .arch x64 ; int3);
        for (poll, resume, span, at_entry) in std::mem::take(&mut self.polls) {
            dynasm!(self.ops ; .arch x64 ; =>poll);
            if at_entry {
                // `r10` (the argument descriptor, a Smi) is live at function entry: keep
                // it in a frame slot, where the collector sees a tagged value.
                dynasm!(self.ops ; .arch x64 ; push r10);
            }
            self.runtime_call(RuntimeEntry::ServicePoll, span);
            if at_entry {
                dynasm!(self.ops ; .arch x64 ; pop r10);
            }
            dynasm!(self.ops ; .arch x64 ; jmp =>resume);
        }
        Ok(())
    }

    /// A safepoint for the VM service: when the thread's `service_interrupt` flag is set,
    /// call the runtime (out of line) and continue here afterwards.
    fn service_check(&mut self, span: Span, at_entry: bool) {
        let poll = self.ops.new_dynamic_label();
        let resume = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; cmp QWORD [r14 + SERVICE_INTERRUPT], 0
            ; jne =>poll
            ; =>resume
        );
        self.polls.push((poll, resume, span, at_entry));
    }

    // -----------------------------------------------------------------------------------
    // Runtime calls and calls to Dart code
    // -----------------------------------------------------------------------------------

    /// Calls a runtime entry with `rdi = thread`; `rsi`, `rdx`, `rcx`, `r8` are set by the
    /// caller. Records the exit frame so the runtime can walk the stack, aligns the stack,
    /// and afterwards dispatches a pending exception to the unwind stub.
    fn runtime_call(&mut self, entry: RuntimeEntry, span: Span) {
        let off = runtime_offset(entry);
        dynasm!(self.ops
            ; .arch x64
            ; mov QWORD [r14 + EXIT_FP], rbp
            ; mov QWORD [r14 + EXIT_SP], rsp
            ; lea rax, [>returned]
            ; mov QWORD [r14 + EXIT_PC], rax
            ; mov rdi, r14
            ; mov rbx, rsp
            ; and rsp, -16
            ; call QWORD [r14 + off]
            ; returned:
        );
        // The exit pc recorded above is this offset: stack traces look positions up by it.
        self.positions.push((self.offset(), span));
        dynasm!(self.ops ; .arch x64 ; mov rsp, rbx);
        dynasm!(self.ops
            ; .arch x64
            ; cmp QWORD [r14 + PENDING_STACK_TRACE], 0
            ; je >ok
            ; jmp QWORD [r14 + UNWIND_STUB]
            ; ok:
        );
    }

    /// A runtime call whose object arguments are the top `n` pushed temporaries: `rsi`
    /// points at them (the GC updates them in place if it moves objects). Pops them.
    fn runtime_call_with_stack_args(&mut self, entry: RuntimeEntry, n: u32, span: Span) {
        dynasm!(self.ops ; .arch x64 ; mov rsi, rsp);
        self.runtime_call(entry, span);
        self.drop_temps(n);
    }

    fn drop_temps(&mut self, n: u32) {
        if n > 0 {
            let bytes = 8 * n as i32;
            dynasm!(self.ops ; .arch x64 ; add rsp, bytes);
            self.depth -= n;
        }
    }

    fn push_rax(&mut self) {
        dynasm!(self.ops ; .arch x64 ; push rax);
        self.depth += 1;
    }

    fn pop_rax(&mut self) {
        dynasm!(self.ops ; .arch x64 ; pop rax);
        self.depth -= 1;
    }

    /// Calls entry index `r11` with `n` pushed arguments and descriptor `argdesc`; pops them.
    fn call_entry_in_r11(&mut self, argdesc: u32, n: u32, span: Span) {
        self.call_entry_in_r11_keep(argdesc, n, span, false)
    }

    /// As `call_entry_in_r11`; with `keep_top` the value is the last pushed argument
    /// (re-read after the call, as a collection may have moved it).
    fn call_entry_in_r11_keep(&mut self, argdesc: u32, n: u32, span: Span, keep_top: bool) {
        let desc = crate::runtime::object::Value::smi(argdesc as i64).0 as i32;
        dynasm!(self.ops
            ; .arch x64
            ; mov r10d, desc
            ; mov rax, QWORD [r14 + ENTRY_TABLE]
            ; call QWORD [rax + r11 * 8]
        );
        self.positions.push((self.offset(), span));
        if keep_top {
            dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rsp]);
        }
        self.drop_temps(n);
    }

    fn static_call(&mut self, target: FunctionId, argdesc: u32, n: u32, span: Span) {
        let index = self.ctx.entry_index(target) as i32;
        dynasm!(self.ops ; .arch x64 ; mov r11d, index);
        self.call_entry_in_r11(argdesc, n, span);
    }

    /// Instance call through a monomorphic inline cache: the receiver is the first of the
    /// `n` pushed values. A miss asks the runtime, which looks the selector up in the
    /// receiver's class (raising NoSuchMethodError if absent) and refills the cache.
    fn instance_call(&mut self, selector: Selector, argdesc: u32, n: u32, span: Span) {
        self.instance_call_inner(selector, argdesc, n, span, false)
    }

    /// Whether `ty` is a class type of a user library: such receivers are never Smis,
    /// strings or built-in lists, so the inline fast paths for those are skipped.
    fn is_user_class(&self, ty: &DartType) -> bool {
        let DartType::Interface { class, .. } = ty else {
            return false;
        };
        let program = self.ctx.program();
        program
            .classes
            .get(class.index())
            .and_then(|c| program.libraries.get(c.library.index()))
            .is_some_and(|l| !l.uri.starts_with("dart:"))
    }

    fn instance_call_inner(
        &mut self,
        selector: Selector,
        argdesc: u32,
        n: u32,
        span: Span,
        keep_top: bool,
    ) {
        let site = self.ctx.new_ic_site(selector, argdesc);
        let recv = 8 * (n as i32 - 1);
        let smi_cid = CID_SMI as i32;
        let miss = self.ops.new_dynamic_label();
        let do_call = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [rsp + recv]
            ; mov ecx, smi_cid
            ; test al, 1
            ; jz >have_cid
            ; mov ecx, DWORD [rax + CID_DISP]
            ; have_cid:
            ; mov rax, QWORD [r14 + IC_TABLE]
        );
        // Up to IC_WAYS class ids per site (polymorphic sites stay in generated code).
        for way in 0..crate::compiler::IC_WAYS {
            let (cid_off, fid_off) = crate::compiler::ic_entry_offsets(site, way);
            let next = self.ops.new_dynamic_label();
            dynasm!(self.ops
                ; .arch x64
                ; cmp ecx, DWORD [rax + cid_off]
                ; jne =>next
                ; mov r11, QWORD [rax + fid_off]
                ; jmp =>do_call
                ; =>next
            );
        }
        dynasm!(self.ops ; .arch x64 ; =>miss);
        let site_i = site as i32;
        dynasm!(self.ops ; .arch x64 ; mov edx, site_i ; lea rsi, [rsp + recv]);
        self.runtime_call(RuntimeEntry::ResolveInstanceCall, span);
        dynasm!(self.ops ; .arch x64 ; mov r11, rax ; =>do_call);
        self.call_entry_in_r11_keep(argdesc, n, span, keep_top);
    }

    // -----------------------------------------------------------------------------------
    // Statements
    // -----------------------------------------------------------------------------------

    fn stmt(&mut self, s: &Stmt) -> EResult {
        match &s.kind {
            StmtKind::Block(stmts) => stmts.iter().try_for_each(|s| self.stmt(s)),
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::VarDecl { local, init } => self.var_decl(*local, init.as_ref(), s.span),
            StmtKind::If {
                condition,
                then,
                otherwise,
            } => self.if_stmt(condition, then, otherwise.as_deref()),
            StmtKind::Loop {
                label,
                body,
                update,
            } => self.loop_stmt(*label, body, update.as_deref()),
            StmtKind::Labeled { label, body } => self.labeled(*label, body),
            StmtKind::Break(label) => self.jump_to_label(*label, false, s.span),
            StmtKind::Continue(label) => self.jump_to_label(*label, true, s.span),
            StmtKind::Return(value) => self.return_stmt(value.as_ref()),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => self.try_stmt(body, catches, finally.as_deref(), s.span),
            StmtKind::Throw(e) => self.throw(e, s.span),
            StmtKind::Rethrow => self.rethrow(s.span),
            StmtKind::Assert { condition, message } => {
                self.assert_stmt(condition, message.as_ref(), s.span)
            }
            StmtKind::FreshBox(local) => {
                let d = local_disp(local.0);
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rbp + d] ; mov rax, QWORD [rax + field_disp(0)]);
                self.push_rax();
                self.runtime_call_with_stack_args(RuntimeEntry::AllocateBox, 1, s.span);
                dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], rax);
                Ok(())
            }
            StmtKind::Yield { value, star } => self.yield_stmt(value, *star, s.span),
        }
    }

    fn var_decl(&mut self, local: LocalId, init: Option<&Expr>, span: Span) -> EResult {
        match init {
            Some(e) => self.expr(e)?,
            None => self.load_null(),
        }
        let d = local_disp(local.0);
        dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], rax);
        if self.is_captured(local) {
            self.box_local(local.0, span);
        }
        Ok(())
    }

    fn is_captured(&self, local: LocalId) -> bool {
        self.func
            .locals
            .get(local.index())
            .is_some_and(|l| l.captured)
    }

    /// Jumps to `target` unless `rax` is `true`.
    fn branch_if_false(&mut self, target: DynamicLabel) {
        dynasm!(self.ops
            ; .arch x64
            ; cmp rax, QWORD [r14 + TRUE]
            ; jne =>target
        );
    }

    fn condition(&mut self, e: &Expr, if_false: DynamicLabel) -> EResult {
        self.expr(e)?;
        self.branch_if_false(if_false);
        Ok(())
    }

    fn if_stmt(&mut self, condition: &Expr, then: &Stmt, otherwise: Option<&Stmt>) -> EResult {
        let else_label = self.ops.new_dynamic_label();
        let end = self.ops.new_dynamic_label();
        self.condition(condition, else_label)?;
        self.stmt(then)?;
        dynasm!(self.ops ; .arch x64 ; jmp =>end ; =>else_label);
        if let Some(o) = otherwise {
            self.stmt(o)?;
        }
        dynasm!(self.ops ; .arch x64 ; =>end);
        Ok(())
    }

    fn loop_stmt(&mut self, label: LabelId, body: &Stmt, update: Option<&Stmt>) -> EResult {
        let top = self.ops.new_dynamic_label();
        let cont = self.ops.new_dynamic_label();
        let brk = self.ops.new_dynamic_label();
        self.loops.push(LoopTarget {
            label,
            break_to: brk,
            continue_to: Some(cont),
            depth: self.depth,
            finally_depth: self.finallies.len(),
        });
        dynasm!(self.ops ; .arch x64 ; =>top);
        let result = self.stmt(body);
        dynasm!(self.ops ; .arch x64 ; =>cont);
        let result = result.and_then(|_| update.map_or(Ok(()), |u| self.stmt(u)));
        // The back edge is a safepoint, so a loop without calls can still be paused.
        self.service_check(body.span, false);
        dynasm!(self.ops ; .arch x64 ; jmp =>top ; =>brk);
        self.loops.pop();
        result
    }

    fn labeled(&mut self, label: LabelId, body: &Stmt) -> EResult {
        let brk = self.ops.new_dynamic_label();
        self.loops.push(LoopTarget {
            label,
            break_to: brk,
            continue_to: None,
            depth: self.depth,
            finally_depth: self.finallies.len(),
        });
        let result = self.stmt(body);
        dynasm!(self.ops ; .arch x64 ; =>brk);
        self.loops.pop();
        result
    }

    fn jump_to_label(&mut self, label: LabelId, is_continue: bool, span: Span) -> EResult {
        let Some(t) = self.loops.iter().rev().find(|t| t.label == label) else {
            return Err(err(
                span,
                "internal error: jump to a label that is not in scope.",
            ));
        };
        let target = if is_continue {
            t.continue_to
        } else {
            Some(t.break_to)
        };
        let target =
            target.ok_or_else(|| err(span, "internal error: continue to a non-loop label."))?;
        let (target_depth, finally_depth) = (t.depth, t.finally_depth);
        self.run_finallies_down_to(finally_depth)?;
        let extra = self.depth - target_depth;
        if extra > 0 {
            let bytes = 8 * extra as i32;
            dynasm!(self.ops ; .arch x64 ; add rsp, bytes);
        }
        dynasm!(self.ops ; .arch x64 ; jmp =>target);
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&Expr>) -> EResult {
        match value {
            Some(e) => self.expr(e)?,
            None => self.load_null(),
        }
        if !self.finallies.is_empty() {
            self.push_rax();
            self.run_finallies_down_to(0)?;
            self.pop_rax();
        }
        match self.func.async_marker {
            AsyncMarker::Async => return self.async_return(self.func.span),
            AsyncMarker::AsyncStar => return self.async_star_return(self.func.span),
            AsyncMarker::SyncStar => {
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [r14 + FALSE]);
            }
            _ => {}
        }
        self.epilogue();
        Ok(())
    }

    /// Emits the bodies of the enclosing `finally` blocks (innermost first) down to
    /// `level`, for a jump that leaves them. Their code is not protected by their own
    /// try regions, so the regions are closed around it.
    fn run_finallies_down_to(&mut self, level: usize) -> EResult {
        let mut i = self.finallies.len();
        while i > level {
            i -= 1;
            let body = self.finallies[i].body.clone();
            let saved_regions: Vec<usize> = self.finallies[i].regions.clone();
            for &r in &saved_regions {
                self.close_region(r);
            }
            let saved = std::mem::take(&mut self.finallies);
            let (keep, _) = saved.split_at(i);
            // The finally body runs in the context of the scopes outside its try.
            let outer: Vec<FinallyScope> = keep
                .iter()
                .map(|f| FinallyScope {
                    body: f.body.clone(),
                    depth: f.depth,
                    regions: f.regions.clone(),
                })
                .collect();
            self.finallies = outer;
            let result = self.stmt(&body);
            self.finallies = saved;
            result?;
            for &r in &saved_regions {
                self.open_region(r);
            }
        }
        Ok(())
    }

    fn open_region(&mut self, r: usize) {
        let at = self.offset();
        self.regions[r].open_since = Some(at);
    }

    fn close_region(&mut self, r: usize) {
        let at = self.offset();
        if let Some(start) = self.regions[r].open_since.take() {
            self.regions[r].ranges.push((start, at));
        }
    }

    fn new_region(&mut self) -> usize {
        let nesting = self.open_regions.len() as u32;
        self.regions.push(TryRegion {
            ranges: Vec::new(),
            open_since: None,
            handler: 0,
            sp_slots: self.frame_slots + self.depth,
            nesting,
        });
        let r = self.regions.len() - 1;
        self.open_region(r);
        self.open_regions.push(r);
        r
    }

    fn end_region(&mut self, r: usize) {
        self.close_region(r);
        self.open_regions.retain(|&x| x != r);
    }

    fn try_stmt(
        &mut self,
        body: &Stmt,
        catches: &[crate::kernel::ir::Catch],
        finally: Option<&Stmt>,
        span: Span,
    ) -> EResult {
        let finally_region = finally.map(|_| self.new_region());
        if let (Some(f), Some(r)) = (finally, finally_region) {
            self.finallies.push(FinallyScope {
                body: f.clone(),
                depth: self.depth,
                regions: vec![r],
            });
        }
        let done = self.ops.new_dynamic_label();
        if catches.is_empty() {
            self.stmt(body)?;
        } else {
            self.try_catch(body, catches, span)?;
        }
        if let (Some(f), Some(r)) = (finally, finally_region) {
            self.finallies.pop();
            self.end_region(r);
            // Normal completion: run the finally block and continue.
            self.stmt(f)?;
            dynasm!(self.ops ; .arch x64 ; jmp =>done);
            // Exceptional completion: save the exception, run finally, rethrow it.
            self.regions[r].handler = self.offset();
            let (exc, trace) = self.enter_handler();
            self.stmt(f)?;
            self.rethrow_from(exc, trace, span);
            self.leave_handler();
        }
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    /// At a handler's start (exception in `rax`, trace pending in the thread): pushes both
    /// as temporaries (two frame slots) and clears the pending state.
    fn enter_handler(&mut self) -> (u32, u32) {
        let exc = self.frame_slots + self.depth;
        let trace = exc + 1;
        dynasm!(self.ops
            ; .arch x64
            ; push rax
            ; push QWORD [r14 + PENDING_STACK_TRACE]
            ; mov QWORD [r14 + PENDING_EXCEPTION], 0
            ; mov QWORD [r14 + PENDING_STACK_TRACE], 0
        );
        self.depth += 2;
        self.catch_slots.push((exc, trace));
        (exc, trace)
    }

    fn leave_handler(&mut self) {
        self.catch_slots.pop();
        self.depth -= 2;
    }

    fn try_catch(
        &mut self,
        body: &Stmt,
        catches: &[crate::kernel::ir::Catch],
        span: Span,
    ) -> EResult {
        let region = self.new_region();
        let after = self.ops.new_dynamic_label();
        self.stmt(body)?;
        self.end_region(region);
        dynasm!(self.ops ; .arch x64 ; jmp =>after);
        self.regions[region].handler = self.offset();
        let (exc, trace) = self.enter_handler();
        let depth_in_handler = self.depth;
        for c in catches {
            let next = self.ops.new_dynamic_label();
            if let Some(ty) = &c.on_type {
                let t = self.ctx.type_index(ty) as i32;
                let de = local_disp(exc);
                // No cache site for catch clauses (rcx = -1).
                dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + de] ; mov edx, t ; mov rcx, -1);
                self.depth += 1;
                self.runtime_call_with_stack_args(RuntimeEntry::InstanceOf, 1, c.body.span);
                self.branch_if_false(next);
            }
            if let Some(l) = c.exception {
                self.bind_handler_value(l, exc, c.body.span);
            }
            if let Some(l) = c.stack_trace {
                self.bind_handler_value(l, trace, c.body.span);
            }
            self.stmt(&c.body)?;
            debug_assert_eq!(self.depth, depth_in_handler);
            dynasm!(self.ops ; .arch x64 ; add rsp, 16 ; jmp =>after ; =>next);
        }
        // No clause matched: pass the exception on with its original trace.
        self.rethrow_from(exc, trace, span);
        self.leave_handler();
        dynasm!(self.ops ; .arch x64 ; =>after);
        Ok(())
    }

    fn bind_handler_value(&mut self, local: LocalId, hidden: u32, span: Span) {
        let (src, dst) = (local_disp(hidden), local_disp(local.0));
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rbp + src] ; mov QWORD [rbp + dst], rax);
        if self.is_captured(local) {
            self.box_local(local.0, span);
        }
    }

    fn rethrow_from(&mut self, exc: u32, trace: u32, span: Span) {
        let (de, dt) = (local_disp(exc), local_disp(trace));
        dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + de] ; push QWORD [rbp + dt]);
        self.depth += 2;
        self.runtime_call_with_stack_args(RuntimeEntry::Rethrow, 2, span);
    }

    fn rethrow(&mut self, span: Span) -> EResult {
        let &(exc, trace) = self
            .catch_slots
            .last()
            .ok_or_else(|| err(span, "'rethrow' outside a catch clause."))?;
        self.rethrow_from(exc, trace, span);
        Ok(())
    }

    fn throw(&mut self, e: &Expr, span: Span) -> EResult {
        self.expr(e)?;
        self.push_rax();
        self.runtime_call_with_stack_args(RuntimeEntry::Throw, 1, span);
        Ok(())
    }

    fn assert_stmt(&mut self, condition: &Expr, message: Option<&Expr>, span: Span) -> EResult {
        if !self.ctx.asserts_enabled() {
            return Ok(());
        }
        let ok = self.ops.new_dynamic_label();
        self.expr(condition)?;
        dynasm!(self.ops ; .arch x64 ; cmp rax, QWORD [r14 + TRUE] ; je =>ok);
        match message {
            Some(m) => self.expr(m)?,
            None => self.load_null(),
        }
        self.push_rax();
        let pos = self.ctx.position_id(condition.span) as i32;
        let kind = ErrorKind::Assertion as i32;
        dynasm!(self.ops ; .arch x64 ; mov edx, kind ; mov ecx, pos);
        self.runtime_call_with_stack_args(RuntimeEntry::RaiseError, 1, span);
        dynasm!(self.ops ; .arch x64 ; =>ok);
        Ok(())
    }

    // -----------------------------------------------------------------------------------
    // Expressions (result in rax)
    // -----------------------------------------------------------------------------------

    fn load_null(&mut self) {
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [r14 + NULL]);
    }

    fn expr(&mut self, e: &Expr) -> EResult {
        match &e.kind {
            ExprKind::Const(id) => self.constant(*id, e.span),
            ExprKind::LocalGet(l) => {
                self.local_get(*l);
                Ok(())
            }
            ExprKind::LocalSet(l, value) => {
                self.expr(value)?;
                self.local_set(*l);
                Ok(())
            }
            ExprKind::CapturedGet(n) => {
                self.capture_slot(*n, e.span)?;
                // A captured `this` is held by value; every other capture is a box.
                if !matches!(self.func.captures.get(*n as usize), Some(Capture::This)) {
                    dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rax + field_disp(0)]);
                }
                Ok(())
            }
            ExprKind::CapturedSet(n, value) => {
                self.expr(value)?;
                self.push_rax();
                self.capture_slot(*n, e.span)?;
                dynasm!(self.ops ; .arch x64 ; mov rcx, rax);
                self.pop_rax();
                dynasm!(self.ops ; .arch x64 ; mov QWORD [rcx + field_disp(0)], rax);
                super::stubs::write_barrier(&mut self.ops, 1, 0);
                Ok(())
            }
            ExprKind::This => self.this(e.span),
            ExprKind::FieldGet { receiver, field } => {
                self.expr(receiver)?;
                let disp = field_disp(self.ctx.program().field(*field).slot as usize);
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rax + disp]);
                Ok(())
            }
            ExprKind::FieldSet {
                receiver,
                field,
                value,
            } => {
                self.expr(receiver)?;
                self.push_rax();
                self.expr(value)?;
                let disp = field_disp(self.ctx.program().field(*field).slot as usize);
                dynasm!(self.ops ; .arch x64 ; pop rcx ; mov QWORD [rcx + disp], rax);
                self.depth -= 1;
                super::stubs::write_barrier(&mut self.ops, 1, 0);
                Ok(())
            }
            ExprKind::StaticGet(f) => self.static_get(*f, e.span),
            ExprKind::StaticSet(f, value) => {
                self.expr(value)?;
                let slot = 8 * self.ctx.static_slot(*f) as i32;
                dynasm!(self.ops ; .arch x64 ; mov rcx, QWORD [r14 + STATICS] ; mov QWORD [rcx + slot], rax);
                Ok(())
            }
            ExprKind::StaticCall {
                target,
                receiver,
                args,
            } => self.static_call_expr(*target, receiver.as_deref(), args, e.span),
            ExprKind::InstanceCall {
                receiver,
                selector,
                args,
            } => self.instance_call_expr(receiver, *selector, args, e.span),
            ExprKind::InstanceGet { receiver, name }
                if *name == crate::front::intern::well_known().length
                    && !self.is_user_class(&receiver.ty) =>
            {
                self.expr(receiver)?;
                self.length_get(&receiver.ty, *name, e.span)
            }
            ExprKind::InstanceGet { receiver, name } => {
                self.expr(receiver)?;
                self.push_rax();
                let desc = self.ctx.argdesc(1, &[]);
                self.dispatch(
                    &receiver.ty,
                    Selector::Getter(*name),
                    desc,
                    1,
                    e.span,
                    false,
                )
            }
            ExprKind::InstanceSet {
                receiver,
                name,
                value,
            } => {
                self.expr(receiver)?;
                self.push_rax();
                self.expr(value)?;
                self.push_rax();
                let desc = self.ctx.argdesc(2, &[]);
                // The expression's value is the assigned value, whatever the setter returns.
                self.dispatch(&receiver.ty, Selector::Setter(*name), desc, 2, e.span, true)
            }
            ExprKind::FunctionCall { callee, args } => self.function_call(callee, args, e.span),
            ExprKind::New {
                class,
                constructor,
                args,
                type_args,
            } => self.new_instance(*class, *constructor, args, type_args.as_deref(), e.span),
            ExprKind::Equals {
                left,
                right,
                negated,
            } => self.equals(left, right, *negated, e.span),
            ExprKind::Identical(a, b) => self.identical(a, b, e.span),
            ExprKind::Not(inner) => {
                self.expr(inner)?;
                self.negate_bool();
                Ok(())
            }
            ExprKind::And(a, b) => self.logical(a, b, true),
            ExprKind::Or(a, b) => self.logical(a, b, false),
            ExprKind::Conditional {
                condition,
                then,
                otherwise,
            } => {
                let else_label = self.ops.new_dynamic_label();
                let end = self.ops.new_dynamic_label();
                self.condition(condition, else_label)?;
                self.expr(then)?;
                dynasm!(self.ops ; .arch x64 ; jmp =>end ; =>else_label);
                self.expr(otherwise)?;
                dynasm!(self.ops ; .arch x64 ; =>end);
                Ok(())
            }
            ExprKind::Is { expr, ty, negated } => {
                self.expr(expr)?;
                if let crate::kernel::ir::DartType::RecordType(_) = ty {
                    self.record_type_test(ty, TypeTest::Is, e.span);
                } else {
                    self.type_test(ty, TypeTest::Is, e.span);
                }
                if *negated {
                    self.negate_bool();
                }
                Ok(())
            }
            ExprKind::As { expr, ty, implicit } => {
                self.expr(expr)?;
                let test = if *implicit {
                    TypeTest::ImplicitCast
                } else {
                    TypeTest::Cast
                };
                if let crate::kernel::ir::DartType::RecordType(_) = ty {
                    self.record_type_test(ty, test, e.span);
                } else if !matches!(ty, crate::kernel::ir::DartType::Dynamic) {
                    self.type_test(ty, test, e.span);
                }
                Ok(())
            }
            ExprKind::NullCheck(inner) => {
                self.expr(inner)?;
                // Dynamic labels only when code emitted by helpers lies between a jump and
                // its target: dynasm's local labels would bind to the helper's own.
                let ok = self.ops.new_dynamic_label();
                dynasm!(self.ops ; .arch x64 ; cmp rax, QWORD [r14 + NULL] ; jne =>ok);
                self.raise_error(ErrorKind::NullCheck, e.span);
                dynasm!(self.ops ; .arch x64 ; =>ok);
                Ok(())
            }
            ExprKind::Throw(inner) => self.throw(inner, e.span),
            ExprKind::Await(inner) => self.await_expr(inner, e.span),
            ExprKind::ListLiteral {
                elements,
                element_type,
                type_args,
            } => {
                self.literal_type_args(type_args.as_deref(), std::slice::from_ref(element_type))?;
                for el in elements {
                    self.expr(el)?;
                    self.push_rax();
                }
                let n = elements.len() as u32;
                dynasm!(self.ops ; .arch x64 ; mov edx, n as i32);
                self.runtime_call_with_stack_args(RuntimeEntry::ListLiteral, n, e.span);
                self.store_type_args(crate::runtime::layout::GROWABLE_TYPE_ARGS);
                Ok(())
            }
            ExprKind::MapLiteral {
                entries,
                key_type,
                value_type,
                type_args,
            } => {
                let types = [key_type.clone(), value_type.clone()];
                self.literal_type_args(type_args.as_deref(), &types)?;
                for (k, v) in entries {
                    self.expr(k)?;
                    self.push_rax();
                    self.expr(v)?;
                    self.push_rax();
                }
                let n = entries.len() as u32;
                dynasm!(self.ops ; .arch x64 ; mov edx, n as i32);
                self.runtime_call_with_stack_args(RuntimeEntry::MapLiteral, 2 * n, e.span);
                self.store_type_args(crate::runtime::layout::MAP_TYPE_ARGS);
                Ok(())
            }
            ExprKind::TypeArgs { types, env } => self.type_args(types, env, e.span),
            ExprKind::InstanceTypeArgs { receiver, class } => {
                self.expr(receiver)?;
                self.push_rax();
                dynasm!(self.ops ; .arch x64 ; mov edx, class.0 as i32);
                self.runtime_call_with_stack_args(RuntimeEntry::InstanceTypeArgs, 1, e.span);
                Ok(())
            }
            ExprKind::IsRuntime {
                expr,
                type_args,
                negated,
            } => {
                self.expr(expr)?;
                self.push_rax();
                self.expr(type_args)?;
                self.push_rax();
                self.runtime_call_with_stack_args(RuntimeEntry::InstanceOfRuntime, 2, e.span);
                if *negated {
                    self.negate_bool();
                }
                Ok(())
            }
            ExprKind::AsRuntime {
                expr,
                type_args,
                implicit,
            } => {
                self.expr(expr)?;
                self.push_rax();
                self.expr(type_args)?;
                self.push_rax();
                let implicit = i32::from(*implicit);
                dynasm!(self.ops ; .arch x64 ; mov edx, implicit);
                self.runtime_call_with_stack_args(RuntimeEntry::CastToRuntime, 2, e.span);
                Ok(())
            }
            ExprKind::TypeValue(type_args) => {
                self.expr(type_args)?;
                self.push_rax();
                self.runtime_call_with_stack_args(RuntimeEntry::TypeValue, 1, e.span);
                Ok(())
            }
            ExprKind::Closure(f) => self.closure(*f, e.span),
            ExprKind::StaticTearOff(f) => {
                let index = self.ctx.entry_index(*f) as i32;
                dynasm!(self.ops ; .arch x64 ; mov esi, index);
                self.runtime_call(RuntimeEntry::StaticTearOff, e.span);
                Ok(())
            }
            ExprKind::Let { local, value, body } => {
                self.expr(value)?;
                self.local_set(*local);
                self.expr(body)
            }
            ExprKind::Block { stmts, value } => {
                for s in stmts {
                    self.stmt(s)?;
                }
                self.expr(value)
            }
            ExprKind::Native { name, args } => {
                let index = self.ctx.native_index(*name).ok_or_else(|| {
                    err(
                        e.span,
                        format!("the native '{name}' is not implemented by dartrs yet."),
                    )
                })? as i32;
                for a in args {
                    self.expr(a)?;
                    self.push_rax();
                }
                let n = args.len() as u32;
                dynasm!(self.ops ; .arch x64 ; mov esi, index ; mov edx, n as i32 ; lea rcx, [rsp + 8 * n as i32 - 8]);
                self.runtime_call(RuntimeEntry::CallNative, e.span);
                self.drop_temps(n);
                Ok(())
            }
            ExprKind::StringConcat(parts) => self.string_concat(parts, e.span),
            ExprKind::RecordLiteral { shape, fields } => self.record_literal(shape, fields, e.span),
            ExprKind::RecordGet {
                receiver,
                shape,
                index,
            } => self.record_get(receiver, shape, *index, e.span),
        }
    }

    fn constant(&mut self, id: crate::kernel::ir::ConstId, span: Span) -> EResult {
        match self.ctx.program().constant(id) {
            Constant::Null => self.load_null(),
            Constant::Bool(true) => dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [r14 + TRUE]),
            Constant::Bool(false) => dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [r14 + FALSE]),
            Constant::Int(v) if crate::runtime::object::Value::try_smi(*v).is_some() => {
                let raw = crate::runtime::object::Value::smi(*v).0 as i64;
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD raw);
            }
            _ => {
                let slot = self.ctx.constant_slot(id).map_err(|m| err(span, m))?;
                let disp = 8 * slot as i32;
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [r14 + CONSTANTS] ; mov rax, QWORD [rax + disp]);
            }
        }
        Ok(())
    }

    fn local_get(&mut self, l: LocalId) {
        let d = local_disp(l.0);
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rbp + d]);
        if self.is_captured(l) {
            dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rax + field_disp(0)]);
        }
    }

    fn local_set(&mut self, l: LocalId) {
        let d = local_disp(l.0);
        if self.is_captured(l) {
            dynasm!(self.ops ; .arch x64 ; mov rcx, QWORD [rbp + d] ; mov QWORD [rcx + field_disp(0)], rax);
            super::stubs::write_barrier(&mut self.ops, 1, 0);
        } else {
            dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], rax);
        }
    }

    /// Loads the current closure's capture `n` into rax: a box, or the receiver itself for
    /// a `Capture::This`. The closure is local 0; its captures array holds one per capture.
    fn capture_slot(&mut self, n: u32, span: Span) -> EResult {
        if self.func.kind != FunctionKind::Closure {
            return Err(err(
                span,
                "internal error: captured variable outside a closure.",
            ));
        }
        let d = local_disp(0);
        let elem = crate::runtime::layout::array_element_disp(n as usize);
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [rbp + d]
            ; mov rax, QWORD [rax + crate::runtime::layout::CLOSURE_CAPTURES_DISP]
            ; mov rax, QWORD [rax + elem]
        );
        Ok(())
    }

    fn this(&mut self, span: Span) -> EResult {
        if self.func.kind == FunctionKind::Closure {
            let n = self
                .func
                .captures
                .iter()
                .position(|c| matches!(c, Capture::This))
                .ok_or_else(|| {
                    err(
                        span,
                        "internal error: 'this' in a closure that does not capture it.",
                    )
                })?;
            self.capture_slot(n as u32, span)?;
        } else {
            let d = local_disp(0);
            dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rbp + d]);
        }
        Ok(())
    }

    fn static_get(&mut self, f: crate::kernel::ir::FieldId, span: Span) -> EResult {
        let initialised = self.ops.new_dynamic_label();
        let slot = self.ctx.static_slot(f);
        let disp = 8 * slot as i32;
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [r14 + STATICS]
            ; mov rax, QWORD [rax + disp]
            ; cmp rax, QWORD [r14 + UNINITIALIZED_STATIC]
            ; jne =>initialised
            ; mov esi, f.0 as i32
        );
        self.runtime_call(RuntimeEntry::InitStatic, span);
        dynasm!(self.ops ; .arch x64 ; =>initialised);
        Ok(())
    }

    /// Pushes the arguments (positional, then named in source order) and returns their
    /// count and descriptor.
    fn push_args(&mut self, args: &Args, extra_positional: u32) -> EResult<(u32, u32)> {
        if let Some(t) = &args.type_args {
            self.expr(t)?;
            self.push_rax();
        }
        for a in &args.positional {
            self.expr(a)?;
            self.push_rax();
        }
        let mut names = Vec::with_capacity(args.named.len());
        for (name, a) in &args.named {
            self.expr(a)?;
            self.push_rax();
            names.push(*name);
        }
        let positional = args.positional.len() as u32 + extra_positional;
        if args.type_args.is_some() {
            let desc = self.ctx.argdesc_with_type_args(positional, &names);
            return Ok((positional + names.len() as u32 + 1, desc));
        }
        let desc = self.ctx.argdesc(positional, &names);
        Ok((positional + names.len() as u32, desc))
    }

    fn static_call_expr(
        &mut self,
        target: FunctionId,
        receiver: Option<&Expr>,
        args: &Args,
        span: Span,
    ) -> EResult {
        let mut extra = 0;
        if let Some(r) = receiver {
            self.expr(r)?;
            self.push_rax();
            extra = 1;
        }
        let (n, desc) = self.push_args(args, extra)?;
        self.static_call(target, desc, n, span);
        Ok(())
    }

    fn instance_call_expr(
        &mut self,
        receiver: &Expr,
        selector: Symbol,
        args: &Args,
        span: Span,
    ) -> EResult {
        self.expr(receiver)?;
        self.push_rax();
        let ty = &receiver.ty;
        // Receivers of user classes are never Smis or lists: no inline fast paths for them.
        let fast_paths = !self.is_user_class(ty);
        if fast_paths && args.named.is_empty() && args.positional.len() == 1 {
            if let Some(op) = SmiOp::from_selector(selector.as_str()) {
                self.expr(&args.positional[0])?;
                return self.smi_binary(ty, op, selector, span);
            }
        }
        let wk = crate::front::intern::well_known();
        if fast_paths && args.named.is_empty() && args.positional.len() == 1 && selector == wk.index
        {
            self.expr(&args.positional[0])?;
            return self.index_get(ty, selector, span);
        }
        if fast_paths
            && args.named.is_empty()
            && args.positional.len() == 2
            && selector == wk.index_set
        {
            self.expr(&args.positional[0])?;
            self.push_rax();
            self.expr(&args.positional[1])?;
            return self.index_set(ty, selector, span);
        }
        if fast_paths
            && args.named.is_empty()
            && args.positional.is_empty()
            && selector.as_str() == "unary-"
        {
            return self.smi_negate(ty, selector, span);
        }
        let (n, desc) = self.push_args(args, 1)?;
        self.dispatch(ty, Selector::Method(selector), desc, n, span, false)
    }

    /// `receiver op arg` with the receiver pushed and the argument in rax: inline code when
    /// both are Smis (and the result fits), an instance call otherwise.
    fn smi_binary(&mut self, ty: &DartType, op: SmiOp, selector: Symbol, span: Span) -> EResult {
        let slow = self.ops.new_dynamic_label();
        let call = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        dynasm!(self.ops ; .arch x64 ; mov rcx, rax ; mov rax, QWORD [rsp]);
        if op != SmiOp::Div {
            dynasm!(self.ops
                ; .arch x64
                ; mov rdx, rax
                ; or rdx, rcx
                ; test dl, 1
                ; jnz =>slow
            );
            self.smi_operation(op, slow);
            dynasm!(self.ops ; .arch x64 ; add rsp, 8 ; jmp =>done);
        }
        dynasm!(self.ops ; .arch x64 ; =>slow);
        self.double_operation(op, call, done);
        dynasm!(self.ops ; .arch x64 ; =>call ; push rcx);
        // Otherwise a real call of the operator (boxed ints, mixed operands, user classes).
        // Every path leaves the stack as it was before the receiver was pushed.
        self.depth += 1;
        let desc = self.ctx.argdesc(2, &[]);
        self.dispatch(ty, Selector::Method(selector), desc, 2, span, false)?;
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    /// `rax op rcx` on two Smis (tagged); jumps to `overflow` when the result does not fit.
    fn smi_operation(&mut self, op: SmiOp, overflow: DynamicLabel) {
        match op {
            SmiOp::Add => dynasm!(self.ops ; .arch x64 ; add rax, rcx ; jo =>overflow),
            SmiOp::Sub => dynasm!(self.ops ; .arch x64 ; sub rax, rcx ; jo =>overflow),
            SmiOp::Mul => {
                dynasm!(self.ops ; .arch x64 ; sar rax, 1 ; imul rax, rcx ; jo =>overflow)
            }
            SmiOp::BitAnd => dynasm!(self.ops ; .arch x64 ; and rax, rcx),
            SmiOp::BitOr => dynasm!(self.ops ; .arch x64 ; or rax, rcx),
            SmiOp::BitXor => dynasm!(self.ops ; .arch x64 ; xor rax, rcx),
            SmiOp::Div => {}
            SmiOp::Lt | SmiOp::Gt | SmiOp::Le | SmiOp::Ge | SmiOp::Eq => {
                dynasm!(self.ops ; .arch x64 ; cmp rax, rcx ; mov rax, QWORD [r14 + FALSE]);
                match op {
                    SmiOp::Lt => dynasm!(self.ops ; .arch x64 ; cmovl rax, QWORD [r14 + TRUE]),
                    SmiOp::Gt => dynasm!(self.ops ; .arch x64 ; cmovg rax, QWORD [r14 + TRUE]),
                    SmiOp::Le => dynasm!(self.ops ; .arch x64 ; cmovle rax, QWORD [r14 + TRUE]),
                    SmiOp::Ge => dynasm!(self.ops ; .arch x64 ; cmovge rax, QWORD [r14 + TRUE]),
                    _ => dynasm!(self.ops ; .arch x64 ; cmove rax, QWORD [r14 + TRUE]),
                }
            }
        }
    }

    /// The receiver (pushed, a double) `op` rcx (a double or a Smi), computed with SSE:
    /// arithmetic allocates the result inline, comparisons produce a bool (false when
    /// either is NaN). Anything else, or a full allocation window, jumps to `call`.
    fn double_operation(&mut self, op: SmiOp, call: DynamicLabel, done: DynamicLabel) {
        if matches!(op, SmiOp::BitAnd | SmiOp::BitOr | SmiOp::BitXor | SmiOp::Eq) {
            dynasm!(self.ops ; .arch x64 ; jmp =>call);
            return;
        }
        let double = crate::runtime::object::CID_DOUBLE as i32;
        let value = field_disp(0);
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [rsp]
            ; test al, 1
            ; jz =>call
            ; cmp DWORD [rax + CID_DISP], double
            ; jne =>call
            ; movsd xmm0, QWORD [rax + value]
            ; test cl, 1
            ; jnz >heap_right
            ; mov rdx, rcx
            ; sar rdx, 1
            ; cvtsi2sd xmm1, rdx
            ; jmp >have_right
            ; heap_right:
            ; cmp DWORD [rcx + CID_DISP], double
            ; jne =>call
            ; movsd xmm1, QWORD [rcx + value]
            ; have_right:
        );
        match op {
            SmiOp::Add => dynasm!(self.ops ; .arch x64 ; addsd xmm0, xmm1),
            SmiOp::Sub => dynasm!(self.ops ; .arch x64 ; subsd xmm0, xmm1),
            SmiOp::Mul => dynasm!(self.ops ; .arch x64 ; mulsd xmm0, xmm1),
            SmiOp::Div => dynasm!(self.ops ; .arch x64 ; divsd xmm0, xmm1),
            _ => {
                // ucomisd leaves CF=ZF=PF=1 for NaN, so `a` / `ae` are false then.
                match op {
                    SmiOp::Lt | SmiOp::Le => dynasm!(self.ops ; .arch x64 ; ucomisd xmm1, xmm0),
                    _ => dynasm!(self.ops ; .arch x64 ; ucomisd xmm0, xmm1),
                }
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [r14 + FALSE]);
                match op {
                    SmiOp::Lt | SmiOp::Gt => {
                        dynasm!(self.ops ; .arch x64 ; cmova rax, QWORD [r14 + TRUE])
                    }
                    _ => dynasm!(self.ops ; .arch x64 ; cmovae rax, QWORD [r14 + TRUE]),
                }
                dynasm!(self.ops ; .arch x64 ; add rsp, 8 ; jmp =>done);
                return;
            }
        }
        let header =
            crate::runtime::object::make_header(crate::runtime::object::CID_DOUBLE, 2) as i64;
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [r14 + ALLOC_TOP]
            ; lea rdx, [rax + 16]
            ; cmp rdx, QWORD [r14 + ALLOC_END]
            ; ja =>call
            ; mov QWORD [r14 + ALLOC_TOP], rdx
            ; mov rdx, QWORD header
            ; mov QWORD [rax], rdx
            ; movsd QWORD [rax + 8], xmm0
            ; add rax, 1
            ; add rsp, 8
            ; jmp =>done
        );
    }

    /// With a receiver in rax and an index in rcx: jumps to `slow` unless the receiver is a
    /// built-in list (modifiable only, unless `allow_immutable`) and the index a Smi in
    /// range; otherwise leaves the backing array in rax. Only rdx is clobbered besides.
    fn list_storage_in_range(&mut self, slow: DynamicLabel, allow_immutable: bool) {
        use crate::runtime::layout::*;
        let (growable, array, immutable) = (
            CID_GROWABLE_LIST as i32,
            CID_ARRAY as i32,
            CID_IMMUTABLE_ARRAY as i32,
        );
        let (glen, gdata, alen) = (
            field_disp(GROWABLE_LENGTH),
            field_disp(GROWABLE_DATA),
            field_disp(ARRAY_LENGTH),
        );
        let fixed = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; test al, 1
            ; jz =>slow
            ; test cl, 1
            ; jnz =>slow
            ; mov edx, DWORD [rax + CID_DISP]
            ; cmp edx, growable
            ; jne =>fixed
            // Tagged Smis compare like their values; a negative index is a huge unsigned.
            ; cmp rcx, QWORD [rax + glen]
            ; jae =>slow
            ; mov rax, QWORD [rax + gdata]
            ; jmp =>done
            ; =>fixed
            ; cmp edx, array
        );
        if allow_immutable {
            dynasm!(self.ops ; .arch x64 ; je >check ; cmp edx, immutable ; check:);
        }
        dynasm!(self.ops
            ; .arch x64
            ; jne =>slow
            ; cmp rcx, QWORD [rax + alen]
            ; jae =>slow
            ; =>done
        );
    }

    /// Dart's covariance check on the inline `[]=` path: with the list in rax and the
    /// value in r8, falls through when the list's element type is `dynamic`, or `int`
    /// with a Smi value, or `double` with a double; jumps to `slow` (the `[]=` operator,
    /// which checks fully) otherwise. Clobbers rdx.
    fn element_type_allows(&mut self, slow: DynamicLabel) {
        use crate::runtime::layout::{ARRAY_TYPE_ARGS, GROWABLE_TYPE_ARGS};
        use crate::runtime::object::{Value, CID_DOUBLE};
        let program = self.ctx.program_arc();
        let core_type = |c: Option<crate::kernel::ir::ClassId>| {
            c.map(|class| DartType::Interface {
                class,
                args: Vec::new(),
                nullable: false,
            })
        };
        let smi = |id: u32| Value::smi(id as i64).0 as i32;
        let ints = core_type(program.core.int).map(|t| smi(self.ctx.closed_type_args(&[t])));
        let doubles = core_type(program.core.double).map(|t| smi(self.ctx.closed_type_args(&[t])));
        let (growable, array) = (CID_GROWABLE_LIST as i32, CID_ARRAY as i32);
        let (g_ta, a_ta) = (field_disp(GROWABLE_TYPE_ARGS), field_disp(ARRAY_TYPE_ARGS));
        let (read_array, check, ok, not_int) = (
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
        );
        dynasm!(self.ops
            ; .arch x64
            ; test al, 1
            ; jz =>slow
            ; mov edx, DWORD [rax + CID_DISP]
            ; cmp edx, growable
            ; jne =>read_array
            ; mov rdx, QWORD [rax + g_ta]
            ; jmp =>check
            ; =>read_array
            ; cmp edx, array
            ; jne =>slow
            ; mov rdx, QWORD [rax + a_ta]
            ; =>check
            ; test rdx, rdx
            ; jz =>ok
        );
        if let Some(ints) = ints {
            dynasm!(self.ops
                ; .arch x64
                ; cmp rdx, ints
                ; jne =>not_int
                ; test r8b, 1
                ; jz =>ok
                ; jmp =>slow
            );
        }
        dynasm!(self.ops ; .arch x64 ; =>not_int);
        if let Some(doubles) = doubles {
            dynasm!(self.ops
                ; .arch x64
                ; cmp rdx, doubles
                ; jne =>slow
                ; test r8b, 1
                ; jz =>slow
                ; cmp DWORD [r8 + CID_DISP], CID_DOUBLE as i32
                ; jne =>slow
                ; jmp =>ok
            );
        } else {
            dynasm!(self.ops ; .arch x64 ; jmp =>slow);
        }
        dynasm!(self.ops ; .arch x64 ; =>ok);
    }

    /// `receiver[index]` with the receiver pushed and the index in rax: an inline load for
    /// built-in lists and Smi indexes in range, the `[]` operator otherwise (which also
    /// raises the RangeError).
    fn index_get(&mut self, ty: &DartType, selector: Symbol, span: Span) -> EResult {
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        let elem0 = crate::runtime::layout::array_element_disp(0);
        dynasm!(self.ops ; .arch x64 ; mov rcx, rax ; mov rax, QWORD [rsp]);
        self.list_storage_in_range(slow, true);
        // rcx is a Smi (2 * index): scaling by 4 addresses 8-byte elements.
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [rax + rcx * 4 + elem0]
            ; add rsp, 8
            ; jmp =>done
            ; =>slow
        );
        self.typed_index_get(done);
        dynasm!(self.ops ; .arch x64 ; push rcx);
        self.depth += 1;
        let desc = self.ctx.argdesc(2, &[]);
        self.dispatch(ty, Selector::Method(selector), desc, 2, span, false)?;
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    /// `receiver[index] = value` with receiver and index pushed and the value in rax: an
    /// inline store into modifiable built-in lists, the `[]=` operator otherwise.
    fn index_set(&mut self, ty: &DartType, selector: Symbol, span: Span) -> EResult {
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        let elem0 = crate::runtime::layout::array_element_disp(0);
        dynasm!(self.ops
            ; .arch x64
            ; mov r8, rax
            ; mov rcx, QWORD [rsp]
            ; mov rax, QWORD [rsp + 8]
        );
        self.element_type_allows(slow);
        self.list_storage_in_range(slow, false);
        dynasm!(self.ops
            ; .arch x64
            ; mov QWORD [rax + rcx * 4 + elem0], r8
        );
        super::stubs::write_barrier(&mut self.ops, 0, 8);
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, r8
            ; add rsp, 16
            ; jmp =>done
            ; =>slow
        );
        self.typed_index_set(done);
        dynasm!(self.ops ; .arch x64 ; push r8);
        self.depth += 1;
        let desc = self.ctx.argdesc(3, &[]);
        self.dispatch(ty, Selector::Method(selector), desc, 3, span, false)?;
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    /// `receiver.length` with the receiver in rax: strings and built-in lists keep a Smi
    /// length in their first slot; everything else calls the getter.
    fn length_get(&mut self, ty: &DartType, name: Symbol, span: Span) -> EResult {
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        let first = CID_ONE_BYTE_STRING as i32;
        // One-byte and two-byte strings, arrays and growable lists have consecutive ids.
        const _: () = assert!(
            CID_TWO_BYTE_STRING == CID_ONE_BYTE_STRING + 1
                && crate::runtime::object::CID_ARRAY == CID_ONE_BYTE_STRING + 2
                && crate::runtime::object::CID_GROWABLE_LIST == CID_ONE_BYTE_STRING + 3
        );
        let immutable = (crate::runtime::object::CID_IMMUTABLE_ARRAY - CID_ONE_BYTE_STRING) as i32;
        dynasm!(self.ops
            ; .arch x64
            ; test al, 1
            ; jz =>slow
            ; mov edx, DWORD [rax + CID_DISP]
            ; sub edx, first
            ; cmp edx, 3
            ; jbe >fast
            ; cmp edx, immutable
            ; jne =>slow
            ; fast:
            ; mov rax, QWORD [rax + field_disp(0)]
            ; jmp =>done
            ; =>slow
        );
        self.typed_length_get(done);
        self.push_rax();
        let desc = self.ctx.argdesc(1, &[]);
        self.dispatch(ty, Selector::Getter(name), desc, 1, span, false)?;
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    fn smi_negate(&mut self, ty: &DartType, selector: Symbol, span: Span) -> EResult {
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [rsp]
            ; test al, 1
            ; jnz =>slow
            ; neg rax
            ; jo =>slow
            ; add rsp, 8
            ; jmp =>done
            ; =>slow
        );
        let desc = self.ctx.argdesc(1, &[]);
        self.dispatch(ty, Selector::Method(selector), desc, 1, span, false)?;
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    fn function_call(&mut self, callee: &Expr, args: &Args, span: Span) -> EResult {
        self.expr(callee)?;
        self.push_rax();
        let (n, desc) = self.push_args(args, 1)?;
        let desc = self.call_site_argdesc(&callee.ty, desc);
        let recv = 8 * (n as i32 - 1);
        let desc_i = desc as i32;
        dynasm!(self.ops ; .arch x64 ; lea rsi, [rsp + recv] ; mov edx, desc_i);
        self.runtime_call(RuntimeEntry::ResolveClosureCall, span);
        dynasm!(self.ops ; .arch x64 ; mov r11, rax);
        self.call_entry_in_r11(desc, n, span);
        Ok(())
    }

    fn new_instance(
        &mut self,
        class: crate::kernel::ir::ClassId,
        constructor: FunctionId,
        args: &Args,
        type_args: Option<&Expr>,
        span: Span,
    ) -> EResult {
        let slot = self.ctx.program().class(class).type_args_slot;
        match (type_args, slot) {
            (Some(t), Some(slot)) => {
                // The vector is a Smi: it may sit on the stack across the allocation.
                self.expr(t)?;
                self.push_rax();
                self.allocate_instance(class, span);
                self.store_type_args(slot as usize);
            }
            _ => self.allocate_instance(class, span),
        }
        self.push_rax();
        let (n, desc) = self.push_args(args, 1)?;
        // Keep the instance: the constructor's result is not the expression's value.
        self.static_call_keep(constructor, desc, n, span);
        Ok(())
    }

    /// Pushes the type-argument vector of a collection literal: `type_args` when the
    /// types are only known at run time, else the vector of `types` folded now.
    fn literal_type_args(&mut self, type_args: Option<&Expr>, types: &[DartType]) -> EResult {
        match type_args {
            Some(t) => self.expr(t)?,
            None => {
                let id = self.ctx.closed_type_args(types);
                self.load_smi(id as i64);
            }
        }
        self.push_rax();
        Ok(())
    }

    /// Pops the pushed type-argument vector (a Smi) into slot `slot` of the object in rax.
    fn store_type_args(&mut self, slot: usize) {
        let disp = crate::runtime::object::field_disp(slot);
        dynasm!(self.ops ; .arch x64 ; pop rcx ; mov QWORD [rax + disp], rcx);
        self.depth -= 1;
    }

    fn load_smi(&mut self, v: i64) {
        let tagged = crate::runtime::object::Value::smi(v).0 as i64;
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD tagged);
    }

    /// `TypeArgs`: a constant when the types are closed, else the runtime instantiates
    /// the registered template with the environment's vectors.
    fn type_args(&mut self, types: &[DartType], env: &[TypeEnvEntry], span: Span) -> EResult {
        if env.is_empty() || !types.iter().any(DartType::is_open) {
            let id = self.ctx.closed_type_args(types);
            self.load_smi(id as i64);
            return Ok(());
        }
        if let [entry] = env {
            // `<T, U>` over an environment that binds exactly `T, U`: its own vector
            // (vectors are interned), without an instantiation.
            let same = types.len() == entry.names.len()
                && types.iter().zip(&entry.names).all(|(t, n)| {
                    matches!(t, DartType::TypeParameter { name, nullable: false } if name == n)
                });
            if same {
                return self.expr(&entry.source);
            }
        }
        for entry in env {
            self.expr(&entry.source)?;
            self.push_rax();
        }
        let names = env.iter().map(|e| e.names.clone()).collect();
        let template = self.ctx.type_template(types, names) as i32;
        let n = env.len() as u32;
        dynasm!(self.ops ; .arch x64 ; mov edx, template ; mov ecx, n as i32);
        self.runtime_call_with_stack_args(RuntimeEntry::InstantiateTypeArgs, n, span);
        Ok(())
    }

    /// Allocates an instance of `class` with all fields null into rax: a bump of the
    /// thread's allocation window, or the runtime (which collects) when it is full.
    fn allocate_instance(&mut self, class: crate::kernel::ir::ClassId, span: Span) {
        let cid = self.ctx.class_cid(class);
        let slots = self.ctx.instance_slots(class);
        let size = 1 + slots as usize;
        if size > crate::runtime::object::MAX_HEADER_SIZE_WORDS {
            dynasm!(self.ops ; .arch x64 ; mov esi, cid as i32 ; mov edx, size as i32);
            self.runtime_call(RuntimeEntry::Allocate, span);
            return;
        }
        let header = crate::runtime::object::make_header(cid, size) as i64;
        let bytes = 8 * size as i32;
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD [r14 + ALLOC_TOP]
            ; lea rcx, [rax + bytes]
            ; cmp rcx, QWORD [r14 + ALLOC_END]
            ; ja =>slow
            ; mov QWORD [r14 + ALLOC_TOP], rcx
            ; mov rcx, QWORD header
            ; mov QWORD [rax], rcx
            ; mov rcx, QWORD [r14 + NULL]
        );
        for i in 0..slots as i32 {
            let disp = 8 + 8 * i;
            dynasm!(self.ops ; .arch x64 ; mov QWORD [rax + disp], rcx);
        }
        dynasm!(self.ops ; .arch x64 ; add rax, 1 ; jmp =>done ; =>slow ; mov esi, cid as i32 ; mov edx, size as i32);
        self.runtime_call(RuntimeEntry::Allocate, span);
        dynasm!(self.ops ; .arch x64 ; =>done);
    }

    /// Static call whose result is its first argument (a constructor run on a new object).
    fn static_call_keep(&mut self, target: FunctionId, desc: u32, n: u32, span: Span) {
        let index = self.ctx.entry_index(target) as i32;
        let d = crate::runtime::object::Value::smi(desc as i64).0 as i32;
        let recv = 8 * (n as i32 - 1);
        dynasm!(self.ops
            ; .arch x64
            ; mov r11d, index
            ; mov r10d, d
            ; mov rax, QWORD [r14 + ENTRY_TABLE]
            ; call QWORD [rax + r11 * 8]
        );
        self.positions.push((self.offset(), span));
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rsp + recv]);
        self.drop_temps(n);
    }

    fn equals(&mut self, left: &Expr, right: &Expr, negated: bool, span: Span) -> EResult {
        self.expr(left)?;
        self.push_rax();
        self.expr(right)?;
        let done = self.ops.new_dynamic_label();
        let slow = self.ops.new_dynamic_label();
        // Dart's `==` has no identity shortcut (`nan == nan` is false), so only nulls and
        // pairs of Smis are decided inline: null == x is `x is null`, x == null is false,
        // Smis compare by value. Everything else calls `operator ==`.
        dynasm!(self.ops
            ; .arch x64
            ; mov rcx, rax
            ; mov rax, QWORD [rsp]
            ; cmp rax, QWORD [r14 + NULL]
            ; je >left_null
            ; cmp rcx, QWORD [r14 + NULL]
            ; je >false_result
            ; mov rdx, rax
            ; or rdx, rcx
            ; test dl, 1
            ; jnz =>slow
            ; cmp rax, rcx
            ; je >true_result
            ; false_result:
            ; add rsp, 8
            ; mov rax, QWORD [r14 + FALSE]
            ; jmp =>done
            ; left_null:
            ; cmp rcx, QWORD [r14 + NULL]
            ; jne <false_result
            ; true_result:
            ; add rsp, 8
            ; mov rax, QWORD [r14 + TRUE]
            ; jmp =>done
            ; =>slow
            ; push rcx
        );
        self.depth += 1;
        let desc = self.ctx.argdesc(2, &[]);
        self.instance_call(
            Selector::Method(crate::front::intern::well_known().equals),
            desc,
            2,
            span,
        );
        dynasm!(self.ops ; .arch x64 ; =>done);
        if negated {
            self.negate_bool();
        }
        Ok(())
    }

    fn identical(&mut self, a: &Expr, b: &Expr, span: Span) -> EResult {
        self.expr(a)?;
        self.push_rax();
        self.expr(b)?;
        self.push_rax();
        let index = self
            .ctx
            .native_index(Symbol::intern("Builtin_identical"))
            .ok_or_else(|| err(span, "the native 'Builtin_identical' is missing."))?
            as i32;
        dynasm!(self.ops ; .arch x64 ; mov esi, index ; mov edx, 2 ; lea rcx, [rsp + 8]);
        self.runtime_call(RuntimeEntry::CallNative, span);
        self.drop_temps(2);
        Ok(())
    }

    /// `rax is ty` (result bool in rax) or `rax as ty` (rax unchanged, or TypeError),
    /// through a per-site cache of the last class id seen and its answer: a repeated test
    /// on the same class costs two compares. Type arguments are not reified, so a class
    /// id decides the answer.
    fn type_test(&mut self, ty: &crate::kernel::ir::DartType, test: TypeTest, span: Span) {
        let is_cast = test != TypeTest::Is;
        let t = self.ctx.type_index(ty) as i32;
        let site_index = self.ctx.new_type_test_site();
        let site = site_index as i32;
        let smi_cid = CID_SMI as i32;
        let miss = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; mov ecx, smi_cid
            ; test al, 1
            ; jz >have_cid
            ; mov ecx, DWORD [rax + CID_DISP]
            ; have_cid:
            ; mov rdx, QWORD [r14 + IC_TABLE]
        );
        for way in 0..crate::compiler::IC_WAYS {
            let (cid_off, result_off) = crate::compiler::ic_entry_offsets(site_index, way);
            let next = self.ops.new_dynamic_label();
            dynasm!(self.ops ; .arch x64 ; cmp ecx, DWORD [rdx + cid_off] ; jne =>next);
            if !is_cast {
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rdx + result_off]);
            }
            dynasm!(self.ops ; .arch x64 ; jmp =>done ; =>next);
        }
        dynasm!(self.ops ; .arch x64 ; =>miss);
        self.push_rax();
        let implicit = i32::from(test == TypeTest::ImplicitCast);
        dynasm!(self.ops ; .arch x64 ; mov edx, t ; mov ecx, site ; mov r8d, implicit);
        let entry = if is_cast {
            RuntimeEntry::CastTo
        } else {
            RuntimeEntry::InstanceOf
        };
        self.runtime_call_with_stack_args(entry, 1, span);
        dynasm!(self.ops ; .arch x64 ; =>done);
    }

    fn negate_bool(&mut self) {
        dynasm!(self.ops
            ; .arch x64
            ; cmp rax, QWORD [r14 + TRUE]
            ; mov rax, QWORD [r14 + TRUE]
            ; cmove rax, QWORD [r14 + FALSE]
        );
    }

    fn logical(&mut self, a: &Expr, b: &Expr, is_and: bool) -> EResult {
        let end = self.ops.new_dynamic_label();
        self.expr(a)?;
        dynasm!(self.ops ; .arch x64 ; cmp rax, QWORD [r14 + TRUE]);
        if is_and {
            dynasm!(self.ops ; .arch x64 ; jne =>end);
        } else {
            dynasm!(self.ops ; .arch x64 ; je =>end);
        }
        self.expr(b)?;
        dynasm!(self.ops ; .arch x64 ; =>end);
        Ok(())
    }

    fn raise_error(&mut self, kind: ErrorKind, span: Span) {
        let k = kind as i32;
        dynasm!(self.ops ; .arch x64 ; push rax ; mov edx, k);
        self.depth += 1;
        self.runtime_call_with_stack_args(RuntimeEntry::RaiseError, 1, span);
    }

    /// Creates a closure: pushes one box per capture (the receiver itself for `this`) and
    /// lets the runtime allocate the closure object.
    fn closure(&mut self, f: FunctionId, span: Span) -> EResult {
        let captures = self.ctx.program().function(f).captures.clone();
        for c in &captures {
            match c {
                Capture::Local(l) => {
                    if !self.is_captured(*l) {
                        return Err(err(
                            span,
                            "internal error: closure captures a variable that is not boxed.",
                        ));
                    }
                    let d = local_disp(l.0);
                    dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [rbp + d]);
                    self.push_rax();
                }
                Capture::Captured(k) => {
                    self.capture_slot(*k, span)?;
                    self.push_rax();
                }
                Capture::This => {
                    self.this(span)?;
                    self.push_rax();
                }
            }
        }
        let n = captures.len() as u32;
        let index = self.ctx.entry_index(f) as i32;
        dynasm!(self.ops ; .arch x64 ; mov edx, index ; mov ecx, n as i32);
        self.runtime_call_with_stack_args(RuntimeEntry::AllocateClosure, n, span);
        Ok(())
    }

    /// String interpolation: each part becomes a String (calling `toString()` on others),
    /// then the runtime joins them into one new string.
    fn string_concat(&mut self, parts: &[Expr], span: Span) -> EResult {
        for p in parts {
            self.expr(p)?;
            let is_string = self.ops.new_dynamic_label();
            let (one, two) = (CID_ONE_BYTE_STRING as i32, CID_TWO_BYTE_STRING as i32);
            dynasm!(self.ops
                ; .arch x64
                ; test al, 1
                ; jz >convert
                ; mov ecx, DWORD [rax + CID_DISP]
                ; cmp ecx, one
                ; je =>is_string
                ; cmp ecx, two
                ; je =>is_string
                ; convert:
            );
            self.push_rax();
            let desc = self.ctx.argdesc(1, &[]);
            self.instance_call(
                Selector::Method(crate::front::intern::well_known().to_string),
                desc,
                1,
                span,
            );
            dynasm!(self.ops ; .arch x64 ; =>is_string);
            self.push_rax();
        }
        let n = parts.len() as u32;
        dynasm!(self.ops ; .arch x64 ; mov edx, n as i32);
        self.runtime_call_with_stack_args(RuntimeEntry::StringConcat, n, span);
        Ok(())
    }
}

/// Operators with an inline Smi fast path.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SmiOp {
    Add,
    Sub,
    Mul,
    /// `/`: never a Smi result; only the double path is inline.
    Div,
    BitAnd,
    BitOr,
    BitXor,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
}

impl SmiOp {
    fn from_selector(s: &str) -> Option<SmiOp> {
        Some(match s {
            "+" => SmiOp::Add,
            "-" => SmiOp::Sub,
            "*" => SmiOp::Mul,
            "/" => SmiOp::Div,
            "&" => SmiOp::BitAnd,
            "|" => SmiOp::BitOr,
            "^" => SmiOp::BitXor,
            "<" => SmiOp::Lt,
            ">" => SmiOp::Gt,
            "<=" => SmiOp::Le,
            ">=" => SmiOp::Ge,
            "==" => SmiOp::Eq,
            _ => return None,
        })
    }
}
