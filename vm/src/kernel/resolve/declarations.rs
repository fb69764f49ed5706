//! Declaring the program's entities: one `ClassId`, `FunctionId` or `FieldId` per
//! top-level declaration (phase 1, before any name is resolved, so declarations can refer
//! to each other in any order), and later their signatures (parameter and return types,
//! default values), which need the namespaces.

use super::members::{Found, Want};
use super::scope::Decl;
use super::{
    function_shell, messages, BodySource, ClassInfo, ClassSource, MemberContext, Resolver,
    Signature, TypedefInfo,
};
use crate::front::ast::{self, Declaration, FunctionKind as AstFnKind, ParameterKind};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, ClassId, DartType, FieldId, FunctionId, LibraryId};
use std::collections::HashMap;

/// Where a deferred default value goes in `ir::Parameters`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum DefaultSlot {
    Positional(usize),
    Named(usize),
}

/// Which parameters a signature is built for, and where they come from.
pub(super) struct ParamSource<'p> {
    pub params: Option<&'p ast::FormalParameterList>,
    pub return_type: Option<&'p ast::TypeAnnotation>,
    pub type_params: &'p [ast::TypeParameter],
    pub kind: AstFnKind,
}

impl<'a> Resolver<'a> {
    /// Phase 1: gives every top-level declaration of every library an id.
    pub(super) fn declare_all(&mut self) {
        let libs = self.libs;
        for (i, lib) in libs.iter().enumerate() {
            self.program.libraries.push(ir::Library {
                uri: lib.uri.clone(),
                file: lib.file,
                parts: lib.parts.iter().map(|p| p.file).collect(),
                classes: Vec::new(),
                functions: Vec::new(),
                fields: Vec::new(),
            });
            self.scopes.push(Default::default());
            let lib_id = LibraryId(i as u32);
            for unit in lib.units() {
                for decl in &unit.declarations {
                    self.declare(lib_id, decl);
                }
            }
        }
    }

    fn declare(&mut self, lib: LibraryId, decl: &'a Declaration) {
        match decl {
            Declaration::Class(c) => {
                self.declare_class(lib, c.name, ClassSource::Class(c), c.modifiers.is_abstract)
            }
            Declaration::Mixin(m) => self.declare_class(lib, m.name, ClassSource::Mixin(m), true),
            Declaration::Enum(e) => self.declare_class(lib, e.name, ClassSource::Enum(e), false),
            Declaration::Typedef(t) => {
                let index = self.typedefs.len();
                self.typedefs.push(TypedefInfo { lib, decl: t });
                self.register(lib, t.name.name, t.name.span, Decl::Typedef(index));
            }
            Declaration::Function(f) => self.declare_top_level_function(lib, f),
            Declaration::Variables(v) => {
                for var in &v.vars {
                    self.declare_top_level_field(lib, v, var);
                }
            }
            Declaration::Extension(e) => {
                let (name, span, d) = self.declare_extension(lib, e);
                self.register(lib, name, span, d);
            }
            Declaration::ExtensionType(e) => {
                let (name, span, d) = self.declare_extension_type(lib, e);
                self.register(lib, name, span, d);
            }
        }
    }

    fn declare_class(
        &mut self,
        lib: LibraryId,
        name: ast::Ident,
        source: ClassSource<'a>,
        is_abstract: bool,
    ) {
        let id = ClassId(self.program.classes.len() as u32);
        let span = match source {
            ClassSource::Class(c) => c.span,
            ClassSource::Mixin(m) => m.span,
            ClassSource::Enum(e) => e.span,
        };
        self.program.classes.push(ir::Class {
            supertypes: Vec::new(),
            type_args_slot: None,
            type_params: source.type_params().iter().map(|t| t.name.name).collect(),
            name: name.name,
            library: lib,
            span,
            is_abstract,
            is_enum: matches!(source, ClassSource::Enum(_)),
            superclass: None,
            mixins: Vec::new(),
            interfaces: Vec::new(),
            instance_fields: Vec::new(),
            static_fields: Vec::new(),
            methods: Vec::new(),
            constructors: Vec::new(),
            static_methods: Vec::new(),
            native_kind: None,
        });
        self.classes.push(ClassInfo {
            lib,
            source,
            type_params: source.type_params().iter().map(|t| t.name.name).collect(),
            supertype: None,
            mixin_types: Vec::new(),
            interfaces: Vec::new(),
            instance: HashMap::new(),
            statics: HashMap::new(),
            ctors: HashMap::new(),
            late_fields: HashMap::new(),
            slot_count: None,
            is_mixin: matches!(source, ClassSource::Mixin(_)),
            members_declared: false,
        });
        self.program.libraries[lib.index()].classes.push(id);
        self.register(lib, name.name, name.span, Decl::Class(id));
    }

