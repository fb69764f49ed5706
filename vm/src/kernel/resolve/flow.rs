//! A conservative stand-in for Dart's flow analysis. dartrs does not track type promotion,
//! so any local whose type promotion could change (it is null-tested, `is`-tested, cast
//! with `as`, `!`ed,
//! or it is nullable and assigned) is given the static type `dynamic`: no false "isn't
//! defined"/"potentially null" errors, and no unsound type facts for the compilers.
//! Also a generic syntax-tree walk used by other pre-passes.

use crate::front::ast::{self, BinaryOp, CollectionElement, ExprKind, ForInit, StmtKind};
use crate::front::intern::Symbol;
use crate::kernel::ir::DartType;
use std::collections::HashSet;

#[derive(Default, Debug)]
pub(crate) struct FlowFacts {
    /// Names that appear in a null test, `is` test, `!`, or pattern.
    pub tested: HashSet<Symbol>,
    /// Names assigned (other than by their declaration).
    pub assigned: HashSet<Symbol>,
    /// Names whose type a test could promote to a proper subtype of the non-null
    /// declared type (`is`, `as`, switch subjects, if-case): a subset of `tested`.
    pub type_tested: HashSet<Symbol>,
    /// Names assigned inside a function literal, local function or `late` initialiser:
    /// flow analysis does not follow their promotions.
    pub closure_assigned: HashSet<Symbol>,
}

impl FlowFacts {
    pub fn of_function(f: &ast::FunctionDecl) -> Self {
        let mut facts = FlowFacts::default();
        facts.scan_body(&f.body);
        facts
    }

    pub fn of_constructor(c: &ast::ConstructorDecl) -> Self {
        let mut facts = FlowFacts::default();
        facts.scan_body(&c.body);
        for init in &c.initializers {
            match init {
                ast::Initializer::Field { value, .. } => facts.scan_expr(value),
                ast::Initializer::Super { args, .. } | ast::Initializer::Redirect { args, .. } => {
                    for a in &args.args {
                        facts.scan_expr(&a.value);
                    }
                }
                ast::Initializer::Assert {
                    condition, message, ..
                } => {
                    facts.scan_expr(condition);
                    if let Some(m) = message {
                        facts.scan_expr(m);
                    }
                }
            }
        }
        facts
    }

    pub fn of_expr(e: &ast::Expr) -> Self {
        let mut facts = FlowFacts::default();
        facts.scan_expr(e);
        facts
    }

    /// Should a local named `name` of declared type `ty` be read as `dynamic`?
    /// Extension-typed locals keep their type: as `dynamic` they would lose their
    /// (statically dispatched) members.
    pub fn is_flow_sensitive(&self, name: Symbol, ty: &DartType) -> bool {
        if matches!(ty, DartType::Dynamic | DartType::Extension { .. }) {
            return false;
        }
        self.tested.contains(&name) || (ty.is_nullable() && self.assigned.contains(&name))
    }

    /// Could a property `name` be promoted here? Dart promotes private final fields
    /// (`if (_x != null) _x.foo()`); this stand-in reads any private property with a
    /// tested name as `dynamic`.
    pub fn may_promote_field(&self, name: Symbol) -> bool {
        name.as_str().starts_with('_') && self.tested.contains(&name)
    }

    fn scan_body(&mut self, body: &ast::FunctionBody) {
        match body {
            ast::FunctionBody::Block(b, _) => walk_stmts(&b.stmts, self),
            ast::FunctionBody::Expr(e, _) => self.scan_expr(e),
            ast::FunctionBody::Empty => {}
        }
    }

    fn scan_expr(&mut self, e: &ast::Expr) {
        walk_expr(e, self);
    }

    /// Notes the names assigned in `body`, run later or elsewhere (a closure's body).
    fn note_deferred_body(&mut self, body: &ast::FunctionBody) {
        let mut inner = FlowFacts::default();
        inner.scan_body(body);
        self.closure_assigned.extend(inner.assigned);
    }

