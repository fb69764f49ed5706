//! Invocation keys of pattern matching: within one switch (statement or expression),
//! if-case, destructuring declaration or pattern assignment, every member call a pattern
//! makes on a matched value (`length`, `[i]`, `sublist`, map `[k]`, `containsKey`, a
//! getter, a relational or constant `==` test) is evaluated at most once, and later cases
//! and subpatterns reuse its result (patterns feature specification, "Invocation keys").
//!
//! A key is its parent key (the value the call is made on; the root is the matched value)
//! plus the call's name and constant arguments. Each key owns a value local and a
//! "computed" flag local; the flags are reset when the matching construct starts, and
//! every use site reads the value after `flag || { value = call; flag = true; true }`.

use std::collections::HashMap;

use super::body::Lower;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{
    self, ConstId, Constant, DartType, ExprKind, FunctionId, LocalId, StmtKind,
};

/// An invocation key: an index into the active [`PatternCache`]'s keys; `ROOT` is the
/// matched value itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyId(u32);

impl KeyId {
    pub const ROOT: KeyId = KeyId(0);
}

/// What is invoked on the parent value (with its constant arguments).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Invocation {
    /// A getter (object pattern field); `extension` is the extension member when the
    /// getter is not an instance member.
    Getter {
        name: Symbol,
        extension: Option<FunctionId>,
    },
    /// `length` of a list pattern.
    Length,
    /// `v[i]` before the rest element (or without one).
    Index(i64),
    /// `v[length - n]` after the rest element: the `n`-th element from the end.
    TailIndex(i64),
    /// `v.sublist(head, length - tail)` for a rest element.
    Sublist { head: i64, tail: i64 },
    /// Map `v[k]`.
    MapGet(ConstId),
    /// Map `v.containsKey(k)`.
    ContainsKey(ConstId),
    /// `v op c` of a relational pattern (`!=` uses the `==` key).
    Relational { op: &'static str, operand: ConstId },
    /// `c == v` of a constant pattern.
    ConstantEquals(ConstId),
}

/// The two locals behind one key.
#[derive(Clone, Copy, Debug)]
struct Slot {
    value: LocalId,
    computed: LocalId,
}

/// The keys seen so far in one matching construct.
#[derive(Default)]
pub struct PatternCache {
    keys: HashMap<(KeyId, Invocation), KeyId>,
    /// Slot of key `k` is `slots[k - 1]` (the root has none, nor do pure reads).
    slots: Vec<Option<Slot>>,
}

impl<'r, 'a> Lower<'r, 'a> {
    /// Starts the invocation-key scope of a matching construct (nested constructs, e.g.
    /// a switch in a guard, get their own).
    pub fn begin_pattern_cache(&mut self) {
        self.pattern_caches.push(PatternCache::default());
    }

    /// Ends the innermost scope: the declarations of its locals (flags start `false`),
    /// to run before the construct's first test.
    pub fn end_pattern_cache(&mut self, span: Span) -> Vec<ir::Stmt> {
        let Some(cache) = self.pattern_caches.pop() else {
            return Vec::new();
        };
        let mut stmts = Vec::with_capacity(cache.slots.len() * 2);
        for slot in cache.slots.into_iter().flatten() {
            let no = self.constant(Constant::Bool(false), span);
            stmts.push(ir::Stmt {
                kind: StmtKind::VarDecl {
                    local: slot.computed,
                    init: Some(no),
                },
                span,
            });
            stmts.push(ir::Stmt {
                kind: StmtKind::VarDecl {
                    local: slot.value,
                    init: None,
                },
                span,
            });
        }
        stmts
    }