    fn top_level_ctx(lib: LibraryId) -> MemberContext {
        MemberContext {
            lib,
            lexical_class: None,
            this_class: None,
            mixin_index: None,
            extension: None,
            is_static: true,
        }
    }

    fn declare_top_level_function(&mut self, lib: LibraryId, f: &'a ast::FunctionDecl) {
        let kind = match f.kind {
            AstFnKind::Getter => ir::FunctionKind::Getter,
            AstFnKind::Setter => ir::FunctionKind::Setter,
            _ => ir::FunctionKind::Static,
        };
        let name = f.name.name;
        let id = self.new_function(function_shell(
            name,
            name.to_string(),
            kind,
            lib,
            None,
            f.span,
        ));
        self.program.libraries[lib.index()].functions.push(id);
        self.jobs.push((
            id,
            BodySource::Function {
                decl: f,
                ctx: Self::top_level_ctx(lib),
            },
        ));
        let decl = match f.kind {
            AstFnKind::Getter => Decl::Accessors {
                getter: Some(id),
                setter: None,
            },
            AstFnKind::Setter => Decl::Accessors {
                getter: None,
                setter: Some(id),
            },
            _ => Decl::Function(id),
        };
        self.register(lib, name, f.name.span, decl);
    }

    fn declare_top_level_field(
        &mut self,
        lib: LibraryId,
        v: &'a ast::VariableDecl,
        var: &'a ast::VariableDeclarator,
    ) {
        let id = self.new_static_field(
            ir::FieldOwner::Library(lib),
            v,
            var,
            Self::top_level_ctx(lib),
        );
        self.program.libraries[lib.index()].fields.push(id);
        self.register(lib, var.name.name, var.name.span, Decl::Field(id));
    }

    /// `const` variables, and `final` top-level and static ones that are not `late` or
    /// `external`, need an initialiser.
    fn check_static_initialized(&mut self, v: &ast::VariableDecl, var: &ast::VariableDeclarator) {
        if var.init.is_some() || v.is_external || v.is_abstract || v.is_late {
            return;
        }
        if v.is_const {
            self.error(
                var.name.span,
                messages::const_without_initializer(var.name.name),
            );
        } else if v.is_final {
            self.error(
                var.name.span,
                messages::final_without_initializer(var.name.name),
            );
        }
    }

