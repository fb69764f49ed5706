//! Class hierarchy analysis for AOT builds: which instance call sites have one target.
//!
//! After tree shaking the whole program is known, and so is every class whose instances
//! can exist (`shake::Reachable::allocated_classes`). For a call whose receiver has static
//! type `C`, the classes it can be at run time are the allocated classes that are `C` or
//! extend, mix in or implement it. When the runtime's own lookup (`ClassTable::lookup`,
//! what an inline-cache miss asks) finds the same member in every one of them, the site
//! needs no dispatch: the emitter checks the receiver's class id against theirs and runs
//! that member directly (`compiler::Devirtualized`). Field accessors, and getters or
//! zero-argument methods whose body only returns a field of `this` or a constant, are
//! inlined as the load or store itself.
//!
//! Soundness does not rest on the static type: a receiver whose class id is not one of
//! the expected ones (null, or a value a lying static type let through) takes the
//! ordinary inline-cache call. The analysis only decides which ids to expect; each id's
//! target is exactly what dispatch would pick. `noSuchMethod` needs no special case: a
//! class without the member makes the lookup fail, and the site stays dynamic.

use super::shake::Reachable;
use crate::compiler::{Devirtualized, DirectTarget, Selector};
use crate::kernel::ir::{
    AsyncMarker, ClassId, DartType, ExprKind, FunctionId, FunctionKind, Program, StmtKind,
};
use crate::runtime::classes::Target;
use crate::runtime::isolate::Isolate;
use crate::runtime::object::{CID_CLOSURE, CID_RECORD, FIRST_PROGRAM_CID};

/// Class-id ranges one call site may test before the call; more than this stays dynamic
/// (the inline cache is then as fast).
const MAX_CID_RANGES: usize = 4;

/// What the analysis decided for one call site (kept for tests and the size report).
#[derive(Clone, Debug)]
pub struct SiteDecision {
    pub receiver: ClassId,
    pub selector: Selector,
    pub result: Option<DirectTarget>,
}

/// The allocated classes below every class, with their runtime class ids.
pub struct Hierarchy {
    /// By `ClassId`: the allocated classes that are it or a subtype of it.
    allocated_subtypes: Vec<Vec<ClassId>>,
    /// By `ClassId`: the runtime class ids of its instances (built-ins have several,
    /// e.g. Smi and Mint for `int`).
    cids: Vec<Vec<u32>>,
    /// By `FunctionId`: compiled into the snapshot.
    live: Vec<bool>,
    pub decisions: Vec<SiteDecision>,
    /// Call sites whose receiver has no class type (dynamic, type parameters, functions).
    pub untyped_sites: usize,
}

impl Hierarchy {
    /// The hierarchy of `program` as far as `reach` found instances.
    pub fn new(program: &Program, reach: &Reachable, iso: &Isolate) -> Hierarchy {
        let n = program.classes.len();
        let mut allocated_subtypes = vec![Vec::new(); n];
        for k in (0..n).filter(|&k| reach.allocated_classes[k]) {
            let k = ClassId(k as u32);
            for sup in supertypes(program, k) {
                allocated_subtypes[sup.index()].push(k);
            }
        }
        let mut cids = vec![Vec::new(); n];
        for cid in 0..FIRST_PROGRAM_CID + n as u32 {
            if let Some(c) = iso.classes.class_of_cid(cid) {
                cids[c.index()].push(cid);
            }
        }
        Hierarchy {
            allocated_subtypes,
            cids,
            live: reach.functions.clone(),
            decisions: Vec::new(),
            untyped_sites: 0,
        }
    }

    /// The direct target of `selector` on receivers of static type `receiver`, if every
    /// class they can have resolves it to the same member (see the module comment).
    pub fn devirtualize(
        &mut self,
        iso: &mut Isolate,
        receiver: &DartType,
        selector: Selector,
        argdesc: u32,
    ) -> Option<Devirtualized> {
        let DartType::Interface { class, .. } = receiver else {
            self.untyped_sites += 1;
            return None;
        };
        let result = self.decide(iso, *class, selector, argdesc);
        self.decisions.push(SiteDecision {
            receiver: *class,
            selector,
            result: result.as_ref().map(|d| d.target),
        });
        result
    }

    fn decide(
        &self,
        iso: &mut Isolate,
        class: ClassId,
        selector: Selector,
        argdesc: u32,
    ) -> Option<Devirtualized> {
        let candidates = self.allocated_subtypes.get(class.index())?;
        let target = self.common_target(iso, candidates, selector)?;
        let cids = self.cid_ranges(candidates)?;
        let target = match (target, selector) {
            (Target::Function(f), _) => {
                self.function_target(iso, candidates, f, selector, argdesc)?
            }
            (
                Target::Field {
                    slot,
                    setter: false,
                },
                Selector::Getter(_),
            ) => DirectTarget::LoadField(slot),
            (Target::Field { slot, setter: true }, Selector::Setter(_)) => {
                DirectTarget::StoreField(slot)
            }
            // Getter-then-call, tear-offs: the runtime builds something; keep dispatch.
            _ => return None,
        };
        Some(Devirtualized { cids, target })
    }