    /// Matches on the result of `invocation` (lowered as `call`) on the value of
    /// `parent`: the call runs at most once per scope, then `test` gets the local holding
    /// its result, the result's key and its static type. `call == None` (an argument that
    /// is not constant) or no active scope evaluates `call` afresh here.
    pub fn with_invocation(
        &mut self,
        parent: KeyId,
        invocation: Option<Invocation>,
        call: ir::Expr,
        test: impl FnOnce(&mut Self, LocalId, KeyId, DartType) -> ir::Expr,
    ) -> ir::Expr {
        let span = call.span;
        let ty = call.ty.clone();
        let found = match invocation {
            Some(inv) => self.invocation_key(parent, inv, span),
            None => None,
        };
        let Some((key, slot)) = found else {
            let t = self.temp(ty.clone(), span);
            let body = test(self, t, KeyId::ROOT, ty);
            let bool_ty = self.r.core_type("bool");
            return self.expr(
                ExprKind::Let {
                    local: t,
                    value: Box::new(call),
                    body: Box::new(body),
                },
                span,
                bool_ty,
            );
        };
        let ensure = self.ensure_computed(slot, call, span);
        let body = test(self, slot.value, key, ty);
        let bool_ty = self.r.core_type("bool");
        self.expr(
            ExprKind::And(Box::new(ensure), Box::new(body)),
            span,
            bool_ty,
        )
    }

    /// The key of `inv` on `parent` in the innermost scope (made on first use), with its
    /// slot; `None` outside any scope.
    fn invocation_key(
        &mut self,
        parent: KeyId,
        inv: Invocation,
        span: Span,
    ) -> Option<(KeyId, Slot)> {
        let cache = self.pattern_caches.last()?;
        if let Some(&k) = cache.keys.get(&(parent, inv.clone())) {
            if let Some(Some(slot)) = cache.slots.get(k.0 as usize - 1) {
                return Some((k, *slot));
            }
        }
        let key = KeyId(cache.slots.len() as u32 + 1);
        let value = self.cache_local(":key", DartType::Dynamic, span);
        let bool_ty = self.r.core_type("bool");
        let computed = self.cache_local(":computed", bool_ty, span);
        let slot = Slot { value, computed };
        let cache = self.pattern_caches.last_mut()?;
        cache.keys.insert((parent, inv), key);
        cache.slots.push(Some(slot));
        Some((key, slot))
    }

    /// The key of a read without side effects (a record field): it gets no slot, the
    /// read is repeated, but the calls on its value share keys.
    pub fn pure_key(&mut self, parent: KeyId, inv: Invocation) -> KeyId {
        let Some(cache) = self.pattern_caches.last_mut() else {
            return KeyId::ROOT;
        };
        if let Some(&k) = cache.keys.get(&(parent, inv.clone())) {
            return k;
        }
        let key = KeyId(cache.slots.len() as u32 + 1);
        cache.keys.insert((parent, inv), key);
        cache.slots.push(None);
        key
    }

    fn cache_local(&mut self, prefix: &str, ty: DartType, span: Span) -> LocalId {
        let n = self.frame_ref().locals.len();
        self.new_local(Symbol::intern(&format!("{prefix}{n}")), span, ty, false)
    }

    /// `computed || { value = call; computed = true; true }`
    fn ensure_computed(&mut self, slot: Slot, call: ir::Expr, span: Span) -> ir::Expr {
        let bool_ty = self.r.core_type("bool");
        let set_value = self.expr(
            ExprKind::LocalSet(slot.value, Box::new(call)),
            span,
            DartType::Dynamic,
        );
        let yes = self.constant(Constant::Bool(true), span);
        let set_flag = self.expr(
            ExprKind::LocalSet(slot.computed, Box::new(yes)),
            span,
            bool_ty.clone(),
        );
        let yes = self.constant(Constant::Bool(true), span);
        let compute = self.expr(
            ExprKind::Block {
                stmts: vec![
                    ir::Stmt {
                        kind: StmtKind::Expr(set_value),
                        span,
                    },
                    ir::Stmt {
                        kind: StmtKind::Expr(set_flag),
                        span,
                    },
                ],
                value: Box::new(yes),
            },
            span,
            bool_ty.clone(),
        );
        let done = self.local_get(slot.computed, span);
        self.expr(
            ExprKind::Or(Box::new(done), Box::new(compute)),
            span,
            bool_ty,
        )
    }
}
