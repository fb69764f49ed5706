//! Lowering of whole members: functions and methods (with parameters and natives),
//! generative constructors (field initialisers, initializing formals, initializer lists,
//! implicit and explicit super calls, redirection), factories (including redirecting
//! ones), static field initialisers, and the members the resolver synthesises (enum
//! `toString`, enum values).

use super::body::{Frame, Lower};
use super::check::FlowTarget;
use super::types::TypeContext;
use super::{messages, Member, Resolver};
use crate::front::ast::{self, AsyncKind, FunctionBody, ParameterForm};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, ClassId, DartType, ExprKind, FieldId, FunctionId, StmtKind};

impl<'a> Resolver<'a> {
    pub(super) fn lower_enum_to_string(&mut self, fid: FunctionId, class: ClassId) {
        let span = self.program.classes[class.index()].span;
        let this_ty = self.this_type(class);
        let string = self.core_type("String");
        let prefix = format!("{}.", self.class_name(class));
        let prefix = self.const_of(ir::Constant::String(prefix), span, string.clone());
        let name_field = self.core_class("Enum").and_then(|e| {
            match self.classes[e.index()]
                .instance
                .get(&Symbol::intern("_name"))
            {
                Some(Member::Field(f)) => Some(*f),
                _ => None,
            }
        });
        let Some(name_field) = name_field else {
            return;
        };
        let this = ir::Expr {
            kind: ExprKind::This,
            span,
            ty: this_ty.clone(),
        };
        let name = ir::Expr {
            kind: ExprKind::FieldGet {
                receiver: Box::new(this),
                field: name_field,
            },
            span,
            ty: string.clone(),
        };
        let value = ir::Expr {
            kind: ExprKind::StringConcat(vec![prefix, name]),
            span,
            ty: string,
        };
        let f = &mut self.program.functions[fid.index()];
        f.locals = vec![receiver_local(span, this_ty)];
        f.body = Some(ir::Stmt {
            kind: StmtKind::Return(Some(value)),
            span,
        });
    }

    pub(super) fn lower_const_field(&mut self, fid: FunctionId, field: FieldId) {
        let span = self.program.fields[field.index()].span;
        let ty = self.program.fields[field.index()].ty.clone();
        let value = match self.eval_const_field(field, span) {
            Some(c) => ir::Expr {
                kind: ExprKind::Const(c),
                span,
                ty,
            },
            None => self.const_of(ir::Constant::Null, span, DartType::Null),
        };
        self.program.functions[fid.index()].body = Some(ir::Stmt {
            kind: StmtKind::Return(Some(value)),
            span,
        });
    }

    /// The static function a constructor tear-off (`C.new`, `C.named`) refers to: it takes
    /// the constructor's parameters and returns the new instance. One per constructor, so
    /// tear-offs are canonical.
    pub(super) fn constructor_tear_off(&mut self, class: ClassId, ctor: FunctionId) -> FunctionId {
        if let Some(&f) = self.tear_offs.get(&ctor) {
            return f;
        }
        let c = &self.program.functions[ctor.index()];
        let (name, qualified, lib, span) = (c.name, c.qualified_name.clone(), c.library, c.span);
        let is_factory = c.kind == ir::FunctionKind::Factory;
        let mut params = c.params.clone();
        params.receiver_slots = 0;
        let sig = self.sigs[ctor.index()].clone();
        let f = self.new_function(super::function_shell(
            name,
            qualified,
            ir::FunctionKind::Static,
            lib,
            Some(class),
            span,
        ));
        self.program.functions[f.index()].params = params;
        self.sigs[f.index()] = sig.clone();
        let mut locals = Vec::new();
        let mut args = ir::Args::default();
        let local = |name: Symbol, ty: &DartType, locals: &mut Vec<ir::Local>| {
            locals.push(ir::Local {
                name,
                span,
                is_final: true,
                is_late: false,
                captured: false,
                ty: ty.clone(),
            });
            ir::Expr {
                kind: ExprKind::LocalGet(ir::LocalId(locals.len() as u32 - 1)),
                span,
                ty: ty.clone(),
            }
        };
        for (n, ty) in &sig.positional {
            args.positional.push(local(*n, ty, &mut locals));
        }
        for (n, ty, _) in &sig.named {
            let get = local(*n, ty, &mut locals);
            args.named.push((*n, get));
        }
        // A generic class's constructor tear-off is a generic function of the class's
        // type parameters (`C.new<int>(x)`, `C<int> Function(int) f = C.new;`).
        let class_params = self.classes[class.index()].type_params.clone();
        let type_args = (!class_params.is_empty()).then(|| {
            let vector = local(Symbol::intern("#typeArgs"), &DartType::Dynamic, &mut locals);
            let func = &mut self.program.functions[f.index()];
            func.type_params = class_params.clone();
            func.type_args_local = Some(ir::LocalId(locals.len() as u32 - 1));
            Box::new(vector)
        });
        if type_args.is_some() {
            let bounds = self.bounds_of(super::bounds::Generic::Class(class));
            let defaults = super::reified::instantiate_to_bounds(&class_params, &bounds);
            if !defaults.iter().any(DartType::is_open)
                && defaults.iter().any(|t| *t != DartType::Dynamic)
            {
                self.program.functions[f.index()].default_type_args = defaults;
            }
            let s = &mut self.sigs[f.index()];
            s.type_params = class_params;
            s.type_param_bounds = bounds;
        }
        let kind = if is_factory {
            args.type_args = type_args;
            ExprKind::StaticCall {
                target: ctor,
                receiver: None,
                args,
            }
        } else {
            ExprKind::New {
                type_args,
                class,
                constructor: ctor,
                args,
            }
        };
        let value = ir::Expr {
            kind,
            span,
            ty: sig.return_type,
        };
        let func = &mut self.program.functions[f.index()];
        func.locals = locals;
        func.body = Some(ir::Stmt {
            kind: StmtKind::Return(Some(value)),
            span,
        });
        self.tear_offs.insert(ctor, f);
        f
    }