    fn note_stmt(&mut self, s: &ast::Stmt) {
        match &s.kind {
            StmtKind::LocalFunction(f) => self.note_deferred_body(&f.body),
            StmtKind::ForIn {
                binding: ast::ForInBinding::Target(t),
                ..
            } => {
                if let Some(n) = ident_of(t) {
                    self.assigned.insert(n);
                }
            }
            StmtKind::Variables(v) if v.is_late => {
                for d in &v.vars {
                    if let Some(init) = &d.init {
                        let mut inner = FlowFacts::default();
                        inner.scan_expr(init);
                        self.closure_assigned.extend(inner.assigned);
                    }
                }
            }
            _ => {}
        }
        if let StmtKind::If {
            condition,
            case: Some(_),
            ..
        } = &s.kind
        {
            if let Some(n) = tested_name_of(condition) {
                self.tested.insert(n);
                self.type_tested.insert(n);
            }
        }
    }

    fn note(&mut self, e: &ast::Expr) {
        match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::Eq | BinaryOp::NotEq,
                left,
                right,
            } => {
                for (a, b) in [(left, right), (right, left)] {
                    if matches!(b.kind, ExprKind::Null) {
                        if let Some(n) = tested_name_of(a) {
                            self.tested.insert(n);
                        }
                    }
                }
            }
            // `x as T;` promotes `x` too.
            ExprKind::Is { expr, .. }
            | ExprKind::As { expr, .. }
            | ExprKind::Switch { subject: expr, .. } => {
                if let Some(n) = tested_name_of(expr) {
                    self.tested.insert(n);
                    self.type_tested.insert(n);
                }
            }
            ExprKind::NullCheck(expr) => {
                if let Some(n) = tested_name_of(expr) {
                    self.tested.insert(n);
                }
            }
            ExprKind::Assign { target, .. }
            | ExprKind::Prefix { target, .. }
            | ExprKind::Postfix { target, .. } => {
                if let Some(n) = ident_of(target) {
                    self.assigned.insert(n);
                }
            }
            ExprKind::PatternAssign { pattern, .. } => self.note_pattern_assign(pattern),
            ExprKind::Function { body, .. } => self.note_deferred_body(body),
            _ => {}
        }
    }

    /// The variables a pattern assignment (`(a, b) = ...`) assigns.
    fn note_pattern_assign(&mut self, p: &ast::Pattern) {
        use ast::PatternKind as P;
        match &p.kind {
            P::Assign(name) => {
                self.assigned.insert(name.name);
            }
            P::Or(a, b) | P::And(a, b) => {
                self.note_pattern_assign(a);
                self.note_pattern_assign(b);
            }
            P::Cast { pattern, .. }
            | P::NullCheck(pattern)
            | P::NullAssert(pattern)
            | P::Paren(pattern) => self.note_pattern_assign(pattern),
            P::List { elements, .. } => {
                for e in elements {
                    if let ast::ListPatternElement::Pattern(p)
                    | ast::ListPatternElement::Rest(Some(p), _) = e
                    {
                        self.note_pattern_assign(p);
                    }
                }
            }
            P::Map { entries, .. } => {
                for e in entries {
                    if let ast::MapPatternEntry::Entry { value, .. } = e {
                        self.note_pattern_assign(value);
                    }
                }
            }
            P::Record { fields } | P::Object { fields, .. } => {
                for f in fields {
                    self.note_pattern_assign(&f.pattern);
                }
            }
            _ => {}
        }
    }
}

/// The names a statement or expression assigns (a loop's body, condition and updates:
/// what the loop's head must not keep promoted).
pub(crate) fn assigned_names(stmts: &[&ast::Stmt], exprs: &[&ast::Expr]) -> HashSet<Symbol> {
    let mut facts = FlowFacts::default();
    for s in stmts {
        walk_stmt(s, &mut facts);
    }
    for e in exprs {
        facts.scan_expr(e);
    }
    facts.assigned
}

