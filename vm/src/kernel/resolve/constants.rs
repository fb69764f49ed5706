//! Constant evaluation and the canonical constant table: literals, `const` variables,
//! arithmetic on constants, `const` list/map literals, `const` constructor invocations
//! (field initialisers, initializing formals, initializer lists, super constructors) and
//! enum values. Equal constants share one `ConstId`, which is what makes `identical`
//! hold between equal constants.

use super::const_checks::{self, EVALUATION_ERROR};
use super::scope::{Decl, Resolved};
use super::{Member, MemberContext, Resolver};
use crate::front::ast::{self, BinaryOp, ExprKind, UnaryOp};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{ClassId, ConstId, Constant, DartType, FieldId, FunctionId};
use std::collections::HashMap;

/// One element of a constant collection literal once `if` and spreads are applied: a
/// list or set element (`value: None`) or a map entry; `span` is where it came from.
/// Elements of branches not taken are not `live`: they only contribute their types.
pub(super) struct ConstElement {
    key: ConstId,
    value: Option<ConstId>,
    span: Span,
    live: bool,
}

impl ConstElement {
    fn new(key: ConstId, value: Option<ConstId>, span: Span) -> ConstElement {
        ConstElement {
            key,
            value,
            span,
            live: true,
        }
    }
}

/// Names visible while evaluating: constructor parameters, or a function's `const`
/// locals; `hidden` are other locals, which shadow constants of outer scopes.
#[derive(Clone, Default)]
pub(super) struct ConstEnv {
    pub params: HashMap<Symbol, ConstId>,
    pub hidden: std::collections::HashSet<Symbol>,
}

const MAX_DEPTH: u32 = 64;

