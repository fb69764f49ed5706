//! Flow analysis of local variables while a body is lowered: the promotion state at
//! each point (which tracked locals have a more precise type than their declared one,
//! and whether the point is reachable), and how conditions, assignments, joins, loops
//! and jumps change it, after the Dart language's flow analysis.
//!
//! The lowering walks a body in execution order, so the state is kept as it goes
//! (`Frame::flow`), and an expression that can promote on one outcome (`x != null`,
//! `x is T`, `!c`, `a && b`, `a || b`, `true`) leaves the states for its true and false
//! outcomes in `Lower::condition_states` for the statement or operator using it.
//! Where this analysis cannot say what Dart's would (a variable a pattern tests, a type
//! test it cannot relate to the current type, a variable assigned in a closure), the
//! variable reads as `dynamic` there, as it did before this analysis existed: members
//! are then looked up at run time, which is always right, only less precise.

use super::body::Lower;
use super::types::make_non_nullable;
use crate::front::ast;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{DartType, LocalId};
use std::collections::{HashMap, HashSet};

/// A local of one of the frames being lowered: (frame depth, local).
pub(super) type FlowKey = (u32, LocalId);

/// What flow analysis knows of a tracked local that is not simply its declared type.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum VarFlow {
    /// Promoted: the chain of promoted types, most precise last (never empty).
    Promoted(Vec<DartType>),
    /// Dart's flow analysis may have promoted it in a way this one does not model.
    Unknown,
}

/// The flow state at one point of a body.
#[derive(Clone, Debug, Default)]
pub(super) struct FlowState {
    /// After `return`, `throw`, `break`, `continue` or an expression of type `Never`.
    pub unreachable: bool,
    /// Tracked locals whose type is not their declared type (absent: declared).
    pub vars: HashMap<FlowKey, VarFlow>,
    /// Locals declared without an initialiser that are definitely assigned here.
    pub assigned: HashSet<FlowKey>,
    /// Such locals that may have been assigned here (the others are definitely
    /// unassigned).
    pub maybe_assigned: HashSet<FlowKey>,
}

impl FlowState {
    /// This state, but unreachable (what follows a jump).
    pub fn unreachable(&self) -> FlowState {
        FlowState {
            unreachable: true,
            ..self.clone()
        }
    }

    /// The state where two paths meet: promotions both agree on survive; a variable
    /// unknown on either path stays unknown. An unreachable path contributes nothing.
    pub fn join(a: &FlowState, b: &FlowState) -> FlowState {
        if a.unreachable != b.unreachable {
            return if a.unreachable { b.clone() } else { a.clone() };
        }
        let mut vars = HashMap::new();
        for (k, va) in &a.vars {
            match (va, b.vars.get(k)) {
                (VarFlow::Promoted(ca), Some(VarFlow::Promoted(cb))) => {
                    let common: Vec<DartType> =
                        ca.iter().filter(|t| cb.contains(t)).cloned().collect();
                    if !common.is_empty() {
                        vars.insert(*k, VarFlow::Promoted(common));
                    }
                }
                (VarFlow::Promoted(_), None) => {}
                _ => {
                    vars.insert(*k, VarFlow::Unknown);
                }
            }
        }
        for (k, vb) in &b.vars {
            if *vb == VarFlow::Unknown {
                vars.insert(*k, VarFlow::Unknown);
            }
        }
        FlowState {
            unreachable: a.unreachable,
            vars,
            assigned: a.assigned.intersection(&b.assigned).copied().collect(),
            maybe_assigned: a.maybe_assigned.union(&b.maybe_assigned).copied().collect(),
        }
    }

    pub fn join_all(states: impl IntoIterator<Item = FlowState>) -> Option<FlowState> {
        states.into_iter().reduce(|a, b| FlowState::join(&a, &b))
    }

    /// The current type of `key` (`None`: its declared type).
    pub fn current<'s>(&'s self, key: &FlowKey) -> Option<&'s VarFlow> {
        self.vars.get(key)
    }

    /// Drops the promotions of the locals named in `names` (assigned in a loop or a
    /// `try` block whose other paths this point joins).
    pub fn demote(&mut self, names: &HashSet<Symbol>, name_of: impl Fn(FlowKey) -> Symbol) {
        self.vars.retain(|k, _| !names.contains(&name_of(*k)));
    }

    /// Makes the locals `keys` unknown (read as `dynamic`).
    pub fn forget(&mut self, keys: impl IntoIterator<Item = FlowKey>) {
        for k in keys {
            self.vars.insert(k, VarFlow::Unknown);
        }
    }
}