/// The names assigned in a block.
pub(crate) fn assigned_in_block(b: &ast::Block) -> HashSet<Symbol> {
    let mut facts = FlowFacts::default();
    walk_stmts(&b.stmts, &mut facts);
    facts.assigned
}

/// The names assigned in collection elements and expressions (the recurrent part of a
/// collection `for`: its body, condition and updates).
pub(crate) fn assigned_names_in_elements(
    elements: &[&CollectionElement],
    exprs: &[&ast::Expr],
) -> HashSet<Symbol> {
    let mut facts = FlowFacts::default();
    for el in elements {
        walk_element(el, &mut facts);
    }
    for e in exprs {
        facts.scan_expr(e);
    }
    facts.assigned
}

/// The name of a plain identifier expression (through parentheses).
/// What a test (`== null`, `is`, `as`, `!`, a switch subject) can promote: a local, or a
/// private property read through any receiver (`_x`, `this._x`, `c._x`), which Dart
/// promotes when it is a final field.
fn tested_name_of(e: &ast::Expr) -> Option<Symbol> {
    match &e.kind {
        ExprKind::PropertyGet { name, .. } if name.name.as_str().starts_with('_') => {
            Some(name.name)
        }
        ExprKind::Paren(inner) => tested_name_of(inner),
        _ => ident_of(e),
    }
}

fn ident_of(e: &ast::Expr) -> Option<Symbol> {
    match &e.kind {
        ExprKind::Ident(i) => Some(i.name),
        ExprKind::Paren(inner) => ident_of(inner),
        ExprKind::This => None,
        _ => None,
    }
}

/// What a syntax-tree walk calls for every expression and statement it reaches.
pub(crate) trait Visitor {
    fn expr(&mut self, e: &ast::Expr);
    fn stmt(&mut self, _s: &ast::Stmt) {}
}

impl Visitor for FlowFacts {
    fn expr(&mut self, e: &ast::Expr) {
        self.note(e);
    }
    fn stmt(&mut self, s: &ast::Stmt) {
        self.note_stmt(s);
    }
}

pub(crate) fn walk_stmts(stmts: &[ast::Stmt], v: &mut dyn Visitor) {
    for s in stmts {
        walk_stmt(s, v);
    }
}

pub(crate) fn walk_stmt(s: &ast::Stmt, v: &mut dyn Visitor) {
    v.stmt(s);
    match &s.kind {
        StmtKind::Block(b) => walk_stmts(&b.stmts, v),
        StmtKind::Expr(e) => walk_expr(e, v),
        StmtKind::Variables(d) => walk_vars(d, v),
        StmtKind::PatternVariables { init, .. } => walk_expr(init, v),
        StmtKind::LocalFunction(f) => walk_body(&f.body, v),
        StmtKind::If {
            condition,
            case,
            then,
            otherwise,
        } => {
            walk_expr(condition, v);
            if let Some(CaseHeadRef { guard: Some(g), .. }) = case.as_ref().map(case_ref) {
                walk_expr(g, v);
            }
            walk_stmt(then, v);
            if let Some(o) = otherwise {
                walk_stmt(o, v);
            }
        }
        StmtKind::For {
            init,
            condition,
            updates,
            body,
        } => {
            walk_for_init(init.as_ref(), v);
            if let Some(c) = condition {
                walk_expr(c, v);
            }
            for u in updates {
                walk_expr(u, v);
            }
            walk_stmt(body, v);
        }
        StmtKind::ForIn {
            binding,
            iterable,
            body,
            ..
        } => {
            if let ast::ForInBinding::Target(t) = binding {
                walk_expr(t, v);
            }
            walk_expr(iterable, v);
            walk_stmt(body, v);
        }
        StmtKind::While { condition, body } | StmtKind::DoWhile { body, condition } => {
            walk_expr(condition, v);
            walk_stmt(body, v);
        }
        StmtKind::Switch { subject, cases } => {
            walk_expr(subject, v);
            for c in cases {
                for h in &c.heads {
                    if let Some(g) = &h.guard {
                        walk_expr(g, v);
                    }
                }
                walk_stmts(&c.body, v);
            }
        }
        StmtKind::Return(Some(e)) | StmtKind::Yield { value: e, .. } => walk_expr(e, v),
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            walk_stmts(&body.stmts, v);
            for c in catches {
                walk_stmts(&c.body.stmts, v);
            }
            if let Some(f) = finally {
                walk_stmts(&f.stmts, v);
            }
        }
        StmtKind::Assert { condition, message } => {
            walk_expr(condition, v);
            if let Some(m) = message {
                walk_expr(m, v);
            }
        }
        StmtKind::Labeled { body, .. } => walk_stmt(body, v),
        StmtKind::Return(None)
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Rethrow
        | StmtKind::Empty => {}
    }
}

