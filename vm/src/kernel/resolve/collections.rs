//! Lowering collection literals: `const` literals become constants; plain list and map
//! literals become `ListLiteral`/`MapLiteral`; literals with `if`, `for`, spreads or
//! null-aware elements become a temporary collection filled by statements (`add`,
//! `addAll`, `[]=`). Set literals build the core `Set` class.

use super::body::Lower;
use super::check::FlowTarget;
use super::messages;
use crate::front::ast::{self, CollectionElement as El};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, DartType, ExprKind, LocalId, StmtKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum SinkKind {
    List,
    Set,
    Map,
}

/// The collection being filled: its kind and the types its elements are coerced to, and
/// the static types of what the elements add (`seen[0]`: elements or keys, `seen[1]`:
/// values), from which a literal without type arguments infers its own.
#[derive(Clone)]
struct Sink {
    kind: SinkKind,
    element: DartType,
    key: DartType,
    value: DartType,
    seen: std::cell::RefCell<[Vec<DartType>; 2]>,
    /// The element types were written (`<int>[...]`): elements are checked against
    /// them statically.
    explicit: bool,
    /// Whether the literal is a list, set or map is known (type arguments, elements or
    /// context decided it), not guessed: only then is a spread of the wrong kind an error.
    kind_known: bool,
}

impl Sink {
    fn new(kind: SinkKind, args: &[DartType]) -> Sink {
        let arg = |i: usize| args.get(i).cloned().unwrap_or(DartType::Dynamic);
        Sink {
            kind,
            element: arg(0),
            key: arg(0),
            value: arg(1),
            seen: Default::default(),
            explicit: false,
            kind_known: true,
        }
    }

    fn saw(&self, slot: usize, ty: DartType) {
        self.seen.borrow_mut()[slot].push(ty);
    }
}

fn stmt(kind: StmtKind, span: Span) -> ir::Stmt {
    ir::Stmt { kind, span }
}

fn has_control_flow(elements: &[El]) -> bool {
    elements.iter().any(|e| {
        !matches!(
            e,
            El::Expr(_)
                | El::MapEntry {
                    null_aware_key: false,
                    null_aware_value: false,
                    ..
                }
        )
    })
}

