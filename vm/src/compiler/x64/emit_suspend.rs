//! Code for suspendable functions (`sync*`, `async`): their start-up, suspension and
//! resume points, `yield`, `await` and `return`. The frame layout is the normal one plus a
//! hidden local (`suspend_slot`); `runtime::suspend` describes how frames are saved and
//! rebuilt.

use super::{err, EResult, Emitter};
use crate::compiler::x64::frame::local_disp;
use crate::front::source::Span;
use crate::kernel::ir::{AsyncMarker, DartType, Expr, FunctionKind, Stmt};
use crate::runtime::thread::*;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

impl Emitter<'_> {
    fn suspend_disp(&self) -> i32 {
        local_disp(self.suspend_slot.unwrap_or(0))
    }

    /// Calls `dart:async`'s `name` with the top `n` pushed values as arguments (pops them).
    fn call_async_helper(&mut self, name: &str, n: u32, span: Span) -> EResult {
        let f = self
            .ctx
            .async_helper(name)
            .ok_or_else(|| err(span, format!("internal error: dart:async has no '{name}'")))?;
        let desc = self.ctx.argdesc(n, &[]);
        self.static_call(f, desc, n, span);
        Ok(())
    }

    /// Calls `_initSyncStar<T>`/`_initAsync<T>` with `T` the element type of the declared
    /// `Iterable<T>`/`Future<T>` return type, so the iterable or future has the runtime
    /// type Dart gives it. Type parameters come from the function's own type-argument
    /// local and, in methods, the receiver's class; elsewhere they read as `dynamic`.
    fn init_suspendable(&mut self, helper: &str, wrapper: &str, span: Span) -> EResult {
        let element = match &self.func.return_type {
            DartType::Interface { class, args, .. }
                if args.len() == 1 && self.ctx.program().class(*class).name.as_str() == wrapper =>
            {
                args[0].clone()
            }
            _ => DartType::Dynamic,
        };
        let types = [element];
        if !types[0].is_open() {
            let id = self.ctx.closed_type_args(&types);
            self.load_smi(id as i64);
        } else {
            let mut names = Vec::new();
            let owner = self.func.owner.filter(|_| {
                self.func.params.receiver_slots == 1
                    && matches!(
                        self.func.kind,
                        FunctionKind::Method | FunctionKind::Getter | FunctionKind::Setter
                    )
            });
            if let Some(class) = owner {
                let params = self.ctx.program().class(class).type_params.clone();
                if !params.is_empty() {
                    let d = local_disp(0);
                    dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + d]);
                    self.depth += 1;
                    dynasm!(self.ops ; .arch x64 ; mov edx, class.0 as i32);
                    self.runtime_call_with_stack_args(RuntimeEntry::InstanceTypeArgs, 1, span);
                    self.push_rax();
                    names.push(params);
                }
            }
            if let Some(local) = self.func.type_args_local {
                let d = local_disp(local.0);
                dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + d]);
                self.depth += 1;
                names.push(self.func.type_params.clone());
            }
            let n = names.len() as u32;
            let template = self.ctx.type_template(&types, names) as i32;
            dynasm!(self.ops ; .arch x64 ; mov edx, template ; mov ecx, n as i32);
            self.runtime_call_with_stack_args(RuntimeEntry::InstantiateTypeArgs, n, span);
        }
        self.push_rax();
        let f = self.ctx.async_helper(helper).ok_or_else(|| {
            err(
                span,
                format!("internal error: dart:async has no '{helper}'"),
            )
        })?;
        let desc = self.ctx.argdesc_with_type_args(0, &[]);
        self.static_call(f, desc, 1, span);
        Ok(())
    }

    /// Copies this frame into its `_SuspendState` (rax = the state afterwards); the frame
    /// continues at `resume` when resumed.
    fn suspend(&mut self, resume: DynamicLabel, span: Span) {
        let hidden = self.suspend_slot.unwrap_or(0) as i32;
        dynasm!(self.ops ; .arch x64 ; mov esi, hidden ; lea rdx, [=>resume]);
        self.runtime_call(RuntimeEntry::Suspend, span);
    }

    /// The resume point bound at `resume`: the resume stub rebuilt the frame as it was at
    /// the suspension (with `extra` temporaries on top, dropped here) and passes the state
    /// in rdx, the value in rax, and an exception to throw here in rcx (trace in r8).
    fn resume_point(&mut self, resume: DynamicLabel, extra: u32, span: Span) {
        let d = self.suspend_disp();
        let no_exception = self.ops.new_dynamic_label();
        dynasm!(self.ops ; .arch x64 ; =>resume);
        // Awaiter frames in asynchronous stack traces point at their resume address.
        self.positions.push((self.offset(), span));
        dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], rdx);
        self.drop_temps(extra);
        dynasm!(self.ops
            ; .arch x64
            ; cmp rcx, QWORD [r14 + NULL]
            ; je =>no_exception
            ; push rcx
            ; push r8
        );
        self.depth += 2;
        self.runtime_call_with_stack_args(RuntimeEntry::Rethrow, 2, span);
        dynasm!(self.ops ; .arch x64 ; =>no_exception);
    }

    /// A `sync*` body: create the iterable, suspend at the start (the iterable's initial
    /// state, cloned by each iterator), then run the body on `moveNext`: `yield` returns
    /// true to `_resume`'s caller, completion returns false.
    pub(super) fn sync_star_body(&mut self, body: &Stmt) -> EResult {
        let span = self.func.span;
        let d = self.suspend_disp();
        self.init_suspendable("_initSyncStar", "Iterable", span)?;
        dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], rax);
        let start = self.ops.new_dynamic_label();
        self.suspend(start, span);
        self.push_rax();
        self.call_async_helper("_suspendSyncStarAtStart", 1, span)?;
        self.epilogue();
        self.resume_point(start, 0, span);
        self.box_captured_parameters();
        self.stmt(body)?;
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [r14 + FALSE]);
        self.epilogue();
        self.out_of_line_stubs()
    }

    /// An `async*` body: create the stream's controller and suspend at once, returning
    /// the stream; the controller resumes the frame when the stream is listened to. The
    /// body runs inside an implicit handler that adds an escaping exception to the stream;
    /// completion closes it.
    pub(super) fn async_star_body(&mut self, body: &Stmt) -> EResult {
        let span = self.func.span;
        let d = self.suspend_disp();
        self.init_suspendable("_initAsyncStar", "Stream", span)?;
        dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], rax);
        let start = self.ops.new_dynamic_label();
        self.suspend(start, span);
        self.push_rax();
        self.call_async_helper("_suspendAsyncStarAtStart", 1, span)?;
        self.epilogue();
        self.resume_point(start, 0, span);
        self.box_captured_parameters();
        let region = self.new_region();
        self.stmt(body)?;
        self.async_star_return(span)?;
        self.end_region(region);
        self.regions[region].handler = self.offset();
        let (exc, trace) = self.enter_handler();
        let (de, dt) = (local_disp(exc), local_disp(trace));
        dynasm!(self.ops
            ; .arch x64
            ; push QWORD [rbp + d]
            ; push QWORD [rbp + de]
            ; push QWORD [rbp + dt]
        );
        self.depth += 3;
        self.call_async_helper("_handleAsyncStarException", 3, span)?;
        self.epilogue();
        self.leave_handler();
        self.out_of_line_stubs()
    }

    /// Closes the `async*` function's stream and returns (to whoever resumed the frame).
    pub(super) fn async_star_return(&mut self, span: Span) -> EResult {
        let d = self.suspend_disp();
        dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + d]);
        self.depth += 1;
        self.call_async_helper("_returnAsyncStar", 1, span)?;
        self.epilogue();
        Ok(())
    }

    /// `yield value` / `yield* stream` in an `async*` function: hand the value (or stream)
    /// to the controller, which answers true when the stream was cancelled (the `yield`
    /// then acts as `return`, running enclosing `finally` blocks); otherwise suspend until
    /// the controller resumes the frame, with true again when cancelled meanwhile.
    fn async_star_yield(&mut self, value: &Expr, star: bool, span: Span) -> EResult {
        let d = self.suspend_disp();
        self.expr(value)?;
        dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + d] ; push rax);
        self.depth += 2;
        let helper = if star {
            "_yieldStarAsyncStar"
        } else {
            "_yieldAsyncStar"
        };
        self.call_async_helper(helper, 2, span)?;
        self.return_if_true(span)?;
        let resume = self.ops.new_dynamic_label();
        self.suspend(resume, span);
        self.load_null();
        self.epilogue();
        self.resume_point(resume, 0, span);
        self.return_if_true(span)
    }

    /// `if (rax == true) return;`
    fn return_if_true(&mut self, span: Span) -> EResult {
        let carry_on = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; cmp rax, QWORD [r14 + TRUE]
            ; jne =>carry_on
        );
        let _ = span;
        self.return_stmt(None)?;
        dynasm!(self.ops ; .arch x64 ; =>carry_on);
        Ok(())
    }

    /// `yield value` / `yield* iterable` in a `sync*` (or `async*`) function.
    pub(super) fn yield_stmt(&mut self, value: &Expr, star: bool, span: Span) -> EResult {
        if self.suspend_slot.is_none() {
            return Err(err(span, "'yield' outside a generator function."));
        }
        if self.func.async_marker == AsyncMarker::AsyncStar {
            return self.async_star_yield(value, star, span);
        }
        let d = self.suspend_disp();
        self.expr(value)?;
        dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + d] ; push rax);
        self.depth += 2;
        let helper = if star {
            "_syncStarYieldStar"
        } else {
            "_syncStarYield"
        };
        self.call_async_helper(helper, 2, span)?;
        let resume = self.ops.new_dynamic_label();
        self.suspend(resume, span);
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD [r14 + TRUE]);
        self.epilogue();
        self.resume_point(resume, 0, span);
        Ok(())
    }

    /// An `async` body: create the future, run the body inside an implicit handler that
    /// completes the future with an escaping exception, and complete it on return.
    pub(super) fn async_body(&mut self, body: &Stmt) -> EResult {
        let span = self.func.span;
        let d = self.suspend_disp();
        self.init_suspendable("_initAsync", "Future", span)?;
        dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + d], rax);
        self.box_captured_parameters();
        let region = self.new_region();
        self.stmt(body)?;
        self.load_null();
        self.async_return(span)?;
        self.end_region(region);
        self.regions[region].handler = self.offset();
        let (exc, trace) = self.enter_handler();
        let (de, dt) = (local_disp(exc), local_disp(trace));
        dynasm!(self.ops
            ; .arch x64
            ; push QWORD [rbp + d]
            ; push QWORD [rbp + de]
            ; push QWORD [rbp + dt]
        );
        self.depth += 3;
        self.call_async_helper("_handleAsyncException", 3, span)?;
        self.epilogue();
        self.leave_handler();
        self.out_of_line_stubs()
    }

    /// Completes the async function's future with rax and returns the future.
    pub(super) fn async_return(&mut self, span: Span) -> EResult {
        let d = self.suspend_disp();
        dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + d] ; push rax);
        self.depth += 2;
        self.call_async_helper("_returnAsync", 2, span)?;
        self.epilogue();
        Ok(())
    }

    /// `await operand`: suspends with the operand registered (`_SuspendState._await`)
    /// and returns the function's future; the value arrives in rax at the resume point.
    pub(super) fn await_expr(&mut self, operand: &Expr, span: Span) -> EResult {
        if self.suspend_slot.is_none() {
            return Err(err(span, "'await' outside an async function."));
        }
        self.expr(operand)?;
        // The operand stays in the frame (a GC root) while the frame is saved.
        self.push_rax();
        let resume = self.ops.new_dynamic_label();
        self.suspend(resume, span);
        dynasm!(self.ops ; .arch x64 ; push rax ; push QWORD [rsp + 8]);
        self.depth += 2;
        self.call_async_helper("_awaitHelper", 2, span)?;
        self.epilogue();
        self.resume_point(resume, 1, span);
        Ok(())
    }
}
