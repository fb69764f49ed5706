//! Closures and capture analysis: lowering function literals and local functions into
//! `Closure` functions, resolving a name to a local of the current frame or to a capture
//! threaded through every enclosing closure (marking the captured local boxed), and
//! capturing `this`.

use super::body::{CaptureKey, Frame, Lower};
use super::declarations::ParamSource;
use super::functions::body_async_kind;
use super::{function_shell, messages};
use crate::front::ast::{self, FunctionKind as AstFnKind};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, Capture, ConstId, DartType, ExprKind, LocalId, StmtKind};

/// A resolved local variable (possibly in an enclosing function, then captured).
#[derive(Clone, Debug)]
pub(super) struct LocalRef {
    pub access: LocalAccess,
    /// Static type for reads (`dynamic` when flow analysis could promote it).
    pub read_ty: DartType,
    /// Declared (or inferred) type: assignments are checked against it.
    pub declared_ty: DartType,
    pub is_final: bool,
    pub is_late: bool,
    pub const_value: Option<ConstId>,
    /// The local's flow-analysis key when its promotions are followed here.
    pub flow_key: Option<super::promotion::FlowKey>,
}

#[derive(Clone, Copy, Debug)]
pub(super) enum LocalAccess {
    Local(LocalId),
    Captured(u32),
}

impl<'r, 'a> Lower<'r, 'a> {
    /// Finds `name` among the locals of this frame and enclosing ones. A use before the
    /// declaration in the same block is reported and gives `Err`.
    pub fn lookup_local(&mut self, name: Symbol, span: Span) -> Result<Option<LocalRef>, ()> {
        let top = self.frames.len() - 1;
        for fi in (0..=top).rev() {
            for scope in self.frames[fi].scopes.iter().rev() {
                if let Some(&id) = scope.names.get(&name) {
                    return Ok(Some(self.local_ref(fi, id)));
                }
                if scope.pending.contains(&name) {
                    self.r.error(span, messages::used_before_declared(name));
                    return Err(());
                }
            }
        }
        Ok(None)
    }

    fn local_ref(&mut self, fi: usize, id: LocalId) -> LocalRef {
        let top = self.frames.len() - 1;
        let read_ty = self.flow_read_type(fi, id);
        let frame = &self.frames[fi];
        let local = &frame.locals[id.index()];
        let tracked = frame.flow_sensitive.contains(&id) && !frame.untracked.contains(&id);
        let mut r = LocalRef {
            access: LocalAccess::Local(id),
            read_ty,
            declared_ty: local.ty.clone(),
            is_final: local.is_final,
            is_late: local.is_late,
            const_value: frame.const_locals.get(&id).copied(),
            flow_key: (tracked && fi == top).then_some((fi as u32, id)),
        };
        if fi < top && r.const_value.is_none() {
            self.frames[fi].locals[id.index()].captured = true;
            r.access = LocalAccess::Captured(self.capture_through(fi, CaptureKey::Local(id)));
        }
        r
    }

    /// Threads a capture from frame `fi` into every closure frame above it; returns the
    /// capture index in the innermost frame.
    fn capture_through(&mut self, fi: usize, first: CaptureKey) -> u32 {
        let top = self.frames.len() - 1;
        let mut key = first;
        let mut index = 0;
        for f in fi + 1..=top {
            index = capture_in(&mut self.frames[f], key);
            key = CaptureKey::Outer(index);
        }
        index
    }

    /// The capture index of `this` in the current (closure) frame.
    pub fn capture_this(&mut self) -> u32 {
        let top = self.frames.len() - 1;
        let mut index = 0;
        for f in 1..=top {
            index = capture_in(&mut self.frames[f], CaptureKey::This);
        }
        index
    }

    pub fn local_get_ref(&mut self, r: &LocalRef, span: Span) -> ir::Expr {
        if let Some(c) = r.const_value {
            return self.const_expr(c, span);
        }
        let kind = match r.access {
            LocalAccess::Local(id) => ExprKind::LocalGet(id),
            LocalAccess::Captured(i) => ExprKind::CapturedGet(i),
        };
        self.expr(kind, span, r.read_ty.clone())
    }

    pub fn local_set_ref(&mut self, r: &LocalRef, value: ir::Expr, span: Span) -> ir::Expr {
        if let Some(key) = r.flow_key {
            self.note_local_write(key, &value.ty);
        }
        if let LocalAccess::Local(id) = r.access {
            self.note_assigned(id);
        }
        let value = self.coerce(value, &r.declared_ty);
        let ty = value.ty.clone();
        let kind = match r.access {
            LocalAccess::Local(id) => ExprKind::LocalSet(id, Box::new(value)),
            LocalAccess::Captured(i) => ExprKind::CapturedSet(i, Box::new(value)),
        };
        self.expr(kind, span, ty)
    }

