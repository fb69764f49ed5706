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
    let local = |name: Symbol, ty: DartType| Local {
        name,
        span,
        is_final: true,
        is_late: false,
        captured: false,
        ty,
    };
    let mut locals = vec![local(Symbol::intern(":closure"), DartType::Dynamic)];
    let param = |i: u32| {
        t.locals
            .get((p.receiver_slots + i) as usize)
            .map_or((Symbol::intern(":p"), DartType::Dynamic), |l| {
                (l.name, l.ty.clone())
            })
    };
    locals.extend((0..p.count()).map(|i| {
        let (name, ty) = param(i);
        local(name, ty)
    }));
    // A generic target's tear-off is generic too: `f<int>(x)` on it passes the vector on
    // (its hidden local follows the parameters, as in every generic function).
    let generic = t.type_args_local.is_some() && t.kind != FunctionKind::Factory;
    let type_args_local = generic.then(|| {
        locals.push(local(Symbol::intern(":typeArgs"), DartType::Dynamic));
        LocalId(locals.len() as u32 - 1)
    });
    let get = |i: u32| Expr {
        kind: ExprKind::LocalGet(LocalId(i)),
        span,
        ty: DartType::Dynamic,
    };
    let args = Args {
        type_args: type_args_local.map(|l| Box::new(get(l.0))),
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
    // The forwarder calls `target` statically, so `target` makes its covariance checks
    // itself; a dynamic call of the tear-off must check the declared types here. Types
    // that mention type parameters are left to `target` (its covariant ones) or unchecked.
    let param_checks = t
        .param_checks
        .iter()
        .filter(|c| {
            t.locals
                .get(c.local.index())
                .is_some_and(|l| !l.ty.is_open())
        })
        .filter_map(|c| {
            let i = c.local.0.checked_sub(p.receiver_slots)?;
            Some(crate::kernel::ir::ParamCheck {
                local: LocalId(1 + i),
                always: false,
            })
        })
        .collect();
    Function {
        return_type: t.return_type.clone(),
        type_args_local,
        default_type_args: if generic {
            t.default_type_args.clone()
        } else {
            Vec::new()
        },
        param_checks,
        type_params: if generic {
            t.type_params.clone()
        } else {
            Vec::new()
        },
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

/// The static function type of `func` (parameter types from its parameter locals).
pub fn function_sig(func: &Function) -> FunctionSig {
    let p = &func.params;
    let ty = |i: u32| {
        func.locals
            .get((p.receiver_slots + i) as usize)
            .map_or(DartType::Dynamic, |l| l.ty.clone())
    };
    FunctionSig {
        return_type: func.return_type.clone(),
        positional: (0..p.positional()).map(ty).collect(),
        required_positional: p.required_positional,
        named: p
            .named
            .iter()
            .enumerate()
            .map(|(k, n)| (n.name, ty(p.positional() + k as u32), n.required))
            .collect(),
    }
}

/// The runtime function type of closure `c`: its function's signature, with the type
/// parameters of the class of a captured `this` bound to that receiver's type arguments
/// (type parameters of enclosing generic functions are not recoverable here and read as
/// `dynamic`).
pub fn closure_type(iso: &mut Isolate, c: Value) -> super::rtt::RtTypeId {
    // SAFETY: `c` is a closure: slot CLOSURE_FUNCTION is its entry index as a Smi.
    let entry = unsafe { Value(c.slot(CLOSURE_FUNCTION)).smi_value() } as u32;
    let Some(func) = iso.function_for_entry(entry) else {
        return iso.rtt.intern(super::rtt::RtType::Function {
            sig: None,
            nullable: false,
        });
    };
    let sig = function_sig(func);
    let this_capture = func
        .captures
        .iter()
        .position(|c| matches!(c, Capture::This));
    let owner = func.owner;
    let program = iso.program.clone();
    let mut env_names = Vec::new();
    let mut env_args = super::rtt::TypeArgsId::EMPTY;
    if let (Some(k), Some(owner)) = (this_capture, owner) {
        // SAFETY: a closure's captures array holds one value per capture.
        let receiver = unsafe {
            let captures = Value(c.slot(CLOSURE_CAPTURES));
            Value(captures.slot(array_element_slot(k)))
        };
        if receiver != iso.null() && !program.class(owner).type_params.is_empty() {
            if let Some((class, args)) = super::types::class_and_args(iso, receiver) {
                if let Some(a) = iso.rtt.super_args(&program, class, args, owner) {
                    env_names = program.class(owner).type_params.clone();
                    env_args = a;
                }
            }
        }
    }
    let env: [(&[Symbol], super::rtt::TypeArgsId); 1] = [(&env_names, env_args)];
    let sig = iso.rtt.instantiate_sig(&program, &sig, &env);
    iso.rtt.intern(super::rtt::RtType::Function {
        sig: Some(sig),
        nullable: false,
    })
}
