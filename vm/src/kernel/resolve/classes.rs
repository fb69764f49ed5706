//! Classes: resolving `extends`/`with`/`implements` (phase 3), then declaring members,
//! constructors and the instance-field layout (phase 4, superclasses and mixins first).
//! Mixins are applied by copying: a class that mixes in `M` gets its own copies of `M`'s
//! fields (laid out after the superclass's) and methods (lowered with `this` being the
//! class), so dispatch only ever walks the superclass chain.

use super::declarations::ParamSource;
use super::scope::Decl;
use super::{function_shell, messages, BodySource, ClassSource, Member, MemberContext, Resolver};
use crate::front::ast::{self, ClassMember, FunctionKind as AstFnKind};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, ClassId, DartType, FieldId, FunctionId, LibraryId, NativeClassKind};
use std::collections::{HashMap, HashSet};

impl<'a> Resolver<'a> {
    /// Phase 3: superclasses, mixins, interfaces, and the core classes' identities.
    pub(super) fn resolve_class_headers(&mut self) {
        self.identify_core_classes();
        for i in 0..self.classes.len() {
            self.resolve_class_header(ClassId(i as u32));
        }
        for i in 0..self.classes.len() {
            self.check_cycle(ClassId(i as u32));
        }
    }

    fn identify_core_classes(&mut self) {
        let core = &mut self.program.core;
        let scope = &self.scopes[self.core_lib.index()];
        let get = |name: &str| match scope.declared.get(&Symbol::intern(name)) {
            Some(Decl::Class(c)) => Some(*c),
            _ => None,
        };
        core.object = get("Object");
        core.null = get("Null");
        core.bool_ = get("bool");
        core.int = get("int");
        core.double = get("double");
        core.num = get("num");
        core.string = get("String");
        core.list = get("List");
        core.map = get("Map");
        core.function = get("Function");
        let kinds = [
            ("Null", NativeClassKind::Null),
            ("bool", NativeClassKind::Bool),
            ("int", NativeClassKind::Int),
            ("double", NativeClassKind::Double),
            ("String", NativeClassKind::String),
            ("List", NativeClassKind::List),
            ("Map", NativeClassKind::Map),
            ("Function", NativeClassKind::Closure),
            ("Record", NativeClassKind::Record),
            ("Type", NativeClassKind::Type),
            ("StackTrace", NativeClassKind::StackTrace),
        ];
        for (name, kind) in kinds {
            if let Some(c) = get(name) {
                self.program.classes[c.index()].native_kind = Some(kind);
            }
        }
    }

    fn resolve_class_header(&mut self, c: ClassId) {
        let info = &self.classes[c.index()];
        let source = info.source;
        let ctx = MemberContext {
            lib: info.lib,
            lexical_class: Some(c),
            this_class: Some(c),
            mixin_index: None,
            extension: None,
            is_static: false,
        };
        let tctx = self.type_context(&ctx, &[]);
        let (superclass, mixins, interfaces): (
            Option<&ast::TypeAnnotation>,
            &[ast::TypeAnnotation],
            &[ast::TypeAnnotation],
        ) = match source {
            ClassSource::Class(d) => (d.superclass.as_ref(), &d.mixins, &d.interfaces),
            ClassSource::Mixin(d) => (None, &[], &d.interfaces),
            ClassSource::Enum(d) => (None, &d.mixins, &d.interfaces),
        };
        let supertype = match superclass {
            Some(t) => self.supertype_of(c, t, &tctx),
            None => self.implicit_supertype(c, source),
        };
        let mixin_types = self.supertype_list(c, mixins, &tctx);
        let mut interface_types = self.supertype_list(c, interfaces, &tctx);
        self.check_interface_list(c, supertype.as_ref(), interfaces, &interface_types);
        if let ClassSource::Mixin(m) = source {
            interface_types.extend(self.supertype_list(c, &m.on, &tctx));
        }
        let class_of = |t: &DartType| match t {
            DartType::Interface { class, .. } => Some(*class),
            _ => None,
        };
        let ir_class = &mut self.program.classes[c.index()];
        ir_class.superclass = supertype.as_ref().and_then(class_of);
        ir_class.mixins = mixin_types.iter().filter_map(class_of).collect();
        ir_class.interfaces = interface_types.iter().filter_map(class_of).collect();
        ir_class.supertypes = supertype
            .iter()
            .chain(&mixin_types)
            .chain(&interface_types)
            .cloned()
            .collect();
        let info = &mut self.classes[c.index()];
        info.supertype = supertype;
        info.mixin_types = mixin_types;
        info.interfaces = interface_types;
    }

