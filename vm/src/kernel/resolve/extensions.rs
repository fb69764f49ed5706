//! Extension declarations and static extension resolution. An extension's instance
//! members are ordinary functions (kind `Method`, receiver in local 0, no owner class);
//! `recv.m(args)` on a receiver whose static type lacks `m` but matches an extension's
//! `on` type becomes `StaticCall { target: m, receiver: recv }`. Nothing here needs
//! run-time support.

use super::body::Lower;
use super::declarations::ParamSource;
use super::members::Found;
use super::members::Want;
use super::scope::Decl;
use super::{function_shell, BodySource, ExtensionInfo, Member, MemberContext, Resolver};
use crate::front::ast::{self, ClassMember, FunctionKind as AstFnKind};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, DartType, ExprKind, FunctionId, LibraryId};
use std::collections::HashMap;

impl<'a> Resolver<'a> {
    /// Phase 1: an extension gets an index; named ones are visible (and exported) by
    /// name, unnamed ones under a private synthetic name.
    pub(super) fn declare_extension(
        &mut self,
        lib: LibraryId,
        decl: &'a ast::ExtensionDecl,
    ) -> (Symbol, Span, Decl) {
        let index = self.extensions.len();
        let (name, span) = match decl.name {
            Some(n) => (n.name, n.span),
            None => (Symbol::intern(&format!("_extension#{index}")), decl.span),
        };
        let shown = decl
            .name
            .map(|n| n.name)
            .unwrap_or_else(|| Symbol::intern("<unnamed extension>"));
        self.extensions.push(ExtensionInfo {
            lib,
            name: shown,
            members: &decl.members,
            on_ann: &decl.on,
            type_params: decl.type_params.iter().map(|t| t.name.name).collect(),
            on: DartType::Dynamic,
            instance: HashMap::new(),
            statics: HashMap::new(),
            ext_type: None,
        });
        (name, span, Decl::Extension(index))
    }

    pub(super) fn extension_ctx(&self, index: usize, is_static: bool) -> MemberContext {
        MemberContext {
            lib: self.extensions[index].lib,
            lexical_class: None,
            this_class: None,
            mixin_index: None,
            extension: Some(index),
            is_static,
        }
    }

    /// Phase 3 (after classes): the `on` types (extension types: representation types
    /// and `implements` clauses).
    pub(super) fn resolve_extension_headers(&mut self) {
        for i in 0..self.extensions.len() {
            let ctx = self.extension_ctx(i, false);
            let tctx = self.type_context(&ctx, &[]);
            let ann = self.extensions[i].on_ann;
            let on = self.resolve_type(ann, &tctx);
            self.extensions[i].on = on;
        }
        for i in 0..self.extensions.len() {
            if self.extensions[i].ext_type.is_some() {
                self.resolve_extension_type_interfaces(i);
                self.check_representation_cycle(i);
            }
        }
    }

    /// Phase 4: the members, as functions with signatures and bodies to lower.
    pub(super) fn declare_extension_members(&mut self) {
        for i in 0..self.extensions.len() {
            let members = self.extensions[i].members;
            if self.extensions[i].ext_type.is_some() {
                self.declare_extension_type_constructors(i);
            }
            for m in members {
                match m {
                    ClassMember::Method(md) => self.declare_extension_method(i, md),
                    ClassMember::Field(v) if v.is_static => {
                        let ctx = self.extension_ctx(i, true);
                        let lib = self.extensions[i].lib;
                        for var in &v.vars {
                            let f =
                                self.new_static_field(ir::FieldOwner::Library(lib), v, var, ctx);
                            self.program.libraries[lib.index()].fields.push(f);
                            self.extensions[i]
                                .statics
                                .insert(var.name.name, Member::Field(f));
                            self.declare_static_field_type(f);
                        }
                    }
                    ClassMember::Field(v) => {
                        let what = if self.extensions[i].ext_type.is_some() {
                            "Extension types"
                        } else {
                            "Extensions"
                        };
                        self.error(
                            v.span,
                            format!("{what} can't declare instance fields\nTry removing the field declaration or making it a static field"),
                        )
                    }
                    ClassMember::Constructor(c) if self.extensions[i].ext_type.is_none() => self
                        .error(
                            c.span,
                            "Extensions can't declare constructors.\nTry removing the constructor declaration.",
                        ),
                    ClassMember::Constructor(_) => {}
                }
            }
        }
        for i in 0..self.extensions.len() {
            self.check_inherited_member_conflicts(i);
        }
    }