    /// `(params) => body` / `(params) { body }`: a closure value.
    pub fn lower_function_expr(
        &mut self,
        type_params: &'a [ast::TypeParameter],
        params: &'a ast::FormalParameterList,
        body: &'a ast::FunctionBody,
        span: Span,
    ) -> ir::Expr {
        let name = Symbol::intern("<anonymous closure>");
        let fid = self.lower_closure(name, type_params, Some(params), None, body, span);
        let ty = self.closure_static_type(fid, type_params);
        self.expr(ExprKind::Closure(fid), span, ty)
    }

    /// A function literal's static type: its signature (return type inferred from an
    /// expression body), or plain `Function` for generic literals.
    fn closure_static_type(
        &self,
        fid: ir::FunctionId,
        type_params: &[ast::TypeParameter],
    ) -> DartType {
        if !type_params.is_empty() {
            return DartType::any_function(false);
        }
        let sig = &self.r.sigs[fid.index()];
        let mut named: Vec<(Symbol, DartType, bool)> = sig.named.clone();
        named.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        DartType::Function {
            sig: Some(Box::new(ir::FunctionSig {
                return_type: self.r.program.functions[fid.index()].return_type.clone(),
                positional: sig.positional.iter().map(|p| p.1.clone()).collect(),
                required_positional: sig.required_positional as u32,
                named,
            })),
            nullable: false,
        }
    }

    /// A local function declaration: a final local holding the closure (declared before
    /// the body is lowered, so the function can call itself).
    pub fn lower_local_function(&mut self, f: &'a ast::FunctionDecl) -> ir::Stmt {
        let local = self.declare_local(f.name, DartType::any_function(false), true);
        let fid = self.lower_closure(
            f.name.name,
            &f.type_params,
            f.params.as_ref(),
            f.return_type.as_ref(),
            &f.body,
            f.span,
        );
        // Calls after the declaration see its signature (arguments get their contexts).
        let ty = self.closure_static_type(fid, &f.type_params);
        self.frame().locals[local.index()].ty = ty.clone();
        let closure = self.expr(ExprKind::Closure(fid), f.span, ty);
        if self.frame_ref().locals[local.index()].captured {
            let declare = ir::Stmt {
                kind: StmtKind::VarDecl { local, init: None },
                span: f.span,
            };
            let set = self.expr(
                ExprKind::LocalSet(local, Box::new(closure)),
                f.span,
                DartType::any_function(false),
            );
            let assign = ir::Stmt {
                kind: StmtKind::Expr(set),
                span: f.span,
            };
            return ir::Stmt {
                kind: StmtKind::Block(vec![declare, assign]),
                span: f.span,
            };
        }
        ir::Stmt {
            kind: StmtKind::VarDecl {
                local,
                init: Some(closure),
            },
            span: f.span,
        }
    }