    /// `Object` for classes and mixins, `Enum` for enums, nothing for `Object` itself.
    fn implicit_supertype(&self, c: ClassId, source: ClassSource<'_>) -> Option<DartType> {
        if Some(c) == self.program.core.object {
            return None;
        }
        let name = if matches!(source, ClassSource::Enum(_)) {
            "Enum"
        } else {
            "Object"
        };
        match self.core_type(name) {
            DartType::Dynamic => None,
            t => Some(t),
        }
    }

    /// Resolves a supertype annotation; only class types are allowed there.
    pub(super) fn class_type_of(
        &mut self,
        t: &ast::TypeAnnotation,
        tctx: &super::types::TypeContext,
    ) -> Option<DartType> {
        match self.resolve_type(t, tctx) {
            DartType::Interface { class, args, .. } => Some(DartType::Interface {
                class,
                args,
                nullable: false,
            }),
            _ => None,
        }
    }

    fn check_cycle(&mut self, c: ClassId) {
        let mut seen = HashSet::new();
        let mut cur = self.program.classes[c.index()].superclass;
        while let Some(s) = cur {
            if s == c {
                let span = self.program.classes[c.index()].span;
                let name = self.class_name(c);
                self.error(span, messages::cyclic_class(name));
                self.program.classes[c.index()].superclass = self.program.core.object;
                self.classes[c.index()].supertype = None;
                return;
            }
            if !seen.insert(s) {
                return;
            }
            cur = self.program.classes[s.index()].superclass;
        }
    }

    /// Phase 4: members of every class, supertypes first.
    pub(super) fn declare_members(&mut self) {
        for i in 0..self.classes.len() {
            self.ensure_members(ClassId(i as u32));
        }
    }

    pub(super) fn ensure_members(&mut self, c: ClassId) {
        if self.classes[c.index()].members_declared {
            return;
        }
        self.classes[c.index()].members_declared = true;
        let class = &self.program.classes[c.index()];
        let mut deps: Vec<ClassId> = class.superclass.into_iter().collect();
        deps.extend(class.mixins.iter().copied());
        for d in deps {
            self.ensure_members(d);
        }
        let base = match self.program.classes[c.index()].superclass {
            Some(s) => self.classes[s.index()].slot_count.unwrap_or(0),
            None => 0,
        };
        // A generic class keeps its instances' type-argument vector in a slot of its own
        // (built-in classes have theirs in their VM-defined layout).
        let generic = !self.classes[c.index()].type_params.is_empty()
            && self.program.classes[c.index()].native_kind.is_none();
        let base = if generic {
            self.program.classes[c.index()].type_args_slot = Some(base);
            base + 1
        } else {
            base
        };
        let mut slot = self.apply_mixins(c, base);
        self.declare_own_members(c, &mut slot);
        self.classes[c.index()].slot_count = Some(slot);
        self.add_implicit_constructor(c);
        if let ClassSource::Enum(e) = self.classes[c.index()].source {
            self.declare_enum_members(c, e);
        }
    }

    fn member_ctx(&self, c: ClassId, is_static: bool) -> MemberContext {
        MemberContext {
            lib: self.classes[c.index()].lib,
            lexical_class: Some(c),
            this_class: Some(c),
            mixin_index: None,
            extension: None,
            is_static,
        }
    }