struct CaseHeadRef<'c> {
    guard: Option<&'c ast::Expr>,
}

fn case_ref(c: &ast::CaseHead) -> CaseHeadRef<'_> {
    CaseHeadRef {
        guard: c.guard.as_ref(),
    }
}

fn walk_vars(decl: &ast::VariableDecl, v: &mut dyn Visitor) {
    for d in &decl.vars {
        if let Some(init) = &d.init {
            walk_expr(init, v);
        }
    }
}

fn walk_for_init(init: Option<&ForInit>, v: &mut dyn Visitor) {
    match init {
        Some(ForInit::Variables(d)) => walk_vars(d, v),
        Some(ForInit::Pattern { init, .. }) => walk_expr(init, v),
        Some(ForInit::Exprs(es)) => {
            for e in es {
                walk_expr(e, v);
            }
        }
        None => {}
    }
}

fn walk_body(body: &ast::FunctionBody, v: &mut dyn Visitor) {
    match body {
        ast::FunctionBody::Block(b, _) => walk_stmts(&b.stmts, v),
        ast::FunctionBody::Expr(e, _) => walk_expr(e, v),
        ast::FunctionBody::Empty => {}
    }
}

fn walk_args(args: &ast::Arguments, v: &mut dyn Visitor) {
    for a in &args.args {
        walk_expr(&a.value, v);
    }
}

pub(crate) fn walk_expr(e: &ast::Expr, v: &mut dyn Visitor) {
    walk_expr_at(e, v, 0);
}

/// Walks below this depth are cut off (lowering reports such nesting).
const MAX_WALK_DEPTH: u32 = 10_000;

