//! Closures the runtime makes on demand: tear-offs of instance methods (`obj.method` as a
//! value), which bind their receiver.

use super::isolate::{Fatal, Isolate};
use super::layout::*;
use super::object::*;
use crate::front::intern::Symbol;
use crate::kernel::ir::*;

/// Replaces the receiver in `receiver_slot` by a closure binding it to method `f`, and
/// returns the entry index of a stub that returns that slot (the caller's getter call
/// then yields the closure).
pub fn bound_tear_off(iso: &mut Isolate, f: FunctionId, receiver_slot: u64) -> Result<u32, Fatal> {
    let forwarder = iso.forwarder_entry(f, true)?;
    let captures = super::lists::new_array(iso, CID_ARRAY, 1);
    iso.handles.push(captures.0);
    let c = iso.allocate(CID_CLOSURE, 1 + CLOSURE_SLOTS);
    let captures = Value(iso.handles.pop().unwrap_or(captures.0));
    // SAFETY: the slot is a live stack slot of the calling frame (re-read after the
    // allocations, which may have moved the receiver); `c` has CLOSURE_SLOTS slots and
    // `captures` one element.
    unsafe {
        let receiver = *(receiver_slot as *const u64);
        captures.set_slot(array_element_slot(0), receiver);
        c.set_slot(CLOSURE_FUNCTION, Value::smi(forwarder as i64).0);
        c.set_slot(CLOSURE_CAPTURES, captures.0);
        c.set_slot(CLOSURE_BOUND_RECEIVER, receiver);
        *(receiver_slot as *mut u64) = c.0;
    }
    iso.return_first_argument_entry()
}

/// The closure function of a tear-off of `target`: parameter 0 is the closure, the rest
/// mirror `target`'s (with its defaults); the body calls `target`, with the receiver the
/// closure captured (capture 0, by value) when `bound`.
pub fn forwarder_function(program: &Program, target: FunctionId, bound: bool) -> Function {
    let t = program.function(target);
    let p = &t.params;
    let span = t.span;
    let local = |name: Symbol| Local {
        name,
        span,
        is_final: true,
        is_late: false,
        captured: false,
        ty: DartType::Dynamic,
    };
    let mut locals = vec![local(Symbol::intern(":closure"))];
    let param_name = |i: u32| {
        t.locals
            .get((p.receiver_slots + i) as usize)
            .map_or(Symbol::intern(":p"), |l| l.name)
    };
    locals.extend((0..p.count()).map(|i| local(param_name(i))));
    let get = |i: u32| Expr {
        kind: ExprKind::LocalGet(LocalId(i)),
        span,
        ty: DartType::Dynamic,
    };
    let args = Args {
        positional: (1..=p.positional()).map(get).collect(),
        named: p
            .named
            .iter()
            .enumerate()
            .map(|(k, np)| (np.name, get(1 + p.positional() + k as u32)))
            .collect(),
    };
    let receiver = bound.then(|| {
        Box::new(Expr {
            kind: ExprKind::CapturedGet(0),
            span,
            ty: DartType::Dynamic,
        })
    });
    let call = Expr {
        kind: ExprKind::StaticCall {
            target,
            receiver,
            args,
        },
        span,
        ty: DartType::Dynamic,
    };
    Function {
        name: t.name,
        qualified_name: t.qualified_name.clone(),
        kind: FunctionKind::Closure,
        library: t.library,
        owner: t.owner,
        span,
        async_marker: AsyncMarker::Sync,
        params: Parameters {
            receiver_slots: 1,
            ..p.clone()
        },
        locals,
        body: Some(Stmt {
            kind: StmtKind::Return(Some(call)),
            span,
        }),
        captures: if bound {
            vec![Capture::This]
        } else {
            Vec::new()
        },
        native: None,
    }
}