    fn declare_own_members(&mut self, c: ClassId, slot: &mut u32) {
        let members = self.classes[c.index()].source.members();
        let mut seen: HashMap<(Symbol, bool), Span> = HashMap::new();
        // Fields first, so initializing formals and `this.x` parameter types see them.
        for m in members {
            if let ClassMember::Field(v) = m {
                for var in &v.vars {
                    self.check_member_duplicate(&mut seen, var.name, false);
                    self.declare_field_member(c, v, var, slot);
                }
            }
        }
        for m in members {
            match m {
                ClassMember::Method(md) => {
                    let f = &md.function;
                    self.check_member_duplicate(&mut seen, f.name, f.kind == AstFnKind::Setter);
                    self.declare_method(c, md, None);
                }
                ClassMember::Constructor(ctor) => self.declare_constructor(c, ctor),
                ClassMember::Field(_) => {}
            }
        }
    }

    fn check_member_duplicate(
        &mut self,
        seen: &mut HashMap<(Symbol, bool), Span>,
        name: ast::Ident,
        is_setter: bool,
    ) {
        if let Some(prev) = seen.get(&(name.name, is_setter)).copied() {
            self.report_duplicate(name.name, name.span, Some(prev));
        } else {
            seen.insert((name.name, is_setter), name.span);
        }
    }

    fn declare_field_member(
        &mut self,
        c: ClassId,
        v: &'a ast::VariableDecl,
        var: &'a ast::VariableDeclarator,
        slot: &mut u32,
    ) {
        if v.is_static {
            let ctx = self.member_ctx(c, true);
            let f = self.new_static_field(ir::FieldOwner::Class(c), v, var, ctx);
            self.program.classes[c.index()].static_fields.push(f);
            self.classes[c.index()]
                .statics
                .insert(var.name.name, Member::Field(f));
            self.declare_static_field_type(f);
            return;
        }
        let ctx = self.member_ctx(c, false);
        let f = self.new_instance_field(c, v, var, *slot, &ctx);
        *slot += 1;
        if v.is_late {
            self.declare_late_field(c, f, v, var, var.init.as_ref(), slot, ctx);
            return;
        }
        self.classes[c.index()]
            .instance
            .insert(var.name.name, Member::Field(f));
    }

    /// `late T x = init;` / `late T x;`: the value lives in field `x#late` and a flag in
    /// `x#set`; a synthesised getter `x` runs the initialiser on first read (or throws
    /// LateInitializationError without one), a setter `x=` stores and sets the flag.
    #[allow(clippy::too_many_arguments)]
    fn declare_late_field(
        &mut self,
        c: ClassId,
        storage: FieldId,
        v: &'a ast::VariableDecl,
        var: &'a ast::VariableDeclarator,
        init: Option<&'a ast::Expr>,
        slot: &mut u32,
        ctx: MemberContext,
    ) {
        let name = var.name.name;
        self.program.fields[storage.index()].name = Symbol::intern(&format!("{name}#late"));
        let flag = self.new_field(ir::Field {
            name: Symbol::intern(&format!("{name}#set")),
            owner: ir::FieldOwner::Class(c),
            span: var.span,
            is_static: false,
            is_final: false,
            is_const: false,
            is_late: false,
            initializer: None,
            slot: *slot,
            ty: DartType::Dynamic,
        });
        *slot += 1;
        self.program.classes[c.index()].instance_fields.push(flag);
        self.classes[c.index()]
            .late_fields
            .insert(name, (storage, flag));
        let ty = self.program.fields[storage.index()].ty.clone();
        let lib = self.classes[c.index()].lib;
        let class_name = self.class_name(c);
        let getter = self.new_function(function_shell(
            name,
            format!("{class_name}.{name}"),
            ir::FunctionKind::Getter,
            lib,
            Some(c),
            var.span,
        ));
        self.program.functions[getter.index()].params.receiver_slots = 1;
        self.sigs[getter.index()].return_type = ty.clone();
        self.jobs.push((
            getter,
            BodySource::LateFieldGetter {
                storage,
                flag,
                init,
                ctx,
            },
        ));
        self.program.classes[c.index()].methods.push(getter);
        let mut setter = None;
        // A `late final` field without an initialiser may be assigned once.
        if !v.is_final || init.is_none() {
            let s = self.new_function(function_shell(
                name,
                format!("{class_name}.{name}="),
                ir::FunctionKind::Setter,
                lib,
                Some(c),
                var.span,
            ));
            self.program.functions[s.index()].params = ir::Parameters {
                receiver_slots: 1,
                required_positional: 1,
                ..Default::default()
            };
            self.sigs[s.index()].positional = vec![(name, ty)];
            self.sigs[s.index()].required_positional = 1;
            self.sigs[s.index()].return_type = DartType::Void;
            self.jobs
                .push((s, BodySource::LateFieldSetter { storage, flag, ctx }));
            self.program.classes[c.index()].methods.push(s);
            setter = Some(s);
        }
        self.classes[c.index()].instance.insert(
            name,
            Member::Accessors {
                getter: Some(getter),
                setter,
            },
        );
    }