    /// A top-level or class-static field with its lazy initialiser function.
    pub(super) fn new_static_field(
        &mut self,
        owner: ir::FieldOwner,
        v: &'a ast::VariableDecl,
        var: &'a ast::VariableDeclarator,
        ctx: MemberContext,
    ) -> FieldId {
        let name = var.name.name;
        let id = self.new_field(ir::Field {
            name,
            owner,
            span: var.span,
            is_static: true,
            is_final: v.is_final || v.is_const,
            is_const: v.is_const,
            is_late: v.is_late,
            initializer: None,
            slot: 0,
            ty: DartType::Dynamic,
        });
        self.field_decls.insert(id, (v, var, ctx));
        if !self.is_core(ctx.lib) {
            self.check_static_initialized(v, var);
        }
        if v.is_late && v.is_final && var.init.is_none() {
            let flag = self.new_field(ir::Field {
                name: Symbol::intern(&format!("{name}#set")),
                owner,
                span: var.span,
                is_static: true,
                is_final: false,
                is_const: false,
                is_late: false,
                initializer: None,
                slot: 0,
                ty: DartType::Dynamic,
            });
            self.late_final_static_flags.insert(id, flag);
        }
        if let Some(init) = &var.init {
            let qualified = match owner {
                ir::FieldOwner::Class(c) => format!("{}.{}", self.class_name(c), name),
                ir::FieldOwner::Library(_) => name.to_string(),
            };
            let class = match owner {
                ir::FieldOwner::Class(c) => Some(c),
                ir::FieldOwner::Library(_) => None,
            };
            let f = self.new_function(function_shell(
                name,
                qualified,
                ir::FunctionKind::FieldInitializer,
                ctx.lib,
                class,
                var.span,
            ));
            self.program.fields[id.index()].initializer = Some(f);
            self.jobs.push((
                f,
                BodySource::FieldInit {
                    expr: init,
                    field: id,
                    ctx,
                },
            ));
        }
        id
    }

    /// Adds `name` to library `lib`'s declarations, merging a getter with its setter and
    /// reporting duplicates.
    fn register(&mut self, lib: LibraryId, name: Symbol, span: Span, decl: Decl) {
        let scope = &mut self.scopes[lib.index()];
        let merged = match (scope.declared.get(&name), decl) {
            (None, d) => Some(d),
            (
                Some(Decl::Accessors {
                    getter: Some(g),
                    setter: None,
                }),
                Decl::Accessors {
                    getter: None,
                    setter: s,
                },
            ) => Some(Decl::Accessors {
                getter: Some(*g),
                setter: s,
            }),
            (
                Some(Decl::Accessors {
                    getter: None,
                    setter: Some(s),
                }),
                Decl::Accessors {
                    getter: g,
                    setter: None,
                },
            ) => Some(Decl::Accessors {
                getter: g,
                setter: Some(*s),
            }),
            _ => None,
        };
        match merged {
            Some(d) => {
                scope.declared.insert(name, d);
                self.decl_spans.entry((lib, name)).or_insert(span);
            }
            None => self.report_duplicate(name, span, self.decl_spans.get(&(lib, name)).copied()),
        }
    }

    pub(super) fn report_duplicate(&mut self, name: Symbol, span: Span, previous: Option<Span>) {
        let mut d = crate::front::diagnostics::Diagnostic::error(span, messages::duplicate(name));
        if let Some(prev) = previous {
            d = d.with_context(prev, messages::previous_declaration(name));
        }
        self.diags.push(d);
    }

    /// Phase 5: signatures of top-level functions and types of top-level fields.
    pub(super) fn declare_top_level_signatures(&mut self) {
        let jobs = self.jobs.clone();
        for (fid, job) in jobs {
            if let BodySource::Function { decl, ctx } = job {
                if ctx.this_class.is_none()
                    && ctx.lexical_class.is_none()
                    && ctx.extension.is_none()
                {
                    let src = ParamSource {
                        params: decl.params.as_ref(),
                        return_type: decl.return_type.as_ref(),
                        type_params: &decl.type_params,
                        kind: decl.kind,
                    };
                    self.declare_signature(fid, &src, &ctx, 0);
                }
            }
        }
        let mut fields: Vec<FieldId> = self
            .field_decls
            .iter()
            .filter(|(_, (_, _, ctx))| ctx.lexical_class.is_none() && ctx.extension.is_none())
            .map(|(f, _)| *f)
            .collect();
        fields.sort();
        for f in fields {
            self.declare_static_field_type(f);
        }
    }

