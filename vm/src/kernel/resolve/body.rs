//! Lowering of one member body: the per-function frame (locals, lexical scopes, labels,
//! captures), the entry points for each kind of body (functions, constructors, field
//! initialisers, synthesised members), and the helpers every lowering file shares
//! (temporaries, constants, typed expression construction).

use super::flow::FlowFacts;
use super::promotion::{ConditionStates, FlowKey, FlowState};
use super::{messages, BodySource, MemberContext, Resolver};
use crate::front::ast::{self, AsyncKind};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, Capture, ConstId, DartType, FunctionId, LabelId, LocalId};
use std::collections::{HashMap, HashSet};

/// One lexical block's names.
#[derive(Default)]
pub(super) struct Scope {
    pub names: HashMap<Symbol, LocalId>,
    /// Names declared later in this block: using them before is an error.
    pub pending: HashSet<Symbol>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum LabelKind {
    Loop,
    Switch,
    Block,
}

pub(super) struct LabelEntry {
    pub names: Vec<Symbol>,
    pub id: LabelId,
    pub kind: LabelKind,
    /// For the label of a switch case (`L: case 1:`): what `continue L` does, store the
    /// case body's index in the local and continue the switch's dispatch loop.
    pub case_target: Option<CaseTarget>,
    /// Flow states at the `break`s and `continue`s that target this label.
    pub breaks: Vec<FlowState>,
    pub continues: Vec<FlowState>,
}

/// Where `continue L` goes for a switch-case label `L`.
#[derive(Clone, Copy)]
pub(super) struct CaseTarget {
    pub dispatch: LabelId,
    pub selected: LocalId,
    pub body: u32,
}

/// What a closure captures, keyed by where it comes from in the enclosing frame.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(super) enum CaptureKey {
    Local(LocalId),
    Outer(u32),
    This,
}

/// The function being lowered (the member itself, or a closure nested in it).
pub(super) struct Frame {
    pub fid: FunctionId,
    pub locals: Vec<ir::Local>,
    pub scopes: Vec<Scope>,
    pub captures: Vec<Capture>,
    pub capture_map: HashMap<CaptureKey, u32>,
    pub labels: Vec<LabelEntry>,
    pub next_label: u32,
    pub async_kind: AsyncKind,
    pub type_params: Vec<Symbol>,
    /// Those of `type_params` bounded by `Never` (directly or through another one): a
    /// value of such a type, like one of type `Never`, cannot exist.
    pub never_bounded: Vec<Symbol>,
    pub return_type: DartType,
    /// Temporaries holding the receivers of the cascades being lowered.
    pub cascades: Vec<(LocalId, DartType)>,
    pub catch_depth: u32,
    /// Locals whose static type flow analysis could change: read as `dynamic`.
    pub flow_sensitive: HashSet<LocalId>,
    /// Flow-sensitive locals flow analysis does not follow (assigned in a closure):
    /// read as `dynamic` everywhere.
    pub untracked: HashSet<LocalId>,
    /// Locals declared without an initialiser whose definite assignment is checked
    /// (not those a closure assigns).
    pub needs_assignment: HashSet<LocalId>,
    /// The flow state at the point being lowered (see `promotion`).
    pub flow: FlowState,
    /// Locals whose static type is certain (written, or inferred from a value whose type
    /// is): the static check (`check`) trusts only these.
    pub certain_locals: HashSet<LocalId>,
    /// Property assignments on a receiver of certain type (by the temporary holding the
    /// receiver): the declared type of the field or setter parameter.
    pub certain_property_targets: HashMap<LocalId, DartType>,
    /// `const` locals' values.
    pub const_locals: HashMap<LocalId, ConstId>,
    /// Generic functions: the hidden local holding the type-argument vector and the
    /// names it binds (see `reified`).
    pub type_args: Option<(LocalId, Vec<Symbol>)>,
    /// Function literals: the return type their context expects (the context of an
    /// expression body when no return type is written).
    pub return_context: Option<DartType>,
    /// Generative extension type constructors: `return;` returns `this` (the
    /// representation bound so far).
    pub returns_this: bool,
}