    fn declare_extension_method(&mut self, i: usize, md: &'a ast::MethodDecl) {
        let f = &md.function;
        let name = f.name.name;
        let kind = match (f.kind, md.is_static) {
            (AstFnKind::Getter, _) => ir::FunctionKind::Getter,
            (AstFnKind::Setter, _) => ir::FunctionKind::Setter,
            (_, true) => ir::FunctionKind::Static,
            (_, false) => ir::FunctionKind::Method,
        };
        let ext_name = self.extensions[i].name.to_string();
        let suffix = if f.kind == AstFnKind::Setter { "=" } else { "" };
        let qualified = format!("{ext_name}.{name}{suffix}");
        let lib = self.extensions[i].lib;
        let id = self.new_function(function_shell(name, qualified, kind, lib, None, f.span));
        let ctx = self.extension_ctx(i, md.is_static);
        let src = ParamSource {
            params: f.params.as_ref(),
            return_type: f.return_type.as_ref(),
            type_params: &f.type_params,
            kind: f.kind,
        };
        self.declare_signature(id, &src, &ctx, if md.is_static { 0 } else { 1 });
        self.program.libraries[lib.index()].functions.push(id);
        self.jobs.push((id, BodySource::Function { decl: f, ctx }));
        if !md.is_static {
            self.extension_of_fn.insert(id, i);
        }
        let info = &mut self.extensions[i];
        let table = if md.is_static {
            &mut info.statics
        } else {
            &mut info.instance
        };
        add_extension_member(table, name, f.kind, id);
    }
}

fn add_extension_member(
    table: &mut HashMap<Symbol, Member>,
    name: Symbol,
    kind: AstFnKind,
    id: FunctionId,
) {
    let existing = table.get(&name).copied();
    let member = match (kind, existing) {
        (AstFnKind::Getter, Some(Member::Accessors { setter, .. })) => Member::Accessors {
            getter: Some(id),
            setter,
        },
        (AstFnKind::Getter, _) => Member::Accessors {
            getter: Some(id),
            setter: None,
        },
        (AstFnKind::Setter, Some(Member::Accessors { getter, .. })) => Member::Accessors {
            getter,
            setter: Some(id),
        },
        (AstFnKind::Setter, _) => Member::Accessors {
            getter: None,
            setter: Some(id),
        },
        _ => Member::Method(id),
    };
    table.insert(name, member);
}

impl Resolver<'_> {
    /// The extension of instance member `f` when `f` takes a type-argument vector: the
    /// extension's type parameters first, then the member's own (an extension type's
    /// members are left out: theirs read as `dynamic`).
    pub(super) fn reified_extension(&self, f: FunctionId) -> Option<usize> {
        let e = *self.extension_of_fn.get(&f)?;
        let generic = !self.extensions[e].type_params.is_empty()
            || !self.sigs[f.index()].type_params.is_empty();
        (generic && !self.is_extension_type(e)).then_some(e)
    }
}

/// The side of an extension member a use wants.
pub(super) fn pick_extension(member: Member, want: Want) -> Option<Found> {
    match (member, want) {
        (Member::Method(f), Want::Call | Want::Getter) => Some(Found::Method(f)),
        (
            Member::Accessors {
                getter: Some(g), ..
            },
            Want::Call | Want::Getter,
        ) => Some(Found::Getter(g)),
        (
            Member::Accessors {
                setter: Some(s), ..
            },
            Want::Setter,
        ) => Some(Found::Setter(s)),
        _ => None,
    }
}