    /// The one target every candidate class resolves `selector` to.
    fn common_target(
        &self,
        iso: &mut Isolate,
        candidates: &[ClassId],
        selector: Selector,
    ) -> Option<Target> {
        let program = iso.program.clone();
        let mut common = None;
        for &k in candidates {
            // Closures and records are dispatched by the runtime before any lookup.
            if self.cids[k.index()]
                .iter()
                .any(|&c| c == CID_CLOSURE || c == CID_RECORD)
            {
                return None;
            }
            let cid = iso.classes.cid_of(k);
            let t = iso.classes.lookup(&program, cid, selector)?;
            if common.is_some_and(|c| c != t) {
                return None;
            }
            common = Some(t);
        }
        common
    }

    /// The candidates' class ids as a few inclusive ranges.
    fn cid_ranges(&self, candidates: &[ClassId]) -> Option<Vec<(u32, u32)>> {
        let mut all: Vec<u32> = candidates
            .iter()
            .flat_map(|k| self.cids[k.index()].iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for cid in all {
            match ranges.last_mut() {
                Some((_, hi)) if *hi + 1 == cid => *hi = cid,
                _ => ranges.push((cid, cid)),
            }
        }
        (!ranges.is_empty() && ranges.len() <= MAX_CID_RANGES).then_some(ranges)
    }

    /// A call of `f`: inlined when it is a trivial leaf, direct otherwise. `None` when
    /// the call must stay dynamic (the shape does not fit, so dispatch raises
    /// NoSuchMethodError; no code; shaken out).
    fn function_target(
        &self,
        iso: &mut Isolate,
        candidates: &[ClassId],
        f: FunctionId,
        selector: Selector,
        argdesc: u32,
    ) -> Option<DirectTarget> {
        let func = iso.program.functions.get(f.index())?;
        let has_code = func.body.is_some() || func.native.is_some();
        if !has_code
            || !self.live.get(f.index()).copied().unwrap_or(false)
            || !crate::runtime::entries::accepts(iso, f, argdesc)
        {
            return None;
        }
        Some(
            self.trivial_leaf(iso, candidates, f, selector)
                .unwrap_or(DirectTarget::Call(f)),
        )
    }

    /// A getter (or a method called without arguments) whose body is `return this.f` or
    /// `return <constant>`: the load or the constant.
    fn trivial_leaf(
        &self,
        iso: &mut Isolate,
        candidates: &[ClassId],
        f: FunctionId,
        selector: Selector,
    ) -> Option<DirectTarget> {
        let program = iso.program.clone();
        let func = program.function(f);
        let kind_fits = matches!(
            (func.kind, selector),
            (FunctionKind::Getter, Selector::Getter(_))
                | (FunctionKind::Method, Selector::Method(_))
        );
        if !kind_fits
            || func.async_marker != AsyncMarker::Sync
            || func.native.is_some()
            || func.type_args_local.is_some()
            || func.params.count() != 0
        {
            return None;
        }
        let mut body = func.body.as_ref()?;
        while let StmtKind::Block(list) = &body.kind {
            let [only] = list.as_slice() else {
                return None;
            };
            body = only;
        }
        let StmtKind::Return(Some(value)) = &body.kind else {
            return None;
        };
        match &value.kind {
            ExprKind::Const(c) => Some(DirectTarget::Constant(*c)),
            ExprKind::FieldGet { receiver, field } if matches!(receiver.kind, ExprKind::This) => {
                Some(DirectTarget::LoadField(program.field(*field).slot))
            }
            ExprKind::InstanceGet { receiver, name } if matches!(receiver.kind, ExprKind::This) => {
                // `this.x` where every candidate's `x` is the same field.
                match self.common_target(iso, candidates, Selector::Getter(*name))? {
                    Target::Field {
                        slot,
                        setter: false,
                    } => Some(DirectTarget::LoadField(slot)),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// `class` and everything it extends, mixes in or implements, transitively.
fn supertypes(program: &Program, class: ClassId) -> Vec<ClassId> {
    let mut seen = vec![false; program.classes.len()];
    let mut out = Vec::new();
    let mut stack = vec![class];
    while let Some(c) = stack.pop() {
        if std::mem::replace(&mut seen[c.index()], true) {
            continue;
        }
        out.push(c);
        let cl = program.class(c);
        stack.extend(cl.superclass);
        stack.extend(cl.mixins.iter().copied());
        stack.extend(cl.interfaces.iter().copied());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front::diagnostics::Diagnostics;
    use crate::front::source::SourceMap;
    use crate::kernel::ir::{Expr, FunctionId, Stmt};
    use crate::runtime::isolate::{IsolateOptions, IsolatePtr};
    use crate::runtime::object::Value;
    use std::sync::Arc;

    /// `probe` reads `v.x` and `callM` calls `v.m()` on a `dynamic` receiver; the test
    /// rewrites those receivers' static types to `A`, a lie for every value but an `A`.
    /// `B` keeps `x` in another slot, so running A's code on a B would show.
    const SOURCE: &str = r#"
class A { int x = 1; int m() => 10 + x; }
class B { int pad = 5; int x = 2; int m() => 20 + x; }
dynamic probe(dynamic v) => v.x;
dynamic callM(dynamic v) => v.m();
dynamic viaA() => probe(A());
dynamic viaB() => probe(B());
dynamic viaNull() => probe(null);
dynamic viaSmi() => probe(7);
dynamic callA() => callM(A());
dynamic callB() => callM(B());
void main() { viaA(); viaB(); callA(); callB(); }
"#;

    fn load() -> (crate::kernel::ir::Program, SourceMap) {
        let dir = std::env::temp_dir().join(format!("dartrs-cha-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("lie.dart");
        std::fs::write(&path, SOURCE).expect("write");
        let mut sources = SourceMap::new();
        let mut diags = Diagnostics::new();
        let opts = crate::kernel::LoadOptions::default();
        let program = crate::kernel::load_program(&path, &opts, &mut sources, &mut diags);
        let _ = std::fs::remove_dir_all(&dir);
        (program.expect("the program compiles"), sources)
    }

    fn function(p: &Program, name: &str) -> FunctionId {
        let i = p.functions.iter().position(|f| f.name.as_str() == name);
        FunctionId(i.expect("declared") as u32)
    }

    /// The receiver of the instance call a function body returns.
    fn returned_call_receiver(body: &mut Stmt) -> &mut Expr {
        match &mut body.kind {
            StmtKind::Block(list) => returned_call_receiver(list.last_mut().expect("a statement")),
            StmtKind::Return(Some(e)) => call_receiver(e),
            other => panic!("a return, not {other:?}"),
        }
    }

    fn call_receiver(e: &mut Expr) -> &mut Expr {
        match &mut e.kind {
            ExprKind::As { expr, .. } => call_receiver(expr),
            ExprKind::InstanceGet { receiver, .. } | ExprKind::InstanceCall { receiver, .. } => {
                receiver
            }
            other => panic!("an instance call, not {other:?}"),
        }
    }

    #[test]
    fn receivers_a_static_type_lied_about_take_the_inline_cache() {
        let (mut program, sources) = load();
        let a = program
            .classes
            .iter()
            .position(|c| c.name.as_str() == "A")
            .map(|i| ClassId(i as u32))
            .expect("class A");
        for name in ["probe", "callM"] {
            let f = function(&program, name);
            let body = program.functions[f.index()].body.as_mut().expect("body");
            returned_call_receiver(body).ty = DartType::Interface {
                class: a,
                args: Vec::new(),
                nullable: false,
            };
        }
        let program = Arc::new(program);
        let reach = crate::snapshot::shake::reachable(&program);
        let options = IsolateOptions::default();
        let mut iso = Isolate::new(program.clone(), Arc::new(sources), options).expect("iso");
        iso.cha = Some(Box::new(Hierarchy::new(&program, &reach, &iso)));
        let marker = 0u8;
        iso.thread.stack_limit = (&marker as *const u8 as u64) - (1 << 20);
        let desc = iso.argdesc_for(0, &[]);
        let p = IsolatePtr::new(&mut iso);
        let call = |name: &str| Isolate::invoke(p, function(&program, name).0, &[], desc);
        let smi = |r: Result<Value, _>| r.map(|v| v.smi_value()).ok();
        // A is the only allocated class below A: the site loads the field inline, and
        // calls A.m directly; B, null and a Smi fail the class-id check and are
        // dispatched (B's members, NoSuchMethodError for the others).
        assert_eq!(smi(call("viaA")), Some(1));
        assert_eq!(smi(call("viaB")), Some(2));
        assert_eq!(smi(call("callA")), Some(11));
        assert_eq!(smi(call("callB")), Some(22));
        let throws = |name: &str| {
            let failed = call(name).is_err();
            p.get().thread.clear_pending_exception();
            failed
        };
        assert!(throws("viaNull"));
        assert!(throws("viaSmi"));
        let decisions = &p.get().cha.as_ref().expect("cha").decisions;
        let made: Vec<_> = decisions.iter().filter_map(|d| d.result).collect();
        assert!(made.contains(&DirectTarget::LoadField(0)), "{made:?}");
        let m = function(&program, "m");
        assert!(made.contains(&DirectTarget::Call(m)), "{made:?}");
    }
}