impl Frame {
    pub fn new(fid: FunctionId, async_kind: AsyncKind, return_type: DartType) -> Self {
        Frame {
            fid,
            locals: Vec::new(),
            scopes: vec![Scope::default()],
            captures: Vec::new(),
            capture_map: HashMap::new(),
            labels: Vec::new(),
            next_label: 0,
            async_kind,
            type_params: Vec::new(),
            never_bounded: Vec::new(),
            // `return e` in an async function completes the future with `e` (a value or a
            // future), so it is not checked against the declared `Future<T>`.
            return_type: match async_kind {
                AsyncKind::Sync => return_type,
                _ => DartType::Dynamic,
            },
            cascades: Vec::new(),
            catch_depth: 0,
            flow_sensitive: HashSet::new(),
            untracked: HashSet::new(),
            needs_assignment: HashSet::new(),
            flow: FlowState::default(),
            certain_locals: HashSet::new(),
            certain_property_targets: HashMap::new(),
            const_locals: HashMap::new(),
            type_args: None,
            return_context: None,
            returns_this: false,
        }
    }
}

/// The lowering state of one member body and the closures nested in it.
pub(super) struct Lower<'r, 'a> {
    pub r: &'r mut Resolver<'a>,
    pub ctx: MemberContext,
    pub frames: Vec<Frame>,
    pub flow: FlowFacts,
    /// Labels written on the statement being lowered (`outer: for ...`).
    pub pending_labels: Vec<Symbol>,
    /// Null-aware receivers of the selector chains being lowered, innermost chain last:
    /// `a?.b.c` binds `a` to a temporary and short-circuits the whole chain on null.
    pub guards: Vec<Vec<(LocalId, ir::Expr)>>,
    /// The type the next lowered expression flows into (for collection literals'
    /// element types), taken by `lower_expr`.
    pub context_type: Option<DartType>,
    /// Current expression nesting, bounded by `MAX_NESTING`.
    pub depth: u32,
    pub nesting_reported: bool,
    /// While lowering the second branch of `p1 || p2` (or a further case head sharing a
    /// body): pattern variables reuse the locals the first one declared.
    pub reuse_pattern_variables: bool,
    /// While matching the pattern of a pattern assignment: the assignments to make once
    /// the whole pattern has matched (a failed match assigns nothing).
    pub deferred_pattern_assigns: Option<Vec<ir::Stmt>>,
    /// Pattern variables declared since the last `take_pattern_decls`.
    pub pattern_locals: Vec<LocalId>,
    /// Variables of the declaration pattern being lowered are `final`.
    pub pattern_vars_final: bool,
    /// Lowering a second or later case head sharing a body with earlier ones.
    pub shared_case_heads: bool,
    /// What lowering learnt about the patterns lowered so far (for exhaustiveness).
    pub pattern_facts: super::exhaustiveness::PatternFacts,
    /// Invocation-key scopes of the matching constructs being lowered, innermost last.
    pub pattern_caches: Vec<super::pattern_cache::PatternCache>,
    /// Parameter types for the function literal about to be lowered (from the
    /// signature of the call it is an argument of).
    pub closure_hint: Option<Vec<DartType>>,
    /// Explicit type arguments of the calls being lowered, keyed by the address of their
    /// argument list (see `reified::note_call_type_args`).
    pub call_type_args: HashMap<usize, &'a [ast::TypeAnnotation]>,
    /// The outcomes of the condition just lowered (see `promotion`).
    pub condition_states: Option<ConditionStates>,
    /// Types tested for each tracked local (`is T`, `as T`): an assignment of a value
    /// of such a type promotes to it.
    pub types_of_interest: HashMap<FlowKey, Vec<DartType>>,
    /// The context type of the constructor call being lowered (`Box<int> b = Box(1)`
    /// gives `Box` its type arguments), taken before its arguments are lowered.
    pub ctor_context: Option<DartType>,
    /// The context type of the `??` expression being lowered: its operands take it.
    pub if_null_context: Option<DartType>,
    /// The context type of the `?:` expression being lowered: both branches take it.
    pub conditional_context: Option<DartType>,
    /// The function type a function literal being lowered flows into: its untyped
    /// parameters and its expression body take their types from it.
    pub closure_context: Option<DartType>,
}

/// Expressions nested deeper than this are reported instead of lowered (the recursion
/// would otherwise risk the stack).
pub(super) const MAX_NESTING: u32 = 10_000;

impl<'a> Resolver<'a> {
    /// Phase 6: lowers every body (the job list grows while lowering: closures add none,
    /// but constant evaluation may declare nothing new either, so one pass suffices).
    pub(super) fn lower_all_bodies(&mut self) {
        // Source order, so diagnostics come out in the order the Dart front end gives.
        let functions = &self.program.functions;
        self.jobs.sort_by_key(|(f, _)| {
            let func = &functions[f.index()];
            (func.library, func.span.file, func.span.start)
        });
        // Jobs added while lowering (tear-offs, ...) exist because user code needs them:
        // they are lowered even in the core library.
        let declared = self.jobs.len();
        let reused = self.reused_bodies();
        let mut i = 0;
        while i < self.jobs.len() {
            let (fid, job) = self.jobs[i];
            let skip = i < declared
                && (self.opts.skip_core_bodies
                    && crate::kernel::reload::is_core_function(&self.program, fid)
                    || reused.contains(&fid));
            if !skip {
                self.lower_job(fid, job);
            }
            i += 1;
        }
    }