impl<'r, 'a> Lower<'r, 'a> {
    /// Extensions visible in the current library (declared, imported, or imported with
    /// a prefix), each once; extension types are not among them (their members apply
    /// to their own type only).
    pub(super) fn extensions_in_scope(&self) -> Vec<usize> {
        let scope = &self.r.scopes[self.ctx.lib.index()];
        let mut out: Vec<usize> = Vec::new();
        let mut add = |d: &Decl| {
            if let Decl::Extension(i) = d {
                if self.r.extensions[*i].ext_type.is_none() && !out.contains(i) {
                    out.push(*i);
                }
            }
        };
        scope.declared.values().for_each(&mut add);
        scope.imported.values().flatten().for_each(|(d, _)| add(d));
        scope
            .prefixes
            .values()
            .flat_map(|t| t.values())
            .flatten()
            .for_each(|(d, _)| add(d));
        out.sort_unstable();
        out
    }

    /// An applicable extension member for `name` on a receiver of static type `ty`, when
    /// the type itself has no such member (instance members win; `dynamic` receivers
    /// never use extensions).
    pub fn try_extension(
        &mut self,
        ty: &DartType,
        name: Symbol,
        want: Want,
    ) -> Option<(usize, Found)> {
        if matches!(ty, DartType::Dynamic | DartType::Void) {
            return None;
        }
        if let DartType::Extension { index, .. } = ty {
            let e = *index as usize;
            if !self.r.is_extension_type(e) {
                // An explicit application `Ext(r)`: only `Ext`'s members.
                return self.r.extensions[e]
                    .instance
                    .get(&name)
                    .and_then(|m| pick_extension(*m, want))
                    .map(|f| (e, f));
            }
            if let Some(found) = self.r.extension_type_member(e, name, want) {
                return Some(found);
            }
        }
        if let DartType::Interface {
            class,
            nullable: false,
            ..
        } = ty
        {
            if self.r.find_instance(*class, name, want).is_some() {
                return None;
            }
        }
        if let Some(object) = self.r.program.core.object {
            if self.r.find_instance(object, name, want).is_some() {
                return None;
            }
        }
        let mut applicable = Vec::new();
        for e in self.extensions_in_scope() {
            let Some(found) = self.r.extensions[e]
                .instance
                .get(&name)
                .and_then(|m| pick_extension(*m, want))
            else {
                continue;
            };
            if self.extension_applies(e, ty) {
                applicable.push((e, found));
            }
        }
        self.most_specific(applicable)
    }

    /// `recv` retyped to its declared type when it reads a nullable local that flow
    /// analysis leaves `dynamic` (see `promotion`) and `name` then resolves to an
    /// extension member: if the local is never type-tested, the promotions Dart could
    /// have made are only to the non-null declared type, so when neither it nor the
    /// declared type has `name` as a member and both pick the same extension, that
    /// extension is what Dart's flow analysis would call.
    pub fn extension_receiver(&mut self, mut recv: ir::Expr, name: Symbol, want: Want) -> ir::Expr {
        let Some(declared) = self.flow_declared_type(&recv) else {
            return recv;
        };
        let non_null = super::types::make_non_nullable(declared.clone());
        if let DartType::Interface { class, .. } = &non_null {
            if self.r.find_instance(*class, name, want).is_some() {
                return recv;
            }
        }
        let nullable_pick = self.try_extension(&declared, name, want).map(|(e, _)| e);
        let promoted_pick = self.try_extension(&non_null, name, want).map(|(e, _)| e);
        if nullable_pick.is_some() && nullable_pick == promoted_pick {
            recv.ty = declared;
        }
        recv
    }

    /// The declared type of a nullable local read as `dynamic` by flow analysis that is
    /// never type-tested (only null-tested or assigned).
    fn flow_declared_type(&self, recv: &ir::Expr) -> Option<DartType> {
        if !matches!(recv.ty, DartType::Dynamic) {
            return None;
        }
        let ExprKind::LocalGet(id) = recv.kind else {
            return None;
        };
        let frame = self.frame_ref();
        let local = frame.locals.get(id.index())?;
        let tracked = frame.flow_sensitive.contains(&id)
            && !self.flow.type_tested.contains(&local.name)
            && local.ty.is_nullable()
            && !matches!(local.ty, DartType::Dynamic | DartType::Void);
        tracked.then(|| local.ty.clone())
    }