    pub(super) fn const_of(&mut self, c: ir::Constant, span: Span, ty: DartType) -> ir::Expr {
        let id = self.intern_const(c);
        ir::Expr {
            kind: ExprKind::Const(id),
            span,
            ty,
        }
    }

    /// The native name in `@pragma('vm:external-name', 'Name')`, if any.
    pub(super) fn native_name(metadata: &ast::Metadata) -> Option<Symbol> {
        metadata.iter().find_map(|a| {
            let [name] = a.name.parts.as_slice() else {
                return None;
            };
            if name.name.as_str() != "pragma" {
                return None;
            }
            let args = a.args.as_ref()?;
            let key = string_literal(&args.args.first()?.value)?;
            if key != "vm:external-name" {
                return None;
            }
            Some(Symbol::intern(&string_literal(&args.args.get(1)?.value)?))
        })
    }
}

fn string_literal(e: &ast::Expr) -> Option<String> {
    match &e.kind {
        ast::ExprKind::String(parts) => {
            let mut s = String::new();
            for p in parts {
                match p {
                    ast::StringPart::Text(t) => s.push_str(t),
                    ast::StringPart::Interpolation(_) => return None,
                }
            }
            Some(s)
        }
        _ => None,
    }
}

fn receiver_local(span: Span, ty: DartType) -> ir::Local {
    ir::Local {
        name: Symbol::intern("this"),
        span,
        is_final: true,
        is_late: false,
        captured: false,
        ty,
    }
}

fn async_marker(kind: AsyncKind) -> ir::AsyncMarker {
    match kind {
        AsyncKind::Sync => ir::AsyncMarker::Sync,
        AsyncKind::SyncStar => ir::AsyncMarker::SyncStar,
        AsyncKind::Async => ir::AsyncMarker::Async,
        AsyncKind::AsyncStar => ir::AsyncMarker::AsyncStar,
    }
}

pub(super) fn body_async_kind(body: &FunctionBody) -> AsyncKind {
    match body {
        FunctionBody::Block(_, k) | FunctionBody::Expr(_, k) => *k,
        FunctionBody::Empty => AsyncKind::Sync,
    }
}

impl<'r, 'a> Lower<'r, 'a> {
    /// The type context of the current position: library, class and function type
    /// parameters of every enclosing frame.
    pub fn tctx(&self) -> TypeContext {
        let mut t = self.r.type_context(&self.ctx, &[]);
        for f in &self.frames {
            t.type_params.extend(f.type_params.iter().copied());
        }
        t
    }

    pub fn resolve_type(&mut self, ann: &ast::TypeAnnotation) -> DartType {
        let t = self.tctx();
        self.r.resolve_type(ann, &t)
    }

    /// Starts the member's frame, with the receiver local when it has one.
    fn begin_member(
        &mut self,
        fid: FunctionId,
        async_kind: AsyncKind,
        type_params: &[ast::TypeParameter],
    ) {
        let ret = self.r.sigs[fid.index()].return_type.clone();
        let mut frame = Frame::new(fid, async_kind, ret);
        frame.type_params = type_params.iter().map(|t| t.name.name).collect();
        self.frames.push(frame);
        self.note_never_bounded(type_params);
        if self.r.program.functions[fid.index()].params.receiver_slots > 0 {
            let ty = self.this_type_or_dynamic();
            let span = self.r.program.functions[fid.index()].span;
            self.frame().locals.push(receiver_local(span, ty));
        }
    }

    fn this_type_or_dynamic(&self) -> DartType {
        match (self.ctx.this_class, self.extension_this_type()) {
            (Some(c), _) => self.r.this_type(c),
            (None, Some(t)) => t,
            (None, None) => DartType::Dynamic,
        }
    }

    /// Declares the parameters (types from the signature) in the current scope.
    pub fn declare_params(&mut self, fid: FunctionId, params: Option<&ast::FormalParameterList>) {
        self.declare_value_params(fid, params);
        self.declare_type_args_local(fid);
        self.declare_param_checks(fid, params);
    }