    /// The declared type of a static field; `var`/`final` fields get their initialiser's
    /// type when it is obvious (a literal or a constructor call).
    pub(super) fn declare_static_field_type(&mut self, f: FieldId) {
        let Some(&(v, var, ctx)) = self.field_decls.get(&f) else {
            return;
        };
        let tctx = self.type_context(&ctx, &[]);
        let ty = match &v.ty {
            Some(t) => self.resolve_type(t, &tctx),
            None => match &var.init {
                // Typed by `evaluate_defaults` once every constructor is declared.
                Some(_) if v.is_const => DartType::Dynamic,
                Some(init) => self.obvious_type(init, &tctx),
                None => DartType::Dynamic,
            },
        };
        self.program.fields[f.index()].ty = ty;
    }

    /// Fills in `sigs[fid]` and the function's `ir::Parameters` (with `receiver_slots`).
    pub(super) fn declare_signature(
        &mut self,
        fid: FunctionId,
        src: &ParamSource<'a>,
        ctx: &MemberContext,
        receiver_slots: u32,
    ) {
        let fn_tparams: Vec<Symbol> = src.type_params.iter().map(|t| t.name.name).collect();
        let tctx = self.type_context(ctx, &fn_tparams);
        self.declare_signature_in(fid, src, &tctx, ctx, receiver_slots);
    }

    /// Like `declare_signature`, with the type context given (closures see the type
    /// parameters of the functions around them).
    pub(super) fn declare_signature_in(
        &mut self,
        fid: FunctionId,
        src: &ParamSource<'a>,
        tctx: &super::types::TypeContext,
        ctx: &MemberContext,
        receiver_slots: u32,
    ) {
        let tctx = tctx.clone();
        // Bounds are reported where the type parameters are declared, not here.
        let reported = self.diags.items.len();
        let type_param_bounds = src
            .type_params
            .iter()
            .map(|t| t.bound.as_ref().map(|b| self.resolve_type(b, &tctx)))
            .collect();
        self.diags.items.truncate(reported);
        let mut sig = Signature {
            type_params: src.type_params.iter().map(|t| t.name.name).collect(),
            type_param_bounds,
            ..Signature::default()
        };
        let mut params = ir::Parameters {
            receiver_slots,
            ..Default::default()
        };
        if let Some(list) = src.params {
            for p in &list.params {
                let ty = self.param_type(p, &tctx, ctx);
                if let Some(types) = self.function_param_types(p.ty.as_ref(), &tctx) {
                    let at = match p.kind {
                        ParameterKind::Named { .. } => super::ParamRef::Named(p.name.name),
                        _ => super::ParamRef::Positional(sig.positional.len()),
                    };
                    sig.closure_params.push((at, types));
                }
                match p.kind {
                    ParameterKind::RequiredPositional => {
                        sig.positional.push((p.name.name, ty));
                        sig.required_positional += 1;
                        params.required_positional += 1;
                    }
                    ParameterKind::OptionalPositional => {
                        let slot = DefaultSlot::Positional(params.positional_defaults.len());
                        let default = self.param_default(fid, slot, p, &ty, ctx);
                        sig.positional.push((p.name.name, ty));
                        params.optional_positional += 1;
                        params.positional_defaults.push(default);
                    }
                    ParameterKind::Named { required } => {
                        let slot = DefaultSlot::Named(params.named.len());
                        let default = self.param_default(fid, slot, p, &ty, ctx);
                        sig.named.push((p.name.name, ty, required));
                        params.named.push(ir::NamedParam {
                            name: p.name.name,
                            required,
                            default,
                        });
                    }
                }
            }
        }
        sig.return_type = match (src.kind, src.return_type) {
            (AstFnKind::Setter, _) => DartType::Void,
            (_, Some(t)) => self.resolve_type(t, &tctx),
            (_, None) => DartType::Dynamic,
        };
        self.inherit_omitted_types(fid, src, ctx, &mut sig);
        self.sigs[fid.index()] = sig;
        self.program.functions[fid.index()].params = params;
    }