    /// Of several applicable extensions, the one whose `on` type is a subtype of every
    /// other's (the language's "most specific" extension); the first when none is.
    fn most_specific(&self, applicable: Vec<(usize, Found)>) -> Option<(usize, Found)> {
        if applicable.len() <= 1 {
            return applicable.into_iter().next();
        }
        let on = |e: usize| &self.r.extensions[e].on;
        let best = applicable.iter().find(|(a, _)| {
            applicable.iter().all(|(b, _)| {
                a == b
                    || matches!(on(*b), DartType::TypeParameter { .. } | DartType::Dynamic)
                    || self.r.is_subtype(on(*a), on(*b)) == Some(true)
            })
        });
        best.or(applicable.first()).copied()
    }

    fn extension_applies(&self, e: usize, ty: &DartType) -> bool {
        let on = &self.r.extensions[e].on;
        match on {
            DartType::TypeParameter { .. } | DartType::Dynamic => true,
            _ => self.r.is_subtype(ty, on) == Some(true),
        }
    }

    /// Calls extension member `found` of `recv`: `StaticCall` with the receiver.
    pub fn extension_invoke(
        &mut self,
        recv: ir::Expr,
        found: Found,
        args: ir::Args,
        span: Span,
    ) -> ir::Expr {
        self.extension_invoke_with(recv, found, args, None, span)
    }

    /// As `extension_invoke`, with the member's own type arguments when the call wrote
    /// them (`r.m<int>()`); otherwise they are inferred from the arguments.
    pub fn extension_invoke_with(
        &mut self,
        recv: ir::Expr,
        found: Found,
        args: ir::Args,
        own_type_args: Option<Vec<DartType>>,
        span: Span,
    ) -> ir::Expr {
        let Some(f) = found.function() else {
            return self.null(span);
        };
        let mut recv = recv;
        if let DartType::Extension { index, args, .. } = &recv.ty {
            let e = *index as usize;
            let rep_getter = self.r.extensions[e]
                .ext_type
                .as_ref()
                .and_then(|t| t.rep_getter);
            if rep_getter == Some(f) {
                recv.ty = self.r.representation_of(e, args);
                return recv;
            }
        }
        let sig = super::calls::erase_method_type_params(&self.r.sigs[f.index()]);
        let sig = match &recv.ty {
            DartType::Extension { index, args, .. } => {
                let params = self.r.extensions[*index as usize].type_params.clone();
                sig.map_types(|t| super::types::substitute(t, &params, args))
            }
            _ => sig,
        };
        let ty = sig.return_type.clone();
        let mut args = self.check_args_sig(&sig, args, span, None, None);
        if args.type_args.is_none() {
            let own = match own_type_args {
                Some(types) => types,
                None => {
                    let supers = |t: &DartType, c| self.r.supertype_args(t, c);
                    super::reified::infer_type_args(&self.r.sigs[f.index()], &args, &supers)
                        .unwrap_or_default()
                }
            };
            args.type_args = self.extension_type_args(f, &recv.ty, own, span);
        }
        self.expr(
            ExprKind::StaticCall {
                target: f,
                receiver: Some(Box::new(recv)),
                args,
            },
            span,
            ty,
        )
    }

    /// The type of `this` in an extension member (extension types: `E<T...>`).
    pub fn extension_this_type(&self) -> Option<DartType> {
        let e = self.ctx.extension?;
        if self.r.is_extension_type(e) {
            return Some(self.r.extension_type_of(e));
        }
        Some(self.r.extensions[e].on.clone())
    }