fn walk_expr_at(e: &ast::Expr, v: &mut dyn Visitor, depth: u32) {
    if depth > MAX_WALK_DEPTH {
        return;
    }
    let d = depth + 1;
    v.expr(e);
    match &e.kind {
        ExprKind::String(parts) => {
            for p in parts {
                if let ast::StringPart::Interpolation(x) = p {
                    walk_expr_at(x, v, d);
                }
            }
        }
        ExprKind::List { elements, .. } | ExprKind::SetOrMap { elements, .. } => {
            for el in elements {
                walk_element(el, v);
            }
        }
        ExprKind::Record { fields, .. } => {
            for f in fields {
                walk_expr_at(&f.value, v, d);
            }
        }
        ExprKind::Function { body, .. } => walk_body(body, v),
        ExprKind::Paren(x)
        | ExprKind::NullCheck(x)
        | ExprKind::Throw(x)
        | ExprKind::Await(x)
        | ExprKind::Unary { operand: x, .. }
        | ExprKind::Prefix { target: x, .. }
        | ExprKind::Postfix { target: x, .. }
        | ExprKind::Is { expr: x, .. }
        | ExprKind::As { expr: x, .. }
        | ExprKind::Instantiation { expr: x, .. }
        | ExprKind::PropertyGet { target: x, .. } => walk_expr_at(x, v, d),
        ExprKind::MethodCall { target, args, .. } => {
            if let Some(t) = target {
                walk_expr_at(t, v, d);
            }
            walk_args(args, v);
        }
        ExprKind::Call { callee, args, .. } => {
            walk_expr_at(callee, v, d);
            walk_args(args, v);
        }
        ExprKind::New { args, .. } => walk_args(args, v),
        ExprKind::Index { target, index, .. } => {
            walk_expr_at(target, v, d);
            walk_expr_at(index, v, d);
        }
        ExprKind::Assign { target, value, .. } => {
            walk_expr_at(target, v, d);
            walk_expr_at(value, v, d);
        }
        ExprKind::PatternAssign { value, .. } => walk_expr_at(value, v, d),
        ExprKind::Binary { left, right, .. } => {
            walk_expr_at(left, v, d);
            walk_expr_at(right, v, d);
        }
        ExprKind::Conditional {
            condition,
            then,
            otherwise,
        } => {
            walk_expr_at(condition, v, d);
            walk_expr_at(then, v, d);
            walk_expr_at(otherwise, v, d);
        }
        ExprKind::Cascade {
            target, sections, ..
        } => {
            walk_expr_at(target, v, d);
            for s in sections {
                walk_expr_at(s, v, d);
            }
        }
        ExprKind::Switch { subject, cases } => {
            walk_expr_at(subject, v, d);
            for c in cases {
                if let Some(g) = &c.head.guard {
                    walk_expr_at(g, v, d);
                }
                walk_expr_at(&c.body, v, d);
            }
        }
        ExprKind::Null
        | ExprKind::Bool(_)
        | ExprKind::Int(_)
        | ExprKind::Double(_)
        | ExprKind::Symbol(_)
        | ExprKind::Ident(_)
        | ExprKind::This
        | ExprKind::Super
        | ExprKind::CascadeReceiver
        | ExprKind::TypeLiteral(_)
        | ExprKind::Error => {}
    }
}

fn walk_element(el: &CollectionElement, v: &mut dyn Visitor) {
    match el {
        CollectionElement::Expr(e) | CollectionElement::NullAwareExpr(e) => walk_expr(e, v),
        CollectionElement::MapEntry { key, value, .. } => {
            walk_expr(key, v);
            walk_expr(value, v);
        }
        CollectionElement::Spread { expr, .. } => walk_expr(expr, v),
        CollectionElement::If {
            condition,
            then,
            otherwise,
            ..
        } => {
            walk_expr(condition, v);
            walk_element(then, v);
            if let Some(o) = otherwise {
                walk_element(o, v);
            }
        }
        CollectionElement::For {
            init,
            condition,
            updates,
            body,
        } => {
            walk_for_init(init.as_ref(), v);
            if let Some(c) = condition {
                walk_expr(c, v);
            }
            for u in updates {
                walk_expr(u, v);
            }
            walk_element(body, v);
        }
        CollectionElement::ForIn { iterable, body, .. } => {
            walk_expr(iterable, v);
            walk_element(body, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front::source::Span;

    fn ident(name: &str) -> ast::Expr {
        ast::Expr {
            kind: ExprKind::Ident(ast::Ident {
                name: Symbol::intern(name),
                span: Span::default(),
            }),
            span: Span::default(),
        }
    }

    fn null_test(name: &str) -> ast::Expr {
        ast::Expr {
            kind: ExprKind::Binary {
                op: BinaryOp::NotEq,
                left: Box::new(ident(name)),
                right: Box::new(ast::Expr {
                    kind: ExprKind::Null,
                    span: Span::default(),
                }),
            },
            span: Span::default(),
        }
    }

    #[test]
    fn null_tested_locals_are_flow_sensitive() {
        let facts = FlowFacts::of_expr(&null_test("x"));
        let nullable_int = DartType::Null;
        assert!(facts.is_flow_sensitive(Symbol::intern("x"), &nullable_int));
        assert!(!facts.is_flow_sensitive(Symbol::intern("y"), &nullable_int));
        // `dynamic` locals never need it.
        assert!(!facts.is_flow_sensitive(Symbol::intern("x"), &DartType::Dynamic));
    }
}