    pub(super) fn new_instance_field(
        &mut self,
        c: ClassId,
        v: &'a ast::VariableDecl,
        var: &'a ast::VariableDeclarator,
        slot: u32,
        ctx: &MemberContext,
    ) -> FieldId {
        let tctx = self.type_context(ctx, &[]);
        let ty = match (&v.ty, &var.init) {
            (Some(t), _) => self.resolve_type(t, &tctx),
            (None, Some(init)) => self.obvious_type(init, &tctx),
            (None, None) => DartType::Dynamic,
        };
        let f = self.new_field(ir::Field {
            name: var.name.name,
            owner: ir::FieldOwner::Class(c),
            span: var.span,
            is_static: false,
            is_final: v.is_final || v.is_const,
            is_const: v.is_const,
            is_late: v.is_late,
            initializer: None,
            slot,
            ty,
        });
        self.program.classes[c.index()].instance_fields.push(f);
        self.instance_field_decls.insert(f, (v, var, *ctx));
        if let Some(init) = &var.init {
            if self.opts.instance_field_initializers && !v.is_late && !self.is_core(ctx.lib) {
                self.new_instance_field_initializer(c, f, init, ctx);
            }
        }
        f
    }

    /// The function evaluating instance field `f`'s initialiser on its own (see
    /// `LoadOptions::instance_field_initializers`).
    fn new_instance_field_initializer(
        &mut self,
        c: ClassId,
        f: FieldId,
        init: &'a ast::Expr,
        ctx: &MemberContext,
    ) {
        let name = self.program.fields[f.index()].name;
        let span = self.program.fields[f.index()].span;
        let qualified = format!("{}.{}", self.class_name(c), name);
        let function = self.new_function(function_shell(
            name,
            qualified,
            ir::FunctionKind::FieldInitializer,
            ctx.lib,
            Some(c),
            span,
        ));
        self.program.fields[f.index()].initializer = Some(function);
        self.jobs.push((
            function,
            BodySource::FieldInit {
                expr: init,
                field: f,
                ctx: *ctx,
            },
        ));
    }