/// The true and false outcomes of the condition last lowered, by its span.
#[derive(Clone, Debug)]
pub(super) struct ConditionStates {
    pub span: Span,
    pub when_true: FlowState,
    pub when_false: FlowState,
}

/// What matching a pattern tells about the matched local.
#[derive(Clone, Debug, PartialEq)]
enum PatternPromotion {
    None,
    NonNull,
    To(DartType),
    Unknown,
}

/// How a type test relates to a variable's current type.
enum TestRelation {
    /// The tested type is a proper subtype: the variable promotes to it.
    Promotes,
    /// The current type is already a subtype: nothing changes.
    Trivial,
    /// Neither, or unknown to this analysis.
    Unrelated,
}

impl<'r, 'a> Lower<'r, 'a> {
    /// The flow key of `e` if it is a plain reference to a tracked local (through
    /// parentheses) whose promotions this analysis follows at this point.
    pub fn promotable(&self, e: &ast::Expr) -> Option<FlowKey> {
        let name = match &e.kind {
            ast::ExprKind::Ident(i) => i.name,
            ast::ExprKind::Paren(inner) => return self.promotable(inner),
            _ => return None,
        };
        let top = self.frames.len() - 1;
        for fi in (0..=top).rev() {
            for scope in self.frames[fi].scopes.iter().rev() {
                if let Some(&id) = scope.names.get(&name) {
                    let frame = &self.frames[fi];
                    let tracked =
                        frame.flow_sensitive.contains(&id) && !frame.untracked.contains(&id);
                    let stable_in_closure = fi == top || !self.flow.assigned.contains(&name);
                    return (tracked && stable_in_closure).then_some((fi as u32, id));
                }
                if scope.pending.contains(&name) {
                    return None;
                }
            }
        }
        None
    }

    /// The type a read of local `id` of frame `fi` has here.
    pub fn flow_read_type(&self, fi: usize, id: LocalId) -> DartType {
        let frame = &self.frames[fi];
        let local = &frame.locals[id.index()];
        if !frame.flow_sensitive.contains(&id) {
            return local.ty.clone();
        }
        let top = self.frames.len() - 1;
        if frame.untracked.contains(&id) || (fi < top && self.flow.assigned.contains(&local.name)) {
            return DartType::Dynamic;
        }
        match self.frame_ref().flow.current(&(fi as u32, id)) {
            None => local.ty.clone(),
            Some(VarFlow::Unknown) => DartType::Dynamic,
            Some(VarFlow::Promoted(chain)) => chain.last().cloned().unwrap_or(DartType::Dynamic),
        }
    }

    fn declared_type(&self, key: FlowKey) -> DartType {
        self.frames[key.0 as usize].locals[key.1.index()].ty.clone()
    }

    /// The current type of `key` in `state` (`None`: unknown).
    fn type_in(&self, state: &FlowState, key: FlowKey) -> Option<DartType> {
        match state.current(&key) {
            None => Some(self.declared_type(key)),
            Some(VarFlow::Unknown) => None,
            Some(VarFlow::Promoted(chain)) => chain.last().cloned(),
        }
    }

    pub fn flow_state(&self) -> &FlowState {
        &self.frame_ref().flow
    }

    pub fn set_flow_state(&mut self, state: FlowState) {
        self.frame().flow = state;
    }

    pub fn take_flow_state(&mut self) -> FlowState {
        std::mem::take(&mut self.frame().flow)
    }

    /// The current state joined with the states at jumps to this point.
    pub fn join_jumps(&mut self, jumps: Vec<FlowState>) {
        let mut state = self.take_flow_state();
        for j in jumps {
            state = FlowState::join(&state, &j);
        }
        self.set_flow_state(state);
    }

    /// From here on the code is unreachable (after a jump or a `Never` value).
    pub fn mark_unreachable(&mut self) {
        self.frame().flow.unreachable = true;
    }

    /// Records the outcomes of the condition at `span` (and joins them as the state
    /// after it, for uses that do not branch on it).
    pub fn set_condition_states(
        &mut self,
        span: Span,
        when_true: FlowState,
        when_false: FlowState,
    ) {
        self.frame().flow = FlowState::join(&when_true, &when_false);
        self.condition_states = Some(ConditionStates {
            span,
            when_true,
            when_false,
        });
    }

