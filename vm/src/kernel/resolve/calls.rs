//! Lowering calls: unqualified calls (`f(x)`: a local closure, a top-level or static
//! function, a constructor, or a method of `this`), member calls on receivers, prefixes
//! and classes (static methods and named constructors), `super` calls, constructor
//! invocations (`new`/`const`/implicit), calls of function values, and argument-list
//! checking against statically known signatures.

use super::body::Lower;
use super::closures::LocalRef;
use super::lower_expr::NameRef;
use super::members::{Found, Want};
use super::messages::{self, AccessKind};
use super::scope::Decl;
use super::{Member, Signature};
use crate::front::ast::{self, ExprKind as E, NewKeyword};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, ClassId, DartType, ExprKind, FunctionId, LibraryId, LocalId};

/// What `prefix.x` or `C.x` is qualified by.
#[derive(Clone, Copy, Debug)]
pub(super) enum Namespace {
    Prefix(Symbol),
    Class(ClassId),
    /// An extension's static members (`E.helper()`).
    Extension(usize),
}

/// A constructor invocation: the class, the constructor name (`None`/`new` for the
/// unnamed one), the static type of the result, the whole call's span and the span of
/// the class name (where "abstract class" is reported).
pub(super) struct CtorCall {
    pub class: ClassId,
    pub name: Option<ast::Ident>,
    pub ty: DartType,
    pub span: Span,
    pub at: Span,
}

/// Lowered arguments plus temporaries that keep source evaluation order when named
/// arguments come before positional ones.
pub(super) struct LoweredArgs {
    pub lets: Vec<(LocalId, ir::Expr)>,
    pub args: ir::Args,
}

impl<'r, 'a> Lower<'r, 'a> {
    /// Lowers call arguments; named arguments before positional ones are evaluated first
    /// into temporaries, so side effects keep their source order.
    pub fn lower_call_args(&mut self, args: &'a ast::Arguments) -> LoweredArgs {
        self.lower_call_args_for(args, None)
    }

    /// Lowers call arguments for a call to a function with signature `sig` (when known):
    /// function literals passed to function-typed parameters get their parameter types.
    pub fn lower_call_args_for(
        &mut self,
        args: &'a ast::Arguments,
        sig: Option<&Signature>,
    ) -> LoweredArgs {
        let reordered =
            args.args.iter().enumerate().any(|(i, a)| {
                a.name.is_some() && args.args[i + 1..].iter().any(|b| b.name.is_none())
            });
        let mut out = LoweredArgs {
            lets: Vec::new(),
            args: ir::Args::default(),
        };
        let mut positional_index = 0;
        for a in &args.args {
            let at = match a.name {
                Some(n) => super::ParamRef::Named(n.name),
                None => {
                    positional_index += 1;
                    super::ParamRef::Positional(positional_index - 1)
                }
            };
            if let Some(t) = sig.and_then(|s| closed_context(s, &at, &a.value.kind)) {
                self.context_type = Some(t);
            } else if let (Some(sig), E::SetOrMap { .. }) = (sig, &a.value.kind) {
                // `f({})` for a `Set` parameter is a set whatever its type arguments.
                self.context_type = self.set_context(sig, &at);
            }
            if let (Some(sig), E::Function { .. }) = (sig, &a.value.kind) {
                self.closure_hint = sig
                    .closure_params
                    .iter()
                    .find(|(p, _)| *p == at)
                    .map(|(_, t)| t.clone());
                let param = match &at {
                    super::ParamRef::Positional(i) => sig.positional.get(*i).map(|p| &p.1),
                    super::ParamRef::Named(n) => sig.named.iter().find(|p| p.0 == *n).map(|p| &p.1),
                };
                if let Some(t @ DartType::Function { sig: Some(_), .. }) = param {
                    self.context_type = Some(t.clone());
                }
            }
            let mut v = self.lower_expr(&a.value);
            self.closure_hint = None;
            if reordered {
                let span = v.span;
                let t = self.temp(v.ty.clone(), span);
                out.lets.push((t, v));
                v = self.local_get(t, span);
            }
            match a.name {
                Some(n) => out.args.named.push((n.name, v)),
                None => out.args.positional.push(v),
            }
        }
        out
    }

    /// Arguments in the `Args` order (initializer lists, where order rarely matters).
    pub fn lower_args(&mut self, args: &'a ast::Arguments) -> ir::Args {
        let mut out = ir::Args::default();
        for a in &args.args {
            let v = self.lower_expr(&a.value);
            match a.name {
                Some(n) => out.named.push((n.name, v)),
                None => out.positional.push(v),
            }
        }
        out
    }

    /// Wraps `e` in the argument temporaries.
    pub fn wrap_lets(&mut self, lets: Vec<(LocalId, ir::Expr)>, mut e: ir::Expr) -> ir::Expr {
        for (t, v) in lets.into_iter().rev() {
            let span = e.span;
            let ty = e.ty.clone();
            e = self.expr(
                ExprKind::Let {
                    local: t,
                    value: Box::new(v),
                    body: Box::new(e),
                },
                span,
                ty,
            );
        }
        e
    }