    /// Declares a method (or, with `mixin`, a copy of mixin method into class `c`).
    fn declare_method(
        &mut self,
        c: ClassId,
        md: &'a ast::MethodDecl,
        mixin: Option<(ClassId, usize)>,
    ) -> FunctionId {
        let f = &md.function;
        let name = f.name.name;
        let lexical = mixin.map(|(m, _)| m).unwrap_or(c);
        let kind = match (f.kind, md.is_static) {
            (AstFnKind::Getter, _) => ir::FunctionKind::Getter,
            (AstFnKind::Setter, _) => ir::FunctionKind::Setter,
            (_, true) => ir::FunctionKind::Static,
            (_, false) => ir::FunctionKind::Method,
        };
        let suffix = if f.kind == AstFnKind::Setter { "=" } else { "" };
        let qualified = format!("{}.{}{}", self.class_name(lexical), name, suffix);
        let lib = self.classes[lexical.index()].lib;
        let id = self.new_function(function_shell(name, qualified, kind, lib, Some(c), f.span));
        let ctx = MemberContext {
            lib,
            lexical_class: Some(lexical),
            this_class: Some(c),
            mixin_index: mixin.map(|(_, k)| k),
            extension: None,
            is_static: md.is_static,
        };
        let src = ParamSource {
            params: f.params.as_ref(),
            return_type: f.return_type.as_ref(),
            type_params: &f.type_params,
            kind: f.kind,
        };
        self.declare_signature(id, &src, &ctx, if md.is_static { 0 } else { 1 });
        let is_abstract = matches!(f.body, ast::FunctionBody::Empty) && !f.is_external;
        // A mixin's instance methods are compiled in each application's copy; its static
        // methods are never copied, so they are compiled here.
        let is_mixin_decl = self.classes[c.index()].is_mixin && !md.is_static;
        if is_abstract {
            self.abstract_fns.insert(id);
        } else if !is_mixin_decl {
            self.jobs.push((id, BodySource::Function { decl: f, ctx }));
        }
        if is_mixin_decl && !is_abstract {
            self.mixin_decl_fns.insert(id);
        }
        let table = if md.is_static {
            &mut self.classes[c.index()].statics
        } else {
            &mut self.classes[c.index()].instance
        };
        add_member(table, name, f.kind, id);
        let class = &mut self.program.classes[c.index()];
        if md.is_static {
            class.static_methods.push(id);
        } else if !is_abstract && !class.methods.contains(&id) {
            class.methods.push(id);
        }
        id
    }

    fn declare_constructor(&mut self, c: ClassId, ctor: &'a ast::ConstructorDecl) {
        let name = ctor
            .name
            .map(|n| n.name)
            .unwrap_or_else(|| Symbol::intern(""));
        let class_name = self.class_name(c);
        let qualified = if name.as_str().is_empty() || name.as_str() == "new" {
            class_name.to_string()
        } else {
            format!("{class_name}.{name}")
        };
        let key = if name.as_str() == "new" {
            Symbol::intern("")
        } else {
            name
        };
        let kind = if ctor.is_factory {
            ir::FunctionKind::Factory
        } else {
            ir::FunctionKind::Constructor
        };
        let lib = self.classes[c.index()].lib;
        let id = self.new_function(function_shell(
            key,
            qualified,
            kind,
            lib,
            Some(c),
            ctor.span,
        ));
        let ctx = self.member_ctx(c, ctor.is_factory);
        let src = ParamSource {
            params: Some(&ctor.params),
            return_type: None,
            type_params: &[],
            kind: AstFnKind::Normal,
        };
        self.declare_signature(id, &src, &ctx, if ctor.is_factory { 0 } else { 1 });
        self.sigs[id.index()].return_type = self.this_type(c);
        self.infer_super_param_types(c, id, ctor);
        if let Some(prev) = self.classes[c.index()].ctors.get(&key).copied() {
            let prev_span = self.program.functions[prev.index()].span;
            self.report_duplicate(
                Symbol::intern(&self.program.functions[id.index()].qualified_name),
                ctor.span,
                Some(prev_span),
            );
        }
        self.classes[c.index()].ctors.insert(key, id);
        self.program.classes[c.index()].constructors.push(id);
        self.ctor_decls.insert(id, (ctor, c));
        self.jobs
            .push((id, BodySource::Constructor { decl: ctor, ctx }));
    }

    /// The superclass constructor that constructor `ctor` of `c` calls (its
    /// `super.name(...)` initializer, else the unnamed one).
    pub(super) fn super_constructor_of(
        &self,
        c: ClassId,
        ctor: &ast::ConstructorDecl,
    ) -> Option<FunctionId> {
        let sup = self.program.classes[c.index()].superclass?;
        let name = ctor
            .initializers
            .iter()
            .find_map(|i| match i {
                ast::Initializer::Super { name, .. } => Some(name.map(|n| n.name)),
                _ => None,
            })
            .flatten()
            .unwrap_or_else(|| Symbol::intern(""));
        self.classes[sup.index()].ctors.get(&name).copied()
    }