    /// The states after the condition `e` (just lowered) is true and false.
    pub fn condition_outcomes(&mut self, e: &ast::Expr) -> (FlowState, FlowState) {
        match self.condition_states.take() {
            Some(c) if c.span == e.span => (c.when_true, c.when_false),
            _ => {
                let s = self.flow_state().clone();
                (s.clone(), s)
            }
        }
    }

    /// `(e)` has the outcomes of `e`.
    pub fn forward_condition(&mut self, inner: Span, outer: Span) {
        if let Some(c) = &mut self.condition_states {
            if c.span == inner {
                c.span = outer;
            }
        }
    }

    fn relation(&self, tested: &DartType, current: &DartType) -> TestRelation {
        if tested == current {
            return TestRelation::Trivial;
        }
        match self.promotion_subtype(tested, current) {
            Some(true) => TestRelation::Promotes,
            _ => match self.promotion_subtype(current, tested) {
                Some(true) => TestRelation::Trivial,
                _ => TestRelation::Unrelated,
            },
        }
    }

    /// `state` with `key` promoted to `tested` where a test showed the value is one.
    pub fn promoted_to(&mut self, state: &FlowState, key: FlowKey, tested: &DartType) -> FlowState {
        self.note_type_of_interest(key, tested);
        let mut out = state.clone();
        let Some(current) = self.type_in(state, key) else {
            return out;
        };
        match self.relation(tested, &current) {
            TestRelation::Promotes => push_promotion(&mut out, key, tested.clone()),
            TestRelation::Trivial => {}
            TestRelation::Unrelated => out.forget([key]),
        }
        out
    }

    /// `state` with `key` known not to be `null`.
    pub fn promoted_non_null(&self, state: &FlowState, key: FlowKey) -> FlowState {
        let mut out = state.clone();
        let Some(current) = self.type_in(state, key) else {
            return out;
        };
        match current {
            DartType::TypeParameter { .. } | DartType::Null | DartType::Extension { .. } => {
                out.forget([key])
            }
            t if t.is_nullable() => push_promotion(&mut out, key, make_non_nullable(t)),
            _ => {}
        }
        out
    }

    /// The current state after `x!` or `x as T` (the expression completed).
    pub fn promote_here_non_null(&mut self, key: FlowKey) {
        let s = self.promoted_non_null(self.flow_state(), key);
        self.set_flow_state(s);
    }

    pub fn promote_here_to(&mut self, key: FlowKey, tested: &DartType) {
        let current = self.flow_state().clone();
        let s = self.promoted_to(&current, key, tested);
        self.set_flow_state(s);
    }

    fn note_type_of_interest(&mut self, key: FlowKey, t: &DartType) {
        let list = self.types_of_interest.entry(key).or_default();
        if !list.contains(t) {
            list.push(t.clone());
        }
    }

    /// Local `key` was assigned a value of static type `written`: promotions the value
    /// does not satisfy are dropped, and a type of interest it satisfies (a tested type,
    /// or the declared type without `?`) is promoted to.
    pub fn note_local_write(&mut self, key: FlowKey, written: &DartType) {
        let declared = self.declared_type(key);
        let mut state = self.take_flow_state();
        let chain = match state.vars.remove(&key) {
            Some(VarFlow::Promoted(c)) => c,
            _ => Vec::new(),
        };
        let demote_fully = matches!(written, DartType::Dynamic)
            || self.promotion_subtype(written, &declared) != Some(true);
        if demote_fully {
            self.set_flow_state(state);
            return;
        }
        let mut kept = Vec::new();
        for t in chain {
            match self.promotion_subtype(written, &t) {
                Some(true) => kept.push(t),
                Some(false) => break,
                None => {
                    state.forget([key]);
                    self.set_flow_state(state);
                    return;
                }
            }
        }
        let current = kept.last().cloned().unwrap_or_else(|| declared.clone());
        if let Some(t) = self.type_of_interest_for(key, &declared, written, &current) {
            kept.push(t);
        }
        if !kept.is_empty() {
            state.vars.insert(key, VarFlow::Promoted(kept));
        }
        self.set_flow_state(state);
    }