    /// Checks arguments against a known signature (counts, named parameters) and applies
    /// implicit downcasts to the parameter types. `declared` is the function whose
    /// signature `sig` is (possibly seen through a receiver type): argument types are
    /// checked statically against the parameters whose declared types it gives for
    /// certain.
    pub fn check_args_sig(
        &mut self,
        sig: &Signature,
        mut args: ir::Args,
        span: Span,
        ast_args: Option<&ast::Arguments>,
        declared: Option<FunctionId>,
    ) -> ir::Args {
        if let Some(f) = declared {
            self.check_arg_types(f, &args);
        }
        let erased = erase_method_type_params(sig);
        let sig = &erased;
        let paren = match ast_args {
            Some(a) => Span::new(a.span.file, a.span.start, a.span.start + 1),
            None => span,
        };
        let n = args.positional.len();
        if n > sig.positional.len() {
            self.r.error(
                paren,
                messages::too_many_positional(sig.positional.len(), n),
            );
        } else if n < sig.required_positional {
            self.r.error(
                paren,
                messages::too_few_positional(sig.required_positional, n),
            );
        }
        for (name, _) in &args.named {
            if !sig.named.iter().any(|(p, _, _)| p == name) {
                let at = ast_args
                    .and_then(|a| {
                        a.args
                            .iter()
                            .find_map(|x| x.name.filter(|n| n.name == *name))
                    })
                    .map(|n| n.span)
                    .unwrap_or(paren);
                self.r.error(at, messages::no_such_named(*name));
            }
        }
        for (p, _, required) in &sig.named {
            if *required && !args.named.iter().any(|(n, _)| n == p) {
                self.r.error(paren, messages::required_named_missing(*p));
            }
        }
        args.positional = args
            .positional
            .into_iter()
            .enumerate()
            .map(|(i, a)| match sig.positional.get(i) {
                Some((_, t)) => self.coerce_arg(a, t),
                None => a,
            })
            .collect();
        args.named = args
            .named
            .into_iter()
            .map(|(n, a)| match sig.named.iter().find(|(p, _, _)| *p == n) {
                Some((_, t, _)) => (n, self.coerce_arg(a, t)),
                None => (n, a),
            })
            .collect();
        args
    }

    pub fn check_args_ok(
        &mut self,
        target: FunctionId,
        args: ir::Args,
        span: Span,
        ast_args: Option<&ast::Arguments>,
    ) -> ir::Args {
        let sig = self.r.sigs[target.index()].clone();
        self.check_args_sig(&sig, args, span, ast_args, Some(target))
    }

    /// A direct call without checks (getters, synthesised calls).
    pub fn static_call(&mut self, target: FunctionId, args: ir::Args, span: Span) -> ir::Expr {
        let ty = erase_method_type_params(&self.r.sigs[target.index()]).return_type;
        self.expr(
            ExprKind::StaticCall {
                target,
                receiver: None,
                args,
            },
            span,
            ty,
        )
    }

    /// `f(args)` for a top-level or static function, with checks; `identical` becomes
    /// the `Identical` node.
    fn static_call_checked(
        &mut self,
        f: FunctionId,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        // The call's own context (`Map<String, int> m = f(...)`), before the arguments'.
        let context = self.ctor_context.take();
        if let Some(written) = self
            .call_type_args
            .get(&(args as *const ast::Arguments as usize))
        {
            let expected = self.r.sigs[f.index()].type_params.len();
            self.r.check_type_arg_count(expected, written.len(), span);
        }
        let sig = erase_method_type_params(&self.r.sigs[f.index()]);
        let lowered = self.lower_call_args_for(args, Some(&sig));
        let mut checked = self.check_args_ok(f, lowered.args, span, Some(args));
        let generic = self.r.sigs[f.index()].clone();
        let (type_args, types) =
            self.call_type_args_in(&generic, args, &checked, span, context.as_ref());
        checked.type_args = type_args;
        let func = &self.r.program.functions[f.index()];
        if func.name.as_str() == "identical"
            && func.library == self.r.core_lib
            && checked.positional.len() == 2
        {
            let mut it = checked.positional.into_iter();
            if let (Some(a), Some(b)) = (it.next(), it.next()) {
                let bool_ty = self.r.core_type("bool");
                let e = self.expr(ExprKind::Identical(Box::new(a), Box::new(b)), span, bool_ty);
                return self.wrap_lets(lowered.lets, e);
            }
            return self.null(span);
        }
        let mut call = self.static_call(f, checked, span);
        // The result's static type with the chosen type arguments (`firstOf(<int>[])` is
        // an `int`); `check` keeps treating it as uncertain (it differs from the declared
        // return type), so a wrong inference never turns into a compile error there.
        if let Some(types) = types.filter(|t| t.len() == generic.type_params.len()) {
            call.ty = super::types::substitute(&generic.return_type, &generic.type_params, &types);
        }
        self.wrap_lets(lowered.lets, call)
    }

