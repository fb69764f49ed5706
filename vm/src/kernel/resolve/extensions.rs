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
        self.extensions.push(ExtensionInfo {
            lib,
            decl,
            type_params: decl.type_params.iter().map(|t| t.name.name).collect(),
            on: DartType::Dynamic,
            instance: HashMap::new(),
            statics: HashMap::new(),
        });
        (name, span, Decl::Extension(index))
    }

    fn extension_ctx(&self, index: usize, is_static: bool) -> MemberContext {
        MemberContext {
            lib: self.extensions[index].lib,
            lexical_class: None,
            this_class: None,
            mixin_index: None,
            extension: Some(index),
            is_static,
        }
    }

    /// Phase 3 (after classes): the `on` types.
    pub(super) fn resolve_extension_headers(&mut self) {
        for i in 0..self.extensions.len() {
            let ctx = self.extension_ctx(i, false);
            let tctx = self.type_context(&ctx, &[]);
            let on = self.resolve_type(&self.extensions[i].decl.on, &tctx);
            self.extensions[i].on = on;
        }
    }

    /// Phase 4: the members, as functions with signatures and bodies to lower.
    pub(super) fn declare_extension_members(&mut self) {
        for i in 0..self.extensions.len() {
            let decl = self.extensions[i].decl;
            for m in &decl.members {
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
                        self.unsupported(v.span, "instance fields in extensions")
                    }
                    ClassMember::Constructor(c) => {
                        self.unsupported(c.span, "constructors in extensions")
                    }
                }
            }
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
        let ext_name = self.extensions[i]
            .decl
            .name
            .map(|n| n.name.to_string())
            .unwrap_or_else(|| "<unnamed extension>".into());
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
    /// a prefix), each once.
    pub(super) fn extensions_in_scope(&self) -> Vec<usize> {
        let scope = &self.r.scopes[self.ctx.lib.index()];
        let mut out: Vec<usize> = Vec::new();
        let mut add = |d: &Decl| {
            if let Decl::Extension(i) = d {
                if !out.contains(i) {
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
        for e in self.extensions_in_scope() {
            let Some(found) = self.r.extensions[e]
                .instance
                .get(&name)
                .and_then(|m| pick_extension(*m, want))
            else {
                continue;
            };
            if self.extension_applies(e, ty) {
                return Some((e, found));
            }
        }
        None
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
        let Some(f) = found.function() else {
            return self.null(span);
        };
        let sig = super::calls::erase_method_type_params(&self.r.sigs[f.index()]);
        let ty = sig.return_type.clone();
        let args = self.check_args_sig(&sig, args, span, None, None);
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

    /// The type of `this` in an extension member.
    pub fn extension_this_type(&self) -> Option<DartType> {
        let e = self.ctx.extension?;
        Some(self.r.extensions[e].on.clone())
    }
}