    /// The declared functions a hot reload keeps from the running program
    /// (`LoadOptions::reuse_bodies`).
    fn reused_bodies(&self) -> rustc_hash::FxHashSet<FunctionId> {
        let Some(reuse) = &self.opts.reuse_bodies else {
            return Default::default();
        };
        let declared = self.jobs.iter().filter_map(|(f, job)| match job {
            BodySource::Function { decl, .. } => Some((*f, *decl)),
            _ => None,
        });
        reuse.select(&self.program, self.sources, declared)
    }

    fn lower_job(&mut self, fid: FunctionId, job: BodySource<'a>) {
        match job {
            BodySource::Function { decl, ctx } => {
                let mut l = Lower::new(self, ctx, FlowFacts::of_function(decl));
                l.lower_member_function(fid, decl);
            }
            BodySource::Constructor { decl, ctx } => {
                let flow = FlowFacts::of_constructor(decl);
                let mut l = Lower::new(self, ctx, flow);
                l.lower_constructor(fid, decl);
            }
            BodySource::ForwardingConstructor { ctx, target } => {
                let mut l = Lower::new(self, ctx, FlowFacts::default());
                l.lower_forwarding_constructor(fid, target);
            }
            BodySource::DefaultConstructor { ctx } => {
                let mut l = Lower::new(self, ctx, FlowFacts::default());
                l.lower_default_constructor(fid);
            }
            BodySource::FieldInit { expr, field, ctx } => {
                let flow = FlowFacts::of_expr(expr);
                let mut l = Lower::new(self, ctx, flow);
                l.lower_field_initializer(fid, expr, field);
            }
            BodySource::EnumToString { class } => self.lower_enum_to_string(fid, class),
            BodySource::LateFieldGetter {
                storage,
                flag,
                init,
                ctx,
            } => {
                let flow = init.map(FlowFacts::of_expr).unwrap_or_default();
                let mut l = Lower::new(self, ctx, flow);
                l.lower_late_getter(fid, storage, flag, init);
            }
            BodySource::LateFieldSetter { storage, flag, ctx } => {
                let mut l = Lower::new(self, ctx, FlowFacts::default());
                l.lower_late_setter(fid, storage, flag);
            }
            BodySource::ConstField { field } => self.lower_const_field(fid, field),
            BodySource::ExtensionTypeConstructor { decl, ctx } => {
                let flow = FlowFacts::of_constructor(decl);
                let mut l = Lower::new(self, ctx, flow);
                l.lower_extension_type_constructor(fid, decl);
            }
        }
    }
}

impl<'r, 'a> Lower<'r, 'a> {
    pub fn new(r: &'r mut Resolver<'a>, ctx: MemberContext, flow: FlowFacts) -> Self {
        Lower {
            r,
            ctx,
            frames: Vec::new(),
            flow,
            pending_labels: Vec::new(),
            guards: Vec::new(),
            context_type: None,
            ctor_context: None,
            if_null_context: None,
            conditional_context: None,
            closure_context: None,
            depth: 0,
            nesting_reported: false,
            reuse_pattern_variables: false,
            deferred_pattern_assigns: None,
            pattern_locals: Vec::new(),
            pattern_vars_final: false,
            shared_case_heads: false,
            pattern_facts: HashMap::new(),
            pattern_caches: Vec::new(),
            closure_hint: None,
            call_type_args: HashMap::new(),
            condition_states: None,
            types_of_interest: HashMap::new(),
        }
    }

    /// Evaluates `e` as a constant in this body: its `const` locals are in scope.
    pub fn eval_const(&mut self, e: &ast::Expr, context: Option<&DartType>) -> Option<ConstId> {
        let env = self.local_const_env();
        let ctx = self.ctx;
        self.r.eval_const_with(e, context, &ctx, &env)
    }