    fn lower_closure(
        &mut self,
        name: Symbol,
        type_params: &'a [ast::TypeParameter],
        params: Option<&'a ast::FormalParameterList>,
        return_type: Option<&'a ast::TypeAnnotation>,
        body: &'a ast::FunctionBody,
        span: Span,
    ) -> ir::FunctionId {
        let outer = self.frame_ref().fid;
        let qualified = format!(
            "{}.{}",
            self.r.program.functions[outer.index()].qualified_name,
            name
        );
        let shell = function_shell(
            name,
            qualified,
            ir::FunctionKind::Closure,
            self.ctx.lib,
            self.ctx.this_class,
            span,
        );
        let fid = self.r.new_function(shell);
        let own: Vec<Symbol> = type_params.iter().map(|t| t.name.name).collect();
        let mut tctx = self.tctx();
        tctx.type_params.extend(own.iter().copied());
        let src = ParamSource {
            params,
            return_type,
            type_params,
            kind: AstFnKind::Normal,
        };
        self.r.declare_signature_in(fid, &src, &tctx, &self.ctx, 1);
        let (context_params, return_context) = match self.closure_context.take() {
            Some(DartType::Function { sig: Some(s), .. }) if type_params.is_empty() => {
                (Some(s.positional.clone()), Some(s.return_type.clone()))
            }
            _ => (None, None),
        };
        let hint = self.closure_hint.take().or(context_params);
        if let (Some(hint), Some(list)) = (hint, params) {
            // Untyped parameters of a function literal passed where a function type is
            // expected take that type's parameter types.
            let sig = &mut self.r.sigs[fid.index()];
            for (i, p) in list.params.iter().enumerate() {
                if p.ty.is_some() || matches!(p.kind, ast::ParameterKind::Named { .. }) {
                    continue;
                }
                if let (Some(t), Some(slot)) = (hint.get(i), sig.positional.get_mut(i)) {
                    slot.1 = t.clone();
                }
            }
        }
        let async_kind = body_async_kind(body);
        let ret = self.r.sigs[fid.index()].return_type.clone();
        let mut frame = Frame::new(fid, async_kind, ret);
        frame.type_params = own;
        if return_type.is_none() {
            frame.return_context = return_context;
        }
        // The body starts from the state where the literal is: promotions of enclosing
        // locals no closure assigns hold in it.
        frame.flow = self.flow_state().clone();
        frame.flow.unreachable = false;
        self.frames.push(frame);
        self.note_never_bounded(type_params);
        self.new_local(
            Symbol::intern(":closure"),
            span,
            DartType::any_function(false),
            true,
        );
        self.declare_params(fid, params);
        let lowered = self.lower_function_body(body);
        // `(x) => e` returns the static type of `e` when no return type is written.
        let declared = self.r.sigs[fid.index()].return_type.clone();
        let inferred = match (&lowered, return_type, async_kind) {
            (
                Some(ir::Stmt {
                    kind: StmtKind::Return(Some(e)),
                    ..
                }),
                None,
                ast::AsyncKind::Sync,
            ) if matches!(body, ast::FunctionBody::Expr(..)) => e.ty.clone(),
            _ => declared,
        };
        self.r.program.functions[fid.index()].return_type = inferred;
        self.finish(lowered, async_kind);
        fid
    }
}

impl<'r, 'a> Lower<'r, 'a> {
    /// A parameterless closure returning `init` (the initialiser of a `late` local).
    pub fn lower_thunk(
        &mut self,
        init: &'a ast::Expr,
        ty: &DartType,
        span: Span,
    ) -> ir::FunctionId {
        let outer = self.frame_ref().fid;
        let qualified = format!(
            "{}.<late initializer>",
            self.r.program.functions[outer.index()].qualified_name
        );
        let name = Symbol::intern("<late initializer>");
        let shell = function_shell(
            name,
            qualified,
            ir::FunctionKind::Closure,
            self.ctx.lib,
            self.ctx.this_class,
            span,
        );
        let fid = self.r.new_function(shell);
        self.r.program.functions[fid.index()].params.receiver_slots = 1;
        self.r.sigs[fid.index()].return_type = ty.clone();
        let mut frame = Frame::new(fid, ast::AsyncKind::Sync, ty.clone());
        frame.flow = self.flow_state().clone();
        frame.flow.unreachable = false;
        self.frames.push(frame);
        self.new_local(
            Symbol::intern(":closure"),
            span,
            DartType::any_function(false),
            true,
        );
        let value = self.lower_expr_in(init, ty);
        let body = ir::Stmt {
            kind: StmtKind::Return(Some(value)),
            span,
        };
        self.finish(Some(body), ast::AsyncKind::Sync);
        fid
    }

    /// Is local `name` (as it resolves here) a `late` local (reads are checked)?
    pub fn is_lazy_local(&self, name: Symbol) -> bool {
        let marker = lazy_name(name, "set");
        for frame in self.frames.iter().rev() {
            for scope in frame.scopes.iter().rev() {
                if scope.names.contains_key(&name) {
                    return scope.names.contains_key(&marker);
                }
            }
        }
        false
    }

    /// Reading a lazy local: `x#set == true ? x : { x = x#init(); x#set = true; x }`, or
    /// without an initialiser `x#set == true ? x : throw LateInitializationError`.
    pub fn lazy_local_get(&mut self, name: Symbol, x: &LocalRef, span: Span) -> ir::Expr {
        let Ok(Some(flag)) = self.lookup_local(lazy_name(name, "set"), span) else {
            return self.local_get_ref(x, span);
        };
        let Ok(Some(thunk)) = self.lookup_local(lazy_name(name, "init"), span) else {
            return self.checked_late_local_get(name, x, &flag, span);
        };
        let is_set = self.lazy_flag_is_set(&flag, span);
        let callee = self.local_get_ref(&thunk, span);
        let computed = self.expr(
            ExprKind::FunctionCall {
                callee: Box::new(callee),
                args: ir::Args::default(),
            },
            span,
            x.declared_ty.clone(),
        );
        let store = self.local_set_ref(x, computed, span);
        let yes = self.constant(ir::Constant::Bool(true), span);
        let mark = self.local_set_ref(&flag, yes, span);
        let value = self.local_get_ref(x, span);
        let ty = x.declared_ty.clone();
        let init = self.expr(
            ExprKind::Block {
                stmts: vec![
                    ir::Stmt {
                        kind: StmtKind::Expr(store),
                        span,
                    },
                    ir::Stmt {
                        kind: StmtKind::Expr(mark),
                        span,
                    },
                ],
                value: Box::new(value),
            },
            span,
            ty.clone(),
        );
        let current = self.local_get_ref(x, span);
        self.expr(
            ExprKind::Conditional {
                condition: Box::new(is_set),
                then: Box::new(current),
                otherwise: Box::new(init),
            },
            span,
            ty,
        )
    }