    /// A receiver of extension type `E` whose member `name` is not `E`'s own (nor an
    /// extension type's it implements) but a class member: the receiver retyped as the
    /// implemented class type that has it, or as `Object` for `Object`'s members, so the
    /// ordinary instance-member path takes over. Other receivers are returned as they are.
    pub fn view_extension_type(
        &mut self,
        mut recv: ir::Expr,
        name: Symbol,
        want: Want,
    ) -> ir::Expr {
        let DartType::Extension {
            index,
            args,
            nullable,
        } = &recv.ty
        else {
            return recv;
        };
        let (e, nullable) = (*index as usize, *nullable);
        if !self.r.is_extension_type(e) || self.r.extension_type_member(e, name, want).is_some() {
            return recv;
        }
        let nullable_view = |t: DartType| {
            if nullable {
                super::types::make_nullable(t)
            } else {
                t
            }
        };
        for t in self.r.extension_type_class_interfaces(e, &args.clone()) {
            if let DartType::Interface { class, .. } = &t {
                if self.r.find_instance(*class, name, want).is_some() {
                    recv.ty = nullable_view(t);
                    return recv;
                }
            }
        }
        if self.try_extension(&recv.ty, name, want).is_some() {
            return recv;
        }
        if let Some(object) = self.r.program.core.object {
            if self.r.find_instance(object, name, want).is_some() {
                recv.ty = self.r.interface_type(object, Vec::new(), nullable);
            }
        }
        recv
    }

    /// `recv.m` for extension method `m`: a closure over the receiver (held in a
    /// captured local, so it is evaluated once) that calls `m` with its arguments.
    pub fn extension_tear_off(&mut self, recv: ir::Expr, f: FunctionId, span: Span) -> ir::Expr {
        let sig = super::calls::erase_method_type_params(&self.r.sigs[f.index()]);
        let sig = match &recv.ty {
            DartType::Extension { index, args, .. } => {
                let params = self.r.extensions[*index as usize].type_params.clone();
                sig.map_types(|t| super::types::substitute(t, &params, args))
            }
            _ => sig,
        };
        let recv_ty = recv.ty.clone();
        self.closure_over_receiver(
            recv,
            f,
            "<tear-off>",
            sig.clone(),
            span,
            |l, fid, holder| l.tear_off_body(fid, f, &sig, holder, recv_ty, span),
        )
    }

    /// A closure over `recv` (evaluated once, into a captured local `holder`) with
    /// signature `sig` and `template`'s parameters; `body` lowers its body (in its own
    /// frame) given the closure's function and the holder's name.
    fn closure_over_receiver(
        &mut self,
        recv: ir::Expr,
        template: FunctionId,
        label: &str,
        sig: super::Signature,
        span: Span,
        body: impl FnOnce(&mut Self, FunctionId, Symbol) -> ir::Stmt,
    ) -> ir::Expr {
        self.push_scope();
        let n = self.frame_ref().locals.len();
        let holder = Symbol::intern(&format!(":receiver{n}"));
        let local = self.new_local(holder, span, recv.ty.clone(), true);
        if let Some(scope) = self.frame().scopes.last_mut() {
            scope.names.insert(holder, local);
        }
        let target = &self.r.program.functions[template.index()];
        let (name, params) = (target.name, target.params.clone());
        let qualified = format!("{}.{label}", target.qualified_name);
        let shell = super::function_shell(
            name,
            qualified,
            ir::FunctionKind::Closure,
            self.ctx.lib,
            self.ctx.this_class,
            span,
        );
        let fid = self.r.new_function(shell);
        // The closure object is the hidden first argument.
        self.r.program.functions[fid.index()].params = ir::Parameters {
            receiver_slots: 1,
            ..params
        };
        self.r.program.functions[fid.index()].return_type = sig.return_type.clone();
        self.r.sigs[fid.index()] = sig.clone();
        let lowered = body(self, fid, holder);
        self.finish(Some(lowered), ast::AsyncKind::Sync);
        self.pop_scope();
        let ty = function_type_of(&sig);
        let closure = self.expr(ExprKind::Closure(fid), span, ty.clone());
        let decl = ir::Stmt {
            kind: ir::StmtKind::VarDecl {
                local,
                init: Some(recv),
            },
            span,
        };
        self.expr(
            ExprKind::Block {
                stmts: vec![decl],
                value: Box::new(closure),
            },
            span,
            ty,
        )
    }