    /// Calls a function value.
    pub fn call_value(
        &mut self,
        callee: ir::Expr,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        let call = Symbol::intern("call");
        let callee = self.view_extension_type(callee, call, Want::Call);
        if !matches!(callee.ty, DartType::Function { .. }) {
            if let Some((e, _)) = self.try_extension(&callee.ty, call, Want::Call) {
                let m = self.r.extensions[e].instance[&call];
                let name = ast::Ident {
                    name: call,
                    span: callee.span,
                };
                return self.extension_member_call(callee, m, name, args, span);
            }
        }
        if let DartType::Interface {
            class,
            nullable: false,
            ..
        } = &callee.ty
        {
            if let Some((Found::Method(_), _)) = self.r.find_instance(*class, call, Want::Call) {
                let lowered = self.lower_call_args(args);
                let e = self.expr(
                    ExprKind::InstanceCall {
                        receiver: Box::new(callee),
                        selector: call,
                        args: lowered.args,
                    },
                    span,
                    DartType::Dynamic,
                );
                return self.wrap_lets(lowered.lets, e);
            }
        }
        self.check_callable(&callee);
        // A function type gives the arguments their contexts (`f(1)` for `void f(double)`).
        let context = match &callee.ty {
            DartType::Function { sig: Some(fs), .. } => Some(Signature {
                positional: fs
                    .positional
                    .iter()
                    .map(|t| (Symbol::intern(""), t.clone()))
                    .collect(),
                required_positional: fs.required_positional as usize,
                named: fs.named.clone(),
                return_type: fs.return_type.clone(),
                ..Signature::default()
            }),
            _ => None,
        };
        let mut lowered = self.lower_call_args_for(args, context.as_ref());
        // `f<int>(x)` on a function value: the callee receives the written type arguments.
        lowered.args.type_args = self.explicit_call_type_args(args, span);
        let e = self.expr(
            ExprKind::FunctionCall {
                callee: Box::new(callee),
                args: lowered.args,
            },
            span,
            DartType::Dynamic,
        );
        self.wrap_lets(lowered.lets, e)
    }

    /// `name(args)` without a receiver.
    pub fn lower_unqualified_call(
        &mut self,
        name: ast::Ident,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        match self.resolve_name(name.name, name.span) {
            NameRef::Local(l) => self.call_local(&l, args, name.span, span),
            NameRef::Static(Decl::Function(f)) => self.static_call_checked(f, args, span),
            NameRef::Static(Decl::Extension(e)) if self.r.is_extension_type(e) => {
                let written = self
                    .call_type_args
                    .get(&(args as *const ast::Arguments as usize))
                    .copied()
                    .unwrap_or_default();
                let targs = written.iter().map(|t| self.resolve_type(t)).collect();
                self.extension_type_new(e, None, targs, args, span)
            }
            NameRef::Static(Decl::Typedef(i)) => self.typedef_call(i, name, args, span),
            NameRef::Static(Decl::Class(c)) => {
                self.check_ctor_call_type_args(c, args, name.span);
                let ty = self.r.interface_type(c, Vec::new(), false);
                self.construct_ast(
                    CtorCall {
                        class: c,
                        name: None,
                        ty,
                        span,
                        at: name.span,
                    },
                    args,
                    None,
                )
            }
            NameRef::Static(d) => {
                let callee = self.static_get(d, name.name, name.span);
                self.call_value(callee, args, span)
            }
            NameRef::ClassStatic(Member::Method(f)) => self.static_call_checked(f, args, span),
            NameRef::ClassStatic(m) => {
                let callee = self.class_static_get(m, name.name, name.span);
                self.call_value(callee, args, span)
            }
            NameRef::This(Found::Method(f), owner) => {
                let context = self.ctor_context.take();
                let this = self.this_expr(name.span);
                let call = InstanceCallSite {
                    f,
                    owner,
                    name: name.name,
                    context,
                };
                self.instance_call_checked(this, call, args, span)
            }
            NameRef::This(found, owner) => {
                let this = self.this_expr(name.span);
                let callee = self.member_get(this, found, owner, name.name, name.span);
                self.call_value(callee, args, span)
            }
            NameRef::Prefix(_) | NameRef::NotFound => {
                self.r
                    .error(name.span, messages::method_not_found(name.name));
                self.lower_args(args);
                self.null(span)
            }
            NameRef::Error => self.null(span),
            NameRef::ExtensionThis(m) => {
                let this = self.this_expr(name.span);
                self.extension_member_call(this, m, name, args, span)
            }
        }
    }

    /// `Alias(args)` for `typedef Alias<T> = C<T>;`: the aliased class's or extension
    /// type's unnamed constructor; other aliased types are called as values.
    fn typedef_call(
        &mut self,
        i: usize,
        name: ast::Ident,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        let written = self
            .call_type_args
            .get(&(args as *const ast::Arguments as usize))
            .copied()
            .unwrap_or_default();
        let ann = ast::TypeAnnotation::Named {
            prefix: None,
            name: self.r.typedefs[i].decl.name,
            args: written.to_vec(),
            nullable: false,
            span: name.span,
        };
        let t = self.resolve_type(&ann);
        match t {
            DartType::Extension {
                index, args: targs, ..
            } if self.r.is_extension_type(index as usize) => {
                self.extension_type_new(index as usize, None, targs, args, span)
            }
            DartType::Interface { class, .. } => self.construct_ast(
                CtorCall {
                    class,
                    name: None,
                    ty: t,
                    span,
                    at: name.span,
                },
                args,
                None,
            ),
            _ => {
                let callee = self.static_get(Decl::Typedef(i), name.name, name.span);
                self.call_value(callee, args, span)
            }
        }
    }

