//! Compile-time errors of constructor declarations that need no expression analysis:
//! field formals (`this.x`) outside generative constructors, redirecting constructors
//! with a body, other initializers or field formals, redirection cycles, several
//! `super` initializers, a field initialised twice (or a final field initialised at its
//! declaration and again), final fields some generative constructor leaves
//! uninitialised, `const` constructors of classes with non-final fields, calling a
//! non-`const` super constructor, or with initializers that are not potentially
//! constant (`resolve::const_checks`). Worded as
//! the Dart front end words them; platform libraries are not checked.

use super::const_checks::PotentiallyConstant;
use super::{messages, ClassSource, MemberContext, Resolver};
use crate::front::ast::{self, ClassMember, Initializer, ParameterForm};
use crate::front::diagnostics::Diagnostic;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::ClassId;
use std::collections::{HashMap, HashSet};

/// An instance field as the constructor rules see it.
struct FieldFacts {
    name: ast::Ident,
    is_final: bool,
    has_initializer: bool,
    /// `late`, `abstract` or `external`: never needs a constructor to initialise it.
    exempt: bool,
}

impl Resolver<'_> {
    /// Runs the constructor rules over class `c`'s body.
    pub(super) fn check_constructors(&mut self, c: ClassId) {
        let source = self.classes[c.index()].source;
        let members = source.members();
        self.check_field_formals_outside_constructors(members);
        let fields = instance_fields(members);
        let ctors: Vec<&ast::ConstructorDecl> = members
            .iter()
            .filter_map(|m| match m {
                ClassMember::Constructor(ctor) => Some(ctor),
                _ => None,
            })
            .collect();
        let mut uninitialized = Vec::new();
        let mut generative = 0;
        for ctor in &ctors {
            self.check_constructor_body_kind(ctor);
            if ctor.is_factory {
                self.check_factory_formals(ctor);
                continue;
            }
            if redirect_of(ctor).is_some() {
                self.check_redirecting(ctor);
            } else {
                generative += usize::from(!ctor.is_external);
                self.check_initialized_fields(ctor, &fields, &mut uninitialized);
            }
            if ctor.is_const {
                self.check_const_fields(ctor, &fields);
                self.check_const_initializers(c, ctor);
                if redirect_of(ctor).is_none() {
                    self.check_const_super(c, ctor);
                }
            }
        }
        self.report_uninitialized_finals(&uninitialized, generative);
        self.check_redirect_cycles(&ctors);
        let application = matches!(source, ClassSource::Class(d) if d.is_mixin_application);
        let has_body = !matches!(source, ClassSource::Mixin(_));
        if ctors.is_empty() && has_body && !application {
            for f in fields
                .iter()
                .filter(|f| f.is_final && !f.has_initializer && !f.exempt)
            {
                self.error(
                    f.name.span,
                    messages::final_field_not_initialized(f.name.name),
                );
            }
        }
    }

    fn check_field_formals_outside_constructors(&mut self, members: &[ClassMember]) {
        for m in members {
            let ClassMember::Method(md) = m else { continue };
            let params = md
                .function
                .params
                .as_ref()
                .map_or(&[][..], |p| &p.params[..]);
            self.report_field_formals(params);
        }
    }

    fn check_factory_formals(&mut self, ctor: &ast::ConstructorDecl) {
        self.report_field_formals(&ctor.params.params);
        if ctor.redirect.is_some() {
            for p in ctor
                .params
                .params
                .iter()
                .filter(|p| p.default_value.is_some())
            {
                self.error(p.name.span, messages::redirecting_factory_with_default());
            }
        }
    }

    /// Constructors can't be `async`, `async*` or `sync*`.
    fn check_constructor_body_kind(&mut self, ctor: &ast::ConstructorDecl) {
        let (kind, span) = match &ctor.body {
            ast::FunctionBody::Block(b, kind) => (*kind, b.span),
            ast::FunctionBody::Expr(e, kind) => (*kind, e.span),
            ast::FunctionBody::Empty => return,
        };
        if kind == ast::AsyncKind::Sync {
            return;
        }
        let span = Span::new(span.file, span.start, span.start);
        let text = if ctor.is_factory {
            messages::factory_not_sync()
        } else {
            messages::constructor_not_sync()
        };
        self.error(span, text);
    }

    /// `factory A() = B; ... factory B() = A;`: redirecting factories that come back
    /// to themselves, across the user's classes.
    pub(super) fn check_factory_cycles(&mut self) {
        let mut edges: Vec<(CtorKey, CtorKey, Span)> = Vec::new();
        for i in 0..self.classes.len() {
            let c = ClassId(i as u32);
            if self.is_core(self.classes[c.index()].lib) {
                continue;
            }
            for m in self.classes[c.index()].source.members() {
                let ClassMember::Constructor(ctor) = m else {
                    continue;
                };
                let Some(target) = &ctor.redirect else {
                    continue;
                };
                if let Some(tc) = self.redirect_target_class(c, target) {
                    edges.push((
                        (c, ctor_key(ctor.name)),
                        (tc, ctor_key(target.name)),
                        target.span,
                    ));
                }
            }
        }
        for (start, _, span) in &edges {
            let mut cur = start.clone();
            for _ in 0..edges.len() {
                let Some((_, next, _)) = edges.iter().find(|(from, _, _)| *from == cur) else {
                    break;
                };
                if next == start {
                    let name = self.class_name(start.0);
                    let shown = if start.1.is_empty() {
                        name.to_string()
                    } else {
                        format!("{name}.{}", start.1)
                    };
                    self.error(*span, messages::cyclic_redirecting_factory(&shown));
                    break;
                }
                cur = next.clone();
            }
        }
    }

    /// The class a redirecting factory's target type names (through typedefs), without
    /// reporting anything: lowering reports unresolvable targets.
    fn redirect_target_class(
        &mut self,
        c: ClassId,
        target: &ast::ConstructorRef,
    ) -> Option<ClassId> {
        let ctx = super::MemberContext {
            lib: self.classes[c.index()].lib,
            lexical_class: Some(c),
            this_class: Some(c),
            mixin_index: None,
            extension: None,
            is_static: true,
        };
        let tctx = self.type_context(&ctx, &[]);
        let reported = self.diags.items.len();
        let ty = self.resolve_type(&target.ty, &tctx);
        self.diags.items.truncate(reported);
        match ty {
            crate::kernel::ir::DartType::Interface { class, .. } => Some(class),
            _ => None,
        }
    }

    fn report_field_formals(&mut self, params: &[ast::FormalParameter]) {
        for p in params.iter().filter(|p| p.form == ParameterForm::This) {
            self.error(
                p.name.span,
                messages::field_initializer_outside_constructor(),
            );
        }
    }

    /// `C.r() : this(...)` may have nothing else: no body, no other initializers, no
    /// field formals.
    fn check_redirecting(&mut self, ctor: &ast::ConstructorDecl) {
        if let ast::FunctionBody::Block(block, _) = &ctor.body {
            self.error(block.span, messages::redirecting_constructor_with_body());
        }
        let mut seen_redirect = false;
        for init in &ctor.initializers {
            let is_redirect = matches!(init, Initializer::Redirect { .. });
            if is_redirect && !seen_redirect {
                seen_redirect = true;
                continue;
            }
            if matches!(init, Initializer::Assert { .. }) {
                continue;
            }
            self.error(
                initializer_span(init),
                messages::redirecting_constructor_with_other_initializers(),
            );
        }
        for p in ctor
            .params
            .params
            .iter()
            .filter(|p| p.form == ParameterForm::This)
        {
            self.error(
                p.name.span,
                messages::redirecting_constructor_with_other_initializers(),
            );
        }
    }

    /// Fields initialised twice, final fields initialised at their declaration and
    /// again, several `super` initializers, and final fields left uninitialised.
    fn check_initialized_fields(
        &mut self,
        ctor: &ast::ConstructorDecl,
        fields: &[FieldFacts],
        uninitialized: &mut Vec<(ast::Ident, Span)>,
    ) {
        let by_name: HashMap<Symbol, &FieldFacts> =
            fields.iter().map(|f| (f.name.name, f)).collect();
        let mut initialized: Vec<Symbol> = Vec::new();
        let formals = ctor
            .params
            .params
            .iter()
            .filter(|p| p.form == ParameterForm::This)
            .map(|p| p.name);
        let listed = ctor.initializers.iter().filter_map(|i| match i {
            Initializer::Field { name, .. } => Some(*name),
            _ => None,
        });
        for name in formals.chain(listed) {
            let Some(field) = by_name.get(&name.name) else {
                continue;
            };
            if initialized.contains(&name.name) {
                self.error(name.span, messages::field_initialized_twice(name.name));
            } else if field.is_final && field.has_initializer {
                let d = Diagnostic::error(
                    name.span,
                    messages::final_initialized_at_declaration(name.name),
                )
                .with_context(field.name.span, messages::initialized_here(name.name));
                self.diags.push(d);
            }
            initialized.push(name.name);
        }
        let supers: Vec<Span> = ctor
            .initializers
            .iter()
            .filter(|i| matches!(i, Initializer::Super { .. }))
            .map(initializer_span)
            .collect();
        for &span in supers.iter().skip(1) {
            self.error(span, messages::more_than_one_super_initializer());
        }
        if ctor.is_external {
            return;
        }
        for f in fields {
            if f.is_final && !f.has_initializer && !f.exempt && !initialized.contains(&f.name.name)
            {
                uninitialized.push((f.name, constructor_name_span(ctor)));
            }
        }
    }

    /// A final field no generative constructor initialises is reported at the field;
    /// one that only some leave uninitialised, at each of those constructors.
    fn report_uninitialized_finals(&mut self, missed: &[(ast::Ident, Span)], generative: usize) {
        let mut names: Vec<ast::Ident> = Vec::new();
        for (field, _) in missed {
            if !names.iter().any(|n| n.name == field.name) {
                names.push(*field);
            }
        }
        for field in names {
            let at: Vec<Span> = missed
                .iter()
                .filter(|(f, _)| f.name == field.name)
                .map(|(_, s)| *s)
                .collect();
            if at.len() == generative {
                self.error(
                    field.span,
                    messages::final_field_not_initialized(field.name),
                );
                continue;
            }
            for span in at {
                let d = Diagnostic::error(
                    span,
                    messages::final_field_not_initialized_by_constructor(field.name),
                )
                .with_context(field.span, messages::defined_here(field.name));
                self.diags.push(d);
            }
        }
    }

    fn check_const_fields(&mut self, ctor: &ast::ConstructorDecl, fields: &[FieldFacts]) {
        let mutable: Vec<&FieldFacts> =
            fields.iter().filter(|f| !f.is_final && !f.exempt).collect();
        if mutable.is_empty() {
            return;
        }
        let mut d = Diagnostic::error(
            constructor_name_span(ctor),
            messages::const_constructor_non_final_field(),
        );
        for f in mutable {
            d = d.with_context(
                f.name.span,
                messages::const_constructor_non_final_field_cause(),
            );
        }
        self.diags.push(d);
    }

    /// The initializer list of a `const` constructor must be potentially constant.
    fn check_const_initializers(&mut self, c: ClassId, ctor: &ast::ConstructorDecl) {
        let params: HashSet<Symbol> = ctor.params.params.iter().map(|p| p.name.name).collect();
        let scope = PotentiallyConstant {
            params: &params,
            ctx: MemberContext {
                lib: self.classes[c.index()].lib,
                lexical_class: Some(c),
                this_class: Some(c),
                mixin_index: None,
                extension: None,
                is_static: false,
            },
        };
        for init in &ctor.initializers {
            let found = match init {
                Initializer::Field { value, .. } => self.non_constant_part(value, &scope, false),
                Initializer::Super { args, .. } | Initializer::Redirect { args, .. } => args
                    .args
                    .iter()
                    .find_map(|a| self.non_constant_part(&a.value, &scope, false)),
                Initializer::Assert {
                    condition, message, ..
                } => self
                    .non_constant_part(condition, &scope, false)
                    .or_else(|| {
                        let m = message.as_ref()?;
                        self.non_constant_part(m, &scope, false)
                    }),
            };
            if let Some((span, message)) = found {
                self.error(span, message);
            }
        }
    }

    /// A `const` constructor must call a `const` super constructor (the one named in its
    /// `super` initializer, or the superclass's unnamed one).
    fn check_const_super(&mut self, c: ClassId, ctor: &ast::ConstructorDecl) {
        let Some(sup) = self.program.classes[c.index()].superclass else {
            return;
        };
        let explicit = ctor.initializers.iter().find_map(|i| match i {
            Initializer::Super { name, span, .. } => Some((*name, *span)),
            _ => None,
        });
        let key = match explicit.and_then(|(n, _)| n) {
            Some(n) if n.name.as_str() != "new" => n.name,
            _ => Symbol::intern(""),
        };
        let Some(target) = self.classes[sup.index()].ctors.get(&key).copied() else {
            return;
        };
        if !self.is_non_const_ctor(sup, target) {
            return;
        }
        let span = match explicit {
            Some((Some(name), _)) => name.span,
            Some((None, span)) => span,
            None => constructor_name_span(ctor),
        };
        self.error(span, messages::const_constructor_with_non_const_super());
    }

    /// `C.a() : this.b(); C.b() : this.a();` and `C() : this();`.
    fn check_redirect_cycles(&mut self, ctors: &[&ast::ConstructorDecl]) {
        let key = |n: Option<ast::Ident>| match n.map_or("", |i| i.name.as_str()) {
            "new" => String::new(),
            other => other.to_string(),
        };
        let targets: HashMap<String, (String, Span)> = ctors
            .iter()
            .filter(|c| !c.is_factory)
            .filter_map(|c| redirect_of(c).map(|(to, span)| (key(c.name), (key(to), span))))
            .collect();
        // In declaration order, so the diagnostics come out in a stable order.
        for ctor in ctors.iter().filter(|c| !c.is_factory) {
            let start = key(ctor.name);
            let Some((_, span)) = targets.get(&start) else {
                continue;
            };
            let mut cur = start.clone();
            let mut steps = 0;
            while let Some((next, _)) = targets.get(&cur) {
                steps += 1;
                if *next == start {
                    self.error(*span, messages::constructor_cyclic());
                    break;
                }
                if steps > targets.len() {
                    break;
                }
                cur = next.clone();
            }
        }
    }
}