impl Resolver<'_> {
    pub(super) fn intern_const(&mut self, c: Constant) -> ConstId {
        let key = format!("{c:?}");
        if let Some(&id) = self.const_index.get(&key) {
            return id;
        }
        let id = ConstId(self.program.constants.len() as u32);
        self.program.constants.push(c);
        self.const_index.insert(key, id);
        id
    }

    pub(super) fn constant_type(&self, c: &Constant) -> DartType {
        match c {
            Constant::Null => DartType::Null,
            Constant::Bool(_) => self.core_type("bool"),
            Constant::Int(_) => self.core_type("int"),
            Constant::Double(_) => self.core_type("double"),
            Constant::String(_) => self.core_type("String"),
            Constant::List { element_type, .. } => match self.core_class("List") {
                Some(l) => self.interface_type(l, vec![element_type.clone()], false),
                None => DartType::Dynamic,
            },
            Constant::Set { element_type, .. } => match self.core_class("Set") {
                Some(s) => self.interface_type(s, vec![element_type.clone()], false),
                None => DartType::Dynamic,
            },
            Constant::Map {
                key_type,
                value_type,
                ..
            } => match self.core_class("Map") {
                Some(m) => {
                    self.interface_type(m, vec![key_type.clone(), value_type.clone()], false)
                }
                None => DartType::Dynamic,
            },
            Constant::Instance { class, .. } => {
                let n = self.classes[class.index()].type_params.len();
                DartType::Interface {
                    class: *class,
                    args: vec![DartType::Dynamic; n],
                    nullable: false,
                }
            }
            Constant::Record { positional, named } => {
                let shape = crate::kernel::ir::RecordShape::new(
                    positional.len() as u32,
                    named.iter().map(|(n, _)| *n).collect(),
                );
                let mut fields: Vec<DartType> = positional
                    .iter()
                    .map(|c| self.constant_type(&self.program.constants[c.index()]))
                    .collect();
                for n in &shape.named {
                    if let Some((_, c)) = named.iter().find(|(m, _)| m == n) {
                        fields.push(self.constant_type(&self.program.constants[c.index()]));
                    }
                }
                DartType::RecordType(Box::new(crate::kernel::ir::RecordType {
                    shape,
                    fields,
                    nullable: false,
                }))
            }
            Constant::Type(_) => self.core_type("Type"),
            Constant::Function(_) => DartType::any_function(false),
        }
    }

    /// An int constant used where a `double` is expected becomes a double.
    pub(super) fn coerce_const(&mut self, c: ConstId, ty: &DartType) -> ConstId {
        let non_null = super::types::make_non_nullable(ty.clone());
        if let Constant::Int(v) = self.program.constants[c.index()] {
            if self.is_core_type(&non_null, "double") {
                return self.intern_const(Constant::Double(v as f64));
            }
        }
        c
    }

    /// Evaluates `e` as a constant whose context type is `context` (which gives a
    /// `{...}` literal without type arguments its kind and type arguments).
    pub(super) fn eval_const_typed(
        &mut self,
        e: &ast::Expr,
        context: &DartType,
        ctx: &MemberContext,
    ) -> Option<ConstId> {
        self.eval_const_with(e, Some(context), ctx, &ConstEnv::default())
    }

    /// Evaluates `e` as a constant with the names of `env` in scope (a function's
    /// `const` locals) and an optional context type.
    pub(super) fn eval_const_with(
        &mut self,
        e: &ast::Expr,
        context: Option<&DartType>,
        ctx: &MemberContext,
        env: &ConstEnv,
    ) -> Option<ConstId> {
        self.const_error = None;
        self.const_error_context = None;
        let outer_start = self.const_eval_start.replace(e.span);
        let value = self.eval_in_context(e, context, ctx, env);
        self.const_eval_start = outer_start;
        value
    }

    fn eval_in_context(
        &mut self,
        e: &ast::Expr,
        context: Option<&DartType>,
        ctx: &MemberContext,
        env: &ConstEnv,
    ) -> Option<ConstId> {
        let Some(context) = context else {
            return self.eval(e, ctx, env, 0);
        };
        let args = self.collection_context_args(context);
        let c = match &e.kind {
            ExprKind::SetOrMap {
                type_args,
                elements,
                ..
            } => {
                let literal = (&type_args[..], &elements[..], e.span);
                self.eval_set_or_map(literal, args.as_deref(), ctx, env, 1)?
            }
            ExprKind::List {
                type_arg, elements, ..
            } => {
                let args = self.list_context_args(context);
                self.eval_list(
                    (type_arg.as_deref(), elements),
                    args.as_deref(),
                    ctx,
                    env,
                    1,
                )?
            }
            _ => return self.eval(e, ctx, env, 0),
        };
        Some(self.intern_const(c))
    }

    /// `[E]` for a `List<E>`/`Iterable<E>` context type.
    fn list_context_args(&self, context: &DartType) -> Option<Vec<DartType>> {
        let DartType::Interface { class, args, .. } = context else {
            return None;
        };
        let known = [self.core_class("List"), self.core_class("Iterable")].contains(&Some(*class));
        (known && args.len() == 1).then(|| args.clone())
    }

    /// The type arguments a `{...}` literal takes from its context type: `[E]` for a
    /// `Set<E>`/`Iterable<E>` context, `[K, V]` for `Map<K, V>`, `None` otherwise.
    pub(super) fn collection_context_args(&self, context: &DartType) -> Option<Vec<DartType>> {
        let DartType::Interface { class, args, .. } = context else {
            return None;
        };
        let is = |name: &str| self.core_class(name) == Some(*class);
        match args.len() {
            1 if is("Set") || is("Iterable") => Some(args.clone()),
            2 if is("Map") => Some(args.clone()),
            _ => None,
        }
    }

    /// Reports why the last constant evaluation failed, if it found an error.
    pub(super) fn report_const_error(&mut self) {
        let context = self.const_error_context.take();
        if let Some((span, message)) = self.const_error.take() {
            let mut d = crate::front::diagnostics::Diagnostic::error(span, message);
            if let Some((at, detail)) = context {
                d = d.with_context(at, detail);
            }
            // A failed `const` field initialiser is evaluated again when it is lowered.
            if !self.diags.items.contains(&d) {
                self.diags.push(d);
            }
        }
    }

    /// Records that the expression at `span` is not constant (the first reason found
    /// wins) and fails the evaluation.
    fn not_constant<T>(&mut self, span: Span, message: impl Into<String>) -> Option<T> {
        if self.const_error.is_none() {
            self.const_error = Some((span, message.into()));
            self.const_error_context = None;
        }
        None
    }

    /// Records an error found while evaluating the subexpression at `at` (the CFE's
    /// "Constant evaluation error:" at the expression whose evaluation started, with
    /// `detail` as context) and fails the evaluation.
    fn evaluation_failed<T>(&mut self, at: Span, detail: String) -> Option<T> {
        if self.const_error.is_none() {
            let start = self.const_eval_start.unwrap_or(at);
            self.const_error = Some((start, EVALUATION_ERROR.into()));
            self.const_error_context = Some((at, detail));
        }
        None
    }

    /// The value of a `const` field (evaluated once; `None` for cycles and non-constants).
    pub(super) fn eval_const_field(&mut self, f: FieldId, span: Span) -> Option<ConstId> {
        if self.const_fields_in_progress.contains(&f) && self.consts_final {
            // Reported at the declaration the cycle started from, as the CFE does.
            let at = self.program.fields[f.index()].span;
            return self.not_constant(at, "Constant expression depends on itself.");
        }
        if let Some(v) = self.const_fields.get(&f) {
            return *v;
        }
        self.const_fields.insert(f, None);
        self.const_fields_in_progress.insert(f);
        let value = if let Some(&(class, index)) = self.enum_values.get(&f) {
            self.eval_enum_value(class, index, span)
        } else if let Some(&class) = self.enum_value_lists.get(&f) {
            self.eval_enum_list(class, span)
        } else {
            let (_, var, ctx) = *self.field_decls.get(&f)?;
            let init = var.init.as_ref()?;
            let ty = self.program.fields[f.index()].ty.clone();
            self.eval_const_typed(init, &ty, &ctx)
                .map(|v| self.coerce_const(v, &ty))
        };
        self.const_fields_in_progress.remove(&f);
        if value.is_some() || self.consts_final {
            // An initializer with an error is reported once, whoever asked first.
            self.report_const_error();
            self.const_fields.insert(f, value);
        } else {
            // Declarations are still being made: a later attempt may succeed.
            self.const_fields.remove(&f);
        }
        value
    }

    fn eval(
        &mut self,
        e: &ast::Expr,
        ctx: &MemberContext,
        env: &ConstEnv,
        depth: u32,
    ) -> Option<ConstId> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        let c = match &e.kind {
            ExprKind::Null => Constant::Null,
            ExprKind::Bool(b) => Constant::Bool(*b),
            ExprKind::Int(text) => Constant::Int(parse_int(text)?),
            ExprKind::Double(v) => Constant::Double(*v),
            ExprKind::String(parts) => Constant::String(self.eval_string(parts, ctx, env, d)?),
            ExprKind::Paren(inner) => return self.eval(inner, ctx, env, d),
            ExprKind::Ident(id) => return self.eval_name(id.name, e.span, ctx, env),
            ExprKind::PropertyGet {
                target,
                name,
                null_aware: false,
            } => return self.eval_property(target, *name, ctx, env, d),
            ExprKind::List {
                type_arg, elements, ..
            } => self.eval_list((type_arg.as_deref(), elements), None, ctx, env, d)?,
            ExprKind::SetOrMap {
                type_args,
                elements,
                ..
            } => self.eval_set_or_map((type_args, elements, e.span), None, ctx, env, d)?,
            ExprKind::Binary { op, left, right } => {
                return self.eval_binary((*op, e.span), left, right, ctx, env, d)
            }
            ExprKind::Unary { op, operand } => {
                let v = self.eval(operand, ctx, env, d)?;
                let value = &self.program.constants[v.index()];
                match eval_unary(*op, value) {
                    Some(c) => c,
                    None => {
                        let error = const_checks::unary_error(&self.program, *op, value)?;
                        return self.evaluation_failed(e.span, error);
                    }
                }
            }
            ExprKind::Conditional {
                condition,
                then,
                otherwise,
            } => {
                let c = self.eval(condition, ctx, env, d)?;
                return match self.program.constants[c.index()] {
                    Constant::Bool(true) => self.eval(then, ctx, env, d),
                    Constant::Bool(false) => self.eval(otherwise, ctx, env, d),
                    _ => None,
                };
            }
            ExprKind::As { expr, ty } => {
                // Only casts the class-based subtype test proves; others are not folded.
                let v = self.eval(expr, ctx, env, d)?;
                let tctx = self.type_context(ctx, &[]);
                let target = self.resolve_type(ty, &tctx);
                let actual = self.constant_type(&self.program.constants[v.index()]);
                if self.is_subtype(&actual, &target) == Some(true) {
                    return Some(v);
                }
                if self.const_is(v, &target) == Some(false) {
                    let error = format!(
                        "Expected constant '{}' to be of type '{}', but was of type '{}'.",
                        const_checks::constant_text(
                            &self.program,
                            &self.program.constants[v.index()]
                        ),
                        self.type_display(&target),
                        self.type_display(&actual)
                    );
                    return self.evaluation_failed(e.span, error);
                }
                return None;
            }
            ExprKind::Is { expr, ty, negated } => {
                let v = self.eval(expr, ctx, env, d)?;
                let tctx = self.type_context(ctx, &[]);
                let target = self.resolve_type(ty, &tctx);
                Constant::Bool(self.const_is(v, &target)? != *negated)
            }
            ExprKind::New {
                keyword: ast::NewKeyword::New,
                ..
            } => {
                self.const_error.get_or_insert((
                    e.span,
                    "New expression is not a constant expression.".into(),
                ));
                return None;
            }
            ExprKind::New { ty, name, args, .. } => {
                let prefixed = self.prefixed_ctor_type(ctx.lib, ty, *name);
                let (ty, name) = match &prefixed {
                    Some(t) => (t, &None),
                    None => (ty, name),
                };
                let tctx = self.type_context(ctx, &[]);
                let t = self.resolve_type(ty, &tctx);
                if let DartType::Extension { index, .. } = t {
                    return self.eval_extension_type_new(index as usize, *name, args, ctx, env, d);
                }
                let DartType::Interface { class, .. } = t else {
                    return None;
                };
                return self.eval_new((class, e.span), *name, args, ctx, env, d);
            }
            ExprKind::MethodCall {
                target, name, args, ..
            } => return self.eval_call(target.as_deref(), *name, args, ctx, env, d),
            ExprKind::TypeLiteral(t) => {
                let tctx = self.type_context(ctx, &[]);
                Constant::Type(self.resolve_type(t, &tctx))
            }
            ExprKind::Symbol(s) => return self.symbol_constant(s),
            ExprKind::Record { fields, .. } => self.eval_record(fields, ctx, env, d)?,
            // Never constant: function literals, `this`, side effects, `[]`, `!`.
            ExprKind::Function { .. }
            | ExprKind::This
            | ExprKind::Throw(_)
            | ExprKind::Await(_)
            | ExprKind::Assign { .. }
            | ExprKind::Prefix { .. }
            | ExprKind::Postfix { .. }
            | ExprKind::Cascade { .. }
            | ExprKind::Index { .. }
            | ExprKind::NullCheck(_) => {
                return self.not_constant(e.span, "Not a constant expression.")
            }
            _ => return None,
        };
        Some(self.intern_const(c))
    }

    /// Is constant `v` of type `t`? Decided only against `dynamic`, `Null` and class
    /// types without type arguments, where the class-based subtype test is exact
    /// (constant instances of generic classes carry no type arguments).
    fn const_is(&self, v: ConstId, t: &DartType) -> Option<bool> {
        let decidable = match t {
            DartType::Interface { args, .. } => args.is_empty(),
            DartType::Dynamic | DartType::Null => true,
            _ => false,
        };
        if !decidable {
            return None;
        }
        let actual = self.constant_type(&self.program.constants[v.index()]);
        self.is_subtype(&actual, t)
    }

    /// `(1, b: 2)` with constant fields; named fields sorted by name.
    fn eval_record(
        &mut self,
        fields: &[ast::RecordField],
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<Constant> {
        let mut positional = Vec::new();
        let mut named: Vec<(Symbol, ConstId)> = Vec::new();
        for f in fields {
            let v = self.eval(&f.value, ctx, env, d)?;
            match f.name {
                Some(n) if named.iter().any(|(m, _)| *m == n.name) => return None,
                Some(n) => named.push((n.name, v)),
                None => positional.push(v),
            }
        }
        named.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        Some(Constant::Record { positional, named })
    }

    /// `#foo` as an instance of the core `Symbol` class.
    pub(super) fn symbol_constant(&mut self, name: &str) -> Option<ConstId> {
        let class = self.core_class("Symbol")?;
        let field = match self.classes[class.index()]
            .instance
            .get(&Symbol::intern("_name"))
        {
            Some(Member::Field(f)) => *f,
            _ => return None,
        };
        let s = self.intern_const(Constant::String(name.to_string()));
        Some(self.intern_const(Constant::Instance {
            class,
            fields: vec![(field, s)],
        }))
    }

    fn eval_string(
        &mut self,
        parts: &[ast::StringPart],
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<String> {
        let mut s = String::new();
        for p in parts {
            match p {
                ast::StringPart::Text(t) => s.push_str(t),
                ast::StringPart::Interpolation(x) => {
                    let v = self.eval(x, ctx, env, d)?;
                    match primitive_to_string(&self.program.constants[v.index()]) {
                        Some(text) => s.push_str(&text),
                        None => {
                            let text = crate::kernel::dump::constant(&self.program, v);
                            self.const_error = Some((
                                x.span,
                                format!(
                                    "The constant value '{text}' can't be used as part of a \
                                     string interpolation in a constant expression.\nOnly values \
                                     of type 'null', 'bool', 'int', 'double', or 'String' can be \
                                     used."
                                ),
                            ));
                            return None;
                        }
                    }
                }
            }
        }
        Some(s)
    }

    /// A constant `{...}` literal: a map or a set, its type arguments explicit, from the
    /// context type (`context`: the arguments of a `Map`/`Set` context), or inferred from
    /// the entries. Keys and elements must be distinct and have primitive equality.
    pub(super) fn eval_set_or_map(
        &mut self,
        literal: (&[ast::TypeAnnotation], &[ast::CollectionElement], Span),
        context: Option<&[DartType]>,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<Constant> {
        let (type_args, elements, span) = literal;
        let mut flat = Vec::new();
        self.eval_elements(elements, ctx, env, d, &mut flat)?;
        let is_set = match type_args.len() {
            1 => true,
            2 => false,
            _ => super::collections::set_or_map(elements)
                .or_else(|| flat.first().map(|e| e.value.is_none()))
                .unwrap_or_else(|| context.is_some_and(|c| c.len() == 1)),
        };
        if let Some(e) = flat.iter().find(|e| e.value.is_some() == is_set) {
            let problem = if is_set {
                "A map entry can't be an element of a set."
            } else {
                "A set or list element can't be an entry of a map."
            };
            self.const_error.get_or_insert((e.span, problem.into()));
            return None;
        }
        let inferred = |r: &Self, ids: &[ConstId]| {
            let types: Vec<DartType> = ids
                .iter()
                .map(|c| r.constant_type(&r.program.constants[c.index()]))
                .collect();
            r.infer_const_type(&types)
        };
        let tctx = self.type_context(ctx, &[]);
        let mut args: Vec<DartType> = type_args
            .iter()
            .map(|t| self.resolve_type(t, &tctx))
            .collect();
        self.check_closed_type_args(&args, span)?;
        if args.is_empty() {
            if let Some(c) = context.filter(|c| c.len() == if is_set { 1 } else { 2 }) {
                args = c.to_vec();
            }
        }
        let (mut keys, mut values) = (Vec::new(), Vec::new());
        if args.is_empty() {
            let typing_keys: Vec<ConstId> = flat.iter().map(|e| e.key).collect();
            let typing_values: Vec<ConstId> = flat.iter().filter_map(|e| e.value).collect();
            args.push(inferred(self, &typing_keys));
            if !is_set {
                args.push(inferred(self, &typing_values));
            }
        }
        for e in flat.into_iter().filter(|e| e.live) {
            let k = match args.first() {
                Some(t) => self.coerce_const(e.key, t),
                None => e.key,
            };
            self.check_const_key(k, &keys, is_set, span)?;
            keys.push(k);
            if let Some(v) = e.value {
                values.push(match args.get(1) {
                    Some(t) => self.coerce_const(v, t),
                    None => v,
                });
            }
        }
        let mut args = args.into_iter();
        let mut next = || args.next().unwrap_or(DartType::Dynamic);
        if is_set {
            return Some(Constant::Set {
                element_type: next(),
                elements: keys,
            });
        }
        let (key_type, value_type) = (next(), next());
        Some(Constant::Map {
            key_type,
            value_type,
            entries: keys.into_iter().zip(values).collect(),
        })
    }

    /// A constant list literal; its element type explicit, from the context, or the
    /// least upper bound of its elements' types.
    fn eval_list(
        &mut self,
        literal: (Option<&ast::TypeAnnotation>, &[ast::CollectionElement]),
        context: Option<&[DartType]>,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<Constant> {
        let (type_arg, elements) = literal;
        let mut flat = Vec::new();
        self.eval_elements(elements, ctx, env, d, &mut flat)?;
        if let Some(e) = flat.iter().find(|e| e.value.is_some()) {
            let problem = "A map entry can't be an element of a list.";
            self.const_error.get_or_insert((e.span, problem.into()));
            return None;
        }
        let element_type = match (type_arg, context) {
            (Some(t), _) => {
                let tctx = self.type_context(ctx, &[]);
                let ty = self.resolve_type(t, &tctx);
                self.check_closed_type_args(std::slice::from_ref(&ty), t.span())?;
                ty
            }
            (None, Some([t])) => t.clone(),
            (None, _) => {
                let types: Vec<DartType> = flat
                    .iter()
                    .map(|e| self.constant_type(&self.program.constants[e.key.index()]))
                    .collect();
                self.infer_const_type(&types)
            }
        };
        let elements = flat
            .into_iter()
            .filter(|e| e.live)
            .map(|e| self.coerce_const(e.key, &element_type))
            .collect();
        Some(Constant::List {
            element_type,
            elements,
        })
    }

    /// The elements of a constant collection literal after `if`, spreads and null-aware
    /// elements: each a value (lists, sets) or a key with its value (maps). `None` when
    /// one is not constant or not allowed in a constant (`for`, `if case`).
    fn eval_elements(
        &mut self,
        elements: &[ast::CollectionElement],
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
        out: &mut Vec<ConstElement>,
    ) -> Option<()> {
        use ast::CollectionElement as El;
        for el in elements {
            match el {
                El::Expr(x) => {
                    out.push(ConstElement::new(self.eval(x, ctx, env, d)?, None, x.span))
                }
                El::NullAwareExpr(x) => {
                    let v = self.eval(x, ctx, env, d)?;
                    if !self.is_null_const(v) {
                        out.push(ConstElement::new(v, None, x.span));
                    }
                }
                El::MapEntry {
                    key,
                    value,
                    null_aware_key,
                    null_aware_value,
                } => {
                    let k = self.eval(key, ctx, env, d)?;
                    let v = self.eval(value, ctx, env, d)?;
                    let skip = (*null_aware_key && self.is_null_const(k))
                        || (*null_aware_value && self.is_null_const(v));
                    if !skip {
                        out.push(ConstElement::new(k, Some(v), key.span));
                    }
                }
                El::Spread { null_aware, expr } => {
                    let s = self.eval(expr, ctx, env, d)?;
                    let at = expr.span;
                    match &self.program.constants[s.index()] {
                        Constant::Null if *null_aware => {}
                        Constant::List { elements, .. } | Constant::Set { elements, .. } => {
                            out.extend(elements.iter().map(|&e| ConstElement::new(e, None, at)))
                        }
                        Constant::Map { entries, .. } => out.extend(
                            entries
                                .iter()
                                .map(|&(k, v)| ConstElement::new(k, Some(v), at)),
                        ),
                        other => {
                            let problem = match other {
                                Constant::Null => "Null value during constant evaluation.",
                                _ => {
                                    "Only a constant list, set or map can be spread in a constant."
                                }
                            };
                            self.const_error.get_or_insert((at, problem.into()));
                            return None;
                        }
                    }
                }
                El::If {
                    condition,
                    case: None,
                    then,
                    otherwise,
                } => {
                    let c = self.eval(condition, ctx, env, d)?;
                    let (chosen, other) = match self.program.constants[c.index()] {
                        Constant::Bool(true) => (Some(&**then), otherwise.as_deref()),
                        Constant::Bool(false) => (otherwise.as_deref(), Some(&**then)),
                        _ => return None,
                    };
                    if let Some(chosen) = chosen {
                        self.eval_elements(std::slice::from_ref(chosen), ctx, env, d, out)?;
                    }
                    // The branch not taken still types the literal (`{if (false) 1}` is
                    // a `Set<int>`).
                    if let Some(other) = other {
                        // Not evaluated by the language: what fails there is no error
                        // (dartrs then just cannot type the literal).
                        let at = out.len();
                        let saved = (self.const_error.take(), self.const_error_context.take());
                        let typed =
                            self.eval_elements(std::slice::from_ref(other), ctx, env, d, out);
                        (self.const_error, self.const_error_context) = saved;
                        typed?;
                        out[at..].iter_mut().for_each(|e| e.live = false);
                    }
                }
                _ => return None,
            }
        }
        Some(())
    }

    /// Type arguments of a constant literal must not mention type variables.
    fn check_closed_type_args(&mut self, args: &[DartType], span: Span) -> Option<()> {
        if args.iter().any(DartType::is_open) {
            let problem = "Type variables can't be used as constants.";
            self.const_error.get_or_insert((span, problem.into()));
            return None;
        }
        Some(())
    }

    fn is_null_const(&self, c: ConstId) -> bool {
        matches!(self.program.constants[c.index()], Constant::Null)
    }

    /// The type of a literal's elements without type arguments: their least upper bound,
    /// `dynamic` when there are none.
    fn infer_const_type(&self, types: &[DartType]) -> DartType {
        let Some((first, rest)) = types.split_first() else {
            return DartType::Dynamic;
        };
        let t = rest.iter().fold(first.clone(), |t, o| self.join(&t, o));
        match t {
            DartType::Null | DartType::Never => DartType::Dynamic,
            // `join` gives up on unrelated kinds (a list and a record); their least upper
            // bound is `Object` (`Object?` with a nullable one), never `dynamic`.
            DartType::Dynamic if !types.contains(&DartType::Dynamic) => {
                let nullable = types
                    .iter()
                    .any(|t| matches!(t, DartType::Null) || t.is_nullable());
                match self.core_type("Object") {
                    DartType::Interface { class, args, .. } => DartType::Interface {
                        class,
                        args,
                        nullable,
                    },
                    other => other,
                }
            }
            t => t,
        }
    }

    /// A key of a constant map (element of a constant set) must have primitive equality
    /// and differ from the earlier ones; otherwise the literal is an error (recorded in
    /// `const_error` for the caller that required a constant to report).
    fn check_const_key(
        &mut self,
        k: ConstId,
        earlier: &[ConstId],
        is_set: bool,
        span: Span,
    ) -> Option<()> {
        let what = if is_set { "element" } else { "key" };
        let text = crate::kernel::dump::constant(&self.program, k);
        let problem = if !self.has_primitive_equality(k) {
            format!("The {what} '{text}' does not have a primitive operator '=='.")
        } else if earlier.contains(&k) {
            let place = if is_set {
                "element in the set"
            } else {
                "key in the map"
            };
            format!("The {what} '{text}' conflicts with another existing {place}.")
        } else {
            return Some(());
        };
        self.const_error = Some((span, problem));
        None
    }

    /// Does the constant's `==` behave like identity on canonical constants (the class
    /// does not override `==`, or it is `int`, `String`, `bool`, `Null`, `Type`,
    /// `Symbol`, or a record of such)? `double` does not: `0.0 == -0.0`.
    fn has_primitive_equality(&self, c: ConstId) -> bool {
        match &self.program.constants[c.index()] {
            Constant::Double(_) => false,
            Constant::Record { positional, named } => positional
                .iter()
                .chain(named.iter().map(|(_, v)| v))
                .all(|&f| self.has_primitive_equality(f)),
            Constant::Instance { class, .. } => {
                Some(*class) == self.core_class("Symbol") || !self.overrides_equals(*class)
            }
            _ => true,
        }
    }

    fn overrides_equals(&self, class: ClassId) -> bool {
        let object = self.core_class("Object");
        let equals = Symbol::intern("==");
        let mut at = Some(class);
        while let Some(c) = at.filter(|&c| Some(c) != object) {
            if self.classes[c.index()].instance.contains_key(&equals) {
                return true;
            }
            at = self.program.classes[c.index()].superclass;
        }
        false
    }

    /// A name in a constant: a constructor parameter, or a static const/function/class.
    fn eval_name(
        &mut self,
        name: Symbol,
        span: Span,
        ctx: &MemberContext,
        env: &ConstEnv,
    ) -> Option<ConstId> {
        if let Some(v) = env.params.get(&name) {
            return Some(*v);
        }
        if env.hidden.contains(&name) {
            // A variable that is not `const`: what the CFE says of it in a constant.
            return self.not_constant(span, "Not a constant expression.");
        }
        if let Some(c) = ctx.lexical_class {
            if let Some(m) = self.classes[c.index()].statics.get(&name).copied() {
                return self.eval_static_member(m, span);
            }
        }
        match self.lookup_library(ctx.lib, name, span) {
            Resolved::Decl(d) => self.eval_decl(d, span),
            _ => None,
        }
    }

    fn eval_decl(&mut self, d: Decl, span: Span) -> Option<ConstId> {
        match d {
            Decl::Field(f) if self.program.fields[f.index()].is_const => {
                self.eval_const_field(f, span)
            }
            // Variables that are not `const` and getters: never constant.
            Decl::Field(_)
            | Decl::Accessors {
                getter: Some(_), ..
            } => self.not_constant(span, "Not a constant expression."),
            Decl::Function(f) => Some(self.intern_const(Constant::Function(f))),
            Decl::Class(c) => {
                let t = self.raw_class_type(c);
                Some(self.intern_const(Constant::Type(t)))
            }
            _ => None,
        }
    }

    fn eval_static_member(&mut self, m: Member, span: Span) -> Option<ConstId> {
        match m {
            Member::Field(f) if self.program.fields[f.index()].is_const => {
                self.eval_const_field(f, span)
            }
            // (`m` is a static member: non-`const` fields and getters are never constant.)
            Member::Field(_)
            | Member::Accessors {
                getter: Some(_), ..
            } => self.not_constant(span, "Not a constant expression."),
            Member::Method(f) => Some(self.intern_const(Constant::Function(f))),
            _ => None,
        }
    }

    /// `C.x`, `prefix.x`, `prefix.C.x`, `"abc".length`.
    fn eval_property(
        &mut self,
        target: &ast::Expr,
        name: ast::Ident,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<ConstId> {
        if let Some(class) = self.const_class_target(target, ctx) {
            let m = self.classes[class.index()]
                .statics
                .get(&name.name)
                .copied()?;
            return self.eval_static_member(m, name.span);
        }
        if let ExprKind::Ident(p) = &target.kind {
            if let Resolved::Prefix(prefix) = self.lookup_library(ctx.lib, p.name, p.span) {
                let decl = self.lookup_prefixed(ctx.lib, prefix, name.name, name.span)?;
                return self.eval_decl(decl, name.span);
            }
        }
        let v = self.eval(target, ctx, env, d)?;
        let value = &self.program.constants[v.index()];
        match (value, name.name.as_str()) {
            (Constant::String(s), "length") => {
                let n = s.encode_utf16().count() as i64;
                Some(self.intern_const(Constant::Int(n)))
            }
            _ => {
                let error = const_checks::property_error(&self.program, name.name.as_str(), value)?;
                self.evaluation_failed(name.span, error)
            }
        }
    }

    /// A class named by `C` or `prefix.C`.
    pub(super) fn const_class_target(
        &mut self,
        target: &ast::Expr,
        ctx: &MemberContext,
    ) -> Option<ClassId> {
        match &target.kind {
            ExprKind::Ident(id) => match self.lookup_library(ctx.lib, id.name, id.span) {
                Resolved::Decl(Decl::Class(c)) => Some(c),
                _ => None,
            },
            ExprKind::PropertyGet {
                target: inner,
                name,
                ..
            } => {
                let ExprKind::Ident(p) = &inner.kind else {
                    return None;
                };
                match self.lookup_prefixed(ctx.lib, p.name, name.name, name.span) {
                    Some(Decl::Class(c)) => Some(c),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `C(args)`, `C.named(args)`, `prefix.C(args)` in a constant context.
    fn eval_call(
        &mut self,
        target: Option<&ast::Expr>,
        name: ast::Ident,
        args: &ast::Arguments,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<ConstId> {
        let at = name.span;
        match target {
            None if env.params.contains_key(&name.name) || env.hidden.contains(&name.name) => {
                // A local function or a variable holding one.
                self.not_constant(at, "Method invocation is not a constant expression.")
            }
            None if self.is_static_method(ctx, name.name) => {
                self.not_constant(at, static_invocation(name.name))
            }
            None => match self.lookup_library(ctx.lib, name.name, name.span) {
                Resolved::Decl(Decl::Class(c)) => self.eval_new((c, at), None, args, ctx, env, d),
                Resolved::Decl(Decl::Extension(e)) if self.is_extension_type(e) => {
                    self.eval_extension_type_new(e, None, args, ctx, env, d)
                }
                Resolved::Decl(Decl::Function(f)) if !self.is_identical(f) => {
                    self.not_constant(at, static_invocation(name.name))
                }
                _ => None,
            },
            Some(t) => {
                if let ExprKind::Ident(id) = &t.kind {
                    if let Resolved::Decl(Decl::Extension(e)) =
                        self.lookup_library(ctx.lib, id.name, id.span)
                    {
                        return self.eval_extension_type_new(e, Some(name), args, ctx, env, d);
                    }
                }
                if let Some(c) = self.const_class_target(t, ctx) {
                    return self.eval_new((c, at), Some(name), args, ctx, env, d);
                }
                if let ExprKind::Ident(p) = &t.kind {
                    if let Resolved::Prefix(_) = self.lookup_library(ctx.lib, p.name, p.span) {
                        return match self.lookup_prefixed(ctx.lib, p.name, name.name, at)? {
                            Decl::Class(c) => self.eval_new((c, at), None, args, ctx, env, d),
                            Decl::Function(f) if !self.is_identical(f) => {
                                self.not_constant(at, static_invocation(name.name))
                            }
                            _ => None,
                        };
                    }
                }
                // A method called on a constant value: no method call is constant.
                self.eval(t, ctx, env, d)?;
                self.not_constant(at, "Method invocation is not a constant expression.")
            }
        }
    }

    /// Is `name` a static method of the class the constant is written in?
    pub(super) fn is_static_method(&self, ctx: &MemberContext, name: Symbol) -> bool {
        ctx.lexical_class.is_some_and(|c| {
            matches!(
                self.classes[c.index()].statics.get(&name),
                Some(Member::Method(_))
            )
        })
    }

    /// dart:core's `identical`, whose calls are constant (dartrs does not fold them yet).
    pub(super) fn is_identical(&self, f: FunctionId) -> bool {
        let function = &self.program.functions[f.index()];
        function.name.as_str() == "identical" && self.is_core(function.library)
    }

    /// `E(v)` with an extension type's primary constructor: the constant `v` (a
    /// representation value; other constructors are not constant here).
    fn eval_extension_type_new(
        &mut self,
        e: usize,
        name: Option<ast::Ident>,
        args: &ast::Arguments,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<ConstId> {
        let key = match name {
            Some(n) if n.name.as_str() != "new" => n.name,
            _ => Symbol::intern(""),
        };
        let info = self.extensions.get(e)?.ext_type.as_ref()?;
        if !info.decl.is_const {
            return None;
        }
        let primary = info.primary;
        match args.args.as_slice() {
            [arg] if arg.name.is_none() && key == primary => self.eval(&arg.value, ctx, env, d),
            _ => None,
        }
    }

    fn eval_new(
        &mut self,
        (class, span): (ClassId, Span),
        name: Option<ast::Ident>,
        args: &ast::Arguments,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<ConstId> {
        let key = name.map(|n| n.name).unwrap_or_else(|| Symbol::intern(""));
        let key = if key.as_str() == "new" {
            Symbol::intern("")
        } else {
            key
        };
        if let Some(v) = self.eval_from_environment(class, key, args, ctx, env, d) {
            return v;
        }
        let Some(ctor) = self.classes[class.index()].ctors.get(&key).copied() else {
            return match self.classes[class.index()].statics.get(&key) {
                Some(Member::Method(_)) => self.not_constant(span, static_invocation(key)),
                _ => None,
            };
        };
        if self.is_non_const_ctor(class, ctor) {
            let problem =
                "Cannot invoke a non-'const' constructor where a const expression is expected.";
            return self.not_constant(span, problem);
        }
        let mut pos = Vec::new();
        let mut named = Vec::new();
        for a in &args.args {
            let v = self.eval(&a.value, ctx, env, d)?;
            match a.name {
                Some(n) => named.push((n.name, v)),
                None => pos.push(v),
            }
        }
        // A const redirecting factory makes an instance of the class it redirects to.
        let (class, ctor) = self.redirect_target(class, ctor, d)?;
        let fields = self.eval_ctor(class, ctor, &pos, &named, d)?;
        Some(self.instance_constant(class, fields))
    }

    /// Is `ctor` (of a class outside the platform libraries, whose constructors may
    /// differ from the SDK's) certainly not `const`: declared without `const`, or the
    /// implicit default constructor?
    pub(super) fn is_non_const_ctor(&self, class: ClassId, ctor: FunctionId) -> bool {
        if self.is_core(self.classes[class.index()].lib) {
            return false;
        }
        match self.ctor_decls.get(&ctor) {
            Some(&(decl, _)) => !decl.is_const,
            None => {
                !self.forwarding_ctors.contains_key(&ctor)
                    && !self.program.classes[class.index()].is_enum
            }
        }
    }

    /// The class and constructor a chain of const redirecting factories ends at.
    fn redirect_target(
        &mut self,
        class: ClassId,
        ctor: FunctionId,
        d: u32,
    ) -> Option<(ClassId, FunctionId)> {
        if d > MAX_DEPTH {
            return None;
        }
        let Some(&(decl, _)) = self.ctor_decls.get(&ctor) else {
            return Some((class, ctor));
        };
        let Some(target) = &decl.redirect else {
            return Some((class, ctor));
        };
        let ctx = MemberContext {
            lib: self.classes[class.index()].lib,
            lexical_class: Some(class),
            this_class: Some(class),
            mixin_index: None,
            extension: None,
            is_static: false,
        };
        let tctx = self.type_context(&ctx, &[]);
        let DartType::Interface { class: tc, .. } = self.resolve_type(&target.ty, &tctx) else {
            return None;
        };
        let key = target
            .name
            .map(|n| n.name)
            .unwrap_or_else(|| Symbol::intern(""));
        let tctor = self.classes[tc.index()].ctors.get(&key).copied()?;
        self.redirect_target(tc, tctor, d + 1)
    }

    /// `bool/int/String.fromEnvironment(name, defaultValue: v)` and `bool.hasEnvironment`.
    /// dartrs takes no `-D` definitions, so the environment is empty: the value is the
    /// default (`false`, `0`, `""` when none is given) and `hasEnvironment` is `false`.
    /// `None` when the call is not one of these; `Some(None)` when an argument is not constant.
    fn eval_from_environment(
        &mut self,
        class: ClassId,
        key: Symbol,
        args: &ast::Arguments,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<Option<ConstId>> {
        let class_name = ["bool", "int", "String"]
            .into_iter()
            .find(|n| self.core_class(n) == Some(class))?;
        let has = match key.as_str() {
            "fromEnvironment" => false,
            "hasEnvironment" if class_name == "bool" => true,
            _ => return None,
        };
        let mut default = None;
        for a in &args.args {
            let Some(v) = self.eval(&a.value, ctx, env, d) else {
                return Some(None);
            };
            if a.name.is_some_and(|n| n.name.as_str() == "defaultValue") {
                default = Some(v);
            }
        }
        let value = match (has, default) {
            (true, _) => Constant::Bool(false),
            (false, Some(v)) => return Some(Some(v)),
            (false, None) => match class_name {
                "bool" => Constant::Bool(false),
                "int" => Constant::Int(0),
                _ => Constant::String(String::new()),
            },
        };
        Some(Some(self.intern_const(value)))
    }

    fn instance_constant(
        &mut self,
        class: ClassId,
        mut fields: Vec<(FieldId, ConstId)>,
    ) -> ConstId {
        fields.sort_by_key(|(f, _)| *f);
        self.intern_const(Constant::Instance { class, fields })
    }

    /// Runs const constructor `ctor` of `class` at compile time: its fields' values.
    fn eval_ctor(
        &mut self,
        class: ClassId,
        ctor: FunctionId,
        pos: &[ConstId],
        named: &[(Symbol, ConstId)],
        d: u32,
    ) -> Option<Vec<(FieldId, ConstId)>> {
        if d > MAX_DEPTH {
            return None;
        }
        if let Some(target) = self.forwarding_ctors.get(&ctor).copied() {
            // A mixin application's constructor: its mixed-in fields, then the
            // superclass constructor with the same arguments.
            let sup = self.program.classes[class.index()].superclass?;
            let mut fields = self.eval_field_initializers(class, d)?;
            fields.extend(self.eval_ctor(sup, target, pos, named, d + 1)?);
            return Some(fields);
        }
        let Some(&(decl, _)) = self.ctor_decls.get(&ctor) else {
            // The implicit constructor of a class without fields initialisers is const-able.
            return self.eval_implicit_ctor(class, d);
        };
        if !decl.is_const {
            return None;
        }
        let ctx = MemberContext {
            lib: self.classes[class.index()].lib,
            lexical_class: Some(class),
            this_class: Some(class),
            mixin_index: None,
            extension: None,
            is_static: false,
        };
        if let Some(target) = &decl.redirect {
            let tctx = self.type_context(&ctx, &[]);
            let DartType::Interface { class: tc, .. } = self.resolve_type(&target.ty, &tctx) else {
                return None;
            };
            let key = target
                .name
                .map(|n| n.name)
                .unwrap_or_else(|| Symbol::intern(""));
            let tctor = self.classes[tc.index()].ctors.get(&key).copied()?;
            return self.eval_ctor(tc, tctor, pos, named, d + 1);
        }
        let env = self.bind_params(decl, pos, named, &ctx, d)?;
        let mut fields = self.eval_field_initializers(class, d)?;
        let mut super_pos = Vec::new();
        let mut super_named = Vec::new();
        for p in &decl.params.params {
            let v = *env.params.get(&p.name.name)?;
            match p.form {
                ast::ParameterForm::This => fields.push((self.field_named(class, p.name.name)?, v)),
                ast::ParameterForm::Super => match p.kind {
                    ast::ParameterKind::Named { .. } => super_named.push((p.name.name, v)),
                    _ => super_pos.push(v),
                },
                ast::ParameterForm::Normal => {}
            }
        }
        let mut super_done = false;
        for init in &decl.initializers {
            match init {
                ast::Initializer::Field { name, value, .. } => {
                    let v = self.eval(value, &ctx, &env, d + 1)?;
                    fields.push((self.field_named(class, name.name)?, v));
                }
                ast::Initializer::Super { name, args, .. } => {
                    super_done = true;
                    for a in &args.args {
                        let v = self.eval(&a.value, &ctx, &env, d + 1)?;
                        match a.name {
                            Some(n) => super_named.push((n.name, v)),
                            None => super_pos.push(v),
                        }
                    }
                    fields.extend(self.eval_super(class, *name, &super_pos, &super_named, d)?);
                }
                ast::Initializer::Redirect { name, args, .. } => {
                    let key = name.map(|n| n.name).unwrap_or_else(|| Symbol::intern(""));
                    let target = self.classes[class.index()].ctors.get(&key).copied()?;
                    let mut rp = Vec::new();
                    let mut rn = Vec::new();
                    for a in &args.args {
                        let v = self.eval(&a.value, &ctx, &env, d + 1)?;
                        match a.name {
                            Some(n) => rn.push((n.name, v)),
                            None => rp.push(v),
                        }
                    }
                    return self.eval_ctor(class, target, &rp, &rn, d + 1);
                }
                ast::Initializer::Assert { .. } => {}
            }
        }
        if !super_done {
            fields.extend(self.eval_super(class, None, &super_pos, &super_named, d)?);
        }
        Some(fields)
    }

    fn eval_implicit_ctor(&mut self, class: ClassId, d: u32) -> Option<Vec<(FieldId, ConstId)>> {
        let mut fields = self.eval_field_initializers(class, d)?;
        fields.extend(self.eval_super(class, None, &[], &[], d)?);
        Some(fields)
    }

    /// The super constructor's fields (nothing for `Object`; enums set `Enum`'s fields
    /// themselves).
    fn eval_super(
        &mut self,
        class: ClassId,
        name: Option<ast::Ident>,
        pos: &[ConstId],
        named: &[(Symbol, ConstId)],
        d: u32,
    ) -> Option<Vec<(FieldId, ConstId)>> {
        let Some(sup) = self.program.classes[class.index()].superclass else {
            return Some(Vec::new());
        };
        if Some(sup) == self.program.core.object
            || Some(sup) == self.core_class("Enum") && self.program.classes[class.index()].is_enum
        {
            return Some(Vec::new());
        }
        let key = name.map(|n| n.name).unwrap_or_else(|| Symbol::intern(""));
        let ctor = self.classes[sup.index()].ctors.get(&key).copied()?;
        self.eval_ctor(sup, ctor, pos, named, d + 1)
    }

    /// Values of the class's own fields that have initialiser expressions.
    fn eval_field_initializers(
        &mut self,
        class: ClassId,
        d: u32,
    ) -> Option<Vec<(FieldId, ConstId)>> {
        let mut fields = Vec::new();
        for f in self.program.classes[class.index()].instance_fields.clone() {
            let Some(&(_, var, fctx)) = self.instance_field_decls.get(&f) else {
                continue;
            };
            if let Some(init) = &var.init {
                fields.push((f, self.eval(init, &fctx, &ConstEnv::default(), d + 1)?));
            }
        }
        Some(fields)
    }

    fn bind_params(
        &mut self,
        decl: &ast::ConstructorDecl,
        pos: &[ConstId],
        named: &[(Symbol, ConstId)],
        ctx: &MemberContext,
        d: u32,
    ) -> Option<ConstEnv> {
        let mut env = ConstEnv::default();
        let mut i = 0;
        for p in &decl.params.params {
            let given = match p.kind {
                ast::ParameterKind::Named { .. } => named
                    .iter()
                    .find(|(n, _)| *n == p.name.name)
                    .map(|(_, v)| *v),
                _ => {
                    i += 1;
                    pos.get(i - 1).copied()
                }
            };
            let value = match (given, &p.default_value) {
                (Some(v), _) => v,
                (None, Some(default)) => self.eval(default, ctx, &ConstEnv::default(), d + 1)?,
                (None, None) => self.intern_const(Constant::Null),
            };
            env.params.insert(p.name.name, value);
        }
        Some(env)
    }

    fn field_named(&self, class: ClassId, name: Symbol) -> Option<FieldId> {
        match self.classes[class.index()].instance.get(&name) {
            Some(Member::Field(f)) => Some(*f),
            _ => None,
        }
    }

    fn eval_enum_value(&mut self, class: ClassId, index: usize, span: Span) -> Option<ConstId> {
        let super::ClassSource::Enum(e) = self.classes[class.index()].source else {
            return None;
        };
        let value = e.values.get(index)?;
        let enum_class = self.core_class("Enum")?;
        let index_field = self.field_named(enum_class, Symbol::intern("index"))?;
        let name_field = self.field_named(enum_class, Symbol::intern("_name"))?;
        let i = self.intern_const(Constant::Int(index as i64));
        let n = self.intern_const(Constant::String(value.name.name.to_string()));
        let mut fields = vec![(index_field, i), (name_field, n)];
        let has_ctors = !self.classes[class.index()].ctors.is_empty();
        if has_ctors {
            let key = value
                .constructor
                .map(|n| n.name)
                .unwrap_or_else(|| Symbol::intern(""));
            let ctor = self.classes[class.index()].ctors.get(&key).copied()?;
            let ctx = MemberContext {
                lib: self.classes[class.index()].lib,
                lexical_class: Some(class),
                this_class: Some(class),
                mixin_index: None,
                extension: None,
                is_static: true,
            };
            let mut pos = Vec::new();
            let mut named = Vec::new();
            if let Some(args) = &value.args {
                for a in &args.args {
                    let v = self.eval(&a.value, &ctx, &ConstEnv::default(), 1)?;
                    match a.name {
                        Some(n) => named.push((n.name, v)),
                        None => pos.push(v),
                    }
                }
            }
            fields.extend(self.eval_ctor(class, ctor, &pos, &named, 1)?);
        } else {
            fields.extend(self.eval_field_initializers(class, 1)?);
        }
        let _ = span;
        Some(self.instance_constant(class, fields))
    }

    fn eval_enum_list(&mut self, class: ClassId, span: Span) -> Option<ConstId> {
        let mut fields: Vec<(FieldId, usize)> = self
            .enum_values
            .iter()
            .filter(|(_, (c, _))| *c == class)
            .map(|(f, (_, i))| (*f, *i))
            .collect();
        fields.sort_by_key(|(_, i)| *i);
        let mut elements = Vec::new();
        for (f, _) in fields {
            elements.push(self.eval_const_field(f, span)?);
        }
        let element_type = self.this_type(class);
        Some(self.intern_const(Constant::List {
            element_type,
            elements,
        }))
    }

    fn eval_binary(
        &mut self,
        (op, span): (BinaryOp, Span),
        left: &ast::Expr,
        right: &ast::Expr,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<ConstId> {
        let l = self.eval(left, ctx, env, d)?;
        match (op, &self.program.constants[l.index()]) {
            (BinaryOp::And, Constant::Bool(false)) | (BinaryOp::Or, Constant::Bool(true)) => {
                return self.short_circuited((op, span), l, right, ctx, env, d)
            }
            (BinaryOp::IfNull, Constant::Null) => return self.eval(right, ctx, env, d),
            (BinaryOp::IfNull, _) => return Some(l),
            _ => {}
        }
        let r = self.eval(right, ctx, env, d)?;
        let lc = self.program.constants[l.index()].clone();
        let rc = self.program.constants[r.index()].clone();
        let v = match op {
            BinaryOp::Eq => Constant::Bool(l == r || const_eq(&lc, &rc)),
            BinaryOp::NotEq => Constant::Bool(!(l == r || const_eq(&lc, &rc))),
            _ => match eval_binary_values(op, &lc, &rc) {
                Some(v) => v,
                None => {
                    let error = const_checks::binary_error(&self.program, op, &lc, &rc)?;
                    return self.evaluation_failed(span, error);
                }
            },
        };
        Some(self.intern_const(v))
    }
}

impl Resolver<'_> {
    /// `false && e`, `true || e`: the value is `left`, but `e` must still be a `bool`
    /// when it is a constant (what it fails on is not an error: it is not evaluated).
    fn short_circuited(
        &mut self,
        (op, span): (BinaryOp, Span),
        left: ConstId,
        right: &ast::Expr,
        ctx: &MemberContext,
        env: &ConstEnv,
        d: u32,
    ) -> Option<ConstId> {
        let saved = (self.const_error.take(), self.const_error_context.take());
        let r = self.eval(right, ctx, env, d);
        (self.const_error, self.const_error_context) = saved;
        let Some(r) = r else {
            return Some(left);
        };
        let lc = self.program.constants[left.index()].clone();
        let rc = self.program.constants[r.index()].clone();
        match const_checks::binary_error(&self.program, op, &lc, &rc) {
            Some(error) => self.evaluation_failed(span, error),
            None => Some(left),
        }
    }
}

pub(super) fn static_invocation(name: Symbol) -> String {
    format!("The invocation of '{name}' is not allowed in a constant expression.")
}

fn const_eq(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Int(x), Constant::Double(y)) | (Constant::Double(y), Constant::Int(x)) => {
            (*x as f64) == *y
        }
        (Constant::Double(x), Constant::Double(y)) => x == y,
        _ => a == b,
    }
}

/// Parses an integer literal (decimal or `0x` hex); hex literals may use all 64 bits.
/// The double an integer literal denotes in a `double` context, when one has exactly its
/// value (decimal literals of any length, hexadecimal ones of up to 128 bits).
pub(super) fn exact_double_of_int_literal(text: &str) -> Option<f64> {
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        let v = u128::from_str_radix(hex, 16).ok()?;
        let d = v as f64;
        return (d.is_finite() && d as u128 == v).then_some(d);
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Correctly rounded; exact when printing it back gives the same digits.
    let d: f64 = text.parse().ok()?;
    let digits = text.trim_start_matches('0');
    let back = format!("{d:.0}");
    let back = back.trim_start_matches('0');
    (d.is_finite() && back == digits).then_some(d)
}

pub(super) fn parse_int(text: &str) -> Option<i64> {
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return u64::from_str_radix(hex, 16).ok().map(|v| v as i64);
    }
    text.parse::<i64>().ok()
}

fn eval_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    Some(match (op, v) {
        (UnaryOp::Neg, Constant::Int(i)) => Constant::Int(i.wrapping_neg()),
        (UnaryOp::Neg, Constant::Double(x)) => Constant::Double(-x),
        (UnaryOp::Not, Constant::Bool(b)) => Constant::Bool(!b),
        (UnaryOp::BitNot, Constant::Int(i)) => Constant::Int(!i),
        _ => return None,
    })
}

fn num(c: &Constant) -> Option<f64> {
    match c {
        Constant::Int(i) => Some(*i as f64),
        Constant::Double(d) => Some(*d),
        _ => None,
    }
}

fn eval_binary_values(op: BinaryOp, l: &Constant, r: &Constant) -> Option<Constant> {
    use BinaryOp::*;
    if let (Constant::Int(a), Constant::Int(b)) = (l, r) {
        let (a, b) = (*a, *b);
        return Some(match op {
            Add => Constant::Int(a.wrapping_add(b)),
            Sub => Constant::Int(a.wrapping_sub(b)),
            Mul => Constant::Int(a.wrapping_mul(b)),
            Div => Constant::Double(a as f64 / b as f64),
            IntDiv if b != 0 => Constant::Int(a.wrapping_div(b)),
            Mod if b != 0 => Constant::Int(a.rem_euclid(b)),
            BitAnd => Constant::Int(a & b),
            BitOr => Constant::Int(a | b),
            BitXor => Constant::Int(a ^ b),
            Shl if (0..64).contains(&b) => Constant::Int(a.wrapping_shl(b as u32)),
            Shr if b >= 0 => Constant::Int(a >> b.min(63)),
            UShr if b >= 0 => Constant::Int(if b >= 64 { 0 } else { ((a as u64) >> b) as i64 }),
            Lt => Constant::Bool(a < b),
            Gt => Constant::Bool(a > b),
            LtEq => Constant::Bool(a <= b),
            GtEq => Constant::Bool(a >= b),
            _ => return None,
        });
    }
    if let (Some(a), Some(b)) = (num(l), num(r)) {
        return Some(match op {
            Add => Constant::Double(a + b),
            Sub => Constant::Double(a - b),
            Mul => Constant::Double(a * b),
            Div => Constant::Double(a / b),
            Mod => Constant::Double(a.rem_euclid(b)),
            Lt => Constant::Bool(a < b),
            Gt => Constant::Bool(a > b),
            LtEq => Constant::Bool(a <= b),
            GtEq => Constant::Bool(a >= b),
            _ => return None,
        });
    }
    match (op, l, r) {
        (Add, Constant::String(a), Constant::String(b)) => {
            Some(Constant::String(format!("{a}{b}")))
        }
        (And, Constant::Bool(a), Constant::Bool(b)) => Some(Constant::Bool(*a && *b)),
        (Or, Constant::Bool(a), Constant::Bool(b)) => Some(Constant::Bool(*a || *b)),
        _ => None,
    }
}

/// `toString()` of a primitive constant, as Dart prints it.
pub(super) fn primitive_to_string(c: &Constant) -> Option<String> {
    Some(match c {
        Constant::Null => "null".to_string(),
        Constant::Bool(b) => b.to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Double(d) => dart_double_to_string(*d),
        Constant::String(s) => s.clone(),
        _ => return None,
    })
}

/// Dart's `double.toString()`: shortest round-trip digits, `.0` for integral values,
/// exponent form outside `[1e-6, 1e21)`.
pub(crate) fn dart_double_to_string(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let a = v.abs();
    if !(1e-6..1e21).contains(&a) {
        let s = format!("{v:e}");
        return match s.split_once('e') {
            Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
            _ => s,
        };
    }
    let s = format!("{v}");
    if s.contains('.') {
        s
    } else {
        format!("{s}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_print_like_dart() {
        assert_eq!(dart_double_to_string(1.0), "1.0");
        assert_eq!(dart_double_to_string(0.1), "0.1");
        assert_eq!(dart_double_to_string(1e21), "1e+21");
        assert_eq!(dart_double_to_string(1.5e-7), "1.5e-7");
        assert_eq!(dart_double_to_string(-0.0), "-0.0");
        assert_eq!(dart_double_to_string(123456.789), "123456.789");
    }

    #[test]
    fn int_literals_parse() {
        assert_eq!(parse_int("42"), Some(42));
        assert_eq!(parse_int("0xFFFFFFFFFFFFFFFF"), Some(-1));
        assert_eq!(parse_int("9223372036854775808"), None);
    }
}