    /// `super.x` parameters without a type take the super constructor parameter's type.
    fn infer_super_param_types(&mut self, c: ClassId, id: FunctionId, ctor: &ast::ConstructorDecl) {
        let Some(target) = self.super_constructor_of(c, ctor) else {
            return;
        };
        let target_sig = self.sigs[target.index()].clone();
        let mut positional_index = 0;
        let (mut pi, mut ni) = (0, 0);
        for p in &ctor.params.params {
            let is_named = matches!(p.kind, ast::ParameterKind::Named { .. });
            if p.form == ast::ParameterForm::Super && p.ty.is_none() {
                let ty = if is_named {
                    target_sig
                        .named
                        .iter()
                        .find(|n| n.0 == p.name.name)
                        .map(|n| n.1.clone())
                } else {
                    target_sig
                        .positional
                        .get(positional_index)
                        .map(|n| n.1.clone())
                };
                if let Some(ty) = ty {
                    let sig = &mut self.sigs[id.index()];
                    if is_named {
                        if let Some(slot) = sig.named.get_mut(ni) {
                            slot.1 = ty;
                        }
                    } else if let Some(slot) = sig.positional.get_mut(pi) {
                        slot.1 = ty;
                    }
                }
            }
            if p.form == ast::ParameterForm::Super && !is_named {
                positional_index += 1;
            }
            if is_named {
                ni += 1;
            } else {
                pi += 1;
            }
        }
    }

    /// The implicit `C()` of a class that declares no constructor (not for mixins and
    /// enums).
    fn add_implicit_constructor(&mut self, c: ClassId) {
        let info = &self.classes[c.index()];
        if info.is_mixin || !info.ctors.is_empty() || matches!(info.source, ClassSource::Enum(_)) {
            return;
        }
        if let ClassSource::Class(d) = info.source {
            if d.is_mixin_application {
                self.add_forwarding_constructors(c);
                return;
            }
        }
        let lib = info.lib;
        let name = self.class_name(c);
        let span = self.program.classes[c.index()].span;
        let empty = Symbol::intern("");
        let id = self.new_function(function_shell(
            empty,
            name.to_string(),
            ir::FunctionKind::Constructor,
            lib,
            Some(c),
            span,
        ));
        self.program.functions[id.index()].params.receiver_slots = 1;
        self.sigs[id.index()].return_type = self.this_type(c);
        self.classes[c.index()].ctors.insert(empty, id);
        self.program.classes[c.index()].constructors.push(id);
        let ctx = self.member_ctx(c, false);
        self.jobs.push((id, BodySource::DefaultConstructor { ctx }));
    }

    /// `class C = S with M;` gets one constructor per generative constructor of `S`, with
    /// the same parameters, forwarding them.
    fn add_forwarding_constructors(&mut self, c: ClassId) {
        let Some(sup) = self.program.classes[c.index()].superclass else {
            return;
        };
        let mut targets: Vec<(Symbol, FunctionId)> = self.classes[sup.index()]
            .ctors
            .iter()
            .filter(|(_, f)| {
                self.program.functions[f.index()].kind == ir::FunctionKind::Constructor
            })
            .map(|(n, f)| (*n, *f))
            .collect();
        targets.sort_by_key(|(_, f)| *f);
        let lib = self.classes[c.index()].lib;
        let class_name = self.class_name(c);
        let span = self.program.classes[c.index()].span;
        for (name, target) in targets {
            let qualified = if name.as_str().is_empty() {
                class_name.to_string()
            } else {
                format!("{class_name}.{name}")
            };
            let id = self.new_function(function_shell(
                name,
                qualified,
                ir::FunctionKind::Constructor,
                lib,
                Some(c),
                span,
            ));
            self.program.functions[id.index()].params =
                self.program.functions[target.index()].params.clone();
            self.sigs[id.index()] = self.sigs[target.index()].clone();
            self.sigs[id.index()].return_type = self.this_type(c);
            self.classes[c.index()].ctors.insert(name, id);
            self.program.classes[c.index()].constructors.push(id);
            let ctx = self.member_ctx(c, false);
            self.forwarding_ctors.insert(id, target);
            self.jobs
                .push((id, BodySource::ForwardingConstructor { ctx, target }));
        }
    }