    /// `recv.name(args)` where `name` is extension member `m`.
    fn extension_member_call(
        &mut self,
        recv: ir::Expr,
        m: Member,
        name: ast::Ident,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        match super::extensions::pick_extension(m, Want::Call) {
            Some(found @ Found::Method(f)) => {
                let lowered = self.lower_call_args(args);
                let key = args as *const ast::Arguments as usize;
                let own = self.call_type_args.get(&key).copied().and_then(|types| {
                    let expected = self.r.sigs[f.index()].type_params.len();
                    (types.len() == expected)
                        .then(|| types.iter().map(|t| self.resolve_type(t)).collect())
                });
                let e = self.extension_invoke_with(recv, found, lowered.args, own, span);
                self.wrap_lets(lowered.lets, e)
            }
            _ => {
                let callee = self.extension_get(recv, m, name.name, name.span);
                self.call_value(callee, args, span)
            }
        }
    }

    /// `E(recv)` / `E<T>(recv)`: an explicit extension application (the extension, the
    /// receiver and the type arguments). Extension types are not applications.
    pub fn explicit_extension(
        &mut self,
        target: &'a ast::Expr,
    ) -> Option<(usize, &'a ast::Expr, &'a [ast::TypeAnnotation])> {
        let E::MethodCall {
            target: qualifier,
            name,
            args,
            type_args,
            ..
        } = &target.kind
        else {
            return None;
        };
        let [arg] = args.args.as_slice() else {
            return None;
        };
        if arg.name.is_some() {
            return None;
        }
        let decl = match qualifier.as_deref() {
            None if self.lookup_scoped_any(name.name) => return None,
            None => match self.r.lookup_library(self.ctx.lib, name.name, name.span) {
                super::scope::Resolved::Decl(d) => d,
                _ => return None,
            },
            // `prefix.Ext(r)`.
            Some(ast::Expr {
                kind: E::Ident(p), ..
            }) => {
                if self.lookup_scoped_any(p.name) {
                    return None;
                }
                let NameRef::Prefix(prefix) = self.resolve_name(p.name, p.span) else {
                    return None;
                };
                self.r
                    .lookup_prefixed(self.ctx.lib, prefix, name.name, name.span)?
            }
            Some(_) => return None,
        };
        match decl {
            Decl::Extension(e) if !self.r.is_extension_type(e) => {
                Some((e, &arg.value, type_args.as_slice()))
            }
            _ => None,
        }
    }

    fn call_local(
        &mut self,
        l: &LocalRef,
        args: &'a ast::Arguments,
        name_span: Span,
        span: Span,
    ) -> ir::Expr {
        let callee = self.local_get_ref(l, name_span);
        self.call_value(callee, args, span)
    }

    fn instance_call_checked(
        &mut self,
        recv: ir::Expr,
        call: InstanceCallSite,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        let InstanceCallSite {
            f,
            owner,
            name,
            context,
        } = call;
        let generic = self.r.signature_through(f, &recv.ty, owner);
        let sig = erase_method_type_params(&generic);
        let lowered = self.lower_call_args_for(args, Some(&sig));
        let mut checked = self.check_args_sig(&sig, lowered.args, span, Some(args), Some(f));
        let (type_args, types) =
            self.call_type_args_in(&generic, args, &checked, span, context.as_ref());
        checked.type_args = type_args;
        let ty = if self.flow.may_promote_field(name) {
            DartType::Dynamic
        } else {
            // With the chosen type arguments (`box.get<int>()` is an `int`), as for
            // static calls.
            match types.filter(|t| t.len() == generic.type_params.len()) {
                Some(types) => {
                    super::types::substitute(&generic.return_type, &generic.type_params, &types)
                }
                None => sig.return_type.clone(),
            }
        };
        let ty = match (
            self.r.is_core_type(&recv.ty, "int") || self.r.is_core_type(&recv.ty, "double"),
            name.as_str(),
        ) {
            (true, "abs" | "remainder") => recv.ty.clone(),
            _ => ty,
        };
        let e = self.expr(
            ExprKind::InstanceCall {
                receiver: Box::new(recv),
                selector: name,
                args: checked,
            },
            span,
            ty,
        );
        self.wrap_lets(lowered.lets, e)
    }