    /// The visible locals: `const` ones with their values, the others as shadowing.
    fn local_const_env(&self) -> super::constants::ConstEnv {
        let mut env = super::constants::ConstEnv::default();
        for f in self.frames.iter().rev() {
            for s in f.scopes.iter().rev() {
                for (name, id) in &s.names {
                    if env.params.contains_key(name) || env.hidden.contains(name) {
                        continue;
                    }
                    match f.const_locals.get(id) {
                        Some(&c) => {
                            env.params.insert(*name, c);
                        }
                        None => {
                            env.hidden.insert(*name);
                        }
                    }
                }
            }
        }
        env
    }

    pub fn frame(&mut self) -> &mut Frame {
        let n = self.frames.len() - 1;
        &mut self.frames[n]
    }

    pub fn frame_ref(&self) -> &Frame {
        &self.frames[self.frames.len() - 1]
    }

    /// Is there a `this` (instance member or closure inside one)?
    pub fn has_this(&self) -> bool {
        (self.ctx.this_class.is_some() || self.ctx.extension.is_some()) && !self.ctx.is_static
    }

    pub fn push_scope(&mut self) {
        self.frame().scopes.push(Scope::default());
    }

    pub fn pop_scope(&mut self) {
        self.frame().scopes.pop();
    }

    /// Adds a local to the current frame without putting it in scope.
    pub fn new_local(&mut self, name: Symbol, span: Span, ty: DartType, is_final: bool) -> LocalId {
        let frame = self.frame();
        let id = LocalId(frame.locals.len() as u32);
        frame.locals.push(ir::Local {
            name,
            span,
            is_final,
            is_late: false,
            captured: false,
            ty,
        });
        id
    }

    /// A compiler temporary (`:t3`), never in scope.
    pub fn temp(&mut self, ty: DartType, span: Span) -> LocalId {
        let n = self.frame_ref().locals.len();
        self.new_local(Symbol::intern(&format!(":t{n}")), span, ty, true)
    }

    /// Declares a named local in the innermost scope, reporting duplicates.
    pub fn declare_local(&mut self, name: ast::Ident, ty: DartType, is_final: bool) -> LocalId {
        let id = self.new_local(name.name, name.span, ty, is_final);
        if name.name.as_str() == "_" {
            return id;
        }
        let flow_sensitive = self
            .flow
            .is_flow_sensitive(name.name, &self.frame_ref().locals[id.index()].ty);
        let assigned_in_closure = self.flow.closure_assigned.contains(&name.name);
        let frame = self.frame();
        if flow_sensitive {
            frame.flow_sensitive.insert(id);
            if assigned_in_closure {
                frame.untracked.insert(id);
            }
        }
        let scope = frame.scopes.last_mut();
        let previous = scope
            .as_ref()
            .and_then(|s| s.names.get(&name.name).copied());
        if let Some(scope) = scope {
            scope.pending.remove(&name.name);
            scope.names.insert(name.name, id);
        }
        if let Some(prev) = previous {
            let prev_span = self.frame_ref().locals[prev.index()].span;
            self.r
                .report_duplicate(name.name, name.span, Some(prev_span));
        }
        id
    }

    /// Marks names declared later in the current block (statements `stmts`).
    pub fn predeclare(&mut self, stmts: &[ast::Stmt]) {
        let mut names = Vec::new();
        for s in stmts {
            match &s.kind {
                ast::StmtKind::Variables(v) => names.extend(v.vars.iter().map(|d| d.name.name)),
                ast::StmtKind::LocalFunction(f) => names.push(f.name.name),
                _ => {}
            }
        }
        if let Some(scope) = self.frame().scopes.last_mut() {
            scope.pending.extend(names);
        }
    }

    // -- labels -------------------------------------------------------------------------