    /// `f<T1, ..>` for a generic static or top-level function `f`: a function that calls
    /// `f` with these type arguments. With closed arguments it is a static function made
    /// once (its tear-off is canonical: `identical(f<int>, f<int>)`); arguments naming
    /// the enclosing type parameters make it a closure.
    pub fn instantiated_tear_off(
        &mut self,
        f: FunctionId,
        types: Vec<DartType>,
        span: Span,
    ) -> ir::Expr {
        let open = types.iter().any(DartType::is_open);
        let known = self
            .r
            .instantiations
            .iter()
            .find(|(g, t, _)| *g == f && *t == types)
            .map(|e| e.2);
        let fid = match known {
            Some(fid) if !open => fid,
            _ => self.instantiation_function(f, &types, open, span),
        };
        let ty = function_type_of(&self.r.sigs[fid.index()]);
        let kind = if open {
            ExprKind::Closure(fid)
        } else {
            if known.is_none() {
                self.r.instantiations.push((f, types, fid));
            }
            ExprKind::StaticTearOff(fid)
        };
        self.expr(kind, span, ty)
    }

    /// `o.m<T1, ..>` for a generic instance method `m` of `o`'s static type: a closure
    /// over `o` (evaluated once) calling `m` with these type arguments. Anything else
    /// (`dynamic` receivers, getters) stays the plain tear-off `get`.
    pub fn instantiated_method_tear_off(
        &mut self,
        get: ir::Expr,
        types: Vec<DartType>,
        span: Span,
    ) -> ir::Expr {
        let ExprKind::InstanceGet { receiver, name } = &get.kind else {
            return get;
        };
        let (recv_ty, name) = (receiver.ty.clone(), *name);
        let DartType::Interface { class, .. } = &recv_ty else {
            return get;
        };
        let Some((Found::Method(f), owner)) = self.r.find_instance(*class, name, Want::Call) else {
            return get;
        };
        let generic = self.r.signature_through(f, &recv_ty, owner);
        if generic.type_params.len() != types.len() {
            return get;
        }
        let mut sig =
            generic.map_types(|t| super::types::substitute(t, &generic.type_params, &types));
        sig.type_params = Vec::new();
        sig.type_param_bounds = Vec::new();
        let ExprKind::InstanceGet { receiver, .. } = get.kind else {
            return self.null(span);
        };
        let label = "<instantiation>";
        self.closure_over_receiver(*receiver, f, label, sig.clone(), span, |l, fid, holder| {
            let mut args = l.begin_forwarding_body(fid, &sig, true, span);
            args.type_args = Some(Box::new(l.type_args_expr(types, span)));
            let recv = l.read_receiver_holder(holder, recv_ty, span);
            let call = l.expr(
                ExprKind::InstanceCall {
                    receiver: Box::new(recv),
                    selector: name,
                    args,
                },
                span,
                sig.return_type.clone(),
            );
            ir::Stmt {
                kind: ir::StmtKind::Return(Some(call)),
                span,
            }
        })
    }