/// A constructor by class and name key.
type CtorKey = (ClassId, String);

/// A constructor's name as a key: `""` for the unnamed one (also written `new`).
fn ctor_key(name: Option<ast::Ident>) -> String {
    match name.map_or("", |i| i.name.as_str()) {
        "new" => String::new(),
        other => other.to_string(),
    }
}

/// The target name and span of a redirecting generative constructor's `this(...)`.
fn redirect_of(ctor: &ast::ConstructorDecl) -> Option<(Option<ast::Ident>, Span)> {
    ctor.initializers.iter().find_map(|i| match i {
        Initializer::Redirect { name, span, .. } => Some((*name, *span)),
        _ => None,
    })
}

fn initializer_span(i: &Initializer) -> Span {
    match i {
        Initializer::Field { span, .. }
        | Initializer::Super { span, .. }
        | Initializer::Redirect { span, .. }
        | Initializer::Assert { span, .. } => *span,
    }
}

/// Where the front end reports a constructor: its name after the class (`C.named`),
/// or the class name for an unnamed one.
fn constructor_name_span(ctor: &ast::ConstructorDecl) -> Span {
    ctor.name.map_or(ctor.class_name.span, |n| n.span)
}

fn instance_fields(members: &[ClassMember]) -> Vec<FieldFacts> {
    let mut out = Vec::new();
    for m in members {
        let ClassMember::Field(v) = m else { continue };
        if v.is_static {
            continue;
        }
        for var in &v.vars {
            out.push(FieldFacts {
                name: var.name,
                is_final: v.is_final || v.is_const,
                has_initializer: var.init.is_some(),
                exempt: v.is_late || v.is_abstract || v.is_external,
            });
        }
    }
    out
}