    pub fn new_label(&mut self, names: Vec<Symbol>, kind: LabelKind) -> LabelId {
        let frame = self.frame();
        let id = LabelId(frame.next_label);
        frame.next_label += 1;
        frame.labels.push(LabelEntry {
            names,
            id,
            kind,
            case_target: None,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
        id
    }

    /// Makes the names of a switch case visible to `continue` in the switch's bodies.
    pub fn push_case_label(&mut self, names: Vec<Symbol>, target: CaseTarget) {
        let frame = self.frame();
        frame.labels.push(LabelEntry {
            names,
            id: target.dispatch,
            kind: LabelKind::Block,
            case_target: Some(target),
            breaks: Vec::new(),
            continues: Vec::new(),
        });
    }

    /// The switch case `continue label` jumps to, when `label` names one.
    pub fn find_case_label(&self, label: Option<ast::Ident>) -> Option<CaseTarget> {
        let l = label?;
        self.frame_ref()
            .labels
            .iter()
            .rev()
            .find(|e| e.names.contains(&l.name))
            .and_then(|e| e.case_target)
    }

    pub fn pop_label(&mut self) {
        self.frame().labels.pop();
    }

    /// Pops the innermost label; returns the flow states at its `break`s and
    /// `continue`s.
    pub fn pop_label_jumps(&mut self) -> (Vec<FlowState>, Vec<FlowState>) {
        match self.frame().labels.pop() {
            Some(l) => (l.breaks, l.continues),
            None => (Vec::new(), Vec::new()),
        }
    }

    /// A `break` (or `continue`) to `label` leaves from here: its target joins the
    /// current flow state, and what follows is unreachable.
    pub fn jump_to(&mut self, label: LabelId, is_break: bool) {
        let state = self.frame_ref().flow.clone();
        if let Some(entry) = self.frame().labels.iter_mut().rev().find(|l| l.id == label) {
            if is_break {
                entry.breaks.push(state);
            } else {
                entry.continues.push(state);
            }
        }
        self.mark_unreachable();
    }

    /// The target of `break`/`continue` with an optional label.
    pub fn find_label(
        &mut self,
        label: Option<ast::Ident>,
        is_continue: bool,
        span: Span,
    ) -> Option<LabelId> {
        let frame = self.frame_ref();
        let found = match label {
            Some(l) => frame
                .labels
                .iter()
                .rev()
                .find(|e| e.names.contains(&l.name))
                .map(|e| (e.id, e.kind)),
            None => frame
                .labels
                .iter()
                .rev()
                .find(|e| {
                    e.kind == LabelKind::Loop || (!is_continue && e.kind == LabelKind::Switch)
                })
                .map(|e| (e.id, e.kind)),
        };
        match (found, label) {
            (Some((id, kind)), _) if !is_continue || kind == LabelKind::Loop => Some(id),
            (Some(_), Some(l)) | (None, Some(l)) => {
                self.r.error(l.span, messages::label_not_found(l.name));
                None
            }
            (_, None) => {
                let (msg, len) = if is_continue {
                    (messages::continue_outside_loop(), 8)
                } else {
                    (messages::break_outside_loop(), 5)
                };
                let keyword = Span::new(span.file, span.start, span.start + len);
                self.r.error(keyword, msg);
                None
            }
        }
    }

    // -- expression construction ----------------------------------------------------------

    pub fn expr(&self, kind: ir::ExprKind, span: Span, ty: DartType) -> ir::Expr {
        ir::Expr { kind, span, ty }
    }

    pub fn constant(&mut self, c: ir::Constant, span: Span) -> ir::Expr {
        let ty = self.r.constant_type(&c);
        let id = self.r.intern_const(c);
        ir::Expr {
            kind: ir::ExprKind::Const(id),
            span,
            ty,
        }
    }

    pub fn const_expr(&mut self, id: ConstId, span: Span) -> ir::Expr {
        let ty = self
            .r
            .constant_type(&self.r.program.constants[id.index()].clone());
        ir::Expr {
            kind: ir::ExprKind::Const(id),
            span,
            ty,
        }
    }

    pub fn null(&mut self, span: Span) -> ir::Expr {
        self.constant(ir::Constant::Null, span)
    }

    pub fn local_get(&self, id: LocalId, span: Span) -> ir::Expr {
        let ty = self.frame_ref().locals[id.index()].ty.clone();
        ir::Expr {
            kind: ir::ExprKind::LocalGet(id),
            span,
            ty,
        }
    }

    pub fn this_expr(&mut self, span: Span) -> ir::Expr {
        let ty = match (self.ctx.this_class, self.extension_this_type()) {
            (Some(c), _) => self.r.this_type(c),
            (None, Some(t)) => t,
            (None, None) => DartType::Dynamic,
        };
        if self.frames.len() <= 1 {
            return self.expr(ir::ExprKind::This, span, ty);
        }
        let index = self.capture_this();
        self.expr(ir::ExprKind::CapturedGet(index), span, ty)
    }

    /// Lowers `e` where a value of type `ty` is expected: collection literals take their
    /// element types from it, and the value is coerced to it.
    pub fn lower_expr_in(&mut self, e: &'a ast::Expr, ty: &DartType) -> ir::Expr {
        self.context_type = Some(ty.clone());
        let v = self.lower_expr(e);
        self.context_type = None;
        self.coerce(v, ty)
    }

    /// `let t = value in body(t)`.
    pub fn let_in(
        &mut self,
        value: ir::Expr,
        body: impl FnOnce(&mut Self, LocalId) -> ir::Expr,
    ) -> ir::Expr {
        let span = value.span;
        let t = self.temp(value.ty.clone(), span);
        let inner = body(self, t);
        let ty = inner.ty.clone();
        self.expr(
            ir::ExprKind::Let {
                local: t,
                value: Box::new(value),
                body: Box::new(inner),
            },
            span,
            ty,
        )
    }

    /// `e == null`
    pub fn is_null(&mut self, e: ir::Expr) -> ir::Expr {
        let span = e.span;
        let null = self.null(span);
        let bool_ty = self.r.core_type("bool");
        self.expr(
            ir::ExprKind::Equals {
                left: Box::new(e),
                right: Box::new(null),
                negated: false,
            },
            span,
            bool_ty,
        )
    }

    /// Applies an implicit downcast when `e`'s static type is not known to be a `target`:
    /// `dynamic` values get an `as` check, int literals flowing into `double` become
    /// doubles.
    pub fn coerce(&mut self, e: ir::Expr, target: &DartType) -> ir::Expr {
        if let ir::ExprKind::Const(id) = e.kind {
            if self.r.is_core_type(target, "double")
                || matches!(target, DartType::Interface{ nullable: true, .. } if self.r.is_core_type(&super::types::make_non_nullable(target.clone()), "double"))
            {
                if let ir::Constant::Int(v) = self.r.program.constants[id.index()] {
                    return self.constant(ir::Constant::Double(v as f64), e.span);
                }
            }
        }
        let e = self.contextual_literal(e, target);
        let e = self.implicit_call_tear_off(e, target);
        let e = self.implicit_instantiation(e, target);
        if target.is_open() {
            return self.coerce_open(e, target);
        }
        self.coerce_closed(e, target)
    }

    /// The check `coerce` makes, for a type it checks as written (type parameters in a
    /// class type are not evaluated).
    fn coerce_closed(&mut self, e: ir::Expr, target: &DartType) -> ir::Expr {
        if !needs_check(target) || self.trusted_cast(target) {
            return e;
        }
        match self.r.is_subtype(&e.ty, target) {
            Some(true) => e,
            _ => {
                let span = e.span;
                self.expr(
                    ir::ExprKind::As {
                        expr: Box::new(e),
                        ty: target.clone(),
                        implicit: true,
                    },
                    span,
                    target.clone(),
                )
            }
        }
    }

    /// `coerce` for an argument: the callee's signature may name type parameters of
    /// another declaration (a constructor's class, an extension, a superclass), which
    /// the caller cannot evaluate, so a target that mentions type parameters is left to
    /// the callee's own parameter checks (decision 39).
    pub fn coerce_arg(&mut self, e: ir::Expr, target: &DartType) -> ir::Expr {
        if target.is_open() {
            let e = self.contextual_literal(e, target);
            let e = self.implicit_call_tear_off(e, target);
            let e = self.implicit_instantiation(e, target);
            return self.coerce_closed(e, target);
        }
        self.coerce(e, target)
    }

    /// `coerce` into a type that mentions type parameters (`T`, `List<T>`): the check
    /// needs the type arguments in scope at run time. Function types stay unchecked, as
    /// in `coerce` (dartrs types many closures less precisely than Dart).
    fn coerce_open(&mut self, e: ir::Expr, target: &DartType) -> ir::Expr {
        let checkable = matches!(
            target,
            DartType::TypeParameter { .. } | DartType::Interface { .. }
        );
        if !checkable
            || e.ty == *target
            || self.trusted_cast(target)
            || self.r.is_subtype(&e.ty, target) == Some(true)
        {
            return e;
        }
        let span = e.span;
        let type_args = Box::new(self.type_args_expr(vec![target.clone()], span));
        self.expr(
            ir::ExprKind::AsRuntime {
                expr: Box::new(e),
                type_args,
                implicit: true,
            },
            span,
            target.clone(),
        )
    }

    /// A value of a class or extension type with a `call` method flowing into a
    /// function type or `Function` is its `call` tear-off (`Function f = C();` holds
    /// `C().call`, which is not a `C`).
    fn implicit_call_tear_off(&mut self, e: ir::Expr, target: &DartType) -> ir::Expr {
        let call = Symbol::intern("call");
        if let DartType::Interface {
            class,
            nullable: false,
            ..
        } = &e.ty
        {
            if self.is_function_target(target) && Some(*class) != self.r.program.core.function {
                let class = *class;
                if let Some((found @ super::members::Found::Method(_), owner)) = self
                    .r
                    .find_instance(class, call, super::members::Want::Call)
                {
                    let span = e.span;
                    return self.member_get(e, found, owner, call, span);
                }
            }
            return e;
        }
        let (DartType::Function { .. }, DartType::Extension { index, .. }) = (target, &e.ty) else {
            return e;
        };
        match self
            .r
            .extension_type_member(*index as usize, call, super::members::Want::Call)
        {
            Some((_, super::members::Found::Method(f))) => {
                let span = e.span;
                self.extension_tear_off(e, f, span)
            }
            _ => e,
        }
    }

    /// A function type or `Function` (nullable or not), the targets of implicit `call`
    /// tear-offs.
    fn is_function_target(&self, target: &DartType) -> bool {
        match target {
            DartType::Function { .. } => true,
            DartType::Interface { class, .. } => Some(*class) == self.r.program.core.function,
            _ => false,
        }
    }

    /// A list or map literal takes its element types from the type it flows into when its
    /// own don't fit (`List<double> xs = [1, 2];` holds doubles), as Dart's downward
    /// inference does; the fill-by-statements form (`let t = [] in {...}`) too.
    fn contextual_literal(&mut self, mut e: ir::Expr, target: &DartType) -> ir::Expr {
        if let DartType::RecordType(rt) = target {
            return self.contextual_record(e, rt);
        }
        let DartType::Interface { class, args, .. } = target else {
            return e;
        };
        let (class, args) = (*class, args.clone());
        let is_list = Some(class) == self.r.program.core.list && args.len() == 1;
        let is_map = Some(class) == self.r.program.core.map && args.len() == 2;
        if (!is_list && !is_map) || args.iter().all(|a| *a == DartType::Dynamic) {
            return e;
        }
        let new_ty = super::types::make_non_nullable(target.clone());
        match std::mem::replace(&mut e.kind, ir::ExprKind::This) {
            ir::ExprKind::ListLiteral {
                element_type,
                elements,
                type_args,
            } if is_list => {
                let want = &args[0];
                if element_type != DartType::Dynamic
                    && self.r.is_subtype(&element_type, want) == Some(true)
                {
                    e.kind = ir::ExprKind::ListLiteral {
                        type_args,
                        element_type,
                        elements,
                    };
                    return e;
                }
                let elements = elements.into_iter().map(|x| self.coerce(x, want)).collect();
                let type_args = self.open_type_args(std::slice::from_ref(want), e.span);
                e.kind = ir::ExprKind::ListLiteral {
                    type_args,
                    element_type: want.clone(),
                    elements,
                };
                e.ty = new_ty;
            }
            ir::ExprKind::MapLiteral {
                key_type,
                value_type,
                entries,
                type_args,
            } if is_map => {
                let fits = key_type != DartType::Dynamic
                    && value_type != DartType::Dynamic
                    && self.r.is_subtype(&key_type, &args[0]) == Some(true)
                    && self.r.is_subtype(&value_type, &args[1]) == Some(true);
                if fits {
                    e.kind = ir::ExprKind::MapLiteral {
                        type_args,
                        key_type,
                        value_type,
                        entries,
                    };
                    return e;
                }
                let entries = entries
                    .into_iter()
                    .map(|(k, v)| (self.coerce(k, &args[0]), self.coerce(v, &args[1])))
                    .collect();
                let type_args = self.open_type_args(&args, e.span);
                e.kind = ir::ExprKind::MapLiteral {
                    type_args,
                    key_type: args[0].clone(),
                    value_type: args[1].clone(),
                    entries,
                };
                e.ty = new_ty;
            }
            ir::ExprKind::Let { local, value, body } if is_filled_literal(&value, &body, local) => {
                let value = self.contextual_literal(*value, target);
                self.frame().locals[local.index()].ty = value.ty.clone();
                e.ty = value.ty.clone();
                e.kind = ir::ExprKind::Let {
                    local,
                    value: Box::new(value),
                    body,
                };
            }
            other => e.kind = other,
        }
        e
    }

    /// A record literal flowing into a record type of its shape takes the field types
    /// (`(double, int) r = (1, 2);` holds a double), as downward inference does.
    fn contextual_record(&mut self, mut e: ir::Expr, target: &ir::RecordType) -> ir::Expr {
        let ir::ExprKind::RecordLiteral { shape, fields } = &mut e.kind else {
            return e;
        };
        if *shape != target.shape {
            return e;
        }
        let taken = std::mem::take(fields);
        let coerced: Vec<ir::Expr> = taken
            .into_iter()
            .zip(&target.fields)
            .map(|(f, t)| self.coerce(f, t))
            .collect();
        let types = coerced.iter().map(|f| f.ty.clone()).collect();
        if let ir::ExprKind::RecordLiteral { fields, .. } = &mut e.kind {
            *fields = coerced;
        }
        e.ty = DartType::RecordType(Box::new(ir::RecordType {
            shape: target.shape.clone(),
            fields: types,
            nullable: false,
        }));
        e
    }

    /// The platform libraries are trusted like the Dart SDK: no implicit casts to class
    /// types there (`LinkedHashMap()` returns a plain map literal), except to the numeric
    /// and boolean types the compilers unbox.
    fn trusted_cast(&self, target: &DartType) -> bool {
        if !self.r.is_core(self.ctx.lib) {
            return false;
        }
        let base = super::types::make_non_nullable(target.clone());
        !["int", "double", "num", "bool"]
            .iter()
            .any(|n| self.r.is_core_type(&base, n))
    }

    /// `yield e` / `yield* e` in a `sync*` or `async*` function.
    pub fn lower_yield(&mut self, star: bool, value: &'a ast::Expr, span: Span) -> ir::Stmt {
        let value = self.lower_expr(value);
        match self.frame_ref().async_kind {
            AsyncKind::SyncStar | AsyncKind::AsyncStar => {}
            _ => {
                let keyword = Span::new(span.file, span.start, span.start + 5);
                self.r.error(keyword, messages::yield_not_generator());
            }
        }
        ir::Stmt {
            kind: ir::StmtKind::Yield { value, star },
            span,
        }
    }

    /// The static type of `await e` for an `e` of type `ty`: `T` for `Future<T>` and
    /// `FutureOr<T>`, `dynamic` for types a future may hide behind, `ty` otherwise.
    pub fn awaited_type(&self, ty: &DartType) -> DartType {
        match ty {
            DartType::Interface { class, args, .. } => {
                let c = self.r.class(*class);
                let lib = &self.r.program.libraries[c.library.index()].uri;
                let name = c.name.as_str();
                if lib.starts_with("dart:") && (name == "Future" || name == "FutureOr") {
                    args.first().cloned().unwrap_or(DartType::Dynamic)
                } else if lib == "dart:core" && name == "Object" {
                    DartType::Dynamic
                } else {
                    ty.clone()
                }
            }
            DartType::TypeParameter { .. } => DartType::Dynamic,
            t => t.clone(),
        }
    }

    /// An extension type (possibly nullable) that is not a `Future`: `await` on it is a
    /// compile-time error, as the value would never be awaited.
    pub fn incompatible_with_await(&self, ty: &DartType) -> bool {
        let DartType::Extension { index, args, .. } = ty else {
            return false;
        };
        let Some(future) = self.r.async_class("Future") else {
            return false;
        };
        let non_null = DartType::Extension {
            index: *index,
            args: args.clone(),
            nullable: false,
        };
        let any_future = DartType::Interface {
            class: future,
            args: vec![DartType::Dynamic],
            nullable: false,
        };
        self.r.is_subtype(&non_null, &any_future) == Some(false)
    }

    pub fn await_check(&mut self, span: Span) {
        let kind = self.frame_ref().async_kind;
        if !matches!(kind, AsyncKind::Async | AsyncKind::AsyncStar) {
            let keyword = Span::new(span.file, span.start, span.start + 5);
            self.r.error(keyword, messages::await_not_async());
        }
    }
}

/// `let t = <empty literal> in { ...; t }`: a collection literal filled by statements.
fn is_filled_literal(value: &ir::Expr, body: &ir::Expr, local: LocalId) -> bool {
    let empty = match &value.kind {
        ir::ExprKind::ListLiteral {
            element_type,
            elements,
            ..
        } => elements.is_empty() && *element_type == DartType::Dynamic,
        ir::ExprKind::MapLiteral {
            key_type,
            value_type,
            entries,
            ..
        } => {
            entries.is_empty() && *key_type == DartType::Dynamic && *value_type == DartType::Dynamic
        }
        _ => false,
    };
    empty
        && matches!(&body.kind, ir::ExprKind::Block { value, .. } if matches!(value.kind, ir::ExprKind::LocalGet(l) if l == local))
}

/// Types that an implicit cast must check: class types and `Null`, not `dynamic`,
/// `Object?`, type parameters or function types (which the VM cannot check precisely).
fn needs_check(t: &DartType) -> bool {
    matches!(
        t,
        DartType::Interface { .. }
            | DartType::Never
            | DartType::RecordType(_)
            | DartType::Extension { .. }
    )
}