    fn declare_value_params(&mut self, fid: FunctionId, params: Option<&ast::FormalParameterList>) {
        let Some(list) = params else {
            return;
        };
        let sig = self.r.sigs[fid.index()].clone();
        let mut positional = sig.positional.iter();
        let mut named = sig.named.iter();
        for p in &list.params {
            let ty = match p.kind {
                ast::ParameterKind::Named { .. } => named.next().map(|n| n.1.clone()),
                _ => positional.next().map(|n| n.1.clone()),
            }
            .unwrap_or(DartType::Dynamic);
            let is_final = p.is_final || p.form != ParameterForm::Normal;
            let local = self.declare_local(p.name, ty, is_final);
            if p.ty.is_some() && p.form == ParameterForm::Normal {
                self.frame().certain_locals.insert(local);
            }
        }
    }

    /// Moves the frame's results into the function.
    pub fn finish(&mut self, body: Option<ir::Stmt>, async_kind: AsyncKind) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let f = &mut self.r.program.functions[frame.fid.index()];
        f.locals = frame.locals;
        f.captures = frame.captures;
        f.body = body;
        f.async_marker = async_marker(async_kind);
    }

    pub fn lower_member_function(&mut self, fid: FunctionId, decl: &'a ast::FunctionDecl) {
        let async_kind = body_async_kind(&decl.body);
        self.begin_member(fid, async_kind, &decl.type_params);
        self.declare_params(fid, decl.params.as_ref());
        if decl.is_external {
            self.lower_external(fid, &decl.metadata, decl.name);
            return;
        }
        let body = self.lower_function_body(&decl.body);
        self.finish(body, async_kind);
    }

    fn lower_external(&mut self, fid: FunctionId, metadata: &ast::Metadata, name: ast::Ident) {
        match Resolver::native_name(metadata) {
            Some(n) => self.r.program.functions[fid.index()].native = Some(n),
            None => {
                let q = self.r.program.functions[fid.index()].qualified_name.clone();
                self.r
                    .error(name.span, messages::external_without_native(&q));
            }
        }
        self.finish(None, AsyncKind::Sync);
    }

    /// Lowers a function body; `None` for abstract bodies.
    pub fn lower_function_body(&mut self, body: &'a FunctionBody) -> Option<ir::Stmt> {
        match body {
            FunctionBody::Block(b, _) => Some(self.lower_block(b)),
            FunctionBody::Expr(e, _) => {
                let ret = self.frame_ref().return_type.clone();
                let value = match (&ret, self.frame_ref().return_context.clone()) {
                    (DartType::Dynamic, Some(context)) => {
                        self.context_type = Some(context);
                        self.lower_expr(e)
                    }
                    (DartType::Void | DartType::Dynamic, _) => self.lower_expr(e),
                    (t, _) => self.lower_expr_in(e, t),
                };
                self.check_return(&value);
                Some(ir::Stmt {
                    kind: StmtKind::Return(Some(value)),
                    span: e.span,
                })
            }
            FunctionBody::Empty => None,
        }
    }

    pub fn lower_field_initializer(
        &mut self,
        fid: FunctionId,
        expr: &'a ast::Expr,
        field: FieldId,
    ) {
        let ty = self.r.program.fields[field.index()].ty.clone();
        // An instance field's initialiser was already lowered (and its errors reported)
        // in the constructors that inline it.
        let reported =
            (!self.r.program.fields[field.index()].is_static).then_some(self.r.diags.items.len());
        self.begin_member(fid, AsyncKind::Sync, &[]);
        let span = expr.span;
        let value = if self.r.program.fields[field.index()].is_const {
            match self.r.eval_const_field(field, span) {
                Some(c) => self.const_expr(c, span),
                None => {
                    self.r.report_const_error();
                    self.lower_expr(expr)
                }
            }
        } else {
            self.lower_expr_in(expr, &ty)
        };
        self.check_assignable(&value, &ty, FlowTarget::Variable);
        let value = self.coerce(value, &ty);
        let body = ir::Stmt {
            kind: StmtKind::Return(Some(value)),
            span,
        };
        self.finish(Some(body), AsyncKind::Sync);
        if let Some(n) = reported {
            self.r.diags.items.truncate(n);
        }
    }

    /// A mixin application's constructor: mixed-in field initialisers, then the super
    /// constructor with every parameter passed on.
    pub fn lower_forwarding_constructor(&mut self, fid: FunctionId, target: FunctionId) {
        self.begin_member(fid, AsyncKind::Sync, &[]);
        self.inherit_defaults(fid, target);
        let span = self.r.program.functions[fid.index()].span;
        let sig = self.r.sigs[fid.index()].clone();
        let args = self.forwarded_params(&sig, span);
        let mut stmts = self.field_initializers(&[], true);
        stmts.push(self.super_ctor_stmt(target, args, span));
        self.finish(Some(block(stmts, span)), AsyncKind::Sync);
    }

    /// `get x { if (this.x#set != true) { this.x#late = init; this.x#set = true; }
    /// return this.x#late; }`
    pub fn lower_late_getter(
        &mut self,
        fid: FunctionId,
        storage: FieldId,
        flag: FieldId,
        init: Option<&'a ast::Expr>,
    ) {
        self.begin_member(fid, AsyncKind::Sync, &[]);
        let span = init.map_or(self.r.program.functions[fid.index()].span, |e| e.span);
        let ty = self.r.program.fields[storage.index()].ty.clone();
        let unset = self.late_flag_test(flag, true, span);
        let is_final = self.r.program.fields[storage.index()].is_final;
        let on_unset = match init {
            Some(init) if is_final => self.late_final_init(fid, storage, flag, init, span),
            Some(init) => {
                let value = self.lower_expr_in(init, &ty);
                let store = self.field_set_stmt(storage, value, span);
                let yes = self.const_of_bool(true, span);
                let mark = self.field_set_stmt(flag, yes, span);
                block(vec![store, mark], span)
            }
            None => self.throw_late_unassigned(fid, span),
        };
        let init_once = ir::Stmt {
            kind: StmtKind::If {
                condition: unset,
                then: Box::new(on_unset),
                otherwise: None,
            },
            span,
        };
        let this = self.this_expr(span);
        let read = self.expr(
            ExprKind::FieldGet {
                receiver: Box::new(this),
                field: storage,
            },
            span,
            ty,
        );
        let ret = ir::Stmt {
            kind: StmtKind::Return(Some(read)),
            span,
        };
        self.finish(Some(block(vec![init_once, ret], span)), AsyncKind::Sync);
    }

    /// `this.x#set == true` (or `!=` when `negated`) for a late field's flag.
    fn late_flag_test(&mut self, flag: FieldId, negated: bool, span: Span) -> ir::Expr {
        let this = self.this_expr(span);
        let is_set = self.expr(
            ExprKind::FieldGet {
                receiver: Box::new(this),
                field: flag,
            },
            span,
            DartType::Dynamic,
        );
        let yes = self.const_of_bool(true, span);
        let bool_ty = self.r.core_type("bool");
        self.expr(
            ExprKind::Equals {
                left: Box::new(is_set),
                right: Box::new(yes),
                negated,
            },
            span,
            bool_ty,
        )
    }

    /// `var t = init; if (this.x#set == true) throw ...; this.x#late = t; this.x#set = true;`
    /// — a read of a `late final` field inside its own initialiser runs the initialiser
    /// again, and the outer evaluation then finds the field bound: an error.
    fn late_final_init(
        &mut self,
        fid: FunctionId,
        storage: FieldId,
        flag: FieldId,
        init: &'a ast::Expr,
        span: Span,
    ) -> ir::Stmt {
        let ty = self.r.program.fields[storage.index()].ty.clone();
        let value = self.lower_expr_in(init, &ty);
        let t = self.temp(ty.clone(), span);
        let hold = ir::Stmt {
            kind: StmtKind::VarDecl {
                local: t,
                init: Some(value),
            },
            span,
        };
        let now_set = self.late_flag_test(flag, false, span);
        let name = self.r.program.functions[fid.index()].name;
        let error = self.throw_late_error(
            format!("Field '{name}' has been assigned during initialization."),
            span,
        );
        let check = ir::Stmt {
            kind: StmtKind::If {
                condition: now_set,
                then: Box::new(error),
                otherwise: None,
            },
            span,
        };
        let read = self.local_get(t, span);
        let store = self.field_set_stmt(storage, read, span);
        let yes = self.const_of_bool(true, span);
        let mark = self.field_set_stmt(flag, yes, span);
        block(vec![hold, check, store, mark], span)
    }

    /// `_throwLateInitializationError("Field 'x' has not been initialized.")` for the
    /// getter `fid` of a late field read before it was assigned.
    fn throw_late_unassigned(&mut self, fid: FunctionId, span: Span) -> ir::Stmt {
        let name = self.r.program.functions[fid.index()].name;
        self.throw_late_error(format!("Field '{name}' has not been initialized."), span)
    }

    /// `_throwLateInitializationError(message)` as a statement.
    pub(super) fn throw_late_error(&mut self, message: String, span: Span) -> ir::Stmt {
        let thrower = self.r.scopes[self.r.core_lib.index()]
            .declared
            .get(&Symbol::intern("_throwLateInitializationError"))
            .cloned();
        let text = self.constant(ir::Constant::String(message), span);
        let call = match thrower {
            Some(super::scope::Decl::Function(f)) => self.static_call(
                f,
                ir::Args {
                    type_args: None,
                    positional: vec![text],
                    named: Vec::new(),
                },
                span,
            ),
            _ => {
                self.r
                    .error(span, "dart:core has no _throwLateInitializationError.");
                text
            }
        };
        ir::Stmt {
            kind: StmtKind::Expr(call),
            span,
        }
    }

    /// `set x(v) { this.x#late = v; this.x#set = true; }`
    pub fn lower_late_setter(&mut self, fid: FunctionId, storage: FieldId, flag: FieldId) {
        self.begin_member(fid, AsyncKind::Sync, &[]);
        let span = self.r.program.functions[fid.index()].span;
        let ty = self.r.program.fields[storage.index()].ty.clone();
        let name = self.r.program.functions[fid.index()].name;
        let param = self.new_local(name, span, ty, false);
        let value = self.local_get(param, span);
        let store = self.field_set_stmt(storage, value, span);
        let yes = self.const_of_bool(true, span);
        let mark = self.field_set_stmt(flag, yes, span);
        let mut stmts = Vec::new();
        if self.r.program.fields[storage.index()].is_final {
            // `late final x;` assigned a second time.
            let already = self.late_flag_test(flag, false, span);
            let message = format!("Field '{name}' has already been initialized.");
            let throw = self.throw_late_error(message, span);
            stmts.push(ir::Stmt {
                kind: StmtKind::If {
                    condition: already,
                    then: Box::new(throw),
                    otherwise: None,
                },
                span,
            });
        }
        stmts.extend([store, mark]);
        self.finish(Some(block(stmts, span)), AsyncKind::Sync);
    }

    fn const_of_bool(&mut self, b: bool, span: Span) -> ir::Expr {
        self.constant(ir::Constant::Bool(b), span)
    }

    pub fn lower_default_constructor(&mut self, fid: FunctionId) {
        self.begin_member(fid, AsyncKind::Sync, &[]);
        let span = self.r.program.functions[fid.index()].span;
        let mut stmts = self.field_initializers(&[], false);
        stmts.extend(self.field_initializers(&[], true));
        let at = self.class_name_span().unwrap_or(span);
        if let Some(call) = self.implicit_super_call(at, Vec::new(), Vec::new()) {
            stmts.push(call);
        }
        self.finish(Some(block(stmts, span)), AsyncKind::Sync);
    }

    pub fn lower_constructor(&mut self, fid: FunctionId, decl: &'a ast::ConstructorDecl) {
        self.begin_member(fid, AsyncKind::Sync, &[]);
        self.declare_params(fid, Some(&decl.params));
        if decl.is_external {
            self.lower_external(fid, &decl.metadata, decl.name.unwrap_or(decl.class_name));
            return;
        }
        if let Some(target) = &decl.redirect {
            let body = self.redirecting_factory_body(fid, decl, target);
            self.finish(Some(body), AsyncKind::Sync);
            return;
        }
        if decl.is_factory {
            let body = self.lower_function_body(&decl.body);
            self.finish(body, AsyncKind::Sync);
            return;
        }
        self.inherit_super_param_defaults(fid, decl);
        let mut stmts = self.constructor_prologue(decl);
        // Initializing formals and super parameters are not in scope in the body.
        for p in &decl.params.params {
            if p.form != ParameterForm::Normal {
                if let Some(scope) = self.frame().scopes.first_mut() {
                    scope.names.remove(&p.name.name);
                }
            }
        }
        if let Some(body) = self.lower_function_body(&decl.body) {
            stmts.push(body);
        }
        self.finish(Some(block(stmts, decl.span)), AsyncKind::Sync);
    }

    /// The span of the `this` class's name in its declaration.
    fn class_name_span(&self) -> Option<Span> {
        let c = self.ctx.this_class?;
        Some(match self.r.classes[c.index()].source {
            super::ClassSource::Class(d) => d.name.span,
            super::ClassSource::Mixin(d) => d.name.span,
            super::ClassSource::Enum(d) => d.name.span,
        })
    }

    /// Field initialisers, initializing formals, the initializer list and the super call.
    fn constructor_prologue(&mut self, decl: &'a ast::ConstructorDecl) -> Vec<ir::Stmt> {
        let redirects = decl
            .initializers
            .iter()
            .any(|i| matches!(i, ast::Initializer::Redirect { .. }));
        let mut stmts = Vec::new();
        let explicit: Vec<Symbol> = decl
            .initializers
            .iter()
            .filter_map(|i| match i {
                ast::Initializer::Field { name, .. } => Some(name.name),
                _ => None,
            })
            .collect();
        if !redirects {
            stmts = self.field_initializers(&explicit, false);
            stmts.extend(self.initializing_formals(decl));
        }
        let mut super_call: Option<Option<ir::Stmt>> = None;
        for init in &decl.initializers {
            match init {
                ast::Initializer::Field { name, value, span } => {
                    if let Some(s) = self.field_init_stmt(*name, value, *span) {
                        stmts.push(s);
                    }
                }
                ast::Initializer::Assert {
                    condition,
                    message,
                    span,
                } => {
                    if let Some(s) = self.lower_assert(condition, message.as_ref(), *span) {
                        stmts.push(s);
                    }
                }
                ast::Initializer::Super { name, args, span } => {
                    super_call = Some(self.explicit_super_call(decl, *name, args, *span));
                }
                ast::Initializer::Redirect { name, args, span } => {
                    super_call = Some(self.redirect_call(*name, args, *span));
                }
            }
        }
        if !redirects {
            // Mixed-in fields belong to the mixin application, which the super call
            // reaches after this class's own initialisation.
            stmts.extend(self.field_initializers(&[], true));
        }
        let super_call = match super_call {
            Some(call) => call,
            None => {
                let (pos, named) = self.super_param_args(decl);
                let at = decl
                    .name
                    .map(|n| decl.class_name.span.to(n.span))
                    .unwrap_or(decl.class_name.span);
                self.implicit_super_call(at, pos, named)
            }
        };
        stmts.extend(super_call);
        stmts
    }

    /// `this.f = init` for every field of this class with an initialiser expression that
    /// the initializer list does not set.
    fn field_initializers(&mut self, _explicit: &[Symbol], mixed_in: bool) -> Vec<ir::Stmt> {
        let Some(c) = self.ctx.this_class else {
            return Vec::new();
        };
        let fields = self.r.program.classes[c.index()].instance_fields.clone();
        let mut stmts = Vec::new();
        for f in fields {
            let Some(&(v, var, fctx)) = self.r.instance_field_decls.get(&f) else {
                continue;
            };
            let Some(init) = &var.init else {
                continue;
            };
            if fctx.mixin_index.is_some() != mixed_in {
                continue;
            }
            if v.is_late {
                // Initialised on first read by its getter.
                continue;
            }
            let saved_ctx = std::mem::replace(&mut self.ctx, fctx);
            let saved_scopes = std::mem::take(&mut self.frame().scopes);
            self.frame().scopes.push(Default::default());
            let ty = self.r.program.fields[f.index()].ty.clone();
            let value = self.lower_expr_in(init, &ty);
            self.check_assignable(&value, &ty, FlowTarget::Variable);
            self.frame().scopes = saved_scopes;
            self.ctx = saved_ctx;
            stmts.push(self.field_set_stmt(f, value, var.span));
        }
        stmts
    }

    fn field_set_stmt(&mut self, f: FieldId, value: ir::Expr, span: Span) -> ir::Stmt {
        let ty = self.r.program.fields[f.index()].ty.clone();
        let value = self.coerce(value, &ty);
        let this = self.this_expr(span);
        let e = self.expr(
            ExprKind::FieldSet {
                receiver: Box::new(this),
                field: f,
                value: Box::new(value),
            },
            span,
            ty,
        );
        ir::Stmt {
            kind: StmtKind::Expr(e),
            span,
        }
    }

    fn own_field(&self, name: Symbol) -> Option<FieldId> {
        let c = self.ctx.this_class?;
        match self.r.classes[c.index()].instance.get(&name) {
            Some(Member::Field(f)) => Some(*f),
            _ => None,
        }
    }

    fn initializing_formals(&mut self, decl: &'a ast::ConstructorDecl) -> Vec<ir::Stmt> {
        let mut stmts = Vec::new();
        for p in &decl.params.params {
            if p.form != ParameterForm::This {
                continue;
            }
            let Some(local) = self.lookup_scoped(p.name.name) else {
                continue;
            };
            let value = self.local_get(local, p.span);
            if p.ty.is_some() {
                if let Some(f) = self.own_field_or_late_storage(p.name.name) {
                    self.check_initializing_formal(p.name, &value.ty, f);
                }
            }
            if let Some(s) = self.initialise_own_field(p.name, value, p.span) {
                stmts.push(s);
            }
        }
        stmts
    }

    fn field_init_stmt(
        &mut self,
        name: ast::Ident,
        value: &'a ast::Expr,
        span: Span,
    ) -> Option<ir::Stmt> {
        if self.own_field(name.name).is_none() && self.own_late_field(name.name).is_none() {
            self.r.error(
                name.span,
                format!("'{}' isn't an instance field of this class.", name.name),
            );
            return None;
        }
        let v = self.lower_expr(value);
        if let Some(f) = self.own_field_or_late_storage(name.name) {
            let ty = self.r.program.fields[f.index()].ty.clone();
            self.check_assignable(&v, &ty, FlowTarget::Variable);
        }
        self.initialise_own_field(name, v, span)
    }

    /// Stores a constructor's value into field `name` of `this`: a plain field directly, a
    /// `late` one into its storage with its "is set" flag raised.
    fn initialise_own_field(
        &mut self,
        name: ast::Ident,
        value: ir::Expr,
        span: Span,
    ) -> Option<ir::Stmt> {
        if let Some(f) = self.own_field(name.name) {
            return Some(self.field_set_stmt(f, value, span));
        }
        let Some((storage, flag)) = self.own_late_field(name.name) else {
            self.r.error(
                name.span,
                format!("'{}' isn't an instance field of this class.", name.name),
            );
            return None;
        };
        let store = self.field_set_stmt(storage, value, span);
        let yes = self.const_of_bool(true, span);
        let mark = self.field_set_stmt(flag, yes, span);
        Some(ir::Stmt {
            kind: StmtKind::Block(vec![store, mark]),
            span,
        })
    }

    fn own_late_field(&self, name: Symbol) -> Option<(FieldId, FieldId)> {
        let c = self.ctx.this_class?;
        self.r.classes[c.index()].late_fields.get(&name).copied()
    }

    /// The field a constructor stores `name` into: the plain field, or a late field's storage.
    fn own_field_or_late_storage(&self, name: Symbol) -> Option<FieldId> {
        self.own_field(name)
            .or_else(|| self.own_late_field(name).map(|(storage, _)| storage))
    }

    /// Arguments contributed by `super.x` parameters, positional then named.
    fn super_param_args(
        &mut self,
        decl: &ast::ConstructorDecl,
    ) -> (Vec<ir::Expr>, Vec<(Symbol, ir::Expr)>) {
        let mut pos = Vec::new();
        let mut named = Vec::new();
        for p in &decl.params.params {
            if p.form != ParameterForm::Super {
                continue;
            }
            let Some(local) = self.lookup_scoped(p.name.name) else {
                continue;
            };
            let value = self.local_get(local, p.span);
            match p.kind {
                ast::ParameterKind::Named { .. } => named.push((p.name.name, value)),
                _ => pos.push(value),
            }
        }
        (pos, named)
    }

    /// `super()` when the initializer list has no super call (nothing for `Object`).
    fn implicit_super_call(
        &mut self,
        span: Span,
        pos: Vec<ir::Expr>,
        named: Vec<(Symbol, ir::Expr)>,
    ) -> Option<ir::Stmt> {
        let c = self.ctx.this_class?;
        let sup = self.r.program.classes[c.index()].superclass?;
        // Enums' `Enum` fields are set by the constant values themselves.
        if Some(sup) == self.r.program.core.object || self.r.program.classes[c.index()].is_enum {
            return None;
        }
        let empty = Symbol::intern("");
        let target = self.r.classes[sup.index()].ctors.get(&empty).copied();
        let fits = |t: &FunctionId| {
            let f = &self.r.program.functions[t.index()];
            let sig = &self.r.sigs[t.index()];
            f.kind == ir::FunctionKind::Constructor
                && sig.required_positional <= pos.len()
                && sig
                    .named
                    .iter()
                    .all(|(n, _, req)| !req || named.iter().any(|(m, _)| m == n))
        };
        let Some(target) = target.filter(fits) else {
            let name = self.r.class_name(sup);
            self.r
                .error(span, messages::super_no_default_constructor(name));
            return None;
        };
        let args = ir::Args {
            type_args: None,
            positional: pos,
            named,
        };
        let args = self.check_args_ok(target, args, span, None);
        Some(self.super_ctor_stmt(target, args, span))
    }

    fn super_ctor_stmt(&mut self, target: FunctionId, args: ir::Args, span: Span) -> ir::Stmt {
        let this = self.this_expr(span);
        let call = self.expr(
            ExprKind::StaticCall {
                target,
                receiver: Some(Box::new(this)),
                args,
            },
            span,
            DartType::Void,
        );
        ir::Stmt {
            kind: StmtKind::Expr(call),
            span,
        }
    }

    fn explicit_super_call(
        &mut self,
        decl: &ast::ConstructorDecl,
        name: Option<ast::Ident>,
        args: &'a ast::Arguments,
        span: Span,
    ) -> Option<ir::Stmt> {
        let c = self.ctx.this_class?;
        let sup = self.r.program.classes[c.index()].superclass?;
        let key = name.map(|n| n.name).unwrap_or_else(|| Symbol::intern(""));
        let Some(target) = self.r.classes[sup.index()].ctors.get(&key).copied() else {
            let shown = match name {
                Some(n) => format!("{}.{}", self.r.class_name(sup), n.name),
                None => self.r.class_name(sup).to_string(),
            };
            self.r.error(span, messages::constructor_not_found(&shown));
            return None;
        };
        let (mut pos, mut named) = self.super_param_args(decl);
        let mut lowered = self.lower_args(args);
        pos.append(&mut lowered.positional);
        named.append(&mut lowered.named);
        let args = self.check_args_ok(
            target,
            ir::Args {
                type_args: None,
                positional: pos,
                named,
            },
            span,
            None,
        );
        Some(self.super_ctor_stmt(target, args, span))
    }

    fn redirect_call(
        &mut self,
        name: Option<ast::Ident>,
        args: &'a ast::Arguments,
        span: Span,
    ) -> Option<ir::Stmt> {
        let c = self.ctx.this_class?;
        let key = name.map(|n| n.name).unwrap_or_else(|| Symbol::intern(""));
        let Some(target) = self.r.classes[c.index()].ctors.get(&key).copied() else {
            let shown = match name {
                Some(n) => format!("{}.{}", self.r.class_name(c), n.name),
                None => self.r.class_name(c).to_string(),
            };
            self.r.error(span, messages::constructor_not_found(&shown));
            return None;
        };
        let lowered = self.lower_args(args);
        let args = self.check_args_ok(target, lowered, span, None);
        Some(self.super_ctor_stmt(target, args, span))
    }

    /// `factory C(params) = D.named;` forwards every parameter to `D.named`.
    fn redirecting_factory_body(
        &mut self,
        fid: FunctionId,
        decl: &ast::ConstructorDecl,
        target: &ast::ConstructorRef,
    ) -> ir::Stmt {
        let span = target.span;
        let ty = self.resolve_type(&target.ty);
        let mut args = ir::Args::default();
        for (i, p) in decl.params.params.iter().enumerate() {
            let local =
                ir::LocalId(i as u32 + self.r.program.functions[fid.index()].params.receiver_slots);
            let value = self.local_get(local, p.span);
            match p.kind {
                ast::ParameterKind::Named { .. } => args.named.push((p.name.name, value)),
                _ => args.positional.push(value),
            }
        }
        if let DartType::Interface { class, .. } = &ty {
            let key = target.name.map_or_else(|| Symbol::intern(""), |n| n.name);
            if let Some(t) = self.r.classes[class.index()].ctors.get(&key).copied() {
                self.inherit_defaults(fid, t);
            }
        }
        let value = match ty {
            DartType::Interface { class, .. } => self.construct(
                super::calls::CtorCall {
                    class,
                    name: target.name,
                    ty: ty.clone(),
                    span,
                    at: span,
                },
                args,
                None,
            ),
            _ => None,
        };
        let value = value.unwrap_or_else(|| self.null(span));
        ir::Stmt {
            kind: StmtKind::Return(Some(value)),
            span,
        }
    }

    /// A forwarding constructor (redirecting factory, mixin application constructor)
    /// passes every argument on, so an omitted optional one must take the target's
    /// default, not `null`: the forwarder's optional parameters get the target's defaults
    /// (by position, and by name for named ones).
    fn inherit_defaults(&mut self, fid: FunctionId, target: FunctionId) {
        let from = self.r.program.functions[target.index()].params.clone();
        let params = &mut self.r.program.functions[fid.index()].params;
        let first_optional = params.required_positional as usize;
        for (k, d) in params.positional_defaults.iter_mut().enumerate() {
            let at = first_optional + k;
            let Some(tk) = at.checked_sub(from.required_positional as usize) else {
                continue;
            };
            if let Some(Some(c)) = from.positional_defaults.get(tk) {
                *d = Some(*c);
            }
        }
        for n in params.named.iter_mut() {
            if let Some(Some(c)) = from
                .named
                .iter()
                .find(|t| t.name == n.name)
                .map(|t| t.default)
            {
                n.default = Some(c);
            }
        }
    }

    /// An optional `super.x` parameter without a default of its own takes the default of
    /// the super constructor parameter it is passed to (positional ones in order, named
    /// ones by name), as the super-parameters feature specifies.
    fn inherit_super_param_defaults(&mut self, fid: FunctionId, decl: &ast::ConstructorDecl) {
        let Some(c) = self.ctx.this_class else {
            return;
        };
        let Some(target) = self.r.super_constructor_of(c, decl) else {
            return;
        };
        let from = self.r.program.functions[target.index()].params.clone();
        let params = &mut self.r.program.functions[fid.index()].params;
        let (mut positional, mut super_positional) = (0usize, 0usize);
        for p in &decl.params.params {
            let is_named = matches!(p.kind, ast::ParameterKind::Named { .. });
            let inherits = p.form == ParameterForm::Super && p.default_value.is_none();
            if is_named {
                if inherits {
                    let default = from.named.iter().find(|n| n.name == p.name.name);
                    let mine = params.named.iter_mut().find(|n| n.name == p.name.name);
                    if let (Some(d), Some(m)) = (default.and_then(|n| n.default), mine) {
                        m.default = Some(d);
                    }
                }
                continue;
            }
            if inherits && p.kind == ast::ParameterKind::OptionalPositional {
                let default = super_positional
                    .checked_sub(from.required_positional as usize)
                    .and_then(|k| from.positional_defaults.get(k).copied().flatten());
                let mine = positional
                    .checked_sub(params.required_positional as usize)
                    .and_then(|k| params.positional_defaults.get_mut(k));
                if let (Some(d), Some(m)) = (default, mine) {
                    *m = Some(d);
                }
            }
            if p.form == ParameterForm::Super {
                super_positional += 1;
            }
            positional += 1;
        }
    }

    /// Looks a name up in the current frame's scopes only (parameters, locals).
    pub fn lookup_scoped(&self, name: Symbol) -> Option<ir::LocalId> {
        self.frame_ref()
            .scopes
            .iter()
            .rev()
            .find_map(|s| s.names.get(&name).copied())
    }
}

pub(super) fn block(stmts: Vec<ir::Stmt>, span: Span) -> ir::Stmt {
    ir::Stmt {
        kind: StmtKind::Block(stmts),
        span,
    }
}