    fn checked_late_local_get(
        &mut self,
        name: Symbol,
        x: &LocalRef,
        flag: &LocalRef,
        span: Span,
    ) -> ir::Expr {
        let is_set = self.lazy_flag_is_set(flag, span);
        let current = self.local_get_ref(x, span);
        let ty = x.declared_ty.clone();
        let message = format!("Local '{name}' has not been initialized.");
        let Some(throw) = self.throw_late_initialization_error(message, span) else {
            return current;
        };
        self.expr(
            ExprKind::Conditional {
                condition: Box::new(is_set),
                then: Box::new(current),
                otherwise: Box::new(throw),
            },
            span,
            ty,
        )
    }

    /// `x#set == true`: has lazy local `x` (whose flag is `flag`) been set?
    fn lazy_flag_is_set(&mut self, flag: &LocalRef, span: Span) -> ir::Expr {
        let bool_ty = self.r.core_type("bool");
        let flag_get = self.local_get_ref(flag, span);
        let yes = self.constant(ir::Constant::Bool(true), span);
        self.expr(
            ExprKind::Equals {
                left: Box::new(flag_get),
                right: Box::new(yes),
                negated: false,
            },
            span,
            bool_ty,
        )
    }

    /// `_throwLateInitializationError(message)`; `None` (reported) without that helper.
    fn throw_late_initialization_error(&mut self, message: String, span: Span) -> Option<ir::Expr> {
        let message = self.constant(ir::Constant::String(message), span);
        let thrower = self.r.scopes[self.r.core_lib.index()]
            .declared
            .get(&Symbol::intern("_throwLateInitializationError"))
            .cloned();
        let Some(super::scope::Decl::Function(f)) = thrower else {
            self.r
                .error(span, "dart:core has no _throwLateInitializationError.");
            return None;
        };
        let args = ir::Args {
            type_args: None,
            positional: vec![message],
            named: Vec::new(),
        };
        Some(self.static_call(f, args, span))
    }

    /// Before assigning a `late final` local: `if (x#set == true) throw
    /// LateInitializationError("Local 'x' has already been initialized.")`.
    pub fn late_final_local_guard(&mut self, name: Symbol, span: Span) -> Option<ir::Stmt> {
        let Ok(Some(flag)) = self.lookup_local(lazy_name(name, "set"), span) else {
            return None;
        };
        let is_set = self.lazy_flag_is_set(&flag, span);
        let message = format!("Local '{name}' has already been initialized.");
        let throw = self.throw_late_initialization_error(message, span)?;
        Some(ir::Stmt {
            kind: StmtKind::If {
                condition: is_set,
                then: Box::new(ir::Stmt {
                    kind: StmtKind::Expr(throw),
                    span,
                }),
                otherwise: None,
            },
            span,
        })
    }

    /// After assigning a lazy local: `x#set = true`.
    pub fn lazy_local_mark(&mut self, name: Symbol, span: Span) -> Option<ir::Expr> {
        let Ok(Some(flag)) = self.lookup_local(lazy_name(name, "set"), span) else {
            return None;
        };
        let yes = self.constant(ir::Constant::Bool(true), span);
        Some(self.local_set_ref(&flag, yes, span))
    }
}

/// The hidden companions of a lazy local (`x#set`, `x#init`): names no Dart code can
/// write, so they never clash.
pub(super) fn lazy_name(name: Symbol, what: &str) -> Symbol {
    Symbol::intern(&format!("{name}#{what}"))
}

/// The index of capture `key` in `frame`, adding it if new.
fn capture_in(frame: &mut Frame, key: CaptureKey) -> u32 {
    if let Some(&i) = frame.capture_map.get(&key) {
        return i;
    }
    let i = frame.captures.len() as u32;
    frame.captures.push(match key {
        CaptureKey::Local(l) => Capture::Local(l),
        CaptureKey::Outer(n) => Capture::Captured(n),
        CaptureKey::This => Capture::This,
    });
    frame.capture_map.insert(key, i);
    i
}