    /// An instance member that omits its return type or parameter types takes them from
    /// the member it overrides (Dart's override inference): `name(x) => ...` overriding
    /// `String name(int x)` returns a `String` and takes an `int`.
    fn inherit_omitted_types(
        &mut self,
        fid: FunctionId,
        src: &ParamSource<'a>,
        ctx: &MemberContext,
        sig: &mut Signature,
    ) {
        let (Some(class), None, false) = (ctx.lexical_class, ctx.extension, ctx.is_static) else {
            return;
        };
        let untyped =
            |p: &&ast::FormalParameter| p.ty.is_none() && p.form == ast::ParameterForm::Normal;
        let params: Vec<&ast::FormalParameter> = src
            .params
            .map(|l| l.params.iter().filter(untyped).collect())
            .unwrap_or_default();
        let omits_return = src.return_type.is_none() && src.kind != AstFnKind::Setter;
        if !omits_return && params.is_empty() {
            return;
        }
        let func = &self.program.functions[fid.index()];
        let (name, kind) = (func.name, func.kind);
        let Some(overridden) = self.overridden_signature(class, name, kind) else {
            return;
        };
        let own = super::types::type_parameter_types(&sig.type_params);
        let renamed = |t: &DartType| super::types::substitute(t, &overridden.type_params, &own);
        if omits_return {
            sig.return_type = renamed(&overridden.return_type);
        }
        for p in params {
            let name = p.name.name;
            if let Some(i) = sig.positional.iter().position(|(n, _)| *n == name) {
                if let Some((_, t)) = overridden.positional.get(i) {
                    sig.positional[i].1 = renamed(t);
                }
            } else if let Some(slot) = sig.named.iter_mut().find(|(n, _, _)| *n == name) {
                if let Some((_, t, _)) = overridden.named.iter().find(|(n, _, _)| *n == name) {
                    slot.1 = renamed(t);
                }
            }
        }
    }

    /// The signature of the member named `name` that a `kind` member of `class`
    /// overrides, seen from `class` (its type arguments substituted): the first found
    /// among the superclass, mixins and interfaces. A field stands for its getter
    /// (its type) or setter (one parameter of its type).
    fn overridden_signature(
        &mut self,
        class: ClassId,
        name: Symbol,
        kind: ir::FunctionKind,
    ) -> Option<Signature> {
        let info = &self.classes[class.index()];
        let supers: Vec<DartType> = info
            .supertype
            .iter()
            .chain(&info.mixin_types)
            .chain(&info.interfaces)
            .cloned()
            .collect();
        let want = match kind {
            ir::FunctionKind::Getter => Want::Getter,
            ir::FunctionKind::Setter => Want::Setter,
            ir::FunctionKind::Method => Want::Call,
            _ => return None,
        };
        for sup in supers {
            let DartType::Interface { class: sc, .. } = sup else {
                continue;
            };
            self.ensure_members(sc);
            let Some((found, owner)) = self.find_instance(sc, name, want) else {
                continue;
            };
            let field_type = |r: &Self, f: ir::FieldId| {
                r.member_type_through(&r.program.fields[f.index()].ty, &sup, owner)
            };
            return match (found, want) {
                (Found::Field(f), Want::Getter) => Some(Signature {
                    return_type: field_type(self, f),
                    ..Signature::default()
                }),
                (Found::Field(f), Want::Setter) => Some(Signature {
                    positional: vec![(name, field_type(self, f))],
                    required_positional: 1,
                    return_type: DartType::Void,
                    ..Signature::default()
                }),
                (Found::Field(_), _) => None,
                (Found::Method(f), Want::Call)
                | (Found::Getter(f), Want::Getter)
                | (Found::Setter(f), Want::Setter) => Some(self.signature_through(f, &sup, owner)),
                _ => None,
            };
        }
        None
    }

    /// The positional parameter types of a function type annotation (`bool Function(E)`),
    /// for typing function literals passed to such a parameter.
    fn function_param_types(
        &mut self,
        ann: Option<&ast::TypeAnnotation>,
        tctx: &super::types::TypeContext,
    ) -> Option<Vec<DartType>> {
        let ast::TypeAnnotation::Function {
            params,
            type_params,
            ..
        } = ann?
        else {
            return None;
        };
        let mut inner = tctx.clone();
        inner
            .type_params
            .extend(type_params.iter().map(|t| t.name.name));
        let types = params
            .iter()
            .filter(|p| !matches!(p.kind, ParameterKind::Named { .. }))
            .map(|p| self.resolve_type(&p.ty, &inner))
            .collect();
        Some(types)
    }