    /// Copies each mixin's fields and methods into `c`; returns the next free slot.
    fn apply_mixins(&mut self, c: ClassId, mut slot: u32) -> u32 {
        let mixins = self.program.classes[c.index()].mixins.clone();
        // The class's own instance members as (name, is setter): a mixin's setter `x=`
        // still applies when the class declares only a getter `x`, and vice versa.
        let mut own: HashSet<(Symbol, bool)> = HashSet::new();
        for m in self.classes[c.index()].source.members() {
            match m {
                ClassMember::Method(md) if !md.is_static => {
                    let is_setter = md.function.kind == AstFnKind::Setter;
                    own.insert((md.function.name.name, is_setter));
                }
                ClassMember::Field(v) if !v.is_static => {
                    for d in &v.vars {
                        own.insert((d.name.name, false));
                        if !v.is_final && !v.is_const {
                            own.insert((d.name.name, true));
                        }
                    }
                }
                _ => {}
            }
        }
        for (k, m) in mixins.iter().enumerate() {
            let members = self.classes[m.index()].source.members();
            for member in members {
                match member {
                    ClassMember::Field(v) if !v.is_static => {
                        for var in &v.vars {
                            let ctx = MemberContext {
                                lib: self.classes[m.index()].lib,
                                lexical_class: Some(*m),
                                this_class: Some(c),
                                mixin_index: Some(k),
                                extension: None,
                                is_static: false,
                            };
                            let f = self.new_instance_field(c, v, var, slot, &ctx);
                            slot += 1;
                            let own_member = own.contains(&(var.name.name, false));
                            if v.is_late && !own_member {
                                let init = var.init.as_ref();
                                self.declare_late_field(c, f, v, var, init, &mut slot, ctx);
                            } else if !own_member {
                                self.classes[c.index()]
                                    .instance
                                    .insert(var.name.name, Member::Field(f));
                            }
                        }
                    }
                    ClassMember::Method(md) if !md.is_static => {
                        self.copy_mixin_method(c, md, (*m, k), &own);
                    }
                    _ => {}
                }
            }
        }
        slot
    }

    fn copy_mixin_method(
        &mut self,
        c: ClassId,
        md: &'a ast::MethodDecl,
        mixin: (ClassId, usize),
        own: &HashSet<(Symbol, bool)>,
    ) {
        let name = md.function.name.name;
        let is_setter = md.function.kind == AstFnKind::Setter;
        let before = self.classes[c.index()].instance.get(&name).copied();
        let id = self.declare_method(c, md, Some(mixin));
        self.mixin_copies.insert((c, mixin.1, name, is_setter), id);
        if own.contains(&(name, is_setter)) {
            // The class's own declaration wins; keep the copy only for `super` calls.
            let after = self.classes[c.index()].instance.get(&name).copied();
            match restore_own_half(before, after, md.function.kind) {
                Some(b) => {
                    self.classes[c.index()].instance.insert(name, b);
                }
                None => {
                    self.classes[c.index()].instance.remove(&name);
                }
            }
            self.program.classes[c.index()].methods.retain(|&f| f != id);
        } else {
            // A later mixin's member replaces an earlier one's in dispatch.
            let methods = &self.program.classes[c.index()].methods;
            let shadowed: Vec<FunctionId> = methods
                .iter()
                .copied()
                .filter(|&f| {
                    f != id
                        && self.program.functions[f.index()].name == name
                        && self.same_accessor_kind(f, id)
                })
                .collect();
            self.program.classes[c.index()]
                .methods
                .retain(|f| !shadowed.contains(f));
        }
    }