    /// The type of interest an assignment of `written` promotes to: `written` itself when
    /// it is one, else the most precise one between `written` and `current`.
    fn type_of_interest_for(
        &self,
        key: FlowKey,
        declared: &DartType,
        written: &DartType,
        current: &DartType,
    ) -> Option<DartType> {
        if written == current {
            return None;
        }
        // Tested types, the declared type, and their non-nullable versions.
        let mut interest: Vec<DartType> = self
            .types_of_interest
            .get(&key)
            .cloned()
            .unwrap_or_default();
        interest.push(declared.clone());
        for t in interest.clone() {
            if t.is_nullable() && !matches!(t, DartType::TypeParameter { .. }) {
                interest.push(make_non_nullable(t));
            }
        }
        if interest.contains(written) {
            return Some(written.clone());
        }
        let fits: Vec<&DartType> = interest
            .iter()
            .filter(|t| *t != current)
            .filter(|t| self.promotion_subtype(written, t) == Some(true))
            .filter(|t| self.promotion_subtype(t, current) == Some(true))
            .collect();
        fits.iter()
            .find(|t| {
                fits.iter()
                    .all(|u| self.promotion_subtype(t, u) == Some(true))
            })
            .map(|t| (*t).clone())
    }

    /// In the body of a case whose heads are `heads`, a local switched on (or tested by
    /// an if-case) is promoted to the type the pattern requires: `case int():` and
    /// `case int x:` promote to `int`, `case _?` to non-null. Patterns whose required
    /// type this analysis does not work out make it unknown.
    pub fn promote_case_subject(&mut self, subject: &ast::Expr, heads: &[&'a ast::CaseHead]) {
        let Some(key) = self.promotable(subject) else {
            return;
        };
        let promotions: Vec<PatternPromotion> = heads
            .iter()
            .map(|h| self.pattern_promotion(&h.pattern))
            .collect();
        let here = self.flow_state().clone();
        let state = match promotions.as_slice() {
            [] => here,
            [PatternPromotion::None] => here,
            [PatternPromotion::NonNull] => self.promoted_non_null(&here, key),
            [PatternPromotion::To(t)] => {
                let t = t.clone();
                self.promoted_to(&here, key, &t)
            }
            _ if promotions.iter().all(|p| *p == PatternPromotion::None) => here,
            _ => {
                let mut s = here;
                s.forget([key]);
                s
            }
        };
        self.set_flow_state(state);
    }

    /// After a case head (pattern and guard) was lowered from state `before`: sets the
    /// state its body starts in (the guard was true) and returns the state the next
    /// case starts in (the pattern did not match, or the guard was false; a guard after
    /// a pattern that always matches has run).
    pub fn after_case_head(&mut self, before: &FlowState, head: &'a ast::CaseHead) -> FlowState {
        use ast::PatternKind as P;
        let matches_all = matches!(
            head.pattern.kind,
            P::Wildcard { ty: None } | P::Variable { ty: None, .. }
        );
        match &head.guard {
            Some(g) => {
                let (when_true, when_false) = self.condition_outcomes(g);
                self.set_flow_state(when_true);
                if matches_all {
                    when_false
                } else {
                    FlowState::join(before, &when_false)
                }
            }
            None if matches_all => self.flow_state().unreachable(),
            None => before.clone(),
        }
    }

    fn pattern_promotion(&mut self, p: &'a ast::Pattern) -> PatternPromotion {
        use ast::PatternKind as P;
        match &p.kind {
            P::Wildcard { ty: None }
            | P::Variable { ty: None, .. }
            | P::Constant(_)
            | P::Relational { .. } => PatternPromotion::None,
            P::Wildcard { ty: Some(t) } | P::Variable { ty: Some(t), .. } => {
                self.annotation_promotion(t)
            }
            P::Object { ty, .. } => self.annotation_promotion(ty),
            P::NullCheck(inner) | P::NullAssert(inner) => match self.pattern_promotion(inner) {
                PatternPromotion::None | PatternPromotion::NonNull => PatternPromotion::NonNull,
                _ => PatternPromotion::Unknown,
            },
            P::Paren(inner) => self.pattern_promotion(inner),
            _ => PatternPromotion::Unknown,
        }
    }

    /// A type written in a pattern; a generic class without type arguments has them
    /// inferred from the matched value, which this analysis does not do.
    fn annotation_promotion(&mut self, t: &'a ast::TypeAnnotation) -> PatternPromotion {
        let written_args = matches!(t, ast::TypeAnnotation::Named { args, .. } if !args.is_empty());
        match self.resolve_type(t) {
            DartType::Interface { class, .. }
                if !written_args && !self.r.class(class).type_params.is_empty() =>
            {
                PatternPromotion::Unknown
            }
            DartType::Dynamic => PatternPromotion::Unknown,
            ty => PatternPromotion::To(ty),
        }
    }

    /// The state where paths that may assign the locals named in `names` join (a loop's
    /// head, a `catch`): their promotions are dropped and they may be assigned.
    pub fn demote_names(&mut self, state: &mut FlowState, names: &HashSet<Symbol>) {
        if names.is_empty() {
            return;
        }
        let frames = &self.frames;
        state.demote(names, |(fi, id)| {
            frames[fi as usize].locals[id.index()].name
        });
        for (fi, frame) in frames.iter().enumerate() {
            for id in &frame.needs_assignment {
                if names.contains(&frame.locals[id.index()].name) {
                    state.maybe_assigned.insert((fi as u32, *id));
                }
            }
        }
    }

    /// Definite assignment of a local declared without an initialiser (`LocalId` of the
    /// current frame), if this analysis follows it.
    fn assignment_key(&self, id: LocalId) -> Option<FlowKey> {
        let frame = self.frame_ref();
        frame
            .needs_assignment
            .contains(&id)
            .then_some(((self.frames.len() - 1) as u32, id))
    }

    /// Checks an assignment to a `final` local declared without an initialiser: it
    /// must be definitely unassigned (`late final`: not definitely assigned). Returns
    /// whether the local is one this analysis follows (then the caller does not reject
    /// the assignment as one to a final).
    pub fn check_final_assignment(&mut self, id: LocalId, span: Span) -> bool {
        let Some(key) = self.assignment_key(id) else {
            return false;
        };
        let local = &self.frame_ref().locals[id.index()];
        let (name, is_late) = (local.name, local.is_late);
        let state = self.flow_state();
        if state.unreachable {
            return true;
        }
        if is_late && state.assigned.contains(&key) {
            self.r
                .error(span, super::messages::late_final_definitely_assigned(name));
        } else if !is_late && state.maybe_assigned.contains(&key) {
            self.r
                .error(span, super::messages::final_maybe_assigned(name));
        }
        true
    }

    /// Must a variable of type `t` be assigned before it is read (`int`, `T`; not
    /// `int?`, `dynamic`, `T?`, and, as `FutureOr` is not modelled, not `FutureOr<..>`)?
    fn potentially_non_nullable(&self, t: &DartType) -> bool {
        match t {
            DartType::Dynamic | DartType::Void | DartType::Null => false,
            DartType::Interface { class, .. }
                if self.r.class(*class).name.as_str() == "FutureOr" =>
            {
                false
            }
            t => !t.is_nullable(),
        }
    }

    /// `for (x in ...)` assigns `x` at each iteration: from the loop's head on, `x` may
    /// be assigned (a `final` one cannot be a loop's target).
    pub fn note_loop_target(&mut self, target: &ast::Expr) {
        let ast::ExprKind::Ident(i) = &target.kind else {
            return;
        };
        let top = self.frames.len() - 1;
        let id = self.frames[top]
            .scopes
            .iter()
            .rev()
            .find_map(|s| s.names.get(&i.name).copied());
        if let Some(key) = id.and_then(|id| self.assignment_key(id)) {
            self.frame().flow.maybe_assigned.insert(key);
        }
    }

    /// Local `id` of the current frame was assigned.
    pub fn note_assigned(&mut self, id: LocalId) {
        if let Some(key) = self.assignment_key(id) {
            let state = &mut self.frame().flow;
            state.assigned.insert(key);
            state.maybe_assigned.insert(key);
        }
    }

    /// Reading local `id` of the current frame: a `late` one must not be definitely
    /// unassigned, another non-nullable or `final` one must be definitely assigned.
    pub fn check_read_assigned(&mut self, id: LocalId, span: Span) {
        let Some(key) = self.assignment_key(id) else {
            return;
        };
        let state = self.flow_state();
        if state.unreachable || state.assigned.contains(&key) {
            return;
        }
        let maybe = state.maybe_assigned.contains(&key);
        let local = &self.frame_ref().locals[id.index()];
        let name = local.name;
        let message = if local.is_late {
            (!maybe).then(|| super::messages::late_definitely_unassigned(name))
        } else if self.potentially_non_nullable(&local.ty) {
            Some(super::messages::non_nullable_not_assigned(name))
        } else if local.is_final {
            Some(super::messages::final_not_assigned(name))
        } else {
            None
        };
        if let Some(m) = message {
            self.r.error(span, m);
        }
    }

    /// Demotes the locals `names` in the current state (the head of a loop).
    pub fn demote_here(&mut self, names: &HashSet<Symbol>) {
        let mut s = self.take_flow_state();
        self.demote_names(&mut s, names);
        self.set_flow_state(s);
    }

    /// The tracked locals whose state differs between `base` and any of `ends`.
    pub fn changed_keys(base: &FlowState, ends: &[FlowState]) -> Vec<FlowKey> {
        let mut keys = Vec::new();
        for e in ends {
            for (k, v) in &e.vars {
                if base.vars.get(k) != Some(v) && !keys.contains(k) {
                    keys.push(*k);
                }
            }
            for k in base.vars.keys() {
                if !e.vars.contains_key(k) && !keys.contains(k) {
                    keys.push(*k);
                }
            }
        }
        keys
    }

    /// `s <: t` for promotion: type arguments compared (covariantly), `None` when it
    /// cannot tell (type parameters, function types).
    pub fn promotion_subtype(&self, s: &DartType, t: &DartType) -> Option<bool> {
        if s == t {
            return Some(true);
        }
        match (s, t) {
            (_, DartType::Dynamic | DartType::Void) | (DartType::Never, _) => Some(true),
            (DartType::Null, _) => match t {
                DartType::TypeParameter {
                    nullable: false, ..
                } => None,
                _ => Some(t.is_nullable()),
            },
            (
                DartType::Interface {
                    class: a,
                    nullable: na,
                    ..
                },
                DartType::Interface {
                    class: b,
                    args: bargs,
                    nullable: nb,
                },
            ) => {
                if *na && !*nb {
                    return Some(false);
                }
                if !self.r.class_is_subclass(*a, *b) {
                    return Some(false);
                }
                if bargs.is_empty() {
                    return Some(true);
                }
                let sargs = self.r.supertype_args(&make_non_nullable(s.clone()), *b)?;
                if sargs.len() != bargs.len() {
                    return None;
                }
                let mut all = Some(true);
                for (x, y) in sargs.iter().zip(bargs) {
                    match self.promotion_subtype(x, y) {
                        Some(true) => {}
                        _ => all = None,
                    }
                }
                all
            }
            (
                _,
                DartType::Interface {
                    class, nullable, ..
                },
            ) if Some(*class) == self.r.program.core.object => match s {
                DartType::TypeParameter { .. } if !*nullable => None,
                _ => Some(*nullable || !s.is_nullable()),
            },
            _ => None,
        }
    }
}

fn push_promotion(state: &mut FlowState, key: FlowKey, t: DartType) {
    match state.vars.get_mut(&key) {
        Some(VarFlow::Promoted(chain)) => chain.push(t),
        _ => {
            state.vars.insert(key, VarFlow::Promoted(vec![t]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(i: u32) -> FlowKey {
        (0, LocalId(i))
    }

    fn promoted(chain: Vec<DartType>) -> VarFlow {
        VarFlow::Promoted(chain)
    }

    #[test]
    fn a_join_keeps_the_promotions_both_paths_agree_on() {
        let mut a = FlowState::default();
        let mut b = FlowState::default();
        a.vars
            .insert(key(0), promoted(vec![DartType::Null, DartType::Never]));
        b.vars.insert(key(0), promoted(vec![DartType::Never]));
        a.vars.insert(key(1), promoted(vec![DartType::Never]));
        let j = FlowState::join(&a, &b);
        assert_eq!(j.vars.get(&key(0)), Some(&promoted(vec![DartType::Never])));
        assert_eq!(j.vars.get(&key(1)), None, "declared on one path");
    }

    #[test]
    fn an_unreachable_path_contributes_nothing_and_unknown_wins() {
        let mut a = FlowState::default();
        a.vars.insert(key(0), promoted(vec![DartType::Never]));
        let mut dead = FlowState::default().unreachable();
        dead.vars.insert(key(1), VarFlow::Unknown);
        let j = FlowState::join(&a, &dead);
        assert_eq!(j.vars.get(&key(0)), Some(&promoted(vec![DartType::Never])));
        assert!(!j.unreachable);
        let mut b = FlowState::default();
        b.vars.insert(key(0), VarFlow::Unknown);
        assert_eq!(
            FlowState::join(&a, &b).vars.get(&key(0)),
            Some(&VarFlow::Unknown)
        );
        assert_eq!(
            FlowState::join(&b, &a).vars.get(&key(0)),
            Some(&VarFlow::Unknown)
        );
    }
}