    /// A parameter's type: declared, or for `this.x`/`super.x` the field's/super
    /// parameter's type when not written.
    fn param_type(
        &mut self,
        p: &ast::FormalParameter,
        tctx: &super::types::TypeContext,
        ctx: &MemberContext,
    ) -> DartType {
        if let Some(t) = &p.ty {
            return self.resolve_type(t, tctx);
        }
        if p.form == ast::ParameterForm::This {
            let rep = ctx.extension.and_then(|e| {
                let t = self.extensions[e].ext_type.as_ref()?;
                (t.decl.representation_name.name == p.name.name)
                    .then(|| self.extensions[e].on.clone())
            });
            if let Some(rep) = rep {
                return rep;
            }
            if let Some(class) = ctx.this_class {
                let info = &self.classes[class.index()];
                let field = match info.instance.get(&p.name.name) {
                    Some(super::Member::Field(f)) => Some(*f),
                    _ => info
                        .late_fields
                        .get(&p.name.name)
                        .map(|(storage, _)| *storage),
                };
                if let Some(f) = field {
                    return self.program.fields[f.index()].ty.clone();
                }
            }
        }
        DartType::Dynamic
    }

    /// A parameter's default value. Before bodies are lowered not every constructor is
    /// declared yet, so defaults are evaluated later (`evaluate_defaults`); closures'
    /// defaults are evaluated at once.
    fn param_default(
        &mut self,
        fid: FunctionId,
        slot: DefaultSlot,
        p: &'a ast::FormalParameter,
        ty: &DartType,
        ctx: &MemberContext,
    ) -> Option<ir::ConstId> {
        let e = p.default_value.as_ref()?;
        if !self.consts_final {
            self.pending_defaults.push((fid, slot, e, *ctx, ty.clone()));
            return None;
        }
        let c = self.eval_const_typed(e, ty, ctx);
        Some(self.coerce_const(c?, ty))
    }

    /// Evaluates the default values deferred during declaration, and types the
    /// untyped `const` fields; from here on constant evaluation results are final.
    pub(super) fn evaluate_defaults(&mut self) {
        self.consts_final = true;
        self.const_fields.clear();
        let mut fields: Vec<FieldId> = self.field_decls.keys().copied().collect();
        fields.sort();
        for f in fields {
            let (v, var, _) = self.field_decls[&f];
            if v.is_const && v.ty.is_none() && var.init.is_some() {
                if let Some(c) = self.eval_const_field(f, var.span) {
                    let (_, _, ctx) = self.field_decls[&f];
                    let tctx = self.type_context(&ctx, &[]);
                    let obvious = match &var.init {
                        Some(init) => self.obvious_type(init, &tctx),
                        None => DartType::Dynamic,
                    };
                    // A constant of an extension type is its representation value; the
                    // field keeps the extension type.
                    self.program.fields[f.index()].ty = match obvious {
                        DartType::Extension { .. } => obvious,
                        _ => self.constant_type(&self.program.constants[c.index()].clone()),
                    };
                }
            }
        }
        for (fid, slot, e, ctx, ty) in std::mem::take(&mut self.pending_defaults) {
            let value = self
                .eval_const_typed(e, &ty, &ctx)
                .map(|c| self.coerce_const(c, &ty));
            let params = &mut self.program.functions[fid.index()].params;
            match slot {
                DefaultSlot::Positional(i) => {
                    if let Some(d) = params.positional_defaults.get_mut(i) {
                        *d = value;
                    }
                }
                DefaultSlot::Named(i) => {
                    if let Some(n) = params.named.get_mut(i) {
                        n.default = value;
                    }
                }
            }
        }
    }
}