/// Does the literal's element list make `{...}` a set (`Some(true)`), a map
/// (`Some(false)`), or say nothing (empty/spreads only)?
pub(super) fn set_or_map(elements: &[El]) -> Option<bool> {
    for e in elements {
        let found = match e {
            El::Expr(_) | El::NullAwareExpr(_) => Some(true),
            El::MapEntry { .. } => Some(false),
            El::Spread { .. } => None,
            El::If {
                then, otherwise, ..
            } => set_or_map(std::slice::from_ref(then)).or_else(|| {
                otherwise
                    .as_ref()
                    .and_then(|o| set_or_map(std::slice::from_ref(o)))
            }),
            El::For { body, .. } | El::ForIn { body, .. } => set_or_map(std::slice::from_ref(body)),
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

impl<'r, 'a> Lower<'r, 'a> {
    /// The element type of a literal without type arguments: the least upper bound of the
    /// elements' types (`int` and `double` give `num`), `dynamic` when there are none.
    fn infer_element<'t>(&self, mut types: impl Iterator<Item = &'t DartType>) -> DartType {
        let Some(first) = types.next() else {
            return DartType::Dynamic;
        };
        let mut t = first.clone();
        for other in types {
            t = self.r.join(&t, other);
        }
        match t {
            DartType::Null | DartType::Never => DartType::Dynamic,
            t => t,
        }
    }

    /// For a set literal (lowered as `Set()` plus `add`s): the element type its elements'
    /// obvious types (literals, constructor calls) give, `dynamic` otherwise.
    fn obvious_element_type(&mut self, elements: &'a [El]) -> DartType {
        let tctx = self.tctx();
        let mut types = Vec::new();
        for e in elements {
            let El::Expr(x) = e else {
                return DartType::Dynamic;
            };
            match self.r.obvious_type(x, &tctx) {
                DartType::Dynamic => return DartType::Dynamic,
                t => types.push(t),
            }
        }
        self.infer_element(types.iter())
    }

    pub fn lower_list(
        &mut self,
        whole: &'a ast::Expr,
        is_const: bool,
        type_arg: Option<&'a ast::TypeAnnotation>,
        elements: &'a [El],
        span: Span,
        context: Option<DartType>,
    ) -> ir::Expr {
        if is_const {
            let c = self.eval_const(whole, context.as_ref());
            if let Some(c) = c {
                return self.const_expr(c, span);
            }
            self.r.report_const_error();
        }
        let list_class = self.r.core_class("List");
        let declared = match type_arg {
            Some(t) => Some(self.resolve_type(t)),
            None => self
                .context_args(context.as_ref(), &["List", "Iterable"], 1)
                .map(|mut a| a.remove(0)),
        };
        if !has_control_flow(elements) {
            let values: Vec<ir::Expr> = elements
                .iter()
                .filter_map(|e| match e {
                    El::Expr(x) => Some(match &declared {
                        Some(t) => {
                            let v = self.lower_expr_in(x, t);
                            if type_arg.is_some() {
                                self.check_assignable(&v, t, FlowTarget::Variable);
                            }
                            v
                        }
                        None => self.lower_expr(x),
                    }),
                    _ => None,
                })
                .collect();
            let element_type =
                declared.unwrap_or_else(|| self.infer_element(values.iter().map(|v| &v.ty)));
            let values = values
                .into_iter()
                .map(|v| self.coerce(v, &element_type))
                .collect();
            let ty = self.collection_type(list_class, vec![element_type.clone()]);
            let type_args = self.open_type_args(std::slice::from_ref(&element_type), span);
            return self.expr(
                ExprKind::ListLiteral {
                    type_args,
                    element_type,
                    elements: values,
                },
                span,
                ty,
            );
        }
        let inferred = declared.is_none();
        let element_type = declared.unwrap_or(DartType::Dynamic);
        let ty = self.collection_type(list_class, vec![element_type.clone()]);
        let mut sink = Sink::new(SinkKind::List, std::slice::from_ref(&element_type));
        sink.explicit = type_arg.is_some();
        let type_args = self.open_type_args(std::slice::from_ref(&element_type), span);
        let empty = self.expr(
            ExprKind::ListLiteral {
                type_args,
                element_type,
                elements: Vec::new(),
            },
            span,
            ty,
        );
        let (filled, sink) = self.fill(empty, sink, elements, span);
        if !inferred {
            return filled;
        }
        let seen = sink.seen.into_inner();
        let element = self.infer_element(seen[0].iter());
        self.retype_filled(filled, list_class, vec![element])
    }

    /// Gives a literal with `if`/`for`/spread elements, filled as `dynamic`, the type its
    /// elements inferred (`[for (x in ints) x]` is a `List<int>`, as in Dart): the empty
    /// literal's type arguments, and the static types of the temporary and the result.
    fn retype_filled(
        &mut self,
        mut filled: ir::Expr,
        class: Option<ir::ClassId>,
        args: Vec<DartType>,
    ) -> ir::Expr {
        if args.iter().all(|a| *a == DartType::Dynamic) {
            return filled;
        }
        let ty = self.collection_type(class, args.clone());
        let ExprKind::Let { value, .. } = &mut filled.kind else {
            return filled;
        };
        let span = value.span;
        let new_type_args = self.open_type_args(&args, span);
        match &mut value.kind {
            ExprKind::ListLiteral {
                type_args,
                element_type,
                ..
            } => {
                *type_args = new_type_args;
                *element_type = args[0].clone();
            }
            ExprKind::MapLiteral {
                type_args,
                key_type,
                value_type,
                ..
            } => {
                *type_args = new_type_args;
                *key_type = args[0].clone();
                *value_type = args[1].clone();
            }
            _ => return filled,
        }
        value.ty = ty.clone();
        self.retype_let(&mut filled, ty);
        filled
    }

    /// Gives `let t = <collection> in { ...; t }` (what `fill` makes) the static type `ty`:
    /// the temporary, the block's result and the whole.
    fn retype_let(&mut self, filled: &mut ir::Expr, ty: DartType) {
        let ExprKind::Let { local, body, .. } = &mut filled.kind else {
            return;
        };
        self.frame().locals[local.index()].ty = ty.clone();
        if let ExprKind::Block { value: result, .. } = &mut body.kind {
            result.ty = ty.clone();
        }
        body.ty = ty.clone();
        filled.ty = ty;
    }

    pub fn lower_set_or_map(
        &mut self,
        whole: &'a ast::Expr,
        is_const: bool,
        type_args: &'a [ast::TypeAnnotation],
        elements: &'a [El],
        span: Span,
        context: Option<DartType>,
    ) -> ir::Expr {
        if type_args.len() > 2 {
            self.r
                .error(span, messages::set_or_map_too_many_type_arguments());
            return self.null(span);
        }
        let context_args = context
            .as_ref()
            .and_then(|c| self.r.collection_context_args(c));
        let is_set = match type_args.len() {
            1 => true,
            2 => false,
            _ => set_or_map(elements).unwrap_or_else(|| {
                context_args.as_ref().map(|a| a.len() == 1) == Some(true)
                    || self.spreads_iterables(elements)
            }),
        };
        if is_const {
            let c = self.eval_const(whole, context.as_ref());
            if let Some(c) = c {
                return self.const_expr(c, span);
            }
            if self.r.const_error.is_some() {
                self.r.report_const_error();
            } else {
                self.r.unsupported(span, "this constant collection literal");
            }
            return self.null(span);
        }
        let mut args: Vec<DartType> = type_args.iter().map(|t| self.resolve_type(t)).collect();
        if args.is_empty() && context_args.is_none() && self.check_ambiguous_spreads(elements, span)
        {
            return self.null(span);
        }
        if args.is_empty() {
            let from_context = if is_set {
                self.context_args(context.as_ref(), &["Set", "Iterable"], 1)
            } else {
                self.context_args(context.as_ref(), &["Map"], 2)
            };
            args = from_context.unwrap_or_default();
        }
        let explicit = !type_args.is_empty();
        let kind_known = explicit || set_or_map(elements).is_some() || context_args.is_some();
        if is_set {
            return self.lower_set(args, elements, span, (explicit, kind_known));
        }
        self.lower_map(args, elements, span, (explicit, kind_known))
    }

    /// For `{...a}`: is the first spread's static type visibly an `Iterable` (a set
    /// literal) rather than a `Map`? Looks only at locals, fields and literals.
    fn spreads_iterables(&mut self, elements: &'a [El]) -> bool {
        let Some(El::Spread { expr, .. }) = elements.first() else {
            return false;
        };
        let ty = match &expr.kind {
            ast::ExprKind::Ident(id) => self.peek_local_type(id.name),
            ast::ExprKind::List { .. } => return true,
            ast::ExprKind::SetOrMap {
                type_args,
                elements,
                ..
            } => return type_args.len() == 1 || set_or_map(elements) == Some(true),
            _ => None,
        };
        let (Some(DartType::Interface { class, .. }), Some(iterable)) =
            (ty, self.r.core_class("Iterable"))
        else {
            return false;
        };
        self.r.class_is_subclass(class, iterable)
    }

    /// A local's declared type, without capturing it.
    pub(super) fn peek_local_type(&self, name: Symbol) -> Option<DartType> {
        self.frames.iter().rev().find_map(|f| {
            f.scopes
                .iter()
                .rev()
                .find_map(|s| s.names.get(&name))
                .map(|id| f.locals[id.index()].ty.clone())
        })
    }

    /// The type arguments of the context type when it is one of the core classes
    /// `names` with `n` arguments, not all `dynamic`.
    fn context_args(
        &self,
        context: Option<&DartType>,
        names: &[&str],
        n: usize,
    ) -> Option<Vec<DartType>> {
        let DartType::Interface { class, args, .. } = context? else {
            return None;
        };
        let known = names
            .iter()
            .any(|name| self.r.core_class(name) == Some(*class));
        if !known || args.len() != n || args.iter().all(|a| *a == DartType::Dynamic) {
            return None;
        }
        Some(args.clone())
    }

    fn collection_type(&self, class: Option<ir::ClassId>, args: Vec<DartType>) -> DartType {
        match class {
            Some(c) => self.r.interface_type(c, args, false),
            None => DartType::Dynamic,
        }
    }

    fn lower_map(
        &mut self,
        args: Vec<DartType>,
        elements: &'a [El],
        span: Span,
        (explicit, kind_known): (bool, bool),
    ) -> ir::Expr {
        let map_class = self.r.core_class("Map");
        if !has_control_flow(elements) {
            let mut entries = Vec::new();
            for e in elements {
                if let El::MapEntry { key, value, .. } = e {
                    let (k, v) = match args.as_slice() {
                        [kt, vt] => (self.lower_expr_in(key, kt), self.lower_expr_in(value, vt)),
                        _ => (self.lower_expr(key), self.lower_expr(value)),
                    };
                    if let ([kt, vt], true) = (args.as_slice(), explicit) {
                        self.check_assignable(&k, kt, FlowTarget::Variable);
                        self.check_assignable(&v, vt, FlowTarget::Variable);
                    }
                    entries.push((k, v));
                }
            }
            let (key_type, value_type) = match args.as_slice() {
                [k, v] => (k.clone(), v.clone()),
                _ => (
                    self.infer_element(entries.iter().map(|e| &e.0.ty)),
                    self.infer_element(entries.iter().map(|e| &e.1.ty)),
                ),
            };
            let entries = entries
                .into_iter()
                .map(|(k, v)| (self.coerce(k, &key_type), self.coerce(v, &value_type)))
                .collect();
            let ty = self.collection_type(map_class, vec![key_type.clone(), value_type.clone()]);
            let type_args = self.open_type_args(&[key_type.clone(), value_type.clone()], span);
            return self.expr(
                ExprKind::MapLiteral {
                    type_args,
                    key_type,
                    value_type,
                    entries,
                },
                span,
                ty,
            );
        }
        let inferred = args.len() != 2;
        let (key_type, value_type) = match args.as_slice() {
            [k, v] => (k.clone(), v.clone()),
            _ => (DartType::Dynamic, DartType::Dynamic),
        };
        let ty = self.collection_type(map_class, vec![key_type.clone(), value_type.clone()]);
        let mut sink = Sink::new(SinkKind::Map, &[key_type.clone(), value_type.clone()]);
        sink.explicit = explicit;
        sink.kind_known = kind_known;
        let type_args = self.open_type_args(&[key_type.clone(), value_type.clone()], span);
        let empty = self.expr(
            ExprKind::MapLiteral {
                type_args,
                key_type,
                value_type,
                entries: Vec::new(),
            },
            span,
            ty,
        );
        let (filled, sink) = self.fill(empty, sink, elements, span);
        if !inferred {
            return filled;
        }
        let seen = sink.seen.into_inner();
        let key = self.infer_element(seen[0].iter());
        let value = self.infer_element(seen[1].iter());
        self.retype_filled(filled, map_class, vec![key, value])
    }

    fn lower_set(
        &mut self,
        args: Vec<DartType>,
        elements: &'a [El],
        span: Span,
        (explicit, kind_known): (bool, bool),
    ) -> ir::Expr {
        let Some(set_class) = self.r.core_class("Set") else {
            return self.null(span);
        };
        let element = match args.into_iter().next() {
            Some(t) => t,
            None => self.obvious_element_type(elements),
        };
        let inferred = element == DartType::Dynamic;
        let mut sink = Sink::new(SinkKind::Set, std::slice::from_ref(&element));
        sink.explicit = explicit;
        sink.kind_known = kind_known;
        let empty = self.empty_set(set_class, element, span);
        let (mut filled, sink) = self.fill(empty, sink, elements, span);
        let element = self.infer_element(sink.seen.into_inner()[0].iter());
        if !inferred || element == DartType::Dynamic {
            return filled;
        }
        // Constructing an empty set has no effects: build it again with the element type.
        let ty = self
            .r
            .interface_type(set_class, vec![element.clone()], false);
        let rebuilt = self.empty_set(set_class, element, span);
        if let ExprKind::Let { value, .. } = &mut filled.kind {
            **value = rebuilt;
        }
        self.retype_let(&mut filled, ty);
        filled
    }

    /// `Set<element>()`.
    fn empty_set(&mut self, set_class: ir::ClassId, element: DartType, span: Span) -> ir::Expr {
        let ty = self.r.interface_type(set_class, vec![element], false);
        let call = super::calls::CtorCall {
            class: set_class,
            name: None,
            ty,
            span,
            at: span,
        };
        let empty = self.construct(call, ir::Args::default(), None);
        empty.unwrap_or_else(|| self.null(span))
    }

    /// `let t = empty in { elements...; t }`.
    fn fill(
        &mut self,
        empty: ir::Expr,
        sink: Sink,
        elements: &'a [El],
        span: Span,
    ) -> (ir::Expr, Sink) {
        let filled = self.let_in(empty, |l, t| {
            let stmts = elements
                .iter()
                .map(|e| l.lower_element(e, &sink, t))
                .collect();
            let value = l.local_get(t, span);
            let ty = value.ty.clone();
            l.expr(
                ExprKind::Block {
                    stmts,
                    value: Box::new(value),
                },
                span,
                ty,
            )
        });
        (filled, sink)
    }

    fn sink_call(
        &mut self,
        t: LocalId,
        selector: &str,
        args: Vec<ir::Expr>,
        span: Span,
    ) -> ir::Stmt {
        let recv = self.local_get(t, span);
        let call = self.expr(
            ExprKind::InstanceCall {
                receiver: Box::new(recv),
                selector: Symbol::intern(selector),
                args: ir::Args {
                    type_args: None,
                    positional: args,
                    named: Vec::new(),
                },
            },
            span,
            DartType::Dynamic,
        );
        stmt(StmtKind::Expr(call), span)
    }

    /// `if (v != null) stmt(v)` with `v` evaluated once.
    fn if_not_null(
        &mut self,
        value: ir::Expr,
        span: Span,
        then: impl FnOnce(&mut Self, ir::Expr) -> ir::Stmt,
    ) -> ir::Stmt {
        let t = self.temp(value.ty.clone(), span);
        let decl = stmt(
            StmtKind::VarDecl {
                local: t,
                init: Some(value),
            },
            span,
        );
        let get = self.local_get(t, span);
        let test = self.is_null(get);
        let bool_ty = self.r.core_type("bool");
        let not_null = self.expr(ExprKind::Not(Box::new(test)), span, bool_ty);
        let get = self.local_get(t, span);
        let body = then(self, get);
        let check = stmt(
            StmtKind::If {
                condition: not_null,
                then: Box::new(body),
                otherwise: None,
            },
            span,
        );
        stmt(StmtKind::Block(vec![decl, check]), span)
    }

    fn lower_element(&mut self, el: &'a El, sink: &Sink, t: LocalId) -> ir::Stmt {
        match el {
            El::Expr(e) => {
                let v = self.lower_expr_in(e, &sink.element);
                if sink.explicit {
                    self.check_assignable(&v, &sink.element, FlowTarget::Variable);
                }
                sink.saw(0, v.ty.clone());
                if sink.kind == SinkKind::Map {
                    self.r.error(e.span, "Expected ':'.");
                }
                self.sink_call(t, "add", vec![v], e.span)
            }
            El::NullAwareExpr(e) => {
                let v = self.lower_expr_in(e, &super::types::make_nullable(sink.element.clone()));
                sink.saw(0, super::types::make_non_nullable(v.ty.clone()));
                self.if_not_null(v, e.span, |l, v| l.sink_call(t, "add", vec![v], e.span))
            }
            El::MapEntry {
                key,
                value,
                null_aware_key,
                null_aware_value,
            } => self.lower_map_entry(key, value, (*null_aware_key, *null_aware_value), sink, t),
            El::Spread { null_aware, expr } => {
                let v = self.lower_expr(expr);
                let into_map = sink.kind == SinkKind::Map;
                self.check_spread(&v, *null_aware, into_map, sink.kind_known, expr.span);
                if sink.explicit {
                    let targets = match sink.kind {
                        SinkKind::Map => vec![sink.key.clone(), sink.value.clone()],
                        SinkKind::List | SinkKind::Set => vec![sink.element.clone()],
                    };
                    self.check_spread_elements(&v, &targets, expr.span);
                }
                self.saw_spread(sink, &v.ty);
                if *null_aware {
                    self.if_not_null(v, expr.span, |l, v| {
                        l.sink_call(t, "addAll", vec![v], expr.span)
                    })
                } else {
                    self.sink_call(t, "addAll", vec![v], expr.span)
                }
            }
            El::If {
                condition,
                case,
                then,
                otherwise,
            } => {
                let (c, decls, then, after_then, when_false) = match case {
                    Some(head) => {
                        let value = self.lower_expr(condition);
                        let ty = value.ty.clone();
                        let subject = self.temp(ty.clone(), condition.span);
                        self.push_scope();
                        self.begin_pattern_cache();
                        let before = self.flow_state().clone();
                        self.promote_case_subject(condition, &[head]);
                        let test = self.case_condition(head, subject, &ty);
                        let when_false = match &head.guard {
                            Some(g) => {
                                let (when_true, when_false) = self.condition_outcomes(g);
                                self.set_flow_state(when_true);
                                super::promotion::FlowState::join(&before, &when_false)
                            }
                            None => before.clone(),
                        };
                        let mut decls = vec![stmt(
                            StmtKind::VarDecl {
                                local: subject,
                                init: Some(value),
                            },
                            condition.span,
                        )];
                        decls.extend(self.take_pattern_decls(condition.span));
                        decls.extend(self.end_pattern_cache(condition.span));
                        let then = Box::new(self.lower_element(then, sink, t));
                        self.pop_scope();
                        let after_then = self.take_flow_state();
                        (test, decls, then, after_then, when_false)
                    }
                    None => {
                        let c = self.lower_condition(condition);
                        let (when_true, when_false) = self.condition_outcomes(condition);
                        self.set_flow_state(when_true);
                        self.push_scope();
                        let then = Box::new(self.lower_element(then, sink, t));
                        self.pop_scope();
                        let after_then = self.take_flow_state();
                        (c, Vec::new(), then, after_then, when_false)
                    }
                };
                self.set_flow_state(when_false);
                let otherwise = otherwise.as_ref().map(|o| {
                    self.push_scope();
                    let s = self.lower_element(o, sink, t);
                    self.pop_scope();
                    Box::new(s)
                });
                let after = super::promotion::FlowState::join(&after_then, self.flow_state());
                self.set_flow_state(after);
                let check = stmt(
                    StmtKind::If {
                        condition: c,
                        then,
                        otherwise,
                    },
                    condition.span,
                );
                if decls.is_empty() {
                    return check;
                }
                let mut all = decls;
                all.push(check);
                stmt(StmtKind::Block(all), condition.span)
            }
            El::For {
                init,
                condition,
                updates,
                body,
            } => {
                let span = body_span(body);
                let mut repeated: Vec<&ast::Expr> = updates.iter().collect();
                repeated.extend(condition.as_ref());
                let writes = super::flow::assigned_names_in_elements(&[body], &repeated);
                self.lower_for(
                    super::lower_stmt::LoopHead {
                        labels: Vec::new(),
                        writes,
                    },
                    init.as_ref(),
                    condition.as_ref(),
                    updates,
                    span,
                    &mut |l| l.lower_element(body, sink, t),
                )
            }
            El::ForIn {
                is_await,
                binding,
                iterable,
                body,
            } => {
                let writes = super::flow::assigned_names_in_elements(&[body], &[]);
                if *is_await {
                    self.await_check(iterable.span);
                    let span = iterable.span;
                    let head = super::lower_stmt::LoopHead {
                        labels: Vec::new(),
                        writes,
                    };
                    return self.lower_await_for(head, binding, iterable, span, &mut |l| {
                        l.lower_element(body, sink, t)
                    });
                }
                let head = super::lower_stmt::LoopHead {
                    labels: Vec::new(),
                    writes,
                };
                self.lower_for_in(head, binding, iterable, iterable.span, &mut |l| {
                    l.lower_element(body, sink, t)
                })
            }
        }
    }

    /// What a spread adds: the element type of an `Iterable` (key and value types of a
    /// `Map`), `dynamic` when the static type does not say.
    fn saw_spread(&self, sink: &Sink, ty: &DartType) {
        let ty = super::types::make_non_nullable(ty.clone());
        let (class, slots) = match sink.kind {
            SinkKind::Map => ("Map", 2),
            SinkKind::List | SinkKind::Set => ("Iterable", 1),
        };
        let args = self
            .r
            .core_class(class)
            .and_then(|c| self.r.supertype_args(&ty, c))
            .filter(|a| a.len() == slots);
        for slot in 0..slots {
            let t = args.as_ref().map_or(DartType::Dynamic, |a| a[slot].clone());
            sink.saw(slot, t);
        }
    }

    fn lower_map_entry(
        &mut self,
        key: &'a ast::Expr,
        value: &'a ast::Expr,
        (null_key, null_value): (bool, bool),
        sink: &Sink,
        t: LocalId,
    ) -> ir::Stmt {
        let span = key.span.to(value.span);
        let k = self.lower_expr_in(key, &sink.key);
        let v = self.lower_expr_in(value, &sink.value);
        if sink.explicit {
            if !null_key {
                self.check_assignable(&k, &sink.key, FlowTarget::Variable);
            }
            if !null_value {
                self.check_assignable(&v, &sink.value, FlowTarget::Variable);
            }
        }
        let non_null = |t: &DartType, null_aware| match null_aware {
            true => super::types::make_non_nullable(t.clone()),
            false => t.clone(),
        };
        sink.saw(0, non_null(&k.ty, null_key));
        sink.saw(1, non_null(&v.ty, null_value));
        match (null_key, null_value) {
            (false, false) => self.sink_call(t, "[]=", vec![k, v], span),
            (true, false) => {
                self.if_not_null(k, span, |l, k| l.sink_call(t, "[]=", vec![k, v], span))
            }
            (false, true) => {
                let kt = self.temp(k.ty.clone(), span);
                let decl = stmt(
                    StmtKind::VarDecl {
                        local: kt,
                        init: Some(k),
                    },
                    span,
                );
                let put = self.if_not_null(v, span, |l, v| {
                    let k = l.local_get(kt, span);
                    l.sink_call(t, "[]=", vec![k, v], span)
                });
                stmt(StmtKind::Block(vec![decl, put]), span)
            }
            (true, true) => self.if_not_null(k, span, |l, k| {
                l.if_not_null(v, span, |l, v| l.sink_call(t, "[]=", vec![k, v], span))
            }),
        }
    }
}

fn body_span(el: &El) -> Span {
    match el {
        El::Expr(e) | El::NullAwareExpr(e) => e.span,
        El::MapEntry { key, .. } => key.span,
        El::Spread { expr, .. } => expr.span,
        El::If { condition, .. } => condition.span,
        El::For { body, .. } => body_span(body),
        El::ForIn { iterable, .. } => iterable.span,
    }
}