    fn same_accessor_kind(&self, a: FunctionId, b: FunctionId) -> bool {
        let ka = self.program.functions[a.index()].kind == ir::FunctionKind::Setter;
        let kb = self.program.functions[b.index()].kind == ir::FunctionKind::Setter;
        ka == kb
    }

    /// Enum values (static const fields), `values`, and `toString`.
    fn declare_enum_members(&mut self, c: ClassId, e: &'a ast::EnumDecl) {
        let lib = self.classes[c.index()].lib;
        let mut value_fields = Vec::new();
        for (i, v) in e.values.iter().enumerate() {
            let f = self.new_enum_static(c, v.name.name, v.span, lib);
            self.enum_values.insert(f, (c, i));
            self.classes[c.index()]
                .statics
                .insert(v.name.name, Member::Field(f));
            value_fields.push(f);
        }
        let values = Symbol::intern("values");
        let vf = self.new_enum_static(c, values, e.name.span, lib);
        self.enum_value_lists.insert(vf, c);
        self.classes[c.index()]
            .statics
            .insert(values, Member::Field(vf));
        if let Some(list) = self.core_class("List") {
            let ty = self.this_type(c);
            self.program.fields[vf.index()].ty = self.interface_type(list, vec![ty], false);
        }
        let user_to_string = e.members.iter().any(|m| matches!(m, ClassMember::Method(md) if md.function.name.name.as_str() == "toString"));
        if !user_to_string {
            let name = Symbol::intern("toString");
            let qualified = format!("{}.toString", e.name.name);
            let id = self.new_function(function_shell(
                name,
                qualified,
                ir::FunctionKind::Method,
                lib,
                Some(c),
                e.span,
            ));
            self.program.functions[id.index()].params.receiver_slots = 1;
            self.sigs[id.index()].return_type = self.core_type("String");
            self.classes[c.index()]
                .instance
                .insert(name, Member::Method(id));
            self.program.classes[c.index()].methods.push(id);
            self.jobs.push((id, BodySource::EnumToString { class: c }));
        }
    }

    fn new_enum_static(&mut self, c: ClassId, name: Symbol, span: Span, lib: LibraryId) -> FieldId {
        let ty = self.this_type(c);
        let f = self.new_field(ir::Field {
            name,
            owner: ir::FieldOwner::Class(c),
            span,
            is_static: true,
            is_final: true,
            is_const: true,
            is_late: false,
            initializer: None,
            slot: 0,
            ty,
        });
        let qualified = format!("{}.{}", self.class_name(c), name);
        let init = self.new_function(function_shell(
            name,
            qualified,
            ir::FunctionKind::FieldInitializer,
            lib,
            Some(c),
            span,
        ));
        self.program.fields[f.index()].initializer = Some(init);
        self.program.classes[c.index()].static_fields.push(f);
        self.jobs.push((init, BodySource::ConstField { field: f }));
        f
    }
}

/// Records member `id` under `name` in a member table, pairing getters with setters.
/// The member table entry after a mixin accessor copy that the class's own declaration
/// overrides: the copied half (getter or setter) goes back to what it was, the other half
/// stays as it is now.
fn restore_own_half(
    before: Option<Member>,
    after: Option<Member>,
    kind: AstFnKind,
) -> Option<Member> {
    let halves = |m: Option<Member>| match m {
        Some(Member::Accessors { getter, setter }) => (getter, setter),
        _ => (None, None),
    };
    let (getter, setter) = match kind {
        AstFnKind::Getter => (halves(before).0, halves(after).1),
        AstFnKind::Setter => (halves(after).0, halves(before).1),
        _ => return before,
    };
    if getter.is_none() && setter.is_none() {
        return before.filter(|m| !matches!(m, Member::Accessors { .. }));
    }
    Some(Member::Accessors { getter, setter })
}

fn add_member(table: &mut HashMap<Symbol, Member>, name: Symbol, kind: AstFnKind, id: FunctionId) {
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