    /// The function `f<types>`: a closure (`is_closure`) or a static function.
    fn instantiation_function(
        &mut self,
        f: FunctionId,
        types: &[DartType],
        is_closure: bool,
        span: Span,
    ) -> FunctionId {
        let generic = self.r.sigs[f.index()].clone();
        let mut sig =
            generic.map_types(|t| super::types::substitute(t, &generic.type_params, types));
        sig.type_params = Vec::new();
        sig.type_param_bounds = Vec::new();
        let target = &self.r.program.functions[f.index()];
        let (name, params) = (target.name, target.params.clone());
        let qualified = format!("{}.<instantiation>", target.qualified_name);
        let kind = if is_closure {
            ir::FunctionKind::Closure
        } else {
            ir::FunctionKind::Static
        };
        let shell = super::function_shell(
            name,
            qualified,
            kind,
            self.ctx.lib,
            self.ctx.this_class,
            span,
        );
        let fid = self.r.new_function(shell);
        // A closure object is the closure's hidden first argument.
        let params = ir::Parameters {
            receiver_slots: u32::from(is_closure),
            ..params
        };
        self.r.program.functions[fid.index()].params = params;
        self.r.program.functions[fid.index()].return_type = sig.return_type.clone();
        self.r.sigs[fid.index()] = sig.clone();
        let mut args = self.begin_forwarding_body(fid, &sig, is_closure, span);
        args.type_args = Some(Box::new(self.type_args_expr(types.to_vec(), span)));
        let call = self.expr(
            ExprKind::StaticCall {
                target: f,
                receiver: None,
                args,
            },
            span,
            sig.return_type.clone(),
        );
        let body = ir::Stmt {
            kind: ir::StmtKind::Return(Some(call)),
            span,
        };
        self.finish(Some(body), ast::AsyncKind::Sync);
        fid
    }

    /// Starts the frame of a synthesised function `fid` with signature `sig` that passes
    /// its parameters on (a closure's hidden slot first): returns them as call arguments.
    fn begin_forwarding_body(
        &mut self,
        fid: FunctionId,
        sig: &super::Signature,
        is_closure: bool,
        span: Span,
    ) -> ir::Args {
        let ret = sig.return_type.clone();
        self.frames
            .push(super::body::Frame::new(fid, ast::AsyncKind::Sync, ret));
        if is_closure {
            self.new_local(
                Symbol::intern(":closure"),
                span,
                DartType::any_function(false),
                true,
            );
        }
        self.forwarded_params(sig, span)
    }

    /// Reads the captured receiver of `closure_over_receiver`, typed `ty`.
    fn read_receiver_holder(&mut self, holder: Symbol, ty: DartType, span: Span) -> ir::Expr {
        let mut recv = match self.lookup_local(holder, span) {
            Ok(Some(r)) => self.local_get_ref(&r, span),
            _ => self.null(span),
        };
        recv.ty = ty;
        recv
    }

    /// Locals for a synthesised function's parameters, passed on as call arguments.
    pub(super) fn forwarded_params(&mut self, sig: &super::Signature, span: Span) -> ir::Args {
        let mut args = ir::Args::default();
        for (name, ty) in &sig.positional {
            let l = self.new_local(*name, span, ty.clone(), false);
            args.positional.push(self.local_get(l, span));
        }
        for (name, ty, _) in &sig.named {
            let l = self.new_local(*name, span, ty.clone(), false);
            args.named.push((*name, self.local_get(l, span)));
        }
        args
    }

    /// The tear-off closure's frame and body: `return m(receiver, params...)`.
    fn tear_off_body(
        &mut self,
        fid: FunctionId,
        target: FunctionId,
        sig: &super::Signature,
        holder: Symbol,
        recv_ty: DartType,
        span: Span,
    ) -> ir::Stmt {
        let mut args = self.begin_forwarding_body(fid, sig, true, span);
        args.type_args = self.extension_type_args(target, &recv_ty, Vec::new(), span);
        let recv = self.read_receiver_holder(holder, recv_ty, span);
        let call = self.expr(
            ExprKind::StaticCall {
                target,
                receiver: Some(Box::new(recv)),
                args,
            },
            span,
            sig.return_type.clone(),
        );
        ir::Stmt {
            kind: ir::StmtKind::Return(Some(call)),
            span,
        }
    }
}

/// The static type of a closure with signature `sig`.
fn function_type_of(sig: &super::Signature) -> DartType {
    let mut named = sig.named.clone();
    named.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    DartType::Function {
        sig: Some(Box::new(ir::FunctionSig {
            return_type: sig.return_type.clone(),
            positional: sig.positional.iter().map(|p| p.1.clone()).collect(),
            required_positional: sig.required_positional as u32,
            named,
        })),
        nullable: false,
    }
}