    /// What a call or property target names, if it is a prefix or a class.
    pub fn namespace_of(&mut self, target: &'a ast::Expr) -> Option<Namespace> {
        match &target.kind {
            E::Ident(id) => {
                if self.lookup_scoped_any(id.name) {
                    return None;
                }
                match self.resolve_name(id.name, id.span) {
                    NameRef::Prefix(p) => Some(Namespace::Prefix(p)),
                    NameRef::Static(Decl::Class(c)) => Some(Namespace::Class(c)),
                    NameRef::Static(Decl::Extension(e)) => Some(Namespace::Extension(e)),
                    NameRef::Static(Decl::Typedef(i)) => self.alias_namespace(i, id.span),
                    _ => None,
                }
            }
            E::Instantiation { expr, .. } => self.namespace_of(expr),
            E::TypeLiteral(ast::TypeAnnotation::Named { .. }) => {
                let E::TypeLiteral(t) = &target.kind else {
                    return None;
                };
                match self.resolve_type(t) {
                    DartType::Interface { class, .. } => Some(Namespace::Class(class)),
                    _ => None,
                }
            }
            E::PropertyGet {
                target: inner,
                name,
                null_aware: false,
            } => {
                let E::Ident(p) = &inner.kind else {
                    return None;
                };
                if self.lookup_scoped_any(p.name) {
                    return None;
                }
                let NameRef::Prefix(prefix) = self.resolve_name(p.name, p.span) else {
                    return None;
                };
                match self
                    .r
                    .lookup_prefixed(self.ctx.lib, prefix, name.name, name.span)
                {
                    Some(Decl::Class(c)) => Some(Namespace::Class(c)),
                    Some(Decl::Extension(e)) => Some(Namespace::Extension(e)),
                    Some(Decl::Typedef(i)) => self.alias_namespace(i, name.span),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A type alias of a class (`typedef CAlias = C;`) names the class's static members
    /// and constructors: `CAlias.foo`, `CAlias.named()`.
    fn alias_namespace(&mut self, typedef: usize, span: Span) -> Option<Namespace> {
        let name = self.r.typedefs[typedef].decl.name;
        let ann = ast::TypeAnnotation::Named {
            prefix: None,
            name,
            args: Vec::new(),
            nullable: false,
            span,
        };
        let lib = self.r.typedefs[typedef].lib;
        let tctx = super::types::TypeContext {
            lib,
            type_params: Vec::new(),
        };
        match self.r.resolve_type(&ann, &tctx) {
            DartType::Interface { class, .. } => Some(Namespace::Class(class)),
            _ => None,
        }
    }

    /// Is `name` a local of any enclosing frame? (Locals shadow prefixes and classes.)
    pub(super) fn lookup_scoped_any(&self, name: Symbol) -> bool {
        self.frames
            .iter()
            .any(|f| f.scopes.iter().any(|s| s.names.contains_key(&name)))
    }

    /// `prefix.name` or `C.name` read as a value.
    pub fn namespace_get(&mut self, ns: Namespace, name: ast::Ident, span: Span) -> ir::Expr {
        match ns {
            Namespace::Prefix(p) => {
                match self
                    .r
                    .lookup_prefixed(self.ctx.lib, p, name.name, name.span)
                {
                    Some(d) => self.static_get(d, name.name, span),
                    None => {
                        self.r.error(name.span, messages::undefined_name(name.name));
                        self.null(span)
                    }
                }
            }
            Namespace::Class(c) => match self.r.classes[c.index()].statics.get(&name.name).copied()
            {
                Some(m) => self.class_static_get(m, name.name, span),
                None => {
                    let key = if name.name.as_str() == "new" {
                        Symbol::intern("")
                    } else {
                        name.name
                    };
                    if let Some(ctor) = self.r.classes[c.index()].ctors.get(&key).copied() {
                        let f = self.r.constructor_tear_off(c, ctor);
                        return self.expr(
                            ExprKind::StaticTearOff(f),
                            span,
                            DartType::any_function(false),
                        );
                    } else {
                        self.r
                            .error(name.span, format!("Member not found: '{}'.", name.name));
                    }
                    self.null(span)
                }
            },
            Namespace::Extension(e) => {
                match self.r.extensions[e].statics.get(&name.name).copied() {
                    Some(m) => self.class_static_get(m, name.name, span),
                    None if self.r.is_extension_type(e) => {
                        self.r
                            .unsupported(span, "tear-offs of extension type constructors");
                        self.null(span)
                    }
                    None => {
                        self.r
                            .error(name.span, format!("Member not found: '{}'.", name.name));
                        self.null(span)
                    }
                }
            }
        }
    }

    /// `target.name(args)` / `target?.name(args)`.
    pub fn lower_member_call(
        &mut self,
        target: &'a ast::Expr,
        null_aware: bool,
        name: ast::Ident,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        if matches!(target.kind, E::Super) {
            return self.super_call(name, args, span);
        }
        if let Some(ns) = self.namespace_of(target) {
            return self.namespace_call(ns, name, args, span);
        }
        // The call's own context, before the receiver's lowering replaces it.
        let context = self.ctor_context.take();
        let recv = self.lower_target(target);
        let recv = if null_aware { self.guard(recv) } else { recv };
        let recv = self.view_extension_type(recv, name.name, Want::Call);
        let recv = self.extension_receiver(recv, name.name, Want::Call);
        if self.is_record_field(&recv, name.name) {
            let callee = self.record_field_get(recv, name, AccessKind::Method, name.span);
            return self.call_value(callee, args, span);
        }
        if let Some((e, _)) = self.try_extension(&recv.ty, name.name, Want::Call) {
            let m = self.r.extensions[e].instance[&name.name];
            return self.extension_member_call(recv, m, name, args, span);
        }
        if matches!(recv.ty, DartType::Function { .. }) && name.name.as_str() == "call" {
            return self.call_value(recv, args, span);
        }
        if self.is_undefined_record_member(&recv, name.name) {
            return self.record_field_get(recv, name, AccessKind::Method, name.span);
        }
        match self.check_member(
            &recv.ty,
            name.name.as_str(),
            Want::Call,
            AccessKind::Method,
            name.span,
        ) {
            Some((Found::Method(f), owner)) => {
                let call = InstanceCallSite {
                    f,
                    owner,
                    name: name.name,
                    context,
                };
                self.instance_call_checked(recv, call, args, span)
            }
            Some((found, owner)) => {
                let callee = self.member_get(recv, found, owner, name.name, name.span);
                self.call_value(callee, args, span)
            }
            None => {
                let mut lowered = self.lower_call_args(args);
                lowered.args.type_args = self.explicit_call_type_args(args, span);
                let e = self.expr(
                    ExprKind::InstanceCall {
                        receiver: Box::new(recv),
                        selector: name.name,
                        args: lowered.args,
                    },
                    span,
                    DartType::Dynamic,
                );
                self.wrap_lets(lowered.lets, e)
            }
        }
    }

    fn namespace_call(
        &mut self,
        ns: Namespace,
        name: ast::Ident,
        args: &'a ast::Arguments,
        span: Span,
    ) -> ir::Expr {
        if let Namespace::Prefix(p) = ns {
            let deferred = self.r.scopes[self.ctx.lib.index()].deferred.contains(&p);
            if deferred && name.name.as_str() == "loadLibrary" && args.args.is_empty() {
                // Every library is loaded up front: nothing to wait for.
                let mut v = self.null(span);
                v.ty = DartType::Dynamic;
                return v;
            }
        }
        match ns {
            Namespace::Prefix(p) => {
                match self
                    .r
                    .lookup_prefixed(self.ctx.lib, p, name.name, name.span)
                {
                    Some(Decl::Function(f)) => self.static_call_checked(f, args, span),
                    Some(Decl::Extension(e)) if self.r.is_extension_type(e) => {
                        let written = self
                            .call_type_args
                            .get(&(args as *const ast::Arguments as usize))
                            .copied()
                            .unwrap_or_default();
                        let targs = written.iter().map(|t| self.resolve_type(t)).collect();
                        self.extension_type_new(e, None, targs, args, span)
                    }
                    Some(Decl::Class(c)) => {
                        self.check_ctor_call_type_args(c, args, name.span);
                        let ty = self.r.interface_type(c, Vec::new(), false);
                        self.construct_ast(
                            CtorCall {
                                class: c,
                                name: None,
                                ty,
                                span,
                                at: name.span,
                            },
                            args,
                            None,
                        )
                    }
                    Some(d) => {
                        let callee = self.static_get(d, name.name, name.span);
                        self.call_value(callee, args, span)
                    }
                    None => {
                        self.r
                            .error(name.span, messages::method_not_found(name.name));
                        self.null(span)
                    }
                }
            }
            Namespace::Extension(e) => {
                match self.r.extensions[e].statics.get(&name.name).copied() {
                    Some(Member::Method(f)) => self.static_call_checked(f, args, span),
                    Some(other) => {
                        let callee = self.class_static_get(other, name.name, name.span);
                        self.call_value(callee, args, span)
                    }
                    None if self.r.is_extension_type(e) => {
                        self.extension_type_new(e, Some(name), Vec::new(), args, span)
                    }
                    None => {
                        self.r
                            .error(name.span, messages::method_not_found(name.name));
                        self.null(span)
                    }
                }
            }
            Namespace::Class(c) => {
                if let Some(m) = self.r.classes[c.index()].statics.get(&name.name).copied() {
                    return match m {
                        Member::Method(f) => self.static_call_checked(f, args, span),
                        other => {
                            let callee = self.class_static_get(other, name.name, name.span);
                            self.call_value(callee, args, span)
                        }
                    };
                }
                let ty = self.r.interface_type(c, Vec::new(), false);
                self.construct_ast(
                    CtorCall {
                        class: c,
                        name: Some(name),
                        ty,
                        span,
                        at: name.span,
                    },
                    args,
                    None,
                )
            }
        }
    }

    fn super_call(&mut self, name: ast::Ident, args: &'a ast::Arguments, span: Span) -> ir::Expr {
        let Some(c) = self.ctx.this_class.filter(|_| self.has_this()) else {
            self.r.error(span, messages::super_in_static());
            return self.null(span);
        };
        let this = self.this_expr(span);
        match self
            .r
            .find_super(c, self.ctx.mixin_index, name.name, Want::Call)
        {
            Some(Found::Method(f)) => {
                let sig = self.r.sigs[f.index()].clone();
                let lowered = self.lower_call_args(args);
                let checked = self.check_args_sig(&sig, lowered.args, span, Some(args), Some(f));
                let e = self.expr(
                    ExprKind::StaticCall {
                        target: f,
                        receiver: Some(Box::new(this)),
                        args: checked,
                    },
                    span,
                    sig.return_type,
                );
                self.wrap_lets(lowered.lets, e)
            }
            Some(found) => {
                let callee = match found {
                    Found::Getter(g) => {
                        let ty = self.r.sigs[g.index()].return_type.clone();
                        self.expr(
                            ExprKind::StaticCall {
                                target: g,
                                receiver: Some(Box::new(this)),
                                args: ir::Args::default(),
                            },
                            span,
                            ty,
                        )
                    }
                    Found::Field(f) => self.expr(
                        ExprKind::FieldGet {
                            receiver: Box::new(this),
                            field: f,
                        },
                        span,
                        DartType::Dynamic,
                    ),
                    _ => self.null(span),
                };
                self.call_value(callee, args, span)
            }
            None => {
                self.r.error(
                    name.span,
                    format!("Superclass has no method named '{}'.", name.name),
                );
                self.null(span)
            }
        }
    }

    /// `super + x`, `-super`, `super[i]`, `super[i] = v`: the superclass's operator, called
    /// directly on `this` (operator names as in `operator_call`: `unary-`, `[]=`, ...).
    pub fn super_operator(&mut self, op: &str, args: Vec<ir::Expr>, span: Span) -> ir::Expr {
        let Some(c) = self.ctx.this_class.filter(|_| self.has_this()) else {
            self.r.error(span, messages::super_in_static());
            return self.null(span);
        };
        let this = self.this_expr(span);
        let Some(Found::Method(f)) =
            self.r
                .find_super(c, self.ctx.mixin_index, Symbol::intern(op), Want::Call)
        else {
            let shown = if op == "unary-" { "-" } else { op };
            self.r
                .error(span, format!("Superclass has no method named '{shown}'."));
            return self.null(span);
        };
        let sig = self.r.sigs[f.index()].clone();
        let positional = args
            .into_iter()
            .enumerate()
            .map(|(i, a)| match sig.positional.get(i) {
                Some((_, t)) => self.coerce_arg(a, t),
                None => a,
            })
            .collect();
        self.expr(
            ExprKind::StaticCall {
                target: f,
                receiver: Some(Box::new(this)),
                args: ir::Args {
                    type_args: None,
                    positional,
                    named: Vec::new(),
                },
            },
            span,
            sig.return_type,
        )
    }

    /// `new T.name(args)`, `const T(args)`, `T<A>.name(args)`.
    pub fn lower_new(
        &mut self,
        keyword: NewKeyword,
        ty: &'a ast::TypeAnnotation,
        name: Option<ast::Ident>,
        args: &'a ast::Arguments,
        whole: &'a ast::Expr,
        span: Span,
    ) -> ir::Expr {
        let prefixed = self.r.prefixed_ctor_type(self.ctx.lib, ty, name);
        let (ty, name) = match &prefixed {
            Some(t) => (t, None),
            None => (ty, name),
        };
        let t = self.resolve_type(ty);
        if let DartType::Extension {
            index, args: targs, ..
        } = &t
        {
            let (e, targs) = (*index as usize, targs.clone());
            let explicit =
                matches!(ty, ast::TypeAnnotation::Named { args, .. } if !args.is_empty());
            let targs = if explicit { targs } else { Vec::new() };
            return self.extension_type_new(e, name, targs, args, span);
        }
        let DartType::Interface { class, .. } = t else {
            if !matches!(t, DartType::Dynamic) {
                self.r
                    .error(ty.span(), messages::not_a_type(&self.r.type_display(&t)));
            }
            return self.null(span);
        };
        let is_const = keyword == NewKeyword::Const;
        let call = CtorCall {
            class,
            name,
            ty: t,
            span,
            at: ty.span(),
        };
        self.construct_ast(call, args, if is_const { Some(whole) } else { None })
    }

    /// A constructor invocation from syntax; `const_expr` is the whole expression when
    /// it is `const` (evaluated at compile time when possible).
    fn construct_ast(
        &mut self,
        call: CtorCall,
        args: &'a ast::Arguments,
        const_expr: Option<&'a ast::Expr>,
    ) -> ir::Expr {
        let span = call.span;
        let context = self.ctor_context.take();
        if let Some(e) = const_expr.filter(|_| !self.instantiates_abstract(&call)) {
            if let Some(c) = self.eval_const(e, None) {
                let mut v = self.const_expr(c, span);
                v.ty = call.ty;
                return v;
            }
            if self.r.const_error.is_some() {
                self.r.report_const_error();
                return self.null(span);
            }
        }
        let sig = self.ctor_signature(&call);
        let lowered = self.lower_call_args_for(args, sig.as_ref());
        let call = self.reify_ctor_type(call, args, context, &lowered.args);
        let e = self
            .construct(call, lowered.args, Some(args))
            .unwrap_or_else(|| self.null(span));
        self.wrap_lets(lowered.lets, e)
    }

    /// Does `call` run a generative constructor of an abstract class (an error the
    /// non-constant path reports, so a `const` one is not evaluated)?
    fn instantiates_abstract(&self, call: &CtorCall) -> bool {
        let key = match call.name {
            Some(n) if n.name.as_str() != "new" => n.name,
            _ => Symbol::intern(""),
        };
        let class = call.class.index();
        self.r.program.classes[class].is_abstract
            && self.r.classes[class].ctors.get(&key).is_some_and(|f| {
                self.r.program.functions[f.index()].kind != ir::FunctionKind::Factory
            })
    }

    /// The declared signature of the constructor `call` names, when it exists.
    pub(super) fn ctor_signature(&self, call: &CtorCall) -> Option<Signature> {
        let key = match call.name {
            Some(n) if n.name.as_str() != "new" => n.name,
            _ => Symbol::intern(""),
        };
        let ctor = self.r.classes[call.class.index()]
            .ctors
            .get(&key)
            .copied()?;
        Some(self.r.sigs[ctor.index()].clone())
    }

    /// Invokes constructor `name` of `class`: `New` for generative constructors, a
    /// static call for factories.
    pub fn construct(
        &mut self,
        call: CtorCall,
        args: ir::Args,
        ast_args: Option<&ast::Arguments>,
    ) -> Option<ir::Expr> {
        let CtorCall {
            class,
            name,
            ty,
            span,
            at,
        } = call;
        let key = match name {
            Some(n) if n.name.as_str() != "new" => n.name,
            _ => Symbol::intern(""),
        };
        let cname = self.r.class_name(class);
        let Some(ctor) = self.r.classes[class.index()].ctors.get(&key).copied() else {
            let shown = if key.as_str().is_empty() {
                cname.to_string()
            } else {
                format!("{cname}.{key}")
            };
            self.r.error(
                name.map(|n| n.span).unwrap_or(span),
                messages::constructor_not_found(&shown),
            );
            return None;
        };
        let mut args = self.check_args_ok(ctor, args, span, ast_args);
        let kind = self.r.program.functions[ctor.index()].kind;
        // A generic class's instances carry their type arguments; its factories receive
        // them as their own.
        let class_args = match &ty {
            DartType::Interface { args, .. }
                if !self.r.classes[class.index()].type_params.is_empty() =>
            {
                Some(args.clone())
            }
            _ => None,
        };
        let type_args = class_args.map(|a| Box::new(self.type_args_expr(a, span)));
        if kind == ir::FunctionKind::Factory {
            args.type_args = type_args;
            return Some(self.expr(
                ExprKind::StaticCall {
                    target: ctor,
                    receiver: None,
                    args,
                },
                span,
                ty,
            ));
        }
        if self.r.program.classes[class.index()].is_abstract {
            self.r.error(at, messages::abstract_instantiation(cname));
            return None;
        }
        Some(self.expr(
            ExprKind::New {
                type_args,
                class,
                constructor: ctor,
                args,
            },
            span,
            ty,
        ))
    }
}

/// A call of instance method `f` (found in `owner`) named `name`, in `context` (the type
/// the call's value flows into, which can fix its type arguments).
struct InstanceCallSite {
    f: FunctionId,
    owner: ClassId,
    name: Symbol,
    context: Option<DartType>,
}

/// The signature with the function's own type parameters replaced by `dynamic`
/// (dartrs does not infer generic method type arguments; `dynamic` is always sound).
impl<'a> super::Resolver<'a> {
    /// `new p.C()` as the parser reads it (type `p`, constructor `C`) when `p` is an import
    /// prefix of `lib`: the type `p.C`, to be called with its unnamed constructor.
    pub(super) fn prefixed_ctor_type(
        &mut self,
        lib: LibraryId,
        ty: &ast::TypeAnnotation,
        name: Option<ast::Ident>,
    ) -> Option<ast::TypeAnnotation> {
        let ast::TypeAnnotation::Named {
            prefix: None,
            name: first,
            args,
            nullable: false,
            span,
        } = ty
        else {
            return None;
        };
        let second = name?;
        if !args.is_empty() {
            return None;
        }
        if !matches!(
            self.lookup_library(lib, first.name, first.span),
            super::scope::Resolved::Prefix(_)
        ) {
            return None;
        }
        Some(ast::TypeAnnotation::Named {
            prefix: Some(*first),
            name: second,
            args: Vec::new(),
            nullable: false,
            span: span.to(second.span),
        })
    }
}

/// The context type an argument gets from parameter `at` of `sig`: only a class type
/// that names no type parameter (so that `f(List.empty())` for a `List<num>` parameter
/// builds a `List<num>`); a parameter whose type mentions the callee's type parameters
/// (or whose erased form is `dynamic`) leaves the argument to infer its own type.
impl Lower<'_, '_> {
    /// The parameter's type when it is a `Set` or `Iterable` type: it decides that a
    /// `{}` argument is a set even when its type arguments are open or `dynamic`.
    fn set_context(&self, sig: &Signature, at: &super::ParamRef) -> Option<DartType> {
        let param = match at {
            super::ParamRef::Positional(i) => sig.positional.get(*i).map(|p| &p.1),
            super::ParamRef::Named(n) => sig.named.iter().find(|p| p.0 == *n).map(|p| &p.1),
        }?;
        let DartType::Interface { class, .. } = param else {
            return None;
        };
        let set_like =
            [self.r.core_class("Set"), self.r.core_class("Iterable")].contains(&Some(*class));
        set_like.then(|| param.clone())
    }
}

fn closed_context(sig: &Signature, at: &super::ParamRef, arg: &ast::ExprKind) -> Option<DartType> {
    if matches!(arg, ast::ExprKind::Function { .. }) {
        return None;
    }
    let param = match at {
        super::ParamRef::Positional(i) => sig.positional.get(*i).map(|p| &p.1),
        super::ParamRef::Named(n) => sig.named.iter().find(|p| p.0 == *n).map(|p| &p.1),
    }?;
    (matches!(param, DartType::Interface { .. }) && is_closed_type(param)).then(|| param.clone())
}

/// Whether `t` names no type parameter and no `dynamic` anywhere inside it.
fn is_closed_type(t: &DartType) -> bool {
    match t {
        DartType::Dynamic | DartType::TypeParameter { .. } => false,
        DartType::Interface { args, .. } => args.iter().all(is_closed_type),
        DartType::Function { sig: None, .. } | DartType::Record { .. } => true,
        DartType::Function { .. } | DartType::RecordType(_) | DartType::Extension { .. } => false,
        DartType::Void | DartType::Never | DartType::Null => true,
    }
}

pub(super) fn erase_method_type_params(sig: &Signature) -> Signature {
    if sig.type_params.is_empty() {
        return sig.clone();
    }
    let dynamics = vec![DartType::Dynamic; sig.type_params.len()];
    let mut erased = sig.map_types(|t| super::types::substitute(t, &sig.type_params, &dynamics));
    erased.type_params = Vec::new();
    erased.type_param_bounds = Vec::new();
    erased
}
